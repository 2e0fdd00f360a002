"""Running headers, footers and page numbers, on hand-placed words.

Repeated furniture is found by repetition; a header printed once (a one-page document, or
page 2 only) by its position, size and what it says; body text near an edge stays.
"""

from __future__ import annotations

import pytest

from extract.pdf_furniture import is_page_number, strip_furniture
from extract.pdf_model import PageWords, Word, cluster_lines
from extract.pdf_paragraphs import read_pages
from tests.extract.test_pdf_columns import BODY, BOLD, PAGE_H, PAGE_W, row


@pytest.mark.parametrize(
    "text", ["7", "Page 7", "page 12", "- 7 -", "7 of 12", "Page 3 of 10", "p. 4", "12/40"]
)
def test_is_page_number(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["Page seven", "7 March", "US $ 400,000", "Chapter 7", "3.5%"])
def test_is_not_page_number(text: str) -> None:
    assert not is_page_number(text)


def test_year_alone_in_a_band_is_a_page_number_shape() -> None:
    # A bare number is taken for a page number whatever its value; document the edge.
    assert is_page_number("2024")


def test_strip_furniture_removes_repeated_header_and_page_numbers_only() -> None:
    pages = []
    for n in (1, 2, 3):
        words = (
            row("China Science and Technology Review", 50, 30, 8.5)
            + row("November 2024", 480, 30, 8.5)
            + row(str(n), 540, 805, 8.5)
            + row(f"Body text near the top, {n * 7} words", 50, 70)
            + row("Body text in the middle of the page", 50, 400)
        )
        pages.append(PageWords(n, PAGE_W, PAGE_H, tuple(words)))
    kept, furniture = strip_furniture(pages)
    assert {t for _, t in furniture} == {
        "China Science and Technology Review",
        "November 2024",
        "1",
        "2",
        "3",
    }
    for page in kept:
        lines = [" ".join(w.text for w in ln) for ln in cluster_lines(page.words)]
        assert lines == [
            f"Body text near the top, {page.number * 7} words",
            "Body text in the middle of the page",
        ]


def test_strip_furniture_follows_printed_page_numbers() -> None:
    pages = [
        PageWords(
            n,
            PAGE_W,
            PAGE_H,
            tuple(
                row(f"Journal of Policy 12 (3), p. {230 + n}", 50, 30, 8.5) + row("Text.", 50, 400)
            ),
        )
        for n in (1, 2, 3)
    ]
    kept, furniture = strip_furniture(pages)
    assert [t for _, t in furniture] == [
        f"Journal of Policy 12 (3), p. {230 + n}" for n in (1, 2, 3)
    ]
    assert all([w.text for w in p.words] == ["Text."] for p in kept)


def test_strip_furniture_keeps_a_one_page_documents_heading() -> None:
    words = row("Annual Report 2023", 50, 30, 14, BOLD) + row("Page 1", 280, 805, 8.5)
    kept, furniture = strip_furniture([PageWords(1, PAGE_W, PAGE_H, tuple(words))])
    assert furniture == [(1, "Page 1")]
    assert [w.text for w in kept[0].words] == ["Annual", "Report", "2023"]


def _body(top: float, lines: int = 8, x0: float = 50) -> list[Word]:
    words: list[Word] = []
    for i in range(lines):
        words += row(f"body line {i} of the page with ordinary words in it", x0, top + 14 * i, 11)
    return words


@pytest.mark.parametrize(
    ("header", "size"),
    [
        ("China S&T News Digest | November 2023", 11.0),  # body size, says a month
        ("China S&T News Digest", 10.0),  # LaTeX's \\small beside 11-pt text: 0.91
    ],
)
def test_a_running_head_printed_once_is_furniture(header: str, size: float) -> None:
    words = row(header, 50, 40, size) + _body(80)
    kept, furniture = strip_furniture([PageWords(1, PAGE_W, PAGE_H, tuple(words))])
    assert furniture == [(1, header)]
    assert kept[0].words[0].text == "body"


def test_a_header_on_page_two_only_stays_out_of_the_paragraph_it_interrupts() -> None:
    first = row("Monthly Review", 50, 40, 22, BOLD)
    first += row("the paragraph starts here and runs on to the next", 50, 760, 11)
    first += row("page without a full stop at the end of this", 50, 774, 11)
    second = row("Monthly Review | March 2024", 50, 40, 11) + row(
        "line and closes there.", 50, 80, 11
    )
    pages = [
        PageWords(1, PAGE_W, PAGE_H, tuple(first)),
        PageWords(2, PAGE_W, PAGE_H, tuple(second)),
    ]
    layout = read_pages(pages)
    assert [b.text for b in layout.blocks] == [
        "Monthly Review",
        "the paragraph starts here and runs on to the next page without a full stop at the "
        "end of this line and closes there.",
    ]
    assert (2, "Monthly Review | March 2024") in layout.furniture


@pytest.mark.parametrize(
    ("top_line", "size", "font"),
    [
        ("the funds were released in March 2024.", 11.0, BODY),  # a paragraph's last line
        ("March 2024 Highlights", 11.0, BOLD),  # a bold heading at body size
    ],
)
def test_text_at_the_top_saying_a_month_is_not_furniture(
    top_line: str, size: float, font: str
) -> None:
    words = row(top_line, 50, 40, size, font) + _body(40 + 11 + 11)  # a paragraph's space
    kept, furniture = strip_furniture([PageWords(1, PAGE_W, PAGE_H, tuple(words))])
    assert furniture == []
    assert len(kept[0].words) == len(words)


def test_a_title_and_a_dateline_at_the_top_are_not_furniture() -> None:
    words = row("A Headline Set Large", 50, 40, 20, BOLD)
    words += row("chinadaily.com.cn | published 2023-11-01", 50, 66, 9)
    words += _body(90)
    kept, furniture = strip_furniture([PageWords(1, PAGE_W, PAGE_H, tuple(words))])
    assert furniture == []
    assert len(kept[0].words) == len(words)


def _spread(words: list[str], x0: float, x1: float, top: float) -> list[Word]:
    """One justified line: `words` spread from x0 to x1 (wide gaps, as full justification
    sets a line of long words)."""
    widths = [5.0 * len(w) for w in words]
    gap = (x1 - x0 - sum(widths)) / (len(words) - 1)
    out, x = [], x0
    for w, width in zip(words, widths, strict=True):
        out.append(Word(w, x, x + width, top, top + 10.0, 10.0, BODY))
        x += width + gap
    return out


def test_a_repeat_inside_a_justified_first_line_is_text() -> None:
    """Two short words that full justification puts at the same place on the first line of
    two pages repeat like a running head, but they sit in a line of body text (leading
    only below it): they stay. The header above, set apart, still goes."""
    pages = []
    for n, (first, last) in enumerate((("Qixkavegfab", "yzjvbqlayye"), ("Lorem", "ipsumdolor")), 1):
        words = row("Synthetic Review | May 2023", 50, 30, 8.5)
        words += _spread([first, "iwzlmbrgtxt", "aa", "aa", last], 50, 290, 70)
        words += row("the paragraph goes on below at its leading", 50, 83)
        pages.append(PageWords(n, PAGE_W, PAGE_H, tuple(words)))
    kept, cut = strip_furniture(pages)
    assert [text for _, text in cut] == ["Synthetic Review | May 2023"] * 2
    for page in kept:
        assert [w.text for w in page.words if w.top == 70].count("aa") == 2
