"""The build step of ``prefect.yaml``: everything the deployment needs, resolved at deploy time.

``prefect deploy`` runs :func:`resolve` in its own process, in the directory it was started
from, before it registers the deployment, and templates the rest of ``prefect.yaml`` with
what the step returns (``{{ chinasci.directory }}``, ``{{ chinasci.cron }}``, ...):

- ``directory``: the absolute path of this checkout, which becomes the working directory of
  every run (the pull step ``set_working_directory``). Prefect keeps a pull step's
  ``{{ $VAR }}`` placeholders unresolved until the run, where an unset variable became an
  empty path that "succeeded" and left the run in the process worker's temporary folder
  (``FileNotFoundError: .../flows/nightly.py``). A path from this step is fixed when the
  deployment is registered and can be read back from it.
- ``config_path``: the absolute path of the sources config the runs use by default.
- ``cron``, ``timezone``: the config's ``[pipeline]`` schedule, read by
  :func:`flows.schedule.schedule_from_config`, as ``chinasci serve`` reads it.

Prefect validates ``concurrency_limit`` before templating (``limit`` must be an integer), so
the limit and collision strategy are written in ``prefect.yaml``; this step reads them back
and refuses to deploy when they differ from :mod:`flows.schedule`.

Anything that would make every run fail, or run differently from ``chinasci serve``, stops
the deployment with a message that says what to do (:class:`DeploymentError`): not the root
of a checkout, a missing or invalid config, a concurrency that drifted. The worker must see
the checkout at the same path: run ``prefect deploy`` on the worker's machine, from the
checkout the worker will run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from flows.schedule import DEPLOYMENT_NAME, PRODUCTION_CONFIG, schedule_from_config

ENTRYPOINT = Path("flows") / "nightly.py"
"""The flow's file, relative to the checkout (``prefect.yaml``'s entrypoint)."""


class DeploymentError(RuntimeError):
    """The deployment would not run as registered; the message says why and what to do."""


def resolve(config: str = PRODUCTION_CONFIG) -> dict[str, Any]:
    """Resolve the deployment's working directory, config and schedule (a ``prefect.yaml`` step).

    ``config`` is relative to the checkout, or absolute. Raises :class:`DeploymentError`.
    """
    root = Path(os.getcwd()).resolve()
    if not (root / ENTRYPOINT).is_file() or not (root / "prefect.yaml").is_file():
        raise DeploymentError(
            f"{root} is not the root of a chinasci checkout (no {ENTRYPOINT} and prefect.yaml):"
            " run `prefect deploy` from the checkout the worker will run"
        )
    config_path = (root / config).resolve()
    if not config_path.is_file():
        raise DeploymentError(f"no sources config at {config_path}")
    try:
        schedule = schedule_from_config(config_path)
    except Exception as exc:  # the loader's message names the field
        raise DeploymentError(str(exc)) from exc
    wanted = {
        "limit": schedule.concurrency_limit,
        "collision_strategy": schedule.collision_strategy,
    }
    written = declared_concurrency(root / "prefect.yaml")
    if written != wanted:
        raise DeploymentError(
            f"prefect.yaml: concurrency_limit of {DEPLOYMENT_NAME} is {written}, "
            f"flows/schedule.py says {wanted}: make them agree"
        )
    return {
        "directory": str(root),
        "config_path": str(config_path),
        "cron": schedule.cron,
        "timezone": schedule.timezone,
    }


def declared_concurrency(prefect_yaml: Path) -> dict[str, Any] | None:
    """The ``concurrency_limit`` mapping of the nightly deployment in ``prefect.yaml``."""
    spec = yaml.safe_load(prefect_yaml.read_text(encoding="utf-8")) or {}
    for deployment in spec.get("deployments") or []:
        if deployment.get("name") == DEPLOYMENT_NAME:
            return deployment.get("concurrency_limit")
    return None
