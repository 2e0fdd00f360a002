"""Score an extractor against the hand-annotated gold set (`tests/gold/`).

The gold set is one pair of files per document: `<name>.txt`, the document's main text as
the parser gives it, and `<name>.json`, the facts a careful annotator reads in it (format and
annotation rules: `tests/gold/README.md`). `evaluate` runs an extractor and a consolidator
over every gold document and compares what they produce with the annotation:

1. per document: `ParsedDocument` -> `extract` -> `consolidate` (within the document) ->
   one-to-one matching of predicted rows to gold facts, per table;
2. per table: tp/fp/fn, precision, recall, F1, and for matched facts the accuracy of each
   other field;
3. across documents: all candidates of all documents consolidated together; every group of
   gold facts sharing a `same_as` key should end in one row, and no row should hold two
   different gold facts ("false merges"); this step lives in `cross_document`.

Matching is deterministic: every (gold, predicted) pair that passes the table's match rule
gets a similarity score and pairs are taken greedily, best score first, ties broken by
position. Match rules:

- budgets: same currency and amount within 0.5% of the gold amount;
- projects: same event date and at least one shared participant country (or organisation),
  or name similarity >= 0.5;
- meetings: same start date and at least one shared participant country, or title
  similarity >= 0.5.

Name/title similarity is the overlap coefficient of *distinctive* tokens (generic words such
as "joint", "laboratory", "committee", "China" are dropped; ordinal words become "7th"); two
names whose ordinals or years differ are never similar ("6th" vs "7th" committee).

Field comparison: strings case- and whitespace-insensitive (empty string = null), dates
exact, numbers within 0.5%, null equals null; participant countries compare as sets;
`persons` is the fraction of gold persons found by name among the predicted participants.

Everything here is a pure function of its inputs; nothing touches the warehouse."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from evaluation.cross_document import CrossDocumentResult, score_cross_document
from evaluation.gold import (
    FACT_TYPE_OF_TABLE,
    FIELDS,
    TABLES,
    ConsolidateFn,
    ExtractFn,
    GoldDocument,
    GoldFact,
)
from evaluation.similarity import compare_fields, similarity
from transform.facts import (
    Candidate,
    Fact,
    FactRow,
    Mention,
)

# --------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PredictedFact:
    """One consolidated row as the extractor + consolidator produced it for a document."""

    fact_type: str
    fact: Fact
    mentions: tuple[Mention, ...]
    fact_id: str | None = None
    negative: str | None = None  # reason, when its evidence overlaps an annotated negative

    @property
    def evidence(self) -> str:
        return self.mentions[0].evidence if self.mentions else ""


@dataclass(frozen=True)
class FactMatch:
    gold: GoldFact
    predicted: PredictedFact
    score: float
    fields: dict[str, tuple[float, int]]


@dataclass(frozen=True)
class FieldScore:
    correct: float
    total: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None


def _ratio(num: float, den: float, other_errors: int) -> float:
    if den:
        return num / den
    return 1.0 if other_errors == 0 else 0.0


@dataclass(frozen=True)
class TableScore:
    """Counts for one table. With nothing to divide by, a metric is 1.0 when there was
    nothing to get wrong and 0.0 otherwise (no predictions but gold facts: precision 0)."""

    table: str
    tp: int
    fp: int
    fn: int
    fields: dict[str, FieldScore] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp, self.fn)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn, self.fp)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class DocumentResult:
    doc_id: str
    doc_type: str
    matches: tuple[FactMatch, ...] = ()
    missed: tuple[GoldFact, ...] = ()
    spurious: tuple[PredictedFact, ...] = ()
    candidates: int = 0
    bad_mentions: int = 0  # candidates whose evidence != text[char_start:char_end]
    error: str | None = None

    def score(self, table: str) -> TableScore:
        ft = FACT_TYPE_OF_TABLE[table]
        return TableScore(
            table=table,
            tp=sum(m.gold.table == table for m in self.matches),
            fp=sum(p.fact_type == ft for p in self.spurious),
            fn=sum(g.table == table for g in self.missed),
        )


@dataclass(frozen=True)
class EvaluationReport:
    tables: dict[str, TableScore]
    documents: tuple[DocumentResult, ...]
    cross_document: CrossDocumentResult

    @property
    def candidates(self) -> int:
        return sum(d.candidates for d in self.documents)

    @property
    def bad_mentions(self) -> int:
        return sum(d.bad_mentions for d in self.documents)


# --------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------


def match_facts(
    gold: Sequence[GoldFact], predicted: Sequence[PredictedFact]
) -> tuple[list[FactMatch], list[GoldFact], list[PredictedFact]]:
    """One-to-one greedy matching by similarity (best first; ties by position).

    Returns (matches, missed gold facts, spurious predictions)."""
    pairs: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if FACT_TYPE_OF_TABLE[g.table] != p.fact_type:
                continue
            s = similarity(g.fact, p.fact)
            if s is not None:
                pairs.append((-s, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches = []
    for neg_score, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matches.append(
            FactMatch(
                gold=gold[gi],
                predicted=predicted[pi],
                score=-neg_score,
                fields=compare_fields(gold[gi].fact, predicted[pi].fact),
            )
        )
    matches.sort(key=lambda m: (TABLES.index(m.gold.table), m.gold.index))
    missed = [g for gi, g in enumerate(gold) if gi not in used_g]
    spurious = [p for pi, p in enumerate(predicted) if pi not in used_p]
    return matches, missed, spurious


def _negative_spans(doc: GoldDocument) -> list[tuple[int, int, str]]:
    spans = []
    for n in doc.negatives:
        start = doc.text.find(n.evidence)
        while start >= 0:
            spans.append((start, start + len(n.evidence), n.reason))
            start = doc.text.find(n.evidence, start + 1)
    return spans


def _rows_to_predicted(
    rows: Iterable[FactRow], doc: GoldDocument | None = None
) -> list[PredictedFact]:
    negatives = _negative_spans(doc) if doc is not None else []
    out = []
    for row in rows:
        hit = None
        for m in row.mentions:
            for s, e, reason in negatives:
                if m.char_start < e and s < m.char_end:
                    hit = reason
                    break
            if hit:
                break
        out.append(
            PredictedFact(
                fact_type=row.fact_type,
                fact=row.fact,
                mentions=tuple(row.mentions),
                fact_id=row.fact_id,
                negative=hit,
            )
        )
    return out


def _bad_mentions(doc: GoldDocument, candidates: Sequence[Candidate]) -> int:
    bad = 0
    for c in candidates:
        m = c.mention
        if (
            not (0 <= m.char_start <= m.char_end <= len(doc.text))
            or doc.text[m.char_start : m.char_end] != m.evidence
        ):
            bad += 1
    return bad


def evaluate_document(
    doc: GoldDocument, extract: ExtractFn, consolidate: ConsolidateFn
) -> tuple[DocumentResult, list[Candidate]]:
    """Extract, consolidate within the document, match. Errors are recorded, not raised:
    a document whose extraction fails scores as if nothing was found."""
    try:
        candidates = list(extract(doc.doc_id, doc.parsed(), doc.doc_type))
    except Exception as exc:  # noqa: BLE001 - reported per document
        return DocumentResult(
            doc_id=doc.doc_id,
            doc_type=doc.doc_type,
            missed=doc.all_facts(),
            error=f"extract: {type(exc).__name__}: {exc}",
        ), []
    try:
        rows = list(consolidate(candidates)) if candidates else []
    except Exception as exc:  # noqa: BLE001
        return DocumentResult(
            doc_id=doc.doc_id,
            doc_type=doc.doc_type,
            missed=doc.all_facts(),
            candidates=len(candidates),
            bad_mentions=_bad_mentions(doc, candidates),
            error=f"consolidate: {type(exc).__name__}: {exc}",
        ), candidates
    predicted = _rows_to_predicted(rows, doc)
    matches, missed, spurious = match_facts(doc.all_facts(), predicted)
    # a borderline fact takes the prediction it matches out of play, and counts for nothing
    matches = [m for m in matches if m.gold.required]
    missed = [g for g in missed if g.required]
    return DocumentResult(
        doc_id=doc.doc_id,
        doc_type=doc.doc_type,
        matches=tuple(matches),
        missed=tuple(missed),
        spurious=tuple(spurious),
        candidates=len(candidates),
        bad_mentions=_bad_mentions(doc, candidates),
    ), candidates


def evaluate(
    gold: list[GoldDocument], extract: ExtractFn, consolidate: ConsolidateFn
) -> EvaluationReport:
    """Run `extract` and `consolidate` over the gold documents and score them."""
    results: list[DocumentResult] = []
    all_candidates: list[Candidate] = []
    for doc in gold:
        res, cands = evaluate_document(doc, extract, consolidate)
        results.append(res)
        all_candidates.extend(cands)

    tables: dict[str, TableScore] = {}
    for table in TABLES:
        tp = fp = fn = 0
        sums: dict[str, list[float]] = {f: [0.0, 0] for f in FIELDS[table]}  # type: ignore[misc]
        for res in results:
            s = res.score(table)
            tp, fp, fn = tp + s.tp, fp + s.fp, fn + s.fn
            for m in res.matches:
                if m.gold.table != table:
                    continue
                for fname, (correct, total) in m.fields.items():
                    sums[fname][0] += correct
                    sums[fname][1] += total
        tables[table] = TableScore(
            table=table,
            tp=tp,
            fp=fp,
            fn=fn,
            fields={f: FieldScore(correct=c, total=int(t)) for f, (c, t) in sums.items()},
        )

    cross = score_cross_document(gold, results, all_candidates, consolidate)
    return EvaluationReport(tables=tables, documents=tuple(results), cross_document=cross)
