"""The HTTP seam against a real, misbehaving server on 127.0.0.1.

Assertions are on reasons and on what the server counted, never on wall-clock time:
backoff and Retry-After go through an injected `sleep` that records and returns at once.
"""

from __future__ import annotations

import logging
import random
import socket
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import pytest
import requests

from extract.http import Fetcher, FetchError, FetchPolicy, FetchResult
from extract.http_retry import parse_retry_after
from extract.http_targets import is_forbidden_address
from tests.extract.fault_server import DEFAULT_BIG, ETAG, LAST_MODIFIED, FaultServer

LOOPBACK = frozenset({"127.0.0.1"})
UA = "chinasci-test/1.0 (+https://example.org/chinasci)"

BASE_POLICY = FetchPolicy(
    user_agent=UA,
    connect_timeout=0.5,
    read_timeout=0.5,
    max_bytes=5_000_000,
    per_host_delay=0.0,
    max_in_flight_per_host=4,
    retries=2,
    backoff_base=0.01,
    max_retry_after=5.0,
)


class RecordingSleep:
    """Stands in for time.sleep: remembers what it was asked, waits for nothing."""

    def __init__(self) -> None:
        self.calls: list[float] = []
        self._lock = threading.Lock()

    def __call__(self, seconds: float) -> None:
        with self._lock:
            self.calls.append(seconds)


FetcherFactory = Callable[..., tuple[Fetcher, RecordingSleep]]


@pytest.fixture
def make_fetcher() -> Any:
    made: list[Fetcher] = []

    def factory(
        resolver: Callable[[str, int], Sequence[str]] | None = None,
        rng: random.Random | None = None,
        **overrides: Any,
    ) -> tuple[Fetcher, RecordingSleep]:
        sleep = RecordingSleep()
        session = requests.Session()
        session.trust_env = False  # a proxy from the environment must not see 127.0.0.1
        fetcher = Fetcher(
            replace(BASE_POLICY, **overrides),
            session=session,
            sleep=sleep,
            rng=rng or random.Random(7),
            resolver=resolver,
        )
        made.append(fetcher)
        return fetcher, sleep

    yield factory
    for fetcher in made:
        fetcher.close()


def fetch(fetcher: Fetcher, server: FaultServer, path: str, **kwargs: Any) -> FetchResult:
    kwargs.setdefault("allowed_hosts", LOOPBACK)
    kwargs.setdefault("allow_private", True)
    return fetcher.fetch(server.url(path), **kwargs)


def fetch_error(fetcher: Fetcher, server: FaultServer, path: str, **kwargs: Any) -> FetchError:
    with pytest.raises(FetchError) as info:
        fetch(fetcher, server, path, **kwargs)
    return info.value


# ----------------------------------------------------------------------------- success


def test_plain_fetch_returns_body_and_metadata(fault_server: FaultServer, make_fetcher: Any):
    fetcher, sleep = make_fetcher()
    result = fetch(fetcher, fault_server, "/ok")
    assert result.status == 200
    assert result.content is not None and result.content.startswith(b"<!DOCTYPE html>")
    assert result.content_type == "text/html; charset=utf-8"
    assert result.url == result.requested_url == fault_server.url("/ok")
    assert result.attempts == 1
    assert not result.not_modified
    assert result.elapsed >= 0
    assert fault_server.count("/ok") == 1
    assert fault_server.headers_for("/ok")[0]["User-Agent"] == UA
    assert sleep.calls == []


def test_robots_fetched_once_per_fetcher(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher()
    for _ in range(3):
        fetch(fetcher, fault_server, "/ok")
    assert fault_server.count("/robots.txt") == 1
    assert fault_server.headers_for("/robots.txt")[0]["User-Agent"] == UA
    other, _ = make_fetcher()  # a new Fetcher is a new run: it asks again
    fetch(other, fault_server, "/ok")
    assert fault_server.count("/robots.txt") == 2


def test_robots_fetched_once_under_concurrency(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher(max_in_flight_per_host=8)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda i: fetch(fetcher, fault_server, f"/article/{i}"), range(16)))
    assert all(r.status == 200 for r in results)
    assert fault_server.count("/robots.txt") == 1


# ----------------------------------------------------------------------------- retries


def test_5xx_retried_until_success(fault_server: FaultServer, make_fetcher: Any):
    fetcher, sleep = make_fetcher(retries=3, backoff_base=0.5)
    result = fetch(fetcher, fault_server, "/flaky/2")
    assert result.status == 200
    assert result.content is not None and b"Recovered" in result.content
    assert result.attempts == 3
    assert fault_server.count("/flaky/2") == 3
    # Full jitter: the n-th backoff is drawn from [0, base * 2**n].
    assert len(sleep.calls) == 2
    assert 0 <= sleep.calls[0] <= 0.5
    assert 0 <= sleep.calls[1] <= 1.0


def test_backoff_is_reproducible_with_seeded_rng(fault_server: FaultServer, make_fetcher: Any):
    fetcher, sleep = make_fetcher(retries=3, backoff_base=0.5, rng=random.Random(42))
    fetch(fetcher, fault_server, "/flaky/3")
    expected = random.Random(42)
    assert sleep.calls == [expected.uniform(0, 0.5 * 2**n) for n in range(3)]


def test_backoff_capped_by_max_backoff(fault_server: FaultServer, make_fetcher: Any):
    fetcher, sleep = make_fetcher(retries=3, backoff_base=100.0, max_backoff=0.25)
    fetch(fetcher, fault_server, "/flaky/3")
    assert len(sleep.calls) == 3
    assert all(0 <= s <= 0.25 for s in sleep.calls)


def test_5xx_gives_up_after_bounded_retries(fault_server: FaultServer, make_fetcher: Any):
    fetcher, sleep = make_fetcher(retries=2)
    error = fetch_error(fetcher, fault_server, "/status/503")
    assert error.reason == "http_503"
    assert fault_server.count("/status/503") == 3
    assert len(sleep.calls) == 2


def test_4xx_is_not_retried(fault_server: FaultServer, make_fetcher: Any):
    fetcher, sleep = make_fetcher(retries=3)
    error = fetch_error(fetcher, fault_server, "/status/404")
    assert error.reason == "http_404"
    assert error.url == fault_server.url("/status/404")
    assert fault_server.count("/status/404") == 1
    assert sleep.calls == []


def test_retry_after_is_obeyed(fault_server: FaultServer, make_fetcher: Any):
    fetcher, sleep = make_fetcher(backoff_base=10.0)
    result = fetch(fetcher, fault_server, "/ratelimit/1")
    assert result.status == 200
    assert result.attempts == 2
    assert fault_server.count("/ratelimit/1") == 2
    assert sleep.calls == [1.0]


def test_retry_after_on_503_is_obeyed(fault_server: FaultServer, make_fetcher: Any):
    fetcher, sleep = make_fetcher()
    result = fetch(fetcher, fault_server, "/unavailable/2")
    assert result.attempts == 2
    assert sleep.calls == [2.0]


def test_too_long_retry_after_fails_without_waiting(fault_server: FaultServer, make_fetcher: Any):
    fetcher, sleep = make_fetcher(max_retry_after=30.0)
    error = fetch_error(fetcher, fault_server, "/ratelimit/3600")
    assert error.reason == "retry_after_too_long"
    assert fault_server.count("/ratelimit/3600") == 1
    assert sleep.calls == []


def test_429_without_retries_left_is_http_429(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher(retries=0)
    assert fetch_error(fetcher, fault_server, "/ratelimit/1").reason == "http_429"


# ----------------------------------------------------------------------------- timeouts, resets


def test_stall_before_headers_times_out_after_bounded_retries(
    fault_server: FaultServer, make_fetcher: Any
):
    fetcher, sleep = make_fetcher(retries=1, read_timeout=0.3)
    error = fetch_error(fetcher, fault_server, "/stall/1")
    assert error.reason == "timeout"
    assert fault_server.count("/stall/1") == 2
    assert len(sleep.calls) == 1


def test_stall_mid_body_times_out(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher(retries=0, read_timeout=0.3)
    error = fetch_error(fetcher, fault_server, "/stall-body/1")
    assert error.reason == "timeout"
    assert fault_server.count("/stall-body/1") == 1


def test_drip_feed_hits_total_timeout(fault_server: FaultServer, make_fetcher: Any):
    # One byte every 50 ms never trips a 0.5 s read timeout; the per-attempt budget must.
    fetcher, _ = make_fetcher(retries=0, total_timeout=0.2)
    error = fetch_error(fetcher, fault_server, "/drip/200")
    assert error.reason == "timeout"
    assert fault_server.count("/drip/200") == 1


def test_connection_reset_mid_body_is_retried(fault_server: FaultServer, make_fetcher: Any):
    fetcher, sleep = make_fetcher(retries=2)
    result = fetch(fetcher, fault_server, "/reset/1")
    assert result.attempts == 2
    assert result.content is not None and len(result.content) == 65536
    assert fault_server.count("/reset/1") == 2
    assert len(sleep.calls) == 1


def test_persistent_reset_is_connection_error(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher(retries=2)
    error = fetch_error(fetcher, fault_server, "/reset/99")
    assert error.reason == "connection_error"
    assert fault_server.count("/reset/99") == 3


def test_connection_refused_is_retried_connection_error(make_fetcher: Any):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    fetcher, sleep = make_fetcher(retries=2, respect_robots=False)
    with pytest.raises(FetchError) as info:
        fetcher.fetch(f"http://127.0.0.1:{port}/", allowed_hosts=LOOPBACK, allow_private=True)
    assert info.value.reason == "connection_error"
    assert len(sleep.calls) == 2


# ----------------------------------------------------------------------------- size cap


def test_oversized_body_with_content_length_refused_up_front(
    fault_server: FaultServer, make_fetcher: Any
):
    fetcher, sleep = make_fetcher(max_bytes=5_000_000)
    error = fetch_error(fetcher, fault_server, f"/big/{DEFAULT_BIG}")
    assert error.reason == "too_large"
    assert "Content-Length" in error.detail
    assert fault_server.count(f"/big/{DEFAULT_BIG}") == 1  # not retried
    assert sleep.calls == []


def test_oversized_chunked_body_aborted_while_streaming(
    fault_server: FaultServer, make_fetcher: Any
):
    fetcher, _ = make_fetcher(max_bytes=5_000_000)
    error = fetch_error(fetcher, fault_server, f"/big-chunked/{DEFAULT_BIG}")
    assert error.reason == "too_large"
    assert "exceeds" in error.detail
    assert fault_server.count(f"/big-chunked/{DEFAULT_BIG}") == 1


@pytest.mark.parametrize("path", ["/big/{n}", "/big-chunked/{n}"])
def test_body_of_exactly_max_bytes_is_accepted(
    fault_server: FaultServer, make_fetcher: Any, path: str
):
    fetcher, _ = make_fetcher(max_bytes=100_000)
    result = fetch(fetcher, fault_server, path.format(n=100_000))
    assert result.content is not None and len(result.content) == 100_000
    assert fetch_error(fetcher, fault_server, path.format(n=100_001)).reason == "too_large"


# ----------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "bad_scheme"),
        ("ftp://127.0.0.1/pub/file.pdf", "bad_scheme"),
        ("data:text/html,<h1>hi</h1>", "bad_scheme"),
        ("javascript:alert(1)", "bad_scheme"),
        ("http:///no-host", "bad_url"),
    ],
)
def test_bad_urls_refused_before_any_request(
    fault_server: FaultServer, make_fetcher: Any, url: str, reason: str
):
    fetcher, _ = make_fetcher()
    with pytest.raises(FetchError) as info:
        fetcher.fetch(url, allowed_hosts=LOOPBACK, allow_private=True)
    assert info.value.reason == reason
    assert fault_server.total() == 0


def test_host_not_allowed_refused_before_any_request(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher()
    error = fetch_error(fetcher, fault_server, "/ok", allowed_hosts={"www.idsa.in"})
    assert error.reason == "host_not_allowed"
    assert fault_server.total() == 0  # not even robots.txt


def test_allowed_hosts_as_a_string_is_a_programming_error(
    fault_server: FaultServer, make_fetcher: Any
):
    fetcher, _ = make_fetcher()
    with pytest.raises(TypeError):
        fetch(fetcher, fault_server, "/ok", allowed_hosts="127.0.0.1")
    assert fault_server.total() == 0


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_private_address_refused_before_any_request(
    fault_server: FaultServer, make_fetcher: Any, host: str
):
    fetcher, _ = make_fetcher()
    with pytest.raises(FetchError) as info:
        fetcher.fetch(
            f"http://{host}:{fault_server.port}/ok",
            allowed_hosts={host},
            allow_private=False,
        )
    assert info.value.reason == "private_address"
    assert fault_server.total() == 0


def test_public_name_resolving_to_private_address_refused(make_fetcher: Any):
    fetcher, _ = make_fetcher(resolver=lambda host, port: ["10.1.2.3"])
    with pytest.raises(FetchError) as info:
        fetcher.fetch("https://intranet.example.cn/", allowed_hosts={"intranet.example.cn"})
    assert info.value.reason == "private_address"


def test_unresolvable_host_is_connection_error(make_fetcher: Any):
    def fail(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    fetcher, _ = make_fetcher(resolver=fail)
    with pytest.raises(FetchError) as info:
        fetcher.fetch("https://nowhere.example.cn/", allowed_hosts={"nowhere.example.cn"})
    assert info.value.reason == "connection_error"


@pytest.mark.parametrize(
    ("address", "forbidden"),
    [
        ("127.0.0.1", True),
        ("10.0.0.8", True),
        ("172.16.5.4", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),  # cloud metadata
        ("100.64.0.1", True),  # carrier-grade NAT
        ("0.0.0.0", True),
        ("224.0.0.1", True),
        ("240.0.0.1", True),
        ("::1", True),
        ("fe80::1%eth0", True),
        ("fc00::1", True),
        ("::ffff:127.0.0.1", True),
        ("not-an-ip", True),
        ("93.184.216.34", False),
        ("202.108.22.5", False),
        ("2001:4860:4860::8888", False),
    ],
)
def test_is_forbidden_address(address: str, forbidden: bool):
    assert is_forbidden_address(address) is forbidden


# ----------------------------------------------------------------------------- robots.txt


def test_robots_disallow_refuses_without_fetching(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher()
    error = fetch_error(fetcher, fault_server, "/private/report.html")
    assert error.reason == "robots_disallowed"
    assert fault_server.count("/robots.txt") == 1
    assert fault_server.count("/private/report.html") == 0


def test_robots_can_be_switched_off(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher(respect_robots=False)
    assert fetch(fetcher, fault_server, "/private/report.html").status == 200
    assert fault_server.count("/robots.txt") == 0


def test_robots_404_allows_all(fault_server: FaultServer, make_fetcher: Any):
    fault_server.robots_status = 404
    fetcher, _ = make_fetcher()
    assert fetch(fetcher, fault_server, "/private/report.html").status == 200
    assert fault_server.count("/robots.txt") == 1


def test_robots_5xx_allows_with_warning(
    fault_server: FaultServer, make_fetcher: Any, caplog: pytest.LogCaptureFixture
):
    fault_server.robots_status = 500
    fetcher, _ = make_fetcher(retries=1)
    with caplog.at_level(logging.WARNING, logger="chinasci.http"):
        assert fetch(fetcher, fault_server, "/private/report.html").status == 200
    assert fault_server.count("/robots.txt") == 2  # retried like any 5xx, then given up
    assert any("robots.txt" in r.getMessage() and "allow" in r.getMessage() for r in caplog.records)


# ----------------------------------------------------------------------------- conditional


def test_etag_round_trip_gives_304(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher()
    first = fetch(fetcher, fault_server, "/conditional")
    assert first.status == 200 and first.etag == ETAG and first.last_modified == LAST_MODIFIED
    second = fetch(fetcher, fault_server, "/conditional", etag=first.etag)
    assert second.status == 304
    assert second.not_modified is True
    assert second.content is None
    assert second.etag == ETAG
    sent = fault_server.headers_for("/conditional")
    assert "If-None-Match" not in sent[0]
    assert sent[1]["If-None-Match"] == ETAG


def test_last_modified_round_trip_gives_304(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher()
    result = fetch(fetcher, fault_server, "/conditional", last_modified=LAST_MODIFIED)
    assert result.not_modified and result.content is None
    assert result.last_modified == LAST_MODIFIED
    assert fault_server.headers_for("/conditional")[0]["If-Modified-Since"] == LAST_MODIFIED


def test_stale_etag_gets_full_body(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher()
    result = fetch(fetcher, fault_server, "/conditional", etag='"v0"')
    assert result.status == 200 and not result.not_modified
    assert result.content is not None and b"Version 1" in result.content


# ----------------------------------------------------------------------------- redirects


def test_same_host_redirect_followed(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher()
    result = fetch(fetcher, fault_server, "/redirect/same-host")
    assert result.requested_url == fault_server.url("/redirect/same-host")
    assert result.url == fault_server.url("/ok")
    assert result.attempts == 1
    assert fault_server.count("/ok") == 1


def test_redirect_to_disallowed_host_refused(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher()
    error = fetch_error(fetcher, fault_server, "/redirect/other-host")
    assert error.reason == "redirect_not_allowed"
    assert "localhost" in error.detail
    assert fault_server.count("/ok") == 0


def test_redirect_to_allowed_other_host_followed(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher()
    result = fetch(
        fetcher, fault_server, "/redirect/other-host", allowed_hosts={"127.0.0.1", "localhost"}
    )
    assert result.url == f"http://localhost:{fault_server.port}/ok"
    assert fault_server.count("/ok") == 1
    assert fault_server.count("/robots.txt") == 2  # each origin asked once


def test_redirect_to_file_scheme_refused(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher()
    assert fetch_error(fetcher, fault_server, "/redirect/file").reason == "redirect_not_allowed"


def test_redirect_into_robots_disallowed_path_refused(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher()
    error = fetch_error(fetcher, fault_server, "/redirect?to=/private/x")
    assert error.reason == "robots_disallowed"
    assert fault_server.count("/private/x") == 0


def test_redirect_hop_to_private_address_refused(fault_server: FaultServer, make_fetcher: Any):
    # The first hop "resolves" to a public address (so the private check passes and the real
    # loopback server answers); the redirect target resolves to loopback and must be refused.
    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34"] if host == "127.0.0.1" else ["127.0.0.1"]

    fetcher, _ = make_fetcher(resolver=resolver)
    error = fetch_error(
        fetcher,
        fault_server,
        "/redirect/other-host",
        allowed_hosts={"127.0.0.1", "localhost"},
        allow_private=False,
    )
    assert error.reason == "private_address"
    assert fault_server.count("/redirect/other-host") == 1
    assert fault_server.count("/ok") == 0


def test_redirect_loop_bounded(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher(max_redirects=3)
    assert fetch_error(fetcher, fault_server, "/redirect/loop").reason == "too_many_redirects"
    assert fault_server.count("/redirect/loop") == 4


# ----------------------------------------------------------------------------- politeness


def test_in_flight_limit_per_host(fault_server: FaultServer, make_fetcher: Any):
    fetcher, _ = make_fetcher(max_in_flight_per_host=2, read_timeout=2.0)
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda _: fetch(fetcher, fault_server, "/stall/0.1"), range(6)))
    assert len(results) == 6
    assert fault_server.count("/stall/0.1") == 6
    assert fault_server.max_concurrency("/stall/0.1") <= 2


def test_per_host_delay_spaces_request_starts(fault_server: FaultServer):
    now = [1000.0]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    session = requests.Session()
    session.trust_env = False
    fetcher = Fetcher(
        replace(BASE_POLICY, per_host_delay=2.0),
        session=session,
        sleep=sleep,
        clock=lambda: now[0],
    )
    fetch(fetcher, fault_server, "/ok")  # robots.txt at t, /ok at t+2
    fetch(fetcher, fault_server, "/article/1")  # at t+4
    assert sleeps == [2.0, 2.0]
    assert fault_server.count("/robots.txt") == 1
    fetcher.close()


# ----------------------------------------------------------------------------- logging, policy


def test_requests_and_retries_are_logged(
    fault_server: FaultServer, make_fetcher: Any, caplog: pytest.LogCaptureFixture
):
    fetcher, _ = make_fetcher(retries=2)
    with caplog.at_level(logging.INFO, logger="chinasci.http"):
        fetch(fetcher, fault_server, "/flaky/1")
    messages = [r.getMessage() for r in caplog.records if r.name == "chinasci.http"]
    assert sum(m.startswith("GET ") and "/flaky/1" in m for m in messages) == 2
    retries = [r for r in caplog.records if r.getMessage().startswith("retry")]
    assert len(retries) == 1 and retries[0].levelno == logging.WARNING
    assert retries[0].http_reason == "http_500"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "overrides",
    [
        {"user_agent": " "},
        {"read_timeout": 0},
        {"connect_timeout": -1},
        {"max_bytes": 0},
        {"max_in_flight_per_host": 0},
        {"retries": -1},
        {"per_host_delay": -0.1},
        {"max_retry_after": -1},
    ],
)
def test_policy_rejects_nonsense(overrides: dict[str, Any]):
    with pytest.raises(ValueError):
        replace(BASE_POLICY, **overrides)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 0 ", 0.0),
        ("Wed, 01 May 2024 00:01:40 GMT", 100.0),
        ("Wed, 01 May 2024 00:00:00 GMT", 0.0),  # in the past: no wait
        ("soon", None),
        ("-5", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_retry_after(header: str | None, seconds: float | None):
    now = 1714521600.0  # 2024-05-01T00:00:00Z
    assert parse_retry_after(header, now=now) == seconds


# ----------------------------------------------------------------------------- odd content


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/pdf/ok", "application/pdf"),
        ("/pdf/truncated", "application/pdf"),
        ("/pdf/encrypted", "application/pdf"),
        ("/gbk", "text/html"),
        ("/feed/bomb", "application/rss+xml"),
        ("/feed/offsite", "application/rss+xml"),
    ],
)
def test_fetcher_hands_over_hostile_bytes_untouched(
    fault_server: FaultServer, make_fetcher: Any, path: str, content_type: str
):
    # Parsing is not the fetcher's job: it must neither decode nor expand anything.
    fetcher, _ = make_fetcher()
    result = fetch(fetcher, fault_server, path)
    direct = requests.get(fault_server.url(path), timeout=2)
    assert result.content == direct.content
    assert result.content_type == content_type


def test_fault_server_serves_every_documented_path(fault_server: FaultServer):
    from tests.extract import fault_server as module

    fill = {"<N>": "1", "<S>": "0", "<code>": "204", "<anything>": "x", "<url>": "/ok"}
    paths = []
    for path in module.iter_paths():
        for placeholder, value in fill.items():
            path = path.replace(placeholder, value)
        paths.append(path)
    assert len(paths) > 25
    for path in paths:
        try:
            response = requests.get(fault_server.url(path), allow_redirects=False, timeout=5)
        except requests.RequestException:
            assert path.startswith("/reset/"), path  # the reset is the point of that path
            continue
        assert response.status_code != 404, path
