"""The records a gate run files, and the verdict they add up to.

Each check files one `ExpectationResult` (a row of `quality_results`), each withheld row one
`QuarantinedRow` (a row of `quarantine`; both tables in warehouse/migrations/002_facts.sql).
The verdict is read off these records alone, so what the run log says and what the warehouse
stores cannot disagree.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from expectations.suite_rules import Severity
from expectations.suites import ExpectationSpec

Status = Literal["pass", "warn", "fail", "error"]

_MAX_OBSERVED = 500


@dataclass(frozen=True)
class ExpectationResult:
    """The outcome of one expectation on one table (one row of `quality_results`).

    success is None when the check did not give a verdict: `error` says why if it raised;
    no error means it was not run (its table or inputs were missing, reported elsewhere).
    """

    table: str
    expectation: str
    severity: Severity
    success: bool | None
    observed_value: str
    error: str | None = None
    type: str = ""
    stage: str = ""
    why: str = ""


@dataclass(frozen=True)
class QuarantinedRow:
    """A row withheld from publication (one row of `quarantine`)."""

    table: str
    row_key: str
    expectation: str
    row_json: str


def status_of(
    results: Sequence[ExpectationResult], quarantined: Sequence[QuarantinedRow]
) -> Status:
    if any(r.error is not None for r in results):
        return "error"
    if any(r.severity == "critical" and r.success is False for r in results):
        return "fail"
    if quarantined or any(r.success is False for r in results):
        return "warn"
    return "pass"


def not_run(table: str, spec: ExpectationSpec, reason: str) -> ExpectationResult:
    return ExpectationResult(
        table=table,
        expectation=spec.name,
        severity=spec.severity,
        success=None,
        observed_value=reason,
        type=spec.type,
        stage=spec.stage,
        why=spec.why,
    )


def errored(table: str, spec: ExpectationSpec, error: str) -> ExpectationResult:
    return ExpectationResult(
        table=table,
        expectation=spec.name,
        severity=spec.severity,
        success=None,
        observed_value="",
        error=error[:2000],
        type=spec.type,
        stage=spec.stage,
        why=spec.why,
    )


def observed_text(result: Mapping[str, Any]) -> str:
    """GX's observed value as one short string (quality_results.observed_value)."""
    mismatched = (result.get("details") or {}).get("mismatched")
    if isinstance(mismatched, Mapping):  # expect_table_columns_to_match_set
        parts = [f"{k}: {', '.join(map(str, v))}" for k, v in mismatched.items() if v]
        text = "; ".join(parts) or _short(result.get("observed_value"))
    elif "observed_value" in result:
        text = _short(result["observed_value"])
    elif "unexpected_count" in result:
        count = result.get("unexpected_count") or 0
        total = result.get("element_count")
        percent = result.get("unexpected_percent")
        text = f"{count} of {total} unexpected"
        if percent is not None and not (isinstance(percent, float) and math.isnan(percent)):
            text += f" ({percent:.3g}%)"
        examples = (result.get("partial_unexpected_list") or [])[:5]
        if count and examples:
            text += f"; e.g. {_short(examples)}"
    else:
        text = _short(result) if result else ""
    return text[:_MAX_OBSERVED]


def _short(value: Any) -> str:
    try:
        return json.dumps(value, default=str, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(value)
