"""The first stages of a nightly run as plain functions, wired in order by `flows/nightly.py`:
open the run, fetch, store and parse, extract candidates, and record the run's end. The
last stages (consolidate, validate, publish) are in `flows/publish_steps.py`.

Nothing here imports Prefect, so every stage can be called and tested on its own; the
flow adds retries, logging and the run summary artifact around them. Each function takes
the `RunContext` (the run's connection, folders and running summary) and one stage's input.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable, Sized
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from extract.collect import ItemOutcome, SourceOutcome, collect_source
from extract.documents import ParsedDocument, RawDocument, doc_id_for
from extract.http import Fetcher, FetchPolicy
from extract.sources import PipelineConfig, SourceConfig
from flows.parallel import BatchRunner, InProcess, Lost, map_in_batches
from flows.per_document import ExtractionFailed, NotParsed, Parsed, extract_one, parse_one
from flows.progress import Progress
from flows.run_summary import RunSummary
from transform.countries import countries_reference
from transform.organisations import organisations_reference
from transform.version import EXTRACTOR_VERSION
from warehouse import load
from warehouse.db import WAREHOUSE_FILE, connect
from warehouse.publish import remove_stale_temporaries
from warehouse.raw_store import RawStore

log = logging.getLogger("chinasci.run")


def utcnow() -> datetime:
    """Naive UTC, the warehouse's TIMESTAMP convention."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_run_id(now: datetime) -> str:
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


@dataclass
class RunContext:
    config: PipelineConfig
    data_dir: Path
    run_id: str
    started_at: datetime
    con: duckdb.DuckDBPyConnection
    raw: RawStore
    summary: RunSummary
    known: dict[str, load.FetchState] = field(default_factory=dict)
    # url -> (status counted once parsed, fetch state saved with the document): see
    # `store_collected`.
    pending: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    stored_docs: set[str] = field(default_factory=set)  # doc_ids whose bytes are stored
    # where parsing and extraction run (`flows/parallel.py`); the flow sets it from the config
    batches: BatchRunner = field(default_factory=InProcess)

    @property
    def published_dir(self) -> Path:
        return self.data_dir / "published"


def open_run(config: PipelineConfig, data_dir: Path) -> RunContext:
    """Open the warehouse, clear what a killed run left, record the run and the sources."""
    started = utcnow()
    run_id = new_run_id(started)
    con = connect(data_dir / WAREHOUSE_FILE)
    stale = remove_stale_temporaries(data_dir / "published")
    if stale:
        log.warning("removed %d temporary files left by an interrupted run", len(stale))
    con.execute(
        "UPDATE runs SET status = 'failed', message = 'interrupted (no finish recorded)' "
        "WHERE status = 'running'"
    )
    load.start_run(con, run_id, started)
    for source in config.sources:
        location = source.url if source.url else str(source.path)
        load.upsert_source(con, source.id, source.kind, location, source.doc_type)
    load.replace_reference(
        con,
        "countries",
        [{"iso3": a, "iso2": b, "name": n} for a, b, n in countries_reference()],
    )
    load.replace_reference(con, "organisations", organisations_reference())
    ctx = RunContext(
        config=config,
        data_dir=data_dir,
        run_id=run_id,
        started_at=started,
        con=con,
        raw=RawStore(data_dir / "raw"),
        summary=RunSummary(run_id=run_id),
    )
    ctx.known = load.fetch_states(con)
    ctx.stored_docs = {d for d, (sha, _) in load.stored_hashes(con).items() if sha is not None}
    return ctx


def make_fetcher(config: PipelineConfig) -> Fetcher:
    s = config.settings
    return Fetcher(
        FetchPolicy(
            user_agent=s.user_agent,
            connect_timeout=s.connect_timeout,
            read_timeout=s.read_timeout,
            max_bytes=s.max_bytes,
            per_host_delay=s.per_host_delay,
            max_in_flight_per_host=s.max_in_flight_per_host,
            retries=s.retries,
            backoff_base=s.backoff_base,
        )
    )


def collect(
    ctx: RunContext, source: SourceConfig, fetcher: Fetcher
) -> tuple[SourceOutcome, list[ItemOutcome]]:
    """Fetch one source (thread-safe: touches no database, only the raw store)."""

    def load_raw(sha: str) -> bytes | None:
        return ctx.raw.get(sha) if sha in ctx.raw else None

    def is_stored(url: str) -> bool:
        return doc_id_for(url) in ctx.stored_docs

    # Folder files go to the raw store as they are read (one at a time, each capped like an
    # HTTP body), and are loaded back one at a time to be parsed.
    return collect_source(
        source,
        fetcher if source.kind != "folder" else None,
        ctx.known,
        load_raw,
        is_stored,
        max_bytes=ctx.config.settings.max_bytes,
        spill=ctx.raw.put,
    )


def store_collected(
    ctx: RunContext, results: Iterable[tuple[SourceOutcome, list[ItemOutcome]]]
) -> list[RawDocument]:
    """Keep raw bytes and validators; return the documents that need parsing.

    The fetch state (validators, content hash) of a new or changed document is not saved
    here but by `parse_and_store`, in the same transaction as the document: saved earlier,
    a run killed before the document is stored would leave validators that make every
    later run get 304 for a document the warehouse never received. A document that could
    not be fetched is stored as a `failed` row with its reason; links a source refuses to
    follow (other hosts, robots.txt) are only counted.
    """
    to_parse: list[RawDocument] = []
    states: dict[str, dict[str, Any]] = {}  # url -> fetch state, saved in one statement
    stored = load.stored_hashes(ctx.con)
    doc_types = {source.id: source.doc_type for source in ctx.config.sources}
    now = utcnow()
    s = ctx.summary

    def fetch_state(item: ItemOutcome, sha: str | None) -> dict[str, Any]:
        prior = ctx.known.get(item.url)
        return {
            "etag": item.etag or (prior.etag if prior and item.raw is None else None),
            "last_modified": item.last_modified
            or (prior.last_modified if prior and item.raw is None else None),
            "content_sha256": sha or (prior.content_sha256 if prior else None),
            "status": item.http_status or 200,
            "checked_at": now,
        }

    for outcome, indexes in results:
        s.requests += outcome.requests
        s.not_modified += outcome.not_modified
        load.record_source_status(
            ctx.con, outcome.source_id, ctx.run_id, outcome.error is None, outcome.error
        )
        if outcome.error:
            s.source_errors[outcome.source_id] = outcome.error
        for item in indexes:
            sha = ctx.raw.put(item.raw.content) if item.raw is not None else None
            if item.http_status is not None or sha is not None:
                states[item.url] = fetch_state(item, sha)
        for item in outcome.items:
            status = item.status
            sha = item.content_sha256 or (
                ctx.raw.put(item.raw.content) if item.raw is not None else None
            )
            if item.raw is not None:
                previous = stored.get(item.raw.doc_id)
                if previous is None or previous[0] is None:
                    status = "new"
                elif previous[0] == sha:
                    # Same bytes as stored: same verdict (parsed or failed), no reparse.
                    status = "unchanged"
                else:
                    status = "changed"
            if item.raw is not None and status in ("new", "changed"):
                to_parse.append(item.raw)
                ctx.pending[item.url] = (status, fetch_state(item, sha))
                continue  # counted by parse_and_store, as parsed or as failed
            if item.http_status is not None or sha is not None:
                states[item.url] = fetch_state(item, sha)
            if status == "failed" and item.raw is None:
                load.record_fetch_failure(
                    ctx.con,
                    doc_id=doc_id_for(item.url),
                    source_id=outcome.source_id,
                    url=item.url,
                    doc_type=doc_types.get(outcome.source_id, "article"),
                    error=f"{item.reason}: {item.detail}" if item.detail else str(item.reason),
                    now=now,
                )
            s.documents[status] += 1
            if status in ("failed", "skipped") and item.reason:
                s.failures[item.reason] += 1
                s.failed_items.append((item.url, item.reason))
    load.save_fetch_states(ctx.con, states)
    return to_parse


def _store_document(
    ctx: RunContext,
    raw: RawDocument,
    parsed: ParsedDocument | None,
    *,
    content_kind: str,
    error: str | None,
) -> str | None:
    """The document and its fetch state in one transaction; returns the status it was
    collected as (new, changed), None when it was not collected by this run (reprocessing)."""
    status, state = ctx.pending.pop(raw.url, (None, None))
    ctx.con.execute("BEGIN TRANSACTION")
    try:
        load.store_document(ctx.con, raw, parsed, content_kind=content_kind, error=error)
        if state is not None:
            load.save_fetch_state(ctx.con, raw.url, **state)
        ctx.con.execute("COMMIT")
    except Exception:
        ctx.con.execute("ROLLBACK")
        raise
    return status


def _with_content(ctx: RunContext, raw: RawDocument, sha: str | None = None) -> RawDocument:
    """`raw` with its bytes, read back from the raw store if collecting stored them there
    (or, for `sha`, reprocessing left them there)."""
    if sha is None:
        pending = ctx.pending.get(raw.url)
        sha = pending[1].get("content_sha256") if pending is not None else None
    if raw.content or sha is None or sha not in ctx.raw:
        return raw
    return replace(raw, content=ctx.raw.get(sha))


def parse_and_store(ctx: RunContext, raws: Iterable[RawDocument], total: int | None = None) -> None:
    """Parse each document; a failure is stored as the document's status and reason.

    Parsing runs on `ctx.batches` (worker processes, or Dask), a few batches at a time; the
    documents are stored here, in the order of `raws`, so the tables do not depend on where
    the parsing ran. Bytes are read from the raw store only as their batch is formed.
    """
    if total is None and isinstance(raws, Sized):
        total = len(raws)
    with_bytes = (_with_content(ctx, raw) for raw in raws)
    with Progress("parse", total) as progress:
        for raw, outcome in map_in_batches(ctx.batches, parse_one, with_bytes, total):
            _store_parsed(ctx, raw, outcome)
            progress.advance()


def _store_parsed(ctx: RunContext, raw: RawDocument, outcome: Parsed | NotParsed | Lost) -> None:
    """One document: stored with its text, or stored as failed with its reason."""
    if isinstance(outcome, Lost):
        outcome = NotParsed(reason="worker_died", error=f"worker_died: {outcome.reason}")
        log.error("could not parse %s: %s", raw.url, outcome.error)
    if isinstance(outcome, NotParsed):
        if outcome.trace is not None:  # a parser bug: cost one document, not the run
            log.error("parser crashed on %s\n%s", raw.url, outcome.trace.rstrip())
        elif outcome.reason != "worker_died":
            log.warning("could not parse %s: %s", raw.url, outcome.error)
        _store_document(ctx, raw, None, content_kind="unknown", error=outcome.error)
        ctx.summary.failures[outcome.reason] += 1
        ctx.summary.failed_items.append((raw.url, outcome.reason))
        ctx.summary.documents["failed"] += 1
        return
    status = _store_document(ctx, raw, outcome.document, content_kind=outcome.kind, error=None)
    if status is not None:
        ctx.summary.documents[status] += 1


def reparse_stored(ctx: RunContext) -> int:
    """Re-derive every document's text from its stored raw bytes (no network).

    The bytes are read back batch by batch as the parsing goes, not all at once.
    """
    rows = ctx.con.execute(
        "SELECT doc_id, source_id, url, doc_type, content_sha256, content_type, fetched_at, title "
        "FROM documents WHERE content_sha256 IS NOT NULL ORDER BY doc_id"
    ).fetchall()
    raws: list[tuple[RawDocument, str]] = []
    for _doc_id, source_id, url, doc_type, sha, _ctype, fetched_at, title in rows:
        if sha not in ctx.raw:
            log.warning("raw bytes of %s are missing; keeping its stored text", url)
            continue
        raws.append(
            (
                RawDocument(
                    source_id=source_id,
                    doc_type=doc_type,
                    url=url,
                    content=b"",
                    content_type=None,
                    fetched_at=fetched_at,
                    link_title=title,
                ),
                sha,
            )
        )
    parse_and_store(ctx, (_with_content(ctx, raw, sha) for raw, sha in raws), total=len(raws))
    ctx.con.execute("UPDATE documents SET extractor_version = NULL")
    return len(raws)


def extract_facts(ctx: RunContext) -> int:
    """Candidates for every parsed document not yet seen by this extractor version.

    Extraction runs on `ctx.batches`; the candidates are written here, in document order.
    """
    ids = load.documents_to_extract(ctx.con, EXTRACTOR_VERSION)
    # Texts are read as batches are formed (in this thread, between the writes below), so
    # only the batches in flight are in memory, however many documents wait.
    docs = ((doc_id, *load.parsed_document(ctx.con, doc_id)) for doc_id in ids)
    with Progress("extract", len(ids)) as progress:
        for (doc_id, _, _), extraction in map_in_batches(ctx.batches, extract_one, docs, len(ids)):
            progress.advance()
            if isinstance(extraction, Lost | ExtractionFailed):
                if isinstance(extraction, Lost):
                    reason = f"worker_died: {extraction.reason}"
                    log.error("could not extract %s: %s", doc_id, reason)
                else:
                    reason = f"extractor_error: {extraction.error}"
                    log.error("extractor crashed on %s\n%s", doc_id, extraction.trace.rstrip())
                ctx.summary.failures[reason.split(":", 1)[0]] += 1
                ctx.summary.failed_items.append((doc_id, reason))
                continue
            if extraction.limit is not None:
                log.warning("document %s read in part: %s", doc_id, extraction.limit)
                ctx.summary.limited.append((doc_id, extraction.limit))
            load.replace_candidates(ctx.con, doc_id, extraction.candidates, EXTRACTOR_VERSION)
    return len(ids)


def finish(ctx: RunContext, status: str, message: str | None = None) -> RunSummary:
    ctx.summary.status = status
    ctx.summary.message = message
    load.finish_run(
        ctx.con,
        ctx.run_id,
        status=status,
        finished_at=utcnow(),
        message=message,
        counts=ctx.summary.counts(),
    )
    ctx.con.execute("CHECKPOINT")
    return ctx.summary
