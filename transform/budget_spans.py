"""The typed spans a budget is read from, computed once per document.

`Doc` holds a document's sentences, organisations, countries, years and dates (read only
in the paragraphs around an amount); `Window` is an amount's clause within its sentence.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from datetime import date

from extract.documents import ParsedDocument
from transform.budget_field_rules import (
    BUDGET_BEFORE_YEAR,
    CONTEXT_SENTENCES,
    FROM_BEFORE,
    HEADING_MAX,
    TO_BEFORE,
    YEAR_AFTER_AMOUNT,
)
from transform.budget_rules import BUDGET_AFTER_YEAR
from transform.countries import CountryMention, dominant_country, find_countries
from transform.dates import DateMention, YearMention, find_years, resolve_dates
from transform.money import Amount
from transform.organisations import OrgMention, find_organisations, learn_acronyms
from transform.sentences import Sentence, paragraph_spans, split_sentences


def shift(items: list, offset: int) -> list:
    return [dataclasses.replace(x, start=x.start + offset, end=x.end + offset) for x in items]


def is_heading(text: str, start: int, end: int) -> bool:
    """A paragraph that is one short line without final punctuation: a heading."""
    if end - start > HEADING_MAX:
        return False
    chunk = text[start:end]
    return "\n" not in chunk and chunk[-1:] not in ".!?:;,\"”'’)"


class Doc:
    """What the rules need to know about a document, computed once and only where needed.

    Only the paragraphs holding an amount, the two before each (the context a budget
    sentence leans on) and the section heading above them are read in full (sentences,
    organisations, countries, years, dates): a long review with two budget paragraphs
    costs little more than a short article.
    """

    def __init__(self, doc_id: str, doc: ParsedDocument, amounts: list[Amount]) -> None:
        text = doc.text
        self.amounts = amounts
        self.amount_starts = [a.start for a in amounts]
        self.change_given: set[str] = set()  # categories whose first figure has its rate
        self.doc_id = doc_id
        self.doc = doc
        self.text = text
        self.published = doc.published_date
        paragraphs = paragraph_spans(text)
        p_starts = [p[0] for p in paragraphs]
        selected: set[int] = set()
        self.heading_of: dict[int, int] = {}  # paragraph -> its heading paragraph
        for amt in amounts:
            p = max(bisect.bisect_right(p_starts, amt.start) - 1, 0)
            selected.update(k for k in (p, p - 1, p - 2) if k >= 0)
            floor = section_floor(doc, amt.start)
            q = p - 1
            while q >= 0 and paragraphs[q][0] >= floor:
                if is_heading(text, *paragraphs[q]):
                    self.heading_of[p] = q
                    selected.add(q)
                    break
                q -= 1
        order = sorted(selected)
        self.sentences: list[Sentence] = split_sentences(text, order)
        self.starts = [x.start for x in self.sentences]
        self.headings = frozenset(
            i for i, x in enumerate(self.sentences) if is_heading(text, *paragraphs[x.paragraph])
        )
        self.first_sentence_of: dict[int, int] = {}
        for i, x in enumerate(self.sentences):
            self.first_sentence_of.setdefault(x.paragraph, i)
        learned = learn_acronyms(text)
        self.orgs: list[OrgMention] = []
        self.countries: list[CountryMention] = []
        self.years: list[YearMention] = []
        self.dates: list[DateMention] = []
        for run_start, run_end in runs(order):
            a, b = paragraphs[run_start][0], paragraphs[run_end][1]
            chunk = text[a:b]
            self.orgs += shift(find_organisations(chunk, learned), a)
            self.countries += shift(find_countries(chunk), a)
            self.years += shift(find_years(chunk, self.published), a)
            self.dates += shift(resolve_dates(chunk, self.published), a)
        self.org_starts = [o.start for o in self.orgs]
        self.country_starts = [c.start for c in self.countries]
        self.year_starts = [y.start for y in self.years]
        self.date_starts = [d.start for d in self.dates]
        self._doc_country: tuple[str | None] | None = None
        # Whether the page's lead says it reports a draft or a budget speech (set by the
        # reader, which owns the phase rules).
        self.lead_proposed = False
        self.lead_actual = False  # the lead says it reports outcomes (a communique)
        self.phase_memo: dict[str, str | None] = {}
        self.lead_budget_year: int | None = None  # "his 2019-20 Budget" in the lead

    @property
    def doc_country(self) -> str | None:
        """The country the whole document names most (read only when needed)."""
        if self._doc_country is None:
            self._doc_country = (dominant_country(find_countries(self.text)),)
        return self._doc_country[0]


def runs(indices: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs in sorted `indices` as (first, last) pairs."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and i == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def in_span(items: Sequence, starts: list[int], start: int, end: int) -> list:
    """Items (sorted by .start, keys in `starts`) lying within [start, end)."""
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(items) and items[i].start < end:
        if items[i].end <= end:
            out.append(items[i])
        i += 1
    return out


def section_floor(doc: ParsedDocument, offset: int) -> int:
    """Start of the parser-declared section holding `offset` (0 when there are none)."""
    start = 0
    for section in doc.sections:
        if section.char_start <= offset < section.char_end:
            start = max(start, section.char_start)
    return start


def section_context(ctx: Doc, index: int) -> tuple[list[int], int | None]:
    """Indices of up to `CONTEXT_SENTENCES` preceding sentences of the same section
    (nearest first), and the index of the section's heading sentence if there is one."""
    current = ctx.sentences[index]
    floor = section_floor(ctx.doc, current.start)
    out: list[int] = []
    j = index - 1
    prev_para = current.paragraph
    while j >= 0 and len(out) < CONTEXT_SENTENCES:
        s = ctx.sentences[j]
        if s.start < floor or s.paragraph < prev_para - 1:
            break  # another section, or paragraphs not read (too far back)
        if j in ctx.headings:
            return out, j
        out.append(j)
        prev_para = s.paragraph
        j -= 1
    heading_para = ctx.heading_of.get(current.paragraph)
    if heading_para is None:
        return out, None
    return out, ctx.first_sentence_of.get(heading_para)


@dataclasses.dataclass(frozen=True)
class Window:
    start: int  # absolute offsets
    end: int


def clause_window(sentence: Sentence, amounts: list[Amount], i: int) -> Window:
    """The clause of amount i, cut at its neighbours (offsets absolute)."""
    amt = amounts[i]
    rel_start = amt.start - sentence.start
    rel_end = amt.span_end - sentence.start
    clause_start = sentence.text.rfind(";", 0, rel_start) + 1
    semi = sentence.text.find(";", rel_end)
    clause_end = semi if semi != -1 else len(sentence.text)
    start = sentence.start + clause_start
    end = sentence.start + clause_end
    if i > 0:
        start = max(start, amounts[i - 1].span_end)
    if i + 1 < len(amounts):
        end = min(end, amounts[i + 1].start)
    return Window(start, end)


def masked(ctx: Doc, start: int, end: int) -> str:
    """`text[start:end]` with organisation names blanked (same length, offsets kept)."""
    chunk = ctx.text[start:end]
    orgs = in_span(ctx.orgs, ctx.org_starts, start, end)
    if not orgs:
        return chunk
    chars = list(chunk)
    for o in orgs:
        for k in range(o.start - start, o.end - start):
            chars[k] = " "
    return "".join(chars)


def lead(text: str, paragraphs: int = 3) -> str:
    """The title and first paragraphs: where a page says it reports a draft or a speech."""
    end = 0
    for _ in range(paragraphs):
        nxt = text.find("\n\n", end + 2)
        if nxt == -1:
            return text
        end = nxt
    return text[:end]


def budget_year(text: str, published: date | None) -> int | None:
    """The fiscal year of the budget `text` names ("his 2019-20 Budget", "the fiscal 2022
    budget", "the 2024 budget"), if it names one."""
    for y in find_years(text, published):
        if y.kind == "fiscal" or (
            y.kind == "year"
            and (
                BUDGET_AFTER_YEAR.match(text, y.end)
                or BUDGET_BEFORE_YEAR.search(text, max(0, y.start - 12), y.start)
            )
        ):
            return y.year
    return None


def year_of_other_amount(ctx: Doc, y: YearMention, anchor: int) -> bool:
    """Whether year `y` directly follows an amount other than the one at `anchor` ("1.03
    trillion yuan in 2012"): that amount's year, not another figure's."""
    k = bisect.bisect_left(ctx.amount_starts, y.start) - 1
    if k < 0:
        return False
    amt = ctx.amounts[k]
    if amt.start == anchor or amt.span_end > y.start:
        return False
    return YEAR_AFTER_AMOUNT.match(ctx.text, amt.span_end, y.start) is not None


def range_year(ctx: Doc, s: Sentence, amounts: list[Amount], i: int) -> int | None:
    """The year of amount i in a "from A to B" statement over a stated period ("From 2018
    to 2023, spending grew from A to B"): the period's first year for A, its last for B."""
    spans = [
        y
        for y in in_span(ctx.years, ctx.year_starts, s.start, s.end)
        if y.kind == "span" and y.end_year is not None
    ]
    if len(spans) != 1 or len(amounts) < 2:
        return None
    amt = amounts[i]
    if i + 1 < len(amounts) and FROM_BEFORE.search(
        ctx.text, max(s.start, amt.start - 30), amt.start
    ):
        if TO_BEFORE.match(ctx.text, amt.span_end, amounts[i + 1].start):
            return spans[0].year
    if i > 0 and TO_BEFORE.match(ctx.text, amounts[i - 1].span_end, amt.start):
        if FROM_BEFORE.search(
            ctx.text, max(s.start, amounts[i - 1].start - 30), amounts[i - 1].start
        ):
            return spans[0].end_year
    return None
