"""Research results told by the researchers who made them, a kind of project the
guidelines count ("research result announced as a breakthrough"). Every text here is
written for the test."""

from __future__ import annotations

from datetime import date

from tests.transform.readers import projects


def test_researchers_who_cloned_something_report_a_result() -> None:
    (p,) = projects(
        "Science news\n\nChinese researchers cloned the first pygmy goats from skin cells,"
        " the institute said on Monday."
    )
    assert (p.name, p.project_type, p.status) == (
        "first pygmy goats from skin cells",
        "research_result",
        "developed",
    )
    assert p.event_date == date(2024, 6, 3)
    assert "CHN" in {x.country for x in p.participants}


def test_a_team_led_by_a_professor_after_an_opening_phrase() -> None:
    (p,) = projects(
        "Awards\n\nIn 2022, a research team led by Prof. Mei Lan, School of Physics proved the"
        " topological Hall effect in thin films by experiment."
    )
    assert p.name == "topological Hall effect in thin films"


def test_a_team_of_scientists_from_a_list_of_partners() -> None:
    (p,) = projects(
        "Science news\n\nA team of botanists from Kenya, Uganda, Tanzania, the Nairobi Plant"
        " Institute and the Wuhan Botanical Garden have successfully mapped the 28,410 genes"
        " that make up the tea species Camellia kenyensis, commonly called Green Jade."
    )
    assert p.name == "28,410 genes that make up the tea species Camellia kenyensis"


def test_a_discovery_in_realizing_names_what_was_realized() -> None:
    (p,) = projects(
        "Science news\n\nChinese scientists have made a major discovery in realizing a"
        " photonic topological insulator using silicon rings."
    )
    assert p.name == "realizing a photonic topological insulator"


def test_a_digest_item_told_in_a_full_bulleted_sentence_is_body_text() -> None:
    (p,) = projects(
        "Science digest\n\n• In a first, researchers have built a microlaser that"
        " works with a single layer of atoms placed on a thin glass fibre, which operates at"
        " room temperature."
    )
    assert p.name == "microlaser"


def test_a_short_bulleted_line_stays_a_contents_line() -> None:
    assert projects("Science digest\n\n• Researchers built a microlaser.\n\nNo more.") == []


def test_a_company_engineers_product_is_no_research_result() -> None:
    assert (
        projects(
            "Tech news\n\nEngineers at Kestrel Technologies Co. Ltd have developed a"
            " low-power image sensor for phones."
        )
        == []
    )


def test_a_count_of_new_methods_is_no_result() -> None:
    assert projects("Science news\n\nResearchers have developed two new methods for it.") == []


def test_researchers_who_plan_to_build_report_no_result() -> None:
    assert projects("Science news\n\nChinese researchers plan to build a quantum simulator.") == []
