"""The gate's verdicts on real Great Expectations runs over small realistic frames.

Each critical, row-level and warning expectation of the packaged suites is broken on its own
(breakers.py) and run through `run_gate` with just that expectation (the other tables' suites
emptied): proof that it alone decides the verdict, at a fraction of the time of a full run
(GX spends tens of milliseconds per expectation however small the frame). Full-suite runs
check how expectations interact: a broken column must fail the run, not make checks raise.
"""

from __future__ import annotations

import dataclasses
import json

import duckdb
import pandas as pd
import pytest

from expectations import derived
from expectations.gate import GateResult, row_keys, run_gate
from expectations.suites import Suite, load_suites, make_spec
from expectations.synthetic import realistic_tables
from tests.expectations.breakers import (
    ROW_BREAKERS,
    WARNING_BREAKERS,
    break_critical,
    drop_mentions_of,
    label_of,
    result_for,
    set_value,
)
from warehouse.db import migrate
from warehouse.publish import ROW_KEYS

_SUITES = load_suites()


def _cases(severity: str) -> list[tuple[str, str]]:
    return [
        (table, spec.name)
        for table, suite in sorted(_SUITES.items())
        for spec in suite.expectations
        if spec.severity == severity
    ]


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    return [f"{t}.{n}" for t, n in cases]


def _gate_one(
    tables: dict[str, pd.DataFrame],
    suite: Suite,
    *,
    only: str | None = None,
    previous_counts: dict[str, int] | None = None,
) -> GateResult:
    """Run the gate with `suite` (or just its expectation `only`) and no checks elsewhere:
    the other tables still feed derived columns and are published or withheld as usual."""
    if only is not None:
        specs = tuple(s for s in suite.expectations if s.name == only)
        assert specs, f"{suite.table}.{only} not in the suite"
        suite = dataclasses.replace(suite, expectations=specs)
    suites = {name: dataclasses.replace(s, expectations=()) for name, s in _SUITES.items()}
    suites[suite.table] = suite
    return run_gate(tables, run_id="test-run", previous_counts=previous_counts, suites=suites)


# --- a clean dataset ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dates_as", "first_run"), [("datetime64", False), ("date", True)], ids=["datetime64", "date"]
)
def test_clean_realistic_dataset_passes_and_is_published_unchanged(
    dates_as: str, first_run: bool
) -> None:
    """The full packaged suites on a clean dataset: DATE columns as DuckDB gives them
    (datetime64) and as hand-built frames do (datetime.date); a first run has no counts."""
    tables = realistic_tables(dates_as=dates_as)  # type: ignore[arg-type]
    counts = None if first_run else {name: len(frame) for name, frame in tables.items()}
    result = run_gate(tables, run_id="r-clean", previous_counts=counts)

    assert result.status == "pass", "\n".join(result.summary_lines())
    assert result.publishable
    assert not result.critical_failures and not result.errors and not result.quarantined
    assert all(r.success is True for r in result.results)
    assert set(result.clean_tables) == set(tables)
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(result.clean_tables[name], frame)
    assert set(result.gx_results) == set(tables)
    share = result_for(result, "documents", "share_of_parsed_documents_without_facts")
    assert share.observed_value == str(1 / 6)  # the work-report article yields no fact
    observed = result_for(result, "budgets", "row_count_not_collapsed").observed_value
    assert ("no previous published count" in observed) == first_run


def _through_duckdb(
    tables: dict[str, pd.DataFrame], *, empty: tuple[str, ...] = ()
) -> dict[str, pd.DataFrame]:
    """The tables as the flow hands them over: stored in the warehouse schema, read back
    with DuckDB's `.df()` (its dtypes, its empty-table dtypes)."""
    con = duckdb.connect()
    migrate(con)
    for name, frame in tables.items():
        if name not in empty:
            con.register("frame", frame)
            con.execute(f"INSERT INTO {name} SELECT * FROM frame")
            con.unregister("frame")
    return {name: con.execute(f"SELECT * FROM {name}").df() for name in tables}


def test_tables_read_back_from_duckdb_pass(tables: dict[str, pd.DataFrame]) -> None:
    result = run_gate(_through_duckdb(tables), run_id="r-duckdb", previous_counts=None)
    assert result.status == "pass", "\n".join(result.summary_lines())


def test_a_night_without_any_fact_publishes_with_a_warning(
    tables: dict[str, pd.DataFrame],
) -> None:
    """Empty fact tables (a first run, every document failing) are no error of the checks."""
    facts = ("budgets", "projects", "project_participants", "meetings", "meeting_participants")
    result = run_gate(
        _through_duckdb(tables, empty=(*facts, "mentions", "conflicts")),
        run_id="r-empty",
        previous_counts=None,
    )
    assert not result.errors, "\n".join(result.summary_lines())
    assert result.status == "warn" and result.publishable
    share = result_for(result, "documents", "share_of_parsed_documents_without_facts")
    assert share.success is False and share.observed_value == "1.0"
    assert all(len(result.clean_tables[t]) == 0 for t in facts)


# --- each critical expectation blocks publication -----------------------------------------

_CRITICAL = _cases("critical")


def test_every_table_has_critical_checks() -> None:
    assert {t for t, _ in _CRITICAL} == set(_SUITES)


@pytest.mark.parametrize(("table", "name"), _CRITICAL, ids=_ids(_CRITICAL))
def test_each_critical_expectation_blocks_publication(
    table: str, name: str, tables: dict[str, pd.DataFrame]
) -> None:
    suite = _SUITES[table]
    extra = break_critical(table, name, tables, suite)
    result = _gate_one(tables, suite, only=name, **extra)

    target = result_for(result, table, name)
    assert target.severity == "critical"
    assert target.success is False, target
    assert target.error is None
    assert result.status == "fail", "\n".join(result.summary_lines())
    assert not result.publishable
    assert result.clean_tables == {}
    assert any(line.startswith(f"CRITICAL {table}.{name}:") for line in result.summary_lines())


@pytest.mark.parametrize(
    ("table", "name"),
    [
        ("budgets", "type:category"),  # VARCHAR read by a vocabulary check
        ("budgets", "type:amount"),  # DOUBLE read by range and ceiling checks
        ("budgets", "type:fiscal_year"),  # INTEGER read by a derived column
        ("meetings", "type:start_date"),  # DATE read by derived and pair checks
        ("documents", "type:fetched_at"),  # TIMESTAMP
        ("organisations", "type:aliases"),  # VARCHAR[]
        ("mentions", "not_null:char_start"),  # NOT NULL read by span checks
    ],
)
def test_broken_column_fails_the_full_suite_without_errors(
    table: str, name: str, tables: dict[str, pd.DataFrame]
) -> None:
    """Checks reading a column that broke the contract are not run, so the verdict is the
    contract failure, not a cascade of checks raising on foreign values."""
    break_critical(table, name, tables, _SUITES[table])
    result = _gate_one(tables, _SUITES[table])
    assert result_for(result, table, name).success is False
    assert result.status == "fail", "\n".join(result.summary_lines())


def test_missing_contract_column_fails_without_burying_it_in_errors(
    tables: dict[str, pd.DataFrame],
) -> None:
    tables["budgets"] = tables["budgets"].drop(columns=["amount"])
    result = _gate_one(tables, _SUITES["budgets"])

    assert result.status == "fail"
    contract = result_for(result, "budgets", "columns_match_contract")
    assert contract.success is False and "missing: amount" in contract.observed_value
    skipped = result_for(result, "budgets", "amount_positive")
    assert skipped.success is None and skipped.error is None
    assert "not run" in skipped.observed_value


def test_missing_table_is_critical(tables: dict[str, pd.DataFrame]) -> None:
    del tables["meetings"]
    result = _gate_one(tables, _SUITES["meetings"])
    assert result.status == "fail" and not result.publishable
    assert result_for(result, "meetings", "table_present").success is False


def test_row_count_fall_of_more_than_half_is_critical_and_half_is_not(
    tables: dict[str, pd.DataFrame],
) -> None:
    suite = _SUITES["budgets"]
    n = len(tables["budgets"])
    assert _gate_one(tables, suite, previous_counts={"budgets": 2 * n}).status == "pass"
    failed = _gate_one(tables, suite, previous_counts={"budgets": 2 * n + 1})
    assert failed.status == "fail"
    observed = result_for(failed, "budgets", "row_count_not_collapsed").observed_value
    assert f"previous published {2 * n + 1}" in observed


def test_row_count_is_judged_on_what_would_be_published(
    tables: dict[str, pd.DataFrame],
) -> None:
    """Quarantining most rows is as much a collapse as a parser returning nothing."""
    countries = tables["countries"]
    for label in countries.index[:4]:
        set_value(countries, label, "iso3", f"X{label}Z")
    result = _gate_one(tables, _SUITES["countries"], previous_counts={"countries": len(countries)})
    assert result.status == "fail"
    assert result_for(result, "countries", "row_count_not_collapsed").success is False


# --- each row-level expectation quarantines the bad row ------------------------------------

_ROW = _cases("row")


@pytest.mark.parametrize(("table", "name"), _ROW, ids=_ids(_ROW))
def test_each_row_expectation_quarantines_only_the_bad_row(
    table: str, name: str, tables: dict[str, pd.DataFrame]
) -> None:
    if (table, name) not in ROW_BREAKERS:
        pytest.fail(f"no breaker for row-level {table}.{name}")
    suite = _SUITES[table]
    bad_key = ROW_BREAKERS[(table, name)](tables)
    result = _gate_one(tables, suite, only=name)

    assert result.status == "warn", "\n".join(result.summary_lines())
    assert result.publishable
    target = result_for(result, table, name)
    assert target.severity == "row" and target.success is False
    hits = [q for q in result.quarantined if q.table == table and q.expectation == name]
    assert [q.row_key for q in hits] == [bad_key]
    assert json.loads(hits[0].row_json)  # the row as it was, for the morning's triage

    withheld = {q.row_key for q in result.quarantined if q.table == table}
    keys = set(row_keys(result.clean_tables[table], suite))
    assert bad_key not in keys
    assert keys == set(row_keys(tables[table], suite)) - withheld  # good rows all published
    assert any(
        line.startswith(f"QUARANTINED {table} [{bad_key}]") for line in result.summary_lines()
    )


def test_quarantined_fact_takes_its_mentions_and_participants(
    tables: dict[str, pd.DataFrame],
) -> None:
    projects = tables["projects"]
    set_value(projects, 0, "project_type", "lab")  # p-kz-remote-sensing
    result = _gate_one(tables, _SUITES["projects"])  # other tables: no checks, same cascade

    assert result.status == "warn"
    clean = result.clean_tables
    assert "p-kz-remote-sensing" not in set(clean["projects"]["project_id"])
    assert "p-kz-remote-sensing" not in set(clean["mentions"]["fact_id"])
    assert "p-kz-remote-sensing" not in set(clean["project_participants"]["project_id"])
    assert len(clean["project_participants"]) == len(tables["project_participants"]) - 4
    dependants = [q for q in result.quarantined if q.expectation.startswith("dependant_of")]
    assert {q.table for q in dependants} == {"mentions", "project_participants"}
    assert all(q.expectation.endswith("projects:p-kz-remote-sensing") for q in dependants)
    # the other projects, their partners and mentions are published
    assert len(clean["projects"]) == len(projects) - 1


def test_quarantined_fact_takes_its_conflicts(tables: dict[str, pd.DataFrame]) -> None:
    """b-st-2024 (two documents, two amounts) quarantined: its conflicts rows go with it, each
    filed under the key publication leaves out (warehouse/publish.py ROW_KEYS)."""
    budgets = tables["budgets"]
    set_value(budgets, label_of(budgets, "budget_id", "b-st-2024"), "category", "space")
    result = _gate_one(tables, _SUITES["budgets"])

    assert result.status == "warn" and result.publishable
    assert len(result.clean_tables["conflicts"]) == 0
    withheld = [q for q in result.quarantined if q.table == "conflicts"]
    assert sorted(q.row_key for q in withheld) == [
        "budget|b-st-2024|amount|370800000000.0",
        "budget|b-st-2024|amount|370828000000.0",
    ]
    assert all(q.expectation == "dependant_of_quarantined:budgets:b-st-2024" for q in withheld)


def test_fact_whose_only_mention_is_quarantined_is_withheld(
    tables: dict[str, pd.DataFrame],
) -> None:
    meetings_mention = tables["mentions"].index[
        tables["mentions"]["fact_id"] == "m-cssp-workshop-2024"
    ][0]
    set_value(tables["mentions"], meetings_mention, "char_start", 3)
    result = _gate_one(tables, _SUITES["mentions"])

    clean = result.clean_tables
    assert "m-cssp-workshop-2024" not in set(clean["meetings"]["meeting_id"])
    assert "m-cssp-workshop-2024" not in set(clean["meeting_participants"]["meeting_id"])
    reasons = {(q.table, q.expectation) for q in result.quarantined}
    assert ("mentions", "evidence_matches_text") in reasons
    assert ("meetings", "no_publishable_mention_left") in reasons


def test_fact_keeps_its_other_mentions_when_one_is_quarantined(
    tables: dict[str, pd.DataFrame],
) -> None:
    """b-st-2024 is stated by a review and an article; a bad span in one leaves the other."""
    set_value(tables["mentions"], 0, "evidence", "allotted 999 billion Yuan for science")
    result = _gate_one(tables, _SUITES["mentions"])

    clean = result.clean_tables
    assert "b-st-2024" in set(clean["budgets"]["budget_id"])
    kept = clean["mentions"][clean["mentions"]["fact_id"] == "b-st-2024"]
    assert list(kept["doc_id"]) == ["d-news-budget-2024"]


def test_planned_project_may_be_dated_years_ahead(tables: dict[str, pd.DataFrame]) -> None:
    projects = tables["projects"]
    set_value(projects, 0, "status", "planned")
    set_value(projects, 0, "event_date", pd.Timestamp("2030-01-01"))
    result = _gate_one(tables, _SUITES["projects"])
    assert result.status == "pass", "\n".join(result.summary_lines())


def test_eu_is_an_organisation_not_a_country(tables: dict[str, pd.DataFrame]) -> None:
    horizon = tables["budgets"]["budget_id"] == "b-horizon-europe"
    assert tables["budgets"].loc[horizon, "spender_country"].isna().all()
    assert _gate_one(tables, _SUITES["budgets"]).status == "pass"
    set_value(tables["budgets"], tables["budgets"].index[horizon][0], "spender_country", "EUU")
    result = _gate_one(tables, _SUITES["budgets"])
    assert [(q.table, q.row_key.rsplit("|", 1)[0]) for q in result.quarantined] == [
        ("budgets", "b-horizon-europe"),
        ("mentions", "budget|b-horizon-europe|d-news-horizon-2024"),  # its dependant
    ]


# --- warnings ------------------------------------------------------------------------------

_WARNING = _cases("warning")


@pytest.mark.parametrize(("table", "name"), _WARNING, ids=_ids(_WARNING))
def test_each_warning_is_reported_and_still_published(
    table: str, name: str, tables: dict[str, pd.DataFrame]
) -> None:
    if (table, name) not in WARNING_BREAKERS:
        pytest.fail(f"no breaker for warning {table}.{name}")
    WARNING_BREAKERS[(table, name)](tables)
    result = _gate_one(tables, _SUITES[table], only=name)

    target = result_for(result, table, name)
    assert target.severity == "warning" and target.success is False
    assert result.status == "warn" and result.publishable
    assert len(result.clean_tables[table]) == len(tables[table])
    assert any(line.startswith(f"WARNING {table}.{name}:") for line in result.summary_lines())


def test_share_of_parsed_documents_without_facts_is_the_observed_value(
    tables: dict[str, pd.DataFrame],
) -> None:
    for doc_id in ("d-review-2024-03", "d-review-2024-11", "d-news-coop-2022"):
        mentions = tables["mentions"]
        tables["mentions"] = mentions[mentions["doc_id"] != doc_id].reset_index(drop=True)
    result = _gate_one(tables, _SUITES["documents"])
    share = result_for(result, "documents", "share_of_parsed_documents_without_facts")
    assert share.success is False
    assert float(share.observed_value) == pytest.approx(4 / 6)  # of 6 parsed documents
    assert f"share of parsed documents without facts: {share.observed_value}" in (
        result.summary_lines()
    )


def test_table_without_suite_is_withheld_not_published(tables: dict[str, pd.DataFrame]) -> None:
    tables["fact_candidates"] = pd.DataFrame({"doc_id": ["d1"], "seq": [1]})
    result = _gate_one(tables, _SUITES["budgets"])
    assert result.status == "warn"
    assert "fact_candidates" not in result.clean_tables
    assert result_for(result, "fact_candidates", "has_suite").success is False


# --- a check that raises is an error, never a verdict ----------------------------------------


def test_expectation_that_raises_is_an_error_not_a_failure_or_pass(
    tables: dict[str, pd.DataFrame],
) -> None:
    """Comparing a text column with a number makes GX's metric raise inside GX."""
    suite = _SUITES["budgets"].with_expectations(
        make_spec(
            "currency_compared_with_number",
            "expect_column_values_to_be_between",
            {"column": "currency", "min_value": 0},
            "warning",
            "Injected: a check GX cannot evaluate.",
        )
    )
    result = _gate_one(tables, suite)

    target = result_for(result, "budgets", "currency_compared_with_number")
    assert target.success is None
    assert target.error and "same type" in target.error
    assert result.status == "error"
    assert not result.publishable and result.clean_tables == {}
    assert any(
        line.startswith("ERROR budgets.currency_compared_with_number")
        for line in result.summary_lines()
    )


def test_expectation_on_a_column_gx_cannot_find_is_an_error(
    tables: dict[str, pd.DataFrame],
) -> None:
    """The loader refuses unknown columns; a suite built around it still fails loudly."""
    bad = make_spec(
        "amount_not_null",
        "expect_column_values_to_not_be_null",
        {"column": "amount"},
        "critical",
        "Injected.",
    )
    renamed = dataclasses.replace(bad, kwargs={"column": "amount_in_yuan"})
    suite = dataclasses.replace(
        _SUITES["budgets"], expectations=(*_SUITES["budgets"].expectations, renamed)
    )
    result = _gate_one(tables, suite)
    target = result_for(result, "budgets", "amount_not_null")
    assert target.success is None and "amount_in_yuan" in (target.error or "")
    assert result.status == "error"


def test_error_outranks_critical_failure(tables: dict[str, pd.DataFrame]) -> None:
    suite = _SUITES["budgets"].with_expectations(
        make_spec(
            "boom",
            "expect_column_values_to_be_between",
            {"column": "currency", "min_value": 0},
            "warning",
            "Injected.",
        )
    )
    result = _gate_one(tables, suite, previous_counts={"budgets": 1000})
    assert result.critical_failures and result.errors
    assert result.status == "error"


def test_suite_entry_gx_rejects_is_an_error(tables: dict[str, pd.DataFrame]) -> None:
    suite = _SUITES["budgets"].with_expectations(
        make_spec(
            "in_set_without_set",
            "expect_column_values_to_be_in_set",
            {"column": "currency"},
            "critical",
            "Injected: value_set missing.",
        )
    )
    result = _gate_one(tables, suite)
    target = result_for(result, "budgets", "in_set_without_set")
    assert target.success is None and "suite entry invalid" in (target.error or "")
    assert result.status == "error" and not result.publishable


def test_derived_column_that_raises_is_an_error(
    tables: dict[str, pd.DataFrame], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(views: object, ceilings: object) -> pd.Series:
        raise ZeroDivisionError("rates table empty")

    original = derived.DERIVATIONS["budgets"]["amount_ceiling"]
    monkeypatch.setitem(
        derived.DERIVATIONS["budgets"], "amount_ceiling", dataclasses.replace(original, fn=broken)
    )
    result = _gate_one(tables, _SUITES["budgets"])
    target = result_for(result, "budgets", "amount_within_currency_ceiling")
    assert target.success is None and "rates table empty" in (target.error or "")
    assert result.status == "error"


def test_a_bug_in_the_gate_itself_is_an_error_not_a_crash_or_pass(
    tables: dict[str, pd.DataFrame],
) -> None:
    tables["budgets"] = "SELECT * FROM budgets"  # type: ignore[assignment]  # not a frame
    result = run_gate(tables, run_id="r", previous_counts=None)
    assert result.status == "error" and not result.publishable and result.clean_tables == {}
    assert "the gate itself failed" in (result.errors[0].error or "")


# --- what the caller stores ------------------------------------------------------------------


def test_results_and_quarantine_fit_the_warehouse_tables(
    tables: dict[str, pd.DataFrame],
) -> None:
    set_value(tables["budgets"], 1, "category", "space")
    drop_mentions_of(tables, "b-defense-2024")
    result = _gate_one(tables, _SUITES["budgets"])
    assert result.quarantined

    con = duckdb.connect()
    migrate(con)
    now = pd.Timestamp("2024-04-01 02:00:00").to_pydatetime()
    quality = result.quality_results_frame(now)  # noqa: F841 - read by DuckDB below
    quarantined = result.quarantine_frame(now)  # noqa: F841
    con.execute("INSERT INTO quality_results SELECT * FROM quality")
    con.execute("INSERT INTO quarantine SELECT * FROM quarantined")
    stored = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE success IS NULL) FROM quality_results"
    ).fetchone()
    assert stored == (len(result.results), sum(r.success is None for r in result.results))
    keys = {r[0] for r in con.execute("SELECT row_key FROM quarantine").fetchall()}
    assert {"b-diplomacy-2024", "b-defense-2024"} <= keys


def test_row_keys_name_rows_as_publication_does(tables: dict[str, pd.DataFrame]) -> None:
    """Publication leaves out quarantined rows by key (warehouse/publish.py ROW_KEYS), so the
    gate must name every row exactly as that SQL does."""
    con = duckdb.connect()
    migrate(con)
    for table, frame in tables.items():
        con.register("frame", frame)
        con.execute(f"INSERT INTO {table} SELECT * FROM frame")
        con.unregister("frame")
        in_sql = [r[0] for r in con.execute(f"SELECT {ROW_KEYS[table]} FROM {table}").fetchall()]
        assert row_keys(frame, _SUITES[table]) == in_sql, table


def test_no_progress_bars_reach_the_output(
    tables: dict[str, pd.DataFrame], capfd: pytest.CaptureFixture[str]
) -> None:
    _gate_one(tables, _SUITES["budgets"])
    out, err = capfd.readouterr()
    assert "Calculating Metrics" not in out + err
    assert "%|" not in err  # no tqdm bar of any description
