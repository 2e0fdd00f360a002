"""A run asked to stop, or whose Prefect server dies, ends at once and says why.

Each test starts a real `chinasci run` against a feed on 127.0.0.1 whose one article never
answers (until the test ends), so the run is certainly in its fetch stage when the test acts:
it sends SIGTERM to the run, as schedulers and `timeout` do, or SIGKILLs the run's own
Prefect server. The run must then end without waiting for the fetch, exit with the reason
on the last line of stderr and no traceback, record itself as `failed` with that reason in
`runs`, publish nothing, and leave the run lock free.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.flows.e2e_support import LiveRun, last_line, read_only, seed_prefect_home
from warehouse.lock import run_lock

pytestmark = pytest.mark.slow

CONFIG = """
[pipeline]
data_dir = "data"
connect_timeout = 2.0
read_timeout = 600.0
per_host_delay = 0.0
retries = 0

[[sources]]
id = "stalled-feed"
kind = "feed"
url = "{base}/feed.xml"
doc_type = "article"
allow_private = true
"""

FEED = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>t</title><link>{base}/</link><description>d</description>
<item><title>stalled</title><link>{base}/stalled.html</link></item>
</channel></rss>"""


class StalledSite:
    """A feed whose article is requested but never answered until `release()`."""

    def __init__(self) -> None:
        self.requested = threading.Event()
        self._released = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def do_GET(self) -> None:  # noqa: N802
                if self.path == "/feed.xml":
                    body = FEED.replace(b"{base}", site.base_url.encode())
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                elif self.path == "/stalled.html":
                    site.requested.set()
                    site._released.wait(600)
                else:
                    self.send_error(404)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def release(self) -> None:
        self._released.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stalled_run(tmp_path: Path, migrated_prefect_home: Path) -> Iterator[tuple[LiveRun, Path]]:
    site = StalledSite()
    data = tmp_path / "data"
    seed_prefect_home(data, migrated_prefect_home)
    config = tmp_path / "stalled.toml"
    config.write_text(CONFIG.format(base=site.base_url), encoding="utf-8")
    run = LiveRun("run", "--config", str(config), "--data-dir", str(data), home=tmp_path / "home")
    try:
        assert site.requested.wait(600), run.stderr
        yield run, data
    finally:
        run.kill()
        site.release()


def _last_run(data: Path) -> tuple[str, str]:
    with read_only(data / "warehouse.duckdb") as con:
        return con.execute("SELECT status, message FROM runs ORDER BY seq DESC LIMIT 1").fetchone()


def _lock_is_free(data: Path) -> bool:
    with run_lock(data):
        return True


def test_sigterm_during_fetch_records_the_run_as_failed(stalled_run) -> None:  # noqa: ANN001
    run, data = stalled_run
    run.proc.send_signal(signal.SIGTERM)
    code = run.wait(timeout=300)  # the fetch never ends: only a real stop gets here

    assert code == 143, run.stderr[-3000:]
    assert last_line(run.stderr) == "chinasci: run failed: stopped by SIGTERM"
    assert "Traceback" not in run.stderr + run.stdout
    assert _last_run(data) == ("failed", "stopped by SIGTERM")
    assert not (data / "published" / "current").exists()
    assert _lock_is_free(data)


def _prefect_server_pid(pid: int) -> int:
    """The run's child process running uvicorn (its Prefect API server)."""
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children += [int(c) for c in (task / "children").read_text().split()]
    for child in children:
        cmdline = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
        if b"uvicorn" in cmdline:
            return child
    raise AssertionError(f"no Prefect server among the children {children} of {pid}")


def test_the_prefect_server_dying_fails_the_run_at_once(stalled_run) -> None:  # noqa: ANN001
    run, data = stalled_run
    os.kill(_prefect_server_pid(run.proc.pid), signal.SIGKILL)
    code = run.wait(timeout=300)  # the fetch never ends: only a real stop gets here

    reason = "the local Prefect server exited (status -9) during the run"
    assert code == 1, run.stderr[-3000:]
    assert last_line(run.stderr) == f"chinasci: run failed: {reason}"
    assert "Traceback" not in run.stderr + run.stdout
    assert _last_run(data) == ("failed", reason)
    assert not (data / "published" / "current").exists()
    assert _lock_is_free(data)
