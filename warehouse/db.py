"""Opening the warehouse and bringing its schema up to date.

Migrations are the numbered `.sql` files beside this module, applied in order, each in
its own transaction and recorded in `schema_migrations`: a database made by an older
release is upgraded on start, never rebuilt, so nothing stored is lost. The descriptions of
tables and columns (`descriptions.toml`) are then brought up to date as comments: they change
more often than the schema and cost nothing to rewrite, so they are not migrations.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import duckdb

from warehouse.descriptions import apply_descriptions

WAREHOUSE_FILE = "warehouse.duckdb"


def migrations() -> list[tuple[str, str]]:
    """(version, sql) pairs in the order they must be applied."""
    folder = resources.files("warehouse") / "migrations"
    files = sorted(p.name for p in folder.iterdir() if p.name.endswith(".sql"))
    return [
        (name.removesuffix(".sql"), (folder / name).read_text(encoding="utf-8")) for name in files
    ]


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the warehouse at `path` and apply pending migrations."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    migrate(con)
    apply_descriptions(con)
    return con


def migrate(con: duckdb.DuckDBPyConnection, *, until: str | None = None) -> list[str]:
    """Apply every migration not yet recorded; return the versions applied now.

    `until` stops after that version: a warehouse as an older release left it, for testing
    the migrations that follow on real data.
    """
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied: list[str] = []
    for version, sql in migrations():
        if until is not None and version > until:
            break
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations (version) VALUES (?)", [version])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    """(column, type) pairs of `table` in declaration order."""
    rows = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [(str(r[0]), str(r[1])) for r in rows]
