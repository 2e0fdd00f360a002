"""PDF bytes -> `ParsedDocument`: text in reading order, sections, pages, title and month.

The reviews arrive as two-column PDF newsletters. Their text layer is read word by word
with PDFium (`extract.pdf_chars`: positions, size and font of every word, 30 times faster
than pdfplumber) and put back into reading order by `extract.pdf_paragraphs` (columns from
the page's whitespace, furniture, hyphens, paragraphs), because a row-by-row extraction
interleaves the two columns and would hand the fact extractors sentences that never
existed.

Publication dates: a review's items say "on 27 March" without a year, so the issue's month
matters. It is read from the running header ("China Science and Technology Review | March
2024") or, failing that, from the title block on page 1; never from the body, where other
months are mentioned ("the consensus reached in October 2023").

Failures are `ParseError`s with a reason the warehouse stores: "pdf_corrupt" (not a PDF, or
truncated), "pdf_encrypted" (a password is needed to read it), "pdf_empty" (no pages),
"pdf_too_long" (more than `max_pages`), "pdf_no_text" (no text layer: a scan),
"pdf_too_large" (streams inflating past `extract.pdf_limits.MAX_INFLATED_BYTES`).
"""

from __future__ import annotations

import re
from datetime import date

from extract.documents import ParsedDocument, ParseError, Section
from extract.pdf_chars import open_pdf, read_page
from extract.pdf_furniture import is_page_number
from extract.pdf_limits import check_inflation
from extract.pdf_model import Block, Layout, PageWords
from extract.pdf_paragraphs import read_pages

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
_TRAILING_PAGE = re.compile(r"(?:^|\s)(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.I)
# A scan with a thin OCR-free stamp ("Scanned by ...") is still a scan.
_MIN_CHARS_PER_IMAGE_PAGE = 20


def _check_envelope(content: bytes) -> None:
    """Cheap checks before PDFium sees the bytes.

    PDFium rebuilds a damaged cross-reference table by scanning for objects, so a file
    cut short by a network failure can still yield its first pages; silently indexing half a
    review is worse than failing, hence the explicit end-of-file marker check.
    """
    if not content:
        raise ParseError("pdf_corrupt", "no bytes")
    if b"%PDF-" not in content[:1024]:
        raise ParseError("pdf_corrupt", "no %PDF- header: not a PDF")
    if b"%%EOF" not in content[-2048:]:
        raise ParseError("pdf_corrupt", "no %%EOF marker at the end: truncated")


def _month_in(text: str) -> date | None:
    match = _MONTH_YEAR.search(text)
    if not match:
        return None
    return date(int(match.group(2)), _MONTHS[match.group(1).lower()], 1)


def _without_page_numbers(text: str) -> str:
    """A header's text without its page number: "Review | 1" and "Review 1" give "Review".

    A header that carries the page number ("Name | Month | 7", or the number at the right
    end) would otherwise put the number in the title ("Review |  1, March 2024").
    """
    pieces = [p.strip(_SEPARATORS) for p in re.split(r"[|\u00b7\u2022]", text)]
    pieces = [_TRAILING_PAGE.sub("", p).strip(_SEPARATORS) for p in pieces]
    return " | ".join(p for p in pieces if p and not is_page_number(p))


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
            rest = _without_page_numbers(_MONTH_YEAR.sub("", text))
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
    check_inflation(content)
    pages: list[PageWords] = []
    image_pages = 0
    with open_pdf(content) as pdf:
        n_pages = len(pdf)
        if n_pages == 0:
            raise ParseError("pdf_empty", "the document has no pages")
        if n_pages > max_pages:
            raise ParseError("pdf_too_long", f"{n_pages} pages > {max_pages}")
        for index in range(n_pages):
            try:
                words, has_images = read_page(pdf, index)
            except ParseError:
                raise
            except Exception as exc:
                raise ParseError(
                    "pdf_corrupt", f"page {index + 1}: {type(exc).__name__}: {exc}"
                ) from exc
            pages.append(words)
            image_pages += has_images
    n_chars = sum(len(w.text) for p in pages for w in p.words)
    if n_chars == 0 or (image_pages and n_chars < _MIN_CHARS_PER_IMAGE_PAGE * len(pages)):
        raise ParseError("pdf_no_text", f"{n_chars} characters of text on {len(pages)} pages")
    layout = read_pages(pages)
    text, sections, page_starts = _assemble(layout, len(pages))
    title, month = _title_and_month(layout)
    return ParsedDocument(
        text=text,
        title=title,
        published_date=month,
        sections=sections,
        page_starts=page_starts,
    )
