"""How a document's own acronym definitions are read, and what a defined name stands for.

A document that writes "Xinjiang Institute of Ecology and Geography (XIEG)" tells us more
than the curated list can, so its definitions are trusted inside that document. The bracket
pattern and the Schwartz-Hearst long-form rule decide which words an acronym spells; the
head-word vocabularies decide whether that long form names an organisation at all ("quantum
key distribution (QKD)" does not) and, when it does, what kind of organisation, since an
organisation the curated list lacks still needs a kind for the budget and project rules.
`organisations.learn_acronyms` and `organisations.find_organisations` apply them.
"""

from __future__ import annotations

import re

__all__ = ["DEFINITION", "WORD", "best_long_form", "guess_kind", "is_org_like"]

# "(ACRONYM)" right after the words it abbreviates.
DEFINITION = re.compile(r"\(\s*(?P<acr>[A-Z][A-Za-z&.\-]{1,11})\s*\)")
WORD = re.compile(r"\S+")


def best_long_form(short: str, long: str) -> str | None:
    """Schwartz & Hearst (2003): the shortest tail of `long` that spells `short`."""
    s_idx = len(short) - 1
    l_idx = len(long) - 1
    while s_idx >= 0:
        c = short[s_idx].lower()
        if not c.isalnum():
            s_idx -= 1
            continue
        while (l_idx >= 0 and long[l_idx].lower() != c) or (
            s_idx == 0 and l_idx > 0 and long[l_idx - 1].isalnum()
        ):
            l_idx -= 1
        if l_idx < 0:
            return None
        l_idx -= 1
        s_idx -= 1
    start = max(long.rfind(" ", 0, l_idx + 1) + 1, 0)
    return long[start:]


# The kind of an organisation a document defines, from its head word.
_KIND_BY_WORD: tuple[tuple[frozenset[str], str], ...] = (
    (
        frozenset(
            {
                "ministry",
                "department",
                "commission",
                "administration",
                "bureau",
                "office",
                "directorate",
                "cabinet",
                "government",
                "council",
            }
        ),
        "government",
    ),
    (frozenset({"agency", "authority"}), "agency"),
    (frozenset({"foundation", "fund"}), "funder"),
    (frozenset({"academy", "academies", "society"}), "academy"),
    (frozenset({"university", "universities", "college", "school"}), "university"),
    (
        frozenset(
            {
                "institute",
                "institutes",
                "institution",
                "centre",
                "center",
                "laboratory",
                "laboratories",
                "lab",
                "observatory",
                "station",
                "hospital",
            }
        ),
        "institute",
    ),
    (frozenset({"company", "corporation", "group", "bank"}), "company"),
    (frozenset({"programme", "program", "partnership", "initiative"}), "programme"),
)


def guess_kind(long: str) -> str | None:
    """The kind a defined organisation's name suggests; the last head word decides."""
    words = [w.lower().strip(",.") for w in long.replace("-", " ").split()]
    for w in reversed(words):
        for vocabulary, kind in _KIND_BY_WORD:
            if w in vocabulary:
                return kind
    return None


# Head words that make a defined long form the name of an organisation.
_ORG_WORDS = frozenset(
    """
    institute institutes institution university universities academy academies ministry
    centre center council foundation society administration authority agency commission
    committee conference congress organisation organization association laboratory
    laboratories lab bank fund office department bureau corporation company group union
    partnership programme program observatory federation board service network school
    college directorate party forum alliance consortium agency station hospital
    """.split()
)


def is_org_like(long: str) -> bool:
    """Whether a defined long form names an organisation: capitalised, with a head word.

    Documents define acronyms for techniques and programmes of study too ("quantum key
    distribution (QKD)"); only an organisation's definition may become a mention.
    """
    words = long.replace("-", " ").split()
    if not words or not words[0][0].isupper():
        return False
    return any(w.lower().strip(",.") in _ORG_WORDS for w in words)
