"""Data Docs for a gate run: Great Expectations' own site builder, writing HTML files.

Verified on GX 1.24.1: an ephemeral (in-memory) context accepts a Data Docs site whose store
is a `TupleFilesystemStoreBackend`, and `build_data_docs` renders the index, one page per
suite and one per validation result from results put into its in-memory validation store.
So the gate's own GX results are rendered, not a re-run. Beside the site, `gate_summary.txt`
holds the gate's verdict, severities and quarantine, which GX's pages know nothing about
(GX shows a failed warning as "Failed" like any other).

GX's pages link Bootstrap, jQuery and Vega from public CDNs (its templates). Offline, its
per-suite and per-validation pages render unstyled but complete, while its index, filled in
by JavaScript from a CDN, shows nothing at all. So the site's `index.html` is ours: the
self-contained quality section of the run report (`warehouse.report_html`), every check with
its result, each table linking to GX's validation page; GX's own index stays beside it as
`gx_index.html` for readers online. No CDN asset is copied or served: none is on the
machine, and vendoring them is a release chore this page does not need.
"""

from __future__ import annotations

from pathlib import Path

from expectations.gate import GateResult
from expectations.gx_adapter import ephemeral_context

SITE_NAME = "chinasci_quality_gate"
SUMMARY_FILE = "gate_summary.txt"
GX_INDEX = "gx_index.html"


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
    index = out_dir / "index.html"
    if index.exists():
        index.replace(out_dir / GX_INDEX)
    index.write_text(offline_index(result, out_dir), encoding="utf-8")
    return index


def offline_index(result: GateResult, out_dir: Path) -> str:
    """The site's index page: the run's every result, readable without a network."""
    from warehouse.report_html import QualityCheck, render_quality_page

    checks = [
        QualityCheck(r.table, r.expectation, r.severity, r.success, r.observed_value, r.error)
        for r in result.results
    ]
    quarantined: dict[str, int] = {}
    for q in result.quarantined:
        quarantined[q.table] = quarantined.get(q.table, 0) + 1
    pages: dict[str, str] = {}
    for table in sorted({c.table for c in checks}):
        found = sorted((out_dir / "validations" / table / result.run_id).rglob("*.html"))
        if found:
            pages[table] = found[-1].relative_to(out_dir).as_posix()
    links = {"summary (text)": SUMMARY_FILE}
    if (out_dir / GX_INDEX).exists():
        links["Great Expectations index (needs a network)"] = GX_INDEX
    return render_quality_page(result.run_id, checks, quarantined, pages=pages, links=links)
