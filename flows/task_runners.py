"""Where a run parses and extracts: this machine's cores, or a Dask cluster through prefect-dask.

`batch_runner(settings)` picks from the configuration: with `dask_scheduler` set (`local`
for a cluster of `dask_workers` processes started for the run, or a scheduler's address),
each batch of documents is a Prefect task on a `DaskTaskRunner`; otherwise the `workers`
setting picks a process pool or this process (`flows/parallel.py`).

The Dask runner is entered by the flow itself, for the parse and extract stages only, rather
than given to `@flow(task_runner=...)`: a runner fixed at decoration time would hold for every
caller of `nightly` (`chinasci run`, the served deployment, tests) whatever their
configuration, and the other stages must stay in the run's process, next to the warehouse.
Tasks are per batch (`MAX_BATCH` documents), never per document: Prefect's per-task overhead
(about 20 ms, a task run recorded on the API) would dominate thousands of documents. The
batches go with their bytes, so Dask workers need no access to the data folder; they do
need the project installed and the run's Prefect API in reach, like any prefect-dask worker.

prefect-dask and distributed are imported only when the configuration asks for Dask.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Any, TypeVar

from prefect import task
from prefect.cache_policies import NO_CACHE

from extract.sources import PipelineSettings
from flows.parallel import BatchRunner, Lost, apply_batch, process_runner

__all__ = ["DaskBatches", "batch_runner", "dask_task_runner"]

T = TypeVar("T")
R = TypeVar("R")


@task(name="work-batch", cache_policy=NO_CACHE, persist_result=False)
def work_batch(work: Callable[[T], R], batch: list[T]) -> list[R]:
    """One batch of documents on a Dask worker (a work function never raises)."""
    return apply_batch(work, batch)


def dask_task_runner(settings: PipelineSettings) -> Any:
    """The `DaskTaskRunner` the settings name: a local cluster of `dask_workers` processes
    (one thread each: the parsers hold the GIL; no dashboard, whose fixed port two runs on
    one machine would fight over), or the scheduler at `dask_scheduler`."""
    from prefect_dask import DaskTaskRunner

    if settings.dask_scheduler == "local":
        return DaskTaskRunner(
            cluster_kwargs={
                "n_workers": settings.dask_workers,
                "processes": True,
                "threads_per_worker": 1,
                "dashboard_address": None,
                "silence_logs": logging.ERROR,
            }
        )
    return DaskTaskRunner(address=settings.dask_scheduler)


class DaskBatches:
    """Batches as Prefect tasks on a `DaskTaskRunner`, results taken in submission order.

    The cluster is started (or connected to) at the first batch, and shut down (or left)
    when the run leaves the `with` block. A batch whose task fails or whose worker dies
    (Dask gives up on a task that killed its workers three times: `KilledWorker`) comes
    back as `Lost`: its documents are stored as failed, the run goes on.
    """

    def __init__(self, runner: Any, workers: int) -> None:
        self._runner = runner
        self.workers = max(1, workers)

    def __enter__(self) -> DaskBatches:
        self._runner.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._runner.__exit__(exc_type, exc, tb)

    def run(
        self, work: Callable[[T], R], batches: Iterable[list[T]], total: int | None
    ) -> Iterator[list[R] | Lost]:
        in_flight: deque[Any] = deque()
        source = iter(batches)
        limit = self.workers * 2
        while True:
            while len(in_flight) < limit and (batch := next(source, None)) is not None:
                with _as_from_the_flow():
                    future = self._runner.submit(
                        work_batch, parameters={"work": work, "batch": batch}
                    )
                in_flight.append(future)
            if not in_flight:
                return
            future = in_flight.popleft()
            try:
                yield future.result()
            except Exception as exc:
                yield Lost(f"Dask task failed: {type(exc).__name__}: {exc}")


@contextlib.contextmanager
def _as_from_the_flow() -> Iterator[None]:
    """Submit a batch as a task of the flow run, not of the stage's task run around it.

    prefect-dask sends the submitting context to the worker, the enclosing task run's
    parameters included; a stage task's parameter is the `RunContext`, whose DuckDB
    connection cannot be pickled (`TypeError: Could not serialize object`). Without the task
    run context the batch is a task of the flow run, which it is in effect.
    """
    from prefect.context import TaskRunContext

    token = TaskRunContext.__var__.set(None)
    try:
        yield
    finally:
        TaskRunContext.__var__.reset(token)


def batch_runner(settings: PipelineSettings) -> BatchRunner:
    """Where this run's parse and extract stages run; a context manager for the run."""
    if settings.dask_scheduler is not None:
        return DaskBatches(dask_task_runner(settings), settings.dask_workers)
    return process_runner(settings.workers)
