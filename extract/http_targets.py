"""Which URLs the fetcher may connect to at all, decided before a byte is sent.

A source names its hosts, and a scraped page or a redirect must not talk the nightly job
into fetching anywhere else: not another host, not another scheme (`file:`), and not an
internal address (loopback, the cloud metadata service, a private network) that a
public name happens to resolve to. The checks run for the first URL and again for every
redirect hop, so they live here as one function the fetcher calls per hop.

Known limit: the private-address check resolves the name itself and then lets `requests`
resolve it again to connect, so a hostile DNS server that answers differently within
milliseconds (DNS rebinding) is not stopped. The check exists to catch configuration
mistakes and links into internal networks from scraped pages; pinning the checked address
for the connection would need a custom transport adapter.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Sequence
from urllib.parse import SplitResult, urlsplit

from extract.http_errors import (
    BadScheme,
    BadUrl,
    ConnectionFailed,
    HostNotAllowed,
    PrivateAddress,
    RedirectNotAllowed,
)

__all__ = [
    "ALLOWED_SCHEMES",
    "Resolver",
    "check_target",
    "is_forbidden_address",
]

ALLOWED_SCHEMES = frozenset({"http", "https"})

Resolver = Callable[[str, int], Sequence[str]]


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


def check_target(
    url: str,
    *,
    hosts: frozenset[str],
    allow_private: bool,
    redirected: bool,
    resolve: Resolver,
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
            addresses = resolve(host, port)
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
