"""Who takes part: people with their roles, organisations with their countries, and the
countries and organisations a sentence lists as partners.

Projects and meetings name their participants in a handful of English constructions, and
the rules here read those constructions rather than guessing from capital letters alone:

- People with a role in apposition: "Dai Gang, Director General of the International
  Cooperation Department, Chinese Ministry of Science and Technology"; with the role before
  the name: "Chinese Vice Minister of Science and Technology Chen Jiachang", "Chongqing
  Mayor Hu Henghua", "his French counterpart Le Thaillou"; the role first and the name in
  apposition: "the President of CASISD, Pan Jiaofeng,"; with an honorific: "Prof. Dou
  Xiankang" (the honorific is not part of the name); a capitalised run that goes on into
  another capitalised word ("Mihajlo Pupin Institute") is not a person. What a name looks
  like is in `person_names`, where a role phrase runs in `role_phrases`.
- Organisations: organisation-shaped phrases read from a head word ("University",
  "Institute", "Academy", "Ministry"...), the acronyms the document defines
  (`organisations.learn_acronyms`) or the curated list knows, and curated names without a
  head word ("BRICS", "Horizon Europe"). This reads one sentence at a time, which the
  extractors need (they analyse few sentences per document). How far a name runs and
  which country it belongs to is in `org_spans`; the word tables are in
  `participant_words`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transform import org_spans, person_names, role_phrases
from transform.countries import find_countries
from transform.participant_words import ORG_HEADS, ROLE_WORDS
from transform.places import country_of_name
from transform.scanning import bounded_matches

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


def org_country(name: str, text: str = "", start: int = 0, end: int = 0) -> str | None:
    """An organisation's country: curated (unless generic), its own name, a qualifier in
    the text, its parent ("Institute of Automation of the Chinese Academy of Sciences")."""
    hit = org_spans.lookup_curated(name)
    if hit is not None:
        org, qualified = hit
        if not org.generic:
            return org.country
        if qualified:
            q = country_of_name(name.split(" of ")[0])
            if q:
                return q
        return org_spans.qualifier(text, start, end) if text else None
    own, parent = org_spans.own_country(name)
    if own:
        return own
    if text:
        q = org_spans.qualifier(text, start, end)
        if q:
            return q
    return parent


_THE_START = re.compile(r"^(?:the|The)\s+")
_BRACKETED = re.compile(r"\s*\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)")
_BRACKET_ACR = re.compile(r"\(\s*([A-Z][A-Za-z&.\-]{1,11})\s*\)")


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
    idx = org_spans.curated_index()
    found: list[Org] = []
    # The sentence's words, punctuation stripped: a set lookup decides which of the three
    # readings can find anything at all, and where to look.
    raw_words = text[start:end].split()
    words = {w.strip(org_spans.STRIP) for w in raw_words}
    words.update(p for w in raw_words if "-" in w for p in w.strip(org_spans.STRIP).split("-"))
    for m in (
        bounded_matches(org_spans.HEAD_SCAN, text, start, end)
        if not org_spans.HEADS_PLAIN.isdisjoint(words)
        else ()
    ):
        head = m.group(0)
        s = org_spans.extend_left(text, m.start(), start)
        e = org_spans.extend_right(text, m.end(), end, head, stops)
        if s == m.start() and e == m.end():
            continue  # a bare head word ("the Institute") names nothing
        phrase = text[s:e]
        name = _THE_START.sub("", _BRACKETED.sub("", phrase).strip())
        acr = _BRACKET_ACR.search(phrase)
        hit = org_spans.lookup_curated(name)
        if hit is not None and not hit[1]:
            org = hit[0]
            country = org.country if not org.generic else org_spans.qualifier(text, s, e)
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
                hit = org_spans.lookup_curated(long)
                if hit is not None:
                    org = hit[0]
                    country = org.country if not org.generic else None
                    found.append(Org(a, b, org.name, country, tok, True, org.kind))
                elif org_spans.ORG_HEAD_RE.search(long):
                    found.append(Org(a, b, long, org_country(long), tok, False, None))
                continue
            org = idx.acronyms[tok]
            country = org.country if not org.generic else None
            found.append(Org(a, b, org.name, country, tok, True, org.kind))
    if not idx.extra_first.isdisjoint(words):
        for a, b in org_spans.extra_names(text, start, end, words, idx.extra):
            hit = org_spans.lookup_curated(text[a:b])
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
    for m in person_names.NAME_RUN.finditer(text, start, end):
        if m.start() > 0 and text[m.start() - 1] in "-'’":
            continue
        tokens = list(person_names.NAME_TOKEN_RE.finditer(m.group(0)))
        hon = person_names.HONORIFIC.search(text, max(0, m.start() - 14), m.start() + 1)
        after_honorific = hon is not None and hon.end() == m.start()
        groups: list[list[re.Match[str]]] = []
        stretch: list[re.Match[str]] = []
        for t in tokens:
            if person_names.is_name_token(t.group(0), after_honorific and not groups):
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
        hon = person_names.HONORIFIC.search(text, max(start, s - 14), s + 1)
        honorific = hon is not None and hon.end() == s
        org_of: Org | None = None
        after = re.match(r",\s+", text[e:end])
        if after:
            rs = e + after.end()
            if role_phrases.starts_role(text, rs, end):
                re_ = role_phrases.role_phrase_after(text, rs, end, name_starts)
                if re_ > rs:
                    role_text, role_base = text[rs:re_], rs
            if role_text is None:
                # "Alison Noble, RS": an organisation in apposition
                org_of = next((o for o in orgs if o.start == rs), None)
        if role_text is None and org_of is None:
            floor = max(prev_end, s - 100, start)
            rb = role_phrases.role_phrase_before(text, s, floor)
            if rb is None:
                # "Minister of Science, Technology and Education Ana Ruiz": a role whose
                # portfolio is a list runs straight into the name
                lm = role_phrases.ROLE_WITH_LIST.search(text, floor, s)
                if lm is not None and lm.end() == s:
                    rb = lm.start()
            if rb is not None:
                role_text, role_base = text[rb:s].rstrip(), rb
            else:
                # "the President of CASISD, Pan Jiaofeng,", "led by its Chairman, Imran Qureshi"
                m = re.search(r",\s*$", text[floor:s])
                if m:
                    comma = floor + m.start()
                    rb = role_phrases.role_phrase_before(text, comma, floor)
                    if rb is None:
                        # "Kenya's Principal Secretary for Science, Research and Innovation,"
                        lm = role_phrases.ROLE_WITH_LIST.search(text, floor, comma)
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
                person_names.ACTS_AFTER.match(text, e, end)
                or person_names.ACTED_BY_BEFORE.search(text, max(start, s - 20), s)
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
