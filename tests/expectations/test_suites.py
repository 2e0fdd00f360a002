"""The suite files: complete, in step with the warehouse schema, and loudly rejected when wrong."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from expectations.gx_adapter import build_expectation, check_specs
from expectations.suites import (
    PUBLISHED_TABLES,
    SuiteError,
    load_currency_ceilings,
    load_suites,
    make_spec,
    parse_suite,
    vocabularies,
)
from transform import facts
from warehouse.db import migrate, table_columns

_MINIMAL = """
table = "countries"
[columns]
iso3 = "VARCHAR PRIMARY KEY"
iso2 = "VARCHAR"
name = "VARCHAR NOT NULL"
"""


def _entry(**fields: str) -> str:
    lines = ["[[expectations]]"]
    defaults = {
        "name": '"iso3_is_iso3166"',
        "type": '"expect_column_values_to_be_in_set"',
        "severity": '"row"',
        "why": '"Codes join to countries."',
        "kwargs": '{ column = "iso3", value_set = "vocab:iso3166_alpha3" }',
    }
    defaults.update(fields)
    lines += [f"{k} = {v}" for k, v in defaults.items() if v]
    return _MINIMAL + "\n".join(lines) + "\n"


def test_every_published_table_has_a_suite() -> None:
    assert set(load_suites()) == set(PUBLISHED_TABLES)


def test_contracts_match_the_warehouse_schema() -> None:
    """The suites' [columns] are the contract of migrations/*.sql, column for column."""
    con = duckdb.connect()
    migrate(con)
    primary = {
        (row[0], col)
        for row in con.execute(
            "SELECT table_name, constraint_column_names FROM duckdb_constraints() "
            "WHERE constraint_type = 'PRIMARY KEY'"
        ).fetchall()
        for col in row[1]
    }
    for table, suite in load_suites().items():
        schema = table_columns(con, table)
        assert list(suite.columns.items()) == [(c, t) for c, t in schema], table
        nullable = dict(
            con.execute(
                "SELECT column_name, is_nullable FROM information_schema.columns "
                "WHERE table_name = ?",
                [table],
            ).fetchall()
        )
        for col in suite.columns:
            assert (col in suite.not_null) == (nullable[col] == "NO"), f"{table}.{col}"
        assert {c for t, c in primary if t == table} <= set(suite.key), table


def test_every_expectation_is_accepted_by_great_expectations() -> None:
    for suite in load_suites().values():
        check_specs(suite.expectations)


def test_every_expectation_has_a_severity_and_a_why() -> None:
    for suite in load_suites().values():
        for spec in suite.expectations:
            assert spec.severity in ("critical", "warning", "row")
            assert spec.why and "\n" not in spec.why


def test_vocabularies_come_from_the_extractor_and_iso() -> None:
    vocab = vocabularies()
    assert vocab["budget_categories"] == facts.BUDGET_CATEGORIES
    assert vocab["meeting_types"] == facts.MEETING_TYPES
    assert "CNY" in vocab["iso4217_currencies"] and "RMB" not in vocab["iso4217_currencies"]
    assert "CHN" in vocab["iso3166_alpha3"]
    # The EU is an organisation (spender_org, participant of kind organisation), not a country.
    assert "EUU" not in vocab["iso3166_alpha3"] and "EU" not in vocab["iso3166_alpha2"]


def test_currency_ceilings_are_sane() -> None:
    ceilings = load_currency_ceilings()
    assert ceilings.by_currency["CNY"] == 1e14
    assert ceilings.by_currency["USD"] == 2e13
    assert ceilings.default >= max(ceilings.by_currency.values())


def test_loading_does_not_import_great_expectations() -> None:
    """GX costs seconds to import; only validating may pay for it."""
    code = (
        "import sys; import expectations.gate, expectations.suites, expectations.data_docs; "
        "expectations.suites.load_suites(); "
        "assert 'great_expectations' not in sys.modules, 'imported'"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("table = [", "not valid TOML"),
        (_MINIMAL.replace('table = "countries"', 'table = "country"'), "named for 'countries'"),
        ("owner = 'x'\n" + _MINIMAL, "unknown top-level key"),
        (_MINIMAL.replace('"VARCHAR NOT NULL"', '"TEXT"'), "unknown type 'TEXT'"),
        (_entry(severity='"fatal"'), "severity 'fatal' is not one of"),
        (_entry(why=""), "'why' must be one line"),
        (_entry(name=""), "'name' is required"),
        (_entry(type='"assert_in_set"'), "must be a Great Expectations expectation type"),
        (
            _entry(kwargs='{ column = "iso3", value_set = "vocab:iso3166" }'),
            "unknown vocabulary 'vocab:iso3166'",
        ),
        (_entry(kwargs='{ column = "iso", value_set = [1] }'), "column 'iso' is not in"),
        (
            _entry(kwargs='{ column = "iso3", value_set = [1], mostly = 0.9 }'),
            "'mostly' makes no sense",
        ),
        (_entry(type='"expect_column_mean_to_be_between"'), "is not row-level"),
        (_entry(stage='"later"'), "stage 'later' is not one of"),
        (
            _entry(kwargs='{ column = "iso2_matches_iso3", value_set = [true] }'),
            "declare it under [derived]",
        ),
        (_MINIMAL + "[derived]\nshoe_size = 'x'\n", "no such derived column"),
        (_entry() + _entry().removeprefix(_MINIMAL), "duplicate expectation name"),
        (
            _entry(min_fraction_of_previous="0.5"),
            "min_fraction_of_previous applies to expect_table_row_count_to_be_between",
        ),
    ],
)
def test_bad_suite_is_rejected_naming_file_and_entry(text: str, message: str) -> None:
    with pytest.raises(SuiteError) as raised:
        parse_suite(text, "countries.toml")
    assert str(raised.value).startswith("countries.toml"), raised.value
    assert message in str(raised.value)


def test_entry_errors_name_the_entry() -> None:
    with pytest.raises(
        SuiteError, match=r"countries\.toml expectations\[0\] \('iso3_is_iso3166'\)"
    ):
        parse_suite(_entry(severity='"fatal"'), "countries.toml")


def test_kwargs_great_expectations_rejects_name_the_entry() -> None:
    spec = make_spec(
        "in_set_without_set",
        "expect_column_values_to_be_in_set",
        {"column": "iso3"},
        "critical",
        "A set is required.",
        origin="countries.toml expectations[7] ('in_set_without_set')",
    )
    with pytest.raises(SuiteError, match=r"expectations\[7\].*rejects it"):
        build_expectation(spec)
    unknown = make_spec(
        "x", "expect_column_values_to_be_purple", {"column": "iso3"}, "warning", "?"
    )
    with pytest.raises(SuiteError, match="unknown expectation type"):
        build_expectation(unknown)


def test_suite_folder_without_a_published_table_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "countries.toml").write_text(_MINIMAL, encoding="utf-8")
    assert set(load_suites(tmp_path)) == {"countries"}  # an explicit folder may be partial
    with pytest.raises(SuiteError, match="bad.toml: not valid TOML"):
        (tmp_path / "bad.toml").write_text("table = [", encoding="utf-8")
        load_suites(tmp_path)
