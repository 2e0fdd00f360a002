"""Project readings beside the subject-verb-object event of `projects`: a record set on a
facility (a breakthrough), "its first satellite" named by its owner (and other unnamed
projects named by what they do), the subject a passive or intransitive verb reports, and a
second project named in the same phrase as the first."""

from __future__ import annotations

import re
from dataclasses import replace

from transform import project_cues as cues
from transform import project_rules as rules
from transform.event_context import EventDoc
from transform.participants import countries_named
from transform.project_attach import (
    Draft,
    countries_of_sentence,
    orgs_of_sentence,
)
from transform.project_clauses import Verb, clause_start_of, np_after, np_before
from transform.project_names import (
    clean_name,
    concrete_project,
    expand_acronym,
    is_named,
    project_type_of,
)
from transform.project_setting import day_date

__all__ = [
    "agreed_project",
    "another_draft",
    "heading_draft",
    "names_current_mission",
    "owner_name",
    "partners_name",
    "passive_subject",
    "record_draft",
    "subject_before",
    "unnamed_name",
]


def record_draft(ctx: EventDoc, index: int, m: Verb) -> Draft | None:
    """ "Scientists at the Hefei Institute ... set another world record on their EAST
    tokamak, sustaining ...": a research result (status other) named by what the record was
    set on, else by the subject, dated by the sentence."""
    s = ctx.sentences[index]
    text = ctx.text
    on = cues.RECORD_ON.match(text, m.end)
    if on is not None:
        ns, ne = np_after(text, on.end(), s.end)
    else:
        ns, ne = np_before(text, clause_start_of(text, ctx.opening[index], m.start), m.start)
    thing = clean_name(text[ns:ne])
    if not thing or not is_named(thing, False):
        return None
    info = ctx.analysis(s)
    return Draft(
        sentence=index,
        name=f"{thing} record",
        head_type="research_result",
        status="other",
        event_date=day_date(ctx, s.start, s.end, m.start),
        place=None,
        named=True,
        countries=countries_of_sentence(ctx, info, s.start, s.end),
        orgs=orgs_of_sentence(ctx, info, s.start, s.end, (ns, ne)),
        span=(ns, ne),
        head="record",
    )


def owner_name(ctx: EventDoc, index: int, raw: str, start: int, end: int) -> str | None:
    """ "Ethiopia's first satellite" for "its first satellite" when the subject before the
    verb (`text[start:end]`) names a country."""
    m = rules.FIRST_OF_KIND.match(raw.strip())
    if m is None or not raw.strip().lower().startswith(("its ", "their ")):
        return None
    found = ctx.countries_in(start, end, ctx.analysis(ctx.sentences[index]))
    if not found:
        return None
    rest = raw.strip().split(None, 1)[1]
    return f"{ctx.text[found[0].start : found[0].end]}'s {rest}"


def unnamed_name(
    ctx: EventDoc, index: int, raw: str, name: str, ne: int, start: int, end: int
) -> str | None:
    """The name an unnamed project (`raw`, cleaned to `name`, ending at `ne`) is reported
    under, or None when too little tells which it is: its owner's ("its first satellite"
    after a country, `text[start:end]` being the subject), the description set after "its
    first ..." when that names a project, and a lone head noun with what the thing does
    ("a new catalyst that converts carbon dioxide into methanol"), so that two unnamed
    projects of one kind stay apart."""
    s = ctx.sentences[index]
    text = ctx.text
    owner = owner_name(ctx, index, raw, start, end)
    described = (
        cues.DESCRIBING_APPOSITION.search(text, ne, s.end)
        if rules.FIRST_OF_KIND.match(raw.strip())
        else None
    )
    if described is not None and project_type_of(described.group(1)) is not None:
        # "their first cooperative program under the plan, a satellite data platform"
        name = described.group(1)
    elif owner is not None:
        name = owner  # "Ethiopia ... launched its first satellite"
    if len(name.split()) < 2:
        what = rules.WHAT_IT_DOES.match(text, ne, s.end)
        if what is None:
            return None  # "a laboratory was built": too little to tell which
        name = f"{name} {what.group(0).strip()}"
    return name


def another_draft(draft: Draft, name: str) -> Draft:
    """A second project named in the same phrase as `draft`'s, read from the same words."""
    typed = project_type_of(name)
    head, kind = typed if typed is not None else (draft.head, draft.head_type)
    return replace(
        draft,
        name=name,
        head=head,
        head_type=kind,
        countries=list(draft.countries),
        orgs=list(draft.orgs),
        subject_orgs=list(draft.subject_orgs),
        subject_countries=list(draft.subject_countries),
    )


def heading_draft(ctx: EventDoc, index: int) -> Draft | None:
    """A project a heading or contents line reports ("* Joint Lab on Railways Opened in
    Vientiane", "The Central Asian Branch of UCAS Unveiled in Uzbekistan"): a fact of its
    own when the body does not state it (`project_merge` keeps the body's reading)."""
    s = ctx.sentences[index]
    m = cues.HEADING_EVENT.match(s.text) or cues.HEADING_ACTIVE.match(s.text)
    if m is None:
        return None
    name = clean_name(m.group("name"))
    typed = project_type_of(name)
    if typed is None or not is_named(name, False) or typed[0].endswith("s"):
        return None
    if name.lower() == typed[0]:
        return None  # "Centre opens": a head noun alone names nothing
    actor = m.groupdict().get("actor")
    if actor is not None and (
        cues.COMPANY.search(actor)
        or any(
            o.kind == "company"
            for o in ctx.orgs_in(s.start, s.start + m.end("actor"), ctx.analysis(s))
        )
    ):
        return None  # "Huawei Technologies Unveils New Kirin Chip": a company's product
    if name.split()[0].lower() in rules.NOT_LAUNCHED_WORDS:
        return None  # "China Launches Campaign Against Fraud"
    core = rules.CORE_SPLIT.split(name, maxsplit=1)[0].lower().split()
    if cues.NOT_A_HEADING_NAME.search(name) or not rules.NOT_PROJECT_WORDS.isdisjoint(core):
        return None  # "China-Africa innovation cooperation conference opens": a meeting
    verb = m.group("verb").lower()
    status = next(v for k, v in cues.HEADING_STATUS.items() if verb.startswith(k))
    if actor is not None and actor.split()[-1].lower() in ("to", "will"):
        status = "planned"  # "China, Brazil to Launch CBERS-6 Satellite in 2028"
    info = ctx.analysis(s)
    after = s.start + m.end()
    # the project itself is no participant; a headline's actor is
    project = (s.start, after) if actor is None else (s.start + m.start("name"), after)
    return Draft(
        sentence=index,
        name=name,
        head_type=typed[1],
        status=status,
        event_date=day_date(ctx, after, s.end, after),
        place=next(iter(ctx.places_in(after, s.end)), None),
        named=True,
        countries=countries_of_sentence(ctx, info, s.start, s.end),
        orgs=orgs_of_sentence(ctx, info, s.start, s.end, project),
        span=(s.start + m.start("name"), s.start + m.end("name")),
        head=typed[0],
    )


def names_current_mission(name: str, current: Draft | None) -> bool:
    """ "China has launched a mapping satellite ... The Tianhui-1C was launched on Monday":
    a bare code name launched right after an unnamed mission is that mission's name."""
    return (
        current is not None
        and current.head_type == "space_mission"
        and not current.named
        and cues.CODE_NAME.fullmatch(name) is not None
    )


def passive_subject(
    ctx: EventDoc, clause_start: int, vs: int, ns: int, ne: int
) -> tuple[int, int, str | None]:
    """The subject of a passive verb when an apposition stands before it, and the phrase
    that types it: (start, end, apposition). "An initiative to ..., co-sponsored by A, B and
    C, was kicked off" and "AITC, the largest of its kind in Africa, was established": the
    first phrase; "CBERS-4, the fifth of the series, was launched" and "The FAST telescope,
    the world's largest ..., was built": the name; "A new supercomputer, Sunway OceanLight,
    was put into operation": the name, typed by the description. `ns`-`ne` is the last
    phrase before the verb."""
    text = ctx.text
    fs, fe = np_before(text, clause_start, vs)
    between = cues.PARTICIPIAL_APPOSITION.match(text, fe) or cues.NP_APPOSITION.match(text, fe)
    named_between = cues.NAME_BETWEEN.match(text, fe)
    if named_between is not None and project_type_of(clean_name(text[fs:fe])):
        return (*named_between.span("n"), text[fs:fe])
    first = expand_acronym(ctx, clean_name(text[fs:fe]))
    last_typed = project_type_of(text[ns:ne]) is not None
    if between is None or fe >= ne:
        return ns, ne, None
    if not last_typed and project_type_of(first) is not None:
        return fs, fe, None
    if last_typed and rules.DIGIT_WORD.search(first) and len(first.split()) <= 3:
        return fs, fe, text[ns:ne]
    if last_typed and is_named(first, False) and rules.INDEFINITE.match(text, ns, ne):
        return fs, fe, text[ns:ne]  # "The Newton Fund, a UK government initiative, was ..."
    if (
        last_typed
        and is_named(first, False)
        and project_type_of(first) is not None
        and not is_named(clean_name(text[ns:ne]), False)
    ):
        return fs, fe, None
    return ns, ne, None


def subject_before(
    ctx: EventDoc, clause_start: int, vs: int, passive: bool, intransitive: bool
) -> tuple[int, int, str | None] | None:
    """The project a passive or intransitive verb at `vs` reports, read from its subject:
    (start, end, apposition that types it), or None when that subject is no project of its
    own: a relative pronoun ("which was launched in 2018": a recall) or a project's works
    ("Construction of the super-microscope began in 2019")."""
    text = ctx.text
    appos: str | None = None
    ns, ne = np_before(text, clause_start, vs, last_chunk=passive)
    if not passive and (
        text.startswith("According", ns) or text.startswith("According", clause_start)
    ):
        # "According to the minister, X is expected to start ...": the last phrase
        ns, ne = np_before(text, clause_start, vs, last_chunk=True)
    if passive:
        ns, ne, appos = passive_subject(ctx, clause_start, vs, ns, ne)
    if ne <= ns:
        return None
    if text[ns:ne].split()[0].lower() in rules.RELATIVE_WORDS:
        return None
    if intransitive and rules.OWN_WORKS.match(text, ns, ne):
        return None
    return ns, ne, appos


_ONE_OF_A_KIND = re.compile(r"\b(?:an?|one)\s+(?!\w+\s+(?:of|more)\b)|\ban?\s+$")


def agreed_project(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """The named project a signed agreement is about, after the agreement noun at `pos`:
    "an agreement on the joint development of the CBERS-6 satellite", "an agreement on
    International Lunar Research Station cooperation", "an agreement to ... through the
    joint Centre of X"; not "an agreement on Science and Technology Cooperation"."""
    rel = cues.RELATIVE_AFTER_AGREEMENT.search(text, pos, end)
    if rel is not None:
        end = rel.start()  # "the X Agreement, which will see ... also for the Y Centre"
    ag = rules.AGREED_PROJECT.search(text, pos, end)
    named_ag = None if ag else cues.AGREED_NAMED.search(text, pos, end)
    if ag is None and named_ag is None:
        return None
    found = ag or named_ag
    assert found is not None  # one of the two matched (checked above)
    ns, ne = np_after(text, found.end(), end)
    if ne <= ns:
        return None
    if not is_named(clean_name(text[ns:ne]), False):
        # "signed a deal for construction of an agricultural research centre in Mazozo": one
        # unnamed project of a project's kind, created by the agreement, still counts
        one = ag is not None and (
            _ONE_OF_A_KIND.search(ag.group(0)) is not None
            or _ONE_OF_A_KIND.match(text, ns, ne) is not None
        )
        if not one or project_type_of(clean_name(text[ns:ne])) is None:
            return None
    if named_ag is not None and not concrete_project(clean_name(text[ns:ne])):
        return None
    return ns, ne


def partners_name(text: str, start: int, vs: int, name: str) -> str | None:
    """ "A and B launched a joint laboratory programme": an unnamed joint project takes its
    two partners' short names ("A-B joint laboratory programme"), as pages write them, for
    "joint" alone says nothing of which one. Each side is one country or one short proper
    name (its bracketed acronym when it has one); anything longer (people, lists) gives
    none."""
    if not name.lower().startswith("joint "):
        return None
    lead = rules.LEAD_ADVERBIAL.match(text, start, vs)
    words = text[lead.end() if lead else start : vs].split()
    while words and (
        words[-1].lower() in rules.AUX | rules.HAVE | rules.ADVERBS
        or (words[-1].endswith("ly") and len(words[-1]) > 4)
    ):
        words.pop()
    pair = cues.PARTNER_PAIR.fullmatch(" ".join(words))
    if pair is None:
        return None
    sides = [_short_side(pair.group(g)) for g in ("a", "b")]
    if sides[0] is None or sides[1] is None:
        return None
    return f"{sides[0]}-{sides[1]} {name}"


def _short_side(side: str) -> str | None:
    acronym = cues.DEFINED_ACRONYM.search(side)
    if acronym is not None and side.endswith(")"):
        return acronym.group(1)
    if len(side.split()) <= 2 and len(countries_named(side)) == 1:
        return side
    return None
