"""Named data of the project extractor for the ways real pages state projects beyond a
subject-verb-object sentence: events named by a noun ("the unveiling ceremony of X"),
launch vehicles and launching states, fund programmes, headings and later names of a
described project, appositions and inverted subjects, and the look-alikes to refuse
(recalls in subordinate clauses, diplomatic partnerships, company products). The core
verbs, head nouns and cue words are in `project_rules`."""

from __future__ import annotations

import re

# "the unveiling ceremony of X", "saw the launch of X", "the official inauguration of X":
# the event named by a noun, and the status it gives.
NOMINAL_EVENT = re.compile(
    r"(?P<noun>launch|launching|unveiling|opening|inauguration|establishment|founding|formation"
    r"|commissioning|completion|development|construction"
    # "a foundation stone laying ceremony for X was held": building work begins
    r"|foundation[\s-]stone[\s-]laying(?=\s+ceremony)|ground-?breaking(?=\s+ceremony))"
    r"(?:\s+(?:and\s+hand(?:ing)?[\s-]over\s+)?ceremony)?(?:\s+and\s+hand(?:ing)?[\s-]over)?"
    r"(?:\s+in\s+[A-Z][\w'’-]+)?(?:\s+of|(?<=ceremony)\s+for)\s+"  # "the launch in China of X"
)
# "attended the Opening Ceremony of the X Center": the same event noun in title case, as
# pages capitalise a ceremony's name (only with "Ceremony", else a capital starts a name)
TITLE_NOMINAL_EVENT = re.compile(
    r"(?P<noun>Launch|Launching|Unveiling|Opening|Inauguration|Establishment|Founding"
    r"|Commissioning|Completion)\s+Ceremony\s+of\s+"
)
NOMINAL_STATUS = {
    "launch": "launched",
    "launching": "launched",
    "unveiling": "launched",
    "opening": "inaugurated",
    "inauguration": "inaugurated",
    "establishment": "established",
    "founding": "established",
    "formation": "established",
    "commissioning": "started_operations",
    "completion": "completed",
    "development": "planned",
    "construction": "planned",
    "foundation stone laying": "launched",
    "groundbreaking": "launched",
}


def nominal_status(noun: str) -> str:
    """The status an event noun gives, however its words are joined ("ground-breaking")."""
    key = re.sub(r"[\s-]+", " ", noun.lower())
    return NOMINAL_STATUS.get(key, NOMINAL_STATUS.get(key.replace(" ", ""), "launched"))


NOMINAL_ONLY = frozenset(
    {"inauguration", "establishment", "founding", "formation", "completion", "development"}
    | {"construction"}
    | {"foundation stone laying", "foundation-stone-laying", "groundbreaking", "ground-breaking"}
)
# "set aside $5.5 billion for the development of X": money for a project still to come
PURPOSE_ONLY = frozenset({"development", "construction"})
# "since the launch of X", "after the opening of X": an earlier event recalled
# ... and "through the launch of X in 2005": the means of a state of affairs, also recalled
RECALL_WORDS = frozenset(
    "since after before following until prior ahead upon anniversary through".split()
)
# where the project named after a nominal trigger ends
NOMINAL_NP_END = re.compile(
    r",|;|:|\.(?=\s|$)|\s(?:was|were|is|are|has|have|had|will|would|took|takes|in|at|by"
    r"|on\s+(?=\d|[A-Z][a-z]+day\b|[A-Z][a-z]{2,8}\.?\s+\d)|from|which|that|who|to|held|saw|sees|marks?|marked|with|after|before|during|under|as"
    r"|last|this|next|early|late|earlier|later)\b"
)
# "The launch was the 524th mission", "its successful launch": a bare verb form after a
# determiner (and perhaps one adjective) is a noun, not the event's verb
NOUN_DETERMINERS = frozenset("the a an its their this that his her our whose each".split())
ADJECTIVE_ENDINGS = ("ful", "ed", "al", "ous", "ic", "ive", "est", "first", "new")
# "jointly unveiled the plaque of the X Center": how a centre is inaugurated
PLAQUE_OF = re.compile(
    r"(?:the\s+|a\s+)?(?:plaque|nameplate|name\s+plate|signboard)\s+(?:for|of|to)\s+"
    r"(?:the\s+|a\s+|an\s+)?",
    re.IGNORECASE,
)
# irregular past participles among the event verbs (a passive needs a participle)
PARTICIPLES = frozenset("built sent set put begun run made".split())
# A launch vehicle is not the project: its launch is its payload's.
LAUNCH_VEHICLE = re.compile(r"\b(?:rocket|launch\s+vehicle|Long\s+March)\b", re.IGNORECASE)
# A named fund of a research or cooperation programme is a project (a programme); an
# investment or industry fund is a budget only.
FUND_PROGRAMME = re.compile(
    r"\b(?:Research|Science|Scientific|Innovation|Cooperation|Collaboration|Partnership)\b"
    r"(?:(?!Investment|Industr|Capital|Equity|Guidance)[\w\s&-])*\bFund\b"
)
# "X was announced": a launch, for a programme only
ANNOUNCED_PROGRAMME = frozenset({"announced"})
# A verb in a subordinate clause reports an earlier event ("since the first agreement was
# signed in 1992")
SUBORDINATORS = frozenset(
    "since after before when because although though until once whereas".split()
)
# A diplomatic relation, not a project: "established a comprehensive strategic partnership"
# ... and what a meeting signs about itself ("the Minutes of the Fourth Session of the S&T
# Subcommittee", "the Protocol on the 20th Session of ..."): a record, no project
DIPLOMATIC = re.compile(
    r"\b(?:strategic|comprehensive|all-round|all-weather|diplomatic)\b[\w\s-]*"
    r"\b(?:partnership|relations?|ties)\b"
    r"|^(?:the\s+)?(?:minutes|protocol|protocal|summary|record|communiqu[eé])\s+(?:of|on)\b"
    r".*\b(?:session|meeting|committee|subcommittee|commission|dialogue)\b",
    re.IGNORECASE,
)
# Launching states by launch site or vehicle: a space mission's country
LAUNCH_STATES: tuple[tuple[str, str], ...] = (
    ("CHN", r"Long\s+March|Jiuquan|Xichang|Taiyuan|Wenchang|Kuaizhou|Jielong|Ceres-1|Zhuque"),
    ("IND", r"Sriharikota|Satish\s+Dhawan|PSLV|GSLV|LVM3"),
    ("RUS", r"Baikonur|Vostochny|Plesetsk|Soyuz|Proton-M|Angara"),
    ("USA", r"Cape\s+Canaveral|Vandenberg|Kennedy\s+Space\s+Center|Falcon\s+9|Falcon\s+Heavy"),
    ("FRA", r"Kourou|Ariane\s*[56]|Vega-C"),
    ("JPN", r"Tanegashima|H-IIA|H3\s+rocket"),
)
LAUNCH_STATE_RES = tuple((iso3, re.compile(r"\b(?:" + p + r")\b")) for iso3, p in LAUNCH_STATES)
# A section heading that reports a project's event: "Popular Health Action Launched",
# "* Joint Lab Opened in Bangkok"
HEADING_EVENT = re.compile(
    r"[*•·\s-]*(?P<name>[A-Z][^:;]{2,120}?)\s+(?P<verb>(?i:launched|unveiled|opened|opens"
    r"|inaugurated|established|set\s+up|founded|kicked\s+off))"
    r"(?=\s*$|\s*[,:;.]|\s+(?:in|at|on|from|by|with|as|for|to)\b)"
)
# A headline in the present with the actor first: "China, Kenya Open Joint Lab on Tea",
# "CAS Launches Silk Road Environment Program in Astana": the project is the object, and it
# ends before a preposition even when the headline capitalises it ("... Satellite From China
# To Tackle Climate Challenges")
HEADING_ACTIVE = re.compile(
    r"[*•·\s-]*(?P<actor>[A-Z][^:;]{1,80}?)\s+(?P<verb>(?i:launch(?:es)?|unveils?|opens?"
    r"|inaugurates?|establish(?:es)?|sets?\s+up))\s+(?P<name>[A-Z0-9‘“\"'][^:;,]{2,120}?)"
    r"(?=\s*$|\s*[,:;.]|\s+(?i:in|at|from|into|as|amid|after|to|with)\s)"
)
# a heading's subject is one noun phrase: no clause ("X, which opened in 2009")
NOT_A_HEADING_NAME = re.compile(r",|\b(?:which|that|who|has|have|had|is|are|was|were)\b")
HEADING_STATUS = {
    "launch": "launched",
    "unveil": "launched",
    "kick": "launched",
    "open": "inaugurated",
    "inaug": "inaugurated",
    "establ": "established",
    "set": "established",
    "found": "established",
}
# How far after an unnamed project's sentence its proper name is looked for (characters)
RENAME_WINDOW = 1200
# "satellite Tupac Katari", "probe Xihe-2": a name right after a mission's head noun
NAME_AFTER_HEAD = (
    r"\s+(?P<n>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}|[A-Z][A-Za-z]*-?\d[\w.-]*)"
    r"(?=\s*[,;.)]|\s+(?:was|is|will|has|into|on|from|in|at|and)\b)"
)
# "Bolivia's first telecommunications satellite": a country's first of a kind, described
OWNER_DESCRIPTION = re.compile(r"[A-Z][\w-]*['’]s\s+(?:first|second|third|new|latest)\s+[a-z]")
# "launches its fourth Earth Observation Satellite": an owner's count of its missions names
# the launch the page reports, it is no second one
ORDINAL_OF_OWNER = re.compile(r"(?:\b(?:its|their|our|his|her)|[A-Z][\w-]*['’]s)\s+$")
ORDINAL_NAME = re.compile(
    r"(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s"
)
# "Chinese Academy of Sciences (CAS)": an acronym defined in a name
DEFINED_ACRONYM = re.compile(r"\s*\(([A-Z]{2,8})\)")
# Other spellings of a head noun in a proper name
HEAD_SPELLINGS = {
    "centre": "center",
    "center": "centre",
    "programme": "program",
    "program": "programme",
    "laboratory": "lab",
    "lab": "laboratory",
}
# Words a description and a name share without saying they are one project
NAME_STOP_WORDS = frozenset("the and for new first its their".split())
# ", co-sponsored by A, B and C,": a participle between a subject and its verb
PARTICIPIAL_APPOSITION = re.compile(
    r",\s+(?:\w+ly\s+)?(?:[\w-]+ed|built|set\s+up|led)\s+(?:by|with|in)\b"
)
# A company's product launch is not a research result: "Huawei Technologies has unveiled"
COMPANY = re.compile(
    r"\b[A-Z][\w&-]*\s+(?:Technologies|Technology\s+Co|Corporation|Corp|Inc|Ltd|Limited"
    r"|Group|Holdings|Motors|Electronics)\b"
    r"|\b(?i:the|a|an|its)\s+(?:[\w-]+\s+)?(?:company|firm|carmaker|automaker|startup"
    r"|start-up|manufacturer|maker|brand|retailer|vendor)\b"
)
# "A new supercomputer, Sunway OceanLight, was put into operation": a described subject
# whose name stands in apposition before the verb
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z0-9][\w'’.-]*){0,4}"
# ... and "Two satellites, Tianqi-23 and Tianqi-24, were sent into orbit": several names
NAME_BETWEEN = re.compile(
    r",\s+(?:(?:also\s+)?known\s+as\s+|called\s+|named\s+|dubbed\s+)?"  # "known as A and B"
    r"(?P<n>" + _NAME + r"(?:(?:,\s+|,?\s+and\s+)" + _NAME + r")*),\s+"
    r"(?:was|were|has|have|had|is|are)\b"
)
# ... and the active form, "launched two satellites A and B into orbit": a count of a
# plural head followed straight by its coordinated names (the names are the projects,
# the count phrase types them)
COUNT_THEN_NAMES = re.compile(
    r"(?i:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"[a-z][\w-]*s,?\s+(?=[A-Z0-9][^,;]*?\s(?:and|&)\s+[A-Z0-9])"
)
# "set a world record on their EAST tokamak": the thing the record was set on
RECORD_ON = re.compile(r"\s+(?:on|with|at)\s+(?:the|its|their|China['’]s)\s+")
NP_APPOSITION = re.compile(r",\s+(?:the|a|an|its|their)\s+[^,;]{3,120},\s+(?:was|were|has|had)\b")
# "Just launched between A and B is the X programme": the subject after the verb
INVERTED_OPENING = re.compile(r"(?:(?:Just|Newly|Recently|Also)\s+)+")
INVERTED_SUBJECT = re.compile(r"\s(?:is|are|was)\s+(?=(?:the|a|an)\s)")
# "from a space station in China", "from the launch centre of Kazakhstan"
LAUNCHED_FROM = re.compile(
    r"\b[Ff]rom\s+(?:a|the|its)\s+(?:[\w-]+\s+){0,4}(?:[Ss]tation|[Cc]ent(?:re|er)|[Bb]ase"
    r"|[Ss]ite|[Ss]paceport|[Cc]osmodrome)\s+(?:in|of)\s+([A-Z][\w]+(?:\s+[A-Z][\w]+)?)"
)
# Two projects named in one phrase: "the X Center ... and the Y Branch of UCAS"
COORDINATION = re.compile(r"\s+and\s+(?:the\s+|a\s+|an\s+)?(?=[A-Z0-9])")
# "their first cooperative program under the partner plan, a satellite data platform
# based on ...": what an unnamed first project is
DESCRIBING_APPOSITION = re.compile(
    r",\s+(?:a|an)\s+([^,;.]{3,120}?)(?=\s+(?:which|that|who|to)\b|[,;.]|$)"
)
# "signed an agreement to build a ground station": the project the agreement creates
SIGNED = re.compile(r"\b(?:sign(?:ed|s|ing)?|inked|concluded)\b")
# "signed an agreement on International Lunar Research Station cooperation", "an agreement
# to bolster research through the joint Centre of X": a named project the agreement is about
# A relative clause after an agreement that looks ahead ("the renewed Fellowship
# Agreement, which will see universities provide fellowships also for the X Centre")
# names who gains from it, not what the agreement creates.
RELATIVE_AFTER_AGREEMENT = re.compile(r",\s*which\s+(?:will|would|is\s+to|shall)\b")
AGREED_NAMED = re.compile(r"\b(?:on|for|through|via)\s+(?:the\s+)?(?:joint\s+)?(?=[A-Z])")
# the words of cooperation itself, after a project's name ("X Station cooperation")
COOPERATION_TAIL = re.compile(r"\s+(?:cooperation|collaboration|partnership)$", re.IGNORECASE)
# "a new remote sensing satellite for Pakistan, PRSS-2, from ...": the name in apposition
NAME_APPOSITION = re.compile(r",\s+(?P<n>[A-Z][\w-]*\d[\w.-]*)(?=\s*[,;.]|\s+(?:on|from|in)\b)")
# "a communication satellite, “Name-7,” into orbit" (or without the commas): a quoted name
# in apposition is the project's name (the description before it only types it)
QUOTED_APPOSITION = re.compile(
    r"(?:,\s*|\s+)[“\"‘](?P<n>[A-Z0-9][^”\"’,;]{1,40}?),?[”\"’](?=[\s,;.])"
)
# "Gaofen-11 and Gaofen-12 satellites", "CBERS-1 and -2": named items sharing one head
_ITEM = r"(?:[A-Z][\w.-]*\d[\w.-]*|-\d+\w?)"
NAMED_LIST = re.compile(
    r"(?P<items>" + _ITEM + r"(?:\s*,\s*" + _ITEM + r")*,?\s+and\s+" + _ITEM + r")"
    r"(?:\s+(?P<head>[a-z][\w-]*))?$"
)
LIST_SEPARATOR = re.compile(r",?\s+and\s+|\s*,\s*")
# "$500 million to implement the X Programme": money set aside for a project to come
MONEY_FOR = re.compile(r"(?:\d|\bbillion|\bmillion)\s*(?:[\w$]+\s+){0,6}to\s+(?:\w+ly\s+)?$")
# "the IT Innovation Lab in Secondary Schools Programme": a proper name goes on after "in"
NAME_GOES_ON = re.compile(
    r"\s+in\s+(?:[A-Z][\w'’-]*\s+){0,5}(?:Programme|Program|Cent(?:re|er)|Laboratory|Lab"
    r"|Initiative|Scheme|Project|Fund|Institute|Platform|Network)\b"
)
# "the satellite Live on national TV": one capitalised word after a common noun, then
# lower-case words, is no name (a name has a digit, a hyphen or more capitalised words)
STRAY_CAPITAL = re.compile(
    r"((?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)\s+[A-Z][a-z]+\s+[a-z]"
)
# a region of one country named after another ("Inner Mongolia") is no participant
REGION_BEFORE = re.compile(r"\bInner\s+$")
# A name with a code or version ("Queqiao-2", "Zuchongzhi 3.0") after "named"/"called"
CODED_NAME = re.compile(r"\s*[‘“\"']?[A-Z][\w-]*(?:-\d[\w.-]*|\s+\d+(?:\.\d+)+)[’”\"']?\s*\Z")
# A mission's code name: one word with a digit ("Tianhui-1C", "Shiyan-25")
CODE_NAME = re.compile(r"[A-Z][A-Za-z]*-?\d[\w.-]*")
# "the CAS Innovation Cooperation Center (Bangkok)": the city in brackets after a name
PLACE_IN_BRACKETS = re.compile(r"\(([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\)")

# "The Association of X (AX) and China launched ...": a subject of two partners
PARTNER_PAIR = re.compile(
    r"(?:The\s+)?(?P<a>[A-Z][^,;]{0,80}?)\s+and\s+(?:the\s+)?(?P<b>[A-Z][^,;]{0,80}?)"
)
