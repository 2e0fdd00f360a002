"""Meetings stated only in a headline or a contents line.

Real pages often say an event happened only in their title or in a review's list of
contents ("2nd China-EU Innovation Cooperation Dialogue Held in Brussels", "* China-Brazil
Innovation Meeting"). Such a line is a fact of its own, with the line as evidence. When
the body reports the same meeting, the body sentence is the better evidence (it has the
date, the place and the people), so a headline meeting is kept only when no body meeting
has the same distinctive name words.

A headline has no predicate to tell an event from a reference, so only *named* meetings
count here (capitalised words around a meeting noun, or a quoted name), never a
description ("a meeting"), and never a meeting announced without its day.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from transform.event_context import EventDoc
from transform.event_matching import title_similarity

__all__ = ["HeadlineMeeting", "headline_meetings"]

# a headline word list: lower-cased letters, digits and hyphens
_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")
# Title-case headlines capitalise their verbs: "... Dialogue Held in Brussels"
_HEADLINE_VERB = re.compile(
    r"\s+(?:Held|Opens?|Opened|Closes?|Closed|Concludes?|Concluded|Meets?|Kicks\s+Off"
    r"|Takes\s+Place|Convenes?|Convened|Begins?|Starts?|Ends?|Launched|Hosted|To\s+Be\s+Held"
    r"|Will\s+Be\s+Held|Wraps\s+Up|Underway|In\s+Session)\b.*$"
)
_FUTURE = re.compile(r"\b(?:[Tt]o\s+[Bb]e\s+[Hh]eld|[Ww]ill|[Nn]ext|[Uu]pcoming|[Pp]lans?)\b")
# a headline that reports people meeting, whose names are the parties, not the event
_MET_VERB = re.compile(r"\b(?:Meets?|Met|Visits?|Visited|Holds?\s+Talks|Talks\s+With)\b")
_SAME_MEETING = 0.5  # title similarity at which a headline repeats a body meeting
# a site's navigation menu: lines of a few words with nothing after them ("Features",
# "Africa Center"); a meeting's name among them is a section link, not a reported event
_MENU_WORDS = 3
_MENU_ITEM = re.compile(r"[\w&'’ -]+")


class HeadlineMeeting:
    """A named meeting found in a headline line: where it is and what it is called."""

    __slots__ = ("index", "start", "end", "title")

    def __init__(self, index: int, start: int, end: int, title: str) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.title = title


def headline_meetings(
    ctx: EventDoc,
    body_titles: Sequence[str],
    named_in: Callable[[str, int, int], list[tuple[int, int, str]]],
    clean_title: Callable[[str], str],
    head_words: frozenset[str],
    excluded: Callable[[str], bool],
) -> list[HeadlineMeeting]:
    """Named meetings of the non-body lines that no body meeting (nor an earlier headline)
    already reports, in text order. The grammar of names is the caller's (`named_in`,
    `clean_title`), so a headline name is read exactly as a body name is."""
    found: list[HeadlineMeeting] = []
    seen = list(body_titles)
    text = ctx.text
    for i, s in enumerate(ctx.sentences):
        if ctx.body[i]:
            continue
        words = frozenset(_WORD.findall(s.text.lower()))
        if head_words.isdisjoint(words) or excluded(s.text):
            continue
        if _FUTURE.search(s.text):
            continue  # an announcement: the day and place are not in a headline
        if _MET_VERB.search(s.text):
            continue  # "Vice Minister X Meets with the Delegation of ...": names are parties
        if _in_menu(ctx, i):
            continue
        for _start, _end, raw in named_in(text, s.start, s.end):
            title = clean_title(_HEADLINE_VERB.sub("", raw))
            if len(title.split()) < 3 or excluded(title):
                continue
            if any(title_similarity(title, t) >= _SAME_MEETING for t in seen):
                continue
            seen.append(title)
            found.append(HeadlineMeeting(i, s.start, s.end, title))
    return found


def _is_menu_item(ctx: EventDoc, i: int, most: int) -> bool:
    s = ctx.sentences[i]
    return (
        not ctx.body[i]
        and len(s.text.split()) <= most
        and _MENU_ITEM.fullmatch(s.text) is not None
        and all(
            o.paragraph != s.paragraph for o in ctx.sentences[max(0, i - 1) : i + 2] if o is not s
        )
    )


def _in_menu(ctx: EventDoc, i: int) -> bool:
    """Line `i` is a bare name (no verb, date or punctuation; a few words) whose neighbour
    line is another bare short line: a navigation menu ("Features / Conference and
    Exhibition / Training"), which links to sections and reports nothing. A contents line of
    a review is a full headline ("... Dialogue Held in Brussels") and is kept."""
    if i == 0 or not _is_menu_item(ctx, i, _MENU_WORDS + 2):
        return False
    return any(
        0 < j < len(ctx.sentences) and _is_menu_item(ctx, j, _MENU_WORDS) for j in (i - 1, i + 1)
    )
