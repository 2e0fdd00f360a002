"""When a run cannot go ahead, `chinasci` says why in one line, last, with no traceback.

Real `chinasci` processes: a bad configuration (with and without `--data-dir`), a folder
source whose path does not exist, another process holding the run lock, an analyst holding
`warehouse.duckdb` open, a read-only data directory (a read-only bind mount in a user and
mount namespace, so that it holds for root too), and a disk that fills up while the analyst
copy is built (`published/` on a small tmpfs, same namespaces). `chinasci quality` shows
the last run by the order runs started in, not by the clock.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from tests.flows.e2e_support import (
    CHINASCI,
    REPO,
    cli_env,
    last_line,
    published_problems,
    read_only,
    run_cli,
    run_stages,
    sample_config,
    seed_prefect_home,
)
from warehouse import load
from warehouse.db import connect
from warehouse.publish import ANALYST_DB, PUBLISHED_TABLES, current_run_dir, read_manifest

BAD_KIND = """
[pipeline]
data_dir = "data"

[[sources]]
id = "news"
kind = "rss"
url = "https://news.example.org/feed.xml"
doc_type = "article"
"""

MISSING_FOLDER = """
[pipeline]
data_dir = "data"

[[sources]]
id = "inbox"
kind = "folder"
path = "no-such-inbox"
doc_type = "article"
"""

GOOD = MISSING_FOLDER.replace("no-such-inbox", "inbox")


def _only_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize("with_data_dir", [False, True], ids=["config-data-dir", "--data-dir"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BAD_KIND, "sources[1] (id 'news'): field 'kind' must be one of feed, listing, folder"),
        (MISSING_FOLDER, "sources[1] (id 'inbox'): field 'path' names a folder that does not"),
    ],
    ids=["bad-kind", "missing-folder"],
)
def test_a_configuration_error_is_one_line_and_exit_2(
    tmp_path: Path, text: str, expected: str, with_data_dir: bool
) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(text, encoding="utf-8")
    extra = ["--data-dir", str(tmp_path / "elsewhere")] if with_data_dir else []
    result = run_cli("run", "--config", str(config), *extra, home=tmp_path / "home")
    assert result.returncode == 2, result.stderr
    line = _only_line(result.stderr)
    assert line.startswith(f"chinasci: configuration error: {config}: ") and expected in line
    assert not (tmp_path / "elsewhere").exists() and not (tmp_path / "data").exists()


def _good_config(tmp_path: Path) -> Path:
    (tmp_path / "inbox").mkdir()
    config = tmp_path / "good.toml"
    config.write_text(GOOD, encoding="utf-8")
    return config


def test_another_run_holding_the_lock_is_one_line(tmp_path: Path) -> None:
    config, data = _good_config(tmp_path), tmp_path / "data"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from warehouse.lock import run_lock\n"
            "with run_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(600)",
            str(data),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        result = run_cli("run", "--config", str(config), home=tmp_path / "home")
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1, result.stderr
    assert _only_line(result.stderr) == (
        f"chinasci: not run: another run (pid {holder.pid}) is using {data}"
    )


def test_an_analyst_holding_the_warehouse_is_one_line(tmp_path: Path) -> None:
    config, data = _good_config(tmp_path), tmp_path / "data"
    connect(data / "warehouse.duckdb").close()
    analyst = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        result = run_cli("run", "--config", str(config), home=tmp_path / "home")
    finally:
        analyst.close()
    assert result.returncode == 1, result.stderr
    line = _only_line(result.stderr)
    assert line.startswith(f"chinasci: not run: {data / 'warehouse.duckdb'} is open in another")
    assert "close that connection" in line


def _namespaces_unavailable() -> str | None:
    if shutil.which("unshare") is None:
        return "no unshare command for a read-only mount or a small tmpfs"
    probe = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "true"], capture_output=True, text=True
    )
    if probe.returncode != 0:
        return f"cannot create a user and mount namespace here: {probe.stderr.strip()}"
    return None


def _in_namespace(script: str, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """`sh -c script args` as root of a new user and mount namespace (mounts stay inside)."""
    return subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
        env=cli_env(home),
    )


def test_a_read_only_data_dir_is_one_line(tmp_path: Path) -> None:
    reason = _namespaces_unavailable()
    if reason:
        pytest.skip(reason)
    config, data = _good_config(tmp_path), tmp_path / "data"
    data.mkdir()
    result = _in_namespace(
        'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" || exit 97; shift; exec "$@"',
        str(data),
        *CHINASCI,
        "run",
        "--config",
        str(config),
        home=tmp_path / "home",
    )
    assert result.returncode == 1, result.stderr
    assert _only_line(result.stderr) == (
        f"chinasci: not run: cannot write to the data directory {data}: Read-only file system"
    )


def test_quality_shows_the_last_run_by_sequence_not_clock(tmp_path: Path) -> None:
    """The second run started with the clock set a day back: it is still the last one."""
    data = tmp_path / "data"
    con = connect(data / "warehouse.duckdb")
    for run_id, started in [
        ("20260502T020000Z-aaaaaa", datetime(2026, 5, 2, 2)),
        ("20260501T020500Z-bbbbbb", datetime(2026, 5, 1, 2, 5)),
    ]:
        load.start_run(con, run_id, started)
        con.execute(
            "INSERT INTO quality_results VALUES (?, 'budgets', 'rows', 'critical', true, ?, "
            "NULL, ?)",
            [run_id, run_id[-6:], started],
        )
    con.close()
    result = run_cli("quality", "--data-dir", str(data), home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "quality results of run 20260501T020500Z-bbbbbb"
    assert "bbbbbb" in result.stdout and "aaaaaa" not in result.stdout


# Mount a tmpfs of $1 bytes on $2 (published/), copy the previous publication $3 into it,
# run the rest, then copy published/ out to $4 for the test to read.
FULL_DISK = (
    'size=$1 pub=$2 seed=$3 out=$4; shift 4; mount -t tmpfs -o size="$size" tmpfs "$pub" '
    '|| exit 97; cp -a "$seed/." "$pub/" || exit 98; "$@"; code=$?; cp -a "$pub" "$out"; '
    "exit $code"
)


@pytest.mark.slow
def test_a_full_disk_while_publishing_keeps_the_previous_run_and_says_so(
    tmp_path: Path, migrated_prefect_home: Path
) -> None:
    reason = _namespaces_unavailable()
    if reason:
        pytest.skip(reason)
    config, data = sample_config(tmp_path), tmp_path / "data"
    seed_prefect_home(data, migrated_prefect_home)
    previous = run_stages(config, data).run_id  # a whole publication, without Prefect
    run_dir = current_run_dir(data / "published")
    assert run_dir is not None
    used = sum(p.stat().st_size for p in run_dir.iterdir())
    tables = sum((run_dir / f"{t}.parquet").stat().st_size for t in PUBLISHED_TABLES)
    # Room for everything of the previous run and the next run's Parquet files and manifest,
    # but not for its analyst copy.
    size = used + tables + 64 * 1024 + (run_dir / ANALYST_DB).stat().st_size // 2
    seed = tmp_path / "seed"
    (data / "published").rename(seed)
    (data / "published").mkdir()
    out = tmp_path / "published-after"

    result = _in_namespace(
        FULL_DISK,
        str(size),
        str(data / "published"),
        str(seed),
        str(out),
        *CHINASCI,
        "reprocess",  # `run` would find nothing new and keep the previous publication
        "--config",
        str(config),
        "--data-dir",
        str(data),
        home=tmp_path / "home",
    )

    assert result.returncode == 1, result.stdout + result.stderr[-3000:]
    line = last_line(result.stderr)
    assert line.startswith("chinasci: run failed: not published: "), result.stderr[-3000:]
    assert "No space left on device" in line and "the previous run stays published" in line
    assert "Traceback" not in result.stderr and "nanobind" not in result.stderr
    assert read_manifest(out)["run_id"] == previous
    assert published_problems(out) == []
    assert [p.name for p in out.iterdir() if ".tmp" in p.name] == []
    with read_only(data / "warehouse.duckdb") as con:
        status, message = con.execute(
            "SELECT status, message FROM runs ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    assert status == "failed" and message == line.removeprefix("chinasci: run failed: ")
