"""Content sniffing: the bytes decide, the label and the extension only break ties."""

from __future__ import annotations

import codecs

import pytest
import requests
from hypothesis import given
from hypothesis import strategies as st

from extract.sniff import charset_from_content_type, mime_type, sniff_kind
from tests.extract.fault_server import GBK_TEXT, FaultServer, make_pdf

PDF = make_pdf(pages=1)
HTML = b"<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>"
RSS = b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel></channel></rss>'
ATOM = b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>a</title></feed>'
RDF = (
    b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
    b' xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>'
)


# ----------------------------------------------------------------------------- bytes first


@pytest.mark.parametrize(
    ("content", "declared", "url", "kind"),
    [
        # Mislabelled: the bytes win.
        (PDF, "text/html; charset=utf-8", "https://a.cn/download.php?id=3", "pdf"),
        (PDF, "application/octet-stream", "https://a.cn/file", "pdf"),
        (PDF, None, "https://a.cn/x.html", "pdf"),
        (HTML, "application/octet-stream", "https://a.cn/file", "html"),
        (HTML, "application/pdf", "https://a.cn/report.pdf", "html"),  # an error page
        (RSS, "text/html", "https://a.cn/rss", "feed"),
        (RSS, "text/xml", "https://a.cn/sci.xml", "feed"),
        (ATOM, "application/octet-stream", "https://a.cn/atom", "feed"),
        (RDF, "application/xml", "https://a.cn/index.rdf", "feed"),
        # Correctly labelled.
        (PDF, "application/pdf", "https://a.cn/x.pdf", "pdf"),
        (HTML, "text/html", "https://a.cn/", "html"),
        (RSS, "application/rss+xml", "https://a.cn/feed", "feed"),
    ],
)
def test_bytes_decide(content: bytes, declared: str | None, url: str, kind: str):
    assert sniff_kind(content, declared, url) == kind


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"\xef\xbb\xbf" + HTML, "html"),  # UTF-8 BOM
        (b"\n\n   \t" + HTML, "html"),
        (b"<!-- generated -->\n<html><body>x</body></html>", "html"),
        (b"<HTML><BODY>shouting</BODY></HTML>", "html"),
        (b"<head><meta charset=gbk></head><body>x</body>", "html"),
        (b"<!DOCTYPE HTML PUBLIC '-//W3C//DTD HTML 4.01//EN'><html>", "html"),
        (
            b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
            "html",
        ),
        (b'<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><rss version="2.0"/>', "feed"),
        (b"<!DOCTYPE rss PUBLIC '-//Netscape//DTD RSS 0.91//EN'><rss version='0.91'/>", "feed"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "b>c">]>\n<rss/>', "feed"),
        ("\ufeff".encode("utf-16-le") + "<rss version='2.0'/>".encode("utf-16-le"), "feed"),
        ("<rss version='2.0'/>".encode("utf-16-be"), "feed"),
        (b"junk\r\n%PDF-1.4\n...", "pdf"),  # leading junk before the magic is tolerated
    ],
)
def test_markup_variants(content: bytes, kind: str):
    assert sniff_kind(content, "application/octet-stream", "https://a.cn/x") == kind


def test_pdf_magic_inside_html_text_is_not_a_pdf():
    page = b"<html><body><p>Files start with %PDF-1.7 as you know</p></body></html>"
    assert sniff_kind(page, "text/html", "https://a.cn/about") == "html"


def test_binary_formats_are_unknown_whatever_the_label():
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
    zipfile = b"PK\x03\x04" + b"\x00" * 40
    assert sniff_kind(png, "text/html", "https://a.cn/x.html") == "unknown"
    assert sniff_kind(zipfile, "application/pdf", "https://a.cn/x.pdf") == "unknown"
    assert sniff_kind(b"\x01\x02\x00\x03binary", "text/html", "https://a.cn/") == "unknown"


def test_other_xml_is_unknown_not_a_feed():
    sitemap = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/"></urlset>'
    assert sniff_kind(sitemap, "text/xml", "https://a.cn/sitemap.xml") == "unknown"


def test_tag_soup_with_odd_first_element_trusts_an_html_label():
    soup = b"<center><span>old site</span></center>"
    assert sniff_kind(soup, "text/html", "https://a.cn/") == "html"
    assert sniff_kind(soup, None, "https://a.cn/index.htm") == "html"
    assert sniff_kind(soup, None, "https://a.cn/") == "unknown"


@pytest.mark.parametrize("content", [b"", b"   \r\n\t "])
def test_empty_body_is_unknown(content: bytes):
    assert sniff_kind(content, "text/html", "https://a.cn/x.html") == "unknown"


# ----------------------------------------------------------------------------- fallbacks


@pytest.mark.parametrize(
    ("declared", "url", "kind"),
    [
        ("application/pdf", "https://a.cn/x", "pdf"),
        ("text/html; charset=gbk", "https://a.cn/x", "html"),
        ("application/atom+xml", "https://a.cn/x", "feed"),
        (None, "https://a.cn/Report.PDF?download=1", "pdf"),
        ("application/octet-stream", "https://a.cn/page.shtml", "html"),
        (None, "https://a.cn/news.rss", "feed"),
        (None, "https://a.cn/dir.v2/file", "unknown"),
        ("text/plain", "https://a.cn/readme", "unknown"),
    ],
)
def test_label_then_extension_when_bytes_say_nothing(declared: str | None, url: str, kind: str):
    # Plain text: no magic, no markup, so the bytes do not decide.
    assert sniff_kind(b"just some words", declared, url) == kind


# ----------------------------------------------------------------------------- charsets


@pytest.mark.parametrize(
    ("content_type", "charset"),
    [
        ("text/html; charset=utf-8", "utf-8"),
        ("text/html; charset=UTF8", "utf-8"),
        ('text/html; charset="GBK"', "gb18030"),
        ("text/html;charset=gb2312", "gb18030"),
        ("text/html; foo=bar; charset = 'big5' ", "big5hkscs"),
        ("text/html; charset=ISO-8859-1", "cp1252"),
        ("text/html; charset=shift_jis", "shift_jis"),
        ("application/xml; charset=utf-16", "utf-16"),
        ("text/html", None),
        ("text/html; charset=", None),
        ("text/html; charset=no-such-encoding", None),
        ("text/html; charset", None),
        ("", None),
        (None, None),
    ],
)
def test_charset_from_content_type(content_type: str | None, charset: str | None):
    assert charset_from_content_type(content_type) == charset


def test_gb2312_label_decodes_gbk_only_characters():
    # 镕 is in GBK but not GB2312; sites labelled gb2312 use it in names.
    body = "朱镕基".encode("gbk")
    charset = charset_from_content_type("text/html; charset=gb2312")
    assert charset is not None
    assert body.decode(charset) == "朱镕基"


def test_mime_type():
    assert mime_type("Text/HTML; charset=GBK") == "text/html"
    assert mime_type("nonsense") is None
    assert mime_type(None) is None


# ----------------------------------------------------------------------------- properties


@given(st.binary(max_size=2048), st.one_of(st.none(), st.text(max_size=60)), st.text(max_size=80))
def test_sniff_kind_total(content: bytes, declared: str | None, url: str):
    assert sniff_kind(content, declared, url) in {"pdf", "html", "feed", "unknown"}


@given(st.one_of(st.none(), st.text(max_size=120)))
def test_charset_never_raises_and_is_a_codec(content_type: str | None):
    charset = charset_from_content_type(content_type)
    if charset is not None:
        codecs.lookup(charset)


@given(st.binary(max_size=512))
def test_pdf_magic_at_start_always_wins(tail: bytes):
    assert sniff_kind(b"%PDF-1.7\n" + tail, "text/html", "https://a.cn/x.html") == "pdf"


# ----------------------------------------------------------------------------- served bytes


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/pdf/ok", "pdf"),
        ("/pdf/truncated", "pdf"),
        ("/pdf/encrypted", "pdf"),
        ("/pdf/as-html", "pdf"),
        ("/html/as-octet-stream", "html"),
        ("/gbk", "html"),
        ("/feed/ok", "feed"),
        ("/feed/atom", "feed"),
        ("/feed/bomb", "feed"),
        ("/feed/offsite", "feed"),
    ],
)
def test_fault_server_bodies(fault_server: FaultServer, path: str, kind: str):
    response = requests.get(fault_server.url(path), timeout=5)
    assert sniff_kind(response.content, response.headers.get("Content-Type"), response.url) == kind


def test_gbk_page_without_charset_header(fault_server: FaultServer):
    response = requests.get(fault_server.url("/gbk"), timeout=5)
    assert charset_from_content_type(response.headers["Content-Type"]) is None
    assert GBK_TEXT in response.content.decode("gbk")
    with pytest.raises(UnicodeDecodeError):
        response.content.decode("utf-8")
