"""Per-document work in batches, on worker processes, with the results back in input order.

Parsing and extraction are pure (`flows/per_document.py`) and take most of a first run's
CPU; the warehouse admits one writer. So the run's process cuts the documents into batches,
has workers compute the results, and writes them itself in the order the documents came:
the tables are the same, byte for byte, as when one process does everything. Only a few
batches are in flight at a time, so the corpus is never all in memory at once.

Runners (all Prefect-free here; the Dask one is in `flows/task_runners.py`):

- `InProcess`: this process, one document after the other (`workers = 1`, and small runs);
- `ProcessPool`: a pool of worker processes started with `spawn` (the run's process holds a
  DuckDB connection, Prefect's threads and signal handlers, none of which a forked copy may
  touch). A work function never raises (it returns its document's failure as a value); a
  worker process that dies (a segfault in a PDF library, `os._exit`, the OOM killer) breaks
  the whole pool, so the batches it had in flight are run again one at a time in a new pool:
  the batch that kills its worker again is returned as `Lost`, every other one as results.

A work function must be importable by name (a module-level function) and its items and
results must pickle.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from types import TracebackType
from typing import Any, Protocol, TypeVar

__all__ = [
    "BatchRunner",
    "InProcess",
    "Lost",
    "ProcessPool",
    "apply_batch",
    "batch_size_for",
    "in_batches",
    "map_in_batches",
    "process_runner",
]

T = TypeVar("T")
R = TypeVar("R")

MAX_BATCH = 50
"""Documents per batch at most: a dying worker costs its batch, and a batch's bytes and
results are in memory twice (here and in the worker) while it is in flight."""

BATCHES_PER_WORKER = 4
"""A stage is cut into about this many batches per worker, so that a slow batch (a long PDF)
does not leave the other workers idle at the end."""

AUTO_MIN_DOCUMENTS = 16
"""With `workers = 0` (one per core), fewer documents than this are done in this process:
starting worker processes (about a second: each imports the parsers) costs more than it
saves on a nightly run that found a handful of new documents."""


@dataclass(frozen=True)
class Lost:
    """A document whose batch got no result: its worker died, or the runner failed."""

    reason: str


class BatchRunner(Protocol):
    """Computes `[work(x) for x in batch]` for each batch, somewhere; yields, in the order of
    the batches, each batch's results or one `Lost` for the whole batch. A context manager:
    what it started (processes, a cluster) ends with the `with` block."""

    workers: int

    def run(
        self, work: Callable[[T], R], batches: Iterable[list[T]], total: int | None
    ) -> Iterator[list[R] | Lost]: ...

    def __enter__(self) -> BatchRunner: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


def apply_batch(work: Callable[[T], R], batch: list[T]) -> list[R]:
    """What a worker runs: one batch, in order."""
    return [work(item) for item in batch]


def batch_size_for(total: int | None, workers: int) -> int:
    """Documents per batch: about `BATCHES_PER_WORKER` batches per worker, at most `MAX_BATCH`."""
    if total is None:
        return MAX_BATCH
    per = -(-total // max(1, workers * BATCHES_PER_WORKER))
    return max(1, min(MAX_BATCH, per))


def in_batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last may be shorter); reads `items` lazily."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def map_in_batches(
    runner: BatchRunner,
    work: Callable[[T], R],
    items: Iterable[T],
    total: int | None = None,
) -> Iterator[tuple[T, R | Lost]]:
    """(item, its result or `Lost`) for every item, in the order of `items`."""
    size = batch_size_for(total, runner.workers)
    pending: deque[list[T]] = deque()

    def batches() -> Iterator[list[T]]:
        for batch in in_batches(items, size):
            pending.append(batch)  # the items stay here to be paired with their results
            yield batch

    for outcome in runner.run(work, batches(), total):
        batch = pending.popleft()
        if isinstance(outcome, Lost):
            for item in batch:
                yield item, outcome
        else:
            yield from zip(batch, outcome, strict=True)


class InProcess:
    """Every batch in this process, as the run did before workers."""

    workers = 1

    def run(
        self, work: Callable[[T], R], batches: Iterable[list[T]], total: int | None
    ) -> Iterator[list[R] | Lost]:
        for batch in batches:
            try:
                yield apply_batch(work, batch)
            except Exception as exc:  # a work function that raised after all
                yield Lost(f"{type(exc).__name__}: {exc}")

    def __enter__(self) -> InProcess:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None


class ProcessPool:
    """Batches on `workers` spawned processes, started at the first batch, kept for the run.

    `min_documents`: a stage with fewer documents (when its total is known) runs in this
    process instead. Use as a context manager: on the way out the workers are shut down, or
    terminated when batches are still running (a stopped or crashed stage left them: a stop
    must not wait for a batch nobody will read).
    """

    def __init__(self, workers: int, min_documents: int = 0) -> None:
        self.workers = max(1, workers)
        self.min_documents = min_documents
        self._pool: ProcessPoolExecutor | None = None
        self._outstanding: set[Future[Any]] = set()

    def __enter__(self) -> ProcessPool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._close(terminate=exc_type is not None or bool(self._outstanding))

    def run(
        self, work: Callable[[T], R], batches: Iterable[list[T]], total: int | None
    ) -> Iterator[list[R] | Lost]:
        if total is not None and total < self.min_documents:
            yield from InProcess().run(work, batches, total)
            return
        in_flight: deque[tuple[list[T], Future[list[R]]]] = deque()
        source = iter(batches)
        limit = self.workers * 2
        while True:
            while len(in_flight) < limit and (batch := next(source, None)) is not None:
                in_flight.append((batch, self._submit(work, batch)))
            if not in_flight:
                return
            batch, future = in_flight[0]
            try:
                result = future.result()
            except BrokenProcessPool:
                yield from self._recover(work, in_flight)
                continue
            except Exception as exc:  # a work function that raised after all
                in_flight.popleft()
                yield Lost(f"{type(exc).__name__}: {exc}")
                continue
            in_flight.popleft()
            yield result

    def _recover(
        self,
        work: Callable[[T], R],
        in_flight: deque[tuple[list[T], Future[list[R]]]],
    ) -> Iterator[list[R] | Lost]:
        """The pool broke: keep the results that came back, run the rest alone, in order."""
        self._close(terminate=True)
        while in_flight:
            batch, future = in_flight.popleft()
            if future.done() and not future.cancelled() and future.exception() is None:
                yield future.result()
                continue
            try:
                yield self._submit(work, batch).result()
            except BrokenProcessPool:
                self._close(terminate=True)
                yield Lost("its worker process died (killed, or crashed in a native library)")
            except Exception as exc:
                yield Lost(f"{type(exc).__name__}: {exc}")

    def _submit(self, work: Callable[[T], R], batch: list[T]) -> Future[list[R]]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_worker_started,
                initargs=(os.getpid(),),
            )
        future = self._pool.submit(apply_batch, work, batch)
        self._outstanding.add(future)
        future.add_done_callback(self._outstanding.discard)
        return future

    def _close(self, terminate: bool) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if terminate:
            # Private, but the only way before Python 3.14's terminate_workers(): a stop or
            # a broken pool must not wait for batches still running.
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                with contextlib.suppress(Exception):
                    process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


def process_runner(workers: int) -> InProcess | ProcessPool:
    """The runner for the `workers` setting: 0 one process per core (this one for small
    stages), 1 this process only, N that many worker processes."""
    if workers == 1:
        return InProcess()
    if workers == 0:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
        n = cores or os.cpu_count() or 1
        return InProcess() if n == 1 else ProcessPool(n, min_documents=AUTO_MIN_DOCUMENTS)
    return ProcessPool(workers)


def _worker_started(parent: int) -> None:
    """In each worker: Ctrl-C is the run's to handle (the terminal sends it to the whole
    process group; a worker would print a traceback), and a worker whose run was killed
    (SIGKILL leaves no one to shut the pool down) exits instead of waiting forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)
