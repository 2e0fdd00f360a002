"""The frames as Great Expectations sees them, and what is left of them after the quarantine.

Validation runs on a view, never on the frame handed in: the view is indexed by position, so
a failing row GX names maps back to the row to withhold, and its representations are
normalised (without changing any value) so that GX's type names can describe them.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from expectations.suite_rules import TEMPORAL_TYPES
from expectations.suites import Suite


def validation_view(frame: pd.DataFrame, suite: Suite | None) -> pd.DataFrame:
    """The frame as GX sees it: positional index (quarantine maps back by position) and
    representations normalised without changing any value:

    - pandas 3 `str` columns become `object` (GX's type names cannot express that dtype; for
      object columns GX checks each value's Python type, which is what VARCHAR means);
    - all-null columns become `object` (a column without values has no type to check);
    - DATE/TIMESTAMP columns of python dates become datetime64 (both arrive: DuckDB gives
      datetime64, hand-built frames give `datetime.date`); other values are left for the
      type check to report;
    - arrays in VARCHAR[] columns become lists.
    """
    view = frame.reset_index(drop=True)
    for col in view.columns:
        series = view[col]
        sql_type = suite.columns.get(col) if suite is not None else None
        if len(series) and series.isna().all():
            view[col] = pd.Series([None] * len(series), dtype="object")
        elif isinstance(series.dtype, pd.StringDtype):
            view[col] = series.astype("object").where(series.notna(), None)
        elif sql_type in TEMPORAL_TYPES and series.dtype == object:
            values = series.dropna()
            if values.map(lambda v: isinstance(v, dt.date)).all():
                view[col] = pd.to_datetime(series)
        elif sql_type == "VARCHAR[]" and series.dtype == object:
            view[col] = series.map(lambda v: list(v) if isinstance(v, np.ndarray | tuple) else v)
    return view


def without_rows(frame: pd.DataFrame, positions: set[int]) -> pd.DataFrame:
    if not positions:
        return frame
    keep = np.ones(len(frame), dtype=bool)
    keep[list(positions)] = False
    return frame.iloc[np.flatnonzero(keep)]
