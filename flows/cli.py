"""The `chinasci` command: a thin layer that turns library calls into exit codes and messages.

Exit status for schedulers and operators: 0 when the run published (item failures are
reported, not fatal); 1 when it could not publish, with the reason on the last line;
2 for a usage or configuration error.
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
    from flows.prefect_env import configure_prefect, start_local_server

    data_dir = _data_dir(args)
    configure_prefect(data_dir / ".prefect")
    # Started before the heavy imports below so that the two overlap (about 5 s saved).
    start_local_server()
    from flows.nightly import nightly

    try:
        result = nightly(config_path=str(args.config), data_dir=str(data_dir), reprocess=reprocess)
    except Exception as exc:  # the flow has logged the traceback; the operator needs one line
        print(f"chinasci: run failed: {exc}", file=sys.stderr)
        return 1
    print("\n".join(result["lines"]))
    print(f"published to {data_dir / 'published'}")
    return 0


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

    from warehouse.db import WAREHOUSE_FILE
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
    run_id = (
        args.run or (con.execute("SELECT max(run_id) FROM quality_results").fetchone() or [None])[0]
    )
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
        print(format_report(report))
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
