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


def test_beginning_to_provide_services_is_starting_operations() -> None:
    (p,) = projects(
        "Space news\n\nThe Kestrel Ocean Radar Satellite began providing services for users"
        " in both countries on Thursday."
    )
    assert (p.name, p.project_type, p.status, p.event_date) == (
        "Kestrel Ocean Radar Satellite",
        "space_mission",
        "started_operations",
        date(2024, 5, 30),
    )


def test_passing_acceptance_inspection_completes_a_facility() -> None:
    (p,) = projects(
        "Science news\n\nThe Nanling Synchrotron Light Source (NSLS) has passed national"
        " acceptance inspection by the ministry on Tuesday."
    )
    assert (p.name, p.project_type, p.status, p.event_date) == (
        "Nanling Synchrotron Light Source",
        "facility",
        "completed",
        date(2024, 6, 4),
    )


def test_passing_an_assessment_is_no_project_for_a_law_or_a_person() -> None:
    assert (
        projects(
            "Science news\n\nThe National Science Education Act passed the assessment by"
            " parliament on Tuesday. The bill passed the inspection of the committee."
            " Dr Chen passed the appraisal on Monday."
        )
        == []
    )


def test_a_lab_whose_fields_are_joined_by_and_is_one_lab_without_its_short_name_note() -> None:
    (p,) = projects(
        "Lab news\n\nOn 12 March, the China-Chile Ocean Material Testing and Marine Robotics"
        " Joint Laboratory (hereinafter referred to as the Joint Laboratory) was officially"
        " launched."
    )
    assert p.name == "China-Chile Ocean Material Testing and Marine Robotics Joint Laboratory"
    assert (p.project_type, p.status, p.event_date) == ("joint_lab", "launched", date(2024, 3, 12))


def test_two_centres_each_ending_in_its_head_are_still_two() -> None:
    found = projects(
        "News\n\nThe Remote Sensing Center of CAS and the Ocean Observation Center of UCAS"
        " were established on 3 May."
    )
    assert len(found) == 2
