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

from extract.documents import ParsedDocument
from transform.countries import find_countries
from transform.event_context import PROJECT_WORDS, Analysis, EventDoc, event_doc
from transform.facts import Candidate, Mention, Project, ProjectParticipant
from transform.fx import to_usd
from transform.money import parse_amounts
from transform.organisations import curated_organisations
from transform.participants import Org
from transform.places import Place, read_place

__all__ = ["extract_projects", "project_type_of", "PROJECT_HEADS"]

_I = re.IGNORECASE

# Event verbs -> status. Order matters: phrasal forms first.
_VERBS: tuple[tuple[str, str], ...] = (
    (r"start(?:ed|s|ing)?\s+(?:commercial\s+|full\s+|trial\s+|formal\s+)?operations?", "started_operations"),
    (r"beg(?:an|un|ins?)\s+(?:commercial\s+|full\s+|trial\s+)?operations?", "started_operations"),
    (r"(?:was|were|been|is|are)\s+put\s+into\s+(?:commercial\s+|full\s+|trial\s+)?(?:operation|service|use)", "started_operations"),
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
# Run over the lower-cased text (same offsets): a case-sensitive alternation is several
# times faster than a case-insensitive one.
_VERB_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<v{i}>{p})" for i, (p, _) in enumerate(_VERBS)) + r")\b"
)
_INTRANSITIVE = frozenset({"started_operations"})

_AUX_BEFORE = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|been|be|being|got)\s+"
    r"(?:(?:\w+ly|jointly|also|now|just|recently|finally|officially|formally|successfully)\s+){0,2}$",
    _I,
)
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|shall|would|plans?\s+to|planned\s+to|planning\s+to|(?:is|are)\s+(?:set|scheduled"
    r"|expected|due|going|slated)\s+to|intends?\s+to|aims?\s+to|(?:is|are)\s+to|agreed\s+to"
    r"|decided\s+to|prepar\w+\s+to|to\s+be)\s+(?:(?:\w+ly|jointly|also|soon)\s+){0,2}(?:be\s+)?$",
    _I,
)
_INTENTION_BEFORE = re.compile(
    r"\b(?:encourag\w+|urg\w+|call(?:s|ed)?\s+for|vow\w*\s+to|pledg\w+\s+to|seek\w*\s+to"
    r"|strive\w*\s+to|hop\w+\s+to|continue\s+to|promot\w+|support\w*|facilitat\w+|help\w*\s+to"
    r"|would\s+continue\s+to|towards|path\s+to|process\s+of|importance\s+of|need\s+to"
    r"|efforts?\s+to|ways?\s+to|order\s+to)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    _I,
)
_HAVE_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:(?:\w+ly|jointly|also|now|just|recently)\s+){0,2}$", _I)
_RELATIVE_BEFORE = re.compile(
    r"(?:,\s*|\s)(?:which|that|who|where|when)\s+(?:[\w'’-]+\s+){0,4}$|\bwhere\s+they\s+(?:\w+\s+){0,2}$",
    _I,
)
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
_SOURCE_BEFORE = re.compile(
    r"\b(?:according\s+to|said|says|told|reported|certified\s+by|verified\s+by|cited|quoted"
    r"|interest\s+(?:for|in)|compared\s+(?:to|with)|unlike|than)\b[^.;]{0,80}$",
    _I,
)
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
_ANAPHOR_START = re.compile(
    r"^(?:(?:The|This|That|Its|A|An)\s+(?:[\w-]+\s+){0,3}?(?P<h>[\w-]+)\b|It\b|They\b|Both\b)"
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
    funding: tuple[float, str] | None = None
    span: tuple[int, int] = (0, 0)
    head: str = ""
    subject_orgs: list[Org] = field(default_factory=list)
    subject_countries: list[str] = field(default_factory=list)


def project_type_of(name: str, appos: str | None = None) -> tuple[str, str] | None:
    """(head word, type key) of a project noun phrase; type key "lab" is decided later.

    The head is the last project noun before the name's complements ("laboratory" in
    "Joint laboratory of Pharmaceutical Biotechnology"); an apposition ("an optical chip")
    decides for a bare name ("Taichi-II").
    """
    for text in (name, appos or ""):
        if not text:
            continue
        core = re.split(r"\s(?:of|for|on|in|called|named|dubbed|known\s+as|based|between|with|to)\s", text, maxsplit=1)[0]
        found: list[tuple[int, str, str]] = []
        for scope in (core, text):
            for pattern, kind in _HEAD_RES:
                for m in pattern.finditer(scope):
                    found.append((m.end(), m.group(0).lower(), kind))
            if found:
                break
        if found:
            found.sort()
            end, head, kind = found[-1]
            # "power plant" / "data centre" beat their last word
            same_end = [f for f in found if f[0] == end]
            head, kind = same_end[0][1], same_end[0][2]
            return head, kind
        if _SPACE_NAMES.search(text):
            return "mission", "space_mission"
    if _SPACE_NAMES.search(name):
        return "mission", "space_mission"
    return None


def _is_named(np: str) -> bool:
    """A proper name: a capitalised word after the first, a digit in a word, or quotes."""
    words = np.split()
    if any(ch in np for ch in "‘’“”\"'") and re.search(r"[‘“\"']\w", np):
        return True
    for i, w in enumerate(words):
        if re.search(r"[A-Za-z]-?\d|\d-?[A-Za-z]", w):
            return True
        if i > 0 and w[:1].isupper() and w.lower() not in ("of", "the"):
            return True
    return len(words) == 1 and words[0][:1].isupper()


def _clean_name(np: str) -> str:
    name = np.strip(" ,;:'\"")
    name = _DETERMINER.sub("", name, count=1)
    name = re.sub(r"\s*\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)$", "", name)
    name = re.sub(r"^(?:successfully|jointly|officially|formally)\s+", "", name, flags=_I)
    return name.strip(" ,;:")


def _np_after(text: str, pos: int, limit: int) -> tuple[int, int]:
    """The noun phrase starting at `pos` (object of an active verb): (start, end)."""
    m = re.match(r"\s*(?:(?:successfully|jointly|officially|formally|also)\s+)*", text[pos:limit])
    s = pos + (m.end() if m else 0)
    # Brackets directly after a name ("Einstein Probe (EP)") are part of it.
    seg = text[s:limit]
    protected = re.sub(r"\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)", lambda x: "_" * len(x.group(0)), seg)
    protected = re.sub(r"\b(?:\d+\.\d+)\b", lambda x: "0" * len(x.group(0)), protected)
    b = _NP_BOUNDARY.search(protected)
    e = s + (b.start() if b else len(seg))
    # "named 'Luke'": keep the name the thing is called by
    return s, e


def _np_before(
    text: str, clause_start: int, pos: int, last_chunk: bool = False
) -> tuple[int, int]:
    """The subject noun phrase ending before `pos` (passive or intransitive verb).

    A passive verb's subject is the phrase right before it ("..., two reports, X and Y,
    were released": not the organisations listed first); an intransitive verb's is the
    first phrase, before any apposition ("The plant, located in ..., started operations").
    """
    seg = text[clause_start:pos]
    lead = _LEAD_ADVERBIAL.match(seg)
    s = clause_start + (lead.end() if lead else 0)
    seg = text[s:pos]
    if last_chunk:
        protected = re.sub(r"\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)", lambda x: "_" * len(x.group(0)), seg)
        k = protected.rstrip(" ,").rfind(", ")
        if k >= 0:
            s = s + k + 2
            seg = text[s:pos]
    protected = re.sub(r"\(\s*[A-Z][A-Za-z&.\-]{1,11}\s*\)", lambda x: "_" * len(x.group(0)), seg)
    cut = re.search(r",|\s(?:between|located|which|that|who|of\s+(?:US|U\.S\.|\$|USD|RMB|EUR))\b", protected)
    e = s + (cut.start() if cut else len(seg))
    e = s + len(text[s:e].rstrip())
    aux = _AUX_BEFORE.search(text[s:e] + " ")
    if aux:
        e = s + aux.start()
    return s, len(text[:e].rstrip())


def _clause_start(text: str, s_start: int, pos: int) -> int:
    """Start of the clause the verb at `pos` belongs to (after "; " or a leading "In ..., ")."""
    seg = text[s_start:pos]
    k = max(seg.rfind("; "), seg.rfind(" – "), seg.rfind(" — "))
    return s_start + k + 2 if k >= 0 else s_start


def _clause_end(text: str, pos: int, s_end: int) -> int:
    m = re.search(
        r";|,\s+(?:which|who|where|while|whereas|and\s+(?:will|has|is|the\s+\w+\s+will))\b"
        r"|\s+to\s+(?!the\b|a\b|an\b)[a-z]+\b|\s(?:which|who|where|while)\b",
        text[pos:s_end],
    )
    return pos + m.start() if m else s_end


def _expand_acronym(ctx: EventDoc, name: str) -> str:
    """"CPJRC" -> the document's definition; "CSSP China" -> the curated name."""
    key = name.strip()
    if key in ctx.learned:
        return ctx.learned[key]
    for org in curated_organisations():
        if org.acronym and org.acronym == key:
            return org.name
    return name


def _status_of(verb_key: str, future: bool, kind: str) -> str:
    if future:
        return "planned"
    if kind == "research_result" and verb_key in ("established",):
        return "developed"
    if verb_key == "developed" and kind in ("facility",):
        return "completed"
    return verb_key


def _day_date(ctx: EventDoc, start: int, end: int, near: int) -> date | None:
    """The day-granularity date in `text[start:end]` nearest to `near` (weekdays too)."""
    cands: list[tuple[int, date]] = []
    for d in ctx.dates_in(start, end):
        if d.granularity != "day" or d.is_range:
            continue
        before = ctx.text[max(start, d.start - 25) : d.start]
        if re.search(r"\b(?:since|reached\s+in|until|by|before|compared\s+(?:to|with))\s+$", before, _I):
            continue
        cands.append((abs(d.start - near), d.start_date))
    for w in ctx.weekdays_in(start, end):
        cands.append((abs(w.start - near), w.day))
    if not cands:
        return None
    return min(cands)[1]


def _funding(ctx: EventDoc, start: int, end: int) -> tuple[float, str] | None:
    text = ctx.text[start:end]
    for amt in parse_amounts(text):
        window = text[max(0, amt.start - 60) : amt.span_end + 40]
        if _FUNDING_CUE.search(window) and not re.search(
            r"\b(?:trade|exports?|imports?|bonds?|GDP|deficit|revenue|sales)\b", window, _I
        ):
            return amt.value, amt.currency
    return None


def _countries_of_sentence(ctx: EventDoc, para: Analysis, start: int, end: int) -> list[str]:
    """Countries the sentence names, outside sources and comparisons. A country inside an
    organisation's name counts only when the organisation has no country of its own
    ("China-Pakistan Joint Research Centre"); otherwise the organisation speaks for it
    ("Hong Kong Institute ... of the Chinese Academy of Sciences" is HKG, not CHN)."""
    out: list[str] = []
    orgs = ctx.orgs_in(start, end, para)
    for c in ctx.countries_in(start, end, para):
        if any(o.start <= c.start < o.end and o.country is not None for o in orgs):
            continue
        before = ctx.text[max(start, c.start - 90) : c.start]
        if _SOURCE_BEFORE.search(before):
            continue
        if c.iso3 not in out:
            out.append(c.iso3)
    return out


def _orgs_of_sentence(
    ctx: EventDoc, para: Analysis, start: int, end: int, exclude: tuple[int, int]
) -> list[Org]:
    out = []
    for o in ctx.orgs_in(start, end, para):
        if exclude[0] <= o.start < exclude[1] or o.start <= exclude[0] < o.end:
            continue
        before = ctx.text[max(start, o.start - 90) : o.start]
        if _SOURCE_BEFORE.search(before):
            continue
        if o.kind in ("media", "legislature", "advisory", "party"):
            continue
        out.append(o)
    return out


def _partner_orgs(ctx: EventDoc, para: Analysis, start: int, end: int) -> tuple[list[Org], list[str]]:
    """Organisations and countries a follow-up sentence introduces as builders, funders or
    partners ("set up by ...", "in collaboration with ...", "from the CAS")."""
    orgs: list[Org] = []
    countries: list[str] = []
    for m in _PARTNER_CUE.finditer(ctx.text, start, end):
        stop = re.search(r"[.;]\s|\s(?:which|who|to\s+[a-z]+|and\s+will|after|certified)\b", ctx.text[m.end() : end])
        list_end = m.end() + (stop.start() if stop else end - m.end())
        for o in ctx.orgs_in(m.end(), list_end, para):
            if o not in orgs:
                orgs.append(o)
        for c in ctx.countries_in(m.end(), list_end, para):
            if not any(o.start <= c.start < o.end for o in ctx.orgs_in(m.end(), list_end, para)):
                if c.iso3 not in countries:
                    countries.append(c.iso3)
    return orgs, countries


def _read_event(ctx: EventDoc, index: int, m: re.Match[str], current: _Draft | None) -> _Draft | None:
    """Rules 2-9 for one event verb in body sentence `index`."""
    s = ctx.sentences[index]
    text = ctx.text
    verb_key = next(_VERBS[i][1] for i in range(len(_VERBS)) if m.group(f"v{i}") is not None)
    vs, ve = m.start(), m.end()
    word = m.group(0).lower()
    before = text[s.start : vs]
    if word in ("found",):
        return None
    if verb_key == "launched" and re.match(r"\s+(?:a|an|the)?\s*(?:call|appeal|investigation|probe\s+into|campaign\s+against|attack)", text[ve : ve + 30], _I):
        return None
    clause_start = _clause_start(text, s.start, vs)
    # "$"-anchored patterns only ever need the last words before the verb.
    tail = text[max(s.start, vs - 120) : vs]
    passive = _AUX_BEFORE.search(tail) is not None
    future = _FUTURE_BEFORE.search(tail) is not None
    gerund = word.endswith("ing")
    if _INTENTION_BEFORE.search(tail):
        return None
    if gerund:
        pre = text[clause_start:vs].strip()
        lead = _LEAD_ADVERBIAL.match(text[clause_start:vs])
        at_start = (lead.end() if lead else 0) == len(text[clause_start:vs])
        by_means = tail.rstrip().endswith((" by", "By")) or tail.endswith("by ")
        if at_start:
            future = True  # "Launching an AI Plus initiative promises to ..."
        elif not by_means:
            return None
        del pre
    # A past participle without an auxiliary modifies a noun: a recall, not the event.
    if (
        not passive
        and not future
        and not gerund
        and verb_key not in _INTRANSITIVE
        and word.endswith(("ed", "built", "set up"))
    ):
        prev = before.rstrip()
        has_subject = bool(prev) and not prev.endswith((",", "(", "“", '"'))
        if _HAVE_BEFORE.search(tail):
            has_subject = True
        if not has_subject and not _LEAD_ADVERBIAL.match(before):
            return None
        # "the draft budget report released by": participle after a noun phrase, no subject verb
        if re.search(r"\b(?:report|plan|budget|communiqu[eé]|paper|data|list|document)s?\s*$", prev, _I):
            return None
    appos: str | None = None
    subject_span = (clause_start, vs)
    object_np: tuple[int, int] | None = None
    if passive or verb_key in _INTRANSITIVE:
        ns, ne = _np_before(text, clause_start, vs, last_chunk=passive)
        if ne <= ns:
            return None
        object_np = (ns, ne)
        subject_span = (ns, ns)
        first = text[ns:ne].split()[0].lower() if text[ns:ne].split() else ""
        if first in _RELATIVE_WORDS:
            return None
    else:
        if _RELATIVE_BEFORE.search(tail) and not future:
            return None
        # "X, which the government will establish": the object is the antecedent
        rel_future = _REL_FUTURE.search(before)
        os_, oe = _np_after(text, ve, s.end)
        if rel_future and future:
            # "the new X Institute, which the government will establish later this year"
            head = text[s.start : s.start + rel_future.start()]
            k = max(head.rfind(" for "), head.rfind(" of "), head.rfind(" to "), head.rfind(", "))
            os_, oe = (s.start + k + (2 if head[k : k + 2] == ", " else 4), s.start + rel_future.start())
        if oe <= os_:
            return None
        object_np = (os_, oe)
        # apposition after the object: "Taichi-II, an optical chip for ..."
        am = re.match(r",\s+((?:a|an|its|the|their)\s+[^,;.]{3,120})", text[oe : s.end])
        if am:
            appos = am.group(1)
        # "pioneered a global first by completing a QKD experiment"
        if not PROJECT_HEADS.search(text[os_:oe]) and not _is_named(_clean_name(text[os_:oe])):
            by = re.match(r"\s*by\s+", text[oe : s.end])
            if by:
                return None  # the gerund after "by" is read on its own
    assert object_np is not None
    ns, ne = object_np
    raw = text[ns:ne]
    raw_clean = _clean_name(raw)
    if not raw_clean:
        return None
    if _QUANTIFIER.match(raw_clean) or _QUANTIFIER.match(raw.strip()):
        return None
    name = raw_clean
    called = _NAMED_CALLED.search(name)
    expanded = _expand_acronym(ctx, name)
    named = _is_named(name) or expanded != name
    name = expanded
    typed = project_type_of(name, appos)
    if typed is None:
        return None
    head, kind = typed
    core = re.split(r"\s(?:of|for|on|called|named|dubbed|based)\s", name, maxsplit=1)[0]
    if _NOT_PROJECT.search(core) and not PROJECT_HEADS.search(core.split()[-1] if core.split() else ""):
        return None
    if re.search(r"\b" + re.escape(head) + r"s\b", core, _I) and not head.endswith("s"):
        return None  # a plural head: several things, not one project
    if head.endswith("ies") or (head.endswith("s") and head not in ("satellites",) and not head.endswith("ss")):
        if head not in ("qubits",):
            return None
    definite = re.match(r"(?:the|this|that|its|their)\s", raw.strip(), _I) is not None
    if not named:
        if definite and not called:
            # "the laboratory": the current project again (rule 4)
            if current is not None:
                return _Draft(index, current.name, current.head_type, current.status, None, None, False, head="__same__")
            return None
        if future:
            return None  # unnamed plans are general intentions
        if not re.match(r"(?:a|an)\s", raw.strip(), _I) and not called:
            return None
    if current is not None and not named and head == current.head:
        return _Draft(index, current.name, current.head_type, current.status, None, None, False, head="__same__")
    clause_end = _clause_end(text, ve, s.end)
    status = _status_of(verb_key, future, kind)
    event_date = None if future else _day_date(ctx, clause_start, clause_end, ve)
    place = None
    for p in ctx.places_in(clause_start, clause_end):
        if ns <= p.start < ne:
            continue
        place = p
        break
    if place is None:
        lm = re.search(r"\b(?:located|based|sited|situated)\s+in\s+", text[s.start : s.end])
        if lm:
            place = read_place(text, s.start + lm.end(), s.end)
    para = ctx.analysis(s)
    countries = _countries_of_sentence(ctx, para, s.start, s.end)
    orgs = _orgs_of_sentence(ctx, para, s.start, s.end, (ns, ne))
    subject_orgs = [o for o in orgs if subject_span[0] <= o.start < subject_span[1]]
    subject_countries = [
        c.iso3 for c in ctx.countries_in(subject_span[0], subject_span[1], para)
    ]
    d = _Draft(
        sentence=index,
        name=name,
        head_type=kind,
        status=status,
        event_date=event_date,
        place=place,
        named=named,
        countries=countries,
        orgs=orgs,
        span=(ns, ne),
        head=head,
        subject_orgs=subject_orgs,
        subject_countries=subject_countries,
    )
    d.funding = _funding(ctx, s.start, s.end)
    return d


def _same_project(a: str, b: str) -> bool:
    ta = {t.lower() for t in re.findall(r"[\w'-]+", a)} - {"the", "of", "for", "and", "a", "an"}
    tb = {t.lower() for t in re.findall(r"[\w'-]+", b)} - {"the", "of", "for", "and", "a", "an"}
    if not ta or not tb:
        return False
    return len(ta & tb) / min(len(ta), len(tb)) >= 0.6


def _follow_up(ctx: EventDoc, draft: _Draft, index: int) -> None:
    """Add what a follow-up sentence says about the draft's project (rule 9, 10, 7)."""
    s = ctx.sentences[index]
    para = ctx.analysis(s)
    orgs, countries = _partner_orgs(ctx, para, s.start, s.end)
    for o in orgs:
        if o.name != draft.name and not _same_project(o.name, draft.name):
            draft.orgs.append(o)
    draft.countries.extend(c for c in countries if c not in draft.countries)
    if draft.funding is None:
        draft.funding = _funding(ctx, s.start, s.end)
    if draft.event_date is None and draft.head_type == "research_result" and draft.status != "planned":
        if _ANNOUNCED.search(s.text):
            draft.event_date = _day_date(ctx, s.start, s.end, s.start)
    if draft.place is None:
        lm = re.search(r"\b(?:located|based|sited|situated)\s+in\s+", s.text)
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
    text = text[lead.end() :] if lead else text
    if re.match(r"(?:It|Its)\b", text):
        return True
    m = re.match(r"(?:The|This|That|A|An)\s+((?:[\w-]+\s+){0,4}[\w-]+)", text)
    if m is None:
        return False
    words = [w.lower().strip(",") for w in m.group(1).split()]
    for w in words:
        if w == draft.head or w.rstrip("s") == draft.head:
            return True
        kind = _GENERIC_HEADS.get(w)
        if kind is not None:
            return kind == draft.head_type
    return False


def _finish(ctx: EventDoc, d: _Draft) -> Candidate:
    s = ctx.sentences[d.sentence]
    # Participants: countries, then organisations (the project itself excluded).
    name_countries = [c.iso3 for c in find_countries(d.name)]
    countries: list[str] = []
    for c in [*name_countries, *d.countries]:
        if c not in countries:
            countries.append(c)
    orgs: list[Org] = []
    seen: set[str] = set()
    for o in d.orgs:
        if o.name in seen or _same_project(o.name, d.name) and o.start >= d.span[0] - 1 and o.end <= d.span[1] + 12:
            continue
        if d.span[0] <= o.start < d.span[1]:
            continue
        seen.add(o.name)
        orgs.append(o)
    org_countries = [o.country for o in orgs if o.country]
    all_countries = list(dict.fromkeys([*countries, *org_countries]))
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
            or (d.place.country if d.place else None)
            or next(iter(all_countries), None)
        )
    elif kind == "research_result":
        country = next((o.country for o in orgs if o.country), None) or country or (
            all_countries[0] if all_countries else None
        )
    elif country is None and len(set(all_countries)) == 1:
        country = all_countries[0]
    participants: list[ProjectParticipant] = []
    for c in countries:
        from transform.countries import country_name

        participants.append(ProjectParticipant("country", country_name(c) or c, c))
    for o in orgs:
        participants.append(ProjectParticipant("organisation", o.name, o.country))
    funding_amount = funding_currency = None
    funding_usd = None
    if d.funding is not None:
        funding_amount, funding_currency = d.funding
        year = d.event_date.year if d.event_date else (ctx.published.year if ctx.published else None)
        funding_usd = to_usd(funding_amount, funding_currency, year)
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
        if not PROJECT_WORDS.isdisjoint(ctx.words[i]):
            for m in _VERB_RE.finditer(ctx.lower, s.start, s.end):
                result = _read_event(ctx, i, m, current)
                if result is not None:
                    break
        if result is not None and result.head != "__same__":
            if current is not None and _same_project(result.name, current.name):
                _follow_up(ctx, current, i)
            else:
                drafts.append(result)
                current = result
        elif current is not None and i > current.sentence:
            if result is not None or _refers_to(current, ctx, i):
                _follow_up(ctx, current, i)
    return [_finish(ctx, d) for d in drafts]
