"""The PROJECT extractor on kinds of sentences news pages use that an extractor fitted to
one set of pages tends to get wrong: an opening adverbial before the subject, a participle
that recalls someone else's product, a ceremony named in title case, a count of launches
told with the noun "launch". Every text here is written for the test."""

from __future__ import annotations

from datetime import date

from tests.transform.readers import projects
from transform.facts import Project


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


def test_the_launch_as_a_noun_counting_missions_is_no_project() -> None:
    found = projects(
        "Launch news\n\n"
        "China launched the Haixing-3 satellite on Friday from the Taiyuan Satellite Launch"
        " Center. The launch was the 301st mission of the Long March rocket series and its"
        " successful launch marked the country's fifth flight this year."
    )
    assert [p.name for p in found] == ["Haixing-3 satellite"]


def test_a_described_mission_takes_its_code_name_from_the_next_paragraph() -> None:
    found = projects(
        "New satellite\n\n"
        "China has launched a weather satellite into orbit, state media said on Tuesday.\n\n"
        "The Fengxing-2B was launched on Monday from the Jiuquan launch centre."
    )
    assert [(p.name, p.project_type, p.status) for p in found] == [
        ("Fengxing-2B", "space_mission", "launched")
    ]


def test_a_countrys_first_satellite_takes_the_name_given_after_its_head() -> None:
    found = projects(
        "Chile in space\n\n"
        "A Chinese rocket launched Chile's first radar satellite early on Sunday.\n\n"
        "Officials cheered the successful launch of satellite Rayo Andino, the minister said."
    )
    assert [p.name for p in found] == ["Rayo Andino"]


def test_boosted_into_space_is_a_launch_and_long_march_is_no_date() -> None:
    found = projects(
        "Broadcasting satellite\n\n"
        "The Zhongxing-11 satellite was boosted into space at 1:10 a.m. aboard a Long March"
        " 3B rocket, the agency reported."
    )
    assert [(p.name, p.status, p.event_date) for p in found] == [
        ("Zhongxing-11 satellite", "launched", None)
    ]


def test_a_completion_ceremony_in_its_own_paragraph() -> None:
    found = projects(
        "Lab handed over\n\n"
        "Officials attended the completion ceremony of a Chinese-funded soil testing"
        " laboratory in Malawi on May 6."
    )
    assert [(p.name, p.status, p.event_date) for p in found] == [
        ("Chinese-funded soil testing laboratory", "completed", date(2024, 5, 6))
    ]


def test_a_headline_with_the_acronym_and_a_body_with_its_long_form_are_one_project() -> None:
    found = projects(
        "Envoy Attended Opening Ceremony of CAS Marine Research Center (Manila)\n\n"
        "On May 2, the envoy attended the Opening Ceremony of the Chinese Academy of Sciences"
        " (CAS) Marine Research Center in Manila."
    )
    assert len(found) == 1


def test_an_agreement_about_a_named_facility_is_a_signed_project() -> None:
    found = projects(
        "Space deal\n\n"
        "On Friday, the space agencies of China and Peru signed an agreement on Andean Deep"
        " Space Tracking Station cooperation."
    )
    assert [(p.name, p.status, p.event_date) for p in found] == [
        ("Andean Deep Space Tracking Station cooperation", "signed", date(2024, 5, 31))
    ]
    assert countries(found[0]) == {"CHN", "PER"}


def test_an_agreement_to_work_through_a_named_centre_is_a_signed_project() -> None:
    found = projects(
        "Institutes renew ties\n\n"
        "The Institute of Soil Science and the Hutton Institute have signed a new agreement"
        " to deepen research through the joint Centre for Soil Carbon Studies (CSCS)."
    )
    assert [(p.name, p.project_type, p.status) for p in found] == [
        ("Centre for Soil Carbon Studies", "research_center", "signed")
    ]


def test_an_agreement_on_cooperation_itself_is_no_project() -> None:
    found = projects(
        "Ministers meet\n\n"
        "The two ministers signed an agreement on Science and Technology Cooperation in"
        " Beijing on Monday."
    )
    assert found == []


def countries(p: Project) -> set[str]:
    return {x.country for x in p.participants if x.country}


def test_a_named_subject_before_its_description_in_apposition() -> None:
    found = projects(
        "Observatory\n\n"
        "The LAMOST telescope, the country's largest spectroscopic survey telescope, was"
        " completed in Hebei in 2008."
    )
    assert [p.name for p in found] == ["LAMOST telescope"]


def test_a_described_subject_with_its_name_in_apposition() -> None:
    found = projects(
        "Computing\n\n"
        "A new supercomputer, Haiguang Star, was put into operation in Tianjin on Monday."
    )
    assert [(p.name, p.project_type, p.status) for p in found] == [
        ("Haiguang Star", "facility", "started_operations")
    ]


def test_a_countrys_second_centre_is_one_described_project() -> None:
    found = projects(
        "Assembly centre\n\n"
        "Nigeria's second satellite assembly centre was inaugurated in Abuja on Tuesday."
    )
    assert [(p.name, p.status) for p in found] == [
        ("Nigeria's second satellite assembly centre", "inaugurated")
    ]


def test_a_company_product_and_works_on_a_project_are_no_projects() -> None:
    assert projects("Cars\n\nThe company launched a new electric car model on Tuesday.") == []
    assert projects("Array\n\nWork on the Deep Sky Array started in May 2023 in Chile.") == []


def test_several_named_satellites_in_apposition_to_a_count_are_one_project_each() -> None:
    found = projects(
        "Launch\n\n"
        "Three satellites, Xingyun-5, Xingyun-6 and Xingyun-7, were sent into orbit by a"
        " Kuaizhou-1A rocket on Saturday."
    )
    assert [(p.name, p.event_date) for p in found] == [
        ("Xingyun-5", date(2024, 6, 1)),
        ("Xingyun-6", date(2024, 6, 1)),
        ("Xingyun-7", date(2024, 6, 1)),
    ]


def test_an_anniversary_of_a_founding_recalls_it() -> None:
    found = projects(
        "Reception\n\n"
        "The embassy held a reception to mark the fifth anniversary of the founding of the"
        " Lusaka Agricultural Research Center."
    )
    assert found == []


def test_a_headline_in_the_present_reports_a_project_the_body_does_not() -> None:
    found = projects(
        "Nanjing Institute Launches Mekong Water Program in Phnom Penh\n\n"
        "The program will run for five years, the institute said."
    )
    assert [(p.name, p.status, p.city) for p in found] == [
        ("Mekong Water Program", "launched", "Phnom Penh")
    ]
    found = projects(
        "Lancang Hydrology Research Center Opens in Vientiane\n\n"
        "The center will train engineers, officials said."
    )
    assert [(p.name, p.status) for p in found] == [
        ("Lancang Hydrology Research Center", "inaugurated")
    ]


def test_headlines_with_campaigns_company_products_or_counts_are_no_projects() -> None:
    assert projects("China Launches Campaign Against Fraud\n\nPolice said so.") == []
    assert projects("Xiaomi Technologies Unveils New Surge Chip\n\nIt sells.") == []
    assert projects("China Launches Three Jilin Satellites\n\nIt went well.") == []


def test_a_contents_line_and_the_body_naming_one_mission_by_its_code_are_one() -> None:
    found = projects(
        "Monthly review\n\n"
        "- China Launches Tianzhou-9 Mission\n\n"
        "On 12 May, China launched the Tianzhou-9 cargo spacecraft from the Wenchang"
        " Spacecraft Launch Site."
    )
    assert [(p.name, p.event_date) for p in found] == [
        ("Tianzhou-9 cargo spacecraft", date(2024, 5, 12))
    ]


def test_inner_mongolia_is_no_participant_country() -> None:
    found = projects(
        "Launch\n\n"
        "China launched the Pingtai-3 satellite for Nigeria on Friday from the Jiuquan"
        " Satellite Launch Center in the Inner Mongolia autonomous region."
    )
    assert countries(found[0]) == {"CHN", "NGA"}


def test_a_name_given_with_named_or_called_inside_the_object() -> None:
    found = projects(
        "Result\n\n"
        "A team at Nankai University has built a photonic computer prototype named Lingxi 2.0."
    )
    assert [(p.name, p.project_type) for p in found] == [("Lingxi 2.0", "research_result")]


def test_a_new_type_of_thing_is_the_thing() -> None:
    found = projects(
        "Result\n\n"
        "Chinese scientists have developed a new type of sodium-ion battery that charges in"
        " five minutes, according to a paper published in Joule on Thursday."
    )
    assert [p.name for p in found] == ["sodium-ion battery"]


def test_unveiling_the_plaque_of_a_centre_inaugurates_it() -> None:
    found = projects(
        "Centre opens\n\n"
        "On June 3, the two ministers jointly unveiled the plaque of the China-Chile Astronomy"
        " Center in Santiago."
    )
    assert [(p.name, p.status, p.event_date, p.city) for p in found] == [
        ("China-Chile Astronomy Center", "inaugurated", date(2024, 6, 3), "Santiago")
    ]


def test_a_headline_with_to_before_the_verb_is_a_plan() -> None:
    found = projects("China, Peru to Launch Andes-2 Satellite in 2027\n\nOfficials said so.")
    assert [(p.name, p.status) for p in found] == [("Andes-2 Satellite", "planned")]


def test_is_open_is_no_passive() -> None:
    found = projects(
        "Telescope\n\nThe Qitai radio telescope, completed in 2023, is open to visiting teams."
    )
    assert found == []


def test_a_city_in_brackets_after_the_name_is_the_project_place() -> None:
    found = projects(
        "Embassy news\n\n"
        "On May 9, the ambassador attended the Opening Ceremony of the Marine Biology"
        " Research Center (Jakarta)."
    )
    assert [(p.city, p.country) for p in found] == [("Jakarta", "IDN")]


def test_the_launch_in_a_country_of_a_named_satellite() -> None:
    found = projects(
        "Satellite\n\n"
        "Crowds watched the launch in China of the Condor Andino weather satellite on"
        " March 8, 2024, in a square in Quito."
    )
    assert [(p.name, p.event_date) for p in found] == [
        ("Condor Andino weather satellite", date(2024, 3, 8))
    ]


def test_a_programme_to_do_something_for_a_thousand_people() -> None:
    found = projects(
        "Training\n\n"
        "A China-funded program to train 1,200 Kenyan lab technicians was launched in Nairobi"
        " on Monday."
    )
    assert [(p.name, p.status) for p in found] == [
        ("China-funded program to train 1,200 Kenyan lab technicians", "launched")
    ]


def test_a_new_round_of_a_programme_is_no_new_project() -> None:
    found = projects(
        "Round\n\nA new round of the Silk Road science program was announced on Monday."
    )
    assert found == []


def test_a_proper_name_before_an_indefinite_description() -> None:
    found = projects(
        "Lab\n\nThe Lotus Lab, a Sino-Indian research platform, was launched in Kunming on 3 May."
    )
    assert [p.name for p in found] == ["Lotus Lab"]
