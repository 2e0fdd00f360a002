"""The meeting extractor's rules as named data: meeting nouns, event and future predicates,
exclusions, visit and "met" patterns, date cues. The code that applies them is in
`meeting_mentions`, `meeting_titles` and `meeting_fields`; the order of reading is in
`meetings`.
"""

from __future__ import annotations

import re

from transform.participant_words import ROLE_WORDS
from transform.places import ONLINE

CASELESS = re.IGNORECASE


_ORD_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    "|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    "|twenty-first|twenty-second|twenty-third|twenty-fourth|twenty-fifth|thirtieth"
)


_ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th|%)|(?i:" + _ORD_WORDS + r"))"


_HEADS = (
    r"Committee|Commission|Sub-?[Cc]ommission|Sub-?[Cc]ommittee|Forum|Workshop|Conference"
    r"|Symposium|Dialogue|Meetings?|Summit|Sessions?|Seminar|Roundtable|Round\s+Table"
    r"|Consultations?|Congress|Colloquium|Assembly|Exchange|Talks|Expo|Convention|Retreat"
    r"|Working\s+Groups?|Day"
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
HEAD_SCAN = re.compile(r"(?:" + _HEADS + r")\b")


TAIL_RE = re.compile(_NAME_TAIL + r"(?P<trail>\s+(?:meeting|session))?")


ORDINAL_RE = re.compile(r"^" + _ORDINAL + r"$")


YEAR_RE = re.compile(r"^(?:19|20)\d\d$")


LEFT_STOP = frozenset(
    "The A An At In On During Under From For With By And Of To As After Before Since While"
    " When Its Their His Her This That These Those Both".split()
)


ORG_LIKE_HEADS = frozenset(
    "Committee Commission Subcommission Sub-commission Sub-Commission Subcommittee"
    " Sub-committee Council Assembly Congress Convention Exchange Dialogue Session Group"
    " Groups Day".split()
)


HELD_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:(?:was|were)\s+(?:\w+ly\s+)?(?:held|convened|hosted|opened|inaugurated)"
    r"|met\b|convened\b|took\s+place|held\s+its|opened\b|concluded\b|kicked\s+off)"
)


TOKEN_SEP = re.compile(r"([^\s,]+)(,?\s+)")


CAP_TOKEN = re.compile(_CAPWORD + r"|" + _ORDINAL)


CONNECTORS = frozenset({"and", "&", "of", "on", "for"})


# "the 27th session of the China-Russia Subcommission ...", "the 5th meeting of the ..."
SESSION_OF = re.compile(
    r"(?P<ord>" + _ORDINAL + r")\s+(?:(?i:regular|annual|ordinary|extraordinary|special)\s+)?"
    r"(?P<kind>(?i:session|meeting|round|plenary\s+session"
    r"|plenary\s+meeting|edition))\s+of\s+(?:the\s+|their\s+|its\s+)?(?P<body>(?:"
    + _CAPWORD
    + r"\s+){0,10}?(?:"
    + _HEADS
    + r")"
    + _NAME_TAIL
    + r")"
)


# An apostrophe inside a word ("China's minister ... said") opens no quotation.
QUOTED = re.compile(
    r"(?<!\w)[“\"‘'](?P<body>[^”\"’']{4,160}?(?:" + _HEADS + r")[^”\"’']{0,80})[”\"’']"
)


QUOTE_MARK = re.compile("[“\"‘']")


DESCRIBED = re.compile(
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
DEFINITE_MEETING = re.compile(
    r"\b[Tt]he\s+(?P<body>(?:(?!(?:of|to|was|were|is|are|and)\b)[a-z][\w&-]*\s+){0,3}?"
    r"(?P<head>seminar|workshop|forum|symposium|conference|meeting|dialogue|summit|talks"
    r"|roundtable|colloquium))\b"
)


VISIT = re.compile(
    r"\b(?:(?:an?\s+|his\s+|her\s+|their\s+)?(?:(?:official|state|working|three-day|two-day"
    r"|four-day|five-day|week-long)\s+)?visit\s+to|visit(?:ed|s|ing)?|paid\s+(?:an?\s+)?"
    r"(?:official\s+|state\s+|working\s+)?visit\s+to|tour(?:ed|s)?)\b",
)


MET = re.compile(
    r"\bmet(?:\s+with)?\b|\bheld\s+(?:(?:bilateral|formal|official|in-depth|high-level)\s+)?talks\s+with\b"
    # "the minister discussed with China's ambassador ...", "conferred with": two sides
    # that talked, as "met with" (the sides must still be named people or organisations)
    r"|\b(?:discussed|conferred)\s+with\b"
    # "received a delegation headed by X", "received Dr. X": a host meeting a guest; only
    # before a delegation or a person's title, so an award, funding or approval is no guest
    r"|\breceived(?=\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?delegations?\b"
    r"|(?:Dr|Mr|Mrs|Ms|Prof|Professor|President|Vice|Minister|Ambassador|Deputy|H\.E)\b))"
    # "had substantive discussions with the founder", "had the first face-to-face meeting
    # with their partners": two sides that talked
    r"|\bhad\s+(?:(?:a|an|the|their|its)\s+)?(?:[\w-]+\s+){0,2}?(?:discussions?|talks|meetings?)"
    r"\s+with\b"
    # "hosted a two-member delegation from the embassy": a host meeting its guests
    r"|\bhosted(?=\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?[Dd]elegations?\b)"
)
# the words that let a sentence hold a MET mention
MET_WORDS = frozenset({"met", "talks", "discussed", "conferred", "received", "hosted", "had"})


PAST = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:held|convened|organi[sz]ed|hosted|opened|staged"
    r"|co-?chaired|chaired|attended|launched|inaugurated)\b|\btook\s+place\b|\bheld\b|\bmet\b|\bconvened\b"
    r"|\bconcluded\b|\bopened\b|\bclosed\b|\bended\b|\bkicked\s+off\b|\bco-?chaired\b"
    r"|\bchaired\b|\bhosted\b|\borgani[sz]ed\b|\battended\b|\bvisited\b|\bvisit\s+to\b|\breceived\b"
    r"|\bDuring\s+(?:the|a|an|his|her|their)\b|\bduring\s+(?:the|his|her|their)\b"
    r"|\bAt\s+(?:the|an?|their)\b|\bat\s+the\b|\bparticipated\b|\baddressed\b|\bled\b"
    r"|\bagreed\b|\bsigned\b|\breviewed\b|\bdiscussed\b|\bcelebrated\b|\bgathered\b"
    r"|\b(?:was|were)\s+invited\s+to\s+(?:attend|participate|join)\b"
    r"|\bhad\s+(?:(?:a|an|the|their|its)\s+)?(?:[\w-]+\s+){0,2}?(?:discussions?|talks|meetings?)\b",
)
# "The deal was struck on Monday during a meeting between the visiting President A and
# Minister B": what happened during a meeting of two named sides reports
# that meeting, whatever the verb, unless a modal makes it a plan ("will be raised during")
DURING_BETWEEN = re.compile(
    r"\bduring\s+an?\s+(?:(?:bilateral|official|working)\s+)?(?:meeting|talks)\s+between\s+"
    r"(?:the\s+)?[A-Z][^.;]*?\s+and\s+(?:[a-z]+\s+)?(?:the\s+)?[A-Z]"
)
MODAL = re.compile(
    r"\b(?:will|would|shall|could|may|might|to\s+be|plans?\s+to|expected\s+to)\b", re.I
)
# "the Joint Committee Meetings on ...": a head that the next head word goes on from
HEAD_GOES_ON = re.compile(r"\s+(?:Meetings?|Sessions?)\b")


EXCLUDED = re.compile(
    r"\bNational\s+People['’]s\s+Congress\b|\bNPC\b|\bCPPCC\b|\bPolitical\s+Consultative\b"
    r"|\btwo\s+sessions\b|\bNational\s+Congress\s+of\s+the\s+Communist|\bParty\s+Congress\b"
    r"|\bCentral\s+Committee\b|\bPolitburo\b|\bStanding\s+Committee\b|\bpress\s+conference\b"
    r"|\bnews\s+conference\b|\bpress\s+briefing\b|\bpanel\s+discussion\b|\bopening\s+session\b"
    r"|\bopening\s+ceremony\b|\bclosing\s+ceremony\b|\bsigning\s+ceremony\b"
    r"|\blaunch\s+ceremony\b|\bplenary\s+session\s+of\s+the\s+\d+\w*\s+Central\b"
    r"|\blegislature\b|\bparliament(?:ary)?\s+session\b|\bCommunist\s+Party\b",
    CASELESS,
)


AGREED = re.compile(
    r"\b(?:agreed|agree|discussed|reviewed|signed|adopted|exchanged\s+views|explored"
    r"|approved|committed|launched|pledged|decided|reached|emphasi[sz]ed|sketched|celebrated"
    r"|announced|renewed)\b",
    CASELESS,
)


ONLINE_NEAR = ONLINE


SESSION_WORDS = frozenset({"session", "meeting", "round", "edition", "plenary"})


LOWER_HEAD_WORDS = frozenset(
    "committee commission subcommission forum workshop conference symposium dialogue meeting"
    " summit session seminar roundtable consultation consultations colloquium exchange"
    " talks".split()
)


ONLINE_WORDS = frozenset({"online", "virtually", "video", "link", "teleconference", "virtual"})


AGREED_WORDS = frozenset(
    """agreed agree discussed reviewed signed adopted exchanged explored approved committed
    launched pledged decided reached emphasised emphasized sketched celebrated announced
    renewed""".split()
)


OF_THE_PARTNERS = re.compile(
    r"\s+of\s+(?:the|its|their|all)\s+(?:\w+\s+)?(?:partners|members|participants|parties"
    r"|consortium|institutions)\b"
)


ATTENDANCE = frozenset(
    """from attended attend attending participants participated delegates delegation
    delegations representatives joined sides countries officials ministers scientists
    researchers guests""".split()
)


NAMED_HEAD_WORDS = frozenset(
    "committee commission subcommission subcommittee sub forum workshop conference symposium"
    " dialogue meeting summit session seminar roundtable round consultation consultations"
    " congress colloquium assembly exchange talks convention retreat group groups day".split()
)


PERSON_CUES = frozenset(
    ROLE_WORDS
    | {"prof", "dr", "mr", "mrs", "ms", "professor", "academician"}
    | {"said", "told", "attended", "chaired", "co", "met", "signed", "addressed", "led", "headed"}
)


VISIT_WORDS = frozenset({"visit", "visited", "visits", "visiting", "toured", "tour", "tours"})
# "went to the National University of Uzbekistan and met the president": travel is a visit
# only when the sentence says the traveller met someone there
TRAVELLED = re.compile(r"\b(?:went|travel(?:l)?ed|came|flew)\s+to\b(?=[^.;]*\bmet\b)")
TRAVEL_WORDS = frozenset({"went", "travelled", "traveled", "came", "flew"})
# "X led a delegation to Cuba on Aug. 26": leading a delegation to a place is a visit
# there ("led a delegation to attend the forum" leads it to the forum, read as that)
LED_DELEGATION = re.compile(
    r"\b(?:led|headed)\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,3}?delegations?\s+to\b"
    r"(?!\s+(?:attend|participate|take|join|sign|meet|visit|the\s+\w*\s*(?:forum|conference"
    r"|meeting|summit|session|seminar|workshop|symposium))\b)"
)
LED_WORDS = frozenset({"led", "headed"})
# "the university's group was in Adelaide to sign an MoU as well as meeting with senior
# staff", "X headed a delegation in China this week for meetings with the ministry": being
# in a place to meet someone there is a visit
STAYED_TO_MEET = re.compile(
    r"\b(?:was|were|(?:led|headed)\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,3}?"
    r"delegations?)\s+in\b(?=\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:\s+this\s+week)?\s+"
    r"(?:to|for)\b[^.;]{0,120}?\bmeet(?:s|ing|ings)?\s+with\b)"
)
MEET_WORDS = frozenset({"meet", "meets", "meeting", "meetings"})


# Sides made of many countries: a meeting with one of them is multilateral. (The EU acts
# as one side: "China-EU" is two sides.)
GROUPINGS = re.compile(
    r"\b(?:BRICS|ASEAN|SCO|G20|G7|APEC|African\s+Union|CELAC|Belt\s+and\s+Road|UN"
    r"|United\s+Nations|Central\s+Asia|Africa|Arab|Pacific\s+Island|Latin\s+America"
    r"|Caribbean|Central\s+and\s+Eastern\s+Europe|Nordic|Gulf|Mekong|Shanghai\s+Cooperation"
    r"|Asia-Pacific|Global\s+South|Commonwealth)\b"
)


# A medium, not an event noun: "a video conference" is a meeting of two sides.
MEDIUM = re.compile(
    r"\b(?:video|tele|virtual|online)[\s-]*(?:conference|call|link|meeting)\b", CASELESS
)


# two names of one meeting in one document ("the Fifth Israel-China Joint Committee on
# Innovation", "the China-Israel Joint Committee on Innovation Cooperation")
SAME_NAME = 0.6


# "has not been held since": a meeting denied, not reported
DENIED = re.compile(r"\b(?:not|never)\s+(?:been\s+|be\s+)?(?:held|convened|met)\b", CASELESS)


# "Beijing hosted the forum": the host city as the subject
HOSTED = re.compile(
    r"(?<![\w,])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?=\s+(?:hosted|played\s+host\s+to)\b)"
)


TOPIC = re.compile(
    r"\s+on\s+(?:(?!(?:in|at|from|on|by|with|and\s+the|was|were|is|are|last|this|next"
    r"|yesterday|today|earlier|later|during|after|before|for|to)\b)[a-z][\w-]*\s*){1,5}"
    r"(?=[\s,.;]|$)"
)


ORGANISER = re.compile(
    r"\b(?:under\s+the\s+auspices\s+of|organi[sz]ed\s+by|hosted\s+by|convened\s+by)\s+(?:the\s+)?"
)


THE_ONLY = re.compile(r"^[Tt]he\s+")


THEIR = re.compile(r"\s+of\s+(?:their|its)\s+")


DET = re.compile(r"^(?:a|an|their|its|his|her|our)\s+", CASELESS)


SIMILAR = re.compile(r"^(?:similar|further|another|separate)\s+", CASELESS)


LEAD_WORDS = re.compile(r"((?:(?:" + _ORDINAL + r"|annual|similar|regular|first-ever)\s+)*)(.*)$")


PLAIN_HEADS = re.compile(r"(?:meeting|talks|exchange|dialogue|consultations?|video\s+conference)")


# the word that joins two people into one subject ("X ... and Y met")
JOINT_SUBJECT = re.compile(r"\band\b")


REFERENCE = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,2}(?P<noun>" + _LOWER_HEADS + r"|visit|delegation|ministers"
    r"|two\s+sides|sides|talks|ceremony|guests|participants|delegates|attendees|event"
    r"|gathering)\b",
    CASELESS,
)


SPECIFIC_NOUNS = frozenset(
    "forum workshop conference symposium committee commission subcommission summit dialogue"
    " seminar colloquium".split()
)


# between two meetings one sentence reports ("the 17th EU-China Summit and the 2nd ...")
AND_NEXT = re.compile(r"\s*(?:\([^)]*\)\s*)?,?\s+and\s+(?:the\s+)?")


# what a participant does in a news report of one meeting ("Yin Hejun said that ...")
SPEECH = re.compile(
    r"\b(?:said|says|told|noted|stressed|added|emphasi[sz]ed|urged|pointed\s+out|remarked"
    r"|addressed|spoke)\b"
)
