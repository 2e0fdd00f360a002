"""Consolidation: one row per fact across documents, stable ids, visible disagreements."""

from __future__ import annotations

import dataclasses
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.transform.seeds import SEED_FILES, seed_doc, seed_doc_id
from transform.consolidate import MATCHERS, amount_precision, amounts_agree, consolidate
from transform.extractor import extract_candidates
from transform.facts import Budget, Candidate, Meeting, Mention, Project
from warehouse.codec import candidate_from_json, candidate_to_json


def seed_candidates(*keys: str) -> list[Candidate]:
    out: list[Candidate] = []
    for key in keys:
        out += extract_candidates(seed_doc_id(key), seed_doc(key), "article")
    return out


def sci_tech_rows(rows):  # type: ignore[no-untyped-def]
    return [r for r in rows if r.fact_type == "budget" and r.fact.category == "science_technology"]


def test_the_2024_sci_tech_budget_is_one_row_with_two_mentions() -> None:
    rows = consolidate(seed_candidates("000", "002"))
    (row,) = sci_tech_rows(rows)
    b = row.fact
    assert isinstance(b, Budget)
    assert b.amount == 370_828_000_000  # the more precise spelling
    assert b.stated_usd == 51_500_000_000  # from the article
    assert b.change_pct == 10.0
    assert b.spender_org == "Ministry of Finance"
    assert b.fiscal_year == 2024 and b.phase == "proposed"
    assert [m.doc_id for m in row.mentions] == sorted([seed_doc_id("000"), seed_doc_id("002")])
    assert row.conflicts == {"amount": [370_800_000_000.0, 370_828_000_000.0]}
    # The five expenditure items of 000 stay five rows of their own.
    assert len([r for r in rows if r.fact_type == "budget"]) == 6


def test_all_seeds_give_seven_budget_rows() -> None:
    rows = [r for r in consolidate(seed_candidates(*SEED_FILES)) if r.fact_type == "budget"]
    assert len(rows) == 7
    assert len({r.fact_id for r in rows}) == 7


def test_order_independent_and_stable_ids() -> None:
    cands = seed_candidates(*SEED_FILES)
    expected = consolidate(cands)
    rng = random.Random(7)
    for _ in range(10):
        shuffled = cands[:]
        rng.shuffle(shuffled)
        assert consolidate(shuffled) == expected
    assert consolidate(list(reversed(cands))) == expected
    for fact_type in ("budget", "project", "meeting"):
        ids = [r.fact_id for r in expected if r.fact_type == fact_type]
        assert ids == sorted(ids)


def test_ids_survive_the_json_round_trip_and_a_more_precise_mention() -> None:
    cands = seed_candidates("000", "002")
    round_tripped = [candidate_from_json(candidate_to_json(c)) for c in cands]
    assert consolidate(round_tripped) == consolidate(cands)
    # The S&T budget known only from the article keeps its id once the review arrives.
    only_002 = sci_tech_rows(consolidate(seed_candidates("002")))[0].fact_id
    assert sci_tech_rows(consolidate(cands))[0].fact_id == only_002


def budget_candidate(
    doc_id: str, amount: float, evidence: str, year: int | None = 2024, **changes: object
) -> Candidate:
    b = Budget(
        spender_country="CHN",
        spender_org=None,
        category="science_technology",
        fiscal_year=year,
        amount=amount,
        currency="CNY",
        amount_usd=None,
        stated_usd=None,
        change_pct=None,
        phase="unknown",
    )
    b = dataclasses.replace(b, **changes)  # type: ignore[arg-type]
    return Candidate(b, Mention(doc_id, evidence, 0, len(evidence)))


def test_two_years_stay_two_rows() -> None:
    rows = consolidate(
        [
            budget_candidate("a", 370.8e9, "370.8 billion yuan for S&T in 2024", 2024),
            budget_candidate("b", 370.8e9, "370.8 billion yuan for S&T in 2023", 2023),
        ]
    )
    assert len(rows) == 2
    assert {r.fact.fiscal_year for r in rows} == {2023, 2024}  # type: ignore[union-attr]


def test_amounts_that_do_not_round_to_each_other_stay_apart() -> None:
    rows = consolidate(
        [
            budget_candidate("a", 370.8e9, "370.8 billion yuan"),
            budget_candidate("b", 371.2e9, "371.2 billion yuan"),
            budget_candidate("c", 371e9, "about 371 billion yuan"),
        ]
    )
    # 371 billion agrees with both (precision 1 billion) and joins the most precise first.
    assert len(rows) == 2
    assert sorted(len(r.mentions) for r in rows) == [1, 2]


def test_merged_fields_and_conflicts() -> None:
    rows = consolidate(
        [
            budget_candidate("a", 10e9, "10 billion yuan", phase="proposed", change_pct=5.0),
            budget_candidate("b", 10.02e9, "10.02 billion yuan", phase="unknown", stated_usd=1.4e9),
            budget_candidate("c", 10e9, "10 billion yuan", phase="approved", change_pct=5.0),
        ]
    )
    (row,) = rows
    b = row.fact
    assert isinstance(b, Budget)
    assert b.amount == 10.02e9
    assert b.stated_usd == 1.4e9
    assert b.change_pct == 5.0
    assert row.conflicts["phase"] == ["approved", "proposed"]
    assert row.conflicts["amount"] == [10e9, 10.02e9]
    assert "change_pct" not in row.conflicts


def test_one_mention_per_document() -> None:
    rows = consolidate(
        [
            budget_candidate("a", 10e9, "10 billion yuan"),
            dataclasses.replace(
                budget_candidate("a", 10e9, "10 billion yuan again"),
                mention=Mention("a", "10 billion yuan again", 50, 71),
            ),
        ]
    )
    (row,) = rows
    assert [(m.doc_id, m.char_start) for m in row.mentions] == [("a", 0)]


def test_precision_and_agreement() -> None:
    c = budget_candidate("a", 370.8e9, "amounting to 370.8 billion yuan (US$51.5 billion)")
    assert amount_precision(c.fact, c.mention) == 1e8  # type: ignore[arg-type]
    assert amounts_agree(370.828e9, 1e6, 370.8e9, 1e8)
    assert not amounts_agree(370.9e9, 1e8, 370.8e9, 1e8)


def test_projects_and_meetings_pass_through() -> None:
    project = Project(
        "Joint lab", "joint_lab", "inaugurated", None, "Almaty", "KAZ", None, None, None
    )
    meeting = Meeting("China-EU committee", "committee", None, None, "Brussels", "BEL", None)
    cands = [
        Candidate(project, Mention("d1", "lab", 0, 3)),
        Candidate(project, Mention("d1", "lab", 0, 3)),
        Candidate(meeting, Mention("d2", "meeting", 5, 12)),
        Candidate(meeting, Mention("d3", "meeting", 5, 12)),
    ]
    rows = consolidate(cands)
    # The same project stated twice in one document is one row with one mention.
    projects = [r for r in rows if r.fact_type == "project"]
    assert len(projects) == 1 and len(projects[0].mentions) == 1
    assert {r.fact_type for r in rows} == {"project", "meeting"}
    assert consolidate(list(reversed(cands))) == rows
    assert set(MATCHERS) == {"budget", "project", "meeting"}


_amounts = st.sampled_from(
    [
        ("370.8 billion yuan", 370.8e9),
        ("370.828 billion yuan", 370.828e9),
        ("371 billion yuan", 371e9),
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b", "c"]), _amounts, st.sampled_from([2023, 2024, None])),
        min_size=1,
        max_size=8,
    ),
    st.randoms(use_true_random=False),
)
def test_property_order_independence(items, rnd) -> None:  # type: ignore[no-untyped-def]
    cands = [budget_candidate(doc, value, text, year) for doc, (text, value), year in items]
    shuffled = cands[:]
    rnd.shuffle(shuffled)
    rows = consolidate(cands)
    assert consolidate(shuffled) == rows
    assert len({r.fact_id for r in rows}) == len(rows)
    # Every candidate's document is among the mentions of exactly one row per fact group.
    assert {m.doc_id for r in rows for m in r.mentions} == {c.mention.doc_id for c in cands}


def test_many_distinct_amounts_of_one_group_stay_apart_and_equal_amounts_merge() -> None:
    """The bisect over cluster amounts finds the same clusters a full scan would: distinct
    amounts of one (country, category, year, currency) group stay apart, and an amount
    stated again at a coarser precision joins the precise one."""

    def cand(doc: str, amount: float, text: str) -> Candidate:
        budget = Budget(
            "CHN",
            None,
            "science_technology",
            2024,
            amount,
            "CNY",
            None,
            None,
            None,
            "approved",
            None,
            None,
        )
        return Candidate(fact=budget, mention=Mention(doc, text, 0, len(text)))

    cands = [
        cand(f"d{i}", (i + 1) * 1e9 + 3e6, f"{(i + 1) * 1000 + 3} million yuan") for i in range(300)
    ]
    cands.append(cand("coarse", 7e9, "7 billion yuan"))  # the 7,003 million of d6, rounded
    rows = consolidate(cands)
    assert len(rows) == 300
    (row,) = [r for r in rows if any(m.doc_id == "coarse" for m in r.mentions)]
    assert {m.doc_id for m in row.mentions} == {"d6", "coarse"}


def test_a_dollar_amount_the_page_gives_as_a_conversion_is_the_same_budget() -> None:
    yuan = budget_candidate(
        "a", 1.45e12, "1.45 trillion yuan [USD 229.5 billion] on defence", stated_usd=229.5e9
    )
    dollars = budget_candidate(
        "a", 229.5e9, "its budget rises to USD 229.5 billion in 2024", currency="USD"
    )
    rows = consolidate([yuan, dollars])
    assert [r.fact.currency for r in rows] == ["CNY"]  # type: ignore[union-attr]


def test_the_same_dollar_amount_on_another_page_or_for_another_purpose_stays() -> None:
    yuan = budget_candidate(
        "a", 1.45e12, "1.45 trillion yuan [USD 229.5 billion] on defence", stated_usd=229.5e9
    )
    other_page = budget_candidate("b", 229.5e9, "USD 229.5 billion in 2024", currency="USD")
    other_purpose = budget_candidate(
        "a", 229.5e9, "USD 229.5 billion for education", currency="USD", category="education"
    )
    rows = consolidate([yuan, other_page, other_purpose])
    assert sorted(r.fact.currency for r in rows) == ["CNY", "USD", "USD"]  # type: ignore[union-attr]
