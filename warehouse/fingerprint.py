"""What the warehouse holds, as one short string: the way a run with nothing new skips work.

A night with nothing new must cost its conditional requests and little else, however big
the warehouse has grown. Consolidation, the quality gate and publishing each read whole
tables; so each stage's input is summarised as a fingerprint, the fingerprint its last
complete pass started from is kept in `stage_state`, and a stage whose input has the same
fingerprint is skipped: its output is already in place.

The fingerprint is order-free (a sum and an exclusive-or of DuckDB's row hashes, and the row
count) because tables have no defined order, and it reads every row (a change to one cell of
one row changes it) but only once, in DuckDB, without moving rows into Python: a few
milliseconds for tens of thousands of rows. It is not a cryptographic digest: nothing here
defends against rows built to collide, only against unnoticed change. A new DuckDB release
may hash differently; the cost is one full run, never a wrong skip of a changed table,
unless the new hashes collide with the old ones by chance.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import duckdb

__all__ = ["fingerprint", "last_fingerprint", "record_fingerprint"]


def fingerprint(con: duckdb.DuckDBPyConnection, tables: Iterable[str]) -> str:
    """One hex string for the rows of `tables` (names from the schema, never from input)."""
    digest = hashlib.sha256()
    for table in tables:
        # fetchall, not fetchone: DuckDB 2 refuses other work while a result is unfinished
        ((count, total, xor),) = con.execute(
            f"SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0), "  # noqa: S608
            f"coalesce(bit_xor(hash(t)), 0) FROM {table} AS t"
        ).fetchall()
        digest.update(f"{table}:{count}:{total}:{xor};".encode())
    return digest.hexdigest()[:32]


def last_fingerprint(con: duckdb.DuckDBPyConnection, stage: str) -> tuple[str, str] | None:
    """(fingerprint, run_id) of the last complete pass of `stage`, or None if there was none."""
    rows = con.execute(
        "SELECT fingerprint, run_id FROM stage_state WHERE stage = ?", [stage]
    ).fetchall()
    return (str(rows[0][0]), str(rows[0][1])) if rows else None


def record_fingerprint(con: duckdb.DuckDBPyConnection, stage: str, value: str, run_id: str) -> None:
    """Remember that `stage` completed from input `value` in `run_id`.

    Called only once the stage's output is stored: a run killed before this line leaves the
    old fingerprint, so the next run does the stage again rather than skip it wrongly.
    """
    con.execute(
        "INSERT OR REPLACE INTO stage_state (stage, fingerprint, run_id, recorded_at) "
        "VALUES (?, ?, ?, current_timestamp)",
        [stage, value, run_id],
    )
