"""A publication stopped half-way leaves the previous one current, whole and coherent.

Real processes run the real `publish` on a real warehouse: one is killed (SIGKILL, and
SIGTERM as schedulers send it) while it builds the analyst copy, found from outside when
`analyst.duckdb` appears under a temporary name; another runs out of space on a small tmpfs
mounted in a user and mount namespace, sized so that the Parquet files fit and the analyst
copy does not. Afterwards the manifest, the Parquet files and the analyst copy that readers
find must all be the previous run's, and the next publication must complete.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.flows.e2e_support import REPO, wait_until
from warehouse.publish import read_manifest, remove_stale_temporaries
from warehouse.query import run_query

# Publish `rows` mentions from the warehouse at argv[1] to argv[2] as run argv[3].
PUBLISH = """
import sys
from datetime import datetime
from pathlib import Path
from warehouse.db import connect
from warehouse.publish import publish, remove_stale_temporaries

warehouse, published, run_id, rows = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
con = connect(warehouse)
con.execute("DELETE FROM mentions")
con.execute(
    "INSERT INTO mentions SELECT 'budget', 'b' || i, 'd' || (i % 97), 'evidence ' || i, "
    "i, i + 10, 1, 't' FROM range(?) t(i)",
    [int(rows)],
)
remove_stale_temporaries(published)
try:
    publish(con, published, run_id=run_id, published_at=datetime(2024, 4, 1))
except Exception as exc:
    print(f"failed: {exc}", flush=True)
    sys.exit(1)
print("published", flush=True)
"""

SMALL, LARGE = 100, 400_000


def _publish(warehouse: Path, published: Path, run_id: str, rows: int, *prefix: str):
    return subprocess.Popen(
        [*prefix, sys.executable, "-c", PUBLISH, str(warehouse), str(published), run_id, str(rows)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _building_analyst_copy(published: Path) -> list[Path]:
    """The analyst copy under a temporary name: in a run folder being built (or, in the
    older flat layout, a hidden `.analyst.duckdb.<run>.tmp`)."""
    if not published.exists():
        return []
    return [
        *published.glob(".run-*.tmp/analyst.duckdb"),
        *published.glob(".analyst.duckdb.*.tmp"),
    ]


def _what_readers_see(published: Path) -> dict[str, object]:
    """The run each reader path names: manifest, Parquet (through the flat names every
    layout keeps) and the analyst copy through `chinasci query`'s own function."""
    manifest = read_manifest(published) or {}
    return {
        "manifest": manifest.get("run_id"),
        "manifest_mentions": manifest.get("tables", {}).get("mentions", {}).get("rows"),
        "parquet_mentions": pq.read_table(published / "mentions.parquet").num_rows,
        "analyst": run_query(published, "SELECT run_id FROM publication")[1][0][0],
        "analyst_mentions": run_query(published, "SELECT count(*) FROM mentions")[1][0][0],
    }


PREVIOUS = {
    "manifest": "r1",
    "manifest_mentions": SMALL,
    "parquet_mentions": SMALL,
    "analyst": "r1",
    "analyst_mentions": SMALL,
}


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_kill_during_the_analyst_copy_keeps_the_previous_run(tmp_path: Path, sig: int) -> None:
    warehouse, published = tmp_path / "warehouse.duckdb", tmp_path / "published"
    first = _publish(warehouse, published, "r1", SMALL)
    assert first.wait(timeout=300) == 0, first.communicate()
    assert _what_readers_see(published) == PREVIOUS

    second = _publish(warehouse, published, "r2", LARGE)
    try:
        wait_until(lambda: _building_analyst_copy(published), timeout=300, interval=0.002)
        second.send_signal(sig)
    finally:
        code = second.wait(timeout=60)
    assert code == -sig, second.communicate()  # it died there, before finishing

    assert _what_readers_see(published) == PREVIOUS

    third = _publish(warehouse, published, "r3", SMALL)
    assert third.wait(timeout=300) == 0, third.communicate()
    assert _what_readers_see(published)["analyst"] == "r3"
    assert [p.name for p in published.iterdir() if ".tmp" in p.name] == []
    assert remove_stale_temporaries(published) == []


def _namespaces_unavailable() -> str | None:
    if shutil.which("unshare") is None:
        return "no unshare command to mount a small tmpfs"
    probe = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "true"],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        return f"cannot create a user and mount namespace here: {probe.stderr.strip()}"
    return None


# Mount a tmpfs of $1 at $2 (in the namespace only), run the rest, then copy the published
# folder out to $3 (on the real file system, so the test can read it).
IN_SMALL_FS = (
    'size=$1 mnt=$2 out=$3; shift 3; mount -t tmpfs -o size="$size" tmpfs "$mnt" || exit 97; '
    '"$@"; code=$?; cp -a "$mnt/published" "$out"; exit $code'
)


def test_full_disk_during_the_analyst_copy_keeps_the_previous_run(tmp_path: Path) -> None:
    reason = _namespaces_unavailable()
    if reason:
        pytest.skip(reason)
    mnt, out = tmp_path / "small", tmp_path / "published"
    mnt.mkdir()
    warehouse = tmp_path / "warehouse.duckdb"  # on the real disk: only published/ is small
    script = (
        f'python -c "$PUBLISH" $W $M/published r1 {SMALL} >/dev/null || exit 98; '
        f'python -c "$PUBLISH" $W $M/published r2 {LARGE // 2}'
    )
    proc = subprocess.run(
        [
            "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            IN_SMALL_FS,
            "sh",
            "4m",
            str(mnt),
            str(out),
            "sh",
            "-c",
            script,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        env={
            "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
            "PUBLISH": PUBLISH,
            "W": str(warehouse),
            "M": str(mnt),
            "HOME": str(tmp_path),
        },
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    message = proc.stdout.strip().splitlines()[-1]
    assert "No space left on device" in message and "analyst.duckdb" in message, message
    assert _what_readers_see(out) == PREVIOUS
    assert [p.name for p in out.iterdir() if ".tmp" in p.name] == []  # cleaned up at once
    assert json.loads((out / "manifest.json").read_text())["run_id"] == "r1"
