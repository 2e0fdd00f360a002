"""How much memory does refusing an oversized body cost?

Starts the fault server on 127.0.0.1, fetches a 50 MB body with `max_bytes` = 5 MB, once
announced by Content-Length and once chunked without it (so the cap must be enforced while
streaming), and prints the peak RSS increase (getrusage) and the peak traced Python
allocation (tracemalloc) for each. A body just under the cap is fetched as a control: its
peak is what an accepted document costs. With `--naive` it also shows what
`requests.get(url).content` would have cost, for contrast.

Run from the repository root:  python benchmarks/fetch_memory.py [--naive]
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # repo root, for tests.extract

from extract.http import Fetcher, FetchError, FetchPolicy  # noqa: E402
from tests.extract.fault_server import DEFAULT_BIG, FaultServer  # noqa: E402

CAP = 5 * 1024 * 1024
MiB = 1024 * 1024


def peak_rss_bytes() -> int:
    """Peak resident set size of this process so far (ru_maxrss is KiB on Linux, B on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def attempt(fetch: Callable[[], object]) -> str:
    try:
        result = fetch()
    except FetchError as exc:
        return exc.reason
    content = getattr(result, "content", None)
    return f"ok, {len(content or b'')} bytes"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--naive", action="store_true", help="also measure requests' .content")
    args = parser.parse_args()

    policy = FetchPolicy(
        user_agent="chinasci-benchmark/0.1",
        connect_timeout=5.0,
        read_timeout=10.0,
        max_bytes=CAP,
        per_host_delay=0.0,
        max_in_flight_per_host=1,
        retries=0,
        backoff_base=0.1,
    )
    cases = {
        "50 MB with Content-Length": f"/big/{DEFAULT_BIG}",
        "50 MB chunked, no Content-Length": f"/big-chunked/{DEFAULT_BIG}",
        "control: accepted body just under the cap": f"/big-chunked/{CAP - 1}",
    }
    with FaultServer() as server, Fetcher(policy) as fetcher:
        hosts = {server.host}

        def run(path: str) -> Callable[[], object]:
            return lambda: fetcher.fetch(server.url(path), allowed_hosts=hosts, allow_private=True)

        attempt(run("/ok"))  # warm up: imports, connection pool, robots.txt
        gc.collect()
        print(f"max_bytes = {CAP / MiB:.1f} MiB, body served = {DEFAULT_BIG / MiB:.0f} MiB\n")

        # RSS first, without tracemalloc (which has its own overhead). ru_maxrss only rises,
        # so the cases run from the one expected to cost least to the one expected to cost most.
        print("peak RSS increase (getrusage):")
        for label, path in cases.items():
            before = peak_rss_bytes()
            outcome = attempt(run(path))
            gc.collect()
            grown = (peak_rss_bytes() - before) / MiB
            print(f"  {label:45s} {outcome:24s} +{grown:6.1f} MiB")

        print("\npeak traced Python allocation during the fetch (tracemalloc):")
        for label, path in cases.items():
            gc.collect()
            tracemalloc.start()
            outcome = attempt(run(path))
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"  {label:45s} {outcome:24s} {peak / MiB:6.1f} MiB")

        if args.naive:
            before = peak_rss_bytes()
            size = len(requests.get(server.url(f"/big-chunked/{DEFAULT_BIG}"), timeout=30).content)
            grown = (peak_rss_bytes() - before) / MiB
            print(f"\nnaive requests.get(...).content: {size} bytes, peak RSS +{grown:.1f} MiB")


if __name__ == "__main__":
    main()
