"""Dates, date ranges and years as the reviews and news articles write them.

Monthly reviews say "on 27 March", "from 6-8 November", "30 October-2 November": the year
is only known from the issue's publication date. The rule: a date without a year is put
in the latest year that leaves it at most about two months after publication
(`FUTURE_TOLERANCE_DAYS`): a date more than two months after publication belongs to the
previous year (a January issue's "20 December" is the December just gone), and a date
just after a year-end publication to the next (a late-December "5 January"). Events
announced ahead ("will be held on 5 March") are rarely more than two months ahead in this
material, and when they are the rule errs towards the past; that is the known trade-off.

`find_years` reads bare years, fiscal years and relative years ("this year") for facts
that attach to a year rather than a day (budgets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "MONTH_NAME",
    "DateMention",
    "YearMention",
    "FUTURE_TOLERANCE_DAYS",
    "find_years",
    "infer_year",
    "month_number",
    "parse_date_range",
    "resolve_dates",
]

FUTURE_TOLERANCE_DAYS = 62


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


_MONTHS: dict[str, int] = {}
for _i, _name in enumerate(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    start=1,
):
    _MONTHS[_name] = _i
    _MONTHS[_name.upper()] = _i
    if _name != "May":
        _MONTHS[_name[:3]] = _i
        _MONTHS[_name[:3].upper()] = _i
_MONTHS["Sept"] = 9
_MONTHS["SEPT"] = 9

_FULL = [k for k in _MONTHS if len(k) > 4 or k in ("May", "MAY", "June", "JUNE", "July", "JULY")]
_ABBR = [k for k in _MONTHS if k not in _FULL]
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
_DATE_ANCHOR = re.compile("|".join(k for k in _MONTHS if len(k) == 3) + r"|-0|-1")
_YEAR_ANCHOR = re.compile(r"19|20|year|Year|YEAR|FY|fiscal|Fiscal|FISCAL")


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


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def _month_no(raw: str) -> int:
    return int(raw) if raw.isdigit() else month_number(raw)


def month_number(name: str) -> int:
    """1-12 for a month name as `MONTH_NAME` matches it ("March", "Sept.", "MAR")."""
    return _MONTHS[name.rstrip(".")]


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


# ---------------------------------------------------------------------------------------
# Years

_FY_TOKEN = r"(?:FY\s?|fiscal\s+(?:year\s+)?)?(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?"
_YEAR_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        # from 2023-24 to 2030-31 / from FY2021 to FY2025: a multi-year period
        "span",
        re.compile(
            r"(?i:\bfrom\s+|\bbetween\s+)(?P<y>(?i:FY\s?|fiscal\s+(?:year\s+)?)?(?:19|20)\d\d)"
            r"(?:\s*[-–/]\s*(?:19|20)?\d\d)?\s+(?i:to|and|through|until|till)\s+"
            r"(?P<y2>(?i:FY\s?|fiscal\s+(?:year\s+)?)?(?:19|20)\d\d)(?:\s*[-–/]\s*(?:19|20)?\d\d)?"
            r"(?!\d)"
        ),
    ),
    (
        "fiscal",
        re.compile(
            r"(?i:\bFY\s?|\bfiscal\s+(?:year\s+)?|\bfinancial\s+year\s+)"
            r"(?P<y>(?:19|20)?\d\d)(?:\s*[-–/]\s*(?P<y2>(?:19|20)?\d\d))?(?!\d)"
        ),
    ),
    (
        # 2023-24 (a fiscal year named by its two calendar years)
        "fiscal",
        re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)\s*[-–/]\s*(?P<y2>\d\d)(?![\d-])"),
    ),
    (
        "span",
        re.compile(
            r"(?i:\bfrom\s+|\bbetween\s+)?(?<![\d-])(?P<y>(?:19|20)\d\d)"
            r"(?:\s*[-–]\s*|\s+(?i:to|and|through|until)\s+)(?P<y2>(?:19|20)\d\d)(?![\d-])"
        ),
    ),
    (
        "since",
        re.compile(
            r"(?i:\bsince\s+(?:the\s+(?:start|end|beginning)\s+of\s+)?)(?P<y>(?:19|20)\d\d)(?!\d)"
        ),
    ),
    (
        "comparison",
        re.compile(
            r"(?i:\b(?:than|compared\s+(?:with|to)|from|over|versus|vs\.?|against)"
            r"(?:\s+(?:in|the|that\s+of|levels?\s+of))?\s+)(?P<y>(?:19|20)\d\d)(?!\d)"
        ),
    ),
    (
        # "by 2026", "until 2030": a deadline, not the year a figure is for.
        "comparison",
        re.compile(
            r"(?i:\b(?:by|until|till|through|before)\s+(?:the\s+end\s+of\s+)?)"
            r"(?P<y>(?:19|20)\d\d)(?![\d-])"
        ),
    ),
    ("year", re.compile(r"(?<![\w.,$€£¥-])(?P<y>(?:19|20)\d\d)(?![\d%])")),
]
# A bare number followed by a plural noun is a count ("trained 2000 scientists"), unless a
# word that introduces years comes first ("for 2024 amounts to", "in 2023 rose").
_PLURAL_AFTER = re.compile(
    r"\s+(?!(?:was|has|is|this|its|thus|plus|less|across|unless|as|us|whereas|always"
    r"|perhaps|besides)\b)[a-z]{2,}s\b"
)
_YEAR_WORD_BEFORE = re.compile(
    r"(?i:\b(?:in|for|of|since|from|to|during|after|before|year|fiscal|FY|budget|between"
    r"|and|until|by|the|early|late|mid|end)\s*|[(\[,–-]\s*)$"
)
_RELATIVE = re.compile(
    r"(?i)\b(?P<rel>this|last|next|the\s+current|the\s+previous|the\s+past|the\s+coming)\s+year\b"
)
_RELATIVE_OFFSET = {
    "this": 0,
    "the current": 0,
    "last": -1,
    "the previous": -1,
    "the past": -1,
    "next": 1,
    "the coming": 1,
}


# "up 2% from last year", "the same as last year", "faster than the 7.1 per cent increase
# last year", "matching last year's rate": the year a figure is compared with, not the year
# it is for. Only past years ("last year", "the previous year") are read this way: "this
# year" and "next year" next to such words still name the figure's own year far more often.
_COMPARED_RIGHT_BEFORE = re.compile(
    r"\b(?:as|from|over|since|versus|vs\.?|against|than|with|to)\s+(?:that\s+of\s+|in\s+)?$",
    re.IGNORECASE,
)
_COMPARED_IN_CLAUSE = re.compile(
    r"\bthan\b(?!\s+(?:about\s+|nearly\s+|some\s+|around\s+)?[\d$€£¥₹])"
    r"|\bcompared\s+(?:with|to)\b|\bmatching\b|\bsimilar\s+to\b|\bunchanged\s+from\b",
    re.IGNORECASE,
)


def _compares(text: str, start: int, rel: str) -> bool:
    if _RELATIVE_OFFSET[rel] >= 0:
        return False
    before = text[max(0, start - 60) : start]
    cut = max(before.rfind(", "), before.rfind(";"), before.rfind(". "))
    clause = before[cut + 1 :]
    return bool(_COMPARED_RIGHT_BEFORE.search(clause) or _COMPARED_IN_CLAUSE.search(clause))


def _full_year(raw: str, reference: int | None = None) -> int:
    if len(raw) == 4:
        return int(raw)
    base = (reference // 100) * 100 if reference is not None else 2000
    return base + int(raw)


def find_years(text: str, published: date | None = None) -> list[YearMention]:
    """Years referred to in `text`, in order; relative years need `published`."""
    windows = _windows(text, _YEAR_ANCHOR, 48, 24)
    if not windows:
        return []
    taken: list[tuple[int, int]] = []
    out: list[YearMention] = []

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    for kind, pattern in _YEAR_PATTERNS:
        for m in (m for ws, we in windows for m in pattern.finditer(text, ws, we)):
            if not free(m.start(), m.end()):
                continue
            if kind == "year" and _PLURAL_AFTER.match(text, m.end()):
                if not _YEAR_WORD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                    continue  # a count, not a year
            raw, raw2 = m.group("y"), m.groupdict().get("y2")
            raw = re.sub(r"^\D+", "", raw)
            raw2 = re.sub(r"^\D+", "", raw2) if raw2 else raw2
            year = _full_year(raw, published.year if published else None)
            if kind == "fiscal":
                end_year = _full_year(raw2, year) if raw2 else None
                if end_year is not None and end_year != year + 1:
                    continue  # "2021-25" is a span handled below, not one fiscal year
                # A fiscal year across two calendar years goes by its first: 2024-25 -> 2024.
                out.append(YearMention(m.start(), m.end(), m.group(0), year, "fiscal"))
            elif kind == "span":
                y2 = int(raw2)
                if y2 <= year:
                    continue
                out.append(YearMention(m.start(), m.end(), m.group(0), year, "span", y2))
            else:
                out.append(YearMention(m.start(), m.end(), m.group(0), year, kind))
            taken.append((m.start(), m.end()))
    if published is not None:
        for m in (m for ws, we in windows for m in _RELATIVE.finditer(text, ws, we)):
            if not free(m.start(), m.end()):
                continue
            rel = re.sub(r"\s+", " ", m.group("rel").lower())
            kind = "comparison" if _compares(text, m.start(), rel) else "relative"
            out.append(
                YearMention(
                    m.start(),
                    m.end(),
                    m.group(0),
                    published.year + _RELATIVE_OFFSET[rel],
                    kind,
                )
            )
    out.sort(key=lambda y: (y.start, y.end))
    return out
