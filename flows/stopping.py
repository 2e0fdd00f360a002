"""Stopping a run on request: SIGTERM (schedulers, `timeout`, `docker stop`), SIGINT (Ctrl-C),
or the run's own Prefect server dying under it.

The first request raises `Stopped` in the main thread, wherever the run is, so it ends in
seconds instead of finishing the fetch it was in; the flow then records the run as failed
with the reason and releases the lock. `Stopped` is a `BaseException`: the stages catch
`Exception` so that one bad document never stops a run, and must not swallow a stop.

Inside `deferred()` (opening the run, recording its end) a request is held and raised when
the block ends, so the warehouse never keeps a run half-recorded. Requests after the first
are ignored: the run is already stopping. A scheduler that will not wait sends SIGKILL,
which the lock (released by the kernel) and the temporary names survive.

Nothing here imports Prefect.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

EXIT_CODES = {signal.SIGTERM: 143, signal.SIGINT: 130}
"""128 + the signal number, as shells report a process a signal ended."""


class Stopped(BaseException):
    """The run was asked to stop; `reason` is the operator's one line."""

    def __init__(self, reason: str, exit_code: int = 1, *, prefect_gone: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.exit_code = exit_code
        self.prefect_gone = prefect_gone  # the run's Prefect server died: do not report to it


_lock = threading.Lock()
_request: Stopped | None = None
_raised = False
_deferring = 0


def install() -> None:
    """Turn SIGTERM and SIGINT into `Stopped` in the main thread (call from the main thread)."""
    for signum in EXIT_CODES:
        signal.signal(signum, _handler)


def requested() -> Stopped | None:
    """The stop asked for, if any."""
    return _request


def request(stop: Stopped) -> None:
    """Ask the run to stop from any thread: noted, then delivered to the main thread as a
    signal, which also interrupts a blocking call there (a socket read, a sleep)."""
    _note(stop)
    signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGTERM)


def check() -> None:
    """Raise a stop that was asked for while it was held (`deferred`); once."""
    global _raised
    if _request is not None and not _raised and not _deferring:
        _raised = True
        raise _request


def note_signal(signum: int) -> Stopped:
    """Record a signal that reached the run another way (Prefect's own SIGTERM handler,
    active while a flow runs, raises its `TerminationSignal` instead of calling ours)."""
    global _raised
    _note(Stopped(f"stopped by {signal.Signals(signum).name}", EXIT_CODES.get(signum, 1)))
    _raised = True
    assert _request is not None
    return _request


def _note(stop: Stopped) -> None:
    global _request
    with _lock:
        if _request is None:
            _request = stop


def _handler(signum: int, frame: object) -> None:
    global _raised
    name = signal.Signals(signum).name
    _note(Stopped(f"stopped by {name}", EXIT_CODES.get(signal.Signals(signum), 1)))
    if _raised or _deferring:
        return
    _raised = True
    assert _request is not None
    raise _request


@contextmanager
def deferred() -> Iterator[None]:
    """Hold a stop request while the block runs; `check()` raises it afterwards.

    Our handlers are put back for the block (a flow's Prefect replaces the SIGTERM one with
    its own, which would raise in the middle), and the previous ones restored after it.
    """
    global _deferring
    main = threading.current_thread() is threading.main_thread()
    previous = {s: signal.getsignal(s) for s in EXIT_CODES} if main else {}
    for signum in previous:
        signal.signal(signum, _handler)
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def exit_now(code: int, last_line: str | None = None) -> None:
    """Print the operator's last line and end the process at once.

    For a run whose outcome is already recorded: skipping the interpreter's shutdown skips
    waiting for threads still blocked on the network (a stopped fetch) or on a Prefect
    server that is gone, and the DuckDB binding's warnings about objects alive at exit.
    """
    if last_line:
        print(last_line, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
