"""The last stages of a run: consolidate, validate, publish; and, on a night with nothing new,
none of them.

A run with nothing new used to redo all three from scratch: at 2,000 documents that was
most of its time, and it grows with the warehouse, not with the night's news. Each stage
now starts by fingerprinting its input (`warehouse.fingerprint`): consolidation the stored
candidates and the fact rules' version, validation and publishing the tables as they would
be published, the gate's rules and the schema version. When the input is what the stage's
last complete pass started from, its output is already in place and the stage is skipped:
the published run stays current and the run is recorded as `unchanged`.

A pass is recorded complete only after its output is stored (and, for publishing, mirrored
to object storage when configured), so a run killed half-way leaves the old fingerprint and
the next run does the work. `chinasci reprocess` never skips validation and publishing: it is
how an operator republishes after a release that changes code the fingerprints do not see.

Like `flows/steps.py`, nothing here imports Prefect.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

from flows.steps import RunContext, utcnow
from transform.consolidate import consolidate
from transform.version import EXTRACTOR_VERSION
from warehouse import load
from warehouse.fingerprint import fingerprint, last_fingerprint, record_fingerprint
from warehouse.publish import PUBLISHED_TABLES, Publication, publish, read_manifest
from warehouse.schema_version import SCHEMA_VERSION

log = logging.getLogger("chinasci.run")

_FACT_TYPES = ("budget", "project", "meeting")
_FACT_TABLES = {"budget": "budgets", "project": "projects", "meeting": "meetings"}


def consolidate_facts(ctx: RunContext) -> bool:
    """One row per real-world fact across all documents, and retractions of the rest.

    False when the candidates and the fact rules are those of the last consolidation: the
    facts it stored are what it would store again.
    """
    source = _digest(fingerprint(ctx.con, ["fact_candidates"]), EXTRACTOR_VERSION)
    last = last_fingerprint(ctx.con, "consolidate")
    if last is not None and last[0] == source:
        log.info("candidates unchanged since run %s: consolidation skipped", last[1])
        ctx.summary.facts = {
            t: int(_scalar(ctx, f"SELECT count(*) FROM {_FACT_TABLES[t]}")) for t in _FACT_TYPES
        }
        return False
    rows = consolidate(load.all_candidates(ctx.con))
    retracted = load.replace_facts(
        ctx.con, rows, run_id=ctx.run_id, now=utcnow(), extractor_version=EXTRACTOR_VERSION
    )
    record_fingerprint(ctx.con, "consolidate", source, ctx.run_id)
    ctx.summary.retracted = len(retracted)
    counts: Counter[str] = Counter(r.fact_type for r in rows)
    ctx.summary.facts = {k: counts.get(k, 0) for k in _FACT_TYPES}
    return True


def standing_publication(ctx: RunContext) -> str | None:
    """The published run whose tables, gate rules and schema are this run's, or None.

    Its files are checked to be the current publication still (a `published/` folder
    removed or restored from a backup is published again).
    """
    last = last_fingerprint(ctx.con, "publish")
    if last is None or last[0] != _publish_input(ctx):
        return None
    manifest = read_manifest(ctx.published_dir) or {}
    return last[1] if manifest.get("run_id") == last[1] else None


def publish_run(ctx: RunContext, excluded: dict[str, set[str]]) -> Publication:
    publication = publish(
        ctx.con, ctx.published_dir, run_id=ctx.run_id, published_at=utcnow(), excluded=excluded
    )
    ctx.summary.published = publication.row_counts
    settings = ctx.config.settings
    if settings.publish_url is not None:
        # After the local switch: a store that is down raises MirrorFailed (a PublishFailed),
        # the local run stands and the object store's pointer is left as it was.
        from warehouse.object_store import mirror_run

        mirror_run(
            publication.directory, settings.publish_url, endpoint_url=settings.s3_endpoint_url
        )
    record_fingerprint(ctx.con, "publish", _publish_input(ctx), ctx.run_id)
    return publication


def snapshot(ctx: RunContext) -> dict[str, Any]:
    """The tables as they would be published, as DataFrames for the quality gate."""
    return {t: ctx.con.execute(f"SELECT * FROM {t}").df() for t in PUBLISHED_TABLES}


def previous_counts(ctx: RunContext) -> dict[str, int] | None:
    manifest = read_manifest(ctx.published_dir)
    if manifest is None:
        return None
    return {t: int(v["rows"]) for t, v in manifest.get("tables", {}).items()}


@dataclass(frozen=True)
class GateOutcome:
    publishable: bool
    reason: str | None
    excluded: dict[str, set[str]]


def validate(ctx: RunContext) -> GateOutcome:
    """Run the quality gate on what is about to be published; keep every result.

    Great Expectations is imported here only (it costs seconds to import), and whatever it
    says is recorded in `quality_results` and `quarantine` before anything is published.
    """
    from expectations.data_docs import render_data_docs
    from expectations.gate import run_gate

    result = run_gate(snapshot(ctx), run_id=ctx.run_id, previous_counts=previous_counts(ctx))
    now = utcnow()
    for r in result.results:
        ctx.con.execute(
            "INSERT INTO quality_results VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                ctx.run_id,
                r.table,
                r.expectation,
                r.severity,
                r.success,
                r.observed_value,
                r.error,
                now,
            ],
        )
    excluded: dict[str, set[str]] = {}
    for q in result.quarantined:
        ctx.con.execute(
            "INSERT INTO quarantine VALUES (?, ?, ?, ?, ?, ?)",
            [ctx.run_id, q.table, q.row_key, q.expectation, q.row_json, now],
        )
        excluded.setdefault(q.table, set()).add(q.row_key)
    try:
        render_data_docs(result, ctx.data_dir / "quality" / "data_docs")
    except Exception:  # the report is for people; its failure must not hide the verdict
        log.exception("could not render Data Docs")
    ctx.summary.quality = result.summary_lines()
    reason = None
    if not result.publishable:
        failing = [
            f"{r.table}.{r.expectation}" + (f" raised {r.error}" if r.error else "")
            for r in result.results
            if r.severity == "critical" and r.success is not True
        ]
        reason = f"quality gate {result.status}: " + ("; ".join(failing) or "see quality_results")
    return GateOutcome(publishable=result.publishable, reason=reason, excluded=excluded)


def _publish_input(ctx: RunContext) -> str:
    from expectations.suites import suites_digest

    return _digest(
        fingerprint(ctx.con, PUBLISHED_TABLES),
        suites_digest(),
        str(SCHEMA_VERSION),
        ctx.config.settings.publish_url or "",
    )


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def _scalar(ctx: RunContext, sql: str) -> Any:
    rows = ctx.con.execute(sql).fetchall()  # all: DuckDB 2 keeps a half-read result open
    return rows[0][0] if rows else None
