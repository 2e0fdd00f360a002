"""Listing pages: document links in page order, once each, and the next page."""

from __future__ import annotations

import pytest

from extract.listing import ListingError, parse_listing

PAGE_URL = "https://www.example.org/reviews/index.html?page=1"

PAGE = b"""<!DOCTYPE html>
<html><head><title>Review archive</title></head>
<body>
<nav><a href="/">Home</a> <a href="/reviews/">Reviews</a></nav>
<ul class="issues">
  <li><a class="issue-pdf" href="2024-11.pdf">November 2024</a></li>
  <li><a class="issue-pdf" href="/files/2024-10.pdf">October 2024</a></li>
  <li><a class="issue-pdf" href="https://cdn.example.org/2024-09.pdf">September 2024</a></li>
  <li><a class="issue-pdf" href="2024-11.pdf#page=2">November 2024, page 2</a></li>
  <li><a class="issue-pdf" href="javascript:void(0)">Broken</a></li>
  <li><a class="issue-pdf" href="mailto:editor@example.org">Mail</a></li>
  <li><a class="issue-pdf">No href</a></li>
  <li class="issue"><span>August 2024</span> <a href=" 2024-08.pdf ">PDF</a></li>
</ul>
<p><a class="next-page" href="index.html?page=2">Older issues</a></p>
</body></html>"""


def test_links_in_order_deduplicated_absolute() -> None:
    urls, next_url = parse_listing(PAGE, PAGE_URL, "a.issue-pdf, li.issue", "a.next-page")
    assert urls == [
        "https://www.example.org/reviews/2024-11.pdf",
        "https://www.example.org/files/2024-10.pdf",
        "https://cdn.example.org/2024-09.pdf",
        "https://www.example.org/reviews/2024-08.pdf",
    ]
    assert next_url == "https://www.example.org/reviews/index.html?page=2"


def test_no_next_selector_or_no_match() -> None:
    assert parse_listing(PAGE, PAGE_URL, "a.issue-pdf", None)[1] is None
    assert parse_listing(PAGE, PAGE_URL, "a.issue-pdf", "a[rel=next]")[1] is None


def test_next_link_to_itself_ends_the_walk() -> None:
    page = b'<a class="doc" href="a.pdf">A</a><a class="next" href="index.html?page=1#top">Next</a>'
    assert parse_listing(page, PAGE_URL, "a.doc", "a.next") == (
        ["https://www.example.org/reviews/a.pdf"],
        None,
    )


def test_base_href_is_honoured() -> None:
    page = b"""<html><head><base href="https://files.example.org/archive/"></head>
    <body><a class="doc" href="x.pdf">X</a><a rel="next" href="p2.html">2</a></body></html>"""
    assert parse_listing(page, PAGE_URL, "a.doc", "a[rel=next]") == (
        ["https://files.example.org/archive/x.pdf"],
        "https://files.example.org/archive/p2.html",
    )


def test_attribute_selector_from_production_config() -> None:
    page = b"""<div class="view-content">
      <a href="/system/files/review-march-2024.pdf">March</a>
      <a href="/node/123">Read online</a>
      <a href="/system/files/review-april-2024.PDF">April (upper case)</a>
    </div>
    <ul class="pager"><li class="pager-next"><a href="?page=1">next</a></li></ul>"""
    urls, next_url = parse_listing(
        page,
        "https://www.idsa.in/china-science-and-technology-review/",
        "a[href$='.pdf']",
        "li.pager-next a, a[rel='next']",
    )
    assert urls == ["https://www.idsa.in/system/files/review-march-2024.pdf"]
    assert next_url == "https://www.idsa.in/china-science-and-technology-review/?page=1"


def test_gbk_listing_page() -> None:
    page = '<html><body><a class="doc" href="/报告.pdf">二〇二四年三月报告</a></body></html>'
    urls, _ = parse_listing(page.encode("gbk"), "http://cn.example.org/list.html", "a.doc", None)
    assert urls == ["http://cn.example.org/报告.pdf"]


def test_invalid_selector_names_the_field() -> None:
    with pytest.raises(ListingError) as err:
        parse_listing(PAGE, PAGE_URL, "a[href$=", None)
    assert err.value.reason == "listing_bad_selector"
    assert "link_selector" in str(err.value)
    with pytest.raises(ListingError, match="next_selector"):
        parse_listing(PAGE, PAGE_URL, "a", "li:::x")


def test_empty_page() -> None:
    assert parse_listing(b"", PAGE_URL, "a", "a.next") == ([], None)
