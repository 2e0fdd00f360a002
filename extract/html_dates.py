"""Calendar dates written in text, attributes and URLs, as the publisher wrote them.

Kept instead of trafilatura's metadata (htmldate) for two reasons measured on the tests in
`tests/extract/test_html_*.py`: htmldate takes the date bar above a headline ("Sat. Apr
20th, 2024", today's date, not the article's) and misses "2024年3月6日"; and with its
extensive search it costs about twice the main-text extraction itself. These functions
only read strings; `extract.html_meta` decides which strings on a page to read.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

__all__ = ["date_from_url", "find_date_in_text", "is_date_line", "parse_date_value"]

_MONTHS_RE = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH_NUM = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
# Unambiguous orders only: "03/05/2024" is March or May depending on the country.
_DATE_PATTERNS = [
    re.compile(
        rf"\b(?P<mon>{_MONTHS_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
        re.I,
    ),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTHS_RE})\.?,?\s+(?P<year>\d{{4}})\b",
        re.I,
    ),
    re.compile(
        r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"
    ),
    re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
]
# What may stand beside a date on a line that is only a date ("Updated: 5 March 2024, 09:00").
_DATE_RESIDUE = re.compile(
    rf"""(?ix)
    (?:{_MONTHS_RE})\.?|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?
    |\b(?:updated|update|published|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc
       |bjt|cst|est|edt|ist|time|date|st|nd|rd|th)\b
    |(?:source|来源)\s*[:：]\s*\S+|发布时间|发布日期|更新时间|时间|日期|[年月日]
    |\d+|[^\w\s]
    """
)
# Date-shaped URL paths of news sites and Chinese government portals (".../t20240305_123.html").
_URL_DATES = [
    re.compile(p)
    for p in (
        r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)",
        r"/((?:19|20)\d{2})-(\d{2})-(\d{2})(?:/|$|[-_])",
        r"/((?:19|20)\d{2})(\d{2})/(\d{2})/",
        r"/((?:19|20)\d{2})(\d{2})(\d{2})/",
        r"/t((?:19|20)\d{2})(\d{2})(\d{2})_",
    )
]


def _make_date(year: int, month: int, day: int) -> date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _date_from_match(m: re.Match[str]) -> date | None:
    groups = m.groupdict()
    if groups.get("mon"):
        month = _MONTH_NUM[groups["mon"][:3].lower()]
        return _make_date(int(groups["year"]), month, int(groups["day"]))
    return _make_date(int(groups["year"]), int(groups["m"]), int(groups["d"]))


def find_date_in_text(text: str) -> date | None:
    """The first calendar date written out in `text` ("Mar 6, 2024", "5 March 2024",
    "2024-03-05", "2024年3月5日"); numeric day/month orders that are ambiguous are ignored."""
    found: list[tuple[int, date]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            d = _date_from_match(m)
            if d:
                found.append((m.start(), d))
                break
    return min(found)[1] if found else None


def parse_date_value(value: str) -> date | None:
    """A machine-written date (ISO 8601, RFC 822, compact, epoch) or failing that a textual one.

    The date is the one the publisher wrote, in the publisher's own offset: converting
    "2024-03-06T00:00:00+08:00" to UTC would move the article to the day before.
    """
    value = value.strip()
    if not value:
        return None
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)", value)
    if iso:
        return _make_date(*map(int, iso.groups()))
    compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:T?\d{4,6}Z?)?", value)
    if compact:
        return _make_date(*map(int, compact.groups()))
    if re.fullmatch(r"\d{10}(\d{3})?", value):
        seconds = int(value) / (1000 if len(value) == 13 else 1)
        return datetime.fromtimestamp(seconds, tz=UTC).date()
    if re.match(r"[A-Za-z]{3},\s", value):
        try:
            return parsedate_to_datetime(value).date()
        except (TypeError, ValueError, IndexError):
            pass
    return find_date_in_text(value)


def is_date_line(text: str) -> bool:
    """A short line that is a date and nothing else worth keeping (a date bar, a dateline)."""
    if len(text) > 80 or find_date_in_text(text) is None:
        return False
    residue = _DATE_RESIDUE.sub(" ", text)
    return len(re.sub(r"[\W\d_]+", "", residue)) <= 3


def date_from_url(url: str | None) -> date | None:
    """The date in a URL path like `/2024/03/07/slug/` or `/t20240307_1.html`, if any."""
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _URL_DATES:
        m = pattern.search(path)
        if m:
            d = _make_date(*map(int, m.groups()))
            if d:
                return d
    return None
