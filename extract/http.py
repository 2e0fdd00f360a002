"""The one HTTP seam of the project: every byte the pipeline pulls off the network comes
through `Fetcher.fetch`.

Why one seam: the job runs unattended every night for years against sites we do not
control. Politeness (per-host spacing, bounded concurrency, robots.txt), safety (only the
hosts a source names, no internal addresses, no `file:`), and resource bounds (timeouts,
a byte cap enforced while streaming, bounded retries) must hold for every request, and
that is only checkable if there is exactly one place that makes requests. Parsers get
bytes, never URLs to open.

Failures are raised as `FetchError` with a short snake_case `.reason` ("http_404",
"timeout", "too_large", ...) so the flow can count them per source and night without
parsing messages; `.detail` carries the human-readable part. The reasons:

  refused before connecting: bad_scheme, bad_url, host_not_allowed, private_address,
      robots_disallowed, redirect_not_allowed (a hop leaving allowed_hosts or http(s)),
      too_many_redirects
  answered: http_<status> (final non-2xx; 5xx and 429 only after the retries),
      retry_after_too_long, too_large
  transport: timeout, connection_error (both retried first), tls_error, decode_error,
      request_error (anything else requests raises)

Known limit: the private-address check resolves the name itself and then lets `requests`
resolve it again to connect, so a hostile DNS server that answers differently within
milliseconds (DNS rebinding) is not stopped. The check exists to catch configuration
mistakes and links into internal networks from scraped pages; pinning the checked address
for the connection would need a custom transport adapter.
"""

from __future__ import annotations

import io
import ipaddress
import logging
import random
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

import requests
import urllib3.exceptions

__all__ = [
    "BadScheme",
    "BadUrl",
    "ConnectionFailed",
    "FetchError",
    "FetchPolicy",
    "FetchResult",
    "FetchTimeout",
    "Fetcher",
    "HostNotAllowed",
    "HttpStatusError",
    "PrivateAddress",
    "RedirectNotAllowed",
    "RetryAfterTooLong",
    "RobotsDisallowed",
    "TooLarge",
    "TooManyRedirects",
    "is_forbidden_address",
    "parse_retry_after",
]

logger = logging.getLogger("chinasci.http")

ALLOWED_SCHEMES = frozenset({"http", "https"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# robots.txt is small by nature; Google stops reading at 500 KiB and so do we.
ROBOTS_MAX_BYTES = 512 * 1024
CHUNK_SIZE = 64 * 1024

Resolver = Callable[[str, int], Sequence[str]]


# --------------------------------------------------------------------------- policy


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how defensively to fetch; one per run, built from the config.

    `per_host_delay` spaces request *starts* to one host (retries and robots.txt included);
    `max_in_flight_per_host` bounds concurrent requests to one host. `retries` is the
    number of extra attempts after a 5xx, 429, connection error or timeout, spaced by
    exponential backoff with full jitter (`uniform(0, min(max_backoff, backoff_base *
    2**n))`) so parallel workers retrying the same host do not stampede in step. A
    Retry-After the server sends is obeyed instead of the backoff, up to
    `max_retry_after`; a server asking for longer fails the item ("retry_after_too_long")
    rather than stall the night. `total_timeout` bounds one attempt end to end, because the
    read timeout only bounds the gap between two packets and a server dripping a byte a
    second would otherwise hold a worker for hours.
    """

    user_agent: str
    connect_timeout: float
    read_timeout: float
    max_bytes: int
    per_host_delay: float
    max_in_flight_per_host: int
    retries: int
    backoff_base: float
    max_retry_after: float = 120.0
    respect_robots: bool = True
    max_backoff: float = 60.0
    max_redirects: int = 5
    total_timeout: float = 600.0

    def __post_init__(self) -> None:
        # Fail at start-up on a bad config, not at 2 a.m. on the first request.
        if not self.user_agent.strip():
            raise ValueError("user_agent must not be empty")
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be > 0")
        for name in ("per_host_delay", "backoff_base", "max_retry_after", "max_backoff"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0")
        if self.max_bytes <= 0:
            raise ValueError("max_bytes must be > 0")
        if self.max_in_flight_per_host < 1:
            raise ValueError("max_in_flight_per_host must be >= 1")
        if self.retries < 0:
            raise ValueError("retries must be >= 0")
        if self.max_redirects < 0:
            raise ValueError("max_redirects must be >= 0")


@dataclass(frozen=True)
class FetchResult:
    """One successful fetch (2xx, or 304 when a conditional request found no change).

    `url` is the final URL after redirects, which is the one relative links resolve
    against. `content` is None exactly when `not_modified`. `etag`/`last_modified` are the
    validators to store for the next run (the response's, or the ones sent if a 304 did
    not repeat them). `elapsed` is seconds for the whole call, waits and retries
    included; `attempts` is 1 plus the number of retries used (redirect hops are not
    retries).
    """

    requested_url: str
    url: str
    status: int
    content: bytes | None
    content_type: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool
    elapsed: float
    attempts: int


# --------------------------------------------------------------------------- errors


class FetchError(Exception):
    """A URL that could not be fetched; `reason` is a short code the flow counts by."""

    reason: str = "fetch_error"

    def __init__(self, reason: str | None = None, detail: str = "", url: str | None = None):
        if reason is not None:
            self.reason = reason
        self.detail = detail
        self.url = url
        super().__init__(f"{self.reason}: {detail}" if detail else self.reason)


class BadScheme(FetchError):
    reason = "bad_scheme"


class BadUrl(FetchError):
    reason = "bad_url"


class HostNotAllowed(FetchError):
    reason = "host_not_allowed"


class PrivateAddress(FetchError):
    reason = "private_address"


class RedirectNotAllowed(FetchError):
    reason = "redirect_not_allowed"


class TooManyRedirects(FetchError):
    reason = "too_many_redirects"


class RobotsDisallowed(FetchError):
    reason = "robots_disallowed"


class TooLarge(FetchError):
    reason = "too_large"


class FetchTimeout(FetchError):
    reason = "timeout"


class ConnectionFailed(FetchError):
    reason = "connection_error"


class RetryAfterTooLong(FetchError):
    reason = "retry_after_too_long"


class HttpStatusError(FetchError):
    """A final non-2xx answer; reason is "http_<status>"."""

    def __init__(self, status: int, detail: str = "", url: str | None = None):
        self.status = status
        super().__init__(f"http_{status}", detail, url)


class _Retryable(Exception):
    """Internal: one attempt failed in a way worth another try."""

    def __init__(self, error: FetchError, retry_after: float | None = None):
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after


# --------------------------------------------------------------------------- helpers


def is_forbidden_address(address: str) -> bool:
    """True for addresses a public-web fetch must never reach.

    Loopback, link-local (cloud metadata lives at 169.254.169.254), private, multicast,
    reserved, unspecified and anything else not globally routable; IPv4-mapped IPv6
    addresses are judged by the IPv4 address they carry.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        ip.is_loopback
        or ip.is_link_local
        or ip.is_private
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def _system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or HTTP-date), None if unusable."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


def _origin(parts: SplitResult) -> str:
    return urlunsplit((parts.scheme, parts.netloc.rsplit("@", 1)[-1].lower(), "", "", ""))


@dataclass
class _HostState:
    """Politeness bookkeeping for one host, shared by all threads of a Fetcher."""

    lock: threading.Lock
    in_flight: threading.BoundedSemaphore
    next_start: float = float("-inf")


# --------------------------------------------------------------------------- fetcher


class Fetcher:
    """Fetches URLs under a `FetchPolicy`; one instance per run, shared by worker threads.

    State that must be shared across threads lives here: per-host spacing and in-flight
    semaphores, and the robots.txt verdicts (fetched once per origin per Fetcher, so once
    a night). `sleep`, `rng`, `clock` and `resolver` are injectable so tests can observe
    backoff and spacing without waiting and fake DNS without a network.

    robots.txt handling follows RFC 9309 except for one deliberate deviation: when
    robots.txt answers 5xx or cannot be reached, the RFC says to assume full disallow; we
    assume allow and log a warning. A nightly job that reads a handful of pages per source
    with per-host spacing and one request in flight is not a load risk, whereas silently
    dropping a whole source for the night because its robots.txt had a bad moment would
    leave unexplained gaps in a years-long series. The warning makes the choice visible,
    and the next run asks again. A 4xx robots.txt (404 included) means "no rules": allow.
    """

    def __init__(
        self,
        policy: FetchPolicy,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        resolver: Resolver | None = None,
    ) -> None:
        self.policy = policy
        self._sleep = sleep
        # A fresh Random per Fetcher: a default argument instance would be shared by all.
        self._rng = rng if rng is not None else random.Random()
        self._clock = clock
        self._resolve: Resolver = resolver if resolver is not None else _system_resolver
        self._shared_session = session
        self._local = threading.local()
        self._own_sessions: list[requests.Session] = []
        self._lock = threading.Lock()
        self._hosts: dict[str, _HostState] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._robots_locks: dict[str, threading.Lock] = {}

    # ----------------------------------------------------------------- lifecycle

    def close(self) -> None:
        """Close the sessions this Fetcher created (an injected session is the caller's)."""
        with self._lock:
            sessions, self._own_sessions = self._own_sessions, []
        for session in sessions:
            session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _session(self) -> requests.Session:
        # requests.Session is not documented as thread-safe, so each worker thread gets its
        # own (connection pools are per session) unless the caller injected one.
        if self._shared_session is not None:
            return self._shared_session
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            self._local.session = session
            with self._lock:
                self._own_sessions.append(session)
        return session

    # ----------------------------------------------------------------- public

    def fetch(
        self,
        url: str,
        *,
        allowed_hosts: Collection[str],
        allow_private: bool = False,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> FetchResult:
        """GET `url`, following redirects within `allowed_hosts`; raise `FetchError` on failure.

        Every check that can refuse a URL (scheme, host, address, robots.txt) runs before
        any connection to it, and again for every redirect hop, so a page cannot talk us
        into fetching somewhere its source did not name.
        """
        if isinstance(allowed_hosts, str):
            # "www.a.cn" in "www.a.cn.evil.com" would be True for a str: refuse the mistake.
            raise TypeError("allowed_hosts must be a collection of host names, not a str")
        hosts = frozenset(h.lower().rstrip(".") for h in allowed_hosts)
        return self._fetch(
            url,
            hosts=hosts,
            allow_private=allow_private,
            etag=etag,
            last_modified=last_modified,
            max_bytes=self.policy.max_bytes,
            check_robots=self.policy.respect_robots,
        )

    # ----------------------------------------------------------------- core

    def _fetch(
        self,
        url: str,
        *,
        hosts: frozenset[str],
        allow_private: bool,
        etag: str | None,
        last_modified: str | None,
        max_bytes: int,
        check_robots: bool,
    ) -> FetchResult:
        started = self._clock()
        current = url
        attempts = 1
        for hop in range(self.policy.max_redirects + 1):
            parts = self._check_target(
                current, hosts=hosts, allow_private=allow_private, redirected=hop > 0
            )
            if check_robots:
                self._check_robots(current, parts, hosts=hosts, allow_private=allow_private)
            response, content, used = self._request_with_retries(
                current,
                parts,
                etag=etag,
                last_modified=last_modified,
                max_bytes=max_bytes,
            )
            attempts += used - 1
            status = response.status_code
            if status in REDIRECT_STATUSES:
                location = response.headers.get("Location")
                if not location:
                    raise HttpStatusError(status, "redirect without Location", url=current)
                target = urljoin(current, location.strip())
                logger.info(
                    "redirect %s -> %s (%d)",
                    current,
                    target,
                    status,
                    extra={"http_url": current, "http_status": status, "http_target": target},
                )
                current = target
                continue
            headers = response.headers
            not_modified = status == 304
            if not not_modified and not 200 <= status < 300:
                raise HttpStatusError(status, f"GET {current}", url=current)
            return FetchResult(
                requested_url=url,
                url=current,
                status=status,
                content=None if not_modified else content,
                content_type=headers.get("Content-Type"),
                etag=headers.get("ETag") or (etag if not_modified else None),
                last_modified=headers.get("Last-Modified")
                or (last_modified if not_modified else None),
                not_modified=not_modified,
                elapsed=self._clock() - started,
                attempts=attempts,
            )
        raise TooManyRedirects(
            detail=f"more than {self.policy.max_redirects} redirects from {url}", url=url
        )

    def _check_target(
        self, url: str, *, hosts: frozenset[str], allow_private: bool, redirected: bool
    ) -> SplitResult:
        """Refuse a URL before any byte is sent to it; return its parts."""
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").rstrip(".")
            port = parts.port
        except ValueError as exc:
            raise BadUrl(detail=f"{url!r}: {exc}", url=url) from exc
        scheme = parts.scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            if redirected:
                raise RedirectNotAllowed(detail=f"redirect to scheme {scheme!r}: {url}", url=url)
            raise BadScheme(detail=f"scheme {scheme!r} refused: {url}", url=url)
        if not host:
            raise BadUrl(detail=f"no host in {url!r}", url=url)
        if host not in hosts:
            if redirected:
                raise RedirectNotAllowed(detail=f"redirect to host {host!r}: {url}", url=url)
            raise HostNotAllowed(detail=f"host {host!r} not in allowed_hosts", url=url)
        if not allow_private:
            if port is None:
                port = 443 if scheme == "https" else 80
            try:
                addresses = self._resolve(host, port)
            except OSError as exc:
                # Unresolvable now may resolve tomorrow: count it with connection errors.
                raise ConnectionFailed(detail=f"cannot resolve {host!r}: {exc}", url=url) from exc
            bad = [a for a in addresses if is_forbidden_address(a)]
            if bad or not addresses:
                raise PrivateAddress(
                    detail=f"{host!r} resolves to non-public {', '.join(bad) or 'nothing'}",
                    url=url,
                )
        return parts

    def _host_state(self, host: str) -> _HostState:
        with self._lock:
            state = self._hosts.get(host)
            if state is None:
                state = _HostState(
                    lock=threading.Lock(),
                    in_flight=threading.BoundedSemaphore(self.policy.max_in_flight_per_host),
                )
                self._hosts[host] = state
            return state

    def _wait_for_slot(self, state: _HostState) -> None:
        """Reserve the next start time on this host, then sleep until it comes.

        Reserving under the lock and sleeping outside it lets several threads queue up
        correctly spaced starts without holding each other up.
        """
        with state.lock:
            now = self._clock()
            start = max(now, state.next_start)
            state.next_start = start + self.policy.per_host_delay
        wait = start - now
        if wait > 0:
            self._sleep(wait)

    def _request_with_retries(
        self,
        url: str,
        parts: SplitResult,
        *,
        etag: str | None,
        last_modified: str | None,
        max_bytes: int,
    ) -> tuple[requests.Response, bytes, int]:
        """One hop: up to 1 + retries attempts; returns (response, body, attempts used)."""
        policy = self.policy
        state = self._host_state((parts.hostname or "").lower())
        headers = {"User-Agent": policy.user_agent}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            attempt += 1
            try:
                response, content = self._attempt(url, headers, state, max_bytes, attempt)
                return response, content, attempt
            except _Retryable as failure:
                error = failure.error
                if failure.retry_after is not None and failure.retry_after > policy.max_retry_after:
                    raise RetryAfterTooLong(
                        detail=f"Retry-After {failure.retry_after:g}s > "
                        f"{policy.max_retry_after:g}s ({error.reason}) for {url}",
                        url=url,
                    ) from None
                if attempt > policy.retries:
                    logger.warning(
                        "giving up on %s after %d attempts: %s",
                        url,
                        attempt,
                        error,
                        extra={"http_url": url, "http_reason": error.reason},
                    )
                    raise error from None
                if failure.retry_after is not None:
                    delay = failure.retry_after
                else:
                    ceiling = min(policy.max_backoff, policy.backoff_base * 2 ** (attempt - 1))
                    delay = self._rng.uniform(0, ceiling)
                logger.warning(
                    "retry %d/%d for %s in %.2fs after %s",
                    attempt,
                    policy.retries,
                    url,
                    delay,
                    error,
                    extra={
                        "http_url": url,
                        "http_reason": error.reason,
                        "http_attempt": attempt,
                        "http_delay": delay,
                    },
                )
                self._sleep(delay)

    def _attempt(
        self,
        url: str,
        headers: dict[str, str],
        state: _HostState,
        max_bytes: int,
        attempt: int,
    ) -> tuple[requests.Response, bytes]:
        """One request under the host's in-flight limit; body read within the byte cap."""
        policy = self.policy
        with state.in_flight:
            self._wait_for_slot(state)
            began = self._clock()
            try:
                response = self._session().get(
                    url,
                    headers=headers,
                    timeout=(policy.connect_timeout, policy.read_timeout),
                    stream=True,
                    allow_redirects=False,
                )
            except requests.RequestException as exc:
                raise self._classify(exc, url) from None
            try:
                status = response.status_code
                logger.info(
                    "GET %s -> %d (attempt %d)",
                    url,
                    status,
                    attempt,
                    extra={"http_url": url, "http_status": status, "http_attempt": attempt},
                )
                if status == 429 or status >= 500:
                    retry_after = parse_retry_after(response.headers.get("Retry-After"))
                    raise _Retryable(HttpStatusError(status, f"GET {url}", url=url), retry_after)
                if status in REDIRECT_STATUSES or status == 304 or not 200 <= status < 300:
                    return response, b""
                content = self._read_body(response, url, max_bytes, began)
                logger.debug(
                    "read %d bytes from %s in %.2fs",
                    len(content),
                    url,
                    self._clock() - began,
                    extra={"http_url": url, "http_bytes": len(content)},
                )
                return response, content
            finally:
                # Closing an unconsumed streamed response drops the connection instead of
                # draining it, which is what we want after an oversized or failed body.
                response.close()

    def _read_body(
        self, response: requests.Response, url: str, max_bytes: int, began: float
    ) -> bytes:
        """The body, never more than `max_bytes` of it in memory (decoded size counts).

        Reads with `raw.read1` rather than `iter_content`: `iter_content` blocks until a
        whole chunk has arrived, so a server dripping a byte every few seconds would stay
        under the read timeout and hold the worker for hours; `read1` returns what has
        arrived, which lets the `total_timeout` check run between packets. Same
        decoding (gzip/deflate) as `iter_content`, so a compression bomb hits the cap too.
        """
        declared = response.headers.get("Content-Length")
        if declared is not None and declared.strip().isdigit() and int(declared) > max_bytes:
            raise TooLarge(detail=f"Content-Length {declared} > {max_bytes} for {url}", url=url)
        raw = response.raw
        buffer = io.BytesIO()
        total = 0
        while True:
            try:
                chunk = raw.read1(CHUNK_SIZE, decode_content=True)
            except urllib3.exceptions.ReadTimeoutError as exc:
                raise _Retryable(
                    FetchTimeout(detail=f"read timeout in body: {exc}", url=url)
                ) from None
            except urllib3.exceptions.DecodeError as exc:
                raise FetchError("decode_error", f"{exc}", url) from None
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                # Reset mid-body, or closed short of Content-Length: worth another try.
                raise _Retryable(
                    ConnectionFailed(detail=f"{type(exc).__name__}: {exc}", url=url)
                ) from None
            if not chunk:
                return buffer.getvalue()
            total += len(chunk)
            if total > max_bytes:
                raise TooLarge(detail=f"body exceeds {max_bytes} bytes for {url}", url=url)
            buffer.write(chunk)
            if self._clock() - began > self.policy.total_timeout:
                raise _Retryable(
                    FetchTimeout(
                        detail=f"body not complete after {self.policy.total_timeout:g}s: {url}",
                        url=url,
                    )
                )

    @staticmethod
    def _classify(exc: requests.RequestException, url: str) -> Exception:
        """Map a requests exception to a retryable failure or a final FetchError."""
        detail = f"{type(exc).__name__}: {exc}"
        if isinstance(exc, requests.Timeout):
            return _Retryable(FetchTimeout(detail=detail, url=url))
        if isinstance(exc, requests.exceptions.SSLError):
            # A bad certificate does not fix itself within a backoff.
            return FetchError("tls_error", detail, url)
        if isinstance(exc, requests.ConnectionError):
            # requests wraps a read timeout *during the body* in a ConnectionError.
            cause = exc.args[0] if exc.args else None
            if isinstance(cause, urllib3.exceptions.ReadTimeoutError):
                return _Retryable(FetchTimeout(detail=detail, url=url))
            return _Retryable(ConnectionFailed(detail=detail, url=url))
        if isinstance(exc, requests.exceptions.ChunkedEncodingError):
            # The connection broke mid-body (reset, or closed short of Content-Length).
            return _Retryable(ConnectionFailed(detail=detail, url=url))
        if isinstance(exc, requests.exceptions.ContentDecodingError):
            return FetchError("decode_error", detail, url)
        if isinstance(
            exc,
            requests.exceptions.InvalidURL
            | requests.exceptions.MissingSchema
            | requests.exceptions.InvalidSchema,
        ):
            return BadUrl(detail=detail, url=url)
        return FetchError("request_error", detail, url)

    # ----------------------------------------------------------------- robots.txt

    def _check_robots(
        self,
        url: str,
        parts: SplitResult,
        *,
        hosts: frozenset[str],
        allow_private: bool,
    ) -> None:
        origin = _origin(parts)
        rules = self._robots_for(origin, hosts=hosts, allow_private=allow_private)
        if rules is not None and not rules.can_fetch(self.policy.user_agent, url):
            raise RobotsDisallowed(detail=f"robots.txt of {origin} disallows {url}", url=url)

    def _robots_for(
        self, origin: str, *, hosts: frozenset[str], allow_private: bool
    ) -> urllib.robotparser.RobotFileParser | None:
        """The parsed robots.txt of an origin, fetched once per Fetcher; None = allow all."""
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one fetch per origin even when many workers ask at once
            if origin in self._robots:
                return self._robots[origin]
            rules = self._load_robots(origin, hosts=hosts, allow_private=allow_private)
            self._robots[origin] = rules
            return rules

    def _load_robots(
        self, origin: str, *, hosts: frozenset[str], allow_private: bool
    ) -> urllib.robotparser.RobotFileParser | None:
        robots_url = origin + "/robots.txt"
        try:
            result = self._fetch(
                robots_url,
                hosts=hosts,
                allow_private=allow_private,
                etag=None,
                last_modified=None,
                max_bytes=ROBOTS_MAX_BYTES,
                check_robots=False,
            )
        except HttpStatusError as exc:
            if 400 <= exc.status < 500:
                logger.info("no robots.txt at %s (%d): allow all", origin, exc.status)
                return None
            logger.warning("robots.txt of %s unavailable (%s): treating as allow", origin, exc)
            return None
        except FetchError as exc:
            logger.warning("robots.txt of %s unavailable (%s): treating as allow", origin, exc)
            return None
        rules = urllib.robotparser.RobotFileParser(robots_url)
        text = (result.content or b"").decode("utf-8", errors="replace")
        rules.parse(text.splitlines())
        return rules
