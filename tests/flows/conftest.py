"""Prefect for the flow tests: one temporary API server per session, for the tests that ask.

``prefect_harness`` is session-scoped and not autouse, so only a session that collects a test
requesting it pays for the server (about 5 s; 20 s or more on a fresh database, which is why
the start-up limit is raised from the harness's 30 s). The server's analytics are off, and
``DO_NOT_TRACK`` keeps the client quiet, so tests make no attempt to reach the internet.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

HARNESS_STARTUP_TIMEOUT = 180


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
