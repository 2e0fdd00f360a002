"""The handle on a Prefect server running as this run's child process, and its tie to the run.

`prefect_env.start_local_server` binds the socket and starts the process; what a run then
needs from it is here: wait until it answers, hear at once if it exits unasked, and stop it
so that it writes the events it holds (SIGTERM, then a kill after a generous timeout).
`exit_with_parent` asks Linux to SIGTERM the server if the run dies without its exit
handlers. Kept apart from `prefect_env`, which sets the environment: this module is about
a process, not settings.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable

__all__ = ["STARTUP_TIMEOUT_SECONDS", "STOP_TIMEOUT_SECONDS", "LocalServer", "exit_with_parent"]

STARTUP_TIMEOUT_SECONDS = 180
"""How long a local Prefect server may take to start; the first start on a fresh data
directory applies every database migration (about 20 s here, Prefect's default limit is 20)."""

STOP_TIMEOUT_SECONDS = 60
"""How long a stopping server may take to write what it holds before it is killed."""


class LocalServer:
    """A Prefect API server in a child process, private to this run (see `prefect_env`)."""

    def __init__(self, process: subprocess.Popen[bytes], api_url: str, scheduler: bool) -> None:
        self.process = process
        self.api_url = api_url
        self.scheduler = scheduler
        self._stopping = False

    def watch(self, on_exit: Callable[[int], None]) -> None:
        """Call `on_exit(status)` from a daemon thread if the server exits unasked.

        A run whose server is gone cannot report to it; told at once, it can record its
        outcome and end in seconds instead of retrying calls to nothing.
        """

        def wait() -> None:
            code = self.process.wait()
            if not self._stopping:
                on_exit(code)

        threading.Thread(target=wait, name="prefect-server-watch", daemon=True).start()

    def wait_ready(self, timeout: float = STARTUP_TIMEOUT_SECONDS) -> None:
        """Block until the server answers ``/health``; raise RuntimeError if it cannot start."""
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        deadline = time.monotonic() + timeout
        while True:
            code = self.process.poll()
            if code is not None:
                raise RuntimeError(f"the local Prefect server exited with status {code}")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise RuntimeError(f"the local Prefect server did not start within {timeout:g} s")
            try:
                with opener.open(f"{self.api_url}/health", timeout=min(5.0, remaining)) as resp:
                    if resp.status == 200:
                        return
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.05)

    def stop(self, timeout: float = STOP_TIMEOUT_SECONDS) -> None:
        """SIGTERM (the server writes the events it holds, then exits), kill after ``timeout``."""
        self._stopping = True
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def exit_with_parent() -> Callable[[], None] | None:
    """A pre-exec hook asking Linux to SIGTERM the child when this thread ends (prctl)."""
    if not sys.platform.startswith("linux"):
        return None
    if threading.current_thread() is not threading.main_thread():
        return None  # the signal follows the creating thread, not the process
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def hook() -> None:
        prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the parent was gone before the request took effect
            os._exit(1)

    return hook
