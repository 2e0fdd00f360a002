"""All fact extractors for one document, behind one call.

`EXTRACTORS` is the list the pipeline runs, in order; each takes (doc_id, doc, doc_type)
and returns candidates whose mention is evidence in `doc.text`.

One document must not stall the night: a page of many megabytes (an archive, a log dumped
as HTML) is read up to `MAX_TEXT_CHARS` and yields at most `MAX_CANDIDATES`; what was left
unread is said in `Extraction.limit`, for the run to record.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from extract.documents import ParsedDocument
from transform.budgets import extract_budgets
from transform.facts import Candidate
from transform.meetings import extract_meetings
from transform.projects import extract_projects

__all__ = [
    "EXTRACTORS",
    "MAX_CANDIDATES",
    "MAX_TEXT_CHARS",
    "Extraction",
    "Extractor",
    "extract_candidates",
    "extract_document",
]

# About 80,000 words, ten times a long monthly review; reading it takes a few seconds.
MAX_TEXT_CHARS = 500_000
MAX_CANDIDATES = 2_000

Extractor = Callable[[str, ParsedDocument, str], list[Candidate]]


def _budgets(doc_id: str, doc: ParsedDocument, doc_type: str) -> list[Candidate]:
    """Budgets are read the same way from reviews and articles."""
    return extract_budgets(doc_id, doc)


EXTRACTORS: tuple[Extractor, ...] = (
    _budgets,
    extract_projects,
    extract_meetings,
)

_TYPE_ORDER = {"budget": 0, "project": 1, "meeting": 2}


@dataclasses.dataclass(frozen=True)
class Extraction:
    """The candidates of one document, and why some of it was not read (None: all was)."""

    candidates: list[Candidate]
    limit: str | None = None


def _head(doc: ParsedDocument, limit: int) -> ParsedDocument:
    """The document's first `limit` characters, cut at a paragraph break where there is one."""
    text = doc.text
    cut = text.rfind("\n\n", 0, limit)
    cut = cut if cut > 0 else limit
    sections = tuple(
        dataclasses.replace(s, char_end=min(s.char_end, cut))
        for s in doc.sections
        if s.char_start < cut
    )
    return dataclasses.replace(doc, text=text[:cut], sections=sections)


def extract_document(doc_id: str, doc: ParsedDocument, doc_type: str) -> Extraction:
    """Every candidate fact `doc` states, ordered by position, then fact type, within the
    limits of one document. The order is deterministic (it becomes `fact_candidates.seq`)."""
    limits: list[str] = []
    full = len(doc.text or "")
    if full > MAX_TEXT_CHARS:
        doc = _head(doc, MAX_TEXT_CHARS)
        limits.append(
            f"text_truncated: facts read from the first {len(doc.text):,} of {full:,} characters"
        )
    out: list[Candidate] = []
    for extractor in EXTRACTORS:
        out.extend(extractor(doc_id, doc, doc_type))
    out.sort(key=lambda c: (c.mention.char_start, c.mention.char_end, _TYPE_ORDER[c.fact_type]))
    if len(out) > MAX_CANDIDATES:
        limits.append(f"too_many_facts: kept the first {MAX_CANDIDATES:,} of {len(out):,}")
        out = out[:MAX_CANDIDATES]
    return Extraction(out, "; ".join(limits) or None)


def extract_candidates(doc_id: str, doc: ParsedDocument, doc_type: str) -> list[Candidate]:
    """`extract_document`'s candidates (for callers that need no reason)."""
    return extract_document(doc_id, doc, doc_type).candidates
