"""The MEETING extractor: meetings, dialogues, committee sessions, forums, workshops,
conferences, symposiums and visits where parties met.

A meeting is read from the body sentence that reports it (the *event sentence*) and the
sentences after it in the same paragraph that speak of it ("The meeting was co-chaired by
...", "the four-day session, which opened on Monday"), up to the next meeting of the
paragraph.

How a sentence reports a meeting, rule by rule:
1. Only body sentences (`event_context`): contents lines and headlines repeat their item.
2. A meeting is named ("the 7th China-Sweden Joint Committee on Science and Technology
   Cooperation", "“2024 China-Africa Innovation Cooperation and Development Forum”", "the
   27th session of the China-Russia Subcommission on ..."), or described with an
   indefinite or possessive article ("a meeting between ...", "an annual workshop", "their
   fourth annual ... symposium", "a similar exchange"), or is a visit ("visited Hungary",
   "an official visit to Kenya", "his visit to France"), or is two sides that "met". A
   definite description ("the meeting", "the four-day session") is the paragraph's
   current meeting again.
3. It must have happened: a past event predicate in the sentence ("was held", "took
   place", "held", "met", "co-chaired", "concluded", "During the ...", "At ...") and no
   future or plan ("will be held", "is expected to take place", "the next meeting",
   "agreed to hold").
4. Not meetings: sessions of the national legislature and its advisory body (NPC, CPPCC,
   "two sessions") and panels within them, party congresses, press conferences, opening,
   signing and launch ceremonies.
5. Title: the name as written with its ordinal ("15%" read as the capture error for
   "15th"; a trailing lowercase "meeting" after a committee's name dropped); else a
   descriptive title: "Visit of <visitor> to <place>", "Meeting between <side> and <side>",
   "<organiser> annual workshop".
6. Type by the title's noun: committee/commission/subcommission -> committee; forum;
   workshop; conference/symposium -> conference; visit; otherwise two countries ->
   bilateral, three or more (or a grouping such as BRICS) -> multilateral; else other.
7. Dates: the day or range the event sentence ties to the meeting ("from 6-8 November",
   "30 October-2 November", "on 12 March", "on Thursday"), and "opened on"/"concluded on"
   in its follow-up sentences for the start and end ("four-day session" gives the other
   end). A month or year alone is no date.
8. Place: "in <city>[, <region or country>]" in the event sentence; "online", "via video
   link": no place. A visit is in the visited country, and in the city stated ("visit to
   France"; "In Nairobi, he met ..."). A meeting held during a visit, with no place of its
   own, is where the visit is.
9. Participants: the countries of the sides (the title's "China-Sweden", the sentence's
   countries, the people's countries; regions are not countries), the organisations taking
   part, and every named person with the role and organisation stated in apposition
   (`participants.find_people`). A visit's participants include those of the meetings
   held during it, and those meetings include the visitor.
10. Summary: the first sentence of the meeting that says what was agreed, discussed,
   reviewed or signed; else the event sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from extract.documents import ParsedDocument
from transform.countries import country_name
from transform.event_context import MEETING_WORDS, EventDoc, event_doc
from transform.event_matching import title_similarity
from transform.facts import Candidate, Meeting, MeetingParticipant, Mention
from transform.meeting_headlines import headline_meetings
from transform.participants import ROLE_WORDS, Org, Person, countries_named, find_orgs, find_people
from transform.places import ONLINE, Place, read_place
from transform.scanning import bounded_matches
from transform.sentences import paragraph_spans

__all__ = ["extract_meetings", "meeting_type_of"]

_I = re.IGNORECASE

_ORD_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    "|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    "|twenty-first|twenty-second|twenty-third|twenty-fourth|twenty-fifth|thirtieth"
)
_ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th|%)|(?i:" + _ORD_WORDS + r"))"
_HEADS = (
    r"Committee|Commission|Sub-?[Cc]ommission|Sub-?[Cc]ommittee|Forum|Workshop|Conference"
    r"|Symposium|Dialogue|Meeting|Summit|Session|Seminar|Roundtable|Round\s+Table"
    r"|Consultations?|Congress|Colloquium|Assembly|Exchange|Talks|Expo|Convention|Retreat"
)
_LOWER_HEADS = (
    r"committee|commission|subcommission|forum|workshop|conference|symposium|dialogue"
    r"|meeting|summit|session|seminar|roundtable|consultations?|colloquium|exchange|talks"
)
_CAPWORD = r"(?:[A-Z0-9][\w&'’.-]*(?:'s|’s|s')?)"
# a capitalised word inside a name (not a weekday or month: "Forum on Monday")
_CAPNAME = (
    r"(?:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February"
    r"|March|April|May|June|July|August|September|October|November|December)\b)"
    r"[A-Z][\w&'’-]*(?:'s|’s|s')?)"
)
_NAME_TAIL = (
    r"(?:\s+(?:of|on|for|and|&|de|between)(?:\s+the)?\s+" + _CAPNAME + r"(?:\s+" + _CAPNAME + r")*"
    r"|,\s+"
    + _CAPWORD
    + r"(?:\s+"
    + _CAPWORD
    + r")*(?=(?:,\s+"
    + _CAPWORD
    + r"(?:\s+"
    + _CAPWORD
    + r")*)*\s+and\s+"
    + _CAPWORD
    + r"))*"
)
# the head words, without a leading "\b" (see `transform.scanning`)
_HEAD_SCAN = re.compile(r"(?:" + _HEADS + r")\b")
_TAIL_RE = re.compile(_NAME_TAIL + r"(?P<trail>\s+(?:meeting|session))?")
_ORDINAL_RE = re.compile(r"^" + _ORDINAL + r"$")
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
_LEFT_STOP = frozenset(
    "The A An At In On During Under From For With By And Of To As After Before Since While"
    " When Its Their His Her This That These Those Both".split()
)
_ORG_LIKE_HEADS = frozenset(
    "Committee Commission Subcommission Sub-commission Sub-Commission Subcommittee"
    " Sub-committee Council Assembly Congress Convention Exchange Dialogue Session".split()
)
_HELD_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:(?:was|were)\s+(?:\w+ly\s+)?(?:held|convened|hosted|opened)"
    r"|met\b|convened\b|took\s+place|held\s+its|opened\b|concluded\b|kicked\s+off)"
)


_TOKEN_SEP = re.compile(r"([^\s,]+)(,?\s+)")
_CAP_TOKEN = re.compile(_CAPWORD + r"|" + _ORDINAL)
_CONNECTORS = frozenset({"and", "&", "of", "on", "for"})


def _named_mentions(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Named meetings in `text[start:end]`: capitalised words around a meeting noun, with
    the ordinal or year before them and the "of/on/for ..." complements after
    ("12th BRICS Science, Technology and Innovation Ministers' Meeting")."""
    heads = bounded_matches(_HEAD_SCAN, text, start, end)
    if not heads:
        return []
    # (start, token, separator) of every word before the last head, tokenised once
    toks = [
        (m.start(1), m.group(1), m.group(2))
        for m in _TOKEN_SEP.finditer(text, start, heads[-1].start())
    ]
    tok_starts = [t[0] for t in toks]
    out: list[tuple[int, int, str]] = []
    for m in heads:
        if out and m.start() < out[-1][1]:
            continue
        left = m.start()
        has_ordinal = False
        k = bisect.bisect_left(tok_starts, left) - 1
        while k >= 0:
            t_start, tok, sep = toks[k]
            if (
                t_start + len(tok) + len(sep) != left
                or not _CAP_TOKEN.fullmatch(tok)
                and tok not in _CONNECTORS
            ):
                break
            if tok in _LEFT_STOP:
                break
            if sep.startswith(",") and " and " not in text[left : m.start()]:
                break
            if tok in _CONNECTORS:
                if k == 0:
                    break
                p_start, p_tok, p_sep = toks[k - 1]
                if (
                    p_start + len(p_tok) + len(p_sep) != t_start
                    or not p_tok[:1].isupper()
                    or p_tok in _LEFT_STOP
                ):
                    break
            left = t_start
            k -= 1
            if _ORDINAL_RE.match(tok) or _YEAR_RE.match(tok):
                has_ordinal = True
                break
        tail = _TAIL_RE.match(text, m.end(), end)
        right = tail.end() if tail else m.end()
        raw = text[left:right]
        if " " not in raw.strip():
            continue
        if tail is not None and tail.group("trail"):
            has_ordinal = True
        if not has_ordinal and k >= 0:
            t_start, tok, sep = toks[k]
            if t_start + len(tok) + len(sep) == left and (
                _ORDINAL_RE.match(tok) or _YEAR_RE.match(tok)
            ):
                has_ordinal = True
        if m.group(0) in _ORG_LIKE_HEADS and not has_ordinal and not _HELD_AFTER.match(text, right):
            continue  # "the European Commission", "the China-Russia Subcommission is part of"
        out.append((left, right, raw))
    return out


# "the 27th session of the China-Russia Subcommission ...", "the 5th meeting of the ..."
_SESSION_OF = re.compile(
    r"(?P<ord>" + _ORDINAL + r")\s+(?P<kind>(?i:session|meeting|round|plenary\s+session"
    r"|plenary\s+meeting|edition))\s+of\s+(?:the\s+|their\s+|its\s+)?(?P<body>(?:"
    + _CAPWORD
    + r"\s+){0,10}?(?:"
    + _HEADS
    + r")"
    + _NAME_TAIL
    + r")"
)
_QUOTED = re.compile(r"[“\"‘'](?P<body>[^”\"’']{4,160}?(?:" + _HEADS + r")[^”\"’']{0,80})[”\"’']")
_QUOTE_MARK = re.compile("[“\"‘']")
_DESCRIBED = re.compile(
    r"\b(?P<det>(?i:a|an|their|its|his|her|our))\s+(?P<body>(?:(?:"
    + _ORDINAL
    + r"|annual|bilateral|trilateral|high-level|ministerial|joint|similar|video|virtual|online"
    r"|working|regular|official|technical|expert|international|closed-door|strategic|"
    r"inaugural|first-ever)\s+)*(?:(?!(?:the|a|an|with|of|to|was|were|is|are)\b)"
    r"(?:[a-z][\w&-]*|[A-Z][\w]*-[A-Z][\w-]*)\s+){0,6}?(?P<head>" + _LOWER_HEADS + r")"
    r"(?:\s+(?:" + _LOWER_HEADS + r"))*)\b",
)
# "The two-day seminar, held in Kuala Lumpur, was opened on 8 April": a meeting the text
# introduces with "the" (a new one only when nothing before is one of its kind)
_DEFINITE_MEETING = re.compile(
    r"\b[Tt]he\s+(?P<body>(?:(?!(?:of|to|was|were|is|are|and)\b)[a-z][\w&-]*\s+){0,3}?"
    r"(?P<head>seminar|workshop|forum|symposium|conference|meeting|dialogue|summit|talks"
    r"|roundtable|colloquium))\b"
)
_VISIT = re.compile(
    r"\b(?:(?:an?\s+|his\s+|her\s+|their\s+)?(?:(?:official|state|working|three-day|two-day"
    r"|four-day|five-day|week-long)\s+)?visit\s+to|visit(?:ed|s|ing)?|paid\s+(?:an?\s+)?"
    r"(?:official\s+|state\s+|working\s+)?visit\s+to|tour(?:ed|s)?)\b",
)
_MET = re.compile(
    r"\bmet(?:\s+with)?\b|\bheld\s+(?:(?:bilateral|formal|official|in-depth|high-level)\s+)?talks\s+with\b"
)
_PAST = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:held|convened|organi[sz]ed|hosted|opened|staged"
    r"|co-?chaired|chaired|attended|launched)\b|\btook\s+place\b|\bheld\b|\bmet\b|\bconvened\b"
    r"|\bconcluded\b|\bopened\b|\bclosed\b|\bended\b|\bkicked\s+off\b|\bco-?chaired\b"
    r"|\bchaired\b|\bhosted\b|\borgani[sz]ed\b|\battended\b|\bvisited\b|\bvisit\s+to\b"
    r"|\bDuring\s+(?:the|a|an|his|her|their)\b|\bduring\s+(?:the|his|her|their)\b"
    r"|\bAt\s+(?:the|an?|their)\b|\bat\s+the\b|\bparticipated\b|\baddressed\b|\bled\b"
    r"|\bagreed\b|\bsigned\b|\breviewed\b|\bdiscussed\b|\bcelebrated\b|\bgathered\b",
)
_FUTURE = re.compile(
    r"\b(?:will|shall|would)\s+(?:\w+\s+)?(?:be\s+)?(?:held|hold|host|take\s+place|convene"
    r"|visit|meet|open|gather)\b|\b(?:is|are)\s+(?:expected|scheduled|set|due|slated|planned)"
    r"\s+to\b|\bto\s+be\s+held\b|\bnext\s+(?:meeting|session|round|forum|conference|summit)"
    r"|\bupcoming\b|\bagreed\s+to\s+hold\b|\bplans?\s+to\s+(?:hold|host|visit|convene)\b"
    r"|\bforthcoming\b|\bwill\s+(?:be\s+)?(?:run|take)\b",
    _I,
)
# Past forms that cannot be part of a future phrase ("held" can: "will be held").
_PAST_EXPLICIT = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:held|convened|hosted|opened|organi[sz]ed)\b"
    r"|\btook\s+place\b|\bconcluded\b|\bmet\b|\bco-?chaired\b|\bclosed\b|\bended\b",
    _I,
)
_EXCLUDED = re.compile(
    r"\bNational\s+People['’]s\s+Congress\b|\bNPC\b|\bCPPCC\b|\bPolitical\s+Consultative\b"
    r"|\btwo\s+sessions\b|\bNational\s+Congress\s+of\s+the\s+Communist|\bParty\s+Congress\b"
    r"|\bCentral\s+Committee\b|\bPolitburo\b|\bStanding\s+Committee\b|\bpress\s+conference\b"
    r"|\bnews\s+conference\b|\bpress\s+briefing\b|\bpanel\s+discussion\b|\bopening\s+session\b"
    r"|\bopening\s+ceremony\b|\bclosing\s+ceremony\b|\bsigning\s+ceremony\b"
    r"|\blaunch\s+ceremony\b|\bplenary\s+session\s+of\s+the\s+\d+\w*\s+Central\b"
    r"|\blegislature\b|\bparliament(?:ary)?\s+session\b|\bCommunist\s+Party\b",
    _I,
)
_AGREED = re.compile(
    r"\b(?:agreed|agree|discussed|reviewed|signed|adopted|exchanged\s+views|explored"
    r"|approved|committed|launched|pledged|decided|reached|emphasi[sz]ed|sketched|celebrated"
    r"|announced|renewed)\b",
    _I,
)
_ONLINE_NEAR = ONLINE
_OPENED = re.compile(r"\b(?:opened|began|started|kicked\s+off|commenced)\b[^.;]{0,40}$", _I)
_CLOSED = re.compile(
    r"\b(?:concluded|ended|closed|wrapped\s+up|finished|runs?\s+(?:until|till|through)"
    r"|will\s+(?:run|last|continue)\s+(?:until|till|through)|lasts?\s+(?:until|till))\b[^.;]{0,40}$",
    _I,
)
_DURATION = re.compile(r"\b(?P<n>two|three|four|five|six|seven|\d)-day\b", _I)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_SESSION_WORDS = frozenset({"session", "meeting", "round", "edition", "plenary"})
_LOWER_HEAD_WORDS = frozenset(
    "committee commission subcommission forum workshop conference symposium dialogue meeting"
    " summit session seminar roundtable consultation consultations colloquium exchange"
    " talks".split()
)
_ONLINE_WORDS = frozenset({"online", "virtually", "video", "link", "teleconference", "virtual"})
_AGREED_WORDS = frozenset(
    """agreed agree discussed reviewed signed adopted exchanged explored approved committed
    launched pledged decided reached emphasised emphasized sketched celebrated announced
    renewed""".split()
)
_OF_THE_PARTNERS = re.compile(
    r"\s+of\s+(?:the|its|their|all)\s+(?:\w+\s+)?(?:partners|members|participants|parties"
    r"|consortium|institutions)\b"
)
_ATTENDANCE = frozenset(
    """from attended attend attending participants participated delegates delegation
    delegations representatives joined sides countries officials ministers scientists
    researchers guests""".split()
)
_OPEN_CLOSE_WORDS = frozenset(
    "opened began started kicked commenced concluded ended closed wrapped finished runs run"
    " lasts last until".split()
)
_NAMED_HEAD_WORDS = frozenset(
    "committee commission subcommission subcommittee sub forum workshop conference symposium"
    " dialogue meeting summit session seminar roundtable round consultation consultations"
    " congress colloquium assembly exchange talks convention retreat".split()
)
_PERSON_CUES = frozenset(
    ROLE_WORDS
    | {"prof", "dr", "mr", "mrs", "ms", "professor", "academician"}
    | {"said", "told", "attended", "chaired", "co", "met", "signed", "addressed", "led", "headed"}
)
_VISIT_WORDS = frozenset({"visit", "visited", "visits", "visiting", "toured", "tour", "tours"})
# Sides made of many countries: a meeting with one of them is multilateral. (The EU acts
# as one side: "China-EU" is two sides.)
_GROUPINGS = re.compile(
    r"\b(?:BRICS|ASEAN|SCO|G20|G7|APEC|African\s+Union|CELAC|Belt\s+and\s+Road|UN"
    r"|United\s+Nations|Central\s+Asia|Africa|Arab|Pacific\s+Island|Latin\s+America"
    r"|Caribbean|Central\s+and\s+Eastern\s+Europe|Nordic|Gulf|Mekong|Shanghai\s+Cooperation"
    r"|Asia-Pacific|Global\s+South|Commonwealth)\b"
)
# A medium, not an event noun: "a video conference" is a meeting of two sides.
_MEDIUM = re.compile(r"\b(?:video|tele|virtual|online)[\s-]*(?:conference|call|link|meeting)\b", _I)


@dataclass
class _Draft:
    sentence: int
    title: str
    kind: str  # named | described | visit | met
    span: tuple[int, int]
    start_date: date | None = None
    end_date: date | None = None
    place: Place | None = None
    online: bool = False
    visit_country: str | None = None
    last_sentence: int = 0
    countries: list[str] = field(default_factory=list)
    orgs: list[Org] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    summary: str | None = None
    parent: _Draft | None = None
    children: list[_Draft] = field(default_factory=list)
    visitor: list[Person] = field(default_factory=list)
    paragraph: int = -1


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


def _clean_title(raw: str) -> str:
    title = _THEIR.sub(" of the ", raw.strip(" ,;:“”\"'‘’"))
    title = re.sub(r"^(?:the|The)\s+", "", title)
    title = _fix_ordinal(title)
    title = (
        re.sub(r"\s+(?:meeting|session)$", "", title)
        if re.search(r"[A-Z]\w*\s+(?:meeting|session)$", title)
        else title
    )
    return title[:1].upper() + title[1:] if title else title


def _day_dates(ctx: EventDoc, start: int, end: int, near: int) -> tuple[date, date] | None:
    """The day or range in `text[start:end]` nearest to `near` (rule 7)."""
    cands: list[tuple[int, date, date]] = []
    for d in ctx.dates_in(start, end):
        if d.granularity != "day":
            continue
        before = ctx.text[max(start, d.start - 30) : d.start]
        if re.search(
            r"\b(?:since|reached\s+in|until|by|before|after|consensus|signed\s+in)\s+(?:on\s+)?$",
            before,
            _I,
        ):
            continue
        cands.append((abs(d.start - near), d.start_date, d.end_date))
    for w in ctx.weekdays_in(start, end):
        cands.append((abs(w.start - near), w.day, w.day))
    if not cands:
        return None
    _, s, e = min(cands)
    return s, e


def _excluded(text: str) -> bool:
    return _EXCLUDED.search(text) is not None


def _find_mentions(ctx: EventDoc, index: int) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, title) of meeting mentions in body sentence `index`, in order."""
    s = ctx.sentences[index]
    text = ctx.text
    found: list[tuple[int, int, str, str]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < e and fs < b for fs, e, _, _ in found)

    words = ctx.words[index]
    if "of" in words and not _SESSION_WORDS.isdisjoint(words):
        for m in _SESSION_OF.finditer(text, s.start, s.end):
            found.append((m.start(), m.end(), "named", m.group(0)))
    if _QUOTE_MARK.search(text, s.start, s.end) is not None:
        for m in _QUOTED.finditer(text, s.start, s.end):
            if free(m.start(), m.end()):
                found.append((m.start("body"), m.end("body"), "named", m.group("body")))
    if not _NAMED_HEAD_WORDS.isdisjoint(words):
        for a, b, raw in _named_mentions(text, s.start, s.end):
            if free(a, b):
                found.append((a, b, "named", raw))
    if not _LOWER_HEAD_WORDS.isdisjoint(words):
        for m in _DESCRIBED.finditer(text, s.start, s.end):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "described", m.group(0)))
    if not _LOWER_HEAD_WORDS.isdisjoint(words):
        for m in _DEFINITE_MEETING.finditer(text, s.start, s.end):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "definite", m.group(0)))
    if not _VISIT_WORDS.isdisjoint(words):
        for m in _VISIT.finditer(text, s.start, s.end):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "visit", m.group(0)))
    if "met" in words or "talks" in words:
        for m in _MET.finditer(text, s.start, s.end):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), "met", m.group(0)))
    found.sort()
    return found


# two names of one meeting in one document ("the Fifth Israel-China Joint Committee on
# Innovation", "the China-Israel Joint Committee on Innovation Cooperation")
_SAME_NAME = 0.6
# "has not been held since": a meeting denied, not reported
_DENIED = re.compile(r"\b(?:not|never)\s+(?:been\s+|be\s+)?(?:held|convened|met)\b", _I)
# what precedes a meeting noun that is wished for, not held
_INTENT_BEFORE = re.compile(
    r"\b(?:call(?:ed|s)?\s+for|urged?|promot(?:e|ed|ing)|boost(?:ed|ing)?|deepen(?:ed|ing)?"
    r"|strengthen(?:ed|ing)?|expand(?:ed|ing)?|encourag(?:e|ed|ing)|enhanc(?:e|ed|ing))"
    r"\s+(?:\w+\s+){0,2}$",
    _I,
)


def _scheduled(ctx: EventDoc, start: int, end: int) -> bool:
    """A future meeting counts when the sentence fixes both its day and its place."""
    has_day = any(d.granularity == "day" for d in ctx.dates_in(start, end))
    return has_day and any(p.city for p in ctx.places_in(start, end))


def _is_event(ctx: EventDoc, index: int, a: int, b: int, kind: str) -> bool:
    """Rule 3 and 4 for the mention at text[a:b]."""
    s = ctx.sentences[index]
    text = ctx.text
    clause_s = max(text.rfind(";", s.start, a), s.start)
    ctx_text = text[clause_s : s.end]
    mention = text[a:b]
    if _excluded(mention) or _excluded(text[max(s.start, a - 40) : b + 60]):
        return False
    before = text[max(s.start, a - 40) : a]
    if re.search(r"\b(?:next|upcoming|future|forthcoming|following)\s+$", before, _I):
        return False
    if re.search(
        r"\b(?:will|to|would|shall|plans?\s+to|agreed\s+to|expected\s+to)\s+(?:\w+\s+){0,2}$",
        before,
        _I,
    ) and kind in ("visit", "met"):
        return False
    if _DENIED.search(text, clause_s, min(s.end, b + 40)):
        return False  # "has not been held since the 3rd Meeting"
    if _INTENT_BEFORE.search(before):
        return False  # "called for a wider exchange", "to deepen the dialogue"
    around = text[max(clause_s, a - 60) : min(s.end, b + 80)]
    if _FUTURE.search(around) and not _PAST_EXPLICIT.search(around):
        # "will be held in Shanghai from 17 to 19 September" is a fact; "whose next
        # meeting is expected to ..." without a day and a place is an intention
        return _scheduled(ctx, s.start, s.end)
    if kind == "visit":
        return not re.search(
            r"\b(?:will|plans?\s+to|to)\s+(?:pay\s+)?(?:an?\s+)?(?:official\s+)?$", before, _I
        )
    return _PAST.search(ctx_text) is not None


def _visit_target(ctx: EventDoc, b: int, end: int) -> tuple[Place | None, str | None, int]:
    """What a visit is to: (place, title target text, end)."""
    text = ctx.text
    place = read_place(text, b + (1 if text[b : b + 1] == " " else 0), end)
    if place is not None and place.country is not None:
        return place, text[place.start : place.end].split(",")[0], place.end
    m = re.match(r"\s*(?:the\s+)?", text[b:end])
    p = b + (m.end() if m else 0)
    para = ctx.analysis(next(s for s in ctx.sentences if s.start <= b <= s.end))
    org = next((o for o in para.orgs if o.start in (p, b + 1, b) or (p - 4 <= o.start <= p)), None)
    if org is not None:
        after = re.match(r"\s*(?:\([^)]*\)\s*)?in\s+", text[org.end : end])
        pl = read_place(text, org.end + after.end(), end) if after else None
        if pl is None and org.country:
            pl = Place(org.start, org.end, None, org.country)  # visiting an institution
        target = org.name if org.name.startswith(("the ", "The ")) else "the " + org.name
        return pl, target, org.end
    return None, None, b


def _visitor(
    ctx: EventDoc, index: int, a: int, people: list[Person]
) -> tuple[str | None, list[Person]]:
    """Who visits: the delegation or person before the visit verb."""
    s = ctx.sentences[index]
    text = ctx.text
    before_people = [p for p in people if s.start <= p.start < a]
    seg = text[s.start : a]
    dm = re.search(
        r"\b(?:a|the|A|The)\s+(?:(?:[A-Z][\w-]*|Chinese|high-level)\s+)*delegation\s+(?:of|from)\s+(?:the\s+)?(?P<org>[A-Z][^,]*?)(?:\s*\([A-Z]+\))?(?=\s+led\b|,|\s+visited|\s*$)",
        seg,
    )
    if dm:
        org = re.sub(r"\s*\([^)]*\)", "", dm.group("org")).strip()
        article = "an" if org[:1] in "AEIOU" else "a"
        return f"{article} {org} delegation", before_people[:1]
    if before_people:
        p = before_people[0]
        label = f"{p.role} {p.name}" if p.role else p.name
        return label, [p]
    m = re.search(r"\b(?:a|the|A|The)\s+((?:[A-Z][\w-]*\s+)*delegation)\b", seg)
    if m:
        return m.group(1), []
    return None, []


def _new_draft(ctx: EventDoc, index: int, a: int, b: int, kind: str, raw: str) -> _Draft | None:
    s = ctx.sentences[index]
    para = ctx.analysis(s)
    people = ctx.people_in(s.start, s.end, para)
    title = ""
    visit_place: Place | None = None
    visitor: list[Person] = []
    if kind == "named":
        title = _clean_title(raw)
        if len(title.split()) < 2:
            return None
    elif kind == "described":
        title = _described_title(ctx, index, a, b, raw, people)
    elif kind == "definite":
        if not ctx.dates_in(s.start, s.end) and not ctx.weekdays_in(s.start, s.end):
            return None  # without its own date it is a reference, not a report
        title = _described_title(ctx, index, a, b, _THE_ONLY.sub("", raw), people)
    elif kind == "visit":
        visit_place, target, _ = _visit_target(ctx, b, s.end)
        label, visitor = _visitor(ctx, index, a, people)
        if target is None:
            return None
        title = f"Visit of {label} to {target}" if label else f"Visit to {target}"
    elif kind == "met":
        sides = _met_sides(ctx, index, a, b, people)
        if sides is None:
            return None
        noun = "Talks" if "talks" in raw else "Meeting"
        title = f"{noun} between {sides[0]} and {sides[1]}"
    d = _Draft(index, title, kind, (a, b), last_sentence=index, paragraph=s.paragraph)
    d.visitor = visitor
    if kind == "visit" and visit_place is not None:
        d.visit_country = visit_place.country
        d.place = visit_place
    return d


# "Beijing hosted the forum": the host city as the subject
_HOSTED = re.compile(
    r"(?<![\w,])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?=\s+(?:hosted|played\s+host\s+to)\b)"
)
_TOPIC = re.compile(
    r"\s+on\s+(?:(?!(?:in|at|from|on|by|with|and\s+the|was|were|is|are|last|this|next"
    r"|yesterday|today|earlier|later|during|after|before|for|to)\b)[a-z][\w-]*\s*){1,5}"
    r"(?=[\s,.;]|$)"
)
_ORGANISER = re.compile(
    r"\b(?:under\s+the\s+auspices\s+of|organi[sz]ed\s+by|hosted\s+by|convened\s+by)\s+(?:the\s+)?"
)
_THE_ONLY = re.compile(r"^[Tt]he\s+")
_THEIR = re.compile(r"\s+of\s+(?:their|its)\s+")
_DET = re.compile(r"^(?:a|an|their|its|his|her|our)\s+", _I)
_SIMILAR = re.compile(r"^(?:similar|further|another|separate)\s+", _I)
_LEAD_WORDS = re.compile(r"((?:(?:" + _ORDINAL + r"|annual|similar|regular|first-ever)\s+)*)(.*)$")
_PLAIN_HEADS = re.compile(r"(?:meeting|talks|exchange|dialogue|consultations?|video\s+conference)")


def _described_title(
    ctx: EventDoc, index: int, a: int, b: int, raw: str, people: list[Person]
) -> str:
    """A descriptive title: "CSSP China annual workshop" (its organiser), "Fourth annual
    China-Belgium ... symposium" (two countries as sides), "Meeting between NSFC and The
    Royal Society" (the parties' organisations), else the description itself."""
    s = ctx.sentences[index]
    text = ctx.text
    info = ctx.analysis(s)
    body = _SIMILAR.sub("", _DET.sub("", raw.strip()))
    topic_match = _TOPIC.match(text, b, s.end)
    topic = f" {topic_match.group(0).strip()}" if topic_match else ""  # "workshop on ..."
    organiser = _ORGANISER.search(text, s.start, s.end)
    plain = not topic and not countries_named(body)
    if organiser is not None and plain:
        org = next(
            (o for o in info.orgs if organiser.end() <= o.start <= organiser.end() + 2), None
        )
        if org is not None:
            label = org.acronym if org.acronym and len(org.name) > 40 else org.name
            return _clean_title(f"{label} {body}")
    sides = _sides(ctx, index, b)
    if not sides and re.match(r"\s+between\s+", text[b : s.end]):
        stop = _PAST.search(text, b, s.end)
        lim = stop.start() if stop else s.end
        parties: list[str] = []
        for p in people:
            if b <= p.start < lim and (p.organisation or p.name) not in parties:
                parties.append(p.organisation or p.name)
        if len(parties) < 2:
            parties += [o.name for o in info.orgs if b <= o.start < lim and o.name not in parties]
        if len(parties) >= 2:
            sides = [parties[0], " and ".join(parties[1:])] if len(parties) > 2 else parties
    if not sides:
        # "NASA and the CNSA held a video conference": the subject's parties
        orgs_before = [o for o in info.orgs if s.start <= o.start < a]
        subject = [o.name for o in orgs_before]
        subject += [
            c.text
            for c in info.countries
            if s.start <= c.start < a
            and c.form == "name"
            and not any(o.start <= c.start < o.end for o in orgs_before)
        ]
        if len(subject) == 2:
            sides = subject
    if not sides or countries_named(body):
        return _clean_title(body + topic)
    lead = _LEAD_WORDS.match(body)
    ords, rest = (lead.group(1), lead.group(2)) if lead else ("", body)
    countries = all(countries_named(x) for x in sides) and all(len(x.split()) <= 3 for x in sides)
    if len(sides) == 2 and countries:
        return _clean_title(f"{ords}{sides[0]}-{sides[1]} {rest}{topic}")
    if _PLAIN_HEADS.fullmatch(rest) or rest.startswith(("meeting", "exchange")):
        return _clean_title(f"{ords}{rest} between {' and '.join(sides)}{topic}")
    return _clean_title(body + topic)


def _sides(ctx: EventDoc, index: int, b: int) -> list[str]:
    """ "between China and Ireland" / "from China and Belgium" right after or before."""
    s = ctx.sentences[index]
    text = ctx.text
    m = re.search(
        r"\b(?:between|from)\s+(?:the\s+)?(?P<x>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+and\s+(?:the\s+)?(?P<y>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})",
        text[s.start : s.end],
    )
    if not m:
        return []
    return [m.group("x"), m.group("y")]


# the word that joins two people into one subject ("X ... and Y met")
_JOINT_SUBJECT = re.compile(r"\band\b")


def _met_sides(
    ctx: EventDoc, index: int, a: int, b: int, people: list[Person]
) -> tuple[str, str] | None:
    s = ctx.sentences[index]
    left = [p for p in people if p.end <= a]
    right = [p for p in people if p.start >= b]
    para = ctx.analysis(s)

    def label(p: Person) -> str:
        return p.name

    x = label(left[-1]) if left else None
    if x is None:
        orgs = [o for o in para.orgs if s.start <= o.start and o.end <= a]
        cs = [c for c in para.countries if s.start <= c.start and c.end <= a]
        x = orgs[-1].name if orgs else (cs[0].text if cs else None)
    y = label(right[0]) if right else None
    if y is None:
        orgs = [o for o in para.orgs if b <= o.start < s.end]
        y = orgs[0].name if orgs else None
    if (
        y is None
        and len(left) >= 2
        and _JOINT_SUBJECT.search(ctx.text, left[-2].end, left[-1].start)
    ):
        # "X, <role>, and his counterpart Y met": both sides are the subject
        x, y = label(left[-2]), label(left[-1])
    if x is None or y is None:
        return None
    return x, y


def _collect(ctx: EventDoc, d: _Draft, index: int, first: bool) -> None:
    """Dates, place, participants and summary from sentence `index` of meeting `d`."""
    s = ctx.sentences[index]
    text = ctx.text
    para = ctx.analysis(s)
    a, b = d.span if first else (s.start, s.start)
    if first:
        near = b
        dates = _day_dates(ctx, s.start, s.end, near)
        if dates is not None:
            ds, de = dates
            d.start_date, d.end_date = ds, de
            closing = _closing_date(ctx, s.start, s.end)
            opening = _opening_date(ctx, s.start, s.end)
            if closing is not None:
                d.end_date = closing
                d.start_date = opening or closing
            elif opening is not None:
                d.start_date = opening
        if not _ONLINE_WORDS.isdisjoint(ctx.words[index]) and _ONLINE_NEAR.search(s.text):
            d.online = True
        if d.kind != "visit" and not d.online:
            host = _HOSTED.search(text, s.start, a)
            if host is not None:
                hp = read_place(text, host.start(), host.end())
                if hp is not None and hp.city:
                    d.place = hp
            for p in [] if d.place is not None else ctx.places_in(s.start, s.end):
                if a <= p.start < b:
                    continue  # a place inside the title
                before = text[max(s.start, p.start - 30) : p.start]
                if re.search(r"\b(?:from|of)\s+(?:the\s+)?$", before):
                    continue
                d.place = p
                break
        if d.kind == "visit" and d.place is not None and d.place.city is None:
            for p in ctx.places_in(s.start, s.end):
                if p.city and p.country == d.visit_country:
                    d.place = p
                    break
    else:
        says_when = not _OPEN_CLOSE_WORDS.isdisjoint(ctx.words[index])
        opening = _opening_date(ctx, s.start, s.end) if says_when else None
        closing = _closing_date(ctx, s.start, s.end) if says_when else None
        if opening is not None and (d.start_date is None or d.start_date == d.end_date):
            if d.end_date is None or opening <= d.end_date:
                d.start_date = opening
                d.end_date = d.end_date or opening
        if closing is not None and (d.end_date is None or d.start_date == d.end_date):
            if d.start_date is None or closing >= d.start_date:
                d.end_date = closing
                d.start_date = d.start_date or closing
        if d.kind == "visit" and (d.place is None or d.place.city is None):
            m = re.match(r"(?:In|At)\s+", s.text)
            if m:
                where = read_place(text, s.start + m.end(), s.end)
                if (
                    where is not None
                    and where.city
                    and (d.visit_country is None or where.country == d.visit_country)
                ):
                    d.place = where
    # duration: "the four-day session" with only one end known
    dur = _DURATION.search(s.text) if "day" in ctx.words[index] else None
    if dur and d.start_date is not None and d.start_date == d.end_date:
        word = dur.group("n").lower()
        n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
        if n:
            closing = _closing_date(ctx, s.start, s.end) or (
                d.end_date if _closing_near(ctx, d) else None
            )
            opening = _opening_date(ctx, s.start, s.end)
            if opening is not None:
                d.start_date = opening
                d.end_date = opening + timedelta(days=n - 1)
            elif closing is not None:
                d.start_date = closing - timedelta(days=n - 1)
                d.end_date = closing
    # Organisations and people are read in the event sentence, and in a follow-up only when
    # it names someone with a role ("Dai Gang, Director General of ..."): reading every
    # sentence's organisations would cost far more than it finds.
    with_people = first or not _PERSON_CUES.isdisjoint(ctx.words[index])
    orgs = para.orgs if with_people else []
    # a follow-up's countries count when it says who took part ("Ministers from Brazil,
    # Russia ... attended the meeting"), not when it only discusses ("cooperation with
    # African communities")
    with_countries = first or with_people or not _ATTENDANCE.isdisjoint(ctx.words[index])
    for c in para.countries if with_countries else []:
        if any(o.start <= c.start < o.end and o.country is not None for o in orgs):
            continue
        if c.iso3 not in d.countries:
            d.countries.append(c.iso3)
    for o in orgs:
        if first and a <= o.start < b:
            continue
        if o.kind in ("media", "legislature", "advisory", "party"):
            continue
        if o not in d.orgs:
            d.orgs.append(o)
    for person in para.people if with_people else []:
        if all(person.name != q.name for q in d.people):
            d.people.append(person)
    if (
        d.summary is None
        and not _AGREED_WORDS.isdisjoint(ctx.words[index])
        and _AGREED.search(s.text)
    ):
        d.summary = s.text
    if first and index > 0 and _OF_THE_PARTNERS.search(text, b, min(s.end, b + 40)):
        # "a two-day meeting of the partners": the partners the previous sentence names
        prev = ctx.sentences[index - 1]
        if prev.paragraph == s.paragraph:
            info = ctx.analysis(prev)
            for iso3 in [
                *(c.iso3 for c in info.countries),
                *(o.country for o in info.orgs if o.country),
            ]:
                if iso3 not in d.countries:
                    d.countries.append(iso3)


def _opening_date(ctx: EventDoc, start: int, end: int) -> date | None:
    text = ctx.text
    for w in ctx.weekdays_in(start, end):
        if _OPENED.search(text[max(start, w.start - 45) : w.start]):
            return w.day
    for dm in ctx.dates_in(start, end):
        if dm.granularity == "day" and _OPENED.search(text[max(start, dm.start - 45) : dm.start]):
            return dm.start_date
    return None


def _closing_date(ctx: EventDoc, start: int, end: int) -> date | None:
    text = ctx.text
    for w in ctx.weekdays_in(start, end):
        if _CLOSED.search(text[max(start, w.start - 45) : w.start]):
            return w.day
    for dm in ctx.dates_in(start, end):
        if dm.granularity == "day" and _CLOSED.search(text[max(start, dm.start - 45) : dm.start]):
            return dm.end_date
    return None


def _closing_near(ctx: EventDoc, d: _Draft) -> bool:
    s = ctx.sentences[d.sentence]
    return _closing_date(ctx, s.start, s.end) is not None


_REFERENCE = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,2}(?P<noun>" + _LOWER_HEADS + r"|visit|delegation|ministers"
    r"|two\s+sides|sides|talks|ceremony|guests|participants|delegates|attendees|event"
    r"|gathering)\b",
    _I,
)
_SPECIFIC_NOUNS = frozenset(
    "forum workshop conference symposium committee commission subcommission summit dialogue"
    " seminar colloquium".split()
)


def _is_reference(ctx: EventDoc, index: int, current: _Draft) -> bool:
    """A follow-up sentence of the current meeting: it mentions "the meeting/session/
    workshop...", the meeting's own noun, or opens with "Both sides", "The two sides",
    "During the meeting", a pronoun, or names its people."""
    t = ctx.sentences[index].text
    m = _REFERENCE.search(t)
    if m is not None:
        noun = m.group("noun").lower()
        if noun in _SPECIFIC_NOUNS and noun.rstrip("s") not in current.title.lower():
            return False  # "the forum" is not the visit or the committee being read
        return True
    if re.match(
        r"(?:Both|The\s+two)\s+(?:sides|parties|ministers|countries)|(?:He|She|They)\b|In\s+(?:his|her)\s+",
        t,
    ):
        return True
    if re.match(
        r"(?:In|At)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?,\s+(?:he|she|they|the\s+delegation)\b", t
    ):
        return True
    return False


def _finish(ctx: EventDoc, d: _Draft) -> Candidate:
    s = ctx.sentences[d.sentence]
    people = list(d.people)
    for child in d.children:
        for p in child.people:
            if all(p.name != q.name for q in people):
                people.append(p)
    if d.parent is not None:
        for p in d.parent.visitor or d.parent.people[:2]:
            if all(p.name != q.name for q in people):
                people.append(p)
    countries: list[str] = []
    for c in [*countries_named(d.title), *d.countries]:
        if c not in countries:
            countries.append(c)
    if d.visit_country and d.visit_country not in countries:
        countries.append(d.visit_country)
    for p in people:
        if p.country and p.country not in countries:
            countries.append(p.country)
    for o in d.orgs:
        if o.country and o.country not in countries:
            countries.append(o.country)
    place = d.place
    if place is None and d.parent is not None and not d.online:
        place = d.parent.place
        country = d.parent.visit_country if place is None else place.country
    else:
        country = place.country if place is not None else None
    if d.online:
        place, country = None, None
    if d.kind == "visit":
        country = d.visit_country or country
    city = place.city if place is not None else None
    grouping = _GROUPINGS.search(d.title) is not None
    sides = len(countries)
    if d.kind == "met":
        sides = max(2, sides)  # "X met Y": two sides, whatever the text says of their countries
    typed_title = "visit" if d.kind == "visit" else _MEDIUM.sub("meeting", d.title)
    if d.kind == "met":
        typed_title = "meeting"  # "X met Y": two sides, whatever their organisations are called
    mtype = meeting_type_of(typed_title, sides, grouping)
    participants: list[MeetingParticipant] = []
    for c in countries:
        participants.append(MeetingParticipant("country", country_name(c) or c, None, None, c))
    seen: set[str] = set()
    for o in d.orgs:
        if o.name in seen:
            continue
        seen.add(o.name)
        participants.append(MeetingParticipant("organisation", o.name, None, None, o.country))
    for p in people:
        participants.append(MeetingParticipant("person", p.name, p.role, p.organisation, p.country))
    end = d.end_date if d.end_date is not None else d.start_date
    summary = " ".join((d.summary or s.text).split())
    if len(summary) > 300:
        summary = summary[:297].rstrip() + "..."
    meeting = Meeting(
        title=d.title,
        meeting_type=mtype,
        start_date=d.start_date,
        end_date=end,
        city=city,
        country=country,
        summary=summary,
        participants=tuple(participants),
    )
    mention = Mention(
        doc_id=ctx.doc_id,
        evidence=s.text,
        char_start=s.start,
        char_end=s.end,
        page=ctx.doc.page_at(s.start),
    )
    return Candidate(fact=meeting, mention=mention)


# between two meetings one sentence reports ("the 17th EU-China Summit and the 2nd ...")
_AND_NEXT = re.compile(r"\s*(?:\([^)]*\)\s*)?,?\s+and\s+(?:the\s+)?")
# what a participant does in a news report of one meeting ("Yin Hejun said that ...")
_SPEECH = re.compile(
    r"\b(?:said|says|told|noted|stressed|added|emphasi[sz]ed|urged|pointed\s+out|remarked"
    r"|addressed|spoke)\b"
)


def _add_speakers(ctx: EventDoc, d: _Draft) -> None:
    """A news article about one meeting quotes its participants after reporting it, often
    paragraphs later: people with a role who speak there took part in it."""
    text = ctx.text
    after = ctx.sentences[d.sentence].end
    for start, end in paragraph_spans(text):
        if end <= after or _SPEECH.search(text, start, end) is None:
            continue
        start = max(start, after)
        orgs = find_orgs(text, start, end, ctx.learned)
        for person in find_people(text, start, end, orgs):
            if person.role and all(person.name != q.name for q in d.people):
                d.people.append(person)


def _continues(current: _Draft | None, paragraph: int, mentions: list) -> bool:
    """Whether a definite description ("the seminar") is the current meeting again: it is
    in the current meeting's paragraph, or names the current meeting's own noun."""
    if current is None:
        return False
    for _, _, kind, raw in mentions:
        if kind == "definite":
            head = raw.split()[-1].lower()
            return head in current.title.lower() or current.paragraph == paragraph
    return True


def extract_meetings(doc_id: str, doc: ParsedDocument, doc_type: str) -> list[Candidate]:
    """Meeting candidates a document states, in text order (see the module docstring)."""
    if not doc.text:
        return []
    ctx = event_doc(doc_id, doc, doc_type)
    drafts: list[_Draft] = []
    current: _Draft | None = None
    visit: _Draft | None = None
    para_no = -1
    for i, s in enumerate(ctx.sentences):
        same_para = s.paragraph == para_no
        if not same_para:
            visit, para_no = None, s.paragraph
        if not ctx.body[i]:
            current = None  # a heading or headline ends the item
            continue
        news: list[_Draft] = []
        if not MEETING_WORDS.isdisjoint(ctx.words[i]):
            mentions = _find_mentions(ctx, i)
            again = False  # the sentence names a meeting already read: nothing new in it
            for kind in ("named", "described", "definite", "visit", "met"):
                if again:
                    break
                if kind == "met" and (news or (current is not None and same_para)):
                    continue
                if kind == "definite" and (news or _continues(current, s.paragraph, mentions)):
                    continue  # "the meeting" after a meeting is that meeting again
                if kind == "visit" and visit is not None:
                    continue  # "... and visited the Sino-Africa Joint Research Center"
                if kind == "described" and any(n.kind == "named" for n in news):
                    continue
                for a, b, k, raw in mentions:
                    if k != kind or not _is_event(ctx, i, a, b, kind):
                        continue
                    if news and not _AND_NEXT.fullmatch(ctx.text, news[-1].span[1], a):
                        continue  # a second name in a sentence only as "X and the Y"
                    d = _new_draft(ctx, i, a, b, kind, raw)
                    if d is None:
                        continue
                    dup = next(
                        (
                            x
                            for x in drafts
                            if x.kind == "named"
                            and d.kind == "named"
                            and title_similarity(x.title, d.title) >= _SAME_NAME
                        ),
                        None,
                    )
                    if dup is not None:
                        _collect(ctx, dup, i, False)
                        current = dup
                        again = True
                        break
                    news.append(d)
                    if kind != "named":
                        break  # several named meetings may share a sentence; one of the rest
        if news:
            news.sort(key=lambda d: (d.kind != "visit", d.span))
            for d in news:
                _collect(ctx, d, i, True)
                if d.kind == "visit":
                    visit = d
                elif visit is not None:
                    d.parent = visit
                    visit.children.append(d)
                drafts.append(d)
                current = d
            continue
        if current is None:
            continue
        if same_para or _is_reference(ctx, i, current):
            _collect(ctx, current, i, False)
            current.last_sentence = i
        else:
            current = None
    body_drafts = [d for d in drafts if d.kind != "visit"]
    if doc_type == "article" and len(body_drafts) == 1:
        _add_speakers(ctx, body_drafts[0])
    for h in headline_meetings(
        ctx,
        [d.title for d in drafts],
        _named_mentions,
        _clean_title,
        _NAMED_HEAD_WORDS,
        _excluded,
    ):
        d = _Draft(h.index, h.title, "named", (h.start, h.end), last_sentence=h.index)
        d.paragraph = ctx.sentences[h.index].paragraph
        _collect(ctx, d, h.index, True)
        drafts.append(d)
    return [_finish(ctx, d) for d in drafts]
