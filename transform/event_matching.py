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

Merging a cluster into one row (the most complete value of each field, every disagreement
kept in `conflicts`, a `fact_id` stable across reruns) is `event_merging`; the distinctive
words of a name, and the ordinals, years and numbers among them, are `name_words`.

Determinism: candidates are put in a canonical order (document id, offsets, content)
before clustering, so the rows depend only on the set of candidates, never on the order
documents arrive in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from transform.event_merging import (
    MEETING_GROUP,
    TYPE_GROUP,
    fact_rows,
    meeting_id,
    meeting_of,
    merge_meetings,
    merge_projects,
    project_id,
    project_of,
)
from transform.facts import Candidate, FactRow, Meeting, Project
from transform.name_words import (
    dated_words,
    distinctive_words,
    markers,
    markers_clash,
    one_sided_marker,
    spelled_out,
)
from transform.row_keys import canonical

__all__ = [
    "blocking_keys",
    "match_meetings",
    "match_projects",
    "title_similarity",
]


def title_similarity(a: str | None, b: str | None) -> float:
    """Overlap coefficient of distinctive words; 0 when ordinals, years or numbers clash.

    A shared ordinal or year says nothing of identity ("8th Australia-China Commission",
    "8th China-UK Commission"): the overlap is of the other words; a name that is nothing
    but an ordinal or a year is similar to the very same name, and weakly to one that
    shares its ordinal."""
    ta, tb = distinctive_words(a), distinctive_words(b)
    if not a or not b or not ta or not tb or markers_clash(ta, tb):
        return 0.0
    ca, cb = ta - dated_words(ta), tb - dated_words(tb)
    ca, cb = spelled_out(a, ca, b, cb), spelled_out(b, cb, a, ca)
    if not ca or not cb:
        # "8th Meeting": an ordinal alone names little; the same ordinal is a weak hint
        return 1.0 if ta == tb else (0.5 if ta & tb else 0.0)
    return len(ca & cb) / min(len(ca), len(cb))


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
    ordered = sorted(candidates, key=canonical)
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
    ordinals = sorted(markers(distinctive_words(name))[0])
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
    m = meeting_of(c)
    return blocking_keys(m.title, m.start_date)


def _project_keys(c: Candidate) -> Blocking:
    p = project_of(c)
    return blocking_keys(p.name, p.event_date)


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


# ---------------------------------------------------------------------------------------
# Projects


def _project_countries(p: Project) -> frozenset[str]:
    return frozenset(x.country for x in p.participants if x.country)


def _projects_compatible(a: Candidate, b: Candidate) -> bool:
    pa, pb = project_of(a), project_of(b)
    if pa.event_date and pb.event_date and pa.event_date != pb.event_date:
        return False
    if pa.city and pb.city and not _same_name(pa.city, pb.city):
        return False
    if pa.country and pb.country and pa.country != pb.country:
        return False
    ga, gb = TYPE_GROUP.get(pa.project_type), TYPE_GROUP.get(pb.project_type)
    if ga and gb and ga != gb:
        return False
    if markers_clash(distinctive_words(pa.name), distinctive_words(pb.name)):
        return False
    if a.mention.doc_id == b.mention.doc_id:
        return title_similarity(pa.name, pb.name) >= 0.8
    return True


def _proper(name: str) -> bool:
    """A name with a capitalised or numbered word: a proper name, not a description."""
    return any(w[:1].isupper() or any(ch.isdigit() for ch in w) for w in name.split())


def _projects_similarity(a: Candidate, b: Candidate) -> float:
    pa, pb = project_of(a), project_of(b)
    sim = title_similarity(pa.name, pb.name)
    if sim < 0.8 and not (_proper(pa.name) and _proper(pb.name)):
        # descriptions ("a new lithium-ion battery") must agree closely, or on the day
        return sim if pa.event_date is not None and pa.event_date == pb.event_date else 0.0
    if sim >= 0.5 and one_sided_marker(pa.name, pb.name):
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


def match_projects(candidates: Sequence[Candidate]) -> list[FactRow]:
    """Project candidates -> one row per real-world project (see the module docstring)."""
    clusters = _cluster(candidates, _projects_compatible, _projects_similarity, _project_keys)
    return fact_rows("project", clusters, merge_projects, project_id)


# ---------------------------------------------------------------------------------------
# Meetings


def _meeting_countries(m: Meeting) -> frozenset[str]:
    return frozenset(p.country for p in m.participants if p.country)


def _person_names(m: Meeting) -> frozenset[str]:
    return frozenset(
        " ".join(p.name.casefold().split()) for p in m.participants if p.kind == "person"
    )


def _meetings_compatible(a: Candidate, b: Candidate) -> bool:
    ma, mb = meeting_of(a), meeting_of(b)
    if ma.start_date and mb.start_date and ma.start_date != mb.start_date:
        return False
    if ma.city and mb.city and not _same_name(ma.city, mb.city):
        return False
    if ma.country and mb.country and ma.country != mb.country:
        return False
    ga, gb = MEETING_GROUP.get(ma.meeting_type), MEETING_GROUP.get(mb.meeting_type)
    if ga and gb and ga != gb:
        return False
    if (ga == "visit") != (gb == "visit"):
        return False  # a visit and a meeting held during it are two meetings
    ca, cb = _meeting_countries(ma), _meeting_countries(mb)
    if len(ca) >= 2 and len(cb) >= 2 and not (ca <= cb or cb <= ca):
        return False  # China with Australia is not China with the UK
    if markers_clash(distinctive_words(ma.title), distinctive_words(mb.title)):
        return False
    if a.mention.doc_id == b.mention.doc_id:
        return title_similarity(ma.title, mb.title) >= 0.8
    return True


def _meetings_similarity(a: Candidate, b: Candidate) -> float:
    ma, mb = meeting_of(a), meeting_of(b)
    sim = title_similarity(ma.title, mb.title)
    dated = ma.start_date is not None and ma.start_date == mb.start_date
    if sim >= 0.5 and one_sided_marker(ma.title, mb.title):
        same_city = ma.city is not None and ma.city == mb.city
        return sim if (dated or same_city) else 0.0
    if not dated and (ma.start_date is None and mb.start_date is None):
        # Neither says when: the name must agree closely, and its ordinal or place too.
        ords = markers(distinctive_words(ma.title))[0] & markers(distinctive_words(mb.title))[0]
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


def match_meetings(candidates: Sequence[Candidate]) -> list[FactRow]:
    """Meeting candidates -> one row per real-world meeting (see the module docstring)."""
    clusters = _cluster(candidates, _meetings_compatible, _meetings_similarity, _meeting_keys)
    return fact_rows("meeting", clusters, merge_meetings, meeting_id)
