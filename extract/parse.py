"""Bytes to text: one entry point that picks the parser from what the bytes are.

The content type a server declares is often wrong (a PDF served as text/html, HTML as
application/octet-stream), so the kind is sniffed from the bytes first.
"""

from __future__ import annotations

from extract.documents import ParsedDocument, ParseError, RawDocument
from extract.html_text import parse_html
from extract.pdf_text import parse_pdf
from extract.sniff import charset_from_content_type, sniff_kind


def parse_raw(raw: RawDocument) -> tuple[str, ParsedDocument]:
    """(kind, parsed) for a fetched document; raises `ParseError` with a reason code."""
    kind = sniff_kind(raw.content, raw.content_type, raw.url)
    if kind == "pdf":
        return kind, parse_pdf(raw.content)
    if kind == "html":
        charset = charset_from_content_type(raw.content_type) if raw.content_type else None
        return kind, parse_html(raw.content, url=raw.url, declared_charset=charset)
    raise ParseError("unsupported_content", f"{kind} content ({raw.content_type or 'no type'})")
