"""Writing what the run learned into the warehouse, idempotently.

Every function here can run twice on the same inputs and leave the same rows: documents are
keyed by `doc_id` (a hash of the URL) and skipped when their content hash is unchanged;
facts are rebuilt as a whole from the stored candidates in one transaction, so a crash
leaves either the old facts or the new ones, never a mix.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from extract.documents import ParsedDocument, RawDocument
from transform.facts import Candidate, FactRow
from warehouse.codec import candidate_from_json, candidate_to_json
from warehouse.fact_records import fact_records, insert_records


@dataclass(frozen=True)
class FetchState:
    url: str
    etag: str | None
    last_modified: str | None
    content_sha256: str | None


def upsert_source(
    con: duckdb.DuckDBPyConnection, source_id: str, kind: str, location: str, doc_type: str
) -> None:
    con.execute(
        "INSERT INTO sources (source_id, kind, location, doc_type) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (source_id) DO UPDATE SET kind = excluded.kind, "
        "location = excluded.location, doc_type = excluded.doc_type",
        [source_id, kind, location, doc_type],
    )


def record_source_status(
    con: duckdb.DuckDBPyConnection, source_id: str, run_id: str, ok: bool, error: str | None
) -> None:
    del run_id  # the run is in `runs`; keeping it here would change the row every night
    con.execute(
        "UPDATE sources SET last_status = ?, last_error = ? WHERE source_id = ?",
        ["ok" if ok else "failed", error, source_id],
    )


def fetch_states(con: duckdb.DuckDBPyConnection) -> dict[str, FetchState]:
    rows = con.execute(
        "SELECT url, etag, last_modified, content_sha256 FROM fetch_state"
    ).fetchall()
    return {r[0]: FetchState(*r) for r in rows}


# A URL seen before gets the new state in place (one row per URL).
_FETCH_STATE_UPSERT = (
    "ON CONFLICT (url) DO UPDATE SET "
    "etag = excluded.etag, last_modified = excluded.last_modified, "
    "content_sha256 = excluded.content_sha256, last_status = excluded.last_status, "
    "checked_at = excluded.checked_at"
)


def save_fetch_state(
    con: duckdb.DuckDBPyConnection,
    url: str,
    *,
    etag: str | None,
    last_modified: str | None,
    content_sha256: str | None,
    status: int,
    checked_at: datetime,
) -> None:
    con.execute(
        "INSERT INTO fetch_state VALUES (?, ?, ?, ?, ?, ?) " + _FETCH_STATE_UPSERT,
        [url, etag, last_modified, content_sha256, status, checked_at],
    )


def save_fetch_states(con: duckdb.DuckDBPyConnection, states: dict[str, dict[str, Any]]) -> None:
    """`save_fetch_state` for many URLs in one statement.

    A night with nothing new answers every URL with 304 and saves each one's state: one
    upsert per URL cost 5 s at 2,000 documents, one statement for all of them a few ms.
    """
    if not states:
        return
    incoming = pa.table(
        {
            "url": list(states),
            "etag": [s["etag"] for s in states.values()],
            "last_modified": [s["last_modified"] for s in states.values()],
            "content_sha256": [s["content_sha256"] for s in states.values()],
            "last_status": pa.array([s["status"] for s in states.values()], pa.int32()),
            "checked_at": pa.array([s["checked_at"] for s in states.values()], pa.timestamp("us")),
        }
    )
    con.register("incoming_fetch_state", incoming)
    try:
        con.execute(
            "INSERT INTO fetch_state SELECT url, etag, last_modified, content_sha256, "
            "last_status, checked_at FROM incoming_fetch_state " + _FETCH_STATE_UPSERT
        )
    finally:
        con.unregister("incoming_fetch_state")


def stored_hashes(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str | None, str]]:
    """doc_id -> (content hash, status), to tell new, changed and unchanged documents apart."""
    rows = con.execute("SELECT doc_id, content_sha256, status FROM documents").fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def store_document(
    con: duckdb.DuckDBPyConnection,
    raw: RawDocument,
    parsed: ParsedDocument | None,
    *,
    content_kind: str,
    error: str | None,
) -> None:
    """Insert or replace one document; `first_seen_at` survives a change of content."""
    sections = (
        json.dumps([asdict(s) for s in parsed.sections], ensure_ascii=False) if parsed else None
    )
    page_starts = json.dumps(list(parsed.page_starts)) if parsed and parsed.page_starts else None
    title = (parsed.title if parsed else None) or raw.link_title
    con.execute(
        """
        INSERT INTO documents (doc_id, source_id, url, doc_type, title, published_date, author,
            content_sha256, content_type, fetched_at, first_seen_at, text, sections, page_starts,
            status, error, extractor_version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
        ON CONFLICT (doc_id) DO UPDATE SET
            source_id = excluded.source_id, url = excluded.url, doc_type = excluded.doc_type,
            title = excluded.title, published_date = excluded.published_date,
            author = excluded.author, content_sha256 = excluded.content_sha256,
            content_type = excluded.content_type, fetched_at = excluded.fetched_at,
            text = excluded.text, sections = excluded.sections,
            page_starts = excluded.page_starts, status = excluded.status,
            error = excluded.error, extractor_version = NULL
        """,
        [
            raw.doc_id,
            raw.source_id,
            raw.url,
            raw.doc_type,
            title,
            parsed.published_date if parsed else None,
            parsed.author if parsed else None,
            raw.sha256,
            content_kind,
            raw.fetched_at,
            raw.fetched_at,
            parsed.text if parsed else None,
            sections,
            page_starts,
            "parsed" if parsed is not None else "failed",
            error,
        ],
    )


def record_fetch_failure(
    con: duckdb.DuckDBPyConnection,
    *,
    doc_id: str,
    source_id: str,
    url: str,
    doc_type: str,
    error: str,
    now: datetime,
) -> None:
    """A document that could not be fetched: a `failed` row with the reason, no bytes.

    Never overwrites what an earlier run stored (a parsed document, or bytes that failed to
    parse): a transient fetch failure must not take a document's text and facts away. Only
    an earlier fetch failure (no bytes) gets tonight's reason.
    """
    con.execute(
        """
        INSERT INTO documents (doc_id, source_id, url, doc_type, first_seen_at, status, error)
        VALUES (?, ?, ?, ?, ?, 'failed', ?)
        ON CONFLICT (doc_id) DO UPDATE SET error = excluded.error
        WHERE documents.content_sha256 IS NULL AND documents.status = 'failed'
        """,
        [doc_id, source_id, url, doc_type, now, error],
    )


def documents_to_extract(con: duckdb.DuckDBPyConnection, extractor_version: str) -> list[str]:
    """Ids of the parsed documents whose facts were not yet derived by this extractor version.

    Ids only: a reprocess of years of archives must not hold every text at once, so each
    text is read by `parsed_document` as extraction reaches it.
    """
    rows = con.execute(
        "SELECT doc_id FROM documents WHERE status = 'parsed' "
        "AND (extractor_version IS NULL OR extractor_version <> ?) ORDER BY doc_id",
        [extractor_version],
    ).fetchall()
    return [r[0] for r in rows]


def parsed_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> tuple[str, ParsedDocument]:
    """(doc_type, text and metadata) of one stored document, as the extractors take it."""
    from extract.documents import Section

    ((doc_type, text, title, published, author, sections, page_starts),) = con.execute(
        "SELECT doc_type, text, title, published_date, author, sections, page_starts "
        "FROM documents WHERE doc_id = ?",
        [doc_id],
    ).fetchall()
    return doc_type, ParsedDocument(
        text=text or "",
        title=title,
        published_date=published,
        author=author,
        sections=tuple(Section(**s) for s in json.loads(sections or "[]")),
        page_starts=tuple(json.loads(page_starts or "[]")),
    )


def replace_candidates(
    con: duckdb.DuckDBPyConnection,
    doc_id: str,
    candidates: Sequence[Candidate],
    extractor_version: str,
) -> None:
    """A document's candidates are replaced as a whole: a changed document drops old facts."""
    con.execute("DELETE FROM fact_candidates WHERE doc_id = ?", [doc_id])
    if candidates:
        frame = pd.DataFrame(
            {
                "doc_id": [doc_id] * len(candidates),
                "seq": list(range(len(candidates))),
                "fact_type": [c.fact_type for c in candidates],
                "payload": [candidate_to_json(c) for c in candidates],
                "extractor_version": [extractor_version] * len(candidates),
            }
        )
        con.register("_new_candidates", frame)
        con.execute("INSERT INTO fact_candidates SELECT * FROM _new_candidates")
        con.unregister("_new_candidates")
    con.execute(
        "UPDATE documents SET extractor_version = ? WHERE doc_id = ?", [extractor_version, doc_id]
    )


def all_candidates(con: duckdb.DuckDBPyConnection) -> list[Candidate]:
    rows = con.execute(
        "SELECT c.payload FROM fact_candidates c JOIN documents d USING (doc_id) "
        "WHERE d.status = 'parsed' ORDER BY c.doc_id, c.seq"
    ).fetchall()
    return [candidate_from_json(r[0]) for r in rows]


_FACT_TABLES = {
    "budget": ("budgets", "budget_id"),
    "project": ("projects", "project_id"),
    "meeting": ("meetings", "meeting_id"),
}


def conflict_text(value: object) -> str:
    """One stated value as the text `conflicts.value` holds: strings as they are, numbers and
    booleans as JSON writes them (370800000000.0, true), dates in ISO form.

    The same text migration 004 derived from the old JSON column (`->> '$'` of each element),
    so a warehouse migrated from it and one rebuilt by a later run hold the same rows.
    """
    plain = json.loads(json.dumps(value, default=str))
    return plain if isinstance(plain, str) else json.dumps(plain)


def conflict_rows(row: FactRow) -> list[dict]:
    """The rows of `conflicts` for one fact: one per value the documents state for each column
    they disagree on, all of them (the published one included), in consolidation's order."""
    out: list[dict] = []
    for column, values in sorted(row.conflicts.items()):
        present = [v for v in values if v is not None]
        for order, value in enumerate(present, start=1):
            out.append(
                {
                    "fact_type": row.fact_type,
                    "fact_id": row.fact_id,
                    "column_name": column,
                    "value": conflict_text(value),
                    "value_order": order,
                }
            )
    return out


def replace_facts(
    con: duckdb.DuckDBPyConnection,
    rows: Iterable[FactRow],
    *,
    run_id: str,
    now: datetime,
    extractor_version: str,
) -> list[tuple[str, str]]:
    """Rebuild the fact tables (with participants, mentions and conflicts) from consolidated
    rows; return the facts retracted now.

    A fact that was published before and that no stored document supports any more is
    recorded in `retracted_facts` (BI extracts reconcile with it) instead of vanishing.
    """
    rows = list(rows)
    old = set(
        con.execute(
            "SELECT 'budget', budget_id FROM budgets UNION ALL "
            "SELECT 'project', project_id FROM projects UNION ALL "
            "SELECT 'meeting', meeting_id FROM meetings"
        ).fetchall()
    )
    new = {(r.fact_type, r.fact_id) for r in rows}
    retracted = sorted(old - new)

    records = fact_records(rows, extractor_version)
    conflicts = [c for r in rows for c in conflict_rows(r)]

    con.execute("BEGIN TRANSACTION")
    try:
        for table in (
            "budgets",
            "projects",
            "project_participants",
            "meetings",
            "meeting_participants",
            "mentions",
            "conflicts",
        ):
            con.execute(f"DELETE FROM {table}")
        insert_records(con, "budgets", records["budgets"])
        insert_records(con, "projects", records["projects"])
        insert_records(con, "project_participants", records["project_participants"])
        insert_records(con, "meetings", records["meetings"])
        insert_records(con, "meeting_participants", records["meeting_participants"])
        insert_records(con, "mentions", records["mentions"])
        insert_records(con, "conflicts", conflicts)
        for fact_type, fact_id in retracted:
            con.execute(
                "INSERT INTO retracted_facts VALUES (?, ?, ?, ?, ?)",
                [fact_type, fact_id, now, run_id, "no stored document supports it any more"],
            )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return retracted


def replace_reference(con: duckdb.DuckDBPyConnection, table: str, records: list[dict]) -> None:
    """Reference tables (countries, organisations) are shipped data: replace them whole."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"DELETE FROM {table}")
        insert_records(con, table, records)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, started_at: datetime) -> None:
    """A `running` row, numbered after every run before it (one writer: the run lock)."""
    con.execute(
        "INSERT INTO runs (run_id, started_at, status, seq) "
        "SELECT ?, ?, 'running', coalesce(max(seq), 0) + 1 FROM runs",
        [run_id, started_at],
    )


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    *,
    status: str,
    finished_at: datetime,
    message: str | None,
    counts: dict,
) -> None:
    con.execute(
        "UPDATE runs SET status = ?, finished_at = ?, message = ?, counts = ? WHERE run_id = ?",
        [status, finished_at, message, json.dumps(counts, sort_keys=True), run_id],
    )
