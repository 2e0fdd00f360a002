"""One row per real-world project or meeting, from the candidates of every document.

A monthly review and the news article it summarises report the same committee meeting in
different words: "The 7th China-Sweden Joint Committee on Science and Technology
Cooperation meeting was held in Beijing" (no date) and "Sweden and China held the seventh
meeting of their joint committee ... in Beijing on 12 November". Matching decides which
candidates are one fact by what identifies a fact, never by equal text:

- *Identity* (what must not differ): the date (two meetings of one committee in different
  years are two facts), the place (city, then country), the ordinal or year in the name
  ("6th" vs "7th" committee, "Tianwen-1" vs "Tianwen-2"), and the kind of event (a visit
  and the committee session held during it are two meetings; a space mission is not a
  research result). A value missing on one side never contradicts the other.
- *Evidence of sameness* (what must be shared): the distinctive words of the name or title
  (generic words such as "joint", "laboratory", "committee", "China" do not count; ordinal
  words count as numerals), or, for two candidates of the same day, a shared participant
  country together with a shared person, place or some distinctive word.

Clustering is complete-link: a candidate joins a cluster only if it is compatible with
every member (so "A ~ B ~ C" cannot chain two different facts together) and similar to at
least one; among admissible clusters the most similar wins. Two candidates from the same
document merge only when their names agree closely (the same item stated twice), since a
document that names two similar things usually means two things.

Merging keeps the most complete value of each field: the name or title with the most
distinctive words (then the longest), dates and places that are stated, the union of
participants (a person's role and organisation from whichever mention states them), and
records every disagreement in `conflicts` ({field: [values...]}).

Determinism: candidates are put in a canonical order (document id, offsets, content)
before clustering, so the rows depend only on the set of candidates, never on the order
documents arrive in; `fact_id` hashes what identifies the merged fact (type, ordinal and
distinctive name words, date, country), so it is stable across reruns.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from transform.acronyms import expansions
from transform.facts import (
    Candidate,
    FactRow,
    Meeting,
    MeetingParticipant,
    Mention,
    Project,
    ProjectParticipant,
)
from transform.participants import countries_named

__all__ = [
    "blocking_keys",
    "distinctive_words",
    "match_meetings",
    "match_projects",
    "title_similarity",
]

_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
_STOPWORDS = frozenset(
    "a an and the of for on in at to with between by from under its their as into named called"
    " dubbed".split()
)
_GENERIC = frozenset(
    """
    joint lab labs laboratory laboratories centre center centres centers research international
    cooperation collaboration project projects programme program initiative china chinese sino
    new institute national science sciences technology technologies technological scientific
    innovation meeting meetings session sessions committee commission subcommission forum
    conference workshop symposium annual visit official delegation high-level level exchange
    dialogue bilateral fund funds
    """.split()
)
_TOKEN = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NUMBERED = re.compile(r"\d")


def _ordinal(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


@lru_cache(maxsize=4096)
def _country_compound(token: str) -> bool:
    """Whether a hyphenated word joins countries or regions ("china-sweden", "sino-german",
    "china-asean"), which are separate words for matching."""
    return any(
        countries_named(part.capitalize()) or part.upper() in ("EU", "ASEAN", "BRICS")
        for part in token.split("-")
    )


_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")


@lru_cache(maxsize=16384)
def distinctive_words(name: str | None) -> frozenset[str]:
    """The words of a name or title that tell it apart from others of its kind (cached:
    one name is compared with many)."""
    if not name:
        return frozenset()
    s = unicodedata.normalize("NFKC", name).casefold()
    s = s.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    s = re.sub(r"\bs\s*&\s*t\b", " science technology ", s)
    s = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), s)  # "U.S.-China" is "US-China"
    s = re.sub(r"\b(\d{1,3})%", lambda m: _ordinal(int(m.group(1))), s)
    out = set()
    for token in _TOKEN.findall(s):
        if token.endswith("'s"):
            token = token[:-2]
        # "China-Sweden" is two words (countries); "Queqiao-2", "lithium-ion" stay one
        parts = token.split("-") if "-" in token and _country_compound(token) else [token]
        for tok in parts:
            if tok in _ORDINAL_WORDS:
                tok = _ordinal(_ORDINAL_WORDS[tok])
            if tok and tok not in _STOPWORDS and tok not in _GENERIC:
                out.add(tok)
    return frozenset(out)


@lru_cache(maxsize=16384)
def _markers(words: frozenset[str]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(ordinals, years, other number-bearing words: model and mission numbers)."""
    ords = frozenset(t for t in words if _ORDINAL.match(t))
    years = frozenset(t for t in words if _YEAR.match(t))
    numbered = frozenset(
        t for t in words if _NUMBERED.search(t) and t not in ords and t not in years
    )
    return ords, years, numbered


def _markers_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    for ma, mb in zip(_markers(a), _markers(b), strict=True):
        if ma and mb and not (ma & mb):
            return True
    return False


def title_similarity(a: str | None, b: str | None) -> float:
    """Overlap coefficient of distinctive words; 0 when ordinals, years or numbers clash.

    A shared ordinal or year says nothing of identity ("8th Australia-China Commission",
    "8th China-UK Commission"): the overlap is of the other words; a name that is nothing
    but an ordinal or a year is similar to the very same name, and weakly to one that
    shares its ordinal."""
    ta, tb = distinctive_words(a), distinctive_words(b)
    if not ta or not tb or _markers_clash(ta, tb):
        return 0.0
    ca, cb = ta - _dated_words(ta), tb - _dated_words(tb)
    ca, cb = _spelled_out(a, ca, b, cb), _spelled_out(b, cb, a, ca)
    if not ca or not cb:
        # "8th Meeting": an ordinal alone names little; the same ordinal is a weak hint
        return 1.0 if ta == tb else (0.5 if ta & tb else 0.0)
    return len(ca & cb) / min(len(ca), len(cb))


def _spelled_out(
    a: str, words_a: frozenset[str], b: str, words_b: frozenset[str]
) -> frozenset[str]:
    """`words_a` with each acronym of `a` that spells out words of `b` ("ZGC" for
    "Zhongguancun") replaced by those words, so that the two names share them."""
    for acr, spelled in expansions(a, b).items():
        if acr in words_a and acr not in words_b and spelled & words_b:
            words_a = (words_a - {acr}) | (spelled & words_b)
    return words_a


def _dated_words(words: frozenset[str]) -> frozenset[str]:
    ords, years, _ = _markers(words)
    return ords | years


# ---------------------------------------------------------------------------------------
# Shared machinery


def _hash(*parts: object) -> str:
    key = "|".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _fact_json(fact: object) -> str:
    return json.dumps(dataclasses.asdict(fact), sort_keys=True, default=str)  # type: ignore[call-overload]


def _canonical(c: Candidate) -> tuple[str, int, int, str]:
    m = c.mention
    return (m.doc_id, m.char_start, m.char_end, _fact_json(c.fact))


def _one_mention_per_document(candidates: Iterable[Candidate]) -> tuple[Mention, ...]:
    """Each document's earliest mention, sorted by document then offset."""
    best: dict[str, Mention] = {}
    for c in candidates:
        m = c.mention
        cur = best.get(m.doc_id)
        if cur is None or (m.char_start, m.char_end) < (cur.char_start, cur.char_end):
            best[m.doc_id] = m
    return tuple(sorted(best.values(), key=lambda m: (m.doc_id, m.char_start, m.char_end)))


Blocking = tuple[list[object], list[object]]  # (keys a candidate is filed under, keys it looks up)


def _cluster(
    candidates: Sequence[Candidate],
    compatible: Callable[[Candidate, Candidate], bool],
    similarity: Callable[[Candidate, Candidate], float],
    blocking: Callable[[Candidate], Blocking],
) -> list[list[Candidate]]:
    """Complete-link greedy clustering over the canonical order (see module docstring).

    A candidate is only compared with the clusters it can join (`blocking_keys`): every pair
    that `similarity` scores above zero and `compatible` allows shares a key, so the
    clusters are exactly those of comparing with all, at a cost that grows with the
    candidates a new one can join instead of with the whole set."""
    ordered = sorted(candidates, key=_canonical)
    clusters: list[list[Candidate]] = []
    by_key: dict[object, list[int]] = {}
    for c in ordered:
        filed, looked_up = blocking(c)
        reachable = sorted({i for k in looked_up for i in by_key.get(k, ())})
        best_i, best_s = -1, 0.0
        for i in reachable:
            cluster = clusters[i]
            if not all(compatible(c, m) for m in cluster):
                continue
            s = max(similarity(c, m) for m in cluster)
            if s > best_s:
                best_i, best_s = i, s
        if best_i >= 0:
            clusters[best_i].append(c)
        else:
            best_i = len(clusters)
            clusters.append([c])
        for k in filed:
            indices = by_key.setdefault(k, [])
            if not indices or indices[-1] != best_i:
                indices.append(best_i)
    return clusters


def blocking_keys(name: str, day: date | None = None) -> Blocking:
    """Keys for a name and a date. A pair scores above zero only when it shares a
    distinctive word or the day, and is compatible only when its ordinals do not clash
    ("6th" is never "7th"). So a name is filed under (word, each ordinal), or (word, None)
    when it has none, and under (word, "*"); a name with ordinals looks up its own and the
    unnumbered ones, a name without looks up every name sharing a word."""
    words = sorted(distinctive_words(name))
    ordinals = sorted(_markers(distinctive_words(name))[0])
    filed: list[object] = [(w, "*") for w in words]
    if ordinals:
        filed += [(w, o) for w in words for o in ordinals]
        looked_up: list[object] = [(w, o) for w in words for o in (*ordinals, None)]
    else:
        filed += [(w, None) for w in words]
        looked_up = [(w, "*") for w in words]
    if day is not None:
        filed.append(("date", day))
        looked_up.append(("date", day))
    return filed, looked_up


def _meeting_keys(c: Candidate) -> Blocking:
    m = _meeting(c)
    return blocking_keys(m.title, m.start_date)


def _project_keys(c: Candidate) -> Blocking:
    p = _project(c)
    return blocking_keys(p.name, p.event_date)


def _distinct(values: Iterable[object]) -> list[object]:
    return sorted({v for v in values if v is not None}, key=lambda v: (repr(type(v)), str(v)))


def _most_common(values: Iterable[object]) -> object | None:
    present = [v for v in values if v is not None]
    if not present:
        return None
    counts = Counter(present)
    top = max(counts.values())
    return min((v for v in counts if counts[v] == top), key=lambda v: str(v))


def _richest_name(names: Iterable[str]) -> str:
    """The most complete spelling: most distinctive words, then longest, then first."""
    return min(names, key=lambda n: (-len(distinctive_words(n)), -len(n), n))


def _merge_field(values: Sequence[Any], conflicts: dict[str, list[Any]], name: str) -> Any:
    distinct = _distinct(values)
    if len(distinct) > 1:
        conflicts[name] = distinct
    return _most_common(values)


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


# ---------------------------------------------------------------------------------------
# Projects

_TYPE_GROUP = {
    "joint_lab": "centre",
    "research_center": "centre",
    "facility": "facility",
    "space_mission": "space",
    "programme": "programme",
    "research_result": "result",
}


def _project(c: Candidate) -> Project:
    assert isinstance(c.fact, Project)
    return c.fact


def _project_countries(p: Project) -> frozenset[str]:
    return frozenset(x.country for x in p.participants if x.country)


def _projects_compatible(a: Candidate, b: Candidate) -> bool:
    pa, pb = _project(a), _project(b)
    if pa.event_date and pb.event_date and pa.event_date != pb.event_date:
        return False
    if pa.city and pb.city and not _same_name(pa.city, pb.city):
        return False
    if pa.country and pb.country and pa.country != pb.country:
        return False
    ga, gb = _TYPE_GROUP.get(pa.project_type), _TYPE_GROUP.get(pb.project_type)
    if ga and gb and ga != gb:
        return False
    if _markers_clash(distinctive_words(pa.name), distinctive_words(pb.name)):
        return False
    if a.mention.doc_id == b.mention.doc_id:
        return title_similarity(pa.name, pb.name) >= 0.8
    return True


def _proper(name: str) -> bool:
    """A name with a capitalised or numbered word: a proper name, not a description."""
    return any(w[:1].isupper() or any(ch.isdigit() for ch in w) for w in name.split())


def _one_sided_marker(a: str, b: str) -> bool:
    """One name has an ordinal, year or number and the other has none ("7th China-Sweden
    Joint Committee" / "China-Sweden Joint Committee"): the names alone cannot tell."""
    ma, mb = _markers(distinctive_words(a)), _markers(distinctive_words(b))
    return any(bool(x) != bool(y) for x, y in zip(ma, mb, strict=True))


def _projects_similarity(a: Candidate, b: Candidate) -> float:
    pa, pb = _project(a), _project(b)
    sim = title_similarity(pa.name, pb.name)
    if sim < 0.8 and not (_proper(pa.name) and _proper(pb.name)):
        # descriptions ("a new lithium-ion battery") must agree closely, or on the day
        return sim if pa.event_date is not None and pa.event_date == pb.event_date else 0.0
    if sim >= 0.5 and _one_sided_marker(pa.name, pb.name):
        same_day = pa.event_date is not None and pa.event_date == pb.event_date
        return sim if same_day else 0.0
    if sim >= 0.5:
        return sim
    if (
        pa.event_date is not None
        and pa.event_date == pb.event_date
        and _project_countries(pa) & _project_countries(pb)
        and sim > 0
    ):
        return 0.5
    return 0.0


def _merge_participants_p(facts: Sequence[Project]) -> tuple[ProjectParticipant, ...]:
    out: dict[tuple[str, str], ProjectParticipant] = {}
    for f in facts:
        for p in f.participants:
            key = (p.kind, " ".join(p.name.casefold().split()))
            cur = out.get(key)
            if cur is None or (cur.country is None and p.country is not None):
                out[key] = p
    return tuple(sorted(out.values(), key=lambda p: (p.kind != "country", p.kind, p.name)))


def _merge_projects(cluster: list[Candidate]) -> tuple[Project, dict[str, list[Any]]]:
    facts = [_project(c) for c in cluster]
    conflicts: dict[str, list[Any]] = {}
    names = [f.name for f in facts]
    if len({" ".join(n.casefold().split()) for n in names}) > 1:
        conflicts["name"] = sorted(set(names))
    funding = [(f.funding_amount, f.funding_currency, f.funding_usd) for f in facts]
    funding = [x for x in funding if x[0] is not None]
    if len({(a, c) for a, c, _ in funding}) > 1:
        conflicts["funding_amount"] = sorted({f"{a:g} {c}" for a, c, _ in funding})
    chosen = min(funding, key=lambda x: (str(x[1]), -float(x[0] or 0))) if funding else None
    if chosen is not None and len(funding) > 1:
        counts = Counter((a, c) for a, c, _ in funding)
        top = max(counts.values())
        chosen = min(
            (x for x in funding if counts[(x[0], x[1])] == top),
            key=lambda x: (str(x[1]), float(x[0] or 0)),
        )
    merged = Project(
        name=_richest_name(names),
        project_type=str(_merge_field([f.project_type for f in facts], conflicts, "project_type")),
        status=str(_merge_field([f.status for f in facts], conflicts, "status")),
        event_date=_merge_field([f.event_date for f in facts], conflicts, "event_date"),  # type: ignore[arg-type]
        city=_merge_field([f.city for f in facts], conflicts, "city"),  # type: ignore[arg-type]
        country=_merge_field([f.country for f in facts], conflicts, "country"),  # type: ignore[arg-type]
        funding_amount=chosen[0] if chosen else None,
        funding_currency=chosen[1] if chosen else None,
        funding_usd=chosen[2] if chosen else None,
        participants=_merge_participants_p(facts),
    )
    return merged, conflicts


def _project_id(p: Project) -> str:
    return _hash(
        "project",
        " ".join(sorted(distinctive_words(p.name))) or p.name.casefold(),
        _TYPE_GROUP.get(p.project_type, p.project_type),
        p.event_date.isoformat() if isinstance(p.event_date, date) else "",
        p.country or "",
    )


def match_projects(candidates: Sequence[Candidate]) -> list[FactRow]:
    """Project candidates -> one row per real-world project (see the module docstring)."""
    clusters = _cluster(candidates, _projects_compatible, _projects_similarity, _project_keys)
    return _rows("project", clusters, _merge_projects, _project_id)


# ---------------------------------------------------------------------------------------
# Meetings

_MEETING_GROUP = {
    "committee": "committee",
    "forum": "forum",
    "workshop": "workshop",
    "conference": "conference",
    "visit": "visit",
}


def _meeting(c: Candidate) -> Meeting:
    assert isinstance(c.fact, Meeting)
    return c.fact


def _meeting_countries(m: Meeting) -> frozenset[str]:
    return frozenset(p.country for p in m.participants if p.country)


def _person_names(m: Meeting) -> frozenset[str]:
    return frozenset(
        " ".join(p.name.casefold().split()) for p in m.participants if p.kind == "person"
    )


def _meetings_compatible(a: Candidate, b: Candidate) -> bool:
    ma, mb = _meeting(a), _meeting(b)
    if ma.start_date and mb.start_date and ma.start_date != mb.start_date:
        return False
    if ma.city and mb.city and not _same_name(ma.city, mb.city):
        return False
    if ma.country and mb.country and ma.country != mb.country:
        return False
    ga, gb = _MEETING_GROUP.get(ma.meeting_type), _MEETING_GROUP.get(mb.meeting_type)
    if ga and gb and ga != gb:
        return False
    if (ga == "visit") != (gb == "visit"):
        return False  # a visit and a meeting held during it are two meetings
    ca, cb = _meeting_countries(ma), _meeting_countries(mb)
    if len(ca) >= 2 and len(cb) >= 2 and not (ca <= cb or cb <= ca):
        return False  # China with Australia is not China with the UK
    if _markers_clash(distinctive_words(ma.title), distinctive_words(mb.title)):
        return False
    if a.mention.doc_id == b.mention.doc_id:
        return title_similarity(ma.title, mb.title) >= 0.8
    return True


def _meetings_similarity(a: Candidate, b: Candidate) -> float:
    ma, mb = _meeting(a), _meeting(b)
    sim = title_similarity(ma.title, mb.title)
    dated = ma.start_date is not None and ma.start_date == mb.start_date
    if sim >= 0.5 and _one_sided_marker(ma.title, mb.title):
        same_city = ma.city is not None and ma.city == mb.city
        return sim if (dated or same_city) else 0.0
    if not dated and (ma.start_date is None and mb.start_date is None):
        # Neither says when: the name must agree closely, and its ordinal or place too.
        ords = _markers(distinctive_words(ma.title))[0] & _markers(distinctive_words(mb.title))[0]
        same_place = bool(ma.city and mb.city)
        if sim >= 0.8 or (sim >= 0.5 and (ords or same_place)):
            return sim
        return 0.0
    if sim >= 0.5:
        return sim
    if dated and _meeting_countries(ma) & _meeting_countries(mb):
        if sim > 0 or (_person_names(ma) & _person_names(mb)) or (ma.city and mb.city):
            return 0.5
    return 0.0


def _merge_participants_m(facts: Sequence[Meeting]) -> tuple[MeetingParticipant, ...]:
    out: dict[tuple[str, str], MeetingParticipant] = {}
    for f in facts:
        for p in f.participants:
            key = (p.kind, " ".join(p.name.casefold().split()))
            cur = out.get(key)
            if cur is None:
                out[key] = p
                continue
            out[key] = MeetingParticipant(
                kind=p.kind,
                name=cur.name,
                role=_longer(cur.role, p.role),
                organisation=_longer(cur.organisation, p.organisation),
                country=cur.country or p.country,
            )
    order = {"country": 0, "organisation": 1, "person": 2}
    return tuple(sorted(out.values(), key=lambda p: (order.get(p.kind, 3), p.name)))


def _longer(a: str | None, b: str | None) -> str | None:
    if not a:
        return b
    if not b:
        return a
    return a if (len(a), a) >= (len(b), b) else b


def _merge_meetings(cluster: list[Candidate]) -> tuple[Meeting, dict[str, list[Any]]]:
    facts = [_meeting(c) for c in cluster]
    conflicts: dict[str, list[Any]] = {}
    titles = [f.title for f in facts]
    if len({" ".join(t.casefold().split()) for t in titles}) > 1:
        conflicts["title"] = sorted(set(titles))
    types = [f.meeting_type for f in facts]
    specific = [t for t in types if t in _MEETING_GROUP]
    meeting_type = _merge_field(specific or types, conflicts, "meeting_type")
    start = _merge_field([f.start_date for f in facts], conflicts, "start_date")
    # the end of the longest stated range: "6-8 November" beats "on 6 November"
    ends = [f.end_date for f in facts if f.end_date is not None]
    if len(set(ends)) > 1:
        conflicts["end_date"] = _distinct(ends)
    end = max(ends) if ends else None
    summaries = [f.summary for f in facts if f.summary]
    merged = Meeting(
        title=_richest_name(titles),
        meeting_type=str(meeting_type),
        start_date=start,  # type: ignore[arg-type]
        end_date=end if start is not None else None,
        city=_merge_field([f.city for f in facts], conflicts, "city"),  # type: ignore[arg-type]
        country=_merge_field([f.country for f in facts], conflicts, "country"),  # type: ignore[arg-type]
        summary=min(summaries, key=lambda s: (-len(s), s)) if summaries else None,
        participants=_merge_participants_m(facts),
    )
    return merged, conflicts


def _meeting_id(m: Meeting) -> str:
    return _hash(
        "meeting",
        " ".join(sorted(distinctive_words(m.title))) or m.title.casefold(),
        _MEETING_GROUP.get(m.meeting_type, "other"),
        m.start_date.isoformat() if isinstance(m.start_date, date) else "",
        m.country or "",
    )


def match_meetings(candidates: Sequence[Candidate]) -> list[FactRow]:
    """Meeting candidates -> one row per real-world meeting (see the module docstring)."""
    clusters = _cluster(candidates, _meetings_compatible, _meetings_similarity, _meeting_keys)
    return _rows("meeting", clusters, _merge_meetings, _meeting_id)


def _rows(
    fact_type: str,
    clusters: list[list[Candidate]],
    merge: Callable[[list[Candidate]], tuple[Any, dict[str, list[Any]]]],
    ident: Callable[[Any], str],
) -> list[FactRow]:
    merged = [(cluster, *merge(cluster)) for cluster in clusters]
    ids = Counter(ident(fact) for _, fact, _ in merged)
    rows = []
    for cluster, fact, conflicts in merged:
        fact_id = ident(fact)
        if ids[fact_id] > 1:
            first = min(cluster, key=_canonical)
            fact_id = _hash(fact_id, first.mention.doc_id, first.mention.char_start)
        rows.append(
            FactRow(
                fact_type=fact_type,  # type: ignore[arg-type]
                fact_id=fact_id,
                fact=fact,  # type: ignore[arg-type]
                mentions=_one_mention_per_document(cluster),
                conflicts=conflicts,
            )
        )
    rows.sort(key=lambda r: r.fact_id)
    return rows
