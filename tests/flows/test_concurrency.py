"""An analyst holding `published/analyst.duckdb` open never blocks the nightly run, and keeps
seeing the run they opened, whole, until they reconnect.

The analyst is a separate process (DuckDB's file locks are per process) that keeps one
read-only connection and answers the queries written to its stdin. A first publication is made
by the stages without Prefect; the second run is a real `chinasci run`, queried against
before, during and after.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.flows.e2e_support import (
    LiveRun,
    read_only,
    run_stages,
    sample_config,
    seed_prefect_home,
)

pytestmark = pytest.mark.slow

ANALYST = r"""
import json, sys
import duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    try:
        print(json.dumps({"rows": con.execute(line).fetchall()}, default=str), flush=True)
    except Exception as exc:
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}), flush=True)
"""
QUERY_TIMEOUT = 10.0  # seconds an answer may take; a blocked reader would take forever
WHOLE = (
    "SELECT (SELECT run_id FROM publication), (SELECT count(*) FROM documents), "
    "(SELECT count(*) FROM budgets), (SELECT count(*) FROM mentions)"
)


class Analyst:
    """`python -c ANALYST published/analyst.duckdb`: one connection, queries on stdin."""

    def __init__(self, path: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", ANALYST, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._answers: queue.Queue[dict] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        assert self._answer() == {"ready": True}

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._answers.put(json.loads(line))

    def _answer(self) -> dict:
        try:
            return self._answers.get(timeout=QUERY_TIMEOUT)
        except queue.Empty:
            raise AssertionError(f"no answer within {QUERY_TIMEOUT:g} s") from None

    def query(self, sql: str) -> list[list]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(sql.replace("\n", " ") + "\n")
        self.proc.stdin.flush()
        answer = self._answer()
        assert "rows" in answer, answer
        return answer["rows"]

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@dataclass
class Session:
    first_run: str
    before: list
    during: list[tuple[bool, list]] = field(default_factory=list)  # (swapped yet, answer)
    after_old: list | None = None
    after_new: list | None = None
    run: LiveRun | None = None
    code: int | None = None
    inodes: tuple[int, int] = (0, 0)


@pytest.fixture(scope="module")
def session(
    tmp_path_factory: pytest.TempPathFactory, migrated_prefect_home: Path
) -> Iterator[Session]:
    root = tmp_path_factory.mktemp("concurrency")
    data = root / "data"
    seed_prefect_home(data, migrated_prefect_home)
    analyst_db = data / "published" / "analyst.duckdb"
    config = sample_config(root)
    first = run_stages(config, data)
    first_inode = os.stat(analyst_db).st_ino

    analyst = Analyst(analyst_db)
    try:
        s = Session(first_run=first.run_id, before=analyst.query(WHOLE)[0])
        # `reprocess`: a second `run` of an unchanged site would keep the first publication
        run = LiveRun(
            "reprocess", "--config", str(config), "--data-dir", str(data), home=root / "home"
        )
        s.run = run
        try:
            while run.alive():
                swapped = os.stat(analyst_db).st_ino != first_inode
                s.during.append((swapped, analyst.query(WHOLE)[0]))
                time.sleep(0.2)
        finally:
            s.code = run.wait()
        s.inodes = (first_inode, os.stat(analyst_db).st_ino)
        s.after_old = analyst.query(WHOLE)[0]
        with read_only(analyst_db) as con:
            s.after_new = list(con.execute(WHOLE).fetchone())
        yield s
    finally:
        analyst.close()


def test_the_run_completes_while_the_copy_is_open(session: Session) -> None:
    run = session.run
    assert run is not None
    assert session.code == 0, run.stdout + run.stderr
    assert "published to" in run.stdout
    assert session.inodes[0] != session.inodes[1]  # a new file, swapped in by rename


def test_open_connection_keeps_the_old_run_whole(session: Session) -> None:
    assert session.before[0] == session.first_run
    assert session.before[1] == 5
    assert session.during, "the run ended before any query was made"
    for _, answer in session.during:
        assert answer == session.before
    assert session.after_old == session.before


def test_new_connection_sees_the_new_run(session: Session) -> None:
    run = session.run
    assert run is not None and session.after_new is not None
    run_line = next(line for line in run.stdout.splitlines() if line.startswith("run "))
    new_run = run_line.split()[1].rstrip(":")
    assert new_run != session.first_run
    assert session.after_new[0] == new_run
    assert session.after_new[1:] == session.before[1:]  # nothing changed on the sample site
