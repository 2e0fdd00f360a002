"""The seed documents of the synthetic dataset, and the budgets and mentions they state.

Real-looking text matters here: every mention's evidence is looked up in its document's text,
so the gate's evidence check runs on spans that exist, and the figures are the ones the texts
state (the 2024 S&T budget of 370.828 billion yuan, a second article's 370.8 billion).
"""

from __future__ import annotations

import datetime as dt

_REVIEW_MAR = (
    "China Science and Technology Budget 2024\n\n"
    "The Budget for science and technology was unveiled during China's 'two sessions' yearly "
    "meetings, which took place from 3-11 March in Beijing. As per the draft budget report "
    "released by the Chinese Ministry of Finance, it allotted 370.828 billion Yuan for science "
    "and technology (S&T), an increase of 10% from the previous budget. The main expenditures "
    "on diplomatic endeavors is 60.783 billion Yuan, up 6.6%; 1.66554 trillion Yuan on national "
    "defense, up 7.2%; 227.662 billion Yuan on public security, up 1.4%; 140.636 billion Yuan "
    "on stockpiling grain, edible oils, and other materials, up 8.1%; and 777.315 billion Yuan "
    "on debt interest payments, up 11.9%.\n\n"
    "Scientific Collaboration Projects\n\n"
    "A joint laboratory for remote sensing technology and application between China and "
    "Kazakhstan was inaugurated on 27 March in Almaty. A jointly funded laboratory of "
    "US $ 400,000 was built by the Xinjiang Institute of Ecology and Geography (XIEG) and "
    "Al-Farabi Kazakh National University (KazNU).\n\n"
    "The Ubolratana Dam hydro-floating solar hybrid power plant, jointly built by Chinese and "
    "Thai companies, started commercial operations on 5 March.\n\n"
    "Scientific Research Breakthroughs and Discoveries\n\n"
    "On 20 March China successfully launched a relay satellite called Queqiao-2 into lunar "
    "orbit from Wenchang Space Launch Center."
)
_REVIEW_NOV = (
    "China Science and Technology Review, November 2024\n\n"
    "China and Italy launched a Joint laboratory of Pharmaceutical Biotechnology and "
    "Immunosafety in Shenzhen, Guangdong Province. The collaborative lab was established by the "
    "Shenzhen Institute of Advanced Technology (SIAT) of the Chinese Academy of Sciences.\n\n"
    "At an annual workshop from 6-8 November in Kunming city of Yunnan Province, under the "
    "auspices of Climate Science for Service Partnership China (CSSP China), scientists from "
    "the UK and China made an urgent commitment to strengthen collaboration to address climate "
    "change. Rowan Sutton, Director of the UK Met Office Hadley Centre, and Chao Qingchen, "
    "Director of the National Climate Centre, led the UK and Chinese teams.\n\n"
    "The Chinese Ministry of Science and Technology organised the 2024 China-Africa Innovation "
    "Cooperation and Development Forum from 6-8 November in Wuhan, Hubei Province. Qiu Yong, "
    "Vice Minister of Science and Technology, emphasised top-level design of innovation "
    "cooperation."
)
_ARTICLE_BUDGET = (
    "Revving Up: Beijing's Push for Self-Reliance in Tech\n\n"
    "Mar 6, 2024. China will spend 370.8 billion yuan (US$51.5 billion) on science and "
    "technology this year, a 10 per cent increase on last year, according to the draft budget "
    "released at the National People's Congress."
)
_ARTICLE_COOPERATION = (
    "China's pursuit of sci-tech goals to benefit world\n\n"
    "Nov 28: China has established scientific and technological cooperation with over 160 "
    "countries and regions. Over the past decade the country has invested about 10 billion "
    "yuan ($1.4 billion) in international science and technology cooperation projects."
)
_ARTICLE_WORK_REPORT = (
    "Government work report sets targets\n\n"
    "Premier Li Qiang delivered the government work report on 5 March, setting targets for "
    "employment and economic growth and pledging to expand the market for technology."
)

_ARTICLE_HORIZON = (
    "EU, China scientists team up on rice research despite trade frictions\n\n"
    "The project is funded under Horizon Europe, the EU's 95.5 billion euro research and "
    "innovation programme for 2021-2027, and brings together partners in the Netherlands, "
    "Italy and China."
)

# doc_id, source_id, url, doc_type, title, published_date, text
DOCUMENTS: list[tuple[str, str, str, str, str, dt.date, str | None]] = [
    (
        "d-review-2024-03",
        "sample-reviews",
        "https://example.org/reviews/2024-03.pdf",
        "review",
        "China Science and Technology Review, March 2024",
        dt.date(2024, 3, 31),
        _REVIEW_MAR,
    ),
    (
        "d-review-2024-11",
        "sample-reviews",
        "https://example.org/reviews/2024-11.pdf",
        "review",
        "China Science and Technology Review, November 2024",
        dt.date(2024, 11, 30),
        _REVIEW_NOV,
    ),
    (
        "d-news-budget-2024",
        "sample-news",
        "https://example.org/news/2024/03/06/budget",
        "article",
        "Revving Up: Beijing's Push for Self-Reliance in Tech",
        dt.date(2024, 3, 6),
        _ARTICLE_BUDGET,
    ),
    (
        "d-news-coop-2022",
        "sample-news",
        "https://example.org/news/2022/11/28/cooperation",
        "article",
        "China's pursuit of sci-tech goals to benefit world",
        dt.date(2022, 11, 28),
        _ARTICLE_COOPERATION,
    ),
    (
        "d-news-horizon-2024",
        "sample-news",
        "https://example.org/news/2024/06/12/eu-china-rice",
        "article",
        "EU, China scientists team up on rice research despite trade frictions",
        dt.date(2024, 6, 12),
        _ARTICLE_HORIZON,
    ),
    (
        "d-news-work-report-2024",
        "sample-news",
        "https://example.org/news/2024/03/05/work-report",
        "article",
        "Government work report sets targets",
        dt.date(2024, 3, 5),
        _ARTICLE_WORK_REPORT,
    ),
]

# fmt: off
_CN = {"spender_country": "CHN", "spender_org": "Ministry of Finance", "currency": "CNY"}
BUDGETS: list[dict[str, object]] = [
    # Figures as the documents state them; amount_usd at 2024's average rate (~7.19 CNY).
    {"budget_id": "b-st-2024", "category": "science_technology", "fiscal_year": 2024,
     "amount": 370_828_000_000.0, "amount_usd": 51.6e9, "stated_usd": 51.5e9,
     "change_pct": 10.0, "phase": "proposed", **_CN},
    {"budget_id": "b-diplomacy-2024", "category": "diplomacy", "fiscal_year": 2024,
     "amount": 60_783_000_000.0, "amount_usd": 8.45e9, "change_pct": 6.6,
     "phase": "proposed", **_CN},
    {"budget_id": "b-defense-2024", "category": "defense", "fiscal_year": 2024,
     "amount": 1_665_540_000_000.0, "amount_usd": 231.6e9, "change_pct": 7.2,
     "phase": "proposed", **_CN},
    {"budget_id": "b-security-2024", "category": "public_security", "fiscal_year": 2024,
     "amount": 227_662_000_000.0, "amount_usd": 31.7e9, "change_pct": 1.4,
     "phase": "proposed", **_CN},
    {"budget_id": "b-reserves-2024", "category": "reserves", "fiscal_year": 2024,
     "amount": 140_636_000_000.0, "amount_usd": 19.6e9, "change_pct": 8.1,
     "phase": "proposed", "purpose": "stockpiling grain, edible oils and other materials", **_CN},
    {"budget_id": "b-debt-2024", "category": "debt_interest", "fiscal_year": 2024,
     "amount": 777_315_000_000.0, "amount_usd": 108.1e9, "change_pct": 11.9,
     "phase": "proposed", **_CN},
    {"budget_id": "b-intl-coop-decade", "category": "international_cooperation",
     "fiscal_year": None, "amount": 10_000_000_000.0, "stated_usd": 1.4e9, "phase": "actual",
     "qualifier": "about", "spender_country": "CHN", "spender_org": None, "currency": "CNY"},
    # The EU is an organisation, not a country: spender_country stays null.
    {"budget_id": "b-horizon-europe", "category": "research_funding", "fiscal_year": None,
     "amount": 95_500_000_000.0, "currency": "EUR", "phase": "approved",
     "spender_country": None, "spender_org": "European Union (Horizon Europe)",
     "purpose": "Horizon Europe research and innovation programme, 2021-2027"},
]
BUDGET_COLUMNS = (
    "budget_id", "spender_country", "spender_org", "category", "fiscal_year", "amount",
    "currency", "amount_usd", "stated_usd", "change_pct", "phase", "purpose", "qualifier",
)
# fmt: on

# fact_type, fact_id, doc_id, evidence
MENTIONS = [
    ("budget", "b-st-2024", "d-review-2024-03", "allotted 370.828 billion Yuan for science"),
    ("budget", "b-st-2024", "d-news-budget-2024", "370.8 billion yuan (US$51.5 billion)"),
    ("budget", "b-diplomacy-2024", "d-review-2024-03", "diplomatic endeavors is 60.783 billion"),
    ("budget", "b-defense-2024", "d-review-2024-03", "1.66554 trillion Yuan on national"),
    ("budget", "b-security-2024", "d-review-2024-03", "227.662 billion Yuan on public security"),
    ("budget", "b-reserves-2024", "d-review-2024-03", "140.636 billion Yuan"),
    ("budget", "b-debt-2024", "d-review-2024-03", "777.315 billion Yuan"),
    ("budget", "b-intl-coop-decade", "d-news-coop-2022", "about 10 billion yuan ($1.4 billion)"),
    ("budget", "b-horizon-europe", "d-news-horizon-2024", "95.5 billion euro research"),
    ("project", "p-kz-remote-sensing", "d-review-2024-03", "inaugurated on 27 March in Almaty"),
    ("project", "p-ubolratana", "d-review-2024-03", "started commercial operations on 5 March"),
    ("project", "p-queqiao-2", "d-review-2024-03", "launched a relay satellite called Queqiao-2"),
    ("project", "p-it-pharma-lab", "d-review-2024-11", "Joint laboratory of Pharmaceutical"),
    ("meeting", "m-cssp-workshop-2024", "d-review-2024-11", "from 6-8 November in Kunming"),
    ("meeting", "m-china-africa-forum-2024", "d-review-2024-11", "from 6-8 November in Wuhan"),
    ("meeting", "m-two-sessions-2024", "d-review-2024-03", "from 3-11 March in Beijing"),
]
