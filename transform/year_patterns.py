"""The year grammar: how the text writes a year, a fiscal year, a span of years, a year
relative to publication, and a year a figure is only compared with.

`dates.find_years` runs these patterns in order, the earlier ones taking their text
first; a new way of writing a year is a pattern here, not a branch there.
"""

from __future__ import annotations

import re

# The anchor: every year pattern contains a year's first digits or a year word, and the
# patterns are run only in small windows around it, several times faster than over the
# whole text. (A plain literal alternation: the regex engine scans for those fastest.)
YEAR_ANCHOR = re.compile(r"19|20|year|Year|YEAR|FY|fiscal|Fiscal|FISCAL")

_FY_TOKEN = r"(?:FY\s?|fiscal\s+(?:year\s+)?)?(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?"
YEAR_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
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
PLURAL_AFTER = re.compile(
    r"\s+(?!(?:was|has|is|this|its|thus|plus|less|across|unless|as|us|whereas|always"
    r"|perhaps|besides)\b)[a-z]{2,}s\b"
)
YEAR_WORD_BEFORE = re.compile(
    r"(?i:\b(?:in|for|of|since|from|to|during|after|before|year|fiscal|FY|budget|between"
    r"|and|until|by|the|early|late|mid|end)\s*|[(\[,–-]\s*)$"
)
RELATIVE_YEAR = re.compile(
    r"(?i)\b(?P<rel>this|last|next|the\s+current|the\s+previous|the\s+past|the\s+coming)\s+year\b"
)
RELATIVE_OFFSET = {
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


def compares(text: str, start: int, rel: str) -> bool:
    """Whether the relative year `rel` at `start` only names a comparison base, read in
    its clause up to it ("up 2% from last year")."""
    if RELATIVE_OFFSET[rel] >= 0:
        return False
    before = text[max(0, start - 60) : start]
    cut = max(before.rfind(", "), before.rfind(";"), before.rfind(". "))
    clause = before[cut + 1 :]
    return bool(_COMPARED_RIGHT_BEFORE.search(clause) or _COMPARED_IN_CLAUSE.search(clause))
