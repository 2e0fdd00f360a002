"""Realistic synthetic tables that pass the gate: for the gate's tests, its benchmark, and for
anyone wiring the gate who needs a known-good dataset to start from.

The rows restate facts of the kind the pipeline reads (the 2024 S&T budget of 370.828 billion
yuan, a China-Kazakhstan joint laboratory, a workshop "from 6-8 November in Kunming"), with
mentions whose evidence is a real span of their document's text. Frames have the columns
and dtypes DuckDB hands back (pandas `str`, Int32, int32, float64, datetime64[us]);
`dates_as="date"` gives DATE columns as `datetime.date` objects instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

EXTRACTOR_VERSION = "0.1.0"

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
_DOCUMENTS: list[tuple[str, str, str, str, str, dt.date, str | None]] = [
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
_BUDGETS: list[dict[str, object]] = [
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
_BUDGET_COLUMNS = (
    "budget_id", "spender_country", "spender_org", "category", "fiscal_year", "amount",
    "currency", "amount_usd", "stated_usd", "change_pct", "phase", "purpose", "qualifier",
)
# fmt: on

# fact_type, fact_id, doc_id, evidence
_MENTIONS = [
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


def realistic_tables(
    dates_as: Literal["datetime64", "date"] = "datetime64",
) -> dict[str, pd.DataFrame]:
    """A small, clean dataset of every published table, as the warehouse would hand it over."""
    documents = _documents(_DOCUMENTS, failed=True)
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    tables = {
        "sources": _frame(
            {
                "source_id": ["sample-reviews", "sample-news", "analyst-inbox", "synthetic"],
                "kind": ["listing", "feed", "folder", "folder"],
                "location": [
                    "https://example.org/reviews/index.html",
                    "https://example.org/news/feed.xml",
                    "samples/inbox",
                    "benchmarks/synthetic",
                ],
                "doc_type": ["review", "article", "article", "review"],
                "last_status": ["ok", "ok", "ok", "ok"],
                "last_error": [None] * 4,
            }
        ),
        "retracted_facts": _frame(
            {
                "fact_type": ["budget"],
                "fact_id": ["b-st-2024-draft"],
                "retracted_at": [dt.datetime(2024, 4, 1, 2, 0, 5)],
                "run_id": ["run-2024-04-01"],
                "reason": ["no stored document supports it any more"],
            },
            dates=("retracted_at",),
        ),
        "countries": _frame(
            {
                "iso3": ["CHN", "KAZ", "THA", "ITA", "GBR", "USA", "NLD"],
                "iso2": ["CN", "KZ", "TH", "IT", "GB", "US", "NL"],
                "name": [
                    "China",
                    "Kazakhstan",
                    "Thailand",
                    "Italy",
                    "United Kingdom",
                    "United States",
                    "European Union",
                ],
            }
        ),
        "organisations": _organisations(),
        "documents": documents,
        "budgets": _budgets(_BUDGETS),
        "projects": _frame(
            {
                "project_id": [
                    "p-kz-remote-sensing",
                    "p-ubolratana",
                    "p-queqiao-2",
                    "p-it-pharma-lab",
                ],
                "name": [
                    "China-Kazakhstan joint laboratory for remote sensing technology",
                    "Ubolratana Dam hydro-floating solar hybrid power plant",
                    "Queqiao-2 relay satellite",
                    "Joint laboratory of Pharmaceutical Biotechnology and Immunosafety",
                ],
                "project_type": ["joint_lab", "facility", "space_mission", "joint_lab"],
                "status": ["inaugurated", "started_operations", "launched", "launched"],
                "event_date": [
                    dt.date(2024, 3, 27),
                    dt.date(2024, 3, 5),
                    dt.date(2024, 3, 20),
                    None,
                ],
                "city": ["Almaty", "Khon Kaen", "Wenchang", "Shenzhen"],
                "country": ["KAZ", "THA", "CHN", "CHN"],
                "funding_amount": [400_000.0, None, None, None],
                "funding_currency": ["USD", None, None, None],
                "funding_usd": [400_000.0, None, None, None],
            },
            dates=("event_date",),
        ),
        "project_participants": _frame(
            {
                "project_id": ["p-kz-remote-sensing"] * 4
                + ["p-ubolratana"] * 2
                + ["p-it-pharma-lab"] * 3,
                "kind": [
                    "country",
                    "country",
                    "organisation",
                    "organisation",
                    "country",
                    "country",
                    "country",
                    "country",
                    "organisation",
                ],
                "name": [
                    "China",
                    "Kazakhstan",
                    "Xinjiang Institute of Ecology and Geography",
                    "Al-Farabi Kazakh National University",
                    "China",
                    "Thailand",
                    "China",
                    "Italy",
                    "Shenzhen Institute of Advanced Technology",
                ],
                "country": ["CHN", "KAZ", "CHN", "KAZ", "CHN", "THA", "CHN", "ITA", "CHN"],
            }
        ),
        "meetings": _frame(
            {
                "meeting_id": [
                    "m-cssp-workshop-2024",
                    "m-china-africa-forum-2024",
                    "m-two-sessions-2024",
                ],
                "title": [
                    "CSSP China annual workshop",
                    "2024 China-Africa Innovation Cooperation and Development Forum",
                    "National People's Congress and CPPCC 'two sessions'",
                ],
                "meeting_type": ["workshop", "forum", "committee"],
                "start_date": [dt.date(2024, 11, 6), dt.date(2024, 11, 6), dt.date(2024, 3, 3)],
                "end_date": [dt.date(2024, 11, 8), dt.date(2024, 11, 8), dt.date(2024, 3, 11)],
                "city": ["Kunming", "Wuhan", "Beijing"],
                "country": ["CHN", "CHN", "CHN"],
                "summary": [
                    "UK and Chinese scientists commit to closer climate-science collaboration.",
                    "Around 800 delegates on China-Africa cooperation in S&T innovation.",
                    "Annual sessions at which the draft budget was presented.",
                ],
            },
            dates=("start_date", "end_date"),
        ),
        "meeting_participants": _frame(
            {
                "meeting_id": ["m-cssp-workshop-2024"] * 4 + ["m-china-africa-forum-2024"] * 2,
                "kind": ["country", "country", "person", "person", "organisation", "person"],
                "name": [
                    "United Kingdom",
                    "China",
                    "Rowan Sutton",
                    "Chao Qingchen",
                    "Ministry of Science and Technology",
                    "Qiu Yong",
                ],
                "role": [None, None, "Director", "Director", None, "Vice Minister"],
                "organisation": [
                    None,
                    None,
                    "UK Met Office Hadley Centre",
                    "National Climate Centre",
                    None,
                    "Ministry of Science and Technology",
                ],
                "country": ["GBR", "CHN", "GBR", "CHN", "CHN", "CHN"],
            }
        ),
        "mentions": _mentions(_MENTIONS, texts),
        # The two documents stating the 2024 S&T budget give 370.828 and 370.8 billion yuan.
        "conflicts": _frame(
            {
                "fact_type": ["budget", "budget"],
                "fact_id": ["b-st-2024", "b-st-2024"],
                "column_name": ["amount", "amount"],
                "value": ["370800000000.0", "370828000000.0"],
                "value_order": pd.array([1, 2], dtype="int32"),
            }
        ),
    }
    if dates_as == "date":
        for frame in tables.values():
            for col in frame.columns:
                if str(frame[col].dtype).startswith("datetime64") and col not in (
                    "fetched_at",
                    "first_seen_at",
                    "retracted_at",
                ):
                    frame[col] = pd.Series(
                        [None if pd.isna(v) else v.date() for v in frame[col]], dtype="object"
                    )
    return tables


def large_tables(
    n_budgets: int, *, facts_per_document: int = 100, seed: int = 0
) -> dict[str, pd.DataFrame]:
    """The realistic dataset plus `n_budgets` synthetic budgets, each with one mention in one
    of `n_budgets / facts_per_document` synthetic documents: a budgets+mentions load of
    2 * n_budgets rows for timing the gate."""
    rng = np.random.default_rng(seed)
    base = realistic_tables()
    categories = np.array(
        ["science_technology", "research_funding", "education", "health", "industry"]
    )
    amounts = np.round(rng.uniform(1.0, 999.0, n_budgets), 3) * 1e9
    ids = [f"b-syn-{i:07d}" for i in range(n_budgets)]
    evidences = [f"allotted {a / 1e9:.3f} billion yuan for item {i}" for i, a in enumerate(amounts)]
    doc_ids = [f"d-syn-{i // facts_per_document:06d}" for i in range(n_budgets)]

    docs_text: dict[str, list[str]] = {}
    starts: list[int] = []
    for doc_id, evidence in zip(doc_ids, evidences, strict=True):
        parts = docs_text.setdefault(doc_id, [])
        offset = sum(len(p) + 2 for p in parts)
        sentence = f"The province {evidence} in 2024"
        parts.append(sentence)
        starts.append(offset + len("The province "))
    published = dt.date(2024, 3, 31)
    doc_rows = [
        (
            doc_id,
            "synthetic",
            f"https://example.org/syn/{doc_id}",
            "review",
            f"Synthetic review {doc_id}",
            published,
            "\n\n".join(parts),
        )
        for doc_id, parts in docs_text.items()
    ]
    budgets = pd.DataFrame(
        {
            "budget_id": ids,
            "spender_country": ["CHN"] * n_budgets,
            "spender_org": [None] * n_budgets,
            "category": categories[rng.integers(0, len(categories), n_budgets)],
            "fiscal_year": pd.array([2024] * n_budgets, dtype="Int32"),
            "amount": amounts,
            "currency": ["CNY"] * n_budgets,
            "amount_usd": amounts / 7.19,
            "stated_usd": [np.nan] * n_budgets,
            "change_pct": np.round(rng.uniform(-20, 30, n_budgets), 1),
            "phase": ["proposed"] * n_budgets,
            "purpose": [None] * n_budgets,
            "qualifier": [None] * n_budgets,
        }
    )
    mentions = pd.DataFrame(
        {
            "fact_type": ["budget"] * n_budgets,
            "fact_id": ids,
            "doc_id": doc_ids,
            "evidence": evidences,
            "char_start": pd.array(starts, dtype="int32"),
            "char_end": pd.array(
                [s + len(e) for s, e in zip(starts, evidences, strict=True)], dtype="int32"
            ),
            "page": pd.array([1] * n_budgets, dtype="Int32"),
            "extractor_version": [EXTRACTOR_VERSION] * n_budgets,
        }
    )
    base["budgets"] = pd.concat([base["budgets"], _strings(budgets)], ignore_index=True)
    base["mentions"] = pd.concat([base["mentions"], _strings(mentions)], ignore_index=True)
    base["documents"] = pd.concat(
        [base["documents"], _documents(doc_rows, failed=False)], ignore_index=True
    )
    return base


# --- builders --------------------------------------------------------------------------


def _documents(
    rows: Sequence[tuple[str, str, str, str, str, dt.date, str | None]], *, failed: bool
) -> pd.DataFrame:
    records = []
    for doc_id, source_id, url, doc_type, title, published, text in rows:
        fetched = dt.datetime.combine(published, dt.time(2, 0)) + dt.timedelta(days=1)
        records.append(
            {
                "doc_id": doc_id,
                "source_id": source_id,
                "url": url,
                "doc_type": doc_type,
                "title": title,
                "published_date": published,
                "author": None,
                "content_sha256": hashlib.sha256((text or "").encode()).hexdigest(),
                "content_type": "application/pdf" if doc_type == "review" else "text/html",
                "fetched_at": fetched,
                "first_seen_at": fetched,
                "text": text,
                "sections": json.dumps(
                    [{"heading": title, "char_start": 0, "char_end": len(text or ""), "page": 1}]
                ),
                "page_starts": json.dumps([0]) if doc_type == "review" else None,
                "status": "parsed",
                "error": None,
                "extractor_version": EXTRACTOR_VERSION,
            }
        )
    if failed:
        fetched = dt.datetime(2024, 4, 1, 2, 0)
        records.append(
            {
                "doc_id": "d-news-gone",
                "source_id": "sample-news",
                "url": "https://example.org/news/2024/03/30/gone",
                "doc_type": "article",
                "title": None,
                "published_date": None,
                "author": None,
                "content_sha256": None,
                "content_type": None,
                "fetched_at": fetched,
                "first_seen_at": fetched,
                "text": None,
                "sections": None,
                "page_starts": None,
                "status": "failed",
                "error": "HTTP 404 Not Found",
                "extractor_version": None,
            }
        )
    frame = pd.DataFrame.from_records(records)
    for col in ("published_date", "fetched_at", "first_seen_at"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[us]")
    return _strings(frame)


def _budgets(rows: list[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records([{c: row.get(c) for c in _BUDGET_COLUMNS} for row in rows])
    frame["fiscal_year"] = pd.array(frame["fiscal_year"].tolist(), dtype="Int32")
    for col in ("amount", "amount_usd", "stated_usd", "change_pct"):
        frame[col] = frame[col].astype("float64")
    return _strings(frame)


def _organisations() -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "org_id": ["o-cas", "o-xieg", "o-kaznu", "o-siat", "o-most", "o-metoffice"],
            "name": [
                "Chinese Academy of Sciences",
                "Xinjiang Institute of Ecology and Geography",
                "Al-Farabi Kazakh National University",
                "Shenzhen Institute of Advanced Technology",
                "Ministry of Science and Technology",
                "UK Met Office Hadley Centre",
            ],
            "acronym": ["CAS", "XIEG", "KazNU", "SIAT", "MOST", None],
            "country": ["CHN", "CHN", "KAZ", "CHN", "CHN", "GBR"],
            "aliases": [
                np.array(["CAS", "Chinese Academy of Science"], dtype=object),
                np.array(["XIEG"], dtype=object),
                np.array(["KazNU"], dtype=object),
                np.array(["SIAT"], dtype=object),
                np.array(["MOST", "Chinese Ministry of Science and Technology"], dtype=object),
                None,
            ],
        }
    )
    return _strings(frame)


def _mentions(rows: list[tuple[str, str, str, str]], texts: dict[str, str]) -> pd.DataFrame:
    records = []
    for fact_type, fact_id, doc_id, evidence in rows:
        start = texts[doc_id].index(evidence)
        records.append(
            {
                "fact_type": fact_type,
                "fact_id": fact_id,
                "doc_id": doc_id,
                "evidence": evidence,
                "char_start": start,
                "char_end": start + len(evidence),
                "page": 1 if doc_id.startswith("d-review") else None,
                "extractor_version": EXTRACTOR_VERSION,
            }
        )
    frame = pd.DataFrame.from_records(records)
    frame["char_start"] = frame["char_start"].astype("int32")
    frame["char_end"] = frame["char_end"].astype("int32")
    frame["page"] = pd.array(frame["page"].tolist(), dtype="Int32")
    return _strings(frame)


def _frame(columns: dict[str, list], dates: tuple[str, ...] = ()) -> pd.DataFrame:
    frame = pd.DataFrame(columns)
    for col in dates:
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[us]")
    for col in frame.columns:
        if frame[col].dtype == object and frame[col].isna().all():
            continue
        if (
            col not in dates
            and frame[col].dtype == object
            and frame[col].map(lambda v: v is None or isinstance(v, float)).all()
        ):
            frame[col] = frame[col].astype("float64")
    return _strings(frame)


def _strings(frame: pd.DataFrame) -> pd.DataFrame:
    """String columns as pandas' `str` dtype, as DuckDB hands them to pandas 3."""
    for col in frame.columns:
        series = frame[col]
        if (
            series.dtype == object
            and series.dropna().map(lambda v: isinstance(v, str)).all()
            and (series.notna().any())
        ):
            frame[col] = series.astype("str")
    return frame
