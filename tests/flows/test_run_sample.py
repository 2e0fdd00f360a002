"""`chinasci run` end to end on the bundled sample site, as an operator runs it.

The run is a real subprocess: the sample site is served on 127.0.0.1 by the run itself,
Prefect runs the flow, and the published files are read back with DuckDB and pyarrow.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

REPO = Path(__file__).resolve().parents[2]
CHINASCI = [sys.executable, "-m", "flows.cli"]

pytestmark = pytest.mark.slow


def run_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("PREFECT_API_URL", None)
    return subprocess.run(
        [*CHINASCI, *args], cwd=cwd, capture_output=True, text=True, timeout=600, env=env
    )


def published_bytes(published: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(published.glob("*.parquet"))}


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory):
    data = tmp_path_factory.mktemp("data")
    first = run_cli("run", "--config", "config/sample.toml", "--data-dir", str(data))
    after_first = published_bytes(data / "published")
    manifest_first = json.loads((data / "published" / "manifest.json").read_text())
    second = run_cli("run", "--config", "config/sample.toml", "--data-dir", str(data))
    return data, first, second, after_first, manifest_first


def test_first_run_succeeds_quietly(two_runs) -> None:
    _, first, _, _, _ = two_runs
    assert first.returncode == 0, first.stdout + first.stderr
    output = first.stdout + first.stderr
    assert "Traceback" not in output
    assert " ERROR " not in output and "| ERROR" not in output
    assert "documents: new 5" in first.stdout


def test_documents_have_the_right_dates_and_types(two_runs) -> None:
    data = two_runs[0]
    con = duckdb.connect(str(data / "published" / "analyst.duckdb"), read_only=True)
    rows = con.execute(
        "SELECT doc_type, published_date, status FROM documents ORDER BY published_date"
    ).fetchall()
    assert rows == [
        ("article", date(2022, 11, 28), "parsed"),
        ("review", date(2024, 3, 1), "parsed"),
        ("article", date(2024, 3, 5), "parsed"),
        ("article", date(2024, 3, 6), "parsed"),
        ("review", date(2024, 11, 1), "parsed"),
    ]


def test_parquet_files_match_the_manifest(two_runs) -> None:
    data, _, _, _, manifest = two_runs
    published = data / "published"
    for table, entry in manifest["tables"].items():
        path = published / entry["file"]
        assert pq.read_table(path).num_rows == entry["rows"], table
        n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall()[0][0]
        assert n == entry["rows"], table
    assert manifest["tables"]["documents"]["rows"] == 5


def test_second_run_adds_nothing_and_changes_nothing(two_runs) -> None:
    data, _, second, after_first, _ = two_runs
    assert second.returncode == 0, second.stdout + second.stderr
    assert "documents: unchanged 5" in second.stdout
    assert published_bytes(data / "published") == after_first


def test_second_run_skips_the_gate_and_keeps_the_first_publication(two_runs) -> None:
    data, _, second, _, manifest_first = two_runs
    first_id = manifest_first["run_id"]
    assert f"nothing changed since run {first_id}, which stays published" in second.stdout
    manifest = json.loads((data / "published" / "manifest.json").read_text())
    assert manifest["run_id"] == first_id
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        runs = con.execute("SELECT run_id, status FROM runs ORDER BY seq").fetchall()
        gated = {
            r for (r,) in con.execute("SELECT DISTINCT run_id FROM quality_results").fetchall()
        }
    finally:
        con.close()
    assert [status for _, status in runs] == ["published", "unchanged"]
    assert gated == {first_id}  # the second run validated nothing: nothing was new


def test_second_run_sends_only_conditional_requests(two_runs) -> None:
    second = two_runs[2]
    # index page(s), feed and five documents: every one answered 304 Not Modified
    line = next(x for x in second.stdout.splitlines() if x.startswith("requests:"))
    sent, not_modified = line.split()[1], line.split("(")[1].split()[0]
    assert int(sent) == int(not_modified) > 0


def test_query_command_reads_the_published_copy(two_runs) -> None:
    data = two_runs[0]
    result = run_cli(
        "query",
        "SELECT doc_type, count(*) AS n FROM documents GROUP BY 1 ORDER BY 1",
        "--data-dir",
        str(data),
        "--format",
        "csv",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines() == ["doc_type,n", "article,3", "review,2"]
