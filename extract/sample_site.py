"""The bundled sample site, served on loopback for the length of a sample run.

The sample run goes through the real fetch path (HTTP, feeds, listings, PDFs, conditional
requests) instead of a shortcut that reads files, so what the sample run proves is what the
nightly run does. `http.server` answers If-Modified-Since with 304 from file times.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

log = logging.getLogger("chinasci.sample_site")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        log.debug("sample site: " + format, *args)


class SampleSiteUnavailable(Exception):
    """The sample site could not be served (port taken, folder missing)."""


@contextmanager
def serve_sample_site(root: Path, host: str, port: int) -> Iterator[str]:
    """Serve `root` at http://host:port until the block ends; yields the base URL."""
    if not root.is_dir():
        raise SampleSiteUnavailable(f"sample site folder {root} does not exist")
    handler = partial(_QuietHandler, directory=str(root))
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise SampleSiteUnavailable(
            f"cannot serve the sample site on {host}:{port}: {exc}"
        ) from exc
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="sample-site", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
