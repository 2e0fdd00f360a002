"""Mirroring a published run to object storage (`publish_url = "s3://bucket/prefix"`).

The local publication (`warehouse.publish`) stays what it is: `chinasci query`, the report
and the next run's comparisons read `published/current`. Once that switch has succeeded,
the finished run folder is copied, file by file, to `<prefix>/runs/<run id>/<file>`; the
sizes of the copies are checked against the local files; and only then is
`<prefix>/current.json` written, a small JSON naming the run and its files. Writing one key
is atomic in S3 (a reader gets the old object or the new one, never a mix), so that PUT is
the switch: a reader that reads `current.json` first, then the files it names, gets one
whole run. A run prefix is never written to after its pointer names it (run ids are never
reused), so those files do not change under a reader.

When the object store cannot be written (down, no permission, a full quota, an upload cut
midway) nothing is switched: `current.json` keeps naming the previous run, whose files are
all still there, and the local publication stands. The nightly run then ends "failed" with
one line saying so (`MirrorFailed`, a `PublishFailed`): readers of the bucket would
otherwise see yesterday's data without anyone being told, and a failed flow run is what
alerts the operator. A half-uploaded run prefix is never named by the pointer and is
removed by the next mirror's pruning.

As locally, the current run and the one before it are kept (a reader that read the pointer
just before a switch still finds its files); older run prefixes are deleted after the
switch. Unlike locally, nothing can pin a run: a reader holding a pointer two switches old
may find its files gone, and should read the pointer again. Pruning that fails is logged,
never a failure: the run is mirrored by then.

Credentials and region come from the AWS SDK's usual places (`AWS_ACCESS_KEY_ID` /
`AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`, `AWS_DEFAULT_REGION`, `~/.aws/config`, an
instance role); `s3_endpoint_url` points at an S3-compatible server instead of AWS.
The client is pyarrow's S3 filesystem (already a dependency: nothing else is installed).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pyarrow as pa
import pyarrow.fs as pafs

from warehouse.publish import MANIFEST, RUNS, PublishFailed

log = logging.getLogger(__name__)

POINTER = "current.json"
"""`<prefix>/current.json`: the run readers should read, written last, in one PUT."""

_RETRIES = 3
_CONNECT_TIMEOUT_S = 10.0
_REQUEST_TIMEOUT_S = 120.0


class MirrorFailed(PublishFailed):
    """Published locally, but not to the object store, whose pointer still names the run it
    named before (or none); its files are whole."""


@dataclass(frozen=True)
class StoreLocation:
    """`s3://bucket/prefix` split into the bucket and the key prefix (no slashes around)."""

    bucket: str
    prefix: str

    @classmethod
    def from_url(cls, url: str) -> StoreLocation:
        parts = urlsplit(url)
        if parts.scheme != "s3" or not parts.netloc:
            raise ValueError(f"not an object-store URL such as 's3://bucket/prefix': {url!r}")
        return cls(bucket=parts.netloc, prefix=parts.path.strip("/"))

    def path(self, *keys: str) -> str:
        """The pyarrow filesystem path `bucket/prefix/<keys...>`."""
        return "/".join(p for p in (self.bucket, self.prefix, *keys) if p)

    def url(self, *keys: str) -> str:
        return "s3://" + self.path(*keys)


@dataclass(frozen=True)
class Mirrored:
    run_id: str
    previous_run_id: str | None
    files: dict[str, int]  # file name -> bytes
    pruned: list[str]  # run ids whose prefixes were removed


def s3_filesystem(endpoint_url: str | None = None) -> pafs.S3FileSystem:
    """pyarrow's S3 client, for AWS (None) or an S3-compatible server at `endpoint_url`
    (path-style addressing, the scheme of the URL). Bounded retries and timeouts: a store
    that is down fails the mirror in seconds rather than hanging the nightly run."""
    options: dict[str, object] = {
        "connect_timeout": _CONNECT_TIMEOUT_S,
        "request_timeout": _REQUEST_TIMEOUT_S,
        "retry_strategy": pafs.AwsStandardS3RetryStrategy(max_attempts=_RETRIES),
    }
    if endpoint_url is not None:
        endpoint = urlsplit(endpoint_url)
        options["endpoint_override"] = endpoint.netloc
        options["scheme"] = endpoint.scheme or "https"
        options["force_virtual_addressing"] = False
    return pafs.S3FileSystem(**options)  # type: ignore[arg-type]


def read_pointer(filesystem: pafs.FileSystem, location: StoreLocation) -> dict | None:
    """The object store's `current.json`, or None before the first mirror."""
    path = location.path(POINTER)
    if filesystem.get_file_info(path).type == pafs.FileType.NotFound:
        return None
    with filesystem.open_input_stream(path) as stream:
        return json.loads(stream.read().decode("utf-8"))


def run_files(run_dir: Path) -> list[Path]:
    """The files of a local run folder in upload order: the manifest last, so a reader that
    looks for `runs/<id>/manifest.json` rather than the pointer also finds the rest there."""
    files = sorted(p for p in run_dir.iterdir() if p.is_file() and not p.name.startswith("."))
    return sorted(files, key=lambda p: p.name == MANIFEST)


def mirror_run(
    run_dir: Path,
    url: str,
    *,
    endpoint_url: str | None = None,
    filesystem: pafs.FileSystem | None = None,
    after_upload: Callable[[str], None] | None = None,
) -> Mirrored:
    """Copy the published run folder `run_dir` (`published/runs/<id>`) to `url`, then switch
    `<url>/current.json` to it and prune older runs.

    `filesystem` defaults to `s3_filesystem(endpoint_url)`. `after_upload(name)` runs after
    each file is uploaded (tests cut the connection there). Raises `MirrorFailed`, with one
    line for the operator, when anything before the switch fails; the pointer is then as it
    was.
    """
    location = StoreLocation.from_url(url)
    manifest = json.loads((run_dir / MANIFEST).read_text(encoding="utf-8"))
    run_id = str(manifest["run_id"])
    previous: str | None = None
    stage = "could not read the current pointer"
    try:
        fs = filesystem if filesystem is not None else s3_filesystem(endpoint_url)
        pointer = read_pointer(fs, location)
        previous = str(pointer["run_id"]) if pointer else None
        stage = "upload failed"
        sizes = _upload(fs, location, run_id, run_files(run_dir), after_upload)
        stage = "could not switch the pointer"
        _write_pointer(fs, location, manifest, previous, sizes)
    except (OSError, pa.ArrowException, ValueError, KeyError) as exc:
        before = f"run {previous}" if previous else "no run"
        names = "still names" if stage != "could not switch the pointer" else "named"
        raise MirrorFailed(
            f"published locally as run {run_id}, but not to {location.url()}: {stage}: "
            f"{_reason(exc)}; {location.url(POINTER)} {names} {before}"
        ) from exc
    pruned: list[str] = []
    try:
        pruned = prune_runs(fs, location, keep={run_id} | ({previous} if previous else set()))
    except (OSError, pa.ArrowException) as exc:
        log.warning("mirrored run %s, but could not prune %s: %s", run_id, location.url(), exc)
    log.info("mirrored run %s to %s", run_id, location.url(RUNS, run_id))
    return Mirrored(run_id=run_id, previous_run_id=previous, files=sizes, pruned=pruned)


def _upload(
    fs: pafs.FileSystem,
    location: StoreLocation,
    run_id: str,
    files: list[Path],
    after_upload: Callable[[str], None] | None,
) -> dict[str, int]:
    """Upload `files` under `runs/<run_id>/`, then check each copy's size against the local
    file; a short or missing copy is an error before anything is switched."""
    sizes: dict[str, int] = {}
    for local in files:
        with (
            open(local, "rb") as source,
            fs.open_output_stream(location.path(RUNS, run_id, local.name)) as target,
        ):
            while chunk := source.read(8 << 20):
                target.write(chunk)
        sizes[local.name] = local.stat().st_size
        if after_upload is not None:
            after_upload(local.name)
    infos = fs.get_file_info([location.path(RUNS, run_id, name) for name in sizes])
    for (name, size), info in zip(sizes.items(), infos, strict=True):
        if info.type != pafs.FileType.File or info.size != size:
            raise OSError(f"{name}: {info.size} bytes stored, {size} written")
    return sizes


def _write_pointer(
    fs: pafs.FileSystem,
    location: StoreLocation,
    manifest: dict,
    previous: str | None,
    sizes: dict[str, int],
) -> None:
    run_id = str(manifest["run_id"])
    pointer = {
        "run_id": run_id,
        "published_at": manifest.get("published_at"),
        "schema_version": manifest.get("schema_version"),
        "previous_run_id": previous,
        "prefix": f"{RUNS}/{run_id}/",
        "files": {
            name: {"key": f"{RUNS}/{run_id}/{name}", "bytes": n} for name, n in sizes.items()
        },
        "tables": {t: v.get("rows") for t, v in manifest.get("tables", {}).items()},
    }
    body = (json.dumps(pointer, indent=2, sort_keys=True) + "\n").encode("utf-8")
    with fs.open_output_stream(
        location.path(POINTER), metadata={"Content-Type": "application/json"}
    ) as target:
        target.write(body)


def prune_runs(fs: pafs.FileSystem, location: StoreLocation, *, keep: set[str]) -> list[str]:
    """Delete the run prefixes other than `keep` (and the one the pointer names); a prefix a
    failed mirror left half-written goes too."""
    selector = pafs.FileSelector(location.path(RUNS), allow_not_found=True)
    pointer = read_pointer(fs, location)
    if pointer is not None:
        keep = keep | {str(pointer["run_id"])}
    removed: list[str] = []
    for info in fs.get_file_info(selector):
        name = info.base_name
        if info.type != pafs.FileType.Directory or name in keep:
            continue
        fs.delete_dir(info.path)
        removed.append(name)
    if removed:
        log.info("removed %d superseded runs from %s", len(removed), location.url(RUNS))
    return sorted(removed)


def _reason(exc: BaseException) -> str:
    """The first line of the client's error ('AWS Error ACCESS_DENIED ...'), not a traceback."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
