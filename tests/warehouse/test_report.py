"""report.html: drawn from the sample run, self-contained, rendered by a real browser.

The browser is Debian's `chromium`, installed here when missing and the tests run as root;
otherwise the browser tests are skipped, saying why. Sizes are asserted, times are not.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.warehouse.sample_data import run_sample
from warehouse.db import connect
from warehouse.publish import ANALYST_DB, CURRENT, REPORT_FILE, RUNS, read_manifest
from warehouse.report import build_report, collect, write_report
from warehouse.report_html import QualityCheck, ReportData, quality_status, render_report
from warehouse.report_svg import Series, axis, horizontal_bars, monthly_columns
from warehouse.views import create_views

BROWSER_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def chromium() -> str:
    """Path of the chromium binary, installing the Debian package when missing (as root)."""
    found = shutil.which("chromium")
    if found:
        return found
    if os.geteuid() != 0:
        pytest.skip(
            "chromium is not installed and installing it needs root: apt-get install -y chromium"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]
    done = subprocess.run(install, env=env, capture_output=True, text=True, timeout=1200)
    if done.returncode != 0:
        # a fresh machine has no package lists yet
        subprocess.run(["apt-get", "update"], env=env, capture_output=True, timeout=600)
        done = subprocess.run(install, env=env, capture_output=True, text=True, timeout=1200)
    found = shutil.which("chromium")
    if not found:
        pytest.skip(f"apt-get install -y chromium failed: {done.stderr.strip()[-300:]}")
    return found


def browse(page: Path, profile: Path, *extra: str) -> str:
    """Run headless chromium on `page`; returns what it prints (the DOM for --dump-dom)."""
    done = subprocess.run(
        [chromium(), *BROWSER_FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(data dir, published report.html) of the sample run, quality gate included."""
    data = run_sample(tmp_path_factory.mktemp("sample"), gate=True)
    return data, data / "published" / REPORT_FILE


def test_each_publication_has_its_report(sample) -> None:
    data, report = sample
    manifest = read_manifest(data / "published")
    assert manifest is not None and report.is_symlink()
    assert report.resolve() == (data / "published" / RUNS / manifest["run_id"] / REPORT_FILE)
    assert f"Run <code>{manifest['run_id']}</code>" in report.read_text(encoding="utf-8")


def test_build_report_reads_the_published_copy_and_the_gate(sample, tmp_path: Path) -> None:
    data, _ = sample
    manifest = read_manifest(data / "published")
    assert manifest is not None
    warehouse = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        path = build_report(
            tmp_path,
            run_id=manifest["run_id"],
            row_counts={t: v["rows"] for t, v in manifest["tables"].items()},
            analyst_db=data / "published" / CURRENT / ANALYST_DB,
            quality=warehouse,
        )
    finally:
        warehouse.close()
    html = path.read_text(encoding="utf-8")
    checks = warehouse_checks(data)
    assert f"All {checks} checks" in html and checks > 100


def warehouse_checks(data: Path) -> int:
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        row = con.execute("SELECT count(*) FROM quality_results").fetchone()
    finally:
        con.close()
    return int(row[0]) if row else 0


def test_report_shows_charts_quality_and_latest_facts(sample) -> None:
    _, report = sample
    html = report.read_text(encoding="utf-8")
    for chart in ("budgets", "activity", "partners"):
        marks = re.search(rf'data-chart="{chart}" data-marks="(\d+)"', html)
        assert marks and int(marks.group(1)) > 0, chart
    assert 'data-status="pass"' in html or 'data-status="warn"' in html
    assert "370.8 billion" in html  # the S&T budget's evidence sentence
    assert re.search(r'<a href="http://127\.0\.0\.1:\d+/reviews/[^"]+\.pdf"', html)
    assert "Where sources disagree" in html and "370800000000.0" in html


def test_report_loads_nothing_from_anywhere(sample) -> None:
    _, report = sample
    html = report.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    for forbidden in ("<script", "<link", "<img", "<iframe", "@import", "url(", " src="):
        assert forbidden not in html.lower(), forbidden
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith(("#", "http://127.0.0.1")) for h in hrefs)


def test_report_renders_in_chromium(sample, tmp_path: Path) -> None:
    _, report = sample
    dom = browse(report, tmp_path / "profile", "--dump-dom")
    for chart in ("budgets", "activity", "partners"):
        figure = dom.split(f'data-chart="{chart}"', 1)[1].split("</figure>", 1)[0]
        assert figure.count('class="mark"') > 0, chart
        assert "<svg" in figure
    latest = dom.split('id="latest"', 1)[1].split("</section>", 1)[0]
    assert latest.count("<tr>") > 5
    quality = dom.split('id="quality"', 1)[1].split("</section>", 1)[0]
    assert quality.count("<tr>") > 100  # every check of the gate, one row each
    shot = tmp_path / "report.png"
    browse(report, tmp_path / "profile", "--window-size=1200,2400", f"--screenshot={shot}")
    assert png_size(shot) == (1200, 2400)
    assert shot.stat().st_size > 50_000  # a blank page compresses to a few kilobytes


def test_data_docs_index_renders_offline_in_chromium(tmp_path: Path) -> None:
    from expectations.data_docs import GX_INDEX, render_data_docs
    from expectations.gate import run_gate
    from expectations.synthetic import realistic_tables
    from tests.expectations.breakers import set_value

    tables = realistic_tables()
    set_value(tables["budgets"], 1, "category", "space")
    result = run_gate(tables, run_id="run-2024-04-01", previous_counts=None)
    index = render_data_docs(result, tmp_path / "data_docs")
    assert (tmp_path / "data_docs" / GX_INDEX).is_file()
    dom = browse(index, tmp_path / "profile", "--dump-dom")
    assert 'data-status="warn"' in dom
    assert "category_in_vocabulary" in dom and "space" in dom
    assert dom.count("<tr>") > len(result.results)  # failures, then every check
    page = re.search(r'<a href="(validations/budgets/[^"]+\.html)">budgets</a>', dom)
    assert page and (tmp_path / "data_docs" / page.group(1)).is_file()


def _synthetic_facts(con: duckdb.DuckDBPyConnection, documents: int) -> None:
    """`documents` documents, each stating a budget, two projects and two meetings, with
    participants from a dozen countries: the shape of a large run, in SQL."""
    con.execute(
        f"""
        INSERT INTO countries SELECT * FROM (VALUES ('CHN', 'CN', 'China'),
            ('GBR', 'GB', 'United Kingdom'), ('FRA', 'FR', 'France'), ('DEU', 'DE', 'Germany'),
            ('ITA', 'IT', 'Italy'), ('KAZ', 'KZ', 'Kazakhstan'), ('THA', 'TH', 'Thailand'),
            ('BRA', 'BR', 'Brazil'), ('ZAF', 'ZA', 'South Africa'), ('EGY', 'EG', 'Egypt'),
            ('PAK', 'PK', 'Pakistan'), ('SRB', 'RS', 'Serbia'));
        INSERT INTO documents (doc_id, source_id, url, doc_type, title, published_date, text,
                               status)
        SELECT 'd' || i, 'synthetic', 'https://example.org/doc/' || i, 'article',
               'Document ' || i, DATE '2015-01-01' + CAST(i * 2 AS INTEGER),
               repeat('Text of the document. ', 20), 'parsed'
        FROM range({documents}) t(i);
        INSERT INTO budgets (budget_id, spender_country, category, fiscal_year, amount,
                             currency, amount_usd, change_pct, phase)
        SELECT 'b' || i, 'CHN',
               ['science_technology', 'defense', 'education', 'health', 'industry'][i % 5 + 1],
               2015 + i % 10, 1e9 * (1 + i % 97), 'CNY', 1.4e8 * (1 + i % 97), i % 13,
               'proposed'
        FROM range({documents}) t(i);
        INSERT INTO conflicts
        SELECT 'budget', 'b' || i, 'amount', v, o
        FROM range(0, {documents}, 50) t(i), (VALUES ('1.0', 1), ('2.0', 2)) c(v, o);
        INSERT INTO projects (project_id, name, project_type, status, event_date, country)
        SELECT 'p' || i, 'Joint laboratory number ' || i, 'joint_lab', 'launched',
               DATE '2015-01-01' + CAST(i AS INTEGER), 'CHN'
        FROM range({2 * documents}) t(i);
        INSERT INTO meetings (meeting_id, title, meeting_type, start_date, end_date, country)
        SELECT 'm' || i, 'Joint committee ' || i, 'committee',
               DATE '2015-01-01' + CAST(i AS INTEGER), DATE '2015-01-01' + CAST(i AS INTEGER),
               'CHN'
        FROM range({2 * documents}) t(i);
        INSERT INTO project_participants
        SELECT 'p' || i, 'country', c.name, c.iso3
        FROM range({2 * documents}) t(i)
        JOIN countries c ON c.iso3 = 'CHN' OR hash(i) % 11 = hash(c.iso3) % 11;
        INSERT INTO meeting_participants (meeting_id, kind, name, country)
        SELECT 'm' || i, 'country', c.name, c.iso3
        FROM range({2 * documents}) t(i)
        JOIN countries c ON c.iso3 = 'CHN' OR hash(i + 7) % 11 = hash(c.iso3) % 11;
        INSERT INTO mentions
        SELECT t, id, 'd' || (n // k), 'Evidence sentence stating the fact.', 0, 35, NULL, 't'
        FROM (SELECT 'budget' AS t, 'b' || i AS id, i AS n, 1 AS k FROM range({documents}) r(i)
              UNION ALL SELECT 'project', 'p' || i, i, 2 FROM range({2 * documents}) r(i)
              UNION ALL SELECT 'meeting', 'm' || i, i, 2 FROM range({2 * documents}) r(i));
        """
    )


def test_report_stays_small_on_thousands_of_facts(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    _synthetic_facts(con, documents=2000)
    create_views(con)
    data = collect(con, run_id="r-large", row_counts={"budgets": 2000})
    assert data.total_facts == 10_000
    html = render_report(data)
    assert len(html.encode("utf-8")) < 300_000
    assert len(data.activity) > 12 and len(data.partners) >= 10
    path = write_report(html, tmp_path / "out", run_id="r-large")
    assert path.name == REPORT_FILE and not list((tmp_path / "out").glob(".*.tmp"))


def test_quality_status_follows_the_gate_rules() -> None:
    def check(severity: str, success: bool | None, error: str | None = None) -> QualityCheck:
        return QualityCheck("budgets", "x", severity, success, None, error)

    assert quality_status([check("critical", True)]) == "pass"
    assert quality_status([check("row", False), check("critical", True)]) == "warn"
    assert quality_status([check("critical", False), check("row", False)]) == "fail"
    assert quality_status([check("critical", None, "boom"), check("critical", False)]) == "error"


def test_charts_escape_labels_and_say_when_empty() -> None:
    svg = horizontal_bars(["<script>x</script>"], [Series("a&b", [2.0])], caption="c", chart="t")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and 'data-marks="1"' in svg
    assert "No data yet." in horizontal_bars([], [], caption="c", chart="t")
    columns = monthly_columns(
        [date(2024, 1, 1), date(2024, 6, 1)], [Series("n", [1.0, 3.0])], caption="c", chart="m"
    )
    assert columns.count('class="mark"') == 2 and "2024-03" in columns  # gaps keep time to scale
    assert axis(231.5) == [0, 100, 200, 300] and axis(3, integer=True) == [0, 1, 2, 3]


def test_an_empty_run_still_renders() -> None:
    html = render_report(ReportData(run_id="r0", generated_at="now", row_counts={}))
    assert html.count("No data yet.") == 3 and "did not run" in html
