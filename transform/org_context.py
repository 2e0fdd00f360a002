"""What the words around an organisation's mention say about it.

A generic organisation (every state has a Ministry of Finance) gets its country only from a
qualifier the text writes next to it ("Chinese", "India's", "of Japan"), never by guessing;
an organisation a document defines takes the one country its own name holds, if just one.
An acronym glued into a longer capitalised compound ("MP-IDSA") is part of another name, not
a mention of its own.
"""

from __future__ import annotations

import re

from transform.countries import find_countries

__all__ = ["in_caps_compound", "qualifier_country", "single_country"]


_QUALIFIER_BEFORE = re.compile(r"(?:'s|’s)?\s+(?:own\s+)?$")
_QUALIFIER_AFTER = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?(?=[A-Z])")


def qualifier_country(text: str, start: int, end: int) -> str | None:
    """Country written right before ("Chinese", "India's") or after ("of Japan") a name."""
    before = text[max(0, start - 40) : start]
    tail = _QUALIFIER_BEFORE.search(before)
    if tail is not None:
        head = before[: tail.start()]
        found = find_countries(head)
        if found and found[-1].end == len(head):
            return found[-1].iso3
    after = _QUALIFIER_AFTER.match(text, end)
    if after is not None:
        found = find_countries(text[after.end() : after.end() + 40])
        if found and found[0].start == 0:
            return found[0].iso3
    return None


def single_country(name: str) -> str | None:
    """The country a name holds ("Kazakh National University"), if it holds only one."""
    isos = {c.iso3 for c in find_countries(name)}
    return isos.pop() if len(isos) == 1 else None


_CAPS_BEFORE = re.compile(r"[A-Z]{2,}-$")
_CAPS_AFTER = re.compile(r"-[A-Z]{2,}(?![a-z])")


def in_caps_compound(text: str, start: int, end: int) -> bool:
    """Whether an acronym is glued by a hyphen to another ("MP-IDSA"), so part of its name."""
    return bool(
        _CAPS_BEFORE.search(text, max(0, start - 12), start) or _CAPS_AFTER.match(text, end)
    )
