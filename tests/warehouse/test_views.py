"""The views and every example question in docs/queries.sql, run on the sample data."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.warehouse.sample_data import run_sample
from warehouse.publish import ANALYST_DB, CURRENT
from warehouse.views import create_views, views_sql

QUERIES = Path(__file__).resolve().parents[2] / "docs" / "queries.sql"

Rows = list[dict[str, Any]]


def _blocks() -> dict[str, tuple[str, str]]:
    """{"Q1": (question, sql)} from docs/queries.sql."""
    text = QUERIES.read_text(encoding="utf-8")
    out: dict[str, tuple[str, str]] = {}
    for block in re.split(r"(?m)^(?=-- Q\d+:)", text)[1:]:
        head, sql = block.split("\n", 1)
        match = re.match(r"-- (Q\d+): (.+)", head)
        assert match, head
        out[match.group(1)] = (match.group(2), sql.strip())
    return out


@pytest.fixture(scope="module")
def analyst(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    """The sample run's analysts' copy, read-only, as an analyst opens it."""
    data = run_sample(tmp_path_factory.mktemp("sample"))
    con = duckdb.connect(str(data / "published" / CURRENT / ANALYST_DB), read_only=True)
    yield con
    con.close()


def test_the_analysts_copy_has_every_view_described(analyst) -> None:
    expected = set(_view_names_in_file())
    views = dict(
        analyst.execute(
            "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal"
        ).fetchall()
    )
    assert set(views) == expected
    assert all(views[v] and views[v].startswith("View: ") for v in expected)
    undescribed = analyst.execute(
        "SELECT table_name || '.' || column_name FROM duckdb_columns() "
        "WHERE NOT internal AND (comment IS NULL OR comment = '')"
    ).fetchall()
    assert undescribed == []  # tables and views alike


def _view_names_in_file() -> list[str]:
    return re.findall(r"CREATE OR REPLACE VIEW (\w+)", views_sql())


def _run(con: duckdb.DuckDBPyConnection, sql: str) -> Rows:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _q1(rows: Rows) -> None:
    y2024 = next(r for r in rows if r["fiscal_year"] == 2024)
    assert 360 < y2024["billion_yuan"] < 380  # 370.828 billion yuan in the March review
    assert 45 < y2024["billion_usd"] < 60
    assert y2024["change_pct"] == pytest.approx(10.0)


def _q2(rows: Rows) -> None:
    categories = [r["category"] for r in rows]
    assert {"science_technology", "defense"} <= set(categories)
    usd = [r["billion_usd"] for r in rows]
    assert usd == sorted(usd, reverse=True)
    assert math.isclose(sum(r["share_pct"] for r in rows), 100, abs_tol=0.5)


def _q3(rows: Rows) -> None:
    amount = next(r for r in rows if r["column_name"] == "amount")
    assert len(amount["stated_values"]) >= 2 and amount["documents"] >= 2
    assert all(u.startswith("http") for u in amount["urls"])


def _q4(rows: Rows) -> None:
    assert "China" not in {r["partner_name"] for r in rows}
    assert {"United Kingdom", "France"} & {r["partner_name"] for r in rows}
    assert all(r["total"] == r["joint_projects"] + r["meetings"] >= 1 for r in rows)


def _q5(rows: Rows) -> None:
    assert any("Kazakhstan" in (r["countries"] or "") for r in rows)
    assert {r["project_type"] for r in rows} <= {"joint_lab", "research_center"}


def _q6(rows: Rows) -> None:
    assert all(re.fullmatch(r"20\d\d-\d\d", r["month"]) and r["meetings"] >= 1 for r in rows)
    assert "2024-11" in {r["month"] for r in rows}  # the Kunming workshop and the Wuhan forum


def _q7(rows: Rows) -> None:
    assert all(1 <= r["quarter"] <= 4 for r in rows)
    assert sum(r["projects"] for r in rows) >= 1 and sum(r["meetings"] for r in rows) >= 1


def _q8(rows: Rows) -> None:
    assert 1 <= len(rows) <= 10
    assert all(r["evidence"] and r["url"].startswith("http") for r in rows)
    dates = [r["published_date"] for r in rows if r["published_date"] is not None]
    assert dates == sorted(dates, reverse=True) and all(isinstance(d, date) for d in dates)


def _q9(rows: Rows) -> None:
    assert len({r["url"] for r in rows}) >= 2  # the review and the news article
    assert all("370.8" in r["evidence"] for r in rows)


def _q10(rows: Rows) -> None:
    names = {r["name"] for r in rows}
    assert {"Rowan Sutton", "Qiu Yong"} <= names


def _q11(rows: Rows) -> None:
    assert rows[0]["total"] >= 2
    assert all(r["total"] == r["projects"] + r["meetings"] for r in rows)


def _q12(rows: Rows) -> None:
    assert {r["source_id"] for r in rows} >= {"sample-reviews", "sample-news"}
    assert all(0 <= r["facts_from_one_document"] <= r["facts"] for r in rows)


CHECKS: dict[str, Callable[[Rows], None]] = {
    "Q1": _q1,
    "Q2": _q2,
    "Q3": _q3,
    "Q4": _q4,
    "Q5": _q5,
    "Q6": _q6,
    "Q7": _q7,
    "Q8": _q8,
    "Q9": _q9,
    "Q10": _q10,
    "Q11": _q11,
    "Q12": _q12,
}


def test_every_example_question_has_a_plausibility_check() -> None:
    blocks = _blocks()
    assert len(blocks) >= 12
    assert set(blocks) == set(CHECKS)


@pytest.mark.parametrize("qid", sorted(_blocks(), key=lambda q: int(str(q)[1:])))
def test_example_question_gives_a_plausible_answer(analyst, qid: str) -> None:
    question, sql = _blocks()[qid]
    rows = _run(analyst, sql)
    assert rows, f"{qid} ({question}) has no answer on the sample data"
    CHECKS[qid](rows)


def test_views_agree_with_the_tables(analyst) -> None:
    facts = _run(analyst, "SELECT fact_type, count(*) AS n FROM latest_facts GROUP BY ALL")
    counts = {r["fact_type"]: r["n"] for r in facts}
    for fact_type, table in [
        ("budget", "budgets"),
        ("project", "projects"),
        ("meeting", "meetings"),
    ]:
        total = analyst.execute(f"SELECT count(*) FROM {table}").fetchone()
        assert total is not None and counts.get(fact_type, 0) == total[0], table
    dated = analyst.execute("SELECT count(*) FROM meetings WHERE start_date IS NOT NULL").fetchone()
    per_month = analyst.execute("SELECT sum(meetings) FROM meetings_per_month").fetchone()
    assert dated is not None and per_month is not None and dated[0] == per_month[0]
    pairs = _run(analyst, "SELECT * FROM country_partners")
    symmetric = {(r["country"], r["partner"], r["total"]) for r in pairs}
    assert all((p, c, t) in symmetric for c, p, t in symmetric)
    conflicted = analyst.execute("SELECT count(*) FROM latest_facts WHERE has_conflicts").fetchone()
    assert conflicted is not None and conflicted[0] >= 1


def test_conflicts_are_a_table_and_the_views_read_it(analyst) -> None:
    """The conflicts table (no JSON column on the facts any more) feeds has_conflicts and
    fact_conflicts, one fact_conflicts row per fact and column, values in value_order."""
    for table in ("budgets", "projects", "meetings", "fact_labels"):
        columns = {r[0] for r in analyst.execute(f"DESCRIBE {table}").fetchall()}
        assert "conflicts" not in columns, table
    rows = _run(
        analyst, "SELECT * FROM conflicts ORDER BY fact_type, fact_id, column_name, value_order"
    )
    assert rows, "the sample states the 2024 S&T budget twice, with two amounts"
    grouped: dict[tuple[str, str, str], list[str]] = {}
    for r in rows:
        grouped.setdefault((r["fact_type"], r["fact_id"], r["column_name"]), []).append(r["value"])
        assert r["value_order"] == len(grouped[(r["fact_type"], r["fact_id"], r["column_name"])])
    view = _run(
        analyst, "SELECT fact_type, fact_id, column_name, stated_values FROM fact_conflicts"
    )
    assert {(r["fact_type"], r["fact_id"], r["column_name"]): r["stated_values"] for r in view} == (
        grouped
    )
    flagged = _run(analyst, "SELECT fact_type, fact_id FROM latest_facts WHERE has_conflicts")
    assert {(r["fact_type"], r["fact_id"]) for r in flagged} == {(t, i) for t, i, _ in grouped}


def test_budget_change_is_computed_against_the_year_before(tmp_path: Path) -> None:
    from warehouse.db import connect

    con = connect(tmp_path / "w.duckdb")
    con.execute(
        "INSERT INTO budgets (budget_id, spender_country, category, fiscal_year, amount, "
        "currency, amount_usd, phase) VALUES "
        "('a', 'CHN', 'science_technology', 2023, 200.0, 'CNY', 28.0, 'proposed'), "
        "('b', 'CHN', 'science_technology', 2024, 220.0, 'CNY', 30.0, 'proposed'), "
        "('c', 'CHN', 'science_technology', 2026, 250.0, 'CNY', 34.0, 'proposed')"
    )
    create_views(con)
    rows = _run(con, "SELECT fiscal_year, previous_amount, change_pct FROM budgets_by_year")
    by_year = {r["fiscal_year"]: r for r in rows}
    assert by_year[2024]["previous_amount"] == 200.0 and by_year[2024]["change_pct"] == 10.0
    assert by_year[2023]["change_pct"] is None
    assert by_year[2026]["change_pct"] is None  # 2025 is missing: no change is invented
