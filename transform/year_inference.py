"""The year of a date written without one, from the publication date.

Monthly reviews say "on 27 March", "from 6-8 November", "30 October-2 November": the year
is only known from the issue's publication date. The rule: a date without a year is put
in the latest year that leaves it at most about two months after publication
(`FUTURE_TOLERANCE_DAYS`): a date more than two months after publication belongs to the
previous year (a January issue's "20 December" is the December just gone), and a date
just after a year-end publication to the next (a late-December "5 January"). Events
announced ahead ("will be held on 5 March") are rarely more than two months ahead in this
material, and when they are the rule errs towards the past; that is the known trade-off.

A year written with two digits ("FY24", the "25" of "2024-25") takes the century of a
reference year, the publication's or the fiscal year's first.
"""

from __future__ import annotations

from datetime import date, timedelta

__all__ = ["FUTURE_TOLERANCE_DAYS", "full_year", "infer_year"]

FUTURE_TOLERANCE_DAYS = 62


def infer_year(month: int, day: int, published: date) -> int:
    """The year of a day-and-month date stated without one, given the publication date.

    The latest year that puts the date no more than `FUTURE_TOLERANCE_DAYS` after
    publication: "20 December" in a January issue is last December, "5 January" in a
    late-December article is the coming January.
    """
    limit = published + timedelta(days=FUTURE_TOLERANCE_DAYS)
    for year in (published.year + 1, published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # 29 February outside a leap year
            candidate = date(year, month, 28)
        if candidate <= limit:
            return year
    return published.year - 1


def full_year(raw: str, reference: int | None = None) -> int:
    """The year `raw` names, two digits put in the century of `reference` (else the 2000s)."""
    if len(raw) == 4:
        return int(raw)
    base = (reference // 100) * 100 if reference is not None else 2000
    return base + int(raw)
