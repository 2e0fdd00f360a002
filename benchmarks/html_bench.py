"""Score our HTML reader against trafilatura on trafilatura's own evaluation set, side by side.

The set (`../shared/html_bench` beside the checkout, or `--bench DIR`) holds 990 real pages
with snippets that must and must not be in the main text, and a scorer, `run.py`, which
runs `extract.html_text.parse_html` and trafilatura's "standard" settings one after the
other on the same bytes and scores both with trafilatura's own rule. The pages are
third-party text, so they are not part of the repository: when the set is missing this
says so and exits 0.

    .venv/bin/python benchmarks/html_bench.py [--bench DIR] [--out DIR] [--limit N]
        [--interleaved]

Prints the scorer's table, then the targets of issue 10: F1 within 0.005 of trafilatura
standard, no page raising, and the set read in at most 1.5x trafilatura's time. Exits 1
when a target is missed. trafilatura runs in this interpreter, which has the pinned
version.

The scorer times one tool after the other, so on a machine shared with other work the
load can differ between the two runs (the same code measured 0.9x and 1.9x that way).
`--interleaved` also times both in this process, page by page and in alternating order,
so that both see the same load; the time target is then judged on that figure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = REPO.parent / "shared" / "html_bench"
REFERENCE = "trafilatura-standard"
MAX_F1_GAP = 0.005
MAX_TIME_RATIO = 1.5
WARMUP_HTML = (
    b"<html><body><article><p>" + b"A short warm-up paragraph, with a comma. " * 20 + b"</p>"
    b"</article></body></html>"
)


def _launcher(directory: Path) -> Path:
    """An interpreter wrapper for the scorer's project worker.

    `run.py` gives its PROJECT_DIR argument and its worker's `--project-dir` option the
    same destination, so in the worker the project directory ends up None and goes onto
    `sys.path` as such; importing trafilatura (which reads its own version through
    importlib.metadata at import) then fails on that entry. Passing the checkout as the
    worker's positional argument too keeps both the same.
    """
    path = directory / "project-python"
    path.write_text(
        f'#!/bin/sh\nscript="$1"; shift\nexec "{sys.executable}" "$script" "{REPO}" "$@"\n',
        encoding="utf-8",
    )
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def _interleaved_seconds(bench: Path, limit: int) -> tuple[float, float]:
    """(parse_html seconds, trafilatura standard seconds) over the set, timed alternately."""
    sys.path.insert(0, str(REPO))
    import trafilatura

    from extract.documents import ParseError
    from extract.html_text import parse_html

    logging.disable(logging.CRITICAL)  # both log per page; that is not what is measured
    rows = json.loads((bench / "data" / "pages.json").read_text(encoding="utf-8"))["rows"]
    totals = [0.0, 0.0]

    def ours(content: bytes) -> None:
        try:
            parse_html(content)
        except ParseError:
            pass

    def reference(content: bytes) -> None:
        trafilatura.extract(
            content,
            fast=False,
            include_comments=False,
            include_tables=True,
            include_formatting=False,
        )

    tools = (ours, reference)
    for tool in tools:  # lazy imports and caches are paid before the clock starts
        tool(WARMUP_HTML)
    for i, row in enumerate(rows[: limit or None]):
        content = gzip.decompress((bench / "data" / "html" / f"{row['file']}.gz").read_bytes())
        for k in (0, 1) if i % 2 == 0 else (1, 0):
            start = time.perf_counter()
            tools[k](content)
            totals[k] += time.perf_counter() - start
    return totals[0], totals[1]


def _targets(
    summary: dict[str, object], interleaved: tuple[float, float] | None
) -> list[tuple[str, bool]]:
    """(description, met) for each target of issue 10."""
    results = summary["results"]
    assert isinstance(results, dict)
    ours, ref = results["project"], results[REFERENCE]
    gap = ref["f1"] - ours["f1"]
    raised = sum(ours["errors"].values())
    ours_s, ref_s, how = ours["total_s"], ref["total_s"], "one after the other"
    if interleaved:
        (ours_s, ref_s), how = interleaved, "interleaved"
    ratio = ours_s / ref_s if ref_s else float("inf")
    return [
        (
            f"F1 {ours['f1']:.3f} vs {ref['f1']:.3f}: difference {-gap:+.3f} "
            f"(at least {-MAX_F1_GAP:+.3f})",
            gap <= MAX_F1_GAP,
        ),
        (f"pages raising: {raised} {ours['errors'] or ''}".rstrip(), raised == 0),
        (
            f"time {ours_s:.1f} s vs {ref_s:.1f} s ({how}): {ratio:.2f}x "
            f"(at most {MAX_TIME_RATIO}x)",
            ratio <= MAX_TIME_RATIO,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--out", type=Path, help="keep the scorer's outputs here")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument(
        "--interleaved", action="store_true", help="also time both tools page by page, alternating"
    )
    args = parser.parse_args(argv)
    scorer = args.bench / "run.py"
    if not scorer.exists():
        print(f"no HTML benchmark at {args.bench} (run.py missing): nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "out"
        cmd = [
            sys.executable,
            str(scorer),
            str(REPO),
            sys.executable,
            "--project-python",
            str(_launcher(Path(tmp))),
            "--tools",
            "project",
            REFERENCE,
            "--out",
            str(out),
            "--limit",
            str(args.limit),
        ]
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        done = subprocess.run(cmd, cwd=args.bench, env=env, capture_output=True, text=True)
        if done.returncode:
            print(done.stdout[-3000:], done.stderr[-3000:], file=sys.stderr)
            return done.returncode
        print(done.stdout.rsplit("\n{", 1)[0])  # the table and diagnostics, not the JSON line
        summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    interleaved = _interleaved_seconds(args.bench, args.limit) if args.interleaved else None
    if interleaved:
        ours_s, ref_s = interleaved
        print(f"\ninterleaved timing: parse_html {ours_s:.1f} s, {REFERENCE} {ref_s:.1f} s")
    print("\ntargets (issue 10):")
    met = True
    for description, ok in _targets(summary, interleaved):
        print(f"  {'ok  ' if ok else 'MISS'} {description}")
        met = met and ok
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
