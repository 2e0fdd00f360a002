"""Step 3 of `scoring.py`: do the gold facts that are one fact end in one row across documents?

Every document's candidates are consolidated together, and each matched gold fact is
traced to the row its mention ended in. A `same_as` group whose members all end in one row
is merged, one whose members end in several rows is split; a row that holds gold facts with
different keys is a false merge. Kept apart from the per-document scoring because it needs
all documents at once and answers a different question (does consolidation join the right
facts), not whether a fact was found.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from evaluation.gold import ConsolidateFn, GoldDocument, GoldFact
from evaluation.similarity import similarity
from transform.facts import Candidate

if TYPE_CHECKING:
    from evaluation.scoring import DocumentResult

__all__ = ["CrossDocumentResult", "FalseMerge", "GroupResult", "score_cross_document"]


@dataclass(frozen=True)
class GroupResult:
    """One `same_as` group: the consolidated row each member ended in (None: not found)."""

    key: str
    table: str
    members: tuple[str, ...]  # gold fact labels
    row_ids: tuple[str | None, ...]

    @property
    def status(self) -> str:
        if any(r is None for r in self.row_ids):
            return "missed"
        return "merged" if len(set(self.row_ids)) == 1 else "split"


@dataclass(frozen=True)
class FalseMerge:
    """A consolidated row that holds gold facts that are different facts."""

    fact_id: str
    members: tuple[str, ...]  # gold fact labels
    keys: tuple[str, ...]


@dataclass(frozen=True)
class CrossDocumentResult:
    groups: tuple[GroupResult, ...] = ()
    false_merges: tuple[FalseMerge, ...] = ()
    rows: int = 0
    error: str | None = None

    def count(self, status: str) -> int:
        return sum(g.status == status for g in self.groups)

    @property
    def merge_rate(self) -> float:
        """Merged groups out of all groups (a missed member counts as not merged)."""
        return self.count("merged") / len(self.groups) if self.groups else 1.0


def score_cross_document(
    gold: Sequence[GoldDocument],
    results: Sequence[DocumentResult],
    candidates: Sequence[Candidate],
    consolidate: ConsolidateFn,
) -> CrossDocumentResult:
    """All candidates consolidated together: where each `same_as` group and each matched
    gold fact ended (errors are recorded, not raised)."""
    groups_def: dict[str, list[GoldFact]] = defaultdict(list)
    for doc in gold:
        for gf in doc.all_facts():
            if gf.same_as:
                groups_def[gf.same_as].append(gf)
    try:
        rows = list(consolidate(candidates)) if candidates else []
    except Exception as exc:  # noqa: BLE001
        failed = tuple(
            GroupResult(
                key=k,
                table=m[0].table,
                members=tuple(g.label for g in m),
                row_ids=tuple(None for _ in m),
            )
            for k, m in sorted(groups_def.items())
        )
        return CrossDocumentResult(groups=failed, error=f"{type(exc).__name__}: {exc}")

    # a row's identity is its position; its fact_id (made unique) is only for display
    row_ids: list[str] = []
    for i, row in enumerate(rows):
        rid = row.fact_id or f"row{i}"
        row_ids.append(rid if rid not in row_ids else f"{rid}#{i}")
    by_mention: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    by_doc: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        for men in row.mentions:
            by_mention[(men.doc_id, men.char_start, men.char_end)].append(i)
            if i not in by_doc[(men.doc_id, row.fact_type)]:
                by_doc[(men.doc_id, row.fact_type)].append(i)

    def best(gf: GoldFact, indices: Iterable[int]) -> int | None:
        scored = []
        for ri in indices:
            if rows[ri].fact_type != gf.fact_type:
                continue
            s = similarity(gf.fact, rows[ri].fact)
            if s is not None:
                scored.append((-s, ri))
        return min(scored)[1] if scored else None

    row_of: dict[str, int | None] = {}
    for res in results:
        for m in res.matches:
            hits = {
                ri
                for men in m.predicted.mentions
                for ri in by_mention.get((men.doc_id, men.char_start, men.char_end), [])
                if rows[ri].fact_type == m.gold.fact_type
            }
            chosen: int | None = None
            if len(hits) == 1:
                chosen = next(iter(hits))
            elif hits:
                chosen = best(m.gold, sorted(hits))
                if chosen is None:
                    chosen = min(hits)
            else:
                chosen = best(m.gold, by_doc.get((m.gold.doc_id, m.gold.fact_type), []))
            row_of[m.gold.label] = chosen

    def row_id_of(label: str) -> str | None:
        ri = row_of.get(label)
        return None if ri is None else row_ids[ri]

    groups = []
    for key, members in sorted(groups_def.items()):
        groups.append(
            GroupResult(
                key=key,
                table=members[0].table,
                members=tuple(g.label for g in members),
                row_ids=tuple(row_id_of(g.label) for g in members),
            )
        )

    facts_by_label = {gf.label: gf for doc in gold for gf in doc.all_facts()}
    in_row: dict[int, list[GoldFact]] = defaultdict(list)
    for label, ri in row_of.items():
        if ri is not None:
            in_row[ri].append(facts_by_label[label])
    false_merges = []
    for ri in sorted(in_row):
        held = in_row[ri]
        keys = sorted({g.key for g in held})
        if len(keys) > 1:
            false_merges.append(
                FalseMerge(
                    fact_id=row_ids[ri],
                    members=tuple(sorted(g.label for g in held)),
                    keys=tuple(keys),
                )
            )
    return CrossDocumentResult(
        groups=tuple(groups), false_merges=tuple(false_merges), rows=len(rows)
    )
