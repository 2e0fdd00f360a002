"""Reading a budget's fields from the spans around its amount.

Category (rule 3), phase cues (rule 5), spender (rule 6), change (rule 7) and purpose,
each a small function over `budget_spans.Doc` and the named data of `budget_rules` /
`budget_field_rules`. The fiscal year (rule 4) is read in `budget_years`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transform.budget_field_rules import (
    CATEGORY_BY_KIND,
    CATEGORY_PATTERNS,
    CHANGE,
    CHANGE_COMPARED,
    DECREASE,
    DEMONSTRATIVE,
    HEADING_MAX,
    PARTNER_BEFORE,
    PURPOSE_AFTER,
    PURPOSE_BEFORE,
    PURPOSE_STOP,
    PURPOSE_TRIM,
    RECIPIENT_BEFORE,
    TO_BEFORE_ORG,
)
from transform.budget_rules import (
    ACTUAL,
    APPROVED,
    PROPOSED,
    RESEARCH_WORDS,
    STRONG_CUE,
    WEAK_CUE,
)
from transform.budget_spans import Doc, Window, in_span, masked
from transform.money import Amount
from transform.organisations import SPENDER_KINDS, OrgMention
from transform.sentences import Sentence


def categories_in(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, category, priority rank) of every category phrase in `text`."""
    found = []
    for rank, (name, pattern) in enumerate(CATEGORY_PATTERNS):
        for m in pattern.finditer(text):
            found.append((m.start(), m.end(), name, rank))
    return found


def purpose_span(ctx: Doc, w: Window, amt: Amount) -> tuple[int, int] | None:
    """Offsets of the "for/on/to ..." phrase right after the amount, if there is one."""
    after = ctx.text[amt.span_end : w.end]
    m = PURPOSE_AFTER.match(after)
    if not m:
        return None
    tail = m.group("p")
    stop = PURPOSE_STOP.search(tail)
    start = amt.span_end + m.start("p")
    return start, start + (stop.start() if stop else len(tail))


def strongest(found: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
    """The phrases of the specific categories, or all of them if only weak ones are left."""
    weak_rank = len(CATEGORY_PATTERNS) - 1
    strong = [f for f in found if f[3] != weak_rank]
    return strong or found


def nearest_category(ctx: Doc, w: Window, amt: Amount) -> str | None:
    """The category the words around the amount give, in this order: the purpose phrase
    right after it ("X yuan on national defense"), then the nearest phrase before it in
    the clause ("spending on science and technology is set to rise ... to X"), then the
    nearest after it. Organisation names are masked; specific categories beat the weak
    research/technology words."""
    text = masked(ctx, w.start, w.end)
    found = categories_in(text)
    if not found:
        return None
    a_start, a_end = amt.start - w.start, amt.span_end - w.start
    purpose = purpose_span(ctx, w, amt)
    if purpose is not None:
        p_start, p_end = purpose[0] - w.start, purpose[1] - w.start
        inside = [f for f in found if f[0] >= p_start and f[1] <= p_end]
        if inside:
            return min(strongest(inside), key=lambda f: (f[0], f[3]))[2]
    before = strongest([f for f in found if f[1] <= a_start])
    after = strongest([f for f in found if f[0] >= a_end])
    weak_rank = len(CATEGORY_PATTERNS) - 1
    best_before = max(before, key=lambda f: (f[1], -f[3])) if before else None
    best_after = min(after, key=lambda f: (f[0], f[3])) if after else None
    if best_before is not None and (
        best_after is None or best_before[3] != weak_rank or best_after[3] == weak_rank
    ):
        return best_before[2]
    return best_after[2] if best_after is not None else None


def ranked_category(text: str) -> str | None:
    """The highest-priority category phrase anywhere in `text` (for sentences further away)."""
    found = categories_in(text)
    if not found:
        return None
    return min(found, key=lambda f: (f[3], f[0]))[2]


def change_pct(text: str, a_start: int, a_end: int) -> float | None:
    """The stated change nearest the amount in `text` (offsets relative to `text`)."""
    best: tuple[tuple[int, int], float] | None = None
    for pattern in CHANGE:
        for m in pattern.finditer(text):
            value = float(m.group("p"))
            if DECREASE.match(re.sub(r"\s+", " ", m.group("d"))):
                value = -value
            if CHANGE_COMPARED.search(text, 0, m.start()):
                continue  # "faster than the 7.1 per cent increase last year"
            if m.start() >= a_end:
                key = (0, m.start() - a_end)
            elif m.end() <= a_start:
                key = (1, a_start - m.end())
            else:
                continue
            if best is None or key < best[0]:
                best = (key, value)
    return best[1] if best else None


def phase_of(text: str) -> str | None:
    """The phase a strong cue in `text` states (proposed > approved > actual), or None."""
    if PROPOSED.search(text):
        return "proposed"
    if APPROVED.search(text):
        return "approved"
    if ACTUAL.search(text):
        return "actual"
    return None


def spender_org(orgs: list[OrgMention], anchor: int, text: str = "") -> OrgMention | None:
    """The spending organisation nearest before `anchor`, else the first after it.

    With `text`, a partner is passed over ("joint funding with the NSFC").
    """
    spenders = [
        o
        for o in orgs
        if o.kind in SPENDER_KINDS
        and not (text and PARTNER_BEFORE.search(text, max(0, o.start - 30), o.start))
        # money given "to the UN science fund": the recipient, not the spender
        and not (
            text and o.start > anchor and TO_BEFORE_ORG.search(text, max(0, o.start - 12), o.start)
        )
    ]
    if not spenders:
        return None
    before = [o for o in spenders if o.end <= anchor]
    if before:
        return before[-1]
    return spenders[0]


def actor_country(
    ctx: Doc,
    s_start: int,
    s_end: int,
    orgs: list[OrgMention],
    amounts: Sequence[Amount] = (),
) -> str | None:
    """The first country a stretch of text names as an actor (not a partner or recipient).

    Countries inside organisation names or amounts ("U.S. dollars") do not count.
    """
    for c in in_span(ctx.countries, ctx.country_starts, s_start, s_end):
        if any(o.start <= c.start and c.end <= o.end for o in orgs):
            continue
        if any(a.start <= c.start and c.end <= a.span_end for a in amounts):
            continue
        before = ctx.text[max(s_start, c.start - 30) : c.start]
        if RECIPIENT_BEFORE.search(before):
            continue
        return c.iso3
    return None


def purpose_phrase(ctx: Doc, w: Window, amt: Amount) -> str | None:
    after = ctx.text[amt.span_end : w.end]
    m = PURPOSE_AFTER.match(after)
    phrase = None
    if m:
        tail = m.group("p")
        stop = PURPOSE_STOP.search(tail)
        phrase = tail[: stop.start()] if stop else tail
    else:
        before = ctx.text[w.start : amt.start]
        found = list(PURPOSE_BEFORE.finditer(before))
        if found:
            phrase = found[-1].group("p")
    if not phrase:
        return None
    phrase = PURPOSE_TRIM.sub("", " ".join(phrase.split())).strip(" ,")
    if not phrase or DEMONSTRATIVE.match(phrase) or len(phrase) > 120:
        return None
    return phrase


def spender_kind_orgs(ctx: Doc, start: int, end: int) -> list[OrgMention]:
    return [o for o in in_span(ctx.orgs, ctx.org_starts, start, end) if o.kind in SPENDER_KINDS]


def previous_in_paragraph(ctx: Doc, index: int, n: int) -> list[Sentence]:
    """Up to `n` sentences before sentence `index` in its paragraph, nearest first."""
    out: list[Sentence] = []
    j = index - 1
    para = ctx.sentences[index].paragraph
    while j >= 0 and len(out) < n and ctx.sentences[j].paragraph == para:
        out.append(ctx.sentences[j])
        j -= 1
    return out


def _strong_category(text: str) -> str | None:
    """The highest-priority category phrase in `text` other than the weak research words."""
    weak_rank = len(CATEGORY_PATTERNS) - 1
    found = [f for f in categories_in(text) if f[3] != weak_rank]
    return min(found, key=lambda f: (f[3], f[0]))[2] if found else None


def read_category(
    ctx: Doc,
    s: Sentence,
    w: Window,
    amt: Amount,
    spender: OrgMention | None,
    antecedent: Sentence | None,
    budget_context: list[Sentence],
    context: list[int],
) -> tuple[str, bool]:
    """Rule 3: (category, whether the antecedent decided it)."""
    orgs_window = in_span(ctx.orgs, ctx.org_starts, w.start, w.end)
    window_category = nearest_category(ctx, w, amt)
    category = None
    if spender is not None and spender.kind in CATEGORY_BY_KIND and spender.category:
        category = spender.category
        # A generic S&T funder's money for a stated specific purpose ("FDCT allocated ...
        # to support research projects") takes the purpose's category.
        if category == "science_technology" and window_category not in (None, category):
            category = window_category
    if category is None:
        # A funder, fund or programme named in the clause ("Horizon Europe, the EU's ...").
        category = next(
            (o.category for o in orgs_window if o.kind in CATEGORY_BY_KIND and o.category),
            None,
        )
    if category is None:
        category = window_category
    # A ministry's generic S&T category waits for the funding sentence just before.
    generic = spender is not None and spender.category == "science_technology"
    if category is None and spender is not None and spender.category and not generic:
        category = spender.category
    if category is None:
        category = next((o.category for o in orgs_window if o.category and o is not spender), None)
    if category is None and _strong_category(masked(ctx, s.start, s.end)) is None:
        # Only weak words here: the funding sentence just before, stating no money of its
        # own, says what it is for ("... announced funding for joint research centres. A
        # total of NZ$3m was available").
        for j in context[:2]:
            cs = ctx.sentences[j]
            if in_span(ctx.amounts, ctx.amount_starts, cs.start, cs.end):
                continue
            if STRONG_CUE.search(cs.text) or WEAK_CUE.search(cs.text):
                category = _strong_category(masked(ctx, cs.start, cs.end)) or next(
                    (
                        o.category
                        for o in in_span(ctx.orgs, ctx.org_starts, cs.start, cs.end)
                        if o.kind in CATEGORY_BY_KIND and o.category
                    ),
                    None,
                )
                if category:
                    break
    if category is None and generic:
        category = "science_technology"
    if category is None:
        category = nearest_category(ctx, Window(s.start, s.end), amt)
    used_antecedent = False
    if category is None and antecedent is not None:
        orgs_antecedent = in_span(ctx.orgs, ctx.org_starts, antecedent.start, antecedent.end)
        category = next(
            (o.category for o in orgs_antecedent if o.kind in CATEGORY_BY_KIND and o.category),
            None,
        ) or ranked_category(masked(ctx, antecedent.start, antecedent.end))
        used_antecedent = category is not None
    if category is None:
        for cs in budget_context:
            category = ranked_category(masked(ctx, cs.start, cs.end))
            if category:
                break
    if category is None and spender is not None:
        category = ranked_category(spender.name)  # "Advanced Research and Invention Agency"
    if category is None:
        # A fund named in the sentences just before ("the third phase of the ... Fund has
        # been established. ... with a registered capital of RMB 344 billion").
        for j in context[:2]:
            cs = ctx.sentences[j]
            category = next(
                (
                    o.category or ranked_category(o.name)
                    for o in in_span(ctx.orgs, ctx.org_starts, cs.start, cs.end)
                    if o.kind in CATEGORY_BY_KIND and (o.category or ranked_category(o.name))
                ),
                None,
            )
            if category:
                break
    if category is None:
        # The page's title says what the page's money is for ("EU-China Research and
        # Innovation Co-Funding Mechanism").
        category = ranked_category(ctx.text[: ctx.text.find("\n")][:HEADING_MAX])
    if category in ("health", "education"):
        # Research as what the money is for ("for research in health technology"), not a
        # trailing remark ("campus facilities, in particular those for R&D").
        span = purpose_span(ctx, w, amt) or (amt.span_end, w.end)
        comma = ctx.text.find(",", span[0], span[1])
        if RESEARCH_WORDS.search(ctx.text, span[0], comma if comma != -1 else span[1]):
            category = "science_technology"
    return category or "other", used_antecedent
