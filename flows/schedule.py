"""When and how the nightly flow runs: one definition for `chinasci serve` and `prefect.yaml`.

The cron string and its time zone come from the ``[pipeline]`` table of the sources config
(``schedule``, ``timezone``); the deployment's name, concurrency limit and collision strategy
are constants here. ``flows/serve.py`` builds its deployment from :class:`NightlySchedule`,
and ``prefect.yaml`` takes the same values from the build step :func:`flows.deployment.
resolve` at deploy time, so neither can drift from the other.

Imports no Prefect: ``prefect deploy`` runs the build step in its own process, and the
config loader is all it needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEPLOYMENT_NAME = "chinasci-nightly"
"""The deployment, in both ways of running it: ``chinasci-nightly/chinasci-nightly``."""

PRODUCTION_CONFIG = "config/sources.toml"
"""The config whose ``[pipeline]`` schedule the deployment follows, relative to the checkout."""

CONCURRENCY_LIMIT = 1
"""One run at a time (the flow's data-dir lock also refuses a second writer)."""

COLLISION_STRATEGY = "ENQUEUE"
"""A run that comes due while another runs waits for the slot; it is not dropped."""

DESCRIPTION = "Nightly China S&T pipeline: fetch, parse, extract, validate, publish."
TAGS = ("chinasci",)


@dataclass(frozen=True)
class NightlySchedule:
    """Cron in an IANA time zone, and the concurrency rule every run of the deployment obeys."""

    cron: str
    timezone: str
    concurrency_limit: int = CONCURRENCY_LIMIT
    collision_strategy: str = COLLISION_STRATEGY


def schedule_from_config(config_path: Path | str) -> NightlySchedule:
    """The schedule a config asks for (``[pipeline] schedule`` and ``timezone``).

    Raises the config loader's error for a config it rejects (an invalid cron string or
    time zone is one), so a bad schedule stops ``prefect deploy`` as it stops ``serve``.
    """
    from extract.sources import load_config

    settings = load_config(Path(config_path)).settings
    return NightlySchedule(cron=settings.schedule, timezone=settings.timezone)
