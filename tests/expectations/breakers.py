"""One way to break each expectation of the packaged suites, on the realistic dataset.

Every critical, row-level and warning expectation in `expectations/suites/*.toml` must have a
breaker here: the tests are parametrised over the loaded suites, so a new expectation without
a breaker fails its test ("no breaker for ...") instead of going untested.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from expectations.gate import GateResult, row_keys
from expectations.gate_records import ExpectationResult
from expectations.suites import Suite, load_suites

Tables = dict[str, pd.DataFrame]

# A value of the wrong Python type for each SQL type of the contract.
_FOREIGN: dict[str, Any] = {
    "VARCHAR": 42,
    "DOUBLE": "lots",
    "INTEGER": "2024",
    "DATE": "2024-03-27",
    "TIMESTAMP": "yesterday",
    "VARCHAR[]": "CAS",
}


def result_for(result: GateResult, table: str, expectation: str) -> ExpectationResult:
    """The one result of `table`.`expectation`, failing the test if it is absent or doubled."""
    found = [r for r in result.results if r.table == table and r.expectation == expectation]
    assert len(found) == 1, f"{table}.{expectation}: {len(found)} results"
    return found[0]


def set_value(frame: pd.DataFrame, label: Any, column: str, value: Any) -> None:
    """Set one cell, widening the column to object when the value does not fit its dtype."""
    try:
        frame.loc[label, column] = value
    except (TypeError, ValueError):
        frame[column] = frame[column].astype("object")
        frame.loc[label, column] = value


def label_of(frame: pd.DataFrame, column: str, value: Any) -> Any:
    labels = frame.index[frame[column] == value]
    assert len(labels) == 1, f"{column} == {value!r}: {len(labels)} rows"
    return labels[0]


def drop_mentions_of(tables: Tables, fact_id: str) -> None:
    mentions = tables["mentions"]
    tables["mentions"] = mentions[mentions["fact_id"] != fact_id].reset_index(drop=True)


# --- critical --------------------------------------------------------------------------


def break_critical(table: str, name: str, tables: Tables, suite: Suite) -> dict[str, Any]:
    """Break `table`.`name` in place; returns extra run_gate kwargs (previous_counts)."""
    frame = tables[table]
    if name == "columns_match_contract":
        frame["unexpected_column"] = "x"
    elif name.startswith("type:"):
        column = name.removeprefix("type:")
        # object first: pandas would parse "2024-03-27" into a datetime64 column's type
        frame[column] = frame[column].astype("object")
        frame.loc[frame.index[0], column] = _FOREIGN[suite.columns[column]]
    elif name.startswith("not_null:"):
        column = name.removeprefix("not_null:")
        frame[column] = frame[column].astype("object")
        frame.loc[frame.index[0], column] = None
    elif name == "key_unique":
        tables[table] = pd.concat([frame, frame.iloc[[0]]], ignore_index=True)
    elif name == "row_count_not_collapsed":
        return {"previous_counts": {table: 3 * len(frame) + 1}}
    elif (table, name) in _CRITICAL:
        _CRITICAL[(table, name)](tables)
    else:
        raise AssertionError(f"no breaker for critical {table}.{name}")
    return {}


_CRITICAL: dict[tuple[str, str], Callable[[Tables], None]] = {
    ("documents", "status_in_vocabulary"): lambda t: set_value(t["documents"], 0, "status", "done"),
    ("documents", "doc_type_in_vocabulary"): lambda t: set_value(
        t["documents"], 0, "doc_type", "blog"
    ),
    ("mentions", "fact_type_in_vocabulary"): lambda t: set_value(
        t["mentions"], 0, "fact_type", "policy"
    ),
    ("mentions", "doc_exists"): lambda t: set_value(t["mentions"], 0, "doc_id", "d-not-fetched"),
    ("mentions", "fact_exists"): lambda t: set_value(t["mentions"], 0, "fact_id", "b-retracted"),
    ("conflicts", "fact_type_in_vocabulary"): lambda t: set_value(
        t["conflicts"], 0, "fact_type", "policy"
    ),
    ("conflicts", "fact_exists"): lambda t: set_value(t["conflicts"], 0, "fact_id", "b-retracted"),
    ("project_participants", "project_exists"): lambda t: set_value(
        t["project_participants"], 0, "project_id", "p-retracted"
    ),
    ("sources", "kind_in_vocabulary"): lambda t: set_value(t["sources"], 0, "kind", "api"),
    ("sources", "doc_type_in_vocabulary"): lambda t: set_value(
        t["sources"], 0, "doc_type", "podcast"
    ),
    ("retracted_facts", "fact_type_in_vocabulary"): lambda t: set_value(
        t["retracted_facts"], 0, "fact_type", "person"
    ),
    ("meeting_participants", "meeting_exists"): lambda t: set_value(
        t["meeting_participants"], 0, "meeting_id", "m-retracted"
    ),
}


# --- row-level -------------------------------------------------------------------------


def _budget(column: str, value: Any) -> Callable[[Tables], str]:
    def breaker(t: Tables) -> str:
        set_value(
            t["budgets"], label_of(t["budgets"], "budget_id", "b-diplomacy-2024"), column, value
        )
        return "b-diplomacy-2024"

    return breaker


def _project(column: str, value: Any) -> Callable[[Tables], str]:
    def breaker(t: Tables) -> str:
        p = t["projects"]
        set_value(p, label_of(p, "project_id", "p-kz-remote-sensing"), column, value)
        return "p-kz-remote-sensing"

    return breaker


def _meeting(**values: Any) -> Callable[[Tables], str]:
    def breaker(t: Tables) -> str:
        m = t["meetings"]
        for column, value in values.items():
            set_value(m, label_of(m, "meeting_id", "m-cssp-workshop-2024"), column, value)
        return "m-cssp-workshop-2024"

    return breaker


def _without_mentions(table: str, fact_id: str) -> Callable[[Tables], str]:
    def breaker(t: Tables) -> str:
        drop_mentions_of(t, fact_id)
        return fact_id

    return breaker


def _first_row(table: str, **values: Any) -> Callable[[Tables], str]:
    """Break the first row; its key is computed after the change (a key column may change)."""

    def breaker(t: Tables) -> str:
        for column, value in values.items():
            set_value(t[table], 0, column, value)
        return row_keys(t[table].iloc[[0]], _SUITES[table])[0]

    return breaker


_SUITES = load_suites()

ROW_BREAKERS: dict[tuple[str, str], Callable[[Tables], str]] = {
    ("budgets", "has_mention"): _without_mentions("budgets", "b-diplomacy-2024"),
    ("budgets", "category_in_vocabulary"): _budget("category", "space"),
    ("budgets", "phase_in_vocabulary"): _budget("phase", "draft"),
    ("budgets", "currency_is_iso4217"): _budget("currency", "RMB"),
    ("budgets", "spender_country_is_iso3166"): _budget("spender_country", "PRC"),
    ("budgets", "amount_positive"): _budget("amount", -60_783_000_000.0),
    ("budgets", "amount_within_currency_ceiling"): _budget("amount", 6.0783e16),
    ("budgets", "amount_usd_sane"): _budget("amount_usd", 3e13),
    ("budgets", "stated_usd_sane"): _budget("stated_usd", -1.0),
    ("budgets", "change_pct_in_bounds"): _budget("change_pct", 1200.0),
    ("budgets", "fiscal_year_plausible"): _budget("fiscal_year", 1900),
    ("budgets", "fiscal_year_not_after_publication"): _budget("fiscal_year", 2030),
    ("projects", "has_mention"): _without_mentions("projects", "p-kz-remote-sensing"),
    ("projects", "project_type_in_vocabulary"): _project("project_type", "lab"),
    ("projects", "status_in_vocabulary"): _project("status", "opened"),
    ("projects", "country_is_iso3166"): _project("country", "KZ"),
    ("projects", "funding_currency_is_iso4217"): _project("funding_currency", "US$"),
    ("projects", "funding_has_currency"): _project("funding_currency", None),
    ("projects", "funding_positive"): _project("funding_amount", 0.0),
    ("projects", "funding_within_currency_ceiling"): _project("funding_amount", 4e13),
    ("projects", "funding_usd_sane"): _project("funding_usd", 5e13),
    ("projects", "event_not_before_1949"): _project("event_date", pd.Timestamp("1930-03-27")),
    ("projects", "event_not_long_after_publication"): _project(
        "event_date", pd.Timestamp("2026-03-27")
    ),
    ("meetings", "has_mention"): _without_mentions("meetings", "m-cssp-workshop-2024"),
    ("meetings", "meeting_type_in_vocabulary"): _meeting(meeting_type="summit"),
    ("meetings", "country_is_iso3166"): _meeting(country="China"),
    ("meetings", "end_not_before_start"): _meeting(end_date=pd.Timestamp("2024-11-04")),
    ("meetings", "start_not_before_1949"): _meeting(
        start_date=pd.Timestamp("1924-11-06"), end_date=pd.Timestamp("1924-11-08")
    ),
    ("meetings", "start_not_long_after_publication"): _meeting(
        start_date=pd.Timestamp("2026-11-06"), end_date=pd.Timestamp("2026-11-08")
    ),
    ("project_participants", "kind_in_vocabulary"): _first_row(
        "project_participants", kind="person"
    ),
    ("project_participants", "country_is_iso3166"): _first_row(
        "project_participants", country="CN"
    ),
    ("meeting_participants", "kind_in_vocabulary"): _first_row(
        "meeting_participants", kind="nation"
    ),
    ("meeting_participants", "country_is_iso3166"): _first_row(
        "meeting_participants", country="UK"
    ),
    ("mentions", "evidence_matches_text"): _first_row(
        "mentions", evidence="allotted 370.828 billion yuan for science"
    ),
    ("mentions", "char_start_not_negative"): _first_row("mentions", char_start=-1),
    ("mentions", "span_not_empty"): _first_row("mentions", char_end=0, char_start=0),
    ("conflicts", "column_in_fact_table"): _first_row("conflicts", column_name="budget_id"),
    ("conflicts", "value_order_from_one"): _first_row("conflicts", value_order=0),
    ("countries", "iso3_is_iso3166"): _first_row("countries", iso3="XCN"),
    ("countries", "iso2_is_iso3166"): _first_row("countries", iso2="XX"),
    ("countries", "iso2_matches_iso3"): _first_row("countries", iso2="KG"),
    ("organisations", "country_is_iso3166"): _first_row("organisations", country="PRC"),
}


# --- warnings --------------------------------------------------------------------------


def _copy_cell(table: str, column: str) -> Callable[[Tables], None]:
    def breaker(t: Tables) -> None:
        set_value(t[table], 0, column, t[table][column].iloc[1])

    return breaker


def _duplicate_first_row(table: str) -> Callable[[Tables], None]:
    def breaker(t: Tables) -> None:
        t[table] = pd.concat([t[table], t[table].iloc[[0]]], ignore_index=True)

    return breaker


def _documents_mostly_without_facts(t: Tables) -> None:
    """4 of the 6 parsed documents left without facts: over the 0.5 threshold."""
    mentions = t["mentions"]
    gone = mentions["doc_id"].isin(["d-review-2024-03", "d-review-2024-11", "d-news-coop-2022"])
    t["mentions"] = mentions[~gone].reset_index(drop=True)


def _failed_document_without_error(t: Tables) -> None:
    d = t["documents"]
    set_value(d, label_of(d, "status", "failed"), "error", None)


def _parsed_document_without_text(t: Tables) -> None:
    d = t["documents"]
    set_value(d, label_of(d, "doc_id", "d-news-work-report-2024"), "text", "   ")


WARNING_BREAKERS: dict[tuple[str, str], Callable[[Tables], None]] = {
    ("sources", "last_status_in_vocabulary"): lambda t: set_value(
        t["sources"], 0, "last_status", "timeout"
    ),
    ("organisations", "name_unique"): _copy_cell("organisations", "name"),
    ("documents", "url_unique"): _copy_cell("documents", "url"),
    ("documents", "content_sha256_is_hex"): lambda t: set_value(
        t["documents"], 0, "content_sha256", "not-a-hash"
    ),
    ("documents", "parsed_documents_have_text"): _parsed_document_without_text,
    ("documents", "failed_documents_say_why"): _failed_document_without_error,
    ("documents", "share_of_parsed_documents_without_facts"): _documents_mostly_without_facts,
    ("budgets", "stated_usd_agrees_with_conversion"): lambda t: set_value(
        t["budgets"], 0, "stated_usd", 515e9
    ),
    ("project_participants", "participant_listed_once"): _duplicate_first_row(
        "project_participants"
    ),
    ("meeting_participants", "participant_listed_once"): _duplicate_first_row(
        "meeting_participants"
    ),
    ("mentions", "extractor_version_is_semver"): lambda t: set_value(
        t["mentions"], 0, "extractor_version", "v1"
    ),
    ("conflicts", "at_least_two_values"): lambda t: t.update(
        conflicts=t["conflicts"].iloc[:1].reset_index(drop=True)
    ),
}
