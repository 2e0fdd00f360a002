"""The MEETING extractor: meetings, dialogues, committee sessions, forums, workshops,
conferences, symposiums and visits where parties met.

A meeting is read from the body sentence that reports it (the *event sentence*) and the
sentences after it in the same paragraph that speak of it ("The meeting was co-chaired by
...", "the four-day session, which opened on Monday"), up to the next meeting of the
paragraph.

How a sentence reports a meeting, rule by rule:
1. Only body sentences (`event_context`): contents lines and headlines repeat their item.
2. A meeting is named ("the 7th China-Sweden Joint Committee on Science and Technology
   Cooperation", "“2024 China-Africa Innovation Cooperation and Development Forum”", "the
   27th session of the China-Russia Subcommission on ..."), or described with an
   indefinite or possessive article ("a meeting between ...", "an annual workshop", "their
   fourth annual ... symposium", "a similar exchange"), or is a visit ("visited Hungary",
   "an official visit to Kenya", "his visit to France"), or is two sides that "met". A
   definite description ("the meeting", "the four-day session") is the paragraph's
   current meeting again.
3. It must have happened: a past event predicate in the sentence ("was held", "took
   place", "held", "met", "co-chaired", "concluded", "During the ...", "At ...") and no
   future or plan ("will be held", "is expected to take place", "the next meeting",
   "agreed to hold").
4. Not meetings: sessions of the national legislature and its advisory body (NPC, CPPCC,
   "two sessions") and panels within them, party congresses, press conferences, opening,
   signing and launch ceremonies.
5. Title: the name as written with its ordinal ("15%" read as the capture error for
   "15th"; a trailing lowercase "meeting" after a committee's name dropped); else a
   descriptive title: "Visit of <visitor> to <place>", "Meeting between <side> and <side>",
   "<organiser> annual workshop".
6. Type by the title's noun: committee/commission/subcommission -> committee; forum;
   workshop; conference/symposium -> conference; visit; otherwise two countries ->
   bilateral, three or more (or a grouping such as BRICS) -> multilateral; else other.
7. Dates: the day or range the event sentence ties to the meeting ("from 6-8 November",
   "30 October-2 November", "on 12 March", "on Thursday"), and "opened on"/"concluded on"
   in its follow-up sentences for the start and end ("four-day session" gives the other
   end). A month or year alone is no date.
8. Place: "in <city>[, <region or country>]" in the event sentence; "online", "via video
   link": no place. A visit is in the visited country, and in the city stated ("visit to
   France"; "In Nairobi, he met ..."). A meeting held during a visit, with no place of its
   own, is where the visit is.
9. Participants: the countries of the sides (the title's "China-Sweden", the sentence's
   countries, the people's countries; regions are not countries), the organisations taking
   part, and every named person with the role and organisation stated in apposition
   (`participants.find_people`). A visit's participants include those of the meetings
   held during it, and those meetings include the visitor.
10. Summary: the first sentence of the meeting that says what was agreed, discussed,
   reviewed or signed; else the event sentence.
11. A meeting stated only in a headline or a contents line is one too, with that line as
   evidence, unless the body reports it (`meeting_headlines`).

Where each rule lives: the named data (nouns, predicates, cues) in `meeting_rules`; rules
2-4 in `meeting_mentions`; 5 in `meeting_titles`; 7-10 in `meeting_fields`; the reading
order, follow-ups, participants and type in this module.
"""

from __future__ import annotations

import re

from extract.documents import ParsedDocument
from transform.countries import country_name
from transform.event_context import MEETING_WORDS, EventDoc, event_doc
from transform.facts import Candidate, Meeting, MeetingParticipant
from transform.meeting_draft import Draft
from transform.meeting_fields import add_speakers, collect
from transform.meeting_headlines import headline_meetings
from transform.meeting_mentions import (
    clean_title,
    excluded,
    find_mentions,
    is_event,
    meeting_type_of,
    named_mentions,
)
from transform.meeting_rules import (
    AND_NEXT,
    DURING_BETWEEN,
    GROUPINGS,
    MEDIUM,
    NAMED_HEAD_WORDS,
    REFERENCE,
    SAME_NAME,
    SPECIFIC_NOUNS,
)
from transform.meeting_titles import new_draft
from transform.name_index import NameIndex
from transform.participants import countries_named

__all__ = ["extract_meetings", "meeting_type_of"]


def _is_reference(ctx: EventDoc, index: int, current: Draft) -> bool:
    """A follow-up sentence of the current meeting: it mentions "the meeting/session/
    workshop...", the meeting's own noun, or opens with "Both sides", "The two sides",
    "During the meeting", a pronoun, or names its people."""
    t = ctx.sentences[index].text
    m = REFERENCE.search(t)
    if m is not None:
        noun = m.group("noun").lower()
        if noun in SPECIFIC_NOUNS and noun.rstrip("s") not in current.title.lower():
            return False  # "the forum" is not the visit or the committee being read
        return True
    if re.match(
        r"(?:Both|The\s+two)\s+(?:sides|parties|ministers|countries)|(?:He|She|They)\b|In\s+(?:his|her)\s+",
        t,
    ):
        return True
    if re.match(
        r"(?:In|At)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?,\s+(?:he|she|they|the\s+delegation)\b", t
    ):
        return True
    return False


def _trip_of(ctx: EventDoc, index: int, d: Draft, drafts: list[Draft]) -> Draft | None:
    """The trip a visit without a date of its own is a stop of: a visit of several days
    to the same country read before ("paid an eight-day visit to A and B from May 2 to 9
    ... The delegation visited the University of X in A"), so the stop is no meeting."""
    s = ctx.sentences[index]
    if d.visit_country is None or ctx.dates_in(s.start, s.end):
        return None
    for trip in drafts:
        if (
            trip.kind == "visit"
            and trip.visit_country == d.visit_country
            and trip.start_date is not None
            and trip.end_date is not None
            and trip.end_date > trip.start_date
        ):
            return trip
    return None


def _finish(ctx: EventDoc, d: Draft) -> Candidate:
    s = ctx.sentences[d.sentence]
    people = list(d.people)
    for child in d.children:
        for p in child.people:
            if all(p.name != q.name for q in people):
                people.append(p)
    if d.parent is not None:
        for p in d.parent.visitor or d.parent.people[:2]:
            if all(p.name != q.name for q in people):
                people.append(p)
    countries: list[str] = []
    for c in [*countries_named(d.title), *d.countries]:
        if c not in countries:
            countries.append(c)
    if d.visit_country and d.visit_country not in countries:
        countries.append(d.visit_country)
    for p in people:
        if p.country and p.country not in countries:
            countries.append(p.country)
    for o in d.orgs:
        if o.country and o.country not in countries:
            countries.append(o.country)
    place = d.place
    if place is None and d.parent is not None and not d.online:
        place = d.parent.place
        country = d.parent.visit_country if place is None else place.country
    else:
        country = place.country if place is not None else None
    if d.online:
        place, country = None, None
    if d.kind == "visit":
        country = d.visit_country or country
    city = place.city if place is not None else None
    grouping = GROUPINGS.search(d.title) is not None
    sides = len(countries)
    if d.kind == "met":
        sides = max(2, sides)  # "X met Y": two sides, whatever the text says of their countries
    typed_title = "visit" if d.kind == "visit" else MEDIUM.sub("meeting", d.title)
    if d.kind == "met":
        typed_title = "meeting"  # "X met Y": two sides, whatever their organisations are called
    mtype = meeting_type_of(typed_title, sides, grouping)
    participants: list[MeetingParticipant] = []
    for c in countries:
        participants.append(MeetingParticipant("country", country_name(c) or c, None, None, c))
    seen: set[str] = set()
    for o in d.orgs:
        if o.name in seen:
            continue
        seen.add(o.name)
        participants.append(MeetingParticipant("organisation", o.name, None, None, o.country))
    for p in people:
        participants.append(MeetingParticipant("person", p.name, p.role, p.organisation, p.country))
    end = d.end_date if d.end_date is not None else d.start_date
    summary = " ".join((d.summary or s.text).split())
    if len(summary) > 300:
        summary = summary[:297].rstrip() + "..."
    meeting = Meeting(
        title=d.title,
        meeting_type=mtype,
        start_date=d.start_date,
        end_date=end,
        city=city,
        country=country,
        summary=summary,
        participants=tuple(participants),
    )
    return Candidate(fact=meeting, mention=ctx.mention(s))


def _continues(current: Draft | None, paragraph: int, mentions: list) -> bool:
    """Whether a definite description ("the seminar") is the current meeting again: it is
    in the current meeting's paragraph, or names the current meeting's own noun."""
    if current is None:
        return False
    for _, _, kind, raw in mentions:
        if kind == "definite":
            head = raw.split()[-1].lower()
            return head in current.title.lower() or current.paragraph == paragraph
    return True


# "the IV Forum on ... (China-CELAC STI Forum)": the short name the page may use elsewhere
_ALIAS_AFTER = re.compile(r"\s*\((?P<alias>[A-Z][^()]{2,80})\)")


def _aliases(ctx: EventDoc, drafts: list[Draft]) -> list[str]:
    """The short names that body meetings give in brackets after their full names: a
    headline naming a meeting by its short name repeats the body's meeting."""
    out: list[str] = []
    for d in drafts:
        if d.kind != "named":
            continue
        m = _ALIAS_AFTER.match(ctx.text, d.span[1])
        if m is not None and len(m.group("alias").split()) >= 2:
            out.append(m.group("alias"))
    return out


_KINDS_BY_NOUN = frozenset({"committee", "forum", "workshop", "conference"})


def _described_by_headline(
    ctx: EventDoc, index: int, title: str, body: list[Draft], doc_type: str
) -> Draft | None:
    """The body's one meeting that an article's title names: the body describes it ("held
    an international symposium from ...") and the title gives its name ("X Participates in
    the Symposium on ..."). Only for an article's title line, only when the body reports
    exactly one meeting and it is of the title's kind (by noun)."""
    if doc_type != "article" or ctx.sentences[index].paragraph != 0 or len(body) != 1:
        return None
    d = body[0]
    if d.kind not in ("described", "definite"):
        return None
    kind = meeting_type_of(title, 0)
    return d if kind in _KINDS_BY_NOUN and meeting_type_of(d.title, 0) == kind else None


def extract_meetings(doc_id: str, doc: ParsedDocument, doc_type: str) -> list[Candidate]:
    """Meeting candidates a document states, in text order (see the module docstring)."""
    if not doc.text:
        return []
    ctx = event_doc(doc_id, doc, doc_type)
    drafts: list[Draft] = []
    named: NameIndex[Draft] = NameIndex(SAME_NAME)  # the named meetings read so far
    current: Draft | None = None
    visit: Draft | None = None
    para_no = -1
    for i, s in enumerate(ctx.sentences):
        same_para = s.paragraph == para_no
        if not same_para:
            visit, para_no = None, s.paragraph
        if not ctx.body[i]:
            current = None  # a heading or headline ends the item
            continue
        news: list[Draft] = []
        if not MEETING_WORDS.isdisjoint(ctx.words[i]):
            mentions = find_mentions(ctx, i)
            again = False  # the sentence names a meeting already read: nothing new in it
            for kind in ("named", "described", "definite", "visit", "met"):
                if again:
                    break
                if kind == "met" and (news or (current is not None and same_para)):
                    continue
                if kind == "definite" and (news or _continues(current, s.paragraph, mentions)):
                    continue  # "the meeting" after a meeting is that meeting again
                if kind == "visit" and visit is not None:
                    continue  # "... and visited the Sino-Africa Joint Research Center"
                if kind == "described" and any(n.kind == "named" for n in news):
                    # "a meeting between A and B, who is here for the 18th Session of ...":
                    # a meeting of two named sides is its own event beside the session
                    if not any(DURING_BETWEEN.search(ctx.text, s.start, n.span[0]) for n in news):
                        continue
                for a, b, k, raw in mentions:
                    if k != kind or not is_event(ctx, i, a, b, kind):
                        continue
                    if news and not AND_NEXT.fullmatch(ctx.text, news[-1].span[1], a):
                        continue  # a second name in a sentence only as "X and the Y"
                    d = new_draft(ctx, i, a, b, kind, raw)
                    if d is None:
                        continue
                    dup = named.find(d.title) if d.kind == "named" else None
                    if d.kind == "visit":
                        dup = _trip_of(ctx, i, d, drafts)
                    if dup is not None:
                        collect(ctx, dup, i, False)
                        current = dup
                        again = True
                        break
                    news.append(d)
                    if kind != "named":
                        break  # several named meetings may share a sentence; one of the rest
        if news:
            news.sort(key=lambda d: (d.kind != "visit", d.span))
            for d in news:
                collect(ctx, d, i, True)
                if d.kind == "visit":
                    visit = d
                elif visit is not None:
                    d.parent = visit
                    visit.children.append(d)
                drafts.append(d)
                if d.kind == "named":
                    named.add(d.title, d)
                current = d
            continue
        if current is None:
            continue
        if same_para or _is_reference(ctx, i, current):
            collect(ctx, current, i, False)
            current.last_sentence = i
        else:
            current = None
    body_drafts = [d for d in drafts if d.kind != "visit"]
    if doc_type == "article" and len(body_drafts) == 1:
        add_speakers(ctx, body_drafts[0])
    for h in headline_meetings(
        ctx,
        [*(d.title for d in drafts), *_aliases(ctx, drafts)],
        named_mentions,
        clean_title,
        NAMED_HEAD_WORDS,
        excluded,
    ):
        described = _described_by_headline(ctx, h.index, h.title, body_drafts, doc_type)
        if described is not None:
            described.title = h.title  # the page's own name for the meeting its body tells
            continue
        d = Draft(h.index, h.title, "named", (h.start, h.end), last_sentence=h.index)
        d.paragraph = ctx.sentences[h.index].paragraph
        collect(ctx, d, h.index, True)
        drafts.append(d)
    return [_finish(ctx, d) for d in drafts]
