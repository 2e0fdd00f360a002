"""Who takes part: people with their roles, organisations with their countries, and the
countries and organisations a sentence lists as partners.

Projects and meetings name their participants in a handful of English constructions, and
the rules here read those constructions rather than guessing from capital letters alone:

- People with a role in apposition: "Dai Gang, Director General of the International
  Cooperation Department, Chinese Ministry of Science and Technology"; with the role before
  the name: "Chinese Vice Minister of Science and Technology Chen Jiachang", "Chongqing
  Mayor Hu Henghua", "his French counterpart Le Thaillou"; the role first and the name in
  apposition: "the President of CASISD, Pan Jiaofeng,"; with an honorific: "Prof. Dou
  Xiankang" (the honorific is not part of the name). A name is two to four capitalised
  words that are not role, organisation, place or common title words; a capitalised run
  that goes on into another capitalised word ("Mihajlo Pupin Institute") is not a person.
- Organisations: organisation-shaped phrases read from a head word ("University",
  "Institute", "Academy", "Ministry"...) with the capitalised words before it and its
  "of/for/on ..." complements after it ("Kyrgyz National Academy of Sciences", "Institute
  of Physics of the Chinese Academy of Sciences", "Serbian Ministry of Education, Science
  and Technological Development"), each looked up in the curated list
  (`reference/organisations.csv`: canonical name, country); the acronyms the document
  defines (`organisations.learn_acronyms`) or the curated list knows; and curated names
  without a head word ("BRICS", "Horizon Europe"). This reads one sentence at a time, which
  the extractors need (they analyse few sentences per document), and finds the full
  phrase where a curated name is only a part of it ("Institute of Automation of the
  Chinese Academy of Sciences" is not the Academy).
- An organisation's country: the curated one; else the country, adjective, city or region
  its own name carries ("Tajik Academy of Sciences" -> TJK, "University of Belgrade" ->
  SRB); else a qualifier right before or after it ("France's National Centre for Space
  Studies", "Higher Education Commission (HEC) of Pakistan"); else the parent it belongs to
  ("Institute of Automation of the Chinese Academy of Sciences" -> CHN); else unknown.
  Groupings (the EU, the African Union, ESA) have no country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transform.countries import find_countries
from transform.organisations import CuratedOrg, curated_organisations
from transform.places import country_of_name, gazetteer
from transform.scanning import bounded_matches, is_word_char

__all__ = [
    "ORG_HEADS",
    "ROLE_WORDS",
    "Org",
    "Person",
    "countries_named",
    "find_orgs",
    "find_people",
    "name_spans",
    "org_country",
]

# Words that make a phrase a role ("Vice Minister", "Director General", "CEO").
ROLE_WORDS = frozenset(
    """
    minister ministers vice deputy director director-general directors president vice-president
    chairman chairwoman chair chairperson co-chair secretary secretary-general ambassador
    ambassadors governor mayor premier head chief ceo cto cso dean professor principal
    commissioner administrator counsellor counselor consul consul-general envoy spokesperson
    spokesman spokeswoman executive founder leader member academician senator chancellor
    rector provost coordinator manager officer counterpart counterparts undersecretary
    under-secretary attaché attache representative king queen prince emir sultan
    commander general lieutenant captain astronaut astronauts scientist researcher engineer
    physicist economist mp lawmaker delegate cabinet laureate adviser advisor assistant
    """.split()
)
ORG_HEADS = frozenset(
    """
    University Universities Institute Institutes Institution Academy Academies Centre Center
    Centres Centers Laboratory Laboratories Lab Labs Ministry Commission Agency Administration
    Foundation Council Society Department Bureau Observatory Authority Corporation Company
    Association Organisation Organization Office Directorate Directorate-General College
    School Hospital Consortium Alliance Federation Union Partnership Secretariat Network
    Station Bank Fund Service Museum Library Group Committee Subcommission Agencies
    """.split()
)
# Heads whose names list fields with commas ("Ministry of Education, Science and
# Technological Development").
_LIST_NAME_HEADS = frozenset(
    "Ministry Department Commission Committee Council Agency Office Bureau Directorate".split()
)
_FUNCTION_CAPS = frozenset(
    """
    The A An In On At By For From To With Of And Or But As After Before During Under Over
    According Also Meanwhile However Moreover Furthermore Both This That These Those It Its
    His Her Their Our We They He She There Here While When Since Last Next Earlier Later
    Mr Mrs Ms Dr Prof Professor Sir Madam Academician Then Thus Such Several Some Many
    Around About Nearly Over More Most Other Another Each Every All Any Following Despite
    Through Between Among Within Without Upon Into Onto Via Per Than Once Now Today Yesterday
    Tomorrow Why What Who Whom Whose Which Where How Please Not No Yes New Old First Second
    Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Annual Joint Global Open Vice Deputy
    Senior Cabinet Principal Permanent Special Assistant Executive Acting Former Minister
    """.split()
)
_SUBJECT_WORDS = frozenset(
    """
    Science Sciences Scientific Technology Technologies Technological Innovation Innovations
    Research Education Higher Development Cooperation International National Foreign Affairs
    Trade Industry Industrial Manpower Economic Economy Energy Health Space Atomic Nuclear
    Agriculture Agricultural Environment Environmental Information Communications Strategy
    Planning Policy Engineering Physics Chemistry Studies Climate Change Services Finance
    Defence Defense Security State Public General Affairs Mathematics Biology Medicine
    Medical Ecology Geography Water Resources Marine Ocean Polar Arctic Earth Lunar Solar
    Artificial Intelligence Quantum Data Digital Smart Green Carbon Clean Renewable Power
    Electric Electricity Hydro Mining Transport Transportation Communication Culture Sports
    Tourism Justice Interior Home Labour Labor Social Welfare Housing Urban Rural Forestry
    Fisheries Food Family Women Youth Commerce Investment Development Reform Statistics
    Standardization Meteorology Meteorological Weather Natural Nature Council Union Belt
    Road Silk Initiative Programme Program Project Plan Forum Conference Workshop Symposium
    Summit Dialogue Meeting Session Exchange Partnership Mission Satellite Probe Station
    Laboratory Centre Center Institute University Academy Ministry Department Commission
    Committee Agency Administration Foundation Society Office Bureau Organization
    Organisation Association Federation Alliance Network Group Company Corporation
    Declaration Agreement Memorandum Protocol Strategic Comprehensive Mutually Beneficial
    Cooperative Friendly Bilateral Multilateral Regional Asia Asian Africa African Europe
    European America American Pacific Atlantic Middle East West Western Eastern North South
    Northern Southern Central Greater Bay Area Province City County District Region
    Autonomous Special Administrative Zone Park Valley Hall People People's Great Republic
    Kingdom Federal Democratic United Emirates States Nations Royal Imperial Holy Islamic
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Sept Oct Nov Dec Jan Feb Mar
    Apr Jun Jul Aug Sep AI Plus II III IV Two Sessions Congress Party Communist Parliament
    Cabinet Government Council Secretary Governor Mayor President Premier Chairman Director
    Head Chief Dean Ambassador Counterpart Member Leader Team Group Delegation Crew
    Fund Budget Report Nature Cell Lancet Xinhua Press Daily Times News Post Journal
    Copilot Model Chip Battery Robot Chemist Telescope Reactor Rocket Spacecraft Spaceship
    Tokamak Superconducting Experimental Advanced Tandem Cell Launch Satellite
    """.split()
)
_HONORIFIC = re.compile(
    r"\b(?:Prof|Dr|Mr|Mrs|Ms|Professor|Academician|Madam|Sir|H\.\s?E)\.?\s+(?=[A-Z])"
)
# A capitalised name word, accents included ("José", "Müller", "Tat-Ming", "O'Neill").
_UPPER = "A-ZÀ-ÖØ-Þ"
# Chinese official pages write the surname in capitals before the given name ("WANG
# Longde", "WAN Gang"); only a known surname followed by a given name reads so, never any
# acronym ("NSFC Director").
_CAPS_SURNAMES = (
    "BAI CAI CAO CHEN CHENG CUI DENG DING DONG DU FAN FANG FENG GAO GONG GU GUO HAN HAO HE"
    " HOU HU HUANG JI JIA JIANG JIN KONG LEI LI LIANG LIAO LIN LIU LONG LU LUO LV MA MENG MIAO"
    " PAN PENG QIAN QIN QIU REN SHEN SHI SONG SU SUN TAN TANG TIAN WAN WANG WEI WEN WU XIA"
    " XIANG XIAO XIE XIONG XU XUE YAN YANG YAO YE YIN YU YUAN ZENG ZHANG ZHAO ZHENG ZHONG"
    " ZHOU ZHU ZOU"
).split()
_NAME_TOKEN = (
    # "McGovern", "MacLeod" first: the plain form would stop at the inner capital
    r"(?:Ma?c[" + _UPPER + r"][^\W\d_A-Z]+"
    r"|[" + _UPPER + r"][^\W\d_A-Z]+(?:-[" + _UPPER + r"a-z][^\W\d_A-Z]+)*"
    r"|[" + _UPPER + r"]'[" + _UPPER + r"][^\W\d_A-Z]+"
    r"|(?:" + "|".join(_CAPS_SURNAMES) + r")(?=\s+[A-Z][a-z]))"
)
# particles inside a name: "Ursula von der Leyen", "Lula da Silva"
_PARTICLE = r"(?:von|van|der|den|de|da|do|dos|das|del|di|du|le|la|bin|binti|al|el)"
# middle initials: "John P. Holdren", "Joseph J. Y. Sung"
_INITIALS = r"(?:[" + _UPPER + r"]\.\s*){0,3}"
_NAME_RUN = re.compile(
    _NAME_TOKEN + r"(?:\s+(?:" + _PARTICLE + r"\s+){0,2}" + _INITIALS + _NAME_TOKEN + r")*"
)
_NAME_TOKEN_RE = re.compile(_NAME_TOKEN)


@dataclass(frozen=True)
class Org:
    """An organisation named in the text: `text[start:end]`, canonical `name`, `country`."""

    start: int
    end: int
    name: str
    country: str | None
    acronym: str | None = None
    curated: bool = False
    kind: str | None = None


@dataclass(frozen=True)
class Person:
    """A named person: `text[start:end]` is the name as written (no honorific)."""

    start: int
    end: int
    name: str
    role: str | None
    organisation: str | None
    country: str | None


@lru_cache(maxsize=1)
def _plain_non_name_words() -> frozenset[str]:
    """Capitalised words that are never part of a person's name, even after "Mr."."""
    words = set(_FUNCTION_CAPS) | set(_SUBJECT_WORDS) | set(ORG_HEADS)
    words |= {w.capitalize() for w in ROLE_WORDS}
    words |= {"-".join(p.capitalize() for p in w.split("-")) for w in ROLE_WORDS if "-" in w}
    for form in gazetteer():
        words.update(form.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def _non_name_words() -> frozenset[str]:
    """Capitalised words that are not part of a person's name: the plain ones and the words
    of known organisations' names ("Tsinghua", "Huawei"). Some of those are given names
    ("Max" of the Max Planck Society), so an honorific lifts them (`name_spans`)."""
    words = set(_plain_non_name_words())
    for org in curated_organisations():
        for form in (org.name, *org.aliases):
            words.update(t for t in re.findall(r"[A-Z][\w'’-]*", form))
    return frozenset(words)


@lru_cache(maxsize=8192)
def countries_named(text: str) -> tuple[str, ...]:
    """ISO3 codes of the countries a name or title names, in order ("China-Sweden Joint
    Committee" -> CHN, SWE). Cached: names recur across documents."""
    return tuple(c.iso3 for c in find_countries(text))


@lru_cache(maxsize=8192)
def _leading(text: str) -> tuple[int, str] | None:
    """(end, iso3) of a country or nationality at the start of `text`, or None."""
    found = find_countries(text)
    return (found[0].end, found[0].iso3) if found and found[0].start == 0 else None


@lru_cache(maxsize=8192)
def _names_country(text: str) -> bool:
    """Whether a short phrase names a country (cached: phrases recur across documents)."""
    return bool(find_countries(text))


@lru_cache(maxsize=8192)
def _is_name_token(token: str, honorific: bool = False) -> bool:
    """Whether `token` may be a word of a person's name; after an honorific ("Mr. Max
    Baucus") only the plain non-name words are excluded."""
    if token in (_plain_non_name_words() if honorific else _non_name_words()):
        return False
    return not find_countries(token)


# ---------------------------------------------------------------------------------------
# Organisations


_ORG_HEAD_RE = re.compile(r"\b(?:" + "|".join(sorted(ORG_HEADS, key=len, reverse=True)) + r")\b")
# The same without the leading "\b": a pattern that starts with a choice of literals lets
# the regex engine skip to the letters that can start one, instead of trying every head
# at every position (twice as fast); `bounded_matches` checks the left boundary.
_HEAD_SCAN = re.compile(r"(?:" + "|".join(sorted(ORG_HEADS, key=len, reverse=True)) + r")\b")
# Head words as they appear among a sentence's words (a cheap gate before the regex).
_HEADS_PLAIN = frozenset(ORG_HEADS)
_STRIP = ".,;:()“”\"'‘’!?"
_THE_START = re.compile(r"^(?:the|The)\s+")
_BRACKETED = re.compile(r"\s*\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)")
_BRACKET_ACR = re.compile(r"\(\s*([A-Z][A-Za-z&.\-]{1,11})\s*\)")
_ACRONYM_AFTER = re.compile(r"\s*\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)")
_COMPLEMENT = re.compile(
    r"\s+(?:of|for|on|de|of\s+the|for\s+the|on\s+the|de\s+la|du)\s+"
    r"(?:(?:[A-Z][\w&'’-]*(?:'s|’s)?)(?:\s+|(?=[,.;:)]|$)))+"
)
_AND_CAPS = re.compile(r"\s+(?:and|&)\s+(?:[A-Z][\w&'’-]*)(?:\s+[A-Z][\w&'’-]*)*")
_COMMA_FIELDS = re.compile(
    r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})+\s+and\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}"
)
_LEFT_STOP = frozenset(_FUNCTION_CAPS - {"National", "International", "Joint", "Global", "Open"})
_LEFT_WORD = re.compile(r"([A-Z][\w&'’.-]*)\s+$")
_WELL_KNOWN_SHORT = frozenset({"EU", "UN"})
_KEY_TOKEN = re.compile(r"\w+|&")


def _key(form: str) -> str:
    """Matching key of a name: case and punctuation ignored ("People's" = "People’s")."""
    return " ".join(t.lower() for t in _KEY_TOKEN.findall(form))


@dataclass(frozen=True)
class _CuratedIndex:
    by_key: dict[str, CuratedOrg]
    acronyms: dict[str, CuratedOrg]
    # curated names without an organisation head word, by first word (longest first)
    extra: dict[str, tuple[str, ...]]
    extra_first: frozenset[str]  # their first words, to skip sentences naming none


@lru_cache(maxsize=1)
def _curated_index() -> _CuratedIndex:
    by_key: dict[str, CuratedOrg] = {}
    acr: dict[str, list[CuratedOrg]] = {}
    extra: list[str] = []
    for org in curated_organisations():
        for form in (org.name, *org.aliases):
            if form.isupper() and " " not in form and len(form) <= 8:
                acr.setdefault(form, []).append(org)
                continue
            by_key.setdefault(_key(form), org)
            head = _ORG_HEAD_RE.search(form)
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
        by_first.setdefault(form.split()[0].strip(_STRIP), []).append(form)
    forms = {k: tuple(v) for k, v in by_first.items()}
    return _CuratedIndex(by_key, acronyms, forms, frozenset(forms))


@lru_cache(maxsize=8192)
def _lookup_curated(name: str) -> tuple[CuratedOrg, bool] | None:
    """The curated organisation a written name stands for, and whether the name had a
    qualifier in front ("Chinese Ministry of Finance" -> Ministry of Finance, True)."""
    idx = _curated_index()
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


def _extend_left(text: str, head_start: int, floor: int) -> int:
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


def _extend_right(text: str, end: int, ceiling: int, head: str, stops: list[int]) -> int:
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
        if head in _LIST_NAME_HEADS:
            m = _COMMA_FIELDS.match(text, end)
            if (
                m
                and m.end() <= ceiling
                and not _names_country(m.group(0))
                and not _ORG_HEAD_RE.search(m.group(0))
                and not any(end < s < m.end() for s in stops)
            ):
                end = m.end()
                continue
        m = _AND_CAPS.match(text, end)
        if m and m.end() <= ceiling:
            chunk = text[m.start() : m.end()]
            words = chunk.split()[1:]
            person_next = any(end < s <= m.end() for s in stops) or (
                len(words) >= 2 and all(_is_name_token(w) for w in words)
            )
            if (
                not person_next
                and not _ORG_HEAD_RE.search(chunk)
                and not any(w.isupper() and len(w) > 1 for w in words)
                and not _names_country(chunk)
                and len(words) <= 3
            ):
                end = m.end()
                continue
        break
    return end


def _qualifier(text: str, start: int, end: int) -> str | None:
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
def _own_country(name: str) -> tuple[str | None, str | None]:
    """(country of the name's own part, country of its parent) for "X of the Y"."""
    own, _, parent = name.partition(" of ")
    own_c = country_of_name(own)
    if own_c is None:
        hit = _lookup_curated(own)
        if hit is not None and not hit[0].generic:
            own_c = hit[0].country
    parent_c = None
    if parent:
        parent_c = country_of_name(parent)
        if parent_c is None:
            for i, piece in enumerate(parent.split(" of ")):
                hit = _lookup_curated(re.sub(r"^the\s+", "", piece))
                if hit is not None and hit[0].country:
                    parent_c = hit[0].country
                    break
                del i
    return own_c, parent_c


def org_country(name: str, text: str = "", start: int = 0, end: int = 0) -> str | None:
    """An organisation's country: curated (unless generic), its own name, a qualifier in
    the text, its parent ("Institute of Automation of the Chinese Academy of Sciences")."""
    hit = _lookup_curated(name)
    if hit is not None:
        org, qualified = hit
        if not org.generic:
            return org.country
        if qualified:
            q = country_of_name(name.split(" of ")[0])
            if q:
                return q
        return _qualifier(text, start, end) if text else None
    own, parent = _own_country(name)
    if own:
        return own
    if text:
        q = _qualifier(text, start, end)
        if q:
            return q
    return parent


def _extra_names(
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


def find_orgs(
    text: str,
    start: int,
    end: int,
    learned: dict[str, str] | None = None,
    person_starts: list[int] | None = None,
) -> list[Org]:
    """Organisations in `text[start:end]`, longest first, non-overlapping, in order.

    Three readings: organisation-shaped phrases around a head word (curated or not), the
    acronyms the document defines (`learned`) or the curated list knows, and curated
    names without a head word ("BRICS", "Horizon Europe", "CSSP China").
    """
    learned = learned or {}
    stops = person_starts or []
    idx = _curated_index()
    found: list[Org] = []
    # The sentence's words, punctuation stripped: a set lookup decides which of the three
    # readings can find anything at all, and where to look.
    raw_words = text[start:end].split()
    words = {w.strip(_STRIP) for w in raw_words}
    words.update(p for w in raw_words if "-" in w for p in w.strip(_STRIP).split("-"))
    for m in (
        bounded_matches(_HEAD_SCAN, text, start, end) if not _HEADS_PLAIN.isdisjoint(words) else ()
    ):
        head = m.group(0)
        s = _extend_left(text, m.start(), start)
        e = _extend_right(text, m.end(), end, head, stops)
        if s == m.start() and e == m.end():
            continue  # a bare head word ("the Institute") names nothing
        phrase = text[s:e]
        name = _THE_START.sub("", _BRACKETED.sub("", phrase).strip())
        acr = _BRACKET_ACR.search(phrase)
        hit = _lookup_curated(name)
        if hit is not None and not hit[1]:
            org = hit[0]
            country = org.country if not org.generic else _qualifier(text, s, e)
            found.append(Org(s, e, org.name, country, org.acronym, True, org.kind))
            continue
        kind = hit[0].kind if hit is not None else None
        acronym = acr.group(1) if acr else None
        found.append(Org(s, e, name, org_country(name, text, s, e), acronym, False, kind))
    tokens = [w for w in words if w in learned or w in idx.acronyms]
    for tok in tokens:
        for m in re.finditer(r"(?<![\w-])" + re.escape(tok) + r"(?![\w-])", text[start:end]):
            a, b = start + m.start(), start + m.end()
            if tok in learned:
                long = learned[tok]
                hit = _lookup_curated(long)
                if hit is not None:
                    org = hit[0]
                    country = org.country if not org.generic else None
                    found.append(Org(a, b, org.name, country, tok, True, org.kind))
                elif _ORG_HEAD_RE.search(long):
                    found.append(Org(a, b, long, org_country(long), tok, False, None))
                continue
            org = idx.acronyms[tok]
            country = org.country if not org.generic else None
            found.append(Org(a, b, org.name, country, tok, True, org.kind))
    if not idx.extra_first.isdisjoint(words):
        for a, b in _extra_names(text, start, end, words, idx.extra):
            hit = _lookup_curated(text[a:b])
            if hit is None:
                continue
            org = hit[0]
            found.append(Org(a, b, org.name, org.country, org.acronym, True, org.kind))
    found.sort(key=lambda o: (o.start, -(o.end - o.start)))
    out: list[Org] = []
    last = -1
    for o in found:
        if o.start < last:
            continue
        out.append(o)
        last = o.end
    return out


# ---------------------------------------------------------------------------------------
# People


_ROLE_QUALIFIER = re.compile(
    r"(?:(?:the|its|his|her|their|a|an)\s+)?"
    r"(?:(?:former|acting|then|outgoing|incoming|current|honorary|permanent|newly\s+appointed)"
    r"\s+)?"
    r"(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?:'s|’s)\s+|(?:[A-Z][a-z]+\s+){1,3})?"
)
_ARTICLE = re.compile(
    r"(?:(?:the|its|his|her|their|a|an)\s+)?(?:(?:former|acting|then|outgoing|incoming"
    r"|current|honorary|permanent|newly\s+appointed)\s+)?"
)
_ROLE_TOKEN = re.compile(r"[A-Z](?:\.[A-Z])+\.|[A-Za-z][\w&'’-]*|\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)")
_ROLE_CONNECTORS = frozenset("of for the and & to on in at de la du des der von van".split())
_ROLE_STOP_NAMES = frozenset({"UK", "US", "EU"})
_WORD_AT = re.compile(r"[\w-]+")
# lowercase words that belong to a role in front of its head ("Ghana's foreign minister")
_ROLE_ADJECTIVES = frozenset(
    """foreign finance science education defence defense health trade research technology
    industry energy environment interior economy agriculture deputy vice prime chief executive
    senior permanent principal general former acting nobel""".split()
)
# A name followed by a verb of speaking or meeting, alone or as "X and Y <verb>".
_ACTS_AFTER = re.compile(
    r"(?:\s+and\s+[" + _UPPER + r"][^\W\d_]+(?:\s+[" + _UPPER + r"][^\W\d_]+){1,3})?\s+"
    r"(?:said|says|told|noted|added|stressed|emphasi[sz]ed|co-?chaired|chaired|attended|met"
    r"|signed|addressed|delivered|opened|led|headed|presided|hosted|visited|spoke)\b"
)
_ACTED_BY_BEFORE = re.compile(r"\b(?:by|with|and|met|between)\s+$")
_ROLE_WITH_LIST = re.compile(
    r"(?:[A-Z][\w.'’-]*(?:'s|’s)\s+)?(?:[A-Z][\w-]*\s+){0,2}"
    r"(?:" + "|".join(sorted((w.capitalize() for w in ROLE_WORDS), key=len, reverse=True)) + r")"
    r"\s+(?:for|of)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:,\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)+"
    r",?\s+and\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*"
)
_ROLE_MODIFIERS = frozenset(
    "former acting then outgoing incoming current honorary permanent newly appointed".split()
)


def is_role_word(word: str) -> bool:
    """A role word, also inside a hyphenated compound ("Vice-Minister", "Minister-Counsellor")."""
    low = word.lower()
    return low in ROLE_WORDS or ("-" in low and any(p in ROLE_WORDS for p in low.split("-")))


def _starts_role(text: str, pos: int, limit: int) -> bool:
    """Whether a role phrase starts at `pos`: "Director ...", "the President of ...",
    "China's ambassador ...", "its Chairman", "former Minister ...", "German Federal
    Minister ..."."""
    m = _ARTICLE.match(text, pos, limit)
    first = _WORD_AT.match(text, m.end(), limit) if m else None
    if first and is_role_word(first.group(0)):
        return True
    m = _ROLE_QUALIFIER.match(text, pos, limit)
    if m is None:
        return False
    # the qualifier's own capitalised words may already be the role ("Vice Minister")
    for w in _WORD_AT.finditer(text, pos, min(limit, m.end() + 30)):
        if is_role_word(w.group(0)):
            return True
        if w.start() >= m.end():
            break
    return False


_SPACES = re.compile(r"\s*")
_COMMA_WORD = re.compile(r",\s*(\S+)")


def _role_phrase_after(text: str, pos: int, limit: int, name_starts: set[int]) -> int:
    """End of a role phrase starting at `pos` (after "Name, "); `pos` when there is none or
    when the phrase runs straight into another name (then it is that name's role)."""
    i = pos
    last_good = pos
    seen_role = False
    while i < limit:
        j = _SPACES.match(text, i, limit).end()  # type: ignore[union-attr]
        if j >= limit:
            break
        if j in name_starts:
            between = text[last_good:j].strip()
            if between in ("", "and", ", and", ","):
                if between == "":
                    return pos  # "Name1, Chongqing Mayor Name2": the role is Name2's
                break
        ch = text[j]
        if ch == ",":
            nxt = _COMMA_WORD.match(text, j, limit)
            if not nxt:
                break
            word = nxt.group(1).rstrip(",.;:")
            k = nxt.start(1)
            if k in name_starts or not word[:1].isupper():
                break
            if word in _ROLE_STOP_NAMES:
                if seen_role:
                    last_good = k + len(word)
                    i = last_good
                    continue
                break
            i = k
            continue
        m = _ROLE_TOKEN.match(text, j, limit)
        if not m:
            break
        tok = m.group(0)
        low = tok.lower()
        if tok[0].isupper() or tok.startswith("(") or low in ROLE_WORDS:
            if is_role_word(tok):
                seen_role = True
            last_good = m.end()
            i = m.end()
            continue
        if low in _ROLE_CONNECTORS or low in ("'s", "’s") or low in _ROLE_MODIFIERS:
            i = m.end()
            continue
        break
    return last_good if seen_role else pos


def _role_phrase_before(text: str, role_end: int, floor: int) -> int | None:
    """Start of a role phrase ending at `role_end` (right before a name, or before the comma
    of "the President of CASISD, Pan Jiaofeng"): "Vice Minister of Science and Technology",
    "Chongqing Mayor", "his French counterpart", "its Chairman"."""
    chunk = text[floor:role_end].rstrip()
    if not chunk.strip():
        return None
    words = list(re.finditer(r"[\w&'’-]+|\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)", chunk))
    if not words or words[-1].end() != len(chunk):
        return None  # punctuation right before: not a role running into the name
    if words[-1].group(0).lower() in _ROLE_CONNECTORS:
        return None
    start = None
    seen_role = False
    for w in reversed(words):
        gap = chunk[w.end() : (start - floor) if start is not None else len(chunk)]
        if (
            "," in gap
            or ";" in gap
            or "(" in gap.replace(w.group(0), "")
            or _DASH_GAP.search(gap) is not None
        ):
            break
        tok = w.group(0)
        low = tok.lower()
        if tok[0].isupper() or tok.startswith("(") or low in ROLE_WORDS:
            if is_role_word(tok):
                seen_role = True
            start = floor + w.start()
            continue
        if low in _ROLE_CONNECTORS and start is not None:
            continue
        if low in _ROLE_ADJECTIVES and start is not None:
            start = floor + w.start()  # "foreign minister", "science minister"
            continue
        if low in ("his", "her", "its", "their") and seen_role:
            start = floor + w.start()
        break
    if not seen_role or start is None:
        return None
    while True:
        m = re.match(r"(?:of|for|the|and|to|on|in|at)\s+", text[start:role_end])
        if not m:
            break
        start += m.end()
    return start


# a dash between words ends a role: "Lima, Andina – Education Minister X" (a dateline)
_DASH_GAP = re.compile(r"\s[–—-]\s|[–—]")


_ROLE_TAIL = re.compile(r"(?:,|\bof\s+the|\bof|\bat\s+the|\bat|\bthe|\()\s*$", re.IGNORECASE)


_SUB_UNIT = re.compile(
    r"(?P<unit>[^,]*?\b(?:Department|Bureau|Division|Office|Directorate|Section|Unit)\b[^,]*?)"
    r"\s+of\s+(?:the\s+)?(?P<parent>(?:[A-Z][\w'’&.-]*\s+)*?(?:Ministry|Commission|Academy"
    r"|Administration|Agency|University|Council|Government|Foundation)\b.*)$"
)


def _split_role(role: str, orgs: list[Org], base: int) -> tuple[str, str | None]:
    """("Director General of the International Cooperation Department", "Chinese Ministry of
    Science and Technology") from a role phrase: the last organisation named in it is the
    person's organisation; what comes before it is the role."""
    inside = [o for o in orgs if o.start >= base and o.end <= base + len(role) + 1]
    if not inside:
        return role, None
    org = inside[-1]
    rel = org.start - base
    head = role[:rel].rstrip()
    for _ in range(2):
        head = _ROLE_TAIL.sub("", head).rstrip(" ,(")
    if not head:
        # "European Commission President": the organisation first, then the role
        rest = role[org.end - base :].strip(" ,")
        return (rest or role), org.name
    unit = _SUB_UNIT.match(org.name)
    if unit is not None:
        # "Director of the Research Policy Department of the Swedish Ministry of ...": the
        # department belongs to the role, the ministry is the organisation
        return f"{head} of the {unit.group('unit')}", unit.group("parent")
    return head, org.name


def _lead_country(role: str) -> tuple[str | None, str]:
    """The nationality a role starts with, and the role without it: "China's ambassador to
    Belgium" -> ("CHN", "ambassador to Belgium"), "Chinese Vice Minister" -> ("CHN", ...)."""
    for words in (1, 2):
        m = re.match(
            r"(?:(?:the|its|his|her|their)\s+)?([A-Z][\w.]*"
            + r"(?:\s+[A-Z][\w.]*)" * (words - 1)
            + r")(?:'s|’s)?\s+",
            role,
        )
        if not m:
            continue
        found = _leading(m.group(1))
        if found is not None and found[0] == len(m.group(1)):
            rest = role[m.end() :]
            if any(w.lower().strip(".,") in ROLE_WORDS for w in rest.split()[:3]):
                return found[1], rest
    return None, role


_ROLE_ARTICLE = re.compile(r"^(?:the|its|his|her|their|a|an)\s+")


def _clean_role(role: str) -> str:
    role = _BRACKETED.sub("", role)
    role = _ROLE_ARTICLE.sub("", role.strip(" ,.;:"))
    return role.strip(" ,.;:")


def name_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of 2-4 name-like capitalised words in `text[start:end]` (people's names, before
    deciding which of them are people)."""
    out = []
    for m in _NAME_RUN.finditer(text, start, end):
        if m.start() > 0 and text[m.start() - 1] in "-'’":
            continue
        tokens = list(_NAME_TOKEN_RE.finditer(m.group(0)))
        hon = _HONORIFIC.search(text, max(0, m.start() - 14), m.start() + 1)
        after_honorific = hon is not None and hon.end() == m.start()
        groups: list[list[re.Match[str]]] = []
        stretch: list[re.Match[str]] = []
        for t in tokens:
            if _is_name_token(t.group(0), after_honorific and not groups):
                stretch.append(t)
                continue
            if stretch:
                groups.append(stretch)
            stretch = []
            groups.append([])
        if stretch:
            groups.append(stretch)
        for i, g in enumerate(groups):
            if not 2 <= len(g) <= 4:
                continue
            s = m.start() + g[0].start()
            e = m.start() + g[-1].end()
            # "Mihajlo Pupin Institute": the run goes on into an organisation or title word.
            nxt = text[e : e + 40].split()
            if nxt and nxt[0].strip(",.;:") in ORG_HEADS and not text[e:].startswith(","):
                continue
            if i + 1 < len(groups) and text[e : e + 1] == " ":
                following = text[e + 1 : e + 40].split()
                if following and following[0] in ORG_HEADS:
                    continue
            out.append((s, e))
    return out


def find_people(
    text: str,
    start: int,
    end: int,
    orgs: list[Org] | None = None,
    names: list[tuple[int, int]] | None = None,
) -> list[Person]:
    """Named people in `text[start:end]` with the role and organisation stated with them.

    A capitalised name counts as a person only with a role, an honorific, or an
    organisation stated with it; otherwise it may be anything (a ship, a place).
    """
    orgs = orgs or []
    cands = [
        (s, e)
        for s, e in (names if names is not None else name_spans(text, start, end))
        if not any(o.start <= s < o.end for o in orgs)
    ]
    name_starts = {s for s, _ in cands}
    people: list[Person] = []
    prev_end = start
    for s, e in cands:
        role_text: str | None = None
        role_base = 0
        # the pattern looks ahead at the name's capital, so it must see the name's start
        hon = _HONORIFIC.search(text, max(start, s - 14), s + 1)
        honorific = hon is not None and hon.end() == s
        org_of: Org | None = None
        after = re.match(r",\s+", text[e:end])
        if after:
            rs = e + after.end()
            if _starts_role(text, rs, end):
                re_ = _role_phrase_after(text, rs, end, name_starts)
                if re_ > rs:
                    role_text, role_base = text[rs:re_], rs
            if role_text is None:
                # "Alison Noble, RS": an organisation in apposition
                org_of = next((o for o in orgs if o.start == rs), None)
        if role_text is None and org_of is None:
            floor = max(prev_end, s - 100, start)
            rb = _role_phrase_before(text, s, floor)
            if rb is None:
                # "Minister of Science, Technology and Education Ana Ruiz": a role whose
                # portfolio is a list runs straight into the name
                lm = _ROLE_WITH_LIST.search(text, floor, s)
                if lm is not None and lm.end() == s:
                    rb = lm.start()
            if rb is not None:
                role_text, role_base = text[rb:s].rstrip(), rb
            else:
                # "the President of CASISD, Pan Jiaofeng,", "led by its Chairman, Imran Qureshi"
                m = re.search(r",\s*$", text[floor:s])
                if m:
                    comma = floor + m.start()
                    rb = _role_phrase_before(text, comma, floor)
                    if rb is None:
                        # "Kenya's Principal Secretary for Science, Research and Innovation,"
                        lm = _ROLE_WITH_LIST.search(text, floor, comma)
                        if lm is not None and lm.end() == comma:
                            rb = lm.start()
                    if rb is not None:
                        role_text, role_base = text[rb:comma], rb
        if role_text is None and org_of is None:
            m = re.match(r"\s+of\s+(?:the\s+)?", text[e:end])
            if m:
                org_of = next((o for o in orgs if o.start == e + m.end()), None)
        if role_text is None and org_of is None and not honorific:
            # no role stated: a person only as the one who speaks, chairs, signs or meets
            # ("Luciana Santos and Wang Zhigang signed the agreement", "attended by X")
            if not (
                _ACTS_AFTER.match(text, e, end)
                or _ACTED_BY_BEFORE.search(text, max(start, s - 20), s)
            ):
                continue
        prev_end = e
        role: str | None = None
        organisation: str | None = None
        country: str | None = None
        if role_text is not None:
            role, organisation = _split_role(role_text, orgs, role_base)
            country, role = _lead_country(_clean_role(role))
            role = _clean_role(role) or None
            if country is None and organisation:
                country = next((o.country for o in orgs if o.name == organisation), None)
                if country is None:
                    country = org_country(organisation)
            if country is None:
                tail = re.search(
                    r"\bof\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)\s*$", role_text
                )
                if tail:
                    found = find_countries(tail.group(1))
                    if found and found[-1].end == len(tail.group(1).rstrip(".")):
                        country = found[-1].iso3
        if org_of is not None:
            organisation = organisation or org_of.name
            country = country or org_of.country
        people.append(Person(s, e, text[s:e], role, organisation, country))
    return people
