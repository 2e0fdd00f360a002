"""Publishing: Parquet extracts, their manifest, and the analysts' read-only DuckDB file.

Readers never see a half-written file: each Parquet file is written under a temporary name
in `published/` and renamed over the old one; the manifest is written last, and the
analysts' database (`published/analyst.duckdb`, a copy of the published tables) is built
beside it and swapped in with one rename. An analyst holding the old file open keeps
reading the old run, whole, and never blocks the nightly writer.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

ANALYST_DB = "analyst.duckdb"
MANIFEST = "manifest.json"

# Published table -> ORDER BY (determinism: same rows, same bytes).
PUBLISHED_TABLES: dict[str, str] = {
    "sources": "source_id",
    "documents": "doc_id",
    "budgets": "budget_id",
    "projects": "project_id",
    "project_participants": "project_id, kind, name",
    "meetings": "meeting_id",
    "meeting_participants": "meeting_id, kind, name",
    "mentions": "fact_type, fact_id, doc_id, char_start",
    "organisations": "org_id",
    "countries": "iso3",
    "retracted_facts": "retracted_at, fact_type, fact_id",
}

# SQL giving each row's key, as the quality gate names rows it quarantines.
ROW_KEYS: dict[str, str] = {
    "sources": "source_id",
    "documents": "doc_id",
    "budgets": "budget_id",
    "projects": "project_id",
    "project_participants": "project_id || '|' || kind || '|' || name",
    "meetings": "meeting_id",
    "meeting_participants": "meeting_id || '|' || kind || '|' || name",
    "mentions": (
        "fact_type || '|' || fact_id || '|' || doc_id || '|' || CAST(char_start AS VARCHAR)"
    ),
    "organisations": "org_id",
    "countries": "iso3",
    "retracted_facts": "fact_type || '|' || fact_id || '|' || CAST(retracted_at AS VARCHAR)",
}

# Rows that depend on a fact: left out when the fact is quarantined.
_PARENT_FACT: dict[str, tuple[str, str]] = {
    "project_participants": ("projects", "project_id"),
    "meeting_participants": ("meetings", "meeting_id"),
}
_MENTION_PARENTS = {"budget": "budgets", "project": "projects", "meeting": "meetings"}


@dataclass(frozen=True)
class Publication:
    run_id: str
    row_counts: dict[str, int]
    directory: Path


def publishable_query(table: str, excluded: Mapping[str, set[str]]) -> tuple[str, list[str]]:
    """SELECT for what of `table` may be published, leaving out quarantined rows and the
    rows that depend on a quarantined fact (its participants and mentions)."""
    conditions: list[str] = []
    params: list[str] = []

    def exclude(expr: str, keys: set[str]) -> None:
        if keys:
            conditions.append(f"NOT list_contains(?, {expr})")
            params.append(sorted(keys))  # type: ignore[arg-type]

    exclude(ROW_KEYS[table], excluded.get(table, set()))
    if table in _PARENT_FACT:
        parent, column = _PARENT_FACT[table]
        exclude(column, excluded.get(parent, set()))
    if table == "mentions":
        for fact_type, parent in _MENTION_PARENTS.items():
            keys = excluded.get(parent, set())
            if keys:
                conditions.append(f"NOT (fact_type = '{fact_type}' AND list_contains(?, fact_id))")
                params.append(sorted(keys))  # type: ignore[arg-type]
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    return f"SELECT * FROM {table}{where} ORDER BY {PUBLISHED_TABLES[table]}", params


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(
    con: duckdb.DuckDBPyConnection,
    published_dir: Path,
    *,
    run_id: str,
    published_at: datetime,
    excluded: Mapping[str, set[str]] | None = None,
) -> Publication:
    """Write every published table as zstd Parquet, then the manifest, then the analyst DB."""
    excluded = excluded or {}
    published_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    schemas: dict[str, list[dict[str, str]]] = {}
    staged: list[tuple[Path, Path]] = []
    # Every file is written (and synced) under its temporary name first, then all are
    # renamed in one quick pass: a run killed while writing leaves the previous set whole,
    # instead of some tables from this run beside the previous run's manifest.
    for table in PUBLISHED_TABLES:
        query, params = publishable_query(table, excluded)
        final = published_dir / f"{table}.parquet"
        tmp = published_dir / f".{table}.parquet.{run_id}.tmp"
        # pyarrow, not DuckDB's COPY: DuckDB picks a column's encoding from how the values
        # sit in memory, so the same rows could give different bytes from run to run.
        arrow_table = con.sql(query, params=params or None).to_arrow_table()
        pq.write_table(arrow_table, tmp, compression="zstd")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        staged.append((tmp, final))
        counts[table] = arrow_table.num_rows
        schemas[table] = [
            {"name": str(r[0]), "type": str(r[1])}
            for r in con.execute(f"DESCRIBE SELECT * FROM {table}").fetchall()
        ]
    manifest = {
        "run_id": run_id,
        "published_at": published_at.isoformat(),
        "tables": {
            t: {"file": f"{t}.parquet", "rows": counts[t], "columns": schemas[t]}
            for t in PUBLISHED_TABLES
        },
    }
    tmp_manifest = published_dir / f".{MANIFEST}.{run_id}.tmp"
    with open(tmp_manifest, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    for tmp, final in staged:
        os.replace(tmp, final)
    os.replace(tmp_manifest, published_dir / MANIFEST)
    build_analyst_db(published_dir, run_id=run_id)
    _fsync_dir(published_dir)
    return Publication(run_id=run_id, row_counts=counts, directory=published_dir)


def build_analyst_db(published_dir: Path, *, run_id: str) -> Path:
    """A standalone copy of the published tables, swapped in atomically."""
    tmp = published_dir / f".{ANALYST_DB}.{run_id}.tmp"
    if tmp.exists():
        tmp.unlink()
    con = duckdb.connect(str(tmp))
    try:
        for table in PUBLISHED_TABLES:
            path = published_dir / f"{table}.parquet"
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_parquet('{path}')")
        con.execute(
            "CREATE TABLE publication AS SELECT ? AS run_id, current_timestamp AS built_at",
            [run_id],
        )
        con.execute("CHECKPOINT")
    finally:
        con.close()
    final = published_dir / ANALYST_DB
    os.replace(tmp, final)
    return final


def read_manifest(published_dir: Path) -> dict | None:
    path = published_dir / MANIFEST
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def remove_stale_temporaries(published_dir: Path) -> list[Path]:
    """Temporary files a killed run left behind; never visible under a real name."""
    if not published_dir.exists():
        return []
    stale = sorted(
        p for p in published_dir.iterdir() if p.name.startswith(".") and ".tmp" in p.name
    )
    for p in stale:
        p.unlink()
    return stale
