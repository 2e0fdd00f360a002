"""Publication date and author of a page, read from the tree the text comes from.

Which source serves which field was decided by the metadata cases in
`tests/extract/test_html_*.py` (the sample pages, the portal fixture, the GBK page and the
small pages that put each field in one place):

- title: `extract.html_title` (trafilatura's choice, less the site name).
- date and author: the code kept here was right on every case; trafilatura's metadata
  missed a third of the dates (a date bar above the headline, "2024年3月6日", a portal
  whose only date is in the byline line) and of the authors ("By Chen Mei in Shanghai",
  "作者：李明"), and wrote "Wang Xu; Zhang Yi" for "Wang Xu and Zhang Yi".

All of it reads an lxml tree and never changes it, so the page is parsed once.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from lxml import etree
from lxml.html import HtmlElement

from extract.html_dates import date_from_url, find_date_in_text, parse_date_value

__all__ = ["PageMeta", "byline_name", "clean_space", "read_meta"]

_CJK_GAP = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+"
    r"(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)
# Zero-width spaces, word joiners, stray BOMs and soft hyphens split words invisibly. ZWJ
# and ZWNJ stay: they are spelling in Persian and Indic scripts, and inside emoji.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"), None)

_META_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "article.published",
    "published_time",
    "og:published_time",
    "datepublished",
    "citation_publication_date",
    "citation_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "sailthru.date",
    "parsely-pub-date",
    "article_date_original",
    "originalpublicationdate",
    "firstpublishedtime",
    "displaydate",
)
_META_AUTHOR_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "parsely-author",
    "sailthru.author",
    "citation_author",
)
_ARTICLE_TYPES = re.compile(r"article|posting|report", re.I)
_PUBLISHED_TIME_CLASS = re.compile(r"publish|entry-date|post-date|dateline")
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40},\s*(.{6,40}?)\s*(?:[-–—:(]|$)")

_NAME_WORD = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(
    rf"""^(?:[Bb]y|BY|[Ww]ritten\s+by|[Pp]osted\s+by|[Rr]eported\s+by|[Aa]uthor\s*[:：])\s*
    (?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|and|&|de|van|von|bin|al))*
    (?:\s*,\s*{_NAME_WORD}(?:\s+{_NAME_WORD})*)*)
    (?:\s+(?:in|for|from)\s+{_NAME_WORD}(?:\s+{_NAME_WORD})*)?\s*$""",
    re.X,
)
_BYLINE_PARTS = re.compile(r"\s+[|•·]\s+|\s*\|\s*")
_CN_AUTHOR = re.compile(
    r"^(?:作者|记者|文)\s*[:：]?\s*(?P<name>[\u4e00-\u9fff·]{2,8}(?:\s+[\u4e00-\u9fff·]{2,8})*)$"
)

# Block-level tags: a text line of the page ends where one of them starts or ends.
_BLOCK_TAGS = frozenset(
    """address article aside blockquote body br caption center dd details dialog dir div dl
    dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend
    li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul""".split()
)
# Never visible text (a `<noscript>` fallback is: readers without scripts see it).
_NO_TEXT = frozenset(
    """script style template iframe svg canvas object embed head button select textarea
    option label""".split()
)
_DATE_LINES_AFTER_TITLE = 15
_DATELINES_AFTER_TITLE = 30
_BYLINES_AFTER_TITLE = 10
_LINES_AFTER_TITLE = max(_DATE_LINES_AFTER_TITLE, _DATELINES_AFTER_TITLE, _BYLINES_AFTER_TITLE)

_DATE_PUBLISHED = etree.XPath("//*[@itemprop='datePublished']")
_TIMES = etree.XPath("//time")
_TIMES_AFTER_H1 = etree.XPath("(//h1)[1]/following::time")
# Plain contains() tests, behind a cheap test that the attribute exists: an EXSLT
# regular expression or translate() per element costs several times more on a large page.
_AUTHOR_LINKS = etree.XPath("//*[@itemprop='author' or contains(@rel, 'author')]")
_BYLINE_ELEMENTS = etree.XPath(
    "//*[@class][contains(@class, 'yline') or contains(@class, 'uthor')"
    " or contains(@class, 'YLINE') or contains(@class, 'UTHOR')]"
)
_JSON_LD = etree.XPath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]")


def clean_space(text: str) -> str:
    """One space between words, none between CJK characters (markup leaves gaps there),
    and composed characters (NFC, as trafilatura's own text output): a "ü" written as
    "u" plus a combining mark would not match the same word typed in one piece."""
    text = " ".join(text.translate(_INVISIBLE).split())
    if text.isascii():
        return text
    return _CJK_GAP.sub("", unicodedata.normalize("NFC", text))


def byline_name(text: str) -> str | None:
    """The name in "By Name" / "BySamantha Johnson" / "作者：张三", else None."""
    text = text.strip()
    m = _BYLINE.match(text)
    if m and m.group("name")[:1].isupper() and len(m.group("name").split()) <= 8:
        return m.group("name").strip()
    m = _CN_AUTHOR.match(text)
    return m.group("name") if m else None


def _clean_author(value: str) -> str | None:
    """A person's name from a meta value or byline; None for URLs, handles and long text."""
    value = clean_space(value)
    if not value or "://" in value or value.startswith(("@", "www.")):
        return None
    value = byline_name(value) or value
    value = re.split(r"\s+[|/–—]\s+", value)[0].strip(" ,;:")
    if not value or len(value) > 80 or len(value.split()) > 8:
        return None
    return value if re.search(r"[^\W\d_]", value) else None


@dataclass(frozen=True)
class PageMeta:
    title: str | None
    published: date | None
    author: str | None


@dataclass
class _Page:
    """What the lookups share: the tree, its meta tags and JSON-LD, the headline's lines."""

    root: HtmlElement
    title: str | None = None
    metas: dict[str, list[str]] = field(default_factory=dict)
    ld: list[dict[str, object]] = field(default_factory=list)
    _after_title: list[str] | None = None

    def find(self, xpath: etree.XPath) -> list[HtmlElement]:
        found = xpath(self.root)
        return found if isinstance(found, list) else []

    def lines_after_title(self) -> list[str]:
        """The first visible text lines after the headline (the first `<h1>` or the title's
        own line), or from the top when there is none: where bylines and datelines sit.

        The scan stops once enough lines after the headline are read: on a long page the
        headline is near the top and the rest is never walked.
        """
        if self._after_title is None:
            top: list[str] = []
            after: list[str] | None = None
            for text, in_h1 in _text_lines(self.root):
                if after is not None:
                    after.append(text)
                    if len(after) >= _LINES_AFTER_TITLE:
                        break
                elif in_h1 or (self.title and text == self.title):
                    after = []
                elif len(top) < _LINES_AFTER_TITLE:
                    top.append(text)
            self._after_title = top if after is None else after
        return self._after_title


def _attr(el: HtmlElement, name: str) -> str:
    value = el.get(name)
    return value if isinstance(value, str) else ""


def _text_lines(root: HtmlElement) -> Iterator[tuple[str, bool]]:
    """(line, inside an h1) for each run of visible text between block boundaries."""
    parts: list[str] = []
    h1_depth = 0

    def flush() -> Iterator[tuple[str, bool]]:
        text = clean_space("".join(parts))
        parts.clear()
        if text:
            yield text, h1_depth > 0

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else None
        if event == "start":
            if tag in _NO_TEXT or tag is None:
                walker.skip_subtree()
                continue
            if tag in _BLOCK_TAGS:
                yield from flush()
            h1_depth += tag == "h1"
            parts.append(el.text or "")
        else:
            if tag is not None and tag not in _NO_TEXT:
                if tag in _BLOCK_TAGS:
                    yield from flush()
                h1_depth -= tag == "h1"
            parts.append(el.tail or "")
    yield from flush()


def _in_chrome(el: HtmlElement) -> bool:
    """Inside the site's own header, nav, footer or aside (an article's own header is not)."""
    in_header = False
    for parent in el.iterancestors():
        if parent.tag in ("nav", "footer", "aside"):
            return True
        if parent.tag == "header":
            in_header = True
        elif parent.tag in ("article", "main"):
            in_header = False
    return in_header


def _json_ld(scripts: list[HtmlElement]) -> list[dict[str, object]]:
    """Every JSON-LD object on the page, `@graph` members included; broken JSON is skipped."""
    out: list[dict[str, object]] = []
    for script in scripts:
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        stack: list[object] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                out.append(item)
                if "@graph" in item:
                    stack.insert(0, item["@graph"])
    return out


def _ld_is_article(obj: dict[str, object]) -> bool:
    kinds = obj.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in names)


def _ld_author(value: object) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_ld_author(v) for v in value) if n]
        return ", ".join(names) if names else None
    if isinstance(value, dict):
        value = value.get("name")
    return _clean_author(value) if isinstance(value, str) else None


def _time_value(el: HtmlElement) -> date | None:
    for name in ("datetime", "content"):
        d = parse_date_value(_attr(el, name))
        if d:
            return d
    return find_date_in_text(clean_space(el.text_content()))


def _published(page: _Page, url: str | None) -> date | None:
    """Publication date, most explicit evidence first.

    Meta tags and `itemprop`/JSON-LD `datePublished` (they say "published" in so many
    words), then `<time>` elements (those marked as the publication time, then the first
    after the headline), then a short date line after the headline, then a wire dateline
    ("BEIJING, March 5, 2024 --"), then the URL. A date bar above the headline shows
    today's date, not the article's, and is never read.
    """
    for key in _META_DATE_KEYS:
        for value in page.metas.get(key, []):
            if d := parse_date_value(value):
                return d
    for el in page.find(_DATE_PUBLISHED):
        if d := _time_value(el):
            return d
    for articles_only in (True, False):
        for obj in page.ld:
            if articles_only and not _ld_is_article(obj):
                continue
            stated = obj.get("datePublished") or obj.get("dateCreated")
            if isinstance(stated, str) and (d := parse_date_value(stated)):
                return d

    times = [el for el in page.find(_TIMES) if not _in_chrome(el)]
    marked = [
        t
        for t in times
        if t.get("pubdate") is not None or _PUBLISHED_TIME_CLASS.search(_attr(t, "class"))
    ]
    after_h1 = [t for t in page.find(_TIMES_AFTER_H1) if not _in_chrome(t)] if times else []
    unmarked = [t for t in times if "updated" not in _attr(t, "class")]
    for group in (marked, after_h1, unmarked):
        for t in group:
            d = _time_value(t)
            if d:
                return d

    lines = page.lines_after_title()
    for line in lines[:_DATE_LINES_AFTER_TITLE]:
        d = find_date_in_text(line) if len(line) <= 100 else None
        if d:
            return d
    for line in lines[:_DATELINES_AFTER_TITLE]:
        m = _WIRE_DATELINE.match(line)
        d = find_date_in_text(m.group(1)) if m and len(line) > 100 else None
        if d:
            return d
    return date_from_url(url)


def _author(page: _Page) -> str | None:
    """Author where the page states one: meta, JSON-LD, rel=author/itemprop, a byline."""
    for key in _META_AUTHOR_KEYS:
        for value in page.metas.get(key, []):
            if name := _clean_author(value):
                return name
    for obj in page.ld:
        if _ld_is_article(obj) and (name := _ld_author(obj.get("author"))):
            return name
    for el in page.find(_AUTHOR_LINKS):
        if _in_chrome(el) or (
            _attr(el, "itemprop") != "author" and "author" not in _attr(el, "rel").split()
        ):
            continue
        named = next((t for t in el.iter() if _attr(t, "itemprop") == "name"), el)
        if name := _clean_author(_attr(named, "content") or named.text_content()):
            return name
    for line in _byline_candidates(page):
        for part in _BYLINE_PARTS.split(line):
            if name := byline_name(part):
                return name
    return None


def _byline_candidates(page: _Page) -> Iterator[str]:
    """Short texts of byline/author-classed elements, then the lines under the headline."""
    for el in page.find(_BYLINE_ELEMENTS):
        if not _in_chrome(el):
            text = clean_space(el.text_content())
            if len(text) <= 120:
                yield text
    yield from page.lines_after_title()[:_BYLINES_AFTER_TITLE]


def read_meta(root: HtmlElement, url: str | None = None, title: str | None = None) -> PageMeta:
    """Publication date and author of the page whose tree is `root`; `title`, the page's
    headline, marks where the article starts (bylines and datelines sit under it)."""
    metas: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        key = _attr(meta, "property") or _attr(meta, "name") or _attr(meta, "itemprop")
        content = _attr(meta, "content").strip()
        if key and content:
            metas.setdefault(key.strip().lower(), []).append(content)
    page = _Page(root=root, metas=metas)
    page.ld = _json_ld(page.find(_JSON_LD))
    page.title = title
    return PageMeta(title=title, published=_published(page, url), author=_author(page))
