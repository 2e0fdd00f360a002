"""The operator's path: a Prefect server, a process work pool, `prefect deploy`, a worker.

``test_the_operator_path_end_to_end`` does what the README's "Running on a Prefect server"
tells an operator to do, with real processes on 127.0.0.1 and nothing else: it starts
``prefect server start`` on a free port with its own ``PREFECT_HOME``, creates the process
work pool, runs ``prefect deploy --all`` in a clean copy of the checkout (then again after a
schedule change, which replaces the schedule, and once with an invalid config, which must
fail and change nothing), starts a worker, triggers the deployment with the sample config,
waits for the run to complete, reads what it published, checks the worker's log for ERROR
lines, and stops the worker and the server the way the README says. Every process it starts
is stopped, also when it fails.

The clean copy holds the files git would commit (tracked, and new files not ignored) as they
are in the working tree, and nothing else: no ``data/``, no virtualenv, no caches. The
virtualenv is this one (the operator's, "with the project's virtualenv active").

The other tests here check the build step of ``prefect.yaml`` without a server.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import clean_env
from .e2e_support import free_port, run_cli, sample_config

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
POOL = "chinasci-process"
FULL_NAME = "chinasci-nightly/chinasci-nightly"
START_TIMEOUT = 300  # a fresh server applies every migration: over a minute on a busy machine
RUN_TIMEOUT = 900  # generous: only to avoid hanging CI
STOP_TIMEOUT = 120
CLI_TIMEOUT = 300
FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


# --------------------------------------------------------------------------- the build step


def test_resolve_fixes_the_checkout_config_and_schedule_at_deploy_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from flows.deployment import resolve
    from flows.schedule import schedule_from_config

    monkeypatch.chdir(REPO)
    outputs = resolve("config/sources.toml")
    schedule = schedule_from_config(REPO / "config" / "sources.toml")
    assert outputs == {
        "directory": str(REPO.resolve()),
        "config_path": str((REPO / "config" / "sources.toml").resolve()),
        "cron": schedule.cron,
        "timezone": schedule.timezone,
    }
    assert Path(outputs["directory"]).is_absolute()


def copy_checkout(dest: Path) -> Path:
    """The files git would commit, as they are in the working tree, copied to `dest`."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (raw.decode() for raw in listed)):
        source = REPO / name
        if source.is_file():  # listed but deleted in the working tree: not copied
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return dest


def test_resolve_refuses_what_would_make_every_run_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.deployment import DeploymentError, resolve

    monkeypatch.chdir(tmp_path)  # not a checkout: the old pull step "succeeded" here
    with pytest.raises(DeploymentError, match="not the root of a chinasci checkout"):
        resolve()

    checkout = copy_checkout(tmp_path / "checkout")
    monkeypatch.chdir(checkout)
    with pytest.raises(DeploymentError, match="no sources config"):
        resolve("config/missing.toml")

    sources = checkout / "config" / "sources.toml"
    good = sources.read_text(encoding="utf-8")
    sources.write_text(good.replace('timezone = "', 'timezone = "Mars/', 1), encoding="utf-8")
    with pytest.raises(DeploymentError, match="timezone"):
        resolve()
    sources.write_text(good, encoding="utf-8")

    prefect_yaml = checkout / "prefect.yaml"
    text = prefect_yaml.read_text(encoding="utf-8")
    assert "collision_strategy: ENQUEUE" in text
    prefect_yaml.write_text(
        text.replace("collision_strategy: ENQUEUE", "collision_strategy: CANCEL_NEW"),
        encoding="utf-8",
    )
    with pytest.raises(DeploymentError, match="concurrency_limit"):
        resolve()


# --------------------------------------------------------------------------- processes


def _default_sigint() -> None:
    """In the child before exec: SIGINT handled, as under a terminal or a service manager.

    A process started in the background by a non-interactive shell (``prefect worker start
    &`` in a script) inherits SIGINT *ignored*. Prefect's worker turns SIGTERM into a SIGINT
    to itself, so such a worker ignores SIGTERM too (README, "Stopping a worker").
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Processes:
    """Processes started by the test, each in its own session, logs in files; all stopped."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.started: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, args: list[str], *, cwd: Path, env: dict[str, str]):
        log = (self.logs / f"{name}.log").open("wb")
        try:
            process = subprocess.Popen(
                args,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_default_sigint,
            )
        finally:
            log.close()
        self.started[name] = process
        return process

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text(encoding="utf-8", errors="replace")

    def tail(self, name: str, lines: int = 60) -> str:
        return f"--- {name}.log (end) ---\n" + "\n".join(self.log(name).splitlines()[-lines:])

    def stop(self, name: str, timeout: float = STOP_TIMEOUT) -> int | None:
        """One SIGTERM, as the README says; None if it did not exit within `timeout`."""
        process = self.started[name]
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            return process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill_all(self) -> None:
        """SIGKILL whatever is left, with every descendant (flow runs have their own group)."""
        for process in self.started.values():
            if process.poll() is None:
                for pid in [*_descendants(process.pid), process.pid]:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
            process.wait()


def _descendants(pid: int) -> list[int]:
    """Every live descendant of `pid` (Linux /proc), children first."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found: list[int] = []
    frontier = [pid]
    while frontier:
        children = [child for child, parent in parents.items() if parent in frontier]
        found.extend(children)
        frontier = children
    return found


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[Processes]:
    logs = tmp_path / "logs"
    logs.mkdir()
    started = Processes(logs)
    try:
        yield started
    finally:
        # The test stops what it started cleanly; this is for a failure half-way.
        for name in ("worker", "server"):
            if name in started.started:
                started.stop(name, timeout=30)
        started.kill_all()


def _get(url: str) -> object:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=30) as response:
        return json.loads(response.read())


def _wait(predicate, timeout: float, what: str, interval: float = 1.0):  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"{what}: not within {timeout:g} s")


def _prefect(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`prefect ARGS` to completion, or a failure that shows its output."""
    result = subprocess.run(
        [str(BIN / "prefect"), *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"prefect {' '.join(args)} exited {result.returncode}:\n{output}"
    return result


# --------------------------------------------------------------------------- the path


@pytest.mark.slow
def test_the_operator_path_end_to_end(
    tmp_path: Path, processes: Processes, migrated_prefect_home: Path
) -> None:
    from flows.schedule import COLLISION_STRATEGY, CONCURRENCY_LIMIT, schedule_from_config

    checkout = copy_checkout(tmp_path / "checkout").resolve()
    # Environment of every command: this virtualenv first on PATH, no Prefect settings or
    # profile from the machine (HOME is the test's), no analytics. Then, as the README says:
    home = tmp_path / "home"
    home.mkdir()
    base = clean_env(home, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    base["DO_NOT_TRACK"] = "1"

    # 1. The server. Its database is a copy of the session's migrated one (a fresh server
    # would apply the same migrations first, which only takes longer).
    port = free_port()
    server_home = tmp_path / "server-home"
    shutil.copytree(migrated_prefect_home, server_home)
    server_env = {
        **base,
        "PREFECT_HOME": str(server_home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }
    server = processes.start(
        "server",
        [
            str(BIN / "prefect"),
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-ui",
        ],
        cwd=tmp_path,
        env=server_env,
    )
    api = f"http://127.0.0.1:{port}/api"

    def healthy() -> bool:
        assert server.poll() is None, f"the server exited\n{processes.tail('server')}"
        try:
            return _get(f"{api}/health") is True
        except OSError:
            return False

    _wait(healthy, START_TIMEOUT, "the Prefect server answers /health", interval=0.5)

    # 2-3. The work pool and the deployment, from the root of the checkout.
    env = {**base, "PREFECT_API_URL": api}
    _prefect("work-pool", "create", POOL, "--type", "process", cwd=checkout, env=env)
    deployed = _prefect("--no-prompt", "deploy", "--all", cwd=checkout, env=env).stdout
    assert f"Deployment '{FULL_NAME}' successfully created" in deployed, deployed

    deployment = _get(f"{api}/deployments/name/{FULL_NAME}")
    assert isinstance(deployment, dict)
    expected = schedule_from_config(checkout / "config" / "sources.toml")
    assert deployment["pull_steps"] == [
        {"prefect.deployments.steps.set_working_directory": {"directory": str(checkout)}}
    ]
    assert deployment["parameters"] == {
        "config_path": str(checkout / "config" / "sources.toml"),
        "data_dir": None,
    }
    [schedule] = deployment["schedules"]
    assert schedule["schedule"]["cron"] == expected.cron
    assert schedule["schedule"]["timezone"] == expected.timezone
    assert schedule["active"] is True
    assert deployment["paused"] is False
    assert deployment["global_concurrency_limit"]["limit"] == CONCURRENCY_LIMIT
    assert deployment["concurrency_options"]["collision_strategy"] == COLLISION_STRATEGY
    assert deployment["work_pool_name"] == POOL

    # The schedule lives in the config: changed there and deployed again, it replaces the
    # deployment's schedule (same deployment, still one schedule).
    sources = checkout / "config" / "sources.toml"
    text = sources.read_text(encoding="utf-8")
    for line in (f'schedule = "{expected.cron}"', f'timezone = "{expected.timezone}"'):
        assert line in text, f"config/sources.toml: no line {line!r}"
    sources.write_text(
        text.replace(f'schedule = "{expected.cron}"', 'schedule = "30 3 * * 1-5"').replace(
            f'timezone = "{expected.timezone}"', 'timezone = "Europe/Paris"'
        ),
        encoding="utf-8",
    )
    _prefect("--no-prompt", "deploy", "--all", cwd=checkout, env=env)
    redeployed = _get(f"{api}/deployments/name/{FULL_NAME}")
    assert isinstance(redeployed, dict)
    assert redeployed["id"] == deployment["id"]
    assert [
        (s["schedule"]["cron"], s["schedule"]["timezone"]) for s in redeployed["schedules"]
    ] == [("30 3 * * 1-5", "Europe/Paris")]

    # A config the runs could not use stops `prefect deploy` with the reason, and the
    # deployment stays as it was.
    sources.write_text(
        sources.read_text(encoding="utf-8").replace("Europe/Paris", "Europe/Atlantis"),
        encoding="utf-8",
    )
    refused = subprocess.run(
        [str(BIN / "prefect"), "--no-prompt", "deploy", "--all"],
        cwd=checkout,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT,
    )
    assert refused.returncode != 0, refused.stdout
    assert "Europe/Atlantis" in refused.stdout + refused.stderr
    assert "DeploymentError" in refused.stdout + refused.stderr
    unchanged = _get(f"{api}/deployments/name/{FULL_NAME}")
    assert isinstance(unchanged, dict)
    assert unchanged["schedules"] == redeployed["schedules"]
    assert unchanged["updated"] == redeployed["updated"]

    # 4. The worker, started anywhere: the deployment says where the code is.
    worker = processes.start(
        "worker",
        [str(BIN / "prefect"), "worker", "start", "--pool", POOL],
        cwd=tmp_path,
        env=env,
    )
    _wait(
        lambda: "started!" in processes.log("worker") or worker.poll() is not None,
        START_TIMEOUT,
        "the worker starts",
        interval=0.2,
    )
    assert worker.poll() is None, f"the worker exited\n{processes.tail('worker')}"

    # 5. A run now, on the sample site (its own copy, on a free port: see sample_config).
    config = sample_config(tmp_path / "sample")
    data_dir = tmp_path / "data"
    triggered = _prefect(
        "deployment",
        "run",
        FULL_NAME,
        "--param",
        f"config_path={config}",
        "--param",
        f"data_dir={data_dir}",
        cwd=tmp_path,
        env=env,
    ).stdout
    match = re.search(r"UUID: ([0-9a-f-]{36})", triggered)
    assert match, triggered
    flow_run_url = f"{api}/flow_runs/{match.group(1)}"

    def final_state() -> str | None:
        assert worker.poll() is None, f"the worker exited\n{processes.tail('worker')}"
        run = _get(flow_run_url)
        assert isinstance(run, dict)
        return run["state_type"] if run["state_type"] in FINAL else None

    state = _wait(final_state, RUN_TIMEOUT, "the flow run ends", interval=2.0)
    assert state == "COMPLETED", f"the run ended {state}\n{processes.tail('worker')}"

    # 6. What it published: a manifest (wherever the publisher puts the current one) and the
    # tables, read the way analysts read them.
    manifests = list((data_dir / "published").rglob("manifest.json"))
    assert manifests, f"nothing published under {data_dir / 'published'}"
    tables = json.loads(manifests[0].read_text(encoding="utf-8"))["tables"]
    assert {"documents", "budgets", "projects", "meetings"} <= set(tables)
    query = run_cli(
        "query",
        "--data-dir",
        str(data_dir),
        "--format",
        "json",
        "SELECT (SELECT count(*) FROM documents) AS documents, "
        "(SELECT count(*) FROM budgets) AS budgets",
        home=tmp_path / "query-home",
    )
    assert query.returncode == 0, query.stderr
    [counts] = json.loads(query.stdout)
    assert counts["documents"] == 5 and counts["budgets"] > 0, counts

    # 7. The clean stop: pause the pool, check that no run is in progress, one SIGTERM.
    _prefect("work-pool", "pause", POOL, cwd=tmp_path, env=env)
    running = _prefect(
        "flow-run",
        "ls",
        "--flow-name",
        "chinasci-nightly",
        "--state-type",
        "RUNNING",
        "--output",
        "json",
        cwd=tmp_path,
        env=env,
    )
    assert json.loads(running.stdout) == [], running.stdout
    assert processes.stop("worker") == 0, f"the worker did not stop\n{processes.tail('worker')}"
    log = processes.log("worker")
    assert "stopped!" in log
    errors = [line for line in log.splitlines() if re.search(r"\bERROR\b|Traceback", line)]
    assert not errors, "\n".join(errors)
    assert processes.stop("server") is not None, processes.tail("server")
