"""Bytes of a web page -> text, choosing the character encoding from the evidence at hand.

trafilatura decodes on its own (UTF-8, else charset detection), but it looks at neither the
HTTP header nor `<meta charset>`, and detection on a UTF-8 page with one stray byte may say
cp1250 or mac-latin2, which turns every non-ASCII letter into garbage. The pages here are
often Chinese and often served without a charset, so the choice is made here and the text,
not the bytes, goes to the parser.

Order of evidence (`detect_encoding`):

1. a byte-order mark;
2. UTF-8, when the bytes are valid UTF-8 or nearly so: many well-formed multi-byte
   characters and at most a few bad bytes (replaced). With non-ASCII bytes this is all
   but impossible by accident in a legacy encoding, so it beats a stale `gb2312` meta tag
   or an `ISO-8859-2` header, which a single-byte charset cannot disprove: every byte
   decodes under it;
3. the declared charset (HTTP header), then `<meta charset>`, each when the bytes decode
   under it with at most a few errors -- those few bytes are replaced, the page is kept;
4. charset_normalizer's detection, with a tie going to GB18030;
5. last, a weak label (ISO-8859-1, ASCII, windows-1252: what servers say unconfigured).

GB2312 and GBK labels decode as GB18030, their superset, as browsers do.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

__all__ = ["decode_html", "detect_encoding"]

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
_ALIASES = {"x-gbk": "gbk", "gb_2312-80": "gbk", "cp936": "gbk", "windows-936": "gbk"}
# What servers send when nobody configured a charset: weak evidence, checked last.
_WEAK_LABELS = frozenset({"cp1252"})
_DETECT_LIMIT = 400_000
_NOT_TEXT = re.compile(rb"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_MULTIBYTE = ("gb", "big5", "cp93", "cp94", "cp95", "euc", "shift", "iso2022", "utf", "hz", "johab")
# "A few errors": a handful of bad bytes, or one in 200 non-ASCII bytes on a long page. A
# page in another encoding fails on most of its non-ASCII bytes, far above either bound.
_FEW_ERRORS = 8
_ERROR_SHARE = 0.005
# UTF-8 is taken despite errors only if correct multi-byte characters outnumber them this
# many times: in a Latin-1 page every accented letter is an error and well-formed UTF-8
# sequences are accidents ("café" is one error and nothing else).
_UTF8_EVIDENCE = 3
_ASCII_BYTES = bytes(range(0x80))


def _normalize_charset(label: str | None) -> str | None:
    """A codec name Python knows, superset applied; None for an unknown label."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    return _SUPERSETS.get(canonical, canonical)


def _non_ascii(content: bytes) -> int:
    return len(content.translate(None, _ASCII_BYTES))  # the bytes left once ASCII is deleted


def _decodes_well(content: bytes, encoding: str) -> bool:
    """True when `content` decodes under `encoding` with at most a few errors."""
    try:
        errors = content.decode(encoding, errors="replace").count("\ufffd")
    except LookupError:
        return False
    if encoding.startswith("utf"):
        errors -= content.count("\ufffd".encode(encoding))  # the page's own U+FFFD
    return errors <= max(_FEW_ERRORS, int(_ERROR_SHARE * _non_ascii(content)))


def _mostly_utf8(content: bytes) -> bool:
    """UTF-8 with a few bad bytes: many well-formed multi-byte characters, few errors."""
    text = content.decode("utf-8", errors="replace")
    errors = text.count("\ufffd")
    multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - errors
    return _decodes_well(content, "utf-8") and multibyte >= _UTF8_EVIDENCE * errors


def _sniff_meta_charset(content: bytes) -> str | None:
    head = content[:8192]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return _normalize_charset(m.group(1).decode("ascii")) if m else None


def _detect(content: bytes) -> str | None:
    """charset_normalizer's guess on the page less its scripts, styles and comments; on a
    tie, GB18030, the encoding this pipeline meets most.

    Scripts are mostly ASCII and drown the text: ten kilobytes of them around a short
    Chinese notice make the detector say cp852. Short GBK snippets decode just as cleanly as
    Korean CP949, and the detector may rank that first; the material here is Chinese, so a
    tie goes to Chinese.
    """
    results = from_bytes(_NOT_TEXT.sub(b" ", content)[:_DETECT_LIMIT])
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
    """The codec name to decode `content` with (see the module docstring for the order)."""
    if content.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if content.isascii():
        return "utf-8"
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        if _mostly_utf8(content):
            return "utf-8"
    else:
        return "utf-8"
    declared = _normalize_charset(declared_charset)
    meta = _sniff_meta_charset(content)
    for candidate in (declared, meta):
        if candidate and candidate not in _WEAK_LABELS and _decodes_well(content, candidate):
            return candidate
    guessed = _detect(content)
    weak = [c for c in (declared, meta) if c in _WEAK_LABELS]
    if weak and (guessed is None or not guessed.startswith(_MULTIBYTE)):
        # A single-byte guess adds nothing to a single-byte declaration; a CJK guess does.
        return weak[0]
    if guessed:
        return guessed
    return "utf-8"


def decode_html(content: bytes | str, declared_charset: str | None = None) -> str:
    """Bytes -> text under `detect_encoding`'s choice; the few bytes that do not fit become
    U+FFFD instead of costing the page. A byte-order mark is dropped; text passes through."""
    if isinstance(content, str):
        return content
    encoding = detect_encoding(content, declared_charset)
    return content.decode(encoding, errors="replace")
