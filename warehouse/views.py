"""Ready-made views for the common questions, defined in `views.sql`.

The views read only published tables, so one definition serves the analysts' copy (where
analysts and BI tools find them next to the tables) and the warehouse (where the report and
tests may use them). `CREATE OR REPLACE` makes applying them again harmless.
"""

from __future__ import annotations

from importlib import resources

import duckdb


def views_sql() -> str:
    """The script defining every view, with its comment."""
    return (resources.files("warehouse") / "views.sql").read_text(encoding="utf-8")


def create_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create or replace every view in `con`; returns their names in definition order."""
    con.execute(views_sql())
    return view_names(con)


def view_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the (non-internal) views in `con`'s main schema, in creation order."""
    rows = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' "
        "AND database_name = current_database() ORDER BY view_oid"
    ).fetchall()
    return [str(r[0]) for r in rows]
