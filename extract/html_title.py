"""The headline of a page: trafilatura's choice of title, less the site name it carries.

Which title a page states is trafilatura's call (og:title and other meta tags, JSON-LD, a
single `<h1>`, title-classed elements, `<title>`): on the sample pages and the metadata
tests it is right as often as the hand-written lookup this replaced, and on the 990 pages
of `../shared/html_bench` the two pick different elements about equally often each way.
But trafilatura returns og:title and `<title>` as the site writes them, "Headline | The
Japan Times" or "标题_栏目_网站": on 220 of those 990 pages its title kept a site name
that the old code trimmed. The trimming is what is kept here.

Its metadata entry point (`extract_metadata`) also runs htmldate, which costs about twice
the text extraction, so its three title steps are called directly; trafilatura is pinned.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement
from trafilatura.metadata import examine_meta, extract_meta_json, extract_title

from extract.html_meta import clean_space

__all__ = ["find_title", "strip_site_name"]

_SITE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ", "_", "--", "|")
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—·»:]{1,2}\s+|\s*[|_]{1,2}\s*|--")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# A trailing part this short is a site or section name, not the end of a headline.
_TAIL_MAX_WORDS = 4
_TAIL_MAX_SIZE = 40
# ...as long as what remains still reads as a headline.
_HEAD_MIN_WORDS = 2
_HEAD_MIN_SIZE = 8


def _weighted_len(text: str) -> int:
    """Length with CJK characters counted as three: one of them carries about a word."""
    return len(text) + 2 * len(_CJK.findall(text))


def strip_site_name(title: str, site_name: str | None) -> str:
    """The headline part of a `<title>` or og:title that adds the site's name.

    The stated site name (og:site_name and the like) is cut from either end; else short
    trailing parts ("| Section | Site", "_栏目_网站") are cut while a headline remains.
    """
    title = clean_space(title)
    if site_name:
        for sep in _SITE_SEPARATORS:
            if title.endswith(sep + site_name):
                return title[: -len(sep + site_name)].strip()
            if title.startswith(site_name + sep):
                return title[len(site_name + sep) :].strip()
    head = title
    while cuts := list(_TITLE_SEPARATORS.finditer(head)):
        last = cuts[-1]
        tail, rest = head[last.end() :].strip(), head[: last.start()].strip()
        if len(tail.split()) > _TAIL_MAX_WORDS or _weighted_len(tail) > _TAIL_MAX_SIZE:
            break
        if len(rest.split()) < _HEAD_MIN_WORDS and _weighted_len(rest) < _HEAD_MIN_SIZE:
            break
        head = rest
    return head


def find_title(root: HtmlElement) -> str | None:
    """The page's headline, or None when it states none."""
    meta = extract_meta_json(root, examine_meta(root))
    site_name = clean_space(meta.sitename) if meta.sitename else None
    title = meta.title
    if not title or clean_space(title) == site_name:
        title = extract_title(root)
    if not title:
        return None
    if clean_space(title) in {clean_space(h1.text_content()) for h1 in root.iter("h1")}:
        return clean_space(title)  # the page's own headline, not a label for the site
    return strip_site_name(title, site_name) or None
