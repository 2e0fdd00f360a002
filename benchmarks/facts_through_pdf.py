"""The extractors scored through the PDF reader: real pages laid out as two-column PDFs.

`chinasci evaluate --gold ../shared/realdev` scores the extractors on text as a parser
would hand it over. Reviews arrive as PDFs, so what analysts get also depends on the reader:
a sentence cut by a column, a hyphen left in "allot-ted", a running header inside a
paragraph, or an issue month misread, lose facts that the text alone would give. This runs
the PDF reader on the PDFs of `../shared/pdf_bench` that were laid out from the annotated
pages of `../shared/realdev`, then scores the extractors on what it read against the
annotations of those pages (the facts of every page a PDF holds).

The benchmark's texts are third-party pages: they are read from `../shared` and never
copied into the repository. Without that folder the script says so and exits 0.

Run: python benchmarks/facts_through_pdf.py [--shared DIR] [--json]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation import evaluate, format_report, load_gold_document  # noqa: E402
from evaluation.gold import GoldDocument  # noqa: E402
from evaluation.report import report_to_dict  # noqa: E402
from extract.documents import ParseError  # noqa: E402
from extract.pdf_text import parse_pdf  # noqa: E402
from transform.consolidate import consolidate  # noqa: E402
from transform.extractor import extract_candidates  # noqa: E402

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"


def _gold_through_pdf(pdf: Path, sources: list[str], realdev: Path) -> GoldDocument | None:
    """The annotated facts of the pages in one PDF, on the text the reader gives."""
    pages = [load_gold_document(realdev / Path(s).with_suffix(".json")) for s in sources]
    try:
        parsed = parse_pdf(pdf.read_bytes())
    except ParseError as exc:
        print(f"{pdf.name}: {exc}", file=sys.stderr)
        return None
    first = pages[0]
    return dataclasses.replace(
        first,
        doc_id=pdf.stem,
        doc_type="review" if len(pages) > 1 else first.doc_type,
        published_date=parsed.published_date or first.published_date,
        title=parsed.title or first.title,
        text=parsed.text,
        budgets=tuple(f for p in pages for f in p.budgets),
        projects=tuple(f for p in pages for f in p.projects),
        meetings=tuple(f for p in pages for f in p.meetings),
        negatives=tuple(n for p in pages for n in p.negatives),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    bench, realdev = args.shared / "pdf_bench", args.shared / "realdev"
    if not (bench / "truth").is_dir() or not realdev.is_dir():
        print(f"no pdf_bench or realdev folder under {args.shared}: nothing to measure")
        return 0
    gold: list[GoldDocument] = []
    for truth_file in sorted((bench / "truth").glob("*.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        sources = [s for s in truth.get("sources", []) if s.startswith("real_")]
        if not sources or len(sources) != len(truth.get("sources", [])):
            continue  # the seeds: annotated in the project's own gold set, not here
        doc = _gold_through_pdf(bench / "pdfs" / f"{truth['id']}.pdf", sources, realdev)
        if doc is not None:
            gold.append(doc)
    report = evaluate(gold, extract_candidates, consolidate)
    if args.json:
        print(json.dumps(report_to_dict(report), indent=2, default=str))
    else:
        print(f"{len(gold)} PDFs laid out from annotated real pages")
        print(format_report(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
