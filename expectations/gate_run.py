"""One gate run: each table through its stages, each check's outcome filed on the way.

The stages, in order: "contract" on the table as given, "content" on the table plus its
derived columns (row-level checks quarantine here), then, once the quarantine has cascaded,
"published" on what would be published. A stage hands Great Expectations only the checks
that can give a verdict; the rest are filed as not run or errored, with the reason, so every
expectation of every suite has exactly one result.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from expectations.derived import DERIVATIONS, derive
from expectations.gate_records import ExpectationResult, errored, not_run, observed_text
from expectations.quarantine import Quarantine
from expectations.suites import ExpectationSpec, Suite, SuiteError
from expectations.validation_view import validation_view, without_rows

_NOT_RUN_MISSING_TABLE = "not run: the table was not handed to the gate"


class GateRun:
    """State of one gate run; `execute` walks the stages in order."""

    def __init__(
        self,
        tables: Mapping[str, pd.DataFrame],
        suites: dict[str, Suite],
        ceilings: Any,
        validator: Any,
        run_id: str,
        previous_counts: Mapping[str, int],
    ) -> None:
        self.tables = tables
        self.suites = suites
        self.ceilings = ceilings
        self.validator = validator
        self.run_id = run_id
        self.previous_counts = previous_counts
        self.checked_at = dt.datetime.now(dt.UTC)
        self.results: list[ExpectationResult] = []
        self.gx_parts: dict[str, list[Any]] = {}
        # Every table handed in, suite or not: derived columns read across tables.
        self.views: dict[str, pd.DataFrame] = {
            name: validation_view(frame, suites.get(name)) for name, frame in tables.items()
        }
        self.quarantine = Quarantine(tables, suites, self.views)

    def execute(self) -> dict[str, pd.DataFrame]:
        """Validate every table in its stages; returns what may be published if the verdict
        allows (the tables handed in minus the rows withheld)."""
        for name, suite in self.suites.items():
            if name not in self.tables:
                self._record_missing_table(suite)
        for name in self.tables:
            if name not in self.suites:
                self.results.append(
                    ExpectationResult(
                        table=name,
                        expectation="has_suite",
                        severity="warning",
                        success=False,
                        observed_value="no suite validates this table; it is withheld",
                        why="Nothing unvalidated is published.",
                    )
                )
        published = [name for name in self.suites if name in self.tables]
        for name in published:
            self._validate_table(self.suites[name])
        self.quarantine.cascade()
        withheld = self.quarantine.withheld
        clean = {name: without_rows(self.tables[name], withheld[name]) for name in published}
        for name, suite in self.suites.items():
            if name in published:
                self._validate_published(suite, without_rows(self.views[name], withheld[name]))
        return clean

    # -- stages ---------------------------------------------------------------------------

    def _record_missing_table(self, suite: Suite) -> None:
        self.results.append(
            ExpectationResult(
                table=suite.table,
                expectation="table_present",
                severity="critical",
                success=False,
                observed_value="the table was not handed to the gate",
                why="Every published table is validated; a missing one would publish stale data.",
            )
        )
        for spec in suite.expectations:
            self.results.append(not_run(suite.table, spec, _NOT_RUN_MISSING_TABLE))

    def _validate_table(self, suite: Suite) -> None:
        view = self.views[suite.table]
        missing = [c for c in suite.columns if c not in view.columns]
        reason = f"not run: contract column(s) missing: {', '.join(missing)}"
        contract: list[ExpectationSpec] = []
        for spec in suite.by_stage("contract"):
            if any(c in missing for c in spec.columns()):
                self.results.append(not_run(suite.table, spec, reason))
            else:
                contract.append(spec)
        contract_results = self._run_specs(suite, "contract", view, contract)
        content = suite.by_stage("content")
        if missing:
            self.results.extend(not_run(suite.table, s, reason) for s in content)
            return
        # A column of the wrong type, or with nulls where the contract forbids them, is the
        # contract failure; checks reading it would only raise on the foreign values and
        # bury that failure under errors.
        broken = {
            name.split(":", 1)[1]
            for name, r in contract_results.items()
            if name.startswith(("type:", "not_null:")) and r.success is False
        }
        needed = sorted({c for s in content for c in s.columns() if c in suite.derived})
        from_broken = {
            name: [
                c
                for t, c in DERIVATIONS[suite.table][name].inputs
                if t == suite.table and c in broken
            ]
            for name in needed
        }
        computed, skipped, raised = derive(
            suite.table, [n for n in needed if not from_broken[n]], self.views, self.ceilings
        )
        for name, cols in from_broken.items():
            if cols:
                skipped[name] = (
                    f"not run: {name} is derived from {', '.join(cols)}, which failed the contract"
                )
        runnable: list[ExpectationSpec] = []
        for spec in content:
            cols = spec.columns()
            error = next((raised[c] for c in cols if c in raised), None)
            skip = next((skipped[c] for c in cols if c in skipped), None)
            bad = [c for c in cols if c in broken]
            if bad:
                reason = f"not run: column(s) {', '.join(bad)} failed the contract"
                self.results.append(not_run(suite.table, spec, reason))
            elif error is not None:
                self.results.append(errored(suite.table, spec, error))
            elif skip is not None:
                self.results.append(not_run(suite.table, spec, skip))
            else:
                runnable.append(spec)
        augmented = view.assign(**computed) if computed else view
        self._run_specs(suite, "content", augmented, runnable)

    def _validate_published(self, suite: Suite, clean_view: pd.DataFrame) -> None:
        specs = suite.by_stage("published")
        overrides: dict[str, dict[str, Any]] = {}
        notes: dict[str, str] = {}
        for spec in specs:
            if spec.min_fraction_of_previous is None:
                continue
            previous = self.previous_counts.get(suite.table)
            if previous:
                # Row counts are integers, so count >= previous * f iff count >= ceil(...);
                # GX's min_value is an int field and would truncate 8.5 to 8.
                minimum = math.ceil(previous * spec.min_fraction_of_previous)
                overrides[spec.name] = {"min_value": minimum}
                notes[spec.name] = f"previous published {previous}, minimum {minimum}"
            else:
                overrides[spec.name] = {"min_value": 0}
                notes[spec.name] = (
                    "no previous published count" if previous is None else "previous published 0"
                )
        self._run_specs(suite, "published", clean_view, specs, overrides, notes)

    def _run_specs(
        self,
        suite: Suite,
        stage: str,
        frame: pd.DataFrame,
        specs: Sequence[ExpectationSpec],
        overrides: Mapping[str, Mapping[str, Any]] | None = None,
        notes: Mapping[str, str] | None = None,
    ) -> dict[str, ExpectationResult]:
        """Validate `specs` on `frame` with GX and file one result per spec (also returned)."""
        filed: dict[str, ExpectationResult] = {}

        def file(result: ExpectationResult) -> None:
            filed[result.expectation] = result
            self.results.append(result)

        if not specs:
            return filed
        from expectations.gx_adapter import build_expectation, raised_message

        overrides = overrides or {}
        notes = notes or {}
        built = []
        for spec in specs:
            try:
                built.append((spec, build_expectation(spec, overrides.get(spec.name))))
            except SuiteError as exc:
                file(errored(suite.table, spec, f"suite entry invalid: {exc}"))
        if not built:
            return filed
        row_level = any(spec.severity == "row" for spec, _ in built)
        try:
            suite_result = self.validator.validate(
                suite.table,
                stage,
                frame,
                [expectation for _, expectation in built],
                result_format="COMPLETE" if row_level else "SUMMARY",
            )
        except Exception as exc:
            message = f"validation of {suite.table} ({stage}) raised {type(exc).__name__}: {exc}"
            for spec, _ in built:
                file(errored(suite.table, spec, message))
            return filed
        self.gx_parts.setdefault(suite.table, []).append(suite_result)
        by_name = {
            (r.expectation_config.meta or {}).get("gate_name"): r for r in suite_result.results
        }
        for spec, _ in built:
            gx_result = by_name.get(spec.name)
            if gx_result is None:
                file(errored(suite.table, spec, "Great Expectations returned no result for it"))
                continue
            raised = raised_message(gx_result)
            if raised is not None or gx_result.success is None:
                file(errored(suite.table, spec, raised or "no verdict (success is None)"))
                continue
            result_dict = dict(gx_result.result or {})
            observed = observed_text(result_dict)
            if spec.name in notes:
                observed = f"{observed} ({notes[spec.name]})"
            if spec.severity == "row" and not gx_result.success:
                positions = result_dict.get("unexpected_index_list")
                if positions is None:
                    file(errored(suite.table, spec, "row-level check named no failing rows"))
                    continue
                self.quarantine.failing_rows(suite, positions, spec.name)
            file(
                ExpectationResult(
                    table=suite.table,
                    expectation=spec.name,
                    severity=spec.severity,
                    success=bool(gx_result.success),
                    observed_value=observed,
                    type=spec.type,
                    stage=spec.stage,
                    why=spec.why,
                )
            )
        return filed
