"""The PROJECT extractor on phrasings that the first rule sets did not cover: several
missions named right after a count ("launched three probes A, B and C"). Every text here
is written for the test."""

from __future__ import annotations

from datetime import date

from tests.transform.readers import projects
from transform.sentences import split_sentences


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


def test_a_quoted_name_in_apposition_names_the_mission() -> None:
    (p,) = projects(
        "Space news\n\nXICHANG, May 31 (Xinhua) -- China successfully sent a Japanese-made"
        " weather satellite, “HIMA-9,” into orbit Saturday evening, using a Long March-3B"
        " carrier rocket launched from the Xichang Satellite Launch Center."
    )
    assert (p.name, p.project_type, p.status, p.country) == (
        "HIMA-9",
        "space_mission",
        "launched",
        "CHN",
    )
    assert {c.country for c in p.participants if c.kind == "country"} == {"CHN", "JPN"}


def test_a_quoted_programme_name_after_its_description() -> None:
    (p,) = projects("News\n\nThe ministry launched a new programme, “Science for All,” in May.")
    assert (p.name, p.project_type) == ("Science for All", "programme")


def test_an_unnamed_joint_project_takes_its_two_partners() -> None:
    (p,) = projects(
        "News\n\nThe Southern Ocean Alliance (SOA) and China launched a joint laboratory"
        " programme on April 12 to boost innovation."
    )
    assert (p.name, p.status) == ("SOA-China joint laboratory programme", "launched")
    (q,) = projects("News\n\nKenya and China have jointly opened a joint laboratory in Nairobi.")
    assert q.name == "Kenya-China joint laboratory"


def test_partners_that_are_not_short_names_add_nothing() -> None:
    (p,) = projects(
        "News\n\nThe university and the company opened a joint laboratory in Nairobi on Monday."
    )
    assert p.name == "joint laboratory"


def test_an_ordinal_of_its_kind_is_one_new_project() -> None:
    (p,) = projects(
        "News\n\nChina has opened the 7th technology transfer center in Qingdao on an area of"
        " 10,000 m2."
    )
    assert (p.name, p.project_type, p.status, p.city) == (
        "7th technology transfer center",
        "research_center",
        "inaugurated",
        "Qingdao",
    )


def test_the_nth_satellite_to_have_been_sent_is_a_description() -> None:
    assert (
        projects(
            "Space news\n\nZX-04 is the fourth satellite to have been sent into orbit by the"
            " two countries since 1999."
        )
        == []
    )


def test_a_headline_describing_the_named_mission_is_the_same_project() -> None:
    found = projects(
        "China launches Japanese-made weather satellite 2024-06-01 20:55:17\n\nXICHANG, June 1"
        " (Xinhua) -- China successfully sent a Japanese-made weather satellite, “HIMA-9,”"
        " into orbit Saturday evening."
    )
    assert [p.name for p in found] == ["HIMA-9"]


def test_a_signed_declaration_to_create_a_project_is_signed() -> None:
    (p,) = projects(
        "News\n\nThe state secretary, Tom Rachel, and the minister, Wan Li, signed a"
        " declaration of intent to create a joint innovation platform."
    )
    assert (p.name, p.project_type, p.status) == (
        "joint innovation platform",
        "programme",
        "signed",
    )


def test_to_create_without_an_agreement_is_an_intention() -> None:
    assert (
        projects(
            "News\n\nHe said China is willing to work with its partners to provide support,"
            " and create a good cooperation environment."
        )
        == []
    )


def test_payloads_sent_up_by_a_rocket_are_missions_launched_that_day() -> None:
    found = projects(
        "Rocket sends two satellites aloft\n\nChina launched a Long March 4C rocket from the"
        " Taiyuan Satellite Launch Center on Monday. The rocket blasted off at 3:12 pm,"
        " sending up the Yaogan 41-03 radar satellite and the Skyline 2, built by a private"
        " firm in Shanghai for weather data, the company said.",
        published=date(2024, 5, 1),
    )
    assert [(p.name, p.status, p.event_date) for p in found] == [
        ("Yaogan 41-03 radar satellite", "launched", date(2024, 4, 29)),
        ("Skyline 2", "launched", date(2024, 4, 29)),
    ]


def test_a_rocket_that_lifted_off_and_put_a_satellite_into_orbit_launched_it() -> None:
    found = projects(
        "Long March busy\n\nBEIJING: China launched a Long March 3C rocket early on Friday."
        " The rocket blasted off at 1:20 am and transported the Shijian 31 experimental"
        " satellite into a geosynchronous orbit, the contractor said. Three hours earlier, a"
        " Long March 2C rocket lifted off from Jiuquan Satellite Launch Center and put the"
        " Tianyan 7 satellite into orbit.",
        published=date(2024, 5, 3),
    )
    assert [(p.name, p.event_date) for p in found] == [
        ("Shijian 31 experimental satellite", date(2024, 5, 3)),
        ("Tianyan 7 satellite", None),  # "three hours earlier": not the day the page dated
    ]


def test_a_full_stop_glued_after_a_bracket_or_before_a_still_ends_the_sentence() -> None:
    text = (
        "China launched a new radar satellite at 9:10 a.m. Friday (Beijing Time).The"
        " satellite, Haiyang-5 02, was sent into orbit.A small test satellite was also"
        " launched. It met the U.S. team."
    )
    assert [s.text[:12] for s in split_sentences(text)] == [
        "China launch",
        "The satellit",
        "A small test",
        "It met the U",
    ]


def test_putting_a_facility_into_operation_is_still_said_of_its_subject() -> None:
    found = projects(
        "Energy news\n\nThe Lanzhou Solar Research Centre was put into operation on May 2."
    )
    assert [(p.name, p.status) for p in found] == [
        ("Lanzhou Solar Research Centre", "started_operations")
    ]


def test_the_bare_head_refers_back_to_the_project_just_named() -> None:
    (p,) = projects(
        "Think tank news\n\nLIMA, 2 May: Peru Study Center on Mining and Energy has been"
        " established in China. The Centre has been established at Hunan University with"
        " the help of Peru's embassy."
    )
    assert p.name == "Peru Study Center on Mining and Energy"


def test_a_bare_head_of_another_kind_is_no_reference() -> None:
    # trap: "The Laboratory" cannot refer back to a centre
    found = projects(
        "Science news\n\nThe Andes Study Center on Mining has been established in Lima."
        " The Laboratory has been established at Cusco University."
    )
    assert found[0].name == "Andes Study Center on Mining"
    assert found[0].city == "Lima"  # not moved to Cusco by the other sentence


def test_a_participle_before_its_noun_reports_no_event() -> None:
    found = projects(
        "Polar news\n\nChina opens its research station called Taishan on 8 February 2024."
        " Fully constructed station covered an area of 400 m2. The newly built hangar"
        " holds two aircraft."
    )
    assert [p.name for p in found] == ["research station called Taishan"]


def test_an_adverb_and_participle_as_the_predicate_still_report() -> None:
    # trap: "was officially opened in" and "successfully launched the X" are the event
    found = projects(
        "Space news\n\nOn 2 May 2024, China successfully launched the Tianlu-3 satellite."
    )
    assert [p.name for p in found] == ["Tianlu-3 satellite"]


def test_works_on_a_named_thing_make_that_thing_the_project() -> None:
    (p,) = projects(
        "Academy news\n\nThe academy kicked off the construction of the KUNLUN telescope."
    )
    assert (p.name, p.status) == ("KUNLUN telescope", "launched")


def test_works_on_the_subjects_own_part_keep_the_subject() -> None:
    # trap: "its" (and a lower-case part) is the subject's own works, not a new project
    found = projects(
        "Physics news\n\nThe TAIGA observatory completed the construction of its central"
        " detector on 3 May 2024."
    )
    assert "central detector" not in [p.name for p in found]


def test_a_satellite_described_at_length_sent_into_space_is_launched() -> None:
    (p,) = projects(
        "Space news\n\nChina successfully sent a new test satellite for laser relay"
        " technology into space from the Wenchang launch site on Monday."
    )
    assert (p.project_type, p.status, p.event_date) == (
        "space_mission",
        "launched",
        date(2024, 6, 3),
    )


def test_succeeded_in_launching_reports_the_launch_done() -> None:
    (p,) = projects(
        "Space news\n\nOn Monday China succeeded in launching its 12th ocean observation"
        " satellite from the Taiyuan Satellite Launch Center."
    )
    assert (p.project_type, p.status) == ("space_mission", "launched")


def test_hoping_to_succeed_in_building_reports_nothing() -> None:
    assert projects("Lab news\n\nThe team hopes to succeed in building the X-ray Lab.") == []


def test_people_who_came_together_to_open_a_lab_report_it_opened() -> None:
    (p,) = projects(
        "Campus news\n\nLast week saw the Vice President of Fudan University and a group of"
        " officials join local staff and guests to officially open the Joint Fudan-UQ"
        " Laboratory for Soil Science."
    )
    assert (p.name, p.status) == ("Joint Fudan-UQ Laboratory for Soil Science", "inaugurated")


def test_people_who_will_join_to_open_a_lab_report_no_opening() -> None:
    assert (
        projects(
            "Campus news\n\nOfficials will join local staff next week to open the Joint"
            " Laboratory for Soil Science."
        )
        == []
    )


def test_a_foundation_stone_or_groundbreaking_ceremony_for_a_project_launches_it() -> None:
    found = projects(
        "Campus news\n\nA foundation stone laying ceremony for the Lingnan Shenzhen Research"
        " Institute was held on 3 June in Shenzhen.\n\nThe groundbreaking ceremony for the"
        " Hefei Advanced Light Facility took place on Monday."
    )
    assert [(p.name, p.status) for p in found] == [
        ("Lingnan Shenzhen Research Institute", "launched"),
        ("Hefei Advanced Light Facility", "launched"),
    ]


def test_a_foundation_or_a_groundbreaking_study_is_no_event() -> None:
    assert projects("Lab news\n\nThe foundation of the X Lab rests on trust.") == []
    assert projects("Lab news\n\nThe groundbreaking work of the Y Institute was praised.") == []


def test_a_centre_that_gains_from_a_renewed_agreement_is_not_what_it_creates() -> None:
    found = projects(
        "Institute news\n\n“We have just signed the renewed Exchange Fellowship Agreement,"
        " which will see partner universities fund visits also for the Regional Research"
        " Centre in Wuxi,” said the director."
    )
    assert [p.name for p in found if "Centre" in p.name] == []


def test_an_agreement_on_building_a_centre_still_creates_it() -> None:
    (p,) = projects(
        "Institute news\n\nThe two academies signed an agreement on the joint construction of"
        " the Sino-Kenyan Centre for Crop Research on Monday."
    )
    assert (p.name, p.status) == ("Sino-Kenyan Centre for Crop Research", "signed")


def test_a_satellite_described_by_its_country_takes_the_name_the_next_sentence_gives() -> None:
    found = projects(
        "Space news\n\nChina successfully launched an observation satellite for Kenya on"
        " Friday, state media reported.\n\nThe Long March 2D rocket carrying the Kenyan"
        " Observation Satellite-2B lifted off from the Jiuquan Satellite Launch Center."
    )
    assert [p.name for p in found] == ["Kenyan Observation Satellite-2B"]
    assert {c.country for c in found[0].participants if c.kind == "country"} >= {"KEN"}


def test_a_described_satellite_without_a_later_name_stays_one_project() -> None:
    found = projects(
        "Space news\n\nChina successfully launched a Kenyan observation satellite on Friday."
    )
    assert [p.name for p in found] == ["Kenyan observation satellite"]


def test_a_lab_that_builds_upon_another_names_no_new_project_in_it() -> None:
    found = projects(
        "News\n\nThe new laboratory builds upon the university's \u201cSino-Andean Joint"
        " Laboratory for Soil Health\u201d and its earlier work."
    )
    assert "Sino-Andean Joint Laboratory for Soil Health" not in [p.name for p in found]


def test_a_facility_built_on_a_site_is_still_built() -> None:
    (p,) = projects(
        "News\n\nThe Andes Radio Telescope was built on a hillside near Cusco in May 2024."
    )
    assert p.name == "Andes Radio Telescope"


def test_a_quoted_name_without_commas_names_the_sent_mission() -> None:
    for quoted in ('"KENSAT-7B"', "\u201cKENSAT-7B\u201d"):
        (p,) = projects(
            "Space news\n\nChina successfully sent a Brazilian-made communication satellite"
            f" {quoted} into orbit on Tuesday evening."
        )
        assert (p.name, p.status) == ("KENSAT-7B", "launched")
