"""Realistic synthetic tables that pass the gate: for the gate's tests, its benchmark, and for
anyone wiring the gate who needs a known-good dataset to start from.

The rows restate facts of the kind the pipeline reads (the 2024 S&T budget of 370.828 billion
yuan, a China-Kazakhstan joint laboratory, a workshop "from 6-8 November in Kunming"), with
mentions whose evidence is a real span of their document's text. Frames have the columns
and dtypes DuckDB hands back (pandas `str`, Int32, int32, float64, datetime64[us]);
`dates_as="date"` gives DATE columns as `datetime.date` objects instead.

The seed texts with the budgets and mentions they state are in `synthetic_seed.py`, the
builders that give each frame DuckDB's dtypes in `synthetic_frames.py`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import numpy as np
import pandas as pd

from expectations.synthetic_frames import (
    EXTRACTOR_VERSION,
    budgets_frame,
    documents_frame,
    duckdb_strings,
    mentions_frame,
    organisations_frame,
    typed_frame,
)
from expectations.synthetic_seed import BUDGETS, DOCUMENTS, MENTIONS


def realistic_tables(
    dates_as: Literal["datetime64", "date"] = "datetime64",
) -> dict[str, pd.DataFrame]:
    """A small, clean dataset of every published table, as the warehouse would hand it over."""
    documents = documents_frame(DOCUMENTS, failed=True)
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    tables = {
        "sources": typed_frame(
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
        "retracted_facts": typed_frame(
            {
                "fact_type": ["budget"],
                "fact_id": ["b-st-2024-draft"],
                "retracted_at": [dt.datetime(2024, 4, 1, 2, 0, 5)],
                "run_id": ["run-2024-04-01"],
                "reason": ["no stored document supports it any more"],
            },
            dates=("retracted_at",),
        ),
        "countries": typed_frame(
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
        "organisations": organisations_frame(),
        "documents": documents,
        "budgets": budgets_frame(BUDGETS),
        "projects": typed_frame(
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
        "project_participants": typed_frame(
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
        "meetings": typed_frame(
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
        "meeting_participants": typed_frame(
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
        "mentions": mentions_frame(MENTIONS, texts),
        # The two documents stating the 2024 S&T budget give 370.828 and 370.8 billion yuan.
        "conflicts": typed_frame(
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
    base["budgets"] = pd.concat([base["budgets"], duckdb_strings(budgets)], ignore_index=True)
    base["mentions"] = pd.concat([base["mentions"], duckdb_strings(mentions)], ignore_index=True)
    base["documents"] = pd.concat(
        [base["documents"], documents_frame(doc_rows, failed=False)], ignore_index=True
    )
    return base
