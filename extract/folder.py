"""A folder of documents analysts drop in (the "inbox") -> `RawDocument`s.

The folder is read like any other source, so a file must look like a fetched document:
a stable URL (`folder://<source_id>/<relative path>`, so a file keeps its doc_id across
runs and its content changes are tracked like a web page's), a content type, and a fetch
time (the file's modification time, so an untouched file looks unchanged).

Errors: one unreadable file must not lose the rest of the folder, and must not vanish
either (the run records it as a failed document). So `scan_folder` yields a `RawDocument`
for every readable file and reports each other one as a `FolderError` to `on_error`
(without a callback it is logged as a warning), with a reason:

- `not_a_regular_file`: a named pipe, socket or device. Reading a pipe nobody writes to
  would block the run for good, so only regular files are opened, and never in a way that
  can block (`O_NONBLOCK`, checked again with `fstat` after opening).
- `symlink_outside_folder`: a link (to a file or a folder) leading out of the folder. An
  inbox is what analysts chose to publish; a link must not publish `/etc/passwd` or a file
  of another project. Links that stay inside the folder are read like the file.
- `dangling_symlink`: a link to nothing.
- `too_large`: larger than `max_bytes`, like an HTTP body over the fetch limit; also a file
  that grows past it while being read.
- `unreadable`: any other error of the operating system.

Files are read one at a time, as the generator is advanced, and never more than
`max_bytes + 1` bytes of one: a folder is never held in memory whole. A folder that does
not exist, or is not a directory, raises `FolderError` at once: that is a broken source,
not a broken document.
"""

from __future__ import annotations

import logging
import os
import stat
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
    """(relative path, path) of every document-like name, links included, never followed."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if not _is_hidden(d)]
        # A linked folder is not walked; listed here, it is checked like a linked file.
        linked = [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]
        for name in filenames + linked:
            if _is_hidden(name) or Path(name).suffix.lower() not in CONTENT_TYPES:
                continue
            path = Path(dirpath) / name
            found.append((path.relative_to(root).as_posix(), path))
    found.sort(key=lambda item: item[0])
    return found


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _read_regular(path: Path, max_bytes: int | None) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at `path` (not a link), at most `max_bytes`.

    Raises `_Refused` with a reason for anything else. `O_NONBLOCK` makes opening a named
    pipe return at once instead of waiting for a writer; `O_NOFOLLOW` refuses a link put
    there after the folder was listed.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | os.O_CLOEXEC
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _Refused("not_a_regular_file", _file_kind(st.st_mode))
        if max_bytes is not None and st.st_size > max_bytes:
            raise _Refused("too_large", f"{st.st_size} bytes, limit {max_bytes}")
        chunks: list[bytes] = []
        size = 0
        # The whole file in one read (one buffer, no copies), then whatever it grew by;
        # never more than one byte past the limit: enough to see a file that grew.
        want = st.st_size + 1
        while True:
            if max_bytes is not None:
                want = min(want, max_bytes + 1 - size)
            chunk = os.read(fd, want)
            want = 1 << 20
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if max_bytes is not None and size > max_bytes:
                raise _Refused("too_large", f"grew past the limit of {max_bytes} bytes")
        return chunks[0] if len(chunks) == 1 else b"".join(chunks), st
    finally:
        os.close(fd)


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


class _Refused(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def _target(path: Path, root: Path) -> Path:
    """Where the link at `path` leads, if it stays in the folder; else `_Refused`."""
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        raise _Refused(
            "dangling_symlink", f"links to {os.readlink(path)}, which does not exist"
        ) from None
    except (OSError, RuntimeError) as exc:  # a loop of links
        raise _Refused("dangling_symlink", f"cannot be resolved: {exc}") from None
    if not _inside(target, root):
        raise _Refused("symlink_outside_folder", f"links to {target}, outside the folder")
    if target.is_dir():
        raise _Refused("not_a_regular_file", "a link to a folder")
    return target


def scan_folder(
    path: Path,
    *,
    source_id: str,
    doc_type: DocType,
    on_error: Callable[[FolderError], None] | None = None,
    max_bytes: int | None = None,
) -> Iterator[RawDocument]:
    """Every `.html`, `.htm` and `.pdf` regular file under `path` (any depth, any letter case).

    Files come sorted by relative path, so runs are repeatable; hidden files and others
    are ignored. Each file is read when the generator reaches it; anything that is not a
    regular file inside the folder, or is larger than `max_bytes`, is reported (see the
    module docstring) and skipped.
    """
    root = Path(path)
    if not root.exists():
        raise FolderError(source_id, root, "", "folder_missing", "no such folder")
    if not root.is_dir():
        raise FolderError(source_id, root, "", "folder_not_a_directory", "not a folder")
    real_root = root.resolve()

    def report(error: FolderError) -> None:
        if on_error is not None:
            on_error(error)
        else:
            log.warning("%s: %s", source_id, error)

    for relative, file_path in _candidates(root):
        url = folder_url(source_id, relative)
        try:
            target = _target(file_path, real_root) if file_path.is_symlink() else file_path
            content, st = _read_regular(target, max_bytes)
        except _Refused as refused:
            report(FolderError(source_id, file_path, url, refused.reason, refused.detail))
            continue
        except OSError as exc:
            report(FolderError(source_id, file_path, url, "unreadable", exc.strerror or str(exc)))
            continue
        yield RawDocument(
            source_id=source_id,
            doc_type=doc_type,
            url=url,
            content=content,
            content_type=CONTENT_TYPES[file_path.suffix.lower()],
            fetched_at=datetime.fromtimestamp(st.st_mtime, tz=UTC),
            link_title=file_path.name,
        )
