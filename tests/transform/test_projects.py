"""The PROJECT extractor: the seed documents row by row, each rule, and the sentences it must
refuse (counts, intentions, recalls, headlines)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from evaluation import load_gold_document
from extract.documents import ParsedDocument
from transform.facts import PROJECT_STATUSES, PROJECT_TYPES, Project
from transform.fx import to_usd
from transform.projects import extract_projects

GOLD = Path(__file__).resolve().parents[1] / "gold"


def projects(
    text: str, published: date = date(2024, 6, 1), doc_type: str = "article"
) -> list[Project]:
    found = extract_projects("t", ParsedDocument(text=text, published_date=published), doc_type)
    for c in found:
        assert text[c.mention.char_start : c.mention.char_end] == c.mention.evidence
    return [c.fact for c in found]  # type: ignore[misc]


def seed(name: str) -> list[Project]:
    doc = load_gold_document(GOLD / f"{name}.json")
    found = extract_projects(doc.doc_id, doc.parsed(), doc.doc_type)
    for c in found:
        assert doc.text[c.mention.char_start : c.mention.char_end] == c.mention.evidence
    return [c.fact for c in found]  # type: ignore[misc]


def row(p: Project) -> tuple:
    return (p.project_type, p.status, p.event_date, p.city, p.country)


def countries(p: Project) -> set[str]:
    return {x.country for x in p.participants if x.country}


# ---------------------------------------------------------------------------------------
# The seed documents, row by row


def test_seed_000_review_march_2024() -> None:
    found = seed("seed_000_review_2024_03")
    assert [p.name for p in found] == [
        "China-Kazakhstan joint laboratory for remote sensing technology and application",
        "Ubolratana Dam hydro-floating solar hybrid power plant",
        "Queqiao-2",  # the proper name the text gives ("a relay satellite called X")
        "CARES Copilot 1.0",
        "high-energy lithium-ion battery",
    ]
    lab, plant, queqiao, cares, battery = found
    assert row(lab) == ("joint_lab", "inaugurated", date(2024, 3, 27), "Almaty", "KAZ")
    assert (lab.funding_amount, lab.funding_currency, lab.funding_usd) == (400_000, "USD", 400_000)
    assert countries(lab) == {"CHN", "KAZ"}
    assert {x.name for x in lab.participants if x.kind == "organisation"} == {
        "Xinjiang Institute of Ecology and Geography of the Chinese Academy of Sciences",
        "Al-Farabi Kazakh National University",
    }
    assert row(plant) == ("facility", "started_operations", date(2024, 3, 5), None, "THA")
    assert countries(plant) == {"CHN", "THA"}  # "jointly built by Chinese and Thai companies"
    assert row(queqiao) == ("space_mission", "launched", date(2024, 3, 20), None, "CHN")
    assert row(cares) == ("research_result", "launched", date(2024, 3, 11), None, "HKG")
    assert countries(cares) == {"HKG"}
    assert row(battery) == ("research_result", "developed", None, None, "CHN")


def test_seed_001_review_november_2024() -> None:
    found = seed("seed_001_review_2024_11")
    assert [p.name for p in found] == [
        "international cooperation on ‘open science’",
        "Joint laboratory of Pharmaceutical Biotechnology and Immunosafety",
        "Climate Science for Service Partnership China",
        "robotic chemist named ‘Luke’",
        "quantum key distribution (QKD) experiment based on a drone platform",
    ]
    open_science, pharma, cssp, luke, qkd = found
    assert row(open_science) == ("programme", "launched", date(2024, 11, 21), None, None)
    assert countries(open_science) == {"CHN", "BRA", "ZAF"}
    assert "African Union" in {x.name for x in open_science.participants}
    assert row(pharma) == ("joint_lab", "launched", None, "Shenzhen", "CHN")
    assert countries(pharma) == {"CHN", "ITA"}
    assert row(cssp) == ("programme", "launched", None, None, None)  # "in 2014": no day
    assert countries(cssp) == {"GBR", "CHN"}
    assert row(luke) == ("research_result", "developed", None, "Hefei", "CHN")
    assert row(qkd) == ("research_result", "completed", None, None, "CHN")
    assert countries(luke) == {"CHN"}  # interest shown by other countries is no partnership


def test_seed_004_work_report_only_the_named_plan() -> None:
    found = seed("seed_004_news_work_report_2024")
    assert [(p.name, p.status, p.country) for p in found] == [
        ("Artificial Intelligence Plus initiative", "planned", "CHN")
    ]


def test_seed_002_and_003_have_no_projects() -> None:
    # 003: "launched and supported nearly 2,000 joint research projects", "opened 53 joint
    # laboratories": counts, not projects
    assert seed("seed_002_news_st_budget_2024") == []
    assert seed("seed_003_news_intl_cooperation") == []


def test_vocabularies() -> None:
    for name in ("seed_000_review_2024_03", "seed_001_review_2024_11"):
        for p in seed(name):
            assert p.project_type in PROJECT_TYPES
            assert p.status in PROJECT_STATUSES


# ---------------------------------------------------------------------------------------
# Rules


def test_status_by_verb() -> None:
    text = (
        "On 5 June, China launched the Shenzhou-14 crewed spaceship.\n\n"
        "The China-Serbia Joint Laboratory for Artificial Intelligence was inaugurated on 16 "
        "June in Belgrade, Serbia.\n\n"
        "The China-Pakistan Joint Research Centre on Earth Sciences was established in 2016.\n\n"
        "The Ubolratana power plant started commercial operations on 5 March.\n\n"
        "Researchers at Tsinghua University in Beijing have developed Taichi-II, an optical "
        "chip for training AI models.\n\n"
        "The China National Space Administration plans to launch Tianwen-2 around May.\n\n"
        "The Jiangmen Underground Neutrino Observatory (JUNO) in Kaiping, Guangdong Province, "
        "completed the construction of its central detector on 18 December."
    )
    assert [(p.name, p.status, p.project_type) for p in projects(text)] == [
        ("Shenzhou-14 crewed spaceship", "launched", "space_mission"),
        ("China-Serbia Joint Laboratory for Artificial Intelligence", "inaugurated", "joint_lab"),
        (
            "China-Pakistan Joint Research Centre on Earth Sciences",
            "established",
            "research_center",
        ),
        ("Ubolratana power plant", "started_operations", "facility"),
        ("Taichi-II", "developed", "research_result"),
        ("Tianwen-2", "planned", "space_mission"),
        ("Jiangmen Underground Neutrino Observatory", "completed", "facility"),
    ]


def test_signed_agreement_is_about_the_project_it_names() -> None:
    text = (
        "On 18 November, the Chinese Academy of Sciences and Germany's Max Planck Society "
        "signed an agreement in Munich to extend the CAS-MPG Partner Institute for "
        "Computational Biology (PICB) in Shanghai for another five years."
    )
    (p,) = projects(text, date(2023, 12, 1))
    assert p.name == "CAS-MPG Partner Institute for Computational Biology"
    # signed in Munich, but the institute is in Shanghai
    assert row(p) == ("research_center", "signed", date(2023, 11, 18), "Shanghai", "CHN")
    assert countries(p) == {"CHN", "DEU"}
    # a singular project an agreement creates is a project (real pages: status signed); an
    # agreement about no project is none
    (lab,) = projects("China and Egypt signed an agreement to build a joint laboratory.")
    assert (lab.project_type, lab.status) == ("joint_lab", "signed")
    assert projects("He signed several bilateral agreements with his French counterpart.") == []


def test_date_without_a_year_resolves_from_publication() -> None:
    text = (
        "The Gilgit Glacier Monitoring Station was inaugurated on 29 December in Gilgit, Pakistan."
    )
    (p,) = projects(text, date(2024, 1, 1))
    assert p.event_date == date(2023, 12, 29)
    assert (p.city, p.country) == ("Gilgit", "PAK")
    # a year or a month alone is no event date; the dateline date neither
    (p,) = projects("NASA launched the Artemis II mission in April 2024.")
    assert p.event_date is None
    (p,) = projects("BRUSSELS, June 12 -- Researchers have launched a four-year project on rice.")
    assert p.event_date is None


def test_weekday_in_a_news_article() -> None:
    text = "BEIJING, May 4 -- China on Friday launched the Chang'e-7 lunar probe on a mission."
    (p,) = projects(text, date(2024, 5, 4))
    assert p.name == "Chang'e-7 lunar probe"
    assert p.event_date == date(2024, 5, 3)  # the Friday before a Saturday


def test_follow_up_sentences_add_builders_funding_and_a_name() -> None:
    text = (
        "A joint laboratory for smart agriculture co-founded by Chinese and Thai institutions "
        "opened on Tuesday in Chiang Mai, northern Thailand.\n\n"
        "The China-Thailand Joint Laboratory for Smart Agriculture is a partnership of South "
        "China Agricultural University and Chiang Mai University. Thailand's Ministry of Higher "
        "Education, Science, Research and Innovation will provide 30 million baht (about "
        "870,000 U.S. dollars) for its first three years."
    )
    (p,) = projects(text, date(2023, 8, 9))
    assert p.name == "China-Thailand Joint Laboratory for Smart Agriculture"
    assert row(p) == ("joint_lab", "inaugurated", date(2023, 8, 8), "Chiang Mai", "THA")
    assert countries(p) == {"CHN", "THA"}
    assert (p.funding_amount, p.funding_currency) == (30_000_000, "THB")
    assert p.funding_usd == 870_000  # no THB rate: the text's own conversion


def test_funding_in_usd_at_the_year_rate() -> None:
    text = (
        "The Gilgit Glacier Monitoring Station, funded with RMB 12 million from the Chinese "
        "Academy of Sciences, was inaugurated on 29 December."
    )
    (p,) = projects(text, date(2024, 1, 1))
    assert (p.funding_amount, p.funding_currency) == (12_000_000, "CNY")
    assert p.funding_usd == to_usd(12_000_000, "CNY", 2023)


def test_a_programme_outlay_is_a_budget_not_funding() -> None:
    text = (
        "The Union Cabinet on Wednesday approved the National Quantum Mission with a total "
        "outlay of Rs 6,003.65 crore."
    )
    (p,) = projects(text, date(2023, 4, 20))
    assert (p.project_type, p.status, p.country) == ("programme", "established", "IND")
    assert p.funding_amount is None


def test_participants_are_builders_not_sources_or_certifiers() -> None:
    text = (
        "Researchers from the Dalian Institute of Chemical Physics (DICP) and Shaanxi Normal "
        "University have developed a perovskite-silicon tandem solar cell. The team announced "
        "the result on 12 August after the efficiency was certified by the US National "
        "Renewable Energy Laboratory (NREL)."
    )
    (p,) = projects(text, date(2023, 8, 20))
    assert [x.name for x in p.participants] == [
        "Dalian Institute of Chemical Physics",
        "Shaanxi Normal University",
    ]
    assert p.event_date == date(2023, 8, 12)  # a result is dated by its announcement


def test_space_mission_payload_partners_across_paragraphs() -> None:
    text = (
        "China launched the Chang'e-6 lunar probe on Friday from the Wenchang Space Launch "
        "Site.\n\n"
        "Chang'e-6 carries four international payloads: a radon detector from France's National "
        "Centre for Space Studies (CNES), a laser retroreflector from Italy's National Institute "
        "for Nuclear Physics (INFN) and a CubeSat from Pakistan's Institute of Space Technology."
    )
    (p,) = projects(text, date(2024, 5, 3))
    assert (p.city, p.country) == (None, "CHN")
    assert countries(p) == {"CHN", "FRA", "ITA", "PAK"}
    assert "Wenchang Space Launch Site" not in {x.name for x in p.participants}


def test_a_rocket_carrying_a_probe_launches_the_probe() -> None:
    text = "A Long March-5 rocket carrying the Chang'e-8 probe lifted off from Wenchang on Friday."
    (p,) = projects(text, date(2024, 5, 4))
    assert (p.name, p.status) == ("Chang'e-8 probe", "launched")


def test_negatives() -> None:
    sentences = [
        # counts
        "Since 2016, China has launched and supported nearly 2,000 joint research projects.",
        "China also opened 53 joint laboratories with Belt and Road Initiative countries.",
        "Earlier this year, China launched 15 satellites for its BeiDou navigation system.",
        "The Ministry of Science and Technology has approved 12 new national centres.",
        # intentions and unnamed plans
        'The government will "encourage the establishment of joint laboratories".',
        "The two ministers agreed to launch a joint call for research proposals.",
        "China will build 20 new national key laboratories in the next five years.",
        "The two sides also discussed the possibility of establishing a joint research centre.",
        # recalls inside another clause
        "It can undertake longer missions, compared to Queqiao-1 launched in 2018.",
        "The probe will rely on the Queqiao-2 relay satellite that China launched in March.",
        "The Gaofen-12 satellite, launched in 2021, has mapped most of the country.",
        "The Tianwen-1 probe, which reached Mars in 2021, is still operating.",
        # not projects: reports, budgets, funds, capitalised words in names
        "Two reports, “2024 Research Fronts” and “Research Fronts”, were released on 27 November.",
        "According to the funding plan released on 28 December, the NSFC will allocate more.",
        "On Wednesday, the Hong Kong government unveiled a HK$10 billion fund to support research.",
        "The member states agreed to promote the UNESCO Open Science recommendation.",
    ]
    for sentence in sentences:
        assert projects(sentence) == [], sentence


def test_headlines_and_contents_lines_are_not_counted() -> None:
    text = (
        "- China-Serbia Joint Laboratory for Artificial Intelligence Inaugurated in Belgrade\n\n"
        "China-Serbia Joint Laboratory for Artificial Intelligence Inaugurated in Belgrade\n\n"
        "On 16 June, the China-Serbia Joint Laboratory for Artificial Intelligence was "
        "inaugurated in Belgrade, Serbia."
    )
    found = extract_projects(
        "t", ParsedDocument(text=text, published_date=date(2022, 6, 1)), "review"
    )
    assert len(found) == 1
    assert found[0].mention.evidence.startswith("On 16 June")


def test_empty_document() -> None:
    assert extract_projects("t", ParsedDocument(text=""), "article") == []


def test_other_event_verbs_and_constructions() -> None:
    text = (
        "The Fengyun-5 weather satellite was sent into orbit from the Jiuquan Satellite Launch "
        "Center on 3 June.\n\n"
        "Teams from Fudan University and the University of Lisbon co-developed a low-cost "
        "malaria test, which was unveiled on 20 May.\n\n"
        "A joint centre for marine biotechnology has been built by the Ocean University of "
        "China and the University of Algarve in Faro, Portugal.\n\n"
        "Scientists from Peking University and the University of Oxford have created a new "
        "catalyst that converts carbon dioxide into methanol."
    )
    found = projects(text, date(2024, 6, 10))
    assert [(p.name, p.status, p.event_date) for p in found] == [
        ("Fengyun-5 weather satellite", "launched", date(2024, 6, 3)),
        ("low-cost malaria test", "developed", date(2024, 5, 20)),  # dated by its unveiling
        ("joint centre for marine biotechnology", "completed", None),
        ("catalyst that converts carbon dioxide into methanol", "developed", None),
    ]
    assert (found[2].city, found[2].country) == ("Faro", "PRT")
    assert countries(found[3]) == {"CHN", "GBR"}
    # an adjective is no verb: "self-developed", "newly built"
    assert projects("The self-developed chip and a newly built lab impressed visitors.") == []
