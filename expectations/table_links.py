"""How the published tables name one another's rows, and the lookups across those names.

A mention or a conflict names its fact by (fact_type, fact_id); a participant names its
project or meeting by id. The quarantine follows these links to withhold what depends on a
withheld row, and the derived columns follow them to read a fact's mentions and the
documents behind them. Keeping the links in one place keeps both readings the same.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

Views = Mapping[str, pd.DataFrame]

# fact table -> (its id column, its mentions.fact_type)
FACT_TABLES: dict[str, tuple[str, str]] = {
    "budgets": ("budget_id", "budget"),
    "projects": ("project_id", "project"),
    "meetings": ("meeting_id", "meeting"),
}
# dependant table -> (its column naming the fact, fact table)
DEPENDANT_TABLES: dict[str, tuple[str, str]] = {
    "project_participants": ("project_id", "projects"),
    "meeting_participants": ("meeting_id", "meetings"),
}
# Tables whose rows name a fact by (fact_type, fact_id): they go where their fact goes.
FACT_TYPED_DEPENDANTS: tuple[str, ...] = ("mentions", "conflicts")


def as_dates(series: pd.Series) -> pd.Series:
    """As datetime64; values that are not dates become NaT (the type check reports them)."""
    return pd.to_datetime(series, errors="coerce")


def fact_mentions(views: Views, fact_type: str) -> pd.DataFrame:
    m = views["mentions"]
    return m.loc[m["fact_type"] == fact_type, ["fact_id", "doc_id"]]


def mention_count(views: Views, table: str) -> pd.Series:
    id_col, fact_type = FACT_TABLES[table]
    counts = fact_mentions(views, fact_type)["fact_id"].value_counts()
    ids = views[table][id_col]
    found = counts.reindex(ids.to_numpy()).fillna(0).astype("int64").to_numpy()
    return pd.Series(found, index=ids.index)


def latest_publication(views: Views, table: str) -> pd.Series:
    """Per fact row: the latest publication date among the documents that mention it.

    The latest, because a fact stated by several documents is plausible if it is plausible
    for any of them.
    """
    id_col, fact_type = FACT_TABLES[table]
    docs = views["documents"]
    published = pd.Series(as_dates(docs["published_date"]).to_numpy(), index=docs["doc_id"])
    published = published[~published.index.duplicated(keep="last")]
    mentions = fact_mentions(views, fact_type)
    dated = mentions.assign(published=mentions["doc_id"].map(published))
    latest = dated.groupby("fact_id")["published"].max()
    # reindex, not map: mapping through an empty datetime Series makes pandas try to cast
    # the result to float and raise, and a dict of boxed Timestamps is slow at 100k facts.
    ids = views[table][id_col]
    return as_dates(pd.Series(latest.reindex(ids.to_numpy()).to_numpy(), index=ids.index))


def days_after(event: pd.Series, reference: pd.Series) -> pd.Series:
    # Both sides as datetime64[s]: an empty column can arrive with another unit or as
    # objects, and the difference must always be a timedelta. Seconds, not nanoseconds:
    # a misread year like 0024 must stay a date (and fail its check), not overflow.
    start = as_dates(event).astype("datetime64[s]")
    end = as_dates(reference).astype("datetime64[s]")
    delta = pd.Series(start.to_numpy() - end.to_numpy(), index=event.index)
    return (delta / pd.Timedelta(days=1)).astype("float64")


def names_a_fact(views: Views, table: str) -> pd.Series:
    """Per row of `table`: whether (fact_type, fact_id) names a row of that fact table."""
    rows = views[table]
    known = {
        fact_type: set(views[facts][id_col].dropna())
        for facts, (id_col, fact_type) in FACT_TABLES.items()
    }
    values = [
        fid in known.get(ft, ()) for ft, fid in zip(rows["fact_type"], rows["fact_id"], strict=True)
    ]
    return pd.Series(values, dtype="bool")
