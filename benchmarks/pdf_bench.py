"""Score our PDF reader against pypdfium2 on the two-column benchmark, side by side.

The benchmark (`../shared/pdf_bench` beside the checkout, or `--bench DIR`) holds PDFs that
LibreOffice and pdfLaTeX laid out from real pages, their ground truth and a scorer,
`score.py`, which runs `extract.pdf_text.parse_pdf` with this checkout's interpreter and, in
the same process and on the same bytes, pypdfium2's `get_text_range()` and pdfplumber's
`extract_text()`. The benchmark is third-party text, so it is not part of the repository:
when it is missing this says so and exits 0.

    .venv/bin/python benchmarks/pdf_bench.py [--bench DIR] [--out DIR] [--repeat N]
        [--only ID_PART]

Prints the scorer's table (sentences whole, with hyphens right, order, furniture, s/page)
and the issue month check; with `--out` the per-PDF outputs are kept there.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = REPO.parent / "shared" / "pdf_bench"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--out", type=Path, help="keep the scorer's outputs here")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="")
    args = parser.parse_args(argv)
    scorer = args.bench / "score.py"
    if not scorer.exists():
        print(f"no PDF benchmark at {args.bench} (score.py missing): nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        cmd = [
            sys.executable,
            str(scorer),
            "--project",
            str(REPO),
            "--project-python",
            sys.executable,
            "--out",
            str(out),
            "--repeat",
            str(args.repeat),
        ]
        if args.only:
            cmd += ["--only", args.only]
        done = subprocess.run(cmd, cwd=args.bench, capture_output=True, text=True, check=False)
        if done.returncode:
            print(done.stderr[-3000:], file=sys.stderr)
            return done.returncode
        print(done.stdout)
        summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
        ours, pdfium = summary["all/project"], summary["all/pypdfium2"]
        ratio = ours["s_per_page"] / pdfium["s_per_page"] if pdfium["s_per_page"] else 0.0
        print(
            f"parse_pdf {ours['s_per_page']:.4f} s/page, pypdfium2 "
            f"{pdfium['s_per_page']:.4f} s/page: {ratio:.1f}x, measured in the same run"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
