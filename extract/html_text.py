"""HTML page -> the article's main text, title, date and author.

News pages are mostly furniture (navigation, tickers, bylines, share buttons, related
links, comment threads, sidebars, footers), facts must come from the article alone, and the
sites are many and unseen. Finding the article is trafilatura's job: on its own 990-page
evaluation set it beat the hand-written Readability-style extractor this module used to
be (F1 0.926 against 0.884, no crashes against 38; see `benchmarks/html_bench.py`).

What stays here is what the library does not do for this pipeline:

1. decoding (`extract.html_decode`): the HTTP header and `<meta charset>` are evidence
   trafilatura ignores, and a stray byte must not turn a UTF-8 page into cp1250;
2. date and author (`extract.html_meta`), where the kept code is right more often, and
   the site name trimmed from trafilatura's title (`extract.html_title`);
3. an article that exists only inside `<noscript>` (a script-rendered site's fallback):
   trafilatura drops `<noscript>`, so such a block is unwrapped when it holds prose;
4. a page nested deeper than libxml2 reads (256 levels of unclosed wrappers), which would
   otherwise lose everything below that depth;
5. the site's banner, navigation and footer landmarks, removed before extraction;
6. the document shape: title first, paragraphs separated by blank lines, subheadings as
   `sections` with offsets, and a few furniture lines that trafilatura keeps because they
   sit inside the article container ("Also Read: ...", bylines, date lines, a copyright
   notice and whatever follows it, the headline repeated).

The page is decoded and parsed once; trafilatura works on a copy of that tree.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.xml import xmltotxt

from extract.documents import ParsedDocument, ParseError, Section
from extract.html_dates import find_date_in_text, is_date_line, parse_date_value
from extract.html_decode import decode_html, detect_encoding
from extract.html_meta import byline_name, clean_space, read_meta
from extract.html_title import find_title

# Decoding and date parsing are re-exported for `extract.feed` and `extract.listing`.
__all__ = [
    "decode_html",
    "detect_encoding",
    "find_date_in_text",
    "parse_date_value",
    "parse_html",
]

log = logging.getLogger(__name__)

# ARIA landmarks that are the site's, not the article's, by their definition: trafilatura
# keeps a paragraph of a `<header role="banner">` (the site's tagline) when it does not
# know the article container's class name. Pages misuse the roles too (a "banner" around
# the whole page), so one that holds an article, a headline or much of the text stays.
_SITE_CHROME = etree.XPath(
    "//*[@role][@role='banner' or @role='navigation' or @role='contentinfo' or @role='search']"
    "[not(.//h1 or .//article or .//main)]"
)
_SITE_CHROME_SHARE = 0.2  # at most this share of the page's text
_NOSCRIPT_PROSE = 200  # characters of text that make a <noscript> block worth reading
# libxml2 stops reading at nesting depth 256 (see `_load`).
_AT_DEPTH_LIMIT = etree.XPath("boolean(/*" + "/*" * 249 + ")")
_WRAPPER_RUN = re.compile(
    r"(<(?:div|span|font|section)\b[^<>]*>)(?:\s*<(?:div|span|font|section)\b[^<>]*>)+", re.I
)

# Lines that are furniture even inside the article container. Short lines only: a long
# paragraph that starts like one of these is prose.
_FURNITURE_LINE = re.compile(
    r"""(?ix)^(?:
    share(?:\s+(?:this|on|via|the|article|story|post|page))*|advertisement|advertising
    |sponsored(?:\s+content)?|read\s+(?:more|next|also)(?:\s*[:：].*)?|continue\s+reading
    |see\s+also\s*[:：].*|also\s+read\b.*|related(?:\s+(?:posts?|articles?|stories|news))?
    |you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)
    |recommended(?:\s+for\s+you)?|more\s+stories|most\s+(?:read|popular|viewed|shared)
    |(?:posted|published|updated)\s+(?:on|in)\b.*|leave\s+a\s+(?:reply|comment)
    |back\s+to\s+top|print(?:\s+this)?(?:\s+(?:page|article))?
    |分享到.*|责任编辑.*|相关(?:新闻|阅读|文章|链接)|延伸阅读|推荐阅读|返回顶部
    )[\s.:：!|»›>]*$"""
)
_FURNITURE_MAX = 100
_HAS_WORD = re.compile(r"[^\W_]")  # a line of only rules or bars ("|---|---|") says nothing
# A copyright notice closes the article: what a page prints after it is site furniture.
# A notice, not a photo credit ("© Getty Images") nor prose that mentions copyright.
_NOTICE = re.compile(
    r"""^(?:copyright\b.{0,40}\d{4}|(?:©|\(c\)).{0,80}rights\s+reserved)
    |^.{0,120}(?:all\s+rights\s+reserved|版权所有|未经(?:书面)?授权).{0,120}$""",
    re.I | re.S | re.X,
)
_NOTICE_MAX = 600
_HEADING_MAX = 200  # a "heading" longer than this is a paragraph set in large type
_HEADING_REND = re.compile(r"h([1-6])$")


@dataclass(frozen=True)
class _Block:
    """One paragraph of output; `level` is 1-6 for a heading, None for body text."""

    text: str
    level: int | None = None


def _load(html: str) -> HtmlElement | None:
    """The page's one parse (trafilatura's loader, which repairs what libxml2 trips on).

    libxml2 stops reading at nesting depth 256 and the rest of the page is lost; such a
    page (thousands of unclosed or pointless wrappers) is read again with each run of
    consecutive wrapper tags collapsed into one.
    """
    if not html.strip():
        return None
    root = trafilatura.load_html(html)
    if root is not None and _AT_DEPTH_LIMIT(root):
        root = trafilatura.load_html(_WRAPPER_RUN.sub(r"\1", html))
    return root


def _unwrap_noscript_prose(root: HtmlElement) -> None:
    """Read `<noscript>` blocks that hold an article, as a browser without scripts would;
    drop the short ones ("Please enable JavaScript", tracking pixels), which trafilatura's
    last-resort baseline would otherwise return as the page's text."""
    for el in list(root.iter("noscript")):
        if el.getparent() is None:
            continue
        if len(clean_space(el.text_content())) >= _NOSCRIPT_PROSE:
            el.drop_tag()
        else:
            el.drop_tree()


def _main_text_tree(root: HtmlElement, url: str | None) -> etree._Element | None:
    """trafilatura's article tree (on a copy of `root`), with the settings of its published
    benchmark ("standard"), comments excluded. Headings come out as `<head rend="hN">`
    whatever the formatting option says, so `sections` need no formatting."""
    extracted = trafilatura.bare_extraction(
        root,
        url=url,
        fast=False,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        include_images=False,
        include_links=False,
    )
    body = getattr(extracted, "body", None)
    return body if isinstance(body, etree._Element) else None


def _drop_site_chrome(root: HtmlElement) -> None:
    """Remove the site's banner, navigation and footer landmarks (see `_SITE_CHROME`)."""
    landmarks = _SITE_CHROME(root)
    if not isinstance(landmarks, list) or not landmarks:
        return
    page_chars = len(root.text_content())
    for el in landmarks:
        if el.getparent() is not None:
            if len(el.text_content()) <= _SITE_CHROME_SHARE * page_chars:
                el.drop_tree()


def _blocks(body: etree._Element) -> list[_Block]:
    """The block elements of trafilatura's tree as headings and paragraphs (a list item or
    table row is a paragraph of its own, as trafilatura's plain-text output prints it).
    Text that is not inside one of them (its last-resort output for a page of navigation)
    is no article."""
    out: list[_Block] = []
    for child in body:
        lines = [clean_space(line) for line in xmltotxt(child, False).split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        rend = _HEADING_REND.match(child.get("rend") or "") if child.tag == "head" else None
        if child.tag == "head" and sum(map(len, lines)) <= _HEADING_MAX:
            out.append(_Block(" ".join(lines), int(rend.group(1)) if rend else 2))
        else:
            out.extend(_Block(line) for line in lines)
    return out


def _drop_furniture(blocks: list[_Block], title: str | None) -> list[_Block]:
    """Remove the headline's repeat, bylines and date lines, furniture lines, a copyright
    notice and what follows it, and then headings left at the end with no text under them."""
    kept: list[_Block] = []
    for block in blocks:
        text = block.text
        if len(text) <= _NOTICE_MAX and _NOTICE.search(text):
            if any(b.level is None for b in kept):
                break
            continue
        if not _HAS_WORD.search(text) or (title and text.casefold() == title.casefold()):
            continue
        if len(text) <= _FURNITURE_MAX and (
            _FURNITURE_LINE.match(text) or byline_name(text) or is_date_line(text)
        ):
            continue
        kept.append(block)
    # Headings at the end head no text ("Related posts" left without its links).
    while kept and kept[-1].level is not None:
        kept.pop()
    return kept


def _assemble(title: str | None, blocks: list[_Block]) -> tuple[str, tuple[Section, ...]]:
    """Text (title first, blank line between paragraphs) and the h2-h6 sections in it."""
    pieces: list[str] = [title] if title else []
    heads: list[tuple[str, int]] = []
    offset = len(title) + 2 if title else 0
    for block in blocks:
        if block.level is not None and block.level >= 2:
            heads.append((block.text, offset))
        pieces.append(block.text)
        offset += len(block.text) + 2
    text = "\n\n".join(pieces)
    sections = tuple(
        Section(
            heading=heading,
            char_start=start,
            char_end=heads[i + 1][1] - 2 if i + 1 < len(heads) else len(text),
        )
        for i, (heading, start) in enumerate(heads)
    )
    return text, sections


def parse_html(
    content: bytes | str, *, url: str | None = None, declared_charset: str | None = None
) -> ParsedDocument:
    """The article in an HTML page: text, title, published date, author and sections.

    `text` is the title, then every subheading and paragraph of the article in reading
    order, separated by blank lines; `sections` are the subheadings (h2-h6) with the span
    of text each one heads. Raises `ParseError("html_empty")` when no article text is found.
    """
    root = _load(decode_html(content, declared_charset))
    if root is None:
        raise ParseError("html_empty", f"no HTML in {url or 'the page'}")
    _unwrap_noscript_prose(root)
    meta = read_meta(root, url, find_title(root))
    _drop_site_chrome(root)
    body = _main_text_tree(root, url)
    blocks = _drop_furniture(_blocks(body), meta.title) if body is not None else []
    if not any(b.level is None for b in blocks):
        raise ParseError("html_empty", f"no main text found in {url or 'the page'}")
    text, sections = _assemble(meta.title, blocks)
    log.debug("parsed %s: %d chars, %d sections", url or "page", len(text), len(sections))
    return ParsedDocument(
        text=text,
        title=meta.title,
        published_date=meta.published,
        author=meta.author,
        sections=sections,
    )
