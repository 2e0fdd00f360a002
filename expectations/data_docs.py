"""Data Docs for a gate run: Great Expectations' own site builder, writing HTML files.

Verified on GX 1.24.1: an ephemeral (in-memory) context accepts a Data Docs site whose store
is a `TupleFilesystemStoreBackend`, and `build_data_docs` renders the index, one page per
suite and one per validation result from results put into its in-memory validation store.
So the gate's own GX results are rendered, not a re-run. Beside the site, `gate_summary.txt`
holds the gate's verdict, severities and quarantine, which GX's pages know nothing about
(GX shows a failed warning as "Failed" like any other).

The pages link Bootstrap, jQuery and Vega from public CDNs (GX's templates): offline they
render unstyled but complete.
"""

from __future__ import annotations

from pathlib import Path

from expectations.gate import GateResult
from expectations.gx_adapter import ephemeral_context

SITE_NAME = "chinasci_quality_gate"
SUMMARY_FILE = "gate_summary.txt"


def render_data_docs(result: GateResult, out_dir: Path) -> Path:
    """Render the run's validation results under `out_dir`; returns the site's index.html.

    Each run rebuilds the index from this run's results only (the context is in-memory), so the
    index shows the latest run; validation pages of earlier runs stay on disk under
    `validations/<table>/<run id>/`.
    """
    from great_expectations.core.expectation_suite import ExpectationSuite
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    context = ephemeral_context()
    context.add_data_docs_site(
        site_name=SITE_NAME,
        site_config={
            "class_name": "SiteBuilder",
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(out_dir),
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    run_identifier = RunIdentifier(run_name=result.run_id, run_time=result.checked_at)
    for table, validation in sorted(result.gx_results.items()):
        # Fresh copies: an expectation belongs to one suite, and these already ran in one.
        expectations = [
            ExpectationConfiguration(
                type=r.expectation_config.type,
                kwargs=dict(r.expectation_config.kwargs),
                meta=dict(r.expectation_config.meta or {}),
                notes=r.expectation_config.notes,
                severity=r.expectation_config.severity,
            ).to_domain_obj()
            for r in validation.results
        ]
        context.suites.add(ExpectationSuite(name=table, expectations=expectations))
        key = ValidationResultIdentifier(
            expectation_suite_identifier=ExpectationSuiteIdentifier(name=table),
            run_id=run_identifier,
            batch_identifier=table,
        )
        context.validation_results_store.set(key, validation)
    context.build_data_docs(site_names=[SITE_NAME])
    (out_dir / SUMMARY_FILE).write_text(
        "\n".join(result.summary_lines(limit=100_000)) + "\n", encoding="utf-8"
    )
    return out_dir / "index.html"
