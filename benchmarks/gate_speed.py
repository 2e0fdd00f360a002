"""How long the quality gate takes, and whether it grows linearly with the rows.

The gate runs every night before anything is published, so its time is part of the
publication delay. Measured, each as the median of several rounds:

1. `import great_expectations` in a fresh interpreter (paid once per run, only when
   validating);
2. the gate on the small realistic dataset of every published table: the fixed cost, as GX
   spends tens of milliseconds per expectation whatever the size of the frame;
3. the gate on the realistic dataset plus N synthetic budgets with one mention each, i.e.
   2N budgets+mentions rows: at the size asked for (default 100,000 rows), twice and four
   times it.

Linearity: the marginal rate (extra rows / extra CPU seconds) from 1x to 2x and from 2x to
4x; a ratio near 1 means a constant cost per row. CPU time (the least of the rounds) is used
because a busy machine disturbs it far less than wall time; both are printed.

Run: python benchmarks/gate_speed.py [--rows 100000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from expectations.gate import run_gate  # noqa: E402
from expectations.synthetic import large_tables, realistic_tables  # noqa: E402

_IMPORT = (
    "import time; t = time.perf_counter(); import great_expectations; "
    "print(time.perf_counter() - t)"
)


def import_seconds(rounds: int) -> float:
    """Median time of `import great_expectations` in a fresh interpreter."""
    env = {**os.environ, "GX_ANALYTICS_ENABLED": "False"}
    times = []
    for _ in range(rounds):
        out = subprocess.run(
            [sys.executable, "-c", _IMPORT], capture_output=True, text=True, env=env, check=True
        )
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


def gate_seconds(tables: dict, rounds: int) -> tuple[float, float]:
    """(median wall, least CPU) seconds of `run_gate` on `tables` (GX already imported)."""
    walls, cpus = [], []
    for i in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run_gate(tables, run_id=f"bench-{i}", previous_counts=None)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        if result.status != "pass":
            raise SystemExit("benchmark data did not pass:\n" + "\n".join(result.summary_lines()))
    return statistics.median(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="budgets+mentions rows")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    gx_import = import_seconds(args.rounds)
    print(f"import great_expectations (fresh interpreter): {gx_import:.2f} s median")

    small = realistic_tables()
    gate_seconds(small, 1)  # warm-up: imports GX in this process, fills caches
    small_rows = sum(len(f) for f in small.values())
    wall0, cpu0 = gate_seconds(small, args.rounds)
    print(
        f"gate, realistic dataset ({small_rows} rows, {len(small)} tables): "
        f"{wall0:.2f} s wall (median), {cpu0:.2f} s CPU (least)"
    )

    sizes = [args.rows // 2, args.rows, 2 * args.rows]  # budgets, each with one mention
    timed = []
    for n in sizes:
        wall, cpu = gate_seconds(large_tables(n), args.rounds)
        timed.append((2 * n, wall, cpu))
        print(
            f"gate, + {2 * n:,} budgets+mentions rows: {wall:.2f} s wall (median), "
            f"{cpu:.2f} s CPU (least); {2 * n / wall:,.0f} rows/s overall"
        )
    (r1, _, c1), (r2, _, c2), (r3, _, c3) = timed
    first, second = (r2 - r1) / (c2 - c1), (r3 - r2) / (c3 - c2)
    print(
        f"marginal rate (CPU): {first:,.0f} rows/s from {r1:,} to {r2:,} rows, "
        f"{second:,.0f} rows/s from {r2:,} to {r3:,}; ratio {second / first:.2f} (1.00 = linear)"
    )
    print(f"nightly cost at {r1:,} rows, import included: {gx_import + timed[0][1]:.1f} s wall")


if __name__ == "__main__":
    main()
