"""Organisations by full name, alias or acronym, with the acronyms a document defines.

The curated list (`reference/organisations.csv`) holds the ministries, agencies, funders,
academies, universities and international bodies this material names, each with its
acronym, country (ISO3), kind and, where the organisation implies one, a budget category
(NSFC -> research_funding). It feeds the `organisations` table; `org_id` is a hash of name
and country, so it is stable across runs and releases.

Documents also define their own acronyms: "Xinjiang Institute of Ecology and Geography
(XIEG)". `learn_acronyms` reads those definitions (the Schwartz-Hearst rule: the acronym's
letters, in order, must be found in the words before the bracket, the first one starting
a word); inside that document the acronym then means what the document says, even where
the curated list knows another expansion.

Two kinds of ambiguity are handled rather than guessed:
- "generic" organisations (every state has a Ministry of Finance) take their country only
  from a qualifier in the text ("Chinese Ministry of Finance", "India's Ministry of
  Finance", "Ministry of Finance of Japan"); unqualified, the mention's country is None
  and the caller decides from context.
- acronyms of two letters ("RS", "EC", "AU") or shared by two curated organisations
  ("CAST") are only recognised when the document itself defines them ("EU" and "UN"
  excepted).

The European Union, BRICS, ASEAN and other groupings are organisations here (country
null), not countries: see `countries.py`.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from transform.acronyms import translated_long_form
from transform.countries import find_countries
from transform.facts import Organisation

__all__ = [
    "OrgMention",
    "SPENDER_KINDS",
    "CuratedOrg",
    "curated_organisations",
    "find_organisations",
    "learn_acronyms",
    "org_id_for",
    "organisations_reference",
]

# Kinds of organisation that allocate or spend public money (budget spenders).
SPENDER_KINDS = frozenset(
    {
        "government",
        "legislature",
        "agency",
        "funder",
        "fund",
        "academy",
        "international",
        "programme",
    }
)

# Two-letter acronyms unambiguous enough to recognise without a definition ("China-EU").
_WELL_KNOWN_SHORT = frozenset({"EU", "UN"})

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


@dataclass(frozen=True)
class CuratedOrg:
    """One row of `reference/organisations.csv`."""

    name: str
    acronym: str | None
    country: str | None
    kind: str
    category: str | None
    generic: bool
    aliases: tuple[str, ...]

    @property
    def org_id(self) -> str:
        return org_id_for(self.name, self.country)


@dataclass(frozen=True)
class OrgMention:
    """An organisation named in the text: `text[start:end]` is the surface form.

    `name` is the canonical name (the curated one, or the long form a document defined);
    `country` is the curated country, or the qualifier's for a generic organisation, or
    None when unknown; `curated` says whether the organisation is in the reference list.
    """

    start: int
    end: int
    text: str
    name: str
    acronym: str | None
    country: str | None
    kind: str | None
    category: str | None
    org_id: str
    curated: bool


def org_id_for(name: str, country: str | None) -> str:
    """Stable id of an organisation: a hash of its canonical name and country."""
    key = f"org|{name.strip().lower()}|{country or ''}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def curated_organisations() -> tuple[CuratedOrg, ...]:
    """The curated list, in file order."""
    path = resources.files("transform") / "reference" / "organisations.csv"
    rows: list[CuratedOrg] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            aliases = tuple(a.strip() for a in (r["aliases"] or "").split("|") if a.strip())
            rows.append(
                CuratedOrg(
                    name=r["name"].strip(),
                    acronym=(r["acronym"] or "").strip() or None,
                    country=(r["country"] or "").strip() or None,
                    kind=r["kind"].strip(),
                    category=(r["category"] or "").strip() or None,
                    generic=r["generic"].strip().lower() == "yes",
                    aliases=aliases,
                )
            )
    return tuple(rows)


def organisations_reference() -> list[dict[str, object]]:
    """Rows for the `organisations` table (org_id, name, acronym, country, aliases)."""
    out = []
    for org in curated_organisations():
        out.append(
            {
                "org_id": org.org_id,
                "name": org.name,
                "acronym": org.acronym,
                "country": org.country,
                "aliases": list(org.aliases),
            }
        )
    return sorted(out, key=lambda r: str(r["org_id"]))


def as_organisation(org: CuratedOrg) -> Organisation:
    """The curated row as the shared `Organisation` dataclass."""
    return Organisation(org.name, org.acronym, org.country, org.aliases)


# ---------------------------------------------------------------------------------------
# Acronym definitions


_DEFINITION = re.compile(r"\(\s*(?P<acr>[A-Z][A-Za-z&.\-]{1,11})\s*\)")
_WORD = re.compile(r"\S+")


def _best_long_form(short: str, long: str) -> str | None:
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


def learn_acronyms(text: str) -> dict[str, str]:
    """Acronyms a text defines as "Full Name (ACRONYM)", first definition winning.

    Returns {"XIEG": "Xinjiang Institute of Ecology and Geography", ...}. Not only
    organisations: "quantum key distribution (QKD)" is learned too; `find_organisations`
    uses only the definitions whose long form names an organisation.
    """
    learned: dict[str, str] = {}
    for m in _DEFINITION.finditer(text):
        acr = m.group("acr").rstrip(".")
        letters = [ch for ch in acr if ch.isalpha()]
        if len(letters) < 2 or sum(ch.isupper() for ch in letters) < 2 or acr in learned:
            continue
        # The words before the bracket, within the same sentence-ish stretch.
        head_start = max(
            text.rfind(stop, 0, m.start()) for stop in ("\n", "(", ")", ". ", ";", ":", "“", '"')
        )
        head = text[head_start + 1 : m.start()].rstrip(" ,")
        words = _WORD.findall(head)
        n_letters = len([ch for ch in acr if ch.isalnum()])
        window = words[-min(n_letters + 5, n_letters * 2) :]
        long = _best_long_form(acr, " ".join(window)) or translated_long_form(acr, head)
        if not long:
            continue
        long = re.sub(r"^(?:the|The)\s+", "", long.strip(" ,"))
        if len(long) <= len(acr) or not long[0].isalpha():
            continue
        learned[acr] = long
    return learned


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


def _guess_kind(long: str) -> str | None:
    """The kind a defined organisation's name suggests; the last head word decides."""
    words = [w.lower().strip(",.") for w in long.replace("-", " ").split()]
    for w in reversed(words):
        for vocabulary, kind in _KIND_BY_WORD:
            if w in vocabulary:
                return kind
    return None


def _is_org_like(long: str) -> bool:
    words = long.replace("-", " ").split()
    if not words or not words[0][0].isupper():
        return False
    return any(w.lower().strip(",.") in _ORG_WORDS for w in words)


# ---------------------------------------------------------------------------------------
# Finding organisations


_TOKEN = re.compile(r"\w+|&")


class _PhraseMatcher:
    """Longest-match lookup of multi-word phrases over word tokens.

    Punctuation between words is ignored, so "People's" and "People’s", "Al-Farabi" and
    "Al- Farabi" are the same phrase; far faster than one regex with hundreds of
    alternatives, which matters at thousands of documents a night.
    """

    def __init__(self, phrases: dict[str, object], case_sensitive: bool) -> None:
        self.case_sensitive = case_sensitive
        self.first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for phrase, value in phrases.items():
            toks = tuple(self._norm(t) for t in _TOKEN.findall(phrase))
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
class _Index:
    names: _PhraseMatcher  # lower-cased names and aliases -> org
    by_form: dict[str, CuratedOrg]  # lower-cased name/alias -> org
    acronyms: _PhraseMatcher  # unambiguous acronyms of 3+ letters -> org (case-sensitive)
    all_acronyms: dict[str, tuple[CuratedOrg, ...]]


def _form_key(form: str) -> str:
    return " ".join(t.lower() for t in _TOKEN.findall(form))


@lru_cache(maxsize=1)
def _index() -> _Index:
    by_form: dict[str, CuratedOrg] = {}
    acr_map: dict[str, list[CuratedOrg]] = {}
    for org in curated_organisations():
        for form in (org.name, *org.aliases):
            if form.isupper() and " " not in form and len(form) <= 8:
                acr_map.setdefault(form, []).append(org)
                continue
            by_form.setdefault(_form_key(form), org)
        if org.acronym:
            acr_map.setdefault(org.acronym, []).append(org)
    all_acronyms = {k: tuple(v) for k, v in acr_map.items()}
    by_acronym: dict[str, object] = {
        k: v[0]
        for k, v in acr_map.items()
        if len(v) == 1 and (len(k.replace(" ", "")) >= 3 or k in _WELL_KNOWN_SHORT)
    }
    names = _PhraseMatcher(dict(by_form), case_sensitive=False)
    return _Index(names, by_form, _PhraseMatcher(by_acronym, case_sensitive=True), all_acronyms)


_QUALIFIER_BEFORE = re.compile(r"(?:'s|’s)?\s+(?:own\s+)?$")
_QUALIFIER_AFTER = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?(?=[A-Z])")


def _qualifier_country(text: str, start: int, end: int) -> str | None:
    """Country written right before ("Chinese", "India's") or after ("of Japan") a name."""
    before = text[max(0, start - 40) : start]
    tail = _QUALIFIER_BEFORE.search(before)
    if tail is not None:
        head = before[: tail.start()]
        found = find_countries(head)
        if found and found[-1].end == len(head):
            return found[-1].iso3
    after = _QUALIFIER_AFTER.match(text, end)
    if after is not None:
        found = find_countries(text[after.end() : after.end() + 40])
        if found and found[0].start == 0:
            return found[0].iso3
    return None


def _single_country(name: str) -> str | None:
    isos = {c.iso3 for c in find_countries(name)}
    return isos.pop() if len(isos) == 1 else None


_CAPS_BEFORE = re.compile(r"[A-Z]{2,}-$")
_CAPS_AFTER = re.compile(r"-[A-Z]{2,}(?![a-z])")


def _in_caps_compound(text: str, start: int, end: int) -> bool:
    return bool(
        _CAPS_BEFORE.search(text, max(0, start - 12), start) or _CAPS_AFTER.match(text, end)
    )


def find_organisations(text: str, learned: dict[str, str] | None = None) -> list[OrgMention]:
    """Organisations named in `text` (full names, aliases, acronyms), in order.

    `learned` is `learn_acronyms(text)` (pass it in when the caller already has it; None
    learns from `text`). Overlaps keep the longest match.
    """
    if learned is None:
        learned = learn_acronyms(text)
    idx = _index()
    words = _TOKEN.findall(text)
    lowered = [w.lower() for w in words]
    spans = [m.span() for m in _TOKEN.finditer(text)]
    found: list[tuple[int, int, CuratedOrg | None, str, str | None]] = []
    # (start, end, curated org or None, canonical name, acronym)

    for start, end, value in idx.names.find(words, lowered, spans):
        assert isinstance(value, CuratedOrg)
        found.append((start, end, value, value.name, value.acronym))

    # The document's own definitions override the curated acronyms.
    doc_acronyms: dict[str, tuple[CuratedOrg | None, str]] = {}
    for acr, long in learned.items():
        curated = idx.by_form.get(_form_key(long))
        if curated is None:
            for org in idx.all_acronyms.get(acr, ()):
                if long.lower() in org.name.lower() or org.name.lower() in long.lower():
                    curated = org
                    break
        if curated is not None:
            doc_acronyms[acr] = (curated, curated.name)
        elif _is_org_like(long):
            doc_acronyms[acr] = (None, long)
            for m in re.finditer(r"(?<![\w])" + re.escape(long) + r"(?![\w])", text):
                found.append((m.start(), m.end(), None, long, acr))
    if doc_acronyms:
        pattern = re.compile(
            r"(?<![\w-])(?:"
            + "|".join(re.escape(a) for a in sorted(doc_acronyms, key=len, reverse=True))
            + r")(?![\w-])"
        )
        for m in pattern.finditer(text):
            org, name = doc_acronyms[m.group(0)]
            found.append((m.start(), m.end(), org, name, m.group(0)))
    for start, end, value in idx.acronyms.find(words, lowered, spans):
        assert isinstance(value, CuratedOrg)
        acr = text[start:end]
        if acr in doc_acronyms or acr in learned:
            continue  # the document means something else by it
        if _in_caps_compound(text, start, end):
            continue  # part of another acronym ("MP-IDSA"); "China-EU" is fine
        found.append((start, end, value, value.name, value.acronym))

    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[OrgMention] = []
    last_end = -1
    for start, end, org, name, acronym in found:
        if start < last_end:
            continue
        last_end = end
        if org is not None:
            country = org.country
            if org.generic:
                country = _qualifier_country(text, start, end)
            out.append(
                OrgMention(
                    start,
                    end,
                    text[start:end],
                    org.name,
                    org.acronym,
                    country,
                    org.kind,
                    org.category,
                    org.org_id,
                    True,
                )
            )
        else:
            country = _qualifier_country(text, start, end) or _single_country(name)
            out.append(
                OrgMention(
                    start,
                    end,
                    text[start:end],
                    name,
                    acronym,
                    country,
                    _guess_kind(name),
                    None,
                    org_id_for(name, country),
                    False,
                )
            )
    return out
