"""`chinasci serve`: run the nightly flow on its cron schedule, one run at a time.

The deployment is served by this process (``prefect.serve``), which polls its Prefect API for
due runs and executes them as subprocesses. Scheduled runs are created by the API server's
scheduler, so an API is needed: the operator's (``PREFECT_API_URL`` or the active profile),
otherwise a local server started here with its scheduler on (``start_local_server(scheduler=
True)``; Prefect's temporary server has no scheduler, and ``flow.serve`` against it only warns
"Cannot schedule flows on an ephemeral server"). Its database is ``<data_dir>/.prefect``.

Checked against Prefect 3.8.8:

- The same deployment as ``prefect.yaml``: name, concurrency, description and tags come from
  :mod:`flows.schedule`, and the cron and time zone from the config's ``[pipeline]`` (the CLI
  passes them), where ``prefect.yaml``'s build step reads them too.
- One run at a time: the deployment's concurrency limit 1 (``to_deployment(concurrency_limit=
  ...)``, a global limit the server enforces, strategy ENQUEUE: a run due while another runs
  waits for the slot, it is not dropped) and the runner's own ``limit=1``; the flow's data-dir
  lock guards against runs started outside Prefect.
- Restarts never leave the schedule paused: ``serve`` pauses its deployments on shutdown by
  default (``pause_on_shutdown=True``, ``Runner._pause_schedules``), so here it is False; and
  the deployment is applied with ``paused=False`` explicitly (a RunnerDeployment update sends
  only the fields set), which also resumes a schedule paused by an older ``serve``.
- The local server's scheduler needs SQLAlchemy below 2.1 (the lock pins it): Prefect 3.8.8
  with SQLAlchemy 2.1 fails every scheduling pass with "Can't evaluate bulk DML statement;
  please supply a bulk_dml decorated function" (``_insert_scheduled_flow_runs`` bulk-inserts
  the hybrid ``FlowRun.state``), so no run is ever created. Serving against such a server
  would wait forever; ``serve_nightly`` refuses with :class:`ServeError` instead.
  ``tests/flows/test_serve.py`` checks both sides.
- Paths become absolute: runs start in subprocesses, whose working directory is not the
  operator's concern. The entrypoint is the module path ``flows.nightly.nightly`` (the package
  is installed), so it does not depend on the working directory either.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import zoneinfo
from pathlib import Path

from packaging.version import Version
from prefect import serve
from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
from prefect.deployments.runner import RunnerDeployment
from prefect.schedules import Cron
from prefect.settings import PREFECT_API_URL, PREFECT_UI_URL, temporary_settings
from prefect.types.entrypoint import EntrypointType

from flows.nightly import nightly
from flows.prefect_env import start_local_server
from flows.schedule import (
    DEPLOYMENT_NAME,
    DESCRIPTION,
    PRODUCTION_CONFIG,
    TAGS,
    NightlySchedule,
)

FULL_NAME = f"{nightly.name}/{DEPLOYMENT_NAME}"
DEFAULT_CONFIG = PRODUCTION_CONFIG
DEFAULT_CRON = "0 2 * * *"
DEFAULT_TIMEZONE = "UTC"


class ServeError(RuntimeError):
    """Serving cannot work as configured; the message says why and what to change."""


def scheduler_blocker() -> str | None:
    """Why a Prefect server started from this environment would never schedule runs, or None."""
    prefect_version = Version(importlib.metadata.version("prefect"))
    sqlalchemy_version = Version(importlib.metadata.version("sqlalchemy"))
    if prefect_version <= Version("3.8.8") and sqlalchemy_version >= Version("2.1"):
        return (
            f"the Prefect {prefect_version} server's scheduler cannot create runs with "
            f'SQLAlchemy {sqlalchemy_version} ("Can\'t evaluate bulk DML statement"): '
            "install sqlalchemy<2.1, or set PREFECT_API_URL to a Prefect server"
        )
    return None


def build_deployment(
    config_path: str = DEFAULT_CONFIG,
    data_dir: str | None = None,
    cron: str = DEFAULT_CRON,
    timezone: str = DEFAULT_TIMEZONE,
) -> RunnerDeployment:
    """The served deployment: cron in ``timezone``, not paused, absolute paths, and the name,
    concurrency limit, description and tags of :mod:`flows.schedule` (as ``prefect.yaml``).

    Raises ValueError for an invalid cron string or an unknown IANA time zone.
    """
    try:
        zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {timezone!r}") from exc
    schedule = NightlySchedule(cron=cron, timezone=timezone)
    deployment = nightly.to_deployment(
        name=DEPLOYMENT_NAME,
        schedule=Cron(schedule.cron, timezone=schedule.timezone),
        paused=False,
        concurrency_limit=ConcurrencyLimitConfig(
            limit=schedule.concurrency_limit,
            collision_strategy=ConcurrencyLimitStrategy(schedule.collision_strategy),
        ),
        parameters={
            "config_path": str(Path(config_path).resolve()),
            "data_dir": str(Path(data_dir).resolve()) if data_dir else None,
        },
        description=DESCRIPTION,
        tags=list(TAGS),
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
    assert isinstance(deployment, RunnerDeployment)  # called outside an event loop
    return deployment


def serve_nightly(config_path: str, data_dir: str | None, cron: str, timezone: str) -> None:
    """Serve the nightly deployment until interrupted (Ctrl-C or SIGTERM).

    Reports to the configured Prefect API; without one, to a local server with a scheduler,
    started here and stopped on the way out. Raises ServeError when that local server could
    not schedule runs (see :func:`scheduler_blocker`).
    """
    deployment = build_deployment(config_path, data_dir, cron, timezone)
    server = None
    if not PREFECT_API_URL.value():
        if reason := scheduler_blocker():
            raise ServeError(reason)
        server = start_local_server(scheduler=True)
        if server is None:
            raise ServeError("no Prefect API configured: set PREFECT_API_URL to a Prefect server")
    with contextlib.ExitStack() as stack:
        if server is not None:
            stack.callback(server.stop)
            # No UI on this server: no links to it in the start-up message.
            stack.enter_context(
                temporary_settings(updates={PREFECT_API_URL: server.api_url, PREFECT_UI_URL: ""})
            )
            server.wait_ready()
        serve(deployment, pause_on_shutdown=False, limit=1)
