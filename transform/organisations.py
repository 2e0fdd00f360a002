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

How definitions are read is in `org_definitions`, the index of curated names and acronyms in
`org_index`, and what the words around a mention add (a country qualifier, a hyphenated
compound) in `org_context`; this module keeps the curated list and applies them.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from transform.acronyms import translated_long_form
from transform.facts import Organisation
from transform.org_context import in_caps_compound, qualifier_country, single_country
from transform.org_definitions import DEFINITION, WORD, best_long_form, guess_kind, is_org_like
from transform.org_index import TOKEN, OrgIndex, build_index, form_key

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
    with path.open(encoding="utf-8", newline="") as fh:  # type: ignore[call-overload]
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
    out: list[dict[str, object]] = []
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


def learn_acronyms(text: str) -> dict[str, str]:
    """Acronyms a text defines as "Full Name (ACRONYM)", first definition winning.

    Returns {"XIEG": "Xinjiang Institute of Ecology and Geography", ...}. Not only
    organisations: "quantum key distribution (QKD)" is learned too; `find_organisations`
    uses only the definitions whose long form names an organisation.
    """
    learned: dict[str, str] = {}
    for m in DEFINITION.finditer(text):
        acr = m.group("acr").rstrip(".")
        letters = [ch for ch in acr if ch.isalpha()]
        if len(letters) < 2 or sum(ch.isupper() for ch in letters) < 2 or acr in learned:
            continue
        # The words before the bracket, within the same sentence-ish stretch.
        head_start = max(
            text.rfind(stop, 0, m.start()) for stop in ("\n", "(", ")", ". ", ";", ":", "“", '"')
        )
        head = text[head_start + 1 : m.start()].rstrip(" ,")
        words = WORD.findall(head)
        n_letters = len([ch for ch in acr if ch.isalnum()])
        window = words[-min(n_letters + 5, n_letters * 2) :]
        long = best_long_form(acr, " ".join(window)) or translated_long_form(acr, head)
        if not long:
            continue
        long = re.sub(r"^(?:the|The)\s+", "", long.strip(" ,"))
        if len(long) <= len(acr) or not long[0].isalpha():
            continue
        learned[acr] = long
    return learned


# ---------------------------------------------------------------------------------------
# Finding organisations


@lru_cache(maxsize=1)
def _index() -> OrgIndex:
    """Built once per process: every document is matched against the same curated list."""
    return build_index(curated_organisations())


def find_organisations(text: str, learned: dict[str, str] | None = None) -> list[OrgMention]:
    """Organisations named in `text` (full names, aliases, acronyms), in order.

    `learned` is `learn_acronyms(text)` (pass it in when the caller already has it; None
    learns from `text`). Overlaps keep the longest match.
    """
    if learned is None:
        learned = learn_acronyms(text)
    idx = _index()
    words = TOKEN.findall(text)
    lowered = [w.lower() for w in words]
    spans = [m.span() for m in TOKEN.finditer(text)]
    found: list[tuple[int, int, CuratedOrg | None, str, str | None]] = []
    # (start, end, curated org or None, canonical name, acronym)

    for start, end, value in idx.names.find(words, lowered, spans):
        assert isinstance(value, CuratedOrg)
        found.append((start, end, value, value.name, value.acronym))

    # The document's own definitions override the curated acronyms.
    doc_acronyms: dict[str, tuple[CuratedOrg | None, str]] = {}
    for acr, long in learned.items():
        curated = idx.by_form.get(form_key(long))
        if curated is None:
            for known in idx.all_acronyms.get(acr, ()):
                if long.lower() in known.name.lower() or known.name.lower() in long.lower():
                    curated = known
                    break
        if curated is not None:
            doc_acronyms[acr] = (curated, curated.name)
        elif is_org_like(long):
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
        if in_caps_compound(text, start, end):
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
                country = qualifier_country(text, start, end)
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
            country = qualifier_country(text, start, end) or single_country(name)
            out.append(
                OrgMention(
                    start,
                    end,
                    text[start:end],
                    name,
                    acronym,
                    country,
                    guess_kind(name),
                    None,
                    org_id_for(name, country),
                    False,
                )
            )
    return out
