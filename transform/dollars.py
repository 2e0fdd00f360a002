"""Whose dollar a bare "$" is on a page: the US dollar, or the local dollar of the dollar
country (Hong Kong, Australia, ...) the page is about.

Read once per document by both the budget and the project extractors, so that a Hong Kong
budget speech's "$3 billion" is HKD whether it is read as a budget or as a project's funding.
"""

from __future__ import annotations

import re
from collections import Counter

from transform.money import LOCAL_DOLLARS

# A "$" that no letters qualify ("US$", "HK$", "A$" do): whose dollar it is depends on the page.
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z$])\$\s?[0-9]")
# How the dollar countries (and the US) are named: counted to decide whose "$" it is.
_DOLLAR_COUNTRY_NAMES: dict[str, re.Pattern[str]] = {
    "AUS": re.compile(r"\bAustralia(?:n|ns)?\b"),
    "NZL": re.compile(r"\bNew\s+Zealand(?:er|ers)?\b"),
    "CAN": re.compile(r"\bCanad(?:a|ian|ians)\b"),
    "SGP": re.compile(r"\bSingapor(?:e|ean|eans)\b"),
    "HKG": re.compile(r"\bHong\s+Kong\b|\bHKSAR\b"),
    "TWN": re.compile(r"\bTaiwan(?:ese)?\b"),
    "USA": re.compile(r"\bUnited\s+States\b|\bU\.S\.|\bUS\b|\bAmerican?s?\b"),
}
# One combined scan over the names above (a group per country), run only on pages that
# name one of the dollar countries at all.
_DOLLAR_NAMES = re.compile(
    "|".join(f"(?P<{iso3}>{p.pattern})" for iso3, p in _DOLLAR_COUNTRY_NAMES.items())
)
_DOLLAR_HINT = re.compile(r"Australia|Zealand|Canad|Singapor|Hong\s+Kong|HKSAR|Taiwan")
# How often a dollar country must be named, and more often than the US, to own the "$".
_LOCAL_DOLLAR_MIN_MENTIONS = 3
# A government's own budget text (a budget speech, a finance minister or secretary, a
# legislature's finance committee) counts its money in its own dollar: one mention of the
# country is then enough for the "$" to be the local one.
_OWN_BUDGET_CUE = re.compile(
    r"\bBudget\s+Speech\b|\bFinancial\s+Secretary\b|\bLegislative\s+Council\b|\bLegCo\b"
    r"|\bTreasurer\b|\bFinance\s+Minister\b|\bMinister\s+(?:of|for)\s+Finance\b"
)
# A local dollar written out in full elsewhere on the page ("HK$50 million") and no "US$":
# the page's bare "$" is that dollar too.
_LOCAL_DOLLAR_SIGNS: dict[str, re.Pattern[str]] = {
    "HKG": re.compile(r"\bHK\$"),
    "AUS": re.compile(r"\bA(?:U)?\$"),
    "NZL": re.compile(r"\bNZ\$"),
    "CAN": re.compile(r"\bC(?:A)?\$"),
    "SGP": re.compile(r"\bS(?:G)?\$"),
    "TWN": re.compile(r"\bNT\$"),
}
_US_DOLLAR_SIGN = re.compile(r"\bUS\$|\bU\.S\.\s?\$|\bUSD\b")


def document_dollar(text: str) -> str:
    """The currency a bare "$" stands for in `text`: the local dollar of the page's country.

    A page that names a dollar country (Australia, Hong Kong, ...) more often than the
    United States writes its own dollar as "$" when it names it at least three times, is
    that government's own budget text (a budget speech, a Financial Secretary) or writes
    the local dollar out elsewhere ("HK$") and never "US$"; otherwise "$" is USD. (A
    bracketed "$" after another currency is a USD conversion either way: see
    `money.parse_amounts`.)
    """
    if not _BARE_DOLLAR.search(text):
        return "USD"
    if not _DOLLAR_HINT.search(text):
        return "USD"
    counts = Counter(m.lastgroup for m in _DOLLAR_NAMES.finditer(text))
    local = [c for c in counts if c in LOCAL_DOLLARS and counts[c]]
    if not local:
        return "USD"
    best = max(local, key=lambda c: counts[c])
    if counts[best] <= counts.get("USA", 0):
        return "USD"
    if counts[best] >= _LOCAL_DOLLAR_MIN_MENTIONS or _OWN_BUDGET_CUE.search(text):
        return LOCAL_DOLLARS[best]
    if _LOCAL_DOLLAR_SIGNS[best].search(text) and not _US_DOLLAR_SIGN.search(text):
        return LOCAL_DOLLARS[best]
    return "USD"
