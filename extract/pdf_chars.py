"""PDF bytes -> positioned words per page, read from PDFium's text layer.

PDFium (through pypdfium2) builds a page's text about 30 times faster than pdfminer (what
pdfplumber is built on): 0.003 s against 0.1 s a page on the two-column benchmark. Asking
it for every character's box one call at a time costs most of that gain back (0.025 s a
page), so words are cut from PDFium's own text (`get_text_range`, which already has the
spaces and line breaks it inferred from the glyph positions) and only the first and last
character of each word are measured. Its loose boxes are the font's ascent and descent,
the same for every letter of a size, which is what line grouping needs.

PDFium marks a hyphen it takes for a line-end hyphenation with U+FFFE (sometimes U+0002);
that is a guess (it marks "China-" before "Brazil" too), so here it becomes a plain "-" and
`extract.pdf_hyphens` decides.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.documents import ParseError
from extract.pdf_model import PageWords, Word, bold_name

# Characters a PDF may use that should not reach the text: ligatures, odd spaces, the
# Symbol-font bullet of Word and LibreOffice lists (private use area), PDFium's hyphen marks.
CHAR_FIXES = str.maketrans(
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
        "\ufeff": "",
        "\uf0b7": "\u2022",
        "\uf0a7": "\u25aa",
        "\uf0d8": "\u2022",
        "\ufffe": "-",
        "\x02": "-",
    }
)
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_WORD = re.compile(r"[^\s\x00]+")
_FONT_BUF = 96


@contextmanager
def open_pdf(content: bytes) -> Iterator[pdfium.PdfDocument]:
    """Open with PDFium, turning its load errors into the reasons the warehouse stores.

    A file protected only by an owner password (permissions) opens with the empty user
    password; one needing a user password fails with PDFium's password error.
    The caller still checks the page count: this only covers what PDFium will not load.
    """
    try:
        pdf = pdfium.PdfDocument(content)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise ParseError("pdf_encrypted", "a password is required to open it") from exc
        if b"/Pages" in content and not _PAGE_OBJECT.search(content):
            # PDFium refuses a page tree without pages (and its error code is then stale).
            raise ParseError("pdf_empty", "the document has no pages") from exc
        raise ParseError("pdf_corrupt", f"PDFium: {exc}") from exc
    except Exception as exc:  # a damaged file can fail in many ways
        raise ParseError("pdf_corrupt", f"{type(exc).__name__}: {exc}") from exc
    try:
        yield pdf
    finally:
        pdf.close()


def _is_bold(name: str, flags: int) -> bool:
    # Flag bit 19 (1 << 18) is the descriptor's ForceBold.
    return bold_name(name) or bool(flags & (1 << 18))


def read_page(pdf: pdfium.PdfDocument, index: int) -> tuple[PageWords, bool]:
    """The words of page `index` (0-based) and whether the page has images.

    Image objects are only looked for when the page has little text, since they only matter
    for telling a scan (`pdf_no_text`) and walking the objects costs time.
    """
    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            words = _words(textpage, height)
        finally:
            textpage.close()
        has_images = False
        if sum(len(w.text) for w in words) < 200:
            has_images = any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
    finally:
        page.close()
    return PageWords(index + 1, float(width), float(height), tuple(words)), has_images


def _words(textpage: pdfium.PdfTextPage, page_height: float) -> list[Word]:
    """Words from PDFium's text, measured at their first and last character.

    A run of characters without whitespace is normally one word; when its last character
    does not sit right of its first on the same line (PDFium joined pieces from two places
    without a space), it is measured character by character and cut where it jumps.
    """
    handle = textpage.raw  # the bare handle: the wrapper object costs a property per call
    count = pdfium_c.FPDFText_CountChars(handle)
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # surrogate pairs shift the indices: measure by characters
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(handle, i) or 32) for i in range(count))
    box = pdfium_c.FS_RECTF()
    box_ref = ctypes.byref(box)
    loose = pdfium_c.FPDFText_GetLooseCharBox
    font_size = pdfium_c.FPDFText_GetFontSize
    font_info = pdfium_c.FPDFText_GetFontInfo
    buf = ctypes.create_string_buffer(_FONT_BUF)
    flags = ctypes.c_int()
    flags_ref = ctypes.byref(flags)
    fonts: dict[bytes, tuple[str, bool]] = {}
    words: list[Word] = []
    for match in _WORD.finditer(text):
        start, end = match.start(), match.end() - 1
        raw = match.group()
        loose(handle, start, box_ref)
        x0, top, bottom = box.left, page_height - box.top, page_height - box.bottom
        loose(handle, end, box_ref)
        x1, top1 = box.right, page_height - box.top
        if x1 < x0 - 0.5 or abs(top1 - top) > 0.5 * max(bottom - top, 1.0):
            words.extend(_split_run(handle, start, end + 1, text, page_height))
            continue
        font_info(handle, start, buf, _FONT_BUF, flags_ref)
        key = buf.value + bytes([flags.value >> 18 & 1])
        font = fonts.get(key)
        if font is None:
            name = buf.value.decode("latin-1")
            font = fonts[key] = (name, _is_bold(name, flags.value))
        cleaned = raw if raw.isascii() and "\x02" not in raw else raw.translate(CHAR_FIXES).strip()
        if not cleaned:
            continue
        words.append(
            Word(
                cleaned,
                x0,
                max(x1, x0),
                top,
                bottom,
                round(font_size(handle, start), 2),
                font[0],
                font[1],
            )
        )
    return words


def _split_run(handle: Any, start: int, stop: int, text: str, page_height: float) -> list[Word]:
    """Measure every character of a run and cut it where it jumps back or to another line."""
    box = pdfium_c.FS_RECTF()
    out: list[Word] = []
    piece: list[tuple[str, float, float, float, float]] = []

    def flush() -> None:
        if not piece:
            return
        chars = "".join(c[0] for c in piece).translate(CHAR_FIXES).strip()
        if chars:
            size = round(pdfium_c.FPDFText_GetFontSize(handle, start), 2)
            out.append(
                Word(
                    chars,
                    piece[0][1],
                    piece[-1][2],
                    min(c[3] for c in piece),
                    max(c[4] for c in piece),
                    size,
                )
            )
        piece.clear()

    for i in range(start, stop):
        pdfium_c.FPDFText_GetLooseCharBox(handle, i, ctypes.byref(box))
        x0, x1 = box.left, box.right
        top, bottom = page_height - box.top, page_height - box.bottom
        if piece:
            prev = piece[-1]
            height = max(prev[4] - prev[3], 1.0)
            if (
                x0 < prev[1] - 0.5
                or x0 - prev[2] > 0.3 * height
                or abs(top - prev[3]) > 0.5 * height
            ):
                flush()
        piece.append((text[i], x0, x1, top, bottom))
    flush()
    return out
