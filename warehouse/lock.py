"""One run at a time per data directory.

An advisory `flock` on `<data_dir>/.run.lock`: the kernel releases it when the holding
process dies, however it dies, so a crashed run (even `kill -9`) never leaves it stuck.

The lock is re-entrant within a process: `chinasci run` takes it before starting Prefect (a
second run is refused in a second, with one line, instead of after Prefect's start-up), and
the flow it then calls takes it again without blocking itself (`flock` locks of two open
files conflict even in one process).

The warehouse has a lock of its own, DuckDB's: one process at a time may open the file.
`check_warehouse_free` and `warehouse_busy` turn an analyst's open connection into the
operator's one line instead of DuckDB's traceback.
"""

from __future__ import annotations

import fcntl
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb


class RunLocked(Exception):
    """Another run holds the data directory."""


_held: dict[Path, int] = {}
_held_lock = threading.Lock()


@contextmanager
def run_lock(data_dir: Path) -> Iterator[None]:
    key = Path(data_dir).resolve()
    with _held_lock:
        if key in _held:
            _held[key] += 1
            nested = True
        else:
            nested = False
    if nested:
        try:
            yield
        finally:
            with _held_lock:
                _held[key] -= 1
        return
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / ".run.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
            raise RunLocked(f"another run (pid {holder}) is using {data_dir}") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        with _held_lock:
            _held[key] = 1
        try:
            yield
        finally:
            with _held_lock:
                del _held[key]
    finally:
        os.close(fd)


class WarehouseBusy(Exception):
    """Another process has the warehouse open: DuckDB lets one process open a file at a time."""


_PID = re.compile(r"\(PID (\d+)\)")


def warehouse_busy(exc: BaseException, path: Path) -> WarehouseBusy | None:
    """The operator's reason if `exc`, raised opening the DuckDB file at `path`, is its lock."""
    message = str(exc)
    if not isinstance(exc, duckdb.IOException) or "lock" not in message.lower():
        return None
    pid = _PID.search(message)
    holder = f" (pid {pid.group(1)})" if pid else ""
    return WarehouseBusy(
        f"{path} is open in another process{holder}, and DuckDB lets one process open it at "
        "a time: close that connection (analysts read published/current/analyst.duckdb) "
        "and run again"
    )


def check_warehouse_free(path: Path) -> None:
    """Raise `WarehouseBusy` if another process holds the warehouse at `path` open.

    Opened for writing, as the run will: an analyst's read-only connection lets another
    read-only one in, but not the run.
    """
    if not path.exists():
        return
    try:
        duckdb.connect(str(path)).close()
    except duckdb.IOException as exc:
        busy = warehouse_busy(exc, path)
        if busy is None:
            raise
        raise busy from None
