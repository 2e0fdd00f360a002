"""The data shapes are declared twice (SQL and dataclasses); these tests keep them in step."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from transform.facts import (
    Budget,
    Meeting,
    MeetingParticipant,
    Mention,
    Project,
    ProjectParticipant,
)
from warehouse.db import connect, migrate, table_columns
from warehouse.load import conflict_text


@pytest.fixture()
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    return connect(tmp_path / "w.duckdb")


def _fields(cls: type, drop: tuple[str, ...] = ()) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)} - set(drop)


@pytest.mark.parametrize(
    ("table", "cls", "extra", "drop"),
    [
        ("budgets", Budget, {"budget_id"}, ()),
        ("projects", Project, {"project_id"}, ("participants",)),
        ("meetings", Meeting, {"meeting_id"}, ("participants",)),
        ("project_participants", ProjectParticipant, {"project_id"}, ()),
        ("meeting_participants", MeetingParticipant, {"meeting_id"}, ()),
        ("mentions", Mention, {"fact_type", "fact_id", "extractor_version"}, ()),
    ],
)
def test_fact_dataclasses_match_their_tables(con, table, cls, extra, drop) -> None:
    columns = {name for name, _ in table_columns(con, table)}
    assert columns == _fields(cls, drop) | extra


def test_contract_column_types(con) -> None:
    types = dict(table_columns(con, "budgets"))
    assert types["fiscal_year"] == "INTEGER"
    assert types["amount"] == "DOUBLE"
    assert dict(table_columns(con, "meetings"))["start_date"] == "DATE"
    assert dict(table_columns(con, "projects"))["event_date"] == "DATE"
    assert dict(table_columns(con, "documents"))["published_date"] == "DATE"


def test_migrations_apply_once_and_are_recorded(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    versions = [
        r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()
    ]
    assert versions == [
        "001_core",
        "002_facts",
        "003_run_sequence",
        "004_conflicts_table",
        "005_stage_state",
    ]
    con.execute("INSERT INTO countries VALUES ('CHN', 'CN', 'China')")
    assert migrate(con) == []
    con.close()
    again = connect(tmp_path / "w.duckdb")
    assert again.execute("SELECT name FROM countries").fetchall() == [("China",)]


# What the nightly load of schema 003 wrote into the JSON column (json.dumps, sort_keys,
# default=str), per fact: the values consolidation found, as Python objects.
_OLD_CONFLICTS: dict[tuple[str, str], dict[str, list[object]]] = {
    ("budget", "b1"): {"amount": [370_800_000_000.0, 370_828_000_000.0], "change_pct": [8, 10.5]},
    ("project", "p1"): {
        "event_date": [date(2024, 3, 26), date(2024, 3, 27)],
        "funding_amount": ["400000 USD", "5e+06 CNY"],
        "name": ['The "Silk Road" lab', "Silk Road lab"],
    },
    ("meeting", "m1"): {"title": ["CSSP workshop", "CSSP Workshop 2024"]},
}


def _warehouse_at_003(path: Path) -> None:
    """A warehouse as release 003 left it: facts with conflicts as JSON, one fact without."""
    con = duckdb.connect(str(path))
    assert migrate(con, until="003_run_sequence")[-1] == "003_run_sequence"

    def old(fact_type: str, fact_id: str) -> str:
        return json.dumps(_OLD_CONFLICTS[(fact_type, fact_id)], sort_keys=True, default=str)

    con.execute(
        "INSERT INTO budgets (budget_id, category, amount, currency, phase, conflicts) VALUES "
        "('b1', 'science_technology', 370828000000.0, 'CNY', 'proposed', ?), "
        "('b2', 'defense', 1.66554e12, 'CNY', 'proposed', NULL)",
        [old("budget", "b1")],
    )
    con.execute(
        "INSERT INTO projects (project_id, name, project_type, status, conflicts) "
        "VALUES ('p1', 'Silk Road lab', 'joint_lab', 'inaugurated', ?)",
        [old("project", "p1")],
    )
    con.execute(
        "INSERT INTO meetings (meeting_id, title, meeting_type, conflicts) "
        "VALUES ('m1', 'CSSP Workshop 2024', 'workshop', ?)",
        [old("meeting", "m1")],
    )
    con.close()


def test_migration_004_moves_conflicts_json_into_the_conflicts_table(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    _warehouse_at_003(path)
    con = connect(path)  # an upgraded release opens the old file

    for table in ("budgets", "projects", "meetings"):
        assert "conflicts" not in {name for name, _ in table_columns(con, table)}, table
    assert table_columns(con, "conflicts") == [
        ("fact_type", "VARCHAR"),
        ("fact_id", "VARCHAR"),
        ("column_name", "VARCHAR"),
        ("value", "VARCHAR"),
        ("value_order", "INTEGER"),
    ]
    rows = con.execute(
        "SELECT fact_type, fact_id, column_name, value, value_order FROM conflicts "
        "ORDER BY fact_type, fact_id, column_name, value_order"
    ).fetchall()
    # Exactly what the new load writes for the same values (warehouse.load.conflict_rows).
    expected = [
        (fact_type, fact_id, column, conflict_text(value), order)
        for (fact_type, fact_id), columns in _OLD_CONFLICTS.items()
        for column, values in columns.items()
        for order, value in enumerate(values, start=1)
    ]
    assert rows == sorted(expected, key=lambda r: (r[0], r[1], r[2], r[4]))
    assert ("budget", "b1", "amount", "370800000000.0", 1) in rows
    assert ("project", "p1", "event_date", "2024-03-26", 1) in rows
    assert ("project", "p1", "name", 'The "Silk Road" lab', 1) in rows
    # The facts themselves are untouched, the one without conflicts included.
    assert con.execute("SELECT budget_id, amount FROM budgets ORDER BY 1").fetchall() == [
        ("b1", 370_828_000_000.0),
        ("b2", 1_665_540_000_000.0),
    ]
    assert con.execute("SELECT name FROM projects").fetchall() == [("Silk Road lab",)]
    assert migrate(con) == []


def test_migration_004_on_a_warehouse_without_conflicts(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    migrate(con, until="003_run_sequence")
    con.execute(
        "INSERT INTO budgets (budget_id, category, amount, currency, phase) "
        "VALUES ('b1', 'defense', 1.0, 'CNY', 'proposed')"
    )
    assert migrate(con, until="004_conflicts_table") == ["004_conflicts_table"]
    assert con.execute("SELECT count(*) FROM conflicts").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM budgets").fetchone() == (1,)
