"""The version of what is published, for BI tools and scripts that depend on its columns.

`manifest.json` carries `schema_version`. It goes up by one whenever a published column
(of a Parquet file, of the analysts' copy or of one of its views) is added, removed,
renamed or retyped. The published contract's fingerprint is recorded per version below, and
a test recomputes it: a schema change without a new version fails the tests instead of
surprising a dashboard. How a change is announced is in the README ("For analysts and BI").
"""

from __future__ import annotations

import hashlib

import duckdb

SCHEMA_VERSION = 2

# Version -> fingerprint of the published contract (`fingerprint(contract(...))`).
FINGERPRINTS: dict[int, str] = {
    1: "efe0eff86f189c3f",
    2: "2d04332c98aba41a",  # the conflicts table replaces the JSON column conflicts
}


def contract(con: duckdb.DuckDBPyConnection, objects: list[str]) -> list[tuple[str, str, str]]:
    """(table or view, column, type) of `objects` in `con`, in a stable order."""
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM duckdb_columns() "
        "WHERE list_contains(?, table_name) ORDER BY table_name, column_index",
        [objects],
    ).fetchall()
    return [(str(t), str(c), str(d)) for t, c, d in rows]


def fingerprint(rows: list[tuple[str, str, str]]) -> str:
    """First 16 hex digits of the SHA-256 of the contract, one `object.column type` a line."""
    text = "\n".join(f"{t}.{c} {d}" for t, c, d in rows)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
