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
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from expectations.derived import DERIVATIONS, derive
from expectations.suites import (
    TEMPORAL_TYPES,
    ExpectationSpec,
    Severity,
    Suite,
    SuiteError,
    load_currency_ceilings,
    load_suites,
)
from expectations.table_links import DEPENDANT_TABLES, FACT_TABLES, FACT_TYPED_DEPENDANTS

Status = Literal["pass", "warn", "fail", "error"]

log = logging.getLogger(__name__)

_MAX_OBSERVED = 500
_SHARE_CHECK = "share_of_parsed_documents_without_facts"  # documents.toml
_NOT_RUN_MISSING_TABLE = "not run: the table was not handed to the gate"


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
        run = _GateRun(tables, suite_map, ceilings, validator, run_id, previous_counts or {})
        return run.execute()
    except Exception:  # a bug of the gate itself: never a pass, never a silent crash
        log.exception("quality gate %s failed", run_id)
        return _error_result(run_id, "gate", f"the gate itself failed: {traceback.format_exc()}")


def row_keys(frame: pd.DataFrame, suite: Suite) -> list[str]:
    """How the gate names each row of `frame` in the quarantine: the suite's row_key columns
    joined with "|", as publication's ROW_KEYS computes them in SQL."""
    view = _view(frame, suite)
    columns = [view[c] for c in suite.row_key]
    return ["|".join(_key_part(v) for v in values) for values in zip(*columns, strict=True)]


# --- the run ---------------------------------------------------------------------------


class _GateRun:
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
        self.quarantined: list[QuarantinedRow] = []
        self.gx_parts: dict[str, list[Any]] = {}
        # Every table handed in, suite or not: derived columns read across tables.
        self.views: dict[str, pd.DataFrame] = {
            name: _view(frame, suites.get(name)) for name, frame in tables.items()
        }
        # table -> positions withheld from publication
        self.withheld: dict[str, set[int]] = {name: set() for name in self.views}

    def execute(self) -> GateResult:
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
        self._cascade()
        clean = {name: _without(self.tables[name], self.withheld[name]) for name in published}
        for name, suite in self.suites.items():
            if name in published:
                self._validate_published(suite, _without(self.views[name], self.withheld[name]))

        status = _status(self.results, self.quarantined)
        publishable = status in ("pass", "warn")
        from expectations.gx_adapter import merged_suite_result

        gx_results = {
            name: merged
            for name, parts in self.gx_parts.items()
            if (merged := merged_suite_result(name, parts, self.run_id, self.checked_at))
            is not None
        }
        return GateResult(
            run_id=self.run_id,
            status=status,
            publishable=publishable,
            results=self.results,
            quarantined=self.quarantined,
            clean_tables=clean if publishable else {},
            gx_results=gx_results,
            suites=self.suites,
            checked_at=self.checked_at,
        )

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
            self.results.append(_not_run(suite.table, spec, _NOT_RUN_MISSING_TABLE))

    def _validate_table(self, suite: Suite) -> None:
        view = self.views[suite.table]
        missing = [c for c in suite.columns if c not in view.columns]
        reason = f"not run: contract column(s) missing: {', '.join(missing)}"
        contract: list[ExpectationSpec] = []
        for spec in suite.by_stage("contract"):
            if any(c in missing for c in spec.columns()):
                self.results.append(_not_run(suite.table, spec, reason))
            else:
                contract.append(spec)
        contract_results = self._run_specs(suite, "contract", view, contract)
        content = suite.by_stage("content")
        if missing:
            self.results.extend(_not_run(suite.table, s, reason) for s in content)
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
                self.results.append(_not_run(suite.table, spec, reason))
            elif error is not None:
                self.results.append(_errored(suite.table, spec, error))
            elif skip is not None:
                self.results.append(_not_run(suite.table, spec, skip))
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
                file(_errored(suite.table, spec, f"suite entry invalid: {exc}"))
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
                file(_errored(suite.table, spec, message))
            return filed
        self.gx_parts.setdefault(suite.table, []).append(suite_result)
        by_name = {
            (r.expectation_config.meta or {}).get("gate_name"): r for r in suite_result.results
        }
        for spec, _ in built:
            gx_result = by_name.get(spec.name)
            if gx_result is None:
                file(_errored(suite.table, spec, "Great Expectations returned no result for it"))
                continue
            raised = raised_message(gx_result)
            if raised is not None or gx_result.success is None:
                file(_errored(suite.table, spec, raised or "no verdict (success is None)"))
                continue
            result_dict = dict(gx_result.result or {})
            observed = _observed(result_dict)
            if spec.name in notes:
                observed = f"{observed} ({notes[spec.name]})"
            if spec.severity == "row" and not gx_result.success:
                positions = result_dict.get("unexpected_index_list")
                if positions is None:
                    file(_errored(suite.table, spec, "row-level check named no failing rows"))
                    continue
                self._quarantine(suite, positions, spec.name)
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

    # -- quarantine -----------------------------------------------------------------------

    def _quarantine(self, suite: Suite, positions: Sequence[Any], expectation: str) -> None:
        for position in sorted({int(p) for p in positions}):
            self._withhold(suite.table, position, expectation)

    def _withhold(self, table: str, position: int, expectation: str) -> str:
        """Withhold one row and file it; returns its row key."""
        suite = self.suites[table]
        view = self.views[table]
        row_key = "|".join(_key_part(view[c].iat[position]) for c in suite.row_key)
        self.withheld[table].add(position)
        original = self.tables[table].iloc[position]
        self.quarantined.append(
            QuarantinedRow(
                table=table, row_key=row_key, expectation=expectation, row_json=_row_json(original)
            )
        )
        return row_key

    def _cascade(self) -> None:
        """Withhold what depends on withheld rows, so the published set stays whole.

        1. A fact all of whose mentions are withheld has no provenance left: withheld.
        2. A withheld fact takes its mentions, conflicts and participants with it.
        Each of those rows belongs to one fact, so one pass suffices.
        """
        # Only tables with a suite are published, so only they are withheld from.
        mentions = self.views.get("mentions") if "mentions" in self.suites else None
        mentions_ok = mentions is not None and {"fact_type", "fact_id"} <= set(mentions.columns)
        if mentions_ok and self.withheld["mentions"]:
            assert mentions is not None
            kept = mentions.drop(index=list(self.withheld["mentions"]))
            for table, (id_col, fact_type) in FACT_TABLES.items():
                view = self.views.get(table)
                if view is None or table not in self.suites or id_col not in view.columns:
                    continue
                had = set(mentions.loc[mentions["fact_type"] == fact_type, "fact_id"])
                still = set(kept.loc[kept["fact_type"] == fact_type, "fact_id"])
                orphaned = had - still
                for position in np.flatnonzero(view[id_col].isin(orphaned).to_numpy()):
                    if int(position) not in self.withheld[table]:
                        self._withhold(table, int(position), "no_publishable_mention_left")

        for table, (id_col, fact_type) in FACT_TABLES.items():
            view = self.views.get(table)
            if view is None or not self.withheld[table] or id_col not in view.columns:
                continue
            gone = {
                view[id_col].iat[p]: "|".join(
                    _key_part(view[c].iat[p]) for c in self.suites[table].row_key
                )
                for p in self.withheld[table]
            }
            for dep_table in FACT_TYPED_DEPENDANTS:
                dep = self.views.get(dep_table) if dep_table in self.suites else None
                if dep is None or not {"fact_type", "fact_id"} <= set(dep.columns):
                    continue
                hit = (dep["fact_type"] == fact_type) & dep["fact_id"].isin(set(gone))
                self._withhold_dependants(dep_table, hit, dep["fact_id"], table, gone)
            for dep_table, (fk, parent) in DEPENDANT_TABLES.items():
                dep = self.views.get(dep_table) if dep_table in self.suites else None
                if parent != table or dep is None or fk not in dep.columns:
                    continue
                self._withhold_dependants(dep_table, dep[fk].isin(set(gone)), dep[fk], table, gone)

    def _withhold_dependants(
        self,
        table: str,
        hit: pd.Series,
        parent_ids: pd.Series,
        parent_table: str,
        parent_keys: Mapping[Any, str],
    ) -> None:
        for position in np.flatnonzero(hit.to_numpy(dtype=bool)):
            p = int(position)
            if p in self.withheld[table]:
                continue
            parent = parent_keys[parent_ids.iat[p]]
            self._withhold(table, p, f"dependant_of_quarantined:{parent_table}:{parent}")


# --- helpers ---------------------------------------------------------------------------


def _view(frame: pd.DataFrame, suite: Suite | None) -> pd.DataFrame:
    """The frame as GX sees it: positional index (quarantine maps back by position) and
    representations normalised without changing any value:

    - pandas 3 `str` columns become `object` (GX's type names cannot express that dtype; for
      object columns GX checks each value's Python type, which is what VARCHAR means);
    - all-null columns become `object` (a column without values has no type to check);
    - DATE/TIMESTAMP columns of python dates become datetime64 (both arrive: DuckDB gives
      datetime64, hand-built frames give `datetime.date`); other values are left for the
      type check to report;
    - arrays in VARCHAR[] columns become lists.
    """
    view = frame.reset_index(drop=True)
    for col in view.columns:
        series = view[col]
        sql_type = suite.columns.get(col) if suite is not None else None
        if len(series) and series.isna().all():
            view[col] = pd.Series([None] * len(series), dtype="object")
        elif isinstance(series.dtype, pd.StringDtype):
            view[col] = series.astype("object").where(series.notna(), None)
        elif sql_type in TEMPORAL_TYPES and series.dtype == object:
            values = series.dropna()
            if values.map(lambda v: isinstance(v, dt.date)).all():
                view[col] = pd.to_datetime(series)
        elif sql_type == "VARCHAR[]" and series.dtype == object:
            view[col] = series.map(lambda v: list(v) if isinstance(v, np.ndarray | tuple) else v)
    return view


def _without(frame: pd.DataFrame, positions: set[int]) -> pd.DataFrame:
    if not positions:
        return frame
    keep = np.ones(len(frame), dtype=bool)
    keep[list(positions)] = False
    return frame.iloc[np.flatnonzero(keep)]


def _status(results: Sequence[ExpectationResult], quarantined: Sequence[QuarantinedRow]) -> Status:
    if any(r.error is not None for r in results):
        return "error"
    if any(r.severity == "critical" and r.success is False for r in results):
        return "fail"
    if quarantined or any(r.success is False for r in results):
        return "warn"
    return "pass"


def _not_run(table: str, spec: ExpectationSpec, reason: str) -> ExpectationResult:
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


def _errored(table: str, spec: ExpectationSpec, error: str) -> ExpectationResult:
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


def _observed(result: Mapping[str, Any]) -> str:
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


def _key_part(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _row_json(row: pd.Series) -> str:
    """The row as stored in the quarantine: JSON, dates ISO, NaN/NaT as null."""

    def plain(value: Any) -> Any:
        if isinstance(value, np.ndarray | list | tuple):
            return [plain(v) for v in value]
        if value is None or value is pd.NA or value is pd.NaT:
            return None
        if isinstance(value, float | np.floating) and math.isnan(float(value)):
            return None
        if isinstance(value, dt.date | pd.Timestamp):
            return value.isoformat()
        if isinstance(value, np.generic):
            return value.item()
        return value

    return json.dumps({str(k): plain(v) for k, v in row.items()}, ensure_ascii=False, default=str)
