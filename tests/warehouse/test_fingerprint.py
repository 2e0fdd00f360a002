"""Fingerprints of table contents (`warehouse.fingerprint`): the nothing-new run's test."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warehouse.db import connect
from warehouse.fingerprint import fingerprint, last_fingerprint, record_fingerprint


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = connect(tmp_path / "warehouse.duckdb")
    con.execute(
        "INSERT INTO sources VALUES ('a', 'feed', 'https://a.example.org/rss', 'article', 'ok', "
        "NULL), ('b', 'folder', '/srv/in', 'review', 'failed', 'gone')"
    )
    return con


def test_same_rows_in_another_order_give_the_same_fingerprint(
    con: duckdb.DuckDBPyConnection,
) -> None:
    before = fingerprint(con, ["sources"])
    rows = con.execute("SELECT * FROM sources ORDER BY source_id DESC").fetchall()
    con.execute("DELETE FROM sources")
    con.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?)", rows)
    assert fingerprint(con, ["sources"]) == before


def test_one_changed_cell_changes_it(con: duckdb.DuckDBPyConnection) -> None:
    before = fingerprint(con, ["sources"])
    con.execute("UPDATE sources SET last_error = NULL WHERE source_id = 'b'")
    assert fingerprint(con, ["sources"]) != before


def test_a_duplicated_row_changes_it(con: duckdb.DuckDBPyConnection) -> None:
    """Exclusive-or alone would cancel two equal rows; the count and the sum do not."""
    con.execute("CREATE TABLE pairs (x INTEGER)")
    con.execute("INSERT INTO pairs VALUES (1)")
    one = fingerprint(con, ["pairs"])
    con.execute("INSERT INTO pairs VALUES (1), (1)")
    assert fingerprint(con, ["pairs"]) != one


def test_every_named_table_counts(con: duckdb.DuckDBPyConnection) -> None:
    before = fingerprint(con, ["sources", "documents"])
    con.execute(
        "INSERT INTO documents (doc_id, source_id, url, doc_type, status) "
        "VALUES ('d1', 'a', 'https://a.example.org/1', 'article', 'parsed')"
    )
    assert fingerprint(con, ["sources", "documents"]) != before
    assert fingerprint(con, ["sources"]) == fingerprint(con, ["sources"])


def test_the_last_pass_is_remembered_per_stage(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    con = connect(path)
    assert last_fingerprint(con, "publish") is None
    record_fingerprint(con, "publish", "f1", "run-1")
    record_fingerprint(con, "publish", "f2", "run-2")
    record_fingerprint(con, "consolidate", "c1", "run-2")
    con.close()
    con = connect(path)  # kept in the file, not in the process
    assert last_fingerprint(con, "publish") == ("f2", "run-2")
    assert last_fingerprint(con, "consolidate") == ("c1", "run-2")
