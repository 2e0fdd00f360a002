"""Fast scanning for word lists: `\\b(?:A|B|C)\\b` without the leading `\\b`.

A pattern that starts with `\\b` makes the regex engine try every alternative at every
position of the text. Started with a choice of literal words instead, the engine skips
straight to the letters that can begin one (several times faster on a sentence); the left
word boundary is then checked here, with the same meaning as `\\b` would have had.
"""

from __future__ import annotations

import re

__all__ = ["bounded_matches", "is_word_char"]


def is_word_char(ch: str) -> bool:
    """What `\\w` matches in a str pattern (letters and digits of any script, "_")."""
    return ch.isalnum() or ch == "_"


def bounded_matches(
    pattern: re.Pattern[str], text: str, start: int, end: int
) -> list[re.Match[str]]:
    """`list(re.compile(r"\\b" + pattern.pattern).finditer(text, start, end))`,
    for a pattern whose every match starts with a letter or digit.

    Same matches, same order: where the left boundary fails, the search goes on from the
    next character, as the engine itself would have. Like the engine, the boundary looks
    at the character before `start`.
    """
    out: list[re.Match[str]] = []
    pos = start
    while True:
        m = pattern.search(text, pos, end)
        if m is None:
            return out
        p = m.start()
        if p > 0 and is_word_char(text[p - 1]):
            pos = p + 1
            continue
        out.append(m)
        pos = m.end()
