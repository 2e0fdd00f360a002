"""Columns the gate derives before validation, so that cross-table and date rules are plain
column expectations Great Expectations can check and the quarantine can point at a row.

GX validates one table at a time. "Every mention's evidence equals the span of its document's
text", "every fact has a mention", "an event is not dated years after the document reporting
it" need other tables; here they become one column per rule on the table being checked
(e.g. `mentions.evidence_matches_text`), computed in pandas. Derived columns exist only in
the validation view: nothing here is published.

Each derivation declares the (table, column) pairs it reads. When one is missing (a table
not handed in, a column the contract check already reports missing) the derivation is not
run and its expectations are reported as not run: the critical contract failure is the news.
A derivation that raises is an error of the check, never a verdict.

Values are True/False where the rule applies and None where it does not (a mention whose
document is missing is reported by `doc_exists`, not again by `evidence_matches_text`):
GX's map expectations skip nulls.

The lookups across tables the derivations share (a fact's mentions, their documents' dates)
are in `table_links.py`, with the links the quarantine follows; the ceilings the amount
checks compare to are in `currency_ceilings.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from expectations.currency_ceilings import CurrencyCeilings
from expectations.table_links import (
    FACT_TABLES,
    Views,
    as_dates,
    days_after,
    latest_publication,
    mention_count,
    names_a_fact,
)

DeriveFn = Callable[[Views, CurrencyCeilings], pd.Series]


@dataclass(frozen=True)
class Derivation:
    """One derived column: the table it is added to, what it reads, how it is computed."""

    table: str
    name: str
    inputs: tuple[tuple[str, str], ...]
    fn: DeriveFn

    def missing_inputs(self, views: Views) -> list[str]:
        """The `table.column` inputs absent from `views` (then the derivation cannot run)."""
        return [f"{t}.{c}" for t, c in self.inputs if t not in views or c not in views[t].columns]


DERIVATIONS: dict[str, dict[str, Derivation]] = {}


def _derived(table: str, name: str, *inputs: str) -> Callable[[DeriveFn], DeriveFn]:
    def register(fn: DeriveFn) -> DeriveFn:
        pairs = tuple((i.split(".")[0], i.split(".")[1]) for i in inputs)
        DERIVATIONS.setdefault(table, {})[name] = Derivation(table, name, pairs, fn)
        return fn

    return register


def derive(
    table: str, names: list[str], views: Views, ceilings: CurrencyCeilings
) -> tuple[dict[str, pd.Series], dict[str, str], dict[str, str]]:
    """Compute the derived columns `names` of `table`.

    Returns (computed columns, not run: name -> reason, raised: name -> error message).
    """
    computed: dict[str, pd.Series] = {}
    skipped: dict[str, str] = {}
    raised: dict[str, str] = {}
    for name in names:
        derivation = DERIVATIONS[table][name]
        missing = derivation.missing_inputs(views)
        if missing:
            skipped[name] = f"not run: derived column {name} needs {', '.join(missing)}"
            continue
        try:
            series = derivation.fn(views, ceilings)
            if len(series) != len(views[table]):
                raise ValueError(f"{len(series)} values for {len(views[table])} rows")
            computed[name] = series.set_axis(views[table].index)
        except Exception as exc:  # an error of the check, reported as such by the gate
            raised[name] = f"derived column {name} raised {type(exc).__name__}: {exc}"
    return computed, skipped, raised


# the id columns of the fact tables a mention or a conflict may name
_ALL_FACT_IDS = ("budgets.budget_id", "projects.project_id", "meetings.meeting_id")


# --- mentions --------------------------------------------------------------------------


@_derived("mentions", "doc_exists", "mentions.doc_id", "documents.doc_id")
def _doc_exists(views: Views, _: CurrencyCeilings) -> pd.Series:
    return views["mentions"]["doc_id"].isin(set(views["documents"]["doc_id"].dropna()))


@_derived(
    "mentions",
    "fact_exists",
    "mentions.fact_type",
    "mentions.fact_id",
    *_ALL_FACT_IDS,
)
def _fact_exists(views: Views, _: CurrencyCeilings) -> pd.Series:
    return names_a_fact(views, "mentions")


@_derived(
    "mentions",
    "evidence_matches_text",
    "mentions.doc_id",
    "mentions.evidence",
    "mentions.char_start",
    "mentions.char_end",
    "documents.doc_id",
    "documents.text",
)
def _evidence_matches_text(views: Views, _: CurrencyCeilings) -> pd.Series:
    docs = views["documents"]
    text_by_doc = dict(zip(docs["doc_id"], docs["text"], strict=True))
    m = views["mentions"]

    def check(doc_id: object, evidence: object, start: object, end: object) -> bool | None:
        if doc_id not in text_by_doc:
            return None  # reported by doc_exists
        text = text_by_doc[doc_id]
        if not isinstance(text, str) or not isinstance(evidence, str):
            return False
        try:
            a, b = int(start), int(end)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return False
        # Python slicing clamps out-of-range offsets silently; an offset outside the text
        # is itself wrong, so it fails rather than compare a truncated span.
        if a < 0 or b < a or b > len(text):
            return False
        return text[a:b] == evidence

    values = [
        check(*row)
        for row in zip(m["doc_id"], m["evidence"], m["char_start"], m["char_end"], strict=True)
    ]
    return pd.Series(values, dtype="object")


# --- conflicts -------------------------------------------------------------------------


@_derived("conflicts", "fact_exists", "conflicts.fact_type", "conflicts.fact_id", *_ALL_FACT_IDS)
def _conflict_fact_exists(views: Views, _: CurrencyCeilings) -> pd.Series:
    return names_a_fact(views, "conflicts")


@_derived(
    "conflicts",
    "column_in_fact_table",
    "conflicts.fact_type",
    "conflicts.column_name",
    *_ALL_FACT_IDS,
)
def _column_in_fact_table(views: Views, _: CurrencyCeilings) -> pd.Series:
    """Whether column_name is a column of the fact table (not its id); None for an unknown
    fact_type, which fact_type_in_vocabulary reports."""
    columns = {
        fact_type: set(views[table].columns) - {id_col}
        for table, (id_col, fact_type) in FACT_TABLES.items()
    }
    c = views["conflicts"]
    values = [
        None if ft not in columns else name in columns[ft]
        for ft, name in zip(c["fact_type"], c["column_name"], strict=True)
    ]
    return pd.Series(values, dtype="object")


@_derived(
    "conflicts",
    "values_of_column",
    "conflicts.fact_type",
    "conflicts.fact_id",
    "conflicts.column_name",
)
def _values_of_column(views: Views, _: CurrencyCeilings) -> pd.Series:
    c = views["conflicts"]
    keys = ["fact_type", "fact_id", "column_name"]
    counts = c.groupby(keys, dropna=False)[keys[0]].transform("size")
    return counts.astype("int64")


# --- budgets ---------------------------------------------------------------------------


@_derived("budgets", "mention_count", "budgets.budget_id", "mentions.fact_type", "mentions.fact_id")
def _budget_mentions(views: Views, _: CurrencyCeilings) -> pd.Series:
    return mention_count(views, "budgets")


@_derived("budgets", "amount_ceiling", "budgets.currency")
def _amount_ceiling(views: Views, ceilings: CurrencyCeilings) -> pd.Series:
    return ceilings.for_codes(views["budgets"]["currency"])


@_derived("budgets", "stated_to_converted_usd_ratio", "budgets.stated_usd", "budgets.amount_usd")
def _usd_ratio(views: Views, _: CurrencyCeilings) -> pd.Series:
    b = views["budgets"]
    stated = pd.to_numeric(b["stated_usd"], errors="coerce")
    converted = pd.to_numeric(b["amount_usd"], errors="coerce")
    ratio = stated / converted.where(converted > 0)
    return ratio.where(stated > 0).astype("float64")


@_derived(
    "budgets",
    "fiscal_year_after_publication",
    "budgets.budget_id",
    "budgets.fiscal_year",
    "mentions.fact_type",
    "mentions.fact_id",
    "mentions.doc_id",
    "documents.doc_id",
    "documents.published_date",
)
def _fiscal_year_after_publication(views: Views, _: CurrencyCeilings) -> pd.Series:
    fiscal = pd.to_numeric(views["budgets"]["fiscal_year"], errors="coerce").astype("float64")
    published_year = latest_publication(views, "budgets").dt.year.astype("float64")
    return fiscal - published_year


# --- projects --------------------------------------------------------------------------


@_derived(
    "projects", "mention_count", "projects.project_id", "mentions.fact_type", "mentions.fact_id"
)
def _project_mentions(views: Views, _: CurrencyCeilings) -> pd.Series:
    return mention_count(views, "projects")


@_derived("projects", "funding_ceiling", "projects.funding_currency")
def _funding_ceiling(views: Views, ceilings: CurrencyCeilings) -> pd.Series:
    return ceilings.for_codes(views["projects"]["funding_currency"])


@_derived(
    "projects", "funding_has_currency", "projects.funding_amount", "projects.funding_currency"
)
def _funding_has_currency(views: Views, _: CurrencyCeilings) -> pd.Series:
    p = views["projects"]
    return (p["funding_amount"].isna() | p["funding_currency"].notna()).astype("bool")


@_derived("projects", "event_year", "projects.event_date")
def _event_year(views: Views, _: CurrencyCeilings) -> pd.Series:
    return as_dates(views["projects"]["event_date"]).dt.year.astype("float64")


@_derived(
    "projects",
    "event_days_after_publication",
    "projects.project_id",
    "projects.event_date",
    "mentions.fact_type",
    "mentions.fact_id",
    "mentions.doc_id",
    "documents.doc_id",
    "documents.published_date",
)
def _event_days_after(views: Views, _: CurrencyCeilings) -> pd.Series:
    p = views["projects"]
    return days_after(p["event_date"], latest_publication(views, "projects"))


# --- meetings --------------------------------------------------------------------------


@_derived(
    "meetings", "mention_count", "meetings.meeting_id", "mentions.fact_type", "mentions.fact_id"
)
def _meeting_mentions(views: Views, _: CurrencyCeilings) -> pd.Series:
    return mention_count(views, "meetings")


@_derived("meetings", "start_year", "meetings.start_date")
def _start_year(views: Views, _: CurrencyCeilings) -> pd.Series:
    return as_dates(views["meetings"]["start_date"]).dt.year.astype("float64")


@_derived(
    "meetings",
    "start_days_after_publication",
    "meetings.meeting_id",
    "meetings.start_date",
    "mentions.fact_type",
    "mentions.fact_id",
    "mentions.doc_id",
    "documents.doc_id",
    "documents.published_date",
)
def _start_days_after(views: Views, _: CurrencyCeilings) -> pd.Series:
    m = views["meetings"]
    return days_after(m["start_date"], latest_publication(views, "meetings"))


# --- participants ----------------------------------------------------------------------


@_derived(
    "project_participants",
    "project_exists",
    "project_participants.project_id",
    "projects.project_id",
)
def _project_exists(views: Views, _: CurrencyCeilings) -> pd.Series:
    known = set(views["projects"]["project_id"].dropna())
    return views["project_participants"]["project_id"].isin(known)


@_derived(
    "meeting_participants",
    "meeting_exists",
    "meeting_participants.meeting_id",
    "meetings.meeting_id",
)
def _meeting_exists(views: Views, _: CurrencyCeilings) -> pd.Series:
    known = set(views["meetings"]["meeting_id"].dropna())
    return views["meeting_participants"]["meeting_id"].isin(known)


# --- documents -------------------------------------------------------------------------


@_derived(
    "documents",
    "parsed_without_facts",
    "documents.doc_id",
    "documents.status",
    "mentions.doc_id",
)
def _parsed_without_facts(views: Views, _: CurrencyCeilings) -> pd.Series:
    """1.0 for a parsed document no fact cites, 0.0 for one that yielded facts, NaN otherwise:
    its mean is the share of parsed documents that yielded nothing."""
    d = views["documents"]
    cited = set(views["mentions"]["doc_id"].dropna())
    no_facts = (~d["doc_id"].isin(cited)).astype("float64")
    return no_facts.where(d["status"] == "parsed", np.nan)


@_derived("documents", "parsed_text_present", "documents.status", "documents.text")
def _parsed_text_present(views: Views, _: CurrencyCeilings) -> pd.Series:
    d = views["documents"]
    present = [isinstance(t, str) and bool(t.strip()) for t in d["text"]]
    return pd.Series(present, dtype="object").where(d["status"] == "parsed", None)


@_derived("documents", "failed_has_error", "documents.status", "documents.error")
def _failed_has_error(views: Views, _: CurrencyCeilings) -> pd.Series:
    d = views["documents"]
    present = [isinstance(e, str) and bool(e.strip()) for e in d["error"]]
    return pd.Series(present, dtype="object").where(d["status"] == "failed", None)


# --- countries -------------------------------------------------------------------------


@_derived("countries", "iso2_matches_iso3", "countries.iso3", "countries.iso2")
def _iso2_matches_iso3(views: Views, _: CurrencyCeilings) -> pd.Series:
    import pycountry

    pairs = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    c = views["countries"]
    values = [
        None if not isinstance(i2, str) or i3 not in pairs else pairs[i3] == i2
        for i3, i2 in zip(c["iso3"], c["iso2"], strict=True)
    ]
    return pd.Series(values, dtype="object")
