"""Rule 7 of `budgets.py`, a change stated by another sentence: the next one ("The
amount is 3.2% more"), or one before: "China is increasing its defense spending by 6.8%
in 2021. A national budget report said China would spend 1.355 trillion yuan on
defense." The rate is read from the nearest preceding sentence of the
section (or the page's lead) that states no amount of its own, speaks of a budget or
spending, and names the same category; only the first figure of that category takes it.
"""

from __future__ import annotations

from transform.budget_field_rules import AVERAGE_RATE, GROWTH_TO
from transform.budget_fields import change_pct, ranked_category
from transform.budget_rules import FOLLOW_UP, STRONG_CUE
from transform.budget_spans import Doc, in_span, masked
from transform.money import parse_amounts

__all__ = ["change_before", "follow_up_change"]


def change_before(ctx: Doc, context: list[int], category: str) -> float | None:
    """The rate a preceding sentence without an amount states for this category's budget."""
    if category in ctx.change_given:
        return None
    for j in context[:3]:
        cs = ctx.sentences[j]
        if in_span(ctx.amounts, ctx.amount_starts, cs.start, cs.end):
            continue
        if not STRONG_CUE.search(cs.text) or AVERAGE_RATE.search(cs.text):
            continue
        if ranked_category(masked(ctx, cs.start, cs.end)) != category:
            continue
        rate = change_pct(cs.text, len(cs.text), len(cs.text))
        if rate is None:
            m = GROWTH_TO.search(cs.text)
            rate = float(m.group("p")) if m else None
        if rate is not None:
            ctx.change_given.add(category)
            return rate
    return None


def follow_up_change(ctx: Doc, index: int) -> float | None:
    """A change stated by the next sentence about this amount ("The amount is 3.2% more")."""
    if index + 1 >= len(ctx.sentences):
        return None
    nxt = ctx.sentences[index + 1]
    if nxt.paragraph != ctx.sentences[index].paragraph or not FOLLOW_UP.match(nxt.text):
        return None
    if parse_amounts(nxt.text):
        return None
    return change_pct(nxt.text, 0, 0)
