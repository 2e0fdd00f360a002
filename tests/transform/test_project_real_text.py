"""The PROJECT extractor on the ways real pages state projects: events named by a noun,
two projects in one phrase, a described project named later or by its heading, launches
told from the rocket's side, fund programmes, records, and the look-alikes they must refuse.
Every text here is written for the test in the style of news pages."""

from __future__ import annotations

from datetime import date

from extract.documents import ParsedDocument
from tests.transform.readers import projects
from transform.facts import Project
from transform.projects import extract_projects


def countries(p: Project) -> set[str]:
    return {x.country for x in p.participants if x.country}


def test_unveiling_ceremony_of_two_centres_gives_two_projects() -> None:
    found = projects(
        "Centres open in Almaty\n\n"
        "On May 20, the unveiling ceremony of the Silk Road Center for Soil Ecology of CAS and"
        " the Almaty Branch of UCAS was held in Almaty, Kazakhstan."
    )
    assert [p.name for p in found] == [
        "Silk Road Center for Soil Ecology of CAS",
        "Almaty Branch of UCAS",
    ]
    for p in found:
        assert (p.status, p.event_date, p.city, p.country) == (
            "launched",
            date(2024, 5, 20),
            "Almaty",
            "KAZ",
        )
        assert countries(p) == {"CHN", "KAZ"}


def test_saw_the_launch_of_a_platform() -> None:
    (p,) = projects(
        "Light source news\n\nTuesday also saw the launch of the Platform of Advanced Neutron"
        " Optics Research and Development in Dongguan."
    )
    assert p.name == "Platform of Advanced Neutron Optics Research and Development"
    assert (p.status, p.event_date) == ("launched", date(2024, 6, 4))


def test_recalled_launch_is_not_an_event() -> None:
    assert (
        projects("Ties\n\nSince the launch of the Silk Road Seed Programme in 2016, trade grew.")
        == []
    )


def test_rocket_is_the_vehicle_of_the_mission_not_a_project() -> None:
    found = projects(
        "Satellite launched\n\n"
        "A Chinese rocket launched Ruritania's first weather satellite on Friday.\n\n"
        "The Long March-4C carrier rocket blasted off from the Taiyuan centre at 10:12 am."
    )
    assert [p.name for p in found] == ["Ruritania's first weather satellite"]
    assert (found[0].event_date, found[0].country) == (date(2024, 5, 31), "CHN")


def test_its_first_satellite_is_named_by_its_owner() -> None:
    (p,) = projects(
        "News\n\nRwanda on Friday launched its first satellite with the support of China."
    )
    assert p.name == "Rwanda's first satellite"
    assert (p.project_type, p.status, p.event_date) == (
        "space_mission",
        "launched",
        date(2024, 5, 31),
    )


def test_launching_state_from_launch_site_of_the_page() -> None:
    (p,) = projects(
        "Egypt's second satellite in orbit\n\n"
        "The Ruritanian Space Agency announced on Monday the successful launch of the remote"
        " sensing RuriSat-3 satellite.\n\nThe satellite lifted off from Jiuquan at noon."
    )
    assert p.country == "CHN"
    assert p.event_date == date(2024, 6, 3)


def test_described_centre_takes_the_name_a_later_sentence_gives_it() -> None:
    (p,) = projects(
        "Kenya and China partner\n\n"
        "A centre for joint research on dryland farming has been opened at Egerton University.\n\n"
        "The Sh2 billion Sino-Kenya Dryland Research Centre will help farmers."
    )
    assert p.name == "Sino-Kenya Dryland Research Centre"
    assert p.status == "inaugurated"


def test_described_initiative_takes_the_name_of_its_heading() -> None:
    (p,) = projects(
        "Newsletter\n\nClean Air Action Launched\n\n"
        "An initiative to cut urban smog, co-sponsored by the Ministry of Science and Technology"
        " and the Ministry of Ecology, was kicked off on March 3, 2024 in Beijing."
    )
    assert p.name == "Clean Air Action"
    assert (p.status, p.event_date) == ("launched", date(2024, 3, 3))


def test_inauguration_and_agreement_of_one_lab_are_one_project() -> None:
    found = projects(
        "Joint lab\n\nBANGKOK, June 4 (Xinhua) -- A workshop was held in Bangkok on Monday,"
        " witnessing the official inauguration of a joint laboratory for marine robotics.\n\n"
        "On the same day, Zhejiang University and Kasetsart University signed an agreement to"
        " formally establish the ZJU-KU Joint Laboratory for Marine Robotics."
    )
    assert [p.name for p in found] == ["ZJU-KU Joint Laboratory for Marine Robotics"]
    assert (found[0].status, found[0].event_date, found[0].city) == (
        "inaugurated",
        date(2024, 6, 3),
        "Bangkok",
    )


def test_research_fund_programme_is_a_project_investment_fund_is_not() -> None:
    (p,) = projects(
        "Funds\n\nLast year, when the premiers met, the Canada-China Science and Innovation Fund"
        " was announced.\n\n"
        "The National Chip Industry Investment Fund Phase IV was established on May 2."
    )
    assert (p.name, p.project_type, p.status) == (
        "Canada-China Science and Innovation Fund",
        "programme",
        "launched",
    )


def test_mou_on_the_management_of_a_named_fund_is_signed() -> None:
    (p,) = projects(
        "Visit\n\nThe minister signed the MOU on the Management of the Canada-China Science and"
        " Innovation Fund with his Chinese counterpart."
    )
    assert (p.name, p.status) == ("Canada-China Science and Innovation Fund", "signed")


def test_money_for_the_development_of_a_named_site_is_a_planned_facility() -> None:
    (p,) = projects(
        "Budget\n\nThe Financial Secretary set aside $3 billion for the development of"
        " Science Park 4 to house more startups in Hong Kong."
    )
    assert (p.name, p.project_type, p.status) == ("Science Park 4", "facility", "planned")


def test_record_set_on_a_facility_is_a_research_result() -> None:
    (p,) = projects(
        "Record\n\nOn May 14, 2024 scientists at the Institute of Plasma Physics in China set a"
        " new world record on their HL-3 tokamak, holding a plasma for 20 minutes."
    )
    assert (p.name, p.project_type, p.status, p.event_date, p.country) == (
        "HL-3 tokamak record",
        "research_result",
        "other",
        date(2024, 5, 14),
        "CHN",
    )


def test_subject_after_the_verb() -> None:
    (p,) = projects(
        "Bridges\n\nJust launched between the Research Council of Norway and the Chinese"
        " Ministry of Science and Technology is the Arctic Innovation Bridges programme."
    )
    assert (p.name, p.status) == ("Arctic Innovation Bridges programme", "launched")


def test_subject_before_an_apposition() -> None:
    (p,) = projects(
        "Centre\n\nThe Ruritania Satellite Testing Centre, the largest of its kind in the"
        " region, was established within the partnership between Ruritania and China."
    )
    assert (p.name, p.status) == ("Ruritania Satellite Testing Centre", "established")


def test_planned_start_of_a_named_project() -> None:
    (p,) = projects(
        "Space\n\nAccording to the minister, Ruritania's phase II space development project is"
        " expected to start in January 2025."
    )
    assert (p.status, p.project_type) == ("planned", "programme")


def test_look_alikes_are_refused() -> None:
    text = (
        "News\n\n"
        "Since 2016, Ningxia University has signed a biennial cooperative project with a"
        " university in Oman.\n\n"
        "The two sides established a Comprehensive Strategic Partnership for Peace in 2005.\n\n"
        "Orion Technologies has unveiled a new AI chip for data centres.\n\n"
        "He has worked with China since the first agreement in physics was signed in 1990.\n\n"
        "Construction of the 2 billion yuan super-microscope began in 2020."
    )
    assert projects(text) == []


def test_construction_milestone_of_a_named_facility() -> None:
    (p,) = projects(
        "Milestone\n\nThe China Spallation Muon Source, the country's first muon facility,"
        " installed its first piece of accelerator equipment in Dongguan on Monday."
    )
    assert (p.name, p.project_type, p.status, p.event_date, p.city) == (
        "China Spallation Muon Source",
        "facility",
        "other",
        date(2024, 6, 3),
        "Dongguan",
    )


def test_first_programme_named_by_its_apposition() -> None:
    (p,) = projects(
        "Plan\n\nThe two sides also initiated their first joint program under the plan, a"
        " drought monitoring platform based on China's weather satellites which will be shared."
    )
    assert (p.name, p.status) == (
        "drought monitoring platform based on China's weather satellites",
        "launched",
    )


def test_installing_equipment_is_no_project() -> None:
    assert projects("Radar\n\nThe observatory installed a new radar in Kunming on Monday.") == []


def test_agreement_that_creates_a_project_is_signed() -> None:
    (p,) = projects(
        "Space\n\nNigeria and China signed an agreement on Tuesday to build a ground station in"
        " Abuja."
    )
    assert (p.name, p.project_type, p.status, p.event_date, p.city, p.country) == (
        "ground station",
        "facility",
        "signed",
        date(2024, 6, 4),
        "Abuja",
        "NGA",
    )
    assert countries(p) == {"NGA", "CHN"}


def test_agreement_to_deepen_cooperation_is_no_project() -> None:
    assert (
        projects("Ties\n\nThe two sides signed an agreement to deepen cooperation in space.") == []
    )


def test_name_in_apposition_after_a_described_satellite() -> None:
    (p,) = projects(
        "Launch\n\nChina launched a new remote sensing satellite for Pakistan, PRSS-2, from the"
        " Jiuquan Satellite Launch Center on Thursday."
    )
    assert (p.name, p.country, p.event_date) == ("PRSS-2", "CHN", date(2024, 5, 30))
    assert countries(p) == {"CHN", "PAK"}


def test_project_stated_only_in_a_contents_line() -> None:
    found = projects(
        "Newsletter\n\n* China-Laos Railway Research Centre Opened in Vientiane\n\n"
        "* Minister Met with OECD Chief\n\n* Science Forum Opens in Beijing"
    )
    assert [(p.name, p.status, p.city) for p in found] == [
        ("China-Laos Railway Research Centre", "inaugurated", "Vientiane")
    ]


def test_headline_and_body_of_one_project_are_one_fact_with_body_evidence() -> None:
    text = (
        "The Andean Branch of UCAS Unveiled in Peru\n\n"
        "On May 20, the Andean Branch of UCAS was unveiled in Lima, the capital of Peru."
    )
    found = extract_projects(
        "t", ParsedDocument(text=text, published_date=date(2024, 6, 4)), "article"
    )
    assert len(found) == 1
    assert found[0].mention.evidence.startswith("On May 20")
    assert found[0].fact.event_date == date(2024, 5, 20)  # type: ignore[union-attr]


def test_named_items_sharing_one_head_are_one_project_each() -> None:
    found = projects("News\n\nChina launched Gaofen-11 and Gaofen-12 satellites on Friday.")
    assert [(p.name, p.project_type, p.event_date) for p in found] == [
        ("Gaofen-11", "space_mission", date(2024, 5, 31)),
        ("Gaofen-12", "space_mission", date(2024, 5, 31)),
    ]


def test_two_labs_with_similar_names_stay_two() -> None:
    found = projects(
        "Review\n\nOn 3 May, the China-Serbia Joint Laboratory for Artificial Intelligence was"
        " inaugurated in Belgrade.\n\nOn 9 May, the China-Serbia Joint Laboratory for Agriculture"
        " was inaugurated in Novi Sad."
    )
    assert [p.event_date for p in found] == [date(2024, 5, 3), date(2024, 5, 9)]


def test_name_before_an_apposition_of_its_kind() -> None:
    (p,) = projects(
        "Launch\n\nCBERS-6, the seventh of the China-Brazil Earth Resources Satellite series, was"
        " launched on Sunday from Taiyuan."
    )
    assert (p.name, p.project_type, p.event_date, p.country) == (
        "CBERS-6",
        "space_mission",
        date(2024, 6, 2),
        "CHN",
    )
    assert countries(p) == {"CHN", "BRA"}


def test_company_product_is_no_research_result() -> None:
    assert projects("Chips\n\nHuawei Technologies has unveiled a new AI chip for servers.") == []


def test_money_to_implement_a_named_programme_is_planned() -> None:
    (p,) = projects(
        "Budget\n\nThe Secretary will deploy $300 million to implement the Coding in Primary"
        " Schools Programme over three years."
    )
    assert (p.name, p.project_type, p.status) == (
        "Coding in Primary Schools Programme",
        "programme",
        "planned",
    )


def test_headline_with_an_active_verb_names_the_actor_not_the_project() -> None:
    found = projects(
        "Earth Sciences Centre Opens Glacier Station in Gilgit\n\n"
        "The centre inaugurated the Gilgit Glacier Monitoring Station on 29 May in Gilgit."
    )
    assert [p.name for p in found] == ["Gilgit Glacier Monitoring Station"]


def test_stray_capital_after_a_common_noun_is_no_name() -> None:
    found = projects(
        "Launch\n\nRwanda on Friday launched its first satellite with the support of China.\n\n"
        "Officials have witnessed the launch of the satellite Live on national TV."
    )
    assert [p.name for p in found] == ["Rwanda's first satellite"]
