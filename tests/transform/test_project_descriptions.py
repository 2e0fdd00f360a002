"""A mission told twice on one page: once by a description (a headline that capitalises
every word, an owner's count of its satellites) and once by its name. Every text here is
written for the test."""

from __future__ import annotations

from datetime import date

from tests.transform.readers import projects


def test_a_capitalised_headline_description_is_the_body_mission() -> None:
    found = projects(
        "Chile Launches Fisheries Watch Satellite\n\n"
        "Chile on Monday launched a new fisheries watch satellite from northern China to"
        " follow its fleets. The Chilean Fisheries-Watch Satellite (CFW-2) was launched from the"
        " Jiuquan Satellite Launch Center by a Long March 2D rocket."
    )
    assert len(found) == 1
    assert "CFW-2" in found[0].name


def test_a_headline_name_ends_before_a_capitalised_preposition() -> None:
    (p,) = projects("Kenya Opens Coffee Genomics Centre In Nairobi With Partners\n\nNo more.")
    assert p.name == "Coffee Genomics Centre"


def test_an_owners_ordinal_count_is_the_mission_reported() -> None:
    found = projects(
        "Space news\n\nThe Andes Ocean Satellite (AOS-2) was launched on Monday from the"
        " Jiuquan Satellite Launch Center. The minister said: “Chile successfully launches its"
        " third Ocean Monitoring Satellite from China today.”"
    )
    assert len(found) == 1
    assert "AOS-2" in found[0].name or "Andes Ocean Satellite" in found[0].name


def test_two_named_missions_stay_two() -> None:
    found = projects(
        "Space news\n\nThe Andes Ocean Satellite (AOS-2) was launched on Monday from the"
        " Jiuquan Satellite Launch Center. The Andes Weather Satellite (AWS-1) was launched"
        " on Friday from the Taiyuan Satellite Launch Center."
    )
    assert len(found) == 2


def test_a_second_article_opens_a_second_named_project() -> None:
    found = projects(
        "Forum news\n\nThe China-Chile Patent Trading Platform and the Young Engineers Hall for"
        " China-Chile Technology Talents were launched at the forum on Tuesday."
    )
    assert sorted(p.name for p in found) == [
        "China-Chile Patent Trading Platform",
        "Young Engineers Hall for China-Chile Technology Talents",
    ]


def test_an_organisation_after_the_second_article_is_no_second_project() -> None:
    found = projects(
        "Forum news\n\nThe China-Chile Patent Trading Platform and the Kestrel Space"
        " Agency were launched at the forum on Tuesday."
    )
    assert found
    assert "Kestrel Space Agency" not in [p.name for p in found]


def test_the_satellite_named_in_apposition_next_is_the_launch_described() -> None:
    found = projects(
        "Space news\n\nJIUQUAN, May 12 (Xinhua) -- China successfully launched a new"
        " ocean-colour satellite from the Jiuquan Satellite Launch Center at 9:10 a.m. Sunday"
        " (Beijing Time).The satellite, Haiyang-3 07, was sent into orbit by a Long March-2D"
        " carrier rocket.",
        date(2024, 5, 12),
    )
    assert [(p.name, p.event_date) for p in found] == [("Haiyang-3 07", date(2024, 5, 12))]
