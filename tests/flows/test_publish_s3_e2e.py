"""The sample run with `publish_url` set: the stages of `flows/nightly.py`, in this process,
publish locally and then mirror the run to an S3-compatible server on 127.0.0.1 (moto)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.flows.e2e_support import run_stages, sample_config
from tests.warehouse.s3_server import S3Server, fake_aws_credentials, free_port, s3_server
from warehouse.object_store import MirrorFailed, StoreLocation, read_pointer
from warehouse.publish import PUBLISHED_TABLES, read_manifest

URL = "s3://chinasci-e2e/published"
LOCATION = StoreLocation.from_url(URL)


@pytest.fixture()
def s3(monkeypatch: pytest.MonkeyPatch) -> Iterator[S3Server]:
    fake_aws_credentials(monkeypatch)
    with s3_server(LOCATION.bucket) as server:
        yield server


def _with_object_store(config: Path, endpoint: str) -> Path:
    """The sample config with `publish_url` and `s3_endpoint_url` in its [pipeline] table."""
    text = config.read_text(encoding="utf-8")
    text = re.sub(
        r"(?m)^\[pipeline\]$",
        f'[pipeline]\npublish_url = "{URL}"\ns3_endpoint_url = "{endpoint}"',
        text,
        count=1,
    )
    config.write_text(text, encoding="utf-8")
    return config


def test_the_sample_run_is_mirrored_and_reads_back(s3: S3Server, tmp_path: Path) -> None:
    config = _with_object_store(sample_config(tmp_path), s3.endpoint)
    data = tmp_path / "data"
    result = run_stages(config, data)
    fs = s3.filesystem()
    pointer = read_pointer(fs, LOCATION)
    assert pointer is not None and pointer["run_id"] == result.run_id
    local = data / "published" / "current"
    for table in PUBLISHED_TABLES:
        remote = pq.read_table(
            LOCATION.path(pointer["files"][f"{table}.parquet"]["key"]), filesystem=fs
        )
        assert remote.equals(pq.read_table(local / f"{table}.parquet")), table
    assert pointer["tables"]["budgets"] > 0


def test_a_store_that_is_down_fails_the_publish_step_but_not_the_local_copy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_aws_credentials(monkeypatch)
    config = _with_object_store(sample_config(tmp_path), f"http://127.0.0.1:{free_port()}")
    data = tmp_path / "data"
    with pytest.raises(MirrorFailed, match=r"^published locally as run \S+, but not to s3://"):
        run_stages(config, data)
    manifest = read_manifest(data / "published")
    assert manifest is not None and manifest["tables"]["budgets"]["rows"] > 0
