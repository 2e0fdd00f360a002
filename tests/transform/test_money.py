"""The amount grammar: every spelling the sources use, and formatting round trips."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transform.money import parse_amounts
from transform.money_format import (
    CURRENCY_STYLES,
    FORMAT_CURRENCIES,
    FORMAT_SCALES,
    format_amount,
)
from transform.money_words import QUALIFIERS, SCALES


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("370.828 billion Yuan", 370_828_000_000, "CNY"),
        ("1.66554 trillion Yuan", 1_665_540_000_000, "CNY"),
        ("US $ 400,000", 400_000, "USD"),
        ("Rs 10 crore", 100_000_000, "INR"),
        ("Rs. 1.5 lakh crore", 1_500_000_000_000, "INR"),
        ("EUR 5m", 5_000_000, "EUR"),
        ("5 million euros", 5_000_000, "EUR"),
        ("£2.5bn", 2_500_000_000, "GBP"),
        ("RMB 10 billion", 10_000_000_000, "CNY"),
        ("HK$3 billion", 3_000_000_000, "HKD"),
        ("7.95 trillion yen", 7_950_000_000_000, "JPY"),
        ("3 billion won", 3_000_000_000, "KRW"),
        ("$400k", 400_000, "USD"),
        ("a 10-billion-yuan fund", 10_000_000_000, "CNY"),
        ("5 million US dollars", 5_000_000, "USD"),
        ("1,00,000 rupees", 100_000, "INR"),
    ],
)
def test_spellings(text: str, value: int, currency: str) -> None:
    amounts = parse_amounts(f"It was {text} last year.")
    assert len(amounts) == 1
    assert amounts[0].value == value
    assert amounts[0].currency == currency


def test_offsets_are_exact() -> None:
    text = "it allotted 370.828 billion Yuan for science and technology"
    (amt,) = parse_amounts(text)
    assert text[amt.start : amt.end] == amt.text == "370.828 billion Yuan"


def test_stated_usd_in_brackets_is_paired_not_separate() -> None:
    text = "amounting to 370.8 billion yuan (US$51.5 billion). With these efforts"
    (amt,) = parse_amounts(text)
    assert amt.value == 370_800_000_000
    assert amt.currency == "CNY"
    assert amt.stated_usd == 51_500_000_000
    assert text[amt.start : amt.span_end] == "370.8 billion yuan (US$51.5 billion)"


def test_qualifier_and_bare_dollar_conversion() -> None:
    (amt,) = parse_amounts(
        "The total budget for these projects is about 10 billion yuan ($1.4 billion)."
    )
    assert amt.qualifier == "about"
    assert amt.value == 10_000_000_000
    assert amt.stated_usd == 1_400_000_000


def test_conversion_after_or() -> None:
    (amt,) = parse_amounts("R&D spending was 3.3 trillion yuan, or about $458 billion, in 2023.")
    assert amt.stated_usd == 458_000_000_000


@pytest.mark.parametrize(
    ("word", "qualifier"),
    [("over", "over"), ("more than", "over"), ("nearly", "nearly"), ("around", "about")],
)
def test_qualifiers(word: str, qualifier: str) -> None:
    (amt,) = parse_amounts(f"The fund holds {word} 5 billion yuan.")
    assert amt.qualifier == qualifier
    assert amt.text.startswith(word)


def test_precision_is_the_unit_of_the_last_digit() -> None:
    a, b, c = parse_amounts("370.8 billion yuan, 370.828 billion yuan and US$ 400,000")
    assert a.precision == 1e8
    assert b.precision == 1e6
    assert c.precision == 1


@pytest.mark.parametrize(
    "text",
    [
        "12 million urban jobs",
        "66 million taxpayers",
        "a 28.6 percent growth",
        "5 metres long",
        "the team won 3 matches",
        "nearly 2,000 joint research projects",
        "COVID-19 pandemic in 2021",
    ],
)
def test_counts_and_percentages_are_not_money(text: str) -> None:
    assert parse_amounts(text) == []


def test_dollar_can_be_set_for_the_document() -> None:
    (amt,) = parse_amounts("a $5 million grant", dollar="AUD")
    assert amt.currency == "AUD"


def test_ranges_keep_the_upper_figure_only() -> None:
    # Known limitation, pinned: "5-10 billion yuan" reads as 10 billion yuan.
    (amt,) = parse_amounts("between 5-10 billion yuan")
    assert amt.value == 10_000_000_000


_shown = st.builds(
    lambda mantissa, decimals: Decimal(mantissa).scaleb(-decimals),
    st.integers(min_value=1, max_value=10**9),
    st.integers(min_value=0, max_value=4),
)


@settings(max_examples=400, deadline=None)
@given(
    shown=_shown,
    currency=st.sampled_from(FORMAT_CURRENCIES),
    style=st.sampled_from(CURRENCY_STYLES),
    scale=st.sampled_from(FORMAT_SCALES),
    separators=st.booleans(),
    qualifier=st.sampled_from([None, *QUALIFIERS]),
)
def test_format_then_parse_gives_the_number_back(
    shown: Decimal,
    currency: str,
    style: str,
    scale: str | None,
    separators: bool,
    qualifier: str | None,
) -> None:
    value = shown * (SCALES[scale] if scale else 1)
    spelled = format_amount(
        value,
        currency,
        scale=scale,
        currency_style=style,
        separators=separators,
        qualifier=qualifier,
    )
    text = f"The allocation was {spelled} this year."
    amounts = parse_amounts(text)
    assert len(amounts) == 1, (spelled, amounts)
    amt = amounts[0]
    assert amt.value == float(value), spelled
    assert amt.currency == currency, spelled
    assert amt.qualifier == (QUALIFIERS[qualifier] if qualifier else None), spelled
    assert text[amt.start : amt.end] == spelled


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("30 million baht", "THB"),
        ("RM5 billion", "MYR"),
        ("5 trillion rupiah", "IDR"),
        ("13.1 trillion roubles", "RUB"),
        ("2 billion Swiss francs", "CHF"),
        ("THB 30m", "THB"),
    ],
)
def test_other_currencies(text: str, currency: str) -> None:
    (amt,) = parse_amounts(f"It costs {text} now.")
    assert amt.currency == currency


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("MOP310 million", 310_000_000, "MOP"),
        ("MOP 350 million", 350_000_000, "MOP"),
        ("12 million patacas", 12_000_000, "MOP"),
        ("NT$126.4 billion", 126_400_000_000, "TWD"),
        ("A$18 million", 18_000_000, "AUD"),
        ("3.75 million NZ dollars", 3_750_000, "NZD"),
        ("2 billion rand", 2_000_000_000, "ZAR"),
        ("R$5 billion", 5_000_000_000, "BRL"),
        ("1.2 trillion won", 1_200_000_000_000, "KRW"),
        ("1 trillion 301.5 billion yuan", 1_301_500_000_000, "CNY"),
        ("2 billion and 300 million yuan", 2_300_000_000, "CNY"),
    ],
)
def test_currencies_of_the_region_and_compound_amounts(
    text: str, value: int | None, currency: str | None
) -> None:
    amounts = parse_amounts(f"The agency said {text} was set aside.")
    if value is None:
        assert amounts == []
        return
    assert [(a.value, a.currency) for a in amounts] == [(value, currency)]


def test_currency_words_that_are_also_words_need_a_scale() -> None:
    assert parse_amounts("The team won 3 medals; 5 rand; in 4 real terms.") == []


def test_bare_dollar_is_the_documents_dollar_except_as_a_bracketed_conversion() -> None:
    (local,) = parse_amounts("The Government will set aside $16 billion.", dollar="HKD")
    assert (local.value, local.currency) == (16_000_000_000, "HKD")
    (amt,) = parse_amounts("a total of 3.75 million NZ dollars ($2.47 million)", dollar="NZD")
    assert (amt.currency, amt.stated_usd) == ("NZD", 2_470_000)


def test_not_less_than_is_a_hedge() -> None:
    (amt,) = parse_amounts("will allocate not less than HK$800 million")
    assert amt.qualifier == "over"
    assert amt.text == "not less than HK$800 million"


def test_the_rand_sign_needs_a_scale_word() -> None:
    (amt,) = parse_amounts("The department received R9.6 billion this year.")
    assert (amt.value, amt.currency) == (9_600_000_000, "ZAR")
    assert parse_amounts("Model R2 and R 5 staff in R&D.") == []


def test_a_scale_after_the_currency_code() -> None:
    (a,) = parse_amounts("Spent on R&D in 2019 131.7 CNY Billion")
    assert (a.value, a.currency) == (131.7e9, "CNY")
    (b,) = parse_amounts("a budget of 5 USD million")
    assert (b.value, b.currency) == (5e6, "USD")


def test_a_currency_code_without_a_scale_after_it_is_units() -> None:
    (a,) = parse_amounts("a fee of 3 USD per page")
    assert (a.value, a.currency) == (3, "USD")


def test_mil_and_mill_abbreviate_million() -> None:
    (a,) = parse_amounts("expects to spend a total of 140 mil. DKK on the centres")
    assert (a.value, a.currency) == (140e6, "DKK")
    (b,) = parse_amounts("2 mill. euros")
    assert (b.value, b.currency) == (2e6, "EUR")
    assert parse_amounts("spent 3 mil. on it") == []  # no currency: no amount
