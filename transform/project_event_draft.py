"""The project an event sentence reports, put together once `project_events` has read its
verb, its noun phrase and its name: the spans the sentence attaches to it (place, date,
countries, organisations, funding, launch site) are read here, from where the reading
placed the project, so that reading the verb stays apart from attaching what surrounds it."""

from __future__ import annotations

from transform import project_rules as rules
from transform.event_context import EventDoc
from transform.project_attach import (
    Draft,
    countries_of_sentence,
    funding_of,
    orgs_of_sentence,
)
from transform.project_clauses import Verb, clause_end_of
from transform.project_names import status_of
from transform.project_setting import event_day, event_place

__all__ = ["event_draft"]


def event_draft(
    ctx: EventDoc,
    index: int,
    m: Verb,
    *,
    name: str,
    typed: tuple[str, str],
    named: bool,
    verb_status: str,
    future: bool,
    span: tuple[int, int],
    clause_start: int,
    subject_span: tuple[int, int],
    agreement: bool,
    agreed: bool,
    items: list[str],
    description: str | None,
) -> Draft:
    """The reading of event verb `m` in body sentence `index` naming the project at `span`.
    An agreement's project is placed and its clause ended after the agreement's words, for
    where an agreement was signed ("signed in Munich") is not where its project is; a plan
    still to come has no date of its own yet."""
    s = ctx.sentences[index]
    text = ctx.text
    ns, ne = span
    head, kind = typed
    clause_end = clause_end_of(text, ne if agreement else m.end, s.end)
    place_from = ne if agreement or agreed else clause_start
    place = event_place(ctx, s, place_from, clause_end, ns, ne)
    event_date = (
        None
        if future
        else event_day(ctx, index, clause_start, clause_end, m.end, kind, verb_status)
    )
    info = ctx.analysis(s)
    orgs = orgs_of_sentence(ctx, info, s.start, s.end, (ns, ne))
    site = next(
        (o.country for o in info.orgs if rules.LAUNCH_SITE.search(o.name) and o.country), None
    )
    return Draft(
        sentence=index,
        name=name,
        head_type=kind,
        status=status_of(verb_status, future, kind, m.word),
        event_date=event_date,
        place=place,
        named=named,
        countries=countries_of_sentence(ctx, info, s.start, s.end),
        orgs=orgs,
        funding=funding_of(ctx, s.start, s.end),
        span=(ns, ne),
        head=head,
        subject_orgs=[o for o in orgs if subject_span[0] <= o.start < subject_span[1]],
        subject_countries=[
            c.iso3 for c in ctx.countries_in(subject_span[0], subject_span[1], info)
        ],
        launch_site_country=site,
        items=[x for x in items if x] if len(items) > 1 else [],
        description=description,
    )
