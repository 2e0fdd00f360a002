"""What a `[[sources]]` entry may say: its keys per kind, its id, url, hosts and selectors.

The rules are named data (which keys each kind takes, what an id and a host name look
like) with small checks that apply them; `sources._read_source` calls them in order and
builds the `SourceConfig`. Web sources are checked hardest because they decide where the
nightly job connects: the url must be absolute http(s), `allowed_hosts` must contain the
url's own host (else the source could never be fetched), and a private address must be
asked for explicitly with `allow_private`, so a typo cannot point the job inward.
"""

from __future__ import annotations

import ipaddress
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import soupsieve

from extract.config_table import Table

if TYPE_CHECKING:
    from extract.sources import SampleSite

__all__ = [
    "ALL_SOURCE_KEYS",
    "KEYS_BY_KIND",
    "check_id",
    "check_kind_keys",
    "check_selector",
    "read_allowed_hosts",
    "read_url",
]

_COMMON_KEYS = ("id", "kind", "doc_type")
_WEB_KEYS = ("url", "allowed_hosts", "allow_private")
KEYS_BY_KIND: dict[str, tuple[str, ...]] = {
    "feed": _COMMON_KEYS + _WEB_KEYS,
    "listing": _COMMON_KEYS + _WEB_KEYS + ("link_selector", "next_selector", "max_pages"),
    "folder": _COMMON_KEYS + ("path",),
}
ALL_SOURCE_KEYS = frozenset(k for keys in KEYS_BY_KIND.values() for k in keys)
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_HOST_RE = re.compile(r"^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def check_id(table: Table, source_id: str | None) -> None:
    if source_id is not None and not _ID_RE.match(source_id):
        table.problem(
            "field 'id' must be letters, digits, '.', '_' or '-', starting with a letter or "
            f"digit (it is used in file names and folder:// URLs), got {source_id!r}"
        )


def check_kind_keys(table: Table, kind: str) -> None:
    """Report keys of another kind (named as such) and keys of no kind at all."""
    allowed = KEYS_BY_KIND[kind]
    for key in table.data:
        if key in ALL_SOURCE_KEYS and key not in allowed:
            owners = [k for k, keys in KEYS_BY_KIND.items() if key in keys]
            table.problem(
                f"field '{key}' does not apply to kind '{kind}' "
                f"(it is for {' and '.join(owners)} sources)"
            )
    table.unknown_keys(ALL_SOURCE_KEYS)


def read_url(table: Table, sample_site: SampleSite | None, has_site_table: bool) -> str | None:
    url = table.string("url")
    if url is None:
        return None
    for name in _PLACEHOLDER.findall(url):
        if name != "sample_site":
            table.problem(
                f"field 'url' uses unknown placeholder {{{name}}} (only {{sample_site}} "
                f"is defined), got {url!r}"
            )
            return None
    if "{sample_site}" in url:
        if sample_site is None:
            reason = "is invalid" if has_site_table else "is missing"
            table.problem(
                f"field 'url' uses {{sample_site}} but the [sample_site] table {reason}, "
                f"got {url!r}"
            )
            return None
        url = url.replace("{sample_site}", sample_site.base_url)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        table.problem(f"field 'url' must be an absolute http:// or https:// URL, got {url!r}")
        return None
    return url


def read_allowed_hosts(table: Table, url: str | None, allow_private: bool) -> tuple[str, ...]:
    """The hosts a web source may be fetched from; the url's own host when none are listed."""
    hosts: tuple[str, ...] = ()
    listed = table.strings("allowed_hosts")
    if listed is not None:
        bad = [h for h in listed if not _HOST_RE.match(h.lower()) and not _is_ip(h)]
        if bad:
            table.problem(
                "field 'allowed_hosts' must list host names such as 'www.example.org' "
                f"(no scheme, port or path), got {bad[0]!r}"
            )
        hosts = tuple(h.lower() for h in listed)
    host = urlsplit(url).hostname if url else None
    if host:
        if listed is None:
            hosts = (host,)
        elif not any(_host_matches(host, pattern) for pattern in hosts):
            table.problem(
                f"field 'allowed_hosts' does not include the host of url ({host!r}), "
                "so the source itself could not be fetched"
            )
        if _is_private_host(host) and not allow_private:
            table.problem(
                f"field 'url' points at a private address ({host!r}); set "
                "allow_private = true if that is intended"
            )
    return hosts


def check_selector(table: Table, key: str, selector: str | None) -> None:
    if selector is None:
        return
    try:
        soupsieve.compile(selector)
    except soupsieve.SelectorSyntaxError as exc:
        first_line = str(exc).splitlines()[0]
        table.problem(f"field '{key}' is not a valid CSS selector ({first_line}), got {selector!r}")


def _is_private_host(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return not address.is_global


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _host_matches(host: str, pattern: str) -> bool:
    """`www.x.org` matches itself; `*.x.org` matches any subdomain of x.org."""
    host = host.lower()
    if pattern.startswith("*."):
        return host.endswith(pattern[1:])
    return host == pattern
