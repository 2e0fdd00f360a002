"""The MEETING extractor: the seed documents row by row, each rule, and what is no meeting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from evaluation import load_gold_document
from extract.documents import ParsedDocument
from transform.facts import MEETING_TYPES, Meeting
from transform.meetings import extract_meetings, meeting_type_of

GOLD = Path(__file__).resolve().parents[1] / "gold"


def meetings(
    text: str, published: date = date(2024, 6, 1), doc_type: str = "article"
) -> list[Meeting]:
    found = extract_meetings("t", ParsedDocument(text=text, published_date=published), doc_type)
    for c in found:
        assert text[c.mention.char_start : c.mention.char_end] == c.mention.evidence
    return [c.fact for c in found]  # type: ignore[misc]


def seed(name: str) -> list[Meeting]:
    doc = load_gold_document(GOLD / f"{name}.json")
    found = extract_meetings(doc.doc_id, doc.parsed(), doc.doc_type)
    for c in found:
        assert doc.text[c.mention.char_start : c.mention.char_end] == c.mention.evidence
    return [c.fact for c in found]  # type: ignore[misc]


def row(m: Meeting) -> tuple:
    return (m.meeting_type, m.start_date, m.end_date, m.city, m.country)


def persons(m: Meeting) -> list[str]:
    return [p.name for p in m.participants if p.kind == "person"]


def person(m: Meeting, name: str) -> tuple:
    p = next(p for p in m.participants if p.kind == "person" and p.name == name)
    return (p.role, p.organisation, p.country)


# ---------------------------------------------------------------------------------------
# The seed documents, row by row


def test_seed_000_review_march_2024() -> None:
    found = seed("seed_000_review_2024_03")
    assert [m.title for m in found] == [
        "Meeting between National Natural Science Foundation of China and Royal Society",
        "Visit of Minister of Science and Technology Yin Hejun to France",
        "15th Joint Committee for Science and Technology Dialogue",  # "15%" read as "15th"
    ]
    nsfc, visit, committee = found
    assert row(nsfc) == ("bilateral", date(2024, 3, 12), date(2024, 3, 12), "Beijing", "CHN")
    assert persons(nsfc) == ["Dou Xiankang", "Mark Walport", "Alison Noble"]
    assert person(nsfc, "Dou Xiankang") == (
        "President",
        "National Natural Science Foundation of China",
        "CHN",
    )
    assert row(visit) == ("visit", date(2024, 3, 18), date(2024, 3, 22), None, "FRA")
    assert persons(visit) == ["Yin Hejun", "Le Thaillou", "Antoine Petit"]
    # held during the visit: no date of its own, the visit's country, the visitor
    assert row(committee) == ("committee", None, None, None, "FRA")
    assert "Yin Hejun" in persons(committee)
    # the NPC and CPPCC sessions are the budget's setting, not meetings
    assert all("People" not in m.title for m in found)


def test_seed_001_review_november_2024() -> None:
    found = seed("seed_001_review_2024_11")
    assert [m.title for m in found] == [
        "CSSP China annual workshop",  # its organiser, by the acronym the document defines
        "7th China-Sweden Joint Committee on Science and Technology Cooperation",
        "2024 China-Africa Innovation Cooperation and Development Forum",
        "16th China-EU Science and Technology Cooperation Steering Committee",
    ]
    workshop, sweden, forum, eu = found
    assert row(workshop) == ("workshop", date(2024, 11, 6), date(2024, 11, 8), "Kunming", "CHN")
    assert persons(workshop) == ["Rowan Sutton", "Chao Qingchen"]
    assert row(sweden) == ("committee", None, None, "Beijing", "CHN")
    assert persons(sweden) == ["Dai Gang", "David Edvardsson"]
    assert row(forum) == ("forum", date(2024, 11, 6), date(2024, 11, 8), "Wuhan", "CHN")
    assert persons(forum) == ["Qiu Yong"]
    assert row(eu) == ("committee", date(2024, 11, 27), date(2024, 11, 27), "Brussels", "BEL")
    assert person(eu, "Dai Gang") == (
        "Director General of the International Cooperation Department",
        "Chinese Ministry of Science and Technology",
        "CHN",
    )
    assert person(eu, "Signe Ratz")[1] == "European Commission"
    # Africa is a region, not a participating country
    assert {p.country for p in forum.participants if p.kind == "country"} == {"CHN"}


def test_seed_003_symposium_and_exchange() -> None:
    found = seed("seed_003_news_intl_cooperation")
    assert [(m.title, *row(m)) for m in found] == [
        (
            "Fourth annual China-Belgium science and technology exchange symposium",
            "conference",
            date(2022, 10, 28),
            date(2022, 10, 28),
            "Brussels",
            "BEL",
        ),
        ("China-Ireland exchange", "bilateral", date(2022, 10, 13), date(2022, 10, 13), None, None),
    ]
    assert persons(found[0]) == ["Cao Zhongming"]
    # "over 40 ministerial-level exchanges", "the 20th National Congress": no meetings


def test_seed_002_and_004_have_no_meetings() -> None:
    # a panel at the CPPCC; the NPC session the work report was delivered to
    assert seed("seed_002_news_st_budget_2024") == []
    assert seed("seed_004_news_work_report_2024") == []


def test_vocabulary_and_summary() -> None:
    for name in ("seed_000_review_2024_03", "seed_001_review_2024_11"):
        for m in seed(name):
            assert m.meeting_type in MEETING_TYPES
            assert m.summary and len(m.summary) <= 300


# ---------------------------------------------------------------------------------------
# Rules


def test_ordinals_are_kept_in_the_title() -> None:
    text = (
        "The 6th China-Sweden Joint Committee on Science and Technology Cooperation was held via "
        "video link on 14 June.\n\n"
        "The 5th meeting of the China-Uzbekistan Joint Commission on Scientific and Technical "
        "Cooperation was held on 27 December in Tashkent.\n\n"
        "The second Belt and Road Conference on Science and Technology Exchange was held in "
        "Chongqing from 10-12 September."
    )
    found = meetings(text, date(2024, 9, 1))
    assert [m.title for m in found] == [
        "6th China-Sweden Joint Committee on Science and Technology Cooperation",
        "5th meeting of the China-Uzbekistan Joint Commission on Scientific and Technical "
        "Cooperation",
        "Second Belt and Road Conference on Science and Technology Exchange",
    ]
    online, tashkent, belt = found
    assert (online.city, online.country) == (None, None)  # held online
    assert row(tashkent) == ("committee", date(2023, 12, 27), date(2023, 12, 27), "Tashkent", "UZB")
    assert row(belt) == ("conference", date(2024, 9, 10), date(2024, 9, 12), "Chongqing", "CHN")


def test_date_range_across_months() -> None:
    text = (
        "The China-ASEAN Workshop on Fusion Energy Science and Technology was held from 30 "
        "July-3 August in Hefei, Anhui Province."
    )
    (m,) = meetings(text, date(2023, 8, 10))
    assert row(m) == ("workshop", date(2023, 7, 30), date(2023, 8, 3), "Hefei", "CHN")


def test_weekdays_opened_and_concluded() -> None:
    text = (
        "MOSCOW, Nov. 3 -- China and Russia agreed to expand joint research at the 27th "
        "session of the China-Russia Subcommission on Scientific and Technological Cooperation, "
        "which concluded in Moscow on Thursday.\n\n"
        "Chinese Vice Minister of Science and Technology Chen Jiachang and Russian Deputy "
        "Minister of Science and Higher Education Dmitry Pavlov co-chaired the four-day session, "
        "which opened on Monday."
    )
    (m,) = meetings(text, date(2023, 11, 3))  # a Friday
    assert m.title.startswith("27th session of the China-Russia Subcommission")
    assert row(m) == ("committee", date(2023, 10, 30), date(2023, 11, 2), "Moscow", "RUS")
    assert persons(m) == ["Chen Jiachang", "Dmitry Pavlov"]
    assert person(m, "Dmitry Pavlov")[2] == "RUS"


def test_a_future_weekday_ends_a_running_forum() -> None:
    text = (
        "BEIJING, April 25 -- The 2024 Zhongguancun Forum opened in Beijing on Thursday. The "
        "five-day forum runs until Monday under the theme of innovation."
    )
    (m,) = meetings(text, date(2024, 4, 25))
    assert (m.start_date, m.end_date) == (date(2024, 4, 25), date(2024, 4, 29))


def test_visits() -> None:
    text = (
        "Chen Jiachang, Vice Minister of Science and Technology, led a Chinese delegation on an "
        "official visit to Kenya from 14-17 August. In Nairobi, he met Alice Wambui, Cabinet "
        "Secretary for Education, and visited the Sino-Africa Joint Research Center.\n\n"
        "Yin Hejun, Minister of Science and Technology, visited Singapore from 24-27 March at "
        "the invitation of Tan See Leng, Singapore's Minister for Manpower."
    )
    kenya, singapore = meetings(text, date(2025, 3, 30))
    assert kenya.title == "Visit of Vice Minister of Science and Technology Chen Jiachang to Kenya"
    assert row(kenya) == ("visit", date(2024, 8, 14), date(2024, 8, 17), "Nairobi", "KEN")
    assert persons(kenya) == ["Chen Jiachang", "Alice Wambui"]
    assert row(singapore) == ("visit", date(2025, 3, 24), date(2025, 3, 27), "Singapore", "SGP")
    assert person(singapore, "Tan See Leng") == ("Minister for Manpower", None, "SGP")


def test_bilateral_multilateral_and_talks() -> None:
    text = (
        "Foreign Minister Wang Yi held talks with his Egyptian counterpart Sameh Shoukry in "
        "Cairo on Sunday.\n\n"
        "Science ministers from the BRICS group met in Moscow on Thursday for the 12th BRICS "
        "Science, Technology and Innovation Ministers' Meeting."
    )
    talks, brics = meetings(text, date(2024, 9, 20))
    assert talks.title == "Talks between Wang Yi and Sameh Shoukry"
    assert row(talks) == ("bilateral", date(2024, 9, 15), date(2024, 9, 15), "Cairo", "EGY")
    assert brics.title == "12th BRICS Science, Technology and Innovation Ministers' Meeting"
    assert row(brics) == ("multilateral", date(2024, 9, 19), date(2024, 9, 19), "Moscow", "RUS")


def test_meeting_type_by_noun_then_sides() -> None:
    assert meeting_type_of("27th session of the China-Russia Subcommission", 2) == "committee"
    assert meeting_type_of("2024 China-Africa Cooperation Forum", 1) == "forum"
    assert meeting_type_of("China-ASEAN Workshop on Fusion Energy", 5) == "workshop"
    assert meeting_type_of("fourth annual exchange symposium", 2) == "conference"
    assert meeting_type_of("China-Ireland exchange", 2) == "bilateral"
    assert meeting_type_of("Ministers' Meeting", 9) == "multilateral"
    assert meeting_type_of("Meeting", 1) == "other"


def test_negatives() -> None:
    sentences = [
        "The budget was unveiled during the two sessions, which took place from 3-11 March.",
        "Premier Li Qiang set forth plans at the second session of the 14th National People's "
        "Congress on 5 March.",
        "Officials told a press conference held by the State Council Information Office on "
        "Thursday.",
        "The report to the 20th National Congress of the Communist Party of China stated goals.",
        "Its next meeting is expected to take place in Beijing in December.",
        "Both sides agreed to hold the next meeting in Beijing.",
        "In 2021, China held over 40 ministerial-level exchanges on public health.",
        "The China-Russia Subcommission is part of the mechanism of regular meetings.",
    ]
    for sentence in sentences:
        assert meetings(sentence, date(2024, 4, 1)) == [], sentence


def test_a_future_meeting_with_its_day_and_place_counts() -> None:
    (m,) = meetings(
        "The 2024 Zhongguancun Forum will be held in Beijing from 25-29 April.", date(2024, 4, 1)
    )
    assert (m.title, m.start_date, m.end_date, m.city) == (
        "2024 Zhongguancun Forum",
        date(2024, 4, 25),
        date(2024, 4, 29),
        "Beijing",
    )


def test_a_future_meeting_without_a_day_is_an_intention() -> None:
    assert meetings("The 2025 forum will be held in Beijing next year.", date(2024, 4, 1)) == []


def test_a_wish_for_an_exchange_is_not_a_meeting() -> None:
    text = "During the talks, the minister called for a wider exchange of young scientists."
    assert all("exchange" not in m.title for m in meetings(text, date(2024, 4, 1)))


def test_two_people_as_one_subject_met() -> None:
    text = (
        "Portugal's Science Minister Manuel Heitor and his Chinese counterpart Wang Zhigang "
        "met online on Tuesday."
    )
    (m,) = meetings(text, date(2021, 12, 9))
    persons = {p.name for p in m.participants if p.kind == "person"}
    assert persons == {"Manuel Heitor", "Wang Zhigang"}
    assert m.start_date == date(2021, 12, 7)


def test_without_a_publication_date_the_stated_month_and_year_give_the_year() -> None:
    text = (
        "February 2012: Senator Chris Evans, Australian Minister for Science, and Chinese "
        "Minister of Science and Technology Dr Wan Gang met in Beijing on 20 February."
    )
    found = extract_meetings("t", ParsedDocument(text=text, published_date=None), "article")
    assert [c.fact.start_date for c in found] == [date(2012, 2, 20)]


def test_headlines_are_not_counted() -> None:
    text = (
        "- Sixth China-Sweden Joint Committee Meets Online\n\n"
        "Sixth China-Sweden Joint Committee Meets Online\n\n"
        "The 6th China-Sweden Joint Committee on Science and Technology Cooperation was held via "
        "video link on 14 June."
    )
    found = extract_meetings(
        "t", ParsedDocument(text=text, published_date=date(2022, 6, 1)), "review"
    )
    assert len(found) == 1
    assert found[0].mention.evidence.startswith("The 6th")


def test_people_by_what_they_do_and_names_with_accents_or_particles() -> None:
    text = (
        "The third China-Portugal Dialogue on Science and Innovation was held in Lisbon from 30 "
        "September to 3 October. It was attended by José Manuel Silva and Elvira Fortunato.\n\n"
        "European Commission President Ursula von der Leyen met Chinese Premier Li Qiang in "
        "Brussels on 14-15 May."
    )
    dialogue, met = meetings(text, date(2024, 10, 10))
    assert row(dialogue) == ("bilateral", date(2024, 9, 30), date(2024, 10, 3), "Lisbon", "PRT")
    assert persons(dialogue) == ["José Manuel Silva", "Elvira Fortunato"]
    assert met.title == "Meeting between Ursula von der Leyen and Li Qiang"
    assert met.meeting_type == "bilateral"  # "met": two sides, not a commission's committee
    assert person(met, "Ursula von der Leyen")[:2] == ("President", "European Commission")


def test_a_meeting_introduced_with_the_and_its_own_date() -> None:
    text = (
        "The two-day seminar, held in Kuala Lumpur, was opened on 8 April by Malaysian Minister "
        "of Science, Technology and Innovation Chang Lih Kang."
    )
    (m,) = meetings(text, date(2024, 6, 10))
    assert (m.start_date, m.end_date, m.city, m.country) == (
        date(2024, 4, 8),
        date(2024, 4, 9),
        "Kuala Lumpur",
        "MYS",
    )
    # without a date of its own "the seminar" only refers back
    assert meetings("The seminar focused on quantum sensing.") == []


def test_a_one_meeting_article_counts_the_officials_it_quotes_later() -> None:
    text = (
        "Ministers meet in Astana\n\n"
        "The 5th SCO Science and Technology Ministers' Meeting was held in Astana on 14 June.\n\n"
        "Trade between the members grew last year.\n\n"
        "Chinese Minister of Science and Technology Yin Hejun said that the members had "
        "strengthened cooperation on innovation."
    )
    (m,) = meetings(text, date(2024, 6, 20))
    assert "Yin Hejun" in {p.name for p in m.participants if p.kind == "person"}


def test_two_named_meetings_joined_by_and_are_two_facts() -> None:
    text = (
        "The topics were discussed at the 17th EU-China Summit and the 2nd Innovation "
        "Cooperation Dialogue of 29 June in Brussels."
    )
    titles = [m.title for m in meetings(text, date(2015, 7, 10))]
    assert titles == ["17th EU-China Summit", "2nd Innovation Cooperation Dialogue"]


def test_a_meeting_denied_is_not_reported() -> None:
    text = "The Ministerial Meeting has not been held since the 3rd Meeting in 2012."
    assert meetings(text, date(2016, 1, 10)) == []


def test_a_sentence_the_page_cut_off_is_still_read() -> None:
    text = (
        "Ministers met\n\n"
        "We, the Ministers of Brazil, Russia, India, China and South Africa, met virtually on "
        "13 November 2020 under the chairmanship of Russia at the 8th BRICS Science, Technology "
        "and Innovation Ministerial Meeting and"
    )
    found = meetings(text, date(2020, 11, 20))
    assert [m.start_date for m in found] == [date(2020, 11, 13)]


def test_a_meeting_that_is_only_the_topic_of_a_briefing_is_not_its_date() -> None:
    text = (
        "The city information office held a press conference on 4 July, during which the vice "
        "mayor gave an introduction about the 2018 World Artificial Intelligence Conference. "
        "The 2018 World Artificial Intelligence Conference will be held in Shanghai from 17 to "
        "19 September."
    )
    (m,) = meetings(text, date(2018, 7, 5))
    assert (m.start_date, m.end_date, m.city) == (date(2018, 9, 17), date(2018, 9, 19), "Shanghai")


def test_a_ceremony_that_only_dates_the_meeting_does_not_exclude_it() -> None:
    (m,) = meetings(
        "A high level forum was held in Beijing after the launch ceremony on 16 March.",
        date(2010, 3, 30),
    )
    assert (m.meeting_type, m.start_date) == ("forum", date(2010, 3, 16))


def test_a_meeting_recalled_in_passing_is_not_reported() -> None:
    text = (
        "The talks were meant to carry out what was agreed at the 9th China-Nordic Summit and "
        "to deepen cooperation in science."
    )
    assert meetings(text, date(2017, 4, 1)) == []


def test_a_headline_of_people_meeting_names_the_parties_not_an_event() -> None:
    text = (
        "Vice Minister Zhao Meets with the Macao Delegation of the Regional Innovation Forum\n\n"
        "Vice Minister Zhao Lirong met with Professor Maria Lopes, head of the delegation, in "
        "Beijing on 9 January."
    )
    assert [m.title for m in meetings(text, date(2018, 1, 12))] == [
        "Meeting between Zhao Lirong and Maria Lopes"
    ]


def test_the_opening_ceremony_of_a_forum_is_the_forum() -> None:
    text = (
        "At the opening ceremony of a three-day ocean science forum held in Zhoushan, east "
        "China's Zhejiang Province, on Thursday, the two institutes signed an agreement."
    )
    (m,) = meetings(text, date(2024, 9, 6))
    assert (m.meeting_type, m.start_date, m.city) == ("forum", date(2024, 9, 5), "Zhoushan")


def test_an_opening_ceremony_alone_is_not_a_meeting() -> None:
    assert meetings("The opening ceremony was held in Beijing on 5 March.", date(2024, 3, 6)) == []


def test_travel_to_a_place_where_officials_met_is_a_visit() -> None:
    text = (
        "On 24 November, Vice President Wu Yueliang went to the National University of "
        "Uzbekistan in Tashkent and met its rector."
    )
    (m,) = meetings(text, date(2018, 12, 10))
    assert (m.meeting_type, m.start_date) == ("visit", date(2018, 11, 24))


def test_travel_without_meeting_anyone_is_not_a_visit() -> None:
    text = "On 24 November, the delegation went to Tashkent by train."
    assert meetings(text, date(2018, 12, 10)) == []
