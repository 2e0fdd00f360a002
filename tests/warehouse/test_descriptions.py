"""Every published table and column carries its description in the database itself."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from transform import facts
from warehouse.db import connect
from warehouse.descriptions import (
    ColumnDescription,
    DescriptionError,
    apply_descriptions,
    column_comment,
    current_comments,
    load_descriptions,
    wanted_comments,
)
from warehouse.publish import ANALYST_DB, PUBLISHED_TABLES, publish


@pytest.fixture()
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    return connect(tmp_path / "w.duckdb")


def test_every_warehouse_table_and_column_is_described(con) -> None:
    comments = current_comments(con)
    described = set(wanted_comments())
    missing = sorted(f"{t}.{c}" for (t, c) in comments if (t, c) not in described)
    assert missing == [], (
        "describe these in warehouse/descriptions.toml (what one row is, unit, vocabulary), "
        "then regenerate docs/data-dictionary.md: python -m warehouse.dictionary"
    )
    empty = sorted(f"{t}.{c}" for (t, c), text in comments.items() if not (text or "").strip())
    assert empty == []


def test_comments_state_units_and_vocabularies(con) -> None:
    rows = con.execute(
        "SELECT table_name, column_name, comment FROM duckdb_columns() "
        "WHERE table_name IN ('budgets', 'mentions')"
    ).fetchall()
    comment = {(t, c): text for t, c, text in rows}
    assert "currency units" in comment[("budgets", "amount")]
    assert "percent" in comment[("budgets", "change_pct")]
    assert comment[("budgets", "category")].endswith(
        "One of: " + ", ".join(facts.BUDGET_CATEGORIES) + "."
    )
    assert "ISO 4217" in comment[("budgets", "currency")]
    assert "char_start:char_end" in comment[("mentions", "evidence")]
    table = con.execute(
        "SELECT comment FROM duckdb_tables() WHERE table_name = 'budgets'"
    ).fetchone()
    assert table is not None and table[0].startswith("One row per distinct budget fact")
    via_information_schema = con.execute(
        "SELECT COLUMN_COMMENT FROM information_schema.columns "
        "WHERE table_name = 'budgets' AND column_name = 'amount_usd'"
    ).fetchone()
    assert via_information_schema is not None and "US dollars" in via_information_schema[0]


def test_descriptions_are_rewritten_only_when_they_differ(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    con = connect(path)
    assert apply_descriptions(con) == 0
    con.execute("COMMENT ON COLUMN budgets.amount IS 'edited by hand'")
    con.close()
    again = connect(path)  # reconnecting restores the description from the file
    comment = again.execute(
        "SELECT comment FROM duckdb_columns() "
        "WHERE table_name = 'budgets' AND column_name = 'amount'"
    ).fetchone()
    assert comment is not None and "currency units" in comment[0]


def test_published_tables_are_all_described() -> None:
    descriptions = load_descriptions()
    assert set(PUBLISHED_TABLES) | {"publication"} <= set(descriptions)


def test_malformed_descriptions_are_refused() -> None:
    with pytest.raises(DescriptionError, match=r"\[budgets\]"):
        load_descriptions("[budgets]\ncolumns = {}\n")
    with pytest.raises(DescriptionError, match="budgets.amount"):
        load_descriptions('[budgets]\ndescription = "x"\n[budgets.columns]\namount = 3\n')


def test_an_unknown_vocabulary_is_refused() -> None:
    with pytest.raises(DescriptionError, match="no_such_vocab"):
        column_comment(ColumnDescription("x", "no_such_vocab"), {})


def test_the_analysts_copy_keeps_the_descriptions(con, tmp_path: Path) -> None:
    """The copy is made with CREATE TABLE AS from Parquet, which carries no comments."""
    pub = publish(con, tmp_path / "published", run_id="r1", published_at=datetime(2024, 4, 1))
    copy = duckdb.connect(str(pub.directory / ANALYST_DB), read_only=True)
    try:
        comments = current_comments(copy)
    finally:
        copy.close()
    wanted = wanted_comments()
    for table in [*PUBLISHED_TABLES, "publication"]:
        assert comments[(table, None)] == wanted[(table, None)]
    columns = {k: v for k, v in comments.items() if k[1] is not None}
    assert columns and all(text == wanted[key] for key, text in columns.items())
