"""Curated organisation names and acronyms, indexed for longest-match lookup in text.

Names and aliases are matched case-blind and acronyms case-sensitively ("CAS" is the
academy, "cas" is nothing). An acronym is only looked up bare when exactly one curated
organisation owns it and it has three letters or more ("EU" and "UN" excepted): two-letter
and shared acronyms ("RS", "CAST") mean too many things, so only a document's own
definition can settle them. `organisations` builds the index once from the curated list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from transform.organisations import CuratedOrg

__all__ = ["OrgIndex", "PhraseMatcher", "TOKEN", "build_index", "form_key"]

# Two-letter acronyms unambiguous enough to recognise without a definition ("China-EU").
_WELL_KNOWN_SHORT = frozenset({"EU", "UN"})

TOKEN = re.compile(r"\w+|&")


class PhraseMatcher:
    """Longest-match lookup of multi-word phrases over word tokens.

    Punctuation between words is ignored, so "People's" and "People’s", "Al-Farabi" and
    "Al- Farabi" are the same phrase; far faster than one regex with hundreds of
    alternatives, which matters at thousands of documents a night.
    """

    def __init__(self, phrases: dict[str, object], case_sensitive: bool) -> None:
        self.case_sensitive = case_sensitive
        self.first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for phrase, value in phrases.items():
            toks = tuple(self._norm(t) for t in TOKEN.findall(phrase))
            if toks:
                self.first.setdefault(toks[0], []).append((toks, value))
        for entries in self.first.values():
            entries.sort(key=lambda e: len(e[0]), reverse=True)

    def _norm(self, token: str) -> str:
        return token if self.case_sensitive else token.lower()

    def find(
        self, words: list[str], lowered: list[str], spans: list[tuple[int, int]]
    ) -> list[tuple[int, int, object]]:
        """(start, end, value) of the longest phrase at each token, non-overlapping.

        `words` are the text's tokens, `lowered` the same lower-cased, `spans` their offsets.
        """
        seq = words if self.case_sensitive else lowered
        first = self.first
        out: list[tuple[int, int, object]] = []
        i, n = 0, len(seq)
        while i < n:
            entries = first.get(seq[i])
            if not entries:
                i += 1
                continue
            hit = None
            for toks, value in entries:
                k = len(toks)
                if i + k <= n and tuple(seq[i : i + k]) == toks:
                    hit = (k, value)
                    break
            if hit is None:
                i += 1
                continue
            k, value = hit
            out.append((spans[i][0], spans[i + k - 1][1], value))
            i += k
        return out


@dataclass(frozen=True)
class OrgIndex:
    """The curated list's lookups, built once: every document is matched against them."""

    names: PhraseMatcher  # lower-cased names and aliases -> org
    by_form: dict[str, CuratedOrg]  # lower-cased name/alias -> org
    acronyms: PhraseMatcher  # unambiguous acronyms of 3+ letters -> org (case-sensitive)
    all_acronyms: dict[str, tuple[CuratedOrg, ...]]


def form_key(form: str) -> str:
    """A name's tokens lower-cased, so a defined long form finds its curated row whatever its
    punctuation ("People’s" and "People's")."""
    return " ".join(t.lower() for t in TOKEN.findall(form))


def build_index(orgs: tuple[CuratedOrg, ...]) -> OrgIndex:
    """The lookups over `orgs`: names and aliases, and the acronyms safe to match bare."""
    by_form: dict[str, CuratedOrg] = {}
    acr_map: dict[str, list[CuratedOrg]] = {}
    for org in orgs:
        for form in (org.name, *org.aliases):
            if form.isupper() and " " not in form and len(form) <= 8:
                acr_map.setdefault(form, []).append(org)
                continue
            by_form.setdefault(form_key(form), org)
        if org.acronym:
            acr_map.setdefault(org.acronym, []).append(org)
    all_acronyms = {k: tuple(v) for k, v in acr_map.items()}
    by_acronym: dict[str, object] = {
        k: v[0]
        for k, v in acr_map.items()
        if len(v) == 1 and (len(k.replace(" ", "")) >= 3 or k in _WELL_KNOWN_SHORT)
    }
    names = PhraseMatcher(dict(by_form), case_sensitive=False)
    return OrgIndex(names, by_form, PhraseMatcher(by_acronym, case_sensitive=True), all_acronyms)
