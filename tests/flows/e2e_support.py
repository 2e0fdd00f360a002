"""Shared by the end-to-end flow tests: `chinasci` subprocesses, the stages without Prefect,
config templates, and the checks every published directory must pass.

Not a test module. A real `chinasci run` costs Prefect's start-up (tens of seconds), so the
tests use one only where the command itself is the point (exit status, last line, a kill),
and otherwise call the stage functions of `flows/steps.py` in the order `flows/nightly.py`
calls them (`run_stages`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import queue
import re
import shutil
import signal
import string
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[2]
CHINASCI = [sys.executable, "-m", "flows.cli"]
CONFIGS = REPO / "tests" / "fixtures" / "configs"
SAMPLE_CONFIG = REPO / "config" / "sample.toml"
CLI_TIMEOUT = 600


# --------------------------------------------------------------------------- configs


def render_config(template: str, dest: Path, **values: object) -> Path:
    """tests/fixtures/configs/<template> with its ${name} placeholders filled, at dest."""
    text = string.Template((CONFIGS / template).read_text(encoding="utf-8"))
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text.substitute({k: str(v) for k, v in values.items()}), encoding="utf-8")
    return dest


def sample_config(root: Path) -> Path:
    """config/sample.toml and the sample site under `root`, served on a free port.

    The bundled config serves the site on a fixed port, so two sample runs on one machine
    (another test session, an operator's `make run`) collide. This copy differs in the port
    only: `root/samples/site` is the sample site with its absolute links moved to that port,
    `root/samples/inbox` the inbox, so the config's relative paths name the same content.
    """
    text = SAMPLE_CONFIG.read_text(encoding="utf-8")
    old = re.search(r"(?m)^port = (\d+)$", text)
    assert old is not None, "config/sample.toml: no 'port = N' line in [sample_site]"
    port = free_port()
    text = text[: old.start(1)] + str(port) + text[old.end(1) :]
    samples = root / "samples"
    shutil.copytree(REPO / "samples" / "site", samples / "site")
    shutil.copytree(REPO / "samples" / "inbox", samples / "inbox")
    for path in (samples / "site").rglob("*"):
        if path.suffix in (".html", ".xml", ".txt"):
            stat = path.stat()
            path.write_bytes(
                path.read_bytes().replace(
                    f"127.0.0.1:{old.group(1)}".encode(), f"127.0.0.1:{port}".encode()
                )
            )
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    (root / "config").mkdir(parents=True, exist_ok=True)
    path = root / "config" / "sample.toml"
    path.write_text(text, encoding="utf-8")
    return path


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --------------------------------------------------------------------------- the command


def seed_prefect_home(data_dir: Path, migrated: Path) -> None:
    """Give `data_dir` a Prefect database with its migrations applied (a copy of the
    session's, `migrated_prefect_home` in conftest.py), so the first `chinasci run` there
    does not spend its start-up migrating a fresh one."""
    shutil.copytree(migrated, data_dir / ".prefect")


def cli_env(home: Path) -> dict[str, str]:
    """This environment without Prefect settings and with HOME at `home`, so no operator
    profile or API URL sends a test run to a real Prefect server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.pop("DO_NOT_TRACK", None)
    home.mkdir(parents=True, exist_ok=True)
    env.update(HOME=str(home), PYTHONUNBUFFERED="1")
    return env


def run_cli(
    *args: str, home: Path, timeout: float = CLI_TIMEOUT
) -> subprocess.CompletedProcess[str]:
    """`chinasci ARGS` to completion, from the repository root."""
    return subprocess.run(
        [*CHINASCI, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=cli_env(home),
        stdin=subprocess.DEVNULL,
    )


def last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


class LiveRun:
    """A `chinasci run` subprocess whose stderr is read line by line as it is written.

    Started in its own session, so `kill()` can SIGKILL the run and then, by the same id,
    whatever it started (Prefect's temporary API server outlives a killed run otherwise).
    """

    def __init__(self, *args: str, home: Path) -> None:
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [*CHINASCI, *args],
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(home),
            start_new_session=True,
        )
        self.stderr_lines: list[str] = []
        self.stdout_lines: list[str] = []
        self._lines: queue.Queue[str] = queue.Queue()
        self._readers = [
            threading.Thread(target=self._pump, args=(self.proc.stderr, self.stderr_lines, True)),
            threading.Thread(target=self._pump, args=(self.proc.stdout, self.stdout_lines, False)),
        ]
        for reader in self._readers:
            reader.daemon = True
            reader.start()

    def _pump(self, stream, sink: list[str], notify: bool) -> None:  # noqa: ANN001
        for line in stream:
            sink.append(line)
            if notify:
                self._lines.put(line)

    def wait_for_line(self, needle: str, timeout: float = CLI_TIMEOUT) -> str:
        """Block until a stderr line containing `needle` is written; return it."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no line with {needle!r} within {timeout:g} s:\n{self.stderr}")
            try:
                line = self._lines.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                if self.proc.poll() is not None and self._lines.empty():
                    raise AssertionError(
                        f"the run exited ({self.proc.returncode}) before {needle!r}:\n{self.stderr}"
                    ) from None
                continue
            if needle in line:
                return line

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL the run, then anything left in its session (its Prefect server)."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=60)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self._join()

    def wait(self, timeout: float = CLI_TIMEOUT) -> int:
        try:
            code = self.proc.wait(timeout=timeout)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        self._join()
        return code

    def _join(self) -> None:
        for reader in self._readers:
            reader.join(timeout=10)

    @property
    def stderr(self) -> str:
        return "".join(self.stderr_lines)

    @property
    def stdout(self) -> str:
        return "".join(self.stdout_lines)


def wait_until(predicate, timeout: float, interval: float = 0.005, run: LiveRun | None = None):  # noqa: ANN001
    """Poll `predicate` until it returns something truthy (returned), or fail."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        if run is not None and not run.alive():
            raise AssertionError(f"the run exited ({run.proc.returncode}) first:\n{run.stderr}")
        time.sleep(interval)
    raise TimeoutError(f"condition not met within {timeout:g} s")


# --------------------------------------------------------------------------- the stages


@dataclass
class StagesResult:
    run_id: str
    to_parse: int
    extracted: int
    lines: list[str] = field(default_factory=list)
    requests: int = 0
    not_modified: int = 0
    status: str = "published"


def run_stages(config_path: Path, data_dir: Path, *, gate: bool = False) -> StagesResult:
    """One run through the stage functions, in the order of `flows/nightly.py`, in this
    process and without Prefect. The quality gate (seconds of Great Expectations) only
    when asked; without it everything is published."""
    from extract.sample_site import serve_sample_site
    from extract.sources import load_config
    from flows import publish_steps, steps
    from warehouse.lock import run_lock

    config = load_config(config_path)
    with run_lock(data_dir), contextlib.ExitStack() as stack:
        if config.sample_site is not None:
            site = config.sample_site
            stack.enter_context(serve_sample_site(site.root, site.host, site.port))
        ctx = steps.open_run(config, data_dir)
        stack.callback(ctx.con.close)
        fetcher = steps.make_fetcher(config)
        collected = [steps.collect(ctx, source, fetcher) for source in config.sources]
        to_parse = steps.store_collected(ctx, collected)
        steps.parse_and_store(ctx, to_parse)
        extracted = steps.extract_facts(ctx)
        publish_steps.consolidate_facts(ctx)
        standing = publish_steps.standing_publication(ctx)
        if standing is not None:  # as the flow does on a night with nothing new
            summary = steps.finish(ctx, "unchanged", f"nothing changed since run {standing}")
        else:
            excluded: dict[str, set[str]] = {}
            if gate:
                outcome = publish_steps.validate(ctx)
                assert outcome.publishable, outcome.reason
                excluded = outcome.excluded
            publish_steps.publish_run(ctx, excluded)
            summary = steps.finish(ctx, "published")
        return StagesResult(
            run_id=ctx.run_id,
            to_parse=len(to_parse),
            extracted=extracted,
            lines=summary.lines(),
            requests=summary.requests,
            not_modified=summary.not_modified,
            status=summary.status,
        )


# --------------------------------------------------------------------------- checks


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        yield con
    finally:
        con.close()


def published_problems(published: Path) -> list[str]:
    """What a reader of `published/` could trip over; empty when it is whole.

    A temporary file may exist (a killed run leaves one) but only under a hidden temporary
    name; every visible Parquet file reads completely and has the manifest's row count; the
    manifest parses; the analyst copy opens and names the manifest's run.
    """
    problems: list[str] = []
    if not published.exists():
        return problems
    for path in published.iterdir():
        if ".tmp" in path.name and not path.name.startswith("."):
            problems.append(f"temporary file under a visible name: {path.name}")
    manifest_path = published / "manifest.json"
    manifest = None
    if manifest_path.exists():
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except ValueError as exc:
            problems.append(f"manifest unreadable: {exc}")
    for path in sorted(published.glob("*.parquet")):
        try:
            rows = pq.read_table(path).num_rows
        except Exception as exc:  # noqa: BLE001 - any failure to read is the finding
            problems.append(f"{path.name} unreadable: {exc}")
            continue
        if manifest is not None:
            entry = manifest["tables"].get(path.stem)
            if entry is None:
                problems.append(f"{path.name} not in the manifest")
            elif entry["rows"] != rows:
                problems.append(f"{path.name}: {rows} rows, manifest says {entry['rows']}")
    if manifest is not None:
        for table, entry in manifest["tables"].items():
            if not (published / entry["file"]).exists():
                problems.append(f"manifest names {entry['file']} ({table}), which is missing")
    analyst = published / "analyst.duckdb"
    if analyst.exists():
        try:
            with read_only(analyst) as con:
                run_id = con.execute("SELECT run_id FROM publication").fetchone()[0]
                if manifest is not None:
                    for table, entry in manifest["tables"].items():
                        n = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                        if run_id == manifest["run_id"] and n != entry["rows"]:
                            problems.append(f"analyst {table}: {n} rows, manifest {entry['rows']}")
        except Exception as exc:  # noqa: BLE001
            problems.append(f"analyst copy does not open: {exc}")
    return problems


def raw_problems(raw: Path) -> list[str]:
    """Every visible file under raw/ is named by the sha256 of its whole content."""
    problems = []
    if raw.exists():
        for path in raw.rglob("*"):
            if path.is_file() and not path.name.startswith("."):
                if hashlib.sha256(path.read_bytes()).hexdigest() != path.name:
                    problems.append(f"raw/{path.relative_to(raw)} does not hold its hash's bytes")
    return problems


def raw_files(raw: Path) -> list[Path]:
    if not raw.exists():
        return []
    return [p for p in raw.rglob("*") if p.is_file() and not p.name.startswith(".")]


def published_bytes(published: Path) -> dict[str, bytes]:
    """Every visible file of `published/` by name (hidden temporaries left out)."""
    if not published.exists():
        return {}
    return {
        p.name: p.read_bytes()
        for p in sorted(published.iterdir())
        if p.is_file() and not p.name.startswith(".")
    }
