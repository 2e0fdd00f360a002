"""Fixtures for the quality-gate tests: the packaged suites and a fresh realistic dataset."""

from __future__ import annotations

import pandas as pd
import pytest

from expectations.suites import Suite, load_suites
from expectations.synthetic import realistic_tables


@pytest.fixture(scope="session")
def suites() -> dict[str, Suite]:
    return load_suites()


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    """A clean dataset, rebuilt for every test so each may break it its own way."""
    return realistic_tables()
