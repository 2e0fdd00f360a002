"""What a meeting or visit word reports and what it only recalls: a stop of a trip already
told, a meeting a thing was put forward at, the guidance of a political congress, a
programme announced for a visit; and events told by a forum's inauguration or a working
group held. Every text here is written for the test."""

from __future__ import annotations

from datetime import date

from tests.transform.readers import meetings
from transform.meeting_scope_rules import CLAUSE_RECALLS, SPIRIT_OF_BEFORE

MEETING = (
    "Cooperation news\n\nThe 5th Kestrel-Andes Joint Committee on Science and Technology"
    " Cooperation was held in Lima on May 14. "
)


def test_a_stop_after_the_meeting_is_no_second_meeting() -> None:
    found = meetings(
        MEETING + "After the meeting, Vice Minister Rosa Quispe visited Yunnan Medicinal"
        " Botanical Garden and Yunnan University."
    )
    assert [m.title for m in found] == [
        "5th Kestrel-Andes Joint Committee on Science and Technology Cooperation"
    ]


def test_also_visited_is_one_more_stop() -> None:
    found = meetings(MEETING + "The delegation also visited the Andes Institute of Ocean Research.")
    assert len(found) == 1


def test_a_visit_told_on_its_own_is_still_a_meeting() -> None:
    found = meetings(
        "Cooperation news\n\nVice Minister Rosa Quispe visited the Andes Institute of Ocean"
        " Research in Lima on May 14."
    )
    assert len(found) == 1


def test_a_summit_where_an_initiative_was_announced_is_recalled() -> None:
    found = meetings(
        "Cooperation news\n\nThe institute is part of the initiatives announced by the"
        " president in 2018 during the Lima Summit of the Andes Cooperation Forum."
    )
    assert found == []


def test_the_spirit_of_a_congress_recalls_it() -> None:
    # the cue is read in the clause before the meeting word, with the other recall cues
    assert SPIRIT_OF_BEFORE in CLAUSE_RECALLS
    assert SPIRIT_OF_BEFORE.search("fully implemented the spirit of the 19th Congress and its ")
    assert not SPIRIT_OF_BEFORE.search("In a spirit of openness, the ministers opened the ")
    assert not SPIRIT_OF_BEFORE.search("The delegates attended the ")


def test_a_meeting_a_visit_will_include_is_a_plan() -> None:
    found = meetings(
        "Visit news\n\nAn important part of the Chilean minister’s visit to China will also"
        " include a high-level meeting with his counterpart, Mr. Zhou Bin, the Chinese"
        " Minister of Science and Technology."
    )
    assert found == []


def test_a_forum_inaugurated_in_a_city_was_held() -> None:
    (m,) = meetings(
        "Forum news\n\nFrom May 9 to 13, the 3rd Forum on Andes-Kestrel Technology Transfer"
        " was inaugurated in Lima."
    )
    assert (m.start_date, m.end_date, m.city) == (date(2024, 5, 9), date(2024, 5, 13), "Lima")


def test_a_working_group_held_is_a_meeting() -> None:
    (m,) = meetings(
        "Cooperation news\n\nOn April 24th, the Andes Working Group on Research Cooperation"
        " was held in the conference hall of the ministry in Lima."
    )
    assert m.start_date == date(2024, 4, 24)
    assert "Working Group" in m.title


def test_a_working_group_named_in_passing_is_no_meeting() -> None:
    found = meetings(
        "Cooperation news\n\nThe Andes Working Group on Research Cooperation advises the"
        " ministry on research policy."
    )
    assert found == []


def test_a_visit_a_host_welcomes_someone_for_is_the_occasion_not_a_visit() -> None:
    found = meetings(
        "Visit news\n\nMinister Zhou Bin welcomed Vice-President Rosa Quispe for her visit to"
        " China and briefed the Peruvian side on the strategy."
    )
    assert [m.meeting_type for m in found] != ["visit"]


def test_the_visit_taken_up_again_is_no_new_visit() -> None:
    found = meetings(
        "Visit news\n\n“The visit to Tsinghua University was a chance to confirm the ties of"
        " Peru and China.”"
    )
    assert found == []


def test_arriving_for_a_visit_is_still_a_visit() -> None:
    (m,) = meetings(
        "Visit news\n\nMinister Zhou Bin arrived in Lima on May 3 for his visit to Peru."
    )
    assert m.meeting_type == "visit"


def test_a_regular_session_with_its_ordinal_is_named() -> None:
    (m,) = meetings(
        "Cooperation news\n\nThe third regular session of the China Chile Intergovernmental"
        " Committee on fisheries cooperation took place in Santiago on September 17, 2015."
    )
    assert m.title.startswith("Third regular session of the China Chile")
    assert m.start_date == date(2015, 9, 17)


def test_a_visit_an_agreement_was_signed_during_is_background() -> None:
    found = meetings(
        "Funding news\n\nThe call builds on the agreement of the two funding agencies, which was"
        " signed during Prime Minister Ana Duarte’s visit to China in April 2017."
    )
    assert found == []


def test_a_meeting_something_was_agreed_at_by_its_members_is_recalled() -> None:
    found = meetings(
        "Plan news\n\nThe Innovation Action Plan was agreed by all member countries at the"
        " 13th Andes S&T Committee Meeting."
    )
    assert found == []


def test_a_committee_being_set_up_is_no_meeting() -> None:
    found = meetings(
        "Cooperation news\n\nSenior Chilean officials met a Chinese delegation, and the sides"
        " chose to set up a joint steering committee on ocean science."
    )
    assert all("committee" not in m.title.lower() for m in found)


def test_a_visit_still_ahead_is_no_meeting() -> None:
    found = meetings(
        "University news\n\nThe two universities signed a memorandum in the run-up to the"
        " Chilean president’s state visit to China, the press service said."
    )
    assert found == []


def test_had_discussions_with_is_a_meeting() -> None:
    (m,) = meetings(
        "Visit news\n\nOn May 14, Minister Rosa Quispe had substantive discussions with"
        " Ambassador Zhou Bin in Lima."
    )
    assert m.start_date == date(2024, 5, 14)


def test_a_second_discussion_in_the_same_visit_is_no_second_meeting() -> None:
    found = meetings(
        "Visit news\n\nOn May 14 Minister Rosa Quispe met Vice-Chancellor Sir Alan Reyes, and also"
        " had a detailed discussion with Professor Mei Lan."
    )
    assert len(found) == 1


def test_the_conference_a_ceremony_took_place_during_is_a_meeting() -> None:
    (m,) = meetings(
        "Lab news\n\nThe opening ceremony was held during an international conference on"
        " marine technology transfer for the Andes region."
    )
    assert m.title == "International conference on marine technology transfer"


def test_an_exchange_that_qualifies_an_agreement_is_no_meeting() -> None:
    found = meetings(
        "Lab news\n\nThe project goes back to a note exchange agreement the two governments"
        " of Chile and China signed in 2016."
    )
    assert found == []


def test_leading_a_delegation_to_visit_a_laboratory_is_a_visit_made() -> None:
    (m,) = meetings(
        "University news\n\nOn May 14, Professor Rosa Quispe led a university delegation"
        " to visit the Andes Ocean Laboratory in Lima."
    )
    assert (m.meeting_type, m.start_date) == ("visit", date(2024, 5, 14))


def test_a_delegation_planning_to_visit_is_still_a_plan() -> None:
    found = meetings(
        "University news\n\nProfessor Rosa Quispe plans to visit the Andes Ocean Laboratory"
        " in Lima."
    )
    assert found == []


def test_a_pronoun_subject_of_met_is_the_person_named_just_before() -> None:
    (m,) = meetings(
        "Space news\n\nThe Chilean space agency is led by Minister Ana Duarte. She arrived in"
        " Beijing on Saturday and met with Zhou Bin, head of the China National Space"
        " Administration (CNSA)."
    )
    assert m.title == "Meeting between Ana Duarte and Zhou Bin"


def test_a_named_day_that_was_held_is_a_meeting() -> None:
    (m,) = meetings(
        "Forum news\n\nThe Chile-China Innovation Cooperation Day was held in the Chilean"
        " capital of Santiago on Friday."
    )
    assert (m.title, m.city, m.start_date) == (
        "Chile-China Innovation Cooperation Day",
        "Santiago",
        date(2024, 5, 31),
    )


def test_a_named_day_in_passing_is_no_meeting() -> None:
    found = meetings("Space news\n\nThe Chile Space Day celebrates the first satellite.")
    assert found == []


def test_an_exchange_programme_launched_is_no_meeting() -> None:
    found = meetings(
        "Programme news\n\nThe 2016 Chile-China Young Researcher Exchange Program was launched"
        " in Santiago on 3 May 2016."
    )
    assert found == []


def test_a_conference_followed_on_from_is_recalled() -> None:
    found = meetings(
        "Conference news\n\nFollowing on from the well attended 1st Andes Conference of April"
        " 2013, the 2nd Andes Conference was held in Lima on June 4, 2014."
    )
    assert [m.title for m in found] == ["2nd Andes Conference"]


def test_a_summit_a_plan_was_agreed_upon_at_is_recalled() -> None:
    found = meetings(
        "Plan news\n\nAs part of a new plan agreed upon by the leaders at the third Summit of"
        " the Andes Cooperation Forum in Lima in September, Chile pledged more research money."
    )
    assert found == []


def test_a_meeting_an_action_was_identified_at_is_recalled() -> None:
    found = meetings(
        "Centre news\n\nThe new centres answer a priority identified at the Chile-China"
        " Joint Commission Meeting on research last March."
    )
    assert found == []


def test_a_symposium_someone_planned_to_hold_is_a_plan() -> None:
    found = meetings(
        "Centre news\n\nThe two directors reviewed what the centre achieved in the past decade"
        " and planned to hold an international symposium in 2026 to celebrate its 20th"
        " anniversary."
    )
    assert found == []


def test_a_leaders_visit_an_old_agreement_was_signed_during_is_background() -> None:
    found = meetings(
        "Lab news\n\nThe ministry said the lab grew out of a research agreement signed during"
        " Chinese leader Li Qiang’s 2023 visit to Lima, which it called a milestone."
    )
    assert found == []
