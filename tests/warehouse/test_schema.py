"""The data shapes are declared twice (SQL and dataclasses); these tests keep them in step."""

from __future__ import annotations

import dataclasses
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


@pytest.fixture()
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    return connect(tmp_path / "w.duckdb")


def _fields(cls: type, drop: tuple[str, ...] = ()) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)} - set(drop)


@pytest.mark.parametrize(
    ("table", "cls", "extra", "drop"),
    [
        ("budgets", Budget, {"budget_id", "conflicts"}, ()),
        ("projects", Project, {"project_id", "conflicts"}, ("participants",)),
        ("meetings", Meeting, {"meeting_id", "conflicts"}, ("participants",)),
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
    assert versions == ["001_core", "002_facts", "003_run_sequence"]
    con.execute("INSERT INTO countries VALUES ('CHN', 'CN', 'China')")
    assert migrate(con) == []
    con.close()
    again = connect(tmp_path / "w.duckdb")
    assert again.execute("SELECT name FROM countries").fetchall() == [("China",)]
