"""Named data of the project extractor: project head nouns and their types, and the cue
words and phrases that tell an event from a recall, an intention, a source or a count. The
event verbs and their statuses are in `project_verbs`; the code that applies them is in
`projects`, `project_clauses`, `project_names` and `project_attach`."""

from __future__ import annotations

import re

_I = re.IGNORECASE

REL_FUTURE = re.compile(r",\s*(?:which|that)\s+(?:[\w'’-]+\s+){1,4}$")
# A gerund after a past "succeeded in" reports the event done ("China succeeded in
# launching its 21st satellite"), unlike "towards establishing" or "aims at building".
SUCCEEDED_IN = re.compile(r"\b(?:succeeded|was\s+successful|were\s+successful)\s+in\s*$", _I)
# People who came together in the past to open something ("Last week saw officials join
# local staff and guests to officially open the X Lab", "guests gathered to inaugurate")
# report the opening done; "will join ... to open" stays a plan (no modal before).
GATHERED_TO = re.compile(
    r"(?:(?!\b(?:will|would|shall|to|plans?|expected)\b)[^;])*?"
    r"\b(?:saw\s+[^;]{0,120}?\bjoin|joined|gathered|assembled|came\s+together"
    r"|were\s+(?:on\s+hand|present))\b[^.;]{0,160}?\bto\s+(?:officially\s+|formally\s+)?$",
    _I,
)
LEAD_ADVERBIAL = re.compile(
    r"(?:(?:On|In|At|By|During|Last|Earlier|Later|Meanwhile|Also|Moreover|Recently|Today"
    r"|Yesterday|Separately|Furthermore|Additionally|Besides|Similarly|Likewise|Then|Now|Finally"
    r"|Under|With|After|Following|To|According)\b[^,]{0,120},\s+)+"
)

# Project head nouns -> type, as word lists (joined into patterns below). Earlier entries
# win at the same position: "data centre" is a facility before "centre" is a centre.
HEAD_WORDS: tuple[tuple[str, str], ...] = (
    ("facility", r"data\s+cent(?:re|er)s? power\s+plant space\s+station ground\s+station"),
    ("lab", r"laborator(?:y|ies) labs?"),
    (
        "research_center",
        r"cent(?:re|er) institute institution academy hub university college incubator"
        r" think\s+tank branch",
    ),
    (
        "facility",
        r"(?:neutron|light|x-ray|synchrotron|radiation|photon|muon|spallation)\s+source station"
        r" plant observatory facility telescope reactor collider array tokamak dam"
        r" supercomputer radar port base park farm corridor railway bridge pipeline grid"
        r" accelerator synchrotron laser\s+facility",
    ),
    (
        "space_mission",
        r"satellites? probe spacecraft spaceship (?-i:mission) lander rover orbiter capsule"
        r" rocket module constellation craft",
    ),
    (
        "programme",
        r"programme program initiative cooperation partnership project alliance consortium"
        r" platform network scheme framework campaign collaboration flagship (?-i:Mission)",
    ),
    (
        "research_result",
        r"model battery chip cell device robot chemist system material technique method"
        r" algorithm drug vaccine experiment computer processor sensor catalyst cathode anode"
        r" membrane laser engine microscope prototype machine software tool instrument camera"
        r" detector antenna LLM therapy treatment kit alloy fib(?:re|er) transistor qubits?"
        r" aircraft vehicle drone genome crop variety agent chatbot assistant app test"
        r" diagnostic assay sequencer simulator",
    ),
)
HEAD_TYPES: tuple[tuple[str, str], ...] = tuple(
    ("|".join(words.split()), kind) for kind, words in HEAD_WORDS
)
HEAD_RES = [(re.compile(r"\b(?:" + p + r")\b", _I), t) for p, t in HEAD_TYPES]
SPACE_NAMES = re.compile(
    r"\b(?:Shenzhou|Tianzhou|Chang'?e|Chang’e|Tianwen|Queqiao|Quegiao|Tiangong|Tianhe|Wentian"
    r"|Mengtian|Long\s+March|Xihe|Kuafu|Zhurong|Gaofen|Fengyun|Beidou|BeiDou|Yaogan|Shijian"
    r"|Mozi|Taiji|Haiyang|Huanjing|Hongyun|Guowang|Qianfan|Xuntian|Mengzhou|Einstein\s+Probe"
    r"|Gaganyaan|Chandrayaan|Aditya|Mangalyaan|Soyuz|Artemis)\b"
)
QUANTIFIER = re.compile(
    r"^(?:\d+(?:[.,]\d+)*(?![\w.,-])|nearly|almost|about|around|over|more\s+than|less\s+than|fewer\s+than|some"
    r"|several|many|multiple|various|numerous|dozens|hundreds|thousands|a\s+number|a\s+series"
    r"|a\s+batch|a\s+total|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|such"
    r"|these|those|more|other|further|additional|new\s+\d"
    r"|(?:new\s+)?(?:round|wave|batch|group)\s+of)\b(?!-)",
    _I,
)
NP_BOUNDARY = re.compile(
    r",|;|:|\.(?=\s|$)|\s(?:which|that|who|whose|where|with|from|into|to|at|by|after|before"
    r"|during|under|since|until|between|among|as|while|when|in|is|are|was|were|has|have|had"
    r"|will|would|can|could|may|might|should|promis\w*|capable|located|sending|making"
    r"|aiming|and\s+(?:will|has|is|was|are|were|also|then|its|their|the|a|an|to|plans?)"
    r"|and\s+\w+(?:ed|s)\s+(?:the|a|an|its|their)|on\s+(?=\d|(?:January|February|March|April"
    r"|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul"
    r"|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"|on\s+(?:a\s+mission|an\s+expedition|board|behalf)\b|around|last|this|next|earlier|later"
    r"|(?:early|late)\s+(?=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|morning|afternoon|evening)"
    r"|ahead|successfully|jointly|together\s+with|recently|today"
    r"|yesterday|for\s+(?:the\s+first|a\s+total|use|training|\d)|of\s+(?:US|U\.S\.|USD|\$|€|£|¥"
    r"|RMB|CNY|EUR|HK\$|Rs)|worth|costing|valued|over\s+\d|up\s+to)\b",
)
NAMED_CALLED = re.compile(r"\s(?:called|named|dubbed|known\s+as|code-?named)\s", _I)
DETERMINER = re.compile(
    r"^(?:(?:a|an|the|its|their|his|her|our|this|China's|China’s)\s+"
    # "Chile's Atacama ... Observatory": a one-word owner before a proper name
    r"|(?-i:[A-Z][a-z]+['’]s\s+(?=[A-Z])))?"
    r"(?:(?:new|latest|newly|first|own|world's\s+first|world’s\s+first|brand-new)\s+)*"
    r"(?:(?:type|kind|form|class|generation)\s+of\s+)?",  # "a new type of solar cell"
    _I,
)
RELATIVE_WORDS = frozenset({"which", "that", "who", "it", "they", "this", "these"})
PARTNER_CUE = re.compile(
    r"\b(?:(?:set\s+up|established|built|founded|developed|launched|created|run|operated"
    r"|funded|financed|supported|sponsored|co-?funded|constructed|designed|jointly\s+\w+)"
    r"\s+(?:jointly\s+)?by|in\s+(?:collaboration|cooperation|partnership)\s+with|together"
    r"\s+with|jointly\s+with|brings?\s+together|bringing\s+together|partners?\s+(?:include|are)"
    r"|involv(?:es|ing)|from|between|led\s+by|with\s+funding|funded\s+with|partnership\s+of"
    r"|consists\s+of|comprises|consortium\s+of)\b",
    _I,
)
FUNDING_CUE = re.compile(
    r"\b(?:fund(?:ed|ing|s)?|financ\w+|invest\w*|receiv\w+|provid\w+|grant\w*|worth|budget"
    r"|cost\w*|allocat\w+|earmark\w*|backed|support\w*|outlay|of\s+(?=US|U\.S\.|\$|USD))\b"
    r"|laboratory\s+of\b",
    _I,
)
# A programme's outlay or total cost is a budget (the budgets table has it), not funding.
OUTLAY = re.compile(r"\b(?:outlay|total\s+cost|budget|allocation|earmarked|cost\s+of)\b", _I)
ANNOUNCED = re.compile(
    r"\b(?:announced|published|unveiled|reported|released|presented|described|revealed)\b", _I
)
ACRONYM_IN_BRACKETS = re.compile(r"\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)")
DECIMAL = re.compile(r"\b\d+(?:[.,]\d+)+\b")  # "1.0", "1,000"
ADVERBS_AFTER_VERB = re.compile(r"\s*(?:(?:successfully|jointly|officially|formally|also)\s+)*")
SUBJECT_CUT = re.compile(
    r",|\s(?:between|located|which|that|who|in|at|of\s+(?:US|U\.S\.|\$|USD|RMB|EUR)|built|funded"
    r"|developed|made|produced|manufactured|launched|unveiled|owned|co-founded|founded"
    r"|co-funded|set\s+up|established|jointly"
    r"|operated|designed|constructed|supported|financed|backed)\b"
)
CLAUSE_END = re.compile(
    r";|,\s+(?:which|who|where|while|whereas|and\s+(?:will|has|is|the\s+\w+\s+will))\b"
    r"|\s+to\s+(?!the\b|a\b|an\b)[a-z]+\b|\s(?:which|who|where|while)\b"
)
APPOSITION = re.compile(r",\s+((?:a|an|its|the|their)\s+[^,;.]{3,120})")
BY_AFTER = re.compile(r"\s*by\s+")
CORE_HEAD_SPLIT = re.compile(r"\s(?:of|for|on|called|named|dubbed|based|to)\s")
DEFINITE = re.compile(r"(?:the|this|that|its|their)\s", _I)
INDEFINITE = re.compile(r"(?:a|an)\s", _I)
LOCATED = re.compile(r"\b(?:located|based|sited|situated)\s+in\s+")
NOT_MONEY_CONTEXT = re.compile(
    r"\b(?:trade|exports?|imports?|bonds?|GDP|deficit|revenue|sales)\b", _I
)
# an earlier or later date, not the event's; "Long March 3B" is a rocket, not 3 March
DATE_EXCLUDED_BEFORE = re.compile(
    r"\b(?:since|reached\s+in|until|by|before|compared\s+(?:to|with)|long)\s+$", _I
)
VERSION = re.compile(r"\d+(?:\.\d+)+|[IVX]+")
QUOTE_WORD = re.compile(r"(?:^|\s)[‘“\"']\w")
DIGIT_WORD = re.compile(r"[A-Za-z]-?\d|\d[A-Z]")
TRAILING_ACRONYM = re.compile(
    r"\s*\(\s*(?:[A-Z][A-Za-z&.\-]{1,11}|(?:hereinafter|hereafter)\b[^()]*)\s*\)$",
    # "(CAS)", and the short name a formal text announces: "(hereinafter referred to as
    # the Joint Laboratory)" is no part of the name
    _I,
)
LEADING_ADVERB = re.compile(r"^(?:successfully|jointly|officially|formally)\s+", _I)
LIST_STOP = re.compile(r"[.;]\s|\s(?:which|who|to\s+[a-z]+|and\s+will|after|certified)\b")
LAUNCH_SITE = re.compile(r"\b(?:Launch\s+(?:Cent(?:er|re)|Site|Base)|Cosmodrome|Spaceport)\b")
NAME_WORDS = re.compile(r"[\w'-]+")
FOLLOW_OPENER = re.compile(r"(?i:the|this|that|a|an)\s+((?:[\w-]+\s+){0,4}[\w-]+)")
FOLLOW_PRONOUN = re.compile(r"(?i:it|its)\b")


# ---------------------------------------------------------------------------------------
# What the words right before the verb say. These checks look at the last few lower-cased
# words (a word list is much cheaper to inspect than a "$"-anchored regex).

ADVERBS = frozenset(
    "jointly also now just recently finally officially formally successfully soon already"
    " newly first".split()
)
AUX = frozenset("was were is are been be being got".split())
MODALS = frozenset({"will", "shall", "would"})
POSSIBILITY_MODALS = frozenset({"could", "may", "might", "should", "can", "must"})
BEFORE_TO_FUTURE = frozenset(
    """plan plans planned planning set scheduled expected due going slated intend intends
    intended aim aims aimed agreed decided preparing prepares prepared is are""".split()
)
INTENT_WORDS = frozenset(
    """encourage encourages encouraged encouraging urge urges urged urging promote promotes
    promoted promoting support supports supported supporting facilitate facilitates
    facilitated facilitating towards toward""".split()
)
INTENT_PAIRS = frozenset(
    tuple(p.split("+"))
    for p in """call+for calls+for called+for calling+for vow+to vows+to vowed+to pledge+to
    pledges+to pledged+to seek+to seeks+to sought+to strive+to strives+to hope+to hopes+to
    hoped+to continue+to continues+to continued+to help+to helps+to path+to process+of
    importance+of need+to needs+to effort+to efforts+to way+to ways+to order+to""".split()
)
HAVE = frozenset({"has", "have", "had"})
# words between a subject and its verb ("X will be", "X is expected to be", "X has been")
SUBJECT_TRAILERS = frozenset(
    "has have had will shall would to set expected scheduled due planned slated going".split()
)
# "the world's first ...": definite, but a new thing, not the current project again
# "..., the Chinese Academy of Medical Sciences said on Monday": a source
SAID_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:said|says|told|reported|noted|added)\b")
OWN_WORKS = re.compile(
    r"(?:the\s+)?(?:construction|installation|assembly|commissioning|building|testing|trial"
    r"|work|works)\b(?:\s+(?:of|on)\s+(?:its|their|the)\b)?|(?:its|their)\s+(?:construction|(?:first|maiden)\s+(?:flight|launch|voyage|test|trial"
    r"|piece|phase|stage|round|orbital|operation|batch|experiment|run)"
    # "JUNO has completed its main body": a facility's own structure
    r"|main\s+(?:body|structure|building|detector)|(?:civil|main)\s+works)\b",
    re.IGNORECASE,
)
# works on a thing the text names ("the construction of the FAST telescope", "of LAM and
# OST"), not on the subject's own parts ("of its central detector"): the named thing is
# the project
WORKS_ON_A_NAME = re.compile(r"(?:\s+(?:of|on))?\s+(?:the\s+)?(?<=of |on |he )[A-Z]")
BETWEEN_SIDES = re.compile(
    r"\s+between\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)\s+and\s+(?:the\s+)?"
    r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)\b"
)
# capture debris before a name ("](#) an international cooperation" from a markdown link)
LEADING_JUNK = re.compile(r"^[^\w‘“\"'(]+")
# "930-kilogram (2,050-pound) satellite": a measure describes the thing, it names nothing
LEADING_MEASURE = re.compile(
    r"^\d[\d,.]*[\s-](?:kilogram|kg|tonne|ton|pound|metre|meter)s?\s+(?:\([^)]*\)\s+)?",
    re.IGNORECASE,
)
INNER_ARTICLE = re.compile(r"\s(?:A|An|The)\s")
LAST_WORD = re.compile(r"(\S+)\s*$")
WHAT_IT_DOES = re.compile(r"\s+(?:that|which)\s+(?:can\s+)?[a-z]+s?\b[^,;.]{0,80}")
RELATIVE_CHUNK = re.compile(r"(?:which|that|who|where)\b")
PARTICIPLE_CHUNK = re.compile(r"(?:\w+ed|built|set\s+up|located|based|which|who|jointly)\b")
PREPOSITION_FIRST = re.compile(
    r"(?:on|in|at|from|with|to|into|by|for|after|during|since|until|under|last|this|next"
    r"|yesterday|today|earlier|later|ahead|around)\b"
)
NP_OPENING = re.compile(r"(?:The|A|An|This|[A-Z][\w'’-]*\s+[A-Z])")
CARRYING = re.compile(
    r"\b(?:carrying|bearing|with)\s+(?=(?:the|a|an|its)\s)|\bcarrying\s+(?=\w+\s+[A-Z])"
)
# "the world's first ...", "Egypt's second ...": one new thing of its kind, described
FIRST_OF_KIND = re.compile(
    r"(?:the|its|their|(?-i:[A-Z][\w-]*)['’]s)\s+(?:world['’]s\s+|country['’]s\s+"
    r"|china['’]s\s+|nation['’]s\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|\d{1,2}(?:st|nd|rd|th)|largest|biggest|latest|newest"
    r"|most\s+\w+|fastest|highest|longest|new)\b",
    re.IGNORECASE,
)
CALLED_AFTER = re.compile(
    r",\s+(?:named|called|dubbed|known\s+as|code-?named)\s+[‘“\"']?(?P<n>[A-Z][\w.'’-]*(?:\s+[A-Z0-9][\w.'’-]*){0,3})"
)
# "signed an agreement on the joint construction of the International Lunar Research Station"
AGREEMENT_HEADS = frozenset(
    "agreement agreements memorandum mou mous protocol contract deal letter accord declaration"
    " intent".split()
)
AGREED_PROJECT = re.compile(
    r"\b(?:on|for|to)\s+(?:jointly\s+)?(?:the\s+)?(?:joint\s+)?(?:construction|establishment"
    r"|building|development|creation|setting\s+up|launch|build|establish|set\s+up|develop"
    r"|create|construct|launching|extend|extension|renew|renewal|expand|expansion|upgrade"
    r"|continue|continuation|management|operation|implementation)\s+(?:of\s+)?"
    r"(?:a\s+|an\s+|the\s+)?",
    re.IGNORECASE,
)
NOMINAL_OF = re.compile(
    r"(?:the\s+)?(?:establishment|construction|launch|opening|inauguration|creation|founding"
    r"|building|setting\s+up)\s+of\s+(?:a\s+|an\s+|the\s+)?",
    re.IGNORECASE,
)
RELATIVES = frozenset({"which", "that", "who", "where", "when"})
# "said that China launched ...": a reported event, not a relative clause
SPEECH = frozenset(
    """said says say reported reports announced announces stated states noted notes added
    adds confirmed confirms revealed reveals showed shows explained explains told tells
    learned learnt""".split()
)
PARTICIPLE_NOUNS = frozenset(
    "report plan budget communique communiqué paper data list document statement figures".split()
)
NOT_LAUNCHED_WORDS = frozenset(
    """call appeal investigation probe campaign attack crackdown review consultation offensive
    bid""".split()
)
SOURCE_WORDS = frozenset(
    "according said says told reported certified verified cited quoted compared unlike than".split()
)
NOT_PROJECT_WORDS = frozenset(
    """report reports budget budgets plan plans agreement agreements memorandum memoranda mou
    mous protocol protocols declaration declarations statement statements call calls document
    documents guideline guidelines policy policies law laws bill bills list lists package
    packages fund funds bond bonds consensus communique communiqué communiques bulletin
    bulletins paper papers strategy strategies roadmap roadmaps standard standards regulation
    regulations rules forces approaches path process contingent talks dialogue dialogues
    meeting meetings session sessions forum forums conference conferences workshop workshops
    symposium symposia visit visits exchange exchanges mechanism mechanisms commitment
    commitments target targets goal goals outline outlines blueprint blueprints result results
    findings data figures statistics ranking rankings index survey study studies assembly review
    task tasks effort efforts measure measures reform reforms capacity capability capabilities
    sector industry industries economy market service services product products contract
    contracts deal deals ties relation relations""".split()
)
PUNCT = ".,;:!?()[]“”\"'‘’"
CORE_SPLIT = re.compile(
    r"\s(?:of|for|on|in|called|named|dubbed|known\s+as|based|between|with|to)\s"
)

BACK_REFERENCE = re.compile(
    r"\bfor\s+(?:its|the\s+(?:laboratory|lab|centre|center|station|project|programme|mission"
    r"|facility|institute))\b",
    _I,
)
PARTNER_WORDS = frozenset(
    """by with together brings bringing partners partner involves involving from between led
    funding partnership consists comprises consortium""".split()
)
ANNOUNCED_WORDS = frozenset(
    "announced published unveiled reported released presented described revealed".split()
)
LOCATED_WORDS = frozenset({"located", "based", "sited", "situated"})
RENAME_APPOSITION = re.compile(
    r"(?i:the|this)\s+(?:[\w-]+\s+){0,2}?(?P<h>[\w-]+),\s+(?P<name>[A-Z][^,;]{3,140}?)"
    r"(?:\s*\([A-Z][\w&-]*\))?,"
)
RENAME_SUBJECT = re.compile(
    r"(?:The\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’&-]*|of|for|on|and|the))*)"
    r"\s+(?:is|was|has|will|brings|focuses|aims)\b"
)
PAST_EVENT = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:inaugurated|opened|launched|established|set\s+up"
    r"|unveiled|commissioned|founded)\b|\b(?:kicked\s+off|opened|started|began|launched"
    r"|unveiled)\b",
    _I,
)

GENERIC_HEADS = {
    "laboratory": "lab",
    "lab": "lab",
    "centre": "research_center",
    "center": "research_center",
    "institute": "research_center",
    "station": "facility",
    "plant": "facility",
    "facility": "facility",
    "mission": "space_mission",
    "satellite": "space_mission",
    "probe": "space_mission",
    "spacecraft": "space_mission",
    "programme": "programme",
    "program": "programme",
    "project": "programme",
    "initiative": "programme",
    "cooperation": "programme",
    "partnership": "programme",
    "team": "research_result",
    "work": "research_result",
    "researchers": "research_result",
    "result": "research_result",
    "study": "research_result",
    "research": "research_result",
    "findings": "research_result",
}
