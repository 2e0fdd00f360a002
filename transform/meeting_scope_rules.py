"""What a meeting word in a body sentence may stand for other than a meeting reported
(rules 2-4 of `transform.meetings`): a word that qualifies another thing's name, a meeting
recalled, the topic of another event, one of a host's past examples, or an intention.
Named data, applied in `meeting_mentions`.
"""

from __future__ import annotations

import re

CASELESS = re.IGNORECASE

# "the 19th China-ASEAN Expo Advanced Technology Exhibition", "the Forum Secretariat": the
# head word only qualifies the name of an exhibition, place, prize or office
OTHER_THING_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’-]*){0,4}?\s+(?:Exhibitions?|Fairs?|Shows?|Parks?|Zones?|Cent(?:er|re)s?"
    r"|Halls?|Pavilions?|Awards?|Prizes?|Secretariat|Declarations?|Funds?|Program(?:me)?s?"
    r"|Projects?)\b"
)


# a lower-case meeting noun that only qualifies another thing ("a note exchange agreement",
# "an education exchange programme", "the dialogue mechanism")
QUALIFIES_AFTER = re.compile(
    r"\s+(?:agreements?|accords?|programm?es?|mechanisms?|platforms?|rates?|students?|visas?"
    r"|scheme|schemes|fund|funds|network|centre|center|hall|room|venue)\b"
)


# what precedes a meeting recalled in passing ("agreements reached at the 17th China-EU
# Summit", "was established at the 2010 Strategic and Economic Dialogue")
RECALLED_BEFORE = re.compile(
    r"\b(?:following\s+on\s+from|building\s+on)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$"
    r"|\b(?:reached|established|adopted|agreed(?:\s+upon|\s+on)?|signed|announced|launched"
    r"|made|set\s+up|proposed|initiated|endorsed|identified|outlined)\s+"
    # "was agreed by all BRICS countries at the 13th ... Meeting": the agent may come between
    r"(?:by\s+[^.;,]{1,60}?\s+)?(?:at|during)\s+(?:the\s+"
    # "signed during Chinese leader Xi Jinping's 2018 visit": the visit of a named person
    r"|(?:[\w.-]+\s+){0,3}[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}['’]s\s+(?:\d{4}\s+)?)?$",
    CASELESS,
)
# an event a passive relative clause dates something by ("the agreement ... that was signed
# during Prime Minister X's visit to China in April 2017"): background, not the news
RELATIVE_DATED_BY_BEFORE = re.compile(
    r"\b(?:which|that)\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?\w+(?:ed|en)\s+"
    r"(?:at|during|on\s+the\s+sidelines\s+of)\s+[^.;]{0,80}$",
    CASELESS,
)
# a meeting still ahead, named as the time of something else ("signed a memorandum in the
# run-up to the president's state visit to China")
UPCOMING_BEFORE = re.compile(
    r"\b(?:in\s+the\s+run-up\s+to|ahead\s+of|on\s+the\s+eve\s+of|in\s+preparation\s+for)"
    r"\s+[^.;]{0,60}$",
    CASELESS,
)
# a committee or commission being created, not meeting ("decided to set up a joint steering
# committee")
CREATED_BEFORE = re.compile(
    r"\b(?:set\s+up|setting\s+up|establish(?:ed|ing)?|creat(?:e|ed|ing)|form(?:ed|ing)?)\s+"
    r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}$",
    CASELESS,
)
# what a named agent put forward at a meeting recalled ("the eight initiatives announced by
# President Xi in 2018 during the Beijing Summit"): a passive with its agent tells where the
# thing came from, within one clause
PUT_FORWARD_BEFORE = re.compile(
    r"\b(?:announced|proposed|initiated|put\s+forward|unveiled)\s+by\b[^,;.]{0,100}?"
    r"\b(?:at|during)\s+(?:the\s+)?$",
    CASELESS,
)
# the guidance drawn from a political meeting ("implemented the spirit of the 20th CPC National
# Congress and its second plenary session"): the meeting is recalled, not reported
SPIRIT_OF_BEFORE = re.compile(r"\b(?:spirits?|guiding\s+principles)\s+of\b[^;.,]{0,120}$", CASELESS)
# a visit that is one more stop of a trip the text has reported ("The delegation also visited
# the institute", "After the meeting, the vice minister visited the botanical garden")
SIDE_VISIT_BEFORE = re.compile(r"\balso\s+(?:\w+ly\s+)?$", CASELESS)
# a visit named as the occasion of what a host does ("welcomed the vice-president for his
# visit to China", "thanked them for their visit"), or taken up again ("The visit to CAS
# was an opportunity to ..."): the visit the text reports elsewhere, not a second one
VISIT_AS_OCCASION_BEFORE = re.compile(
    r"\b(?:welcom\w*|thank\w*|congratulat\w*|appreciat\w*)\b[^.;]{0,100}?\bfor\s+"
    r"(?:(?:his|her|their|the)\s+)?$",
    CASELESS,
)
VISIT_TAKEN_UP = re.compile(r"\W*[Tt]he\s+")
SIDE_VISIT_OPENING = re.compile(
    r"(?:After|Following)\s+(?:the|this|that)\s+(?:meeting|talks|signing|ceremony|forum|event|visit"
    r"|session|conference|discussions?|dialogue)\b|Afterwards\b|Later\s+(?:on\s+)?(?:that|the\s+same)"
    r"\s+day\b"
)
# what is being implemented that came out of a meeting ("would implement the outcomes of the
# Third Ministerial Conference", "implement what the premier proposed on ... during the
# opening ceremony of the 5th Forum"): the meeting is earlier, only its results are the news;
# read within one clause (no comma or semicolon between)
IMPLEMENTED_FROM_BEFORE = re.compile(
    r"\bimplement(?:s|ed|ing)?\b[^,;.]{0,200}?\b(?:at|during|of)\s+(?:the\s+)?"
    r"(?:(?:opening|closing)\s+(?:ceremony|session|plenary)\s+of\s+(?:the\s+)?)?$",
    CASELESS,
)
# what precedes a meeting that is only the topic ("gave an introduction about the 2018 World
# Artificial Intelligence Conference", "reviewed cooperation progress on the China-US Joint
# Committee Meeting, Innovation Dialogue and ..."): the event being reported is another one
TOPIC_BEFORE = re.compile(
    r"\b(?:about|regarding|concerning|introduc(?:e|ed|ing|tion)\s+(?:of|to)"
    r"|progress\s+(?:on|of|under|in))\s+(?:the\s+)?$",
    CASELESS,
)
# examples of what a host "has held" over the years ("China has hosted a series of events,
# including the 24th X Congress in 2002, ... and the Y Conference in 2004"): recalled, not
# reported
EXAMPLES_BEFORE = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:hosted|held|organi[sz]ed|staged)\s+(?:a\s+(?:series|number"
    r"|range|host)\s+of|many|several|numerous)\b[^.;]*?\b(?:including|such\s+as)\b",
    CASELESS,
)
# what precedes a meeting noun that is wished for, not held ("called for a wider exchange")
INTENT_BEFORE = re.compile(
    r"\b(?:call(?:ed|s)?\s+for|urged?|promot(?:e|ed|ing)|boost(?:ed|ing)?|deepen(?:ed|ing)?"
    r"|strengthen(?:ed|ing)?|expand(?:ed|ing)?|encourag(?:e|ed|ing)|enhanc(?:e|ed|ing))"
    r"\s+(?:\w+\s+){0,2}$",
    CASELESS,
)
# a visit counted ("she had visited Israel twice", "has toured the lab several times"): a
# frequency sums up past trips, it reports none of them
VISIT_COUNTED_AFTER = re.compile(
    r"[^.;,]{0,60}?\b(?:twice|thrice|\d+\s+times|(?:three|four|five|six|several|many|multiple"
    r"|numerous|countless)\s+times|on\s+(?:two|three|several|many|numerous)\s+occasions)\b",
    CASELESS,
)
# the agent of a passive in a relative clause ("cooperation, which was reinvigorated by the
# visit of President X in November"): the clause recalls what caused a state of affairs
RELATIVE_AGENT_BEFORE = re.compile(
    r"\b(?:which|that)\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?"
    r"\w+(?:ed|en)\s+by\s+(?:the\s+|a\s+|an\s+)?$",
    CASELESS,
)


# A meeting still to come ("will be held", "is expected to", "the next session"): rule 3
FUTURE = re.compile(
    r"\b(?:will|shall|would)\s+(?:\w+\s+)?(?:be\s+)?(?:held|hold|host|take\s+place|convene"
    r"|visit|meet|open|gather)\b|\b(?:is|are)\s+(?:expected|scheduled|set|due|slated|planned)"
    r"\s+to\b|\bto\s+be\s+held\b|\bnext\s+(?:meeting|session|round|forum|conference|summit)"
    r"|\bupcoming\b|\bagreed\s+to\s+hold\b|\bplan(?:s|ned)?\s+to\s+(?:hold|host|visit|convene)\b"
    r"|\bforthcoming\b|\bwill\s+(?:be\s+)?(?:run|take)\b"
    # "the visit will include a high-level meeting with ...": a programme announced
    r"|\bwill\s+(?:also\s+)?(?:include|feature|involve|see)\b",
    CASELESS,
)


# Past forms that cannot be part of a future phrase ("held" can: "will be held").
PAST_EXPLICIT = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:held|convened|hosted|opened|organi[sz]ed|inaugurated)\b"
    r"|\btook\s+place\b|\bconcluded\b|\bmet\b|\bco-?chaired\b|\bclosed\b|\bended\b",
    CASELESS,
)


# The cues read from the start of the meeting word's clause up to it, any one of which makes
# the meeting one recalled, put forward at, still ahead, or only dating something else.
CLAUSE_RECALLS = (
    PUT_FORWARD_BEFORE,
    SPIRIT_OF_BEFORE,
    UPCOMING_BEFORE,
    RELATIVE_DATED_BY_BEFORE,
    IMPLEMENTED_FROM_BEFORE,
)
