"""Everything that touches Great Expectations, imported lazily: `import great_expectations`
costs seconds, and a run that never validates (a dry run, `--help`) must not pay for it.

The context is ephemeral (in-memory stores, nothing written under the working directory),
analytics are off, and GX's "Calculating Metrics" progress bars are switched off through the
context's `progress_bars` config. Verified on 1.24.1: that config silences them;
`TQDM_DISABLE=1` does not (GX passes `disable=` to tqdm explicitly, which wins).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from expectations.suites import ExpectationSpec, SuiteError

if TYPE_CHECKING:
    import pandas as pd
    from great_expectations.core.expectation_validation_result import (
        ExpectationSuiteValidationResult,
        ExpectationValidationResult,
    )
    from great_expectations.data_context import AbstractDataContext
    from great_expectations.expectations.expectation import Expectation

# GX's own severity field: "row" failures publish (minus the rows), so they render as warnings.
_GX_SEVERITY = {"critical": "critical", "warning": "warning", "row": "warning"}


def import_gx() -> Any:
    """Import great_expectations with analytics off (set before import, as GX reads it then)."""
    os.environ["GX_ANALYTICS_ENABLED"] = "False"
    import great_expectations

    return great_expectations


def ephemeral_context() -> AbstractDataContext:
    """An in-memory GX context: no project folder, no analytics, no progress bars."""
    gx = import_gx()
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def build_expectation(
    spec: ExpectationSpec, kwargs_override: Mapping[str, Any] | None = None
) -> Expectation:
    """The GX expectation for `spec`; a type or kwargs GX rejects raise SuiteError naming it."""
    import_gx()
    from great_expectations.exceptions import ExpectationNotFoundError
    from great_expectations.expectations.expectation import (
        ColumnMapExpectation,
        ColumnPairMapExpectation,
        MulticolumnMapExpectation,
    )
    from great_expectations.expectations.metadata_types import FailureSeverity
    from great_expectations.expectations.registry import get_expectation_impl

    try:
        impl = get_expectation_impl(spec.type)
    except ExpectationNotFoundError as exc:
        raise SuiteError(f"{spec.origin}: unknown expectation type {spec.type!r}") from exc
    if spec.severity == "row" and not issubclass(
        impl, ColumnMapExpectation | ColumnPairMapExpectation | MulticolumnMapExpectation
    ):
        raise SuiteError(f"{spec.origin}: {spec.type} names no failing rows; it cannot be 'row'")
    kwargs = dict(spec.kwargs)
    kwargs.update(kwargs_override or {})
    try:
        return impl(
            **kwargs,
            meta={"gate_name": spec.name, "gate_severity": spec.severity, "gate_stage": spec.stage},
            notes=f"Severity: {spec.severity}. Why: {spec.why}",
            severity=FailureSeverity(_GX_SEVERITY[spec.severity]),
        )
    except Exception as exc:  # pydantic's ValidationError and GX's own config errors
        raise SuiteError(f"{spec.origin}: Great Expectations rejects it: {exc}") from exc


def check_specs(specs: Sequence[ExpectationSpec]) -> None:
    """Build every expectation once, so a bad type or kwargs fails before any data is read."""
    for spec in specs:
        build_expectation(spec)


class Validator:
    """One GX context and pandas data source for a gate run; one asset per table."""

    def __init__(self) -> None:
        self._gx = import_gx()
        self.context = ephemeral_context()
        self._source = self.context.data_sources.add_pandas(name="chinasci_gate")
        self._batch_definitions: dict[str, Any] = {}

    def validate(
        self,
        table: str,
        stage: str,
        frame: pd.DataFrame,
        expectations: Sequence[Expectation],
        *,
        result_format: str,
    ) -> ExpectationSuiteValidationResult:
        """Validate `frame` against `expectations` as one GX suite named `<table>.<stage>`."""
        if table not in self._batch_definitions:
            asset = self._source.add_dataframe_asset(name=table)
            self._batch_definitions[table] = asset.add_batch_definition_whole_dataframe("whole")
        suite = self._gx.ExpectationSuite(name=f"{table}.{stage}", expectations=list(expectations))
        batch = self._batch_definitions[table].get_batch(batch_parameters={"dataframe": frame})
        return batch.validate(suite, result_format=result_format)


def raised_message(result: ExpectationValidationResult) -> str | None:
    """The exception a GX check raised, if any: GX catches it and files it in exception_info,
    either flat or keyed by metric; a raised check must never pass for a verdict."""
    info: Any = getattr(result, "exception_info", None)
    if not info:
        return None
    if isinstance(info, Mapping):
        candidates = [info, *[v for v in info.values() if isinstance(v, Mapping)]]
    else:
        candidates = [info]
    for candidate in candidates:
        get = candidate.get if isinstance(candidate, Mapping) else _attr_getter(candidate)
        if get("raised_exception"):
            return str(get("exception_message") or "the check raised an exception")
    return None


def _attr_getter(obj: object) -> Any:
    return lambda name: getattr(obj, name, None)


def merged_suite_result(
    table: str,
    parts: Sequence[ExpectationSuiteValidationResult],
    run_id: str,
    checked_at: dt.datetime,
) -> ExpectationSuiteValidationResult | None:
    """One GX validation result per table (all stages), which Data Docs renders as one page."""
    if not parts:
        return None
    from great_expectations.core.expectation_validation_result import (
        ExpectationSuiteValidationResult,
    )
    from great_expectations.core.run_identifier import RunIdentifier

    results = [r for part in parts for r in part.results]
    successful = sum(1 for r in results if r.success)
    meta = dict(parts[-1].meta or {})
    meta["run_id"] = RunIdentifier(run_name=run_id, run_time=checked_at)
    meta["validation_time"] = checked_at
    return ExpectationSuiteValidationResult(
        success=all(r.success for r in results),
        results=results,
        suite_name=table,
        statistics={
            "evaluated_expectations": len(results),
            "successful_expectations": successful,
            "unsuccessful_expectations": len(results) - successful,
            "success_percent": 100.0 * successful / len(results) if results else None,
        },
        meta=meta,
    )
