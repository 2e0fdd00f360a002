"""Publishing writes typed Parquet, a manifest and a standalone analyst copy in a folder of
the run's own, and makes it current with one switch."""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from transform.facts import Budget, FactRow, Mention, Project, ProjectParticipant
from warehouse import load
from warehouse.db import connect
from warehouse.publish import (
    ANALYST_DB,
    CURRENT,
    MANIFEST,
    PUBLISHED_TABLES,
    REPORT_FILE,
    RUNS,
    current_run_dir,
    pinned_run,
    publish,
    read_manifest,
    remove_stale_temporaries,
)
from warehouse.query import run_query


def _rows() -> list[FactRow]:
    budget = Budget(
        spender_country="CHN",
        spender_org="Ministry of Finance",
        category="science_technology",
        fiscal_year=2024,
        amount=370_828_000_000.0,
        currency="CNY",
        amount_usd=51.5e9,
        stated_usd=None,
        change_pct=10.0,
        phase="proposed",
    )
    project = Project(
        name="China-Kazakhstan joint laboratory",
        project_type="joint_lab",
        status="inaugurated",
        event_date=date(2024, 3, 27),
        city="Almaty",
        country="KAZ",
        funding_amount=400_000.0,
        funding_currency="USD",
        funding_usd=400_000.0,
        participants=(ProjectParticipant("country", "Kazakhstan", "KAZ"),),
    )
    m = Mention("d1", "it allotted", 0, 11, 1)
    return [
        FactRow("budget", "b1", budget, (m,), conflicts={"amount": [370.8e9, 370_828_000_000.0]}),
        FactRow(
            "project",
            "p1",
            project,
            (Mention("d1", "A joint", 20, 27, 1),),
            conflicts={"event_date": [date(2024, 3, 26), date(2024, 3, 27)]},
        ),
    ]


@pytest.fixture()
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = connect(tmp_path / "w.duckdb")
    load.replace_facts(con, _rows(), run_id="r1", now=datetime(2024, 4, 1), extractor_version="t")
    return con


def test_publish_writes_typed_parquet_and_manifest(con, tmp_path: Path) -> None:
    out = tmp_path / "published"
    pub = publish(con, out, run_id="r1", published_at=datetime(2024, 4, 1))
    manifest = read_manifest(out)
    assert manifest is not None and manifest["run_id"] == "r1"
    for table in PUBLISHED_TABLES:
        table_file = pq.read_table(out / f"{table}.parquet")
        assert table_file.num_rows == manifest["tables"][table]["rows"] == pub.row_counts[table]
    projects = pq.read_table(out / "projects.parquet")
    assert str(projects.schema.field("event_date").type) == "date32[day]"
    budgets = pq.read_table(out / "budgets.parquet")
    assert str(budgets.schema.field("amount").type) == "double"
    assert str(budgets.schema.field("fiscal_year").type) == "int32"
    assert budgets.column("amount").to_pylist() == [370_828_000_000.0]
    assert "conflicts" not in budgets.schema.names  # no JSON in a string: a table of its own
    conflicts = pq.read_table(out / "conflicts.parquet")
    assert str(conflicts.schema.field("value_order").type) == "int32"
    assert conflicts.to_pylist() == [
        {"fact_type": t, "fact_id": i, "column_name": c, "value": v, "value_order": o}
        for t, i, c, v, o in [
            ("budget", "b1", "amount", "370800000000.0", 1),
            ("budget", "b1", "amount", "370828000000.0", 2),
            ("project", "p1", "event_date", "2024-03-26", 1),
            ("project", "p1", "event_date", "2024-03-27", 2),
        ]
    ]
    assert not [p for p in out.iterdir() if ".tmp" in p.name]


def test_publish_leaves_out_quarantined_facts_and_their_dependants(con, tmp_path: Path) -> None:
    out = tmp_path / "published"
    # As the gate hands them over: the fact and the conflicts rows it withheld with it.
    excluded = {
        "projects": {"p1"},
        "conflicts": {"project|p1|event_date|2024-03-26", "project|p1|event_date|2024-03-27"},
    }
    publish(con, out, run_id="r1", published_at=datetime(2024, 4, 1), excluded=excluded)
    assert pq.read_table(out / "projects.parquet").num_rows == 0
    assert pq.read_table(out / "project_participants.parquet").num_rows == 0
    mentions = pq.read_table(out / "mentions.parquet").to_pylist()
    assert [(m["fact_type"], m["fact_id"]) for m in mentions] == [("budget", "b1")]
    conflicts = pq.read_table(out / "conflicts.parquet").to_pylist()
    assert {(c["fact_type"], c["fact_id"]) for c in conflicts} == {("budget", "b1")}


def test_a_quarantined_fact_takes_its_conflicts_even_when_the_gate_names_only_the_fact(
    con, tmp_path: Path
) -> None:
    out = tmp_path / "published"
    excluded = {"projects": {"p1"}}
    publish(con, out, run_id="r1", published_at=datetime(2024, 4, 1), excluded=excluded)
    conflicts = pq.read_table(out / "conflicts.parquet").to_pylist()
    assert {(c["fact_type"], c["fact_id"]) for c in conflicts} == {("budget", "b1")}


def test_publish_is_deterministic(con, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    publish(con, a, run_id="r1", published_at=datetime(2024, 4, 1))
    publish(con, b, run_id="r1", published_at=datetime(2024, 4, 1))
    for table in PUBLISHED_TABLES:
        assert (a / f"{table}.parquet").read_bytes() == (b / f"{table}.parquet").read_bytes()


def test_analyst_copy_is_queryable_and_replaced_atomically(con, tmp_path: Path) -> None:
    out = tmp_path / "published"
    publish(con, out, run_id="r1", published_at=datetime(2024, 4, 1))
    reader = duckdb.connect(str(out / ANALYST_DB), read_only=True)
    load.replace_facts(con, [], run_id="r2", now=datetime(2024, 4, 2), extractor_version="t")
    publish(con, out, run_id="r2", published_at=datetime(2024, 4, 2))
    # The analyst who kept the old file open still sees the old run, whole.
    assert reader.execute("SELECT count(*) FROM budgets").fetchone() == (1,)
    assert reader.execute("SELECT run_id FROM publication").fetchone() == ("r1",)
    reader.close()
    columns, rows = run_query(out, "SELECT count(*) AS n FROM budgets")
    assert columns == ["n"] and rows == [(0,)]
    retracted = run_query(out, "SELECT fact_type, fact_id FROM retracted_facts ORDER BY 1")[1]
    assert retracted == [("budget", "b1"), ("project", "p1")]


def test_stale_temporaries_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "published"
    out.mkdir()
    (out / ".budgets.parquet.r9.tmp").write_bytes(b"half")
    staging = out / ".run-r9.tmp"  # a run folder a killed run was building
    staging.mkdir()
    (staging / "budgets.parquet").write_bytes(b"half")
    (out / "budgets.parquet").write_bytes(b"keep")
    removed = [p.name for p in remove_stale_temporaries(out)]
    assert removed == [".budgets.parquet.r9.tmp", ".run-r9.tmp"]
    assert (out / "budgets.parquet").read_bytes() == b"keep"
    assert json.loads(json.dumps(sorted(p.name for p in out.iterdir()))) == ["budgets.parquet"]


def _publish(con: duckdb.DuckDBPyConnection, out: Path, run_id: str) -> None:
    publish(con, out, run_id=run_id, published_at=datetime(2024, 4, 1))


def test_each_run_is_a_folder_and_current_names_one(con, tmp_path: Path) -> None:
    out = tmp_path / "published"
    _publish(con, out, "r1")
    _publish(con, out, "r2")
    assert os.readlink(out / CURRENT) == f"{RUNS}/r2"
    assert current_run_dir(out) == (out / RUNS / "r2").resolve()
    expected = {f"{t}.parquet" for t in PUBLISHED_TABLES} | {MANIFEST, ANALYST_DB, REPORT_FILE}
    for run_id in ("r1", "r2"):  # the previous run is kept for readers still on it
        assert {p.name for p in (out / RUNS / run_id).iterdir()} == expected
        folder = out / RUNS / run_id
        assert json.loads((folder / MANIFEST).read_text())["run_id"] == run_id
        with duckdb.connect(str(folder / ANALYST_DB), read_only=True) as analyst:
            assert analyst.execute("SELECT run_id FROM publication").fetchone() == (run_id,)
    # The names of the flat layout stay, as links that follow the switch.
    for name in expected:
        assert os.readlink(out / name) == f"{CURRENT}/{name}"
    assert read_manifest(out)["run_id"] == "r2"
    assert not [p for p in out.iterdir() if ".tmp" in p.name]


def test_a_data_dir_whose_name_has_a_quote(con, tmp_path: Path) -> None:
    out = tmp_path / "analyst's data" / "published"
    _publish(con, out, "r1")
    assert run_query(out, "SELECT run_id FROM publication")[1] == [("r1",)]
    assert run_query(out, "SELECT count(*) FROM budgets")[1] == [(1,)]


def test_superseded_runs_are_removed_unless_a_reader_holds_them(con, tmp_path: Path) -> None:
    out = tmp_path / "published"
    _publish(con, out, "r1")
    _publish(con, out, "r2")
    with pinned_run(out) as held:
        assert held == (out / RUNS / "r2").resolve()
        _publish(con, out, "r3")
        _publish(con, out, "r4")  # r2 is neither current nor previous, but is being read
        assert sorted(p.name for p in (out / RUNS).iterdir()) == ["r2", "r3", "r4"]
        assert (held / ANALYST_DB).exists()
    _publish(con, out, "r5")
    assert sorted(p.name for p in (out / RUNS).iterdir()) == ["r4", "r5"]


def test_a_flat_publication_is_read_then_taken_over(con, tmp_path: Path) -> None:
    """A data directory published before run folders existed: files directly in published/."""
    out = tmp_path / "published"
    _publish(con, out, "old")
    flat = tmp_path / "flat"
    flat.mkdir()
    for name in [f"{t}.parquet" for t in PUBLISHED_TABLES] + [MANIFEST, ANALYST_DB]:
        (flat / name).write_bytes((out / RUNS / "old" / name).read_bytes())
    assert read_manifest(flat)["run_id"] == "old"
    assert run_query(flat, "SELECT run_id FROM publication")[1] == [("old",)]
    _publish(con, flat, "new")
    assert (flat / MANIFEST).is_symlink() and (flat / ANALYST_DB).is_symlink()
    assert read_manifest(flat)["run_id"] == "new"
    assert json.loads((flat / MANIFEST).read_text())["run_id"] == "new"
