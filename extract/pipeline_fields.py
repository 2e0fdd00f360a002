"""What the values of the `[pipeline]` table may be: schedule, time zone, object store, Dask.

Each check turns a bad value into a problem line naming the field and falls back to the
default (or to None, for the optional ones), so one reading of the file reports every
mistake; `sources._read_settings` puts the results together.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from extract.config_table import Table

__all__ = [
    "read_publish_url",
    "read_s3_endpoint",
    "read_schedule",
    "read_dask_scheduler",
    "read_timezone",
    "validate_cron",
]

_S3_URL = re.compile(r"s3://[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9](/[^\s]*)?")
_DASK_ADDRESS = re.compile(r"(tcp|tls|inproc|ucx)://\S+")


# ------------------------------------------------------------------------------ cron

_CRON_FIELDS: tuple[tuple[str, int, int, dict[str, int]], ...] = (
    ("minute", 0, 59, {}),
    ("hour", 0, 23, {}),
    ("day of month", 1, 31, {}),
    (
        "month",
        1,
        12,
        {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())},
    ),
    ("day of week", 0, 7, {d: i for i, d in enumerate("sun mon tue wed thu fri sat".split())}),
)


def validate_cron(expression: str) -> str | None:
    """None if `expression` is a valid 5-field cron expression, else what is wrong with it.

    Each field is `*`, a value, a range `a-b`, any of those with a step `/n`, or a comma
    list of them; months and weekdays may be names (JAN, MON). Macros such as `@daily`
    are not accepted: the schedule must be readable without knowing a scheduler.
    """
    fields = expression.split()
    if len(fields) != 5:
        return (
            f"must be a 5-field cron expression (minute hour day-of-month month day-of-week), "
            f"got {expression!r} with {len(fields)} field{'s' if len(fields) != 1 else ''}"
        )
    for text, (name, low, high, names) in zip(fields, _CRON_FIELDS, strict=True):
        for item in text.split(","):
            base, _, step = item.partition("/")
            try:
                if step and (not step.isdigit() or int(step) == 0):
                    raise ValueError(f"{name} step {step!r} must be a positive number")
                if base == "*":
                    continue
                start, dash, end = base.partition("-")
                first = _cron_value(start, name, low, high, names)
                if dash and first > _cron_value(end, name, low, high, names):
                    raise ValueError(f"{name} range {base!r} runs backwards")
            except ValueError as exc:
                return f"is not a valid cron expression ({exc}), got {expression!r}"
    return None


def _cron_value(token: str, name: str, low: int, high: int, names: dict[str, int]) -> int:
    number = int(token) if token.isdigit() else names.get(token.lower())
    if number is None or not low <= number <= high:
        raise ValueError(f"{name} {token!r} is not in {low}-{high}")
    return number


# ------------------------------------------------------------------ [pipeline] values


def read_timezone(table: Table, default: str) -> str:
    timezone = table.string("timezone", default) or default
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        table.problem(
            f"field 'timezone' must be an IANA time zone name such as 'UTC' or "
            f"'Asia/Shanghai', got {timezone!r}"
        )
        timezone = default
    return timezone


def read_schedule(table: Table, default: str) -> str:
    schedule = table.string("schedule", default) or default
    cron_problem = validate_cron(schedule)
    if cron_problem:
        table.problem(f"field 'schedule' {cron_problem}")
        schedule = default
    return schedule


def read_publish_url(table: Table) -> str | None:
    publish_url = table.string("publish_url", None)
    if publish_url is not None and not _S3_URL.fullmatch(publish_url):
        table.problem(
            f"field 'publish_url' must be an object-store URL such as 's3://bucket/prefix', "
            f"got {publish_url!r}"
        )
        publish_url = None
    return publish_url


def read_s3_endpoint(table: Table) -> str | None:
    endpoint = table.string("s3_endpoint_url", None)
    if endpoint is not None and urlsplit(endpoint).scheme not in ("http", "https"):
        table.problem(f"field 's3_endpoint_url' must be an http(s) URL, got {endpoint!r}")
        endpoint = None
    return endpoint


def read_dask_scheduler(table: Table) -> str | None:
    scheduler = table.string("dask_scheduler", None)
    if scheduler is not None and scheduler != "local" and not _DASK_ADDRESS.fullmatch(scheduler):
        table.problem(
            f"field 'dask_scheduler' must be 'local' or a scheduler address such as "
            f"'tcp://10.0.0.5:8786', got {scheduler!r}"
        )
        scheduler = None
    return scheduler
