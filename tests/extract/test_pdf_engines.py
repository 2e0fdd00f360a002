"""`parse_pdf` on seed documents laid out by real engines: LibreOffice Writer and pdfLaTeX.

The PDFs in `tests/fixtures/pdf/` were made by `tests/fixtures/pdf/make_fixtures.py` from the
seeds (two review issues and a news page, each by both engines): justified columns 10 pt
apart, automatic hyphenation, a running header printed on one page only (page 2 of a review,
the only page of the news page). Each `.json` beside a PDF says what the page shows. The
tests read the committed files; they do not need the engines.
"""

from __future__ import annotations

import importlib.util
import json
import re
import statistics
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pypdfium2 as pdfium
import pytest

from extract.documents import ParsedDocument
from extract.pdf_chars import open_pdf, read_page
from extract.pdf_furniture import is_page_number
from extract.pdf_model import cluster_lines
from extract.pdf_text import parse_pdf
from tests.extract.test_pdf_text import normalise, paragraph_problems, sentence_order_problems

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "pdf"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.pdf"))


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def parsed() -> dict[str, tuple[ParsedDocument, dict[str, Any]]]:
    out = {}
    for name in NAMES:
        expected = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        out[name] = (parse_pdf((FIXTURES / f"{name}.pdf").read_bytes()), expected)
    return out


def _blocks(expected: dict[str, Any]) -> list[tuple[str, str]]:
    return [(kind, text) for kind, text in expected["blocks"]]


def _quotes(text: str) -> str:
    """LaTeX sets a typed ' as \u2019: compare quotes by kind, not by shape."""
    return text.replace("\u2018", "'").replace("\u2019", "'")


def _page_texts(name: str) -> list[str]:
    pdf = pdfium.PdfDocument((FIXTURES / f"{name}.pdf").read_bytes())
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


# --------------------------------------------------------------------------------------
# The fixtures are what they claim to be
# --------------------------------------------------------------------------------------


def test_fixtures_are_both_engines_and_small() -> None:
    producers = set()
    for name in NAMES:
        pdf = pdfium.PdfDocument((FIXTURES / f"{name}.pdf").read_bytes())
        meta = pdf.get_metadata_dict()
        pdf.close()
        producer = meta.get("Producer", "") + meta.get("Creator", "")
        producers.add("latex" if "TeX" in producer else "lo" if "LibreOffice" in producer else "")
        assert name.startswith(("lo-", "tex-")) and producer
    assert producers == {"latex", "lo"}
    assert len(NAMES) >= 6
    assert sum(p.stat().st_size for p in FIXTURES.glob("*.pdf")) < 600_000


def test_fixture_texts_are_the_seeds() -> None:
    make_fixtures = _load("make_fixtures_for_test", FIXTURES / "make_fixtures.py")
    make_reviews = make_fixtures._load_make_reviews()
    by_name = {f.name: f for f in make_fixtures.FIXTURES}
    assert set(by_name) == set(NAMES)
    for name in NAMES:
        expected = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
        assert expected == json.loads(
            json.dumps(make_fixtures.content(by_name[name], make_reviews))
        ), name


def _first_rows(name: str) -> list[tuple[str, float]]:
    """Each page's top line: its text and largest type size."""
    out = []
    with open_pdf((FIXTURES / f"{name}.pdf").read_bytes()) as pdf:
        for index in range(len(pdf)):
            page, _ = read_page(pdf, index)
            row = cluster_lines(page.words)[0]
            out.append((" ".join(w.text for w in row), max(w.size for w in row)))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_columns_are_ten_points_apart(name: str) -> None:
    """Measured on page 1 from the words: the gap across the page's middle on each row that
    has text on both sides (justified lines end and start at the column edges)."""
    with open_pdf((FIXTURES / f"{name}.pdf").read_bytes()) as pdf:
        page, _ = read_page(pdf, 0)
    middle = page.width / 2
    gaps = []
    for row in cluster_lines(page.words):
        left = [w.x1 for w in row if w.x1 <= middle]
        right = [w.x0 for w in row if w.x0 >= middle]
        if left and right and len(left) + len(right) == len(row):
            gaps.append(min(right) - max(left))
    assert len(gaps) >= 5
    assert 9.0 <= statistics.median(gaps) <= 11.0, statistics.median(gaps)


@pytest.mark.parametrize("name", NAMES)
def test_header_printed_on_one_page_and_words_hyphenated(name: str) -> None:
    expected = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    name_part = expected["header"][0].split(" | ")[0]
    with_header = [
        i
        for i, (text, size) in enumerate(_first_rows(name))
        if text.startswith(name_part) and size < 10
    ]
    assert with_header == [0 if expected["news"] else 1]
    # PDFium marks the hyphens it takes for line-end hyphenation with U+FFFE.
    line_end_hyphens = sum(len(re.findall("\ufffe|-\r?\n", text)) for text in _page_texts(name))
    assert line_end_hyphens >= 5


# --------------------------------------------------------------------------------------
# Reading them
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_every_seed_paragraph_whole_and_in_order(
    name: str, parsed: dict[str, tuple[ParsedDocument, dict[str, Any]]]
) -> None:
    doc, expected = parsed[name]
    blocks = _blocks(expected)
    assert paragraph_problems(blocks, doc.text.split("\n\n")) == []
    assert sentence_order_problems(blocks, doc.text) == []


@pytest.mark.parametrize("name", NAMES)
def test_text_is_title_block_then_seed_without_furniture(
    name: str, parsed: dict[str, tuple[ParsedDocument, dict[str, Any]]]
) -> None:
    doc, expected = parsed[name]
    paragraphs = [normalise(p) for p in doc.text.split("\n\n")]
    want = (
        expected["title"]
        + [f"\u2022 {c}" for c in expected["contents"]]
        + [normalise(text) for _, text in expected["blocks"]]
    )
    assert [_quotes(p) for p in paragraphs] == [_quotes(w) for w in want]
    assert "\uf0b7" not in doc.text
    assert not re.search(r"\bPage \d+\b", doc.text)
    assert not any(is_page_number(p) for p in paragraphs)
    body = " ".join(want)
    assert doc.text.count(expected["month"]) == body.count(expected["month"])


@pytest.mark.parametrize("name", NAMES)
def test_line_end_hyphens_joined_and_real_ones_kept(
    name: str, parsed: dict[str, tuple[ParsedDocument, dict[str, Any]]]
) -> None:
    doc, expected = parsed[name]
    source = " ".join(expected["title"] + expected["contents"] + [t for _, t in expected["blocks"]])
    words = {w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", source)}
    wrong = [
        w
        for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", doc.text)
        if w.lower() not in words
        and (
            w.replace("-", "").lower() in words
            or any(w.lower() == v.replace("-", "") for v in words)
        )
    ]
    assert wrong == []


@pytest.mark.parametrize("name", NAMES)
def test_title_month_and_sections(
    name: str, parsed: dict[str, tuple[ParsedDocument, dict[str, Any]]]
) -> None:
    doc, expected = parsed[name]
    publication = (
        "China S&T News Digest" if expected["news"] else "China Science and Technology Review"
    )
    assert doc.title == f"{publication}, {expected['month']}"
    month, year = expected["month"].split()
    assert doc.published_date is not None
    assert doc.published_date.strftime("%Y") == year
    assert doc.published_date.month == _MONTHS.index(month) + 1
    headings = [text for kind, text in expected["blocks"] if kind == "heading"]
    assert [s.heading for s in doc.sections] == headings


_MONTHS = (
    "January February March April May June July August September October November December"
).split()
