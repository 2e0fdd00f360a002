"""What every fact row is built from, whatever its type: a stable id hashed from what
identifies the fact, the canonical order candidates are taken in (so rows depend only on
the set of candidates, never on their order), and one mention per document as provenance.
Shared by the budget matcher (`consolidate`) and the project and meeting matchers
(`event_merging`)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable

from transform.facts import Candidate, Mention

__all__ = ["canonical", "fact_hash", "fact_json", "one_mention_per_document"]


def fact_hash(*parts: object) -> str:
    key = "|".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def fact_json(fact: object) -> str:
    return json.dumps(dataclasses.asdict(fact), sort_keys=True, default=str)  # type: ignore[call-overload]


def canonical(c: Candidate) -> tuple[str, int, int, str]:
    """The order candidates are taken in, so that rows depend only on the set of candidates."""
    m = c.mention
    return (m.doc_id, m.char_start, m.char_end, fact_json(c.fact))


def one_mention_per_document(candidates: Iterable[Candidate]) -> tuple[Mention, ...]:
    """Each document's earliest mention, sorted by document then offset."""
    best: dict[str, Mention] = {}
    for c in candidates:
        m = c.mention
        current = best.get(m.doc_id)
        if current is None or (m.char_start, m.char_end) < (current.char_start, current.char_end):
            best[m.doc_id] = m
    return tuple(sorted(best.values(), key=lambda m: (m.doc_id, m.char_start, m.char_end)))
