"""flows.prefect_env: the environment it sets, and quiet, complete local runs.

Each case runs in a fresh interpreter: configure_prefect must run before prefect is imported,
and it changes the process environment.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import clean_env

REPO = Path(__file__).resolve().parents[2]


def run_python(code: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


CONFIGURE = """
import json, os, sys
from pathlib import Path
from flows.prefect_env import configure_prefect
configure_prefect(Path(sys.argv[1]))
print(json.dumps({k: v for k, v in os.environ.items() if k.startswith(("PREFECT_", "DO_NOT"))}))
"""


def configured(tmp_path: Path, **extra: str) -> dict[str, str]:
    result = run_python(CONFIGURE, clean_env(tmp_path, **extra), str(tmp_path / "data/.prefect"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def test_local_runs_keep_state_in_the_data_dir_and_stay_offline(tmp_path: Path) -> None:
    env = configured(tmp_path)
    assert env["PREFECT_HOME"] == str(tmp_path / "data/.prefect")
    assert (tmp_path / "data/.prefect").is_dir()
    assert env["DO_NOT_TRACK"] == "1"
    assert env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert int(env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]) >= 120
    assert int(env["PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE"]) > 1
    assert int(env["PREFECT_SERVER_SERVICES_EVENT_PERSISTER_BATCH_SIZE"]) > 1
    assert "PREFECT_API_URL" not in env


def test_operator_settings_win(tmp_path: Path) -> None:
    env = configured(tmp_path, PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE="7")
    assert env["PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE"] == "7"


@pytest.mark.parametrize("where", ["environment", "profile"])
def test_an_operator_api_is_respected(tmp_path: Path, where: str) -> None:
    url = "http://prefect.example.internal:4200/api"
    extra = {}
    if where == "environment":
        extra["PREFECT_API_URL"] = url
    else:
        profiles = tmp_path / ".prefect" / "profiles.toml"
        profiles.parent.mkdir()
        profiles.write_text(f'active = "ops"\n[profiles.ops]\nPREFECT_API_URL = "{url}"\n')
    env = configured(tmp_path, **extra)
    assert "PREFECT_HOME" not in env  # the operator's home and profile stay in force
    assert env.get("PREFECT_API_URL", url) == url
    assert env["DO_NOT_TRACK"] == "1"
    assert "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE" not in env


RUN = """
import sys
from pathlib import Path
from flows.prefect_env import configure_prefect, start_local_server

configure_prefect(Path(sys.argv[1]))
server = start_local_server() if sys.argv[2] == "early" else None
from prefect import flow, task

@task
def double(i: int) -> int:
    return 2 * i

@flow(name="quiet-probe")
def probe(n: int) -> int:
    return sum(double(i) for i in range(n))

if server is not None:
    server.wait_ready()
print("result", probe(int(sys.argv[3])))
"""

TASKS = 40


@pytest.mark.slow
@pytest.mark.parametrize("server", ["early", "prefect"])
def test_a_successful_run_is_quiet_and_fully_recorded(
    tmp_path: Path, prefect_home: Path, server: str
) -> None:
    """No ERROR line or traceback, also at server shutdown, and every task run recorded.

    "early" is start_local_server; "prefect" is Prefect's own temporary server.
    """
    home = prefect_home
    result = run_python(RUN, clean_env(tmp_path), str(home), server, str(TASKS))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert f"result {sum(2 * i for i in range(TASKS))}" in result.stdout
    assert "Traceback" not in output and "| ERROR" not in output, output
    assert "telemetry" not in output
    assert "View at http://127.0.0.1" not in output  # that server has no UI

    con = sqlite3.connect(home / "prefect.db")
    try:
        ((flow_state,),) = con.execute("SELECT state_type FROM flow_run").fetchall()
        (completed,) = con.execute(
            "SELECT count(*) FROM task_run WHERE state_type = 'COMPLETED'"
        ).fetchone()
    finally:
        con.close()
    assert flow_state == "COMPLETED"
    assert completed == TASKS


def test_the_server_command_is_prefects_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """start_local_server runs what Prefect's temporary server runs, bar the socket option."""
    import prefect.server.api.server as prefect_server

    from flows.prefect_env import _server_command, _server_env

    captured: dict = {}
    monkeypatch.setattr(
        prefect_server.subprocess, "Popen", lambda args, env: captured.update(args=args, env=env)
    )
    server = prefect_server.SubprocessASGIServer(port=8999)
    try:
        server._run_uvicorn_command()
    finally:
        prefect_server.SubprocessASGIServer._instances.pop(8999, None)

    expected = list(captured["args"])
    i = expected.index("--host")
    del expected[i : i + 4]  # --host 127.0.0.1 --port 8999
    ours = _server_command(3)
    i = ours.index("--fd")
    assert ours[:i] + ours[i + 2 :] == expected
    env = _server_env(scheduler=False)
    for key in ("PREFECT_UI_ENABLED", "PREFECT__SERVER_EPHEMERAL", "PREFECT__SERVER_FINAL"):
        assert env[key] == captured["env"][key]
    assert "PREFECT__SERVER_EPHEMERAL" not in _server_env(scheduler=True)
