"""Words hyphenated at a line end: joined unless the document says the hyphen is real."""

from __future__ import annotations

import pytest

from extract.pdf_hyphens import join_hyphenated
from extract.pdf_model import PageWords, Word
from extract.pdf_paragraphs import read_pages
from tests.extract.test_pdf_columns import PAGE_H, PAGE_W, row


@pytest.mark.parametrize(
    ("head", "tail", "vocabulary", "expected"),
    [
        ("technol-", "ogy", (), "technology"),
        ("technol-", "ogy.", (), "technology."),
        ("coopera-", "tion", (), "cooperation"),
        ("Al-", "Farabi", (), "Al-Farabi"),
        ("Queqiao-", "2", (), "Queqiao-2"),
        ("China-", "Africa", (), "China-Africa"),
        ("high-", "energy", {"high", "energy"}, "high-energy"),
        ("non-", "discriminatory", (), "non-discriminatory"),
        ("semi-", "solid", (), "semi-solid"),
        ("lithium-", "ion", (), "lithium-ion"),
        ("win-", "win", (), "win-win"),
        ("co-", "operation", {"cooperation"}, "cooperation"),
        ("long-", "term", {"long-term"}, "long-term"),
        ("2023-", "24", (), "2023-24"),
        ("(sci-", "tech)", (), "(sci-tech)"),
        # No evidence either way: a line-end hyphen between lowercase letters is hyphenation.
        ("re-", "leased", (), "released"),
        ("mathe-", "matics", (), "mathematics"),
        ("allot-", "ted", (), "allotted"),
        ("data-", "driven", (), "data-driven"),
        ("newly-", "appointed", (), "newly-appointed"),
        ("year-on-", "year", {"year"}, "year-on-year"),
        ("new-en-", "ergy", {"energy"}, "new-energy"),
        ("multi-", "ple", (), "multiple"),
        # Acronyms split by a hyphenator that breaks capitals, and two real acronyms.
        ("(CP-", "PCC)", (), "(CPPCC)"),
        ("UK-", "EU", {"uk", "eu"}, "UK-EU"),
        ("China-", "Brazil", (), "China-Brazil"),
    ],
)
def test_join_hyphenated(head: str, tail: str, vocabulary: set[str], expected: str) -> None:
    assert join_hyphenated(head, tail, vocabulary) == expected


def test_hyphen_handling_inside_paragraphs() -> None:
    lines = [
        "The laboratory was built by Al-",
        "Farabi Kazakh National University for new technol-",
        "ogy and a high-",
        "energy battery with lithium-",
        "ion cells; the technology works.",
    ]
    words: list[Word] = []
    for i, text in enumerate(lines):
        words += row(text, 50, 100 + 13 * i)
    blocks = read_pages([PageWords(1, PAGE_W, PAGE_H, tuple(words))]).blocks
    assert [b.text for b in blocks] == [
        "The laboratory was built by Al-Farabi Kazakh National University for new technology "
        "and a high-energy battery with lithium-ion cells; the technology works."
    ]
