"""Crash safety: `chinasci run` on the sample config is SIGKILLed during fetch, during load and
during publish, and the run after it must complete with nothing duplicated, lost or half
written.

The kill points are found from outside, without hooks in the code: during fetch = as soon as
the flow logs "<n> sources, data in ..." (the line logged just before the fetch task; nothing
is stored before the fetch ends, which the test checks); during load = as soon as the
first raw file appears under raw/ (store_collected writes them, then the documents are
parsed, all five within a second; the test checks the warehouse then holds fewer than the
five documents); during publish = as soon as a hidden temporary file appears in published/.
One data directory goes through all three, in that order, so each run starts from what the
previous kill left:

  run 1 killed during fetch; run 2 killed during load; the stages (without Prefect or the
  gate) complete and publish once; run 3 killed during publish; run 4 must complete.

The config is config/sample.toml with the sample site on another port (`sample_config`),
so a sample run elsewhere on the machine cannot take the site's port from under a run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.flows.e2e_support import (
    LiveRun,
    published_bytes,
    published_problems,
    raw_files,
    raw_problems,
    read_only,
    run_stages,
    sample_config,
    seed_prefect_home,
    wait_until,
)

pytestmark = pytest.mark.slow

SAMPLE_DOCUMENTS = 5


def _hidden_temporaries(published: Path) -> list[str]:
    if not published.exists():
        return []
    return [p.name for p in published.iterdir() if p.name.startswith(".") and ".tmp" in p.name]


def _warehouse_documents(data: Path) -> int:
    with read_only(data / "warehouse.duckdb") as con:
        return con.execute("SELECT count(*) FROM documents WHERE status = 'parsed'").fetchone()[0]


@dataclass
class Crashes:
    data: Path
    fetch_kill: dict
    load_kill: dict
    before_publish_kill: dict[str, bytes]
    publish_kill: dict
    final: LiveRun
    final_code: int


def _kill_when(
    args: tuple[str, ...], home: Path, reached: Callable[[LiveRun], object]
) -> str | None:
    """Start a run, SIGKILL it once `reached(run)` returns; None if it was still running
    then, else what happened instead (the run ended first, or never got there)."""
    run = LiveRun(*args, home=home)
    missed = None
    try:
        reached(run)
        if not run.alive():
            missed = f"the run had already exited ({run.proc.returncode})"
    except (AssertionError, TimeoutError) as exc:
        missed = str(exc)[-2000:]
    finally:
        run.kill()
    return missed


@pytest.fixture(scope="module")
def crashes(tmp_path_factory: pytest.TempPathFactory, migrated_prefect_home: Path) -> Crashes:
    root = tmp_path_factory.mktemp("crash")
    data, home = root / "data", root / "home"
    seed_prefect_home(data, migrated_prefect_home)
    config = sample_config(root)
    args = ("run", "--config", str(config), "--data-dir", str(data))
    published, raw = data / "published", data / "raw"

    # 1. during fetch
    missed = _kill_when(args, home, lambda run: run.wait_for_line(" sources, data in "))
    fetch_kill = {
        "missed": missed,
        "raw_files": len(raw_files(raw)),
        "published": published.exists(),
    }

    # 2. during load
    def loading(run: LiveRun) -> None:
        # no delay after it: parsing all five documents takes well under a second
        wait_until(lambda: raw_files(raw), timeout=600, interval=0.002, run=run)

    missed = _kill_when(args, home, loading)
    load_kill = {
        "missed": missed,
        "raw_files": len(raw_files(raw)),
        "parsed_documents": _warehouse_documents(data),
        "published": published.exists(),
        "raw_problems": raw_problems(raw),
    }

    # A complete publication (the stages without Prefect), for the publish kill to spare.
    run_stages(config, data)
    before = published_bytes(published)

    # 3. during publish
    def publishing(run: LiveRun) -> None:
        wait_until(lambda: _hidden_temporaries(published), timeout=600, interval=0.002, run=run)

    # A second `run` of the same site has nothing new and publishes nothing (the first
    # publication stands); `reprocess` always validates and publishes again.
    reprocess = ("reprocess", *args[1:])
    missed = _kill_when(reprocess, home, publishing)
    publish_kill = {
        "missed": missed,
        "problems": published_problems(published),
        "visible": published_bytes(published),
    }

    # 4. the run after
    final = LiveRun(*args, home=home)
    code = final.wait()
    return Crashes(data, fetch_kill, load_kill, before, publish_kill, final, code)


def test_kills_hit_fetch_load_and_publish(crashes: Crashes) -> None:
    assert crashes.fetch_kill == {"missed": None, "raw_files": 0, "published": False}
    assert crashes.load_kill["missed"] is None
    assert crashes.load_kill["raw_files"] > 0
    assert crashes.load_kill["parsed_documents"] < SAMPLE_DOCUMENTS
    assert crashes.load_kill["published"] is False
    assert crashes.publish_kill["missed"] is None


def test_killed_writes_are_never_visible_under_real_names(crashes: Crashes) -> None:
    assert crashes.load_kill["raw_problems"] == []
    assert crashes.publish_kill["problems"] == []
    # The killed publication left the previous one exactly as it was.
    assert crashes.publish_kill["visible"] == crashes.before_publish_kill


def test_run_after_the_crashes_completes(crashes: Crashes) -> None:
    final = crashes.final
    assert crashes.final_code == 0, final.stdout + final.stderr
    assert "Traceback" not in final.stdout + final.stderr
    assert f"documents: unchanged {SAMPLE_DOCUMENTS}" in final.stdout


FACTS = (
    "SELECT 'budget' AS fact_type, budget_id AS fact_id FROM budgets UNION ALL "
    "SELECT 'project', project_id FROM projects UNION ALL "
    "SELECT 'meeting', meeting_id FROM meetings"
)


def test_no_duplicate_or_lost_rows(crashes: Crashes) -> None:
    with read_only(crashes.data / "warehouse.duckdb") as con:

        def one(sql: str) -> tuple:
            return con.execute(sql).fetchone()

        documents = "SELECT count(*), count(DISTINCT doc_id), count(DISTINCT url) FROM documents"
        assert one(documents) == (SAMPLE_DOCUMENTS,) * 3
        assert one("SELECT count(*) FROM documents WHERE status <> 'parsed'") == (0,)
        facts, distinct = one(
            f"SELECT count(*), count(DISTINCT (fact_type, fact_id)) FROM ({FACTS})"
        )
        assert facts == distinct > 0
        mentions = "count(DISTINCT (fact_type, fact_id, doc_id, char_start))"
        assert one(f"SELECT count(*) - {mentions} FROM mentions") == (0,)
        # Every fact is stated somewhere, and every mention names a fact that exists.
        assert one(
            f"SELECT count(*) FROM ({FACTS}) f ANTI JOIN mentions USING (fact_type, fact_id)"
        ) == (0,)
        assert one(
            f"SELECT count(*) FROM mentions ANTI JOIN ({FACTS}) f USING (fact_type, fact_id)"
        ) == (0,)
        assert one("SELECT count(*) - count(DISTINCT url) FROM fetch_state") == (0,)
        runs = dict(con.execute("SELECT status, count(*) FROM runs GROUP BY 1").fetchall())
        interrupted = one("SELECT count(*) FROM runs WHERE message LIKE 'interrupted%'")[0]
    assert runs == {"failed": 3, "published": 1, "unchanged": 1}  # the last: nothing new
    assert interrupted == 3


def test_published_files_are_whole(crashes: Crashes) -> None:
    published = crashes.data / "published"
    assert published_problems(published) == []
    assert [p.name for p in published.iterdir() if ".tmp" in p.name] == []  # cleaned up
    assert raw_problems(crashes.data / "raw") == []
    manifest = json.loads((published / "manifest.json").read_text())
    assert manifest["tables"]["documents"]["rows"] == SAMPLE_DOCUMENTS
    # The run after the crashes found nothing new: the last whole publication stands.
    standing = f"nothing changed since run {manifest['run_id']}, which stays published"
    assert standing in crashes.final.stdout
    with read_only(published / "analyst.duckdb") as con:
        assert con.execute("SELECT run_id FROM publication").fetchone()[0] == manifest["run_id"]
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == SAMPLE_DOCUMENTS
