"""The nightly flow: a table of contents of the run, stage by stage.

Retries live on fetching only (the one stage that talks to the outside world); parsing,
extraction, validation and publishing are plain functions in `flows/steps.py` and the stage
packages. Tasks are per source and per stage, never per document: Prefect's per-task
overhead (about 20 ms) would dominate thousands of documents.
"""

from __future__ import annotations

import contextlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from extract.sample_site import serve_sample_site
from extract.sources import PipelineConfig, load_config
from flows import steps
from warehouse.lock import run_lock
from warehouse.publish import PublishFailed


class RunFailed(Exception):
    """The run could not publish; the message is the operator's one-line reason."""


@task(name="collect-sources", retries=2, retry_delay_seconds=[2, 10], cache_policy=NO_CACHE)
def collect_sources(ctx: steps.RunContext) -> list:
    fetcher = steps.make_fetcher(ctx.config)
    workers = max(1, min(4, len(ctx.config.sources)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="collect") as pool:
        return list(pool.map(lambda s: steps.collect(ctx, s, fetcher), ctx.config.sources))


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
    steps.consolidate_facts(ctx)
    return n


@task(name="quality-gate", cache_policy=NO_CACHE)
def quality_gate(ctx: steps.RunContext) -> steps.GateOutcome:
    return steps.validate(ctx)


@task(name="publish", cache_policy=NO_CACHE)
def publish(ctx: steps.RunContext, excluded: dict[str, set[str]]) -> dict[str, int]:
    return steps.publish_run(ctx, excluded).row_counts


def _resolve(config_path: str, data_dir: str | None) -> tuple[PipelineConfig, Path]:
    config = load_config(Path(config_path))
    return config, Path(data_dir).resolve() if data_dir else config.settings.data_dir


@flow(name="chinasci-nightly", log_prints=False, validate_parameters=True)
def nightly(
    config_path: str = "config/sources.toml",
    data_dir: str | None = None,
    reprocess: bool = False,
) -> dict[str, Any]:
    """Fetch new documents, parse them, extract facts, validate and publish."""
    logger = get_run_logger()
    config, root = _resolve(config_path, data_dir)
    with run_lock(root), contextlib.ExitStack() as stack:
        if config.sample_site is not None and not reprocess:
            base = stack.enter_context(
                serve_sample_site(
                    config.sample_site.root, config.sample_site.host, config.sample_site.port
                )
            )
            logger.info("serving the sample site at %s", base)
        ctx = steps.open_run(config, root)
        stack.callback(ctx.con.close)
        logger.info("run %s: %d sources, data in %s", ctx.run_id, len(config.sources), root)
        failure: str | None = None
        try:
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
            gate = quality_gate(ctx)
            if not gate.publishable:
                raise RunFailed(f"not published: {gate.reason}")
            publish(ctx, gate.excluded)
        except (RunFailed, PublishFailed) as exc:  # the reason is the message: no traceback
            failure = str(exc)
        except Exception as exc:
            logger.exception("the run crashed")
            failure = f"crashed: {type(exc).__name__}: {exc}"
        summary = steps.finish(ctx, "failed" if failure else "published", failure)
        # Drop the run's connection before raising: an exception keeps its frames alive in
        # Prefect's stored state, and a DuckDB connection alive at interpreter exit makes the
        # binding print pages of "leaked instance" warnings after the operator's last line.
        del ctx
    _artifact(summary)
    if failure:
        raise RunFailed(failure)
    for line in summary.lines():
        logger.info(line)
    return {
        "lines": summary.lines(),
        **summary.counts(),
        "status": summary.status,
        "run_id": summary.run_id,
    }


def _artifact(summary: steps.RunSummary) -> None:
    with contextlib.suppress(Exception):  # the summary must never be what fails a run
        create_markdown_artifact(
            key="chinasci-run-summary",
            markdown=summary.markdown(),
            description="nightly run summary",
        )
