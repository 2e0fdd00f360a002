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
from transform.dates import MONTH_NAME, DateMention, month_number, resolve_dates
from transform.dollars import document_dollar
from transform.facts import Mention
from transform.organisations import learn_acronyms
from transform.participants import Org, Person, find_orgs, find_people, name_spans
from transform.places import Place, find_places
from transform.sentences import (
    _ABBREVIATIONS,
    _DOTTED,
    _END,
    _GLUED,
    _LINE_BREAK,
    _LOWER_OR_DIGIT,
    _SENTENCE_OPENERS,
    Sentence,
    paragraph_spans,
)

__all__ = [
    "MEETING_WORDS",
    "PROJECT_WORDS",
    "Analysis",
    "EventDoc",
    "WeekdayMention",
    "event_doc",
    "split_paragraphs",
]

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
                _weekdays(self.text, self.published or day_anchor, s.start, s.end)
                if not _WEEKDAY_WORDS.isdisjoint(self.words[k])
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


def _weekdays(text: str, published: date | None, start: int, end: int) -> list[WeekdayMention]:
    if published is None:
        return []
    out = []
    for m in _WEEKDAY.finditer(text, start, end):
        target = _WEEKDAYS[m.group("d")]
        rel = (m.group("rel") or "").lower()
        clause_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()))
        before = text[clause_start + 1 : m.start()]
        future = (
            rel == "next"
            or (rel in ("until", "till", "through", "by") and _FUTURE_CLAUSE.search(before))
            or (rel in ("on", "") and re.search(r"\bwill\b[^,;]*$", before) is not None)
        )
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


# ---------------------------------------------------------------------------------------
# Sentences: the rules of `transform.sentences`, applied without copying the rest of the
# paragraph at every full stop (that module's `_next_word` slices `para[pos:]`, which is
# quadratic in a paragraph's length). Same rules, same offsets: a test checks that both give
# identical sentences on every gold and seed document.

_NEXT_WORD = re.compile(r"\s*([\"“‘'(]*)([^\s]*)")


def _previous_token(text: str, lo: int, dot: int) -> str:
    i = max(text.rfind(" ", lo, dot), text.rfind("\n", lo, dot), text.rfind("\t", lo, dot))
    token = text[max(i + 1, lo) : dot]
    if token.isprintable():  # every whitespace character but " " is unprintable
        return token
    j = dot  # other whitespace (no-break space, \r): the exact rule
    while j > lo and not text[j - 1].isspace():
        j -= 1
    return text[j:dot]


def _is_abbreviation(text: str, lo: int, dot: int, token: str | None = None) -> bool:
    token = (_previous_token(text, lo, dot) if token is None else token).lstrip("(\"'“‘")
    if token.rstrip(".").lower() in _ABBREVIATIONS:
        return True
    return len(token) == 1 and token.isupper()


def _is_boundary(text: str, lo: int, hi: int, punct_start: int, punct_end: int) -> bool:
    if text[punct_start] != ".":
        return True
    before = _previous_token(text, lo, punct_start)
    m = _NEXT_WORD.match(text, punct_end, hi)
    nxt = m.group(2) if m else ""
    if not nxt:
        return True
    if _DOTTED.search((before + ".").lstrip("(\"'“‘")):
        return nxt.rstrip(",;:") in _SENTENCE_OPENERS
    if _is_abbreviation(text, lo, punct_start, before):
        return False
    return not nxt[0].islower()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ends(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """`list(_END.finditer(text, lo, hi))`, several times faster: a match can only start
    at a ".", "!" or "?", and `str.find` reaches those without trying every position."""
    marks: list[int] = []
    for ch in ".!?":
        i = text.find(ch, lo, hi)
        while i != -1:
            marks.append(i)
            i = text.find(ch, i + 1, hi)
    if len(marks) > 1:
        marks.sort()
    out: list[re.Match[str]] = []
    last = lo
    for i in marks:
        if i < last:
            continue
        m = _END.match(text, i, hi)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


def split_paragraphs(text: str, spans: list[tuple[int, int]], wanted: list[int]) -> list[Sentence]:
    """`sentences.split_sentences(text, wanted)`, given the paragraph spans already read."""
    out: list[Sentence] = []
    for index in wanted:
        lo, hi = spans[index]
        cuts: set[int] = set()
        for m in _ends(text, lo, hi):
            if _is_boundary(text, lo, hi, m.start(), m.end()):
                cuts.add(m.end())
        for m in _GLUED.finditer(text, lo, hi):
            dot = m.start()
            if (
                dot - lo >= 2
                and _LOWER_OR_DIGIT(text[dot - 2 : dot])
                and not _is_abbreviation(text, lo, dot)
            ):
                cuts.add(m.end())
        for m in _LINE_BREAK.finditer(text, lo, hi):
            cuts.add(m.start())
        pos = lo
        for cut in sorted(cuts):
            s, e = _trimmed(text, pos, cut)
            if s < e:
                out.append(Sentence(s, e, text[s:e], index))
            pos = cut
        s, e = _trimmed(text, pos, hi)
        if s < e:
            out.append(Sentence(s, e, text[s:e], index))
    return out


def _opening(text: str, s: Sentence) -> int:
    m = _DATELINE.match(text, s.start, s.end)
    return m.end() if m else s.start


def _is_body(s: Sentence) -> bool:
    text = s.text
    if text.startswith(("- ", "• ", "* ")):
        return False
    if text[-1] not in _TERMINAL:
        # a heading is short; a long line without its full stop is a sentence the page
        # cut off (stored copies often stop mid-text) or one that opens a list with ":"
        return len(text.split(maxsplit=_CUT_OFF_WORDS)) > _CUT_OFF_WORDS
    return len(text.split(maxsplit=3)) >= 4


_CUT_OFF_WORDS = 20


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
    implement completion boosted placed foundation groundbreaking
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
        "conferred",
        "expo",
        "convention",
        "retreat",
        "tour:ed,s",
        "delegation:s",
        "received",
    )
)
_TRIGGERS = PROJECT_WORDS | MEETING_WORDS
# "MOSCOW, Sept. 20 -- ", "CHIANG MAI, Thailand, Aug. 9 -- ": a news dateline
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w.'’ -]{1,40})?,\s*)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,\s*\d{4})?\s*(?:\([A-Z]+\))?\s*(?:--|—|–|:)\s*"
)
# Letters lower-cased, everything else -> space, so that `str.split` yields the lower-cased
# words (bytes translation runs in C; latin-1 with "?" for other characters keeps the
# offsets). Lower-casing the whole text with `str.lower` instead is slow on any text with
# a curly quote in it.
_LETTERS = bytes(c if 97 <= c <= 122 else c + 32 if 65 <= c <= 90 else 32 for c in range(256))


def _letters_only(text: str) -> str:
    return text.encode("latin-1", "replace").translate(_LETTERS).decode("latin-1")


_WEEKDAY_WORDS = frozenset(d.lower() for d in _WEEKDAYS)

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
    body = [_is_body(s) for s in sentences]
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
        opening=[_opening(text, s) for s in sentences],
    )
    _cache[:] = [ctx]
    return ctx
