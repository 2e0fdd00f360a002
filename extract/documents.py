"""The shapes a document takes on its way through `extract/`.

`RawDocument` is what a fetcher or a folder yields (bytes plus where and when they came
from); `ParsedDocument` is what a parser makes of it. Both mirror the `documents` table in
`warehouse/migrations/`; `tests/warehouse/test_schema.py` keeps them in step.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

DocType = Literal["review", "article"]
DOC_TYPES: tuple[str, ...] = ("review", "article")


def doc_id_for(url: str) -> str:
    """A document's identity is its canonical URL, so a changed page keeps its id."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def sha256_hex(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@dataclass(frozen=True)
class Link:
    """A document a source points at, before it is fetched."""

    source_id: str
    doc_type: DocType
    url: str
    title: str | None = None
    published: datetime | None = None


@dataclass(frozen=True)
class RawDocument:
    """Fetched bytes and their provenance; kept content-addressed so facts can be re-derived."""

    source_id: str
    doc_type: DocType
    url: str
    content: bytes
    content_type: str | None
    fetched_at: datetime
    etag: str | None = None
    last_modified: str | None = None
    link_title: str | None = None

    @property
    def doc_id(self) -> str:
        return doc_id_for(self.url)

    @property
    def sha256(self) -> str:
        return sha256_hex(self.content)


@dataclass(frozen=True)
class Section:
    """A headed part of a document: `text[char_start:char_end]` is its body (heading included)."""

    heading: str
    char_start: int
    char_end: int
    page: int | None = None


@dataclass(frozen=True)
class ParsedDocument:
    """Main text in reading order, paragraphs separated by a blank line.

    `page_starts[i]` is the offset in `text` where page i+1 begins (PDFs only), so a
    fact's evidence can name its page.
    """

    text: str
    title: str | None = None
    published_date: date | None = None
    author: str | None = None
    sections: tuple[Section, ...] = ()
    page_starts: tuple[int, ...] = field(default=())

    def page_at(self, offset: int) -> int | None:
        if not self.page_starts:
            return None
        page = 1
        for i, start in enumerate(self.page_starts):
            if start <= offset:
                page = i + 1
        return page


class ParseError(Exception):
    """A document that cannot be turned into text; the message is stored as its reason."""

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)
