"""One GET attempt: sent under the host's limits, its body read within the byte cap.

The memory and time bounds of the nightly job are enforced here, while the body
streams in, not after it has arrived: a Content-Length over the cap is refused before
reading, a body that grows past it (decompressed size counts, so a compression bomb
stops too) is dropped mid-stream, and a server dripping bytes slowly enough to dodge the
read timeout is cut off by `policy.total_timeout`.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import requests
import urllib3.exceptions

from extract.http_errors import (
    ConnectionFailed,
    FetchError,
    FetchTimeout,
    HttpStatusError,
    Retryable,
    TooLarge,
)
from extract.http_politeness import HostSlots, HostState
from extract.http_retry import classify, parse_retry_after

if TYPE_CHECKING:
    from extract.http import FetchPolicy

__all__ = ["CHUNK_SIZE", "REDIRECT_STATUSES", "Transfer"]

logger = logging.getLogger("chinasci.http")

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CHUNK_SIZE = 64 * 1024


class Transfer:
    """Makes single attempts for a Fetcher, with its policy, host slots and clock.

    `send` is the Fetcher's own GET, so the request still leaves through the seam; this
    class decides what the answer means and how much of it to read.
    """

    def __init__(
        self,
        policy: FetchPolicy,
        slots: HostSlots,
        send: Callable[[str, dict[str, str]], requests.Response],
        clock: Callable[[], float],
    ) -> None:
        self.policy = policy
        self._slots = slots
        self._send = send
        self._clock = clock

    def attempt(
        self,
        url: str,
        headers: dict[str, str],
        state: HostState,
        max_bytes: int,
        attempt: int,
    ) -> tuple[requests.Response, bytes]:
        """One request under the host's in-flight limit; body read within the byte cap."""
        with state.in_flight:
            self._slots.wait_for_slot(state)
            began = self._clock()
            try:
                response = self._send(url, headers)
            except requests.RequestException as exc:
                raise classify(exc, url) from None
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
                    raise Retryable(HttpStatusError(status, f"GET {url}", url=url), retry_after)
                if status in REDIRECT_STATUSES or status == 304 or not 200 <= status < 300:
                    return response, b""
                content = self.read_body(response, url, max_bytes, began)
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

    def read_body(
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
                raise Retryable(
                    FetchTimeout(detail=f"read timeout in body: {exc}", url=url)
                ) from None
            except urllib3.exceptions.DecodeError as exc:
                raise FetchError("decode_error", f"{exc}", url) from None
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                # Reset mid-body, or closed short of Content-Length: worth another try.
                raise Retryable(
                    ConnectionFailed(detail=f"{type(exc).__name__}: {exc}", url=url)
                ) from None
            if not chunk:
                return buffer.getvalue()
            total += len(chunk)
            if total > max_bytes:
                raise TooLarge(detail=f"body exceeds {max_bytes} bytes for {url}", url=url)
            buffer.write(chunk)
            if self._clock() - began > self.policy.total_timeout:
                raise Retryable(
                    FetchTimeout(
                        detail=f"body not complete after {self.policy.total_timeout:g}s: {url}",
                        url=url,
                    )
                )
