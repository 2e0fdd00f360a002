"""A new meeting from its mention (rule 5 of `transform.meetings`): the title as named, or a
descriptive one from the sides, the organiser, the visitor and the visited place.
"""

from __future__ import annotations

import re

from transform.event_context import EventDoc
from transform.meeting_draft import Draft
from transform.meeting_mentions import clean_title
from transform.meeting_rules import (
    DET,
    JOINT_SUBJECT,
    LEAD_WORDS,
    ORGANISER,
    PAST,
    PLAIN_HEADS,
    SIMILAR,
    THE_ONLY,
    TOPIC,
)
from transform.participants import Person, countries_named
from transform.places import Place, read_place

# "to research institutes, universities and relevant government agencies of": places visited
# described by their kind in lower case, then where they are
_INSTITUTIONS_OF = re.compile(
    r"\s+to\s+(?:(?:several|some|many|various|a\s+number\s+of)\s+)?"
    r"(?:(?:[a-z][\w-]*)(?:,\s+|\s+and\s+|\s+))+?(?:of|in)\s+(?:the\s+)?(?=[A-Z])"
)


def _visit_target(ctx: EventDoc, b: int, end: int) -> tuple[Place | None, str | None, int]:
    """What a visit is to: (place, title target text, end)."""
    text = ctx.text
    place = read_place(text, b + (1 if text[b : b + 1] == " " else 0), end)
    if place is not None and place.country is not None:
        return place, text[place.start : place.end].split(",")[0], place.end
    kinds = _INSTITUTIONS_OF.match(text, b, end)
    if kinds is not None:
        # "paid visits to research institutes, universities and agencies of A and B": the
        # places visited are named only by the country they are in
        pl = read_place(text, kinds.end(), end)
        if pl is not None and pl.country is not None:
            return pl, text[pl.start : pl.end].split(",")[0], pl.end
    m = re.match(r"\s*(?:the\s+)?", text[b:end])
    p = b + (m.end() if m else 0)
    para = ctx.analysis(next(s for s in ctx.sentences if s.start <= b <= s.end))
    org = next((o for o in para.orgs if o.start in (p, b + 1, b) or (p - 4 <= o.start <= p)), None)
    if org is not None:
        after = re.match(r"\s*(?:\([^)]*\)\s*)?in\s+", text[org.end : end])
        pl = read_place(text, org.end + after.end(), end) if after else None
        if pl is None and org.country:
            pl = Place(org.start, org.end, None, org.country)  # visiting an institution
        target = org.name if org.name.startswith(("the ", "The ")) else "the " + org.name
        return pl, target, org.end
    return None, None, b


def _visitor(
    ctx: EventDoc, index: int, a: int, people: list[Person]
) -> tuple[str | None, list[Person]]:
    """Who visits: the delegation or person before the visit verb."""
    s = ctx.sentences[index]
    text = ctx.text
    before_people = [p for p in people if s.start <= p.start < a]
    seg = text[s.start : a]
    dm = re.search(
        r"\b(?:a|the|A|The)\s+(?:(?:[A-Z][\w-]*|Chinese|high-level)\s+)*delegation\s+(?:of|from)\s+(?:the\s+)?(?P<org>[A-Z][^,]*?)(?:\s*\([A-Z]+\))?(?=\s+led\b|,|\s+visited|\s*$)",
        seg,
    )
    if dm:
        org = re.sub(r"\s*\([^)]*\)", "", dm.group("org")).strip()
        article = "an" if org[:1] in "AEIOU" else "a"
        return f"{article} {org} delegation", before_people[:1]
    if before_people:
        p = before_people[0]
        label = f"{p.role} {p.name}" if p.role else p.name
        return label, [p]
    m = re.search(r"\b(?:a|the|A|The)\s+((?:[A-Z][\w-]*\s+)*delegation)\b", seg)
    if m:
        return m.group(1), []
    return None, []


def new_draft(ctx: EventDoc, index: int, a: int, b: int, kind: str, raw: str) -> Draft | None:
    s = ctx.sentences[index]
    para = ctx.analysis(s)
    people = ctx.people_in(s.start, s.end, para)
    title = ""
    visit_place: Place | None = None
    visitor: list[Person] = []
    if kind == "named":
        title = clean_title(raw)
        if len(title.split()) < 2:
            return None
    elif kind == "described":
        title = _described_title(ctx, index, a, b, raw, people)
    elif kind == "definite":
        if not ctx.dates_in(s.start, s.end) and not ctx.weekdays_in(s.start, s.end):
            return None  # without its own date it is a reference, not a report
        title = _described_title(ctx, index, a, b, THE_ONLY.sub("", raw), people)
    elif kind == "visit":
        visit_place, target, _ = _visit_target(ctx, b, s.end)
        label, visitor = _visitor(ctx, index, a, people)
        if target is None:
            return None
        title = f"Visit of {label} to {target}" if label else f"Visit to {target}"
    elif kind == "met":
        sides = _met_sides(ctx, index, a, b, people)
        if sides is None:
            return None
        noun = "Talks" if "talks" in raw else "Meeting"
        title = f"{noun} between {sides[0]} and {sides[1]}"
    d = Draft(index, title, kind, (a, b), last_sentence=index, paragraph=s.paragraph)
    d.visitor = visitor
    if kind == "visit" and visit_place is not None:
        d.visit_country = visit_place.country
        d.place = visit_place
    return d


_LOOSE_END = re.compile(r"(?:\s+(?:under|of|for|on|in|at|with|and|the|to|by|from|between))+$")


def _described_title(
    ctx: EventDoc, index: int, a: int, b: int, raw: str, people: list[Person]
) -> str:
    """A descriptive title: "CSSP China annual workshop" (its organiser), "Fourth annual
    China-Belgium ... symposium" (two countries as sides), "Meeting between NSFC and The
    Royal Society" (the parties' organisations), else the description itself."""
    s = ctx.sentences[index]
    text = ctx.text
    info = ctx.analysis(s)
    body = SIMILAR.sub("", DET.sub("", raw.strip()))
    topic_match = TOPIC.match(text, b, s.end)
    topic = f" {topic_match.group(0).strip()}" if topic_match else ""  # "workshop on ..."
    topic = _LOOSE_END.sub("", topic)  # "... exchange under": a phrase cut at its preposition
    organiser = ORGANISER.search(text, s.start, s.end)
    plain = not topic and not countries_named(body)
    if organiser is not None and plain:
        org = next(
            (o for o in info.orgs if organiser.end() <= o.start <= organiser.end() + 2), None
        )
        if org is not None:
            label = org.acronym if org.acronym and len(org.name) > 40 else org.name
            return clean_title(f"{label} {body}")
    between = re.match(r"\s+between\s+", text[b : s.end]) is not None
    # "a meeting between Kenyan President A and visiting Chinese Minister of Commerce B":
    # named people right after "between" are the sides, not the capitalised words around them
    sides = (
        [] if between and len([p for p in people if p.start >= b]) >= 2 else _sides(ctx, index, b)
    )
    if not sides and between:
        stop = PAST.search(text, b, s.end)
        lim = stop.start() if stop else s.end
        parties: list[str] = []
        for p in people:
            if b <= p.start < lim and (p.organisation or p.name) not in parties:
                parties.append(p.organisation or p.name)
        if len(parties) < 2:
            parties += [o.name for o in info.orgs if b <= o.start < lim and o.name not in parties]
        if len(parties) >= 2:
            sides = [parties[0], " and ".join(parties[1:])] if len(parties) > 2 else parties
    if not sides:
        # "NASA and the CNSA held a video conference": the subject's parties
        orgs_before = [o for o in info.orgs if s.start <= o.start < a]
        subject = [o.name for o in orgs_before]
        subject += [
            c.text
            for c in info.countries
            if s.start <= c.start < a
            and c.form == "name"
            and not any(o.start <= c.start < o.end for o in orgs_before)
        ]
        if len(subject) == 2:
            sides = subject
    if not sides or countries_named(body):
        return clean_title(body + topic)
    lead = LEAD_WORDS.match(body)
    ords, rest = (lead.group(1), lead.group(2)) if lead else ("", body)
    countries = all(countries_named(x) for x in sides) and all(len(x.split()) <= 3 for x in sides)
    if len(sides) == 2 and countries:
        return clean_title(f"{ords}{sides[0]}-{sides[1]} {rest}{topic}")
    if PLAIN_HEADS.fullmatch(rest) or rest.startswith(("meeting", "exchange")):
        return clean_title(f"{ords}{rest} between {' and '.join(sides)}{topic}")
    return clean_title(body + topic)


def _sides(ctx: EventDoc, index: int, b: int) -> list[str]:
    """ "between China and Ireland" / "from China and Belgium" right after or before."""
    s = ctx.sentences[index]
    text = ctx.text
    m = re.search(
        r"\b(?:between|from)\s+(?:the\s+)?(?P<x>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+and\s+(?:the\s+)?(?P<y>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})",
        text[s.start : s.end],
    )
    if not m:
        return []
    return [m.group("x"), m.group("y")]


_PRONOUN_SUBJECT = re.compile(r"(?:He|She)\s+(?![^,;]*\b(?:he|she|they)\b)")
_SUBJECT_WORD = re.compile(r"(?<![\w'’-])(?P<w>[A-Z][a-z]+)\s+(?:also\s+)?$")


def _named_before(ctx: EventDoc, index: int, a: int) -> str | None:
    """The full name of a person the text named before, when the subject of "met" is one word
    of it ("In Peru, Chen met with ..." after "Chen Hao, president of ..."): a later mention
    by surname alone, which the person reader takes for no one."""
    s = ctx.sentences[index]
    if _PRONOUN_SUBJECT.match(ctx.text, s.start, a):
        # "He arrived in Beijing on Saturday and met with X": the person the sentences
        # just before named
        for earlier in reversed(ctx.sentences[max(0, index - 2) : index]):
            named = ctx.people_in(earlier.start, earlier.end, ctx.analysis(earlier))
            if named:
                return named[-1].name
        return None
    m = _SUBJECT_WORD.search(ctx.text, s.start, a)
    if m is None or countries_named(m.group("w")):
        return None
    for earlier in ctx.sentences[:index]:
        for p in ctx.people_in(earlier.start, earlier.end, ctx.analysis(earlier)):
            if len(p.name.split()) > 1 and m.group("w") in p.name.split():
                return p.name
    return None


def _met_sides(
    ctx: EventDoc, index: int, a: int, b: int, people: list[Person]
) -> tuple[str, str] | None:
    s = ctx.sentences[index]
    left = [p for p in people if p.end <= a]
    right = [p for p in people if p.start >= b]
    para = ctx.analysis(s)

    def label(p: Person) -> str:
        return p.name

    x = label(left[-1]) if left else _named_before(ctx, index, a)
    if x is None:
        orgs = [o for o in para.orgs if s.start <= o.start and o.end <= a]
        cs = [c for c in para.countries if s.start <= c.start and c.end <= a]
        x = orgs[-1].name if orgs else (cs[0].text if cs else None)
    y = label(right[0]) if right else None
    if y is None:
        orgs = [o for o in para.orgs if b <= o.start < s.end]
        y = orgs[0].name if orgs else None
    if (
        y is None
        and len(left) >= 2
        and JOINT_SUBJECT.search(ctx.text, left[-2].end, left[-1].start)
    ):
        # "X, <role>, and his counterpart Y met": both sides are the subject
        x, y = label(left[-2]), label(left[-1])
    if x is None or y is None:
        return None
    return x, y
