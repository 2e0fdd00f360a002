"""The PROJECT extractor on phrasings that the first rule sets did not cover: several
missions named right after a count ("launched three probes A, B and C"). Every text here
is written for the test."""

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


def test_count_followed_by_names_gives_one_mission_per_name() -> None:
    found = projects(
        "Space news\n\nChile on Friday 3rd May 2024 launched two satellites Andes Earth"
        " Observer-2 (AEO-2) and Andes Weather Satellite-1 (AWS-1) into orbit from the"
        " Taiyuan Satellite Launch Center in China."
    )
    assert [p.name for p in found] == [
        "Andes Earth Observer-2 (AEO-2)",
        "Andes Weather Satellite-1 (AWS-1)",
    ]
    for p in found:
        assert (p.project_type, p.status, p.event_date) == (
            "space_mission",
            "launched",
            date(2024, 5, 3),
        )


def test_a_count_without_names_is_still_no_project() -> None:
    assert projects("Space news\n\nThe agency launched two satellites into orbit in May.") == []
