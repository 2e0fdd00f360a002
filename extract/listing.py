"""Listing pages (an archive of issues, a paginated index) -> document URLs and the next page.

A listing source names, in its config, a CSS selector for the document links and one for
the "next page" link; this module applies them to one page. Following pages, `max_pages`
and host checks are the fetcher's job, so this stays a pure function of the bytes.
"""

from __future__ import annotations

from urllib.parse import urldefrag, urljoin, urlsplit

import soupsieve
from bs4 import BeautifulSoup, Tag

from extract.html_text import decode_html

__all__ = ["ListingError", "parse_listing"]

_LINK_ATTRS = ("href", "data-href")


class ListingError(ValueError):
    """A selector that is not valid CSS; the message names it (a config mistake)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


def _href(el: Tag) -> str | None:
    """The link a matched element stands for: its own href, else its first descendant <a>.

    Selectors like `li.issue` or `td.download` match a container, not the anchor.
    """
    for attr in _LINK_ATTRS:
        value = el.get(attr)
        if isinstance(value, str) and value.strip():
            return value
    inner = el.find(["a", "area"], href=True)
    if isinstance(inner, Tag):
        value = inner.get("href")
        return value if isinstance(value, str) else None
    return None


def _absolute(base: str, href: str | None) -> str | None:
    """Absolute http(s) URL without fragment, or None for "#", javascript:, mailto: and the like."""
    if not href or not href.strip():
        return None
    url, _fragment = urldefrag(urljoin(base, href.strip()))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return url


def _select(soup: BeautifulSoup, selector: str, field: str) -> list[Tag]:
    try:
        return soup.select(selector)
    except soupsieve.SelectorSyntaxError as exc:
        raise ListingError("listing_bad_selector", f"{field} {selector!r}: {exc}") from None


def parse_listing(
    content: bytes,
    base_url: str,
    link_selector: str,
    next_selector: str | None,
) -> tuple[list[str], str | None]:
    """(document URLs in page order without duplicates, next page URL or None).

    Links resolve against the page's `<base href>` if it has one, else `base_url` (the
    page's own URL); fragments are dropped, so `a.pdf#page=2` and `a.pdf` are one
    document. A "next" link back to the page itself ends the walk (None), so a
    mis-matched selector cannot loop.
    """
    soup = BeautifulSoup(decode_html(content), "html.parser")
    base = base_url
    base_tag = soup.find("base", href=True)
    if isinstance(base_tag, Tag) and isinstance(base_tag.get("href"), str):
        base = urljoin(base_url, str(base_tag["href"]).strip())

    urls: list[str] = []
    seen: set[str] = set()
    for el in _select(soup, link_selector, "link_selector"):
        url = _absolute(base, _href(el))
        if url and url not in seen:
            seen.add(url)
            urls.append(url)

    next_url: str | None = None
    if next_selector:
        here = urldefrag(base_url)[0]
        for el in _select(soup, next_selector, "next_selector"):
            candidate = _absolute(base, _href(el))
            if candidate and candidate != here:
                next_url = candidate
                break
    return urls, next_url
