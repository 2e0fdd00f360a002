"""Titles as sites state them: with their own name added, or as the page's `<h1>`.

trafilatura picks which element states the title; `extract.html_title` trims the site name
that og:title and `<title>` carry ("Headline | Site"), which trafilatura keeps, and leaves a
page's own `<h1>` as written.
"""

from __future__ import annotations

import pytest

from extract.html_text import parse_html
from extract.html_title import strip_site_name

BODY = "".join(
    f"<p>Paragraph {i} of the report describes funding, projects, partners and results "
    f"in some detail, so that it reads like prose.</p>"
    for i in range(1, 6)
)


def _page(head: str, h1: str = "") -> str:
    return f"<html><head>{head}</head><body><article>{h1}{BODY}</article></body></html>"


@pytest.mark.parametrize(
    ("head", "h1", "expected"),
    [
        (
            '<meta property="og:title" content="Budget rises | The Example Post">'
            '<meta property="og:site_name" content="The Example Post">',
            "",
            "Budget rises",
        ),
        (
            '<meta property="og:title" content="Budget rises for basic research - Example Post">',
            "",
            "Budget rises for basic research",
        ),
        (
            "<title>示例省科研仪器共享平台上线运行_科技动态_示例科技网</title>",
            "",
            "示例省科研仪器共享平台上线运行",
        ),
        (
            "<title>Lab news - Example University</title>",
            "<h1>Science funding rises - again</h1>",
            "Science funding rises - again",
        ),
        (
            '<meta property="og:title" content="Example Post">'
            '<meta property="og:site_name" content="Example Post">',
            "<h1>Budget rises</h1>",
            "Budget rises",
        ),
    ],
)
def test_title_without_the_site_name(head: str, h1: str, expected: str) -> None:
    doc = parse_html(_page(head, h1))
    assert doc.title == expected
    assert doc.text.startswith(expected + "\n\n")


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Site | Headline of the day", "Site", "Headline of the day"),
        ("Headline of the day | Science | Site", None, "Headline of the day"),
        ("China – EU", None, "China – EU"),  # nothing left that reads as a headline
        (
            "Labs pool instruments: what the new platform offers researchers",
            None,
            "Labs pool instruments: what the new platform offers researchers",
        ),
    ],
)
def test_strip_site_name(title: str, site: str | None, expected: str) -> None:
    assert strip_site_name(title, site) == expected
