"""A night of misbehaving sources, through the real `chinasci run` command.

One run fetches a feed and a listing whose items are each broken in a different way (served
by the fault server of tests/extract/fault_server.py): it must publish (exit 0), store every
failed document with its reason, count failures by reason in the summary, decode a GBK page
served without any charset, and never send a byte to a host or path it must not fetch. A
second run in the same data directory, whose every source fails, must exit 1 with the
reason on the last line of stderr and leave the published files exactly as they were.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.extract.fault_server import GBK_TEXT, OFFSITE_HOST, FaultServer
from tests.flows.e2e_support import (
    free_port,
    last_line,
    published_bytes,
    published_problems,
    read_only,
    render_config,
    run_cli,
    seed_prefect_home,
)

pytestmark = pytest.mark.slow

# The listing's items, one per failure (plus two that work), as paths on the fault server.
ITEMS = {
    "fine": "/article/7",
    "flaky": "/flaky/2",  # 500 twice, then 200: recovered by the fetcher's retries
    "truncated_pdf": "/pdf/truncated",
    "encrypted_pdf": "/pdf/encrypted",
    "gbk": "/gbk",  # GBK, "Content-Type: text/html" without charset, no <meta charset>
    "robots": "/private/report",  # robots.txt: Disallow: /private/
    "too_large": "/big/2000000",  # the config's max_bytes is 1 000 000
    "good_pdf": "/pdf/ok",
}
# A link to a host the source does not allow (allowed_hosts = ["127.0.0.1"]) that would
# reach the fault server if it were followed: so "never fetched" can be counted.
OFFSITE_PATH = "/article/99"


class _Listing(BaseHTTPRequestHandler):
    """The listing page: the fault server serves no page that links to all its paths."""

    page = b""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/listing.html":
            status, body, ctype = 200, self.page, "text/html; charset=utf-8"
        else:  # robots.txt included: no rules
            status, body, ctype = 404, b"not found", "text/plain"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def fault() -> Iterator[FaultServer]:
    with FaultServer() as server:
        yield server


@pytest.fixture(scope="module")
def listing_url(fault: FaultServer) -> Iterator[str]:
    links = [
        f'<li><a class="item" href="{fault.url(p)}">{name}</a></li>' for name, p in ITEMS.items()
    ]
    links.append(
        f'<li><a class="item" href="http://localhost:{fault.port}{OFFSITE_PATH}">x</a></li>'
    )
    handler = type("Listing", (_Listing,), {"page": ("<ul>" + "".join(links) + "</ul>").encode()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/listing.html"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def faulty_run(
    tmp_path_factory: pytest.TempPathFactory,
    migrated_prefect_home: Path,
    fault: FaultServer,
    listing_url: str,
):
    root = tmp_path_factory.mktemp("faults")
    config = render_config(
        "faulty_items.toml", root / "faulty_items.toml", fault=fault.base_url, listing=listing_url
    )
    data = root / "data"
    seed_prefect_home(data, migrated_prefect_home)
    fault.reset()
    result = run_cli("run", "--config", str(config), "--data-dir", str(data), home=root / "home")
    return root, data, result


def _documents(data: Path) -> dict[str, tuple[str, str | None, str | None]]:
    """url -> (status, error, text), read from the warehouse once the run has finished."""
    with read_only(data / "warehouse.duckdb") as con:
        rows = con.execute("SELECT url, status, error, text FROM documents").fetchall()
    return {url: (status, error, text) for url, status, error, text in rows}


def _counts(line: str) -> dict[str, int]:
    """'failures by reason: a 1, b 2' -> {'a': 1, 'b': 2}."""
    body = line.split(":", 1)[1]
    return {k: int(v) for k, v in (part.strip().rsplit(" ", 1) for part in body.split(","))}


def test_item_failures_are_reported_not_fatal(faulty_run) -> None:
    _, _, result = faulty_run
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_summary_counts_failures_by_reason(faulty_run) -> None:
    result = faulty_run[2]
    lines = result.stdout.splitlines()
    failures = next(line for line in lines if line.startswith("failures by reason:"))
    assert _counts(failures) == {
        "host_not_allowed": 2,  # disallowed.example (feed) and localhost (listing)
        "pdf_corrupt": 1,
        "pdf_encrypted": 1,
        "robots_disallowed": 1,
        "too_large": 1,
    }
    documents = next(line for line in lines if line.startswith("documents:"))
    # Each of the 11 links counted once: fetched and parsed (new), failed, or refused (skipped).
    assert _counts(documents) == {"failed": 3, "new": 5, "skipped": 3}


def test_failed_documents_are_stored_with_their_reason(faulty_run, fault: FaultServer) -> None:
    docs = _documents(faulty_run[1])
    for name, reason in [
        ("truncated_pdf", "pdf_corrupt"),
        ("encrypted_pdf", "pdf_encrypted"),
        ("too_large", "too_large"),
    ]:
        status, error, text = docs[fault.url(ITEMS[name])]
        assert (status, text) == ("failed", None), name
        assert error is not None and error.startswith(reason + ":"), (name, error)
    for name in ("fine", "flaky", "gbk", "good_pdf"):
        assert docs[fault.url(ITEMS[name])][:2] == ("parsed", None), name
    assert docs[fault.url("/ok")][0] == "parsed"
    # Links the sources may not follow are counted, not stored as documents.
    assert fault.url(ITEMS["robots"]) not in docs
    assert not any(OFFSITE_HOST in url or "localhost" in url for url in docs)


def test_a_500_that_recovers_is_retried_and_kept(faulty_run, fault: FaultServer) -> None:
    assert fault.count(ITEMS["flaky"]) == 3
    text = _documents(faulty_run[1])[fault.url(ITEMS["flaky"])][2]
    assert text is not None and "Recovered" in text


def test_gbk_page_without_charset_decodes(faulty_run, fault: FaultServer) -> None:
    text = _documents(faulty_run[1])[fault.url(ITEMS["gbk"])][2]
    assert text is not None
    assert GBK_TEXT[:40] in text
    assert "\ufffd" not in text


def test_refused_links_are_never_requested(faulty_run, fault: FaultServer) -> None:
    assert fault.count(OFFSITE_PATH) == 0
    assert fault.count(ITEMS["robots"]) == 0
    hosts = {r.headers.get("Host", "") for r in fault.requests}
    assert hosts == {f"127.0.0.1:{fault.port}"}
    assert fault.count("/robots.txt") == 1  # once per origin per run


def test_every_source_failing_fails_the_run_and_keeps_the_published_files(
    faulty_run, fault: FaultServer
) -> None:
    root, data, first = faulty_run
    assert first.returncode == 0, first.stderr
    published = data / "published"
    before = published_bytes(published)
    assert "manifest.json" in before and "analyst.duckdb" in before
    config = render_config(
        "every_source_fails.toml",
        root / "every_source_fails.toml",
        fault=fault.base_url,
        dead=free_port(),
    )
    result = run_cli("run", "--config", str(config), "--data-dir", str(data), home=root / "home")

    assert result.returncode == 1, result.stdout + result.stderr
    reason = last_line(result.stderr)
    assert "every source failed" in reason, result.stderr[-3000:]
    assert "gone-feed: http_404" in reason and "dead-listing: connection_error" in reason
    assert published_bytes(published) == before
    assert published_problems(published) == []
    with read_only(data / "warehouse.duckdb") as con:
        status, message = con.execute(
            "SELECT status, message FROM runs ORDER BY started_at DESC LIMIT 1"
        ).fetchone()
        errors = dict(
            con.execute(
                "SELECT source_id, last_error FROM sources WHERE last_status = 'failed'"
            ).fetchall()
        )
    assert status == "failed" and "every source failed" in message
    assert errors["gone-feed"].startswith("http_404")
    assert errors["dead-listing"].startswith("connection_error")
