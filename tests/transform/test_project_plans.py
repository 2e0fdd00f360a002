"""What a page says may happen is no project; what it says will happen is a plan. Every
text here is written for the test."""

from __future__ import annotations

from tests.transform.readers import projects


def test_what_two_sides_could_launch_is_a_proposal() -> None:
    found = projects(
        "Cooperation news\n\nThe two sides could jointly launch the “China-Chile Clean Air"
        " Initiative” to tackle urban smog."
    )
    assert found == []


def test_what_a_ministry_may_set_up_is_no_project() -> None:
    found = projects(
        "Cooperation news\n\nThe ministry may set up the China-Chile Ocean Research Centre"
        " in Valparaiso."
    )
    assert found == []


def test_what_two_sides_will_launch_is_a_plan() -> None:
    (p,) = projects(
        "Cooperation news\n\nThe two sides will jointly launch the China-Chile Green"
        " Initiative next year."
    )
    assert p.status == "planned"


def test_what_a_grant_will_underpin_the_formation_of_is_a_planned_centre() -> None:
    (p,) = projects(
        "Funding news\n\nThe second grant will underpin the formation of the Chile-China Joint"
        " Centre for Solar Fuel Technology."
    )
    assert (p.name, p.status) == (
        "Chile-China Joint Centre for Solar Fuel Technology",
        "planned",
    )


def test_a_programme_launched_years_ago_is_recalled_through_its_launch() -> None:
    found = projects(
        "University news\n\nThe partnership has grown over the years, mainly through the launch"
        " of the Andes Research Labs (ARL) programme in 2006."
    )
    assert found == []


def test_a_measure_before_a_satellite_is_no_part_of_a_name() -> None:
    (p,) = projects(
        "Space news\n\nThe 930-kilogram (2,050-pound) ANDES satellite took off around 3:00 pm"
        " aboard a Long March 2-C rocket from Xichang."
    )
    assert p.name == "ANDES satellite"
