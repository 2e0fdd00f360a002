"""RSS 2.0 / RSS 1.0 (RDF) / Atom feeds -> the documents they point at.

Feeds are XML from servers we do not control, so they are parsed with `defusedxml`:
a feed that declares entities (the "billion laughs" expansion bomb) or refers to external
ones (which could read local files or reach internal hosts) is refused at the declaration,
before anything is expanded or fetched, with a `FeedError` whose `reason` says which.

Real feeds are often a little broken, and a feed that can be read is worth reading: a
non-UTF-8 encoding Python knows but expat does not (GB2312/GBK feeds from Chinese sites) is
transcoded first, junk before the XML declaration is skipped, and HTML named entities such
as `&nbsp;` (undefined in XML) are turned into character references and the parse retried.
"""

from __future__ import annotations

import codecs
import html
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime, time
from email.utils import parsedate_to_datetime
from html.entities import name2codepoint
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden

from extract.documents import DocType, Link
from extract.html_text import detect_encoding, parse_date_value

__all__ = ["FeedError", "FeedItem", "parse_feed"]

log = logging.getLogger(__name__)

ATOM = "http://www.w3.org/2005/Atom"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_EXPAT_ENCODINGS = {"utf-8", "utf-16", "iso8859-1", "ascii"}
_XML_DECL = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
_TAGS = re.compile(r"<[^>]+>")


class FeedError(Exception):
    """A feed that cannot or must not be read; `reason` is stored as the source's error."""

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: an absolute http(s) URL and what the feed says about it."""

    url: str
    title: str | None = None
    published: datetime | None = None
    guid: str | None = None

    @property
    def link(self) -> str:
        """The item's URL under its RSS name."""
        return self.url

    def to_link(self, source_id: str, doc_type: DocType) -> Link:
        return Link(
            source_id=source_id,
            doc_type=doc_type,
            url=self.url,
            title=self.title,
            published=self.published,
        )


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(el: Element | None) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""


def _child(el: Element, *names: str) -> Element | None:
    """First direct child whose local name is one of `names`, in the order of `names`."""
    for name in names:
        for child in el:
            if _local(child.tag) == name:
                return child
    return None


def _clean_title(raw: str) -> str | None:
    """Titles are sometimes escaped HTML ("AT&amp;amp;T", "<b>..</b>" in CDATA): flatten them."""
    text = html.unescape(_TAGS.sub("", raw)) if ("&" in raw or "<" in raw) else raw
    text = re.sub(r"\s+", " ", text).strip()
    return text or None


_TZ_WORDS = re.compile(r"\s*(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\s*$", re.I)


def parse_feed_datetime(value: str) -> datetime | None:
    """RFC 822 (RSS), ISO 8601 (Atom, dc:date) and the usual deviations; always aware.

    A time without a zone is taken as UTC, the only assumption that does not invent an
    offset; a bare date is midnight UTC.
    """
    value = value.strip()
    if not value:
        return None
    value = _TZ_WORDS.sub(
        lambda m: f" {m.group(1)}{int(m.group(2)):02d}{m.group(3) or '00'}", value
    )
    parsed: datetime | None = None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            parsed = datetime.fromisoformat(value.replace(" +", "+").replace(" -", "-"))
        except ValueError:
            day = parse_date_value(value)
            parsed = datetime.combine(day, time()) if day else None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _prepare(content: bytes) -> bytes:
    """Bytes expat can read: leading junk removed, non-native encodings transcoded to UTF-8."""
    if content.startswith(codecs.BOM_UTF8):
        content = content[len(codecs.BOM_UTF8) :]
    content = content.lstrip()  # whitespace before the XML declaration is fatal to expat
    m = _XML_DECL.match(content)
    declared = m.group(1).decode("ascii").lower() if m else None
    encoding: str | None
    if declared:
        try:
            canonical = codecs.lookup(declared).name
        except LookupError:
            canonical = detect_encoding(content)
        if canonical in _EXPAT_ENCODINGS:
            return content
        encoding = {"gb2312": "gb18030", "gbk": "gb18030"}.get(canonical, canonical)
    else:
        if content.startswith((b"\xff\xfe", b"\xfe\xff")):
            return content
        try:
            content.decode("utf-8")
            return content
        except UnicodeDecodeError:
            encoding = detect_encoding(content)
    text = content.decode(encoding, errors="replace")
    text = re.sub(r"""^<\?xml[^>]*\?>""", '<?xml version="1.0" encoding="utf-8"?>', text)
    return text.encode("utf-8")


def _numeric_entities(content: bytes) -> bytes:
    """`&nbsp;` and friends (HTML, not XML) as numeric references, for a second attempt."""

    def replace(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in _XML_ENTITIES or name not in name2codepoint:
            return m.group(0)
        return f"&#{name2codepoint[name]};"

    return _NAMED_ENTITY.sub(replace, content.decode("utf-8", errors="replace")).encode("utf-8")


def _parse_xml(content: bytes) -> Element:
    try:
        try:
            return SafeET.fromstring(content, forbid_dtd=False)
        except ParseError as exc:
            if "undefined entity" not in str(exc):
                raise
            return SafeET.fromstring(_numeric_entities(content), forbid_dtd=False)
    except EntitiesForbidden as exc:
        external = getattr(exc, "sysid", None) or getattr(exc, "pubid", None)
        if external:
            raise FeedError(
                "feed_external_entity",
                f"the feed declares entity {exc.name!r} referring to {external!r}; "
                "external entities are refused",
            ) from None
        raise FeedError(
            "feed_entity_declaration",
            f"the feed declares entity {exc.name!r}; entity declarations are refused "
            "(they allow expansion bombs such as 'billion laughs')",
        ) from None
    except DTDForbidden as exc:  # not raised with forbid_dtd=False; kept for safety
        raise FeedError("feed_dtd", str(exc)) from None
    except DefusedXmlException as exc:
        raise FeedError("feed_external_entity", str(exc)) from None
    except ParseError as exc:
        raise FeedError("feed_malformed", f"not well-formed XML: {exc}") from None


def _resolve(base: str, href: str) -> str | None:
    href = href.strip()
    if not href:
        return None
    url, _fragment = urldefrag(urljoin(base, href))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return url


def _rss_items(root: Element, base: str) -> list[FeedItem]:
    items = []
    for item in root.iter():
        if _local(item.tag) != "item":
            continue
        item_base = urljoin(base, item.get(XML_BASE, ""))
        link_el = next(
            (c for c in item if _local(c.tag) == "link" and _text(c) and not c.get("href")),
            None,
        )
        href = _text(link_el)
        if not href:
            atom_link = next(
                (
                    c
                    for c in item
                    if _local(c.tag) == "link"
                    and c.get("href")
                    and c.get("rel", "alternate") == "alternate"
                ),
                None,
            )
            href = atom_link.get("href", "") if atom_link is not None else ""
        guid_el = _child(item, "guid")
        guid = _text(guid_el) or None
        if not href and guid and guid_el is not None and guid_el.get("isPermaLink") != "false":
            href = guid
        if not href:
            href = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about", "")
        date_el = _child(item, "pubDate", "date", "published", "issued", "updated", "modified")
        items.append(
            (
                _resolve(item_base, href),
                _clean_title(_text(_child(item, "title"))),
                parse_feed_datetime(_text(date_el)),
                guid,
            )
        )
    return _keep(items)


def _atom_items(root: Element, base: str) -> list[FeedItem]:
    feed_base = urljoin(base, root.get(XML_BASE, ""))
    items = []
    for entry in root.iter(f"{{{ATOM}}}entry"):
        entry_base = urljoin(feed_base, entry.get(XML_BASE, ""))
        links = [c for c in entry if c.tag == f"{{{ATOM}}}link" and c.get("href")]
        alternates = [c for c in links if c.get("rel", "alternate") == "alternate"]
        preferred = [c for c in alternates if c.get("type", "text/html") in ("text/html",)]
        candidates = preferred or alternates
        chosen: Element | None = candidates[0] if candidates else None
        entry_id = _text(_child(entry, "id")) or None
        url = None
        if chosen is not None:
            url = _resolve(urljoin(entry_base, chosen.get(XML_BASE, "")), chosen.get("href", ""))
        elif entry_id and entry_id.startswith(("http://", "https://")):
            url = _resolve(entry_base, entry_id)
        date_el = _child(entry, "published", "issued", "updated", "modified")
        items.append(
            (
                url,
                _clean_title(_text(_child(entry, "title"))),
                parse_feed_datetime(_text(date_el)),
                entry_id,
            )
        )
    return _keep(items)


def _keep(
    items: list[tuple[str | None, str | None, datetime | None, str | None]],
) -> list[FeedItem]:
    """Items with a usable link, first occurrence of each URL, in feed order."""
    seen: set[str] = set()
    out = []
    for url, title, published, guid in items:
        if url is None:
            log.debug("feed item without an http(s) link skipped: %r", title)
            continue
        if url in seen:
            continue
        seen.add(url)
        out.append(FeedItem(url=url, title=title, published=published, guid=guid))
    return out


def parse_feed(content: bytes, base_url: str) -> list[FeedItem]:
    """The items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, in feed order, links absolute.

    Relative links resolve against `base_url` (the feed's own URL) and any `xml:base`;
    items without an http(s) link are skipped; a URL listed twice is kept once. A valid
    feed with no items gives `[]`. Raises `FeedError` with reason `feed_empty`,
    `feed_malformed`, `feed_not_a_feed`, `feed_entity_declaration` or `feed_external_entity`.
    """
    if not content.strip():
        raise FeedError("feed_empty", "the response body is empty")
    root = _parse_xml(_prepare(content))
    kind = _local(root.tag)
    if kind == "feed" and root.tag.startswith(f"{{{ATOM}}}"):
        return _atom_items(root, base_url)
    if kind in ("rss", "RDF"):
        return _rss_items(root, base_url)
    raise FeedError(
        "feed_not_a_feed", f"root element is <{kind}>, expected <rss>, <rdf:RDF> or Atom <feed>"
    )
