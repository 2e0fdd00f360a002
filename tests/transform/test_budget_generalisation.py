"""Kinds of real-page phrasing the budget reader must carry over to pages it was not
tuned on: unit labels, public money named by its source, years and phases of a "from A to
B" statement, comparisons with another amount.

Sentences written for these tests in the style of news pages and statistics bulletins.
"""

from __future__ import annotations

from datetime import date

from extract.documents import ParsedDocument
from transform.budgets import extract_budgets
from transform.facts import Budget
from transform.money import parse_amounts


def facts(text: str, published: date | None = date(2022, 5, 4)) -> list[Budget]:
    found = extract_budgets("t", ParsedDocument(text=text, published_date=published))
    return [c.fact for c in found if isinstance(c.fact, Budget)]


def test_a_unit_label_is_not_an_amount() -> None:
    assert parse_amounts("The sector's R&D outlay was 512.6 (x100 million yuan).") == []
    assert parse_amounts("Table 3 (unit: 10,000 yuan)") == []
    assert parse_amounts("R&D expenditure (100 million yuan): 2,406") == []
    assert [a.value for a in parse_amounts("The box cost 10,000 yuan.")] == [10_000]


def test_public_money_named_by_its_source_is_a_budget() -> None:
    text = (
        "Between 2016 and 2020, the provincial science fund financed some 3,000 programmes, "
        "with about 12.5 billion yuan from state revenue."
    )
    (b,) = facts(text)
    assert (b.amount, b.fiscal_year, b.phase) == (12_500_000_000, None, "actual")


def test_from_a_in_one_year_to_b_in_another() -> None:
    text = (
        "The city's research spending grew from 3.2 billion yuan in 2015 to 5.6 billion "
        "yuan in 2020."
    )
    rows = [(b.amount, b.fiscal_year, b.phase) for b in facts(text, date(2021, 6, 1))]
    assert rows == [(3_200_000_000, 2015, "actual"), (5_600_000_000, 2020, "actual")]


def test_past_grants_of_a_funder_are_actual() -> None:
    text = (
        "Last year the foundation supported 12,000 projects, with direct funding of 8.4 "
        "billion yuan."
    )
    (b,) = facts(text, date(2021, 6, 1))
    assert (b.fiscal_year, b.phase) == (2020, "actual")


def test_the_year_of_an_amount_compared_with_is_not_the_new_figure_s() -> None:
    text = (
        "Budget 2030: science gets more\n\n"
        "The Financial Secretary delivered the budget speech.\n\n"
        "The new HK$30 billion earmarked for research is three times as much as the HK$10 "
        "billion allocated for research in the 2027 budget."
    )
    years = [(b.amount, b.fiscal_year) for b in facts(text, None)]
    assert years[0] == (30_000_000_000, 2030)


def test_a_period_s_ends_date_the_two_ends_of_from_a_to_b() -> None:
    text = (
        "From 2015 to 2020, the province's science spending has grown from 41.3 billion "
        "yuan to nearly 60 billion yuan, an official said on Friday."
    )
    rows = [(b.fiscal_year, b.phase) for b in facts(text, date(2021, 3, 1))]
    assert rows == [(2015, "actual"), (2020, "actual")]


def test_money_for_one_park_is_that_project_s() -> None:
    text = (
        "The budget earmarks HK$12 billion for research, as follows:\n\n"
        "• $8 billion will be used on the second stage of the Riverside Science Park.\n\n"
        "• $4 billion for university research."
    )
    assert [b.amount for b in facts(text, None)] == [12_000_000_000, 4_000_000_000]


def test_a_reporting_clause_does_not_announce_the_money() -> None:
    text = (
        "With a budget of 9.6 billion yuan for 2019, the foundation received 80,000 "
        "applications by June, it announced on Monday."
    )
    (b,) = facts(text, date(2019, 7, 1))
    assert (b.fiscal_year, b.phase) == (2019, "unknown")
    passive = "So far, 40 million pounds of funding has been announced across 12 programmes."
    (b,) = facts(passive, date(2019, 7, 1))
    assert b.phase == "approved"


def test_an_announcement_yields_to_a_stronger_cue() -> None:
    text = (
        "Officials of the provincial government announced that they have spent more than "
        "80 million yuan on laboratory equipment for research over the past year."
    )
    (b,) = facts(text)
    assert b.phase == "actual"


def test_a_trailing_remark_on_research_does_not_make_education_money_s_and_t() -> None:
    text = (
        "The Government will set aside HK$6 billion for universities to renovate campus "
        "buildings, in particular those for R&D."
    )
    (b,) = facts(text)
    assert b.category == "education"
    research = "The Government will set aside HK$2 billion for research in public health."
    (b,) = facts(research)
    assert b.category == "science_technology"


def test_a_rate_stated_before_the_figure_belongs_to_it() -> None:
    text = (
        "The country will raise its defence budget growth rate to 5.5 percent this year.\n\n"
        "The defence budget will be 90 billion yuan, the draft budget shows."
    )
    (b,) = facts(text)
    assert (b.category, b.change_pct) == ("defense", 5.5)
    average = (
        "Science spending has increased by 6 percent annually on average.\n\n"
        "Spending on science reached 40 billion yuan in 2021."
    )
    (b,) = facts(average)
    assert b.change_pct is None


def test_a_verb_of_leverage_must_govern_the_amount() -> None:
    lever = "Officials said the new state fund could drive 800 billion yuan of investment."
    assert facts(lever) == []
    text = (
        "To drive innovation in fine chemicals, the provincial government will spend "
        "3 billion yuan on research next year."
    )
    (b,) = facts(text)
    assert (b.amount, b.fiscal_year) == (3_000_000_000, 2023)


def test_expenditure_of_a_year_already_over_is_actual() -> None:
    text = (
        "The city's S&T expenditure was 21.4 billion yuan in 2020, accounting for 5 percent "
        "of general public budget expenditure."
    )
    (b,) = facts(text, date(2022, 1, 10))
    assert (b.fiscal_year, b.phase) == (2020, "actual")
    budget = "The academy had a budget of 9.1 billion yuan in 2020."
    (b,) = facts(budget, date(2022, 1, 10))
    assert b.phase == "unknown"


def test_r_and_d_input_is_expenditure() -> None:
    text = "The province's R&D input reached 77.5 billion yuan in 2020."
    (b,) = facts(text)
    assert (b.category, b.fiscal_year, b.phase) == ("science_technology", 2020, "actual")


def test_a_public_fund_s_capital_without_a_stated_purpose_is_industry() -> None:
    text = "The municipal fund, with total capital of 20 billion yuan, was set up in 2021."
    (b,) = facts(text)
    assert b.category == "industry"


def test_chipmakers_and_technological_purposes() -> None:
    (b,) = facts("The government will provide 2 billion yuan in subsidies to chipmakers.")
    assert b.category == "industry"
    (b,) = facts("The ministry allocated 3 billion yuan to technological upgrading this year.")
    assert b.category == "science_technology"


def test_a_pronoun_subject_does_not_inherit_the_previous_period() -> None:
    text = (
        "The Financial Secretary delivered his 2031-32 Budget today.\n\n"
        "The Government will allocate $700 million in the coming five years to support "
        "research.\n\n"
        "It will also set aside $9 billion for universities to renew their campuses."
    )
    years = [b.fiscal_year for b in facts(text, date(2031, 2, 20))]
    assert years == [None, 2031]


def test_a_title_that_restates_the_amount_gives_its_year() -> None:
    text = (
        "Fund disbursed MOP120 mln for research in 2029\n\n"
        "The fund said a total of MOP120 million was allocated to support research "
        "projects last year."
    )
    (b,) = facts(text, None)
    assert b.fiscal_year == 2029


def test_enterprises_are_companies_unless_a_public_actor_spends() -> None:
    assert facts("State-owned enterprises invested 900 billion yuan in R&D last year.") == []
    text = "To help enterprises innovate, the provincial government allocated 4 billion yuan."
    assert [b.amount for b in facts(text)] == [4_000_000_000]


def test_a_cut_of_an_r_and_d_budget_is_a_negative_change() -> None:
    text = "The country will cut its R&D budget by 12.5 percent to 30 trillion won next year."
    (b,) = facts(text)
    assert b.change_pct == -12.5


def test_committed_money_is_approved_and_public_budget_expenditure_is_spent() -> None:
    (b,) = facts("The government has committed 2 billion pounds to research in 2023-24.")
    assert (b.fiscal_year, b.phase) == (2023, "approved")
    text = (
        "The province's science expenditure in the general public budget was 40 billion "
        "yuan in 2020, up 4.1 percent."
    )
    (b,) = facts(text)
    assert (b.fiscal_year, b.phase, b.change_pct) == (2020, "actual", 4.1)


def test_a_figure_named_again_with_a_definite_article_is_one_fact() -> None:
    text = (
        "The budget earmarks an additional 6 billion yuan for research this year.\n\n"
        "The additional 6 billion yuan earmarked for research is three times the 2 billion "
        "yuan allocated in the 2019 budget."
    )
    rows = [(b.amount, b.fiscal_year) for b in facts(text)]
    assert rows[0] == (6_000_000_000, 2022)
    assert [a for a, _ in rows].count(6_000_000_000) == 1


def test_a_communique_s_figures_and_their_parts() -> None:
    text = (
        "Statistical Communique on Science Spending in 2020\n\n"
        "In 2020, total R&D expenditure reached 900 billion yuan, an increase of 80 billion "
        "yuan or 9.8 percent over the previous year.\n\n"
        "In 2020, the government appropriation for science was 300 billion yuan, up 6 "
        "percent, of which local government expenditure was 180 billion yuan."
    )
    rows = [(b.amount, b.phase, b.change_pct) for b in facts(text, date(2021, 9, 1))]
    assert rows == [
        (900_000_000_000, "actual", 9.8),
        (300_000_000_000, "actual", 6.0),
        (180_000_000_000, "actual", None),
    ]


def test_the_page_title_says_what_otherwise_unnamed_money_is_for() -> None:
    text = (
        "China-Chile joint research call opens\n\n"
        "Applications close in June.\n\n"
        "The total budget for 2030 is 50 million yuan."
    )
    (b,) = facts(text, date(2030, 1, 5))
    assert b.category == "international_cooperation"


def test_private_finance_is_a_look_alike() -> None:
    for text in (
        "A private equity fund invested 600 million yuan in the robot maker last year.",
        "The lidar firm closed a 700 million yuan funding round led by state investors.",
        "Redwood Capital invested 900 million yuan in the programme.",
    ):
        assert facts(text) == [], text
    assert len(facts("The government will invest 2 billion yuan in venture funds.")) == 1


def test_an_organisation_the_money_goes_to_is_not_its_spender() -> None:
    (b,) = facts("China has provided 40 million dollars to the United Nations since 2015.")
    assert (b.spender_org, b.spender_country) == (None, "CHN")


def test_the_works_on_one_named_thing_cost_it_and_are_no_budget() -> None:
    assert (
        facts(
            "Science news\n\nConstruction of the Tianma Radio Telescope started in May 2012 in"
            " Songjiang district, East China's Shanghai, with a total investment of about 1.2"
            " billion yuan."
        )
        == []
    )
    # a budget word still makes it one: the funder's allocation, not one thing's cost
    (b,) = facts(
        "Science news\n\nConstruction of the Harbin metro started in 2021; the provincial"
        " government allocated 3 billion yuan for science and technology that year."
    )
    assert b.amount == 3_000_000_000


def test_investments_counted_by_a_database_are_no_budget() -> None:
    text = (
        "AI funding\n\nA data provider counted 410 funding events in robotics in 2023. Those"
        " investments earmarked 41.5 billion yuan in total, below 2021's peak of 97.2 billion"
        " yuan."
    )
    assert facts(text) == []
    # public investment is still a budget
    (b,) = facts(
        "Science news\n\nGovernment investments in basic research reached 12 billion yuan in"
        " 2023, the finance ministry said."
    )
    assert b.amount == 12_000_000_000


def test_a_grant_or_prize_ceiling_is_no_budget() -> None:
    text = (
        "Budget speech\n\nThe financial secretary proposed injecting HK$3 billion into the"
        " Innovation Fund. She also proposed raising the grant ceiling under the Tech Coupon"
        " Scheme from HK$300,000 to HK$500,000 to help small firms use technology."
    )
    assert [b.amount for b in facts(text)] == [3_000_000_000]
    prize = (
        "Science awards\n\nThe government said it will establish awards for researchers in"
        " science and technology, with the highest prize hitting two million patacas."
    )
    assert facts(prize) == []
    capped = (
        "Science news\n\nThe foundation offers grants of up to 50,000 euros to young"
        " scientists, from a budget of 2 million euros this year."
    )
    assert [b.amount for b in facts(capped)] == [2_000_000]


def test_grants_of_a_stated_total_are_still_money() -> None:
    text = "Science news\n\nThe science foundation made grants of 2 billion yuan in 2021."
    assert [b.amount for b in facts(text)] == [2_000_000_000]


def test_companies_own_research_spending_is_no_budget_whoever_reports_it() -> None:
    text = (
        "Tech giants spend more\n\nIn 2022, research and development spending of the listed "
        "software firms reached 41.3 billion yuan, up 6 percent, according to the Ministry "
        "of Science and Technology."
    )
    assert facts(text) == []


def test_a_funding_round_is_no_budget() -> None:
    text = (
        "Start-up news\n\nLast year, the robotics maker DeepArm raised $230 million in funds "
        "from state-backed investors. The government will also allocate $50 million."
    )
    assert [f.amount for f in facts(text)] == [50_000_000]
    round_text = "Chip news\n\nThe ministry said ChipCo closed a Series C round of $80 million."
    assert facts(round_text) == []


def test_a_performer_breakdown_gives_no_budget_not_even_the_public_sectors_share() -> None:
    # Annotators of real bulletins mark every part of a breakdown by performer as no
    # budget: the parts are where the national total was spent, not allocations.
    text = (
        "R&D bulletin\n\nIn 2021, R&D expenditure by enterprises reached 900 billion yuan; "
        "the R&D expenditure of government research institutes reached 190 billion yuan."
    )
    assert 190e9 not in [f.amount for f in facts(text)]


def test_up_to_an_amount_of_support_for_a_class_of_recipients_is_a_ceiling() -> None:
    text = (
        "City news\n\nThe city announced measures on Monday, offering up to 20 million yuan "
        "in support of joint research projects with foreign partners. Subsidies for key "
        "start-ups will reach up to 5 million yuan, the science bureau said."
    )
    assert facts(text) == []


def test_a_reward_per_newly_recognised_unit_or_by_level_is_no_budget() -> None:
    text = (
        "Province news\n\nThe province will back innovation platforms, providing 2 million "
        "yuan in funding for newly certified national engineering centres and 300,000 yuan "
        "for provincial-level platforms."
    )
    assert facts(text) == []


def test_a_total_for_a_class_of_recipients_without_up_to_stays_a_budget() -> None:
    text = (
        "Budget news\n\nThe ministry allocated 3 billion yuan in 2023 in support of "
        "basic research projects at national laboratories."
    )
    assert [f.amount for f in facts(text)] == [3e9]


def test_a_numbered_list_item_closed_by_a_semicolon_is_body_text() -> None:
    text = (
        "Paper for the council\n\nThe council is asked to -\n\n"
        "1. approve a new commitment of $3 billion for a new subhead under the Research "
        "Grants Fund;\n\n2. note that the bureau will report on its use.\n\n"
        "The secretary proposes to move $3 billion from the General Revenue Account."
    )
    assert [f.amount for f in facts(text)] == [3e9]


def test_a_ceiling_with_its_own_figure_leaves_the_next_amount_alone() -> None:
    text = (
        "Council paper\n\nThe bureau will create a block vote for Research Grants Fund "
        "projects each costing under the funding ceiling, now at $10 million, with an "
        "estimated provision of $180 million in 2001-02."
    )
    assert [f.amount for f in facts(text)] == [180e6]
    rise = (
        "Budget speech\n\nThe secretary proposed raising the grant ceiling of the voucher "
        "scheme from HK$300,000 to HK$500,000."
    )
    assert facts(rise) == []


def test_what_applicants_requested_is_no_budget() -> None:
    text = (
        "Fund news\n\nThe Regional Research Promotion Fund (FPIR) received 90 applications, "
        "with an overall requested sum of MOP120 million. FPIR said funding for the approved "
        "projects amounted to MOP40 million."
    )
    assert [(f.amount, f.spender_country) for f in facts(text)] == [(40e6, "MAC")]


def test_a_centre_qualifying_a_government_is_no_single_project() -> None:
    text = (
        "Province gets more S&T funds\n\nThe Ministry of Finance has distributed the guidance "
        "funds for science development from center government. Hainan Province received "
        "80 million yuan, up 12.5% from last year."
    )
    assert [f.amount for f in facts(text)] == [80e6]
