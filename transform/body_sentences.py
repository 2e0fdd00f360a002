"""The sentences of the paragraphs an extractor reads, and which of them are body text.

Which sentences count: only body sentences. A review's table of contents, its section
headings and each item's headline repeat what the body says, and a headline states no
date, place or participants of its own; counting it would give every item twice. A body
sentence ends like a sentence (".", "!", "?", a closing quote); headings, headlines,
contents lines ("- China Launches ...") and datelines do not.

Splitting applies the rules of `transform.sentences` without copying the rest of the
paragraph at every full stop (that module's `_next_word` slices `para[pos:]`, which is
quadratic in a paragraph's length). Same rules, same offsets.
"""

from __future__ import annotations

import re

from transform.sentences import (
    _ABBREVIATIONS,
    _DOTTED,
    _END,
    _GLUED,
    _LINE_BREAK,
    _LOWER_OR_DIGIT,
    _SENTENCE_OPENERS,
    Sentence,
)

__all__ = ["after_dateline", "is_body", "split_paragraphs"]

_NEXT_WORD = re.compile(r"\s*([\"“‘'(]*)([^\s]*)")


def _previous_token(text: str, lo: int, dot: int) -> str:
    i = max(text.rfind(" ", lo, dot), text.rfind("\n", lo, dot), text.rfind("\t", lo, dot))
    token = text[max(i + 1, lo) : dot]
    if token.isprintable():  # every whitespace character but " " is unprintable
        return token
    j = dot  # other whitespace (no-break space, \r): the exact rule
    while j > lo and not text[j - 1].isspace():
        j -= 1
    return text[j:dot]


def _is_abbreviation(text: str, lo: int, dot: int, token: str | None = None) -> bool:
    token = (_previous_token(text, lo, dot) if token is None else token).lstrip("(\"'“‘")
    if token.rstrip(".").lower() in _ABBREVIATIONS:
        return True
    return len(token) == 1 and token.isupper()


def _is_boundary(text: str, lo: int, hi: int, punct_start: int, punct_end: int) -> bool:
    if text[punct_start] != ".":
        return True
    before = _previous_token(text, lo, punct_start)
    m = _NEXT_WORD.match(text, punct_end, hi)
    nxt = m.group(2) if m else ""
    if not nxt:
        return True
    if _DOTTED.search((before + ".").lstrip("(\"'“‘")):
        return nxt.rstrip(",;:") in _SENTENCE_OPENERS
    if _is_abbreviation(text, lo, punct_start, before):
        return False
    return not nxt[0].islower()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ends(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """`list(_END.finditer(text, lo, hi))`, several times faster: a match can only start
    at a ".", "!" or "?", and `str.find` reaches those without trying every position."""
    marks: list[int] = []
    for ch in ".!?":
        i = text.find(ch, lo, hi)
        while i != -1:
            marks.append(i)
            i = text.find(ch, i + 1, hi)
    if len(marks) > 1:
        marks.sort()
    out: list[re.Match[str]] = []
    last = lo
    for i in marks:
        if i < last:
            continue
        m = _END.match(text, i, hi)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


def split_paragraphs(text: str, spans: list[tuple[int, int]], wanted: list[int]) -> list[Sentence]:
    """`sentences.split_sentences(text, wanted)`, given the paragraph spans already read."""
    out: list[Sentence] = []
    for index in wanted:
        lo, hi = spans[index]
        cuts: set[int] = set()
        for m in _ends(text, lo, hi):
            if _is_boundary(text, lo, hi, m.start(), m.end()):
                cuts.add(m.end())
        for m in _GLUED.finditer(text, lo, hi):
            dot = m.start()
            if dot - lo < 2:
                continue
            if text[dot - 1] == ")" and text[dot - 2].isalnum():
                cuts.add(m.end())  # "(Beijing Time).The satellite", as `sentences` cuts it
            elif _LOWER_OR_DIGIT(text[dot - 2 : dot]) and not _is_abbreviation(text, lo, dot):
                cuts.add(m.end())
        for m in _LINE_BREAK.finditer(text, lo, hi):
            cuts.add(m.start())
        pos = lo
        for cut in sorted(cuts):
            s, e = _trimmed(text, pos, cut)
            if s < e:
                out.append(Sentence(s, e, text[s:e], index))
            pos = cut
        s, e = _trimmed(text, pos, hi)
        if s < e:
            out.append(Sentence(s, e, text[s:e], index))
    return out


_TERMINAL = frozenset('.!?"”’)')
_CUT_OFF_WORDS = 20
# "MOSCOW, Sept. 20 -- ", "CHIANG MAI, Thailand, Aug. 9 -- ": a news dateline
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w.'’ -]{1,40})?,\s*)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,\s*\d{4})?\s*(?:\([A-Z]+\))?\s*(?:--|—|–|:)\s*"
)


def after_dateline(text: str, s: Sentence) -> int:
    """Where the sentence's own words start: after a news dateline, whose date is the
    publication's, not an event's."""
    m = _DATELINE.match(text, s.start, s.end)
    return m.end() if m else s.start


def is_body(s: Sentence) -> bool:
    """Whether `s` is body text, not a heading, headline or contents line (see above)."""
    text = s.text
    if text.startswith(("- ", "• ", "* ")):
        # a list item: a contents line, unless it is a whole long sentence (a digest's item
        # that tells its news in full)
        return text[-1] in _TERMINAL and len(text.split(maxsplit=_CUT_OFF_WORDS)) > _CUT_OFF_WORDS
    if text[-1] not in _TERMINAL:
        # a heading is short; a long line without its full stop is a sentence the page
        # cut off (stored copies often stop mid-text) or one that opens a list with ":"
        return len(text.split(maxsplit=_CUT_OFF_WORDS)) > _CUT_OFF_WORDS
    return len(text.split(maxsplit=3)) >= 4
