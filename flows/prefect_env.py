"""Prefect settings for chinasci runs: offline, state under the data directory, quiet shutdown.

Use at the CLI entry point, before anything imports prefect::

    configure_prefect(data_dir / ".prefect")   # environment only
    server = start_local_server()              # optional: the API boots during the imports
    from flows.nightly import nightly
    ...

Measured with Prefect 3.8.8 (SQLAlchemy 2.1.9, SQLite 3.40) on the 2-core development machine,
mostly while other jobs kept it busy (load average 3-4), so absolute times are inflated.

Why a successful run printed ERROR tracebacks
---------------------------------------------
In Prefect 3 the client does not write task runs: it emits events over a websocket, and the
server's TaskRunRecorder service turns them into task-run rows, by default one transaction per
event (``..._TASK_RUN_RECORDER_BATCH_SIZE=1``), roughly 10 task runs a second here, so it
falls behind. When the run ends, the client stops the temporary server (SIGTERM); the
server's shutdown cancels the recorder mid-write and the recorder logs the CancelledError as
``ERROR ... task_run_recorder - Error flushing 1 events (1 to retry, 0 dropped)`` with a
traceback, twice (two consumers), and drops the backlog. The EventPersister (default batch
20, every 5 s) is cancelled the same way; it logs at DEBUG, but the interrupted SQLite
connection can surface as ``ERROR asyncio - Task was destroyed but it is pending!``. Neither
is benign noise: with the defaults, a flow of 50 trivial tasks printed 6 ERROR/traceback lines
in 3 runs out of 3 and recorded 7-16 of its 50 task runs; with 600 tasks, 958 of 1800 events.

The fix removes the cause rather than the message: with the batch settings below the two
services hold the events instead of writing each on arrival, so no write is in progress when
the server is stopped, and their final flush, which runs uncancelled during the server's
shutdown, writes everything in a few transactions. Result, in 2
runs each of 50, 200 and 600 tasks, with this module's server and with Prefect's temporary
server: 0 ERROR lines, every task run recorded, and every event too except with Prefect's
server at 600 tasks (348 of 1800: it kills its server 5 s after SIGTERM, before the final
flush of that many events ends; :meth:`LocalServer.stop` allows 60 s).
tests/flows/test_prefect_env.py keeps checking both servers. Rejected: disabling the
recorder/persister (task runs lost), a log filter (hides lost data), short flush intervals (a
periodic flush caught by SIGTERM logs the same error), waiting for the server to be CPU-idle
before SIGTERM (an idle server still ticks). Limit: a run emitting more than
``WRITE_BATCH_SIZE`` events (about 660 tasks; this flow has 5) can be caught mid-batch.

The environment
---------------
Always (whichever server the runs report to):

- ``DO_NOT_TRACK=1``: no SDK analytics (Amplitude) from the client. Without it the client only
  stays quiet because it asks the server, whose analytics are off below.
- ``PREFECT_SERVER_ANALYTICS_ENABLED=false``: no telemetry heartbeat from a local server to
  sens-o-matic.prefect.io, whose failure printed ``ERROR ... Failed to send telemetry``.
  Prefect 3.8.8 has no update check; with both set, strace of a whole run shows connections to
  127.0.0.1 only (without them: a DNS query for the telemetry host).

Only without an operator API (PREFECT_API_URL in the environment, prefect.toml, pyproject.toml
or the active profile: then Prefect's home and profile are left alone and runs report there):

- ``PREFECT_HOME=<data_dir>/.prefect``: the SQLite database (``prefect.db``), memo files and
  any persisted results live with the pipeline's data.
- ``PREFECT_SERVER_EPHEMERAL_ENABLED=true``: Prefect may start its temporary server (this no
  longer comes from a profile, since the home moved).
- ``PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS=180``: the first start on a fresh data
  directory applies every migration: 20 s on a quiet machine, 27 s during ``chinasci run``
  under load; Prefect's default of 20 s failed the first run with "Timed out while attempting
  to connect to ephemeral Prefect API server".
- ``PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE`` and ``..._EVENT_PERSISTER_BATCH_SIZE``
  = ``WRITE_BATCH_SIZE`` (2000, lower on SQLite builds with fewer bound variables) and
  ``..._FLUSH_INTERVAL`` = 3600 s for both: write in a few large transactions, the remainder at
  shutdown. The server has no UI and lives only as long as the run, so nothing reads these rows
  earlier. A stop then takes longer the more events are held: 1 s for 150, 15-18 s for 1800.
- ``PREFECT_CLIENT_MAX_RETRIES=2``: a call to a local server that died is retried twice (2 s,
  then 4 s), not five times (62 s per call; a run whose server was killed ended 212 s later).
  ``LocalServer.watch`` tells the run at once when its server exits.

Each of these is a default: a value already in the environment wins. ``start_local_server``
also sets ``PREFECT_API_URL`` (its own server) and ``PREFECT_UI_URL=""`` (that server has no
UI, so no "View at http://127.0.0.1:..." links to nothing).

Start-up overhead, and the early server
---------------------------------------
Prefect always runs its temporary server as a subprocess (``SubprocessASGIServer``; 3.8.8 has
no in-process mode); the client starts it on first use, that is when the flow is called, after
all imports, and first imports the server package itself (about 3.5 s) only to get that class.
The server needs 5-6 s to answer (5 s of it importing ``prefect.server.api.server``), then the
first flow run takes about 1 s to create. ``import prefect`` takes 1.7-2.4 s and
``flows.nightly`` 2.1 s more. No setting shortens the server's imports; the start-up timeout
only bounds the wait. ``start_local_server`` starts the same server (same command, ``--fd``
instead of ``--port``) before the imports, so they overlap, and the client never imports the
server package. Measured from process start to the first line of the flow body, 5
interleaved runs each, a trivial flow after ``import flows.nightly``, warm database::

    Prefect defaults           median 25.5 s (18.6-34.3), 5 ERROR lines
    configure_prefect only     median 20.0 s (16.6-42.5), 0 ERROR lines
    + start_local_server       median 12.5 s (10.8-21.1), 0 ERROR lines

and for ``python -m flows.cli run --config config/sample.toml`` (3 runs each): flow begins at
13.1-18.4 s with configure_prefect only, 8.2-9.5 s with start_local_server, all exit 0 and quiet.

The server socket is bound here and passed to uvicorn (no port race; requests made before the
server is up wait in the listen backlog). The server runs in its own session (Ctrl-C reaches
the run, which reports the crash and then stops the server) and, on Linux, gets SIGTERM if the
run is killed without running its exit handlers (checked with SIGKILL).
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import tomllib
import warnings
from pathlib import Path

from flows.local_server import STARTUP_TIMEOUT_SECONDS, LocalServer, exit_with_parent

PREFECT_DIRNAME = ".prefect"
"""Prefect's home inside the pipeline's data directory: ``<data_dir>/.prefect``."""

WRITE_BATCH_SIZE = 2000
"""Events the server's task-run recorder and event persister hold before writing them in one
transaction (a run of this pipeline emits about three per task, far fewer than this).
Lowered where SQLite allows fewer bound variables (see ``_write_batch_size``)."""

FLUSH_SECONDS = 3600
"""Otherwise they write every hour, and at shutdown."""

CLIENT_RETRIES = 2
"""Retries of a failed call to a local server (Prefect's default, 5, waits up to 62 s)."""

# Off in every mode, whichever server the runs report to.
_OFFLINE = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}

# Only when the runs go to a server of our own (temporary, or the one `serve` starts).
_LOCAL = {
    "PREFECT_SERVER_EPHEMERAL_ENABLED": "true",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": str(STARTUP_TIMEOUT_SECONDS),
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_FLUSH_INTERVAL": str(FLUSH_SECONDS),
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_FLUSH_INTERVAL": str(FLUSH_SECONDS),
    # The client retries a failed call 5 times, 2, 4, ... 32 s apart: a run whose own
    # server died spent minutes reporting to nothing. Twice (6 s) covers a busy SQLite.
    "PREFECT_CLIENT_MAX_RETRIES": str(CLIENT_RETRIES),
}
_BATCH_KEYS = (
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_BATCH_SIZE",
)

_server: LocalServer | None = None
_server_lock = threading.Lock()


def operator_api_url(environ: dict[str, str] | None = None) -> str | None:
    """The Prefect API an operator configured, or None when runs should stay local.

    Looks where Prefect itself looks, in its order: the environment, then ``prefect.toml``
    and ``pyproject.toml`` ``[tool.prefect]`` in the working directory, then the active
    profile (``prefect config set PREFECT_API_URL=...`` / ``prefect profile use``). A URL
    that :func:`start_local_server` exported itself does not count.
    """
    env = os.environ if environ is None else environ
    url = env.get("PREFECT_API_URL", "").strip()
    if url and not (_server is not None and url == _server.api_url):
        return url
    for path, keys in (
        (Path("prefect.toml"), ("api", "url")),
        (Path("pyproject.toml"), ("tool", "prefect", "api", "url")),
    ):
        value = _toml_get(path, keys)
        if value:
            return value
    return _profile_api_url(env)


def configure_prefect(home: Path) -> None:
    """Set the environment for Prefect; call once at the CLI entry point, before importing prefect.

    Always: no telemetry from the client (``DO_NOT_TRACK``) or from a local server
    (``PREFECT_SERVER_ANALYTICS_ENABLED``). When no operator API is configured (see
    :func:`operator_api_url`): ``PREFECT_HOME=home`` so the SQLite database, results and
    memo files live under the data directory, plus the local-server settings described in
    the module docstring. With an operator API, Prefect's home and profile are left alone
    (the profile may be where the API URL and key live) and runs report to that server.

    Settings other than ``PREFECT_HOME`` are defaults: a value already in the environment
    wins, so an operator can still tune any of them.
    """
    if "prefect" in sys.modules:
        warnings.warn(
            "configure_prefect() called after prefect was imported: this process keeps the "
            "settings it loaded at import; only subprocesses see the new environment",
            RuntimeWarning,
            stacklevel=2,
        )
    for key, value in _OFFLINE.items():
        os.environ[key] = value
    if operator_api_url() is not None:
        return
    home = Path(home).resolve()
    home.mkdir(parents=True, exist_ok=True)
    os.environ["PREFECT_HOME"] = str(home)
    for key, value in _LOCAL.items():
        os.environ.setdefault(key, value)
    batch = str(_write_batch_size())
    for key in _BATCH_KEYS:
        os.environ.setdefault(key, batch)


def start_local_server(*, scheduler: bool = False) -> LocalServer | None:
    """Start this run's Prefect server now, so it boots while the caller imports its code.

    Returns None (and starts nothing) when an operator API is configured, or where file
    descriptors cannot be passed to a child (Windows): Prefect then starts its own
    temporary server on first use. ``scheduler=False`` is Prefect's temporary-server mode
    (no background scheduler); ``serve`` needs ``scheduler=True``, the full set of server
    services. Exports ``PREFECT_API_URL``, so call it before importing prefect (or apply
    the URL with ``prefect.settings.temporary_settings``). The server is stopped at exit.
    """
    global _server
    with _server_lock:
        if _server is not None and _server.process.poll() is None:
            return _server
        if os.name != "posix" or operator_api_url() is not None:
            return None
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            # Bound and listening here, handed to uvicorn by descriptor: no port race, and
            # clients that connect before the server is up wait in the backlog.
            sock.bind(("127.0.0.1", 0))
            sock.listen(128)
            port = sock.getsockname()[1]
            process = subprocess.Popen(
                _server_command(sock.fileno()),
                env=_server_env(scheduler),
                pass_fds=(sock.fileno(),),
                # Own session: a Ctrl-C in the terminal reaches the run, which then stops
                # the server after reporting, instead of both dying at once; and on Linux
                # the server gets SIGTERM if the run dies without its exit handlers.
                start_new_session=True,
                preexec_fn=exit_with_parent(),
                stdin=subprocess.DEVNULL,
            )
        finally:
            sock.close()
        _server = LocalServer(process, f"http://127.0.0.1:{port}/api", scheduler)
        os.environ["PREFECT_API_URL"] = _server.api_url
        # The server has no UI: no "View at http://127.0.0.1:..." links to a blank page.
        os.environ.setdefault("PREFECT_UI_URL", "")
        atexit.register(_server.stop)
        return _server


def _write_batch_size() -> int:
    """WRITE_BATCH_SIZE, or less where SQLite binds fewer variables per statement.

    The recorder inserts a whole batch of task-run states in one statement, 11 bound
    variables per state: 32766 variables (SQLite 3.32+) allow 2000, but old builds allow 999.
    """
    try:
        con = sqlite3.connect(":memory:")
        try:
            limit = con.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        finally:
            con.close()
    except (sqlite3.Error, AttributeError):
        limit = 999
    return max(1, min(WRITE_BATCH_SIZE, limit // 16))


def _server_command(fd: int) -> list[str]:
    spec = importlib.util.find_spec("prefect")
    if spec is None or spec.origin is None:
        raise RuntimeError("prefect is not installed")
    app_dir = str(Path(spec.origin).parent.parent)
    # The command Prefect 3.8.8 runs for its temporary server
    # (prefect.server.api.server.SubprocessASGIServer), with --fd instead of --host/--port.
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "--app-dir",
        app_dir,
        "--factory",
        "prefect.server.api.server:create_app",
        "--fd",
        str(fd),
        "--log-level",
        "error",
        "--lifespan",
        "on",
    ]


def _server_env(scheduler: bool) -> dict[str, str]:
    env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_FINAL": "1"}
    env.pop("PREFECT_API_URL", None)
    if not scheduler:
        env["PREFECT__SERVER_EPHEMERAL"] = "1"
    return env


def _toml_get(path: Path, keys: tuple[str, ...]) -> str | None:
    try:
        node: object = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    for key in keys:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node.strip() or None if isinstance(node, str) else None


def _profile_api_url(env: dict[str, str] | os._Environ[str]) -> str | None:
    prefect_home = Path(env.get("PREFECT_HOME") or "~/.prefect").expanduser()
    raw = env.get("PREFECT_PROFILES_PATH") or str(prefect_home / "profiles.toml")
    path = Path(raw.replace("${PREFECT_HOME}", str(prefect_home))).expanduser()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    active = env.get("PREFECT_PROFILE") or data.get("active") or "ephemeral"
    profile = data.get("profiles", {}).get(active, {})
    url = profile.get("PREFECT_API_URL") if isinstance(profile, dict) else None
    return url.strip() or None if isinstance(url, str) else None
