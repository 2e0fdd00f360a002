"""Why a fetch failed, as exceptions the flow can count without parsing messages.

Each failure carries a short snake_case `.reason` ("http_404", "timeout", "too_large",
...) so a night's failures can be tallied per source, and a `.detail` for the person
reading the log. One class per reason lets the fetcher's callers and tests catch a kind
of failure by type; `HttpStatusError` builds its reason from the status instead, because
there are too many statuses to name.

`Retryable` never leaves the HTTP seam: it marks an attempt whose failure is worth
another try, and the retry loop unwraps it into the `FetchError` it carries.
"""

from __future__ import annotations

__all__ = [
    "BadScheme",
    "BadUrl",
    "ConnectionFailed",
    "FetchError",
    "FetchTimeout",
    "HostNotAllowed",
    "HttpStatusError",
    "PrivateAddress",
    "RedirectNotAllowed",
    "RetryAfterTooLong",
    "Retryable",
    "RobotsDisallowed",
    "TooLarge",
    "TooManyRedirects",
]


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


class Retryable(Exception):
    """Internal: one attempt failed in a way worth another try."""

    def __init__(self, error: FetchError, retry_after: float | None = None):
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after
