"""Politeness towards the sites we read: per-host spacing and concurrency, and robots.txt.

The sites are not ours and are read every night for years, so each host gets its
requests spaced by the policy's `per_host_delay` and at most `max_in_flight_per_host`
of them at once, whichever worker thread sends them. Retries and robots.txt requests go
through the same slots, so a struggling host is not hit harder because it is struggling.

robots.txt is fetched once per origin per Fetcher (so once a night) and its verdict
shared: many workers reach the same site at once at the start of a run, and a lock per
origin makes the first of them fetch it while the others wait for the verdict instead
of each asking the site again. The fetching itself is the Fetcher's, through the same
checks and limits as any request; this module holds the cache, the parsing and the cap.
"""

from __future__ import annotations

import threading
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import SplitResult, urlunsplit

__all__ = [
    "ROBOTS_MAX_BYTES",
    "HostSlots",
    "HostState",
    "RobotsCache",
    "Rules",
    "origin_of",
    "parse_robots",
]

# robots.txt is small by nature; Google stops reading at 500 KiB and so do we.
ROBOTS_MAX_BYTES = 512 * 1024

Rules = urllib.robotparser.RobotFileParser

# ------------------------------------------------------------------ per-host slots


@dataclass
class HostState:
    """Politeness bookkeeping for one host, shared by all threads of a Fetcher."""

    lock: threading.Lock
    in_flight: threading.BoundedSemaphore
    next_start: float = float("-inf")


class HostSlots:
    """The `HostState` of every host one Fetcher has talked to, and the wait for a start.

    `clock` and `sleep` are the Fetcher's, so tests that inject them observe the spacing
    without waiting.
    """

    def __init__(
        self,
        *,
        max_in_flight: int,
        delay: float,
        clock: Callable[[], float],
        sleep: Callable[[float], None],
    ) -> None:
        self._max_in_flight = max_in_flight
        self._delay = delay
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._hosts: dict[str, HostState] = {}

    def state(self, host: str) -> HostState:
        with self._lock:
            state = self._hosts.get(host)
            if state is None:
                state = HostState(
                    lock=threading.Lock(),
                    in_flight=threading.BoundedSemaphore(self._max_in_flight),
                )
                self._hosts[host] = state
            return state

    def wait_for_slot(self, state: HostState) -> None:
        """Reserve the next start time on this host, then sleep until it comes.

        Reserving under the lock and sleeping outside it lets several threads queue up
        correctly spaced starts without holding each other up.
        """
        with state.lock:
            now = self._clock()
            start = max(now, state.next_start)
            state.next_start = start + self._delay
        wait = start - now
        if wait > 0:
            self._sleep(wait)


# ------------------------------------------------------------------ robots.txt


def origin_of(parts: SplitResult) -> str:
    return urlunsplit((parts.scheme, parts.netloc.rsplit("@", 1)[-1].lower(), "", "", ""))


def parse_robots(robots_url: str, content: bytes | None) -> Rules:
    rules = urllib.robotparser.RobotFileParser(robots_url)
    text = (content or b"").decode("utf-8", errors="replace")
    rules.parse(text.splitlines())
    return rules


class RobotsCache:
    """The parsed robots.txt of each origin a Fetcher has asked about; None = allow all."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: dict[str, Rules | None] = {}
        self._locks: dict[str, threading.Lock] = {}

    def rules_for(self, origin: str, load: Callable[[], Rules | None]) -> Rules | None:
        """The cached verdict of `origin`, calling `load` for it only the first time."""
        with self._lock:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:  # one fetch per origin even when many workers ask at once
            if origin in self._rules:
                return self._rules[origin]
            rules = load()
            self._rules[origin] = rules
            return rules
