"""Sentences with exact character offsets into the document text.

Every fact's evidence is a slice of `documents.text`, so sentence boundaries are returned as
offsets rather than copied strings: `text[s.start:s.end] == s.text` always holds. A sentence
never crosses a paragraph break ("\\n\\n"), because the parsers guarantee a blank line only
between paragraphs, table cells or headings, and evidence that spans one would join
unrelated statements.

Rule-based on purpose: deterministic, fast, and easy to reason about when a boundary is
wrong. The rules cover what the reviews and news articles actually contain: titles ("Dr.",
"Prof."), "U.S.", "No. 3", decimals ("370.828"), initials ("J. Smith"), closing quotes
after a full stop, and glued sentences that PDF and web extraction leave behind
("published in 2015.China also opened").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences", "paragraph_spans"]


@dataclass(frozen=True)
class Sentence:
    """One sentence: `doc_text[start:end] == text`, trimmed of surrounding whitespace."""

    start: int
    end: int
    text: str
    paragraph: int  # index of the paragraph (blank-line separated block) it belongs to


# Words after which a full stop does not end a sentence. Lower-cased, without the dot.
_ABBREVIATIONS = frozenset(
    """
    dr prof mr mrs ms mx st no nos vs al eg ie cf approx est dept univ inst assoc
    gen lt col capt sgt cmdr adm gov sen rep pres amb hon rev jr sr messrs mt ft fig figs
    vol vols pp eds sec para ch corp inc ltd co bros
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues thu thur thurs fri sat
    """.split()
)
# Dotted abbreviations that may end a sentence only before a typical sentence opener.
_DOTTED = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_SENTENCE_OPENERS = frozenset(
    """
    The This That These Those It Its He She They We I In On At By For From A An But And Or
    However Meanwhile Also Moreover Furthermore According During After Before
    While When Since As Under With Our Their His Her There Here Last Next China Chinese
    """.split()
)

_LOWER_OR_DIGIT = re.compile(r"[a-z0-9]{2}").fullmatch
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# Candidate ends: terminal punctuation plus closing quotes/brackets, then whitespace.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|[.!?]+[\"'”’)\]]*$")
# A full stop glued to a capitalised word: "in 2015.China" (lowercase/digit before it),
# "(Beijing Time).The" (a closing bracket), "the rocket.A test satellite" (the article A).
_GLUED = re.compile(r"[.](?=[A-Z][a-z]|A\s+[a-z])")  # the characters before: checked in code
# A single newline inside a paragraph ends a sentence when a new line visibly starts one.
_LINE_BREAK = re.compile(r"\n(?=[ \t]*(?:[-*•–]\s|\d+[.)]\s|[A-Z\"“‘'(]))")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph, trimmed, in order."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    for start, end in spans:
        start, end = _trim(text, start, end)
        if start < end:
            out.append((start, end))
    return out


def split_sentences(text: str, paragraphs: Iterable[int] | None = None) -> list[Sentence]:
    """Split `text` into sentences with offsets into `text`; never across a paragraph break.

    `paragraphs`, when given, limits the work to those paragraph indices (as numbered by
    `paragraph_spans`), for callers that only need the sentences around a few spots.
    """
    spans = paragraph_spans(text)
    wanted = range(len(spans)) if paragraphs is None else sorted(set(paragraphs))
    out: list[Sentence] = []
    for p_index in wanted:
        if not 0 <= p_index < len(spans):
            continue
        p_start, p_end = spans[p_index]
        for start, end in _split_paragraph(text, p_start, p_end):
            out.append(Sentence(start, end, text[start:end], p_index))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_paragraph(text: str, p_start: int, p_end: int) -> list[tuple[int, int]]:
    para = text[p_start:p_end]
    cuts: set[int] = set()
    for m in _END.finditer(para):
        if _is_boundary(para, m.start(), m.end()):
            cuts.add(m.end())
    for m in _GLUED.finditer(para):
        dot = m.start()
        before = para[dot - 2 : dot] if dot >= 2 else ""
        if before[-1:] == ")" and before[:1].isalnum():
            cuts.add(m.end())  # "(Beijing Time).The satellite"
        elif before and _LOWER_OR_DIGIT(before) and not _is_abbreviation(para, dot):
            cuts.add(m.end())
    for m in _LINE_BREAK.finditer(para):
        cuts.add(m.start())
    spans: list[tuple[int, int]] = []
    pos = 0
    for cut in sorted(cuts):
        s, e = _trim(text, p_start + pos, p_start + cut)
        if s < e:
            spans.append((s, e))
        pos = cut
    s, e = _trim(text, p_start + pos, p_end)
    if s < e:
        spans.append((s, e))
    return spans


def _previous_token(para: str, dot: int) -> str:
    """The run of non-space characters that ends at `dot` (the punctuation position)."""
    i = dot
    while i > 0 and not para[i - 1].isspace():
        i -= 1
    return para[i:dot]


def _is_abbreviation(para: str, dot: int) -> bool:
    token = _previous_token(para, dot).lstrip("(\"'“‘")
    word = token.rstrip(".").lower()
    if word in _ABBREVIATIONS:
        return True
    # A single capital letter is an initial ("J. Smith"), not a sentence end.
    return len(token) == 1 and token.isupper()


def _next_word(para: str, pos: int) -> str:
    m = re.match(r"\s*([\"“‘'(]*)([^\s]*)", para[pos:])
    return m.group(2) if m else ""


def _is_boundary(para: str, punct_start: int, punct_end: int) -> bool:
    if para[punct_start] != ".":
        return True  # "!" and "?" always end a sentence
    token = _previous_token(para, punct_start) + "."
    nxt = _next_word(para, punct_end)
    if not nxt:
        return True
    if _DOTTED.search(token.lstrip("(\"'“‘")):
        # "U.S." / "e.g." / "a.m.": a boundary only before a common sentence opener.
        return nxt.rstrip(",;:") in _SENTENCE_OPENERS
    if _is_abbreviation(para, punct_start):
        return False
    first = nxt[0]
    # Sentences start with a capital, digit, quote or bracket; lower case continues.
    return not first.islower()
