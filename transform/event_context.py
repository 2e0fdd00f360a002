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
from transform.organisations import find_organisations, learn_acronyms
from transform.participants import Org, Person, find_orgs, find_people, name_spans
from transform.places import Place, find_places
from transform.sentences import Sentence, paragraph_spans, split_sentences

__all__ = ["EventDoc", "Paragraph", "WeekdayMention", "event_doc"]

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
_WEEKDAY = re.compile(r"\b(?:(?P<rel>last|this|next|on|by|until|till|from|through)\s+)?(?P<d>"
                      + "|".join(_WEEKDAYS) + r")\b")
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
class Paragraph:
    """One paragraph's participants, read on demand."""

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
    published: date | None
    sentences: list[Sentence]
    body: list[bool]
    para_spans: list[tuple[int, int]]
    learned: dict[str, str]
    dates: list[DateMention]
    date_starts: list[int]
    weekdays: list[WeekdayMention]
    _paragraphs: dict[int, Paragraph] = field(default_factory=dict)

    def paragraph(self, index: int) -> Paragraph:
        """Countries, organisations and people of paragraph `index` (doc offsets)."""
        cached = self._paragraphs.get(index)
        if cached is not None:
            return cached
        p_start, p_end = self.para_spans[index]
        chunk = self.text[p_start:p_end]
        curated = find_organisations(chunk, self.learned)
        names = name_spans(chunk, 0, len(chunk))
        orgs_rel = find_orgs(chunk, 0, len(chunk), curated, [s for s, _ in names])
        people_rel = find_people(chunk, 0, len(chunk), orgs_rel, names)
        orgs = [
            Org(o.start + p_start, o.end + p_start, o.name, o.country, o.acronym, o.curated, o.kind)
            for o in orgs_rel
        ]
        people = [
            Person(p.start + p_start, p.end + p_start, p.name, p.role, p.organisation, p.country)
            for p in people_rel
        ]
        countries = [
            CountryMention(c.start + p_start, c.end + p_start, c.text, c.iso3, c.form)
            for c in find_countries(chunk)
        ]
        para = Paragraph(p_start, p_end, countries, orgs, people)
        self._paragraphs[index] = para
        return para

    def sentence_paragraph(self, s: Sentence) -> Paragraph:
        return self.paragraph(s.paragraph)

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

    def countries_in(self, start: int, end: int, para: Paragraph) -> list[CountryMention]:
        return [c for c in para.countries if start <= c.start and c.end <= end]

    def orgs_in(self, start: int, end: int, para: Paragraph) -> list[Org]:
        return [o for o in para.orgs if start <= o.start and o.end <= end]

    def people_in(self, start: int, end: int, para: Paragraph) -> list[Person]:
        return [p for p in para.people if start <= p.start and p.end <= end]


def _weekdays(text: str, published: date | None) -> list[WeekdayMention]:
    if published is None:
        return []
    out = []
    for m in _WEEKDAY.finditer(text):
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


_cache: list[EventDoc] = []


def event_doc(doc_id: str, doc: ParsedDocument, doc_type: str) -> EventDoc:
    """The context of `doc`, shared by consecutive calls on the same document."""
    if _cache:
        last = _cache[0]
        if last.doc is doc and last.doc_id == doc_id and last.doc_type == doc_type:
            return last
    text = doc.text or ""
    sentences = split_sentences(text)
    dates = resolve_dates(text, doc.published_date)
    ctx = EventDoc(
        doc_id=doc_id,
        doc=doc,
        doc_type=doc_type,
        text=text,
        published=doc.published_date,
        sentences=sentences,
        body=[_is_body(s) for s in sentences],
        para_spans=paragraph_spans(text),
        learned=learn_acronyms(text),
        dates=dates,
        date_starts=[d.start for d in dates],
        weekdays=_weekdays(text, doc.published_date),
    )
    _cache[:] = [ctx]
    return ctx
