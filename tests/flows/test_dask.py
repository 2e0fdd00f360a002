"""The nightly flow on Dask (prefect-dask, a local cluster of two worker processes), and on a
pool of two worker processes, fills the same tables as the flow in one process.

The flow runs for real on the bundled sample site (`e2e_support.sample_config`), under the
session's Prefect test server, once per way of running; the warehouses are then compared
table by table, without the columns that name the run or the moment (they differ between
any two runs).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.flows.e2e_support import sample_config

pytestmark = pytest.mark.slow

WAYS = {
    "one process": {"workers": "1"},
    "worker processes": {"workers": "2"},
    "dask": {"dask_scheduler": '"local"', "dask_workers": "2"},
}

# Columns that name the run or when something happened: different in any two runs (a
# stage's input fingerprint covers the tables' times too).
VOLATILE = ("run_id", "_at", "_run", "started", "finished", "checked", "published", "fingerprint")


def _with_settings(config: Path, name: str, settings: dict[str, str]) -> Path:
    """A copy of `config` beside it (same site, same port: same URLs), with `settings`."""
    text = config.read_text(encoding="utf-8")
    assert "[pipeline]\n" in text
    lines = "".join(f"{key} = {value}\n" for key, value in settings.items())
    copy = config.with_name(f"{name}.toml")
    copy.write_text(text.replace("[pipeline]\n", "[pipeline]\n" + lines, 1), encoding="utf-8")
    return copy


def _tables(warehouse: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without the volatile columns."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        out = {}
        for (table,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1"
        ).fetchall():
            columns = [
                name
                for name, kind in con.execute(
                    "SELECT column_name, data_type FROM duckdb_columns() "
                    "WHERE table_name = ? AND schema_name = 'main' ORDER BY column_index",
                    [table],
                ).fetchall()
                if not any(v in name for v in VOLATILE) and "TIMESTAMP" not in kind
            ]
            if not columns:
                continue
            select = ", ".join(f'"{c}"' for c in columns)
            out[table] = con.execute(f'SELECT {select} FROM "{table}" ORDER BY ALL').fetchall()
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def runs(
    prefect_harness: None, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, Any]]:
    from flows.nightly import nightly

    root = tmp_path_factory.mktemp("ways")
    sample = sample_config(root)
    out = {}
    for way, settings in WAYS.items():
        name = way.replace(" ", "-")
        config = _with_settings(sample, name, settings)
        data = root / f"data-{name}"
        result = nightly(config_path=str(config), data_dir=str(data))
        assert isinstance(result, dict), f"{way}: {result}"
        out[way] = {"result": result, "tables": _tables(data / "warehouse.duckdb")}
    return out


@pytest.mark.parametrize("way", ["worker processes", "dask"])
def test_the_tables_are_those_of_one_process(runs: dict[str, dict[str, Any]], way: str) -> None:
    alone, other = runs["one process"], runs[way]
    assert other["result"]["status"] == "published"
    assert other["result"]["documents"] == alone["result"]["documents"] == {"new": 5}
    assert other["result"]["failures"] == {}
    assert set(other["tables"]) == set(alone["tables"])
    for table, rows in alone["tables"].items():
        assert other["tables"][table] == rows, table
    assert alone["tables"]["documents"] and alone["tables"]["fact_candidates"]


def test_the_dask_run_parsed_and_extracted_in_batch_tasks(
    runs: dict[str, dict[str, Any]], prefect_client: Any
) -> None:
    """Five documents in batches of one (two workers, four batches each at most): five parse
    tasks and five extract tasks, all completed, from the Dask run only."""
    from prefect.client.schemas.filters import TaskRunFilter, TaskRunFilterName

    batches = prefect_client.read_task_runs(
        task_run_filter=TaskRunFilter(name=TaskRunFilterName(like_="work-batch"))
    )
    assert len(batches) == 10
    assert {run.state.type.value for run in batches} == {"COMPLETED"}
