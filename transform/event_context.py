"""What the project and meeting extractors read from one document, computed once.

Both extractors walk the same sentences and need the same dates, countries, places,
organisations and people around them. Reading organisations is the costly part, so it is
done lazily, one paragraph at a time, only for paragraphs an extractor asks about; and the
last document's context is kept so that the project and meeting extractors, run one after
the other on the same document, share it.

Which sentences count: only body sentences. A review's table of contents, its section
headings and each item's headline repeat what the body says, and a headline states no
date, place or participants of its own; counting it would give every item twice. A body
sentence ends like a sentence (".", "!", "?", a closing quote); headings, headlines,
contents lines ("- China Launches ...") and datelines do not.

Weekdays: news articles date events by weekday ("concluded in Moscow on Thursday"). A
weekday resolves from the publication date: the latest such day on or before it (the same
day if it is one), or the next one when the clause speaks of the future ("runs until
Monday", "will open on Monday").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from extract.documents import ParsedDocument
from transform.countries import CountryMention, find_countries
from transform.dates import DateMention, resolve_dates
from transform.organisations import learn_acronyms
from transform.participants import Org, Person, find_orgs, find_people, name_spans
from transform.places import Place, find_places
from transform.sentences import Sentence, paragraph_spans, split_sentences

__all__ = ["Analysis", "EventDoc", "WeekdayMention", "event_doc"]

_TERMINAL = frozenset('.!?"”’)')
_WEEKDAYS = {
    "Monday": 0,
    "Tuesday": 1,
    "Wednesday": 2,
    "Thursday": 3,
    "Friday": 4,
    "Saturday": 5,
    "Sunday": 6,
}
_WEEKDAY = re.compile(
    r"\b(?:(?P<rel>last|this|next|on|by|until|till|from|through)\s+)?(?P<d>"
    + "|".join(_WEEKDAYS)
    + r")\b"
)
_FUTURE_CLAUSE = re.compile(
    r"\b(?:will|shall|runs?|running|is\s+(?:due|set|scheduled|expected)|are\s+(?:due|set"
    r"|scheduled|expected)|upcoming|to\s+be\s+held)\b[^.;]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class WeekdayMention:
    """A weekday the text dates something by, resolved against the publication date."""

    start: int
    end: int
    day: date


@dataclass
class Analysis:
    """One sentence's countries, organisations and people (document offsets)."""

    start: int
    end: int
    countries: list[CountryMention]
    orgs: list[Org]
    people: list[Person]


@dataclass
class EventDoc:
    """A document prepared for the project and meeting extractors."""

    doc_id: str
    doc: ParsedDocument
    doc_type: str
    text: str
    lower: str  # `text` lower-cased, same offsets
    published: date | None
    sentences: list[Sentence]
    words: list[frozenset[str]]  # each sentence's lower-cased words
    body: list[bool]
    learned: dict[str, str]
    dates: list[DateMention]
    date_starts: list[int]
    weekdays: list[WeekdayMention]
    _analyses: dict[int, Analysis] = field(default_factory=dict)

    def analysis(self, s: Sentence) -> Analysis:
        """Countries, organisations and people of sentence `s`, read once, on demand."""
        cached = self._analyses.get(s.start)
        if cached is not None:
            return cached
        text, start, end = self.text, s.start, s.end
        names = name_spans(text, start, end)
        orgs = find_orgs(text, start, end, self.learned, [n for n, _ in names])
        people = find_people(text, start, end, orgs, names)
        countries = [
            CountryMention(c.start + start, c.end + start, c.text, c.iso3, c.form)
            for c in find_countries(s.text)
        ]
        info = Analysis(start, end, countries, orgs, people)
        self._analyses[s.start] = info
        return info

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        """Dates and ranges written inside `text[start:end]`."""
        i = bisect.bisect_left(self.date_starts, start)
        out = []
        while i < len(self.dates) and self.dates[i].start < end:
            if self.dates[i].end <= end:
                out.append(self.dates[i])
            i += 1
        return out

    def weekdays_in(self, start: int, end: int) -> list[WeekdayMention]:
        return [w for w in self.weekdays if start <= w.start and w.end <= end]

    def places_in(self, start: int, end: int) -> list[Place]:
        return find_places(self.text, start, end)

    def countries_in(self, start: int, end: int, info: Analysis) -> list[CountryMention]:
        return [c for c in info.countries if start <= c.start and c.end <= end]

    def orgs_in(self, start: int, end: int, info: Analysis) -> list[Org]:
        return [o for o in info.orgs if start <= o.start and o.end <= end]

    def people_in(self, start: int, end: int, info: Analysis) -> list[Person]:
        return [p for p in info.people if start <= p.start and p.end <= end]


def _weekdays(text: str, published: date | None, start: int, end: int) -> list[WeekdayMention]:
    if published is None:
        return []
    out = []
    for m in _WEEKDAY.finditer(text, start, end):
        target = _WEEKDAYS[m.group("d")]
        rel = (m.group("rel") or "").lower()
        clause_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()))
        before = text[clause_start + 1 : m.start()]
        future = rel == "next" or (
            rel in ("until", "till", "through", "by") and _FUTURE_CLAUSE.search(before)
        ) or (rel in ("on", "") and re.search(r"\bwill\b[^,;]*$", before) is not None)
        delta = (published.weekday() - target) % 7
        if future:
            ahead = (target - published.weekday()) % 7 or 7
            day = published + timedelta(days=ahead)
        elif rel == "last" and delta == 0:
            day = published - timedelta(days=7)
        else:
            day = published - timedelta(days=delta)
        out.append(WeekdayMention(m.start("d"), m.end("d"), day))
    return out


def _is_body(s: Sentence) -> bool:
    text = s.text
    if text.startswith(("- ", "• ", "* ")):
        return False
    if text[-1] not in _TERMINAL:
        return False
    return len(text.split()) >= 4


# Words that make a paragraph worth reading: it may name a project event or a meeting.
# Everything else (most of a long article) is skipped before sentences are even split. A
# set lookup per word is far cheaper than a case-insensitive regex over the whole text.
def _forms(*stems: str) -> set[str]:
    out: set[str] = set()
    for stem in stems:
        base, _, suffixes = stem.partition(":")
        out.add(base)
        out.update(base + suf for suf in suffixes.split(",") if suf)
    return out


PROJECT_WORDS = frozenset(
    _forms(
        "launch:ed,es,ing",
        "unveil:ed,s,ing",
        "releas:ed,es,ing,e",
        "inaugurat:e,ed,es,ing",
        "open:ed,s,ing",
        "establish:ed,es,ing",
        "set:s,ting",
        "founded",
        "approv:e,ed,es,ing",
        "sign:ed,s,ing",
        "complet:e,ed,es,ing",
        "develop:ed,s,ing",
        "build:s,ing",
        "built",
        "construct:ed,s,ing",
        "pioneer:ed,s,ing",
        "invent:ed,s,ing",
        "creat:e,ed,es,ing",
        "operation:s",
        "commission:ed,s,ing",
        "kick:ed,s",
        "roll:ed,s",
    )
)
MEETING_WORDS = frozenset(
    _forms(
        "committee:s",
        "commission:s",
        "subcommission:s",
        "subcommittee:s",
        "forum:s",
        "workshop:s",
        "conference:s",
        "symposium:s",
        "dialogue:s",
        "meeting:s",
        "summit:s",
        "session:s",
        "seminar:s",
        "roundtable:s",
        "consultation:s",
        "congress",
        "colloquium",
        "assembly",
        "exchange:s",
        "talks",
        "visit:ed,s,ing",
        "met",
        "expo",
        "convention",
        "retreat",
        "tour:ed,s",
    )
)
_WORD = re.compile(r"[a-z]+")
_WEEKDAY_WORDS = frozenset(d.lower() for d in _WEEKDAYS)

_cache: list[EventDoc] = []


def _lowered(text: str) -> str:
    """`text` lower-cased with offsets kept (a few Unicode letters change length when
    lower-cased; those are replaced so that offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def event_doc(doc_id: str, doc: ParsedDocument, doc_type: str) -> EventDoc:
    """The context of `doc`, shared by consecutive calls on the same document."""
    if _cache:
        last = _cache[0]
        if last.doc is doc and last.doc_id == doc_id and last.doc_type == doc_type:
            return last
    text = doc.text or ""
    lower = _lowered(text)
    spans = paragraph_spans(text)
    triggers = PROJECT_WORDS | MEETING_WORDS
    wanted: list[int] = []
    dated: set[int] = set()
    for i, (s, e) in enumerate(spans):
        words = set(_WORD.findall(lower, s, e))
        if not triggers.isdisjoint(words):
            wanted.append(i)
            if not _WEEKDAY_WORDS.isdisjoint(words):
                dated.add(i)
    sentences = split_sentences(text, wanted) if wanted else []
    dates: list[DateMention] = []
    weekdays: list[WeekdayMention] = []
    for i in wanted:
        p_start, p_end = spans[i]
        for d in resolve_dates(text[p_start:p_end], doc.published_date):
            dates.append(
                DateMention(
                    d.start + p_start,
                    d.end + p_start,
                    d.text,
                    d.start_date,
                    d.end_date,
                    d.granularity,
                    d.year_stated,
                )
            )
        if i in dated:
            weekdays.extend(_weekdays(text, doc.published_date, p_start, p_end))
    ctx = EventDoc(
        doc_id=doc_id,
        doc=doc,
        doc_type=doc_type,
        text=text,
        lower=lower,
        published=doc.published_date,
        sentences=sentences,
        words=[frozenset(_WORD.findall(lower, s.start, s.end)) for s in sentences],
        body=[_is_body(s) for s in sentences],
        learned=learn_acronyms(text),
        dates=dates,
        date_starts=[d.start for d in dates],
        weekdays=weekdays,
    )
    _cache[:] = [ctx]
    return ctx
