"""What is done to one document, wherever it runs: this process, a worker process, a Dask worker.

Parsing (bytes to text) and extraction (text to candidate facts) are pure, so they can run
away from the warehouse; these functions wrap them so that they never raise. A parser or
extractor that fails costs its document only, and the failure comes back as a value that
pickles (a `ParseError` or a library's exception may not unpickle in another process), with
the text the warehouse stores as the document's reason. The warehouse writes stay in the
run's process (`flows/steps.py`).

Nothing here imports Prefect or DuckDB: a spawned worker imports only the parsers.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass

from extract.documents import ParsedDocument, ParseError, RawDocument
from extract.parse import parse_raw
from transform.extractor import Extraction, extract_document

__all__ = [
    "ExtractionFailed",
    "NotParsed",
    "Parsed",
    "ToExtract",
    "extract_one",
    "parse_one",
]


@dataclass(frozen=True)
class Parsed:
    """A document's text, and what kind of bytes it came from (`pdf`, `html`)."""

    kind: str
    document: ParsedDocument


@dataclass(frozen=True)
class NotParsed:
    """Why a document has no text: `reason` is the counted code (`parser_error` for a crash),
    `error` the stored message, `trace` the traceback of a crash for the run's log."""

    reason: str
    error: str
    trace: str | None = None


@dataclass(frozen=True)
class ExtractionFailed:
    """The extractor crashed on a document: its message and traceback, for the log."""

    error: str
    trace: str


ToExtract = tuple[str, str, ParsedDocument]
"""(doc_id, doc_type, parsed), as `warehouse.load.documents_to_extract` lists them."""


def parse_one(
    raw: RawDocument,
    parser: Callable[[RawDocument], tuple[str, ParsedDocument]] = parse_raw,
) -> Parsed | NotParsed:
    """`parser(raw)`, with a refusal (`ParseError`) or a crash as a value.

    `parser` is `parse_raw` but for tests, which pass a parser that fails on purpose (a
    module-level function, so that it reaches a worker process)."""
    try:
        kind, parsed = parser(raw)
    except ParseError as exc:
        return NotParsed(reason=exc.reason, error=str(exc))
    except Exception as exc:  # a parser bug must cost one document, not the run
        return NotParsed(
            reason="parser_error",
            error=f"parser_error: {type(exc).__name__}: {exc}",
            trace=traceback.format_exc(),
        )
    return Parsed(kind=kind, document=parsed)


def extract_one(item: ToExtract) -> Extraction | ExtractionFailed:
    """`extract_document`, with a crash as a value."""
    doc_id, doc_type, parsed = item
    try:
        return extract_document(doc_id, parsed, doc_type)  # type: ignore[arg-type]
    except Exception as exc:  # an extractor bug must cost one document, not the run
        return ExtractionFailed(error=str(exc), trace=traceback.format_exc())
