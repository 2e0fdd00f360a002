"""Consolidation of projects and meetings across documents (`transform.event_matching`)."""

from __future__ import annotations

import random
from datetime import date

from extract.documents import ParsedDocument
from transform.consolidate import MATCHERS, consolidate
from transform.event_matching import (
    match_meetings,
    match_projects,
    title_similarity,
)
from transform.facts import Candidate, FactRow, Meeting, MeetingParticipant, Mention, Project
from transform.meetings import extract_meetings
from transform.name_words import distinctive_words
from transform.projects import extract_projects

REVIEW = (
    "China Science Diplomacy\n\n"
    "The 7th China-Sweden Joint Committee on Science and Technology Cooperation meeting was "
    "held in Beijing, where Dai Gang, Director of the International Cooperation Department of "
    "China's Ministry of S&T and David Edvardsson, Director of the Research Policy Department "
    "of the Swedish Ministry of Education and Research co-chaired the meeting."
)
NEWS = (
    "BEIJING, Nov. 14 -- China and Sweden held the seventh meeting of their Joint Committee on "
    "Science and Technology Cooperation in Beijing on Tuesday. Dai Gang, Director General of "
    "the International Cooperation Department of the Ministry of Science and Technology, "
    "co-chaired the meeting."
)
EARLIER = (
    "The 6th China-Sweden Joint Committee on Science and Technology Cooperation was held via "
    "video link on 14 June."
)


def meeting_candidates(doc_id: str, text: str, published: date) -> list[Candidate]:
    return extract_meetings(doc_id, ParsedDocument(text=text, published_date=published), "review")


def project_candidates(doc_id: str, text: str, published: date) -> list[Candidate]:
    return extract_projects(doc_id, ParsedDocument(text=text, published_date=published), "review")


def all_meetings() -> list[Candidate]:
    return (
        meeting_candidates("review-2024-11", REVIEW, date(2024, 11, 1))
        + meeting_candidates("news-2024-11-14", NEWS, date(2024, 11, 14))
        + meeting_candidates("review-2022-06", EARLIER, date(2022, 6, 1))
    )


def test_the_same_meeting_in_two_documents_is_one_row_with_two_mentions() -> None:
    rows = match_meetings(all_meetings())
    assert len(rows) == 2
    seventh = next(r for r in rows if "7th" in r.fact.title or "seventh" in r.fact.title)
    assert sorted(m.doc_id for m in seventh.mentions) == ["news-2024-11-14", "review-2024-11"]
    fact = seventh.fact
    assert isinstance(fact, Meeting)
    # the most complete value of each field: the news article's date, the review's title
    assert fact.start_date == date(2024, 11, 12)
    assert fact.title == "7th China-Sweden Joint Committee on Science and Technology Cooperation"
    assert (fact.city, fact.country) == ("Beijing", "CHN")
    names = [p.name for p in fact.participants if p.kind == "person"]
    assert names.count("Dai Gang") == 1  # one participant, the longer role kept
    dai = next(p for p in fact.participants if p.name == "Dai Gang")
    assert dai.role == "Director General of the International Cooperation Department"
    assert "title" in seventh.conflicts  # the two spellings are kept as a disagreement


def test_two_meetings_of_one_committee_in_different_years_are_two_rows() -> None:
    rows = match_meetings(all_meetings())
    sixth = next(r for r in rows if r.fact.title.startswith("6th"))
    assert [m.doc_id for m in sixth.mentions] == ["review-2022-06"]


def test_never_merge_different_dates_places_or_ordinals() -> None:
    def meeting(title: str, day: date | None, city: str | None) -> Meeting:
        return Meeting(
            title=title,
            meeting_type="committee",
            start_date=day,
            end_date=day,
            city=city,
            country=None,
            summary="s",
            participants=(MeetingParticipant("country", "China", country="CHN"),),
        )

    def cand(doc: str, m: Meeting) -> Candidate:
        return Candidate(m, Mention(doc, "e", 0, 1))

    title = "China-Sweden Joint Committee on Science and Technology Cooperation"
    rows = match_meetings(
        [
            cand("a", meeting(title, date(2023, 5, 1), "Beijing")),
            cand("b", meeting(title, date(2024, 5, 1), "Beijing")),  # another year
            cand("c", meeting(title, date(2023, 5, 1), "Stockholm")),  # another place
            cand("d", meeting("6th " + title, None, None)),
            cand("e", meeting("7th " + title, None, None)),  # another ordinal
        ]
    )
    assert len(rows) == 5


def test_order_independence_and_stable_ids() -> None:
    cands = all_meetings()
    expected = [(r.fact_id, r.fact, r.mentions) for r in match_meetings(cands)]
    rng = random.Random(7)
    for _ in range(5):
        shuffled = cands[:]
        rng.shuffle(shuffled)
        assert [(r.fact_id, r.fact, r.mentions) for r in match_meetings(shuffled)] == expected
    assert len({fid for fid, _, _ in expected}) == len(expected)


def test_the_same_project_in_a_review_and_a_news_article() -> None:
    review = (
        "A China-Thailand Joint Laboratory for Smart Agriculture was established on 8 August in "
        "Chiang Mai, Thailand."
    )
    news = (
        "CHIANG MAI, Thailand, Aug. 9 -- A joint laboratory for smart agriculture co-founded by "
        "Chinese and Thai institutions opened on Tuesday in Chiang Mai, northern Thailand.\n\n"
        "The China-Thailand Joint Laboratory for Smart Agriculture is a partnership of South "
        "China Agricultural University and Chiang Mai University."
    )
    cands = project_candidates("review", review, date(2023, 8, 1)) + project_candidates(
        "news", news, date(2023, 8, 9)
    )
    rows = match_projects(cands)
    assert len(rows) == 1
    (row,) = rows
    assert [m.doc_id for m in row.mentions] == ["news", "review"]
    assert isinstance(row.fact, Project)
    assert row.fact.event_date == date(2023, 8, 8)
    assert {p.name for p in row.fact.participants if p.kind == "organisation"} >= {
        "South China Agricultural University",
        "Chiang Mai University",
    }
    # "established" in one, "inaugurated" in the other: kept as a disagreement
    assert row.conflicts.get("status") == ["established", "inaugurated"]


def test_numbered_missions_are_different_projects() -> None:
    a = project_candidates(
        "a", "On 5 June, China launched the Shenzhou-14 crewed spaceship.", date(2022, 6, 10)
    )
    b = project_candidates(
        "b", "China launched the Shenzhou-15 crewed spaceship.", date(2022, 12, 1)
    )
    assert len(match_projects(a + b)) == 2


def test_two_things_in_one_document_stay_apart() -> None:
    text = (
        "The China-Pakistan Joint Research Centre on Earth Sciences (CPJRC) inaugurated the "
        "Gilgit Glacier Monitoring Station on 29 December in Gilgit, Pakistan. The CPJRC was "
        "established in 2016 by the Chinese Academy of Sciences."
    )
    rows = match_projects(project_candidates("r", text, date(2024, 1, 1)))
    assert len(rows) == 2


def test_title_similarity_ignores_generic_words_and_respects_ordinals() -> None:
    assert distinctive_words("The 7th China-Sweden Joint Committee") == frozenset({"7th", "sweden"})
    assert distinctive_words("seventh meeting of the joint committee") == frozenset({"7th"})
    assert distinctive_words("15% Joint Committee") == frozenset({"15th"})
    assert (
        title_similarity("6th China-Sweden Joint Committee", "7th China-Sweden Joint Committee")
        == 0
    )
    assert title_similarity("Tianwen-1 probe", "Tianwen-2 probe") == 0
    assert title_similarity("Queqiao-2 relay satellite", "relay satellite called Queqiao-2") == 1.0


def test_registered_in_consolidate() -> None:
    assert MATCHERS["project"] is match_projects
    assert MATCHERS["meeting"] is match_meetings
    rows = consolidate(all_meetings())
    assert all(isinstance(r, FactRow) and r.fact_type == "meeting" for r in rows)
    assert len(rows) == 2


def _random_meetings(n: int, seed: int) -> list[Candidate]:
    """Meetings whose names share words, ordinals and years in every combination, some on
    the same days, some from the same document: the cases blocking must not lose."""
    rng = random.Random(seed)
    words = ["Kenya", "Sweden", "Innovation", "Space", "Quantum", "Health", "Ocean"]
    heads = ["Joint Committee", "Forum", "Dialogue", "Ministerial Meeting", "Workshop"]
    out = []
    for i in range(n):
        name = " ".join(rng.sample(words, rng.randint(1, 3)))
        ordinal = rng.choice(["", "", "5th ", "6th ", "7th "])
        year = rng.choice(["", "", "2023 ", "2024 "])
        title = f"{ordinal}{year}China-{name} {rng.choice(heads)}"
        day = rng.choice([None, None, date(2024, 3, rng.randint(1, 4))])
        meeting = Meeting(
            title=title,
            meeting_type=rng.choice(["committee", "forum", "bilateral", "multilateral"]),
            start_date=day,
            end_date=day,
            city=rng.choice([None, "Beijing", "Nairobi"]),
            country=None,
            summary=None,
            participants=(MeetingParticipant("country", "China", None, None, "CHN"),),
        )
        doc = f"d{rng.randint(0, n // 3)}"
        mention = Mention(doc_id=doc, evidence=title, char_start=i, char_end=i + len(title))
        out.append(Candidate(fact=meeting, mention=mention))
    return out


def test_blocking_gives_the_clusters_of_comparing_every_pair() -> None:
    import transform.event_matching as em

    def everything(c: Candidate) -> tuple[list[object], list[object]]:
        return ["all"], ["all"]  # every candidate may join every cluster

    for seed in range(5):
        cands = _random_meetings(300, seed)
        blocked = em._cluster(
            cands, em._meetings_compatible, em._meetings_similarity, em._meeting_keys
        )
        brute = em._cluster(cands, em._meetings_compatible, em._meetings_similarity, everything)
        assert blocked == brute
        assert len(blocked) < len(cands)  # the test data does merge


def test_dotted_abbreviations_are_one_word() -> None:
    assert distinctive_words("Fifth U.S.-China Innovation Dialogue") == distinctive_words(
        "Fifth US-China Innovation Dialogue"
    )


def test_a_shared_ordinal_alone_does_not_make_two_names_the_same() -> None:
    a = "8th Australia-China Joint Science and Technology Commission"
    assert title_similarity(a, "8th China-UK Joint Commission on Science") == 0.0
    assert title_similarity("8th Meeting", "8th Meeting") == 1.0
    assert 0 < title_similarity("8th Meeting", a) < 1.0


def test_meetings_of_china_with_different_partners_are_never_one_row() -> None:
    def meeting(doc: str, title: str, partner: tuple[str, str]) -> Candidate:
        fact = Meeting(
            title=title,
            meeting_type="committee",
            start_date=None,
            end_date=None,
            city=None,
            country=None,
            summary=None,
            participants=(
                MeetingParticipant("country", "China", None, None, "CHN"),
                MeetingParticipant("country", partner[0], None, None, partner[1]),
            ),
        )
        return Candidate(fact=fact, mention=Mention(doc, title, 0, len(title)))

    rows = match_meetings(
        [
            meeting("a", "8th Australia-China Joint Commission", ("Australia", "AUS")),
            meeting("b", "8th Meeting", ("United Kingdom", "GBR")),
        ]
    )
    assert len(rows) == 2


def test_an_acronym_that_spells_out_another_names_words_is_that_name() -> None:
    assert title_similarity("2021 ZGC Forum", "2021 Zhongguancun Forum") == 1.0
    assert title_similarity("the CIIE", "6th China International Import Expo") == 1.0
    assert title_similarity("BRICS Forum", "Beijing Forum") == 0.0
    text = (
        "Forum news\n\nThe 2024 Minhang Innovation Forum, held from May 6-8 in Shanghai,"
        " comprises 30 events.\n\nNew products were shown at the recently concluded 2024 MHI"
        " Forum."
    )
    rows = consolidate(
        extract_meetings("d", ParsedDocument(text=text, published_date=date(2024, 6, 1)), "article")
    )
    assert len(rows) == 1
