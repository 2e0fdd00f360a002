"""A meeting's dates, place, participants and summary, read from its event sentence and
the sentences that speak of it (rules 7-10 of `transform.meetings`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from transform.event_context import EventDoc
from transform.meeting_date_rules import (
    CLOSED,
    CLOSING_EVENT,
    DURATION,
    NUMBER_WORDS,
    OPEN_CLOSE_WORDS,
    OPENED,
    OPENING_EVENT,
)
from transform.meeting_draft import Draft
from transform.meeting_rules import (
    AGREED,
    AGREED_WORDS,
    ATTENDANCE,
    CASELESS,
    HOSTED,
    OF_THE_PARTNERS,
    ONLINE_NEAR,
    ONLINE_WORDS,
    PERSON_CUES,
    SPEECH,
)
from transform.meeting_scope_rules import FUTURE, PAST_EXPLICIT
from transform.participants import find_orgs, find_people
from transform.places import read_place
from transform.sentences import paragraph_spans


def _next_year(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _day_dates(ctx: EventDoc, start: int, end: int, near: int) -> tuple[date, date] | None:
    """The day or range in `text[start:end]` nearest to `near` (rule 7)."""
    cands: list[tuple[int, date, date]] = []
    stated = ctx.dates_in(start, end)
    for d in stated:
        if d.granularity != "day":
            continue
        before = ctx.text[max(start, d.start - 30) : d.start]
        if re.search(
            r"\b(?:since|reached\s+in|until|by|before|after|consensus|signed\s+in)\s+(?:on\s+)?$",
            before,
            CASELESS,
        ):
            continue
        ds, de = d.start_date, d.end_date
        if not d.year_stated and ctx.published is not None and ds < ctx.published:
            if FUTURE.search(ctx.text, start, end) and not PAST_EXPLICIT.search(
                ctx.text, start, end
            ):
                # "will be held from 17 to 19 September": the next such days, not the last
                ds, de = _next_year(ds), _next_year(de)
        cands.append((abs(d.start - near), ds, de))
    for w in ctx.weekdays_in(start, end):
        if any(d.start - 12 <= w.start < d.end for d in stated):
            continue  # "from Friday 25th to Saturday 26th November": part of the date
        cands.append((abs(w.start - near), w.day, w.day))
    if not cands:
        return None
    _, s, e = min(cands)
    return s, e


# an envoy's post, not the meeting's place: "Ambassador in Lima", "Consul General to Milan"
_POSTED_IN = re.compile(
    r"\b(?:ambassador|envoy|consul(?:[\s-]general)?|charg[eé]\s+d['’]affaires|attach[eé])"
    r"\s+(?:in|to|at)\s+$",
    re.IGNORECASE,
)


def collect(ctx: EventDoc, d: Draft, index: int, first: bool) -> None:
    """Dates, place, participants and summary from sentence `index` of meeting `d`."""
    s = ctx.sentences[index]
    text = ctx.text
    para = ctx.analysis(s)
    a, b = d.span if first else (s.start, s.start)
    if first:
        near = b
        dates = _day_dates(ctx, s.start, s.end, near)
        if dates is not None:
            ds, de = dates
            d.start_date, d.end_date = ds, de
            closing = _closing_date(ctx, s.start, s.end)
            opening = _opening_date(ctx, s.start, s.end)
            if closing is not None:
                d.end_date = closing
                d.start_date = opening or closing
            elif opening is not None:
                d.start_date = opening
        if not ONLINE_WORDS.isdisjoint(ctx.words[index]) and ONLINE_NEAR.search(s.text):
            d.online = True
        if d.kind != "visit" and not d.online:
            host = HOSTED.search(text, s.start, a)
            if host is not None:
                hp = read_place(text, host.start(), host.end())
                if hp is not None and hp.city:
                    d.place = hp
            for p in [] if d.place is not None else ctx.places_in(s.start, s.end):
                if a <= p.start < b:
                    continue  # a place inside the title
                before = text[max(s.start, p.start - 30) : p.start]
                if re.search(r"\b(?:from|(?<!capital )(?<!city )of)\s+(?:the\s+)?$", before):
                    continue  # "delegates from X" ("the capital of X" is where it was)
                if _POSTED_IN.search(before):
                    continue  # "China's Ambassador in Lima": where an envoy serves
                d.place = p
                break
        if d.kind == "visit" and d.place is not None and d.place.city is None:
            for p in ctx.places_in(s.start, s.end):
                if p.city and p.country == d.visit_country:
                    d.place = p
                    break
    else:
        says_when = not OPEN_CLOSE_WORDS.isdisjoint(ctx.words[index])
        opening = _opening_date(ctx, s.start, s.end) if says_when else None
        closing = _closing_date(ctx, s.start, s.end) if says_when else None
        if opening is not None and (d.start_date is None or d.start_date == d.end_date):
            if d.end_date is None or opening <= d.end_date:
                d.start_date = opening
                d.end_date = d.end_date or opening
        if closing is not None and (d.end_date is None or d.start_date == d.end_date):
            if d.start_date is None or closing >= d.start_date:
                d.end_date = closing
                d.start_date = d.start_date or closing
        if d.kind == "visit" and (d.place is None or d.place.city is None):
            m = re.match(r"(?:In|At)\s+", s.text)
            if m:
                where = read_place(text, s.start + m.end(), s.end)
                if (
                    where is not None
                    and where.city
                    and (d.visit_country is None or where.country == d.visit_country)
                ):
                    d.place = where
    # duration: "the four-day session" with only one end known
    dur = DURATION.search(s.text) if "day" in ctx.words[index] else None
    if dur and d.start_date is not None and d.start_date == d.end_date:
        word = dur.group("n").lower()
        n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
        if n:
            closing = _closing_date(ctx, s.start, s.end) or (
                d.end_date if _closing_near(ctx, d) else None
            )
            opening = _opening_date(ctx, s.start, s.end)
            if opening is None and closing is None and _the_day_is_the_opening(ctx, d):
                opening = d.start_date
            if opening is not None:
                d.start_date = opening
                d.end_date = opening + timedelta(days=n - 1)
            elif closing is not None:
                d.start_date = closing - timedelta(days=n - 1)
                d.end_date = closing
    # Organisations and people are read in the event sentence, and in a follow-up only when
    # it names someone with a role ("Dai Gang, Director General of ..."): reading every
    # sentence's organisations would cost far more than it finds.
    with_people = first or not PERSON_CUES.isdisjoint(ctx.words[index])
    orgs = para.orgs if with_people else []
    # a follow-up's countries count when it says who took part ("Ministers from Brazil,
    # Russia ... attended the meeting"), not when it only discusses ("cooperation with
    # African communities")
    with_countries = first or with_people or not ATTENDANCE.isdisjoint(ctx.words[index])
    for c in para.countries if with_countries else []:
        if any(o.start <= c.start < o.end and o.country is not None for o in orgs):
            continue
        if c.iso3 not in d.countries:
            d.countries.append(c.iso3)
    for o in orgs:
        if first and a <= o.start < b:
            continue
        if o.kind in ("media", "legislature", "advisory", "party"):
            continue
        if o not in d.orgs:
            d.orgs.append(o)
    for person in para.people if with_people else []:
        if all(person.name != q.name for q in d.people):
            d.people.append(person)
    if (
        d.summary is None
        and not AGREED_WORDS.isdisjoint(ctx.words[index])
        and AGREED.search(s.text)
    ):
        d.summary = s.text
    if first and index > 0 and OF_THE_PARTNERS.search(text, b, min(s.end, b + 40)):
        # "a two-day meeting of the partners": the partners the previous sentence names
        prev = ctx.sentences[index - 1]
        if prev.paragraph == s.paragraph:
            info = ctx.analysis(prev)
            for iso3 in [
                *(c.iso3 for c in info.countries),
                *(o.country for o in info.orgs if o.country),
            ]:
                if iso3 not in d.countries:
                    d.countries.append(iso3)


def _cued_days(
    ctx: EventDoc, start: int, end: int, cue: re.Pattern[str]
) -> tuple[date, date] | None:
    """(first, last day) of the first weekday or date in `text[start:end]` that `cue`
    ("opened on", "concluded on") stands right before."""
    text = ctx.text
    for w in ctx.weekdays_in(start, end):
        if cue.search(text[max(start, w.start - 45) : w.start]):
            return w.day, w.day
    for dm in ctx.dates_in(start, end):
        if dm.granularity == "day" and cue.search(text[max(start, dm.start - 45) : dm.start]):
            return dm.start_date, dm.end_date
    return None


def _opening_date(ctx: EventDoc, start: int, end: int) -> date | None:
    days = _cued_days(ctx, start, end, OPENED)
    return days[0] if days is not None else None


def _closing_date(ctx: EventDoc, start: int, end: int) -> date | None:
    days = _cued_days(ctx, start, end, CLOSED)
    return days[1] if days is not None else None


def _the_day_is_the_opening(ctx: EventDoc, d: Draft) -> bool:
    """The one day a meeting's event sentence gives is its first when that sentence reports
    an opening and no end ("opened Sunday", "the opening ceremony ... on Thursday", "raised
    its curtain"), so "the two-day event" said of it runs from that day; a day given plainly
    ("held on Monday") could be either end and is left alone."""
    s = ctx.sentences[d.sentence]
    return (
        OPENING_EVENT.search(s.text) is not None
        and _closing_date(ctx, s.start, s.end) is None
        and CLOSING_EVENT.search(s.text) is None
    )


def _closing_near(ctx: EventDoc, d: Draft) -> bool:
    s = ctx.sentences[d.sentence]
    return _closing_date(ctx, s.start, s.end) is not None


def add_speakers(ctx: EventDoc, d: Draft) -> None:
    """A news article about one meeting quotes its participants after reporting it, often
    paragraphs later: people with a role who speak there took part in it."""
    text = ctx.text
    after = ctx.sentences[d.sentence].end
    for start, end in paragraph_spans(text):
        if end <= after or SPEECH.search(text, start, end) is None:
            continue
        start = max(start, after)
        orgs = find_orgs(text, start, end, ctx.learned)
        for person in find_people(text, start, end, orgs):
            if person.role and all(person.name != q.name for q in d.people):
                d.people.append(person)
