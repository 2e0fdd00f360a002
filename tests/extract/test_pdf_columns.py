"""Reading order from word positions, on hand-placed words.

A small typesetter below lays paragraphs out the way a two-column newsletter does (justified
lines, paragraph spacing, bold headings, running header and page numbers); the property test
checks that `read_pages` gives back exactly the paragraphs that went in, whatever the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from extract.pdf_columns import find_gutter, order_page
from extract.pdf_model import PageWords, Word, cluster_lines, split_on_gaps
from extract.pdf_paragraphs import read_pages

PAGE_W, PAGE_H = 595.0, 842.0
BODY = "Helvetica"
BOLD = "Helvetica-Bold"


def word(text: str, x0: float, top: float, size: float = 10.0, font: str = BODY) -> Word:
    """A word in a monospaced stand-in font: every character is half an em wide."""
    return Word(text, x0, x0 + 0.5 * size * len(text), top, top + size, size, font)


def row(text: str, x0: float, top: float, size: float = 10.0, font: str = BODY) -> list[Word]:
    out, x = [], x0
    for token in text.split():
        w = word(token, x, top, size, font)
        out.append(w)
        x = w.x1 + 0.25 * size
    return out


# --------------------------------------------------------------------------------------
# A two-column typesetter
# --------------------------------------------------------------------------------------


@dataclass
class Typesetter:
    """Lays (kind, text) blocks into two justified columns per page, with furniture."""

    columns: tuple[tuple[float, float], ...] = ((50.0, 290.0), (310.0, 550.0))
    top: float = 70.0
    bottom: float = 780.0
    size: float = 10.0
    leading: float = 13.0
    para_gap: float = 7.0
    header: str = "Synthetic Review | May 2023"
    pages: list[list[Word]] = field(default_factory=list)
    column: int = 0
    y: float = 0.0
    ambiguous: bool = False
    # Right edge of the column's last line when that line ended a paragraph, else None.
    paragraph_end: float | None = None

    def __post_init__(self) -> None:
        self._new_page()

    def _new_page(self) -> None:
        self.pages.append([])
        self.column = 0
        self.y = self.top

    def _next_column(self) -> None:
        # A paragraph that ends on a column's last line with a line that happens to be full
        # looks exactly like one running on: nothing on the page says it ended there.
        if self.paragraph_end is not None:
            self.ambiguous |= self.paragraph_end >= self.columns[self.column][1] - 1.5
        self.paragraph_end = None
        if self.column + 1 < len(self.columns):
            self.column += 1
            self.y = self.top
        else:
            self._new_page()

    def _wrap(self, words: Sequence[str], size: float) -> list[list[str]]:
        x0, x1 = self.columns[self.column]
        width, space = x1 - x0, 0.25 * size
        lines: list[list[str]] = [[]]
        used = -space
        for w in words:
            wlen = 0.5 * size * len(w)
            if lines[-1] and used + space + wlen > width:
                lines.append([])
                used = -space
            lines[-1].append(w)
            used += space + wlen
        return lines

    def _place(self, words: Sequence[str], size: float, font: str, justify: bool) -> float:
        x0, x1 = self.columns[self.column]
        widths = [0.5 * size * len(w) for w in words]
        gap = 0.25 * size
        if justify and len(words) > 1:
            gap = (x1 - x0 - sum(widths)) / (len(words) - 1)
        x = x0
        for w, wl in zip(words, widths, strict=True):
            self.pages[-1].append(Word(w, x, x + wl, self.y, self.y + size, size, font))
            x += wl + gap
        return x - gap

    def heading(self, text: str) -> None:
        size = 12.0
        lines = self._wrap(text.split(), size)
        if self.y + 15 * len(lines) + 2 * self.leading > self.bottom:
            self._next_column()
        elif self.y > self.top:
            self.y += 8
        for line in lines:
            self._place(line, size, BOLD, justify=False)
            self.y += 15
        self.y += 4
        self.paragraph_end = None

    def paragraph(self, text: str) -> None:
        words = text.split()
        while words:
            if self.y + self.size > self.bottom:
                self._next_column()
            lines = self._wrap(words, self.size)
            line = lines[0]
            words = words[len(line) :]
            last = not words
            end = self._place(line, self.size, BODY, justify=not last)
            self.y += self.leading
            self.paragraph_end = end if last else None
        self.y += self.para_gap

    def render(self) -> list[PageWords]:
        """Pages with a page number; the running header only when there are several pages,
        since on a single page nothing tells a header from a first line."""
        out = []
        for number, words in enumerate(self.pages, start=1):
            furniture = row(f"Page {number}", 280, 805, 8.5)
            if len(self.pages) > 1:
                furniture += row(self.header, 50, 30, 8.5)
            out.append(PageWords(number, PAGE_W, PAGE_H, tuple(furniture + words)))
        return out


def typeset(blocks: Sequence[tuple[str, str]], **kw: float) -> tuple[list[PageWords], bool]:
    ts = Typesetter(**kw)  # type: ignore[arg-type]
    for kind, text in blocks:
        (ts.heading if kind == "heading" else ts.paragraph)(text)
    return ts.render(), ts.ambiguous


def kinds_and_texts(pages: Sequence[PageWords]) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read_pages(pages).blocks]


# --------------------------------------------------------------------------------------
# Lines, fragments, gutter
# --------------------------------------------------------------------------------------


def test_cluster_lines_keeps_offset_columns_apart() -> None:
    left = row("left column line", 50, 100)
    right = row("right column line", 310, 106)  # baselines half a line apart
    lines = cluster_lines(left + right)
    assert [" ".join(w.text for w in ln) for ln in lines] == [
        "left column line",
        "right column line",
    ]


def test_split_on_gaps_cuts_at_the_gutter_not_at_word_spaces() -> None:
    words = row("alpha beta gamma", 50, 100) + row("delta epsilon", 310, 100)
    frags = split_on_gaps(sorted(words, key=lambda w: w.x0))
    assert [[w.text for w in f] for f in frags] == [
        ["alpha", "beta", "gamma"],
        ["delta", "epsilon"],
    ]


def _rows(words: Sequence[Word]) -> list[tuple[Word, ...]]:
    return cluster_lines(words)


def _two_columns(n: int = 20) -> list[Word]:
    words: list[Word] = []
    for i in range(n):
        words += row("aaaa bbbb cccc dddd eeee ffff gggg hhhh", 50, 100 + 13 * i)
        words += row("iiii jjjj kkkk llll mmmm nnnn oooo pppp", 310, 100 + 13 * i)
    return words


def test_find_gutter_between_two_columns() -> None:
    gutter = find_gutter(_rows(_two_columns()), PAGE_W)
    assert gutter is not None
    assert 205 <= gutter[0] < gutter[1] <= 311


def test_find_gutter_none_for_a_single_column() -> None:
    words: list[Word] = []
    for i in range(20):
        words += row(" ".join(["word"] * 20), 50, 100 + 13 * i)
    assert find_gutter(_rows(words), PAGE_W) is None


def test_find_gutter_survives_full_width_title_rows() -> None:
    title = row("A Title Across The Whole Width Of The Page", 60, 30, 22, BOLD)
    long_ = row("a longer contents line that ends inside the gutter", 50, 60)  # to x = 285
    short = row("a contents line", 50, 75)
    gutter = find_gutter(_rows(title + long_ + short + _two_columns()), PAGE_W)
    assert gutter is not None
    assert 227 <= gutter[0] < gutter[1] <= 311  # columns end at 227.5 and start at 310


def test_find_gutter_under_a_tall_masthead_with_a_short_right_column() -> None:
    # Four title lines cross the gutter; the right column has two lines only, so counted
    # naively the masthead would make the gutter look busier than the right column.
    words = row("MANOHAR PARRIKAR INSTITUTE FOR DEFENCE STUDIES AND ANALYSES", 80, 60, 12, BOLD)
    words += row("CHINA", 270, 80, 22, BOLD)
    words += row("SCIENCE AND TECHNOLOGY REVIEW", 140, 105, 22, BOLD)
    words += row("June 2023", 270, 130, 13)
    words += row(
        "\u2022 a contents line long enough to end inside the gutter now", 50, 150
    )  # to 307.5
    for i in range(30):
        words += row("aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeee", 50, 180 + 13 * i)
    words += row("iiii jjjj kkkk llll mmmm nnnn oooo pppp", 310, 180)
    words += row("the end.", 310, 193)
    gutter = find_gutter(_rows(words), PAGE_W)
    assert gutter is not None
    assert 290 <= gutter[0] < gutter[1] <= 311, gutter


def test_find_gutter_when_the_right_column_is_nearly_empty() -> None:
    words: list[Word] = []
    for i in range(30):
        words += row("aaaa bbbb cccc dddd eeee ffff gggg hhhh", 50, 100 + 13 * i)
    words += row("end.", 310, 100)
    gutter = find_gutter(_rows(words), PAGE_W)
    assert gutter is not None
    assert 227 <= gutter[0] < gutter[1] <= 311  # the left column's lines end at 227.5


def test_find_gutter_ignores_a_stretched_justified_line() -> None:
    # A last page with two lines: the first justified with 11 pt gaps (wider than 1 em).
    words = [word(t, x, 70) for t, x in (("alpha", 50), ("be", 86), ("gamma", 107), ("frj", 143))]
    words += row("last line of the paragraph.", 50, 83)
    assert find_gutter(_rows(words), PAGE_W) is None


def test_find_gutter_despite_some_stretched_lines() -> None:
    words = _two_columns()
    words += [word(t, x, 400) for t, x in (("alpha", 50), ("be", 160), ("gamma", 202))]
    words += row("iiii jjjj kkkk", 310, 400)  # the gutter gap equals the left line's gaps
    gutter = find_gutter(_rows(words), PAGE_W)
    assert gutter is not None and 227 <= gutter[0] < gutter[1] <= 311


def test_find_gutter_with_offset_columns_and_a_stretched_first_line() -> None:
    # The left column's first line is stretched (20 pt gaps, as wide as the gutter) and is
    # the only row shared with the right column, whose heading pushed its lines down.
    stretched = (("aaaaa", 50), ("bbbbbbbbbbb", 95), ("ccccccccccc", 170), ("ddddddddd", 245))
    words = [word(t, x, 70) for t, x in stretched]  # ends at 290, the column's edge
    for i in range(1, 30):
        words += row("aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeee", 50, 70 + 13 * i)
    words += row("Heading Here", 310, 70, 12, BOLD)
    for i in range(5):
        words += row("iiii jjjj kkkk llll mmmm nnnn oooo pppppp", 310, 89 + 13 * i)
    gutter = find_gutter(_rows(words), PAGE_W)
    assert gutter is not None and 290 <= gutter[0] < gutter[1] <= 311


def test_order_page_reads_title_then_left_then_right() -> None:
    title = row("Monthly Review", 200, 60, 22, BOLD)
    left = [row(f"left {i} text text text text text text", 50, 100 + 13 * i) for i in range(5)]
    right = [row(f"right {i} text text text text text text", 310, 100 + 13 * i) for i in range(5)]
    footer_band = row("A full width closing line that crosses the gutter here", 150, 200)
    lower_left = row("lower left", 50, 220)
    lower_right = row("lower right", 310, 220)
    words = title + sum(left, []) + sum(right, []) + footer_band + lower_left + lower_right
    page = PageWords(1, PAGE_W, PAGE_H, tuple(words))
    texts = [
        ln.text.split()[0] + " " + ln.text.split()[1] for g in order_page(page) for ln in g.lines
    ]
    assert texts == [
        "Monthly Review",
        *[f"left {i}" for i in range(5)],
        *[f"right {i}" for i in range(5)],
        "A full",
        "lower left",
        "lower right",
    ]


# --------------------------------------------------------------------------------------
# Paragraphs, headings, titles
# --------------------------------------------------------------------------------------

LOREM = (
    "Budget for science and technology was unveiled during the two sessions meetings "
    "which took place in Beijing and the draft budget report allotted a large sum for "
    "science and technology with an increase from the previous budget"
)


def test_paragraph_split_at_a_column_and_a_page_break_is_rejoined() -> None:
    blocks = [
        ("heading", "Budget Highlights"),
        *[("paragraph", f"Paragraph {i} says {LOREM} again and again {i}.") for i in range(30)],
        ("heading", "Science Diplomacy"),
        ("paragraph", f"Closing paragraph {LOREM}."),
    ]
    pages, ambiguous = typeset(blocks)
    assert len(pages) >= 2 and not ambiguous
    assert kinds_and_texts(pages) == blocks


@pytest.mark.parametrize(
    ("last_left_line", "expected_blocks"),
    [
        # Full to the column edge: justified text, so the paragraph goes on.
        ("kkkkk lllll mmmmm nnnnn oooo.", 1),
        # Short: the paragraph ended at the foot of the column.
        ("kkkkk lllll oooo.", 2),
    ],
)
def test_sentence_ending_at_a_column_end(last_left_line: str, expected_blocks: int) -> None:
    left = ["Aaaaa bbbbb ccccc ddddd eeeee", "fffff ggggg hhhhh iiiii jjjjj", last_left_line]
    right = ["Ppppp qqqqq rrrrr sssss ttttt", "uuuu."]
    words: list[Word] = []
    for i, text in enumerate(left):
        words += row(text, 50, 100 + 13 * i)
    for i, text in enumerate(right):
        words += row(text, 310, 100 + 13 * i)
    blocks = read_pages([PageWords(1, PAGE_W, PAGE_H, tuple(words))]).blocks
    assert len(blocks) == expected_blocks
    assert " ".join(b.text for b in blocks) == " ".join(left + right)


def test_paragraphs_without_spacing_split_at_indent() -> None:
    words: list[Word] = []
    texts = [
        ("    First paragraph starts indented and runs on to", 50),
        ("the next line which ends the first paragraph here.", 50),
        ("Second paragraph starts indented and runs on to the", 70),
        ("end of the page.", 50),
    ]
    for i, (text, x0) in enumerate(texts):
        words += row(text.strip(), x0 if i != 0 else 70, 100 + 13 * i)
    blocks = read_pages([PageWords(1, PAGE_W, PAGE_H, tuple(words))]).blocks
    assert [b.text for b in blocks] == [
        "First paragraph starts indented and runs on to the next line which ends the "
        "first paragraph here.",
        "Second paragraph starts indented and runs on to the end of the page.",
    ]


def test_bold_line_at_body_size_is_a_heading() -> None:
    words = row("Scientific Collaboration Projects", 50, 100, 10, BOLD)
    for i in range(3):
        words += row("plain body text that goes on for a while", 50, 116 + 13 * i)
    blocks = read_pages([PageWords(1, PAGE_W, PAGE_H, tuple(words))]).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Scientific Collaboration Projects"),
        ("paragraph", " ".join(["plain body text that goes on for a while"] * 3)),
    ]


def test_masthead_above_the_columns_is_title_not_heading() -> None:
    masthead = row("Monthly Review", 220, 60, 22, BOLD) + row("May 2023", 260, 88, 13)
    contents = row("\u2022 First Story", 50, 110) + row("\u2022 Second Story", 50, 123)
    pages, _ = typeset([("heading", "First Story"), ("paragraph", f"{LOREM}. " * 30)], top=150)
    assert len(pages) > 1
    page1 = pages[0]
    pages[0] = PageWords(1, PAGE_W, PAGE_H, page1.words + tuple(masthead + contents))
    got = kinds_and_texts(pages)
    assert got[:5] == [
        ("title", "Monthly Review"),
        ("title", "May 2023"),
        ("paragraph", "\u2022 First Story"),
        ("paragraph", "\u2022 Second Story"),
        ("heading", "First Story"),
    ]


def test_page_marks_follow_a_paragraph_onto_the_next_page() -> None:
    text = " ".join(f"Sentence {i} {LOREM} and" for i in range(40)) + " end."
    pages, _ = typeset([("paragraph", text)])
    assert len(pages) >= 2
    (block,) = read_pages(pages).blocks
    assert [p for _, p in block.page_marks] == list(range(1, len(pages) + 1))
    for (offset, number), page in zip(block.page_marks, pages, strict=True):
        body = [w for w in page.words if 60 < w.top < 780 and w.x0 < 300]
        top = min(w.top for w in body)
        first_line = " ".join(w.text for w in sorted(body, key=lambda w: w.x0) if w.top == top)
        assert block.text[offset:].startswith(first_line), number


# --------------------------------------------------------------------------------------
# Property: whatever the text, the paragraphs come back whole and in order
# --------------------------------------------------------------------------------------

_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=11)


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    words = draw(st.lists(_word, min_size=25, max_size=90))
    return " ".join([words[0].capitalize(), *words[1:]]) + "."


@st.composite
def _heading(draw: st.DrawFn) -> str:
    words = draw(st.lists(_word, min_size=1, max_size=4))
    return " ".join(w.capitalize() for w in words)


@st.composite
def _document(draw: st.DrawFn) -> list[tuple[str, str]]:
    blocks: list[tuple[str, str]] = []
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            blocks.append(("heading", draw(_heading())))
        for _ in range(draw(st.integers(1, 4))):
            blocks.append(("paragraph", draw(_paragraph())))
    return blocks


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document())
def test_ten_point_gutter_beside_eleven_point_text_round_trips(
    blocks: list[tuple[str, str]],
) -> None:
    """LaTeX's default gutter (10 pt) is narrower than one em of 11-pt text: the columns
    must still come apart, from the whitespace running down the page."""
    columns = ((50.0, 292.5), (302.5, 545.0))
    pages, ambiguous = typeset(blocks, columns=columns, size=11.0, leading=14.0)  # type: ignore[arg-type]
    assume(not ambiguous)
    assert kinds_and_texts(pages) == blocks


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document())
def test_two_column_layout_round_trips(blocks: list[tuple[str, str]]) -> None:
    pages, ambiguous = typeset(blocks)
    assume(not ambiguous)
    assert kinds_and_texts(pages) == blocks
