"""Fixtures for the extract tests: one fault server per session, counters reset per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.extract.fault_server import FaultServer


@pytest.fixture(scope="session")
def fault_server_session() -> Iterator[FaultServer]:
    """Started once: building the PDFs and binding a port per test would slow the suite."""
    with FaultServer() as server:
        yield server


@pytest.fixture
def fault_server(fault_server_session: FaultServer) -> Iterator[FaultServer]:
    """The shared server with fresh counters, so each test asserts only its own requests."""
    fault_server_session.reset()
    # A handler a client abandoned (a stall) may still be sleeping when the next test
    # starts; that is harmless, because requests are counted when they arrive.
    yield fault_server_session
