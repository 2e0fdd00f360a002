"""What a BI tool or a script gets from the published files: the manifest's types, every time.

Every Parquet file of a sample run is read with pyarrow and with polars (two independent
readers) and each column must come back as the type the manifest announces; the analysts'
copy must agree too. The manifest's `schema_version` must match the recorded fingerprint
of the published columns, so a column change cannot ship under an old version.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.warehouse.sample_data import run_sample
from warehouse.dictionary import sample_database
from warehouse.publish import ANALYST_DB, CURRENT, MANIFEST, PUBLISHED_TABLES
from warehouse.schema_version import FINGERPRINTS, SCHEMA_VERSION, contract, fingerprint
from warehouse.views import view_names

# Manifest (DuckDB) type -> what pyarrow and polars must read.
ARROW: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}
POLARS: dict[str, pl.DataType] = {
    "VARCHAR": pl.String(),
    "INTEGER": pl.Int32(),
    "BIGINT": pl.Int64(),
    "DOUBLE": pl.Float64(),
    "BOOLEAN": pl.Boolean(),
    "DATE": pl.Date(),
    "TIMESTAMP": pl.Datetime("us"),
    "VARCHAR[]": pl.List(pl.String()),
}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run_sample(tmp_path_factory.mktemp("sample")) / "published"


@pytest.fixture(scope="module")
def manifest(published: Path) -> dict:
    return json.loads((published / MANIFEST).read_text(encoding="utf-8"))


def test_manifest_names_every_table_and_the_schema_version(manifest: dict) -> None:
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert set(manifest["tables"]) == set(PUBLISHED_TABLES)
    for table, entry in manifest["tables"].items():
        assert entry["file"] == f"{table}.parquet"  # stable names: no run id, no date
        assert {c["type"] for c in entry["columns"]} <= set(ARROW), table


@pytest.mark.parametrize("table", list(PUBLISHED_TABLES))
def test_pyarrow_reads_the_manifest_types(published: Path, manifest: dict, table: str) -> None:
    entry = manifest["tables"][table]
    read = pq.read_table(published / entry["file"])
    assert read.num_rows == entry["rows"]
    assert read.schema.names == [c["name"] for c in entry["columns"]]
    for column in entry["columns"]:
        got = read.schema.field(column["name"]).type
        assert got == ARROW[column["type"]], f"{table}.{column['name']}: {got}"


@pytest.mark.parametrize("table", list(PUBLISHED_TABLES))
def test_polars_reads_the_manifest_types(published: Path, manifest: dict, table: str) -> None:
    entry = manifest["tables"][table]
    frame = pl.read_parquet(published / entry["file"])
    assert frame.height == entry["rows"]
    expected = {c["name"]: POLARS[c["type"]] for c in entry["columns"]}
    assert dict(frame.schema) == expected


def test_the_analysts_copy_has_the_manifest_types(published: Path, manifest: dict) -> None:
    con = duckdb.connect(str(published / CURRENT / ANALYST_DB), read_only=True)
    try:
        for table, entry in manifest["tables"].items():
            described = con.execute(f"DESCRIBE {table}").fetchall()
            assert [(r[0], r[1]) for r in described] == [
                (c["name"], c["type"]) for c in entry["columns"]
            ], table
    finally:
        con.close()


def test_dates_are_dates_and_amounts_doubles_beside_their_currency(manifest: dict) -> None:
    types = {(t, c["name"]): c["type"] for t, e in manifest["tables"].items() for c in e["columns"]}
    for key in [
        ("documents", "published_date"),
        ("projects", "event_date"),
        ("meetings", "start_date"),
        ("meetings", "end_date"),
    ]:
        assert types[key] == "DATE", key
    for table, amount, currency in [
        ("budgets", "amount", "currency"),
        ("projects", "funding_amount", "funding_currency"),
    ]:
        assert types[(table, amount)] == "DOUBLE"
        assert types[(table, currency)] == "VARCHAR"


def test_a_published_column_change_needs_a_new_schema_version() -> None:
    con = sample_database()
    objects = [*PUBLISHED_TABLES, "publication", *view_names(con)]
    now = fingerprint(contract(con, objects))
    assert FINGERPRINTS.get(SCHEMA_VERSION) == now, (
        "the published columns changed: raise SCHEMA_VERSION in warehouse/schema_version.py, "
        f"record {now!r} for it, regenerate docs/data-dictionary.md and say what changed in "
        "the README's schema changes list"
    )
    assert sorted(FINGERPRINTS) == list(range(1, SCHEMA_VERSION + 1))
