"""Attaching amounts to what they measure: levels, changes, comparison bases, look-alikes.

Sentences written for these tests in the style of real news pages and statistics bulletins.
"""

from __future__ import annotations

from datetime import date

from extract.documents import ParsedDocument
from transform.budgets import extract_budgets
from transform.facts import Budget


def amounts(text: str, published: date | None = date(2022, 5, 4)) -> list[tuple[float, str]]:
    found = extract_budgets("t", ParsedDocument(text=text, published_date=published))
    return [(c.fact.amount, c.fact.currency) for c in found if isinstance(c.fact, Budget)]


def facts(text: str, published: date | None = date(2022, 5, 4)) -> list[Budget]:
    found = extract_budgets("t", ParsedDocument(text=text, published_date=published))
    return [c.fact for c in found if isinstance(c.fact, Budget)]


def test_a_change_in_money_is_not_a_level() -> None:
    text = (
        "In 2021, the province's R&D expenditure reached 82.4 billion yuan, jumped 9.1 billion "
        "yuan year-on-year. Government spending on science rose 7 percent, or 3.2 billion "
        "yuan, to 48.6 billion yuan. The agency's budget stands at NT$20.1 billion, a rise of "
        "NT$1.3 billion over this year."
    )
    assert amounts(text) == [
        (82_400_000_000, "CNY"),
        (48_600_000_000, "CNY"),
        (20_100_000_000, "TWD"),
    ]


def test_an_amount_more_than_the_year_before_is_a_change() -> None:
    text = (
        "Average R&D expenditure per researcher was 410 thousand yuan, 22 thousand yuan more "
        "than in the previous year."
    )
    assert amounts(text) == []


def test_a_comparison_base_given_as_another_years_figure_is_its_own_fact() -> None:
    text = (
        "The foundation disbursed MOP 48 million for research projects last year, compared to "
        "MOP 45 million disbursed in 2020."
    )
    found = facts(text)
    assert [(b.amount, b.currency) for b in found] == [(48_000_000, "MOP"), (45_000_000, "MOP")]
    assert found[1].fiscal_year == 2020


def test_a_comparison_base_in_the_next_sentence_follows_the_budget_it_compares() -> None:
    text = (
        "A budget report released on Saturday said the country would spend 950 billion yuan "
        "on defense this year. That is up from 900 billion yuan last year."
    )
    assert amounts(text) == [(950_000_000_000, "CNY"), (900_000_000_000, "CNY")]


def test_a_company_spending_a_share_of_its_revenue_is_not_a_budget() -> None:
    text = (
        "R&D spending over the year rose 9 percent to 12.5 billion yuan, equivalent to a fifth "
        "of company revenue."
    )
    assert amounts(text) == []


def test_money_that_built_one_thing_is_its_cost() -> None:
    text = "The observation satellite was built using a $60 million grant from the government."
    assert amounts(text) == []


def test_a_hong_kong_budget_speech_writes_hong_kong_dollars_as_dollar_sign() -> None:
    text = (
        "Hong Kong budget backs research\n\n"
        "The Financial Secretary of Hong Kong delivered the Budget today. The Government will "
        "set aside $3 billion for research infrastructure at universities in Hong Kong. "
        "Hong Kong will also inject $1 billion into a research fund."
    )
    assert amounts(text) == [(3_000_000_000, "HKD"), (1_000_000_000, "HKD")]


def test_money_made_available_by_a_government_is_funding() -> None:
    text = (
        "The New Zealand government announced funding for two joint research programmes with "
        "China. The minister said a total of 2.5 million NZ dollars ($1.6 million) was "
        "available for the programmes over four years."
    )
    (b,) = facts(text)
    assert (b.amount, b.currency, b.stated_usd, b.fiscal_year) == (
        2_500_000,
        "NZD",
        1_600_000,
        None,
    )


def test_look_alikes_stay_out() -> None:
    text = (
        "The central bank injected 300 billion yuan of liquidity into the banking system. "
        "The government will issue 500 billion yuan of special treasury bonds. China's AI "
        "market was valued at 600 billion yuan in 2024."
    )
    assert amounts(text) == []


def test_direct_and_indirect_costs_are_separate_facts() -> None:
    text = (
        "In 2021, the National Natural Science Foundation of China funded 48,000 projects with "
        "a total of 31.2 billion yuan, including direct costs of 28.4 billion yuan and "
        "indirect costs of 2.8 billion yuan."
    )
    assert amounts(text) == [
        (31_200_000_000, "CNY"),
        (28_400_000_000, "CNY"),
        (2_800_000_000, "CNY"),
    ]


def test_a_fact_stated_only_in_the_headline_is_kept_with_the_headline_as_evidence() -> None:
    text = (
        "Country to spend 1.1 trillion yuan on defence in 2023\n\n"
        "BEIJING, March 5 -- The country's military modernisation will go on, the premier"
    )
    found = extract_budgets("t", ParsedDocument(text=text, published_date=date(2023, 3, 5)))
    (c,) = found
    assert isinstance(c.fact, Budget)
    assert (c.fact.amount, c.fact.category, c.fact.fiscal_year) == (
        1_100_000_000_000,
        "defense",
        2023,
    )
    assert c.mention.evidence == "Country to spend 1.1 trillion yuan on defence in 2023"


def test_a_headline_that_rounds_a_body_figure_is_not_a_second_fact() -> None:
    text = (
        "Country to spend 1.1 trillion yuan on defence\n\n"
        "The country will spend 1.08 trillion yuan on defence in 2023, the budget report said."
    )
    assert amounts(text) == [(1_080_000_000_000, "CNY")]


def test_a_leverage_estimate_is_not_a_budget() -> None:
    text = "The new fund is expected to drive 500 billion yuan of investment, officials said."
    assert amounts(text) == []


def test_rand_and_rupee_budgets() -> None:
    assert amounts(
        "The Department of Science and Innovation received R8.1 billion in the 2022/23 budget."
    ) == [(8_100_000_000, "ZAR")]
    assert amounts(
        "The government has approved Rs 4,000 crore for a national research "
        "foundation over five years."
    ) == [(40_000_000_000, "INR")]


def test_an_amount_recalled_to_set_another_apart_is_not_reported() -> None:
    text = (
        "The commission will spend 40 million euros on joint research with Chinese partners "
        "in 2025. The amount is separate from the 90 billion euro budget of its framework "
        "programme."
    )
    (b,) = facts(text)
    assert (b.amount, b.category) == (40_000_000, "international_cooperation")


def test_the_rate_after_a_change_in_money_belongs_to_the_level_before_it() -> None:
    text = (
        "In 2021, the province's R&D expenditure reached 82.4 billion yuan, jumped 9.1 billion "
        "yuan year-on-year, up by 12.4 percent. Spending on applied research totaled 9.8 "
        "billion yuan, climbing 7.5 percent."
    )
    assert [(b.amount, b.change_pct) for b in facts(text)] == [
        (82_400_000_000, 12.4),
        (9_800_000_000, 7.5),
    ]


def test_a_local_currency_names_the_spender_before_a_matching_partner() -> None:
    text = (
        "The Federal Government is committing A$6 million to the fund from 2012-13, matched "
        "by the Chinese Government."
    )
    (b,) = facts(text)
    assert (b.amount, b.currency, b.spender_country) == (6_000_000, "AUD", "AUS")


def test_money_for_building_one_named_thing_is_its_funding() -> None:
    text = (
        "The Government will set aside HK$3 billion for the development of Science Park 3 "
        "to house more start-ups. It will also set aside HK$1 billion for the development of "
        "the Northern Metropolis Area."
    )
    assert amounts(text) == [(1_000_000_000, "HKD")]


def test_a_lab_that_names_a_programme_is_a_programme() -> None:
    text = (
        "The Government will deploy HK$400 million to implement the Coding Lab in Primary "
        "Schools Programme in the coming three school years."
    )
    assert amounts(text) == [(400_000_000, "HKD")]
    assert amounts("The Government will provide HK$50 million to the new robotics lab.") == []


def test_financing_pledges_are_look_alikes() -> None:
    text = "The country will provide $20 billion in financing to partner nations by 2027."
    assert amounts(text) == []


def test_a_countrys_total_rd_investment_is_its_rd_expenditure() -> None:
    (b,) = facts("The country's total R&D investment was 1,980.2 billion yuan in 2019.")
    assert (b.amount, b.category, b.fiscal_year) == (1_980_200_000_000, "science_technology", 2019)


def test_a_foundation_that_received_applications_and_funded_projects_reports_actuals() -> None:
    text = (
        "In 2020, the National Natural Science Foundation of China received 280,000 "
        "applications and funded 45,700 projects with a total of 30.9 billion yuan."
    )
    (b,) = facts(text)
    assert (b.category, b.fiscal_year, b.phase) == ("research_funding", 2020, "actual")


def test_the_lines_of_a_budget_speech_are_proposed_for_its_year() -> None:
    text = (
        "Budget backs research\n\n"
        "The Financial Secretary presented his 2023-24 Budget in Hong Kong today.\n\n"
        "The Government will set aside HK$2 billion to support research at universities in "
        "Hong Kong. It will also allocate HK$600 million over the next three school years to "
        "science education."
    )
    found = facts(text, published=date(2023, 2, 22))
    assert [(b.amount, b.phase, b.fiscal_year) for b in found] == [
        (2_000_000_000, "proposed", 2023),
        (600_000_000, "proposed", None),
    ]


def test_ticker_lines_are_furniture() -> None:
    text = (
        "Macau | Government to allocate MOP 2 billion for new hospital | 10:15am\n\n"
        "The fund disbursed MOP 40 million to research projects in 2021."
    )
    assert amounts(text) == [(40_000_000, "MOP")]


def test_a_base_year_is_not_the_year_of_the_figure_it_is_compared_with() -> None:
    text = (
        "The ministry plans to invest a total of US$300 million on the programme over the "
        "next five years, an increase of more than 40% on last year's $210 million."
    )
    first, second = facts(text, published=date(2012, 9, 1))
    assert (first.amount, first.fiscal_year, first.change_pct) == (300_000_000, None, 40.0)
    assert (second.amount, second.fiscal_year) == (210_000_000, 2011)


def test_a_line_without_a_year_takes_the_year_of_the_budget_stated_before_it() -> None:
    text = (
        "The country will raise its R&D budget next year to a record 30.1 trillion won, up "
        "9.2 percent from this year, the science ministry said. The budget for basic research "
        "will rise to 3.1 trillion won."
    )
    assert [(b.amount, b.fiscal_year) for b in facts(text, published=date(2024, 8, 27))] == [
        (30_100_000_000_000, 2025),
        (3_100_000_000_000, 2025),
    ]


def test_figures_of_a_statistical_communique_are_actual() -> None:
    text = (
        "Statistical Communique on Science and Technology Expenditure in 2021\n\n"
        "In 2021, the national expenditure on R&D was 2,795.6 billion yuan."
    )
    (b,) = facts(text, published=date(2022, 8, 31))
    assert (b.fiscal_year, b.phase) == (2021, "actual")


def test_aid_is_not_a_budget() -> None:
    assert amounts("China will also provide 1 billion yuan in military assistance.") == []


def test_the_items_of_a_budget_list_take_the_headers_trigger_year_and_phase() -> None:
    text = (
        "Budget 2025\n\n"
        "The draft budget for 2025 allocates the following amounts to research:\n\n"
        "- 102 billion yuan for basic research\n\n"
        "- 47 billion yuan for applied research\n\n"
        "- 5 percent more for young scientists"
    )
    found = extract_budgets("t", ParsedDocument(text=text, published_date=date(2025, 3, 5)))
    assert [(c.fact.amount, c.fact.fiscal_year, c.fact.phase) for c in found] == [  # type: ignore[union-attr]
        (102_000_000_000, 2025, "proposed"),
        (47_000_000_000, 2025, "proposed"),
    ]
    assert [c.mention.evidence for c in found] == [
        "- 102 billion yuan for basic research",
        "- 47 billion yuan for applied research",
    ]


def test_a_funder_reporting_what_it_allocated_last_year_reports_actuals() -> None:
    text = "The foundation said MOP 52 million was allocated to 140 research projects in 2022."
    (b,) = facts(text, published=date(2023, 3, 1))
    assert (b.fiscal_year, b.phase) == (2022, "actual")
    text = "India allocated Rs 9,000 crore to the department in the Union Budget 2022-23."
    (b,) = facts(text, published=date(2023, 3, 1))
    assert (b.fiscal_year, b.phase) == (2022, "approved")


def test_money_a_programme_receives_from_a_government_is_funding() -> None:
    text = "The programme will receive 3 billion yuan from the central government this year."
    assert amounts(text, published=date(2025, 3, 1)) == [(3_000_000_000, "CNY")]


def test_a_province_is_a_public_actor() -> None:
    text = "Zhejiang province invested 12 billion yuan in basic research in 2023."
    (b,) = facts(text, published=date(2024, 3, 1))
    assert (b.amount, b.fiscal_year, b.phase) == (12_000_000_000, 2023, "actual")


def test_a_ministrys_money_takes_the_purpose_of_the_funding_announced_just_before() -> None:
    text = (
        "This week the Ministry of Science and Technology unveiled 58 research projects to be "
        "funded under its national research grants programme. The ministry plans to invest a "
        "total of US$210 million on the projects over the next five years."
    )
    (b,) = facts(text, published=date(2012, 9, 1))
    assert (b.amount, b.category, b.fiscal_year) == (210_000_000, "research_funding", None)


def test_a_difference_set_against_the_previous_year_is_a_change() -> None:
    text = (
        "The bulletin shows that government appropriations for research reached RMB 52.4 "
        "billion in the year, or RMB 6.1 billion more against that of the previous year. "
        "Total spending on science amounted to RMB 140.2 billion, or RMB 11.5 billion up in "
        "comparison with last year."
    )
    assert amounts(text) == [(52_400_000_000, "CNY"), (140_200_000_000, "CNY")]


def test_a_share_of_its_own_revenue_and_what_its_owner_spent_since_are_a_companys() -> None:
    text = (
        "The telecom group reported strong results. As part of its strategy, ZetaCom invested "
        "14.1% of its 2021 revenue, or CNY 98.2 billion, in research and development (R&D). "
        "Its total R&D spend over the past decade now exceeds CNY 450 billion."
    )
    assert amounts(text) == []


def test_a_share_of_fiscal_revenue_is_still_a_governments() -> None:
    text = (
        "The provincial government spent 4.2% of its fiscal revenue on science in 2021. "
        "Its science and technology budget for 2022 is 12.6 billion yuan."
    )
    assert amounts(text) == [(12_600_000_000, "CNY")]
