"""What the project and meeting extractors read from one document, computed once.

Both extractors walk the same sentences and need the same dates, countries, places,
organisations and people around them. Reading organisations is the costly part, so it is
done lazily, one paragraph at a time, only for paragraphs an extractor asks about; and the
last document's context is kept so that the project and meeting extractors, run one after
the other on the same document, share it.

Only body sentences count (`body_sentences`: headings, headlines and contents lines repeat
the body), and a weekday is dated from the publication date (`weekdays`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from extract.documents import ParsedDocument
from transform.acronyms import spelled_out
from transform.body_sentences import after_dateline, is_body, split_paragraphs
from transform.countries import CountryMention, find_countries
from transform.dates import MONTH_NAME, DateMention, month_number, resolve_dates
from transform.dollars import document_dollar
from transform.facts import Mention
from transform.organisations import learn_acronyms
from transform.participants import Org, Person, find_orgs, find_people, name_spans
from transform.places import Place, find_places
from transform.sentences import Sentence, paragraph_spans
from transform.weekdays import WEEKDAY_WORDS, WeekdayMention, resolve_weekdays

__all__ = [
    "MEETING_WORDS",
    "PROJECT_WORDS",
    "Analysis",
    "EventDoc",
    "event_doc",
]


class Analysis:
    """One sentence's countries, organisations and people (document offsets), each read
    on first use: most sentences only ever need one of them."""

    __slots__ = ("_countries", "_names", "_orgs", "_people", "ctx", "end", "start", "text")

    def __init__(self, ctx: EventDoc, s: Sentence) -> None:
        self.ctx = ctx
        self.start, self.end, self.text = s.start, s.end, s.text
        self._countries: list[CountryMention] | None = None
        self._names: list[tuple[int, int]] | None = None
        self._orgs: list[Org] | None = None
        self._people: list[Person] | None = None

    @property
    def countries(self) -> list[CountryMention]:
        if self._countries is None:
            self._countries = [
                CountryMention(c.start + self.start, c.end + self.start, c.text, c.iso3, c.form)
                for c in find_countries(self.text)
            ]
        return self._countries

    @property
    def names(self) -> list[tuple[int, int]]:
        if self._names is None:
            self._names = name_spans(self.ctx.text, self.start, self.end)
        return self._names

    @property
    def orgs(self) -> list[Org]:
        if self._orgs is None:
            self._orgs = find_orgs(self.ctx.text, self.start, self.end, self.ctx.learned)
        return self._orgs

    @property
    def people(self) -> list[Person]:
        if self._people is None:
            self._people = find_people(self.ctx.text, self.start, self.end, self.orgs, self.names)
        return self._people


@dataclass
class EventDoc:
    """A document prepared for the project and meeting extractors."""

    doc_id: str
    doc: ParsedDocument
    doc_type: str
    text: str
    published: date | None
    sentences: list[Sentence]
    words: list[frozenset[str]]  # each sentence's lower-cased words
    body: list[bool]
    starts: list[int]  # each sentence's start, for bisecting
    opening: list[int]  # where each sentence's own words start (after a news dateline)
    _analyses: dict[int, Analysis] = field(default_factory=dict)
    _dated: dict[int, tuple[list[DateMention], list[WeekdayMention]]] = field(default_factory=dict)
    _learned: dict[str, str] | None = None
    _dollar: str | None = None
    _spelled: dict[str, str | None] = field(default_factory=dict)

    @property
    def dollar(self) -> str:
        """The currency a bare "$" stands for on this page (a Hong Kong budget's "$" is
        HKD), read on first use."""
        if self._dollar is None:
            self._dollar = document_dollar(self.text)
        return self._dollar

    @property
    def learned(self) -> dict[str, str]:
        """The acronyms the document defines ("XIEG"), read on first use."""
        if self._learned is None:
            self._learned = learn_acronyms(self.text)
        return self._learned

    def spelled_out(self, acronym: str) -> str | None:
        """The name the page spells `acronym` out with (`acronyms.spelled_out`), read once per
        page: many sentences ask for the same acronym."""
        if acronym not in self._spelled:
            self._spelled[acronym] = spelled_out(acronym, self.text)
        return self._spelled[acronym]

    def analysis(self, s: Sentence) -> Analysis:
        """Countries, organisations and people of sentence `s`, each read once, on demand."""
        cached = self._analyses.get(s.start)
        if cached is None:
            cached = self._analyses[s.start] = Analysis(self, s)
        return cached

    def _sentence_dates(self, start: int) -> tuple[list[DateMention], list[WeekdayMention]]:
        """Dates and weekdays of the sentence holding offset `start`, read on first use
        (most sentences are never asked about)."""
        k = bisect.bisect_right(self.starts, start) - 1
        if k < 0:
            return [], []
        s = self.sentences[k]
        cached = self._dated.get(s.start)
        if cached is None:
            anchor = None if self.published is not None else self._anchor(s.start, s.end)
            anchor_date = anchor[0] if anchor is not None else None
            day_anchor = anchor[0] if anchor is not None and anchor[1] else None
            dates = [
                DateMention(
                    d.start + s.start,
                    d.end + s.start,
                    d.text,
                    d.start_date,
                    d.end_date,
                    d.granularity,
                    d.year_stated,
                )
                for d in resolve_dates(s.text, self.published or anchor_date)
            ]
            weekdays = (
                resolve_weekdays(self.text, self.published or day_anchor, s.start, s.end)
                if not WEEKDAY_WORDS.isdisjoint(self.words[k])
                else []
            )
            cached = self._dated[s.start] = (dates, weekdays)
        return cached

    def _anchor(self, start: int, end: int) -> tuple[date, bool] | None:
        """Without a publication date, what a reader dates the text by: the last date the
        text stated with its year before `end` ("February 2012: ...", "January 24,
        2022"). (anchor, is_day): a month alone anchors at its last day, good for giving a
        year to "on 20 February" but not for resolving "on Monday"."""
        found = list(_MONTH_YEAR.finditer(self.text, max(0, start - 3000), end))
        if not found:
            return None
        last = found[-1]
        month = month_number(last.group("m"))
        year = int(last.group("y"))
        day = last.group("d") or last.group("d2")
        if day is not None and 1 <= int(day) <= 31:
            try:
                return date(year, month, int(day)), True
            except ValueError:
                pass
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        return nxt - timedelta(days=1), False

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        """Dates and ranges written inside `text[start:end]` (within one sentence), a
        dateline's date excluded: it is the publication date, not an event's."""
        k = bisect.bisect_right(self.starts, start) - 1
        floor = max(start, self.opening[k]) if k >= 0 else start
        return [d for d in self._sentence_dates(start)[0] if floor <= d.start and d.end <= end]

    def weekdays_in(self, start: int, end: int) -> list[WeekdayMention]:
        """Weekdays written inside `text[start:end]` (within one sentence), resolved."""
        return [w for w in self._sentence_dates(start)[1] if start <= w.start and w.end <= end]

    def mention(self, s: Sentence) -> Mention:
        """Sentence `s` as a fact's evidence: its text, offsets and page."""
        return Mention(
            doc_id=self.doc_id,
            evidence=s.text,
            char_start=s.start,
            char_end=s.end,
            page=self.doc.page_at(s.start),
        )

    def places_in(self, start: int, end: int) -> list[Place]:
        return find_places(self.text, start, end)

    def countries_in(self, start: int, end: int, info: Analysis) -> list[CountryMention]:
        return [c for c in info.countries if start <= c.start and c.end <= end]

    def orgs_in(self, start: int, end: int, info: Analysis) -> list[Org]:
        return [o for o in info.orgs if start <= o.start and o.end <= end]

    def people_in(self, start: int, end: int, info: Analysis) -> list[Person]:
        return [p for p in info.people if start <= p.start and p.end <= end]


_MONTH_YEAR = re.compile(
    r"(?:\b(?P<d2>\d{1,2})\s+)?\b(?P<m>" + MONTH_NAME + r")\.?\s+"
    r"(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+)?(?P<y>(?:19|20)\d\d)\b"
)


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


# The first words of the project event verbs ("started commercial operations", "lifted
# off", "set up"): `projects` tries its verb patterns only where one of them stands.
PROJECT_WORDS = frozenset(
    """
    start started starts starting began begun begin begins put went goes go entered lift
    lifted lifts blast blasted blasts took made completed conducted performed commission
    commissioned commissions commissioning kick kicked kicks roll rolled rolls launch
    launched launches launching unveil unveiled unveils unveiling released releases releasing
    inaugurate inaugurated inaugurates inaugurating open opened opens opening establish
    established establishes establishing set sets setting founded approved approves approving
    sign signed signs signing complete completes completing develop developed develops
    developing built build builds building construct constructed constructs constructing
    pioneered pioneers pioneering invent invented invents inventing create created creates
    creating
    sent send sends handed hands passed passes
    installed installs initiated initiates announced inauguration establishment founding
    implement completion boosted placed foundation groundbreaking formation formed
    cloned mapped sequenced synthesized synthesised proved engineered designed fabricated
    achieved
    """.split()
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
        "discussed",
        "discussion:s",
        "conferred",
        "group:s",
        "day",
        "hosted",
        "expo",
        "convention",
        "retreat",
        "tour:ed,s",
        "delegation:s",
        "received",
    )
)
_TRIGGERS = PROJECT_WORDS | MEETING_WORDS


# Letters lower-cased, everything else -> space, so that `str.split` yields the lower-cased
# words (bytes translation runs in C; latin-1 with "?" for other characters keeps the
# offsets). Lower-casing the whole text with `str.lower` instead is slow on any text with
# a curly quote in it.
_LETTERS = bytes(c if 97 <= c <= 122 else c + 32 if 65 <= c <= 90 else 32 for c in range(256))


def _letters_only(text: str) -> str:
    return text.encode("latin-1", "replace").translate(_LETTERS).decode("latin-1")


_NO_WORDS: frozenset[str] = frozenset()
_cache: list[EventDoc] = []


def event_doc(doc_id: str, doc: ParsedDocument, doc_type: str) -> EventDoc:
    """The context of `doc`, shared by consecutive calls on the same document."""
    if _cache:
        last = _cache[0]
        if last.doc is doc and last.doc_id == doc_id and last.doc_type == doc_type:
            return last
    text = doc.text or ""
    spans = paragraph_spans(text)
    flat = _letters_only(text)
    para_words = [flat[s:e].split() for s, e in spans]
    hits = [i for i, words in enumerate(para_words) if not _TRIGGERS.isdisjoint(words)]
    # and the paragraph after each: an item may go on there ("Chang'e-6 carries four
    # international payloads: ...")
    wanted = sorted({j for i in hits for j in (i, i + 1) if j < len(spans)})
    sentences = split_paragraphs(text, spans, wanted)
    body = [is_body(s) for s in sentences]
    ctx = EventDoc(
        doc_id=doc_id,
        doc=doc,
        doc_type=doc_type,
        text=text,
        published=doc.published_date,
        sentences=sentences,
        words=[
            _NO_WORDS
            if not b
            else frozenset(
                para_words[s.paragraph]
                if (s.start, s.end) == spans[s.paragraph]  # a one-sentence paragraph
                else flat[s.start : s.end].split()
            )
            for s, b in zip(sentences, body, strict=True)
        ],
        body=body,
        starts=[s.start for s in sentences],
        opening=[after_dateline(text, s) for s in sentences],
    )
    _cache[:] = [ctx]
    return ctx
