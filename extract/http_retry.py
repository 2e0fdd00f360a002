"""Which failed attempts are worth another try, and how long to wait before it.

A night's run meets flaky sites: a 503 during a deploy, a reset connection, a read that
times out. Those get `policy.retries` more attempts, spaced by exponential backoff with
full jitter so parallel workers retrying one host do not stampede in step, or by the
server's own Retry-After when it sends one. What will not fix itself within a backoff (a
bad certificate, a malformed URL, a body over the cap) fails at once. A server asking
to wait longer than `policy.max_retry_after` fails the item rather than stall the night.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

import requests
import urllib3.exceptions

from extract.http_errors import (
    BadUrl,
    ConnectionFailed,
    FetchError,
    FetchTimeout,
    Retryable,
    RetryAfterTooLong,
)

if TYPE_CHECKING:
    from extract.http import FetchPolicy

__all__ = ["classify", "parse_retry_after", "request_with_retries"]

logger = logging.getLogger("chinasci.http")


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


def classify(exc: requests.RequestException, url: str) -> Exception:
    """Map a requests exception to a retryable failure or a final FetchError."""
    detail = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, requests.Timeout):
        return Retryable(FetchTimeout(detail=detail, url=url))
    if isinstance(exc, requests.exceptions.SSLError):
        # A bad certificate does not fix itself within a backoff.
        return FetchError("tls_error", detail, url)
    if isinstance(exc, requests.ConnectionError):
        # requests wraps a read timeout *during the body* in a ConnectionError.
        cause = exc.args[0] if exc.args else None
        if isinstance(cause, urllib3.exceptions.ReadTimeoutError):
            return Retryable(FetchTimeout(detail=detail, url=url))
        return Retryable(ConnectionFailed(detail=detail, url=url))
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        # The connection broke mid-body (reset, or closed short of Content-Length).
        return Retryable(ConnectionFailed(detail=detail, url=url))
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


def request_with_retries(
    url: str,
    attempt_once: Callable[[int], tuple[requests.Response, bytes]],
    *,
    policy: FetchPolicy,
    rng: random.Random,
    sleep: Callable[[float], None],
) -> tuple[requests.Response, bytes, int]:
    """One hop: up to 1 + retries attempts; returns (response, body, attempts used).

    `attempt_once(n)` makes attempt number `n` and raises `Retryable` when it is worth
    another; a final failure is raised as the `FetchError` it carries.
    """
    attempt = 0
    while True:
        attempt += 1
        try:
            response, content = attempt_once(attempt)
            return response, content, attempt
        except Retryable as failure:
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
                delay = rng.uniform(0, ceiling)
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
            sleep(delay)
