"""The one HTTP seam of the project: every byte the pipeline pulls off the network comes
through `Fetcher.fetch`.

Why one seam: the job runs unattended every night for years against sites we do not
control. Politeness (per-host spacing, bounded concurrency, robots.txt), safety (only the
hosts a source names, no internal addresses, no `file:`), and resource bounds (timeouts,
a byte cap enforced while streaming, bounded retries) must hold for every request, and
that is only checkable if there is exactly one place that makes requests. Parsers get
bytes, never URLs to open.

The requests themselves (`Fetcher._send`) and name resolution are made here and nowhere
else. The rules around them live beside this module, each used only by `Fetcher`:
`http_targets` (which URLs may be reached), `http_politeness` (per-host spacing and
concurrency, the robots.txt cache), `http_transfer` (one attempt and its byte cap),
`http_retry` (what is retried, and after how long) and `http_errors` (the failure kinds
below).

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
"""

from __future__ import annotations

import logging
import random
import socket
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from urllib.parse import SplitResult, urljoin

import requests

from extract.http_errors import FetchError, HttpStatusError, RobotsDisallowed, TooManyRedirects
from extract.http_politeness import (
    ROBOTS_MAX_BYTES,
    HostSlots,
    RobotsCache,
    Rules,
    origin_of,
    parse_robots,
)
from extract.http_retry import request_with_retries
from extract.http_targets import Resolver, check_target
from extract.http_transfer import REDIRECT_STATUSES, Transfer

__all__ = ["FetchPolicy", "FetchResult", "Fetcher"]

logger = logging.getLogger("chinasci.http")


def _system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


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
        self._slots = HostSlots(
            max_in_flight=policy.max_in_flight_per_host,
            delay=policy.per_host_delay,
            clock=clock,
            sleep=sleep,
        )
        self._transfer = Transfer(policy, self._slots, self._send, clock)
        self._robots = RobotsCache()

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

    def _send(self, url: str, headers: dict[str, str]) -> requests.Response:
        """The one GET of the project: streamed, redirects left to `_fetch` to vet."""
        return self._session().get(
            url,
            headers=headers,
            timeout=(self.policy.connect_timeout, self.policy.read_timeout),
            stream=True,
            allow_redirects=False,
        )

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
            parts = check_target(
                current,
                hosts=hosts,
                allow_private=allow_private,
                redirected=hop > 0,
                resolve=self._resolve,
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
        state = self._slots.state((parts.hostname or "").lower())
        headers = {"User-Agent": policy.user_agent}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return request_with_retries(
            url,
            lambda attempt: self._transfer.attempt(url, headers, state, max_bytes, attempt),
            policy=policy,
            rng=self._rng,
            sleep=self._sleep,
        )

    # ----------------------------------------------------------------- robots.txt

    def _check_robots(
        self,
        url: str,
        parts: SplitResult,
        *,
        hosts: frozenset[str],
        allow_private: bool,
    ) -> None:
        origin = origin_of(parts)
        rules = self._robots.rules_for(
            origin, lambda: self._load_robots(origin, hosts=hosts, allow_private=allow_private)
        )
        if rules is not None and not rules.can_fetch(self.policy.user_agent, url):
            raise RobotsDisallowed(detail=f"robots.txt of {origin} disallows {url}", url=url)

    def _load_robots(
        self, origin: str, *, hosts: frozenset[str], allow_private: bool
    ) -> Rules | None:
        """The parsed robots.txt of an origin; None = allow all (see the class docstring)."""
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
        return parse_robots(robots_url, result.content)
