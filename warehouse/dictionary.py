"""`docs/data-dictionary.md`, generated from the schema: `python -m warehouse.dictionary`.

The dictionary is read from a database, not written by hand: a fresh in-memory warehouse
gets the migrations, the descriptions (`descriptions.toml`, as comments) and the views
(`views.sql`), and is filled with the realistic sample dataset the quality gate's tests use
(`expectations.synthetic`, the facts of the seed documents), so each table's example row is
a real row that passes the gate. Nothing here depends on time or on a run, so the file only
changes when the schema, a description, a view or the sample does; `--check` (and a test)
fail when the committed file is stale.

Usage: `python -m warehouse.dictionary [--check] [--output docs/data-dictionary.md]`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from warehouse.db import migrate
from warehouse.descriptions import (
    SPELLED_OUT_MAX,
    apply_descriptions,
    load_descriptions,
    vocabularies,
)
from warehouse.publish import PUBLISHED_TABLES
from warehouse.schema_version import SCHEMA_VERSION
from warehouse.views import create_views, view_names

DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "docs" / "data-dictionary.md"
REGENERATE = "python -m warehouse.dictionary"
EXAMPLE_WIDTH = 100

# The analysts' copy adds this table (warehouse/publish.py, build_analyst_db).
_PUBLICATION_SQL = (
    "CREATE TABLE publication AS "
    "SELECT 'run-2024-04-01' AS run_id, TIMESTAMPTZ '2024-04-01 02:05:00+00' AS built_at"
)


def sample_database() -> duckdb.DuckDBPyConnection:
    """In-memory warehouse with comments, views and the realistic sample rows."""
    from expectations.synthetic import realistic_tables

    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")  # the example timestamp must not depend on the machine
    migrate(con)
    con.execute(_PUBLICATION_SQL)
    for table, frame in realistic_tables(dates_as="date").items():
        con.register("sample_frame", frame)
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM sample_frame")
        con.unregister("sample_frame")
    create_views(con)
    apply_descriptions(con)
    return con


def _cell(value: Any) -> str:
    text = "NULL" if value is None else str(value)
    text = " ".join(text.split())
    if len(text) > EXAMPLE_WIDTH:
        text = text[: EXAMPLE_WIDTH - 1] + "…"
    return text.replace("|", "\\|")


def _md(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _columns(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple[str, str, bool, str]]:
    """(column, type, nullable, comment) of a table or view, in order."""
    rows = con.execute(
        "SELECT column_name, data_type, is_nullable, comment FROM duckdb_columns() "
        "WHERE table_name = ? AND NOT internal ORDER BY column_index",
        [name],
    ).fetchall()
    return [(str(c), str(t), bool(n), str(m or "")) for c, t, n, m in rows]


def _keys(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "SELECT constraint_column_names FROM duckdb_constraints() "
        "WHERE table_name = ? AND constraint_type = 'PRIMARY KEY'",
        [table],
    ).fetchall()
    return [str(c) for c in rows[0][0]] if rows else []


def _example(con: duckdb.DuckDBPyConnection, name: str, order: str | None) -> list[str]:
    query = f"SELECT * FROM {name}" + (f" ORDER BY {order}" if order else "") + " LIMIT 1"
    cur = con.execute(query)
    row = cur.fetchone()
    if row is None:
        return ["No example row in the sample."]
    names = [d[0] for d in cur.description or []]
    lines = ["Example row (from the sample data):", "", "| column | value |", "|---|---|"]
    lines += [f"| {n} | {_cell(v)} |" for n, v in zip(names, row, strict=True)]
    return lines


def _object(
    con: duckdb.DuckDBPyConnection, name: str, comment: str, order: str | None, *, file: bool
) -> list[str]:
    lines = [f"## {name}", "", comment, ""]
    facts: list[str] = []
    if file:
        facts.append(f"File: `published/{name}.parquet`")
    keys = _keys(con, name)
    if keys:
        facts.append("Key: " + ", ".join(f"`{k}`" for k in keys))
    if facts:
        lines += ["; ".join(facts) + ".", ""]
    if keys or file:  # a table: whether a column may be null is part of its contract
        lines += ["| column | type | null | description |", "|---|---|---|---|"]
        for column, dtype, nullable, text in _columns(con, name):
            null = "yes" if nullable else "no"
            lines.append(f"| `{column}` | {dtype} | {null} | {_md(text)} |")
    else:
        lines += ["| column | type | description |", "|---|---|---|"]
        for column, dtype, _, text in _columns(con, name):
            lines.append(f"| `{column}` | {dtype} | {_md(text)} |")
    return [*lines, "", *_example(con, name, order), ""]


def _vocabulary_lines(used: Iterable[str]) -> list[str]:
    vocabs = vocabularies()
    lines = [
        "## Vocabularies",
        "",
        "The values a column may hold; the quality gate checks the same sets "
        "(`expectations/suites.py`, `vocabularies()`).",
        "",
    ]
    for name in sorted(set(used)):
        values = vocabs[name]
        if len(values) > SPELLED_OUT_MAX:
            lines.append(f"- `{name}`: {len(values)} codes (e.g. {', '.join(values[:3])}, ...)")
        else:
            lines.append(f"- `{name}`: " + ", ".join(f"`{v}`" for v in values))
    return [*lines, ""]


def render(con: duckdb.DuckDBPyConnection | None = None) -> str:
    """The dictionary as Markdown."""
    con = con or sample_database()
    descriptions = load_descriptions()
    table_comment = dict(
        con.execute("SELECT table_name, comment FROM duckdb_tables() WHERE NOT internal").fetchall()
    )
    view_comment = dict(
        con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall()
    )
    published = [*PUBLISHED_TABLES, "publication"]
    views = view_names(con)
    internal = sorted(set(table_comment) - set(published))
    out = [
        "# Data dictionary",
        "",
        f"Generated from the schema by `{REGENERATE}`; do not edit by hand. Descriptions live "
        "in `warehouse/descriptions.toml`, views in `warehouse/views.sql`. The same text is in "
        "the databases as comments: `SELECT table_name, column_name, comment FROM "
        "duckdb_columns()` in `published/analyst.duckdb`.",
        "",
        f"Schema version {SCHEMA_VERSION} (`schema_version` in `manifest.json`; it goes up when "
        "a published column changes).",
        "",
        "Amounts are in currency units (not thousands or millions) with the ISO 4217 currency "
        "beside them; `*_usd` columns are US dollars. Dates are DATE, timestamps UTC. Country "
        "columns hold ISO 3166-1 alpha-3 codes (`countries.iso3`).",
        "",
        "Published tables (Parquet files and `analyst.duckdb`): "
        + ", ".join(f"[{t}](#{t})" for t in published)
        + ".",
        "",
        "Views (`analyst.duckdb`): " + ", ".join(f"[{v}](#{v})" for v in views) + ".",
        "",
    ]
    for table in published:
        out += _object(
            con,
            table,
            table_comment.get(table) or "",
            PUBLISHED_TABLES.get(table),
            file=table in PUBLISHED_TABLES,
        )
    for view in views:
        out += _object(con, view, view_comment.get(view) or "", None, file=False)
    used = [c.vocab for d in descriptions.values() for c in d.columns.values() if c.vocab]
    out += _vocabulary_lines(used)
    out += [
        "## Warehouse-only tables",
        "",
        "In `warehouse.duckdb` (the nightly run's own database), not published.",
        "",
    ]
    for table in internal:
        columns = ", ".join(f"`{c}`" for c, *_ in _columns(con, table))
        out.append(f"- `{table}`: {_md(table_comment.get(table))} Columns: {columns}.")
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.dictionary", description=__doc__)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the file differs, without writing"
    )
    args = parser.parse_args(argv)
    text = render()
    current = args.output.read_text(encoding="utf-8") if args.output.exists() else None
    if args.check:
        if current != text:
            print(f"{args.output} is out of date; run `{REGENERATE}`", file=sys.stderr)
            return 1
        return 0
    if current != text:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
