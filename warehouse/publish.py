"""Publishing: Parquet extracts, their manifest and the analysts' DuckDB copy, as one switch.

A run writes every file it publishes into a folder of its own, `published/.run-<id>.tmp`,
renames the finished folder to `published/runs/<id>/`, and only then makes it current by
swapping the `published/current` symlink with one `rename(2)`. So a reader resolving
`published/current` gets one run's files, all of them, whatever happens to the writer: a
kill, a full disk or a crash before the swap leaves the previous run current and whole.
The Parquet files, `manifest.json` and `analyst.duckdb` of one run always agree, and
`report.html` (the page for people, `warehouse.report`) shows that run.

The previous run's folder is kept after a swap (a reader that resolved `current` just before
it is still reading there); older folders are removed at the next publication unless a
reader holds them (`pinned_run` takes a shared `flock` on the folder; removal tries an
exclusive one and skips folders it cannot get). An analyst holding a file open keeps it
even after removal: POSIX frees an unlinked file only when its last reader closes it. The
swap, sync, pin and removal steps themselves are in `atomic_switch`; this module names
the folders and files they act on.

`published/<table>.parquet`, `published/manifest.json` and `published/analyst.duckdb` are
fixed symlinks into `current/`, for readers set up before this layout; each follows the
switch when it is opened, but two of them opened one after the other may straddle a swap,
so new readers resolve `current` once (`pinned_run`) or use `current/analyst.duckdb`.

Paths never go into SQL text: DuckDB gets them as parameters, so a data directory whose
name contains a quote works like any other.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from warehouse.atomic_switch import fsync_path, pinned_folder, remove_unpinned, swap_symlink
from warehouse.descriptions import apply_descriptions
from warehouse.schema_version import SCHEMA_VERSION
from warehouse.views import create_views

log = logging.getLogger(__name__)

ANALYST_DB = "analyst.duckdb"
MANIFEST = "manifest.json"
REPORT_FILE = "report.html"
"""The run's report page (`warehouse.report`), beside the tables it shows."""
CURRENT = "current"
"""`published/current`: a relative symlink to `runs/<run id>`, the published run."""
RUNS = "runs"
"""`published/runs/<run id>/`: each kept run's Parquet files, manifest and analyst copy."""
_STAGING_PREFIX = ".run-"

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
    "conflicts": "fact_type, fact_id, column_name, value_order",
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
    "conflicts": "fact_type || '|' || fact_id || '|' || column_name || '|' || value",
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


class PublishFailed(Exception):
    """The run's files could not be written; the previous publication is still current."""


@dataclass(frozen=True)
class Publication:
    run_id: str
    row_counts: dict[str, int]
    directory: Path  # published/runs/<run_id>


def publishable_query(table: str, excluded: Mapping[str, set[str]]) -> tuple[str, list[str]]:
    """SELECT for what of `table` may be published, leaving out quarantined rows and the
    rows that depend on a quarantined fact (its participants, mentions and conflicts)."""
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
    if table in ("mentions", "conflicts"):  # keyed by (fact_type, fact_id), not one parent
        for fact_type, parent in _MENTION_PARENTS.items():
            keys = excluded.get(parent, set())
            if keys:
                conditions.append(f"NOT (fact_type = '{fact_type}' AND list_contains(?, fact_id))")
                params.append(sorted(keys))  # type: ignore[arg-type]
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    return f"SELECT * FROM {table}{where} ORDER BY {PUBLISHED_TABLES[table]}", params


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def publish(
    con: duckdb.DuckDBPyConnection,
    published_dir: Path,
    *,
    run_id: str,
    published_at: datetime,
    excluded: Mapping[str, set[str]] | None = None,
    before_switch: Callable[[Path], None] | None = None,
) -> Publication:
    """Write the run's files in a folder of its own, then make that folder current at once.

    `before_switch(folder)` runs after every file is written and before the swap: files it
    adds there (a report, say) become current together with the tables. Raises
    `PublishFailed` when the files cannot be written (full disk, read-only folder): the
    half-written folder is removed and the previous publication stays current.
    """
    published_dir.mkdir(parents=True, exist_ok=True)
    staging = published_dir / f"{_STAGING_PREFIX}{run_id}.tmp"
    final = published_dir / RUNS / run_id
    try:
        if staging.exists():
            shutil.rmtree(staging)
        staging.mkdir()
        counts, schemas = write_tables(con, staging, excluded or {})
        write_manifest(staging, build_manifest(run_id, published_at, counts, schemas))
        build_analyst_db(staging, run_id=run_id)
        _write_report(con, staging, run_id=run_id, counts=counts)
        if before_switch is not None:
            before_switch(staging)
        fsync_path(staging)
        final.parent.mkdir(exist_ok=True)
        if final.exists():  # a run id is never reused; this is a leftover of a killed run
            shutil.rmtree(final)
        os.rename(staging, final)
        fsync_path(final.parent)
    except (OSError, duckdb.Error) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise PublishFailed(
            f"not published: {_reason(exc)}; the previous run stays published"
        ) from exc
    previous = current_run_dir(published_dir)
    switch_current(published_dir, run_id)
    # After the swap the run is published: tidying must not turn that into a failure.
    try:
        link_stable_names(published_dir)
        keep = {run_id} | ({previous.name} if previous is not None else set())
        removed = prune_runs(published_dir, keep=keep)
        if removed:
            log.info("removed %d superseded runs from %s", len(removed), published_dir)
    except OSError as exc:
        log.warning("published run %s, but could not tidy %s: %s", run_id, published_dir, exc)
    return Publication(run_id=run_id, row_counts=counts, directory=final)


def _reason(exc: BaseException) -> str:
    """One line for the operator: 'No space left on device: <file>' rather than a traceback."""
    if isinstance(exc, OSError) and exc.strerror:
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror}{where}"
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _write_report(
    con: duckdb.DuckDBPyConnection, folder: Path, *, run_id: str, counts: dict[str, int]
) -> None:
    """`<folder>/report.html` from the analysts' copy and the run's quality results in `con`.
    The page is for people: if it cannot be made, the run still publishes, without it."""
    from warehouse.report import build_report

    try:
        build_report(
            folder, run_id=run_id, row_counts=counts, analyst_db=folder / ANALYST_DB, quality=con
        )
    except Exception:  # noqa: BLE001 - any failure of the page must leave the data published
        log.exception("published run %s without %s", run_id, REPORT_FILE)


def write_tables(
    con: duckdb.DuckDBPyConnection, folder: Path, excluded: Mapping[str, set[str]]
) -> tuple[dict[str, int], dict[str, list[dict[str, str]]]]:
    """Every published table as `<folder>/<table>.parquet` (zstd, synced); rows and columns."""
    counts: dict[str, int] = {}
    schemas: dict[str, list[dict[str, str]]] = {}
    for table in PUBLISHED_TABLES:
        query, params = publishable_query(table, excluded)
        path = folder / f"{table}.parquet"
        # pyarrow, not DuckDB's COPY: DuckDB picks a column's encoding from how the values
        # sit in memory, so the same rows could give different bytes from run to run.
        arrow_table = con.sql(query, params=params or None).to_arrow_table()
        pq.write_table(arrow_table, path, compression="zstd")
        fsync_path(path)
        counts[table] = arrow_table.num_rows
        del arrow_table
        schemas[table] = [
            {"name": str(r[0]), "type": str(r[1])}
            for r in con.execute(f"DESCRIBE SELECT * FROM {_quoted(table)}").fetchall()
        ]
    return counts, schemas


def build_manifest(
    run_id: str,
    published_at: datetime,
    counts: Mapping[str, int],
    schemas: Mapping[str, list[dict[str, str]]],
) -> dict:
    return {
        "run_id": run_id,
        "schema_version": SCHEMA_VERSION,
        "published_at": published_at.isoformat(),
        "tables": {
            t: {"file": f"{t}.parquet", "rows": counts[t], "columns": schemas[t]}
            for t in PUBLISHED_TABLES
        },
    }


def write_manifest(folder: Path, manifest: dict) -> Path:
    path = folder / MANIFEST
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return path


def build_analyst_db(folder: Path, *, run_id: str) -> Path:
    """`<folder>/analyst.duckdb`: a standalone copy of the Parquet files in `folder`."""
    path = folder / ANALYST_DB
    for leftover in (path, path.with_name(ANALYST_DB + ".wal")):
        leftover.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    try:
        for table in PUBLISHED_TABLES:
            con.execute(
                f"CREATE TABLE {_quoted(table)} AS SELECT * FROM read_parquet(?)",
                [str(folder / f"{table}.parquet")],
            )
        con.execute(
            "CREATE TABLE publication AS SELECT ? AS run_id, current_timestamp AS built_at",
            [run_id],
        )
        # CREATE TABLE AS keeps no comments: views and descriptions are added here.
        create_views(con)
        apply_descriptions(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    fsync_path(path)
    return path


def switch_current(published_dir: Path, run_id: str) -> None:
    """Point `published/current` at `runs/<run_id>` in one atomic rename."""
    tmp = published_dir / f".{CURRENT}.{run_id}.tmp"
    swap_symlink(published_dir / CURRENT, f"{RUNS}/{run_id}", tmp)
    fsync_path(published_dir)


def link_stable_names(published_dir: Path) -> None:
    """`published/<file>` -> `current/<file>` for every file of a run (made once; a regular
    file left by the older flat layout is replaced, by rename, with its link)."""
    names = [f"{t}.parquet" for t in PUBLISHED_TABLES] + [MANIFEST, ANALYST_DB, REPORT_FILE]
    for name in names:
        path = published_dir / name
        target = f"{CURRENT}/{name}"
        if path.is_symlink() and os.readlink(path) == target:
            continue
        swap_symlink(path, target, published_dir / f".{name}.link.tmp")


def current_run_dir(published_dir: Path) -> Path | None:
    """The folder of the published run (resolved once), or None before the first publication.

    A data directory published before run folders existed has its files directly in
    `published/`; that folder is then the current run until the next publication.
    """
    current = published_dir / CURRENT
    if current.is_symlink() or current.exists():
        resolved = current.resolve()
        return resolved if resolved.is_dir() else None
    if (published_dir / MANIFEST).is_file() or (published_dir / ANALYST_DB).is_file():
        return published_dir
    return None


def pinned_run(published_dir: Path) -> contextlib.AbstractContextManager[Path | None]:
    """The current run's folder, kept from removal while the block runs (shared `flock`).

    Needs no write access: the lock is taken on the folder itself. None before the first
    publication.
    """
    return pinned_folder(
        lambda: current_run_dir(published_dir), f"the published run under {published_dir}"
    )


def prune_runs(published_dir: Path, *, keep: set[str]) -> list[Path]:
    """Remove run folders other than `keep` and `current`, except those a reader pins."""
    runs = published_dir / RUNS
    if not runs.is_dir():
        return []
    current = current_run_dir(published_dir)
    # Lazily, so each folder is checked right before its removal is tried.
    return remove_unpinned(
        folder
        for folder in sorted(runs.iterdir())
        if not (folder.name in keep or folder.is_symlink() or not folder.is_dir())
        and not (current is not None and folder.resolve() == current)
    )


def read_manifest(published_dir: Path) -> dict | None:
    """The current run's manifest, or None before the first publication."""
    run_dir = current_run_dir(published_dir)
    path = run_dir / MANIFEST if run_dir is not None else None
    if path is None or not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def remove_stale_temporaries(published_dir: Path) -> list[Path]:
    """What a killed run left under hidden temporary names (files, links, a run folder being
    built); never visible under a real name, never current."""
    if not published_dir.exists():
        return []
    stale = sorted(
        p for p in published_dir.iterdir() if p.name.startswith(".") and ".tmp" in p.name
    )
    for p in stale:
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p)
        else:
            p.unlink()
    return stale
