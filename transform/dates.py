"""Dates, date ranges and years as the reviews and news articles write them.

Monthly reviews say "on 27 March", "from 6-8 November", "30 October-2 November": the year
is only known from the issue's publication date, and `year_inference.py` holds the rule
that supplies it.

`find_years` reads bare years, fiscal years and relative years ("this year") for facts
that attach to a year rather than a day (budgets); the ways a year is written are in
`year_patterns.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from transform.month_names import MONTHS
from transform.year_inference import full_year, infer_year
from transform.year_patterns import (
    PLURAL_AFTER,
    RELATIVE_OFFSET,
    RELATIVE_YEAR,
    YEAR_ANCHOR,
    YEAR_PATTERNS,
    YEAR_WORD_BEFORE,
    compares,
)

__all__ = [
    "MONTH_NAME",
    "DateMention",
    "YearMention",
    "find_years",
    "month_number",
    "parse_date_range",
    "resolve_dates",
]


@dataclass(frozen=True)
class DateMention:
    """A date or date range in the text: `text[start:end]` is how it is written.

    `end_date` equals `start_date` for a single day; `granularity` is "day" or "month"
    ("October 2023" -> 2023-10-01 .. 2023-10-31); `year_stated` is False when the year was
    inferred from the publication date.
    """

    start: int
    end: int
    text: str
    start_date: date
    end_date: date
    granularity: str
    year_stated: bool

    @property
    def is_range(self) -> bool:
        return self.end_date != self.start_date and self.granularity == "day"


@dataclass(frozen=True)
class YearMention:
    """A year the text refers to.

    kind:
    - "year": "in 2024", "the 2024 budget";
    - "fiscal": "FY2024"; "2023-24" and "FY2023-24" go by their first year (2023);
    - "relative": "this year", resolved from the publication date;
    - "since": "since 2016", the start of a multi-year period;
    - "span": "2021-2025", "from 2021 to 2025", "from 2023-24 to 2030-31", a multi-year
      period (`year` its first year, `end_year` its last);
    - "comparison": "up 10% from 2023", "than in 2022", "the same as last year",
      "by 2026": a reference year or a deadline, not the year a figure is for.
    """

    start: int
    end: int
    text: str
    year: int
    kind: str
    end_year: int | None = None


_FULL = [k for k in MONTHS if len(k) > 4 or k in ("May", "MAY", "June", "JUNE", "July", "JULY")]
_ABBR = [k for k in MONTHS if k not in _FULL]
_M = (
    r"(?:(?:" + "|".join(sorted(_FULL, key=len, reverse=True)) + r")"
    r"|(?:" + "|".join(sorted(_ABBR, key=len, reverse=True)) + r")(?![A-Za-z])\.?)"
)
MONTH_NAME = _M  # a month written as a word, full or abbreviated
_MON = r"(?P<{n}>" + _M + r")(?![A-Za-z])"
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d])"
_YEAR = r"(?P<{n}>(?:19|20)\d\d)(?!\d)"
_DASH = r"\s*(?:-|–|—|to|until|till)\s*"
# "March 3 to 11": a worded range's second number is a day only where the sentence goes on
# as after a date (punctuation, a preposition), not "from May 5 to 10 billion" or "to 12%"
_WORD_DASH = r"\s+(?:to|through|until|till)\s+(?=[0-3]?\d(?:st|nd|rd|th)?" + (
    r"(?:\s*$|[,.;:)!?](?!\d)|\s+(?:in|at|on|and|with|this|last|next|of|during|for|under"
    r"|when|where|as|by|the|to|\(|\d{4})\b|\s+\())"
)
# "from Friday 25th to Saturday 26th November": a weekday may name the range's second day
_WEEKDAY_OPT = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"


def _g(template: str, name: str) -> str:
    return template.replace("{n}", name)


_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        # 30 October-2 November [2024] / 30 October 2023 - 2 January 2024
        "dm_dm",
        re.compile(
            r"(?<![\w.])"
            + _g(_DAY, "d1")
            + r"\s+"
            + _g(_MON, "m1")
            + r"(?:,?\s+"
            + _g(_YEAR, "y1")
            + r")?"
            + _DASH
            + _g(_DAY, "d2")
            + r"\s+"
            + _g(_MON, "m2")
            + r"(?:,?\s+"
            + _g(_YEAR, "y2")
            + r")?"
        ),
    ),
    (
        # 3-11 March [2024] / between 3 and 5 March
        "dd_m",
        re.compile(
            r"(?<![\w.])"
            + _g(_DAY, "d1")
            + r"(?:"
            + _DASH
            + r"|(?<=between \d)\s+and\s+|(?<=between \d\d)\s+and\s+)"
            + _WEEKDAY_OPT
            + _g(_DAY, "d2")
            + r"\s+"
            + _g(_MON, "m1")
            + r"(?:,?\s+"
            + _g(_YEAR, "y2")
            + r")?"
        ),
    ),
    (
        # March 30-April 2[, 2024]
        "md_md",
        re.compile(
            r"(?<![\w])"
            + _g(_MON, "m1")
            + r"\s+"
            + _g(_DAY, "d1")
            + _DASH
            + _g(_MON, "m2")
            + r"\s+"
            + _g(_DAY, "d2")
            + r"(?:,?\s+"
            + _g(_YEAR, "y2")
            + r")?"
        ),
    ),
    (
        # March 3-11[, 2024] / from Feb. 22 to 26 / Sept. 16 through 18 in Quito
        "m_dd",
        re.compile(
            r"(?<![\w])"
            + _g(_MON, "m1")
            + r"\s+"
            + _g(_DAY, "d1")
            + r"(?:\s*[-–]\s*|"
            + _WORD_DASH
            + r")"
            + _g(_DAY, "d2")
            + r"(?:,?\s+"
            + _g(_YEAR, "y2")
            + r")?"
        ),
    ),
    (
        # 27 March [2024]
        "dm",
        re.compile(
            r"(?<![\w.])"
            + _g(_DAY, "d1")
            + r"\s+(?:of\s+)?"
            + _g(_MON, "m1")
            + r"(?:,?\s+"
            + _g(_YEAR, "y2")
            + r")?"
        ),
    ),
    (
        # March 27[, 2024] / Mar 6, 2024 / Apr 20th, 2024 / Nov 28(ABC)
        "md",
        re.compile(
            r"(?<![\w])"
            + _g(_MON, "m1")
            + r"\s+"
            + _g(_DAY, "d1")
            + r"(?:,?\s+"
            + _g(_YEAR, "y2")
            + r")?(?![\d,]\d)"
        ),
    ),
    (
        # October 2023
        "my",
        re.compile(r"(?<![\w])" + _g(_MON, "m1") + r",?\s+" + _g(_YEAR, "y2")),
    ),
    (
        # 2024-03-05
        "iso",
        re.compile(r"(?<![\d-])(?P<y2>(?:19|20)\d\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)(?![\d-])"),
    ),
]

# Anchors: every date pattern contains a month name or an ISO date. Patterns are run only
# in small windows around anchors, which is several times faster than running each of
# them over the whole text.
# (Plain literal alternations: the regex engine scans for those fastest.)
_DATE_ANCHOR = re.compile("|".join(k for k in MONTHS if len(k) == 3) + r"|-0|-1")


def _windows(text: str, anchor: re.Pattern[str], before: int, after: int) -> list[tuple[int, int]]:
    """Merged [start, end) stretches around every anchor match."""
    spans: list[tuple[int, int]] = []
    for m in anchor.finditer(text):
        s, e = max(0, m.start() - before), min(len(text), m.end() + after)
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], e))
        else:
            spans.append((s, e))
    return spans


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def _month_no(raw: str) -> int:
    return int(raw) if raw.isdigit() else month_number(raw)


def month_number(name: str) -> int:
    """1-12 for a month name as `MONTH_NAME` matches it ("March", "Sept.", "MAR")."""
    return MONTHS[name.rstrip(".")]


def _resolve(kind: str, m: re.Match[str], published: date | None) -> DateMention | None:
    gd = m.groupdict()
    y1 = int(gd["y1"]) if gd.get("y1") else None
    y2 = int(gd["y2"]) if gd.get("y2") else None
    m1 = _month_no(gd["m1"])
    stated = y2 is not None or y1 is not None
    if kind == "my":
        assert y2 is not None
        return DateMention(
            m.start(), m.end(), m.group(0), date(y2, m1, 1), _month_end(y2, m1), "month", True
        )
    d1 = int(gd["d1"])
    if kind in ("dm", "md", "iso"):
        m2, d2 = m1, d1
    elif kind in ("dd_m", "m_dd"):
        m2, d2 = m1, int(gd["d2"])
        if d2 <= d1:
            return None  # "March 20 to 5": not a range within one month
    else:
        m2, d2 = _month_no(gd["m2"]), int(gd["d2"])
    end_year = y2 if y2 is not None else y1
    if end_year is None:
        if published is None:
            return None
        end_year = infer_year(m2, d2, published)
    start_year = y1 if y1 is not None else (end_year - 1 if (m1, d1) > (m2, d2) else end_year)
    try:
        start_date = date(start_year, m1, d1)
        end_date = date(end_year, m2, d2)
    except ValueError:
        return None
    if end_date < start_date:
        return None
    return DateMention(m.start(), m.end(), m.group(0), start_date, end_date, "day", stated)


def resolve_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date and date range in `text`, in order, years inferred from `published`.

    Ranges are preferred over the single dates inside them; a date whose year cannot be
    known (no year written and no publication date) is left out rather than guessed.
    """
    windows = _windows(text, _DATE_ANCHOR, 24, 40)
    if not windows:
        return []
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pattern in _DATE_PATTERNS:
        for m in (m for ws, we in windows for m in pattern.finditer(text, ws, we)):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mention = _resolve(kind, m, published)
            if mention is None:
                continue
            taken.append((m.start(), m.end()))
            out.append(mention)
    out.sort(key=lambda d: (d.start, d.end))
    return out


def parse_date_range(text: str, published: date | None) -> tuple[date, date] | None:
    """(start, end) of the first date or range written in `text`, e.g. "6-8 November".

    A single date gives (day, day); a month ("October 2023") gives its first and last day.
    """
    found = resolve_dates(text, published)
    if not found:
        return None
    return found[0].start_date, found[0].end_date


def find_years(text: str, published: date | None = None) -> list[YearMention]:
    """Years referred to in `text`, in order; relative years need `published`."""
    windows = _windows(text, YEAR_ANCHOR, 48, 24)
    if not windows:
        return []
    taken: list[tuple[int, int]] = []
    out: list[YearMention] = []

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    for kind, pattern in YEAR_PATTERNS:
        for m in (m for ws, we in windows for m in pattern.finditer(text, ws, we)):
            if not free(m.start(), m.end()):
                continue
            if kind == "year" and PLURAL_AFTER.match(text, m.end()):
                if not YEAR_WORD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                    continue  # a count, not a year
            raw, raw2 = m.group("y"), m.groupdict().get("y2")
            raw = re.sub(r"^\D+", "", raw)
            raw2 = re.sub(r"^\D+", "", raw2) if raw2 else raw2
            year = full_year(raw, published.year if published else None)
            if kind == "fiscal":
                end_year = full_year(raw2, year) if raw2 else None
                if end_year is not None and end_year != year + 1:
                    continue  # "2021-25" is a span handled below, not one fiscal year
                # A fiscal year across two calendar years goes by its first: 2024-25 -> 2024.
                out.append(YearMention(m.start(), m.end(), m.group(0), year, "fiscal"))
            elif kind == "span":
                assert raw2 is not None  # both span patterns capture the last year
                y2 = int(raw2)
                if y2 <= year:
                    continue
                out.append(YearMention(m.start(), m.end(), m.group(0), year, "span", y2))
            else:
                out.append(YearMention(m.start(), m.end(), m.group(0), year, kind))
            taken.append((m.start(), m.end()))
    if published is not None:
        for m in (m for ws, we in windows for m in RELATIVE_YEAR.finditer(text, ws, we)):
            if not free(m.start(), m.end()):
                continue
            rel = re.sub(r"\s+", " ", m.group("rel").lower())
            kind = "comparison" if compares(text, m.start(), rel) else "relative"
            out.append(
                YearMention(
                    m.start(),
                    m.end(),
                    m.group(0),
                    published.year + RELATIVE_OFFSET[rel],
                    kind,
                )
            )
    out.sort(key=lambda y: (y.start, y.end))
    return out
