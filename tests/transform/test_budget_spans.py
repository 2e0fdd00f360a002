"""Typed spans for budgets: whose dollar a bare "$" is."""

from __future__ import annotations

from transform.budget_spans import document_dollar


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
