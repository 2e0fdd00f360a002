"""HTML page -> the article's main text, title, date and author.

News pages are mostly furniture: navigation, date bars, "Breaking News" tickers, bylines,
author bios, share buttons, related links, comment forms, sidebars, footers. Facts must
come from the article alone (an author bio or a sidebar teaser is not a source of budget
figures), and the sites are many and unseen, so nothing here knows a particular site.

The approach, in the spirit of Mozilla's Readability:

1. decode the bytes (declared charset when it is right, else `<meta charset>`, else
   detection -- Chinese pages served without a charset are common);
2. read metadata first, while the page is whole (title, date, author live in `<head>`,
   JSON-LD, bylines and `<time>` elements that step 3 removes);
3. drop what is never article text (scripts, styles, forms, nav/header/footer/aside, hidden
   elements, and elements whose class/id names say comment, share, related, author bio,
   ticker, sidebar, ad...), unless an element holds most of the page's prose -- some sites
   wrap everything in a `<form>` or give the article div an unlucky class name;
4. flatten the page into text blocks and score containers by the prose they hold (length,
   commas, link density), preferring a sole `<article>`, `<main>` or `articleBody`; take
   the best container plus siblings that look like more of the same article;
5. filter the blocks inside it: link lists, bylines, date lines, "Share this"-style labels,
   captions and headings with nothing under them are dropped.

If cleaning was so aggressive that almost nothing is left, the page is processed again with
gentler cleaning, as Readability does.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction
from charset_normalizer import from_bytes

from extract.documents import ParsedDocument, ParseError, Section

__all__ = [
    "decode_html",
    "detect_encoding",
    "find_date_in_text",
    "parse_date_value",
    "parse_html",
]

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------- decoding

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# Labels whose real-world use is a superset: decode with the superset (as browsers do).
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "big5": "big5hkscs",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
}
# What servers send when nobody configured a charset; weak evidence, checked last.
_WEAK_LABELS = frozenset({"cp1252"})
_DETECT_LIMIT = 400_000
_MULTIBYTE = ("gb", "big5", "cp93", "cp94", "cp95", "euc", "shift", "iso2022", "utf", "hz", "johab")


def _normalize_charset(label: str | None) -> str | None:
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    if name in {"x-gbk", "gb_2312-80", "cp936", "windows-936"}:
        name = "gbk"
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    return _SUPERSETS.get(canonical, canonical)


def _decodes(content: bytes, encoding: str) -> bool:
    try:
        content.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _sniff_meta_charset(content: bytes) -> str | None:
    head = content[:8192]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return _normalize_charset(m.group(1).decode("ascii")) if m else None


def _detect(content: bytes) -> str | None:
    """charset_normalizer's guess; on a tie, GB18030, the encoding this pipeline meets most.

    Short GBK snippets decode just as cleanly as Korean CP949, and the detector may rank
    that first; the material here is Chinese, so a tie goes to Chinese.
    """
    results = from_bytes(content[:_DETECT_LIMIT])
    best = results.best()
    if best is None:
        return None
    ties = [
        _normalize_charset(m.encoding)
        for m in results
        if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.01
    ]
    if "gb18030" in ties:
        return "gb18030"
    return _normalize_charset(best.encoding)


def detect_encoding(content: bytes, declared_charset: str | None = None) -> str:
    """The codec name to decode `content` with; see `decode_html` for the order of evidence."""
    if content.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if content.isascii():
        return "utf-8"
    # Valid UTF-8 with non-ASCII bytes is all but impossible by accident in a legacy
    # encoding, so it beats a declaration that says otherwise (a stale `gb2312` meta tag).
    if _decodes(content, "utf-8"):
        return "utf-8"
    declared = _normalize_charset(declared_charset)
    meta = _sniff_meta_charset(content)
    strong = [c for c in (declared, meta) if c and c not in _WEAK_LABELS and c != "utf-8"]
    for candidate in strong:
        if _decodes(content, candidate):
            return candidate
    guessed = _detect(content)
    weak = [c for c in (declared, meta) if c in _WEAK_LABELS and _decodes(content, c)]
    if weak and (guessed is None or not guessed.startswith(_MULTIBYTE)):
        # A single-byte guess adds nothing to a single-byte declaration; a CJK guess does.
        return weak[0]
    if guessed:
        return guessed
    for fallback in (declared, meta):
        if fallback and _decodes(content, fallback):
            return fallback
    return "utf-8"


def decode_html(content: bytes | str, declared_charset: str | None = None) -> str:
    """Bytes -> text, trusting evidence in this order.

    A byte-order mark; valid UTF-8; the declared charset (from the HTTP header) when the
    bytes decode with it; `<meta charset>` likewise; charset_normalizer's detection; and
    last a weak declaration (ISO-8859-1/ASCII, what servers say when unconfigured). GB2312
    and GBK labels decode as GB18030, their superset, as browsers do.
    """
    if isinstance(content, str):
        return content
    encoding = detect_encoding(content, declared_charset)
    return content.decode(encoding, errors="replace")


# ------------------------------------------------------------------------- text blocks

_BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup html legend li
    main menu nav ol p pre section summary table tbody tfoot thead tr ul""".split()
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_CELL_TAGS = frozenset({"td", "th"})
_SKIP_STRINGS = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_GAP = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+"
    r"(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_NO_SKIP: frozenset[int] = frozenset()


def _clean_space(text: str) -> str:
    text = re.sub(r"\s+", " ", text.translate(_INVISIBLE)).strip()
    return _CJK_GAP.sub("", text)


def _weighted_len(text: str) -> int:
    """Length with CJK characters counted as three: one of them carries about a word."""
    return len(text) + 2 * len(_CJK.findall(text))


def _all_tags(root: Tag) -> list[Tag]:
    """Every element under `root` in document order (parents before children).

    Plain iteration: bs4's `find_all`/`select` filters cost seconds on a large page.
    """
    return [node for node in root.descendants if isinstance(node, Tag)]


@dataclass
class _Block:
    """A run of text with one block-level owner (a paragraph, heading, list item, cell row)."""

    owner: Tag
    parts: list[str] = field(default_factory=list)
    link_chars: float = 0.0
    text: str = ""
    size: int = 0  # weighted length of `text`

    @property
    def tag(self) -> str:
        return self.owner.name

    @property
    def level(self) -> int | None:
        return _HEADINGS.get(self.owner.name)

    @property
    def link_density(self) -> float:
        return min(1.0, self.link_chars / len(self.text)) if self.text else 0.0


def _iter_blocks(root: Tag, skip: AbstractSet[int] = _NO_SKIP) -> Iterator[_Block]:
    """Flatten `root` into blocks in document order, without recursion (pages nest deeply).

    Inline markup is joined without separators, as a browser renders it ("By<a>Name</a>"
    reads "ByName"); `<br>` ends a block; table cells in one row are joined with " | ".
    Elements whose id() is in `skip` (and so their whole subtree) are left out.
    """
    context: dict[int, tuple[Tag | None, float, Tag | None]] = {}

    def ctx(parent: Tag) -> tuple[Tag | None, float, Tag | None]:
        key = id(parent)
        if key not in context:
            if key in skip:
                context[key] = (None, 0.0, None)
                return context[key]
            link_weight, cell = 0.0, None
            node: Tag | None = parent
            owner = root
            while node is not None and node is not root:
                if node.name == "a" and node.get("href") is not None and not link_weight:
                    link_weight = 0.3 if str(node.get("href")).startswith("#") else 1.0
                if node.name in _CELL_TAGS and cell is None:
                    cell = node
                if node.name in _BLOCK_TAGS:
                    owner = node
                    break
                node = node.parent
            context[key] = (owner, link_weight, cell)
        return context[key]

    current: _Block | None = None
    current_cell: Tag | None = None

    def finish(block: _Block | None) -> _Block | None:
        if block is None:
            return None
        block.text = _clean_space("".join(block.parts))
        block.size = _weighted_len(block.text)
        return block if block.text else None

    for node in root.descendants:
        if isinstance(node, Tag):
            if node.name in ("br", "hr") and id(node) not in skip:
                done = finish(current)
                if done:
                    yield done
                current = None
            continue
        if isinstance(node, _SKIP_STRINGS) or not isinstance(node, NavigableString):
            continue
        if node.parent is None:
            continue
        owner, link_weight, cell = ctx(node.parent)
        if owner is None:
            continue
        raw = str(node)
        if not raw.strip():
            if current is not None and current.owner is owner:
                current.parts.append(" ")
            continue
        if current is None or current.owner is not owner:
            done = finish(current)
            if done:
                yield done
            current, current_cell = _Block(owner), cell
        elif cell is not current_cell:
            current.parts.append(" | ")
            current_cell = cell
        current.parts.append(raw)
        if link_weight:
            current.link_chars += link_weight * len(_clean_space(raw))
    done = finish(current)
    if done:
        yield done


# --------------------------------------------------------------------- dates and names

_MONTHS_RE = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH_NUM = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_DATE_PATTERNS = [
    re.compile(
        rf"\b(?P<mon>{_MONTHS_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
        re.I,
    ),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTHS_RE})\.?,?\s+(?P<year>\d{{4}})\b",
        re.I,
    ),
    re.compile(
        r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"
    ),
    re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
]


def _make_date(year: int, month: int, day: int) -> date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _date_from_match(m: re.Match[str]) -> date | None:
    groups = m.groupdict()
    if groups.get("mon"):
        month = _MONTH_NUM[groups["mon"][:3].lower()]
        return _make_date(int(groups["year"]), month, int(groups["day"]))
    return _make_date(int(groups["year"]), int(groups["m"]), int(groups["d"]))


def find_date_in_text(text: str) -> date | None:
    """The first calendar date written out in `text` ("Mar 6, 2024", "5 March 2024",
    "2024-03-05", "2024年3月5日"); numeric day/month orders that are ambiguous are ignored."""
    found: list[tuple[int, date]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            d = _date_from_match(m)
            if d:
                found.append((m.start(), d))
                break
    return min(found)[1] if found else None


def parse_date_value(value: str) -> date | None:
    """A machine-written date (ISO 8601, RFC 822, compact, epoch) or failing that a textual one.

    The date is the one the publisher wrote, in the publisher's own offset: converting
    "2024-03-06T00:00:00+08:00" to UTC would move the article to the day before.
    """
    value = value.strip()
    if not value:
        return None
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)", value)
    if iso:
        return _make_date(*map(int, iso.groups()))
    compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:T?\d{4,6}Z?)?", value)
    if compact:
        return _make_date(*map(int, compact.groups()))
    if re.fullmatch(r"\d{10}(\d{3})?", value):
        seconds = int(value) / (1000 if len(value) == 13 else 1)
        return datetime.fromtimestamp(seconds, tz=UTC).date()
    if re.match(r"[A-Za-z]{3},\s", value):
        try:
            return parsedate_to_datetime(value).date()
        except (TypeError, ValueError, IndexError):
            pass
    return find_date_in_text(value)


_DATE_RESIDUE = re.compile(
    rf"""(?ix)
    (?:{_MONTHS_RE})\.?|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?
    |\b(?:updated|update|published|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc
       |bjt|cst|est|edt|ist|time|date|st|nd|rd|th)\b
    |(?:source|来源)\s*[:：]\s*\S+|发布时间|发布日期|更新时间|时间|日期|[年月日]
    |\d+|[^\w\s]
    """
)


def _is_date_line(text: str) -> bool:
    """A short line that is a date and nothing else worth keeping (a date bar, a dateline)."""
    if len(text) > 80 or find_date_in_text(text) is None:
        return False
    residue = _DATE_RESIDUE.sub(" ", text)
    return len(re.sub(r"[\W\d_]+", "", residue)) <= 3


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


def _byline_name(text: str) -> str | None:
    """The name in "By Name" / "BySamantha Johnson" / "作者：张三", else None."""
    text = text.strip()
    m = _BYLINE.match(text)
    if m and m.group("name")[:1].isupper() and len(m.group("name").split()) <= 8:
        return m.group("name").strip()
    m = _CN_AUTHOR.match(text)
    return m.group("name") if m else None


def _clean_author(value: str) -> str | None:
    value = _clean_space(value)
    if not value or "://" in value or value.startswith(("@", "www.")):
        return None
    named = _byline_name(value)
    if named:
        value = named
    value = re.split(r"\s+[|/–—]\s+", value)[0].strip(" ,;:")
    if not value or len(value) > 80 or len(value.split()) > 8:
        return None
    if not re.search(r"[^\W\d_]", value):
        return None
    return value


# ----------------------------------------------------------------- page-level metadata

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
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—·»:]{1,2}\s+|\s*[|_]{1,2}\s*|--")
_BYLINE_CLASS = re.compile(r"byline|author", re.I)


@dataclass
class _Metadata:
    title: str | None = None
    published: date | None = None
    author: str | None = None


def _attr(el: Tag, name: str) -> str:
    value = el.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value if isinstance(value, str) else ""


def _metas(tags: list[Tag]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in tags:
        if meta.name != "meta":
            continue
        key = _attr(meta, "property") or _attr(meta, "name") or _attr(meta, "itemprop")
        content = _attr(meta, "content").strip()
        if key and content:
            found.setdefault(key.strip().lower(), []).append(content)
    return found


def _json_ld_objects(tags: list[Tag]) -> list[dict[str, object]]:
    """Every JSON-LD object on the page, `@graph` members included; broken JSON is skipped."""
    out: list[dict[str, object]] = []
    for script in tags:
        if script.name != "script" or "ld+json" not in _attr(script, "type").lower():
            continue
        try:
            data = json.loads(script.get_text(), strict=False)
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


def _strip_site_name(title: str, site_name: str | None, h1_texts: list[str]) -> str:
    """`<title>` usually appends (or prepends) the site name: keep the headline part."""
    title = _clean_space(title)
    for h1 in h1_texts:
        if h1 and h1 in title and len(h1) >= 0.5 * len(title):
            return h1
    if site_name:
        for sep in (" | ", " - ", " – ", " — ", " :: ", " · ", " » ", "_", "--", "|"):
            if title.endswith(sep + site_name):
                return title[: -len(sep + site_name)].strip()
            if title.startswith(site_name + sep):
                return title[len(site_name + sep) :].strip()
    # Cut short trailing parts ("| Section | Site", "_栏目_网站") while a headline remains.
    head = title
    while True:
        cuts = list(_TITLE_SEPARATORS.finditer(head))
        if not cuts:
            return head
        last = cuts[-1]
        tail, rest = head[last.end() :].strip(), head[: last.start()].strip()
        if len(tail.split()) > 4 or _weighted_len(tail) > 40:
            return head
        if len(rest.split()) < 2 and _weighted_len(rest) < 8:
            return head
        head = rest


def _inside(el: Tag, names: tuple[str, ...]) -> bool:
    return any(parent.name in names for parent in el.parents)


def _find_title(soup: BeautifulSoup, tags: list[Tag], metas: dict[str, list[str]]) -> str | None:
    """og:title / twitter:title, else the article's `<h1>`, else `<title>` minus the site name."""
    site_name = metas["og:site_name"][0] if metas.get("og:site_name") else None
    h1s = [(h, _clean_space(h.get_text(" "))) for h in tags if h.name == "h1"]
    h1s = [(h, text) for h, text in h1s if text]
    for key in ("og:title", "twitter:title"):
        for value in metas.get(key, []):
            cleaned = _strip_site_name(value, site_name, [])
            if cleaned and (not site_name or cleaned != site_name):
                return cleaned
    if h1s:
        in_article = [text for h, text in h1s if _inside(h, ("article", "main"))]
        return (in_article or [h1s[0][1]])[0]
    headline = next((t for t in tags if _attr(t, "itemprop") == "headline"), None)
    if headline is not None and _clean_space(headline.get_text(" ")):
        return _clean_space(headline.get_text(" "))
    if soup.title and soup.title.string and soup.title.string.strip():
        return _strip_site_name(soup.title.string, site_name, []) or None
    return None


def _date_from_url(url: str | None) -> date | None:
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in (
        r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)",
        r"/((?:19|20)\d{2})-(\d{2})-(\d{2})(?:/|$|[-_])",
        r"/((?:19|20)\d{2})(\d{2})/(\d{2})/",
        r"/((?:19|20)\d{2})(\d{2})(\d{2})/",
        r"/t((?:19|20)\d{2})(\d{2})(\d{2})_",
    ):
        m = re.search(pattern, path)
        if m:
            d = _make_date(*map(int, m.groups()))
            if d:
                return d
    return None


def _time_value(el: Tag) -> date | None:
    for attr in ("datetime", "content"):
        d = parse_date_value(_attr(el, attr))
        if d:
            return d
    return find_date_in_text(_clean_space(el.get_text(" ")))


def _in_chrome(el: Tag) -> bool:
    """Inside the site's own header, nav, footer or aside (an article's own header is not)."""
    in_header = False
    for parent in el.parents:
        if parent.name in ("nav", "footer", "aside"):
            return True
        if parent.name == "header":
            in_header = True
        elif parent.name in ("article", "main"):
            in_header = False
    return in_header


def _after_title(blocks: list[_Block], title: str | None) -> int:
    """Index of the first block after the headline (0 if there is no headline block)."""
    for i, block in enumerate(blocks):
        if block.level == 1 or (title and block.text == title):
            return i + 1
    return 0


def _find_published(
    tags: list[Tag],
    metas: dict[str, list[str]],
    ld: list[dict[str, object]],
    blocks: list[_Block],
    title: str | None,
    url: str | None,
) -> date | None:
    """Publication date, most explicit evidence first.

    Meta tags, then JSON-LD `datePublished` (both say "published" in so many words), then
    `<time>` elements (preferring those marked as the publication time, then the first one
    after the headline), then a short visible date line after the headline, then a wire
    dateline ("BEIJING, March 5, 2024 --"), then a date in the URL path. A date bar
    above the headline shows today's date, not the article's, and is never used.
    """
    for key in _META_DATE_KEYS:
        for value in metas.get(key, []):
            d = parse_date_value(value)
            if d:
                return d
    for el in tags:
        if _attr(el, "itemprop") == "datePublished":
            d = _time_value(el)
            if d:
                return d
    for prefer_articles in (True, False):
        for obj in ld:
            if prefer_articles and not _ld_is_article(obj):
                continue
            stated = obj.get("datePublished") or obj.get("dateCreated")
            d = parse_date_value(stated) if isinstance(stated, str) else None
            if d:
                return d

    times = [t for t in tags if t.name == "time" and not _in_chrome(t)]
    marked = [
        t
        for t in times
        if t.has_attr("pubdate")
        or re.search(r"publish|entry-date|post-date|dateline", _attr(t, "class"))
    ]
    first_h1 = next((i for i, t in enumerate(tags) if t.name == "h1"), None)
    position = {id(t): i for i, t in enumerate(tags)}
    after_title = [t for t in times if first_h1 is not None and position[id(t)] > first_h1]
    unmarked = [t for t in times if "updated" not in _attr(t, "class")]
    for group in (marked, after_title, unmarked):
        for t in group:
            d = _time_value(t)
            if d:
                return d

    start = _after_title(blocks, title)
    for block in blocks[start : start + 15]:
        if len(block.text) <= 100:
            d = find_date_in_text(block.text)
            if d:
                return d
    for block in blocks[start : start + 30]:
        m = re.match(r"^[A-Z][A-Za-z .'-]{1,40},\s*(.{6,40}?)\s*(?:[-–—:(]|$)", block.text)
        if m and block.size > 100:
            d = find_date_in_text(m.group(1))
            if d:
                return d
    return _date_from_url(url)


def _find_author(
    tags: list[Tag],
    metas: dict[str, list[str]],
    ld: list[dict[str, object]],
    blocks: list[_Block],
    title: str | None,
) -> str | None:
    """Author where the page states one: meta, JSON-LD, rel=author/itemprop, a byline."""
    for key in _META_AUTHOR_KEYS:
        for value in metas.get(key, []):
            name = _clean_author(value)
            if name:
                return name
    for obj in ld:
        if _ld_is_article(obj) and obj.get("author"):
            name = _ld_author(obj.get("author"))
            if name:
                return name
    for el in tags:
        if "author" not in _attr(el, "rel").split() and _attr(el, "itemprop") != "author":
            continue
        if _in_chrome(el):
            continue
        named = next(
            (t for t in el.descendants if isinstance(t, Tag) and _attr(t, "itemprop") == "name"),
            el,
        )
        name = _clean_author(_attr(named, "content") or named.get_text(" "))
        if name:
            return name
    for el in tags:
        if not _BYLINE_CLASS.search(_attr(el, "class")) or _in_chrome(el):
            continue
        text = _clean_space(el.get_text())
        if len(text) > 120:
            continue
        for part in _BYLINE_PARTS.split(text):
            name = _byline_name(part)
            if name:
                return name
    start = _after_title(blocks, title)
    for block in blocks[start : start + 10]:
        for part in _BYLINE_PARTS.split(block.text):
            name = _byline_name(part)
            if name:
                return name
    return None


# ---------------------------------------------------------------------------- cleaning

_NEVER_TEXT = frozenset(
    """script style noscript template iframe frame frameset svg canvas object embed applet
    audio video source track map head link meta input button select textarea option
    optgroup label datalist output progress meter""".split()
)
_STRUCTURAL = frozenset({"nav", "header", "footer", "aside", "form", "menu", "dialog"})
_CHROME_ROLES = frozenset(
    """navigation banner contentinfo complementary search dialog alert menu menubar
    toolbar tablist""".split()
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

# Words in class/id names. Strong words mark furniture even next to a content word
# ("entry-footer", "post-comments"); weak ones only when no content word is present.
_STRONG_NEGATIVE = frozenset(
    """comment comments commentlist disqus respond reply replies share shares sharing
    sharebar sharedaddy social sns related relatedposts footer byline author authors bio
    avatar breadcrumb breadcrumbs crumbs crumb tags tag taglist ticker breaking marquee
    sidebar widget widgets newsletter subscribe subscription signup advert advertisement
    advertising ads ad adv sponsor sponsored promo promotion popup modal overlay cookie
    cookies consent gdpr nav navbar navigation menu pagination pager paging recommend
    recommended recommendation trending popular outbrain taboola skyscraper shoutbox
    masthead copyright print toolbar pinterest facebook twitter weibo wechat login more
    feedback category categories cat hot""".split()
)
_WEAK_NEGATIVE = frozenset(
    """header head meta date time info banner top topbar caption credit credits hidden hide
    aside extra supplemental sub secondary links link list teaser""".split()
)
_POSITIVE = frozenset(
    """article articles body content contents entry main post story text blog hentry
    detail details artibody trs editor zoom paragraph prose""".split()
)
_COMMENT_WORDS = frozenset({"comment", "comments", "commentlist", "disqus", "respond", "replies"})
_WORD_CACHE: dict[str, frozenset[str]] = {}


def _words(value: str) -> frozenset[str]:
    """Words of a class or id value, split on separators and camelCase, lower-cased."""
    cached = _WORD_CACHE.get(value)
    if cached is None:
        spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", value)
        cached = frozenset(w for w in re.split(r"[\s_\-:.]+", spaced.lower()) if w)
        if len(_WORD_CACHE) < 50_000:
            _WORD_CACHE[value] = cached
    return cached


def _name_words(el: Tag) -> tuple[frozenset[str], frozenset[str]]:
    """(class words, id words)."""
    return _words(_attr(el, "class")), _words(_attr(el, "id"))


def _is_boilerplate_name(el: Tag) -> bool:
    class_words, id_words = _name_words(el)
    all_words = class_words | id_words
    if all_words & _STRONG_NEGATIVE:
        return True
    return bool(all_words & _WEAK_NEGATIVE) and not all_words & _POSITIVE


def _is_comment_section(el: Tag) -> bool:
    class_words, id_words = _name_words(el)
    return bool((class_words | id_words) & _COMMENT_WORDS)


def _is_hidden(el: Tag) -> bool:
    if el.has_attr("hidden") or _attr(el, "aria-hidden").lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(_attr(el, "style")))


def _drop_never_text(root: Tag) -> None:
    """Remove scripts, styles, embeds, form controls and HTML comments for good."""
    doomed = [
        node
        for node in root.descendants
        if (isinstance(node, Tag) and node.name in _NEVER_TEXT) or isinstance(node, Comment)
    ]
    for node in doomed:
        if isinstance(node, Tag):
            node.decompose()
        else:
            node.extract()


def _prose_share(blocks: Iterable[_Block]) -> tuple[dict[int, int], int]:
    """How much long, link-poor prose each element holds (for the wrapper guard)."""
    per: dict[int, int] = {}
    total = 0
    for block in blocks:
        if block.size < 80 or block.link_density >= 0.3:
            continue
        total += block.size
        node: Tag | None = block.owner
        while node is not None:
            per[id(node)] = per.get(id(node), 0) + block.size
            node = node.parent
    return per, total


def _furniture(
    tags: list[Tag], blocks: list[_Block], *, structural: bool, by_name: bool
) -> set[int]:
    """ids of chrome elements and everything inside them.

    An element holding most of the page's prose is a wrapper (an ASP.NET `<form>`, a
    `<div class="has-sidebar">`) and stays, unless it is named as a comment section.
    """
    if not structural and not by_name:
        return set()
    per, total = _prose_share(blocks)
    removed: set[int] = set()
    for el in tags:
        if el.parent is not None and id(el.parent) in removed:
            removed.add(id(el))
            continue
        if el.name in ("html", "body"):
            continue
        hidden = _is_hidden(el)
        chrome = structural and (
            el.name in _STRUCTURAL or _attr(el, "role").lower() in _CHROME_ROLES or hidden
        )
        named = (
            by_name
            and el.name not in ("article", "main")
            and _attr(el, "itemprop") != "articleBody"
            and _is_boilerplate_name(el)
        )
        if not (chrome or named):
            continue
        wrapper = total > 0 and per.get(id(el), 0) >= 0.5 * total
        if wrapper and not hidden and not (named and _is_comment_section(el)):
            continue
        removed.add(id(el))
    return removed


# ----------------------------------------------------------------------------- scoring

_COMMAS = re.compile(r"[,，、;；]")
_SCORED_OWNERS = frozenset({"p", "pre", "td", "tr", "blockquote", "div", "section", "dd"})
_TAG_WEIGHTS = {
    "div": 5,
    "article": 10,
    "main": 5,
    "section": 3,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "address": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "dd": -3,
    "dt": -3,
    "li": -3,
    "form": -3,
    "th": -5,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "h4": -5,
    "h5": -5,
    "h6": -5,
}


def _ancestors(el: Tag, stop: Tag) -> list[Tag]:
    """Parents of `el` up to and including `stop` (or the document root)."""
    out = []
    node = el.parent
    while node is not None:
        out.append(node)
        if node is stop:
            break
        node = node.parent
    return out


def _class_weight(el: Tag) -> int:
    weight = 0
    for words in _name_words(el):
        if words & _POSITIVE:
            weight += 25
        if words & (_STRONG_NEGATIVE | _WEAK_NEGATIVE):
            weight -= 25
    return weight


def _initial_score(el: Tag) -> float:
    base = _TAG_WEIGHTS.get(el.name, 0)
    if _attr(el, "itemprop") == "articleBody":
        base += 25
    return base + _class_weight(el)


@dataclass
class _Stats:
    text: dict[int, int] = field(default_factory=dict)
    links: dict[int, float] = field(default_factory=dict)
    prose: dict[int, int] = field(default_factory=dict)
    total_prose: int = 0

    def link_density(self, el: Tag) -> float:
        chars = self.text.get(id(el), 0)
        return min(1.0, self.links.get(id(el), 0.0) / chars) if chars else 0.0


def _stats(blocks: list[_Block]) -> _Stats:
    stats = _Stats()
    for block in blocks:
        long_prose = block.size >= 80 and block.link_density < 0.3
        if long_prose:
            stats.total_prose += block.size
        node: Tag | None = block.owner
        while node is not None:
            key = id(node)
            stats.text[key] = stats.text.get(key, 0) + len(block.text)
            stats.links[key] = stats.links.get(key, 0.0) + block.link_chars
            if long_prose:
                stats.prose[key] = stats.prose.get(key, 0) + block.size
            node = node.parent
    return stats


def _scope(root: Tag, tags: list[Tag], skip: AbstractSet[int], stats: _Stats) -> Tag:
    """Prefer an explicit article container when it plainly holds the article."""

    def holds_article(el: Tag) -> bool:
        return stats.total_prose > 0 and stats.prose.get(id(el), 0) >= 0.4 * stats.total_prose

    live = [el for el in tags if id(el) not in skip and holds_article(el)]
    bodies = [el for el in live if _attr(el, "itemprop") == "articleBody"]
    if len(bodies) == 1:
        return bodies[0]
    for name in ("article", "main"):
        found = [el for el in live if el.name == name]
        if len(found) > 1:
            # Nested containers: the outermost one that holds the prose.
            ids = {id(el) for el in found}
            found = [el for el in found if not any(id(p) in ids for p in el.parents)]
        if len(found) == 1:
            return found[0]
    return root


def _element_children(el: Tag, skip: AbstractSet[int]) -> list[Tag]:
    return [c for c in el.children if isinstance(c, Tag) and id(c) not in skip]


def _select_nodes(
    scope: Tag, blocks: list[_Block], stats: _Stats, skip: AbstractSet[int]
) -> list[Tag]:
    """Readability's candidate scoring: the best container and its like siblings."""
    scores: dict[int, float] = {}
    content: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for block in blocks:
        if block.tag not in _SCORED_OWNERS or block.size < 25 or block.link_density > 0.5:
            continue
        score = 1 + len(_COMMAS.findall(block.text)) + min(block.size // 100, 3)
        chain = ([block.owner] if block.owner is scope else []) + _ancestors(block.owner, scope)
        for level, node in enumerate(chain[:5]):
            key = id(node)
            if key not in scores:
                scores[key] = _initial_score(node)
                nodes[key] = node
            divider = 1 if level == 0 else 2 if level == 1 else level * 3
            scores[key] += score / divider
            content[key] = content.get(key, 0.0) + score / divider
    if not scores:
        return [scope]

    final = {k: s * (1 - stats.link_density(nodes[k])) for k, s in scores.items()}
    ranked = sorted(final, key=lambda k: final[k], reverse=True)
    top = nodes[ranked[0]]
    top_score = final[ranked[0]]

    # Several near-equal candidates under one ancestor: the article is split into parts.
    if top_score > 0:
        near = [nodes[k] for k in ranked[1:5] if final[k] / top_score >= 0.75]
        if len(near) >= 3:
            lists = [{id(a) for a in _ancestors(n, scope)} | {id(n)} for n in near]
            parent = top.parent
            while parent is not None and top is not scope:
                if sum(id(parent) in s for s in lists) >= 3:
                    top = parent
                    break
                if parent is scope:
                    break
                parent = parent.parent

    # Climb while the parent holds more prose: more of the article may be next door. Prose
    # only, not class-name bonuses: a layout wrapper called "main_art" is no evidence.
    def prose(node: Tag) -> float:
        return content.get(id(node), 0.0) * (1 - stats.link_density(node))

    last = prose(top)
    parent = top.parent
    while top is not scope and parent is not None:
        if id(parent) in content:
            if prose(parent) < last / 3:
                break
            if prose(parent) > last:
                top = parent
                break
            last = prose(parent)
        if parent is scope:
            break
        parent = parent.parent
    while (
        top is not scope
        and top.parent is not None
        and len(_element_children(top.parent, skip)) == 1
    ):
        top = top.parent

    if top is scope or top.parent is None:
        return [top]
    top_final = final.get(id(top), top_score)
    threshold = max(10.0, top_final * 0.2)
    top_class = _attr(top, "class")
    selected = []
    for sibling in _element_children(top.parent, skip):
        if sibling is top:
            selected.append(sibling)
            continue
        bonus = top_final * 0.2 if top_class and _attr(sibling, "class") == top_class else 0
        if id(sibling) in final and final[id(sibling)] + bonus >= threshold:
            selected.append(sibling)
        elif sibling.name == "p":
            text = _clean_space(sibling.get_text())
            density = stats.link_density(sibling)
            if len(text) > 80 and density < 0.25:
                selected.append(sibling)
            elif 0 < len(text) <= 80 and density == 0 and re.search(r"[.。!?！？](\s|$)", text):
                selected.append(sibling)
    return selected


# ------------------------------------------------------------------------ block filter

_BOILERPLATE_LINE = re.compile(
    r"""(?ix)^(?:
    share(?:\s+(?:this|on|via|the|article|story|post|page))*|advertisement|advertising|ads?
    |sponsored(?:\s+content)?|read\s+(?:more|next|also)|continue\s+reading|see\s+also
    |related(?:\s+(?:posts?|articles?|stories|news|content|topics))?
    |you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|also\s+read\b.*
    |recommended(?:\s+for\s+you)?|more\s+(?:stories|news|from\b.{0,40})
    |most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?|top\s+stories|latest\s+news
    |breaking\s+news|editor'?s?\s+(?:picks?|choice)
    |leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+a\s+comment|\d+\s+comments?
    |no\s+comments(?:\s+yet)?|comments?|join\s+the\s+(?:discussion|conversation)
    |tags?\s*[:：].*|tagged\b.*|posted\s+in\b.*|filed\s+under\b.*|categor(?:y|ies)\s*[:：].*
    |previous(?:\s+(?:post|article|story))?\b.*|next(?:\s+(?:post|article|story))?\s*[:：].*
    |back\s+to\s+top|print(?:\s+this)?(?:\s+(?:page|article|story))?|e-?mail|subscribe\b.*
    |sign\s+up\b.*|follow\s+us\b.*|click\s+here\b.*|download(?:\s+pdf)?
    |(?:photo|image|file\s+photo|video)\s*[:：/].*
    |(?:editor|edited\s+by|source)\s*[:：].*
    |分享到.*|分享|打印|关闭|关闭窗口|责任编辑.*|编辑\s*[:：].*|来源\s*[:：].*|【.{0,12}】
    |相关(?:新闻|阅读|文章|链接)|延伸阅读|推荐阅读|扫一扫.*|返回顶部
    )[\s.:：!|»›>]*$"""
)
_LEGAL = re.compile(
    r"^(?:copyright\b|©|\(c\)\s*\d{4})|all rights reserved|版权所有|未经(?:书面)?授权", re.I
)
_HAS_LETTER = re.compile(r"[^\W\d_]")


def _keep_block(block: _Block, title: str | None) -> bool:
    """False for furniture that got inside the article container."""
    text = block.text
    if not _HAS_LETTER.search(text):
        return False
    if block.tag == "figcaption" or _inside(block.owner, ("figcaption",)):
        return False
    if block.link_density > 0.5:
        return False
    if title and text.casefold() == title.casefold():
        return False
    if len(text) <= 100 and _BOILERPLATE_LINE.match(text):
        return False
    if len(text) <= 600 and _LEGAL.search(text):
        return False
    if len(text) <= 80 and _byline_name(text):
        return False
    return not _is_date_line(text)


def _drop_orphan_headings(blocks: list[_Block]) -> list[_Block]:
    """A heading followed by nothing, or by a heading of the same or higher rank, heads no text."""
    kept: list[_Block] = []
    for i, block in enumerate(blocks):
        if block.level is not None:
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is None or (nxt.level is not None and nxt.level <= block.level):
                continue
        kept.append(block)
    return kept


def _main_blocks(
    root: Tag, tags: list[Tag], skip: AbstractSet[int], title: str | None
) -> list[_Block]:
    blocks = list(_iter_blocks(root, skip))
    stats = _stats(blocks)
    scope = _scope(root, tags, skip, stats)
    if scope is not root:
        blocks = [b for b in blocks if b.owner is scope or any(p is scope for p in b.owner.parents)]
    chosen = {id(n) for n in _select_nodes(scope, blocks, stats, skip)}
    inside = [
        b
        for b in blocks
        if id(b.owner) in chosen or any(id(p) in chosen for p in _ancestors(b.owner, scope))
    ]
    kept = [b for b in inside if _keep_block(b, title)]
    # Twice: dropping a trailing heading can orphan the one before it.
    return _drop_orphan_headings(_drop_orphan_headings(kept))


def _body_size(blocks: list[_Block]) -> int:
    return sum(b.size for b in blocks if b.level is None)


# ------------------------------------------------------------------------------ parse


def parse_html(
    content: bytes | str, *, url: str | None = None, declared_charset: str | None = None
) -> ParsedDocument:
    """The article in an HTML page: text, title, published date, author and sections.

    `text` is the title, then every subheading and paragraph of the article in reading
    order, separated by blank lines; `sections` are the subheadings (h2-h6) with the span
    of text each one heads. Raises `ParseError("html_empty")` when no article text is found.
    """
    soup = BeautifulSoup(decode_html(content, declared_charset), "html.parser")
    tags = _all_tags(soup)
    metas = _metas(tags)
    ld = _json_ld_objects(tags)
    title = _find_title(soup, tags, metas)
    if title is None:
        headline = next(
            (o["headline"] for o in ld if _ld_is_article(o) and isinstance(o.get("headline"), str)),
            None,
        )
        title = _clean_space(str(headline)) if headline else None

    root: Tag = soup.body or soup
    _drop_never_text(root)
    tags = _all_tags(root)
    page_blocks = list(_iter_blocks(root))
    meta = _Metadata(
        title=title,
        published=_find_published(tags, metas, ld, page_blocks, title, url),
        author=_find_author(tags, metas, ld, page_blocks, title),
    )

    # Strict cleaning first; gentler passes only if it left (almost) nothing.
    best: list[_Block] = []
    for structural, by_name in ((True, True), (True, False), (False, False)):
        skip = _furniture(tags, page_blocks, structural=structural, by_name=by_name)
        blocks = _main_blocks(root, tags, skip, title)
        size = _body_size(blocks)
        if size >= 250:
            best = blocks
            break
        # A gentler pass must find real prose, not just keep the chrome it no longer drops.
        if size > 2 * _body_size(best) and (by_name or size >= 100):
            best = blocks
    if not any(b.level is None for b in best):
        raise ParseError("html_empty", f"no main text found in {url or 'the page'}")

    pieces: list[str] = []
    heads: list[tuple[str, int]] = []
    offset = 0
    if title:
        pieces.append(title)
        offset = len(title) + 2
    for block in best:
        if block.level is not None and block.level >= 2:
            heads.append((block.text, offset))
        pieces.append(block.text)
        offset += len(block.text) + 2
    text = "\n\n".join(pieces)
    sections = []
    for i, (heading, start) in enumerate(heads):
        end = heads[i + 1][1] - 2 if i + 1 < len(heads) else len(text)
        sections.append(Section(heading=heading, char_start=start, char_end=end))
    log.debug("parsed %s: %d chars, %d sections", url or "page", len(text), len(sections))
    return ParsedDocument(
        text=text,
        title=title,
        published_date=meta.published,
        author=meta.author,
        sections=tuple(sections),
    )
