"""Where a body sentence mentions a meeting, and whether it reports one (rules 2-4 of
`transform.meetings`): named, described, definite, visit and "met" mentions; the title
cleaned of capture errors; the type from the title's noun.
"""

from __future__ import annotations

import bisect
import re

from transform.event_context import EventDoc
from transform.meeting_rules import (
    CAP_TOKEN,
    CASELESS,
    CONNECTORS,
    DEFINITE_MEETING,
    DENIED,
    DESCRIBED,
    DURING_BETWEEN,
    EXCLUDED,
    HEAD_GOES_ON,
    HEAD_SCAN,
    HELD_AFTER,
    LED_DELEGATION,
    LED_WORDS,
    LEFT_STOP,
    LOWER_HEAD_WORDS,
    MEET_WORDS,
    MET,
    MET_WORDS,
    MODAL,
    NAMED_HEAD_WORDS,
    ORDINAL_RE,
    ORG_LIKE_HEADS,
    PAST,
    QUOTE_MARK,
    QUOTED,
    SESSION_OF,
    SESSION_WORDS,
    STAYED_TO_MEET,
    TAIL_RE,
    THEIR,
    TOKEN_SEP,
    TRAVEL_WORDS,
    TRAVELLED,
    VISIT,
    VISIT_WORDS,
    YEAR_RE,
)
from transform.meeting_scope_rules import (
    CLAUSE_RECALLS,
    CREATED_BEFORE,
    EXAMPLES_BEFORE,
    FUTURE,
    INTENT_BEFORE,
    OTHER_THING_AFTER,
    PAST_EXPLICIT,
    QUALIFIES_AFTER,
    RECALLED_BEFORE,
    RELATIVE_AGENT_BEFORE,
    SIDE_VISIT_BEFORE,
    SIDE_VISIT_OPENING,
    TOPIC_BEFORE,
    VISIT_AS_OCCASION_BEFORE,
    VISIT_COUNTED_AFTER,
    VISIT_TAKEN_UP,
)
from transform.scanning import bounded_matches


def named_mentions(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Named meetings in `text[start:end]`: capitalised words around a meeting noun, with
    the ordinal or year before them and the "of/on/for ..." complements after
    ("12th BRICS Science, Technology and Innovation Ministers' Meeting")."""
    heads = bounded_matches(HEAD_SCAN, text, start, end)
    if not heads:
        return []
    # (start, token, separator) of every word before the last head, tokenised once
    toks = [
        (m.start(1), m.group(1), m.group(2))
        for m in TOKEN_SEP.finditer(text, start, heads[-1].start())
    ]
    tok_starts = [t[0] for t in toks]
    out: list[tuple[int, int, str]] = []
    for m in heads:
        if out and m.start() < out[-1][1]:
            continue
        if HEAD_GOES_ON.match(text, m.end(), end):
            continue  # "Joint Committee Meetings on ...": the name ends at the next head
        if OTHER_THING_AFTER.match(text, m.end(), end):
            continue  # "the China-ASEAN Expo Advanced Technology Exhibition": not a meeting
        left = m.start()
        has_ordinal = False
        k = bisect.bisect_left(tok_starts, left) - 1
        while k >= 0:
            t_start, tok, sep = toks[k]
            if (
                t_start + len(tok) + len(sep) != left
                or not CAP_TOKEN.fullmatch(tok)
                and tok not in CONNECTORS
            ):
                break
            if tok in LEFT_STOP:
                break
            if sep.startswith(",") and " and " not in text[left : m.start()]:
                break
            if tok in CONNECTORS:
                if k == 0:
                    break
                p_start, p_tok, p_sep = toks[k - 1]
                if (
                    p_start + len(p_tok) + len(p_sep) != t_start
                    or not p_tok[:1].isupper()
                    or p_tok in LEFT_STOP
                ):
                    break
            left = t_start
            k -= 1
            if ORDINAL_RE.match(tok) or YEAR_RE.match(tok):
                has_ordinal = True
                break
        tail = TAIL_RE.match(text, m.end(), end)
        right = tail.end() if tail else m.end()
        raw = text[left:right]
        if " " not in raw.strip():
            continue
        if tail is not None and tail.group("trail"):
            has_ordinal = True
        if not has_ordinal and k >= 0:
            t_start, tok, sep = toks[k]
            if t_start + len(tok) + len(sep) == left and (
                ORDINAL_RE.match(tok) or YEAR_RE.match(tok)
            ):
                has_ordinal = True
        if m.group(0) in ORG_LIKE_HEADS and not has_ordinal and not HELD_AFTER.match(text, right):
            continue  # "the European Commission", "the China-Russia Subcommission is part of"
        out.append((left, right, raw))
    return out


def meeting_type_of(title: str, n_countries: int, grouping: bool = False) -> str:
    """Rule 6: the title's own noun, else the number of sides."""
    t = title.lower()
    if re.search(r"\b(?:committee|commission|sub-?commission|sub-?committee)\b", t):
        return "committee"
    if re.search(r"\bforum\b", t):
        return "forum"
    if re.search(r"\bworkshops?\b", t):
        return "workshop"
    if re.search(r"\b(?:conference|symposium|symposia|colloquium)\b", t):
        return "conference"
    if re.search(r"\bvisit\b", t):
        return "visit"
    if grouping or n_countries >= 3:
        return "multilateral"
    if n_countries == 2:
        return "bilateral"
    return "other"


def _fix_ordinal(raw: str) -> str:
    """ "15%" is a capture error for "15th" (a percent sign never precedes a title)."""

    def repl(m: re.Match[str]) -> str:
        n = int(m.group(1))
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"

    return re.sub(r"\b(\d{1,3})%", repl, raw)


def clean_title(raw: str) -> str:
    title = THEIR.sub(" of the ", raw.strip(" ,;:“”\"'‘’"))
    title = re.sub(r"^(?:the|The)\s+", "", title)
    title = _fix_ordinal(title)
    title = (
        re.sub(r"\s+(?:meeting|session)$", "", title)
        if re.search(r"[A-Z]\w*\s+(?:meeting|session)$", title)
        else title
    )
    return title[:1].upper() + title[1:] if title else title


def excluded(text: str) -> bool:
    """Whether `text` names a political session, press conference or ceremony (rule 4)."""
    return EXCLUDED.search(text) is not None


def _excluded_near(text: str, start: int, end: int, mention_start: int) -> bool:
    """An excluded event beside the mention ("the second session of the 14th NPC"), unless
    it only dates the mention ("a forum was held after the launch ceremony") or is a part
    of it ("the opening ceremony of a two-day space forum")."""
    for m in EXCLUDED.finditer(text, start, end):
        if _TIMED_BY.search(text, max(start, m.start() - 20), m.start()):
            continue
        if m.end() <= mention_start and _PART_OF.fullmatch(text, m.end(), mention_start):
            continue
        return True
    return False


# between "the opening ceremony" and the meeting it opens, or the one it took place during
# ("The opening ceremony took place during an international conference")
_PART_OF = re.compile(
    r"\s+(?:of|(?:took\s+place|was\s+held)\s+(?:during|at))\s+(?:(?:the|a|an|this\s+year's)\s+)?",
    re.I,
)


_TIMED_BY = re.compile(r"\b(?:after|before|following|ahead\s+of)\s+(?:the\s+)?$", re.I)


def find_mentions(ctx: EventDoc, index: int) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, title) of meeting mentions in body sentence `index`, in order."""
    s = ctx.sentences[index]
    text = ctx.text
    found: list[tuple[int, int, str, str]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < e and fs < b for fs, e, _, _ in found)

    words = ctx.words[index]
    if "of" in words and not SESSION_WORDS.isdisjoint(words):
        for m in SESSION_OF.finditer(text, s.start, s.end):
            found.append((m.start(), m.end(), "named", m.group(0)))
    if QUOTE_MARK.search(text, s.start, s.end) is not None:
        for m in QUOTED.finditer(text, s.start, s.end):
            if free(m.start(), m.end()):
                found.append((m.start("body"), m.end("body"), "named", m.group("body")))
    if not NAMED_HEAD_WORDS.isdisjoint(words):
        for a, b, raw in named_mentions(text, s.start, s.end):
            if free(a, b):
                found.append((a, b, "named", raw))
    if not LOWER_HEAD_WORDS.isdisjoint(words):
        for m in DESCRIBED.finditer(text, s.start, s.end):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "described", m.group(0)))
    if not LOWER_HEAD_WORDS.isdisjoint(words):
        for m in DEFINITE_MEETING.finditer(text, s.start, s.end):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "definite", m.group(0)))
    if not VISIT_WORDS.isdisjoint(words):
        for m in VISIT.finditer(text, s.start, s.end):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "visit", m.group(0)))
    if "met" in words and not TRAVEL_WORDS.isdisjoint(words):
        for m in TRAVELLED.finditer(text, s.start, s.end):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "visit", m.group(0)))
    if not LED_WORDS.isdisjoint(words) and not {"delegation", "delegations"}.isdisjoint(words):
        for m in LED_DELEGATION.finditer(text, s.start, s.end):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "visit", m.group(0)))
    if "in" in words and not MEET_WORDS.isdisjoint(words):
        for m in STAYED_TO_MEET.finditer(text, s.start, s.end):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "visit", m.group(0)))
    if not MET_WORDS.isdisjoint(words):
        for m in MET.finditer(text, s.start, s.end):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "met", m.group(0)))
    found.sort()
    return found


def _scheduled(ctx: EventDoc, start: int, end: int) -> bool:
    """A future meeting counts when the sentence fixes both its day and its place."""
    has_day = any(d.granularity == "day" for d in ctx.dates_in(start, end))
    return has_day and any(p.city for p in ctx.places_in(start, end))


# "was invited to visit", "were invited to pay a visit to": a past passive reports the visit
# made at the host's invitation, not one only intended ("is invited to" stays a plan)
INVITED_BEFORE = re.compile(
    r"\b(?:was|were|had\s+been)\s+invited\s+to\s+(?:pay\s+)?(?:an?\s+)?(?:official\s+)?$"
    # "led a delegation of the university to visit the laboratory": the visit was made
    r"|\b(?:led|headed)\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,3}?delegations?\b"
    r"[^.;]{0,60}?\bto\s+$",
    CASELESS,
)


def is_event(ctx: EventDoc, index: int, a: int, b: int, kind: str) -> bool:
    """Rule 3 and 4 for the mention at text[a:b]."""
    s = ctx.sentences[index]
    text = ctx.text
    clause_s = max(text.rfind(";", s.start, a), s.start)
    ctx_text = text[clause_s : s.end]
    mention = text[a:b]
    # (an excluded event is looked for in the mention's own sentence, not the next one)
    if excluded(mention) or _excluded_near(text, max(s.start, a - 40), min(s.end, b + 60), a):
        return False
    before = text[max(s.start, a - 40) : a]
    if re.search(r"\b(?:next|upcoming|future|forthcoming|following)\s+$", before, CASELESS):
        return False
    if (
        re.search(
            r"\b(?:will|to|would|shall|plans?\s+to|agreed\s+to|expected\s+to)\s+(?:\w+\s+){0,2}$",
            before,
            CASELESS,
        )
        and kind in ("visit", "met")
        and not INVITED_BEFORE.search(before)
    ):
        return False
    if DENIED.search(text, clause_s, min(s.end, b + 40)):
        return False  # "has not been held since the 3rd Meeting"
    if TOPIC_BEFORE.search(before) or RECALLED_BEFORE.search(text, max(clause_s, a - 100), a):
        return False
    if any(cue.search(text, clause_s, a) for cue in CLAUSE_RECALLS):
        return False  # recalled, put forward, still ahead, or only dating something else
    if (kind == "visit" or text.startswith("had", a)) and SIDE_VISIT_BEFORE.search(before):
        return False  # "also visited", "also had a discussion with": one more stop
    if kind in ("visit", "described") and SIDE_VISIT_OPENING.match(text, s.start):
        return False  # "After the meeting, X visited", "Following the visit, a discussion"
    if kind in ("described", "definite") and QUALIFIES_AFTER.match(text, b):
        return False  # "a note exchange agreement": the meeting word qualifies a thing
    if kind != "named" and CREATED_BEFORE.search(before):
        return False  # "decided to set up a joint steering committee": a body being created
    if kind == "visit" and (
        VISIT_AS_OCCASION_BEFORE.search(text, clause_s, a)
        or VISIT_TAKEN_UP.fullmatch(text, s.start, a)
    ):
        return False  # "welcomed X for his visit to China", "The visit to CAS was ..."
    if RELATIVE_AGENT_BEFORE.search(before):
        return False  # "which was reinvigorated by the visit of X": a cause recalled
    if kind == "visit" and VISIT_COUNTED_AFTER.match(text, b, s.end):
        return False  # "had visited Israel twice": past trips summed up
    if EXAMPLES_BEFORE.search(text, s.start, a):
        return False  # one of the events a host "has held", recalled as an example
    if INTENT_BEFORE.search(before):
        return False  # "called for a wider exchange", "to deepen the dialogue"
    around = text[max(clause_s, a - 60) : min(s.end, b + 80)]
    if FUTURE.search(around) and not PAST_EXPLICIT.search(around):
        # "will be held in Shanghai from 17 to 19 September" is a fact; "whose next
        # meeting is expected to ..." without a day and a place is an intention
        return _scheduled(ctx, s.start, s.end)
    if kind == "visit":
        return INVITED_BEFORE.search(before) is not None or not re.search(
            r"\b(?:will|plans?\s+to|to)\s+(?:pay\s+)?(?:an?\s+)?(?:official\s+)?$", before, CASELESS
        )
    if PAST.search(ctx_text) is not None:
        return True
    during = DURING_BETWEEN.search(text, max(clause_s, a - 25), s.end)
    return (
        kind == "described"
        and during is not None
        and during.start() < a
        and MODAL.search(text, clause_s, a) is None
    )
