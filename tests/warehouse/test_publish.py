"""Publishing writes typed Parquet atomically, a manifest, and a standalone analyst copy."""

from __future__ import annotations

import json
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
    PUBLISHED_TABLES,
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
        FactRow("budget", "b1", budget, (m,)),
        FactRow("project", "p1", project, (Mention("d1", "A joint", 20, 27, 1),)),
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
    assert not [p for p in out.iterdir() if ".tmp" in p.name]


def test_publish_leaves_out_quarantined_facts_and_their_dependants(con, tmp_path: Path) -> None:
    out = tmp_path / "published"
    publish(con, out, run_id="r1", published_at=datetime(2024, 4, 1), excluded={"projects": {"p1"}})
    assert pq.read_table(out / "projects.parquet").num_rows == 0
    assert pq.read_table(out / "project_participants.parquet").num_rows == 0
    mentions = pq.read_table(out / "mentions.parquet").to_pylist()
    assert [(m["fact_type"], m["fact_id"]) for m in mentions] == [("budget", "b1")]


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
    (out / "budgets.parquet").write_bytes(b"keep")
    assert [p.name for p in remove_stale_temporaries(out)] == [".budgets.parquet.r9.tmp"]
    assert (out / "budgets.parquet").read_bytes() == b"keep"
    assert json.loads(json.dumps(sorted(p.name for p in out.iterdir()))) == ["budgets.parquet"]
