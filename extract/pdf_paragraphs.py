"""Lines in reading order -> blocks: paragraphs, headings and the title block.

Lines become paragraphs by vertical gaps, indents, font changes and bullets; headings are
told by size or weight; a paragraph split by a column or page break is put back together,
and words hyphenated at a line end are rejoined (`extract.pdf_hyphens`).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from extract.pdf_columns import order_page
from extract.pdf_furniture import strip_furniture
from extract.pdf_hyphens import join_hyphenated, vocabulary_of
from extract.pdf_model import Block, BlockKind, Group, Layout, Line, PageWords

_BULLET = re.compile(r"^[\u2022\u25aa\u25cf\u25e6\u2023\u2043\u25a0\u00b7\u2013*\-]$|^\d{1,2}[.)]$")
_TERMINAL = re.compile(r"[.!?:][\"'\u2019\u201d)\]]*$")


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
    builder = _Builder(vocabulary_of(groups))
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
