"""A folder of documents analysts drop in (the "inbox") -> `RawDocument`s.

The folder is read like any other source, so a file must look like a fetched document:
a stable URL (`folder://<source_id>/<relative path>`, so a file keeps its doc_id across
runs and its content changes are tracked like a web page's), a content type, and a fetch
time (the file's modification time, so an untouched file looks unchanged).

Errors: one unreadable file must not lose the rest of the folder, and must not vanish
either (the run should record it as a failed document). So `scan_folder` yields a
`RawDocument` for every readable file and reports each unreadable one as a `FolderError`
to `on_error`; without a callback the error is logged as a warning. A folder that does
not exist, or is not a directory, raises `FolderError` at once: that is a broken source,
not a broken document.
"""

from __future__ import annotations

import logging
import os
import unicodedata
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from extract.documents import DocType, RawDocument

__all__ = ["CONTENT_TYPES", "FolderError", "folder_url", "scan_folder"]

log = logging.getLogger(__name__)

CONTENT_TYPES: dict[str, str] = {
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
}


class FolderError(Exception):
    """A file (or the folder itself) that could not be read; `url` is empty for the folder."""

    def __init__(self, source_id: str, path: Path, url: str, reason: str, detail: str = "") -> None:
        self.source_id = source_id
        self.path = path
        self.url = url
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {path}: {detail}" if detail else f"{reason}: {path}")


# What would end the path (fragment, query), read as an escape, or is not allowed in a URL.
_UNSAFE = frozenset('%#? "<>\\^`{|}')


def folder_url(source_id: str, relative: str) -> str:
    """`folder://<source_id>/<relative posix path>`, Unicode-normalised (NFC).

    macOS writes names decomposed and Linux composed; normalising keeps one file one URL.
    Only characters that would change how the URL parses (`%`, `#`, `?`, spaces, quotes,
    control characters) are percent-encoded; other characters, Chinese included, stay as
    they are so the URL stays readable.
    """
    name = unicodedata.normalize("NFC", relative)
    escaped = "".join(
        quote(ch, safe="") if ch in _UNSAFE or ord(ch) < 0x20 or ord(ch) == 0x7F else ch
        for ch in name
    )
    return f"folder://{source_id}/{escaped}"


def _is_hidden(name: str) -> bool:
    """Dot-files (including macOS `._x.pdf` resource forks) and Office `~$` lock files."""
    return name.startswith((".", "~$"))


def _candidates(root: Path) -> list[tuple[str, Path]]:
    found = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if not _is_hidden(d)]
        for name in filenames:
            if _is_hidden(name) or Path(name).suffix.lower() not in CONTENT_TYPES:
                continue
            path = Path(dirpath) / name
            found.append((path.relative_to(root).as_posix(), path))
    found.sort(key=lambda item: item[0])
    return found


def scan_folder(
    path: Path,
    *,
    source_id: str,
    doc_type: DocType,
    on_error: Callable[[FolderError], None] | None = None,
    max_bytes: int | None = None,
) -> Iterator[RawDocument]:
    """Every `.html`, `.htm` and `.pdf` file under `path` (any depth, any letter case).

    Files come sorted by relative path, so runs are repeatable; hidden files and others
    are ignored. Files larger than `max_bytes` are reported as errors, like the fetcher
    refuses oversized responses.
    """
    root = Path(path)
    if not root.exists():
        raise FolderError(source_id, root, "", "folder_missing", "no such folder")
    if not root.is_dir():
        raise FolderError(source_id, root, "", "folder_not_a_directory", "not a folder")

    def report(error: FolderError) -> None:
        if on_error is not None:
            on_error(error)
        else:
            log.warning("%s: %s", source_id, error)

    for relative, file_path in _candidates(root):
        url = folder_url(source_id, relative)
        try:
            stat = file_path.stat()
            if max_bytes is not None and stat.st_size > max_bytes:
                report(
                    FolderError(
                        source_id,
                        file_path,
                        url,
                        "too_large",
                        f"{stat.st_size} bytes, limit {max_bytes}",
                    )
                )
                continue
            content = file_path.read_bytes()
        except OSError as exc:
            report(FolderError(source_id, file_path, url, "unreadable", exc.strerror or str(exc)))
            continue
        yield RawDocument(
            source_id=source_id,
            doc_type=doc_type,
            url=url,
            content=content,
            content_type=CONTENT_TYPES[file_path.suffix.lower()],
            fetched_at=datetime.fromtimestamp(stat.st_mtime, tz=UTC),
            link_title=file_path.name,
        )
