"""Refuse PDFs that would inflate past what one document may cost.

Flate streams compress about 1000:1 on repetitive data, so a 1 MB PDF can hold a content
stream of 1 GB; PDFium inflates a page's content in memory before it parses it, and a
hostile file took 1.9 GiB that way. The streams are inflated here first, in bounded chunks
that are counted and thrown away, and the PDF is refused (`pdf_too_large`) once the total
passes a limit, before PDFium sees it.

Images are not counted: text extraction never decodes them.
"""

from __future__ import annotations

import re
import zlib

from extract.documents import ParseError

# Inflated bytes of all non-image Flate streams of one PDF. A 100-page review inflates to
# a few MB (fonts and content); 256 MiB leaves room for odd producers.
MAX_INFLATED_BYTES = 256 * 1024 * 1024
_CHUNK = 1 << 20
_STREAM = re.compile(rb"stream\r?\n")
_DICT_START = re.compile(rb"<<")


def _stream_dict(content: bytes, at: int) -> bytes:
    """The dictionary written just before the `stream` keyword at `at` (bounded look-back)."""
    window = content[max(0, at - 2048) : at]
    obj = window.rfind(b" obj")
    return window[obj:] if obj >= 0 else window


def inflated_size(content: bytes, limit: int = MAX_INFLATED_BYTES) -> int:
    """Total inflated size of the PDF's non-image Flate streams, counting stops past `limit`.

    Each stream is inflated until its data ends or is damaged (what is damaged is counted as
    far as it went; PDFium will judge it). Memory stays at one chunk whatever the ratio.
    """
    total = 0
    for match in _STREAM.finditer(content):
        head = _stream_dict(content, match.start())
        if b"FlateDecode" not in head and b"/Fl " not in head and b"/Fl/" not in head:
            continue
        if b"/Image" in head:
            continue
        inflater = zlib.decompressobj()
        data = content[match.end() :]
        pending = memoryview(data)
        try:
            chunk = inflater.decompress(pending, _CHUNK)
            while True:
                total += len(chunk)
                if total > limit:
                    return total
                if inflater.eof:
                    break
                if inflater.unconsumed_tail:
                    chunk = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
                    continue
                break
        except zlib.error:
            continue
    return total


def check_inflation(content: bytes, limit: int = MAX_INFLATED_BYTES) -> None:
    """Raise `ParseError("pdf_too_large")` when the streams inflate past `limit` bytes."""
    size = inflated_size(content, limit)
    if size > limit:
        raise ParseError(
            "pdf_too_large",
            f"streams inflate past {limit // (1024 * 1024)} MiB ({len(content)} bytes on disk)",
        )
