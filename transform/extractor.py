"""All fact extractors for one document, behind one call.

`EXTRACTORS` is the list the pipeline runs, in order; each takes (doc_id, doc, doc_type)
and returns candidates whose mention is evidence in `doc.text`. Projects and meetings
extractors, reusing the grammar in money/dates/countries/organisations/sentences, are
added to the list as they are written.
"""

from __future__ import annotations

from collections.abc import Callable

from extract.documents import ParsedDocument
from transform.budgets import extract_budgets
from transform.facts import Candidate
from transform.meetings import extract_meetings
from transform.projects import extract_projects

__all__ = ["EXTRACTORS", "Extractor", "extract_candidates"]

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


def extract_candidates(doc_id: str, doc: ParsedDocument, doc_type: str) -> list[Candidate]:
    """Every candidate fact `doc` states, ordered by position, then fact type.

    The order is deterministic (it becomes `fact_candidates.seq`).
    """
    out: list[Candidate] = []
    for extractor in EXTRACTORS:
        out.extend(extractor(doc_id, doc, doc_type))
    out.sort(key=lambda c: (c.mention.char_start, c.mention.char_end, _TYPE_ORDER[c.fact_type]))
    return out
