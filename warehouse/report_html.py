"""The report page as one HTML string: pure functions from report rows to markup.

One self-contained file: styles inline, charts inline SVG (`report_svg`), no script, no
font, no image fetched. A Content-Security-Policy meta tag forbids every load, so a page
that tried one would show it as an error instead of leaking a request. The only URLs are
the links to the documents, which load nothing until clicked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape

from warehouse.report_svg import Series, horizontal_bars, monthly_columns

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2433;
background:#f6f7f9}
header{background:#1d2433;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}
header p{margin:0;color:#c9d1e0}header a{color:#fff;margin-right:14px}
main{max-width:1100px;margin:0 auto;padding:8px 28px 40px}
section{background:#fff;border:1px solid #dde1e8;border-radius:6px;margin:18px 0;padding:14px 18px}
h2{font-size:17px;margin:4px 0 10px}.chart{margin:0}.chart svg{max-width:100%;height:auto}
figcaption{color:#5b6475;font-size:12px}.grid{stroke:#e3e6ec}.value{fill:#5b6475}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:5px 8px;
border-bottom:1px solid #e6e9ef;vertical-align:top}th{background:#f0f2f6}
.num{text-align:right;white-space:nowrap}.ev{color:#333;max-width:520px}.muted{color:#6b7385}
.badge{display:inline-block;padding:1px 7px;border-radius:9px;font-size:12px;font-weight:600}
.pass{background:#d9f2e3;color:#11603a}.fail{background:#fde0dd;color:#8a1c12}
.warn{background:#fff1cc;color:#7a5300}.error{background:#ead9f5;color:#5a1d80}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #dde1e8;border-radius:6px;
padding:8px 12px;min-width:110px}.card b{display:block;font-size:20px}
details summary{cursor:pointer;margin:8px 0}
"""


@dataclass(frozen=True)
class BudgetTotal:
    category: str
    fiscal_year: int
    amount_usd: float


@dataclass(frozen=True)
class MonthActivity:
    month: date
    projects: int
    meetings: int


@dataclass(frozen=True)
class Partner:
    name: str
    joint_projects: int
    meetings: int


@dataclass(frozen=True)
class LatestFact:
    fact_type: str
    label: str
    published_date: date | None
    evidence: str
    url: str | None
    title: str | None
    documents: int
    has_conflicts: bool


@dataclass(frozen=True)
class Conflict:
    label: str
    column: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class QualityCheck:
    table: str
    expectation: str
    severity: str
    success: bool | None
    observed_value: str | None
    error: str | None


@dataclass(frozen=True)
class ReportData:
    """Everything the page shows, already aggregated: the page's size follows these lists."""

    run_id: str
    generated_at: str
    row_counts: Mapping[str, int]
    budgets: Sequence[BudgetTotal] = ()
    activity: Sequence[MonthActivity] = ()
    partners: Sequence[Partner] = ()
    partner_of: str = "China"
    latest: Sequence[LatestFact] = ()
    total_facts: int = 0
    conflicts: Sequence[Conflict] = ()
    quality: Sequence[QualityCheck] | None = None  # None: the gate did not run
    quarantined: Mapping[str, int] = field(default_factory=dict)
    links: Mapping[str, str] = field(default_factory=dict)  # extra links: label -> href


def quality_status(checks: Sequence[QualityCheck]) -> str:
    """The gate's verdict from its results: error, fail, warn or pass (as `GateResult`)."""
    if any(c.success is None and c.error for c in checks):
        return "error"
    failed = {c.severity for c in checks if c.success is False}
    if "critical" in failed:
        return "fail"
    return "warn" if failed else "pass"


def _link(url: str | None, text: str) -> str:
    if url and url.split(":", 1)[0] in ("http", "https", "file"):
        return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(text)}</a>'
    return escape(text)


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: set[int]) -> str:
    head = "".join(
        f'<th class="num">{escape(h)}</th>' if i in numeric else f"<th>{escape(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def budgets_chart(rows: Sequence[BudgetTotal], max_years: int = 5) -> str:
    years = sorted({r.fiscal_year for r in rows})[-max_years:]
    totals: dict[str, float] = {}
    cell: dict[tuple[str, int], float] = {}
    for r in rows:
        if r.fiscal_year in years:
            totals[r.category] = totals.get(r.category, 0.0) + r.amount_usd
            cell[(r.category, r.fiscal_year)] = (
                cell.get((r.category, r.fiscal_year), 0.0) + r.amount_usd
            )
    categories = sorted(totals, key=lambda c: (-totals[c], c))
    series = [Series(str(y), [cell.get((c, y), 0.0) / 1e9 for c in categories]) for y in years]
    return horizontal_bars(
        categories,
        series,
        caption="Budgets by category and fiscal year, billion US$ (all spenders, at each year's "
        "average rate; multi-year totals left out).",
        chart="budgets",
        unit=" bn US$",
        legend=True,
    )


def activity_chart(rows: Sequence[MonthActivity]) -> str:
    return monthly_columns(
        [r.month for r in rows],
        [
            Series("projects", [r.projects for r in rows]),
            Series("meetings", [r.meetings for r in rows]),
        ],
        caption="Projects (by event date) and meetings (by start date) per month; undated facts "
        "are left out.",
        chart="activity",
    )


def partners_chart(rows: Sequence[Partner], partner_of: str) -> str:
    return horizontal_bars(
        [r.name for r in rows],
        [
            Series("joint projects", [r.joint_projects for r in rows]),
            Series("meetings", [r.meetings for r in rows]),
        ],
        caption=f"Top partner countries of {partner_of}: projects and meetings both take part in.",
        chart="partners",
        stacked=True,
        integer=True,
    )


def quality_section(
    checks: Sequence[QualityCheck] | None,
    quarantined: Mapping[str, int],
    run_id: str,
    pages: Mapping[str, str] | None = None,
) -> str:
    """The gate's results for the run: verdict, counts, every failure, then every check.
    `pages` links a table's name to a page with its details (Great Expectations' own)."""
    pages = pages or {}
    if checks is None:
        return "<p>The quality gate did not run for this run.</p>"
    status = quality_status(checks)
    failed = [c for c in checks if c.success is not True]
    counts = {
        "checks": len(checks),
        "passed": sum(c.success is True for c in checks),
        "failed": sum(c.success is False for c in checks),
        "errors": sum(c.success is None and bool(c.error) for c in checks),
        "rows quarantined": sum(quarantined.values()),
    }
    cards = "".join(f'<div class="card"><b>{n}</b>{escape(k)}</div>' for k, n in counts.items())

    def row(c: QualityCheck) -> list[str]:
        if c.success is True:
            badge = '<span class="badge pass">pass</span>'
        elif c.success is False:
            kind = "fail" if c.severity == "critical" else "warn"
            badge = f'<span class="badge {kind}">failed</span>'
        else:
            badge = '<span class="badge error">error</span>' if c.error else "not run"
        detail = c.error or c.observed_value or ""
        table = (
            f'<a href="{escape(pages[c.table])}">{escape(c.table)}</a>'
            if c.table in pages
            else escape(c.table)
        )
        return [
            table,
            escape(c.expectation),
            escape(c.severity),
            badge,
            f'<span class="muted">{escape(detail[:300])}</span>',
        ]

    headers = ["table", "expectation", "severity", "result", "observed / error"]
    failures = (
        _table(headers, (row(c) for c in failed), set()) if failed else "<p>Every check passed.</p>"
    )
    everything = _table(headers, (row(c) for c in checks), set())
    return (
        f"<p>Quality gate for run <code>{escape(run_id)}</code>: "
        f'<span class="badge {status}" data-status="{status}">{status.upper()}</span></p>'
        f'<div class="cards">{cards}</div><h3>Failures and errors</h3>{failures}'
        f"<details><summary>All {len(checks)} checks</summary>{everything}</details>"
    )


def _latest_table(rows: Sequence[LatestFact]) -> str:
    def row(f: LatestFact) -> list[str]:
        when = f.published_date.isoformat() if f.published_date else ""
        label = escape(f.label) + (
            ' <span class="badge warn">conflict</span>' if f.has_conflicts else ""
        )
        return [
            escape(f.fact_type),
            label,
            f'<span class="ev">{escape(f.evidence)}</span>',
            _link(f.url, f.title or f.url or "document"),
            when,
            str(f.documents),
        ]

    return _table(
        ["type", "fact", "evidence", "document", "published", "documents"],
        (row(f) for f in rows),
        {4, 5},  # right-aligned and unwrapped: dates and counts
    )


def render_page(title: str, header: str, sections: Sequence[tuple[str, str, str]]) -> str:
    """A whole page: `sections` are (id, heading, inner HTML)."""
    nav = "".join(f'<a href="#{escape(i)}">{escape(h)}</a>' for i, h, _ in sections)
    body = "".join(
        f'<section id="{escape(i)}"><h2>{escape(h)}</h2>{inner}</section>'
        for i, h, inner in sections
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<header>{header}<nav>{nav}</nav></header><main>{body}</main></body></html>\n"
    )


def render_report(data: ReportData) -> str:
    """The run's report page."""
    counts = ", ".join(f"{escape(t)} {n:,}" for t, n in data.row_counts.items())
    links = " ".join(
        _link(href, label) if "://" in href else f'<a href="{escape(href)}">{escape(label)}</a>'
        for label, href in data.links.items()
    )
    header = (
        "<h1>China S&amp;T: what the latest run published</h1>"
        f"<p>Run <code>{escape(data.run_id)}</code>, {escape(data.generated_at)}. "
        f"Rows: {counts}. {links}</p>"
    )
    shown = len(data.latest)
    latest_note = (
        f'<p class="muted">The {shown:,} newest of {data.total_facts:,} facts, each with the '
        "sentence that states it in the most recent document; all of them are in the view "
        "<code>latest_facts</code>.</p>"
    )
    conflicts = (
        _table(
            ["fact", "column", "values the documents give"],
            (
                [escape(c.label), escape(c.column), escape(" | ".join(c.values))]
                for c in data.conflicts
            ),
            set(),
        )
        if data.conflicts
        else "<p>No fact has conflicting values between documents.</p>"
    )
    sections = [
        ("budgets", "Budgets by category and year", budgets_chart(data.budgets)),
        ("activity", "Projects and meetings over time", activity_chart(data.activity)),
        ("partners", "Top partner countries", partners_chart(data.partners, data.partner_of)),
        ("quality", "Data quality", quality_section(data.quality, data.quarantined, data.run_id)),
        ("latest", "Latest facts", latest_note + _latest_table(data.latest)),
        ("conflicts", "Where sources disagree", conflicts),
    ]
    return render_page(f"chinasci report {data.run_id}", header, sections)


def render_quality_page(
    run_id: str,
    checks: Sequence[QualityCheck],
    quarantined: Mapping[str, int],
    *,
    pages: Mapping[str, str] | None = None,
    links: Mapping[str, str] | None = None,
) -> str:
    """The quality gate's results on their own, self-contained page (the Data Docs index)."""
    extra = " ".join(
        f'<a href="{escape(h)}">{escape(label)}</a>' for label, h in (links or {}).items()
    )
    header = (
        "<h1>Quality gate</h1>"
        f"<p>Run <code>{escape(run_id)}</code>: every expectation's result. {extra}</p>"
    )
    section = quality_section(checks, quarantined, run_id, pages)
    return render_page(f"Quality gate {run_id}", header, [("quality", "Data quality", section)])
