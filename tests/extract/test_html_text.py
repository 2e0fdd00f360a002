"""Main-text extraction: the article, all of it, and nothing but it.

The sample pages are built by `samples/make_news.py` from the seeds, and `article_parts`
says which seed lines are article and which are furniture, so these tests compare the
parser with that split rather than with a hand-copied expectation.
"""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from extract.documents import ParseError
from extract.html_text import (
    decode_html,
    detect_encoding,
    find_date_in_text,
    parse_date_value,
    parse_html,
)

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "html"
BASE = "http://127.0.0.1:18753"


def _load_make_news() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_news", ROOT / "samples" / "make_news.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_news"] = module
    spec.loader.exec_module(module)
    return module


make_news = _load_make_news()
SEEDS = ["002", "003", "004"]
EXPECTED_DATES = {"002": date(2024, 3, 6), "003": date(2022, 11, 28), "004": date(2024, 3, 5)}
EXPECTED_AUTHORS = {"002": "Samantha Johnson", "003": None, "004": "Leo Gonzalez"}

# Furniture every generated page carries besides the seed's own furniture lines.
SITE_FURNITURE = [
    "Breaking News",
    "• Sat. Apr 20th, 2024",
    "Leave a Reply",
    "Your email address will not be published",
    "Share this",
    "Recent Posts",
    "Sign up for our weekly newsletter",
    "is an independent news site",
    "All rights reserved",
    "We use cookies",
    "dataLayer",
    "font-family",
    "Related Posts",
    "Recommended",
    "More stories",
    "Advertisement",
    "Also Read",
    "Tags:",
    "Posted in",
    "Monthly Reviews",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    make_news.build(root)
    return root


def _page(site: Path, seed: str) -> tuple[object, bytes]:
    parts = make_news.article_parts(seed)
    return parts, (site / "news" / f"{parts.slug}.html").read_bytes()


@pytest.mark.parametrize("seed", SEEDS)
def test_sample_page_main_text_is_exactly_the_article(site: Path, seed: str) -> None:
    parts, content = _page(site, seed)
    doc = parse_html(content, url=f"{BASE}/news/{parts.slug}.html")
    assert doc.text == parts.main_text


@pytest.mark.parametrize("seed", SEEDS)
def test_sample_page_keeps_every_paragraph_in_order(site: Path, seed: str) -> None:
    parts, content = _page(site, seed)
    text = parse_html(content).text
    positions = [text.find(p) for p in parts.paragraphs]
    assert -1 not in positions
    assert positions == sorted(positions)
    assert text.startswith(parts.title + "\n\n")


@pytest.mark.parametrize("seed", SEEDS)
def test_sample_page_drops_all_furniture(site: Path, seed: str) -> None:
    parts, content = _page(site, seed)
    text = parse_html(content).text
    paragraphs = text.split("\n\n")
    for line in parts.furniture:
        # "Science and Technology" also occurs inside article sentences; furniture lines
        # must not survive as paragraphs of their own, and longer ones not at all.
        assert line not in paragraphs, line
        if len(line) > 40:
            assert line not in text, line
    for junk in SITE_FURNITURE:
        assert junk not in text, junk


@pytest.mark.parametrize("seed", SEEDS)
def test_sample_page_metadata(site: Path, seed: str) -> None:
    parts, content = _page(site, seed)
    doc = parse_html(content)
    assert doc.title == parts.title
    assert doc.published_date == EXPECTED_DATES[seed]
    assert doc.author == EXPECTED_AUTHORS[seed]


def test_sample_page_sections_span_their_text(site: Path) -> None:
    parts, content = _page(site, "004")
    doc = parse_html(content)
    assert [s.heading for s in doc.sections] == list(parts.headings)
    for section in doc.sections:
        body = doc.text[section.char_start : section.char_end]
        assert body.startswith(section.heading + "\n\n")
        assert not body.endswith("\n")
    assert doc.sections[-1].char_end == len(doc.text)
    conclusion = doc.sections[-1]
    assert "A Future Forged by Innovation" in conclusion.heading
    assert "robust foundation for enduring success" in doc.text[conclusion.char_start :]


def test_committed_sample_site_matches_a_fresh_build(site: Path) -> None:
    """samples/site is committed; rebuild it (samples/make_news.py) when the generator changes."""
    committed = ROOT / "samples" / "site"
    built = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert built == sorted(
        [Path("index.html"), Path("news/feed.xml")]
        + [Path("news") / f"{make_news.article_parts(s).slug}.html" for s in SEEDS]
    )
    for relative in built:
        assert (committed / relative).read_bytes() == (site / relative).read_bytes(), relative


def test_generator_is_deterministic(tmp_path: Path, site: Path) -> None:
    make_news.build(tmp_path)
    for path in site.rglob("*"):
        if path.is_file():
            assert (tmp_path / path.relative_to(site)).read_bytes() == path.read_bytes()


def test_home_page_yields_teasers_not_chrome(site: Path) -> None:
    doc = parse_html((site / "index.html").read_bytes())
    assert "Breaking News" not in doc.text
    assert "Sign up for our weekly newsletter" not in doc.text


# ------------------------------------------------------------------ a different layout


def test_portal_layout_fixture() -> None:
    """Old portal layout: the whole page in an ASP.NET <form>, no <article>/<main>,
    byline and date on one line, long teaser summaries in the sidebar."""
    content = (FIXTURES / "portal_detail.html").read_bytes()
    doc = parse_html(content, url="https://example.org/innovation/content_88213.htm")
    assert doc.title == "Provincial labs pool instruments to cut research costs"
    assert doc.published_date == date(2024, 3, 12)
    assert doc.author == "ZHOU WEI"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == doc.title
    assert paragraphs[1].startswith("HEFEI -- A network of 37 provincial laboratories")
    assert paragraphs[-1].startswith("The province plans to add another 600 instruments")
    assert len(paragraphs) == 9  # title, 2 subheadings, 6 paragraphs
    assert [s.heading for s in doc.sections] == ["Booking by the hour", "Idle time halved"]
    for junk in [
        "Read more",
        "Shared supercomputing centre",
        "Editor's picks",
        "Satellite makers",
        "Private satellite manufacturers",
        "Engineering students",
        "Most viewed",
        "Copyright",
        "Photo provided",
        "Weibo",
        "Tuesday, March 19, 2024",
        "Example Daily |",
        "E-paper",
    ]:
        assert junk not in doc.text, junk


# ------------------------------------------------------------------------- encodings

GBK_PAGE = """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html">
<title>示例省科研仪器共享平台上线运行_示例科技网</title>
<script>var pageType = "detail";</script>
</head>
<body>
<div class="header"><a href="/">首页</a> <a href="/kjdt/">科技动态</a> <a href="/zcfg/">政策法规</a></div>
<div class="weizhi">当前位置：<a href="/">首页</a> &gt; <a href="/kjdt/">科技动态</a></div>
<div class="detail">
  <h1>示例省科研仪器共享平台上线运行</h1>
  <div class="pages-date">2024-03-05 10:21 <span class="font">来源：示例科技报</span></div>
  <div class="pages_content" id="UCAP-CONTENT">
    <div class="TRS_Editor">
      <p>　　本报讯 3月4日，示例省科研仪器共享平台正式上线运行。平台首批汇集了全省37家重点实验室的大型科研仪器4200余台（套），原值合计约68亿元，高校、科研院所和中小企业均可通过平台在线预约使用。</p>
      <p>　　据省科技厅介绍，平台按照“成本补偿、优质优价”的原则收取使用费，中小企业可申领创新券，最高抵扣60%的服务费用。</p>
      <p>　　省科技厅有关负责人表示，下一步将新增600台（套）仪器入网，并逐步向周边省份的科研团队开放。</p>
    </div>
  </div>
  <div class="editor">【责任编辑：李明】</div>
  <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
</div>
<div class="xgxw"><h3>相关新闻</h3><ul><li><a href="/a.html">示例市启动科技创新券发放工作</a></li></ul></div>
<div class="footer"><p>主办单位：示例省科学技术厅　版权所有　未经授权禁止转载</p></div>
</body>
</html>
"""  # noqa: E501
GBK_PARAGRAPHS = [
    "本报讯 3月4日，示例省科研仪器共享平台正式上线运行。平台首批汇集了全省37家重点实验室的"
    "大型科研仪器4200余台（套），原值合计约68亿元，高校、科研院所和中小企业均可通过平台在线预约使用。",
    "据省科技厅介绍，平台按照“成本补偿、优质优价”的原则收取使用费，中小企业可申领创新券，"
    "最高抵扣60%的服务费用。",
    "省科技厅有关负责人表示，下一步将新增600台（套）仪器入网，并逐步向周边省份的科研团队开放。",
]


@pytest.mark.parametrize("declared", [None, "utf-8", "ISO-8859-1", "gb2312"])
def test_gbk_page_without_charset_decodes(declared: str | None) -> None:
    """No charset in the header or the page; a wrong header must not win either."""
    content = GBK_PAGE.encode("gbk")
    doc = parse_html(content, declared_charset=declared)
    assert doc.title == "示例省科研仪器共享平台上线运行"
    assert doc.text.split("\n\n") == [doc.title, *GBK_PARAGRAPHS]
    assert doc.published_date == date(2024, 3, 5)
    for junk in ("责任编辑", "分享到", "相关新闻", "版权所有", "当前位置", "来源"):
        assert junk not in doc.text


def test_meta_charset_used_when_no_header() -> None:
    page = GBK_PAGE.replace('content="text/html"', 'content="text/html; charset=gb2312"').encode(
        "gbk"
    )
    assert detect_encoding(page) == "gb18030"
    assert "示例省科研仪器共享平台" in decode_html(page)


def test_declared_charset_used_when_right() -> None:
    text = "<p>Café société — naïve résumé</p>"
    assert decode_html(text.encode("cp1252"), "windows-1252") == text
    assert decode_html(text.encode("cp1252"), "ISO-8859-1") == text
    assert decode_html(text.encode("utf-8"), "ISO-8859-1") == text  # header is stale
    assert decode_html("<p>短讯：中国</p>".encode("gbk")) == "<p>短讯：中国</p>"


def test_str_input_and_bom() -> None:
    assert decode_html("<p>x</p>") == "<p>x</p>"
    assert decode_html("\ufeff<p>é</p>".encode()) == "<p>é</p>"


# ------------------------------------------------------------------- metadata sources

ARTICLE_BODY = "".join(
    f"<p>Paragraph {i} of the report describes funding, projects, partners and results "
    f"in some detail, so that it reads like prose.</p>"
    for i in range(1, 6)
)


def _page_with(head: str = "", before: str = "", after: str = "") -> str:
    return (
        f"<html><head><title>Budget rises - The Example Post</title>{head}</head><body>"
        f"<nav><a href='/'>Home</a></nav><h1>Budget rises</h1>{before}"
        f"<div class='body'>{ARTICLE_BODY}</div>{after}</body></html>"
    )


@pytest.mark.parametrize(
    ("head", "before", "url", "expected"),
    [
        ('<meta name="DC.date" content="2024-03-01">', "", None, date(2024, 3, 1)),
        ('<meta name="date" content="2024-03-02T23:30:00-05:00">', "", None, date(2024, 3, 2)),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",'
            ' "datePublished": "2024-03-03T10:00:00+08:00"}]}</script>',
            "",
            None,
            date(2024, 3, 3),
        ),
        (
            "",
            '<p class="dateline"><time datetime="2024-03-04">4 March</time></p>',
            None,
            date(2024, 3, 4),
        ),
        ("", "<div class='meta'>Published: 5 March 2024, 09:00</div>", None, date(2024, 3, 5)),
        ("", "<span>2024年3月6日 来源：新华网</span>", None, date(2024, 3, 6)),
        ("", "", "https://example.org/2024/03/07/budget-rises/", date(2024, 3, 7)),
        ("", "", None, None),
    ],
)
def test_published_date_sources(
    head: str, before: str, url: str | None, expected: date | None
) -> None:
    doc = parse_html(_page_with(head, before), url=url)
    assert doc.published_date == expected


def test_date_bar_before_headline_is_not_the_publication_date() -> None:
    page = _page_with().replace("<h1>", "<div class='top'>• Sat. Apr 20th, 2024</div><h1>")
    assert parse_html(page).published_date is None


@pytest.mark.parametrize(
    ("head", "before", "expected"),
    [
        ('<meta name="author" content="Li Wei">', "", "Li Wei"),
        ('<meta name="author" content="https://example.org/staff/li">', "", None),
        ("", '<a rel="author" href="/staff/li">Li Wei</a>', "Li Wei"),
        ("", '<p class="byline">By Wang Xu and Zhang Yi</p>', "Wang Xu and Zhang Yi"),
        ("", "<p>By Chen Mei in Shanghai | Updated: 2024-03-01</p>", "Chen Mei"),
        ("", "<p>作者：李明</p>", "李明"),
        ("", "", None),
    ],
)
def test_author_sources(head: str, before: str, expected: str | None) -> None:
    assert parse_html(_page_with(head, before)).author == expected


def test_title_falls_back_to_h1_then_title_without_site_name() -> None:
    assert parse_html(_page_with()).title == "Budget rises"
    page = _page_with().replace("<h1>Budget rises</h1>", "")
    assert parse_html(page).title == "Budget rises"
    og = _page_with('<meta property="og:title" content="Budget rises again">')
    assert parse_html(og).title == "Budget rises again"


def test_byline_like_paragraph_in_body_is_kept() -> None:
    sentence = "By adopting modern agricultural technologies, the province aims to boost output."
    page = _page_with(after="").replace(
        "<div class='body'>", f"<div class='body'><p>{sentence}</p>"
    )
    assert sentence in parse_html(page).text


def test_gentle_retry_when_cleaning_removes_the_article() -> None:
    """A content div with an unlucky class name ("share") is still found."""
    page = _page_with().replace("class='body'", "class='share-enabled comments-open'")
    doc = parse_html(page)
    assert "Paragraph 5 of the report" in doc.text


def test_deeply_nested_page_does_not_recurse() -> None:
    page = "<html><body>" + "<div>" * 3000 + ARTICLE_BODY + "</div>" * 3000 + "</body></html>"
    assert "Paragraph 3" in parse_html(page).text


def test_no_main_text_raises_html_empty() -> None:
    with pytest.raises(ParseError) as err:
        parse_html(b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    assert err.value.reason == "html_empty"
    with pytest.raises(ParseError):
        parse_html(b"<body><nav><a href='/'>Home</a></nav><footer>About us</footer></body>")
    with pytest.raises(ParseError):
        parse_html(b"")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mar 6, 2024", date(2024, 3, 6)),
        ("March 5, 2024 - 08:21 am", date(2024, 3, 5)),
        ("• Sat. Apr 20th, 2024", date(2024, 4, 20)),
        ("Updated: 2024-03-12 07:28", date(2024, 3, 12)),
        ("2024年03月05日", date(2024, 3, 5)),
        ("Nov 28(ABC): no year here", None),
        ("03/05/2024", None),
    ],
)
def test_find_date_in_text(text: str, expected: date | None) -> None:
    assert find_date_in_text(text) == expected


def test_parse_date_value_keeps_the_publishers_day() -> None:
    assert parse_date_value("2024-03-06T00:00:00+08:00") == date(2024, 3, 6)
    assert parse_date_value("Tue, 05 Mar 2024 23:21:00 -0500") == date(2024, 3, 5)
    assert parse_date_value("20240305") == date(2024, 3, 5)
    assert parse_date_value("not a date") is None
