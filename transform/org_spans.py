"""How far an organisation's name runs in a sentence, which curated organisation it is,
and which country it belongs to.

- Organisation-shaped phrases are read from a head word ("University", "Institute",
  "Academy", "Ministry"...) with the capitalised words before it and its "of/for/on ..."
  complements after it ("Kyrgyz National Academy of Sciences", "Institute of Physics of
  the Chinese Academy of Sciences", "Serbian Ministry of Education, Science and
  Technological Development"), each looked up in the curated list
  (`reference/organisations.csv`: canonical name, country). Curated names without a head
  word ("BRICS", "Horizon Europe") are found by their first words. The full phrase wins
  where a curated name is only a part of it ("Institute of Automation of the Chinese
  Academy of Sciences" is not the Academy).
- An organisation's country is the curated one; else the country, adjective, city or
  region its own name carries ("Tajik Academy of Sciences" -> TJK, "University of
  Belgrade" -> SRB); else a qualifier right before or after it ("France's National Centre
  for Space Studies", "Higher Education Commission (HEC) of Pakistan"); else the parent it
  belongs to ("Institute of Automation of the Chinese Academy of Sciences" -> CHN); else
  unknown. Groupings (the EU, the African Union, ESA) have no country.

`participants.find_orgs` and `participants.org_country` put these together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transform.countries import find_countries
from transform.organisations import CuratedOrg, curated_organisations
from transform.participant_words import FUNCTION_CAPS, LIST_NAME_HEADS, ORG_HEADS, ROLE_WORDS
from transform.person_names import is_name_token
from transform.places import country_of_name
from transform.scanning import is_word_char

ORG_HEAD_RE = re.compile(r"\b(?:" + "|".join(sorted(ORG_HEADS, key=len, reverse=True)) + r")\b")
# The same without the leading "\b": a pattern that starts with a choice of literals lets
# the regex engine skip to the letters that can start one, instead of trying every head
# at every position (twice as fast); `bounded_matches` checks the left boundary.
HEAD_SCAN = re.compile(r"(?:" + "|".join(sorted(ORG_HEADS, key=len, reverse=True)) + r")\b")
# Head words as they appear among a sentence's words (a cheap gate before the regex).
HEADS_PLAIN = frozenset(ORG_HEADS)
# Punctuation stripped from a sentence's words before they are looked up.
STRIP = ".,;:()“”\"'‘’!?"
_ACRONYM_AFTER = re.compile(r"\s*\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)")
_COMPLEMENT = re.compile(
    r"\s+(?:of|for|on|de|of\s+the|for\s+the|on\s+the|de\s+la|du)\s+"
    r"(?:(?:[A-Z][\w&'’-]*(?:'s|’s)?)(?:\s+|(?=[,.;:)]|$)))+"
)
_AND_CAPS = re.compile(r"\s+(?:and|&)\s+(?:[A-Z][\w&'’-]*)(?:\s+[A-Z][\w&'’-]*)*")
_COMMA_FIELDS = re.compile(
    r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})+\s+and\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}"
)
_LEFT_STOP = frozenset(FUNCTION_CAPS - {"National", "International", "Joint", "Global", "Open"})
_LEFT_WORD = re.compile(r"([A-Z][\w&'’.-]*)\s+$")
_WELL_KNOWN_SHORT = frozenset({"EU", "UN"})
_KEY_TOKEN = re.compile(r"\w+|&")


@lru_cache(maxsize=8192)
def _names_country(text: str) -> bool:
    """Whether a short phrase names a country (cached: phrases recur across documents)."""
    return bool(find_countries(text))


def _key(form: str) -> str:
    """Matching key of a name: case and punctuation ignored ("People's" = "People’s")."""
    return " ".join(t.lower() for t in _KEY_TOKEN.findall(form))


@dataclass(frozen=True)
class CuratedIndex:
    """The curated list arranged for the three readings of `participants.find_orgs`."""

    by_key: dict[str, CuratedOrg]
    acronyms: dict[str, CuratedOrg]
    # curated names without an organisation head word, by first word (longest first)
    extra: dict[str, tuple[str, ...]]
    extra_first: frozenset[str]  # their first words, to skip sentences naming none


@lru_cache(maxsize=1)
def curated_index() -> CuratedIndex:
    by_key: dict[str, CuratedOrg] = {}
    acr: dict[str, list[CuratedOrg]] = {}
    extra: list[str] = []
    for org in curated_organisations():
        for form in (org.name, *org.aliases):
            if form.isupper() and " " not in form and len(form) <= 8:
                acr.setdefault(form, []).append(org)
                continue
            by_key.setdefault(_key(form), org)
            head = ORG_HEAD_RE.search(form)
            if (
                head is None
                or (head.start() == 0 and " " in form and not _COMPLEMENT.match(form, head.end()))
                or re.search(r"\b[a-z]", form[: head.start()])
            ):
                # no head word, or one the head-word reading cannot reach the name's start
                # or end from ("Centre National de la Recherche Scientifique", "Climate
                # Science for Service Partnership China")
                extra.append(form)
        if org.acronym:
            if " " in org.acronym:
                extra.append(org.acronym)
                by_key.setdefault(_key(org.acronym), org)
            else:
                acr.setdefault(org.acronym, []).append(org)
    acronyms = {
        k: v[0]
        for k, v in acr.items()
        if len({o.name for o in v}) == 1 and (len(k) >= 3 or k in _WELL_KNOWN_SHORT)
    }
    by_first: dict[str, list[str]] = {}
    for form in sorted(set(extra), key=len, reverse=True):
        by_first.setdefault(form.split()[0].strip(STRIP), []).append(form)
    forms = {k: tuple(v) for k, v in by_first.items()}
    return CuratedIndex(by_key, acronyms, forms, frozenset(forms))


@lru_cache(maxsize=8192)
def lookup_curated(name: str) -> tuple[CuratedOrg, bool] | None:
    """The curated organisation a written name stands for, and whether the name had a
    qualifier in front ("Chinese Ministry of Finance" -> Ministry of Finance, True)."""
    idx = curated_index()
    key = _key(name)
    hit = idx.by_key.get(key)
    if hit is not None:
        return hit, False
    words = key.split()
    for i in range(1, min(3, len(words) - 1)):
        hit = idx.by_key.get(" ".join(words[i:]))
        if hit is not None:
            return hit, True
    return None


def extend_left(text: str, head_start: int, floor: int) -> int:
    """Capitalised words before an organisation's head word ("Kyrgyz National Academy")."""
    start = head_start
    while start > floor:
        m = _LEFT_WORD.search(text, max(floor, start - 40), start)
        if not m or m.end() != start:
            break
        word = m.group(1)
        if word in _LEFT_STOP or word.lower() in ROLE_WORDS or word.endswith(("'s", "’s")):
            break
        start = m.start()
    return start


def extend_right(text: str, end: int, ceiling: int, head: str, stops: list[int]) -> int:
    """Complements after the head: "(XIEG)", " of the Chinese Academy of Sciences",
    " for Climate Change and Services", ", Science and Technological Development"."""
    while end < ceiling:
        m = _ACRONYM_AFTER.match(text, end)
        if m:
            end = m.end()
            continue
        m = _COMPLEMENT.match(text, end)
        if m and m.end() <= ceiling:
            end = end + len(text[end : m.end()].rstrip())
            continue
        if head in LIST_NAME_HEADS:
            m = _COMMA_FIELDS.match(text, end)
            if (
                m
                and m.end() <= ceiling
                and not _names_country(m.group(0))
                and not ORG_HEAD_RE.search(m.group(0))
                and not any(end < s < m.end() for s in stops)
            ):
                end = m.end()
                continue
        m = _AND_CAPS.match(text, end)
        if m and m.end() <= ceiling:
            chunk = text[m.start() : m.end()]
            words = chunk.split()[1:]
            person_next = any(end < s <= m.end() for s in stops) or (
                len(words) >= 2 and all(is_name_token(w) for w in words)
            )
            if (
                not person_next
                and not ORG_HEAD_RE.search(chunk)
                and not any(w.isupper() and len(w) > 1 for w in words)
                and not _names_country(chunk)
                and len(words) <= 3
            ):
                end = m.end()
                continue
        break
    return end


def qualifier(text: str, start: int, end: int) -> str | None:
    """A country written right before ("France's", "Chinese") or after ("(HEC) of
    Pakistan") an organisation's name."""
    before = text[max(0, start - 30) : start]
    q = re.search(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:'s|’s)\s+$", before)
    if q:
        found = find_countries(q.group(1))
        if found:
            return found[-1].iso3
    after = re.match(
        r"\s*(?:\([^)]*\)\s*)?(?:of|in)\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)",
        text[end : end + 60],
    )
    if after:
        found = find_countries(after.group(1))
        if found and found[0].start == 0:
            return found[0].iso3
    return None


@lru_cache(maxsize=4096)
def own_country(name: str) -> tuple[str | None, str | None]:
    """(country of the name's own part, country of its parent) for "X of the Y"."""
    own, _, parent = name.partition(" of ")
    own_c = country_of_name(own)
    if own_c is None:
        hit = lookup_curated(own)
        if hit is not None and not hit[0].generic:
            own_c = hit[0].country
    parent_c = None
    if parent:
        parent_c = country_of_name(parent)
        if parent_c is None:
            for i, piece in enumerate(parent.split(" of ")):
                hit = lookup_curated(re.sub(r"^the\s+", "", piece))
                if hit is not None and hit[0].country:
                    parent_c = hit[0].country
                    break
                del i
    return own_c, parent_c


def extra_names(
    text: str, start: int, end: int, words: set[str], forms: dict[str, tuple[str, ...]]
) -> list[tuple[int, int]]:
    """Spans of the curated names without a head word in `text[start:end]`, longest at each
    place, non-overlapping, in order: what one regex alternation of every such name (with
    `(?<![\w-])` and `(?![\w-])` around it) finds, but found by `str.find` from the first
    words the sentence holds. Trying hundreds of names at every capital letter cost more
    than the rest of the organisation reading."""
    found: list[tuple[int, int]] = []
    for first in words.intersection(forms):
        for form in forms[first]:
            p = text.find(form, start, end)
            while p != -1:
                e = p + len(form)
                left_ok = p == 0 or not (is_word_char(text[p - 1]) or text[p - 1] == "-")
                right_ok = e == end or not (is_word_char(text[e]) or text[e] == "-")
                if left_ok and right_ok:
                    found.append((p, e))
                p = text.find(form, p + 1, end)
    found.sort(key=lambda span: (span[0], -span[1]))
    out: list[tuple[int, int]] = []
    last = -1
    for a, b in found:
        if a >= last:
            out.append((a, b))
            last = b
    return out
