"""The pipeline's configuration file: what to fetch, and how politely.

Operators write these TOML files by hand (see `config/sample.toml`, `config/sources.toml`),
so every mistake is reported in terms of the file: which entry, which field, what was
expected and what was found, e.g.

    config/sample.toml: sources[2] (id 'sample-news'): field 'kind' must be one of feed,
    listing, folder, got 'rss'

Entries are numbered from 1, the way a person counts `[[sources]]` blocks. All problems
in a file are reported together in one `ConfigError`, so one run shows every fix needed.

Relative paths (`data_dir`, a folder source's `path`, `[sample_site] root`) are resolved
against the directory of the config file, not the working directory, so a config means
the same thing wherever the pipeline is started from. `{sample_site}` in a source URL is
replaced by `http://<host>:<port>` of the `[sample_site]` table.

The values each table may hold are checked beside this module: `pipeline_fields` (the
`[pipeline]` table, cron schedule included) and `source_fields` (a `[[sources]]` entry),
both through the problem-collecting reader of `config_table`.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from extract.config_table import Table, resolve_path, type_name
from extract.documents import DOC_TYPES, DocType
from extract.pipeline_fields import (
    read_dask_scheduler,
    read_publish_url,
    read_s3_endpoint,
    read_schedule,
    read_timezone,
)
from extract.source_fields import (
    ALL_SOURCE_KEYS,
    check_id,
    check_kind_keys,
    check_selector,
    read_allowed_hosts,
    read_url,
)

__all__ = [
    "ConfigError",
    "PipelineConfig",
    "PipelineSettings",
    "SampleSite",
    "SourceConfig",
    "SOURCE_KINDS",
    "check_folders",
    "load_config",
]

SourceKind = Literal["feed", "listing", "folder"]
SOURCE_KINDS: tuple[str, ...] = ("feed", "listing", "folder")


class ConfigError(Exception):
    """An unreadable or invalid config file; `problems` has one self-contained line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class PipelineSettings:
    """The `[pipeline]` table: identity, schedule, storage and fetch limits."""

    user_agent: str = "chinasci/0.1 (+https://example.org/chinasci)"
    timezone: str = "UTC"
    schedule: str = "0 2 * * *"
    data_dir: Path = Path("data")
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = 50_000_000
    per_host_delay: float = 1.0
    max_in_flight_per_host: int = 2
    retries: int = 3
    backoff_base: float = 0.5
    publish_url: str | None = None
    """Where published runs are also written: `s3://bucket/prefix` (None: the data folder only)."""
    s3_endpoint_url: str | None = None
    """An S3-compatible server's address (MinIO, Ceph, ...); None for AWS itself."""
    dask_scheduler: str | None = None
    """Parse and extract on Dask: a scheduler address (`tcp://host:8786`) or `local` for a
    cluster of `dask_workers` processes on this machine. None: this process only."""
    dask_workers: int = 2
    workers: int = 0
    """Processes that parse and extract without Dask; 0: one per core."""

    @property
    def tzinfo(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class SampleSite:
    """The `[sample_site]` table: a folder served on host:port for the length of a run."""

    root: Path
    host: str = "127.0.0.1"
    port: int = 18753

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"


@dataclass(frozen=True)
class SourceConfig:
    """One `[[sources]]` entry. Web kinds (feed, listing) have `url`; folders have `path`."""

    id: str
    kind: SourceKind
    doc_type: DocType
    url: str | None = None
    path: Path | None = None
    allowed_hosts: tuple[str, ...] = ()
    allow_private: bool = False
    link_selector: str | None = None
    next_selector: str | None = None
    max_pages: int = 5

    @property
    def location(self) -> str:
        """What the `sources.location` column stores: the URL, or the folder path."""
        return self.url if self.url is not None else str(self.path)

    @property
    def host(self) -> str | None:
        return (urlsplit(self.url).hostname or None) if self.url else None


@dataclass(frozen=True)
class PipelineConfig:
    settings: PipelineSettings
    sources: tuple[SourceConfig, ...]
    sample_site: SampleSite | None
    path: Path  # the config file, absolute

    def source(self, source_id: str) -> SourceConfig:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(f"{self.path}: no source with id {source_id!r}")


# --------------------------------------------------------------------------- reading


def _read_settings(table: Table, base_dir: Path) -> PipelineSettings:
    d = PipelineSettings()
    table.unknown_keys(tuple(PipelineSettings.__dataclass_fields__))
    timezone = read_timezone(table, d.timezone)
    schedule = read_schedule(table, d.schedule)
    data_dir = table.string("data_dir", str(d.data_dir)) or str(d.data_dir)
    publish_url = read_publish_url(table)
    endpoint = read_s3_endpoint(table)
    scheduler = read_dask_scheduler(table)
    return PipelineSettings(
        user_agent=table.string("user_agent", d.user_agent) or d.user_agent,
        timezone=timezone,
        schedule=schedule,
        data_dir=resolve_path(base_dir, data_dir),
        connect_timeout=table.number("connect_timeout", d.connect_timeout, minimum=0, strict=True),
        read_timeout=table.number("read_timeout", d.read_timeout, minimum=0, strict=True),
        max_bytes=table.integer("max_bytes", d.max_bytes, minimum=1),
        per_host_delay=table.number("per_host_delay", d.per_host_delay, minimum=0, strict=False),
        max_in_flight_per_host=table.integer(
            "max_in_flight_per_host", d.max_in_flight_per_host, minimum=1
        ),
        retries=table.integer("retries", d.retries, minimum=0, maximum=20),
        backoff_base=table.number("backoff_base", d.backoff_base, minimum=0, strict=False),
        publish_url=publish_url,
        s3_endpoint_url=endpoint,
        dask_scheduler=scheduler,
        dask_workers=table.integer("dask_workers", d.dask_workers, minimum=1, maximum=256),
        workers=table.integer("workers", d.workers, minimum=0, maximum=256),
    )


def _read_sample_site(table: Table, base_dir: Path) -> SampleSite | None:
    table.unknown_keys(("root", "host", "port"))
    root = table.string("root")
    host = table.string("host", "127.0.0.1") or "127.0.0.1"
    port = table.integer("port", 18753, minimum=1, maximum=65535)
    if root is None:
        return None
    return SampleSite(root=resolve_path(base_dir, root), host=host, port=port)


def _read_source(
    table: Table,
    base_dir: Path,
    sample_site: SampleSite | None,
    has_site_table: bool,
) -> SourceConfig | None:
    before = len(table.problems)
    source_id = table.string("id")
    check_id(table, source_id)
    kind = table.string("kind")
    if kind is not None and kind not in SOURCE_KINDS:
        table.problem(f"field 'kind' must be one of {', '.join(SOURCE_KINDS)}, got {kind!r}")
        kind = None
    doc_type = table.string("doc_type")
    if doc_type is not None and doc_type not in DOC_TYPES:
        table.problem(f"field 'doc_type' must be one of {', '.join(DOC_TYPES)}, got {doc_type!r}")

    if kind is None:
        table.unknown_keys(ALL_SOURCE_KEYS)
        return None
    check_kind_keys(table, kind)

    url: str | None = None
    path: Path | None = None
    hosts: tuple[str, ...] = ()
    allow_private = False
    link_selector = next_selector = None
    max_pages = 5
    if kind == "folder":
        raw_path = table.string("path")
        path = resolve_path(base_dir, raw_path) if raw_path else None
    else:
        url = read_url(table, sample_site, has_site_table)
        allow_private = table.boolean("allow_private", False)
        hosts = read_allowed_hosts(table, url, allow_private)
        if kind == "listing":
            link_selector = table.string("link_selector")
            next_selector = table.string("next_selector", None)
            check_selector(table, "link_selector", link_selector)
            check_selector(table, "next_selector", next_selector)
            max_pages = table.integer("max_pages", 5, minimum=1, maximum=1000)

    if len(table.problems) > before or source_id is None or doc_type is None:
        return None
    return SourceConfig(
        id=source_id,
        kind=kind,  # type: ignore[arg-type]
        doc_type=doc_type,  # type: ignore[arg-type]
        url=url,
        path=path,
        allowed_hosts=hosts,
        allow_private=allow_private,
        link_selector=link_selector,
        next_selector=next_selector,
        max_pages=max_pages,
    )


def load_config(path: Path | str) -> PipelineConfig:
    """Read and validate a config file; raise `ConfigError` listing every problem in it."""
    path = Path(path)
    label = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError([f"{label}: no such file"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{label}: cannot be read: {exc}"]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([f"{label}: not valid TOML: {exc}"]) from None

    base_dir = path.resolve().parent
    problems: list[str] = []
    for key in data:
        if key not in ("pipeline", "sample_site", "sources"):
            close = difflib.get_close_matches(key, ["pipeline", "sample_site", "sources"], n=1)
            suggestion = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(
                f"{label}: unknown top-level key '{key}'{suggestion}; expected [pipeline], "
                "[sample_site] and [[sources]]"
            )

    raw_pipeline = data.get("pipeline", {})
    if not isinstance(raw_pipeline, dict):
        problems.append(f"{label}: 'pipeline' must be a table: write it as [pipeline]")
        raw_pipeline = {}
    settings = _read_settings(Table(raw_pipeline, "[pipeline]", problems, label), base_dir)

    sample_site: SampleSite | None = None
    raw_site = data.get("sample_site")
    if raw_site is not None:
        if isinstance(raw_site, dict):
            site_table = Table(raw_site, "[sample_site]", problems, label)
            sample_site = _read_sample_site(site_table, base_dir)
        else:
            problems.append(f"{label}: 'sample_site' must be a table: write it as [sample_site]")

    raw_sources = data.get("sources")
    sources: list[SourceConfig] = []
    if raw_sources is None:
        problems.append(f"{label}: no sources: add at least one [[sources]] entry")
        raw_sources = []
    elif not isinstance(raw_sources, list):
        problems.append(f"{label}: 'sources' must be an array of tables: write each as [[sources]]")
        raw_sources = []
    elif not raw_sources:
        problems.append(f"{label}: no sources: add at least one [[sources]] entry")
    seen: dict[str, int] = {}
    for number, raw in enumerate(raw_sources, start=1):
        if not isinstance(raw, dict):
            problems.append(f"{label}: sources[{number}]: must be a table, got {type_name(raw)}")
            continue
        raw_id = raw.get("id")
        where = (
            f"sources[{number}] (id '{raw_id}')"
            if isinstance(raw_id, str)
            else f"sources[{number}]"
        )
        table = Table(raw, where, problems, label)
        if isinstance(raw_id, str):
            if raw_id in seen:
                table.problem(f"field 'id' duplicates sources[{seen[raw_id]}]")
            else:
                seen[raw_id] = number
        source = _read_source(table, base_dir, sample_site, raw_site is not None)
        if source is not None:
            sources.append(source)

    if problems:
        raise ConfigError(problems)
    return PipelineConfig(
        settings=settings,
        sources=tuple(sources),
        sample_site=sample_site,
        path=path.resolve(),
    )


def check_folders(config: PipelineConfig) -> None:
    """Raise `ConfigError` unless every folder source's `path` is an existing folder.

    Apart from `load_config` because it depends on the machine, not the file: `serve` and
    deployments read a production config on machines without its inbox, while `chinasci run`
    must refuse at once, naming the entry and field, rather than start and fail later.
    """
    problems = []
    for number, source in enumerate(config.sources, start=1):
        if source.kind != "folder" or source.path is None:
            continue
        if not source.path.exists():
            detail = "names a folder that does not exist"
        elif not source.path.is_dir():
            detail = "names a file, not a folder"
        else:
            continue
        problems.append(
            f"{config.path}: sources[{number}] (id '{source.id}'): field 'path' {detail}: "
            f"{source.path}"
        )
    if problems:
        raise ConfigError(problems)
