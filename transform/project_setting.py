"""Where and when an event sentence sets its project: the place named in the event's
clause (or in brackets after the name, or after "located in"), and the day of the event
(a result's announcement, a payload's launch told in an earlier sentence).

Apart from `project_events`, which reads the verb, the noun phrase and the name, because
these readings only take spans (a clause, a name's span) and are shared by follow-ups."""

from __future__ import annotations

from datetime import date

from transform import project_cues as cues
from transform import project_rules as rules
from transform import project_verbs as verbs
from transform.event_context import EventDoc
from transform.places import Place, read_place
from transform.sentences import Sentence


def day_date(ctx: EventDoc, start: int, end: int, near: int) -> date | None:
    """The day-granularity date in `text[start:end]` nearest to `near` (weekdays too)."""
    cands: list[tuple[int, date]] = []
    for d in ctx.dates_in(start, end):
        if d.granularity != "day" or d.is_range:
            continue
        if rules.DATE_EXCLUDED_BEFORE.search(ctx.text, max(start, d.start - 25), d.start):
            continue
        cands.append((abs(d.start - near), d.start_date))
    for w in ctx.weekdays_in(start, end):
        cands.append((abs(w.start - near), w.day))
    return min(cands)[1] if cands else None


def launch_day(ctx: EventDoc, index: int) -> date | None:
    """The day of the launch a payload went up on, when its own sentence gives none: news
    of a launch states the day once ("China launched a rocket on Sunday ...") and then
    names the satellites it carried ("The rocket blasted off at 4:53 pm, sending up X").
    Read in the sentence itself, then in the launch sentence of the two before it."""
    s = ctx.sentences[index]
    if verbs.RELATIVE_TIME.search(s.text):
        return None
    if verbs.LAUNCH_REPORT.search(s.text):
        found = day_date(ctx, s.start, s.end, s.start)
        if found is not None:
            return found
    for j in range(index - 1, max(-1, index - 3), -1):
        prev = ctx.sentences[j]
        if not ctx.body[j] or not verbs.LAUNCH_REPORT.search(prev.text):
            continue
        found = day_date(ctx, prev.start, prev.end, prev.start)
        if found is not None:
            return found
    return None


def event_place(
    ctx: EventDoc, s: Sentence, start: int, clause_end: int, ns: int, ne: int
) -> Place | None:
    """The place of the project named at `ns:ne` in sentence `s`: one named in the event's
    clause from `start` outside the name, else in brackets after the name ("X Center
    (Bangkok)"), else after "located in"."""
    text = ctx.text
    place = next((p for p in ctx.places_in(start, clause_end) if not ns <= p.start < ne), None)
    bracket = cues.PLACE_IN_BRACKETS.search(text, ns, min(s.end, ne + 2))
    if place is None and bracket is not None:
        place = read_place(text, bracket.start(1), bracket.end(1))
    if place is None:
        lm = rules.LOCATED.search(text, s.start, s.end)
        if lm:
            place = read_place(text, lm.end(), s.end)
    return place


def event_day(
    ctx: EventDoc,
    index: int,
    clause_start: int,
    clause_end: int,
    near: int,
    kind: str,
    verb_status: str,
) -> date | None:
    """The day of a past event in sentence `index`: in the event's clause, nearest the verb;
    for a research result, the day it was announced (", which was unveiled on 20 May"); for
    a launched payload, the launch day the page gave (`launch_day`)."""
    s = ctx.sentences[index]
    found = day_date(ctx, clause_start, clause_end, near)
    if found is None and kind == "research_result":
        told = rules.ANNOUNCED.search(ctx.text, clause_end, s.end)
        if told is not None:
            found = day_date(ctx, told.start(), s.end, told.end())
    if found is None and kind == "space_mission" and verb_status == "launched":
        found = launch_day(ctx, index)
    return found
