"""The data-quality gate: nothing unvalidated is published.

`run_gate` validates every published table against its suite with Great Expectations and
decides what may be published:

- critical failure -> status "fail", not publishable: the previous extracts stay as they were;
- warning failure  -> status "warn", publishable, reported;
- row-level failure -> the failing rows are quarantined and withheld, together with what
  depends on them (a fact's mentions, conflicts and participants; a fact whose every
  mention was quarantined), so the published set stays referentially whole; status "warn";
- a check that raised, or could not be built -> status "error", not publishable. A raised
  check is neither a pass nor a data failure: it says nothing about the data.

Each table is validated in up to three stages: "contract" on the table as given (exact
columns, types, not-nulls, key), "content" on the table plus its derived columns (cross-table
and date rules, row-level checks), "published" on what would be published (row counts
against the previous published run). If the contract finds contract columns missing, the
content checks are reported as not run (success None, no error): the contract failure is
the news, and dozens of follow-on errors would hide it.

The function is pure: it reads the frames and returns a `GateResult`; writing
`quality_results`, `quarantine` and the Parquet extracts is the caller's job
(`GateResult.quality_results_frame`, `quarantine_frame`, `clean_tables`).

The stages run in `gate_run.py`, the withholding and its cascade in `quarantine.py`; the
records each check files, and the verdict they add up to, are in `gate_records.py`.
"""

from __future__ import annotations

import datetime as dt
import logging
import traceback
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from expectations.gate_records import ExpectationResult, QuarantinedRow, Status, status_of
from expectations.gate_run import GateRun
from expectations.quarantine import key_part
from expectations.suites import Suite, SuiteError, load_currency_ceilings, load_suites
from expectations.validation_view import validation_view

log = logging.getLogger(__name__)

_SHARE_CHECK = "share_of_parsed_documents_without_facts"  # documents.toml


@dataclass
class GateResult:
    """What the gate decided, why, and what may be published."""

    run_id: str
    status: Status
    publishable: bool
    results: list[ExpectationResult]
    quarantined: list[QuarantinedRow]
    # What may be published: the tables handed in minus quarantined rows and their
    # dependants. Empty when not publishable, so nothing can be published by mistake.
    clean_tables: dict[str, pd.DataFrame]
    # GX's own validation results, one per table (all stages merged), for Data Docs.
    gx_results: dict[str, Any] = field(default_factory=dict)
    suites: dict[str, Suite] = field(default_factory=dict)
    checked_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    @property
    def errors(self) -> list[ExpectationResult]:
        return [r for r in self.results if r.error is not None]

    @property
    def critical_failures(self) -> list[ExpectationResult]:
        return [r for r in self.results if r.severity == "critical" and r.success is False]

    @property
    def warnings(self) -> list[ExpectationResult]:
        return [r for r in self.results if r.severity != "critical" and r.success is False]

    def summary_lines(self, limit: int = 40) -> list[str]:
        """Human-readable lines for the run log and the nightly report: verdict first."""
        n_quarantined = len({(q.table, q.row_key) for q in self.quarantined})
        verdict = {
            "pass": "PASS, published",
            "warn": "WARN, published with warnings",
            "fail": "FAIL, not published; previous extracts kept",
            "error": "ERROR, not published; a check could not run",
        }[self.status]
        checked = sum(1 for r in self.results if r.success is not None)
        lines = [
            f"quality gate {self.run_id}: {verdict} ({checked} checks, "
            f"{len(self.errors)} errors, {len(self.critical_failures)} critical, "
            f"{len(self.warnings)} warnings, {n_quarantined} rows quarantined)"
        ]
        body: list[str] = []
        for r in self.errors:
            body.append(f"ERROR {r.table}.{r.expectation}: {r.error}")
        for r in self.critical_failures:
            body.append(f"CRITICAL {r.table}.{r.expectation}: {r.observed_value} (why: {r.why})")
        for r in self.warnings:
            label = "ROW" if r.severity == "row" else "WARNING"
            body.append(f"{label} {r.table}.{r.expectation}: {r.observed_value}")
        for q in self.quarantined:
            body.append(f"QUARANTINED {q.table} [{q.row_key}]: {q.expectation}")
        if len(body) > limit:
            body = [*body[:limit], f"... and {len(body) - limit} more"]
        share = next((r for r in self.results if r.expectation == _SHARE_CHECK), None)
        if share is not None and share.success is not None:
            body.append(f"share of parsed documents without facts: {share.observed_value}")
        return lines + body

    def quality_results_frame(self, checked_at: dt.datetime) -> pd.DataFrame:
        """The rows for `quality_results` (warehouse/migrations/002_facts.sql)."""
        return pd.DataFrame(
            {
                "run_id": [self.run_id] * len(self.results),
                "table_name": [r.table for r in self.results],
                "expectation": [r.expectation for r in self.results],
                "severity": [r.severity for r in self.results],
                "success": pd.array([r.success for r in self.results], dtype="boolean"),
                "observed_value": [r.observed_value for r in self.results],
                "error": [r.error for r in self.results],
                "checked_at": [checked_at] * len(self.results),
            }
        )

    def quarantine_frame(self, quarantined_at: dt.datetime) -> pd.DataFrame:
        """The rows for `quarantine` (warehouse/migrations/002_facts.sql)."""
        return pd.DataFrame(
            {
                "run_id": [self.run_id] * len(self.quarantined),
                "table_name": [q.table for q in self.quarantined],
                "row_key": [q.row_key for q in self.quarantined],
                "expectation": [q.expectation for q in self.quarantined],
                "row_json": [q.row_json for q in self.quarantined],
                "quarantined_at": [quarantined_at] * len(self.quarantined),
            }
        )


def run_gate(
    tables: Mapping[str, pd.DataFrame],
    *,
    run_id: str,
    previous_counts: Mapping[str, int] | None,
    suites: Mapping[str, Suite] | None = None,
) -> GateResult:
    """Validate `tables` (name -> frame with the warehouse columns) and decide what to publish.

    `previous_counts` are the row counts of the last published run (None on the first run);
    `suites` default to the packaged suite files.
    """
    try:
        suite_map = dict(load_suites() if suites is None else suites)
        ceilings = load_currency_ceilings()
    except SuiteError as exc:
        return _error_result(run_id, "suites", f"the suites could not be loaded: {exc}")
    try:
        from expectations.gx_adapter import Validator

        validator = Validator()
    except Exception as exc:
        return _error_result(run_id, "gate", f"Great Expectations could not start: {exc!r}")

    try:
        run = GateRun(tables, suite_map, ceilings, validator, run_id, previous_counts or {})
        return _decided(run, run.execute())
    except Exception:  # a bug of the gate itself: never a pass, never a silent crash
        log.exception("quality gate %s failed", run_id)
        return _error_result(run_id, "gate", f"the gate itself failed: {traceback.format_exc()}")


def row_keys(frame: pd.DataFrame, suite: Suite) -> list[str]:
    """How the gate names each row of `frame` in the quarantine: the suite's row_key columns
    joined with "|", as publication's ROW_KEYS computes them in SQL."""
    view = validation_view(frame, suite)
    columns = [view[c] for c in suite.row_key]
    return ["|".join(key_part(v) for v in values) for values in zip(*columns, strict=True)]


def _decided(run: GateRun, clean: dict[str, pd.DataFrame]) -> GateResult:
    """What the run's results add up to: the verdict, and what may be published."""
    status = status_of(run.results, run.quarantine.quarantined)
    publishable = status in ("pass", "warn")
    from expectations.gx_adapter import merged_suite_result

    gx_results = {
        name: merged
        for name, parts in run.gx_parts.items()
        if (merged := merged_suite_result(name, parts, run.run_id, run.checked_at)) is not None
    }
    return GateResult(
        run_id=run.run_id,
        status=status,
        publishable=publishable,
        results=run.results,
        quarantined=run.quarantine.quarantined,
        clean_tables=clean if publishable else {},
        gx_results=gx_results,
        suites=run.suites,
        checked_at=run.checked_at,
    )


def _error_result(run_id: str, table: str, error: str) -> GateResult:
    """The gate could not run: an error, not publishable (a traceback keeps its last lines)."""
    result = ExpectationResult(
        table=table,
        expectation="gate_ran",
        severity="critical",
        success=None,
        observed_value="",
        error=error if len(error) <= 2000 else "..." + error[-2000:],
    )
    return GateResult(
        run_id=run_id,
        status="error",
        publishable=False,
        results=[result],
        quarantined=[],
        clean_tables={},
    )
