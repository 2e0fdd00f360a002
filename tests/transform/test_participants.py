"""People with their roles, organisations with their countries (`transform.participants`)."""

from __future__ import annotations

import pytest

from transform.organisations import learn_acronyms
from transform.participants import Person, find_orgs, find_people, org_country


def people(text: str) -> list[Person]:
    orgs = find_orgs(text, 0, len(text), learn_acronyms(text))
    return find_people(text, 0, len(text), orgs)


def orgs(text: str) -> list[tuple[str, str | None]]:
    return [(o.name, o.country) for o in find_orgs(text, 0, len(text), learn_acronyms(text))]


def test_roles_in_apposition_with_the_organisation() -> None:
    text = (
        "Dai Gang, Director General of the International Cooperation Department, Chinese "
        "Ministry of Science and Technology and Signe Ratz, Deputy Director-General of the "
        "Directorate General for Research, European Commission co-chaired the meeting."
    )
    found = people(text)
    assert [p.name for p in found] == ["Dai Gang", "Signe Ratz"]
    assert found[0].role == "Director General of the International Cooperation Department"
    assert found[0].organisation == "Chinese Ministry of Science and Technology"
    assert found[0].country == "CHN"
    assert found[1].role == "Deputy Director-General of the Directorate General for Research"
    assert found[1].organisation == "European Commission"


def test_honorific_and_two_people_joined_by_and() -> None:
    text = (
        "A meeting between Prof. Dou Xiankang, President of the National Natural Science "
        "Foundation of China (NSFC) and Mark Walport, Vice President and Foreign Secretary of "
        "The Royal Society (RS), UK and Alison Noble, RS was held on 12 March in Beijing."
    )
    found = people(text)
    assert [p.name for p in found] == ["Dou Xiankang", "Mark Walport", "Alison Noble"]
    assert (found[0].role, found[0].country) == ("President", "CHN")
    assert found[0].organisation == "National Natural Science Foundation of China"
    assert found[1].role == "Vice President and Foreign Secretary"
    assert (found[1].organisation, found[1].country) == ("Royal Society", "GBR")
    assert (found[2].role, found[2].organisation) == (None, "Royal Society")


@pytest.mark.parametrize(
    ("text", "name", "role", "country"),
    [
        (
            "Chinese Vice Minister of Science and Technology Chen Jiachang co-chaired it.",
            "Chen Jiachang",
            "Vice Minister of Science and Technology",
            "CHN",
        ),
        (
            "Chongqing Mayor Hu Henghua addressed the opening.",
            "Hu Henghua",
            "Chongqing Mayor",
            None,
        ),
        (
            "He signed agreements with his French counterpart Le Thaillou on cooperation.",
            "Le Thaillou",
            "counterpart",
            "FRA",
        ),
        (
            "With the backdrop of the report, the President of CASISD, Pan Jiaofeng, commented.",
            "Pan Jiaofeng",
            "President",
            "CHN",  # CASISD, a curated Chinese institute
        ),
        (
            "A delegation led by its Chairman, Imran Qureshi, visited the institute.",
            "Imran Qureshi",
            "Chairman",
            None,
        ),
        (
            "Cao Zhongming, China's ambassador to Belgium, said in the opening speech.",
            "Cao Zhongming",
            "ambassador to Belgium",
            "CHN",
        ),
        (
            "It was chaired by Nikolai Orlov, Russia's Minister of Science and Higher Education.",
            "Nikolai Orlov",
            "Minister of Science and Higher Education",
            "RUS",
        ),
        (
            "Wang Zhigang, former Minister of Science and Technology, attended.",
            "Wang Zhigang",
            "former Minister of Science and Technology",
            None,
        ),
    ],
)
def test_role_before_after_or_around_the_name(
    text: str, name: str, role: str, country: str | None
) -> None:
    found = [p for p in people(text) if p.name == name]
    assert found, people(text)
    assert found[0].role == role
    assert found[0].country == country


def test_role_then_two_people_in_a_list() -> None:
    text = (
        "Minister of Science and Technology Yin Hejun, Chongqing Mayor Hu Henghua and Sara "
        "Bekele, Ethiopia's Minister of Innovation and Technology, addressed the session."
    )
    found = people(text)
    assert [(p.name, p.role) for p in found] == [
        ("Yin Hejun", "Minister of Science and Technology"),
        ("Hu Henghua", "Chongqing Mayor"),
        ("Sara Bekele", "Minister of Innovation and Technology"),
    ]
    assert found[2].country == "ETH"


def test_capitalised_words_without_a_role_are_not_people() -> None:
    assert people("The Mihajlo Pupin Institute joined the Ubolratana Dam project.") == []
    assert people("Xi Jinping Encourages Scientists") == []


def test_organisations_with_their_own_country() -> None:
    text = (
        "launched by the Xinjiang Institute of Ecology and Geography (XIEG), the Kyrgyz "
        "National Academy of Sciences, the Tajik Academy of Sciences and the Kazakh National "
        "Agrarian University."
    )
    assert orgs(text) == [
        ("Xinjiang Institute of Ecology and Geography", "CHN"),
        ("Kyrgyz National Academy of Sciences", "KGZ"),
        ("Tajik Academy of Sciences", "TJK"),
        ("Kazakh National Agrarian University", "KAZ"),
    ]


def test_organisation_country_from_parent_qualifier_or_list_name() -> None:
    text = (
        "set up by the Institute of Automation of the Chinese Academy of Sciences (CASIA), the "
        "University of Belgrade and the Mihajlo Pupin Institute, with funding from the Serbian "
        "Ministry of Education, Science and Technological Development."
    )
    assert orgs(text) == [
        ("Institute of Automation of the Chinese Academy of Sciences", "CHN"),
        ("University of Belgrade", "SRB"),
        ("Mihajlo Pupin Institute", None),
        ("Serbian Ministry of Education, Science and Technological Development", "SRB"),
    ]
    text = (
        "developed with the Max Planck Institute for Extraterrestrial Physics (MPE) of Germany "
        "and France's National Centre for Space Studies (CNES)."
    )
    assert orgs(text) == [
        ("Max Planck Institute for Extraterrestrial Physics of Germany", "DEU"),
        ("National Centre for Space Studies", "FRA"),
    ]
    assert org_country("Higher Education Commission of Pakistan") == "PAK"


def test_acronyms_the_document_defines() -> None:
    text = (
        "The Xinjiang Institute of Ecology and Geography (XIEG) and Al-Farabi Kazakh National "
        "University (KazNU) built it. XIEG and KazNU will run it."
    )
    names = [name for name, _ in orgs(text)]
    assert names.count("Xinjiang Institute of Ecology and Geography") == 2
    assert names.count("Al-Farabi Kazakh National University") == 2
    assert ("Al-Farabi Kazakh National University", "KAZ") in orgs(text)


def test_a_generic_ministry_takes_its_country_from_a_qualifier() -> None:
    assert orgs("the Chinese Ministry of Science and Technology launched it") == [
        ("Chinese Ministry of Science and Technology", "CHN")
    ]
    assert orgs("the Ministry of Science and Technology launched it") == [
        ("Ministry of Science and Technology", None)
    ]
    assert orgs("in collaboration with the European Space Agency (ESA)") == [
        ("European Space Agency", None)
    ]


def test_a_hyphenated_role_in_apposition() -> None:
    text = "Zhang Guangjun, Vice-Minister of Science and Technology, met the delegation."
    (p,) = find_people(text, 0, len(text))
    assert (p.name, p.role) == ("Zhang Guangjun", "Vice-Minister of Science and Technology")


def test_an_adviser_is_a_role() -> None:
    text = "Science Adviser John Holdren and Minister Wan Gang co-chaired the meeting."
    assert [p.name for p in find_people(text, 0, len(text))] == ["John Holdren", "Wan Gang"]


def test_a_surname_in_capitals_before_the_given_name() -> None:
    text = "Minister WAN Gang and Secretary-General Angel Gurría met in Paris."
    assert [p.name for p in find_people(text, 0, len(text))] == ["WAN Gang", "Angel Gurría"]


def test_an_acronym_before_a_name_is_not_a_surname() -> None:
    text = "NSFC Director Li Jinghai met them."
    assert [p.name for p in find_people(text, 0, len(text))] == ["Li Jinghai"]


def test_middle_initials_are_part_of_the_name() -> None:
    text = (
        "The meeting was co-chaired by Dr. John P. Holdren, Assistant to the U.S. President "
        "for Science and Technology, and Professor Joseph J. Y. Sung, Vice-Chancellor of CUHK."
    )
    people = find_people(text, 0, len(text))
    assert [(p.name, p.role) for p in people][:1] == [
        ("John P. Holdren", "Assistant to the U.S. President for Science and Technology")
    ]
    assert [p.name for p in people] == ["John P. Holdren", "Joseph J. Y. Sung"]


def test_an_honorific_alone_makes_a_name_a_person() -> None:
    text = "The report thanks Prof. Li Meng for the data from the observatory."
    assert [p.name for p in find_people(text, 0, len(text))] == ["Li Meng"]
