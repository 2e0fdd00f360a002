"""The filesystem steps that let one folder replace another under readers' feet.

`publish` decides which folders and names a publication uses; these steps are what make
its switch safe whatever happens to the writer or a reader, kept apart so that the layout
reads as names and the mechanics as a few small functions:

- a symlink is replaced by making the new one under a temporary name and renaming it over
  the old (`rename(2)` is atomic: a reader sees the old target or the new, never neither);
- a file or folder is synced, so that after a crash the renamed folder and its entries
  are on disk, not only in the page cache;
- a reader pins a folder with a shared `flock` on the folder itself (no write access
  needed), and removal takes an exclusive one without waiting: a pinned folder is left
  for the next time.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

__all__ = ["fsync_path", "pinned_folder", "remove_unpinned", "swap_symlink"]


def fsync_path(path: Path) -> None:
    """Sync a file's data, or a folder's entries, to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def swap_symlink(link: Path, target: str, tmp: Path) -> None:
    """Point `link` at `target` in one rename, through the temporary name `tmp`."""
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)


@contextlib.contextmanager
def pinned_folder(resolve: Callable[[], Path | None], what: str) -> Iterator[Path | None]:
    """The folder `resolve` names, kept from removal while the block runs (shared `flock`).

    A folder removed between resolving and opening is resolved again, twice at most; then
    `FileNotFoundError` names `what` keeps disappearing. None when `resolve` finds none.
    """
    for _ in range(3):
        folder = resolve()
        if folder is None:
            yield None
            return
        try:
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        except FileNotFoundError:  # removed between resolving and opening: resolve again
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_SH)
            yield folder
            return
        finally:
            os.close(fd)
    raise FileNotFoundError(f"{what} keeps disappearing")


def remove_unpinned(folders: Iterable[Path]) -> list[Path]:
    """Remove each folder no reader pins (exclusive `flock`, not waiting); the removed ones."""
    removed: list[Path] = []
    for folder in folders:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a reader still needs it: next time
            shutil.rmtree(folder)
            removed.append(folder)
        finally:
            os.close(fd)
    return removed
