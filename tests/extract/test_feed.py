"""Feeds: the three formats, link resolution, and refusal of hostile XML."""

from __future__ import annotations

import importlib.util
import sys
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from extract.feed import FeedError, FeedItem, parse_feed, parse_feed_datetime

ROOT = Path(__file__).resolve().parents[2]
BASE = "http://127.0.0.1:18753"
CST = timezone(timedelta(hours=8))


def _make_news():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_news", ROOT / "samples" / "make_news.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_news", module)
    spec.loader.exec_module(module)
    return module


def test_sample_feed(tmp_path: Path) -> None:
    make_news = _make_news()
    make_news.build(tmp_path)
    items = parse_feed((tmp_path / "news" / "feed.xml").read_bytes(), f"{BASE}/news/feed.xml")
    articles = make_news.all_articles()
    assert [i.url for i in items] == [f"{BASE}/news/{a.slug}.html" for a in articles]
    assert [i.title for i in items] == [a.title for a in articles]
    assert [i.published for i in items] == [a.published for a in articles]
    assert items[0].published == datetime(2024, 3, 6, tzinfo=CST)
    assert all(i.guid == i.url for i in items)
    link = items[0].to_link("sample-news", "article")
    assert (link.source_id, link.doc_type, link.url) == ("sample-news", "article", items[0].url)
    assert items[0].link == items[0].url


RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Sci-tech</title>
  <link>https://news.example.org/</link>
  <atom:link href="https://news.example.org/rss.xml" rel="self"/>
  <item>
    <title>Budget &amp; plans</title>
    <link>/2024/03/06/budget.html</link>
    <pubDate>Wed, 06 Mar 2024 09:30:00 GMT</pubDate>
  </item>
  <item>
    <title><![CDATA[<b>Joint labs</b> open]]></title>
    <link> https://news.example.org/labs.html#comments </link>
    <pubDate>Tue, 5 Mar 2024 08:21:00 GMT+8</pubDate>
  </item>
  <item>
    <title>Only a guid</title>
    <guid>https://news.example.org/guid-only.html</guid>
  </item>
  <item>
    <title>Not a permalink</title>
    <guid isPermaLink="false">tag:example.org,2024:42</guid>
  </item>
  <item><title>Duplicate</title><link>https://news.example.org/labs.html</link></item>
  <item><title>Script</title><link>javascript:alert(1)</link></item>
</channel>
</rss>"""


def test_rss2_items_links_and_dates() -> None:
    items = parse_feed(RSS, "https://news.example.org/rss.xml")
    assert [i.url for i in items] == [
        "https://news.example.org/2024/03/06/budget.html",
        "https://news.example.org/labs.html",
        "https://news.example.org/guid-only.html",
    ]
    assert items[0].title == "Budget & plans"
    assert items[1].title == "Joint labs open"
    assert items[0].published == datetime(2024, 3, 6, 9, 30, tzinfo=UTC)
    assert items[1].published == datetime(2024, 3, 5, 8, 21, tzinfo=CST)
    assert items[2].published is None


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/science/">
  <title>Example science blog</title>
  <link rel="self" href="https://blog.example.org/feed.atom"/>
  <entry>
    <title type="html">Quantum &lt;em&gt;networks&lt;/em&gt;</title>
    <link rel="alternate" type="text/html" href="quantum-networks"/>
    <link rel="enclosure" href="https://cdn.example.org/q.mp3"/>
    <id>tag:blog.example.org,2024:1</id>
    <published>2024-03-05T08:21:00+08:00</published>
    <updated>2024-03-07T10:00:00Z</updated>
  </entry>
  <entry xml:base="https://other.example.org/">
    <title>Updated only</title>
    <link href="/posts/2"/>
    <id>https://other.example.org/posts/2</id>
    <updated>2024-03-07T10:00:00Z</updated>
  </entry>
  <entry>
    <title>Id only</title>
    <id>https://blog.example.org/science/id-only</id>
  </entry>
</feed>"""


def test_atom_entries_with_xml_base() -> None:
    items = parse_feed(ATOM, "https://blog.example.org/feed.atom")
    assert [i.url for i in items] == [
        "https://blog.example.org/science/quantum-networks",
        "https://other.example.org/posts/2",
        "https://blog.example.org/science/id-only",
    ]
    assert items[0].title == "Quantum networks"
    assert items[0].published == datetime(2024, 3, 5, 8, 21, tzinfo=CST)
    assert items[1].published == datetime(2024, 3, 7, 10, 0, tzinfo=UTC)
    assert items[0].guid == "tag:blog.example.org,2024:1"


RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.org/">
    <title>RDF site</title>
    <link>https://rdf.example.org/</link>
  </channel>
  <item rdf:about="https://rdf.example.org/a">
    <title>First</title>
    <link>https://rdf.example.org/a</link>
    <dc:date>2024-03-01</dc:date>
  </item>
  <item rdf:about="https://rdf.example.org/b">
    <title>Second</title>
  </item>
</rdf:RDF>"""


def test_rss1_rdf() -> None:
    items = parse_feed(RDF, "https://rdf.example.org/index.rdf")
    assert [(i.url, i.title) for i in items] == [
        ("https://rdf.example.org/a", "First"),
        ("https://rdf.example.org/b", "Second"),
    ]
    assert items[0].published == datetime(2024, 3, 1, tzinfo=UTC)


def test_gbk_feed_and_html_entities() -> None:
    feed = (
        '<?xml version="1.0" encoding="gb2312"?>\n'
        '<rss version="2.0"><channel><title>科技</title>'
        "<item><title>科技部发布&nbsp;年度报告</title><link>http://cn.example.org/1.html</link>"
        "<pubDate>2024-03-05 10:21:00</pubDate></item></channel></rss>"
    ).encode("gbk")
    items = parse_feed(b"\n  " + feed, "http://cn.example.org/rss.xml")
    assert items == [
        FeedItem(
            url="http://cn.example.org/1.html",
            title="科技部发布 年度报告",
            published=datetime(2024, 3, 5, 10, 21, tzinfo=UTC),
        )
    ]


def test_netscape_rss091_doctype_is_accepted() -> None:
    feed = b"""<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title>
<item><title>A</title><link>http://old.example.org/a</link></item></channel></rss>"""
    assert [i.url for i in parse_feed(feed, "http://old.example.org/")] == [
        "http://old.example.org/a"
    ]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>http://evil.example.org/a</link></item></channel></rss>"""


def test_billion_laughs_is_rejected_quickly() -> None:
    started = time.perf_counter()
    with pytest.raises(FeedError) as err:
        parse_feed(BILLION_LAUGHS, "http://evil.example.org/rss.xml")
    assert time.perf_counter() - started < 1.0
    assert err.value.reason == "feed_entity_declaration"
    assert "lol" in str(err.value)
    assert "billion laughs" in str(err.value)


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE rss [<!ENTITY xxe PUBLIC "-//X//EN" "http://169.254.169.254/latest/">]>',
        '<!DOCTYPE rss [<!ENTITY % pe SYSTEM "http://evil.example.org/x.dtd"> %pe;]>',
    ],
)
def test_external_entities_are_rejected(doctype: str) -> None:
    feed = (
        f'<?xml version="1.0"?>\n{doctype}\n<rss version="2.0"><channel>'
        "<item><title>&xxe;</title><link>http://evil.example.org/a</link></item>"
        "</channel></rss>"
    ).encode()
    with pytest.raises(FeedError) as err:
        parse_feed(feed, "http://evil.example.org/rss.xml")
    assert err.value.reason == "feed_external_entity"
    assert "external entities are refused" in str(err.value)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "feed_empty"),
        (b"<rss><channel><item>", "feed_malformed"),
        (b"<html><body><p>Not found</p></body></html>", "feed_not_a_feed"),
    ],
)
def test_broken_feeds(content: bytes, reason: str) -> None:
    with pytest.raises(FeedError) as err:
        parse_feed(content, "https://example.org/rss.xml")
    assert err.value.reason == reason


def test_empty_channel_is_no_items() -> None:
    assert parse_feed(b"<rss version='2.0'><channel><title>x</title></channel></rss>", BASE) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Wed, 06 Mar 2024 00:00:00 +0800", datetime(2024, 3, 6, tzinfo=CST)),
        ("2024-03-05T08:21:00Z", datetime(2024, 3, 5, 8, 21, tzinfo=UTC)),
        ("2024-03-05", datetime(2024, 3, 5, tzinfo=UTC)),
        ("2024年3月5日", datetime(2024, 3, 5, tzinfo=UTC)),
        ("soon", None),
        ("", None),
    ],
)
def test_parse_feed_datetime(value: str, expected: datetime | None) -> None:
    assert parse_feed_datetime(value) == expected
