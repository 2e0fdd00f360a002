"""`report.html`: the page a run leaves for people, built from what it published.

Reading is kept apart from rendering: `collect` runs a handful of aggregate queries on the
views of the analysts' copy (so the page shows exactly what analysts can query) plus the
run's rows of `quality_results`/`quarantine` from the warehouse, and returns a `ReportData`
whose size does not grow with the number of facts (charts get aggregates; the fact table
shows the newest `LATEST_LIMIT`). `report_html.render_report` turns it into the page;
`write_report` writes it under a temporary name and renames it, like every published file.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from warehouse.publish import REPORT_FILE
from warehouse.report_html import (
    BudgetTotal,
    Conflict,
    LatestFact,
    MonthActivity,
    Partner,
    QualityCheck,
    ReportData,
    render_report,
)

LATEST_LIMIT = 60
TOP_PARTNERS = 12
HOME_COUNTRY = "CHN"


def collect(
    analyst: duckdb.DuckDBPyConnection,
    *,
    run_id: str,
    row_counts: dict[str, int],
    quality: duckdb.DuckDBPyConnection | None = None,
    generated_at: datetime | None = None,
    links: dict[str, str] | None = None,
) -> ReportData:
    """The report's rows: from `analyst` (a database holding the published tables and the
    views) and, when given, the gate's results for `run_id` from `quality` (the warehouse)."""
    budgets = [
        BudgetTotal(str(c), int(y), float(usd))
        for c, y, usd in analyst.execute(
            "SELECT category, fiscal_year, sum(amount_usd) FROM budgets_by_year "
            "WHERE amount_usd IS NOT NULL GROUP BY ALL ORDER BY ALL"
        ).fetchall()
    ]
    activity = [
        MonthActivity(m, int(p), int(n))
        for m, p, n in analyst.execute(
            "SELECT month, projects, meetings FROM activity_per_month ORDER BY month"
        ).fetchall()
    ]
    home = analyst.execute("SELECT name FROM countries WHERE iso3 = ?", [HOME_COUNTRY]).fetchone()
    partners = [
        Partner(str(name or code), int(p), int(m))
        for code, name, p, m in analyst.execute(
            "SELECT partner, partner_name, joint_projects, meetings FROM country_partners "
            "WHERE country = ? ORDER BY total DESC, partner LIMIT ?",
            [HOME_COUNTRY, TOP_PARTNERS],
        ).fetchall()
    ]
    latest = [
        LatestFact(str(t), str(label), d, str(ev), url, title, int(docs), bool(conflict))
        for t, label, d, ev, url, title, docs, conflict in analyst.execute(
            "SELECT fact_type, label, published_date, evidence, url, title, documents, "
            "has_conflicts FROM latest_facts LIMIT ?",
            [LATEST_LIMIT],
        ).fetchall()
    ]
    total = analyst.execute("SELECT count(*) FROM fact_labels").fetchone()
    conflicts = [
        Conflict(str(label), str(column), tuple(str(v) for v in values or ()))
        for label, column, values in analyst.execute(
            "SELECT label, column_name, stated_values FROM fact_conflicts LIMIT 100"
        ).fetchall()
    ]
    checks: list[QualityCheck] | None = None
    quarantined: dict[str, int] = {}
    if quality is not None:
        rows = quality.execute(
            "SELECT table_name, expectation, severity, success, observed_value, error "
            "FROM quality_results WHERE run_id = ? ORDER BY table_name, expectation",
            [run_id],
        ).fetchall()
        checks = [QualityCheck(*r) for r in rows] or None
        quarantined = {
            str(t): int(n)
            for t, n in quality.execute(
                "SELECT table_name, count(*) FROM quarantine WHERE run_id = ? "
                "GROUP BY 1 ORDER BY 1",
                [run_id],
            ).fetchall()
        }
    when = generated_at or datetime.now(UTC)
    return ReportData(
        run_id=run_id,
        generated_at=when.strftime("%Y-%m-%d %H:%M UTC"),
        row_counts=row_counts,
        budgets=budgets,
        activity=activity,
        partners=partners,
        partner_of=str(home[0]) if home else HOME_COUNTRY,
        latest=latest,
        total_facts=int(total[0]) if total else 0,
        conflicts=conflicts,
        quality=checks,
        quarantined=quarantined,
        links=links or {},
    )


def write_report(html: str, directory: Path, *, run_id: str) -> Path:
    """Write `html` as `directory/report.html`, atomically (temporary name, then rename)."""
    directory.mkdir(parents=True, exist_ok=True)
    tmp = directory / f".{REPORT_FILE}.{run_id}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(html)
            fh.flush()
            os.fsync(fh.fileno())
        final = directory / REPORT_FILE
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)  # only still there when writing failed
    return final


def build_report(
    directory: Path,
    *,
    run_id: str,
    row_counts: dict[str, int],
    analyst_db: Path,
    quality: duckdb.DuckDBPyConnection | None = None,
    links: dict[str, str] | None = None,
) -> Path:
    """Collect from the analysts' copy at `analyst_db` (opened read-only, so views must be in
    it) and the warehouse connection `quality`, render, and write `directory/report.html`."""
    analyst = duckdb.connect(str(analyst_db), read_only=True)
    try:
        data = collect(analyst, run_id=run_id, row_counts=row_counts, quality=quality, links=links)
    finally:
        analyst.close()
    return write_report(render_report(data), directory, run_id=run_id)
