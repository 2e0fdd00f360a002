"""Documents done out of the total, per stage, for a person watching a terminal.

A first run or a reprocess over years of archives takes minutes; without a sign of life an
operator cannot tell a slow run from a stuck one. When the output is not a terminal (the
nightly scheduler, a log file, a pipe) nothing is written: logs are for those.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

__all__ = ["Progress"]

_EVERY_SECONDS = 0.2  # redraw at most five times a second: a terminal is slow to write to


class Progress:
    """`with Progress("parse", total=n) as p: ... p.advance()` draws "parse: 12/40"."""

    def __init__(
        self,
        stage: str,
        total: int | None = None,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stage = stage
        self.total = total
        self.done = 0
        self._stream = stream if stream is not None else sys.stderr
        self._clock = clock
        self._enabled = _is_terminal(self._stream)
        self._drawn_at: float | None = None

    def __enter__(self) -> Progress:
        self._draw(force=True)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._draw(force=True)
        if self._enabled:
            self._stream.write("\n")
            self._stream.flush()

    def advance(self, n: int = 1) -> None:
        self.done += n
        self._draw()

    def _draw(self, force: bool = False) -> None:
        if not self._enabled:
            return
        now = self._clock()
        if not force and self._drawn_at is not None and now - self._drawn_at < _EVERY_SECONDS:
            return
        self._drawn_at = now
        of = f"/{self.total}" if self.total is not None else ""
        self._stream.write(f"\r{self.stage}: {self.done}{of} documents")
        self._stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False
