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
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from extract.documents import ParsedDocument
from transform.countries import country_name, find_countries
from transform.event_context import PROJECT_WORDS, Analysis, EventDoc, event_doc
from transform.facts import Candidate, Mention, Project, ProjectParticipant
from transform.fx import to_usd
from transform.money import has_money, parse_amounts
from transform.organisations import curated_organisations
from transform.participants import Org, countries_named
from transform.places import Place, read_place
from transform.sentences import Sentence

__all__ = ["extract_projects", "project_type_of", "PROJECT_HEADS"]

_I = re.IGNORECASE

# Event verbs -> status. Each pattern starts at its anchor word (the first word of the verb
# phrase); the extractor finds anchors by word lookup and tries the patterns only there,
# which is far cheaper than scanning every sentence with one large alternation.
_VERBS: tuple[tuple[str, str], ...] = (
    (r"start(?:ed|s|ing)?\s+(?:commercial\s+|full\s+|trial\s+|formal\s+)?operations?", "started_operations"),
    (r"beg(?:an|un|ins?)\s+(?:commercial\s+|full\s+|trial\s+)?operations?", "started_operations"),
    (r"put\s+into\s+(?:commercial\s+|full\s+|trial\s+)?(?:operation|service|use)", "started_operations"),
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
_VERB_ANCHORS = frozenset(
    """
    start started starts starting began begun begin begins put went goes go entered
    commission commissioned commissions commissioning kick kicked kicks roll rolled rolls
    launch launched launches launching unveil unveiled unveils unveiling released releases
    releasing inaugurate inaugurated inaugurates inaugurating open opened opens opening
    establish established establishes establishing set sets setting founded approved
    approves approving sign signed signs signing completed completes completing develop
    developed develops developing built build builds building construct constructed
    constructs constructing pioneered pioneers pioneering invent invented invents inventing
    created creates creating
    """.split()
)
_INTRANSITIVE = frozenset({"started_operations"})

_REL_FUTURE = re.compile(r",\s*(?:which|that)\s+(?:[\w'’-]+\s+){1,4}$")
_LEAD_ADVERBIAL = re.compile(
    r"^(?:(?:On|In|At|By|During|Last|Earlier|Later|Meanwhile|Also|Moreover|Recently|Today"
    r"|Yesterday|Separately|Furthermore|Additionally|Besides|Similarly|Likewise|Then|Now|Finally"
    r"|Under|With|After|Following|To|According)\b[^,]{0,120},\s+)+"
)

# Project head nouns -> type. "data centre" is a facility before "centre" is a centre.
_HEAD_TYPES: tuple[tuple[str, str], ...] = (
    (r"data\s+cent(?:re|er)s?|power\s+plant|space\s+station|ground\s+station", "facility"),
    (r"laborator(?:y|ies)|labs?", "lab"),
    (r"cent(?:re|er)|institute|institution|academy|hub|university|college|incubator|think\s+tank", "research_center"),
    (r"station|plant|observatory|facility|telescope|reactor|collider|array|tokamak|dam|supercomputer|radar|port|base|park|farm|corridor|railway|bridge|pipeline|grid", "facility"),
    (r"satellites?|probe|spacecraft|spaceship|mission|lander|rover|orbiter|capsule|rocket|module|constellation|craft", "space_mission"),
    (r"programme|program|initiative|cooperation|partnership|project|alliance|consortium|platform|network|scheme|framework|campaign|collaboration", "programme"),
    (r"model|battery|chip|cell|device|robot|chemist|system|material|technique|method|algorithm|drug|vaccine|experiment|computer|processor|sensor|catalyst|cathode|anode|membrane|laser|engine|microscope|prototype|machine|software|tool|instrument|camera|detector|antenna|LLM|therapy|treatment|kit|alloy|fib(?:re|er)|transistor|qubits?|aircraft|vehicle|drone|reactor\s+design|genome|crop|variety|material", "research_result"),
)
PROJECT_HEADS = re.compile(r"\b(?:" + "|".join(p for p, _ in _HEAD_TYPES) + r")\b", _I)
_HEAD_RES = [(re.compile(r"\b(?:" + p + r")\b", _I), t) for p, t in _HEAD_TYPES]
_NOT_PROJECT = re.compile(
    r"\b(?:reports?|budgets?|plans?|agreements?|memorand(?:um|a)|MoUs?|protocols?|declarations?"
    r"|statements?|calls?|documents?|guidelines?|polic(?:y|ies)|laws?|bills?|lists?|packages?"
    r"|funds?|bonds?|consensus|communiqu[eé]s?|bulletins?|white\s+papers?|papers?|strateg(?:y|ies)"
    r"|roadmaps?|standards?|regulations?|rules|forces|approaches|path|process|contingent|talks"
    r"|dialogues?|meetings?|sessions?|forums?|conferences?|workshops?|symposi(?:um|a)|visits?"
    r"|exchanges?|mechanisms?|commitments?|targets?|goals?|outlines?|blueprints?|results?"
    r"|findings|data|figures|statistics|rankings?|index|survey|study|studies|assembly|review"
    r"|tasks?|efforts?|measures?|reforms?|capacity|capabilit(?:y|ies)|sector|industry|industries"
    r"|economy|market|services?|products?|contracts?|deals?|assembly|ties|relations?)\b",
    _I,
)
_SPACE_NAMES = re.compile(
    r"\b(?:Shenzhou|Tianzhou|Chang'?e|Chang’e|Tianwen|Queqiao|Quegiao|Tiangong|Tianhe|Wentian"
    r"|Mengtian|Long\s+March|Xihe|Kuafu|Zhurong|Gaofen|Fengyun|Beidou|BeiDou|Yaogan|Shijian"
    r"|Mozi|Taiji|Haiyang|Huanjing|Hongyun|Guowang|Qianfan|Xuntian|Mengzhou|Einstein\s+Probe"
    r"|Gaganyaan|Chandrayaan|Aditya|Mangalyaan|Soyuz|Artemis)\b"
)
_QUANTIFIER = re.compile(
    r"^(?:\d[\d,.]*|nearly|almost|about|around|over|more\s+than|less\s+than|fewer\s+than|some"
    r"|several|many|multiple|various|numerous|dozens|hundreds|thousands|a\s+number|a\s+series"
    r"|a\s+batch|a\s+total|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|such"
    r"|these|those|more|other|further|additional|new\s+\d)\b",
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
    r"|around|last|this|next|earlier|later|ahead|successfully|jointly|recently|today"
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
    r"|involv(?:es|ing)|from|between|led\s+by|with\s+funding|funded\s+with)\b",
    _I,
)
_FUNDING_CUE = re.compile(
    r"\b(?:fund(?:ed|ing|s)?|financ\w+|invest\w*|receiv\w+|provid\w+|grant\w*|worth|budget"
    r"|cost\w*|allocat\w+|earmark\w*|backed|support\w*|of\s+(?=US|U\.S\.|\$|USD))\b|laboratory\s+of\b",
    _I,
)
_ANNOUNCED = re.compile(
    r"\b(?:announced|published|unveiled|reported|released|presented|described|revealed)\b", _I
)
_ACRONYM_IN_BRACKETS = re.compile(r"\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)")
_DECIMAL = re.compile(r"\b\d+\.\d+\b")
_ADVERBS_AFTER_VERB = re.compile(r"\s*(?:(?:successfully|jointly|officially|formally|also)\s+)*")
_SUBJECT_CUT = re.compile(
    r",|\s(?:between|located|which|that|who|of\s+(?:US|U\.S\.|\$|USD|RMB|EUR))\b"
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
_QUOTE_WORD = re.compile(r"[‘“\"']\w")
_DIGIT_WORD = re.compile(r"[A-Za-z]-?\d|\d-?[A-Za-z]")
_TRAILING_ACRONYM = re.compile(r"\s*\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)$")
_LEADING_ADVERB = re.compile(r"^(?:successfully|jointly|officially|formally)\s+", _I)
_LIST_STOP = re.compile(r"[.;]\s|\s(?:which|who|to\s+[a-z]+|and\s+will|after|certified)\b")
_LAUNCH_SITE = re.compile(r"\b(?:Launch\s+(?:Cent(?:er|re)|Site|Base)|Cosmodrome|Spaceport)\b")
_NAME_WORDS = re.compile(r"[\w'-]+")
_FOLLOW_OPENER = re.compile(r"(?:The|This|That|A|An)\s+((?:[\w-]+\s+){0,4}[\w-]+)")
_FOLLOW_PRONOUN = re.compile(r"(?:It|Its)\b")



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
    while end and (words[end - 1] in _ADVERBS or (words[end - 1].endswith("ly") and len(words[end - 1]) > 4)):
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
    """"encourage the establishment of", "called for setting up", "the process of
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
    return any(a == "interest" and b in ("for", "in") for a, b in zip(words, words[1:], strict=False))



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
    funding: tuple[float, str, float | None] | None = None
    span: tuple[int, int] = (0, 0)
    head: str = ""
    subject_orgs: list[Org] = field(default_factory=list)
    subject_countries: list[str] = field(default_factory=list)


_SAME = "__same__"  # a _read_event result meaning "the current project again"


_CORE_SPLIT = re.compile(r"\s(?:of|for|on|in|called|named|dubbed|known\s+as|based|between|with|to)\s")


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


def _is_named(np: str) -> bool:
    """A proper name: a capitalised word after the first, a word with a digit, quotes."""
    if _QUOTE_WORD.search(np):
        return True
    words = np.split()
    for i, w in enumerate(words):
        if _DIGIT_WORD.search(w):
            return True
        if i > 0 and w[:1].isupper():
            return True
    return len(words) == 1 and words[0][:1].isupper()


def _clean_name(np: str) -> str:
    name = _DETERMINER.sub("", np.strip(" ,;:'\""), count=1)
    name = _TRAILING_ACRONYM.sub("", name)
    name = _LEADING_ADVERB.sub("", name)
    return name.strip(" ,;:")


def _protect(seg: str) -> str:
    """`seg` with bracketed acronyms and decimals masked, so that "Einstein Probe (EP)" and
    "CARES Copilot 1.0" are not cut at their punctuation."""
    seg = _ACRONYM_IN_BRACKETS.sub(lambda x: "_" * len(x.group(0)), seg)
    return _DECIMAL.sub(lambda x: "0" * len(x.group(0)), seg)


def _np_after(text: str, pos: int, limit: int) -> tuple[int, int]:
    """The noun phrase starting at `pos` (object of an active verb): (start, end)."""
    m = _ADVERBS_AFTER_VERB.match(text, pos, limit)
    s = m.end() if m else pos
    seg = text[s:limit]
    b = _NP_BOUNDARY.search(_protect(seg))
    return s, s + (b.start() if b else len(seg))


def _np_before(
    text: str, clause_start: int, pos: int, last_chunk: bool = False
) -> tuple[int, int]:
    """The subject noun phrase ending before `pos` (passive or intransitive verb).

    A passive verb's subject is the phrase right before it ("..., two reports, X and Y,
    were released": not the organisations listed first); an intransitive verb's is the
    first phrase, before any apposition ("The plant, located in ..., started operations").
    """
    lead = _LEAD_ADVERBIAL.match(text, clause_start, pos)
    s = lead.end() if lead else clause_start
    if last_chunk:
        k = _protect(text[s:pos]).rstrip(" ,").rfind(", ")
        if k >= 0:
            s = s + k + 2
    seg = text[s:pos]
    cut = _SUBJECT_CUT.search(_protect(seg))
    e = s + len(seg[: cut.start() if cut else len(seg)].rstrip())
    words = text[s:e].split()
    while words and (words[-1].lower() in _AUX or words[-1].lower() in ("has", "have", "had")
                     or words[-1].lower() in _ADVERBS):
        words.pop()
    e = s + len(" ".join(words)) if words else s
    return s, s + len(text[s:e].rstrip())


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
    """"CPJRC" -> the document's definition; "CSSP China" -> the curated name."""
    key = name.strip()
    if key.isupper() or " " not in key:
        if key in ctx.learned:
            return ctx.learned[key]
    return _curated_acronyms().get(key, name)


def _status_of(verb_status: str, future: bool, kind: str) -> str:
    if future:
        return "planned"
    if kind == "research_result" and verb_status == "established":
        return "developed"
    if verb_status == "developed" and kind == "facility":
        return "completed"  # a facility "built" is completed; a result "built" is developed
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


def _funding(ctx: EventDoc, start: int, end: int) -> tuple[float, str, float | None] | None:
    """(amount, currency, stated USD) the sentence gives the project, if any (rule 10)."""
    text = ctx.text[start:end]
    if not has_money(text):
        return None
    for amt in parse_amounts(text):
        window = text[max(0, amt.start - 60) : amt.span_end + 40]
        if _FUNDING_CUE.search(window) and not _NOT_MONEY_CONTEXT.search(window):
            stated = amt.stated_usd if amt.currency != "USD" else amt.value
            return amt.value, amt.currency, stated
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
        if _is_source(ctx.text, start, o.start):
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


def _read_event(
    ctx: EventDoc, index: int, m: re.Match[str], current: _Draft | None
) -> _Draft | None:
    """Rules 2-9 for one event verb in body sentence `index`."""
    s = ctx.sentences[index]
    text = ctx.text
    verb_status = _VERB_STATUS[m.lastgroup or ""]
    vs, ve = m.start(), m.end()
    word = m.group(0)
    if verb_status == "launched":
        after = ctx.lower[ve : ve + 40].split()[:3]
        if after and after[0] in ("a", "an", "the"):
            after = after[1:]
        if after and after[0].strip(_PUNCT) in _NOT_LAUNCHED_WORDS:
            return None
    clause_start = _clause_start(text, s.start, vs)
    # "$"-anchored patterns only ever need the last words before the verb.
    tail = text[max(s.start, vs - 70) : vs]
    words = _last_words(tail)
    if _is_intention(words):
        return None
    passive = _is_passive(words)
    future = _is_future(words)
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
        and verb_status not in _INTRANSITIVE
        and word.endswith(("ed", "built", "set up"))
    ):
        prev = before.rstrip()
        has_subject = bool(prev) and not prev.endswith((",", "(", "“", '"'))
        if _has_perfect(words):
            has_subject = True
        if not has_subject and not _LEAD_ADVERBIAL.match(before):
            return None
        if words and words[-1].rstrip("s") in _PARTICIPLE_NOUNS | {w.rstrip("s") for w in _PARTICIPLE_NOUNS}:
            return None  # "the draft budget report released by ..."
    appos: str | None = None
    subject_span = (clause_start, vs)
    if passive or verb_status in _INTRANSITIVE:
        ns, ne = _np_before(text, clause_start, vs, last_chunk=passive)
        if ne <= ns:
            return None
        subject_span = (ns, ns)
        if text[ns:ne].split()[0].lower() in _RELATIVE_WORDS:
            return None  # "which was launched in 2018": a recall
    else:
        if not future and _is_relative(words):
            return None  # "the satellite that China launched in March": a recall
        ns, ne = _np_after(text, ve, s.end)
        rel_future = _REL_FUTURE.search(tail) if future else None
        if rel_future is not None:
            # "the new X Institute, which the government will establish later this year"
            head = text[s.start : vs - len(tail) + rel_future.start()]
            k = max(head.rfind(" for "), head.rfind(" of "), head.rfind(" to "), head.rfind(", "))
            ns = s.start + k + (2 if head[k : k + 2] == ", " else 4)
            ne = s.start + len(head)
        if ne <= ns:
            return None
        am = _APPOSITION.match(text, ne, s.end)
        if am:
            appos = am.group(1)  # "Taichi-II, an optical chip for ..."
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
    called = _NAMED_CALLED.search(name) is not None
    expanded = _expand_acronym(ctx, name)
    named = expanded != name or _is_named(name)
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
    if not named:
        if _DEFINITE.match(raw.strip()) and not called:
            # "the laboratory": the current project again (rule 4)
            return _same(index) if current is not None else None
        if future:
            return None  # unnamed plans are general intentions
        if not _INDEFINITE.match(raw.strip()) and not called:
            return None
        if current is not None and head == current.head:
            return _same(index)  # "A jointly funded laboratory of ... was built by"
    clause_end = _clause_end(text, ve, s.end)
    place = next(
        (p for p in ctx.places_in(clause_start, clause_end) if not ns <= p.start < ne), None
    )
    if place is None:
        lm = _LOCATED.search(text, s.start, s.end)
        if lm:
            place = read_place(text, lm.end(), s.end)
    info = ctx.analysis(s)
    orgs = _orgs_of_sentence(ctx, info, s.start, s.end, (ns, ne))
    return _Draft(
        sentence=index,
        name=name,
        head_type=kind,
        status=_status_of(verb_status, future, kind),
        event_date=None if future else _day_date(ctx, clause_start, clause_end, ve),
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


def _follow_up(ctx: EventDoc, draft: _Draft, index: int) -> None:
    """What a follow-up sentence adds to the draft's project (rules 9, 10, 7)."""
    s = ctx.sentences[index]
    if _PARTNER_CUE.search(s.text):
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
        and _ANNOUNCED.search(s.text)
    ):
        draft.event_date = _day_date(ctx, s.start, s.end, s.start)
    if draft.place is None:
        lm = _LOCATED.search(s.text)
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


def _refers_to(draft: _Draft, ctx: EventDoc, index: int) -> bool:
    """Whether a follow-up sentence speaks of the draft's project: it opens with a
    determiner and the project's head noun or a generic word for its kind ("The
    laboratory", "A jointly funded laboratory", "The mission", "The work"), or "It"."""
    text = ctx.sentences[index].text
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
            return kind == draft.head_type
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
    for o in d.orgs:
        if o.name in seen or d.span[0] <= o.start < d.span[1]:
            continue
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
            or next(iter(all_countries), None)
        )
    elif kind == "research_result":
        country = next((o.country for o in orgs if o.country), None) or country
        if country is None and all_countries:
            country = all_countries[0]
    elif country is None and len(all_countries) == 1:
        country = all_countries[0]
    participants = [ProjectParticipant("country", country_name(c) or c, c) for c in countries]
    participants += [ProjectParticipant("organisation", o.name, o.country) for o in orgs]
    funding_amount = funding_currency = funding_usd = None
    if d.funding is not None:
        funding_amount, funding_currency, stated = d.funding
        year = d.event_date.year if d.event_date else (ctx.published.year if ctx.published else None)
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


def _verbs_in(ctx: EventDoc, s: Sentence, anchors: set[str]) -> list[re.Match[str]]:
    """Event verbs of sentence `s`, in order, tried only where an anchor word stands."""
    lower = ctx.lower
    found = []
    for word in anchors:
        pos = lower.find(word, s.start, s.end)
        while pos >= 0:
            end = pos + len(word)
            if (pos == 0 or not lower[pos - 1].isalnum()) and (
                end >= len(lower) or not lower[end].isalnum()
            ):
                m = _VERB_RE.match(lower, pos, s.end)
                if m is not None:
                    found.append(m)
            pos = lower.find(word, end, s.end)
    found.sort(key=lambda m: m.start())
    return found


def extract_projects(doc_id: str, doc: ParsedDocument, doc_type: str) -> list[Candidate]:
    """Project candidates a document states, in text order (see the module docstring)."""
    if not doc.text:
        return []
    ctx = event_doc(doc_id, doc, doc_type)
    drafts: list[_Draft] = []
    current: _Draft | None = None
    current_para = -1
    for i, s in enumerate(ctx.sentences):
        if s.paragraph != current_para:
            current, current_para = None, s.paragraph
        if not ctx.body[i]:
            continue
        result: _Draft | None = None
        anchors = _VERB_ANCHORS.intersection(ctx.words[i])
        if anchors:
            for m in _verbs_in(ctx, s, anchors):
                result = _read_event(ctx, i, m, current)
                if result is not None:
                    break
        if result is not None and result.head != _SAME:
            if current is not None and _same_project(result.name, current.name):
                _follow_up(ctx, current, i)
            else:
                drafts.append(result)
                current = result
        elif current is not None and (result is not None or _refers_to(current, ctx, i)):
            _follow_up(ctx, current, i)
    return [_finish(ctx, d) for d in drafts]
