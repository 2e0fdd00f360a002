"""The nightly flow: a table of contents of the run, stage by stage.

Retries live on fetching only (the one stage that talks to the outside world); parsing,
extraction, validation and publishing are plain functions in `flows/steps.py` and the stage
packages. Tasks are per source and per stage, never per document: Prefect's per-task
overhead (about 20 ms) would dominate thousands of documents. Parsing and extraction run on
worker processes, or as per-batch tasks on Dask when the configuration names a scheduler
(`flows/task_runners.py`); their results are written here, in order.

A run that cannot publish ends in Prefect's `Failed` state with the operator's one-line
reason as its message, returned rather than raised: a raised exception makes Prefect log a
traceback above the reason. Every such run is in the warehouse's `runs` with that reason,
unless the warehouse itself could not be opened (held by another process, unwritable).
A stop (SIGTERM, Ctrl-C, the local Prefect server gone: `flows/stopping.py`) is recorded the
same way, as `failed` with `stopped by ...`.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import duckdb
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import TerminationSignal
from prefect.states import Failed, State

from extract.sample_site import serve_sample_site
from extract.sources import PipelineConfig, load_config
from flows import publish_steps, steps, stopping, task_runners
from flows.run_summary import RunSummary
from warehouse.db import WAREHOUSE_FILE
from warehouse.lock import RunLocked, run_lock, warehouse_busy
from warehouse.publish import PublishFailed, read_manifest


class RunFailed(Exception):
    """The run could not publish; the message is the operator's one-line reason."""


@task(name="collect-sources", retries=2, retry_delay_seconds=[2, 10], cache_policy=NO_CACHE)
def collect_sources(ctx: steps.RunContext) -> list:
    fetcher = steps.make_fetcher(ctx.config)
    workers = max(1, min(4, len(ctx.config.sources)))
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="collect")
    try:
        return list(pool.map(lambda s: steps.collect(ctx, s, fetcher), ctx.config.sources))
    finally:
        # On a stop, do not wait for the fetches in flight (they only write the raw store,
        # under temporary names): the run records its end now, and the process exits.
        pool.shutdown(wait=False, cancel_futures=True)


@task(name="store-and-parse", cache_policy=NO_CACHE)
def store_and_parse(ctx: steps.RunContext, collected: list) -> int:
    to_parse = steps.store_collected(ctx, collected)
    steps.parse_and_store(ctx, to_parse)
    return len(to_parse)


@task(name="reparse-stored", cache_policy=NO_CACHE)
def reparse_stored(ctx: steps.RunContext) -> int:
    return steps.reparse_stored(ctx)


@task(name="extract-facts", cache_policy=NO_CACHE)
def extract_facts(ctx: steps.RunContext) -> int:
    n = steps.extract_facts(ctx)
    publish_steps.consolidate_facts(ctx)
    return n


@task(name="quality-gate", cache_policy=NO_CACHE)
def quality_gate(ctx: steps.RunContext) -> publish_steps.GateOutcome:
    return publish_steps.validate(ctx)


@task(name="publish", cache_policy=NO_CACHE)
def publish(ctx: steps.RunContext, excluded: dict[str, set[str]]) -> str | None:
    """None once published, else why not (returned: raised, Prefect logs a traceback)."""
    try:
        publish_steps.publish_run(ctx, excluded)
    except PublishFailed as exc:
        return str(exc)
    return None


def _resolve(config_path: str, data_dir: str | None) -> tuple[PipelineConfig, Path]:
    config = load_config(Path(config_path))
    return config, Path(data_dir).resolve() if data_dir else config.settings.data_dir


@flow(name="chinasci-nightly", log_prints=False, validate_parameters=True)
def nightly(
    config_path: str = "config/sources.toml",
    data_dir: str | None = None,
    reprocess: bool = False,
) -> dict[str, Any] | State:
    """Fetch new documents, parse them, extract facts, validate and publish."""
    logger = get_run_logger()
    config, root = _resolve(config_path, data_dir)
    try:
        summary, failure, signalled = _run(config, root, reprocess, logger)
    except RunFailed as exc:  # before the run could be recorded: nothing in `runs`
        return Failed(message=str(exc))
    stop = stopping.requested()
    if stop is not None and stop.prefect_gone:
        # The outcome is recorded; reporting it to a server that is gone would only retry
        # for minutes. The operator's line, and out.
        line = f"chinasci: run failed: {failure}" if failure else summary.lines()[0]
        stopping.exit_now(stop.exit_code if failure else 0, line)
    if signalled is not None:
        # Recorded; now Prefect's own handling of the signal (a cancelled or crashed flow
        # run; the command still ends on the reason, see flows/cli.py).
        raise signalled
    _artifact(summary)
    if failure:
        return Failed(message=failure)
    for line in summary.lines():
        logger.info(line)
    return {
        "lines": summary.lines(),
        **summary.counts(),
        "status": summary.status,
        "run_id": summary.run_id,
    }


def _run(
    config: PipelineConfig, root: Path, reprocess: bool, logger: logging.LoggerAdapter
) -> tuple[RunSummary, str | None, TerminationSignal | None]:
    """The stages under the run lock: the summary, why it did not publish (None if it did),
    and the SIGTERM Prefect turned into an exception, to raise again once recorded."""
    with _run_lock(root), contextlib.ExitStack() as stack:
        if config.sample_site is not None and not reprocess:
            base = stack.enter_context(
                serve_sample_site(
                    config.sample_site.root, config.sample_site.host, config.sample_site.port
                )
            )
            logger.info("serving the sample site at %s", base)
        with stopping.deferred():
            ctx = _open_run(config, root)
            stack.callback(ctx.con.close)
            # Worker processes or a Dask cluster start at the first batch, end with the run.
            ctx.batches = stack.enter_context(task_runners.batch_runner(config.settings))
        logger.info("run %s: %d sources, data in %s", ctx.run_id, len(config.sources), root)
        failure: str | None = None
        unchanged: str | None = None
        signalled: TerminationSignal | None = None
        try:
            stopping.check()
            if reprocess:
                logger.info("reprocessed %d stored documents", reparse_stored(ctx))
            else:
                collected = collect_sources(ctx)
                logger.info("parsed %d new or changed documents", store_and_parse(ctx, collected))
                if config.sources and len(ctx.summary.source_errors) == len(config.sources):
                    raise RunFailed(
                        "every source failed: "
                        + "; ".join(
                            f"{k}: {v}" for k, v in sorted(ctx.summary.source_errors.items())
                        )
                    )
            logger.info("extracted facts from %d documents", extract_facts(ctx))
            # A night with nothing new: the tables are those of the current publication.
            standing = None if reprocess else publish_steps.standing_publication(ctx)
            if standing is not None:
                unchanged = f"nothing changed since run {standing}, which stays published"
                logger.info(unchanged)
            else:
                gate = quality_gate(ctx)
                if not gate.publishable:
                    raise RunFailed(f"not published: {gate.reason}")
                refused = publish(ctx, gate.excluded)
                if refused:
                    raise RunFailed(refused)
        except (RunFailed, PublishFailed) as exc:  # the reason is the message: no traceback
            failure = str(exc)
        except (stopping.Stopped, TerminationSignal, Exception) as exc:
            if isinstance(exc, TerminationSignal):  # Prefect's handler had the SIGTERM
                stopping.note_signal(exc.signal)
                signalled = exc
            stop = stopping.requested()
            if stop is not None:  # whatever the stop made fail on its way out
                failure = _stopped(ctx, stop)
            else:
                logger.exception("the run crashed")
                failure = f"crashed: {type(exc).__name__}: {exc}"
        with stopping.deferred():
            summary = _finish(ctx, failure, unchanged, logger)
        # Drop the run's connection before returning: an exception keeps its frames alive in
        # Prefect's stored state, and a DuckDB connection alive at interpreter exit makes the
        # binding print pages of "leaked instance" warnings after the operator's last line.
        del ctx
    return summary, failure, signalled


@contextlib.contextmanager
def _run_lock(root: Path) -> Iterator[None]:
    """`run_lock`, with its refusals as the operator's one line."""
    entered = False
    try:
        with run_lock(root):
            entered = True
            yield
    except RunLocked as exc:
        if entered:
            raise
        raise RunFailed(f"not run: {exc}") from None
    except OSError as exc:
        if entered:
            raise
        raise RunFailed(
            f"not run: cannot write to the data directory {root}: {exc.strerror or exc}"
        ) from None


def _open_run(config: PipelineConfig, root: Path) -> steps.RunContext:
    """`steps.open_run`, with a warehouse it cannot open as the operator's one line."""
    try:
        return steps.open_run(config, root)
    except duckdb.IOException as exc:
        busy = warehouse_busy(exc, root / WAREHOUSE_FILE)
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise RunFailed(f"not run: {busy or f'cannot open the warehouse: {first}'}") from None
    except OSError as exc:
        raise RunFailed(f"not run: cannot write to the data directory {root}: {exc}") from None


def _stopped(ctx: steps.RunContext, stop: stopping.Stopped) -> str | None:
    """The reason recorded for a stopped run; a stop after the switch leaves it published."""
    manifest = read_manifest(ctx.published_dir) or {}
    if manifest.get("run_id") == ctx.run_id:
        return None
    return stop.reason


def _finish(
    ctx: steps.RunContext,
    failure: str | None,
    unchanged: str | None,
    logger: logging.LoggerAdapter,
) -> RunSummary:
    """Record the run's end; if even that fails (a full disk), say so in one line."""
    status = "failed" if failure else "unchanged" if unchanged else "published"
    message = failure or unchanged
    try:
        return steps.finish(ctx, status, message)
    except (OSError, duckdb.Error) as exc:
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        logger.warning("could not record the end of run %s in runs: %s", ctx.run_id, first)
        ctx.summary.status, ctx.summary.message = status, message
        return ctx.summary


def _artifact(summary: RunSummary) -> None:
    with contextlib.suppress(Exception):  # the summary must never be what fails a run
        create_markdown_artifact(
            key="chinasci-run-summary",
            markdown=summary.markdown(),
            description="nightly run summary",
        )
