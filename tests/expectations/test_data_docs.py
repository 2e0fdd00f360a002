"""Data Docs: GX's own site builder renders the gate's results into a folder of HTML."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest

from expectations.data_docs import SUMMARY_FILE, render_data_docs
from expectations.gate import run_gate
from expectations.suites import Suite, make_spec
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
        pages = list(
            (tmp_path / "data_docs" / "validations" / table / "run-2024-04-01").rglob("*.html")
        )
        assert len(pages) == 1, table
    budgets_page = next(
        (tmp_path / "data_docs" / "validations" / "budgets").rglob("*.html")
    ).read_text(encoding="utf-8")
    assert "space" in budgets_page  # the unexpected value is shown
    assert "Severity: row" in (tmp_path / "data_docs" / "expectations" / "budgets.html").read_text(
        encoding="utf-8"
    )

    summary = (tmp_path / "data_docs" / SUMMARY_FILE).read_text(encoding="utf-8")
    assert summary.startswith("quality gate run-2024-04-01: WARN")
    assert "QUARANTINED budgets [b-diplomacy-2024]: category_in_vocabulary" in summary
    out, err = capfd.readouterr()
    assert "Calculating Metrics" not in out + err


def test_data_docs_render_a_run_whose_checks_never_reached_gx(
    tables: dict[str, pd.DataFrame], suites: dict[str, Suite], tmp_path: Path
) -> None:
    """An invalid suite entry stops the check before GX runs: no GX results, still a report."""
    bad = make_spec(
        "in_set_without_set",
        "expect_column_values_to_be_in_set",
        {"column": "currency"},
        "critical",
        "Injected: value_set missing.",
    )
    only_bad = {"budgets": dataclasses.replace(suites["budgets"], expectations=(bad,))}
    result = run_gate(tables, run_id="r-broken", previous_counts=None, suites=only_bad)
    assert result.status == "error" and result.gx_results == {}

    index = render_data_docs(result, tmp_path)
    assert index.is_file()
    summary = (tmp_path / SUMMARY_FILE).read_text(encoding="utf-8")
    assert summary.startswith("quality gate r-broken: ERROR")
    assert "ERROR budgets.in_set_without_set: suite entry invalid" in summary
