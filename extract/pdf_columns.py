"""Reading order for PDF pages set in columns, rebuilt from word positions alone.

A PDF's text layer is a set of positioned words, not a text stream. Extractors that read it
row by row across the whole page (pdfplumber's `extract_text`, `pdftotext` without
`-layout`) splice the left column's line into the right column's line at the same height, so
every paragraph of a two-column newsletter comes out interleaved with its neighbour. The
functions here are pure (words in, blocks out) so they can be tested on hand-made words:

1. `strip_furniture` drops running headers, footers and page numbers: text in the top or
   bottom band that repeats at the same height on several pages, bare numbers, "Page N".
2. `find_gutter` finds the empty vertical strip between two columns on a page; `order_page`
   then cuts the page into horizontal segments: rows that cross the gutter (a title block,
   a full-width heading) are read as they stand, and between them the left column is read
   top to bottom before the right column.
3. `read_pages` groups lines into paragraphs (vertical gaps, indents, font changes,
   bullets), tells headings by size or weight, puts back paragraphs split at a column or
   page break, and rejoins words hyphenated at a line end (`join_hyphenated`).

Only two-column pages are handled; a third column would be read as part of the second.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

BlockKind = Literal["title", "heading", "paragraph"]

# Proportion of the page height searched for running headers and footers.
FURNITURE_BAND = 0.1
# Two words on one row further apart than this many ems belong to different fragments
# (columns, or the sides of a header); a justified line's widest gaps stay well below a
# column gutter.
FRAGMENT_GAP_EM = 1.0

_PAGE_NUMBER = re.compile(
    r"(?:page|p\.|pg\.?)?\s*[-\u2013\u2014]?\s*\d{1,4}\s*[-\u2013\u2014]?"
    r"(?:\s*(?:of|/)\s*\d{1,4})?",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[\u2022\u25aa\u25cf\u25e6\u2023\u2043\u25a0\u00b7\u2013*\-]$|^\d{1,2}[.)]$")
_TERMINAL = re.compile(r"[.!?:][\"'\u2019\u201d)\]]*$")
_CORE = re.compile(r"^[^\w]+|[^\w]+$")
# Word ends that a hyphenation program splits off ("technol-ogy", "informa-tion"), with up
# to three letters before them; rarely a word of their own, unlike "users" or "solid".
_SUFFIX_TAIL = re.compile(
    r"[a-z]{0,3}(?:tions?|sions?|ments?|ogy|ogies|ities|ity|ical|ically|ances?|ences?|ness|"
    r"able|ible|ably|ibly|ising|izing|ised|ized|isation|ization|ular|ative|itive|ously)"
)
# First halves that make real compounds ("non-discriminatory", "semi-solid"); short
# prefixes such as "re" or "co" are left out, being as often the head of a split word.
_COMPOUND_PREFIXES = frozenset(
    "anti counter cross extra full half high long low macro mega micro multi non part "
    "quasi self semi short state top ultra well wide world".split()
)


@dataclass(frozen=True)
class Word:
    """One word as the PDF places it; coordinates in points, `top` measured from the top."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 0.0
    fontname: str = ""

    @property
    def mid_y(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)

    @property
    def bold(self) -> bool:
        name = self.fontname.lower()
        return any(w in name for w in ("bold", "black", "heavy", "semibold", "demi"))


@dataclass(frozen=True)
class PageWords:
    """The words of one page (1-based `number`) and the page size in points."""

    number: int
    width: float
    height: float
    words: tuple[Word, ...]


@dataclass(frozen=True)
class Line:
    """Words read as one line of text, and where the line was found."""

    words: tuple[Word, ...]
    page: int
    column: int  # 0: full width (or a page without columns), 1: left, 2: right

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        """The size most of the line's characters are set in."""
        weights: Counter[float] = Counter()
        for w in self.words:
            weights[round(w.size, 1)] += len(w.text)
        return weights.most_common(1)[0][0]

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(frozen=True)
class Group:
    """Lines read in one go: a full-width segment or one column of a two-column segment."""

    column: int
    lines: tuple[Line, ...]
    two_sided: bool = False


@dataclass(frozen=True)
class Block:
    """A title, heading or paragraph; `page_marks` are (offset in `text`, page) pairs for
    the first line and each later page the block runs onto."""

    kind: BlockKind
    text: str
    page: int
    page_marks: tuple[tuple[int, int], ...] = ()
    size: float = 0.0


@dataclass(frozen=True)
class Layout:
    """Blocks in reading order, plus the furniture lines that were taken out of them."""

    blocks: tuple[Block, ...]
    furniture: tuple[tuple[int, str], ...] = ()
    body_size: float = 0.0


# --------------------------------------------------------------------------------------
# Lines and fragments
# --------------------------------------------------------------------------------------


def cluster_lines(words: Iterable[Word]) -> list[tuple[Word, ...]]:
    """Group words whose vertical centres agree into lines, top to bottom, each left to right.

    Words are compared with the few most recent lines only, so lines of two columns set at
    slightly different heights stay apart while the sweep stays linear.
    """
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        for line in reversed(lines[-4:]):
            ref = line[0]
            if abs(w.mid_y - ref.mid_y) <= 0.5 * min(w.height, ref.height):
                line.append(w)
                break
        else:
            lines.append([w])
    out = [tuple(sorted(line, key=lambda w: w.x0)) for line in lines]
    out.sort(key=lambda ln: (min(w.top for w in ln), ln[0].x0))
    return out


def split_on_gaps(line: Sequence[Word], gap_em: float = FRAGMENT_GAP_EM) -> list[tuple[Word, ...]]:
    """Cut a row of words where the horizontal gap exceeds `gap_em` ems.

    A row built across a whole page may hold a left-column line and a right-column line;
    the gutter between them is wider than any word space, so it splits them apart.
    """
    frags: list[list[Word]] = []
    for w in sorted(line, key=lambda w: w.x0):
        if frags:
            prev = frags[-1][-1]
            limit = gap_em * max(prev.size, w.size, prev.height)
            if w.x0 - prev.x1 <= limit:
                frags[-1].append(w)
                continue
        frags.append([w])
    return [tuple(f) for f in frags]


def _extent(frag: Sequence[Word]) -> tuple[float, float, float, float]:
    return (
        min(w.x0 for w in frag),
        max(w.x1 for w in frag),
        min(w.top for w in frag),
        max(w.bottom for w in frag),
    )


def find_gutter(
    rows: Sequence[Sequence[Word]], page_width: float | None = None
) -> tuple[float, float] | None:
    """The (left, right) x-range of the gap between two columns, or None for one column.

    `rows` are the page's words grouped by height (`cluster_lines`). Each row is cut into
    fragments (runs of closely spaced words) and, for each point across the middle 60% of
    the page (of the text's width when `page_width` is not given), the fragments covering it
    are counted, leaving out title lines (centred on the page, or wider than a column). The
    gutter is the widest run of points at the minimum count that has text on both sides,
    accepted when that count is small beside the busiest point. A line that ends inside the
    gutter (a contents entry of a title block) narrows that run; when it comes out too
    narrow, it is widened over points a few fragments above the minimum, to the right no
    further than the first line that starts there.

    On a page of a few lines, a stretched justified line's word gaps can look like a gutter;
    a gap no wider than the row's other word gaps is one line's spacing, so the candidate is
    dropped when most rows it splits say so.

    Callers split fragments into sides by the gutter's midpoint: those covering it cross
    the gutter (full-width rows).
    """
    fragments = [f for row in rows for f in split_on_gaps(row)]
    if len(fragments) < 2:
        return None
    boxes = [_extent(f) for f in fragments]
    left = min(b[0] for b in boxes)
    right = max(b[1] for b in boxes)
    if right - left < 50:
        return None
    zone_lo, zone_hi = (0.0, page_width) if page_width else (left, right)
    start = int(zone_lo + 0.2 * (zone_hi - zone_lo))
    stop = int(zone_lo + 0.8 * (zone_hi - zone_lo))
    first, last = min(int(left), start), max(int(right), stop) + 2
    # The page, when known, is the better reference: a short right-hand column leaves the
    # text's own extent lopsided.
    middle = page_width / 2 if page_width else (left + right) / 2
    span = max(right - left, 0.8 * page_width if page_width else 0.0)
    # A fragment covers the whole points strictly inside it; counted with a difference
    # array (+1 where coverage starts, -1 where it ends) to stay linear. Title lines set
    # across the page (centred on it, or wider than a column could be) are left out, so a
    # tall masthead cannot outweigh a short right-hand column.
    steps = [0] * (last - first + 2)
    starts: Counter[int] = Counter()  # first point each counted fragment covers
    for x0, x1, _, _ in boxes:
        if x1 - x0 > 0.6 * span or (x0 < middle < x1 and abs((x0 + x1) / 2 - middle) < 0.03 * span):
            continue
        cover_from, cover_to = math.floor(x0) + 1, math.ceil(x1)
        if cover_to > cover_from:
            steps[cover_from - first] += 1
            steps[cover_to - first] -= 1
            starts[cover_from] += 1
    counts: dict[int, int] = {}
    running = 0
    for x in range(first, last + 1):
        running += steps[x - first]
        counts[x] = running
    busiest = max(counts.values())
    lowest = min(counts[x] for x in range(start, stop + 1))
    if busiest == 0 or lowest > 0.25 * busiest:
        return None
    median_size = statistics.median(w.size or w.height for f in fragments for w in f)
    min_width = max(4.0, 0.4 * median_size)
    centre = (left + right) / 2
    best = _widest_run(counts, boxes, start, stop, lowest, centre)
    if best is not None and best[1] - best[0] < min_width:
        # Lines of a title block ending inside the gutter narrowed it: widen the run over
        # points a few fragments above the minimum, leftwards into the lines that end in
        # it, rightwards only up to where the right column's first line starts (that
        # column may be too short to raise the count).
        slack = lowest + max(1, int(0.1 * busiest))
        lo, hi = best
        while lo - 1 >= start and counts[lo - 1] <= slack:
            lo -= 1
        while hi + 1 <= stop and counts[hi + 1] <= slack and not starts[hi + 1]:
            hi += 1
        mid = (lo + hi) / 2
        if any(b[1] <= mid for b in boxes) and any(b[0] >= mid for b in boxes):
            best = (lo, hi)
    if best is None or best[1] - best[0] < min_width:
        return None
    if _reads_as_one_column(rows, (best[0] + best[1]) / 2):
        return None
    return float(best[0]), float(best[1])


def _reads_as_one_column(rows: Sequence[Sequence[Word]], mid: float) -> bool:
    """Whether most rows with words on both sides of `mid` are single justified lines.

    A row is a single line when its gap across `mid` is no wider than its widest other word
    gap (justified text spaces all its gaps alike); two columns' lines are separated by a
    gutter wider than either line's spaces. A row with words only right of `mid` counts
    against one column: columns set at different heights rarely share rows, while a single
    column's lines all start at its left edge.
    """
    single = split = 0
    for row in rows:
        ws = sorted(row, key=lambda w: w.x0)
        if any(w.x0 < mid < w.x1 for w in ws):
            continue
        n_left = sum(1 for w in ws if w.x1 <= mid)
        if n_left == 0:
            split += 1
            continue
        if n_left == len(ws):
            continue
        gaps = [b.x0 - a.x1 for a, b in zip(ws, ws[1:], strict=False)]
        across = gaps.pop(n_left - 1)
        if not gaps:
            continue
        if across <= max(gaps) + 1.0:
            single += 1
        else:
            split += 1
    return single > split


def _widest_run(
    counts: dict[int, int],
    boxes: Sequence[tuple[float, float, float, float]],
    start: int,
    stop: int,
    limit: int,
    centre: float,
) -> tuple[int, int] | None:
    """Widest run of points in [start, stop] with count <= limit and text on both sides
    (ties: nearest the centre)."""
    runs: list[tuple[int, int]] = []
    run_start: int | None = None
    for x in range(start, stop + 2):
        low = x <= stop and counts[x] <= limit
        if low and run_start is None:
            run_start = x
        elif not low and run_start is not None:
            runs.append((run_start, x - 1))
            run_start = None
    best: tuple[int, int] | None = None
    for run in runs:
        mid = (run[0] + run[1]) / 2
        if not any(b[1] <= mid for b in boxes) or not any(b[0] >= mid for b in boxes):
            continue
        if best is None or _better_run(run, best, centre):
            best = run
    return best


def _better_run(run: tuple[int, int], best: tuple[int, int], centre: float) -> bool:
    width, best_width = run[1] - run[0], best[1] - best[0]
    if width != best_width:
        return width > best_width
    return abs((run[0] + run[1]) / 2 - centre) < abs((best[0] + best[1]) / 2 - centre)


def order_page(page: PageWords) -> list[Group]:
    """The page's lines in reading order, as groups read one after another.

    With a gutter, rows crossing it form full-width bands; between bands the left column is
    read before the right. Without one the page is a single group.
    """
    rows = cluster_lines(page.words)
    frags = [f for row in rows for f in split_on_gaps(row)]
    gutter = find_gutter(rows, page.width)
    if gutter is None:
        lines = tuple(Line(ln, page.number, 0) for ln in rows)
        return [Group(0, lines)] if lines else []
    centre = sum(gutter) / 2
    spanning: list[tuple[Word, ...]] = []
    sided: list[tuple[Word, ...]] = []
    for f in frags:
        x0, x1, _, _ = _extent(f)
        (spanning if x0 < centre < x1 else sided).append(f)
    bands: list[list[float]] = []
    for f in sorted(spanning, key=lambda f: _extent(f)[2]):
        _, _, top, bottom = _extent(f)
        if bands and top <= bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], bottom)
        else:
            bands.append([top, bottom])
    bands = _merge_adjacent_bands(bands, sided)
    band_words: list[list[Word]] = [[] for _ in bands]
    gap_words: list[tuple[list[Word], list[Word]]] = [([], []) for _ in range(len(bands) + 1)]
    for f in spanning:
        mid = (_extent(f)[2] + _extent(f)[3]) / 2
        band_words[_band_index(bands, mid)].extend(f)
    for f in sided:
        x0, x1, top, bottom = _extent(f)
        mid = (top + bottom) / 2
        inside = next((i for i, b in enumerate(bands) if b[0] - 1 <= mid <= b[1] + 1), None)
        if inside is not None:
            band_words[inside].extend(f)
            continue
        slot = sum(1 for b in bands if b[1] < mid)
        gap_words[slot][0 if (x0 + x1) / 2 < centre else 1].extend(f)
    groups: list[Group] = []
    for i, (lefts, rights) in enumerate(gap_words):
        two_sided = bool(lefts) and bool(rights)
        for column, words in ((1, lefts), (2, rights)):
            if words:
                lines = tuple(Line(ln, page.number, column) for ln in cluster_lines(words))
                groups.append(Group(column, lines, two_sided))
        if i < len(bands) and band_words[i]:
            lines = tuple(Line(ln, page.number, 0) for ln in cluster_lines(band_words[i]))
            groups.append(Group(0, lines))
    return groups


def _merge_adjacent_bands(
    bands: list[list[float]], sided: Sequence[Sequence[Word]]
) -> list[list[float]]:
    """Full-width rows with no column text between them form one band (a title block)."""
    mids = sorted((_extent(f)[2] + _extent(f)[3]) / 2 for f in sided)
    merged: list[list[float]] = []
    for band in bands:
        if merged and not any(merged[-1][1] + 1 < m < band[0] - 1 for m in mids):
            merged[-1][1] = max(merged[-1][1], band[1])
        else:
            merged.append(list(band))
    return merged


def _band_index(bands: Sequence[Sequence[float]], mid: float) -> int:
    for i, (top, bottom) in enumerate(bands):
        if top - 1 <= mid <= bottom + 1:
            return i
    return min(range(len(bands)), key=lambda i: abs((bands[i][0] + bands[i][1]) / 2 - mid))


# --------------------------------------------------------------------------------------
# Running headers, footers, page numbers
# --------------------------------------------------------------------------------------


def is_page_number(text: str) -> bool:
    """ "7", "Page 7", "- 7 -", "7 of 12", "p. 7": a footer or header that only counts pages."""
    text = " ".join(text.split())
    return bool(text) and _PAGE_NUMBER.fullmatch(text) is not None


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _same_furniture(a: tuple[int, str], b: tuple[int, str]) -> bool:
    """Whether two (page, text) fragments are one running header or footer.

    The texts must agree except for at most one number, and that number must advance with
    the page ("Page 2" / "Page 3", or printed page 231 on the PDF's page 2 next to 232 on
    page 3): a line of body text differing in some other number is not furniture.
    """
    (page_a, text_a), (page_b, text_b) = a, b
    if text_a == text_b:
        return True
    nums_a = [int(n) for n in re.findall(r"\d+", text_a)]
    nums_b = [int(n) for n in re.findall(r"\d+", text_b)]
    if len(nums_a) != len(nums_b) or _furniture_key(text_a) != _furniture_key(text_b):
        return False
    differing = [(x, y) for x, y in zip(nums_a, nums_b, strict=True) if x != y]
    return len(differing) == 1 and differing[0][0] - differing[0][1] == page_a - page_b


def strip_furniture(
    pages: Sequence[PageWords], band: float = FURNITURE_BAND
) -> tuple[list[PageWords], list[tuple[int, str]]]:
    """Remove running headers, footers and page numbers; return the pages and what was cut.

    A fragment in the top or bottom `band` of the page is furniture when it is a page
    number, or when the same text (up to a page number: "Page 2" matches "Page 3") stands
    at the same height on another page. Body text that merely sits near an edge does not
    repeat like that, so it stays. A one-page document has nothing to repeat, so in the top
    band small print standing apart from the text below it (a running head) is furniture
    too; the bottom band is left alone there, where footnotes look the same.
    """
    sizes: Counter[float] = Counter()
    for page in pages:
        for w in page.words:
            sizes[round(w.size, 1)] += len(w.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    candidates: list[tuple[int, str, str, float, tuple[Word, ...]]] = []
    isolated: set[tuple[int, float]] = set()
    for page in pages:
        rows = cluster_lines(page.words)
        for n, row in enumerate(rows):
            for frag in split_on_gaps(row):
                _, _, top, bottom = _extent(frag)
                if bottom <= page.height * band:
                    zone = "top"
                    below = [t for r in rows[n + 1 :] if (t := min(w.top for w in r)) > bottom]
                    small = max(w.size for w in frag) <= 0.9 * body_size
                    if small and (not below or min(below) - bottom >= 1.2 * body_size):
                        isolated.add((page.number, top))
                elif top >= page.height * (1 - band):
                    zone = "bottom"
                else:
                    continue
                text = " ".join(w.text for w in frag)
                candidates.append((page.number, zone, text, top, frag))
    similar: dict[tuple[str, str], list[tuple[int, str, float]]] = defaultdict(list)
    for number, zone, text, top, _ in candidates:
        similar[(zone, _furniture_key(text))].append((number, text, top))
    drop: dict[int, set[int]] = defaultdict(set)
    furniture: list[tuple[int, str]] = []
    for number, zone, text, top, frag in candidates:
        repeated = any(
            n != number and abs(t - top) <= 3.0 and _same_furniture((number, text), (n, other))
            for n, other, t in similar[(zone, _furniture_key(text))]
        )
        if repeated or is_page_number(text) or (number, top) in isolated:
            drop[number].update(id(w) for w in frag)
            furniture.append((number, text))
    kept = [
        PageWords(
            p.number, p.width, p.height, tuple(w for w in p.words if id(w) not in drop[p.number])
        )
        for p in pages
    ]
    return kept, furniture


# --------------------------------------------------------------------------------------
# Hyphenation
# --------------------------------------------------------------------------------------


def _core(token: str) -> str:
    return _CORE.sub("", token)


def join_hyphenated(head: str, tail: str, vocabulary: Collection[str] = ()) -> str:
    """Join `head` (ending in "-" at a line end) with `tail` (starting the next line).

    The hyphen goes only when it split a lowercase word: "technol-" + "ogy" gives
    "technology", while "Al-" + "Farabi", "Queqiao-" + "2" and compounds such as "high-" +
    "energy" keep it. A word is taken as split when the joined form occurs elsewhere in the
    document (`vocabulary`, lowercased), or, failing any evidence from the document, when
    the tail is a typical word ending that a hyphenation program splits off; real compounds
    are recognised by the hyphenated form occurring elsewhere, a compound prefix ("non-",
    "semi-") or both halves being words of the document.
    """
    stem = head[:-1]
    if not stem or not tail:
        return head + tail
    if not (stem[-1].isalpha() and stem[-1].islower() and tail[0].isalpha() and tail[0].islower()):
        return head + tail
    left = _core(stem).lower()
    right = _core(tail).lower()
    last_part = left.rsplit("-", 1)[-1]
    if not left or not right:
        return head + tail
    if left + right in vocabulary:
        return stem + tail
    if f"{left}-{right}" in vocabulary or last_part in _COMPOUND_PREFIXES:
        return head + tail
    if last_part in vocabulary and right in vocabulary:
        return head + tail
    if _SUFFIX_TAIL.fullmatch(right):
        return stem + tail
    return head + tail


def _vocabulary(groups: Sequence[Group]) -> set[str]:
    """Lowercased word forms of the document, without line-end fragments and their tails."""
    vocab: set[str] = set()
    for group in groups:
        after_hyphen = False
        for line in group.lines:
            words = line.words
            for i, w in enumerate(words):
                if i == 0 and after_hyphen:
                    continue
                if i == len(words) - 1 and w.text.endswith("-"):
                    continue
                core = _core(w.text).lower()
                if core:
                    vocab.add(core)
            after_hyphen = words[-1].text.endswith(("-", "\u00ad"))
    return vocab


# --------------------------------------------------------------------------------------
# Paragraphs and headings
# --------------------------------------------------------------------------------------


@dataclass
class _Style:
    body_size: float
    body_bold: bool
    line_gap: dict[float, float] = field(default_factory=dict)

    def heading(self, line: Line) -> bool:
        return line.size >= self.body_size + 0.8 or (line.bold and not self.body_bold)

    def gap_limit(self, size: float) -> float:
        typical = self.line_gap.get(round(size, 1))
        if typical is None:
            return 0.6 * size
        return typical + max(1.5, 0.25 * size)


def _style_of(groups: Sequence[Group]) -> _Style:
    sizes: Counter[float] = Counter()
    bold: Counter[bool] = Counter()
    for group in groups:
        for line in group.lines:
            for w in line.words:
                sizes[round(w.size, 1)] += len(w.text)
                bold[w.bold] += len(w.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    style = _Style(body_size, bool(bold) and bold.most_common(1)[0][0])
    gaps: dict[float, list[float]] = defaultdict(list)
    for group in groups:
        for a, b in zip(group.lines, group.lines[1:], strict=False):
            if abs(a.size - b.size) < 0.05:
                gap = b.top - a.bottom
                if -0.5 * a.size < gap < 2 * a.size:
                    gaps[a.size].append(gap)
    for size, values in gaps.items():
        if len(values) >= 3:
            # The lower quartile: most consecutive lines are inside a paragraph.
            style.line_gap[size] = (
                statistics.quantiles(values, n=4)[0] if len(values) > 3 else min(values)
            )
    return style


def _starts_bullet(line: Line) -> bool:
    return bool(_BULLET.match(line.words[0].text)) and len(line.words) > 1


def _justified(lines: Sequence[Line]) -> tuple[bool, float, float]:
    """Whether most lines end at the group's right edge, and the group's left/right edge."""
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    if len(lines) < 3:
        return False, left, right
    flush = sum(1 for ln in lines[:-1] if ln.x1 >= right - 1.5)
    return flush >= 0.6 * (len(lines) - 1), left, right


def _paragraph_runs(group: Group, style: _Style) -> list[list[Line]]:
    """Split a group's lines where a new paragraph or heading begins."""
    lines = group.lines
    justified, left, right = _justified(lines)
    aligned = sum(1 for ln in lines if ln.x0 <= left + 1.0) >= 0.5 * len(lines)
    runs: list[list[Line]] = []
    for line in lines:
        if not runs:
            runs.append([line])
            continue
        run = runs[-1]
        prev = run[-1]
        heading, prev_heading = style.heading(line), style.heading(prev)
        new = (
            heading != prev_heading
            or abs(line.size - prev.size) > 0.5
            or (heading and line.bold != prev.bold)
            or _starts_bullet(line)
            or line.top - prev.bottom > style.gap_limit(prev.size)
        )
        if not new and not heading and not _starts_bullet(run[0]):
            indent = 0.8 * line.size
            if aligned and line.x0 > left + indent and prev.x0 <= left + 0.4 * line.size:
                new = True
            elif (
                justified
                and _TERMINAL.search(prev.text)
                and prev.x1 < right - max(3.0 * line.size, 0.12 * (right - left))
                and line.words[0].text[:1].isupper()
            ):
                new = True
        if new:
            runs.append([line])
        else:
            run.append(line)
    return runs


class _Builder:
    """Accumulates blocks, remembering enough about the last one to continue it."""

    def __init__(self, vocabulary: Collection[str]) -> None:
        self.vocabulary = vocabulary
        self.blocks: list[Block] = []
        self.last_line_full = False

    def add_lines(self, text: str, lines: Sequence[Line]) -> tuple[str, list[tuple[int, int]]]:
        marks: list[tuple[int, int]] = []
        for line in lines:
            words = [w.text for w in line.words]
            if not text:
                marks.append((0, line.page))
                text = " ".join(words)
                continue
            if text.endswith("\u00ad"):
                text = text[:-1]
                joint = ""
            elif text.endswith("-") and not text.endswith(" -"):
                head = text.rsplit(" ", 1)[-1]
                joined = join_hyphenated(head, words[0], self.vocabulary)
                text = text[: len(text) - len(head)] + joined[: -len(words[0])]
                joint = ""
            else:
                joint = " "
            offset = len(text) + len(joint)
            if not marks or marks[-1][1] != line.page:
                marks.append((offset, line.page))
            text = text + joint + " ".join(words)
        return text, marks

    def new_block(self, kind: BlockKind, lines: Sequence[Line]) -> None:
        text, marks = self.add_lines("", lines)
        self.blocks.append(Block(kind, text, lines[0].page, tuple(marks), lines[0].size))

    def extend_last(self, lines: Sequence[Line]) -> None:
        last = self.blocks[-1]
        text, marks = self.add_lines(last.text, lines)
        merged = list(last.page_marks)
        for offset, page in marks:
            if merged[-1][1] != page:
                merged.append((offset, page))
        self.blocks[-1] = Block(last.kind, text, last.page, tuple(merged), last.size)


def _continues(
    last: Block | None, run: Sequence[Line], last_line_full: bool, style: _Style
) -> bool:
    """Whether a group's first paragraph carries on the previous group's last one.

    True for a paragraph broken by a column or page end: the last block is body text of the
    same size, and it stopped mid-sentence, or its last line ran to the column's edge
    (justified text only leaves the last line of a paragraph short), or the new text begins
    in lowercase.
    """
    if last is None or last.kind != "paragraph" or style.heading(run[0]) or _starts_bullet(run[0]):
        return False
    if last.text.startswith(("\u2022", "\u25aa", "\u25cf")):
        return False
    if abs(run[0].size - last.size) > 0.5:
        return False
    first = run[0].words[0].text
    return not _TERMINAL.search(last.text) or last_line_full or first[:1].islower()


def read_pages(pages: Sequence[PageWords]) -> Layout:
    """Blocks (title, heading, paragraph) of a document in reading order.

    Furniture goes first; each page is cut into groups (`order_page`); lines become
    paragraphs, with paragraphs continued across column and page breaks.

    On page 1, the headings of the masthead are kind "title", not section headings, so the
    issue's name does not open a section. With columns, the masthead is everything above the
    first stretch of two-column text. Without, it is the headings before the first
    paragraph, except the one right above that paragraph, which opens the first section
    unless it is set large (1.4 times the body size or more).
    """
    kept, furniture = strip_furniture(pages)
    groups = [g for page in kept for g in order_page(page)]
    style = _style_of(groups)
    builder = _Builder(_vocabulary(groups))
    first_page = kept[0].number if kept else 1
    columns = any(g.two_sided for g in groups if g.lines[0].page == first_page)
    masthead = True
    masthead_heads: list[int] = []
    closed_by_paragraph = False
    for group in groups:
        if masthead and (group.lines[0].page != first_page or group.two_sided):
            masthead = False
        justified, _, right = _justified(group.lines)
        for i, run in enumerate(_paragraph_runs(group, style)):
            heading = style.heading(run[0]) and sum(len(ln.words) for ln in run) <= 30
            last = builder.blocks[-1] if builder.blocks else None
            if i == 0 and not heading and _continues(last, run, builder.last_line_full, style):
                builder.extend_last(run)
                continue
            if heading and masthead:
                masthead_heads.append(len(builder.blocks))
            elif not heading and masthead and not _starts_bullet(run[0]):
                masthead = False
                closed_by_paragraph = True
            builder.new_block("heading" if heading else "paragraph", run)
        last_line = group.lines[-1]
        builder.last_line_full = justified and last_line.x1 >= right - 1.5
    blocks = builder.blocks
    for n, index in enumerate(masthead_heads):
        block = blocks[index]
        opens_section = (
            not columns
            and closed_by_paragraph
            and n == len(masthead_heads) - 1
            and block.size < 1.4 * style.body_size
        )
        if not opens_section:
            blocks[index] = replace(block, kind="title")
    return Layout(tuple(blocks), tuple(furniture), style.body_size)
