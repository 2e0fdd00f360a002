"""The MEETING extractor on phrasings that the first rule sets did not cover: a host
minister whose portfolio is a list of fields before the name. Every text here is written
for the test."""

from __future__ import annotations

from datetime import date

from tests.transform.readers import meetings
from transform.facts import Meeting


def people(m: Meeting) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.role, p.country) for p in m.participants if p.kind == "person"}


def test_met_a_minister_whose_portfolio_is_a_list() -> None:
    (m,) = meetings(
        "Embassy news\n\nOn May 14th, Chinese Ambassador to Peru Lin Hao met with Peruvian"
        " Minister of Energy, Mines, and Innovation Carla Soto."
    )
    assert m.title == "Meeting between Lin Hao and Carla Soto"
    assert (m.meeting_type, m.start_date) == ("bilateral", date(2024, 5, 14))
    assert people(m)["Carla Soto"] == ("Minister of Energy, Mines, and Innovation", "PER")


def test_discussed_with_an_envoy_is_a_meeting_not_placed_at_his_post() -> None:
    (m,) = meetings(
        "Cooperation talks\n\nLima, Andina – Education Minister Rosa Quispe discussed with"
        " China’s Ambassador in Lima Zhou Bin on Tuesday the prospects of academic exchange."
    )
    assert m.title == "Meeting between Rosa Quispe and Zhou Bin"
    assert (m.meeting_type, m.start_date, m.city) == ("bilateral", date(2024, 5, 28), None)
    assert people(m)["Rosa Quispe"][0] == "Education Minister"  # not the dateline


def test_discussed_with_no_named_side_is_no_meeting() -> None:
    assert meetings("Plans\n\nThe minister discussed with reporters the new science plan.") == []


def test_committee_meetings_attended_by_invitation() -> None:
    (m,) = meetings(
        "News\n\nOn 4 March, two professors were invited to attend the 9th China-Norway Joint"
        " Committee Meetings on Research Cooperation in Oslo. The session was co-chaired by"
        " Vice Minister Mr. Ian McAllister."
    )
    assert m.title == "9th China-Norway Joint Committee Meetings on Research Cooperation"
    assert (m.meeting_type, m.start_date, m.city) == ("committee", date(2024, 3, 4), "Oslo")
    assert "Ian McAllister" in people(m)


def test_headline_short_name_repeats_the_body_meeting_with_that_alias() -> None:
    (m,) = meetings(
        "Minister attends the III China-Andes Ocean Forum\n\nOn 12 April, the III Forum on"
        " Ocean Science and Technology of China and the Andean Community (China-Andes Ocean"
        " Forum) was held via video link."
    )
    assert m.title.startswith("III Forum on Ocean Science")
    assert m.start_date == date(2024, 4, 12)


def test_article_title_names_the_one_meeting_its_body_describes() -> None:
    (m,) = meetings(
        "Institute Joins the Symposium on Ocean Data Sharing for Island States\n\nThe"
        " national ocean agency and two universities held an international symposium from"
        " Thursday 7th to Friday 8th March, 2024 on ocean data sharing."
    )
    assert m.title == "Symposium on Ocean Data Sharing for Island States"
    assert (m.meeting_type, m.start_date, m.end_date) == (
        "conference",
        date(2024, 3, 7),
        date(2024, 3, 8),
    )


def test_title_of_another_kind_stays_its_own_meeting() -> None:
    found = meetings(
        "Ministers Open the Forum on Ocean Data\n\nThe agency held an international symposium"
        " on 7 March 2024 on ocean data sharing."
    )
    assert len(found) == 2


def test_a_multi_day_meeting_whose_opening_day_is_reported_runs_from_it() -> None:
    (m,) = meetings(
        "Science news\n\nThe 5th Andes-China Materials Forum opened Tuesday in Lima, Peru."
        "\n\nThe four-day event brings together 200 researchers from both countries.",
        published=date(2024, 5, 15),
    )
    assert (m.start_date, m.end_date) == (date(2024, 5, 14), date(2024, 5, 17))


def test_an_opening_ceremony_far_from_its_weekday_still_marks_the_first_day() -> None:
    (m,) = meetings(
        "Science news\n\nThe opening ceremony of the 4th Baltic-China Photonics Symposium was"
        " held in Riga, Latvia, a port on the Baltic Sea, on Monday. The three-day symposium"
        " drew 90 guests.",
        published=date(2024, 5, 15),
    )
    assert (m.start_date, m.end_date) == (date(2024, 5, 13), date(2024, 5, 15))


def test_a_plain_held_day_with_a_duration_is_left_as_stated() -> None:
    (m,) = meetings(
        "Science news\n\nThe two-day 3rd Nordic-China Polar Workshop was held in Oslo,"
        " Norway on Monday.",
        published=date(2024, 5, 15),
    )
    assert (m.start_date, m.end_date) == (date(2024, 5, 13), date(2024, 5, 13))


def test_ran_until_gives_the_last_day() -> None:
    (m,) = meetings(
        "Science news\n\nThe 2024 Danube-China Energy Forum opened in Vienna, Austria on"
        " 7 May and ran until 9 May.",
        published=date(2024, 5, 15),
    )
    assert (m.start_date, m.end_date) == (date(2024, 5, 7), date(2024, 5, 9))


def test_a_meeting_name_in_a_navigation_menu_is_no_meeting() -> None:
    assert (
        meetings(
            "Trade promotion bureau signs deal with Lisbon partners\n\nNews\n\nEvents\n\n"
            "Lusophone Trade Forum\n\nContact Us\n\nThe bureau signed a memorandum with two"
            " Lisbon associations on Monday."
        )
        == []
    )


def test_a_contents_line_naming_a_meeting_among_headlines_is_kept() -> None:
    (m,) = meetings(
        "Monthly review\n\nIn this issue\n\n* 3rd China-Chile Astronomy Dialogue Held in"
        " Santiago\n\n* New survey telescope enters service in Qinghai\n\nThe review covers"
        " May 2024."
    )
    assert m.title == "3rd China-Chile Astronomy Dialogue"


def test_what_happened_during_a_meeting_between_two_named_people_reports_it() -> None:
    (m,) = meetings(
        "Talks\n\nThe agreement was made on Monday during a meeting between Kenyan President"
        " Uhuru Kenyatta and visiting Chinese Minister of Commerce Zhong Shan, who is here for"
        " the 5th Session of the Kenya-China Joint Committee."
    )
    assert m.title == "Meeting between Uhuru Kenyatta and Zhong Shan"
    assert (m.meeting_type, m.start_date) == ("bilateral", date(2024, 5, 27))
    assert people(m)["Zhong Shan"] == ("Minister of Commerce", "CHN")


def test_during_a_meeting_planned_or_without_named_sides_is_no_meeting() -> None:
    assert (
        meetings(
            "Plans\n\nThe issue will be raised during a meeting between Kenyan President Uhuru"
            " Kenyatta and Chinese Minister of Commerce Zhong Shan."
        )
        == []
    )
    assert meetings("Markets\n\nPrices rose during a meeting between the two sides.") == []


def test_an_honorific_makes_a_given_name_shared_with_an_institute_a_name() -> None:
    # "Max" is a word of the Max Planck Society's name, and also a given name
    (m,) = meetings(
        "Ambassador\n\nOn May 3, 2014, Minister Li Ping met with Mr. Max Carter, the"
        " newly-appointed British Ambassador to China."
    )
    assert m.title == "Meeting between Li Ping and Max Carter"
    (v,) = meetings("Visit\n\nMinister Li Ping visited the Max Planck Society in Munich on Monday.")
    assert "Max Planck" not in people(v)


def test_a_mechanism_whose_progress_is_reviewed_is_no_meeting() -> None:
    text = (
        "Talks\n\nOn 3 May, Minister Li Ping met with Mr. Max Carter, the British Ambassador."
        " Minister Li reviewed cooperation progress on the China-UK Joint Committee Meeting on"
        " Science, the Innovation Dialogue and flagship projects in recent years."
    )
    (m,) = meetings(text)
    assert m.title == "Meeting between Li Ping and Max Carter"
    (c,) = meetings(
        "Review\n\nThe progress of the 3rd China-UK Joint Committee was reviewed at the 4th"
        " China-UK Joint Committee Meeting held in London on 3 May."
    )
    assert c.title.startswith("4th China-UK Joint Committee")


def test_an_apostrophe_in_a_word_opens_no_quoted_name() -> None:
    (m,) = meetings(
        "Regional news\n\nLi Ming, Vietnam's minister of planning, said at the opening ceremony"
        ' of the 6th Forum on Mekong Science Exchange and Joint Innovation that, "We see'
        ' China as a partner."'
    )
    assert m.title == "6th Forum on Mekong Science Exchange and Joint Innovation"


def test_a_meeting_word_that_qualifies_an_exhibition_is_no_meeting() -> None:
    found = meetings(
        "Fair news\n\nThe forum organized a series of events, including the 12th Nordic Expo"
        " Green Energy Exhibition and a visit by students."
    )
    assert all("Expo" not in m.title for m in found)


def test_a_ceremony_in_the_next_sentence_does_not_exclude_a_meeting() -> None:
    found = meetings(
        "Forum news\n\nYoung researchers from Laos and Cambodia shared their work at the 3rd"
        " Mekong Young Scientist Innovation Forum. The opening ceremony drew 300 guests."
    )
    assert [m.title for m in found] == ["3rd Mekong Young Scientist Innovation Forum"]


def test_events_a_host_has_held_listed_as_examples_are_recalled() -> None:
    text = (
        "City news\n\nThe city has hosted a number of large academic events, including the 9th"
        " World Congress of Geologists in 2005, which was held in its new centre, and the"
        " first Asian Chemistry Conference in 2008."
    )
    assert meetings(text, date(2012, 3, 1)) == []
    held = "Forum news\n\nThe 3rd Asian Chemistry Conference was held in the city on 4 May."
    assert [m.title for m in meetings(held)] == ["3rd Asian Chemistry Conference"]


def test_a_visit_counted_is_past_trips_summed_up() -> None:
    assert (
        meetings(
            "Talks\n\nThe vice premier said she had visited Norway three times and admired its"
            " research culture."
        )
        == []
    )
    assert meetings("Talks\n\nProfessor Lin has toured the institute several times.") == []


def test_a_single_visit_reported_still_counts() -> None:
    # trap: a number of days or delegates after the visit is no count of trips
    (m,) = meetings(
        "Delegation news\n\nOn 3 May, Minister Ana Costa visited Tsinghua University with"
        " 12 researchers."
    )
    assert m.meeting_type == "visit"


def test_a_visit_that_caused_a_state_of_affairs_is_recalled() -> None:
    assert not [
        m
        for m in meetings(
            "Consulate news\n\nBoth sides reviewed ties, which were strengthened by the visit"
            " to Chile of President Hu Wei in October 2023."
        )
        if m.meeting_type == "visit"
    ]


def test_a_stop_of_a_trip_already_reported_is_no_meeting_of_its_own() -> None:
    found = meetings(
        "Delegation news\n\nZhang Lin, the president of the university, and his delegation"
        " paid a six-day visit to Poland and Czechia from April 3 to 8, to deepen academic"
        " exchanges.\n\nAccompanied by the consul, Zhang Lin and his delegation visited the"
        " Warsaw University of Technology and Charles University in Czechia."
    )
    (m,) = found
    assert (m.meeting_type, m.start_date, m.end_date) == (
        "visit",
        date(2024, 4, 3),
        date(2024, 4, 8),
    )


def test_leading_a_delegation_to_a_country_is_a_visit_there() -> None:
    (m,) = meetings(
        "Ministry news\n\nVice Minister Li Ping led a delegation to Chile on May 12, 2024,"
        " to discuss joint astronomy research."
    )
    assert (m.meeting_type, m.country, m.start_date) == ("visit", "CHL", date(2024, 5, 12))


def test_leading_a_delegation_to_attend_a_forum_is_no_visit() -> None:
    found = meetings(
        "Ministry news\n\nVice Minister Li Ping led a delegation to attend a reception in"
        " Santiago on May 12, 2024."
    )
    assert [m for m in found if m.meeting_type == "visit"] == []


def test_being_in_a_place_to_meet_someone_there_is_a_visit() -> None:
    (m,) = meetings(
        "Institute news\n\nProf. Anna Weber headed a delegation in Kenya this week for"
        " meetings with the Kenya Agricultural Research Organization."
    )
    assert (m.meeting_type, m.country) == ("visit", "KEN")


def test_being_in_a_place_without_meeting_anyone_is_no_visit() -> None:
    found = meetings(
        "Institute news\n\nThe team was in Nairobi to install new sensors at the field station."
    )
    assert found == []


def test_a_host_who_received_a_delegation_or_a_titled_guest_met_them() -> None:
    (m,) = meetings(
        "Ministry news\n\nOn May 12, Vice Minister Li Ping received a delegation headed by"
        " Dr. Anna Weber, President of the German Research Foundation."
    )
    assert (m.title, m.start_date) == ("Meeting between Li Ping and Anna Weber", date(2024, 5, 12))


def test_receiving_an_award_funding_or_approval_is_no_meeting() -> None:
    assert (
        meetings(
            "Institute news\n\nOn May 12, the institute received an award from the Ministry"
            " of Science and Technology. Professor Li Ping received funding from the National"
            " Natural Science Foundation of China and received approval for the project."
        )
        == []
    )


def test_visits_to_institutions_described_by_kind_go_to_their_countries() -> None:
    found = meetings(
        "News\n\nFrom March 3 to 8, Chen Hao, president of the Chinese Academy of Sciences"
        " (CAS), paid visits to research institutes, universities and relevant ministries of"
        " Peru and Chile.\n\nDuring his visit to Lima, Peru, Chen met with Ana Ruiz, president"
        " of the Peruvian Academy of Sciences."
    )
    assert len(found) == 1
    (m,) = found
    assert (m.meeting_type, m.start_date, m.end_date) == (
        "visit",
        date(2024, 3, 3),
        date(2024, 3, 8),
    )


def test_a_meeting_whose_outcomes_are_implemented_is_recalled() -> None:
    assert not meetings(
        "News\n\nThe vice minister said the ministry would actively implement what the premier"
        " proposed on closer cooperation in agriculture during the opening ceremony of the Third"
        " Ministerial Conference of the Andes-Pacific Cooperation Forum."
    )
    assert not meetings(
        "News\n\nThe agency will implement the outcomes of the Second Ministerial Meeting of the"
        " Andes-Pacific Cooperation Forum."
    )


def test_a_meeting_held_to_implement_a_plan_is_still_reported() -> None:
    (m,) = meetings(
        "News\n\nTo implement the plan, the Third Joint Committee Meeting of Peru and China was"
        " held in Lima on May 3, 2024."
    )
    assert m.start_date == date(2024, 5, 3)


def test_a_delegation_that_was_invited_to_visit_made_the_visit() -> None:
    found = meetings(
        "News\n\nA delegation led by Chen Hao, president of the Chinese Academy of Sciences, was"
        " invited to visit the Royal Academy of Peru from April 2 to 6."
    )
    assert [(m.meeting_type, m.start_date, m.country) for m in found] == [
        ("visit", date(2024, 4, 2), "PER")
    ]


def test_a_delegation_that_is_invited_to_visit_has_not_visited_yet() -> None:
    assert not meetings(
        "News\n\nThe academy said a delegation is invited to visit the Royal Academy of Peru."
    )


def test_a_side_met_by_surname_alone_is_the_person_named_before() -> None:
    found = meetings(
        "News\n\nChen Hao, president of the Andean Academy of Sciences, toured the region in"
        " spring.\n\nIn Chile, Chen met with Ana Ruiz, Minister of Science of Chile."
    )
    assert any(m.title.startswith("Meeting between Chen Hao and") for m in found)
