"""Write the sample news site: three article pages, an RSS feed and a home page.

The three news seeds in `samples/seeds/` are plain-text captures of web pages. The pipeline
never reads captures: it fetches HTML over HTTP and has to find the article in it. So this
script rebuilds realistic pages around each seed's article text -- `<head>` metadata,
scripts and styles, navigation, a date bar, a "Breaking News" ticker, bylines, author bio,
share buttons, related links, a "Leave a Reply" form, sidebar and footer -- in three
different layouts, and an RSS 2.0 feed pointing at them. `chinasci run` serves the result
on 127.0.0.1 so the sample run goes through the real fetch and parse path.

`article_parts(seed)` is the single place that decides which seed lines are the article
(title, date, author, subheadings, paragraphs) and which are page furniture; the pages are
built from it and the parser tests compare their output with it.

Output is deterministic (no clocks, no randomness, fixed ordering), so
`python samples/make_news.py samples/site` run twice gives byte-identical files and the
committed site can be checked against a fresh build. Standard library only, so the script
runs without the project installed.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Literal

SEEDS_DIR = Path(__file__).resolve().parent / "seeds"
DEFAULT_BASE_URL = "http://127.0.0.1:18753"
SITE_NAME = "Sample Courier"

# The pages state times in Beijing time, as the Chinese outlets these captures mimic do.
CST = timezone(timedelta(hours=8), "CST")

# The three article seeds, in the order the site lists them (newest first).
NEWS_SEEDS: tuple[str, ...] = (
    "002_d3ab59754fcfceb5.txt",
    "004_a83b8bb3d3fc7417.txt",
    "003_6deffc231386c4ac.txt",
)

# What the captures lost: 003 prints "Nov 28" without a year (samples/seeds/README.md: 2022).
_YEAR_IF_MISSING = {"003": 2022}
# A post id per article, as a CMS would show it (the 004 capture's ticker line ends in 151).
_POST_IDS = {"002": 149, "003": 97, "004": 151}
# Lines the site template prints before an article's title (section labels).
_CATEGORY_LABELS = frozenset({"Science and Technology"})

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_DATE_LINE = re.compile(
    r"^(?P<mon>[A-Z][a-z]+)\.? (?P<day>\d{1,2}),? (?P<year>\d{4})"
    r"(?: - (?P<hh>\d{1,2}):(?P<mm>\d{2}) ?(?P<ampm>am|pm))?$"
)
_DATELINE_NO_YEAR = re.compile(r"^(?P<mon>[A-Z][a-z]{2}) (?P<day>\d{1,2})\(")
_DATE_BAR = re.compile(r"^•\s")
_BYLINE = re.compile(r"^By ?(?P<name>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})$")
_BARE_NAME = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}$")
_SENTENCE_END = re.compile(r"""[.!?:;,"”)]$""")


@dataclass(frozen=True)
class Block:
    """One piece of article body: a subheading or a paragraph."""

    kind: Literal["heading", "paragraph"]
    text: str


@dataclass(frozen=True)
class ArticleParts:
    """A seed split into the article and the furniture around it."""

    seed: str  # the seed's short name, e.g. "002"
    slug: str
    title: str
    published: datetime  # Beijing time; midnight when the capture shows no time of day
    author: str | None
    date_line: str | None  # the date as the capture prints it, if it prints one
    blocks: tuple[Block, ...]
    furniture: tuple[str, ...]  # seed lines that are site furniture, not article text
    author_bio: str | None = None
    ticker_line: str | None = None
    post_id: int = 0

    @property
    def published_date(self) -> date:
        return self.published.date()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind == "paragraph")

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind == "heading")

    @property
    def main_text(self) -> str:
        """The text a perfect main-text extractor returns: title, then every block."""
        return "\n\n".join([self.title, *(b.text for b in self.blocks)])


def _seed_path(seed_name: str) -> Path:
    """Accept "002", "002_d3ab59754fcfceb5" or the file name."""
    stem = seed_name.removesuffix(".txt")
    for name in NEWS_SEEDS:
        if name.removesuffix(".txt") == stem or name.split("_", 1)[0] == stem:
            return SEEDS_DIR / name
    raise KeyError(f"not a news seed: {seed_name!r} (expected one of {', '.join(NEWS_SEEDS)})")


def slugify(title: str) -> str:
    """URL slug as WordPress makes it: ASCII, lower case, words joined by hyphens."""
    folded = unicodedata.normalize("NFKD", title.replace("’", "").replace("'", ""))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def _parse_date_line(line: str) -> datetime | None:
    m = _DATE_LINE.match(line)
    if not m or m["mon"][:3].lower() not in _MONTHS:
        return None
    hour, minute = 0, 0
    if m["hh"]:
        hour = int(m["hh"]) % 12 + (12 if m["ampm"] == "pm" else 0)
        minute = int(m["mm"])
    month = _MONTHS[m["mon"][:3].lower()]
    return datetime(int(m["year"]), month, int(m["day"]), hour, minute, tzinfo=CST)


def _is_heading(line: str) -> bool:
    """Subheadings in the captures are short lines without closing punctuation."""
    return len(line.split()) <= 16 and not _SENTENCE_END.search(line)


def article_parts(seed_name: str) -> ArticleParts:
    """Split a news seed into title, date, author, body blocks and furniture.

    The captures share one shape: template lines (date bar, "Breaking News" and its ticker
    line, a section label), the title, a header (byline, author name, date line, comment
    count), the body, then a tail (author bio introduced by "By <author>", "Leave a Reply").
    """
    short = _seed_path(seed_name).name.split("_", 1)[0]
    lines = [ln.strip() for ln in _seed_path(seed_name).read_text("utf-8").splitlines()]
    lines = [ln for ln in lines if ln]
    furniture: list[str] = []
    ticker_line: str | None = None

    i = 0
    while i < len(lines):
        line = lines[i]
        if _DATE_BAR.match(line) or line in _CATEGORY_LABELS:
            furniture.append(line)
        elif line == "Breaking News":
            furniture.append(line)
            ticker_line = lines[i + 1]
            furniture.append(ticker_line)
            i += 1
        else:
            break
        i += 1
    title = lines[i]
    i += 1

    author: str | None = None
    date_line: str | None = None
    published: datetime | None = None
    while i < len(lines):
        line = lines[i]
        byline = _BYLINE.match(line)
        if byline and author is None:
            author = byline["name"]
        elif _parse_date_line(line) and published is None:
            date_line, published = line, _parse_date_line(line)
        elif line.isdigit():
            pass  # comment counter
        elif _BARE_NAME.match(line) and author is None:
            author = line
        else:
            break
        furniture.append(line)
        i += 1

    body = lines[i:]
    author_bio: str | None = None
    if body and body[-1] == "Leave a Reply":
        furniture.append(body.pop())
    if author and len(body) >= 2 and body[-2] == f"By {author}":
        author_bio = body[-1]
        furniture.extend(body[-2:])
        del body[-2:]

    if published is None:
        m = _DATELINE_NO_YEAR.match(body[0]) if body else None
        if not m or short not in _YEAR_IF_MISSING:
            raise ValueError(f"seed {seed_name}: no date found")
        month = _MONTHS[m["mon"].lower()]
        published = datetime(_YEAR_IF_MISSING[short], month, int(m["day"]), tzinfo=CST)

    blocks = tuple(Block("heading" if _is_heading(ln) else "paragraph", ln) for ln in body)
    return ArticleParts(
        seed=short,
        slug=slugify(title),
        title=title,
        published=published,
        author=author,
        date_line=date_line,
        blocks=blocks,
        furniture=tuple(furniture),
        author_bio=author_bio,
        ticker_line=ticker_line,
        post_id=_POST_IDS[short],
    )


def all_articles() -> list[ArticleParts]:
    """The three articles, newest first (the order of the feed and the home page)."""
    return [article_parts(name) for name in NEWS_SEEDS]


# --------------------------------------------------------------------------- page parts

_e = html.escape


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _first_sentence(text: str) -> str:
    m = re.match(r"(.+?[.!?])(\s|$)", text)
    return m.group(1) if m else text


def _ticker_text(art: ArticleParts) -> str:
    return art.ticker_line or f"{art.title.lower()} {art.post_id}"


def _head(art: ArticleParts, base_url: str, *, extra_meta: Iterable[str]) -> str:
    url = f"{base_url}/news/{art.slug}.html"
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en-US">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(art.title)} &#8211; {SITE_NAME}</title>",
        f'<meta name="description" content="{_attr(_first_sentence(art.paragraphs[0]))}">',
        f'<link rel="canonical" href="{_attr(url)}">',
        f'<meta property="og:site_name" content="{SITE_NAME}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{_attr(art.title)}">',
        f'<meta property="og:url" content="{_attr(url)}">',
        '<meta property="og:image" content="/static/og-default.png">',
        '<meta name="twitter:card" content="summary_large_image">',
        *extra_meta,
        '<link rel="stylesheet" href="/static/site.css" media="all">',
        f'<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} &raquo; Feed"'
        ' href="/news/feed.xml">',
        "<style>",
        "body{margin:0;font-family:Georgia,'Times New Roman',serif;color:#222}",
        ".top-bar{background:#111;color:#ddd;font-size:13px;padding:4px 16px}",
        ".breaking-news{display:flex;gap:12px;background:#b00;color:#fff}",
        ".ticker ul{display:flex;gap:32px;animation:scroll 40s linear infinite}",
        "@keyframes scroll{from{transform:translateX(100%)}to{transform:translateX(-100%)}}",
        "/* Leave a Reply: comment form styles */",
        ".comment-form textarea{width:100%;min-height:120px}",
        "</style>",
        "<script>",
        "window.dataLayer = window.dataLayer || [];",
        "function gtag(){dataLayer.push(arguments);}",
        "gtag('js', new Date('2024-04-20T00:00:00Z'));",
        "gtag('config', 'G-SAMPLE000', {'page_title': 'Breaking News'});",
        "</script>",
        "</head>",
    ]
    return "\n".join(lines)


def _chrome_top(current: ArticleParts | None, articles: list[ArticleParts]) -> str:
    """Date bar, masthead, navigation and the "Breaking News" ticker shared by every page."""
    ticker = "\n".join(
        f'<li><a href="/news/{a.slug}.html">{_e(_ticker_text(a))}</a></li>' for a in articles
    )
    body_class = f"single single-post postid-{current.post_id}" if current else "home"
    return f"""<body class="{body_class}">
<!-- Top bar: today's date and utility links -->
<div class="top-bar">
  <div class="container">
    <span class="date-bar">• Sat. Apr 20th, 2024</span>
    <ul class="top-links"><li><a href="/about.html">About Us</a></li><li><a href="/contact.html">Contact</a></li><li><a href="/advertise.html">Advertise</a></li></ul>
  </div>
</div>
<header id="masthead" class="site-header" role="banner">
  <div class="site-branding">
    <p class="site-title"><a href="/index.html" rel="home">{SITE_NAME}</a></p>
    <p class="site-description">Science, technology and policy news from China and beyond</p>
  </div>
  <nav id="site-navigation" class="main-navigation" aria-label="Main menu">
    <button class="menu-toggle" aria-expanded="false">Menu</button>
    <ul id="primary-menu" class="menu">
      <li><a href="/index.html">Home</a></li>
      <li><a href="/category/science-and-technology/">Science and Technology</a></li>
      <li><a href="/category/economy/">Economy</a></li>
      <li><a href="/category/policy/">Policy</a></li>
      <li><a href="/reviews/index.html">Monthly Reviews</a></li>
    </ul>
  </nav>
</header>
<div class="breaking-news">
  <span class="breaking-title">Breaking News</span>
  <div class="ticker"><ul>
{ticker}
  </ul></div>
</div>
"""  # noqa: E501


def _sidebar(articles: list[ArticleParts]) -> str:
    recent = "\n".join(
        f'<li><a href="/news/{a.slug}.html">{_e(a.title)}</a>'
        f' <span class="post-date">{a.published:%b} {a.published.day}, {a.published.year}</span>'
        "</li>"
        for a in articles
    )
    return f"""<aside id="secondary" class="widget-area sidebar" role="complementary">
  <section class="widget widget_search">
    <form role="search" method="get" class="search-form" action="/search">
      <label>Search for: <input type="search" class="search-field" name="s"></label>
      <input type="submit" class="search-submit" value="Search">
    </form>
  </section>
  <section class="widget widget_recent_entries">
    <h2 class="widget-title">Recent Posts</h2>
    <ul>
{recent}
    </ul>
  </section>
  <section class="widget widget_text">
    <h2 class="widget-title">Newsletter</h2>
    <p>Sign up for our weekly newsletter and receive a digest of the most important science, technology and innovation stories, curated by our editors, straight to your inbox every Friday morning.</p>
  </section>
</aside>"""  # noqa: E501


def _footer() -> str:
    return f"""<footer id="colophon" class="site-footer" role="contentinfo">
  <div class="footer-widgets">
    <section class="widget footer-about">
      <h3 class="widget-title">About {SITE_NAME}</h3>
      <p>{SITE_NAME} is an independent news site covering research funding, innovation policy, international cooperation and the technology industry, with daily reporting, analysis and commentary from a network of contributors around the world.</p>
    </section>
    <section class="widget footer-links">
      <h3 class="widget-title">Quick Links</h3>
      <ul><li><a href="/privacy.html">Privacy Policy</a></li><li><a href="/terms.html">Terms of Use</a></li><li><a href="/news/feed.xml">RSS</a></li></ul>
    </section>
  </div>
  <div class="site-info"><p class="copyright">Copyright &copy; 2024 {SITE_NAME}. All rights reserved.</p></div>
</footer>
<!-- Cookie notice -->
<div id="cookie-notice" class="cookie-notice" hidden>
  <p>We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.</p>
  <button type="button">Accept</button>
</div>
<script src="/static/site.js" defer></script>
<script>
document.addEventListener('DOMContentLoaded', function () {{
  var items = document.querySelectorAll('.ticker li');
  if (items.length) {{ console.log('Breaking News ticker: ' + items.length + ' items'); }}
}});
</script>
</body>
</html>
"""  # noqa: E501


def _comment_form(heading_tag: str = "h3") -> str:
    return f"""<div id="comments" class="comments-area">
  <div id="respond" class="comment-respond">
    <{heading_tag} id="reply-title" class="comment-reply-title">Leave a Reply</{heading_tag}>
    <form action="/comments/post" method="post" id="commentform" class="comment-form">
      <p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
      <p class="comment-form-comment"><label for="comment">Comment *</label> <textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>
      <p class="comment-form-author"><label for="author">Name *</label> <input id="author" name="author" type="text" required></p>
      <p class="comment-form-email"><label for="email">Email *</label> <input id="email" name="email" type="email" required></p>
      <p class="comment-form-cookies-consent"><input id="consent" name="consent" type="checkbox"> <label for="consent">Save my name, email, and website in this browser for the next time I comment.</label></p>
      <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></p>
    </form>
  </div>
</div>"""  # noqa: E501


def _related(current: ArticleParts, articles: list[ArticleParts], css: str, title: str) -> str:
    items = "\n".join(
        f'<li><a href="/news/{a.slug}.html">{_e(a.title)}</a></li>'
        for a in articles
        if a.slug != current.slug
    )
    return f'<section class="{css}">\n  <h3>{title}</h3>\n  <ul>\n{items}\n  </ul>\n</section>'


def _body_html(art: ArticleParts) -> str:
    tags = {"heading": "h2", "paragraph": "p"}
    return "\n".join(f"<{tags[b.kind]}>{_e(b.text)}</{tags[b.kind]}>" for b in art.blocks)


def _share(css: str) -> str:
    return f"""<div class="{css}">
  <span class="share-label">Share this:</span>
  <a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php" rel="nofollow noopener">Facebook</a>
  <a class="share-x" href="https://x.com/intent/post" rel="nofollow noopener">X</a>
  <a class="share-whatsapp" href="https://wa.me/" rel="nofollow noopener">WhatsApp</a>
  <a class="share-email" href="mailto:?subject=Shared%20article">Email</a>
</div>"""  # noqa: E501


# ------------------------------------------------------------------------------ layouts


def _layout_blog(art: ArticleParts, articles: list[ArticleParts]) -> str:
    """A WordPress-style blog post: <article>, entry header with byline, author box."""
    iso = art.published.isoformat()
    author = art.author or ""
    author_path = slugify(author)
    visible = art.date_line or f"{art.published:%b} {art.published.day}, {art.published.year}"
    return f"""<div id="content" class="site-content"><div class="container">
<main id="main" class="site-main">
<article id="post-{art.post_id}" class="post-{art.post_id} post type-post status-publish format-standard hentry category-science-and-technology">
  <header class="entry-header">
    <h1 class="entry-title">{_e(art.title)}</h1>
    <div class="entry-meta">
      <span class="byline">By<a class="url fn n" href="/author/{author_path}/">{_e(author)}</a></span>
      <span class="posted-on"><a href="/news/{art.slug}.html" rel="bookmark"><time class="entry-date published" datetime="{iso}">{_e(visible)}</time></a></span>
    </div>
  </header>
  <div class="entry-content">
{_body_html(art)}
  </div>
  <footer class="entry-footer">
    <span class="cat-links">Posted in <a href="/category/science-and-technology/" rel="category tag">Science and Technology</a></span>
    <span class="tags-links">Tagged <a href="/tag/china/" rel="tag">China</a>, <a href="/tag/cppcc/" rel="tag">CPPCC</a>, <a href="/tag/research/" rel="tag">Research</a></span>
  </footer>
{_share("sharedaddy sd-sharing-enabled")}
  <div class="author-info">
    <div class="author-avatar"><img src="/static/avatar-{author_path}.png" alt="" width="96" height="96"></div>
    <div class="author-description">
      <h2 class="author-title">By {_e(author)}</h2>
      <p class="author-bio">{_e(art.author_bio or "")}</p>
    </div>
  </div>
</article>
<nav class="navigation post-navigation" aria-label="Posts">
  <div class="nav-previous"><a href="/news/{articles[-1].slug}.html" rel="prev">Previous: {_e(articles[-1].title)}</a></div>
  <div class="nav-next"><a href="/news/{articles[1].slug}.html" rel="next">Next: {_e(articles[1].title)}</a></div>
</nav>
{_related(art, articles, "related-posts", "Related Posts")}
{_comment_form()}
</main>
{_sidebar(articles)}
</div></div>
"""  # noqa: E501


def _layout_portal(art: ArticleParts, articles: list[ArticleParts]) -> str:
    """An older news-portal page: no <article> or <main>, only divs and grid classes."""
    paragraphs = [f"<p>{_e(b.text)}</p>" for b in art.blocks]
    middle = len(paragraphs) // 2
    paragraphs.insert(
        middle,
        '<div class="ad-slot inline-ad"><span class="ad-label">Advertisement</span>'
        '<div id="div-gpt-ad-1" style="min-height:250px"></div></div>',
    )
    body = "\n".join(paragraphs)
    popular = "\n".join(
        f'<li><a href="/news/{a.slug}.html">{_e(a.title)}</a></li>' for a in articles
    )
    return f"""<div id="wrapper" class="container">
<div class="row">
<div class="col-md-8 col-sm-12">
  <div class="story-head">
    <h1 class="story-title">{_e(art.title)}</h1>
    <div class="story-info">
      <span class="story-date"><time datetime="{art.published.isoformat()}">{art.published:%b} {art.published.day}</time></span>
      <span class="comment-count"><i class="icon-comment"></i> <a href="#comments">0</a></span>
    </div>
  </div>
  <div class="story-text" id="story-text">
{body}
  </div>
{_share("social-share clearfix")}
  <div class="more-stories">
    <h4>More stories</h4>
    <ul>
{popular}
    </ul>
  </div>
{_comment_form("h4")}
</div>
<div class="col-md-4 col-sm-12">
  <div class="widget popular-posts"><h4>Most Popular</h4><ol>
{popular}
  </ol></div>
  <div class="widget about-site"><h4>About</h4><p>{SITE_NAME} brings readers original reporting and analysis on how research, innovation and industrial policy shape economies, societies and international relations in the twenty-first century.</p></div>
</div>
</div>
</div>
"""  # noqa: E501


def _layout_media(art: ArticleParts, articles: list[ArticleParts]) -> str:
    """A broadcaster-style page: <main>, breadcrumb, section body with an inline "Also Read"."""
    iso = art.published.isoformat()
    author = art.author or ""
    blocks = list(art.blocks)
    parts: list[str] = []
    for n, block in enumerate(blocks):
        if block.kind == "heading":
            if n == 0:
                parts.append(f'<h2 class="news-summary">{_e(block.text)}</h2>')
            else:
                parts.append(f"<h3>{_e(block.text)}</h3>")
        else:
            parts.append(f"<p>{_e(block.text)}</p>")
        if n == 3:
            other = articles[0] if articles[0].slug != art.slug else articles[-1]
            parts.append(
                f'<p class="also-read"><strong>Also Read:</strong> '
                f'<a href="/news/{other.slug}.html">{_e(other.title)}</a></p>'
            )
        if n == 6:
            parts.append(
                '<figure class="news-image"><img src="/static/great-hall.jpg"'
                ' alt="The Great Hall of the People in Beijing" width="800" height="450"></figure>'
            )
    body = "\n".join(parts)
    return f"""<main class="news-page" role="main">
<div class="breadcrumb"><a href="/index.html">Home</a> &gt; <a href="/category/science-and-technology/">Science and Technology</a></div>
<div class="news-detail">
  <div class="news-category"><a href="/category/science-and-technology/">Science and Technology</a></div>
  <h1 class="news-title">{_e(art.title)}</h1>
  <div class="news-meta">
    <span class="news-author"><a rel="author" href="/author/{slugify(author)}/">{_e(author)}</a></span>
    <span class="news-time"><time datetime="{iso}">{_e(art.date_line or "")}</time></span>
  </div>
{_share("share-bar")}
  <section class="news-body" id="cmsMainContent">
{body}
  </section>
  <div class="news-tags">Tags: <a href="/tag/government-work-report/">Government Work Report</a> <a href="/tag/two-sessions/">Two Sessions</a> <a href="/tag/innovation/">Innovation</a></div>
</div>
{_related(art, articles, "recommend-list", "Recommended")}
{_comment_form()}
</main>
"""  # noqa: E501


def _json_ld(art: ArticleParts, base_url: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": art.title,
        "datePublished": art.published.isoformat(),
        "mainEntityOfPage": f"{base_url}/news/{art.slug}.html",
        "publisher": {"@type": "Organization", "name": SITE_NAME},
    }
    body = json.dumps(data, ensure_ascii=False, indent=2)
    return f'<script type="application/ld+json">\n{body}\n</script>'


def _breadcrumb_ld(art: ArticleParts, base_url: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{base_url}/"},
            {"@type": "ListItem", "position": 2, "name": art.title},
        ],
    }
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def render_article(art: ArticleParts, articles: list[ArticleParts], base_url: str) -> str:
    """The full HTML page for one article; the layout and metadata style vary by seed."""
    published_meta = (
        f'<meta property="article:published_time" content="{art.published.isoformat()}">'
    )
    if art.seed == "002":
        meta = [
            published_meta,
            f'<meta name="author" content="{_attr(art.author or "")}">',
            _breadcrumb_ld(art, base_url),
        ]
        main = _layout_blog(art, articles)
    elif art.seed == "003":
        meta = [_json_ld(art, base_url)]
        main = _layout_portal(art, articles)
    else:
        meta = [
            published_meta,
            '<meta property="article:section" content="Science and Technology">',
            _breadcrumb_ld(art, base_url),
        ]
        main = _layout_media(art, articles)
    return (
        _head(art, base_url, extra_meta=meta) + "\n" + _chrome_top(art, articles) + main + _footer()
    )


def render_home(articles: list[ArticleParts]) -> str:
    """The site's home page: the latest articles and the monthly reviews."""
    teasers = "\n".join(
        f"""<article class="teaser">
  <h2><a href="/news/{a.slug}.html">{_e(a.title)}</a></h2>
  <p class="teaser-meta">{a.published:%B} {a.published.day}, {a.published.year}</p>
  <p>{_e(_first_sentence(a.paragraphs[0]))}</p>
</article>"""
        for a in articles
    )
    head = f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<title>{SITE_NAME} &#8211; Science, technology and policy news</title>
<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} &raquo; Feed" href="/news/feed.xml">
</head>
"""  # noqa: E501
    main = f"""<main id="main" class="site-main home-main">
<section class="latest-news">
<h1>Latest news</h1>
{teasers}
</section>
<section class="reviews-promo">
<h2>China Science and Technology Review</h2>
<p>Monthly issues as PDF: <a href="/reviews/index.html">browse all issues of the review</a>.</p>
</section>
</main>
"""
    return head + _chrome_top(None, articles) + main + _footer()


def render_feed(articles: list[ArticleParts], base_url: str) -> str:
    """RSS 2.0 with absolute links, as feed readers and our fetcher require."""
    items = []
    for a in articles:
        link = f"{base_url}/news/{a.slug}.html"
        creator = f"\n      <dc:creator>{_e(a.author)}</dc:creator>" if a.author else ""
        items.append(
            f"""    <item>
      <title>{_e(a.title)}</title>
      <link>{_e(link)}</link>
      <guid isPermaLink="true">{_e(link)}</guid>
      <pubDate>{format_datetime(a.published)}</pubDate>{creator}
      <category>Science and Technology</category>
      <description>{_e(_first_sentence(a.paragraphs[0]))}</description>
    </item>"""
        )
    newest = max(a.published for a in articles)
    body = "\n".join(items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{SITE_NAME} &#8211; Science and Technology</title>
    <link>{_e(base_url)}/index.html</link>
    <atom:link href="{_attr(base_url)}/news/feed.xml" rel="self" type="application/rss+xml"/>
    <description>Science, technology and policy news from China and beyond</description>
    <language>en-US</language>
    <lastBuildDate>{format_datetime(newest)}</lastBuildDate>
{body}
  </channel>
</rss>
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def build(site_dir: Path, base_url: str = DEFAULT_BASE_URL) -> None:
    """Write `news/<slug>.html`, `news/feed.xml` and `index.html` under `site_dir`.

    `base_url` only appears where absolute URLs are required (feed links, canonical and
    og:url); it defaults to the [sample_site] address of config/sample.toml.
    """
    base_url = base_url.rstrip("/")
    articles = all_articles()
    for art in articles:
        _write(site_dir / "news" / f"{art.slug}.html", render_article(art, articles, base_url))
    _write(site_dir / "news" / "feed.xml", render_feed(articles, base_url))
    _write(site_dir / "index.html", render_home(articles))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="directory to write the site into")
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL, help="absolute URL of the site")
    args = parser.parse_args(argv)
    build(args.site_dir, args.base_url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
