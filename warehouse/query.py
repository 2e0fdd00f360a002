"""Read-only SQL on the published data, for `chinasci query`.

Queries go to the analysts' copy of the published run (`published/current/analyst.duckdb`),
never to the warehouse the nightly run writes: DuckDB lets no other process open a file
while one writes it. `current` is resolved once and the run's folder pinned for the length
of the query, so a publication switching runs meanwhile neither mixes runs nor removes
the folder being read.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from warehouse.publish import ANALYST_DB, pinned_run


class NothingPublished(Exception):
    """No run has published yet, so there is nothing to query."""


def run_query(published_dir: Path, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Columns and rows of `sql` on the published run's analyst copy (read-only)."""
    with pinned_run(published_dir) as run_dir:
        path = run_dir / ANALYST_DB if run_dir is not None else None
        if path is None or not path.exists():
            raise NothingPublished(
                f"nothing published yet under {published_dir}; run `chinasci run`"
            )
        con = duckdb.connect(str(path), read_only=True)
        try:
            cur = con.execute(sql)
            columns = [d[0] for d in cur.description or []]
            return columns, cur.fetchall()
        finally:
            con.close()


def _cell(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def format_rows(columns: list[str], rows: list[tuple[Any, ...]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(
            [{c: _cell(v) for c, v in zip(columns, row, strict=True)} for row in rows],
            ensure_ascii=False,
            indent=2,
            default=str,
        )
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
        return buf.getvalue().rstrip("\n")
    return format_table(columns, rows)


def format_table(columns: list[str], rows: list[tuple[Any, ...]], max_width: int = 60) -> str:
    def text(v: Any) -> str:
        s = "" if v is None else str(_cell(v))
        s = s.replace("\n", " ")
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    cells = [[text(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = "+".join("-" * (w + 2) for w in widths)
    out = [" | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    out.append(line.replace("+", "+"))
    out += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
