"""Withholding rows from publication, and with them what depends on them.

A row-level failure withholds the failing rows only; the run still publishes. What is
published must stay referentially whole, so a withheld fact takes its mentions, conflicts and
participants with it, and a fact whose every mention was withheld has no provenance left and
is withheld too. Each withheld row is filed with its row key and its original values, so the
quarantine shows exactly what was left out and why.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from expectations.gate_records import QuarantinedRow
from expectations.suites import Suite
from expectations.table_links import DEPENDANT_TABLES, FACT_TABLES, FACT_TYPED_DEPENDANTS


class Quarantine:
    """The rows one gate run withholds: by position per table, and as filed."""

    def __init__(
        self,
        tables: Mapping[str, pd.DataFrame],
        suites: dict[str, Suite],
        views: dict[str, pd.DataFrame],
    ) -> None:
        self.tables = tables
        self.suites = suites
        self.views = views
        # table -> positions withheld from publication
        self.withheld: dict[str, set[int]] = {name: set() for name in views}
        self.quarantined: list[QuarantinedRow] = []

    def failing_rows(self, suite: Suite, positions: Sequence[Any], expectation: str) -> None:
        for position in sorted({int(p) for p in positions}):
            self.withhold(suite.table, position, expectation)

    def withhold(self, table: str, position: int, expectation: str) -> str:
        """Withhold one row and file it; returns its row key."""
        suite = self.suites[table]
        view = self.views[table]
        row_key = "|".join(key_part(view[c].iat[position]) for c in suite.row_key)
        self.withheld[table].add(position)
        original = self.tables[table].iloc[position]
        self.quarantined.append(
            QuarantinedRow(
                table=table, row_key=row_key, expectation=expectation, row_json=row_json(original)
            )
        )
        return row_key

    def cascade(self) -> None:
        """Withhold what depends on withheld rows, so the published set stays whole.

        1. A fact all of whose mentions are withheld has no provenance left: withheld.
        2. A withheld fact takes its mentions, conflicts and participants with it.
        Each of those rows belongs to one fact, so one pass suffices.
        """
        # Only tables with a suite are published, so only they are withheld from.
        mentions = self.views.get("mentions") if "mentions" in self.suites else None
        mentions_ok = mentions is not None and {"fact_type", "fact_id"} <= set(mentions.columns)
        if mentions_ok and self.withheld["mentions"]:
            assert mentions is not None
            kept = mentions.drop(index=list(self.withheld["mentions"]))
            for table, (id_col, fact_type) in FACT_TABLES.items():
                view = self.views.get(table)
                if view is None or table not in self.suites or id_col not in view.columns:
                    continue
                had = set(mentions.loc[mentions["fact_type"] == fact_type, "fact_id"])
                still = set(kept.loc[kept["fact_type"] == fact_type, "fact_id"])
                orphaned = had - still
                for position in np.flatnonzero(view[id_col].isin(orphaned).to_numpy()):
                    if int(position) not in self.withheld[table]:
                        self.withhold(table, int(position), "no_publishable_mention_left")

        for table, (id_col, fact_type) in FACT_TABLES.items():
            view = self.views.get(table)
            if view is None or not self.withheld[table] or id_col not in view.columns:
                continue
            gone = {
                view[id_col].iat[p]: "|".join(
                    key_part(view[c].iat[p]) for c in self.suites[table].row_key
                )
                for p in self.withheld[table]
            }
            for dep_table in FACT_TYPED_DEPENDANTS:
                dep = self.views.get(dep_table) if dep_table in self.suites else None
                if dep is None or not {"fact_type", "fact_id"} <= set(dep.columns):
                    continue
                hit = (dep["fact_type"] == fact_type) & dep["fact_id"].isin(set(gone))
                self._withhold_dependants(dep_table, hit, dep["fact_id"], table, gone)
            for dep_table, (fk, parent) in DEPENDANT_TABLES.items():
                dep = self.views.get(dep_table) if dep_table in self.suites else None
                if parent != table or dep is None or fk not in dep.columns:
                    continue
                self._withhold_dependants(dep_table, dep[fk].isin(set(gone)), dep[fk], table, gone)

    def _withhold_dependants(
        self,
        table: str,
        hit: pd.Series,
        parent_ids: pd.Series,
        parent_table: str,
        parent_keys: Mapping[Any, str],
    ) -> None:
        for position in np.flatnonzero(hit.to_numpy(dtype=bool)):
            p = int(position)
            if p in self.withheld[table]:
                continue
            parent = parent_keys[parent_ids.iat[p]]
            self.withhold(table, p, f"dependant_of_quarantined:{parent_table}:{parent}")


def key_part(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def row_json(row: pd.Series) -> str:
    """The row as stored in the quarantine: JSON, dates ISO, NaN/NaT as null."""

    def plain(value: Any) -> Any:
        if isinstance(value, np.ndarray | list | tuple):
            return [plain(v) for v in value]
        if value is None or value is pd.NA or value is pd.NaT:
            return None
        if isinstance(value, float | np.floating) and math.isnan(float(value)):
            return None
        if isinstance(value, dt.date | pd.Timestamp):
            return value.isoformat()
        if isinstance(value, np.generic):
            return value.item()
        return value

    return json.dumps({str(k): plain(v) for k, v in row.items()}, ensure_ascii=False, default=str)
