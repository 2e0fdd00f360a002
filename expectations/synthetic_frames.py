"""Building the synthetic frames with the columns and dtypes DuckDB hands back.

The gate validates frames as the warehouse hands them over (pandas `str`, Int32, int32,
float64, datetime64[us]); a dataset built with other dtypes would test another gate. Every
builder ends in `duckdb_strings`, so no string column slips through as `object`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence

import numpy as np
import pandas as pd

from expectations.synthetic_seed import BUDGET_COLUMNS

EXTRACTOR_VERSION = "0.1.0"


def documents_frame(
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
    return duckdb_strings(frame)


def budgets_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records([{c: row.get(c) for c in BUDGET_COLUMNS} for row in rows])
    frame["fiscal_year"] = pd.array(frame["fiscal_year"].tolist(), dtype="Int32")
    for col in ("amount", "amount_usd", "stated_usd", "change_pct"):
        frame[col] = frame[col].astype("float64")
    return duckdb_strings(frame)


def organisations_frame() -> pd.DataFrame:
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
    return duckdb_strings(frame)


def mentions_frame(rows: list[tuple[str, str, str, str]], texts: dict[str, str]) -> pd.DataFrame:
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
    return duckdb_strings(frame)


def typed_frame(columns: dict[str, list], dates: tuple[str, ...] = ()) -> pd.DataFrame:
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
    return duckdb_strings(frame)


def duckdb_strings(frame: pd.DataFrame) -> pd.DataFrame:
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
