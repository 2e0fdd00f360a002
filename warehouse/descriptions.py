"""Table, view and column descriptions, from `descriptions.toml`, as comments in the database.

Analysts and BI tools read a column's meaning where they read its type: `duckdb_columns()`,
`information_schema.columns.COLUMN_COMMENT`, a schema browser. So the descriptions are
written into the database itself (COMMENT ON), into the warehouse on every connect and into
the analysts' copy when publishing builds it (a copy made with CREATE TABLE AS keeps no
comments). The TOML file beside the migrations is the only place they are written by hand;
vocabularies come from the quality gate's value sets, so a description cannot promise values
the gate does not check.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

import duckdb

# Vocabularies at most this long are spelled out in the comment; longer ones (ISO codes) are
# named by the description text instead.
SPELLED_OUT_MAX = 20


class DescriptionError(ValueError):
    """descriptions.toml is malformed or names a vocabulary that does not exist."""


@dataclass(frozen=True)
class ColumnDescription:
    text: str
    vocab: str | None = None


@dataclass(frozen=True)
class TableDescription:
    name: str
    text: str
    columns: dict[str, ColumnDescription]


@functools.cache
def vocabularies() -> dict[str, tuple[str, ...]]:
    """The gate's named value sets (imported lazily: it brings pandas and pycountry)."""
    from expectations.suites import vocabularies as gate_vocabularies

    return gate_vocabularies()


def load_descriptions(text: str | None = None) -> dict[str, TableDescription]:
    """Parse `descriptions.toml` (or `text`), checking its shape; table name -> description."""
    if text is None:
        text = (resources.files("warehouse") / "descriptions.toml").read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    tables: dict[str, TableDescription] = {}
    for name, entry in raw.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("description"), str):
            raise DescriptionError(f"[{name}]: needs a description string")
        columns: dict[str, ColumnDescription] = {}
        for column, spec in (entry.get("columns") or {}).items():
            if isinstance(spec, str):
                columns[column] = ColumnDescription(spec)
            elif isinstance(spec, dict) and isinstance(spec.get("text"), str):
                if set(spec) - {"text", "vocab"}:
                    raise DescriptionError(f"{name}.{column}: only text and vocab are allowed")
                columns[column] = ColumnDescription(spec["text"], spec.get("vocab"))
            else:
                raise DescriptionError(f"{name}.{column}: a string or {{text, vocab}}")
        tables[name] = TableDescription(name, entry["description"], columns)
    return tables


def column_comment(column: ColumnDescription, vocabs: Mapping[str, tuple[str, ...]]) -> str:
    """The comment for a column: its text, and its values when the vocabulary is short."""
    if column.vocab is None:
        return column.text
    if column.vocab not in vocabs:
        raise DescriptionError(f"unknown vocabulary {column.vocab!r}")
    values = vocabs[column.vocab]
    if len(values) > SPELLED_OUT_MAX:
        return column.text
    return f"{column.text} One of: {', '.join(values)}."


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def wanted_comments(
    descriptions: Mapping[str, TableDescription] | None = None,
) -> dict[tuple[str, str | None], str]:
    """{(table, column or None for the table): comment} for every described object."""
    descriptions = descriptions if descriptions is not None else load_descriptions()
    vocabs = vocabularies()
    out: dict[tuple[str, str | None], str] = {}
    for table in descriptions.values():
        out[(table.name, None)] = table.text
        for column, spec in table.columns.items():
            out[(table.name, column)] = column_comment(spec, vocabs)
    return out


_OBJECTS = (
    "SELECT table_name AS name, 'TABLE' AS kind, comment, table_oid AS oid FROM duckdb_tables() "
    "WHERE NOT internal AND schema_name = 'main' AND database_name = current_database() "
    "UNION ALL "
    "SELECT view_name, 'VIEW', comment, view_oid FROM duckdb_views() "
    "WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()"
)


def current_comments(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str | None], str | None]:
    """{(table or view, column or None): comment} of every table and view in the main schema."""
    out: dict[tuple[str, str | None], str | None] = {}
    for name, _kind, comment, _oid in con.execute(_OBJECTS).fetchall():
        out[(str(name), None)] = comment
    for name, column, comment in con.execute(
        f"SELECT o.name, c.column_name, c.comment FROM duckdb_columns() c "
        f"JOIN ({_OBJECTS}) o ON o.oid = c.table_oid"
    ).fetchall():
        out[(str(name), str(column))] = comment
    return out


def _kinds(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return {str(n): str(k) for n, k, _c, _o in con.execute(_OBJECTS).fetchall()}


def apply_descriptions(con: duckdb.DuckDBPyConnection) -> int:
    """Write the comment of every described table, view and column present in `con` whose
    comment differs; returns how many were written. Objects the database lacks are skipped
    (the warehouse has no `publication` and no views, the analysts' copy no `runs`). Views
    must exist first: create them (`warehouse.views.create_views`), then call this."""
    present = current_comments(con)
    kinds = _kinds(con)
    changes = [
        (key, comment)
        for key, comment in wanted_comments().items()
        if key in present and present[key] != comment
    ]
    if not changes:
        return 0
    # One transaction: a commit per statement costs a sync each (a second for all of them).
    con.execute("BEGIN TRANSACTION")
    try:
        for (table, column), comment in changes:
            target = f"{kinds[table]} {table}" if column is None else f"COLUMN {table}.{column}"
            con.execute(f"COMMENT ON {target} IS {_quote(comment)}")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(changes)
