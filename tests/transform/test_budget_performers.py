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
    "Statistical communique on R&D spending\n\nThe national R&D expenditure totalled 2,443.8"
    " billion yuan in 2020, up 10.2 percent over the previous year. "
)


def test_the_national_total_is_a_budget() -> None:
    assert [b.amount for b in facts(BULLETIN)] == [2443.8e9]


def test_the_breakdown_by_performer_adds_no_budget() -> None:
    found = facts(
        BULLETIN + "By performer, the R&D expenditure of enterprises was 1,867.38 billion yuan;"
        " government research institutions spent 340.88 billion yuan, and universities spent"
        " 188.25 billion yuan."
    )
    assert [b.amount for b in found] == [2443.8e9]


def test_a_research_institutes_budget_alone_stays_a_budget() -> None:
    found = facts(
        "Budget news\n\nThe government allocated 34 billion yuan to research institutes in 2022."
    )
    assert [b.amount for b in found] == [34e9]


def test_a_companys_rd_measured_against_its_revenue_is_no_budget() -> None:
    found = facts(
        "Company news\n\nIn 2021, with a total R&D spend of RMB142.7 billion, it represents a"
        " R&D to revenue ratio of 22.4%, one of the highest levels in its history."
    )
    assert found == []


def test_a_citys_whole_public_expenditure_is_no_budget() -> None:
    found = facts(
        "City report\n\nThe city's general public budget expenditure amounted to 455.1 billion"
        " yuan, up 6.2 percent. The city spent 66.2 percent of its expenditure on improving"
        " people's livelihood, which totaled 301.3 billion yuan."
    )
    assert found == []


def test_the_citys_science_spending_stays_a_budget() -> None:
    found = facts(
        "City report\n\nThe city's spending on science and technology amounted to 45.1 billion"
        " yuan in 2019, up 6.2 percent."
    )
    assert [b.amount for b in found] == [45.1e9]
