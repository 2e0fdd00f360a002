"""Charts for the report as inline SVG strings: pure functions, rows in, markup out.

SVG written here rather than a charting library: the page must open offline (no CDN
script), stay small on thousands of facts (the charts get aggregated rows, a few dozen
marks each), and need no new dependency. Each chart is a `<figure>` holding one `<svg>` with
a `viewBox`, so it scales with the page; every mark has a `<title>` as its tooltip, and
`data-*` attributes let a test count what was drawn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

# Colour-blind-safe palette (Okabe-Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
FONT = 12
LABEL_WIDTH = 170


@dataclass(frozen=True)
class Series:
    """One named series of values, aligned with the chart's categories."""

    name: str
    values: Sequence[float]


def nice_step(value: float, *, integer: bool = False) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above `value` (at least 1
    for counts)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= value)
    return max(step, 1.0) if integer else step


def axis(maximum: float, *, integer: bool = False) -> list[float]:
    """Tick values from 0 past `maximum` in round steps, about four intervals."""
    step = nice_step(maximum / 4, integer=integer)
    count = max(1, math.ceil(maximum / step - 1e-9))
    return [step * i for i in range(count + 1)]


def fmt(value: float) -> str:
    """A short number: 231.5, 12, 0.4."""
    if value == 0:
        return "0"
    if abs(value) >= 100 or value == int(value):
        return f"{value:,.0f}"
    return f"{value:,.1f}" if abs(value) >= 1 else f"{value:.2g}"


def _legend(series: Sequence[Series], x: float, y: float) -> str:
    items = []
    for i, s in enumerate(series):
        colour = PALETTE[i % len(PALETTE)]
        items.append(
            f'<rect x="{x:.0f}" y="{y - 10:.0f}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 16:.0f}" y="{y:.0f}">{escape(s.name)}</text>'
        )
        x += 16 + 8 * len(s.name) + 24
    return f'<g class="legend">{"".join(items)}</g>'


def _figure(svg: str, caption: str, chart: str, marks: int) -> str:
    return (
        f'<figure class="chart" data-chart="{escape(chart)}" data-marks="{marks}">'
        f"{svg}<figcaption>{escape(caption)}</figcaption></figure>"
    )


def _empty(caption: str, chart: str) -> str:
    return (
        f'<figure class="chart empty" data-chart="{escape(chart)}" data-marks="0">'
        f"<p>No data yet.</p><figcaption>{escape(caption)}</figcaption></figure>"
    )


def horizontal_bars(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    caption: str,
    chart: str,
    unit: str = "",
    stacked: bool = False,
    integer: bool = False,
    legend: bool | None = None,
    width: int = 760,
) -> str:
    """Horizontal bars, one group per category: side by side per series, or stacked. The
    legend is drawn when there is more than one series, unless `legend` says otherwise."""
    if not categories or not series:
        return _empty(caption, chart)
    n = len(series)
    bar = 14 if stacked or n == 1 else max(6, 22 // n)
    group = (bar if stacked else bar * n) + 10
    top, bottom = 30, 28
    height = top + group * len(categories) + bottom
    plot = width - LABEL_WIDTH - 70
    totals = [
        sum(s.values[i] for s in series) if stacked else max(s.values[i] for s in series)
        for i in range(len(categories))
    ]
    ticks = axis(max(totals, default=0.0), integer=integer)
    scale = ticks[-1]
    parts = [_legend(series, LABEL_WIDTH, 16)] if (n > 1 if legend is None else legend) else []
    marks = 0
    for value in ticks:
        x = LABEL_WIDTH + plot * value / scale
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - bottom}" class="grid"/>'
            f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle">{fmt(value)}</text>'
        )
    for i, category in enumerate(categories):
        y0 = top + i * group
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y0 + (group - 10) / 2 + 4:.1f}" '
            f'text-anchor="end">{escape(_clip(category, 26))}<title>{escape(category)}</title>'
            "</text>"
        )
        offset = 0.0
        for j, s in enumerate(series):
            value = s.values[i]
            if value <= 0:
                continue
            w = plot * value / scale
            x = LABEL_WIDTH + (offset if stacked else 0)
            y = y0 if stacked else y0 + j * bar
            colour = PALETTE[j % len(PALETTE)]
            label = f"{category}, {s.name}: {fmt(value)}{unit}"
            parts.append(
                f'<rect class="mark" x="{x:.1f}" y="{y:.1f}" width="{max(w, 1):.1f}" '
                f'height="{bar - 1}" fill="{colour}"><title>{escape(label)}</title></rect>'
            )
            marks += 1
            if stacked:
                offset += w
        end = LABEL_WIDTH + (offset if stacked else plot * totals[i] / scale)
        parts.append(
            f'<text x="{end + 4:.1f}" y="{y0 + (group - 10) / 2 + 4:.1f}" class="value">'
            f"{fmt(totals[i])}</text>"
        )
    svg = (
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(caption)}" font-size="{FONT}">{"".join(parts)}</svg>'
    )
    return _figure(svg, caption, chart, marks)


def monthly_columns(
    months: Sequence[date],
    series: Sequence[Series],
    *,
    caption: str,
    chart: str,
    width: int = 760,
    height: int = 260,
) -> str:
    """Stacked columns per month, every month from the first to the last shown (gaps are
    zero, so time is to scale)."""
    if not months or not series:
        return _empty(caption, chart)
    timeline = _month_range(min(months), max(months))
    index = {m: i for i, m in enumerate(timeline)}
    stacks = [[0.0] * len(timeline) for _ in series]
    for k, month in enumerate(months):
        for j, s in enumerate(series):
            stacks[j][index[month]] += s.values[k]
    totals = [sum(stacks[j][i] for j in range(len(series))) for i in range(len(timeline))]
    ticks = axis(max(totals, default=0.0), integer=True)
    scale = ticks[-1]
    left, right, top, bottom = 40, 10, 30, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / len(timeline)
    bar = max(1.0, slot * 0.8)
    parts = [_legend(series, left, 16)]
    for value in ticks:
        y = top + plot_h - plot_h * value / scale
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{fmt(value)}</text>'
        )
    # Label every 1, 2, 3, 6, 12... months, on months that are multiples of it (January,
    # July...), so labels read as a calendar; at most about twelve of them.
    every = next(n for n in (1, 2, 3, 6, 12, 24, 60, 120, 10**6) if len(timeline) / n <= 12)
    marks = 0
    for i, month in enumerate(timeline):
        x = left + i * slot + (slot - bar) / 2
        base = float(top + plot_h)
        for j, s in enumerate(series):
            value = stacks[j][i]
            if value <= 0:
                continue
            h = plot_h * value / scale
            base -= h
            label = f"{month:%Y-%m}, {s.name}: {fmt(value)}"
            parts.append(
                f'<rect class="mark" x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" '
                f'height="{h:.1f}" fill="{PALETTE[j % len(PALETTE)]}">'
                f"<title>{escape(label)}</title></rect>"
            )
            marks += 1
        if (month.year * 12 + month.month - 1) % every == 0:
            parts.append(
                f'<text x="{left + i * slot + slot / 2:.1f}" y="{top + plot_h + 16}" '
                f'text-anchor="middle">{month:%Y-%m}</text>'
            )
    svg = (
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(caption)}" font-size="{FONT}">{"".join(parts)}</svg>'
    )
    return _figure(svg, caption, chart, marks)


def _month_range(first: date, last: date) -> list[date]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
