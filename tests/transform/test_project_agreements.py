"""Projects created by a signed agreement even when the agreement does not name them, and
facilities signed off by a national acceptance. Every text here is written for the test."""

from __future__ import annotations

from datetime import date

from tests.transform.readers import projects


def test_a_deal_for_the_construction_of_one_centre_creates_it() -> None:
    (p,) = projects(
        "Cooperation news\n\nOn Monday Chile and China signed an agreement for construction"
        " of a fisheries research centre in Temuco."
    )
    assert (p.name, p.project_type, p.status) == (
        "fisheries research centre",
        "research_center",
        "signed",
    )


def test_a_protocol_for_a_laboratory_in_a_city_places_it_there() -> None:
    (p,) = projects(
        "Cooperation news\n\nPeru and China signed a protocol in Lima last week for the"
        " construction of a soil analysis laboratory in Cusco."
    )
    assert (p.project_type, p.status, p.city) == ("joint_lab", "signed", "Cusco")


def test_a_deal_for_the_construction_of_several_centres_is_no_project() -> None:
    found = projects(
        "Cooperation news\n\nChile and China signed an agreement for construction of several"
        " fisheries centres along the coast."
    )
    assert found == []


def test_passing_national_acceptance_procedures_completes_a_facility() -> None:
    (p,) = projects(
        "Science news\n\nThe Andes High Altitude Neutrino Observatory (AHANO), built to watch"
        " neutrinos, passed national acceptance procedures on May 10."
    )
    assert (p.status, p.event_date) == ("completed", date(2024, 5, 10))


def test_an_acronym_a_heading_spells_out_names_the_project() -> None:
    (p,) = projects(
        "UK-Chile Science Bridge Timber Centre\n\nSBTC was formed in 2009 as part of the"
        " science bridge work and was inaugurated in May 2009 in Santiago.",
        date(2012, 1, 1),
    )
    assert (p.name, p.project_type, p.status) == (
        "UK-Chile Science Bridge Timber Centre",
        "research_center",
        "established",
    )


def test_a_country_that_formed_a_system_forms_no_project() -> None:
    found = projects(
        "Industry news\n\nThanks to rapid growth, Chile has formed a fairly complete battery"
        " industry, an official said."
    )
    assert found == []


def test_the_minutes_of_a_session_signed_are_no_project() -> None:
    found = projects(
        "Committee news\n\nAfter the talks, the two sides signed the Minutes of the Sixth"
        " Session of the Ocean Science Cooperation Subcommittee of the China-Chile Cooperation"
        " Committee."
    )
    assert found == []


def test_a_satellite_known_as_a_name_in_apposition_is_named() -> None:
    (p,) = projects(
        "Space news\n\nThe satellite, known as Andes Sat 5a, was launched from the Jiuquan"
        " Satellite Launch Center on Friday."
    )
    assert (p.name, p.event_date) == ("Andes Sat 5a", date(2024, 5, 31))


def test_a_facility_that_completed_its_main_body_is_completed() -> None:
    (p,) = projects(
        "Science news\n\nChile's Atacama Underground Neutrino Observatory (AUNO) has completed"
        " its main body as of Wednesday."
    )
    assert (p.name, p.status) == ("Atacama Underground Neutrino Observatory", "completed")
