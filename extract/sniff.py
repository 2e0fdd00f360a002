"""What a fetched body is, judged from its bytes before its label.

Servers mislabel: PDFs come back as text/html from download scripts, HTML error pages as
application/pdf under a `.pdf` URL, pages as application/octet-stream, feeds as
text/xml. Choosing a parser from the Content-Type alone would feed a PDF to the HTML
parser (garbage text that still "succeeds") or an error page to the PDF parser. So the
bytes decide first (roughly the WHATWG MIME sniffing rules), and the declared type and the
URL's extension only break ties when the bytes say nothing.

Pure functions, no I/O.
"""

from __future__ import annotations

import codecs
import re
from urllib.parse import urlsplit

__all__ = ["charset_from_content_type", "mime_type", "sniff_kind"]

# Only the head is examined: enough for a BOM, an XML prolog, comments and a DOCTYPE.
_HEAD_BYTES = 4096
# The PDF spec puts %PDF- at offset 0, but readers accept it within the first 1024 bytes
# and some servers prepend junk (a BOM, whitespace, a stray header line).
_PDF_WINDOW = 1024

_BINARY_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"PK\x03\x04",  # zip, docx, xlsx, epub
    b"\x1f\x8b",  # gzip that nobody decoded
    b"\xd0\xcf\x11\xe0",  # OLE2: doc, xls
    b"RIFF",
    b"%!PS",
)

_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "rdf"})
# WHATWG "identify an unknown MIME type": tags that mark a body as HTML when first.
_HTML_TAGS = frozenset(
    {
        "html",
        "head",
        "body",
        "script",
        "iframe",
        "h1",
        "div",
        "font",
        "table",
        "a",
        "style",
        "title",
        "b",
        "br",
        "p",
        "meta",
        "link",
    }
)

_PDF_TYPES = frozenset({"application/pdf", "application/x-pdf", "application/acrobat"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/x-rss+xml",
        "text/rss+xml",
    }
)

_HTML_EXTENSIONS = frozenset(
    {".html", ".htm", ".shtml", ".xhtml", ".php", ".asp", ".aspx", ".jsp", ".cfm"}
)
_FEED_EXTENSIONS = frozenset({".rss", ".atom", ".rdf", ".xml"})

_TAG_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9:_.-]*)")
# Labels that WHATWG maps to a wider encoding than Python's codec of the same name. Chinese
# sites say gb2312 and send GBK or GB18030 characters; decoding with gb2312 would fail on
# them, and GB18030 is a superset of all three. ISO-8859-1/ASCII labels mean windows-1252
# on the web (curly quotes in 0x80-0x9F).
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gb_2312": "gb18030",
    "gb_2312-80": "gb18030",
    "csgb2312": "gb18030",
    "x-gbk": "gb18030",
    "gbk": "gb18030",
    "chinese": "gb18030",
    "iso-ir-58": "gb18030",
    "euc-cn": "gb18030",
    "big5": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "x-sjis": "shift_jis",
    "unicode-1-1-utf-8": "utf-8",
    "utf8": "utf-8",
}


def mime_type(content_type: str | None) -> str | None:
    """`'Text/HTML; charset=GBK'` -> `'text/html'`; None when absent or malformed."""
    if not content_type:
        return None
    value = content_type.split(";", 1)[0].strip().lower()
    return value if "/" in value else None


def charset_from_content_type(ct: str | None) -> str | None:
    """The charset a Content-Type header declares, as a Python codec name, or None.

    None when there is no charset parameter or it names no known encoding, so the caller
    falls back to `<meta>` or detection instead of failing on a typo. Labels are widened
    as browsers do (see `_CHARSET_ALIASES`), so `gb2312` decodes as GB18030.
    """
    if not ct:
        return None
    for param in ct.split(";")[1:]:
        name, sep, value = param.partition("=")
        if not sep or name.strip().lower() != "charset":
            continue
        label = value.strip().strip("\"'").strip().lower()
        if not label:
            return None
        label = _CHARSET_ALIASES.get(label, label)
        try:
            return codecs.lookup(label).name
        except LookupError:
            return None
    return None


def _decode_head(content: bytes) -> str | None:
    """The head as text for tag matching; None when it looks binary."""
    head = content[:_HEAD_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="replace")
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    elif len(head) >= 4 and head[0] == 0 and head[1] == ord("<"):
        return head.decode("utf-16-be", errors="replace")
    elif len(head) >= 4 and head[0] == ord("<") and head[1] == 0:
        return head.decode("utf-16-le", errors="replace")
    if b"\x00" in head:
        return None
    # Latin-1 never fails and keeps ASCII markup intact in every ASCII-compatible charset.
    return head.decode("latin-1")


def _skip_prolog(text: str) -> str:
    """Drop leading whitespace, XML declaration, processing instructions and comments."""
    pos = 0
    length = len(text)
    while pos < length:
        while pos < length and text[pos] in " \t\r\n\f\ufeff":
            pos += 1
        if text.startswith("<?", pos):
            end = text.find("?>", pos + 2)
            if end < 0:
                return ""
            pos = end + 2
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            if end < 0:
                return ""
            pos = end + 3
        else:
            break
    return text[pos:]


def _root(text: str) -> str | None:
    """What the markup starts with: "doctype:html", "doctype:feed" or a lowercased root
    tag name; None when the text does not start with markup at all."""
    body = _skip_prolog(text)
    lowered = body.lower()
    if lowered.startswith("<!doctype"):
        doctype_end = lowered.find(">")
        doctype = lowered[: doctype_end if doctype_end >= 0 else 200]
        if re.match(r"<!doctype\s+html", doctype):
            return "doctype:html"
        if re.match(r"<!doctype\s+(rss|feed|rdf)", doctype):
            return "doctype:feed"
        # An internal DTD subset ("[ ... ]>") may contain '>' inside; skip to "]>" then.
        if "[" in doctype:
            end = lowered.find("]>")
            body = body[end + 2 :] if end >= 0 else ""
        else:
            body = body[doctype_end + 1 :] if doctype_end >= 0 else ""
        body = _skip_prolog(body)
    match = _TAG_RE.match(body)
    return match.group(1).lower() if match else None


def _kind_from_root(root: str) -> str | None:
    if root == "doctype:html" or root in _HTML_TAGS:
        return "html"
    if root == "doctype:feed" or root in _FEED_ROOTS or root.endswith(":rdf"):
        return "feed"
    return None


def _kind_from_type(declared_type: str | None) -> str | None:
    mime = mime_type(declared_type)
    if mime in _PDF_TYPES:
        return "pdf"
    if mime in _HTML_TYPES:
        return "html"
    if mime in _FEED_TYPES:
        return "feed"
    return None


def _kind_from_extension(url: str) -> str | None:
    try:
        path = urlsplit(url).path.lower()
    except ValueError:
        return None
    dot = path.rfind(".")
    if dot < 0 or "/" in path[dot:]:
        return None
    ext = path[dot:]
    if ext == ".pdf":
        return "pdf"
    if ext in _HTML_EXTENSIONS:
        return "html"
    if ext in _FEED_EXTENSIONS:
        return "feed"
    return None


def sniff_kind(content: bytes, declared_type: str | None, url: str) -> str:
    """ "pdf" | "html" | "feed" | "unknown" for a fetched body.

    Order: PDF magic; known binary formats (images, archives) are "unknown" whatever the
    label says, so no parser chews on them; markup, judged by its root element after any
    prolog, comments and DOCTYPE; then the declared type; then the URL's extension.
    Markup with an unrecognised root (a sitemap, an SVG) is "unknown" unless the label or
    extension says HTML, since tag soup often starts with an arbitrary element. An empty
    body is "unknown": there is nothing to parse, whatever it was meant to be.
    """
    if not content.strip():
        return "unknown"
    magic_at = content.find(b"%PDF-", 0, _PDF_WINDOW)
    if magic_at >= 0 and b"<" not in content[:magic_at]:
        return "pdf"
    if content.lstrip().startswith(_BINARY_MAGIC):
        return "unknown"
    text = _decode_head(content)
    if text is None:
        return "unknown"
    root = _root(text)
    if root is not None:
        kind = _kind_from_root(root)
        if kind is not None:
            return kind
        if "html" in (_kind_from_type(declared_type), _kind_from_extension(url)):
            return "html"
        return "unknown"
    return _kind_from_type(declared_type) or _kind_from_extension(url) or "unknown"
