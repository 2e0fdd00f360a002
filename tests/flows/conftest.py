"""Prefect for the flow tests: a temporary API server per session, for the tests that ask.

``prefect_harness`` is session-scoped and not autouse, so only a session that collects a test
requesting it pays for the server: a few seconds, plus the database migrations on its fresh
database (20 s on a quiet machine, over a minute on a busy one, hence the start-up limit
raised from the harness's 30 s). The server's analytics are off, and ``DO_NOT_TRACK`` keeps
the client quiet, so tests make no attempt to reach the internet.

``prefect_home`` gives a test its own ``<data_dir>/.prefect`` holding an already migrated
database, copied from one made once per session, for tests that run Prefect in a subprocess
the way ``chinasci`` does (``flows.prefect_env``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HARNESS_STARTUP_TIMEOUT = 180
REPO = Path(__file__).resolve().parents[2]


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """This environment without Prefect settings, with HOME (so no Prefect profile) at home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.pop("DO_NOT_TRACK", None)
    env.update(HOME=str(home), PYTHONUNBUFFERED="1", **extra)
    return env


MIGRATE = """
import sys
from pathlib import Path
from flows.prefect_env import configure_prefect, start_local_server
configure_prefect(Path(sys.argv[1]))
server = start_local_server()
server.wait_ready()
server.stop()
"""


@pytest.fixture(scope="session")
def migrated_prefect_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A PREFECT_HOME whose database has every migration applied (made once per session)."""
    root = tmp_path_factory.mktemp("prefect-template")
    home = root / ".prefect"
    subprocess.run(
        [sys.executable, "-c", MIGRATE, str(home)],
        cwd=REPO,
        env=clean_env(root),
        check=True,
        capture_output=True,
        timeout=600,
    )
    con = sqlite3.connect(home / "prefect.db")
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    return home


@pytest.fixture
def prefect_home(migrated_prefect_home: Path, tmp_path: Path) -> Path:
    """``<tmp_path>/data/.prefect``, with a migrated Prefect database in it."""
    home = tmp_path / "data" / ".prefect"
    shutil.copytree(migrated_prefect_home, home)
    return home


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """Run Prefect against a throwaway server and SQLite database for the rest of the session."""
    from prefect.settings import PREFECT_SERVER_ANALYTICS_ENABLED, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    saved = os.environ.get("DO_NOT_TRACK")
    os.environ["DO_NOT_TRACK"] = "1"
    try:
        with (
            temporary_settings(updates={PREFECT_SERVER_ANALYTICS_ENABLED: False}),
            prefect_test_harness(server_startup_timeout=HARNESS_STARTUP_TIMEOUT),
        ):
            yield
    finally:
        if saved is None:
            os.environ.pop("DO_NOT_TRACK", None)
        else:
            os.environ["DO_NOT_TRACK"] = saved


@pytest.fixture
def prefect_client(prefect_harness: None):
    """A synchronous client of the harness server."""
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        yield client
