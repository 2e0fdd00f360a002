"""Progress on a terminal, silence elsewhere (`flows.progress`)."""

from __future__ import annotations

import io
import os
import select
from collections.abc import Iterator

import pytest

from flows.progress import Progress


class Clock:
    """A clock the test moves: redraws are throttled by time."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def terminal() -> Iterator[tuple[io.TextIOWrapper, int]]:
    """A real pseudo-terminal: what is written to its slave end is read at the master."""
    master, slave = os.openpty()
    stream = os.fdopen(slave, "w", encoding="utf-8")
    try:
        yield stream, master
    finally:
        stream.close()
        os.close(master)


def _read(master: int) -> str:
    """All that was drawn, up to the newline `Progress` ends with.

    A pseudo-terminal hands over each write as it arrives, so one read may see only the
    first redraw; reading on until the closing newline makes the test see the whole line.
    """
    shown = b""
    while b"\n" not in shown:
        ready, _, _ = select.select([master], [], [], 10.0)
        if not ready:
            break  # nothing more is coming: the assertions say what is missing
        shown += os.read(master, 65536)
    return shown.decode("utf-8")


def test_a_terminal_sees_done_out_of_total(terminal: tuple[io.TextIOWrapper, int]) -> None:
    stream, master = terminal
    clock = Clock()
    with Progress("extract", total=3, stream=stream, clock=clock) as p:
        for _ in range(3):
            clock.now += 1.0
            p.advance()
    shown = _read(master)
    assert "extract: 0/3 documents" in shown
    assert "extract: 2/3 documents" in shown
    assert shown.rstrip().endswith("extract: 3/3 documents")


def test_redraws_are_throttled(terminal: tuple[io.TextIOWrapper, int]) -> None:
    stream, master = terminal
    clock = Clock()
    with Progress("parse", stream=stream, clock=clock) as p:
        for _ in range(50):
            p.advance()  # the clock does not move: no redraw until the end
    shown = _read(master)
    assert shown.count("parse:") == 2  # the first and the last
    assert "parse: 50 documents" in shown


def test_nothing_is_written_when_not_on_a_terminal() -> None:
    stream = io.StringIO()
    with Progress("parse", total=2, stream=stream) as p:
        p.advance()
        p.advance()
    assert stream.getvalue() == ""
