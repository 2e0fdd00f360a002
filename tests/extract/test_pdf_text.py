"""`parse_pdf` on the sample reviews and on PDFs built here to fail in each documented way.

The sample reviews in `samples/site/reviews/` are two-column newsletters rebuilt from the
seed captures by `samples/make_reviews.py`; the expected reading is the seed itself, via the
generator's `review_blocks`. The generator is loaded from its file with importlib because
`samples/` is a folder of data and scripts, not a package.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import re
import sys
from pathlib import Path
from types import ModuleType
from urllib.robotparser import RobotFileParser

import pdfplumber
import pytest
from bs4 import BeautifulSoup
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from extract.documents import ParsedDocument, ParseError
from extract.pdf_furniture import is_page_number
from extract.pdf_text import parse_pdf

REPO = Path(__file__).resolve().parents[2]
SITE = REPO / "samples" / "site"
SEEDS = REPO / "samples" / "seeds"


def _load_make_reviews() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "samples_make_reviews", REPO / "samples" / "make_reviews.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered before running it: dataclasses look the module up while building classes.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


make_reviews = _load_make_reviews()
ISSUES = {issue.month.strftime("%Y-%m"): issue for issue in make_reviews.ISSUES}

# What the title block of page 1 reads as, ahead of the seed's own paragraphs.
TITLE_BLOCKS = {
    "2024-03": ["China Science and Technology Review", "March 2024"],
    "2024-11": [
        "MANOHAR PARRIKAR INSTITUTE FOR DEFENCE STUDIES AND ANALYSES",
        "CHINA SCIENCE AND TECHNOLOGY REVIEW",
        "November 2024",
        "\u2022 China Releases Report on Scientific Research in 2024",
        "\u2022 China Launches 'Open Science' Cooperation",
        "\u2022 Scientific Collaboration Projects",
        "\u2022 Scientific Research Breakthroughs and Discoveries",
        "\u2022 China Science Diplomacy",
    ],
}


def normalise(text: str) -> str:
    return " ".join(text.split())


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'\u2019\u201d)]*\s+(?=[\"'\u2018\u201c(]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_BREAK.split(normalise(text)) if s]


def paragraph_problems(blocks: list[tuple[str, str]], paragraphs: list[str]) -> list[str]:
    """Each expected block must be one whole paragraph, the blocks in order.

    Compared sentence by sentence, so a failure names the first sentence that differs.
    """
    problems: list[str] = []
    got = [sentences(p) for p in paragraphs]
    position = 0
    for _, text in blocks:
        want = sentences(text)
        match = next((i for i in range(position, len(got)) if got[i] == want), None)
        if match is not None:
            position = match + 1
            continue
        near = next((i for i, g in enumerate(got) if g and g[0] == want[0]), None)
        if near is None:
            problems.append(f"no paragraph starts with: {want[0][:90]!r}")
            continue
        diff = next(
            (f"{a!r} != {b!r}" for a, b in zip(got[near], want, strict=False) if a != b),
            f"{len(got[near])} sentences != {len(want)}",
        )
        problems.append(f"paragraph {want[0][:50]!r} differs: {diff[:300]}")
    return problems


def sentence_order_problems(blocks: list[tuple[str, str]], text: str) -> list[str]:
    """The weaker check: every sentence of the seed occurs, in order, somewhere in `text`."""
    flat = normalise(text)
    position, missing = 0, []
    for _, block in blocks:
        for sentence in sentences(block):
            found = flat.find(sentence, position)
            if found < 0:
                missing.append(sentence)
            else:
                position = found + len(sentence)
    return missing


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedDocument]:
    return {
        key: parse_pdf((SITE / "reviews" / issue.filename).read_bytes())
        for key, issue in ISSUES.items()
    }


def seed_blocks(key: str) -> list[tuple[str, str]]:
    return make_reviews.review_blocks((SEEDS / ISSUES[key].seed).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------------------
# The sample site
# --------------------------------------------------------------------------------------


def _digests(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_sample_site_rebuilds_byte_for_byte(tmp_path: Path) -> None:
    make_reviews.build(tmp_path / "a")
    make_reviews.build(tmp_path / "b")
    first, second = _digests(tmp_path / "a"), _digests(tmp_path / "b")
    assert first == second
    assert set(first) == {
        "robots.txt",
        "reviews/index.html",
        "reviews/page-2.html",
        "reviews/china-st-review-2024-03.pdf",
        "reviews/china-st-review-2024-11.pdf",
    }
    committed = {name: _digests(SITE).get(name) for name in first}
    assert committed == first, (
        "samples/site is stale: run python samples/make_reviews.py samples/site"
    )


def test_listing_pages_link_issues_and_next_page() -> None:
    index = BeautifulSoup((SITE / "reviews" / "index.html").read_text(), "html.parser")
    page2 = BeautifulSoup((SITE / "reviews" / "page-2.html").read_text(), "html.parser")
    assert [a["href"] for a in index.select("a.issue-pdf")] == ["china-st-review-2024-11.pdf"]
    assert [a["href"] for a in index.select("a.next-page")] == ["page-2.html"]
    assert [a["href"] for a in page2.select("a.issue-pdf")] == ["china-st-review-2024-03.pdf"]
    assert page2.select("a.next-page") == []


def test_robots_allows_all_but_private() -> None:
    robots = RobotFileParser()
    robots.parse((SITE / "robots.txt").read_text().splitlines())
    assert robots.can_fetch("chinasci", "/reviews/index.html")
    assert robots.can_fetch("chinasci", "/reviews/china-st-review-2024-11.pdf")
    assert not robots.can_fetch("chinasci", "/private/notes.pdf")


def test_sample_reviews_are_two_page_two_column_pdfs() -> None:
    for issue in ISSUES.values():
        with pdfplumber.open(SITE / "reviews" / issue.filename) as pdf:
            assert len(pdf.pages) >= 2
            for page in pdf.pages:
                words = page.extract_words()
                header = " ".join(w["text"] for w in words if w["top"] < 45)
                assert "China Science and Technology Review" in header
                assert issue.month_label in header
                footer = " ".join(w["text"] for w in words if w["top"] > page.height - 45)
                assert is_page_number(footer) and str(page.page_number) in footer
                body = [w for w in words if 60 < w["top"] < page.height - 60]
                assert any(w["x1"] < page.width / 2 - 5 for w in body)
            assert any(w["x0"] > page.width / 2 for w in pdf.pages[0].extract_words())


def test_review_blocks_undo_the_captures() -> None:
    march = {text: kind for kind, text in seed_blocks("2024-03")}
    texts = [text for _, text in seed_blocks("2024-03") + seed_blocks("2024-11")]
    assert any("As per the draft budget report released" in t for t in texts)
    assert any("Al-Farabi Kazakh National University" in t for t in texts)
    assert any(
        "Meanwhile, the Chinese Ministry of Science and Technology has said" in t for t in texts
    )
    assert not any(mark in t for t in texts for mark in ("](#)", "**", "\n", "  "))
    assert any("were released on 27 November" in t for t in texts)
    assert march["Scientific Research Breakthroughs and Discoveries"] == "heading"
    masthead, contents = make_reviews.review_masthead((SEEDS / ISSUES["2024-11"].seed).read_text())
    assert "MANOHAR PARRIKAR INSTITUTE FOR DEFENCE STUDIES AND ANALYSES" in masthead
    assert not any("\u0900" <= ch <= "\u097f" for line in masthead for ch in line)  # Hindi dropped
    assert (
        len(contents) == 5 and contents[0] == "China Releases Report on Scientific Research in 2024"
    )


# --------------------------------------------------------------------------------------
# Reading the sample reviews
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(ISSUES))
def test_every_seed_paragraph_whole_and_in_order(
    key: str, parsed: dict[str, ParsedDocument]
) -> None:
    paragraphs = parsed[key].text.split("\n\n")
    assert paragraph_problems(seed_blocks(key), paragraphs) == []
    assert sentence_order_problems(seed_blocks(key), parsed[key].text) == []


@pytest.mark.parametrize("key", sorted(ISSUES))
def test_text_is_title_block_then_seed_and_no_furniture(
    key: str, parsed: dict[str, ParsedDocument]
) -> None:
    paragraphs = [normalise(p) for p in parsed[key].text.split("\n\n")]
    expected = TITLE_BLOCKS[key] + [normalise(text) for _, text in seed_blocks(key)]
    assert paragraphs == expected
    text = parsed[key].text
    assert f"Review | {ISSUES[key].month_label}" not in text
    assert not re.search(r"\bPage \d+\b", text)
    assert not any(is_page_number(p) for p in paragraphs)
    assert text.count(ISSUES[key].month_label) == 1  # the title block's, not every header's


@pytest.mark.parametrize("key", sorted(ISSUES))
def test_naive_extract_text_fails_the_same_check(key: str) -> None:
    with pdfplumber.open(SITE / "reviews" / ISSUES[key].filename) as pdf:
        naive = "\n".join(page.extract_text() for page in pdf.pages)
    blocks = seed_blocks(key)
    paragraphs = [p for p in naive.split("\n\n") if p.strip()]
    assert len(paragraph_problems(blocks, paragraphs)) == len(blocks)
    # Even sentence by sentence, ignoring paragraphs, most are spliced with the other column.
    missing = sentence_order_problems(blocks, naive)
    total = sum(len(sentences(text)) for _, text in blocks)
    assert len(missing) > total / 2, (len(missing), total)


@pytest.mark.parametrize("key", sorted(ISSUES))
def test_sections_are_the_headings(key: str, parsed: dict[str, ParsedDocument]) -> None:
    doc = parsed[key]
    headings = [text for kind, text in seed_blocks(key) if kind == "heading"]
    assert [s.heading for s in doc.sections] == headings
    heading_size = make_reviews._styles()["heading"].fontSize
    with pdfplumber.open(SITE / "reviews" / ISSUES[key].filename) as pdf:
        headings_by_page = {
            page.page_number: " ".join(
                w["text"]
                for w in page.extract_words(extra_attrs=["size"])
                if abs(w["size"] - heading_size) < 0.01
            )
            for page in pdf.pages
        }
    for n, section in enumerate(doc.sections):
        body = doc.text[section.char_start : section.char_end]
        assert body.startswith(section.heading + "\n\n")
        if n + 1 < len(doc.sections):
            assert doc.text[section.char_end :].startswith("\n\n" + doc.sections[n + 1].heading)
        else:
            assert section.char_end == len(doc.text)
        assert section.page is not None
        assert section.heading in headings_by_page[section.page]
        assert doc.page_at(section.char_start) == section.page


@pytest.mark.parametrize("key", sorted(ISSUES))
def test_title_and_publication_month(key: str, parsed: dict[str, ParsedDocument]) -> None:
    issue = ISSUES[key]
    assert parsed[key].title == f"China Science and Technology Review, {issue.month_label}"
    assert parsed[key].published_date == issue.month


@pytest.mark.parametrize("key", sorted(ISSUES))
def test_page_starts(key: str, parsed: dict[str, ParsedDocument]) -> None:
    doc = parsed[key]
    with pdfplumber.open(SITE / "reviews" / ISSUES[key].filename) as pdf:
        assert len(doc.page_starts) == len(pdf.pages)
        assert doc.page_starts[0] == 0
        assert list(doc.page_starts) == sorted(set(doc.page_starts))
        for page, start in zip(pdf.pages[1:], doc.page_starts[1:], strict=True):
            body = [
                w
                for w in page.extract_words()
                if 60 < w["top"] < page.height - 60 and w["x1"] < page.width / 2
            ]
            top = min(w["top"] for w in body)
            first_line = " ".join(w["text"] for w in body if abs(w["top"] - top) < 1)
            assert doc.text[start:].startswith(first_line)


# --------------------------------------------------------------------------------------
# Other layouts
# --------------------------------------------------------------------------------------

_BODY = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=8)
_HEAD = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=12, leading=15, spaceAfter=4)
_TITLE = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=20, leading=24, spaceAfter=4)
_SUB = ParagraphStyle("s", fontName="Helvetica", fontSize=15, leading=18, spaceAfter=12)


def _single_column_pdf(flow: list[tuple[ParagraphStyle, str]]) -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, invariant=1)
    doc.build([Paragraph(text, style) for style, text in flow])
    return buf.getvalue()


def test_single_column_report() -> None:
    body = [
        f"Paragraph {i}: the ministry said that funding for basic research would rise by "
        f"{i + 3} per cent, and that new laboratories would open in {i + 2} provinces."
        for i in range(6)
    ]
    pdf = _single_column_pdf(
        [
            (_TITLE, "Annual Science Report"),
            (_SUB, "May 2023"),
            (_HEAD, "Funding"),
            *[(_BODY, t) for t in body[:3]],
            (_HEAD, "Laboratories"),
            *[(_BODY, t) for t in body[3:]],
        ]
    )
    doc = parse_pdf(pdf)
    assert doc.text.split("\n\n") == [
        "Annual Science Report",
        "May 2023",
        "Funding",
        *body[:3],
        "Laboratories",
        *body[3:],
    ]
    assert [s.heading for s in doc.sections] == ["Funding", "Laboratories"]
    assert doc.title == "Annual Science Report, May 2023"
    assert doc.published_date is not None and doc.published_date.isoformat() == "2023-05-01"
    assert doc.page_starts == (0,)


def test_words_placed_without_space_characters() -> None:
    """Word processors often position each word and emit no spaces between them."""

    def draw(canvas: Canvas, n: int) -> None:
        canvas.setFont("Helvetica", 10)
        x = 72.0
        for token in "Funding rose by ten per cent in 2024.".split():
            canvas.drawString(x, 700, token)
            x += canvas.stringWidth(token, "Helvetica", 10) + 2.78  # a space's width

    assert parse_pdf(_canvas_pdf(draw)).text == "Funding rose by ten per cent in 2024."


def test_month_in_the_body_is_not_the_publication_date() -> None:
    pdf = _single_column_pdf(
        [(_HEAD, "Cooperation"), (_BODY, "The agreement reached in October 2023 was renewed.")]
    )
    doc = parse_pdf(pdf)
    assert doc.published_date is None
    assert doc.title == "Cooperation"


def test_blank_first_page_starts_where_the_text_does() -> None:
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1)
    canvas.showPage()
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 700, "Text that begins on the second page.")
    canvas.showPage()
    canvas.save()
    doc = parse_pdf(buf.getvalue())
    assert doc.text == "Text that begins on the second page."
    assert doc.page_starts == (0, 0)
    assert doc.page_at(5) == 2


# --------------------------------------------------------------------------------------
# Failure reasons
# --------------------------------------------------------------------------------------


def _canvas_pdf(draw, pages: int = 1, **canvas_kw: object) -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1, **canvas_kw)  # type: ignore[arg-type]
    for n in range(pages):
        draw(canvas, n)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _text(canvas: Canvas, n: int) -> None:
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 700, f"Page {n + 1} carries a sentence of ordinary text.")


def _reason(content: bytes, **kw: int) -> str:
    with pytest.raises(ParseError) as info:
        parse_pdf(content, **kw)
    return info.value.reason


def test_encrypted_pdf() -> None:
    pdf = _canvas_pdf(_text, encrypt=StandardEncryption("user-secret", "owner-secret"))
    assert _reason(pdf) == "pdf_encrypted"


def test_owner_password_only_pdf_is_read() -> None:
    pdf = _canvas_pdf(_text, encrypt=StandardEncryption("", "owner-secret", canCopy=0))
    assert parse_pdf(pdf).text == "Page 1 carries a sentence of ordinary text."


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"<!DOCTYPE html><html><body>Not found</body></html>",
        b"%PDF-1.7\nthis is not a pdf body at all\n%%EOF\n",
        (SITE / "reviews" / "china-st-review-2024-03.pdf").read_bytes()[:4000],
        (SITE / "reviews" / "china-st-review-2024-11.pdf").read_bytes()[:-200],
    ],
    ids=["no-bytes", "html", "garbage-body", "truncated-half", "truncated-tail"],
)
def test_corrupt_pdf(content: bytes) -> None:
    assert _reason(content) == "pdf_corrupt"


def _zero_page_pdf() -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return out


def test_empty_pdf() -> None:
    assert _reason(_zero_page_pdf()) == "pdf_empty"


def _shapes(canvas: Canvas, n: int) -> None:
    canvas.rect(72, 600, 300, 100, fill=1)
    canvas.line(72, 500, 500, 500)
    canvas.circle(300, 300, 50)


def _scan(canvas: Canvas, n: int, stamp: bool = False) -> None:
    image = Image.new("L", (120, 160), 255)
    for x in range(10, 110):
        for y in range(20, 140, 8):
            image.putpixel((x, y), 0)  # "lines of print"
    canvas.drawInlineImage(image, 0, 0, width=A4[0], height=A4[1])
    if stamp:
        canvas.setFont("Helvetica", 6)
        canvas.drawString(20, 10, "Scanned")


@pytest.mark.parametrize(
    "draw",
    [_shapes, _scan, lambda c, n: _scan(c, n, stamp=True)],
    ids=["shapes-only", "page-image", "page-image-with-stamp"],
)
def test_pdf_without_a_text_layer(draw) -> None:  # type: ignore[no-untyped-def]
    assert _reason(_canvas_pdf(draw, pages=2)) == "pdf_no_text"


def test_too_long_pdf() -> None:
    pdf = _canvas_pdf(_text, pages=3)
    assert _reason(pdf, max_pages=2) == "pdf_too_long"
    assert len(parse_pdf(pdf, max_pages=3).page_starts) == 3


def _header_with_page_number(canvas: Canvas, n: int) -> None:
    canvas.setFont("Helvetica", 8)
    canvas.drawString(50, 810, f"China Science and Technology Review | March 2024 | {n + 1}")
    canvas.setFont("Helvetica", 10)
    for i in range(12):
        canvas.drawString(50, 760 - 14 * i, f"Line {i} of page {n + 1} says something plain.")


def test_page_number_in_the_header_stays_out_of_the_title() -> None:
    doc = parse_pdf(_canvas_pdf(_header_with_page_number, pages=2))
    assert doc.title == "China Science and Technology Review, March 2024"
    assert doc.published_date is not None and doc.published_date.isoformat() == "2024-03-01"
    assert "March 2024" not in doc.text
