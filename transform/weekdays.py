"""Weekdays a news article dates events by, resolved to days.

News articles date events by weekday ("concluded in Moscow on Thursday"). A weekday
resolves from the publication date: the latest such day on or before it (the same day if it
is one), or the next one when the clause speaks of the future ("runs until Monday", "will
open on Monday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["WEEKDAY_WORDS", "WeekdayMention", "resolve_weekdays"]

_WEEKDAYS = {
    "Monday": 0,
    "Tuesday": 1,
    "Wednesday": 2,
    "Thursday": 3,
    "Friday": 4,
    "Saturday": 5,
    "Sunday": 6,
}
_WEEKDAY = re.compile(
    r"\b(?:(?P<rel>last|this|next|on|by|until|till|from|through)\s+)?(?P<d>"
    + "|".join(_WEEKDAYS)
    + r")\b"
)
_FUTURE_CLAUSE = re.compile(
    r"\b(?:will|shall|runs?|running|is\s+(?:due|set|scheduled|expected)|are\s+(?:due|set"
    r"|scheduled|expected)|upcoming|to\s+be\s+held)\b[^.;]*$",
    re.IGNORECASE,
)
# the lower-cased names: a sentence with none of them among its words has no weekday
WEEKDAY_WORDS = frozenset(d.lower() for d in _WEEKDAYS)


@dataclass(frozen=True)
class WeekdayMention:
    """A weekday the text dates something by, resolved against the publication date."""

    start: int
    end: int
    day: date


def resolve_weekdays(
    text: str, published: date | None, start: int, end: int
) -> list[WeekdayMention]:
    """Weekdays written in `text[start:end]`, each resolved to its day; none without a
    publication date, since there is then no day to count from."""
    if published is None:
        return []
    out = []
    for m in _WEEKDAY.finditer(text, start, end):
        target = _WEEKDAYS[m.group("d")]
        rel = (m.group("rel") or "").lower()
        clause_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()))
        before = text[clause_start + 1 : m.start()]
        future = (
            rel == "next"
            or (rel in ("until", "till", "through", "by") and _FUTURE_CLAUSE.search(before))
            or (rel in ("on", "") and re.search(r"\bwill\b[^,;]*$", before) is not None)
        )
        delta = (published.weekday() - target) % 7
        if future:
            ahead = (target - published.weekday()) % 7 or 7
            day = published + timedelta(days=ahead)
        elif rel == "last" and delta == 0:
            day = published - timedelta(days=7)
        else:
            day = published - timedelta(days=delta)
        out.append(WeekdayMention(m.start("d"), m.end("d"), day))
    return out
