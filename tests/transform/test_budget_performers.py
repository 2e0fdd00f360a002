"""Money that looks like a budget in a statistics bulletin or a company report but is no
allocation: R&D broken down by who performs it, and a company's R&D measured against its
revenue. Every text here is written for the test."""

from __future__ import annotations

from datetime import date

from extract.documents import ParsedDocument
from transform.budgets import extract_budgets
from transform.facts import Budget


def facts(text: str, published: date | None = date(2022, 5, 4)) -> list[Budget]:
    found = extract_budgets("t", ParsedDocument(text=text, published_date=published))
    return [c.fact for c in found if isinstance(c.fact, Budget)]


BULLETIN = (
    "Statistical communique on R&D spending\n\nThe national R&D expenditure totalled 2,075.2"
    " billion yuan in 2019, up 12.5 percent over the previous year. "
)


def test_the_national_total_is_a_budget() -> None:
    assert [b.amount for b in facts(BULLETIN)] == [2075.2e9]


def test_the_breakdown_by_performer_adds_no_budget() -> None:
    found = facts(
        BULLETIN + "By performer, R&D spending by enterprises came to 1,592.1 billion yuan;"
        " research institutes of the government used 290.5 billion yuan, and universities"
        " 171.4 billion yuan."
    )
    assert [b.amount for b in found] == [2075.2e9]


def test_a_research_institutes_budget_alone_stays_a_budget() -> None:
    found = facts(
        "Budget news\n\nThe government allocated 34 billion yuan to research institutes in 2022."
    )
    assert [b.amount for b in found] == [34e9]


def test_a_companys_rd_measured_against_its_revenue_is_no_budget() -> None:
    found = facts(
        "Company news\n\nIn 2022 it spent RMB98.3 billion on R&D, which gives an R&D to"
        " revenue ratio of 19.1%, a record for the group."
    )
    assert found == []


def test_a_citys_whole_public_expenditure_is_no_budget() -> None:
    found = facts(
        "Province report\n\nLast year the province's general public budget expenditure reached"
        " 612.4 billion yuan. About 70 percent of its expenditure, 428.7 billion yuan, went to"
        " people's livelihood."
    )
    assert found == []


def test_the_citys_science_spending_stays_a_budget() -> None:
    found = facts(
        "City report\n\nThe city's spending on science and technology amounted to 45.1 billion"
        " yuan in 2019, up 6.2 percent."
    )
    assert [b.amount for b in found] == [45.1e9]
