"""Collecting a source: discover its documents and fetch only what is new or changed.

For feeds and listings this is: fetch the index (conditionally), parse its links, then
fetch each link conditionally (ETag / Last-Modified), and recognise an unchanged 200 by
its content hash. Every failure is kept per item with a reason code, so one bad link never
stops a source and one bad source never stops a run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Literal, Protocol

from extract.documents import RawDocument, sha256_hex
from extract.feed import FeedError, parse_feed
from extract.folder import FolderError, scan_folder
from extract.http import Fetcher, FetchError, FetchResult
from extract.listing import parse_listing
from extract.sources import SourceConfig

log = logging.getLogger("chinasci.collect")

ItemStatus = Literal["new", "changed", "unchanged", "failed", "skipped"]


class KnownState(Protocol):
    etag: str | None
    last_modified: str | None
    content_sha256: str | None


@dataclass(frozen=True)
class ItemOutcome:
    """What became of one document URL in this run."""

    url: str
    status: ItemStatus
    raw: RawDocument | None = None
    reason: str | None = None
    detail: str | None = None
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    # Set when the bytes were put in the raw store while collecting (folder files, stored
    # as they are read so a folder is never held in memory whole); `raw.content` is empty.
    content_sha256: str | None = None


@dataclass
class SourceOutcome:
    source_id: str
    items: list[ItemOutcome] = field(default_factory=list)
    error: str | None = None  # the source itself failed (index unreachable, unparsable)
    requests: int = 0
    not_modified: int = 0


def _classify(
    url: str, content: bytes, known: Mapping[str, KnownState]
) -> Literal["new", "changed", "unchanged"]:
    state = known.get(url)
    if state is None or state.content_sha256 is None:
        return "new"
    return "unchanged" if state.content_sha256 == sha256_hex(content) else "changed"


def _fetch_conditional(
    fetcher: Fetcher,
    source: SourceConfig,
    url: str,
    known: Mapping[str, KnownState],
    outcome: SourceOutcome,
) -> FetchResult:
    state = known.get(url)
    result = fetcher.fetch(
        url,
        allowed_hosts=source.allowed_hosts,
        allow_private=source.allow_private,
        etag=state.etag if state else None,
        last_modified=state.last_modified if state else None,
    )
    outcome.requests += result.attempts
    if result.not_modified:
        outcome.not_modified += 1
    return result


def _index_bytes(
    fetcher: Fetcher,
    source: SourceConfig,
    url: str,
    known: Mapping[str, KnownState],
    load_raw: Callable[[str], bytes | None],
    outcome: SourceOutcome,
) -> tuple[bytes, FetchResult]:
    """An index page or feed; a 304 is answered from the stored copy of its last body."""
    result = _fetch_conditional(fetcher, source, url, known, outcome)
    if result.not_modified:
        state = known[url]
        stored = load_raw(state.content_sha256) if state.content_sha256 else None
        if stored is not None:
            return stored, result
        # The stored copy is gone: ask again without validators.
        result = fetcher.fetch(
            url, allowed_hosts=source.allowed_hosts, allow_private=source.allow_private
        )
        outcome.requests += result.attempts
    assert result.content is not None
    return result.content, result


def discover_links(
    fetcher: Fetcher,
    source: SourceConfig,
    known: Mapping[str, KnownState],
    load_raw: Callable[[str], bytes | None],
    outcome: SourceOutcome,
) -> tuple[list[tuple[str, str | None]], list[ItemOutcome]]:
    """(url, title) of every document the source points at, and the index pages fetched
    (recorded like items so their validators are kept for the next run)."""
    assert source.url is not None
    links: list[tuple[str, str | None]] = []
    indexes: list[ItemOutcome] = []
    if source.kind == "feed":
        content, result = _index_bytes(fetcher, source, source.url, known, load_raw, outcome)
        indexes.append(_index_outcome(source, result, content))
        for item in parse_feed(content, result.url):
            links.append((item.link, item.title))
    else:
        page_url: str | None = source.url
        seen: set[str] = set()
        pages = 0
        while page_url and page_url not in seen and pages < source.max_pages:
            seen.add(page_url)
            pages += 1
            content, result = _index_bytes(fetcher, source, page_url, known, load_raw, outcome)
            indexes.append(_index_outcome(source, result, content))
            urls, page_url = parse_listing(
                content, result.url, source.link_selector or "a", source.next_selector
            )
            links.extend((u, None) for u in urls)
    unique: dict[str, str | None] = {}
    for url, title in links:
        unique.setdefault(url, title)
    return list(unique.items()), indexes


def _index_outcome(source: SourceConfig, result: FetchResult, content: bytes) -> ItemOutcome:
    return ItemOutcome(
        url=result.requested_url,
        status="unchanged",
        http_status=result.status,
        etag=result.etag,
        last_modified=result.last_modified,
        raw=RawDocument(
            source_id=source.id,
            doc_type=source.doc_type,
            url=result.requested_url,
            content=content,
            content_type=result.content_type,
            fetched_at=datetime.now(UTC).replace(tzinfo=None),
        ),
    )


def collect_source(
    source: SourceConfig,
    fetcher: Fetcher | None,
    known: Mapping[str, KnownState],
    load_raw: Callable[[str], bytes | None],
    is_stored: Callable[[str], bool] | None = None,
    *,
    max_bytes: int | None = None,
    spill: Callable[[bytes], str] | None = None,
) -> tuple[SourceOutcome, list[ItemOutcome]]:
    """Fetch what is new or changed from one source.

    Returns the source's document outcomes and, separately, its index pages (feeds,
    listing pages), whose bytes and validators are stored but which are not documents.
    `is_stored(url)` says whether the warehouse holds a document's bytes; validators are
    only sent for those, so a document whose validators were kept but which never reached
    the warehouse (an interrupted run) is fetched whole instead of answered 304 forever.
    A folder's files over `max_bytes`, and anything in it that is not a regular file inside
    it, are failed items with a reason; with `spill` (the raw store's `put`), each file's
    bytes are stored as soon as it is read and the item keeps only their hash.
    """
    outcome = SourceOutcome(source_id=source.id)
    if source.kind == "folder":
        assert source.path is not None
        if not source.path.is_dir():
            outcome.error = f"folder_missing: {source.path}"
            return outcome, []

        def refused(error: FolderError) -> None:
            log.warning("failed %s: %s (%s)", error.url, error.reason, error.detail)
            outcome.items.append(
                ItemOutcome(
                    url=error.url, status="failed", reason=error.reason, detail=error.detail
                )
            )

        for raw in scan_folder(
            source.path,
            source_id=source.id,
            doc_type=source.doc_type,
            on_error=refused,
            max_bytes=max_bytes,
        ):
            status = _classify(raw.url, raw.content, known)
            if spill is None:
                outcome.items.append(ItemOutcome(url=raw.url, status=status, raw=raw))
                continue
            sha = spill(raw.content)
            outcome.items.append(
                ItemOutcome(
                    url=raw.url,
                    status=status,
                    raw=replace(raw, content=b""),
                    content_sha256=sha,
                )
            )
        return outcome, []

    assert fetcher is not None
    try:
        links, indexes = discover_links(fetcher, source, known, load_raw, outcome)
    except FetchError as exc:
        outcome.error = f"{exc.reason}: {exc.detail}"
        log.warning("source %s failed: %s", source.id, outcome.error)
        return outcome, []
    except FeedError as exc:
        outcome.error = f"{exc.reason}: {exc}"
        log.warning("source %s feed rejected: %s", source.id, outcome.error)
        return outcome, []

    for url, title in links:
        validators = known if is_stored is None or is_stored(url) else {}
        try:
            result = _fetch_conditional(fetcher, source, url, validators, outcome)
        except FetchError as exc:
            status: ItemStatus = (
                "skipped"
                if exc.reason
                in {"host_not_allowed", "private_address", "bad_scheme", "robots_disallowed"}
                else "failed"
            )
            log.warning("%s %s: %s (%s)", status, url, exc.reason, exc.detail)
            outcome.items.append(
                ItemOutcome(url=url, status=status, reason=exc.reason, detail=exc.detail)
            )
            continue
        if result.not_modified:
            outcome.items.append(
                ItemOutcome(
                    url=url,
                    status="unchanged",
                    http_status=result.status,
                    etag=result.etag,
                    last_modified=result.last_modified,
                )
            )
            continue
        assert result.content is not None
        raw = RawDocument(
            source_id=source.id,
            doc_type=source.doc_type,
            url=url,
            content=result.content,
            content_type=result.content_type,
            fetched_at=datetime.now(UTC).replace(tzinfo=None),
            etag=result.etag,
            last_modified=result.last_modified,
            link_title=title,
        )
        outcome.items.append(
            ItemOutcome(
                url=url,
                status=_classify(url, result.content, known),
                raw=raw,
                http_status=result.status,
                etag=result.etag,
                last_modified=result.last_modified,
            )
        )
    return outcome, indexes
