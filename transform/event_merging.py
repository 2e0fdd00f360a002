"""One row from each cluster of candidates that matching decided are one fact.

Merging keeps the most complete value of each field: the name or title with the most
distinctive words (then the longest), dates and places that are stated, the union of
participants (a person's role and organisation from whichever mention states them), and
records every disagreement in `conflicts` ({field: [values...]}), so that a reader can see
where the sources differ instead of one value silently winning.

`fact_id` hashes what identifies the merged fact (type, ordinal and distinctive name words,
date, country), so it is stable across reruns; two clusters that would get the same id are
told apart by their first mention. Candidates are taken in a canonical order (document id,
offsets, content) so that nothing depends on the order documents arrive in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from transform.facts import (
    Candidate,
    FactRow,
    Meeting,
    MeetingParticipant,
    Project,
    ProjectParticipant,
)
from transform.name_words import distinctive_words
from transform.row_keys import canonical, fact_hash, one_mention_per_document

__all__ = [
    "MEETING_GROUP",
    "TYPE_GROUP",
    "fact_rows",
    "meeting_id",
    "meeting_of",
    "merge_meetings",
    "merge_projects",
    "project_id",
    "project_of",
]

# Kinds of project, and of meeting, that count as one kind: a space mission is not a
# research result, and a visit is not a committee session held during it.
TYPE_GROUP = {
    "joint_lab": "centre",
    "research_center": "centre",
    "facility": "facility",
    "space_mission": "space",
    "programme": "programme",
    "research_result": "result",
}
MEETING_GROUP = {
    "committee": "committee",
    "forum": "forum",
    "workshop": "workshop",
    "conference": "conference",
    "visit": "visit",
}


def project_of(c: Candidate) -> Project:
    assert isinstance(c.fact, Project)
    return c.fact


def meeting_of(c: Candidate) -> Meeting:
    assert isinstance(c.fact, Meeting)
    return c.fact


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


def _merge_participants_p(facts: Sequence[Project]) -> tuple[ProjectParticipant, ...]:
    out: dict[tuple[str, str], ProjectParticipant] = {}
    for f in facts:
        for p in f.participants:
            key = (p.kind, " ".join(p.name.casefold().split()))
            cur = out.get(key)
            if cur is None or (cur.country is None and p.country is not None):
                out[key] = p
    return tuple(sorted(out.values(), key=lambda p: (p.kind != "country", p.kind, p.name)))


def merge_projects(cluster: list[Candidate]) -> tuple[Project, dict[str, list[Any]]]:
    """One project from a cluster, and the fields its candidates disagree on."""
    facts = [project_of(c) for c in cluster]
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


def project_id(p: Project) -> str:
    return fact_hash(
        "project",
        " ".join(sorted(distinctive_words(p.name))) or p.name.casefold(),
        TYPE_GROUP.get(p.project_type, p.project_type),
        p.event_date.isoformat() if isinstance(p.event_date, date) else "",
        p.country or "",
    )


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


def merge_meetings(cluster: list[Candidate]) -> tuple[Meeting, dict[str, list[Any]]]:
    """One meeting from a cluster, and the fields its candidates disagree on."""
    facts = [meeting_of(c) for c in cluster]
    conflicts: dict[str, list[Any]] = {}
    titles = [f.title for f in facts]
    if len({" ".join(t.casefold().split()) for t in titles}) > 1:
        conflicts["title"] = sorted(set(titles))
    types = [f.meeting_type for f in facts]
    specific = [t for t in types if t in MEETING_GROUP]
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


def meeting_id(m: Meeting) -> str:
    return fact_hash(
        "meeting",
        " ".join(sorted(distinctive_words(m.title))) or m.title.casefold(),
        MEETING_GROUP.get(m.meeting_type, "other"),
        m.start_date.isoformat() if isinstance(m.start_date, date) else "",
        m.country or "",
    )


def fact_rows(
    fact_type: str,
    clusters: list[list[Candidate]],
    merge: Callable[[list[Candidate]], tuple[Any, dict[str, list[Any]]]],
    ident: Callable[[Any], str],
) -> list[FactRow]:
    """One row per cluster, sorted by `fact_id`; a clash of ids (two facts that state
    nothing to tell them apart) is broken by each cluster's first mention."""
    merged = [(cluster, *merge(cluster)) for cluster in clusters]
    ids = Counter(ident(fact) for _, fact, _ in merged)
    rows = []
    for cluster, fact, conflicts in merged:
        fact_id = ident(fact)
        if ids[fact_id] > 1:
            first = min(cluster, key=canonical)
            fact_id = fact_hash(fact_id, first.mention.doc_id, first.mention.char_start)
        rows.append(
            FactRow(
                fact_type=fact_type,  # type: ignore[arg-type]
                fact_id=fact_id,
                fact=fact,  # type: ignore[arg-type]
                mentions=one_mention_per_document(cluster),
                conflicts=conflicts,
            )
        )
    rows.sort(key=lambda r: r.fact_id)
    return rows
