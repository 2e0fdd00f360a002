"""Places as the reviews and news write them: "in Almaty", "in Chiang Mai, Thailand",
"in Shenzhen, Guangdong Province", "in Kunming city of Yunnan Province", "via video link".

A project's or meeting's city is only what the text states as a place, so places are read
from a preposition ("in", "at") followed by a place name, never from an organisation's
name ("University of Belgrade") or a dateline ("MOSCOW, Sept. 20 --"). The place name is
looked up in a small curated gazetteer (`reference/cities.csv`: cities and first-level
regions with their country), and a name the gazetteer does not hold still counts when the
text pairs it with a country ("in Gilgit, Pakistan") or calls it a city ("Xyz City"): the
text itself then says what it is, which generalises beyond any list.

Rules, each because the text can mislead otherwise:
- A region (province, state, autonomous region) gives a country but never a city: "in
  Guangdong Province" has no city, and a name followed by "province" is a region even when
  a city shares it ("Khon Kaen province").
- An explicit country after the city wins over the gazetteer's ("in Paris, Texas" aside,
  the text is the better witness), but the gazetteer's country is used when none is given.
- A country alone ("in Thailand", "in northwest China") gives the country only.
- "online", "virtually", "via video link", "by video conference" mark a meeting without a
  place.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from transform.countries import find_countries
from transform.geonames import world_city

__all__ = [
    "Place",
    "GazetteerEntry",
    "ONLINE",
    "city_country",
    "country_of_name",
    "find_places",
    "gazetteer",
    "read_place",
]


@dataclass(frozen=True)
class GazetteerEntry:
    """One row of `reference/cities.csv`."""

    name: str
    country: str
    kind: str  # "city" | "region"


@dataclass(frozen=True)
class Place:
    """A place the text states: `text[start:end]` is the phrase after the preposition."""

    start: int
    end: int
    city: str | None
    country: str | None


ONLINE = re.compile(
    r"\b(?:online|virtually|via\s+(?:a\s+)?video(?:\s+link|\s+conference|\s+call)?"
    r"|by\s+video(?:\s+link|\s+conference)?|through\s+video\s+link|video\s+conference)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, GazetteerEntry]:
    """Surface form (as written, case-sensitive) -> entry, names and aliases."""
    path = resources.files("transform") / "reference" / "cities.csv"
    out: dict[str, GazetteerEntry] = {}
    raw = path.read_text(encoding="utf-8")
    lines = [line for line in raw.splitlines() if line and not line.startswith("#")]
    for row in csv.DictReader(lines):
        entry = GazetteerEntry(row["name"].strip(), row["country"].strip(), row["kind"].strip())
        for form in (entry.name, *(row["aliases"] or "").split("|")):
            form = form.strip()
            if form and form not in out:
                out[form] = entry
    return out


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for form in gazetteer():
        index.setdefault(form.split()[0], []).append(form)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def _gazetteer_at(text: str, pos: int) -> tuple[str, GazetteerEntry] | None:
    """The longest gazetteer form starting exactly at `pos`, ending at a word boundary."""
    m = re.match(r"[^\s,.;:()]+", text[pos : pos + 40])
    if not m:
        return None
    for form in _by_first_word().get(m.group(0), ()):
        if text.startswith(form, pos):
            end = pos + len(form)
            if end >= len(text) or not (text[end].isalnum() or text[end] in "-'’"):
                return form, gazetteer()[form]
    return None


def city_country(name: str) -> str | None:
    """The country of a known city (not a region), or None."""
    entry = gazetteer().get(name)
    return entry.country if entry is not None and entry.kind == "city" else None


_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")


@lru_cache(maxsize=8192)
def country_of_name(name: str) -> str | None:
    """The one country a name points at through a country, adjective, city or region in it:
    "Kyrgyz National Academy of Sciences" -> KGZ, "University of Belgrade" -> SRB,
    "Shaanxi Normal University" -> CHN. None when it names none or several."""
    found = {c.iso3 for c in find_countries(name)}
    if not found:
        for m in _NAME_WORD.finditer(name):
            hit = _gazetteer_at(name, m.start())
            if hit is not None:
                found.add(hit[1].country)
    return found.pop() if len(found) == 1 else None


# Words between "in" and the place name that do not change the place.
_LEAD = re.compile(
    r"(?:the\s+(?:city|capital|town|port\s+city)\s+of\s+)?"
    r"(?:(?i:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+)?",
)
_LEAD_WORD = re.compile(
    r"(?:the\s+(?:city|capital|town|port\s+city|UK|US|U\.S\.|Netherlands|Philippines"
    r"|United|Republic|Czech|Gambia|Bahamas|Maldives)\b|(?i:north|south|east|west|central))"
)
_REGION_WORD = re.compile(
    r"\s+(?i:province|state|region|prefecture|autonomous\s+region|county|oblast|governorate"
    r"|district)\b"
)
_CITY_WORD = re.compile(r"\s+(?:city|City|municipality|Municipality)\b")
_CAPS = re.compile(
    r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|(?:de|da|do|dos|das|del|di|du|es|al|el|la|le|von"
    r"|van|der|sur|upon)(?=\s+[A-Z])))*"
)
_NOT_PLACE = frozenset(
    """
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That These Those Nature
    Science Cell
    """.split()
)


_THE = re.compile(r"the\s+")
_ORG_HEAD_AFTER = re.compile(
    r"\s+(?:[A-Z][\w-]*\s+){0,3}(?:University|Institute|Academy|College|School|Centre|Center"
    r"|Laboratory|Hospital|Observatory|Museum|Library|Company|Corporation|Group|Bank)\b"
)
# The capitalised words a country name can span ("United Arab Emirates", "Republic of Korea").
_CAP_PHRASE = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’-]*){0,4}")


@lru_cache(maxsize=8192)
def _leading_country(phrase: str) -> tuple[int, str] | None:
    """(length, iso3) of a country name at the start of `phrase` (cached: place phrases
    recur across documents)."""
    found = find_countries(phrase)
    if found and found[0].start == 0 and found[0].form != "adjective":
        return found[0].end, found[0].iso3
    return None


def _country_at(text: str, pos: int) -> tuple[int, str] | None:
    """(end, iso3) of a country named exactly at `pos` ("Thailand", "the UK")."""
    m = _THE.match(text, pos)
    p = m.end() if m else pos
    phrase = _CAP_PHRASE.match(text, p)
    if phrase is None:
        return None
    hit = _leading_country(phrase.group(0))
    return (p + hit[0], hit[1]) if hit is not None else None


def _region_or_country_after(text: str, pos: int) -> tuple[int, str | None, bool] | None:
    """What follows a city: ", Guangdong Province" / ", Thailand" / " city of Yunnan
    Province". Returns (end, country, explicit_country)."""
    m = re.match(r",\s+|\s+(?:city\s+)?(?:of|in)\s+", text[pos:])
    if not m:
        return None
    p = pos + m.end()
    lead = _LEAD.match(text, p)
    country = _country_at(text, p) or (_country_at(text, lead.end()) if lead else None)
    if country is not None:
        owned = _POSSESSIVE.match(text, country[0])
        if owned is not None:
            # "Tunxi, east China's Anhui Province": the region belongs to the country
            caps = _CAPS.match(text, owned.end())
            region = _REGION_WORD.match(text, caps.end()) if caps is not None else None
            if region is not None:
                return region.end(), country[1], True
        return country[0], country[1], True
    hit = _gazetteer_at(text, p)
    if hit is not None and hit[1].kind == "region":
        end = p + len(hit[0])
        r = _REGION_WORD.match(text, end)
        return (r.end() if r else end), hit[1].country, False
    caps = _CAPS.match(text, p)
    if caps is not None:
        r = _REGION_WORD.match(text, caps.end())
        if r is not None:
            # "..., Khyber Pakhtunkhwa province of Pakistan"
            tail = _region_or_country_after(text, r.end())
            if tail is not None and tail[2]:
                return tail
            return r.end(), None, False
    return None


def read_place(text: str, pos: int, limit: int | None = None) -> Place | None:
    """The place named right at `pos` (just after "in" or "at"), or None.

    Handles "Almaty", "Chiang Mai, Thailand", "Shenzhen, Guangdong Province", "Kunming city
    of Yunnan Province", "northeastern Khon Kaen province of Thailand", "Thailand".
    """
    end_limit = len(text) if limit is None else limit
    first = text[pos : pos + 1]
    if not first.isupper() and not _LEAD_WORD.match(text, pos):
        return None  # "in 2014", "in lunar orbit", "in the presence of"
    direct = _country_at(text, pos)
    lead = _LEAD.match(text, pos)
    p = pos if direct is not None else (lead.end() if lead else pos)
    if p >= end_limit or not text[p : p + 1].isupper():
        return None
    # A country first ("in Thailand", "in northwest China").
    hit = _gazetteer_at(text, p)
    country = direct if p == pos else _country_at(text, p)
    if country is not None and (hit is None or country[0] >= p + len(hit[0])):
        end, iso3 = country
        owned = _POSSESSIVE.match(text, end)
        city_after = _known_city_at(text, owned.end()) if owned else None
        if city_after is not None:
            # "in southwest China's Chongqing Municipality": the city is the place
            c_end, c_name, _ = city_after
            c_word = _CITY_WORD.match(text, c_end)
            return Place(pos, c_word.end() if c_word else c_end, c_name, iso3)
        if not _REGION_WORD.match(text, end):
            same = _gazetteer_at(text, p)  # a city-state is both ("Singapore")
            city = same[1].name if same is not None and same[1].kind == "city" else None
            return Place(pos, end, city if city and p == pos else None, iso3)
    if hit is not None and _ORG_HEAD_AFTER.match(text, p + len(hit[0])):
        return None  # "Peking University", "Chiang Mai University": an organisation
    if hit is not None:
        form, entry = hit
        end = p + len(form)
        region = _REGION_WORD.match(text, end)
        if region is not None or entry.kind == "region":
            end = region.end() if region else end
            tail = _region_or_country_after(text, end)
            region_iso3: str | None = entry.country
            if tail is not None and tail[2]:
                region_iso3 = tail[1]
            return Place(pos, tail[0] if tail else end, None, region_iso3)
        c = _CITY_WORD.match(text, end)
        if c is not None:
            end = c.end()
        tail = _region_or_country_after(text, end)
        if tail is not None:
            return Place(pos, tail[0], entry.name, tail[1] if tail[2] else entry.country)
        return Place(pos, end, entry.name, entry.country)
    # A name the gazetteer does not hold: only when the text says what it is.
    caps = _CAPS.match(text, p)
    if caps is None:
        return None
    name = caps.group(0)
    if name.split()[0] in _NOT_PLACE or find_countries(name):
        return None
    end = caps.end()
    if name.endswith((" City", " city")) and len(name.split()) > 1:
        tail = _region_or_country_after(text, end)
        return Place(pos, tail[0] if tail else end, name, tail[1] if tail else None)
    region = _REGION_WORD.match(text, end)
    if region is not None:
        tail = _region_or_country_after(text, region.end())
        return Place(pos, tail[0] if tail else region.end(), None, tail[1] if tail else None)
    city_word = _CITY_WORD.match(text, end)
    tail = _region_or_country_after(text, city_word.end() if city_word else end)
    if tail is not None and (tail[2] or city_word is not None or tail[1] is not None):
        # "Gilgit, Pakistan", "Kaiping, Guangdong Province": the text says what it is
        return Place(pos, tail[0], name, tail[1])
    if city_word is not None:
        return Place(pos, city_word.end(), name, None)
    venue_city = _known_city_at(text, end + 2) if text.startswith(", ", end) else None
    if venue_city is not None and len(name.split()) > 1:
        # "at Lancaster House, London": a venue, then the city it is in
        return Place(pos, venue_city[0], venue_city[1], venue_city[2])
    world = world_city(name)
    if world is not None and not _ORG_HEAD_AFTER.match(text, end):
        return Place(pos, end, world[0], world[1])
    return None


_POSSESSIVE = re.compile(r"['’]s\s+")


def _known_city_at(text: str, pos: int) -> tuple[int, str, str] | None:
    """(end, name, ISO3) of a city named at `pos`, from the curated list or GeoNames."""
    hit = _gazetteer_at(text, pos)
    if hit is not None:
        return (pos + len(hit[0]), hit[1].name, hit[1].country) if hit[1].kind == "city" else None
    caps = _CAPS.match(text, pos)
    if caps is None or caps.group(0).split()[0] in _NOT_PLACE:
        return None
    world = world_city(caps.group(0))
    if world is None or _ORG_HEAD_AFTER.match(text, caps.end()):
        return None
    return caps.end(), world[0], world[1]


# ... "in the Ethiopian capital of Addis Ababa": the city after the description
_PREPOSITION = re.compile(
    r"\b(?:in|at|In|At)\s+(?:the\s+(?:[A-Z][\w'’-]*\s+){0,2}capital(?:\s+city)?\s+of\s+)?"
)


def find_places(text: str, start: int = 0, end: int | None = None) -> list[Place]:
    """Every place stated with "in"/"at" in `text[start:end]`, in order."""
    stop = len(text) if end is None else end
    out: list[Place] = []
    for m in _PREPOSITION.finditer(text, start, stop):
        place = read_place(text, m.end(), stop)
        if place is not None and place.end <= stop:
            out.append(place)
    return out
