"""Data Docs: GX's own site builder renders the gate's results into a folder of HTML."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from expectations.data_docs import SUMMARY_FILE, render_data_docs
from expectations.gate import run_gate
from tests.expectations.breakers import set_value


def test_data_docs_render_every_table_with_the_gate_summary(
    tables: dict[str, pd.DataFrame], tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    set_value(tables["budgets"], 1, "category", "space")
    result = run_gate(tables, run_id="run-2024-04-01", previous_counts=None)
    index = render_data_docs(result, tmp_path / "data_docs")

    assert index == tmp_path / "data_docs" / "index.html" and index.is_file()
    for table in tables:
        assert (tmp_path / "data_docs" / "expectations" / f"{table}.html").is_file()
        pages = list((tmp_path / "data_docs" / "validations" / table / "run-2024-04-01").rglob("*.html"))
        assert len(pages) == 1, table
    budgets_page = next(
        (tmp_path / "data_docs" / "validations" / "budgets").rglob("*.html")
    ).read_text(encoding="utf-8")
    assert "space" in budgets_page  # the unexpected value is shown
    assert "Severity: row" in (
        tmp_path / "data_docs" / "expectations" / "budgets.html"
    ).read_text(encoding="utf-8")

    summary = (tmp_path / "data_docs" / SUMMARY_FILE).read_text(encoding="utf-8")
    assert summary.startswith("quality gate run-2024-04-01: WARN")
    assert "QUARANTINED budgets [b-diplomacy-2024]: category_in_vocabulary" in summary
    out, err = capfd.readouterr()
    assert "Calculating Metrics" not in out + err


def test_data_docs_render_a_gate_that_could_not_start(tmp_path: Path) -> None:
    result = run_gate({}, run_id="r-broken", previous_counts=None, suites={})
    result.status = "error"  # as when the suites failed to load: no GX results at all
    index = render_data_docs(result, tmp_path)
    assert index.is_file()
    assert (tmp_path / SUMMARY_FILE).read_text(encoding="utf-8").startswith(
        "quality gate r-broken: ERROR"
    )
