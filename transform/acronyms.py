"""Short capitalised names that abbreviate words another name spells out.

A page names one meeting or project twice: "the 2021 Zhongguancun Forum" and "the 2021 ZGC
Forum", "the China International Import Expo" and "the CIIE". Matching by shared words sees
nothing in common, so an all-capital word is read as the initials of a run of the other
name's words, where a word may give more than its first letter (a Chinese name's syllables:
Zhong-guan-cun gives Z, G, C). Only words of three to six capitals count: "EU" or "AI" are
too short to tell anything apart.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
_WORD = re.compile(r"[a-z0-9]+")
# words an acronym may skip ("Forum on China-Africa Cooperation" is FOCAC, not FOCACC)
_SKIPPED = frozenset({"of", "and", "the", "on", "for", "in", "de", "&"})


def _spells(acr: str, words: tuple[str, ...]) -> int:
    """How many of `words` (from the first) `acr` abbreviates, 0 when it does not: each
    word gives its first letter and maybe later letters of its own, in order."""

    @cache
    def go(i: int, w: int) -> int:
        if i == len(acr):
            return w
        if w >= len(words):
            return 0
        word = words[w]
        if word in _SKIPPED and word[0] != acr[i]:
            return go(i, w + 1)
        if word[0] != acr[i]:
            return 0
        # take the first letter, then perhaps more of this word's letters, in order
        best = go(i + 1, w + 1)
        j, pos = i + 1, 1
        while j < len(acr) and not best:
            pos = word.find(acr[j], pos)
            if pos < 0:
                break
            pos += 1
            j += 1
            best = go(j, w + 1)
        return best

    return go(0, 0)


@lru_cache(maxsize=8192)
def expansions(short_name: str, long_name: str) -> dict[str, frozenset[str]]:
    """Each acronym of `short_name` (casefolded) -> the words of `long_name` it abbreviates,
    for the acronyms that abbreviate a run of `long_name`'s words and are not themselves a
    word of it."""
    words = tuple(_WORD.findall(long_name.casefold()))
    out: dict[str, frozenset[str]] = {}
    for m in _ACRONYM.finditer(short_name):
        acr = m.group(0).casefold()
        if acr in words:
            continue
        for start in range(len(words)):
            n = _spells(acr, words[start:])
            if n:
                spelled = frozenset(words[start : start + n]) - _SKIPPED
                # one long word spelled by its letters alone must be long enough to hold
                # them as syllables ("zhongguancun" for ZGC, never "ice" for "ICE")
                if len(spelled) > 1 or len(next(iter(spelled))) >= 2 * len(acr):
                    out[acr] = spelled
                break
    return out


# Head words that end an organisation's English name.
_ORG_HEAD = (
    r"Fund|Foundation|Agency|Council|Commission|Centre|Center|Institute|Academy|Society"
    r"|Administration|Bureau|Office|Authority|Ministry|Department"
)
# A capitalised name ending in such a head, right before the bracket: "The Science and
# Technology Development Fund (FDCT)".
_NAMED_BEFORE = re.compile(
    r"(?:^|(?<=\s))((?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|on|&)\s+)?){1,7}?(?:" + _ORG_HEAD + r"))$"
)


def translated_long_form(acr: str, head: str) -> str | None:
    """The organisation an acronym in another language stands for, or None.

    A page names a Macau, French or German body by its English name and its own
    language's acronym ("Development Fund (FDCT)", "National Centre for Scientific Research
    (CNRS)"): the letters do not spell the English words, yet the name right before the
    bracket, capitalised and ending in an organisation's head word, is what it stands for.
    Only all-capital acronyms of three to six letters count.
    """
    if not re.fullmatch(r"[A-Z]{3,6}", acr):
        return None
    m = _NAMED_BEFORE.search(head.rstrip(" ,"))
    if m is None:
        return None
    return re.sub(r"^The\s+", "", m.group(1))


# a run of capitalised words ("UK-China Science Bridge Concrete Centre"), hyphenated pairs too
_CAPITAL_RUN = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+(?:(?:of|and|for|on|&)[ \t]+)?[A-Z][\w'’-]*)*")


def spelled_out(acr: str, text: str) -> str | None:
    """The capitalised name in `text` whose last words `acr` spells ("SBCC" in "UK-China
    Science Bridge Concrete Centre"), with a hyphenated pair of partners right before them,
    or None. A page may write the long form only in a heading and use the acronym after."""
    if not re.fullmatch(r"[A-Z]{3,6}", acr):
        return None
    key = acr.casefold()
    for m in _CAPITAL_RUN.finditer(text):
        tokens = m.group(0).split()
        for start in range(len(tokens)):
            words = tuple(_WORD.findall(" ".join(tokens[start:]).casefold()))
            if key in words or _spells(key, words) != len(words):
                continue
            if start > 0 and "-" in tokens[start - 1]:
                start -= 1  # "UK-China" before "Science Bridge Concrete Centre"
            return " ".join(tokens[start:])
    return None
