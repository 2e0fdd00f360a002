"""PDF bytes -> `ParsedDocument`: text in reading order, sections, pages, title and month.

The reviews arrive as two-column PDF newsletters. Their text layer is read word by word
with pdfplumber (positions, size and font of every word) and put into reading order by
`extract.pdf_columns`, because a row-by-row extraction interleaves the two columns and
would hand the fact extractors sentences that never existed.

Publication dates: a review's items say "on 27 March" without a year, so the issue's month
matters. It is read from the running header ("China Science and Technology Review | March
2024") or, failing that, from the title block on page 1; never from the body, where other
months are mentioned ("the consensus reached in October 2023").

Failures are `ParseError`s with a reason the warehouse stores: "pdf_corrupt" (not a PDF, or
truncated), "pdf_encrypted" (a password is needed to read it), "pdf_empty" (no pages),
"pdf_too_long" (more than `max_pages`), "pdf_no_text" (no text layer: a scan).
"""

from __future__ import annotations

import io
import re
from datetime import date

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from extract.documents import ParsedDocument, ParseError, Section
from extract.pdf_columns import Block, Layout, PageWords, Word, read_pages

_MONTH_ALIASES = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
_MONTHS = {name: i + 1 for i, names in enumerate(_MONTH_ALIASES) for name in names}
_MONTH_NAMES = [names[0].capitalize() for names in _MONTH_ALIASES]  # not locale-dependent
_MONTH_YEAR = re.compile(
    r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?,?\s+((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_SEPARATORS = " |\u2013\u2014-,:;/\u00b7\u2022"
# Characters a PDF may use that should not reach the text: ligatures and odd spaces.
_CHAR_FIXES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\u200b": "",
    }
)
# pdfminer's stand-in for a glyph it cannot map to Unicode: noise, not text.
_UNMAPPED = re.compile(r"\(cid:\d+\)")
# A scan with a thin OCR-free stamp ("Scanned by ...") is still a scan.
_MIN_CHARS_PER_IMAGE_PAGE = 20


def _check_envelope(content: bytes) -> None:
    """Cheap checks before pdfminer sees the bytes.

    pdfminer rebuilds a damaged cross-reference table by scanning for objects, so a file
    cut short by a network failure can still yield its first pages; silently indexing half a
    review is worse than failing, hence the explicit end-of-file marker check.
    """
    if not content:
        raise ParseError("pdf_corrupt", "no bytes")
    if b"%PDF-" not in content[:1024]:
        raise ParseError("pdf_corrupt", "no %PDF- header: not a PDF")
    if b"%%EOF" not in content[-2048:]:
        raise ParseError("pdf_corrupt", "no %%EOF marker at the end: truncated")


def _words(page: pdfplumber.page.Page, number: int) -> PageWords:
    """The page's words with their size and font.

    Many producers place words without space characters, so words are told apart by the
    gap between letters alone: more than 0.15 em (a space is about 0.25 em; kerning stays
    well under 0.1 em). pdfplumber's default, a fixed 3 pt, glues 10 pt words together.
    """
    raw = page.extract_words(
        x_tolerance_ratio=0.15,
        y_tolerance=3,
        keep_blank_chars=False,
        use_text_flow=False,
        extra_attrs=["size", "fontname"],
    )
    words = []
    for w in raw:
        text = _UNMAPPED.sub("", str(w["text"])).translate(_CHAR_FIXES).strip()
        if not text:
            continue
        words.append(
            Word(
                text=text,
                x0=float(w["x0"]),
                x1=float(w["x1"]),
                top=float(w["top"]),
                bottom=float(w["bottom"]),
                size=round(float(w.get("size") or 0.0), 2),
                fontname=str(w.get("fontname") or ""),
            )
        )
    return PageWords(number, float(page.width), float(page.height), tuple(words))


def _month_in(text: str) -> date | None:
    match = _MONTH_YEAR.search(text)
    if not match:
        return None
    return date(int(match.group(2)), _MONTHS[match.group(1).lower()], 1)


def _header_title(layout: Layout) -> tuple[str | None, date | None]:
    """Review name and month from the running header, e.g. "Name | March 2024".

    A header may be one fragment or two (name left, month right), so fragments of a page's
    furniture are read together, first page that has a month wins.
    """
    by_page: dict[int, list[str]] = {}
    for page, text in layout.furniture:
        by_page.setdefault(page, []).append(text)
    for page in sorted(by_page):
        texts = by_page[page]
        for text in texts:
            month = _month_in(text)
            if month is None:
                continue
            rest = _MONTH_YEAR.sub("", text).strip(_SEPARATORS)
            if not rest:
                others = [
                    t
                    for t in texts
                    if t != text and not _month_in(t) and re.search(r"[A-Za-z]{3}", t)
                ]
                others = [t for t in others if not re.fullmatch(r"(?i)page\s*\d+", t.strip())]
                rest = others[0].strip(_SEPARATORS) if others else ""
            return (rest or None), month
    return None, None


def _title_and_month(layout: Layout) -> tuple[str | None, date | None]:
    name, month = _header_title(layout)
    titles = [b for b in layout.blocks if b.kind == "title"]
    if month is None:
        for block in titles:
            month = _month_in(block.text)
            if month:
                break
    if name is None:
        named = [b for b in titles if not _month_in(b.text) or len(b.text.split()) > 3]
        if named:
            name = max(named, key=lambda b: b.size).text
        else:
            heading = next((b for b in layout.blocks if b.kind == "heading"), None)
            name = heading.text if heading else None
    if name and month and not _month_in(name):
        return f"{name}, {_MONTH_NAMES[month.month - 1]} {month.year}", month
    return name, month


def _assemble(layout: Layout, n_pages: int) -> tuple[str, tuple[Section, ...], tuple[int, ...]]:
    """Join blocks with blank lines; work out section spans and where each page starts."""
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    first_offset: dict[int, int] = {}
    for block in layout.blocks:
        starts.append(offset)
        parts.append(block.text)
        for rel, page in block.page_marks:
            first_offset.setdefault(page, offset + rel)
        offset += len(block.text) + 2
    text = "\n\n".join(parts)
    sections: list[Section] = []
    heads = [i for i, b in enumerate(layout.blocks) if b.kind == "heading"]
    for n, i in enumerate(heads):
        head: Block = layout.blocks[i]
        end_index = heads[n + 1] - 1 if n + 1 < len(heads) else len(layout.blocks) - 1
        end = starts[end_index] + len(layout.blocks[end_index].text)
        sections.append(Section(head.text, starts[i], end, head.page))
    page_starts: list[int] = []
    following = len(text)
    for page in range(n_pages, 0, -1):
        following = first_offset.get(page, following)
        page_starts.append(following)
    page_starts.reverse()
    return text, tuple(sections), tuple(page_starts)


def parse_pdf(content: bytes, *, max_pages: int = 500) -> ParsedDocument:
    """Read a PDF's text in reading order; raise `ParseError` when there is none to read.

    `page_starts[i]` is where page i+1's text begins (a page without text starts where the
    next text does). A PDF protected only by an owner password (permissions) opens with the
    empty user password and is read; one that needs a user password is "pdf_encrypted".
    """
    _check_envelope(content)
    try:
        pdf = pdfplumber.open(io.BytesIO(content))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise ParseError("pdf_encrypted", "a password is required to open it") from exc
        raise ParseError("pdf_corrupt", f"{type(cause).__name__}: {cause}") from exc
    except Exception as exc:  # pdfminer raises many types on damaged input
        raise ParseError("pdf_corrupt", f"{type(exc).__name__}: {exc}") from exc
    with pdf:
        try:
            pages = pdf.pages
        except Exception as exc:
            raise ParseError("pdf_corrupt", f"page tree: {type(exc).__name__}: {exc}") from exc
        if not pages:
            raise ParseError("pdf_empty", "the document has no pages")
        if len(pages) > max_pages:
            raise ParseError("pdf_too_long", f"{len(pages)} pages > {max_pages}")
        page_words: list[PageWords] = []
        image_pages = 0
        try:
            for number, page in enumerate(pages, start=1):
                page_words.append(_words(page, number))
                image_pages += bool(page.images)
                page.close()
        except Exception as exc:
            raise ParseError("pdf_corrupt", f"page {number}: {type(exc).__name__}: {exc}") from exc
    n_chars = sum(len(w.text) for p in page_words for w in p.words)
    if n_chars == 0 or (image_pages and n_chars < _MIN_CHARS_PER_IMAGE_PAGE * len(page_words)):
        raise ParseError("pdf_no_text", f"{n_chars} characters of text on {len(page_words)} pages")
    layout = read_pages(page_words)
    text, sections, page_starts = _assemble(layout, len(page_words))
    title, month = _title_and_month(layout)
    return ParsedDocument(
        text=text,
        title=title,
        published_date=month,
        sections=sections,
        page_starts=page_starts,
    )
