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
"""

from __future__ import annotations

import difflib
import ipaddress
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import soupsieve

from extract.documents import DOC_TYPES, DocType

__all__ = [
    "ConfigError",
    "PipelineConfig",
    "PipelineSettings",
    "SampleSite",
    "SourceConfig",
    "SOURCE_KINDS",
    "check_folders",
    "load_config",
    "validate_cron",
]

SourceKind = Literal["feed", "listing", "folder"]
SOURCE_KINDS: tuple[str, ...] = ("feed", "listing", "folder")

_COMMON_KEYS = ("id", "kind", "doc_type")
_WEB_KEYS = ("url", "allowed_hosts", "allow_private")
_KEYS_BY_KIND: dict[str, tuple[str, ...]] = {
    "feed": _COMMON_KEYS + _WEB_KEYS,
    "listing": _COMMON_KEYS + _WEB_KEYS + ("link_selector", "next_selector", "max_pages"),
    "folder": _COMMON_KEYS + ("path",),
}
_ALL_SOURCE_KEYS = frozenset(k for keys in _KEYS_BY_KIND.values() for k in keys)
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_HOST_RE = re.compile(r"^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_S3_URL = re.compile(r"s3://[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9](/[^\s]*)?")
_DASK_ADDRESS = re.compile(r"(tcp|tls|inproc|ucx)://\S+")


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


# --------------------------------------------------------------------------- reading

_TOML_TYPES = {
    bool: "boolean",
    int: "integer",
    float: "float",
    str: "string",
    list: "array",
    dict: "table",
}


def _type_name(value: object) -> str:
    return _TOML_TYPES.get(type(value), type(value).__name__)


class _MissingType:
    pass


_MISSING = _MissingType()


class _Table:
    """Typed access to one TOML table, collecting problems instead of stopping at the first."""

    def __init__(self, data: dict[str, Any], where: str, problems: list[str], label: str):
        self.data = data
        self.where = where
        self.problems = problems
        self.label = label

    def problem(self, message: str) -> None:
        self.problems.append(f"{self.label}: {self.where}: {message}")

    def bad(self, key: str, expected: str) -> None:
        value = self.data[key]
        self.problem(f"field '{key}' must be {expected}, got {_type_name(value)} {value!r}")

    def string(self, key: str, default: str | None | _MissingType = _MISSING) -> str | None:
        if key not in self.data:
            if isinstance(default, _MissingType):
                self.problem(f"field '{key}' is required")
                return None
            return default
        value = self.data[key]
        if not isinstance(value, str) or not value.strip():
            self.bad(key, "a non-empty string")
            return None
        return value.strip()

    def number(self, key: str, default: float, *, minimum: float, strict: bool) -> float:
        if key not in self.data:
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.bad(key, "a number")
            return default
        if value < minimum or (strict and value == minimum):
            relation = "greater than" if strict else "at least"
            self.problem(f"field '{key}' must be {relation} {minimum:g}, got {value!r}")
            return default
        return float(value)

    def integer(self, key: str, default: int, *, minimum: int, maximum: int | None = None) -> int:
        if key not in self.data:
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.bad(key, "an integer")
            return default
        if value < minimum or (maximum is not None and value > maximum):
            bound = (
                f"between {minimum} and {maximum}" if maximum is not None else f"at least {minimum}"
            )
            self.problem(f"field '{key}' must be {bound}, got {value!r}")
            return default
        return value

    def boolean(self, key: str, default: bool) -> bool:
        if key not in self.data:
            return default
        value = self.data[key]
        if not isinstance(value, bool):
            self.bad(key, "true or false")
            return default
        return value

    def strings(self, key: str) -> list[str] | None:
        if key not in self.data:
            return None
        value = self.data[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.bad(key, "an array of non-empty strings")
            return None
        return [v.strip() for v in value]

    def unknown_keys(self, allowed: tuple[str, ...] | frozenset[str], hint: str = "") -> None:
        for key in self.data:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, sorted(allowed), n=1)
            suggestion = f" (did you mean '{close[0]}'?)" if close else ""
            self.problem(f"unknown field '{key}'{suggestion}{hint}")


def _resolve_path(base_dir: Path, value: str) -> Path:
    return (base_dir / Path(value).expanduser()).resolve()


def _read_settings(table: _Table, base_dir: Path) -> PipelineSettings:
    d = PipelineSettings()
    table.unknown_keys(tuple(PipelineSettings.__dataclass_fields__))
    timezone = table.string("timezone", d.timezone) or d.timezone
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        table.problem(
            f"field 'timezone' must be an IANA time zone name such as 'UTC' or "
            f"'Asia/Shanghai', got {timezone!r}"
        )
        timezone = d.timezone
    schedule = table.string("schedule", d.schedule) or d.schedule
    cron_problem = validate_cron(schedule)
    if cron_problem:
        table.problem(f"field 'schedule' {cron_problem}")
        schedule = d.schedule
    data_dir = table.string("data_dir", str(d.data_dir)) or str(d.data_dir)
    publish_url = table.string("publish_url", None)
    if publish_url is not None and not _S3_URL.fullmatch(publish_url):
        table.problem(
            f"field 'publish_url' must be an object-store URL such as 's3://bucket/prefix', "
            f"got {publish_url!r}"
        )
        publish_url = None
    endpoint = table.string("s3_endpoint_url", None)
    if endpoint is not None and urlsplit(endpoint).scheme not in ("http", "https"):
        table.problem(f"field 's3_endpoint_url' must be an http(s) URL, got {endpoint!r}")
        endpoint = None
    scheduler = table.string("dask_scheduler", None)
    if scheduler is not None and scheduler != "local" and not _DASK_ADDRESS.fullmatch(scheduler):
        table.problem(
            f"field 'dask_scheduler' must be 'local' or a scheduler address such as "
            f"'tcp://10.0.0.5:8786', got {scheduler!r}"
        )
        scheduler = None
    return PipelineSettings(
        user_agent=table.string("user_agent", d.user_agent) or d.user_agent,
        timezone=timezone,
        schedule=schedule,
        data_dir=_resolve_path(base_dir, data_dir),
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


def _read_sample_site(table: _Table, base_dir: Path) -> SampleSite | None:
    table.unknown_keys(("root", "host", "port"))
    root = table.string("root")
    host = table.string("host", "127.0.0.1") or "127.0.0.1"
    port = table.integer("port", 18753, minimum=1, maximum=65535)
    if root is None:
        return None
    return SampleSite(root=_resolve_path(base_dir, root), host=host, port=port)


def _is_private_host(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return not address.is_global


def _check_selector(table: _Table, key: str, selector: str | None) -> None:
    if selector is None:
        return
    try:
        soupsieve.compile(selector)
    except soupsieve.SelectorSyntaxError as exc:
        first_line = str(exc).splitlines()[0]
        table.problem(f"field '{key}' is not a valid CSS selector ({first_line}), got {selector!r}")


def _read_url(table: _Table, sample_site: SampleSite | None, has_site_table: bool) -> str | None:
    url = table.string("url")
    if url is None:
        return None
    for name in _PLACEHOLDER.findall(url):
        if name != "sample_site":
            table.problem(
                f"field 'url' uses unknown placeholder {{{name}}} (only {{sample_site}} "
                f"is defined), got {url!r}"
            )
            return None
    if "{sample_site}" in url:
        if sample_site is None:
            reason = "is invalid" if has_site_table else "is missing"
            table.problem(
                f"field 'url' uses {{sample_site}} but the [sample_site] table {reason}, "
                f"got {url!r}"
            )
            return None
        url = url.replace("{sample_site}", sample_site.base_url)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        table.problem(f"field 'url' must be an absolute http:// or https:// URL, got {url!r}")
        return None
    return url


def _read_source(
    table: _Table,
    base_dir: Path,
    sample_site: SampleSite | None,
    has_site_table: bool,
) -> SourceConfig | None:
    before = len(table.problems)
    source_id = table.string("id")
    if source_id is not None and not _ID_RE.match(source_id):
        table.problem(
            "field 'id' must be letters, digits, '.', '_' or '-', starting with a letter or "
            f"digit (it is used in file names and folder:// URLs), got {source_id!r}"
        )
    kind = table.string("kind")
    if kind is not None and kind not in SOURCE_KINDS:
        table.problem(f"field 'kind' must be one of {', '.join(SOURCE_KINDS)}, got {kind!r}")
        kind = None
    doc_type = table.string("doc_type")
    if doc_type is not None and doc_type not in DOC_TYPES:
        table.problem(f"field 'doc_type' must be one of {', '.join(DOC_TYPES)}, got {doc_type!r}")

    if kind is None:
        table.unknown_keys(_ALL_SOURCE_KEYS)
        return None
    allowed = _KEYS_BY_KIND[kind]
    for key in table.data:
        if key in _ALL_SOURCE_KEYS and key not in allowed:
            owners = [k for k, keys in _KEYS_BY_KIND.items() if key in keys]
            table.problem(
                f"field '{key}' does not apply to kind '{kind}' "
                f"(it is for {' and '.join(owners)} sources)"
            )
    table.unknown_keys(_ALL_SOURCE_KEYS)

    url: str | None = None
    path: Path | None = None
    hosts: tuple[str, ...] = ()
    allow_private = False
    link_selector = next_selector = None
    max_pages = 5
    if kind == "folder":
        raw_path = table.string("path")
        path = _resolve_path(base_dir, raw_path) if raw_path else None
    else:
        url = _read_url(table, sample_site, has_site_table)
        allow_private = table.boolean("allow_private", False)
        listed = table.strings("allowed_hosts")
        if listed is not None:
            bad = [h for h in listed if not _HOST_RE.match(h.lower()) and not _is_ip(h)]
            if bad:
                table.problem(
                    "field 'allowed_hosts' must list host names such as 'www.example.org' "
                    f"(no scheme, port or path), got {bad[0]!r}"
                )
            hosts = tuple(h.lower() for h in listed)
        host = urlsplit(url).hostname if url else None
        if host:
            if listed is None:
                hosts = (host,)
            elif not any(_host_matches(host, pattern) for pattern in hosts):
                table.problem(
                    f"field 'allowed_hosts' does not include the host of url ({host!r}), "
                    "so the source itself could not be fetched"
                )
            if _is_private_host(host) and not allow_private:
                table.problem(
                    f"field 'url' points at a private address ({host!r}); set "
                    "allow_private = true if that is intended"
                )
        if kind == "listing":
            link_selector = table.string("link_selector")
            next_selector = table.string("next_selector", None)
            _check_selector(table, "link_selector", link_selector)
            _check_selector(table, "next_selector", next_selector)
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


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _host_matches(host: str, pattern: str) -> bool:
    """`www.x.org` matches itself; `*.x.org` matches any subdomain of x.org."""
    host = host.lower()
    if pattern.startswith("*."):
        return host.endswith(pattern[1:])
    return host == pattern


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
    settings = _read_settings(_Table(raw_pipeline, "[pipeline]", problems, label), base_dir)

    sample_site: SampleSite | None = None
    raw_site = data.get("sample_site")
    if raw_site is not None:
        if isinstance(raw_site, dict):
            site_table = _Table(raw_site, "[sample_site]", problems, label)
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
            problems.append(f"{label}: sources[{number}]: must be a table, got {_type_name(raw)}")
            continue
        raw_id = raw.get("id")
        where = (
            f"sources[{number}] (id '{raw_id}')"
            if isinstance(raw_id, str)
            else f"sources[{number}]"
        )
        table = _Table(raw, where, problems, label)
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
