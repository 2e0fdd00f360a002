"""Rule 2 of `budgets.py`: is an amount a budget? Attachment first, then triggers.

An amount is first attached to what it measures in its clause (`attachment`): a change
("jumped 9 billion yuan") is never a budget; a comparison base stated as another year's
figure ("up from 1.3 trillion yuan last year") is one when what it is compared with is.
Then `is_budget_amount` reads the look-alikes, budget and funding triggers, the public
actor and the one-project and company guards, all named data in `budget_rules`.
`same_amount` tells whether a headline's amount is a body figure rounded.
"""

from __future__ import annotations

import re

from transform.budget_field_rules import COMPARED_BEFORE
from transform.budget_fields import actor_country, previous_in_paragraph, spender_kind_orgs
from transform.budget_rules import (
    BASE_BEFORE,
    BASE_YEAR_AFTER,
    BASE_YEAR_BEFORE,
    BUILT_WITH,
    CEILING_BEFORE,
    COMPANY,
    COMPANY_OWN_MONEY,
    COMPANY_SHARE,
    CONTEXT_VERB,
    EXCLUDED,
    INCREMENT_AFTER,
    INCREMENT_BEFORE,
    LEVERAGE_BEFORE,
    LIST_ITEM,
    ONE_PROJECT,
    ONE_THING_AFTER,
    ONE_THING_WORKS,
    OWNER_PRONOUN,
    PART_IN_LIST,
    PER_RECIPIENT_AFTER,
    PER_UNIT,
    PROGRAMME_NAME_AFTER,
    PUBLIC_ACTOR,
    PUBLIC_SOURCE,
    REFERENCE_BEFORE,
    RESTATED_BEFORE,
    SIZE_OF,
    STRONG_CUE,
    SUPPORT_CEILING,
    WEAK_CUE,
)
from transform.budget_spans import Doc, Window, clause_window, in_span, masked
from transform.facts import Budget, Candidate
from transform.money import Amount, parse_amounts
from transform.organisations import SPENDER_KINDS
from transform.sentences import Sentence

__all__ = [
    "attachment",
    "base_cue_start",
    "is_budget_amount",
    "list_header",
    "restates_earlier",
    "same_amount",
]


# R&D by who performs it ("the R&D expenditure of enterprises was X; government research
# institutions spent Y; universities Z"): a statistics bulletin's breakdown of the national
# total, whose parts are no allocations (the enterprises' part is company money)
PERFORMERS = (
    re.compile(r"\benterprises\b", re.IGNORECASE),
    re.compile(
        r"\b(?:research\s+institutions?|research\s+institutes|institutions\s+of\s+higher"
        r"\s+(?:education|learning)|universities|higher\s+education\s+institutions)\b",
        re.IGNORECASE,
    ),
)


def attachment(ctx: Doc, amounts: list[Amount], i: int, w: Window) -> str:
    """What amount i measures in its clause: "increment" (a change, never a budget), "base"
    (a comparison base stated as another year's figure) or "level"."""
    amt = amounts[i]
    if INCREMENT_BEFORE.search(ctx.text, w.start, amt.start) or INCREMENT_AFTER.match(
        ctx.text, amt.span_end, w.end
    ):
        return "increment"
    if BASE_BEFORE.search(ctx.text, w.start, amt.start) and (
        BASE_YEAR_BEFORE.search(ctx.text, w.start, amt.start)
        or BASE_YEAR_AFTER.match(ctx.text, amt.span_end, w.end)
    ):
        return "base"
    return "level"


def _base_is_budget(
    ctx: Doc, index: int, amounts: list[Amount], i: int, context: list[int]
) -> bool:
    """A comparison base is a budget when what it is compared with is one: another amount
    of its sentence, or the previous sentence's ("That's up from X last year")."""
    s = ctx.sentences[index]
    for j in range(len(amounts)):
        if j == i:
            continue
        w = clause_window(s, amounts, j)
        if attachment(ctx, amounts, j, w) == "level" and is_budget_amount(
            ctx, index, amounts, j, w, context
        ):
            return True
    if len(amounts) == 1 and context:
        prev = ctx.sentences[context[0]]
        return STRONG_CUE.search(prev.text) is not None and bool(parse_amounts(prev.text))
    return False


def is_budget_amount(
    ctx: Doc, index: int, amounts: list[Amount], i: int, w: Window, context: list[int]
) -> bool:
    """Rules 2: does amount i read as money allocated or spent for a purpose?"""
    s = ctx.sentences[index]
    amt = amounts[i]
    window_text = ctx.text[w.start : w.end]
    single = len(amounts) == 1
    attached = attachment(ctx, amounts, i, w)
    if attached == "increment":
        return False
    if attached == "base" and _base_is_budget(ctx, index, amounts, i, context):
        return True
    if BUILT_WITH.search(ctx.text, w.start, amt.start):
        return False  # the cost of one named thing
    if REFERENCE_BEFORE.search(ctx.text, w.start, amt.start):
        return False  # recalled to set another amount apart
    # Excluded kinds are read before the amount and in the words right after it
    # ("1 trillion yuan worth of such bonds"), not in a later clause ("... equivalent to
    # 2.68% of GDP" does not make R&D spending a GDP figure).
    after = ctx.text[amt.span_end : w.end]
    cut = re.search(r"[,;]", after)
    region_end = amt.span_end + min(cut.start() if cut else len(after), 40)
    source = PUBLIC_SOURCE.search(ctx.text, w.start, region_end)
    if EXCLUDED.search(PUBLIC_SOURCE.sub(_blank, masked(ctx, w.start, region_end))):
        return False
    if LEVERAGE_BEFORE.search(ctx.text, w.start, amt.start):
        return False  # money a fund is expected to leverage
    if PER_UNIT.search(window_text):
        return False
    up_to = amt.start + 5 if ctx.text[amt.start : amt.start + 5].lower() == "up to" else amt.start
    # ... read back to the amount before it at most: a ceiling stated with its own figure
    # ("a funding ceiling, currently at X, with a provision of Y") is that figure's, unless
    # the two are one change ("raising the grant ceiling from A to B").
    before = max(s.start, amt.start - 150)
    if i > 0 and not _RANGE_LINK.fullmatch(ctx.text, amounts[i - 1].span_end, amt.start):
        before = max(before, amounts[i - 1].span_end)
    if CEILING_BEFORE.search(ctx.text[before:up_to]):
        return False  # a grant's or prize's ceiling, for each recipient
    if up_to > amt.start and SUPPORT_CEILING.search(window_text):
        return False  # "up to" X of support for a class of recipients: each one's ceiling
    if PER_RECIPIENT_AFTER.match(ctx.text, amt.span_end):
        return False  # a reward for each newly recognised unit, or by its level
    strong = (
        STRONG_CUE.search(window_text)
        or _sentence_cue(ctx, s.start, s.end, w)
        or list_header(ctx, index) is not None
    )
    if not strong:
        weak = (
            WEAK_CUE.search(window_text)
            or (single and WEAK_CUE.search(s.text))
            or (i > 0 and PART_IN_LIST.match(ctx.text, w.start) and WEAK_CUE.search(s.text))
            or SIZE_OF.match(ctx.text, amt.span_end, w.end)
            or source is not None
        )
        in_context = CONTEXT_VERB.search(window_text) and any(
            STRONG_CUE.search(ctx.sentences[j].text) for j in context[:2]
        )
        if not (weak or in_context):
            return False
        if ONE_THING_WORKS.match(s.text):
            return False  # one named thing's cost ("Work on the X began ... investment of")
        public = (
            spender_kind_orgs(ctx, s.start, s.end)
            or PUBLIC_ACTOR.search(masked(ctx, s.start, s.end)) is not None
            or actor_country(ctx, s.start, amt.start, [], amounts) is not None
            or any(
                spender_kind_orgs(ctx, ctx.sentences[j].start, ctx.sentences[j].end)
                for j in context[:1]
            )
        )
        if not public:
            return False
        # Money a paragraph about one project mentions without a budget word is that
        # project's ("The project, SUSTAIN-RICE, ... The EU is contributing EUR 5m").
        if any(_one_project(p.text) for p in previous_in_paragraph(ctx, index, 2)):
            return False
    if _one_project(s.text if single else window_text) or ONE_THING_AFTER.match(
        ctx.text, amt.span_end, w.end
    ):
        return False  # one project's funding, not a budget
    if COMPANY_OWN_MONEY.search(ctx.text, w.start, w.end):
        return False  # a company's own spending or funding round, whoever reports it
    if not single and all(p.search(s.text) for p in PERFORMERS):
        return False  # R&D by performer: enterprises, institutions, universities
    orgs_sentence = in_span(ctx.orgs, ctx.org_starts, s.start, s.end)
    if (
        _company_before(ctx, w.start, amt.start)
        or COMPANY_SHARE.search(s.text)
        or (
            OWNER_PRONOUN.match(s.text) is not None
            and any(COMPANY_SHARE.search(p.text) for p in previous_in_paragraph(ctx, index, 1))
        )
        or any(o.kind in ("company", "bank") and o.end <= amt.start for o in orgs_sentence)
    ):
        if not any(o.kind in SPENDER_KINDS for o in orgs_sentence):
            return False
    return True


def _sentence_cue(ctx: Doc, start: int, end: int, w: Window) -> bool:
    """A budget word elsewhere in the sentence, unless it is said of a look-alike ("Those
    investments earmarked X in total, less than 2021's peak of Y": the peak is no budget
    either). The budget word's own clause, up to it, names what it is said of."""
    for m in STRONG_CUE.finditer(ctx.text, start, end):
        if w.start <= m.start() < w.end:
            return True
        clause = max(ctx.text.rfind(c, start, m.start()) for c in ",;:") + 1
        if EXCLUDED.search(masked(ctx, max(start, clause), m.start())) is None:
            return True
    return False


def _company_before(ctx: Doc, start: int, end: int) -> bool:
    """Whether a company is the nearest actor before the amount: "To help firms innovate,
    the government allocated ..." is the government's money."""
    text = masked(ctx, start, end)
    found = list(COMPANY.finditer(text))
    return bool(found) and PUBLIC_ACTOR.search(text, found[-1].end()) is None


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _one_project(text: str) -> bool:
    """Whether `text` names one project, laboratory, centre, facility or mission."""
    return any(
        PROGRAMME_NAME_AFTER.match(text, m.end()) is None for m in ONE_PROJECT.finditer(text)
    )


def same_amount(fact: Budget, amt: Amount) -> bool:
    """Whether `amt` states `fact`'s amount, at the coarser of the two precisions."""
    # "raises US$47.5 billion" over a body's "RMB 344 billion (US$47.5 billion)"
    if fact.currency == "USD" and amt.stated_usd is not None:
        if abs(fact.amount - amt.stated_usd) <= _whole_precision(fact.amount) / 2:
            return True
    if fact.currency != amt.currency:
        return False
    return abs(fact.amount - amt.value) <= max(amt.precision, _whole_precision(fact.amount)) / 2


def _whole_precision(value: float) -> float:
    """The unit of the last non-zero digit of a whole amount (130,000,000 -> 1e7)."""
    n = int(round(value))
    if n <= 0:
        return 1.0
    unit = 1
    while n % (unit * 10) == 0:
        unit *= 10
    return float(unit)


def base_cue_start(ctx: Doc, s: Sentence, amounts: list[Amount], i: int) -> int | None:
    """Where the comparison-base phrase of the next amount starts, if the next is a base."""
    if i + 1 >= len(amounts):
        return None
    nxt = amounts[i + 1]
    if attachment(ctx, amounts, i + 1, clause_window(s, amounts, i + 1)) != "base":
        # "four times as much as the HK$10 billion allocated in the 2017 budget": the
        # year after an amount compared with is that amount's.
        m = COMPARED_BEFORE.search(ctx.text, amounts[i].span_end, nxt.start)
        return m.start() if m is not None else None
    m = BASE_BEFORE.search(ctx.text, amounts[i].span_end, nxt.start)
    return m.start() if m is not None else None


def list_header(ctx: Doc, index: int) -> int | None:
    """The header sentence of the list whose item sentence `index` is, when the header
    states a budget ("The draft budget allocates: - 98 billion yuan for basic research")."""
    if not LIST_ITEM.match(ctx.sentences[index].text):
        return None
    j = index - 1
    while j >= 0 and index - j <= _MAX_LIST_ITEMS and LIST_ITEM.match(ctx.sentences[j].text):
        j -= 1
    if j < 0 or ctx.sentences[j].paragraph < ctx.sentences[index].paragraph - _MAX_LIST_ITEMS:
        return None
    header = ctx.sentences[j].text
    if header.rstrip().endswith(":") and STRONG_CUE.search(header) is not None:
        return j
    return None


_MAX_LIST_ITEMS = 12
# What joins the two ends of one change or range ("from A to B", "A-B").
_RANGE_LINK = re.compile(r"\s*(?:to|and|or|-|–)\s*", re.IGNORECASE)


def restates_earlier(text: str, amt: Amount, found: list[Candidate]) -> bool:
    """Whether `amt` names again, with a definite article, a figure already found ("The
    additional HK$50 billion earmarked ..." after "an additional HK$50 billion")."""
    if RESTATED_BEFORE.search(text, max(0, amt.start - 40), amt.start) is None:
        return False
    return any(
        isinstance(c.fact, Budget)
        and c.fact.currency == amt.currency
        and c.fact.amount == amt.value
        for c in found
    )
