"""The shapes PDF text takes while its reading order is rebuilt: words, lines, groups, blocks.

Kept apart from the code that builds them so the column, furniture, hyphen and paragraph
modules can share them without importing each other, and so tests can hand-make pages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

BlockKind = Literal["title", "heading", "paragraph"]

# Two words on one row further apart than this many ems belong to different fragments
# (the sides of a header, a line and a page number); a justified line's widest gaps stay
# well below it. Columns are not told by this gap (see `extract.pdf_columns`).
FRAGMENT_GAP_EM = 1.0
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi", "medi")


@dataclass(frozen=True, slots=True)
class Word:
    """One word as the PDF places it; coordinates in points, `top` measured from the top."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 0.0
    fontname: str = ""
    # Whether the font is bold, when the reader knows it (PDFium's font flags, or the name
    # it already checked); None: judge by the font's name.
    heavy: bool | None = None

    @property
    def mid_y(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)

    @property
    def bold(self) -> bool:
        if self.heavy is not None:
            return self.heavy
        return bold_name(self.fontname)


def bold_name(fontname: str) -> bool:
    """Whether a font's name says it is bold ("Carlito-Bold", "NimbusRomNo9L-Medi")."""
    name = fontname.lower()
    return any(w in name for w in _BOLD_NAMES)


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

    @cached_property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @cached_property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @cached_property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @cached_property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @cached_property
    def size(self) -> float:
        """The size most of the line's characters are set in."""
        weights: Counter[float] = Counter()
        for w in self.words:
            weights[round(w.size, 1)] += len(w.text)
        return weights.most_common(1)[0][0]

    @cached_property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)

    @cached_property
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


def cluster_lines(words: Iterable[Word]) -> list[tuple[Word, ...]]:
    """Group words whose vertical centres agree into lines, top to bottom, each left to right.

    Words are compared with the few most recent lines only, so lines of two columns set at
    slightly different heights stay apart while the sweep stays linear.
    """
    lines: list[list[Word]] = []
    refs: list[tuple[float, float]] = []  # centre and height of each line's first word
    for w in sorted(words, key=_top_x0):
        height = w.bottom - w.top
        height = height if height > 0.1 else 0.1
        mid = (w.top + w.bottom) / 2
        for k in range(len(lines) - 1, max(len(lines) - 5, -1), -1):
            ref_mid, ref_height = refs[k]
            if abs(mid - ref_mid) <= 0.5 * (height if height < ref_height else ref_height):
                lines[k].append(w)
                break
        else:
            lines.append([w])
            refs.append((mid, height))
    out = [tuple(sorted(line, key=_x0)) for line in lines]
    out.sort(key=_line_key)
    return out


def _top_x0(w: Word) -> tuple[float, float]:
    return (w.top, w.x0)


def _x0(w: Word) -> float:
    return w.x0


def _line_key(line: tuple[Word, ...]) -> tuple[float, float]:
    return (min(w.top for w in line), line[0].x0)


def split_on_gaps(line: Sequence[Word], gap_em: float = FRAGMENT_GAP_EM) -> list[tuple[Word, ...]]:
    """Cut a row of words where the horizontal gap exceeds `gap_em` ems.

    A row built across a whole page may hold a left-column line and a right-column line;
    the gutter between them is wider than any word space, so it splits them apart.
    """
    frags: list[list[Word]] = []
    for w in sorted(line, key=_x0):
        if frags:
            prev = frags[-1][-1]
            limit = gap_em * max(prev.size, w.size, prev.height)
            if w.x0 - prev.x1 <= limit:
                frags[-1].append(w)
                continue
        frags.append([w])
    return [tuple(f) for f in frags]


def extent(frag: Sequence[Word]) -> tuple[float, float, float, float]:
    """(x0, x1, top, bottom) of a run of words."""
    x0, x1, top, bottom = frag[0].x0, frag[0].x1, frag[0].top, frag[0].bottom
    for w in frag[1:]:
        if w.x0 < x0:
            x0 = w.x0
        if w.x1 > x1:
            x1 = w.x1
        if w.top < top:
            top = w.top
        if w.bottom > bottom:
            bottom = w.bottom
    return x0, x1, top, bottom
