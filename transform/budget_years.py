"""Rule 4 of `budgets.py`: the fiscal year a budget is for, or none for a multi-year total.

The year nearest the amount in its clause, then its sentence, a "from ... to ..." range,
a multi-year marker (a total over several years has no single year), the sentence pointed
back to, the section's preceding sentences, the section heading, the page's title and the
budget the page's lead names. The year markers are named data in `budget_rules` and
`budget_field_rules`; the year mentions are read once in `budget_spans`.
"""

from __future__ import annotations

import re
from datetime import date

from transform.budget_kind import base_cue_start
from transform.budget_rules import BASE_YEAR_AFTER, MULTI_YEAR, PRONOUN_SUBJECT, SUPERLATIVE_BEFORE
from transform.budget_spans import Doc, Window, in_span, range_year, year_of_other_amount
from transform.dates import YearMention
from transform.money import Amount
from transform.sentences import Sentence

__all__ = [
    "context_year",
    "headline_year",
    "multi_year",
    "point_year",
    "read_fiscal_year",
    "usd_year",
]


def is_since_comparison(ctx: Doc, y: YearMention) -> bool:
    before = ctx.text[max(0, y.start - 60) : y.start]
    return SUPERLATIVE_BEFORE.search(before) is not None


def years_in(ctx: Doc, start: int, end: int) -> list[YearMention]:
    return in_span(ctx.years, ctx.year_starts, start, end)


def in_date(ctx: Doc, y: YearMention) -> bool:
    return any(
        d.start <= y.start and y.end <= d.end
        for d in in_span(ctx.dates, ctx.date_starts, y.start - 20, y.end + 1)
    )


def point_year(
    ctx: Doc, start: int, end: int, anchor: int, phase: str | None, anchor_end: int | None = None
) -> int | None:
    """The single year nearest the span [anchor, anchor_end) within [start, end) that a
    figure can be *for*."""
    a_end = anchor if anchor_end is None else anchor_end
    best: tuple[int, int] | None = None
    for y in years_in(ctx, start, end):
        if y.kind not in ("year", "fiscal", "relative"):
            continue
        if phase == "actual" and y.kind == "year" and in_date(ctx, y):
            continue  # the date of a report, not the year reported on
        if year_of_other_amount(ctx, y, anchor):
            continue  # "from A in 2012 to B in 2021": 2012 is A's
        dist = y.start - a_end if y.start >= a_end else max(anchor - y.end, 0)
        if best is None or dist < best[0]:
            best = (dist, y.year)
    return best[1] if best else None


def multi_year(ctx: Doc, start: int, end: int) -> bool:
    for y in years_in(ctx, start, end):
        if y.kind == "span":
            return True
        if y.kind == "since" and not is_since_comparison(ctx, y):
            return True
    return MULTI_YEAR.search(ctx.text, start, end) is not None


def context_year(ctx: Doc, s: Sentence, phase: str | None) -> int | None:
    """A year a preceding sentence states (or, unless the figure is actual, a date's year):
    the one nearest its first amount ("raise its budget next year to X, up 11.8 percent
    from this year" is next year's), else the one nearest its end."""
    amounts = in_span(ctx.amounts, ctx.amount_starts, s.start, s.end)
    if amounts:
        y = point_year(ctx, s.start, s.end, amounts[0].start, phase, amounts[0].span_end)
    else:
        y = point_year(ctx, s.start, s.end, s.end, phase)
    if y is not None:
        return y
    if phase == "actual":
        return None
    dates = in_span(ctx.dates, ctx.date_starts, s.start, s.end)
    if dates:
        return dates[-1].end_date.year
    return None


def usd_year(fiscal_year: int | None, published: date | None) -> int | None:
    return fiscal_year if fiscal_year is not None else (published.year if published else None)


def headline_year(ctx: Doc, index: int, amt: Amount, phase: str | None) -> int | None:
    """The year the page's title gives the same amount ("FDCT disbursed MOP310 mln in
    2016" over a body's "MOP310 million ... last year" on a page without a date)."""
    if index == 0 or not ctx.sentences or ctx.sentences[0].paragraph != 0:
        return None
    t = ctx.sentences[0]
    for a in in_span(ctx.amounts, ctx.amount_starts, t.start, t.end):
        if (
            a.currency == amt.currency
            and abs(a.value - amt.value) <= max(a.precision, amt.precision) / 2
        ):
            return point_year(ctx, t.start, t.end, a.start, phase, a.span_end)
    return None


# a fund reported as set up ("has set up the third phase of its fund with a registered
# capital of", "was incorporated on May 24 with")
_SET_UP = re.compile(
    r"\b(?:set\s+up|established|launched|founded|created|incorporated|registered\s+on"
    r"|inaugurated|unveiled|kicked\s+off|the\s+(?:establishment|launch)\s+of)\b",
    re.IGNORECASE,
)


def year_set_up(ctx: Doc, s: Sentence, amt: Amount) -> int | None:
    """A public fund's capital is for the year the fund was set up (the guidelines' rule):
    a year the sentence states ("set up in 2019"), else the year of the day it gives ("was
    incorporated on May 24"), else, when the sentence reports the setting up as news, the
    publication's year; a contribution to a fund set up before says none."""
    stated = point_year(ctx, s.start, s.end, amt.start, "approved", amt.span_end)
    if stated is not None:
        return stated
    if _SET_UP.search(s.text) is None:
        return None
    day = next(
        (d for d in in_span(ctx.dates, ctx.date_starts, s.start, s.end) if d.granularity == "day"),
        None,
    )
    if day is not None:
        return day.start_date.year
    return ctx.published.year if ctx.published else None


def read_fiscal_year(
    ctx: Doc,
    index: int,
    amounts: list[Amount],
    i: int,
    w: Window,
    phase: str,
    base: bool,
    fund_capital: bool,
    antecedent: Sentence | None,
    context: list[int],
    heading: int | None,
) -> tuple[int | None, bool]:
    """Rule 4: (fiscal year, whether the antecedent decided it)."""
    s = ctx.sentences[index]
    amt = amounts[i]
    if fund_capital:
        return year_set_up(ctx, s, amt), False
    used_antecedent = False
    fiscal_year = None
    multi = fund_capital
    if not fund_capital:
        # A comparison base's year is the one stated right after it ("X disbursed in 2015").
        w_start = amt.start if base and BASE_YEAR_AFTER.match(ctx.text, amt.span_end) else w.start
        # ... and a base's year is not the figure's it is compared with ("X over the next
        # five years, up 50% on last year's Y").
        year_end = base_cue_start(ctx, s, amounts, i) or s.end
        fiscal_year = point_year(ctx, w_start, min(w.end, year_end), amt.start, phase, amt.span_end)
        if fiscal_year is None:
            fiscal_year = point_year(ctx, s.start, year_end, amt.start, phase, amt.span_end)
    if fiscal_year is None and not fund_capital:
        fiscal_year = range_year(ctx, s, amounts, i)  # "From 2018 to 2023, ... from A to B"
    if fiscal_year is None and not multi:
        if multi_year(ctx, s.start, s.end):
            multi = True
        elif (
            antecedent is not None
            and not PRONOUN_SUBJECT.match(s.text)  # "It will also set aside": the actor's
            and multi_year(ctx, antecedent.start, antecedent.end)
        ):
            multi = True
            used_antecedent = True
    if fiscal_year is None and not multi and antecedent is not None:
        fiscal_year = point_year(ctx, antecedent.start, antecedent.end, antecedent.end, phase)
        used_antecedent = used_antecedent or fiscal_year is not None
    if fiscal_year is None and not multi:
        for j in context:
            fiscal_year = context_year(ctx, ctx.sentences[j], phase)
            if fiscal_year is not None:
                break
    if fiscal_year is None and not multi and heading is not None:
        h = ctx.sentences[heading]
        fiscal_year = point_year(ctx, h.start, h.end, h.end, phase)
    if fiscal_year is None and not multi:
        fiscal_year = headline_year(ctx, index, amt, phase)  # the title restates it
    if fiscal_year is None and not multi and phase in ("proposed", "approved"):
        fiscal_year = ctx.lead_budget_year  # a line of "his 2019-20 Budget"
    return fiscal_year, used_antecedent
