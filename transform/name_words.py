"""The words of an event's name that tell it apart from others of its kind, and the
numbers among them that tell two editions apart.

Matching compares names by what they identify, never by equal text: "The 7th
China-Sweden Joint Committee on Science and Technology Cooperation" and "the seventh
meeting of their joint committee" share "7th" and "sweden" once generic words ("joint",
"committee", "China") are dropped and ordinal words are read as numerals. An ordinal, a
year or a model number that differs ("6th" vs "7th", "Tianwen-1" vs "Tianwen-2") marks two
different events however many other words agree.

The word lists are named data; the code below only applies them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from transform.acronyms import expansions
from transform.participants import countries_named

__all__ = [
    "dated_words",
    "distinctive_words",
    "markers",
    "markers_clash",
    "one_sided_marker",
    "spelled_out",
]

_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
_STOPWORDS = frozenset(
    "a an and the of for on in at to with between by from under its their as into named called"
    " dubbed".split()
)
_GENERIC = frozenset(
    """
    joint lab labs laboratory laboratories centre center centres centers research international
    cooperation collaboration project projects programme program initiative china chinese sino
    new institute national science sciences technology technologies technological scientific
    innovation meeting meetings session sessions committee commission subcommission forum
    conference workshop symposium annual visit official delegation high-level level exchange
    dialogue bilateral fund funds
    """.split()
)
_TOKEN = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NUMBERED = re.compile(r"\d")


def _ordinal(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


@lru_cache(maxsize=4096)
def _country_compound(token: str) -> bool:
    """Whether a hyphenated word joins countries or regions ("china-sweden", "sino-german",
    "china-asean"), which are separate words for matching."""
    return any(
        countries_named(part.capitalize()) or part.upper() in ("EU", "ASEAN", "BRICS")
        for part in token.split("-")
    )


_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")


@lru_cache(maxsize=16384)
def distinctive_words(name: str | None) -> frozenset[str]:
    """The words of a name or title that tell it apart from others of its kind (cached:
    one name is compared with many)."""
    if not name:
        return frozenset()
    s = unicodedata.normalize("NFKC", name).casefold()
    s = s.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    s = re.sub(r"\bs\s*&\s*t\b", " science technology ", s)
    s = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), s)  # "U.S.-China" is "US-China"
    s = re.sub(r"\b(\d{1,3})%", lambda m: _ordinal(int(m.group(1))), s)
    out = set()
    for token in _TOKEN.findall(s):
        if token.endswith("'s"):
            token = token[:-2]
        # "China-Sweden" is two words (countries); "Queqiao-2", "lithium-ion" stay one
        parts = token.split("-") if "-" in token and _country_compound(token) else [token]
        for tok in parts:
            if tok in _ORDINAL_WORDS:
                tok = _ordinal(_ORDINAL_WORDS[tok])
            if tok and tok not in _STOPWORDS and tok not in _GENERIC:
                out.add(tok)
    return frozenset(out)


@lru_cache(maxsize=16384)
def markers(words: frozenset[str]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(ordinals, years, other number-bearing words: model and mission numbers)."""
    ords = frozenset(t for t in words if _ORDINAL.match(t))
    years = frozenset(t for t in words if _YEAR.match(t))
    numbered = frozenset(
        t for t in words if _NUMBERED.search(t) and t not in ords and t not in years
    )
    return ords, years, numbered


def markers_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both names state an ordinal (or a year, or a number) and share none: two editions
    or two models, however many other words agree."""
    for ma, mb in zip(markers(a), markers(b), strict=True):
        if ma and mb and not (ma & mb):
            return True
    return False


def one_sided_marker(a: str, b: str) -> bool:
    """One name has an ordinal, year or number and the other has none ("7th China-Sweden
    Joint Committee" / "China-Sweden Joint Committee"): the names alone cannot tell."""
    ma, mb = markers(distinctive_words(a)), markers(distinctive_words(b))
    return any(bool(x) != bool(y) for x, y in zip(ma, mb, strict=True))


def spelled_out(a: str, words_a: frozenset[str], b: str, words_b: frozenset[str]) -> frozenset[str]:
    """`words_a` with each acronym of `a` that spells out words of `b` ("ZGC" for
    "Zhongguancun") replaced by those words, so that the two names share them."""
    for acr, spelled in expansions(a, b).items():
        if acr in words_a and acr not in words_b and spelled & words_b:
            words_a = (words_a - {acr}) | (spelled & words_b)
    return words_a


def dated_words(words: frozenset[str]) -> frozenset[str]:
    """The ordinals and years: they say which edition, not which event."""
    ords, years, _ = markers(words)
    return ords | years
