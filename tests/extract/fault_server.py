"""A misbehaving web site on 127.0.0.1, for testing the fetch path against real sockets.

The nightly job meets slow, broken, rate-limiting, oversized and mislabelled servers; this
serves each of those on purpose, from a `ThreadingHTTPServer` in a background thread, and
counts every request per path so a test can assert exactly what reached the server (and
that a refused URL sent nothing). Not a test module: `tests/extract/conftest.py` wraps it
in fixtures, and end-to-end tests can start their own:

    with FaultServer() as server:
        url = server.url("/flaky/2")
        ...
        assert server.count("/flaky/2") == 3

From any test package: `from tests.extract.fault_server import FaultServer`. The
`fault_server` fixture (fresh counters per test, one server per session) lives in
`tests/extract/conftest.py`; another directory can re-export it from its own conftest with
`from tests.extract.conftest import fault_server, fault_server_session  # noqa: F401`.

Counters and one-shot state (flaky paths) are keyed by the path without its query string
and cleared by `reset()`. HTTP/1.1 with keep-alive, like real servers.

Paths (N, S are integers or decimals in the path):

  /ok                     200 small HTML page
  /robots.txt             "User-agent: *  Disallow: /private/"; `robots_status` = 404 or
                          500 serves that status instead (reset() restores 200)
  /private/<anything>     200 page that robots.txt forbids
  /status/<code>          always that status (e.g. /status/404, /status/503)
  /flaky/<N>              500 for the first N requests, then 200 "recovered"
  /ratelimit/<S>          first request 429 with "Retry-After: S", then 200
  /unavailable/<S>        first request 503 with "Retry-After: S", then 200
  /stall/<S>              waits S seconds before sending anything (read timeout)
  /stall-body/<S>         headers and 1 KiB at once, then waits S seconds mid-body
  /drip/<N>               N bytes, one every 50 ms (beats a read timeout, not a total one)
  /reset/<N>              first N requests: headers, 8 KiB of a promised 64 KiB body, then
                          a TCP reset; afterwards the full 64 KiB
  /big/<N>                N bytes streamed on the fly, with Content-Length
  /big-chunked/<N>        N bytes streamed on the fly, chunked, no Content-Length
                          (`DEFAULT_BIG` = 50 MB is a sensible N)
  /pdf/ok                 two-page PDF (reportlab) with text, application/pdf
  /pdf/truncated          the same PDF cut at 60 %
  /pdf/encrypted          a PDF encrypted with user password "secret"
  /pdf/as-html            the good PDF labelled text/html
  /html/as-octet-stream   an HTML page labelled application/octet-stream
  /gbk                    Chinese HTML in GBK, "Content-Type: text/html" (no charset), no
                          <meta charset>
  /gbk-meta               the same with <meta charset="gbk">
  /feed/ok                RSS 2.0 with two items linking to /article/1 and /article/2
  /feed/atom              Atom feed with one entry linking to /article/1
  /feed/bomb              RSS with a "billion laughs" entity-expansion DTD
  /feed/offsite           RSS whose items link to http://disallowed.example/ and to /ok
  /article/<N>            200 small HTML article page
  /conditional            ETag "v1" and Last-Modified Wed, 01 May 2024 00:00:00 GMT;
                          304 (no body) for a matching If-None-Match or an
                          If-Modified-Since at or after that date
  /redirect?to=<url>      302 to the given URL (absolute or relative)
  /redirect/other-host    302 to http://localhost:<port>/ok (same server, other host name)
  /redirect/same-host     302 to /ok
  /redirect/file          302 to file:///etc/passwd
  /redirect/loop          302 to itself
  anything else           404

Inspection: `count(path)`, `total()`, `requests` (list of `Recorded`, with headers),
`max_concurrency(path)` (most requests in flight at once on that path).
"""

from __future__ import annotations

import io
import re
import socket
import struct
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

__all__ = ["DEFAULT_BIG", "FaultServer", "Recorded", "make_pdf"]

DEFAULT_BIG = 50 * 1024 * 1024
ETAG = '"v1"'
LAST_MODIFIED = "Wed, 01 May 2024 00:00:00 GMT"
ROBOTS_TXT = b"User-agent: *\nDisallow: /private/\n"
OFFSITE_HOST = "disallowed.example"
_BLOCK = b"0123456789abcdef" * 4096  # 64 KiB

GBK_TEXT = (
    "中华人民共和国科学技术部发布2024年度国家重点研发计划项目申报指南。"
    "中央财政科技支出预算为三千七百零八亿元，比上年增长百分之十。"
    "会议指出，要加强基础研究，推进关键核心技术攻关，提升国家创新体系整体效能。"
)


@dataclass(frozen=True)
class Recorded:
    """One request as the server saw it."""

    method: str
    path: str
    query: str
    headers: dict[str, str]


def make_pdf(pages: int = 2, encrypt: str | None = None) -> bytes:
    """A small real PDF with extractable text, built with reportlab at server start.

    Generated rather than committed so the bytes always match the installed reportlab
    and an encrypted variant needs no binary fixture.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt, invariant=1)
    pdf.setTitle("China Science and Technology Review")
    for page in range(1, pages + 1):
        pdf.setFont("Helvetica", 12)
        pdf.drawString(72, 770, f"China Science and Technology Review - page {page}")
        pdf.drawString(72, 740, "The 2024 central budget for science is 370.8 billion yuan.")
        pdf.drawString(72, 720, "The Ministry of Science and Technology held a meeting.")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _html(title: str, body: str) -> bytes:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head>"
        f"<body><h1>{title}</h1><p>{body}</p></body></html>"
    ).encode()


def _gbk_page(meta: bool) -> bytes:
    head = '<meta charset="gbk">' if meta else ""
    page = (
        f"<!DOCTYPE html><html><head>{head}<title>科技部通知</title></head>"
        f"<body><h1>科技部通知</h1><p>{GBK_TEXT}</p><p>{GBK_TEXT}</p></body></html>"
    )
    return page.encode("gbk")


def _rss(base: str, links: list[tuple[str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link>"
        f"<pubDate>Wed, 01 May 2024 08:00:00 GMT</pubDate></item>"
        for title, link in links
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Sample S&amp;T news</title><link>{base}/</link>{items}</channel></rss>"
    ).encode()


def _atom(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Sample</title>'
        f"<id>{base}/feed/atom</id><updated>2024-05-01T08:00:00Z</updated>"
        f'<entry><title>Article 1</title><link href="{base}/article/1"/>'
        f"<id>{base}/article/1</id><updated>2024-05-01T08:00:00Z</updated></entry></feed>"
    ).encode()


def _bomb() -> bytes:
    entities = ['<!ENTITY lol0 "lol">']
    for level in range(1, 10):
        refs = f"&lol{level - 1};" * 10
        entities.append(f'<!ENTITY lol{level} "{refs}">')
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n'
        + "\n".join(entities)
        + '\n]>\n<rss version="2.0"><channel><title>&lol9;</title>'
        "<item><title>&lol9;</title><link>http://127.0.0.1/</link></item></channel></rss>"
    ).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    # Idle keep-alive connections are dropped after this, so handler threads do not linger.
    timeout = 5

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # the tests assert on counters; access logs would only be noise

    # ------------------------------------------------------------------ plumbing

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        path = parts.path
        owner = self.server.owner
        nth = owner._record(
            Recorded(
                method="GET",
                path=path,
                query=parts.query,
                headers={k: v for k, v in self.headers.items()},
            )
        )
        owner._enter(path)
        try:
            self._route(path, parse_qs(parts.query), nth)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
            # The client gave up (timeout, byte cap): exactly what many tests provoke.
            self.close_connection = True
        finally:
            owner._leave(path)

    def _send(
        self,
        status: int,
        body: bytes = b"",
        content_type: str | None = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if content_type is not None and status != 304:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)

    def _wait(self, seconds: float) -> None:
        # Wakes early when the server stops, so a stalled handler never delays teardown.
        self.server.owner._stopping.wait(seconds)

    # ------------------------------------------------------------------ routes

    def _route(self, path: str, query: dict[str, list[str]], nth: int) -> None:
        owner = self.server.owner
        base = owner.base_url
        segments = [s for s in path.split("/") if s]
        head = segments[0] if segments else ""
        arg = segments[1] if len(segments) > 1 else ""

        if path == "/ok":
            self._send(200, _html("OK", "A small page."))
        elif path == "/robots.txt":
            if owner.robots_status == 200:
                self._send(200, ROBOTS_TXT, "text/plain")
            else:
                self._send(owner.robots_status, b"no robots here", "text/plain")
        elif head == "private":
            self._send(200, _html("Private", "robots.txt forbids this page."))
        elif head == "article":
            self._send(200, _html(f"Article {arg}", f"Body of article {arg}."))
        elif head == "status" and arg.isdigit():
            self._send(int(arg), _html(f"Status {arg}", "As requested."))
        elif head == "flaky" and arg.isdigit():
            if nth <= int(arg):
                self._send(500, _html("Error", f"Failure {nth} of {arg}."))
            else:
                self._send(200, _html("Recovered", f"Succeeded on request {nth}."))
        elif head in ("ratelimit", "unavailable") and arg:
            status = 429 if head == "ratelimit" else 503
            if nth == 1:
                self._send(status, b"slow down", "text/plain", {"Retry-After": arg})
            else:
                self._send(200, _html("Served", "After waiting."))
        elif head == "stall" and arg:
            self._wait(float(arg))
            self._send(200, _html("Late", "Too late."))
        elif head == "stall-body" and arg:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(2048))
            self.end_headers()
            self.wfile.write(b"<" + b"x" * 1023)
            self.wfile.flush()
            self._wait(float(arg))
            self.wfile.write(b"y" * 1024)
        elif head == "drip" and arg.isdigit():
            size = int(arg)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            for _ in range(size):
                self.wfile.write(b".")
                self.wfile.flush()
                if owner._stopping.wait(0.05):
                    break
        elif head == "reset" and arg.isdigit():
            body = _BLOCK
            if nth <= int(arg):
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[:8192])
                self.wfile.flush()
                self._reset_connection()
            else:
                self._send(200, body, "text/plain")
        elif head in ("big", "big-chunked") and arg.isdigit():
            self._stream_big(int(arg), chunked=head == "big-chunked")
        elif head == "pdf":
            pdfs = owner.pdfs
            if arg == "ok":
                self._send(200, pdfs["ok"], "application/pdf")
            elif arg == "truncated":
                self._send(200, pdfs["truncated"], "application/pdf")
            elif arg == "encrypted":
                self._send(200, pdfs["encrypted"], "application/pdf")
            elif arg == "as-html":
                self._send(200, pdfs["ok"], "text/html")
            else:
                self._send(404, b"no such pdf", "text/plain")
        elif path == "/html/as-octet-stream":
            self._send(200, _html("Octets", "HTML in disguise."), "application/octet-stream")
        elif path == "/gbk":
            self._send(200, _gbk_page(meta=False), "text/html")
        elif path == "/gbk-meta":
            self._send(200, _gbk_page(meta=True), "text/html")
        elif path == "/feed/ok":
            links = [("Article 1", f"{base}/article/1"), ("Article 2", f"{base}/article/2")]
            self._send(200, _rss(base, links), "application/rss+xml")
        elif path == "/feed/atom":
            self._send(200, _atom(base), "application/atom+xml")
        elif path == "/feed/bomb":
            self._send(200, _bomb(), "application/rss+xml")
        elif path == "/feed/offsite":
            links = [("Elsewhere", f"http://{OFFSITE_HOST}/article"), ("Here", f"{base}/ok")]
            self._send(200, _rss(base, links), "application/rss+xml")
        elif path == "/conditional":
            self._conditional()
        elif path == "/redirect":
            target = query.get("to", ["/ok"])[0]
            self._send(302, b"", None, {"Location": target})
        elif path == "/redirect/other-host":
            self._send(302, b"", None, {"Location": f"http://localhost:{owner.port}/ok"})
        elif path == "/redirect/same-host":
            self._send(302, b"", None, {"Location": "/ok"})
        elif path == "/redirect/file":
            self._send(302, b"", None, {"Location": "file:///etc/passwd"})
        elif path == "/redirect/loop":
            self._send(302, b"", None, {"Location": "/redirect/loop"})
        else:
            self._send(404, _html("Not found", path))

    def _conditional(self) -> None:
        validators = {"ETag": ETAG, "Last-Modified": LAST_MODIFIED}
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if inm is not None:
            # Weak comparison (RFC 9110 13.1.2): W/"v1" matches "v1".
            tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
            if "*" in tags or ETAG in tags:
                self._send(304, headers=validators)
                return
        elif ims is not None:
            try:
                fresh = parsedate_to_datetime(ims) >= parsedate_to_datetime(LAST_MODIFIED)
            except (TypeError, ValueError):
                fresh = False
            if fresh:
                self._send(304, headers=validators)
                return
        self._send(200, _html("Conditional", "Version 1."), headers=validators)

    def _stream_big(self, size: int, *, chunked: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(size))
        self.end_headers()
        remaining = size
        while remaining > 0 and not self.server.owner._stopping.is_set():
            block = _BLOCK[: min(remaining, len(_BLOCK))]
            if chunked:
                self.wfile.write(b"%x\r\n" % len(block) + block + b"\r\n")
            else:
                self.wfile.write(block)
            remaining -= len(block)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")

    def _reset_connection(self) -> None:
        """Abort with RST (SO_LINGER 0) rather than FIN, as a crashed peer or proxy would."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: FaultServer

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet about clients that hang up: tests provoke that on purpose (a reset
        while reading the next keep-alive request is raised outside `do_GET`)."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


@dataclass
class FaultServer:
    """Start/stop wrapper with request counting; usable as a context manager."""

    host: str = "127.0.0.1"
    port: int = 0
    robots_status: int = 200
    requests: list[Recorded] = field(default_factory=list)
    pdfs: dict[str, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()
        self._active: Counter[str] = Counter()
        self._peak: Counter[str] = Counter()
        self._stopping = threading.Event()
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> FaultServer:
        good = make_pdf()
        self.pdfs = {
            "ok": good,
            "truncated": good[: int(len(good) * 0.6)],
            "encrypted": make_pdf(encrypt="secret"),
        }
        self._stopping.clear()
        httpd = _Server((self.host, self.port), _Handler)
        httpd.owner = self
        self.port = httpd.server_address[1]
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # ------------------------------------------------------------------ inspection

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def count(self, path: str) -> int:
        """Requests received for `path` (query string ignored) since the last reset."""
        with self._lock:
            return self._counts[path]

    def total(self) -> int:
        with self._lock:
            return sum(self._counts.values())

    def max_concurrency(self, path: str) -> int:
        with self._lock:
            return self._peak[path]

    def headers_for(self, path: str) -> list[dict[str, str]]:
        """The request headers of every request to `path`, in arrival order."""
        with self._lock:
            return [r.headers for r in self.requests if r.path == path]

    def reset(self) -> None:
        """Forget counts, recorded requests and one-shot state; restore robots.txt."""
        with self._lock:
            self._counts.clear()
            self._peak.clear()
            self.requests.clear()
            self.robots_status = 200

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until no handler is busy (e.g. a stall the client abandoned) - True if so."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if not +self._active:
                    return True
            time.sleep(0.01)
        return False

    # ------------------------------------------------------------------ handler hooks

    def _record(self, request: Recorded) -> int:
        with self._lock:
            self.requests.append(request)
            self._counts[request.path] += 1
            return self._counts[request.path]

    def _enter(self, path: str) -> None:
        with self._lock:
            self._active[path] += 1
            self._peak[path] = max(self._peak[path], self._active[path])

    def _leave(self, path: str) -> None:
        with self._lock:
            self._active[path] -= 1


def iter_paths(doc: str | None = __doc__) -> Iterator[str]:
    """The literal paths listed in this module's docstring (used to keep it honest)."""
    for line in (doc or "").splitlines():
        match = re.match(r"\s+(/\S*)\s", line)
        if match:
            yield match.group(1)
