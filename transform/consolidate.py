"""One row per real-world fact, from the candidates of every document.

The same 2024 S&T budget is "370.828 billion Yuan" in one review and "370.8 billion yuan
(US$51.5 billion)" in a news article: one fact, two mentions. Consolidation decides which
candidates are the same fact, merges them into one `FactRow` and keeps every document's
mention as provenance; where documents disagree on a value, the disagreement is kept in
`conflicts` ({field: [values...]}) rather than silently resolved.

Matching is per fact type through `MATCHERS` (a registry: a fact type's matcher takes all
its candidates and returns its rows). Budgets are matched here; projects and meetings in
`event_matching` (`pass_through`, one row per distinct candidate, remains for any new fact
type until its matcher is written — add a function with the `Matcher` signature and
register it).

Determinism: the output depends only on the *set* of candidates, never on their order
(every grouping and choice works on canonically sorted candidates), rows come sorted by
(fact type, fact_id), and ids are hashes of what identifies a fact, so a rerun over the
same documents yields the same ids.

Budget identity: same spender country, category, fiscal year and currency, and amounts
that agree within rounding: the difference is at most half a unit of the last digit the
less precise spelling states (370.8 billion has precision 0.1 billion, so 370.828 billion
agrees and 371.2 billion does not). The precision is read back from the mention's
evidence, so it survives the JSON round trip through `fact_candidates`. The most precise
amount is kept. `fact_id` hashes the identifying fields and the kept amount to three
significant figures: adding a more precise mention of a known budget does not change its
id (unless the precise value rounds differently at the third figure).
"""

from __future__ import annotations

import bisect
import dataclasses
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from transform.event_matching import match_meetings, match_projects
from transform.facts import Budget, Candidate, FactRow, FactType, Mention
from transform.money import parse_amounts
from transform.row_keys import canonical, fact_hash, fact_json, one_mention_per_document

__all__ = ["MATCHERS", "Matcher", "amount_precision", "amounts_agree", "consolidate"]

Matcher = Callable[[Sequence[Candidate]], list[FactRow]]

_TYPE_ORDER: dict[str, int] = {"budget": 0, "project": 1, "meeting": 2}


# ---------------------------------------------------------------------------------------
# Budgets


def _inferred_precision(value: float) -> float:
    """Unit of the last significant digit of a number with no text to read it from."""
    if value == 0 or not math.isfinite(value):
        return 1.0
    n = round(abs(value))
    if n == 0 or abs(abs(value) - n) > 1e-9:
        return 0.01
    zeros = 0
    while n % 10 == 0:
        n //= 10
        zeros += 1
    return float(10**zeros)


def amount_precision(budget: Budget, mention: Mention) -> float:
    """The precision the text states `budget.amount` with (370.8 billion -> 1e8).

    Read from the mention's evidence when the amount is found there, else inferred from the
    number's trailing zeros.
    """
    for amt in parse_amounts(mention.evidence):
        if amt.currency == budget.currency and math.isclose(
            amt.value, budget.amount, rel_tol=1e-12, abs_tol=1e-6
        ):
            return amt.precision
    return _inferred_precision(budget.amount)


def amounts_agree(a: float, pa: float, b: float, pb: float) -> bool:
    """Whether two amounts are one value at different precisions (the coarser one rounds)."""
    tolerance = max(pa, pb) / 2
    return abs(a - b) <= tolerance * (1 + 1e-9) + 1e-9


@dataclasses.dataclass
class _Cluster:
    members: list[tuple[Candidate, float]]  # (candidate, precision), most precise first

    @property
    def rep(self) -> tuple[Candidate, float]:
        return self.members[0]


def _budget(c: Candidate) -> Budget:
    assert isinstance(c.fact, Budget)
    return c.fact


def _pick(values: list[object], preferred: object | None) -> object | None:
    """`preferred` when set, else the most common value (ties: smallest by repr)."""
    if preferred is not None:
        return preferred
    present = [v for v in values if v is not None]
    if not present:
        return None
    counts = Counter(present)
    best = max(counts.values())
    return min((v for v in counts if counts[v] == best), key=repr)


def _distinct(values: Iterable[object]) -> list[object]:
    return sorted({v for v in values if v is not None}, key=lambda v: (repr(type(v)), v))


def _merge_budgets(cluster: _Cluster) -> tuple[Budget, dict[str, list[object]]]:
    facts = [_budget(c) for c, _ in cluster.members]
    rep = facts[0]
    conflicts: dict[str, list[object]] = {}

    def field(name: str, ignore: object = None) -> object | None:
        values = [getattr(f, name) for f in facts]
        values = [v for v in values if v is not None and v != ignore]
        distinct = _distinct(values)
        if len(distinct) > 1:
            conflicts[name] = distinct
        preferred = getattr(rep, name)
        if preferred == ignore:
            preferred = None
        return _pick(values, preferred)

    amounts = _distinct(f.amount for f in facts)
    if len(amounts) > 1:
        conflicts["amount"] = amounts
    spender_org = field("spender_org")
    stated_usd = field("stated_usd")
    change_pct = field("change_pct")
    phase = field("phase", ignore="unknown") or "unknown"
    purpose = rep.purpose or _pick([f.purpose for f in facts], None)
    amount_usd = rep.amount_usd
    if amount_usd is None:
        amount_usd = next((f.amount_usd for f in facts if f.amount_usd is not None), None)
    merged = dataclasses.replace(
        rep,
        spender_org=spender_org,  # type: ignore[arg-type]
        stated_usd=stated_usd,  # type: ignore[arg-type]
        change_pct=change_pct,  # type: ignore[arg-type]
        phase=str(phase),
        purpose=purpose,  # type: ignore[arg-type]
        amount_usd=amount_usd,
    )
    return merged, conflicts


def _budget_id(b: Budget, disambiguate: bool = False) -> str:
    parts: list[object] = [
        "budget",
        b.spender_country,
        b.category,
        b.fiscal_year,
        b.currency,
        f"{b.amount:.2e}",
    ]
    if disambiguate:
        parts += [repr(b.amount), b.purpose]
    return fact_hash(*parts)


def _usd_restatement(c: Candidate, others: Sequence[Candidate]) -> bool:
    """A dollar amount that the same document gives as another budget's conversion ("to USD
    229.5 billion in 2022" beside "1.45 trillion yuan [USD 229.5 billion]"): one budget
    told twice, in its own currency and in dollars."""
    b = _budget(c)
    if b.currency != "USD" or b.stated_usd is not None:
        return False
    p = amount_precision(b, c.mention)
    for o in others:
        ob = _budget(o)
        if (
            o.mention.doc_id == c.mention.doc_id
            and ob.currency != "USD"
            and ob.stated_usd is not None
            and ob.category == b.category
            and (ob.fiscal_year == b.fiscal_year or None in (ob.fiscal_year, b.fiscal_year))
            and amounts_agree(b.amount, p, ob.stated_usd, p)
        ):
            return True
    return False


def match_budgets(candidates: Sequence[Candidate]) -> list[FactRow]:
    """Budget candidates -> one row per budget fact (see the module docstring)."""
    by_doc: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_doc[c.mention.doc_id].append(c)
    candidates = [c for c in candidates if not _usd_restatement(c, by_doc[c.mention.doc_id])]
    groups: dict[tuple, list[tuple[Candidate, float]]] = defaultdict(list)
    for c in candidates:
        b = _budget(c)
        key = (
            b.spender_country or "",
            b.category,
            b.fiscal_year or 0,
            b.fiscal_year is None,
            b.currency,
        )
        groups[key].append((c, amount_precision(b, c.mention)))

    clusters: list[_Cluster] = []
    for key in sorted(groups):
        items = sorted(groups[key], key=lambda cp: (cp[1], _budget(cp[0]).amount, canonical(cp[0])))
        local: list[_Cluster] = []
        # The clusters' first (most precise) amounts, sorted: a candidate, no more precise
        # than any of them, can only join one within half its own precision, so a bisect
        # finds the few to try instead of trying every cluster of the group.
        by_amount: list[tuple[float, int]] = []
        for c, p in items:
            b = _budget(c)
            reach = p / 2 * (1 + 1e-6) + 1e-6
            lo = bisect.bisect_left(by_amount, (b.amount - reach, -1))
            hi = bisect.bisect_right(by_amount, (b.amount + reach, len(local)))
            for k in sorted(i for _, i in by_amount[lo:hi]):
                cluster = local[k]
                rep_c, rep_p = cluster.rep
                if not amounts_agree(b.amount, p, _budget(rep_c).amount, rep_p):
                    continue
                # Two different purposes stated side by side in one document are two facts.
                same_doc_clash = any(
                    m.mention.doc_id == c.mention.doc_id
                    and _budget(m).purpose
                    and b.purpose
                    and _budget(m).purpose != b.purpose
                    for m, _ in cluster.members
                )
                if same_doc_clash:
                    continue
                cluster.members.append((c, p))
                break
            else:
                bisect.insort(by_amount, (b.amount, len(local)))
                local.append(_Cluster([(c, p)]))
        clusters.extend(local)

    merged = [(cluster, *_merge_budgets(cluster)) for cluster in clusters]
    ids = Counter(_budget_id(b) for _, b, _ in merged)
    rows: list[FactRow] = []
    for cluster, budget, conflicts in merged:
        fact_id = _budget_id(budget)
        if ids[fact_id] > 1:
            fact_id = _budget_id(budget, disambiguate=True)
        rows.append(
            FactRow(
                fact_type="budget",
                fact_id=fact_id,
                fact=budget,
                mentions=one_mention_per_document(c for c, _ in cluster.members),
                conflicts=conflicts,
            )
        )
    return rows


# ---------------------------------------------------------------------------------------
# Projects and meetings: one row per distinct candidate until their matchers exist


def pass_through(candidates: Sequence[Candidate]) -> list[FactRow]:
    """One row per distinct (document, fact) candidate, with a stable id."""
    by_id: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_id[fact_hash(c.fact_type, c.mention.doc_id, fact_json(c.fact))].append(c)
    rows = []
    for fact_id in sorted(by_id):
        group = sorted(by_id[fact_id], key=canonical)
        rows.append(
            FactRow(
                fact_type=group[0].fact_type,
                fact_id=fact_id,
                fact=group[0].fact,
                mentions=one_mention_per_document(group),
                conflicts={},
            )
        )
    return rows


MATCHERS: dict[FactType, Matcher] = {
    "budget": match_budgets,
    "project": match_projects,
    "meeting": match_meetings,
}


def consolidate(candidates: Iterable[Candidate]) -> list[FactRow]:
    """Every candidate, matched per fact type, as rows sorted by (fact type, fact_id)."""
    by_type: dict[str, list[Candidate]] = defaultdict(list)
    # The same statement twice (the same fact at the same offsets) is one candidate.
    for c in dict.fromkeys(candidates):
        by_type[c.fact_type].append(c)
    rows: list[FactRow] = []
    for fact_type in sorted(by_type, key=lambda t: _TYPE_ORDER.get(t, 99)):
        matcher = MATCHERS.get(fact_type, pass_through)  # type: ignore[call-overload]
        rows.extend(matcher(by_type[fact_type]))
    rows.sort(key=lambda r: (_TYPE_ORDER.get(r.fact_type, 99), r.fact_id))
    return rows
