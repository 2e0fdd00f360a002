"""Where a person's role phrase starts and ends around the name.

A role stands in apposition after the name ("Dai Gang, Director General of the
International Cooperation Department, Chinese Ministry of Science and Technology"), runs
straight into it ("Chinese Vice Minister of Science and Technology Chen Jiachang",
"Chongqing Mayor Hu Henghua", "his French counterpart Le Thaillou"), or comes first with
the name in apposition ("the President of CASISD, Pan Jiaofeng,"). A phrase is a role
only when it holds a role word; a phrase that runs into another name is that name's role.
"""

from __future__ import annotations

import re

from transform.participant_words import (
    ROLE_ADJECTIVES,
    ROLE_CONNECTORS,
    ROLE_MODIFIERS,
    ROLE_STOP_NAMES,
    ROLE_WORDS,
)

_ROLE_QUALIFIER = re.compile(
    r"(?:(?:the|its|his|her|their|a|an)\s+)?"
    r"(?:(?:former|acting|then|outgoing|incoming|current|honorary|permanent|newly\s+appointed)"
    r"\s+)?"
    r"(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?:'s|’s)\s+|(?:[A-Z][a-z]+\s+){1,3})?"
)
_ARTICLE = re.compile(
    r"(?:(?:the|its|his|her|their|a|an)\s+)?(?:(?:former|acting|then|outgoing|incoming"
    r"|current|honorary|permanent|newly\s+appointed)\s+)?"
)
_ROLE_TOKEN = re.compile(r"[A-Z](?:\.[A-Z])+\.|[A-Za-z][\w&'’-]*|\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)")
_WORD_AT = re.compile(r"[\w-]+")
# A role whose portfolio is a list ("Minister of Science, Technology and Education").
ROLE_WITH_LIST = re.compile(
    r"(?:[A-Z][\w.'’-]*(?:'s|’s)\s+)?(?:[A-Z][\w-]*\s+){0,2}"
    r"(?:" + "|".join(sorted((w.capitalize() for w in ROLE_WORDS), key=len, reverse=True)) + r")"
    r"\s+(?:for|of)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:,\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)+"
    r",?\s+and\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*"
)


def is_role_word(word: str) -> bool:
    """A role word, also inside a hyphenated compound ("Vice-Minister", "Minister-Counsellor")."""
    low = word.lower()
    return low in ROLE_WORDS or ("-" in low and any(p in ROLE_WORDS for p in low.split("-")))


def starts_role(text: str, pos: int, limit: int) -> bool:
    """Whether a role phrase starts at `pos`: "Director ...", "the President of ...",
    "China's ambassador ...", "its Chairman", "former Minister ...", "German Federal
    Minister ..."."""
    m = _ARTICLE.match(text, pos, limit)
    first = _WORD_AT.match(text, m.end(), limit) if m else None
    if first and is_role_word(first.group(0)):
        return True
    m = _ROLE_QUALIFIER.match(text, pos, limit)
    if m is None:
        return False
    # the qualifier's own capitalised words may already be the role ("Vice Minister")
    for w in _WORD_AT.finditer(text, pos, min(limit, m.end() + 30)):
        if is_role_word(w.group(0)):
            return True
        if w.start() >= m.end():
            break
    return False


_SPACES = re.compile(r"\s*")
_COMMA_WORD = re.compile(r",\s*(\S+)")


def role_phrase_after(text: str, pos: int, limit: int, name_starts: set[int]) -> int:
    """End of a role phrase starting at `pos` (after "Name, "); `pos` when there is none or
    when the phrase runs straight into another name (then it is that name's role)."""
    i = pos
    last_good = pos
    seen_role = False
    while i < limit:
        j = _SPACES.match(text, i, limit).end()  # type: ignore[union-attr]
        if j >= limit:
            break
        if j in name_starts:
            between = text[last_good:j].strip()
            if between in ("", "and", ", and", ","):
                if between == "":
                    return pos  # "Name1, Chongqing Mayor Name2": the role is Name2's
                break
        ch = text[j]
        if ch == ",":
            nxt = _COMMA_WORD.match(text, j, limit)
            if not nxt:
                break
            word = nxt.group(1).rstrip(",.;:")
            k = nxt.start(1)
            if k in name_starts or not word[:1].isupper():
                break
            if word in ROLE_STOP_NAMES:
                if seen_role:
                    last_good = k + len(word)
                    i = last_good
                    continue
                break
            i = k
            continue
        m = _ROLE_TOKEN.match(text, j, limit)
        if not m:
            break
        tok = m.group(0)
        low = tok.lower()
        if tok[0].isupper() or tok.startswith("(") or low in ROLE_WORDS:
            if is_role_word(tok):
                seen_role = True
            last_good = m.end()
            i = m.end()
            continue
        if low in ROLE_CONNECTORS or low in ("'s", "’s") or low in ROLE_MODIFIERS:
            i = m.end()
            continue
        break
    return last_good if seen_role else pos


def role_phrase_before(text: str, role_end: int, floor: int) -> int | None:
    """Start of a role phrase ending at `role_end` (right before a name, or before the comma
    of "the President of CASISD, Pan Jiaofeng"): "Vice Minister of Science and Technology",
    "Chongqing Mayor", "his French counterpart", "its Chairman"."""
    chunk = text[floor:role_end].rstrip()
    if not chunk.strip():
        return None
    words = list(re.finditer(r"[\w&'’-]+|\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)", chunk))
    if not words or words[-1].end() != len(chunk):
        return None  # punctuation right before: not a role running into the name
    if words[-1].group(0).lower() in ROLE_CONNECTORS:
        return None
    start = None
    seen_role = False
    for w in reversed(words):
        gap = chunk[w.end() : (start - floor) if start is not None else len(chunk)]
        if (
            "," in gap
            or ";" in gap
            or "(" in gap.replace(w.group(0), "")
            or _DASH_GAP.search(gap) is not None
        ):
            break
        tok = w.group(0)
        low = tok.lower()
        if tok[0].isupper() or tok.startswith("(") or low in ROLE_WORDS:
            if is_role_word(tok):
                seen_role = True
            start = floor + w.start()
            continue
        if low in ROLE_CONNECTORS and start is not None:
            continue
        if low in ROLE_ADJECTIVES and start is not None:
            start = floor + w.start()  # "foreign minister", "science minister"
            continue
        if low in ("his", "her", "its", "their") and seen_role:
            start = floor + w.start()
        break
    if not seen_role or start is None:
        return None
    while True:
        m = re.match(r"(?:of|for|the|and|to|on|in|at)\s+", text[start:role_end])
        if not m:
            break
        start += m.end()
    return start


# a dash between words ends a role: "Lima, Andina – Education Minister X" (a dateline)
_DASH_GAP = re.compile(r"\s[–—-]\s|[–—]")
