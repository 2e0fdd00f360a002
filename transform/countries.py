"""Countries from names, adjectives, short forms and compounds.

Sources name countries many ways: "China", "Chinese and Thai companies", "China-EU",
"Sino-Kazakh", "the UK's", "U.S", "Britain". The gazetteer is pycountry's ISO 3166-1 list
(names, common and official names, "Korea, Republic of" turned into "Republic of Korea")
plus a curated table of adjectives and short forms that pycountry does not carry.

The European Union is not a country: ISO 3166-1 has no alpha-3 code for it (alpha-2 "EU"
is only "exceptionally reserved"), the `countries` table holds ISO 3166-1 codes only, and
the data-quality gate quarantines any other code. So "EU" and "European Union" are not
returned here: the EU is an organisation (`organisations.csv`, country null), found by
`find_organisations` in "China-EU" or "the EU's programme", and a budget the EU spends has
spender_country null. The same holds for other groupings (BRICS, ASEAN, the African Union).

Matching is case-sensitive ("US" is a country, "us" is not; "Turkey" is, "turkey" is not)
and longest-first ("South Africa" before "Africa", "Papua New Guinea" before "Guinea").
Regions that contain a country word ("Indian Ocean", "Latin America", "South America")
are matched as blockers and yield nothing. "Congo" alone is ambiguous between COD and COG
and yields nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from transform.country_names import (
    ADJECTIVES,
    BLOCKERS,
    PREFERRED_NAMES,
    SHORT_FORMS,
    SKIP_NAMES,
)

__all__ = [
    "CountryMention",
    "countries_reference",
    "country_iso3",
    "country_name",
    "dominant_country",
    "find_countries",
]


@dataclass(frozen=True)
class CountryMention:
    """A country named in the text; `form` is "name", "adjective" or "short"."""

    start: int
    end: int
    text: str
    iso3: str
    form: str


def _pycountry_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if not value:
                continue
            if "," in value:
                head, _, tail = value.partition(", ")
                if tail.endswith(" of") or tail.endswith(" of the") or " " not in tail:
                    value = f"{tail} {head}"
                else:
                    continue
            if value.startswith("the "):
                value = value[4:]
            names[value] = c.alpha_3
    return names


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, tuple[str | None, str]]:
    """surface form -> (iso3 or None for a blocker, form)."""
    table: dict[str, tuple[str | None, str]] = {}
    for name, iso3 in _pycountry_names().items():
        if name in SKIP_NAMES:
            continue
        table[name] = (iso3, "name")
        if len(name) > 4:
            table[name.upper()] = (iso3, "name")
    # Georgia and Jordan are countries often enough with a cue; keep them explicit.
    table["Republic of Georgia"] = ("GEO", "name")
    table["Kingdom of Jordan"] = ("JOR", "name")
    for name, iso3 in SHORT_FORMS.items():
        table[name] = (iso3, "short")
        if len(name) > 4 and " " in name:
            table[name.upper()] = (iso3, "short")
    for name, iso3 in ADJECTIVES.items():
        table[name] = (iso3, "adjective")
    for name in BLOCKERS:
        table[name] = (None, "blocker")
    return table


_UPPER = re.compile(r"[A-ZÉÖÜ]")


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """Surface forms by their first two characters, longest first (longest match wins)."""
    index: dict[str, list[str]] = {}
    for form in _gazetteer():
        index.setdefault(form[:2], []).append(form)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def _ends_word(text: str, end: int) -> bool:
    if end >= len(text):
        return True
    ch = text[end]
    if ch.isalnum() or ch == "_":
        return False
    # "US$", "US $ 400,000", "HK$": a currency, not a country.
    return not (ch == "$" or (ch == " " and text.startswith("$", end + 1)))


def find_countries(text: str) -> list[CountryMention]:
    """Every country named in `text`, in order (names, adjectives, short forms, "Sino-")."""
    table = _gazetteer()
    index = _index()
    out: list[CountryMention] = []
    last_end = 0
    for m in _UPPER.finditer(text):
        pos = m.start()
        if pos < last_end:
            continue
        if pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "_."):
            continue
        for form in index.get(text[pos : pos + 2], ()):
            end = pos + len(form)
            if text.startswith(form, pos) and _ends_word(text, end):
                iso3, kind = table[form]
                last_end = end
                if iso3 is not None:
                    out.append(CountryMention(pos, end, form, iso3, kind))
                break
    return out


def dominant_country(mentions: list[CountryMention]) -> str | None:
    """The most mentioned country (ties go to the one mentioned first), or None."""
    if not mentions:
        return None
    counts = Counter(m.iso3 for m in mentions)
    best = max(counts.values())
    for m in mentions:
        if counts[m.iso3] == best:
            return m.iso3
    return None


@lru_cache(maxsize=4096)
def country_iso3(name: str) -> str | None:
    """ISO3 code for a country name, adjective, short form or code; None if unknown.

    Accepts "the UK's", "Chinese", "U.S", "Korea, Republic of", "FR", "DEU".
    """
    if not name:
        return None
    cleaned = name.strip()
    cleaned = re.sub(r"(?:'s|’s|')$", "", cleaned)
    cleaned = re.sub(r"^(?i:the)\s+", "", cleaned).strip()
    table = _gazetteer()
    for candidate in (cleaned, cleaned.title(), "the " + cleaned):
        hit = table.get(candidate)
        if hit is not None:
            return hit[0]
    try:
        return str(pycountry.countries.lookup(cleaned).alpha_3)
    except LookupError:
        pass
    lowered = {k.lower(): v for k, v in table.items()}
    hit = lowered.get(cleaned.lower())
    return hit[0] if hit else None


def country_name(iso3: str) -> str | None:
    """The display name used in the `countries` table."""
    if iso3 in PREFERRED_NAMES:
        return PREFERRED_NAMES[iso3]
    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        return None
    return getattr(c, "common_name", None) or c.name


def countries_reference() -> list[tuple[str, str, str]]:
    """(iso3, iso2, name) rows for the `countries` table: ISO 3166-1, nothing else."""
    rows = [(c.alpha_3, c.alpha_2, country_name(c.alpha_3) or c.name) for c in pycountry.countries]
    return sorted(rows)
