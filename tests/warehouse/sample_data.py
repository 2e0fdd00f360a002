"""The bundled sample run as test data for the analyst-facing tests: views, queries, report.

Not a test module. The sample documents go through every stage of the nightly run, in this
process and without Prefect (`tests.flows.e2e_support.run_stages`): a few seconds, or half a
minute with the quality gate, so modules that need the data share one run each.
"""

from __future__ import annotations

from pathlib import Path


def run_sample(root: Path, *, gate: bool = False) -> Path:
    """Run the sample sources into `root/data`; returns that data directory."""
    from tests.flows.e2e_support import run_stages, sample_config

    data = root / "data"
    run_stages(sample_config(root), data, gate=gate)
    return data
