"""Whose dollar a bare "$" is on a page (`transform.dollars`); texts written for the test."""

from __future__ import annotations

from extract.documents import ParsedDocument
from transform.dollars import document_dollar
from transform.projects import extract_projects


def test_a_page_about_hong_kong_writes_its_own_dollar_as_dollar_sign() -> None:
    text = (
        "Hong Kong budget backs innovation. The Financial Secretary of Hong Kong set aside "
        "$10 billion for research. Hong Kong universities welcomed the plan."
    )
    assert document_dollar(text) == "HKD"


def test_a_page_naming_a_dollar_country_once_keeps_the_us_dollar() -> None:
    text = "China and Australia signed a deal. China will spend $5 billion in China."
    assert document_dollar(text) == "USD"


def test_a_page_without_a_bare_dollar_needs_no_guess() -> None:
    assert document_dollar("Australia, Australia, Australia: A$5 million.") == "USD"


def test_a_budget_speech_naming_its_territory_once_counts_in_its_dollar() -> None:
    text = (
        "Budget Speech\n\nThe new centres will benefit Hong Kong. "
        "Last year I set aside $2 billion for new laboratories."
    )
    assert document_dollar(text) == "HKD"


def test_a_local_dollar_written_out_elsewhere_owns_the_bare_sign() -> None:
    text = (
        "Hong Kong will reserve HK$40 million for the pilot. "
        "A further $900 million goes to applied research."
    )
    assert document_dollar(text) == "HKD"


def test_a_page_writing_us_dollars_out_keeps_the_bare_sign_american() -> None:
    text = "Hong Kong firms paid HK$5 million; the US$ figure was $640,000 at the time."
    assert document_dollar(text) == "USD"


def test_a_project_funded_in_a_budget_speech_is_funded_in_the_local_dollar() -> None:
    text = (
        "Budget Speech by the Financial Secretary\n\n"
        "88. Hong Kong must keep its lead. We will allocate $4 billion to launch a new "
        "five-year Quantum Research Scheme to support local universities."
    )
    found = extract_projects("t", ParsedDocument(text=text, published_date=None), "article")
    funded = [c.fact for c in found if getattr(c.fact, "funding_amount", None)]
    assert funded, found
    assert all(p.funding_currency == "HKD" for p in funded)  # type: ignore[attr-defined]
