"""The PROJECT extractor: joint laboratories, centres, facilities, space missions,
programmes and research results a document reports as launched, inaugurated, established,
signed, started, completed, developed or planned.

A project is read from one *event sentence*: a body sentence whose main clause has an event
verb ("was inaugurated", "launched", "started commercial operations", "have developed",
"plans to launch") and a project as its subject or object. Later sentences of the same
paragraph that speak of the same project ("The laboratory has been set up by ...", "The
station, funded with RMB 12 million from ...", "The work was published in Nature on 7
August") add participants, funding and, for a research result, its announcement date.

Rules, each because a sentence of the other kind looks alike:
1. Only body sentences (see `event_context`): a headline repeats its item.
2. The project must be one named or singular thing with a project head noun (laboratory,
   centre, station, satellite, programme, battery, model...) or a proper name
   ("Queqiao-2", "CARES Copilot 1.0"). Counts ("53 joint laboratories", "nearly 2,000 joint
   research projects"), plurals, and things that are not projects (reports, budgets,
   agreements, protocols, plans, funds) are not.
3. The verb must report the event: a past participle without "was/were/has been" is a
   recall inside another clause ("compared to Queqiao-1 launched in 2018", "the funding
   plan released on 28 December"), and so is an active verb whose object is a relative
   pronoun's antecedent ("the satellite that China launched in March"). A future or plan
   ("will establish", "plans to launch", "Launching X promises") is a planned project, but
   only a named one: "will set up four hubs" and "agreed to launch a joint call" are
   general intentions. Encouragements and calls ("encourage the establishment of") are
   never projects.
4. "The laboratory", "the mission": a definite unnamed project is the paragraph's current
   project again, never a new one.
5. Status by the verb: launched/unveiled/released/kicked off -> launched;
   inaugurated/opened -> inaugurated; established/set up/founded/approved -> established;
   signed -> signed; started operations/commissioned -> started_operations; completed ->
   completed; developed/built (a result)/pioneered -> developed; future or plan -> planned.
6. Type by the head noun (or the apposition's: "Taichi-II, an optical chip"): a laboratory
   of partners from two or more countries is a joint_lab, otherwise a research_center.
7. Date: a day-granularity date in the event sentence (a year or month alone is no date);
   a research result without one takes the day it was announced or published.
8. Place: "in <city>" in the event clause (`places.read_place`); space missions have no
   city and the launching state's country; research results the developers' country;
   otherwise, without a stated place, the one country of all participants, or none.
9. Participants: the countries the event sentence names (outside "according to" sources
   and comparisons), the organisations that are its subject or agent or listed with
   "with/between/by", and, from follow-up sentences, organisations introduced by "set up
   by", "built by", "funded by/from", "in collaboration with", "brings together". Not
   certifiers ("certified by"), sources ("according to") or the project itself.
10. Funding: an amount in the event or follow-up sentences with a funding cue ("funding
   of", "funded with", "provides ... for", "will receive"); USD via `fx.to_usd`.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from extract.documents import ParsedDocument
from transform.countries import country_name
from transform.event_context import PROJECT_WORDS, Analysis, EventDoc, event_doc
from transform.facts import Candidate, Mention, Project, ProjectParticipant
from transform.fx import to_usd
from transform.money import has_money, parse_amounts
from transform.organisations import curated_organisations
from transform.participants import Org, countries_named
from transform.places import Place, read_place
from transform.sentences import Sentence

__all__ = ["extract_projects", "project_type_of"]

_I = re.IGNORECASE

# Event verbs -> status. Each pattern starts at its anchor word (the first word of the verb
# phrase); the extractor finds anchors by word lookup and tries the patterns only there,
# which is far cheaper than scanning every sentence with one large alternation.
_VERBS: tuple[tuple[str, str], ...] = (
    (
        r"start(?:ed|s|ing)?\s+(?:commercial\s+|full\s+|trial\s+|formal\s+)?operations?",
        "started_operations",
    ),
    (r"beg(?:an|un|ins?)\s+(?:commercial\s+|full\s+|trial\s+)?operations?", "started_operations"),
    (
        r"put\s+into\s+(?:commercial\s+|full\s+|trial\s+)?(?:operation|service|use)",
        "started_operations",
    ),
    (r"(?:lift(?:ed|s)?|blast(?:ed|s)?)\s+off|took\s+off", "launched"),
    (r"sen[dt]s?\s+(?:\w+\s+)?into\s+(?:orbit|space)", "launched"),
    (r"hand(?:ed|s)?\s+over", "completed"),
    (
        r"(?:made|completed|conducted|performed)\s+(?:its|their)\s+(?:maiden|first)\s+(?:flight|launch|voyage|orbital\s+flight)",
        "launched",
    ),
    (r"(?:went|goes|go)\s+into\s+(?:commercial\s+)?(?:operation|service)", "started_operations"),
    (r"entered\s+(?:into\s+)?(?:commercial\s+)?(?:operation|service)", "started_operations"),
    (r"commission(?:ed|s|ing)?", "started_operations"),
    (r"kick(?:ed|s)?\s+off", "launched"),
    (r"roll(?:ed|s)?\s+out", "launched"),
    (r"launch(?:ed|es|ing)?", "launched"),
    (r"unveil(?:ed|s|ing)?", "launched"),
    (r"releas(?:ed|es|ing)", "launched"),
    (r"inaugurat(?:ed|es|ing)?", "inaugurated"),
    (r"open(?:ed|s|ing)?", "inaugurated"),
    (r"establish(?:ed|es|ing)?", "established"),
    (r"set(?:s|ting)?\s+up", "established"),
    (r"founded", "established"),
    (r"approv(?:ed|es|ing)", "established"),
    (r"sign(?:ed|s|ing)?", "signed"),
    (r"complet(?:ed|es|ing)", "completed"),
    (r"develop(?:ed|s|ing)?", "developed"),
    (r"buil[td]|build(?:s|ing)?", "developed"),
    (r"construct(?:ed|s|ing)?", "developed"),
    (r"pioneer(?:ed|s|ing)", "developed"),
    (r"invent(?:ed|s|ing)?", "developed"),
    (r"creat(?:ed|es|ing)", "developed"),
)
# Matched at anchors of the lower-cased text (same offsets as the text).
_VERB_RE = re.compile(
    r"(?:" + "|".join(f"(?P<v{i}>{p})" for i, (p, _) in enumerate(_VERBS)) + r")\b"
)
_VERB_STATUS = {f"v{i}": status for i, (_, status) in enumerate(_VERBS)}
_VERB_ANCHORS = PROJECT_WORDS
# Verbs whose subject is the project ("X started commercial operations", "X lifted off").
_INTRANSITIVE_RE = re.compile(
    r"start|beg|went|goes|go\b|enter|lift|blast|took|made\s+its|completed\s+its|conducted|performed"
)

_REL_FUTURE = re.compile(r",\s*(?:which|that)\s+(?:[\w'’-]+\s+){1,4}$")
_LEAD_ADVERBIAL = re.compile(
    r"^(?:(?:On|In|At|By|During|Last|Earlier|Later|Meanwhile|Also|Moreover|Recently|Today"
    r"|Yesterday|Separately|Furthermore|Additionally|Besides|Similarly|Likewise|Then|Now|Finally"
    r"|Under|With|After|Following|To|According)\b[^,]{0,120},\s+)+"
)

# Project head nouns -> type, as word lists (joined into patterns below). Earlier entries
# win at the same position: "data centre" is a facility before "centre" is a centre.
_HEAD_WORDS: tuple[tuple[str, str], ...] = (
    ("facility", r"data\s+cent(?:re|er)s? power\s+plant space\s+station ground\s+station"),
    ("lab", r"laborator(?:y|ies) labs?"),
    (
        "research_center",
        r"cent(?:re|er) institute institution academy hub university college incubator"
        r" think\s+tank",
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
_HEAD_TYPES: tuple[tuple[str, str], ...] = tuple(
    ("|".join(words.split()), kind) for kind, words in _HEAD_WORDS
)
_HEAD_RES = [(re.compile(r"\b(?:" + p + r")\b", _I), t) for p, t in _HEAD_TYPES]
_SPACE_NAMES = re.compile(
    r"\b(?:Shenzhou|Tianzhou|Chang'?e|Chang’e|Tianwen|Queqiao|Quegiao|Tiangong|Tianhe|Wentian"
    r"|Mengtian|Long\s+March|Xihe|Kuafu|Zhurong|Gaofen|Fengyun|Beidou|BeiDou|Yaogan|Shijian"
    r"|Mozi|Taiji|Haiyang|Huanjing|Hongyun|Guowang|Qianfan|Xuntian|Mengzhou|Einstein\s+Probe"
    r"|Gaganyaan|Chandrayaan|Aditya|Mangalyaan|Soyuz|Artemis)\b"
)
_QUANTIFIER = re.compile(
    r"^(?:\d+(?:[.,]\d+)*(?![\w.,-])|nearly|almost|about|around|over|more\s+than|less\s+than|fewer\s+than|some"
    r"|several|many|multiple|various|numerous|dozens|hundreds|thousands|a\s+number|a\s+series"
    r"|a\s+batch|a\s+total|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|such"
    r"|these|those|more|other|further|additional|new\s+\d)\b(?!-)",
    _I,
)
_NP_BOUNDARY = re.compile(
    r",|;|:|\.(?=\s|$)|\s(?:which|that|who|whose|where|with|from|into|to|at|by|after|before"
    r"|during|under|since|until|between|among|as|while|when|in|is|are|was|were|has|have|had"
    r"|will|would|can|could|may|might|should|promis\w*|capable|located|sending|making"
    r"|aiming|and\s+(?:will|has|is|was|are|were|also|then|its|their|the|a|an|to|plans?)"
    r"|and\s+\w+(?:ed|s)\s+(?:the|a|an|its|their)|on\s+(?=\d|(?:January|February|March|April"
    r"|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul"
    r"|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"|on\s+(?:a\s+mission|an\s+expedition|board|behalf)\b|around|last|this|next|earlier|later"
    r"|ahead|successfully|jointly|recently|today"
    r"|yesterday|for\s+(?:the\s+first|a\s+total|use|training|\d)|of\s+(?:US|U\.S\.|USD|\$|€|£|¥"
    r"|RMB|CNY|EUR|HK\$|Rs)|worth|costing|valued|over\s+\d|up\s+to)\b",
)
_NAMED_CALLED = re.compile(r"\s(?:called|named|dubbed|known\s+as|code-?named)\s", _I)
_DETERMINER = re.compile(
    r"^(?:(?:a|an|the|its|their|his|her|our|this|China's|China’s)\s+)?"
    r"(?:(?:new|latest|newly|first|own|world's\s+first|world’s\s+first|brand-new)\s+)*",
    _I,
)
_RELATIVE_WORDS = frozenset({"which", "that", "who", "it", "they", "this", "these"})
_PARTNER_CUE = re.compile(
    r"\b(?:(?:set\s+up|established|built|founded|developed|launched|created|run|operated"
    r"|funded|financed|supported|sponsored|co-?funded|constructed|designed|jointly\s+\w+)"
    r"\s+(?:jointly\s+)?by|in\s+(?:collaboration|cooperation|partnership)\s+with|together"
    r"\s+with|jointly\s+with|brings?\s+together|bringing\s+together|partners?\s+(?:include|are)"
    r"|involv(?:es|ing)|from|between|led\s+by|with\s+funding|funded\s+with|partnership\s+of"
    r"|consists\s+of|comprises|consortium\s+of)\b",
    _I,
)
_FUNDING_CUE = re.compile(
    r"\b(?:fund(?:ed|ing|s)?|financ\w+|invest\w*|receiv\w+|provid\w+|grant\w*|worth|budget"
    r"|cost\w*|allocat\w+|earmark\w*|backed|support\w*|outlay|of\s+(?=US|U\.S\.|\$|USD))\b"
    r"|laboratory\s+of\b",
    _I,
)
# A programme's outlay or total cost is a budget (the budgets table has it), not funding.
_OUTLAY = re.compile(r"\b(?:outlay|total\s+cost|budget|allocation|earmarked|cost\s+of)\b", _I)
_ANNOUNCED = re.compile(
    r"\b(?:announced|published|unveiled|reported|released|presented|described|revealed)\b", _I
)
_ACRONYM_IN_BRACKETS = re.compile(r"\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)")
_DECIMAL = re.compile(r"\b\d+\.\d+\b")
_ADVERBS_AFTER_VERB = re.compile(r"\s*(?:(?:successfully|jointly|officially|formally|also)\s+)*")
_SUBJECT_CUT = re.compile(
    r",|\s(?:between|located|which|that|who|in|at|of\s+(?:US|U\.S\.|\$|USD|RMB|EUR)|built|funded"
    r"|developed|made|produced|manufactured|launched|unveiled|owned|co-founded|founded"
    r"|co-funded|set\s+up|established|jointly"
    r"|operated|designed|constructed|supported|financed|backed)\b"
)
_CLAUSE_END = re.compile(
    r";|,\s+(?:which|who|where|while|whereas|and\s+(?:will|has|is|the\s+\w+\s+will))\b"
    r"|\s+to\s+(?!the\b|a\b|an\b)[a-z]+\b|\s(?:which|who|where|while)\b"
)
_APPOSITION = re.compile(r",\s+((?:a|an|its|the|their)\s+[^,;.]{3,120})")
_BY_AFTER = re.compile(r"\s*by\s+")
_CORE_HEAD_SPLIT = re.compile(r"\s(?:of|for|on|called|named|dubbed|based)\s")
_DEFINITE = re.compile(r"(?:the|this|that|its|their)\s", _I)
_INDEFINITE = re.compile(r"(?:a|an)\s", _I)
_LOCATED = re.compile(r"\b(?:located|based|sited|situated)\s+in\s+")
_NOT_MONEY_CONTEXT = re.compile(
    r"\b(?:trade|exports?|imports?|bonds?|GDP|deficit|revenue|sales)\b", _I
)
_DATE_EXCLUDED_BEFORE = re.compile(
    r"\b(?:since|reached\s+in|until|by|before|compared\s+(?:to|with))\s+$", _I
)
_VERSION = re.compile(r"\d+(?:\.\d+)+|[IVX]+")
_QUOTE_WORD = re.compile(r"(?:^|\s)[‘“\"']\w")
_DIGIT_WORD = re.compile(r"[A-Za-z]-?\d|\d[A-Z]")
_TRAILING_ACRONYM = re.compile(r"\s*\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)$")
_LEADING_ADVERB = re.compile(r"^(?:successfully|jointly|officially|formally)\s+", _I)
_LIST_STOP = re.compile(r"[.;]\s|\s(?:which|who|to\s+[a-z]+|and\s+will|after|certified)\b")
_LAUNCH_SITE = re.compile(r"\b(?:Launch\s+(?:Cent(?:er|re)|Site|Base)|Cosmodrome|Spaceport)\b")
_NAME_WORDS = re.compile(r"[\w'-]+")
_FOLLOW_OPENER = re.compile(r"(?i:the|this|that|a|an)\s+((?:[\w-]+\s+){0,4}[\w-]+)")
_FOLLOW_PRONOUN = re.compile(r"(?i:it|its)\b")


# ---------------------------------------------------------------------------------------
# What the words right before the verb say. These checks look at the last few lower-cased
# words (a word list is much cheaper to inspect than a "$"-anchored regex).

_ADVERBS = frozenset(
    "jointly also now just recently finally officially formally successfully soon already"
    " newly first".split()
)
_AUX = frozenset("was were is are been be being got".split())
_MODALS = frozenset({"will", "shall", "would"})
_BEFORE_TO_FUTURE = frozenset(
    """plan plans planned planning set scheduled expected due going slated intend intends
    intended aim aims aimed agreed decided preparing prepares prepared is are""".split()
)
_INTENT_WORDS = frozenset(
    """encourage encourages encouraged encouraging urge urges urged urging promote promotes
    promoted promoting support supports supported supporting facilitate facilitates
    facilitated facilitating towards toward""".split()
)
_INTENT_PAIRS = frozenset(
    tuple(p.split("+"))
    for p in """call+for calls+for called+for calling+for vow+to vows+to vowed+to pledge+to
    pledges+to pledged+to seek+to seeks+to sought+to strive+to strives+to hope+to hopes+to
    hoped+to continue+to continues+to continued+to help+to helps+to path+to process+of
    importance+of need+to needs+to effort+to efforts+to way+to ways+to order+to""".split()
)
_HAVE = frozenset({"has", "have", "had"})
# words between a subject and its verb ("X will be", "X is expected to be", "X has been")
_SUBJECT_TRAILERS = frozenset(
    "has have had will shall would to set expected scheduled due planned slated going".split()
)
# "the world's first ...": definite, but a new thing, not the current project again
# "..., the Chinese Academy of Medical Sciences said on Monday": a source
_SAID_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:said|says|told|reported|noted|added)\b")
_OWN_WORKS = re.compile(
    r"(?:the\s+)?(?:construction|installation|assembly|commissioning|building|testing|trial)\b"
    r"(?:\s+(?:of|on)\s+(?:its|their|the)\b)?|(?:its|their)\s+(?:construction|first|maiden)\b",
    re.IGNORECASE,
)
_BETWEEN_SIDES = re.compile(
    r"\s+between\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)\s+and\s+(?:the\s+)?"
    r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)\b"
)
# capture debris before a name ("](#) an international cooperation" from a markdown link)
_LEADING_JUNK = re.compile(r"^[^\w‘“\"'(]+")
_INNER_ARTICLE = re.compile(r"\s(?:A|An|The)\s")
_LAST_WORD = re.compile(r"(\S+)\s*$")
_WHAT_IT_DOES = re.compile(r"\s+(?:that|which)\s+(?:can\s+)?[a-z]+s?\b[^,;.]{0,80}")
_RELATIVE_CHUNK = re.compile(r"(?:which|that|who|where)\b")
_PARTICIPLE_CHUNK = re.compile(r"(?:\w+ed|built|set\s+up|located|based|which|who|jointly)\b")
_PREPOSITION_FIRST = re.compile(
    r"(?:on|in|at|from|with|to|into|by|for|after|during|since|until|under|last|this|next"
    r"|yesterday|today|earlier|later|ahead|around)\b"
)
_NP_OPENING = re.compile(r"(?:The|A|An|This|[A-Z][\w'’-]*\s+[A-Z])")
_CARRYING = re.compile(r"\b(?:carrying|bearing|with)\s+(?=(?:the|a|an|its)\s)")
_FIRST_OF_KIND = re.compile(
    r"(?:the|its|their)\s+(?:world['’]s\s+|country['’]s\s+|china['’]s\s+|nation['’]s\s+)?"
    r"(?:first|largest|biggest|latest|newest|most\s+\w+|fastest|highest|longest|new)\b",
    re.IGNORECASE,
)
_CALLED_AFTER = re.compile(
    r",\s+(?:named|called|dubbed|known\s+as|code-?named)\s+[‘“\"']?(?P<n>[A-Z][\w.'’-]*(?:\s+[A-Z0-9][\w.'’-]*){0,3})"
)
# "signed an agreement on the joint construction of the International Lunar Research Station"
_AGREEMENT_HEADS = frozenset(
    "agreement agreements memorandum mou mous protocol contract deal letter accord".split()
)
_AGREED_PROJECT = re.compile(
    r"\b(?:on|for|to)\s+(?:jointly\s+)?(?:the\s+)?(?:joint\s+)?(?:construction|establishment"
    r"|building|development|creation|setting\s+up|launch|build|establish|set\s+up|develop"
    r"|create|construct|launching|extend|extension|renew|renewal|expand|expansion|upgrade"
    r"|continue|continuation)\s+(?:of\s+)?(?:a\s+|an\s+|the\s+)?",
    re.IGNORECASE,
)
_NOMINAL_OF = re.compile(
    r"(?:the\s+)?(?:establishment|construction|launch|opening|inauguration|creation|founding"
    r"|building|setting\s+up)\s+of\s+(?:a\s+|an\s+|the\s+)?",
    re.IGNORECASE,
)
_RELATIVES = frozenset({"which", "that", "who", "where", "when"})
# "said that China launched ...": a reported event, not a relative clause
_SPEECH = frozenset(
    """said says say reported reports announced announces stated states noted notes added
    adds confirmed confirms revealed reveals showed shows explained explains told tells
    learned learnt""".split()
)
_PARTICIPLE_NOUNS = frozenset(
    "report plan budget communique communiqué paper data list document statement figures".split()
)
_NOT_LAUNCHED_WORDS = frozenset(
    """call appeal investigation probe campaign attack crackdown review consultation offensive
    bid""".split()
)
_SOURCE_WORDS = frozenset(
    "according said says told reported certified verified cited quoted compared unlike than".split()
)
_NOT_PROJECT_WORDS = frozenset(
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
_PUNCT = ".,;:!?()[]“”\"'‘’"


def _last_words(tail: str, n: int = 8) -> list[str]:
    """The last `n` words before the verb, lower-cased; a word ending a clause (",", ";")
    and everything before it are dropped, so a check never reaches into another clause."""
    words = tail.lower().split()[-n:]
    for i in range(len(words) - 1, -1, -1):
        if words[i].endswith((",", ";", ":", ".", "—", "–")) or words[i] in ("—", "–"):
            return [w.strip(_PUNCT) for w in words[i + 1 :]]
    return [w.strip(_PUNCT) for w in words]


def _skip_adverbs(words: list[str]) -> list[str]:
    end = len(words)
    while end and (
        words[end - 1] in _ADVERBS or (words[end - 1].endswith("ly") and len(words[end - 1]) > 4)
    ):
        end -= 1
    return words[:end]


def _is_passive(words: list[str]) -> bool:
    w = _skip_adverbs(words)
    return bool(w) and w[-1] in _AUX


def _is_future(words: list[str]) -> bool:
    w = _skip_adverbs(words)
    if w and w[-1] == "be":
        w = _skip_adverbs(w[:-1])
    if not w:
        return False
    if w[-1] in _MODALS:
        return True
    return w[-1] == "to" and len(w) >= 2 and w[-2] in _BEFORE_TO_FUTURE


def _is_intention(words: list[str]) -> bool:
    """ "encourage the establishment of", "called for setting up", "the process of
    developing": the marker ends at most three words (an article and two) before the verb."""
    for j in range(len(words) - 1, max(-1, len(words) - 5), -1):
        if words[j] in _INTENT_WORDS or (j > 0 and (words[j - 1], words[j]) in _INTENT_PAIRS):
            return True
    return False


def _has_perfect(words: list[str]) -> bool:
    w = _skip_adverbs(words)
    return bool(w) and w[-1] in _HAVE


def _is_relative(words: list[str]) -> bool:
    """A relative pronoun among the last five words ("the satellite that China launched"),
    unless it introduces reported speech ("said that China launched")."""
    for j in range(len(words) - 1, max(-1, len(words) - 6), -1):
        if words[j] in _RELATIVES:
            return not (words[j] == "that" and j > 0 and words[j - 1] in _SPEECH)
        if words[j] == "they" and j > 0 and words[j - 1] == "where":
            return True
    return False


def _is_source(text: str, start: int, pos: int) -> bool:
    """Whether the words before `pos` (same clause, ~12 words) make what follows a source,
    a certifier or a comparison ("according to", "certified by", "compared to")."""
    words = _last_words(text[max(start, pos - 90) : pos], 12)
    if _SOURCE_WORDS.intersection(words):
        return True
    return any(
        a == "interest" and b in ("for", "in") for a, b in zip(words, words[1:], strict=False)
    )


@dataclass
class _Draft:
    """A project being read: the event sentence's reading plus follow-ups."""

    sentence: int
    name: str
    head_type: str
    status: str
    event_date: date | None
    place: Place | None
    named: bool
    countries: list[str] = field(default_factory=list)
    orgs: list[Org] = field(default_factory=list)
    funding: tuple[float, str, float | None, bool] | None = None
    span: tuple[int, int] = (0, 0)
    head: str = ""
    subject_orgs: list[Org] = field(default_factory=list)
    subject_countries: list[str] = field(default_factory=list)
    launch_site_country: str | None = None


_SAME = "__same__"  # a _read_event result meaning "the current project again"


_CORE_SPLIT = re.compile(
    r"\s(?:of|for|on|in|called|named|dubbed|known\s+as|based|between|with|to)\s"
)


@lru_cache(maxsize=4096)
def project_type_of(name: str, appos: str | None = None) -> tuple[str, str] | None:
    """(head word, type key) of a project noun phrase; type key "lab" is decided later.

    The head is the last project noun before the name's complements ("laboratory" in
    "Joint laboratory of Pharmaceutical Biotechnology"), else in the whole name
    ("Climate Science for Service Partnership China"); an apposition ("an optical chip")
    decides for a bare name ("Taichi-II"); a Chinese mission name ("Shenzhou-14") is a
    space mission.
    """
    for text in (name, appos or ""):
        if not text:
            continue
        core = _CORE_SPLIT.split(text, maxsplit=1)[0]
        for scope in (core, text):
            found: list[tuple[int, int, str, str]] = []
            for rank, (pattern, kind) in enumerate(_HEAD_RES):
                for m in pattern.finditer(scope):
                    found.append((m.end(), rank, m.group(0).lower(), kind))
            if found:
                # the last head wins; at one end, the longer phrase ("power plant")
                found.sort(key=lambda f: (-f[0], f[1]))
                _, _, head, kind = found[0]
                return head, kind
        if _SPACE_NAMES.search(text):
            return "mission", "space_mission"
    if _SPACE_NAMES.search(name):
        return "mission", "space_mission"
    return None


def _is_named(np: str, sentence_initial: bool = True) -> bool:
    """A proper name: a capitalised word (the first only when it does not open the
    sentence), a word with a digit ("Queqiao-2"), a version ("Jiuzhang 4.0"), quotes."""
    if _QUOTE_WORD.search(np):
        return True
    words = np.split()
    for i, w in enumerate(words):
        if _DIGIT_WORD.search(w) or (i > 0 and _VERSION.fullmatch(w)):
            return True
        if (i > 0 or not sentence_initial) and w[:1].isupper():
            return True
    return len(words) == 1 and words[0][:1].isupper()


def _clean_name(np: str) -> str:
    name = _DETERMINER.sub("", _LEADING_JUNK.sub("", np).strip(" ,;:'\""), count=1)
    name = _TRAILING_ACRONYM.sub("", name)
    name = _LEADING_ADVERB.sub("", name)
    return name.strip(" ,;:")


def _protect(seg: str) -> str:
    """`seg` with bracketed acronyms and decimals masked, so that "Einstein Probe (EP)" and
    "CARES Copilot 1.0" are not cut at their punctuation."""
    seg = _ACRONYM_IN_BRACKETS.sub(lambda x: "_" * len(x.group(0)), seg)
    return _DECIMAL.sub(lambda x: "0" * len(x.group(0)), seg)


def _np_after(text: str, pos: int, limit: int) -> tuple[int, int]:
    """The noun phrase starting at `pos` (object of an active verb): (start, end); empty
    when a preposition follows the verb ("opened on Tuesday in ...")."""
    m = _ADVERBS_AFTER_VERB.match(text, pos, limit)
    s = m.end() if m else pos
    if _PREPOSITION_FIRST.match(text, s, limit):
        return s, s
    seg = text[s:limit]
    b = _NP_BOUNDARY.search(_protect(seg))
    return s, s + (b.start() if b else len(seg))


def _np_before(text: str, clause_start: int, pos: int, last_chunk: bool = False) -> tuple[int, int]:
    """The subject noun phrase ending before `pos` (passive or intransitive verb).

    A passive verb's subject is the phrase right before it ("..., two reports, X and Y,
    were released": not the organisations listed first); an intransitive verb's is the
    first phrase, before any apposition ("The plant, located in ..., started operations").
    """
    lead = _LEAD_ADVERBIAL.match(text, clause_start, pos)
    s = lead.end() if lead else clause_start
    # drop what stands between the subject and its verb: "will be", "has been", "is to be"
    end = pos
    while end > s:
        m = _LAST_WORD.search(text, s, end)
        if m is None:
            break
        w = m.group(1).lower()
        if w not in _AUX and w not in _SUBJECT_TRAILERS and w not in _ADVERBS:
            break
        end = m.start()
    if last_chunk:
        k = _protect(text[s:end]).rstrip(" ,").rfind(", ")
        if k >= 0 and _RELATIVE_CHUNK.match(text, s + k + 2):
            return end, end  # "..., which was unveiled on 20 May": a relative clause
        if k >= 0 and not _PARTICIPLE_CHUNK.match(text, s + k + 2):
            s = s + k + 2  # "..., two reports, X and Y, were released": the last phrase
    inner = _INNER_ARTICLE.search(text, s + 1, end)
    if inner is not None:
        s = inner.start() + 1  # "Budget 2024 A laboratory ...": glued text, the last phrase
    seg = text[s:end]
    cut = _SUBJECT_CUT.search(_protect(seg))
    e = s + len(seg[: cut.start() if cut else len(seg)].rstrip(" ,"))
    return s, e


def _clause_start(text: str, s_start: int, pos: int) -> int:
    """Start of the clause the verb at `pos` belongs to (after "; " or a dash)."""
    seg = text[s_start:pos]
    k = max(seg.rfind("; "), seg.rfind(" – "), seg.rfind(" — "))
    return s_start + k + 2 if k >= 0 else s_start


def _clause_end(text: str, pos: int, s_end: int) -> int:
    m = _CLAUSE_END.search(text, pos, s_end)
    return m.start() if m else s_end


@lru_cache(maxsize=1)
def _curated_acronyms() -> dict[str, str]:
    return {o.acronym: o.name for o in curated_organisations() if o.acronym}


def _expand_acronym(ctx: EventDoc, name: str) -> str:
    """ "CPJRC" -> the document's definition; "CSSP China" -> the curated name."""
    key = name.strip()
    if key.isupper() or " " not in key:
        if key in ctx.learned:
            return ctx.learned[key]
    return _curated_acronyms().get(key, name)


def _status_of(verb_status: str, future: bool, kind: str, word: str) -> str:
    """The status the verb gives this kind of project: a result "built" or "created" is
    developed; a facility or centre "built" is completed, one "developed" established."""
    if future:
        return "planned"
    if kind == "research_result" and verb_status == "established":
        return "developed"
    if verb_status == "developed" and kind in ("facility", "research_center", "lab"):
        if word.startswith(("buil", "construct")):
            return "completed"
        return "established"
    return verb_status


def _day_date(ctx: EventDoc, start: int, end: int, near: int) -> date | None:
    """The day-granularity date in `text[start:end]` nearest to `near` (weekdays too)."""
    cands: list[tuple[int, date]] = []
    for d in ctx.dates_in(start, end):
        if d.granularity != "day" or d.is_range:
            continue
        if _DATE_EXCLUDED_BEFORE.search(ctx.text, max(start, d.start - 25), d.start):
            continue
        cands.append((abs(d.start - near), d.start_date))
    for w in ctx.weekdays_in(start, end):
        cands.append((abs(w.start - near), w.day))
    return min(cands)[1] if cands else None


def _funding(ctx: EventDoc, start: int, end: int) -> tuple[float, str, float | None, bool] | None:
    """(amount, currency, stated USD, outlay) the sentence gives the project, if any (rule
    10); `outlay` when the text calls it an outlay or total cost (a programme's budget)."""
    text = ctx.text[start:end]
    if not has_money(text):
        return None
    for amt in parse_amounts(text):
        window = text[max(0, amt.start - 60) : amt.span_end + 40]
        if _FUNDING_CUE.search(window) and not _NOT_MONEY_CONTEXT.search(window):
            stated = amt.stated_usd if amt.currency != "USD" else amt.value
            outlay = _OUTLAY.search(text, max(0, amt.start - 40), amt.start) is not None
            return amt.value, amt.currency, stated, outlay
    return None


def _countries_of_sentence(ctx: EventDoc, info: Analysis, start: int, end: int) -> list[str]:
    """Countries the sentence names, outside sources and comparisons. A country inside an
    organisation's name counts only when the organisation has no country of its own
    ("China-Pakistan Joint Research Centre"); otherwise the organisation speaks for it
    ("Hong Kong Institute ... of the Chinese Academy of Sciences" is HKG, not CHN)."""
    out: list[str] = []
    orgs = ctx.orgs_in(start, end, info)
    for c in ctx.countries_in(start, end, info):
        if any(o.start <= c.start < o.end and o.country is not None for o in orgs):
            continue
        if _is_source(ctx.text, start, c.start):
            continue
        if c.iso3 not in out:
            out.append(c.iso3)
    return out


def _orgs_of_sentence(
    ctx: EventDoc, info: Analysis, start: int, end: int, exclude: tuple[int, int]
) -> list[Org]:
    """Organisations that take part: not the project itself, not a source ("according
    to"), a certifier, a launch site, a newspaper or a legislature."""
    out = []
    for o in ctx.orgs_in(start, end, info):
        if exclude[0] <= o.start < exclude[1] or o.start <= exclude[0] < o.end:
            continue
        if _is_source(ctx.text, start, o.start) or _SAID_AFTER.match(ctx.text, o.end):
            continue
        if o.kind in ("media", "legislature", "advisory", "party", "facility"):
            continue
        if _LAUNCH_SITE.search(o.name):
            continue
        out.append(o)
    return out


def _partner_orgs(
    ctx: EventDoc, info: Analysis, start: int, end: int
) -> tuple[list[Org], list[str]]:
    """Organisations and countries a follow-up sentence introduces as builders, funders or
    partners ("set up by ...", "in collaboration with ...", "from the CAS")."""
    orgs: list[Org] = []
    countries: list[str] = []
    for m in _PARTNER_CUE.finditer(ctx.text, start, end):
        stop = _LIST_STOP.search(ctx.text, m.end(), end)
        list_end = stop.start() if stop else end
        listed = ctx.orgs_in(m.end(), list_end, info)
        for o in listed:
            if o not in orgs and not _LAUNCH_SITE.search(o.name):
                orgs.append(o)
        for c in ctx.countries_in(m.end(), list_end, info):
            if not any(o.start <= c.start < o.end for o in listed) and c.iso3 not in countries:
                countries.append(c.iso3)
    return orgs, countries


def _read_event(ctx: EventDoc, index: int, m: _Verb, current: _Draft | None) -> _Draft | None:
    """Rules 2-9 for one event verb in body sentence `index`."""
    s = ctx.sentences[index]
    text = ctx.text
    verb_status = _VERB_STATUS[m.key]
    vs, ve = m.start, m.end
    word = m.word
    if text[vs].isupper() and vs != s.start:
        return None  # a capitalised word is part of a name ("UNESCO Open Science")
    if verb_status == "launched":
        after = text[ve : ve + 40].lower().split()[:3]
        if after and after[0] in ("a", "an", "the"):
            after = after[1:]
        if after and after[0].strip(_PUNCT) in _NOT_LAUNCHED_WORDS:
            return None
    clause_start = _clause_start(text, ctx.opening[index], vs)
    # "$"-anchored patterns only ever need the last words before the verb.
    tail = text[max(s.start, vs - 70) : vs]
    words = _last_words(tail)
    comma_subject = False
    if _is_intention(words):
        return None
    passive = _is_passive(words)
    future = _is_future(words)
    if not future and words and words[-1] == "to":
        return None  # "an agreement to build a joint laboratory": an intention, not an event
    gerund = word.endswith("ing")
    if gerund:
        lead = _LEAD_ADVERBIAL.match(text, clause_start, vs)
        if (lead.end() if lead else clause_start) == vs:
            future = True  # "Launching an AI Plus initiative promises to ..."
        elif not tail.rstrip().endswith(("by", "By")):
            return None  # "towards establishing ...", "the process of developing ..."
    before = text[s.start : vs]
    # A past participle without an auxiliary modifies a noun: a recall, not the event.
    if (
        not passive
        and not future
        and not gerund
        and not _INTRANSITIVE_RE.match(word)
        and word.endswith(("ed", "built", "set up"))
    ):
        prev = before.rstrip()
        has_subject = bool(prev) and not prev.endswith((",", "(", "“", '"'))
        if _has_perfect(words):
            has_subject = True
        if not has_subject and prev.endswith(",") and _NP_OPENING.match(text, clause_start):
            # "JUNO in Kaiping, Guangdong Province, completed ...": a subject with an
            # apposition; valid only if the verb then has an object (checked below)
            has_subject = comma_subject = True
        if not has_subject and not _LEAD_ADVERBIAL.match(before):
            return None
        if words and words[-1].rstrip("s") in _PARTICIPLE_NOUNS | {
            w.rstrip("s") for w in _PARTICIPLE_NOUNS
        }:
            return None  # "the draft budget report released by ..."
    appos: str | None = None
    called_after: re.Match[str] | None = None
    agreement = False  # the project is what a signed agreement is about
    subject_span = (clause_start, vs)
    intransitive = _INTRANSITIVE_RE.match(word) is not None or (
        word.startswith("put") and not _has_perfect(words)
    )
    if passive or intransitive:
        ns, ne = _np_before(text, clause_start, vs, last_chunk=passive)
        if ne <= ns:
            return None
        subject_span = (ns, ns)
        if text[ns:ne].split()[0].lower() in _RELATIVE_WORDS:
            return None  # "which was launched in 2018": a recall
        carrying = _CARRYING.search(text, ns, vs)
        if carrying is not None:
            # "A Long March-5 rocket carrying the Chang'e-6 probe lifted off": the payload
            ns, ne = _np_after(text, carrying.end(), vs)
    else:
        if not future and _is_relative(words):
            return None  # "the satellite that China launched in March": a recall
        ns, ne = _np_after(text, ve, s.end)
        if comma_subject and ne <= ns + 1:
            return None  # "The satellite, launched in 2021, has ...": a recall in apposition
        if (
            ne <= ns + 1
            and not comma_subject
            and verb_status in ("inaugurated", "launched", "started_operations", "completed")
            and (word.endswith("ed") or word.endswith(" off"))
        ):
            # "A joint laboratory ... opened on Tuesday": no object, the subject is the project
            bs, be = _np_before(text, clause_start, vs)
            if be > bs:
                ns, ne = bs, be
                subject_span = (ns, ns)
                intransitive = True
        rel_future = _REL_FUTURE.search(tail) if future else None
        if rel_future is not None:
            # "the new X Institute, which the government will establish later this year"
            head = text[s.start : vs - len(tail) + rel_future.start()]
            k = max(head.rfind(" for "), head.rfind(" of "), head.rfind(" to "), head.rfind(", "))
            ns = s.start + k + (2 if head[k : k + 2] == ", " else 4)
            ne = s.start + len(head)
        if ne <= ns:
            return None
        first_word = text[ns:ne].lower().split()
        core_text = _CORE_HEAD_SPLIT.split(text[ns:ne], maxsplit=1)[0]
        core_head = core_text.lower().split()
        if (
            verb_status == "signed"
            and core_head
            and core_head[-1].strip(_PUNCT) in _AGREEMENT_HEADS
        ):
            # the project an agreement is about, named later in the sentence
            ag = _AGREED_PROJECT.search(text, ns + len(core_text), s.end)
            if ag is None:
                return None
            ns, ne = _np_after(text, ag.end(), s.end)
            if ne <= ns or not _is_named(_clean_name(text[ns:ne]), False):
                return None
            agreement = True
        if _OWN_WORKS.match(text, ns, ne) and verb_status in (
            "completed",
            "launched",
            "started_operations",
        ):
            # "JUNO completed the construction of its central detector": JUNO is the project
            ns, ne = _np_before(text, clause_start, vs)
            subject_span = (ns, ns)
            intransitive = True
            if ne <= ns:
                return None
        nominal = None if intransitive else _NOMINAL_OF.match(text, ns, ne)
        if nominal is not None and first_word:
            ns = nominal.end()  # "approved the establishment of the X Park": the X Park
        am = _APPOSITION.match(text, ne, s.end)
        if am:
            appos = am.group(1)  # "Taichi-II, an optical chip for ..."
        called_after = _CALLED_AFTER.match(text, ne, s.end)
        if (
            project_type_of(text[ns:ne]) is None
            and not _is_named(_clean_name(text[ns:ne]))
            and _BY_AFTER.match(text, ne, s.end)
        ):
            return None  # "pioneered a global first by completing ...": read the gerund
    raw = text[ns:ne]
    name = _clean_name(raw)
    if not name or _QUANTIFIER.match(name) or _QUANTIFIER.match(raw.strip()):
        return None
    sides = _BETWEEN_SIDES.match(text, ne, s.end)
    if sides is not None and not countries_named(name):
        pair = [countries_named(sides.group(1)), countries_named(sides.group(2))]
        if all(len(c) == 1 for c in pair):
            # "a joint laboratory ... between China and Kazakhstan": "China-Kazakhstan ..."
            name = f"{sides.group(1)}-{sides.group(2)} {name}"
    if not (passive or intransitive) and called_after is not None:
        # "a quantum computer prototype ..., named Jiuzhang 4.0": the name, typed by the phrase
        appos = appos or name
        name = called_after.group("n").rstrip(".,;")
        raw = name
    called = _NAMED_CALLED.search(name) is not None
    expanded = _expand_acronym(ctx, name)
    lead = _LEAD_ADVERBIAL.match(text, ctx.opening[index], s.end)
    # a capital at the sentence's start says nothing; after "The" it marks a name
    initial = ns <= (lead.end() if lead else ctx.opening[index]) and not _DEFINITE.match(raw)
    named = expanded != name or _is_named(name, initial)
    name = expanded
    typed = project_type_of(name, appos)
    if typed is None:
        return None
    head, kind = typed
    core = _CORE_HEAD_SPLIT.split(name, maxsplit=1)[0]
    core_words = core.split()
    core_lower = [w.strip(_PUNCT).lower() for w in core_words]
    if not _NOT_PROJECT_WORDS.isdisjoint(core_lower) and not (
        core_words and project_type_of(core_words[-1]) is not None
    ):
        return None
    if head.endswith("s") and not head.endswith("ss") and head not in ("qubits",):
        return None  # a plural head: several things, not one project
    if any(w.lower() == head + "s" or w.lower() == head[:-1] + "ies" for w in core_words):
        return None
    last = core_words[-1] if core_words else ""
    if last.islower() and last.endswith("s") and not last.endswith(("ss", "ics", "us", "is")):
        return None  # "solar desalination and smart grid technologies": several things
    if not named:
        if _DEFINITE.match(raw.strip()) and not called and not _FIRST_OF_KIND.match(raw.strip()):
            # "the laboratory": the current project again (rule 4)
            return _same(index) if current is not None else None
        if future:
            return None  # unnamed plans are general intentions
        if (
            not _INDEFINITE.match(raw.strip())
            and not called
            and not _FIRST_OF_KIND.match(raw.strip())
        ):
            return None
        if current is not None and head == current.head:
            return _same(index)  # "A jointly funded laboratory of ... was built by"
        if len(name.split()) < 2:
            what = _WHAT_IT_DOES.match(text, ne, s.end)
            if what is None:
                return None  # "a laboratory was built": too little to tell which
            # "a new catalyst that converts carbon dioxide into methanol"
            name = f"{name} {what.group(0).strip()}"
    clause_end = _clause_end(text, ne if agreement else ve, s.end)
    # Where an agreement was signed is not where its project is ("signed in Munich").
    place_from = ne if agreement else clause_start
    place = next((p for p in ctx.places_in(place_from, clause_end) if not ns <= p.start < ne), None)
    if place is None:
        lm = _LOCATED.search(text, s.start, s.end)
        if lm:
            place = read_place(text, lm.end(), s.end)
    event_date = None if future else _day_date(ctx, clause_start, clause_end, ve)
    if event_date is None and not future and kind == "research_result":
        # "..., which was unveiled on 20 May": a result is dated by its announcement
        told = _ANNOUNCED.search(text, clause_end, s.end)
        if told is not None:
            event_date = _day_date(ctx, told.start(), s.end, told.end())
    info = ctx.analysis(s)
    orgs = _orgs_of_sentence(ctx, info, s.start, s.end, (ns, ne))
    site = next((o.country for o in info.orgs if _LAUNCH_SITE.search(o.name) and o.country), None)
    return _Draft(
        sentence=index,
        name=name,
        head_type=kind,
        status=_status_of(verb_status, future, kind, word),
        event_date=event_date,
        place=place,
        named=named,
        countries=_countries_of_sentence(ctx, info, s.start, s.end),
        orgs=orgs,
        funding=_funding(ctx, s.start, s.end),
        span=(ns, ne),
        head=head,
        subject_orgs=[o for o in orgs if subject_span[0] <= o.start < subject_span[1]],
        subject_countries=[
            c.iso3 for c in ctx.countries_in(subject_span[0], subject_span[1], info)
        ],
        launch_site_country=site,
    )


def _same(index: int) -> _Draft:
    return _Draft(index, "", "", "", None, None, False, head=_SAME)


def _same_project(a: str, b: str) -> bool:
    """Two names of one project: most of the shorter name's words are in the longer one."""
    stop = {"the", "of", "for", "and", "a", "an"}
    ta = {t.lower() for t in _NAME_WORDS.findall(a)} - stop
    tb = {t.lower() for t in _NAME_WORDS.findall(b)} - stop
    if not ta or not tb:
        return False
    return len(ta & tb) / min(len(ta), len(tb)) >= 0.6


_BACK_REFERENCE = re.compile(
    r"\bfor\s+(?:its|the\s+(?:laboratory|lab|centre|center|station|project|programme|mission"
    r"|facility|institute))\b",
    _I,
)
_PARTNER_WORDS = frozenset(
    """by with together brings bringing partners partner involves involving from between led
    funding partnership consists comprises consortium""".split()
)
_ANNOUNCED_WORDS = frozenset(
    "announced published unveiled reported released presented described revealed".split()
)
_LOCATED_WORDS = frozenset({"located", "based", "sited", "situated"})
_RENAME_APPOSITION = re.compile(
    r"(?i:the|this)\s+(?:[\w-]+\s+){0,2}?(?P<h>[\w-]+),\s+(?P<name>[A-Z][^,;]{3,140}?)"
    r"(?:\s*\([A-Z][\w&-]*\))?,"
)
_RENAME_SUBJECT = re.compile(
    r"(?:The\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’&-]*|of|for|on|and|the))*)"
    r"\s+(?:is|was|has|will|brings|focuses|aims)\b"
)
_PAST_EVENT = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:inaugurated|opened|launched|established|set\s+up"
    r"|unveiled|commissioned|founded)\b|\b(?:kicked\s+off|opened|started|began|launched"
    r"|unveiled)\b",
    _I,
)


def _rename(ctx: EventDoc, draft: _Draft, text: str) -> None:
    """A project first described ("a joint laboratory for smart agriculture", "a four-year
    project") takes the name a follow-up gives it ("The project, Sustainable Rice Systems
    for Climate Resilience (SUSTAIN-RICE), ...", "The China-Thailand Joint Laboratory for
    Smart Agriculture is a partnership of ...")."""
    m = _RENAME_APPOSITION.match(text)
    name = None
    if m is not None and (
        m.group("h").lower() == draft.head or _GENERIC_HEADS.get(m.group("h").lower())
    ):
        name = m.group("name")
    else:
        m = _RENAME_SUBJECT.match(text)
        if m is not None:
            typed = project_type_of(m.group("name"))
            if typed is not None and (typed[0] == draft.head or typed[1] == draft.head_type):
                name = m.group("name")
    if name and _is_named(name, False):
        draft.name = name.strip()
        draft.named = True


def _follow_up(ctx: EventDoc, draft: _Draft, index: int) -> None:
    """What a follow-up sentence adds to the draft's project (rules 9, 10, 7)."""
    s = ctx.sentences[index]
    if not draft.named:
        _rename(ctx, draft, s.text)
    words = ctx.words[index]
    if (
        draft.event_date is None
        and draft.status != "planned"
        and not _VERB_ANCHORS.isdisjoint(words)
        and _PAST_EVENT.search(s.text)
    ):
        # "It kicked off on Monday", "The centre was inaugurated on 5 May"
        draft.event_date = _day_date(ctx, s.start, s.end, s.start)
    if not _PARTNER_WORDS.isdisjoint(words) and _PARTNER_CUE.search(s.text):
        orgs, countries = _partner_orgs(ctx, ctx.analysis(s), s.start, s.end)
        for o in orgs:
            if o.name != draft.name and not _same_project(o.name, draft.name):
                draft.orgs.append(o)
        draft.countries.extend(c for c in countries if c not in draft.countries)
    if draft.funding is None:
        draft.funding = _funding(ctx, s.start, s.end)
    if (
        draft.event_date is None
        and draft.head_type == "research_result"
        and draft.status != "planned"
        and not _ANNOUNCED_WORDS.isdisjoint(words)
        and _ANNOUNCED.search(s.text)
    ):
        draft.event_date = _day_date(ctx, s.start, s.end, s.start)
    if draft.place is None:
        lm = _LOCATED.search(s.text) if not _LOCATED_WORDS.isdisjoint(words) else None
        if lm:
            draft.place = read_place(ctx.text, s.start + lm.end(), s.end)


_GENERIC_HEADS = {
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


@lru_cache(maxsize=4096)
def _name_marks(name: str) -> tuple[str, ...]:
    """The words of a name that mark it in a later sentence ("Chang'e-6", "JUNO")."""
    return tuple(w for w in name.split() if len(w) > 3 and (_DIGIT_WORD.search(w) or w.isupper()))


def _refers_to(draft: _Draft, ctx: EventDoc, index: int) -> bool:
    """Whether a follow-up sentence speaks of the draft's project: it opens with a
    determiner and the project's head noun or a generic word for its kind ("The
    laboratory", "A jointly funded laboratory", "The mission", "The work"), or "It"."""
    text = ctx.sentences[index].text
    if draft.named and any(w in text for w in _name_marks(draft.name)):
        return True  # "Chang'e-6 carries four international payloads: ..."
    if draft.named and len(draft.name) > 8 and draft.name in text:
        return True
    lead = _LEAD_ADVERBIAL.match(text)
    if lead:
        text = text[lead.end() :]
    if _FOLLOW_PRONOUN.match(text):
        return True
    m = _FOLLOW_OPENER.match(text)
    if m is None:
        return False
    for w in m.group(1).lower().split():
        w = w.strip(",")
        if w == draft.head or w.rstrip("s") == draft.head:
            return True
        kind = _GENERIC_HEADS.get(w)
        if kind is not None:
            centre = {"lab", "research_center"}
            return kind == draft.head_type or {kind, draft.head_type} <= centre
    return False


def _finish(ctx: EventDoc, d: _Draft) -> Candidate:
    """Rules 6 and 8: the type and place decided from all participants, as a candidate."""
    s = ctx.sentences[d.sentence]
    countries: list[str] = []
    for c in [*countries_named(d.name), *d.countries]:
        if c not in countries:
            countries.append(c)
    orgs: list[Org] = []
    seen: set[str] = set()
    names = [o.name for o in d.orgs]
    for o in d.orgs:
        if o.name in seen or d.span[0] <= o.start < d.span[1]:
            continue
        if any(o.name != n and n.endswith(" " + o.name) for n in names):
            continue  # "Institute for Space Research" is the "National Institute for ..." again
        if _same_project(o.name, d.name) and o.start >= d.span[0] - 1 and o.end <= d.span[1] + 12:
            continue
        seen.add(o.name)
        orgs.append(o)
    all_countries = list(dict.fromkeys([*countries, *(o.country for o in orgs if o.country)]))
    kind = d.head_type
    if kind == "lab":
        joint = len(all_countries) >= 2 or re.search(r"\bjoint\b", d.name, _I) is not None
        kind = "joint_lab" if joint else "research_center"
    city = d.place.city if d.place else None
    country = d.place.country if d.place else None
    if kind == "space_mission":
        city = None
        country = (
            next(iter(d.subject_countries), None)
            or next((o.country for o in d.subject_orgs if o.country), None)
            or country
            or d.launch_site_country
            or (all_countries[0] if len(all_countries) == 1 else None)
        )
    elif kind == "research_result":
        country = next((o.country for o in orgs if o.country), None) or country
        if country is None and all_countries:
            country = all_countries[0]
    elif country is None and len(all_countries) == 1:
        # one country's project; with a grouping (the EU) as a second party it has no seat
        if not any(o.country is None and o.kind in ("international",) for o in orgs):
            country = all_countries[0]
    participants = [ProjectParticipant("country", country_name(c) or c, c) for c in countries]
    participants += [ProjectParticipant("organisation", o.name, o.country) for o in orgs]
    funding_amount = funding_currency = funding_usd = None
    if d.funding is not None and not (kind == "programme" and d.funding[3]):
        funding_amount, funding_currency, stated, _ = d.funding
        year = (
            d.event_date.year if d.event_date else (ctx.published.year if ctx.published else None)
        )
        funding_usd = to_usd(funding_amount, funding_currency, year)
        if funding_usd is None:
            funding_usd = stated  # no rate for the currency: the text's own conversion
    project = Project(
        name=d.name,
        project_type=kind,
        status=d.status,
        event_date=d.event_date,
        city=city,
        country=country,
        funding_amount=funding_amount,
        funding_currency=funding_currency,
        funding_usd=funding_usd,
        participants=tuple(participants),
    )
    mention = Mention(
        doc_id=ctx.doc_id,
        evidence=s.text,
        char_start=s.start,
        char_end=s.end,
        page=ctx.doc.page_at(s.start),
    )
    return Candidate(fact=project, mention=mention)


class _Verb(NamedTuple):
    """An event verb found in a sentence: where it stands (document offsets), the words
    as written in lower case, and its `_VERB_STATUS` key."""

    start: int
    end: int
    word: str
    key: str


def _verbs_in(s: Sentence, anchors: AbstractSet[str]) -> list[_Verb]:
    """Event verbs of sentence `s`, in order, tried only where an anchor word stands. The
    sentence alone is lower-cased: lower-casing a whole document with curly quotes in it
    costs more than reading all its verbs."""
    lower = s.text.lower()
    if len(lower) != len(s.text):  # a letter whose lower case is longer ("İ"): keep it
        lower = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in s.text)
    found = []
    for word in anchors:
        pos = lower.find(word)
        while pos >= 0:
            end = pos + len(word)
            before_ok = pos == 0 or not lower[pos - 1].isalnum()
            if before_ok and pos > 0 and lower[pos - 1] == "-":
                # "co-developed" is a verb, "self-developed" or "newly-built" an adjective
                before_ok = lower[max(0, pos - 3) : pos] == "co-"
            if before_ok and (end >= len(lower) or not lower[end].isalnum()):
                m = _VERB_RE.match(lower, pos)
                if m is not None:
                    found.append(
                        _Verb(s.start + pos, s.start + m.end(), m.group(0), m.lastgroup or "")
                    )
            pos = lower.find(word, end)
    found.sort(key=lambda v: v.start)
    return found


def extract_projects(doc_id: str, doc: ParsedDocument, doc_type: str) -> list[Candidate]:
    """Project candidates a document states, in text order (see the module docstring)."""
    if not doc.text:
        return []
    ctx = event_doc(doc_id, doc, doc_type)
    drafts: list[_Draft] = []
    current: _Draft | None = None
    current_para = -1  # the paragraph `current` was last read in
    for i, s in enumerate(ctx.sentences):
        if not ctx.body[i]:
            current = None  # a heading or headline ends the item
            continue
        result: _Draft | None = None
        anchors = _VERB_ANCHORS.intersection(ctx.words[i])
        if anchors:
            for m in _verbs_in(s, anchors):
                result = _read_event(ctx, i, m, current)
                if result is not None:
                    break
        if result is not None and result.head != _SAME:
            if current is not None and _same_project(result.name, current.name):
                _follow_up(ctx, current, i)
            else:
                drafts.append(result)
                current = result
            current_para = s.paragraph
        elif current is not None:
            # In its own paragraph every sentence may add to the project; in a later one
            # (news articles run an item over several) only a sentence that names it.
            same = s.paragraph == current_para
            if result is not None or _refers_to(current, ctx, i):
                _follow_up(ctx, current, i)
                current_para = s.paragraph
            elif same and current.funding is None and _BACK_REFERENCE.search(s.text):
                # "... will provide 30 million baht for its first three years"
                current.funding = _funding(ctx, s.start, s.end)
            elif not same:
                current = None
    return [_finish(ctx, d) for d in drafts]
