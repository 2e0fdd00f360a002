"""When a meeting opened and closed: the cue words and patterns that `transform.meeting_fields`
reads a meeting's first and last day with ("opened on", "ran until", "the three-day forum"),
kept apart from the patterns that find meetings (`transform.meeting_rules`)."""

from __future__ import annotations

import re

from transform.meeting_rules import CASELESS

# A cue right before a date: "opened on 7 May", "concluded Friday".
OPENED = re.compile(r"\b(?:opened|began|started|kicked\s+off|commenced)\b[^.;]{0,40}$", CASELESS)


# An event sentence that reports a meeting's start or end anywhere in it, not only right
# before its date (`transform.meeting_fields._the_day_is_the_opening`).
OPENING_EVENT = re.compile(
    r"\b(?:opened|opens|opening\s+(?:ceremony|session|day)|kicked\s+off|kicks\s+off"
    r"|(?:raised|raises)\s+(?:its|the)\s+curtain|got\s+under\s?way)\b",
    CASELESS,
)
CLOSING_EVENT = re.compile(
    r"\b(?:concluded|concludes|closed|closes|closing\s+(?:ceremony|session)|ended|ends"
    r"|wrapped\s+up|drew\s+to\s+a\s+close)\b",
    CASELESS,
)


CLOSED = re.compile(
    r"\b(?:concluded|ended|closed|wrapped\s+up|finished|r(?:uns?|an)\s+(?:until|till|through)"
    r"|will\s+(?:run|last|continue)\s+(?:until|till|through)|last(?:s|ed)?\s+(?:until|till|through))\b[^.;]{0,40}$",
    CASELESS,
)


DURATION = re.compile(r"\b(?P<n>two|three|four|five|six|seven|\d)-day\b", CASELESS)


NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


OPEN_CLOSE_WORDS = frozenset(
    "opened began started kicked commenced concluded ended closed wrapped finished runs run"
    " lasts last lasted ran until".split()
)
