"""One run per data directory, and a dead run never leaves the lock stuck."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from warehouse.lock import RunLocked, run_lock


def test_second_holder_is_refused(tmp_path: Path) -> None:
    with run_lock(tmp_path):
        code = subprocess.run(
            [
                sys.executable,
                "-c",
                "from pathlib import Path; from warehouse.lock import run_lock\n"
                f"with run_lock(Path({str(tmp_path)!r})): pass",
            ],
            capture_output=True,
            text=True,
        )
        assert code.returncode != 0 and "RunLocked" in code.stderr
    with run_lock(tmp_path):  # released on exit
        pass


def test_lock_of_a_killed_process_is_released(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time; from pathlib import Path; from warehouse.lock import run_lock\n"
            f"with run_lock(Path({str(tmp_path)!r})):\n"
            "    print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(RunLocked):
        with run_lock(tmp_path):
            pass
    holder.kill()
    holder.wait()
    with run_lock(tmp_path):
        pass
