"""The last stages skip what has not changed, and only what has not (`flows.publish_steps`).

The sample pipeline's stages in this process, without Prefect (`run_stages`), on the bundled
sample site served on 127.0.0.1; the second and later runs find every document unchanged.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.flows.e2e_support import read_only, run_stages, sample_config
from warehouse.publish import read_manifest

pytestmark = pytest.mark.slow


def _stages(data: Path) -> dict[str, str]:
    with read_only(data / "warehouse.duckdb") as con:
        return dict(con.execute("SELECT stage, run_id FROM stage_state").fetchall())


def _write(data: Path, sql: str) -> None:
    con = duckdb.connect(str(data / "warehouse.duckdb"))
    try:
        con.execute(sql)
    finally:
        con.close()


def test_only_a_complete_unchanged_publication_is_kept(tmp_path: Path) -> None:
    config, data = sample_config(tmp_path), tmp_path / "data"
    first = run_stages(config, data)
    assert first.status == "published"
    assert _stages(data) == {"consolidate": first.run_id, "publish": first.run_id}

    idle = run_stages(config, data)
    assert idle.status == "unchanged"
    assert read_manifest(data / "published")["run_id"] == first.run_id

    # A run killed after its files were switched in but before it recorded the pass: the
    # next run cannot know the publication is whole, so it publishes again.
    _write(data, "DELETE FROM stage_state WHERE stage = 'publish'")
    again = run_stages(config, data)
    assert again.status == "published"
    assert read_manifest(data / "published")["run_id"] == again.run_id

    # The published folder lost (a disk replaced, a restore from an old backup): published anew.
    shutil.rmtree(data / "published")
    restored = run_stages(config, data)
    assert restored.status == "published"
    assert read_manifest(data / "published")["run_id"] == restored.run_id


def test_a_changed_fact_table_is_validated_and_published(tmp_path: Path) -> None:
    config, data = sample_config(tmp_path), tmp_path / "data"
    first = run_stages(config, data)
    # what a corrected candidate would do: the facts differ from the last consolidation
    _write(data, "DELETE FROM fact_candidates WHERE seq = (SELECT max(seq) FROM fact_candidates)")
    second = run_stages(config, data)
    assert second.status == "published"
    assert _stages(data) == {"consolidate": second.run_id, "publish": second.run_id}
    assert first.run_id != second.run_id
