"""Attaching spans to a project being read: its date, funding, countries, organisations,
follow-up sentences of the same item, and the final candidate (type, place, participants)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from transform import project_cues as cues
from transform import project_rules as rules
from transform import project_verbs as verbs
from transform.countries import country_name
from transform.event_context import Analysis, EventDoc
from transform.facts import Candidate, Project, ProjectParticipant
from transform.fx import to_usd
from transform.money import has_money, parse_amounts
from transform.organisations import CuratedOrg, curated_organisations
from transform.participants import Org, countries_named
from transform.places import Place, read_place
from transform.project_clauses import (
    is_source,
)
from transform.project_names import (
    is_named,
    name_marks,
    project_type_of,
    same_project,
)
from transform.project_setting import day_date

_I = re.IGNORECASE


@dataclass
class Draft:
    """A project being read: the event sentence's reading plus follow-ups."""

    sentence: int
    name: str
    head_type: str
    status: str
    event_date: date | None
    place: Place | None
    named: bool
    countries: list[str] = field(default_factory=list)
    orgs: list[Org] = field(default_factory=list)
    funding: tuple[float, str, float | None, bool] | None = None
    span: tuple[int, int] = (0, 0)
    head: str = ""
    subject_orgs: list[Org] = field(default_factory=list)
    subject_countries: list[str] = field(default_factory=list)
    launch_site_country: str | None = None
    # the names listed after a count ("launched two satellites A and B"): one project each
    items: list[str] = field(default_factory=list)
    # what the event sentence calls a project it names ("a weather satellite" of "HIMA-9"),
    # so a headline that only describes it ("China launches weather satellite") is it
    description: str | None = None


SAME = "__same__"  # a _read_event result meaning "the current project again"


def same_draft(index: int) -> Draft:
    """The reading of a sentence that speaks of the current project again."""
    return Draft(index, "", "", "", None, None, False, head=SAME)


def funding_of(ctx: EventDoc, start: int, end: int) -> tuple[float, str, float | None, bool] | None:
    """(amount, currency, stated USD, outlay) the sentence gives the project, if any (rule
    10); `outlay` when the text calls it an outlay or total cost (a programme's budget)."""
    text = ctx.text[start:end]
    if not has_money(text):
        return None
    for amt in parse_amounts(text, dollar=ctx.dollar):
        window = text[max(0, amt.start - 60) : amt.span_end + 40]
        if rules.FUNDING_CUE.search(window) and not rules.NOT_MONEY_CONTEXT.search(window):
            stated = amt.stated_usd if amt.currency != "USD" else amt.value
            outlay = rules.OUTLAY.search(text, max(0, amt.start - 40), amt.start) is not None
            return amt.value, amt.currency, stated, outlay
    return None


def countries_of_sentence(ctx: EventDoc, info: Analysis, start: int, end: int) -> list[str]:
    """Countries the sentence names, outside sources and comparisons. A country inside an
    organisation's name counts only when the organisation has no country of its own
    ("China-Pakistan Joint Research Centre"); otherwise the organisation speaks for it
    ("Hong Kong Institute ... of the Chinese Academy of Sciences" is HKG, not CHN)."""
    out: list[str] = []
    orgs = ctx.orgs_in(start, end, info)
    for c in ctx.countries_in(start, end, info):
        if any(o.start <= c.start < o.end and o.country is not None for o in orgs):
            continue
        if is_source(ctx.text, start, c.start):
            continue
        if cues.REGION_BEFORE.search(ctx.text, max(start, c.start - 8), c.start):
            continue  # "the Inner Mongolia autonomous region" is in China
        if c.iso3 not in out:
            out.append(c.iso3)
    return out


def orgs_of_sentence(
    ctx: EventDoc, info: Analysis, start: int, end: int, exclude: tuple[int, int]
) -> list[Org]:
    """Organisations that take part: not the project itself, not a source ("according
    to"), a certifier, a launch site, a newspaper or a legislature."""
    out = []
    for o in ctx.orgs_in(start, end, info):
        if exclude[0] <= o.start < exclude[1] or o.start <= exclude[0] < o.end:
            continue
        if is_source(ctx.text, start, o.start) or rules.SAID_AFTER.match(ctx.text, o.end):
            continue
        if o.kind in ("media", "legislature", "advisory", "party", "facility"):
            continue
        if rules.LAUNCH_SITE.search(o.name):
            continue
        out.append(o)
    return out


def partner_orgs(
    ctx: EventDoc, info: Analysis, start: int, end: int
) -> tuple[list[Org], list[str]]:
    """Organisations and countries a follow-up sentence introduces as builders, funders or
    partners ("set up by ...", "in collaboration with ...", "from the CAS")."""
    orgs: list[Org] = []
    countries: list[str] = []
    for m in rules.PARTNER_CUE.finditer(ctx.text, start, end):
        stop = rules.LIST_STOP.search(ctx.text, m.end(), end)
        list_end = stop.start() if stop else end
        listed = ctx.orgs_in(m.end(), list_end, info)
        for o in listed:
            if o not in orgs and not rules.LAUNCH_SITE.search(o.name):
                orgs.append(o)
        for c in ctx.countries_in(m.end(), list_end, info):
            if not any(o.start <= c.start < o.end for o in listed) and c.iso3 not in countries:
                countries.append(c.iso3)
    return orgs, countries


def rename_from(ctx: EventDoc, draft: Draft, text: str) -> None:
    """A project first described ("a joint laboratory for smart agriculture", "a four-year
    project") takes the name a follow-up gives it ("The project, Sustainable Rice Systems
    for Climate Resilience (SUSTAIN-RICE), ...", "The China-Thailand Joint Laboratory for
    Smart Agriculture is a partnership of ...")."""
    m = rules.RENAME_APPOSITION.match(text)
    name = None
    if m is not None and (
        m.group("h").lower() == draft.head or rules.GENERIC_HEADS.get(m.group("h").lower())
    ):
        name = m.group("name")
    else:
        m = rules.RENAME_SUBJECT.match(text)
        if m is not None:
            typed = project_type_of(m.group("name"))
            if typed is not None and (typed[0] == draft.head or typed[1] == draft.head_type):
                name = m.group("name")
            elif (
                typed is None
                and draft.head_type == "space_mission"
                and cues.CODE_NAME.fullmatch(m.group("name"))
            ):
                name = m.group("name")  # "a mapping satellite ... The Tianhui-1C was ..."
    if name and is_named(name, False):
        draft.name = name.strip()
        draft.named = True


def follow_up(ctx: EventDoc, draft: Draft, index: int) -> None:
    """What a follow-up sentence adds to the draft's project (rules 9, 10, 7)."""
    s = ctx.sentences[index]
    if not draft.named:
        rename_from(ctx, draft, s.text)
    words = ctx.words[index]
    if (
        draft.event_date is None
        and draft.status != "planned"
        and not verbs.VERB_ANCHORS.isdisjoint(words)
        and rules.PAST_EVENT.search(s.text)
    ):
        # "It kicked off on Monday", "The centre was inaugurated on 5 May"
        draft.event_date = day_date(ctx, s.start, s.end, s.start)
    if not rules.PARTNER_WORDS.isdisjoint(words) and rules.PARTNER_CUE.search(s.text):
        orgs, countries = partner_orgs(ctx, ctx.analysis(s), s.start, s.end)
        for o in orgs:
            if o.name != draft.name and not same_project(o.name, draft.name):
                draft.orgs.append(o)
        draft.countries.extend(c for c in countries if c not in draft.countries)
    if draft.funding is None:
        draft.funding = funding_of(ctx, s.start, s.end)
    if (
        draft.event_date is None
        and draft.head_type == "research_result"
        and draft.status != "planned"
        and not rules.ANNOUNCED_WORDS.isdisjoint(words)
        and rules.ANNOUNCED.search(s.text)
    ):
        draft.event_date = day_date(ctx, s.start, s.end, s.start)
    if draft.place is None:
        lm = rules.LOCATED.search(s.text) if not rules.LOCATED_WORDS.isdisjoint(words) else None
        if lm:
            draft.place = read_place(ctx.text, s.start + lm.end(), s.end)


def refers_to(draft: Draft, ctx: EventDoc, index: int) -> bool:
    """Whether a follow-up sentence speaks of the draft's project: it opens with a
    determiner and the project's head noun or a generic word for its kind ("The
    laboratory", "A jointly funded laboratory", "The mission", "The work"), or "It"."""
    text = ctx.sentences[index].text
    if draft.named and any(w in text for w in name_marks(draft.name)):
        return True  # "Chang'e-6 carries four international payloads: ..."
    if draft.named and len(draft.name) > 8 and draft.name in text:
        return True
    lead = rules.LEAD_ADVERBIAL.match(text)
    if lead:
        text = text[lead.end() :]
    if rules.FOLLOW_PRONOUN.match(text):
        return True
    m = rules.FOLLOW_OPENER.match(text)
    if m is None:
        return False
    for w in m.group(1).lower().split():
        w = w.strip(",")
        if w == draft.head or w.rstrip("s") == draft.head:
            return True
        kind = rules.GENERIC_HEADS.get(w)
        if kind is not None:
            centre = {"lab", "research_center"}
            return kind == draft.head_type or {kind, draft.head_type} <= centre
    return False


def owners_of(ctx: EventDoc, d: Draft) -> list[Org]:
    """The organisation a project's name says it belongs to ("Central Asian Branch of
    UCAS", "... Center for Drug Research and Development of CAS")."""
    s = ctx.sentences[d.sentence]
    found = [
        o
        for o in ctx.orgs_in(d.span[0], d.span[1], ctx.analysis(s))
        if d.name.endswith(" of " + ctx.text[o.start : o.end])
    ]
    if not found and " of " in d.name:
        tail = d.name.rsplit(" of ", 1)[1].strip()
        org = _curated_by_key().get(tail)
        if org is not None:
            at = ctx.text.find(tail, d.span[0], d.span[1] + 1)
            found.append(Org(at, at + len(tail), tail, org.country, org.acronym, True, org.kind))
    return found


@lru_cache(maxsize=1)
def _curated_by_key() -> dict[str, CuratedOrg]:
    """Curated organisations by name and by acronym."""
    out: dict[str, CuratedOrg] = {}
    for o in curated_organisations():
        out.setdefault(o.name, o)
        if o.acronym:
            out.setdefault(o.acronym, o)
    return out


def home_country(ctx: EventDoc) -> str | None:
    """The country a document speaks of most in its body sentences, if one leads clearly
    (named at least twice, and more often than any other)."""
    counts: dict[str, int] = {}
    for i, s in enumerate(ctx.sentences):
        if ctx.body[i]:
            for c in ctx.countries_in(s.start, s.end, ctx.analysis(s)):
                counts[c.iso3] = counts.get(c.iso3, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def launch_state(ctx: EventDoc, d: Draft) -> str | None:
    """The launching state of a space mission: the country of a launch site or vehicle
    ("from Taiyuan", "a Long March-2C rocket") named in its sentence, else its paragraph,
    else the document."""
    s = ctx.sentences[d.sentence]
    para_start = ctx.text.rfind("\n\n", 0, s.start) + 1
    para_end = ctx.text.find("\n\n", s.end)
    scopes = (
        s.text,
        ctx.text[para_start : para_end if para_end >= 0 else len(ctx.text)],
        ctx.text,
    )
    for scope in scopes:
        for iso3, pattern in cues.LAUNCH_STATE_RES:
            if pattern.search(scope):
                return iso3
    site = cues.LAUNCHED_FROM.search(ctx.text)
    if site is not None:
        named = countries_named(site.group(1))
        if len(named) == 1:
            return named[0]  # "launched ... from a space station in China"
    return None


def finish(ctx: EventDoc, d: Draft) -> Candidate:
    """Rules 6 and 8: the type and place decided from all participants, as a candidate."""
    s = ctx.sentences[d.sentence]
    countries: list[str] = []
    for c in [*countries_named(d.name), *d.countries]:
        if c not in countries:
            countries.append(c)
    orgs: list[Org] = []
    seen: set[str] = set()
    names = [o.name for o in d.orgs]
    for o in d.orgs:
        if o.name in seen or d.span[0] <= o.start < d.span[1]:
            continue
        if any(o.name != n and n.endswith(" " + o.name) for n in names):
            continue  # "Institute for Space Research" is the "National Institute for ..." again
        if same_project(o.name, d.name) and o.start >= d.span[0] - 1 and o.end <= d.span[1] + 12:
            continue
        seen.add(o.name)
        orgs.append(o)
    for o in owners_of(ctx, d):
        if o.name not in seen:
            seen.add(o.name)
            orgs.append(o)
    all_countries = list(dict.fromkeys([*countries, *(o.country for o in orgs if o.country)]))
    if not all_countries and d.place is None:
        # nothing in its sentences says whose project it is: the document's country
        home = home_country(ctx)
        if home is not None:
            countries = all_countries = [home]
    kind = d.head_type
    if kind == "lab":
        joint = len(all_countries) >= 2 or re.search(r"\bjoint\b", d.name, _I) is not None
        kind = "joint_lab" if joint else "research_center"
    city = d.place.city if d.place else None
    country = d.place.country if d.place else None
    if kind == "space_mission":
        city = None
        country = (
            launch_state(ctx, d)
            or next(iter(d.subject_countries), None)
            or next((o.country for o in d.subject_orgs if o.country), None)
            or country
            or d.launch_site_country
            or (all_countries[0] if len(all_countries) == 1 else None)
        )
    elif kind == "research_result":
        country = next((o.country for o in orgs if o.country), None) or country
        if country is None and all_countries:
            country = all_countries[0]
    elif country is None and len(all_countries) == 1:
        # one country's project; with a grouping (the EU) as a second party it has no seat
        if not any(o.country is None and o.kind in ("international",) for o in orgs):
            country = all_countries[0]
    participants = [ProjectParticipant("country", country_name(c) or c, c) for c in countries]
    participants += [ProjectParticipant("organisation", o.name, o.country) for o in orgs]
    funding_amount = funding_currency = funding_usd = None
    if d.funding is not None and not (kind == "programme" and d.funding[3]):
        funding_amount, funding_currency, stated, _ = d.funding
        year = (
            d.event_date.year if d.event_date else (ctx.published.year if ctx.published else None)
        )
        funding_usd = to_usd(funding_amount, funding_currency, year)
        if funding_usd is None:
            funding_usd = stated  # no rate for the currency: the text's own conversion
    project = Project(
        name=d.name,
        project_type=kind,
        status=d.status,
        event_date=d.event_date,
        city=city,
        country=country,
        funding_amount=funding_amount,
        funding_currency=funding_currency,
        funding_usd=funding_usd,
        participants=tuple(participants),
    )
    return Candidate(fact=project, mention=ctx.mention(s))
