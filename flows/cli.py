"""The `chinasci` command: a thin layer that turns library calls into exit codes and messages.

Exit status for schedulers and operators: 0 when the run published (item failures are
reported, not fatal); 1 when it could not publish, with the reason on the last line;
2 for a usage or configuration error; 143 when stopped by SIGTERM, 130 by Ctrl-C (the run
is then recorded as failed, with that reason, and the lock released).

What can be checked before Prefect starts is: the configuration (a folder source's path
included), that the data directory is writable, the run lock, and that no other process
holds the warehouse. Each refusal is one line, in a second, instead of a Prefect start-up
and a traceback. The run's reason is printed after Prefect's own exit handlers (which log
while they drain), and the process then ends without the interpreter's shutdown, whose
only output would be the DuckDB binding's warnings about objects still alive: so the
reason is the last line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_CONFIG = "config/sources.toml"


def _data_dir(args: argparse.Namespace) -> Path:
    """--data-dir, else the config's [pipeline] data_dir, else ./data."""
    if getattr(args, "data_dir", None):
        return Path(args.data_dir).resolve()
    config = getattr(args, "config", None)
    if config:
        from extract.sources import load_config

        return load_config(Path(config)).settings.data_dir
    return Path("data").resolve()


def _run(args: argparse.Namespace, reprocess: bool = False) -> int:
    import atexit

    from extract.sources import check_folders, load_config
    from flows import stopping
    from flows.prefect_env import configure_prefect, start_local_server
    from warehouse.db import WAREHOUSE_FILE
    from warehouse.lock import RunLocked, WarehouseBusy, check_warehouse_free, run_lock

    config = load_config(Path(args.config))
    if not reprocess:  # reprocessing reads the raw store only
        check_folders(config)
    data_dir = Path(args.data_dir).resolve() if args.data_dir else config.settings.data_dir
    unwritable = _unwritable(data_dir)
    if unwritable:
        print(f"chinasci: not run: {unwritable}", file=sys.stderr)
        return 1
    stopping.install()
    ending = _Ending()
    # Registered before Prefect is imported, so it runs after Prefect's exit handlers.
    atexit.register(ending.say)
    try:
        with run_lock(data_dir):
            check_warehouse_free(data_dir / WAREHOUSE_FILE)
            configure_prefect(data_dir / ".prefect")
            # Started before the heavy imports below so that the two overlap (about 5 s).
            server = start_local_server()
            if server is not None:
                server.watch(_server_died)
            from flows.nightly import nightly

            result = nightly(
                config_path=str(config.path), data_dir=str(data_dir), reprocess=reprocess
            )
    except stopping.Stopped as exc:  # stopped outside the flow's own handling
        stopping.exit_now(exc.exit_code, f"chinasci: run failed: {exc.reason}")
    except (RunLocked, WarehouseBusy) as exc:
        return ending.set(1, err=f"chinasci: not run: {exc}")
    except BaseException as exc:  # the flow's Failed state (its message is the reason), or
        # a signal Prefect turned into its own exception after the run recorded it
        stop = stopping.requested()
        if stop is not None:  # recorded; do not wait for fetches in flight or Prefect
            stopping.exit_now(stop.exit_code, f"chinasci: run failed: {stop.reason}")
        if not isinstance(exc, Exception):
            raise
        return ending.set(1, err=f"chinasci: run failed: {exc}")
    published = data_dir / "published" / "current"
    return ending.set(0, out="\n".join([*result["lines"], f"published to {published}"]))


class _Ending:
    """The run's last lines and exit status, written at exit after Prefect's handlers."""

    def __init__(self) -> None:
        self.code: int | None = None
        self.out = ""
        self.err = ""

    def set(self, code: int, *, out: str = "", err: str = "") -> int:
        self.code, self.out, self.err = code, out, err
        return code

    def say(self) -> None:
        if self.code is None:
            return
        from flows import stopping

        if self.out:
            print(self.out)
        stopping.exit_now(self.code, self.err or None)


def _unwritable(data_dir: Path) -> str | None:
    """Why the run could not write in `data_dir`, or None. Checked before Prefect starts:
    its database lives there, and a read-only one fails as "500 Internal Server Error"."""
    import tempfile

    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=data_dir, prefix=".write-check-"):
            pass
    except OSError as exc:
        return f"cannot write to the data directory {data_dir}: {exc.strerror or exc}"
    return None


def _server_died(status: int) -> None:
    from flows import stopping

    stopping.request(
        stopping.Stopped(
            f"the local Prefect server exited (status {status}) during the run",
            prefect_gone=True,
        )
    )


def _serve(args: argparse.Namespace) -> int:
    from extract.sources import load_config
    from flows.prefect_env import configure_prefect

    config = load_config(Path(args.config))
    data_dir = _data_dir(args)
    configure_prefect(data_dir / ".prefect")
    from flows.serve import ServeError, serve_nightly

    try:
        serve_nightly(
            config_path=str(Path(args.config).resolve()),
            data_dir=str(data_dir),
            cron=args.cron or config.settings.schedule,
            timezone=args.timezone or config.settings.timezone,
        )
    except ServeError as exc:
        print(f"chinasci: cannot serve: {exc}", file=sys.stderr)
        return 1
    return 0


def _query(args: argparse.Namespace) -> int:
    from warehouse.query import NothingPublished, format_rows, run_query

    try:
        columns, rows = run_query(_data_dir(args) / "published", args.sql)
    except NothingPublished as exc:
        print(f"chinasci: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # duckdb errors name the problem in the SQL
        print(f"chinasci: query failed: {exc}", file=sys.stderr)
        return 1
    print(format_rows(columns, rows, args.format))
    return 0


def _quality(args: argparse.Namespace) -> int:
    import duckdb

    from warehouse.db import WAREHOUSE_FILE, table_columns
    from warehouse.query import format_table

    path = _data_dir(args) / WAREHOUSE_FILE
    if not path.exists():
        print(f"chinasci: no warehouse at {path}", file=sys.stderr)
        return 1
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.IOException as exc:
        print(f"chinasci: the warehouse is busy (a run is writing it): {exc}", file=sys.stderr)
        return 1
    # The last run by the order runs started in (`runs.seq`), not by its id or start time:
    # both come from the clock, and a clock set back would show an older run.
    # (A warehouse no run has migrated yet has no `seq`: then by start time.)
    order = "r.seq DESC NULLS LAST, " if "seq" in dict(table_columns(con, "runs")) else ""
    last_run = con.execute(
        "SELECT q.run_id FROM quality_results q JOIN runs r USING (run_id) "
        f"ORDER BY {order}r.started_at DESC LIMIT 1"
    ).fetchone()
    run_id = args.run or (last_run[0] if last_run else None)
    if run_id is None:
        print("chinasci: no quality results yet", file=sys.stderr)
        return 1
    cur = con.execute(
        "SELECT table_name, expectation, severity, success, observed_value, error "
        "FROM quality_results WHERE run_id = ? ORDER BY table_name, expectation",
        [run_id],
    )
    columns = [d[0] for d in cur.description]
    print(f"quality results of run {run_id}")
    print(format_table(columns, cur.fetchall()))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    import json

    from evaluation import evaluate, format_report, load_gold, report_to_dict
    from transform.consolidate import consolidate
    from transform.extractor import extract_candidates

    report = evaluate(load_gold(Path(args.gold)), extract_candidates, consolidate)
    if args.json:
        print(json.dumps(report_to_dict(report), indent=2, sort_keys=True))
    else:
        print(format_report(report, details=args.details))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chinasci",
        description="China S&T reviews and news -> budgets, projects, meetings (DuckDB, Parquet).",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def with_config(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--config", default=DEFAULT_CONFIG, help="sources TOML (default: %(default)s)"
        )
        p.add_argument(
            "--data-dir", help="where everything is written (default: the config's data_dir)"
        )

    p = sub.add_parser("run", help="one nightly run, now")
    with_config(p)
    p.set_defaults(func=_run)

    p = sub.add_parser("reprocess", help="re-derive all facts from stored raw documents, offline")
    with_config(p)
    p.set_defaults(func=lambda a: _run(a, reprocess=True))

    p = sub.add_parser("serve", help="run the nightly flow on its cron schedule through Prefect")
    with_config(p)
    p.add_argument("--cron", help="cron schedule (default: the config's schedule)")
    p.add_argument("--timezone", help="IANA time zone (default: the config's timezone)")
    p.set_defaults(func=_serve)

    p = sub.add_parser("query", help="read-only SQL on the published data")
    p.add_argument("sql")
    p.add_argument("--data-dir", help="data directory (default: ./data)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(func=_query)

    p = sub.add_parser("quality", help="the quality gate's results of the last (or a given) run")
    p.add_argument("--data-dir", help="data directory (default: ./data)")
    p.add_argument("--run", help="run id (default: the last run)")
    p.set_defaults(func=_quality)

    p = sub.add_parser("evaluate", help="score the extractor on an annotated gold set")
    p.add_argument("--gold", default="tests/gold", help="gold set folder (default: %(default)s)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument(
        "--details",
        action="store_true",
        help="list every missed and spurious fact with its evidence",
    )
    p.set_defaults(func=_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from extract.sources import ConfigError

    try:
        return int(args.func(args))
    except ConfigError as exc:
        print(f"chinasci: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("chinasci: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
