"""The PROJECT extractor on kinds of sentences news pages use that an extractor fitted to
one set of pages tends to get wrong: an opening adverbial before the subject, a participle
that recalls someone else's product, a ceremony named in title case, a count of launches
told with the noun "launch". Every text here is written for the test."""

from __future__ import annotations

from datetime import date

from extract.documents import ParsedDocument
from transform.facts import Project
from transform.projects import extract_projects


def projects(text: str, published: date = date(2024, 6, 4)) -> list[Project]:
    found = extract_projects("t", ParsedDocument(text=text, published_date=published), "article")
    for c in found:
        assert text[c.mention.char_start : c.mention.char_end] == c.mention.evidence
    return [c.fact for c in found]  # type: ignore[misc]


def test_opening_adverbial_before_a_subject_with_a_participle_apposition() -> None:
    found = projects(
        "Space news\n\n"
        "In April, a wildfire-monitoring satellite, jointly built by China and Chile, was"
        " launched to watch forests in the Andes."
    )
    assert [(p.name, p.project_type, p.status) for p in found] == [
        ("wildfire-monitoring satellite", "space_mission", "launched")
    ]


def test_participle_with_by_after_a_name_is_a_recall() -> None:
    found = projects(
        "Computing news\n\n"
        "According to the team, the new machine is faster than the prototype Orion launched"
        " by a rival firm last year."
    )
    assert found == []


def test_opening_ceremony_in_title_case_names_the_centre() -> None:
    found = projects(
        "Embassy news\n\n"
        "On March 3, the ambassador attended the Opening Ceremony of the Lanna Marine Science"
        " Center in Chiang Mai. The ambassador inaugurated the Center together with the"
        " rector of the university."
    )
    assert [(p.name, p.status, p.event_date) for p in found] == [
        ("Lanna Marine Science Center", "inaugurated", date(2024, 3, 3))
    ]
