"""Mirroring published runs to an S3-compatible server (moto, on 127.0.0.1, started here):
the pointer names a whole run, the Parquet reads back as published, older runs are pruned,
and an upload cut midway leaves the previous run current and whole."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow.fs as pafs
import pyarrow.parquet as pq
import pytest

from tests.warehouse.s3_server import S3Server, fake_aws_credentials, free_port, s3_server
from transform.facts import Budget, FactRow, Mention
from warehouse import load
from warehouse.db import connect
from warehouse.object_store import (
    POINTER,
    MirrorFailed,
    StoreLocation,
    mirror_run,
    read_pointer,
)
from warehouse.publish import PUBLISHED_TABLES, RUNS, PublishFailed, publish

URL = "s3://chinasci-test/nightly/v1"
LOCATION = StoreLocation.from_url(URL)


@pytest.fixture()
def s3(monkeypatch: pytest.MonkeyPatch) -> Iterator[S3Server]:
    fake_aws_credentials(monkeypatch)
    with s3_server(LOCATION.bucket) as server:
        yield server


def _budget(amount: float) -> FactRow:
    budget = Budget(
        spender_country="CHN",
        spender_org="Ministry of Finance",
        category="science_technology",
        fiscal_year=2024,
        amount=amount,
        currency="CNY",
        amount_usd=amount / 7.2,
        stated_usd=None,
        change_pct=None,
        phase="proposed",
    )
    return FactRow("budget", f"b{int(amount)}", budget, (Mention("d1", "it allotted", 0, 11, 1),))


@pytest.fixture()
def published(tmp_path: Path) -> Iterator[tuple[duckdb.DuckDBPyConnection, Path]]:
    con = connect(tmp_path / "w.duckdb")
    try:
        yield con, tmp_path / "published"
    finally:
        con.close()


def _publish_run(con: duckdb.DuckDBPyConnection, out: Path, run_id: str, n_budgets: int) -> Path:
    """A real local publication of `n_budgets` budget facts as run `run_id`; its folder."""
    rows = [_budget(1_000_000.0 * (i + 1)) for i in range(n_budgets)]
    load.replace_facts(con, rows, run_id=run_id, now=datetime(2024, 4, 1), extractor_version="t")
    return publish(con, out, run_id=run_id, published_at=datetime(2024, 4, 1)).directory


def _stored_runs(fs: pafs.FileSystem) -> set[str]:
    selector = pafs.FileSelector(LOCATION.path(RUNS), allow_not_found=True)
    return {i.base_name for i in fs.get_file_info(selector) if i.type == pafs.FileType.Directory}


def _assert_whole(fs: pafs.FileSystem, run_dir: Path) -> None:
    """Every local file of the run is in the store with its bytes; every table reads back
    with the rows published locally."""
    for local in run_dir.iterdir():
        with fs.open_input_stream(LOCATION.path(RUNS, run_dir.name, local.name)) as stream:
            assert stream.read() == local.read_bytes(), local.name
    for table in PUBLISHED_TABLES:
        remote = pq.read_table(LOCATION.path(RUNS, run_dir.name, f"{table}.parquet"), filesystem=fs)
        assert remote.equals(pq.read_table(run_dir / f"{table}.parquet")), table


def test_pointer_names_the_run_and_its_tables_read_back(s3: S3Server, published) -> None:
    con, out = published
    run_dir = _publish_run(con, out, "r1", n_budgets=3)
    mirrored = mirror_run(run_dir, URL, endpoint_url=s3.endpoint)
    fs = s3.filesystem()
    pointer = read_pointer(fs, LOCATION)
    assert pointer is not None
    assert pointer["run_id"] == mirrored.run_id == "r1"
    assert pointer["previous_run_id"] is None
    assert pointer["tables"]["budgets"] == 3
    assert set(pointer["files"]) == {p.name for p in run_dir.iterdir()}
    for name, entry in pointer["files"].items():
        assert entry == {"key": f"runs/r1/{name}", "bytes": (run_dir / name).stat().st_size}
    _assert_whole(fs, run_dir)
    budgets = pq.read_table(LOCATION.path("runs/r1/budgets.parquet"), filesystem=fs)
    assert sorted(budgets.column("amount").to_pylist()) == [1e6, 2e6, 3e6]


def test_each_run_switches_the_pointer_and_the_oldest_is_pruned(s3: S3Server, published) -> None:
    con, out = published
    fs = s3.filesystem()
    dirs = {}
    for n, run_id in enumerate(["r1", "r2", "r3"], start=1):
        dirs[run_id] = _publish_run(con, out, run_id, n_budgets=n)
        mirrored = mirror_run(dirs[run_id], URL, endpoint_url=s3.endpoint)
        pointer = read_pointer(fs, LOCATION)
        assert pointer is not None and pointer["run_id"] == run_id
        assert pointer["tables"]["budgets"] == n
    assert mirrored.previous_run_id == "r2" and mirrored.pruned == ["r1"]
    assert _stored_runs(fs) == {"r2", "r3"}  # the current run and the one before, as locally
    assert {p.name for p in (out / RUNS).iterdir()} == {"r2", "r3"}
    _assert_whole(fs, dirs["r3"])
    _assert_whole(fs, dirs["r2"])


def test_upload_cut_midway_leaves_the_previous_run_current_and_whole(
    s3: S3Server, published
) -> None:
    con, out = published
    first = _publish_run(con, out, "r1", n_budgets=1)
    mirror_run(first, URL, endpoint_url=s3.endpoint)
    second = _publish_run(con, out, "r2", n_budgets=2)
    uploaded: list[str] = []

    def cut_after_two(name: str) -> None:
        uploaded.append(name)
        if len(uploaded) == 2:
            s3.stop()  # the connection is refused from the third file on

    with pytest.raises(MirrorFailed) as failed:
        mirror_run(second, URL, endpoint_url=s3.endpoint, after_upload=cut_after_two)
    message = str(failed.value)
    assert isinstance(failed.value, PublishFailed)  # the nightly flow's one-line failure
    assert "\n" not in message
    assert message.startswith(f"published locally as run r2, but not to {URL}: upload failed")
    assert message.endswith(f"{URL}/{POINTER} still names run r1")
    assert len(uploaded) == 2

    s3.start()
    fs = s3.filesystem()
    pointer = read_pointer(fs, LOCATION)
    assert pointer is not None and pointer["run_id"] == "r1"
    _assert_whole(fs, first)
    assert (out / "current").resolve() == second  # the local publication stands

    # The next mirror succeeds and removes the half-written prefix.
    third = _publish_run(con, out, "r3", n_budgets=3)
    mirrored = mirror_run(third, URL, endpoint_url=s3.endpoint)
    assert mirrored.previous_run_id == "r1" and mirrored.pruned == ["r2"]
    assert _stored_runs(fs) == {"r1", "r3"}
    _assert_whole(fs, third)


def test_a_store_that_is_down_fails_in_one_line_and_quickly(s3: S3Server, published) -> None:
    con, out = published
    run_dir = _publish_run(con, out, "r1", n_budgets=1)
    nobody = f"http://127.0.0.1:{free_port()}"
    started = time.monotonic()
    with pytest.raises(MirrorFailed) as failed:
        mirror_run(run_dir, URL, endpoint_url=nobody)
    assert time.monotonic() - started < 30
    message = str(failed.value)
    assert "could not read the current pointer" in message and "\n" not in message
    assert message.endswith("names no run")
    assert read_pointer(s3.filesystem(), LOCATION) is None


def test_a_missing_bucket_switches_nothing(s3: S3Server, published) -> None:
    con, out = published
    run_dir = _publish_run(con, out, "r1", n_budgets=1)
    with pytest.raises(MirrorFailed, match="no-such-bucket"):
        mirror_run(run_dir, "s3://no-such-bucket/x", endpoint_url=s3.endpoint)


def test_store_location_splits_bucket_and_prefix() -> None:
    assert StoreLocation.from_url("s3://b/a/b/") == StoreLocation("b", "a/b")
    assert StoreLocation.from_url("s3://b").path("current.json") == "b/current.json"
    assert StoreLocation.from_url("s3://b/p").url("runs", "r1") == "s3://b/p/runs/r1"
    with pytest.raises(ValueError):
        StoreLocation.from_url("/local/folder")


def test_the_pointer_is_small_json(s3: S3Server, published) -> None:
    con, out = published
    mirror_run(_publish_run(con, out, "r1", n_budgets=1), URL, endpoint_url=s3.endpoint)
    with s3.filesystem().open_input_stream(LOCATION.path(POINTER)) as stream:
        body = stream.read()
    assert len(body) < 4096
    assert json.loads(body)["prefix"] == "runs/r1/"
