"""Refuse PDFs whose streams would inflate past what one document may cost.

Flate compresses repetitive data about 1000:1, so a 2 MB PDF can hold a content stream of
1 GB. PDFium keeps every operator of a page's content as an object: that file took 19 GiB
and 218 s in PDFium (pdfminer, before: past 4 GiB and ten minutes, then stopped), about 20
bytes of memory per inflated byte. The streams are therefore inflated here first, in 1 MiB
chunks that are counted and thrown away, and the PDF is refused with `pdf_too_large`
before PDFium sees it. Images are not counted: reading text never decodes them.
"""

from __future__ import annotations

import re
import zlib

from extract.documents import ParseError

# A dense page of text is 50-200 KB of content, so one content stream (a page, a form)
# above 16 MiB is refused, and all content of a document above 128 MiB. Font programs are
# parsed once and kept compact by PDFium; they only count towards the overall 256 MiB.
MAX_STREAM_BYTES = 16 * 1024 * 1024
MAX_CONTENT_BYTES = 128 * 1024 * 1024
MAX_INFLATED_BYTES = 256 * 1024 * 1024
_CHUNK = 1 << 20
_MAX_RATIO = 1032  # the most deflate can expand one byte
_FONT_FILE = re.compile(rb"/Length[123]\b|/Subtype\s*/(?:Type1C|CIDFontType0C|OpenType)\b")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")


def _stream_dict(content: bytes, at: int) -> bytes:
    """The dictionary written just before the `stream` keyword at `at` (bounded look-back)."""
    window = content[max(0, at - 2048) : at]
    obj = window.rfind(b" obj")
    return window[obj:] if obj >= 0 else window


def _inflate_count(data: memoryview, limit: int) -> int:
    """Bytes the zlib stream at the start of `data` inflates to; counting stops past `limit`.

    A damaged stream counts as far as it inflated (PDFium will judge it). Memory stays at
    one chunk whatever the ratio.
    """
    inflater = zlib.decompressobj()
    total = 0
    try:
        chunk = inflater.decompress(data, _CHUNK)
        while True:
            total += len(chunk)
            if total > limit or inflater.eof or not inflater.unconsumed_tail:
                return total
            chunk = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
    except zlib.error:
        return total


def _too_large(limit: int, what: str, content: bytes) -> ParseError:
    return ParseError(
        "pdf_too_large", f"{what} inflates past {limit >> 20} MiB ({len(content)} bytes on disk)"
    )


def _streams(content: bytes) -> list[tuple[int, int, bool]]:
    """(data start, compressed length, is a font program) of each Flate stream that reading
    text inflates. Found with `bytes.find`, which runs at memory speed: a regular
    expression over a PDF's binary bytes would cost as much as PDFium's whole text pass."""
    out = []
    at = content.find(b"stream")
    while at >= 0:
        data = at + 6
        if content[data : data + 1] == b"\r":
            data += 1
        if content[data : data + 1] == b"\n" and content[at - 3 : at] != b"end":
            data += 1
            end = content.find(b"endstream", data)
            head = _stream_dict(content, at)
            if _FLATE.search(head) and b"/Image" not in head:
                length = (end if end >= 0 else len(content)) - data
                out.append((data, length, _FONT_FILE.search(head) is not None))
            at = content.find(b"stream", end + 9) if end >= 0 else -1
        else:
            at = content.find(b"stream", data)
    return out


def _within(sizes: list[tuple[int, bool]]) -> str | None:
    """Which limit (inflated size, is a font) pairs break, or None."""
    total = content_total = 0
    for size, font in sizes:
        total += size
        if not font:
            content_total += size
            if size > MAX_STREAM_BYTES:
                return "stream"
            if content_total > MAX_CONTENT_BYTES:
                return "content"
        if total > MAX_INFLATED_BYTES:
            return "total"
    return None


def check_inflation(content: bytes) -> None:
    """Raise `ParseError("pdf_too_large")` when the Flate streams inflate past the limits.

    Deflate cannot inflate more than 1032 bytes from one, so a PDF whose streams stay under
    the limits at that ratio is passed without inflating anything (every ordinary PDF of a
    few hundred KB, at no cost); only otherwise are the streams inflated and counted.
    """
    streams = _streams(content)
    if _within([(length * _MAX_RATIO + 64, font) for _, length, font in streams]) is None:
        return
    view = memoryview(content)
    sizes: list[tuple[int, bool]] = []
    for start, _, font in streams:
        limit = MAX_INFLATED_BYTES if font else MAX_STREAM_BYTES
        sizes.append((_inflate_count(view[start:], limit), font))
        broken = _within(sizes)
        if broken == "stream":
            raise _too_large(MAX_STREAM_BYTES, "a content stream", content)
        if broken == "content":
            raise _too_large(MAX_CONTENT_BYTES, "the page content", content)
        if broken == "total":
            raise _too_large(MAX_INFLATED_BYTES, "the streams", content)
