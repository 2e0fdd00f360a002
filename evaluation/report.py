"""The evaluation as text for people and as JSON for tools."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from evaluation.gold import TABLES, load_gold
from evaluation.scoring import EvaluationReport, TableScore, evaluate
from evaluation.similarity import participant_countries
from transform.facts import (
    Budget,
    Fact,
    Meeting,
    Project,
)

# --------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------


def _describe(fact: Fact) -> str:
    if isinstance(fact, Budget):
        return (
            f"{fact.amount:,.0f} {fact.currency} {fact.category} "
            f"{fact.fiscal_year or '-'} {fact.phase}"
        )
    if isinstance(fact, Project):
        return f"{fact.name} ({fact.project_type}, {fact.status}, {fact.event_date or '-'})"
    if isinstance(fact, Meeting):
        return f"{fact.title} ({fact.meeting_type}, {fact.start_date or '-'})"
    return repr(fact)


def _clip(s: str, n: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def format_report(report: EvaluationReport, details: bool = False) -> str:
    """Readable tables: per-table scores, field accuracy, cross-document check, per
    document counts; with `details`, every missed and spurious fact."""
    lines: list[str] = []
    n_gold = sum(len(d.matches) + len(d.missed) for d in report.documents)
    lines.append(
        f"Gold evaluation: {len(report.documents)} documents, {n_gold} gold facts, "
        f"{report.candidates} candidates ({report.bad_mentions} with evidence not "
        f"at their offsets)"
    )
    lines.append("")
    lines.append(f"{'table':<10}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}{'F1':>7}")
    for table in TABLES:
        s = report.tables[table]
        lines.append(
            f"{table:<10}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>11.3f}"
            f"{s.recall:>8.3f}{s.f1:>7.3f}"
        )
    neg = sum(p.negative is not None for d in report.documents for p in d.spurious)
    lines.append(f"false positives on annotated hard negatives: {neg}")
    lines.append("")
    lines.append("Field accuracy on matched facts")
    for table in TABLES:
        s = report.tables[table]
        parts = []
        for fname, fs in s.fields.items():
            acc = "  n/a" if fs.accuracy is None else f"{fs.accuracy:5.2f}"
            parts.append(f"{fname} {acc} ({fs.correct:g}/{fs.total})")
        lines.append(f"  {table}: " + "; ".join(parts))
    lines.append("")
    cd = report.cross_document
    lines.append(
        f"Cross-document (same_as groups): {cd.count('merged')}/{len(cd.groups)} "
        f"merged, {cd.count('split')} split, {cd.count('missed')} with a member not "
        f"extracted; false merges: {len(cd.false_merges)}"
        + (f"; ERROR {cd.error}" if cd.error else "")
    )
    for g in cd.groups:
        if g.status != "merged":
            lines.append(f"  {g.status:<7} {g.key}: {', '.join(g.members)}")
    for fm in cd.false_merges:
        lines.append(f"  false merge {fm.fact_id}: {', '.join(fm.members)}")
    lines.append("")
    lines.append("Per document (tp/fp/fn)")
    lines.append(f"  {'document':<36}{'budgets':>10}{'projects':>10}{'meetings':>10}")
    for d in report.documents:
        cells = []
        for table in TABLES:
            s = d.score(table)
            cells.append(f"{s.tp}/{s.fp}/{s.fn}")
        err = f"  ERROR {d.error}" if d.error else ""
        lines.append(f"  {d.doc_id:<36}{cells[0]:>10}{cells[1]:>10}{cells[2]:>10}{err}")
    if details:
        lines.append("")
        lines.append("Missed (false negatives)")
        for d in report.documents:
            for gf in d.missed:
                lines.append(f"  {gf.label}: {_clip(_describe(gf.fact))}")
                lines.append(f'      "{_clip(gf.evidence)}"')
        lines.append("Spurious (false positives)")
        for d in report.documents:
            for p in d.spurious:
                tag = f" [annotated negative: {p.negative}]" if p.negative else ""
                lines.append(f"  {d.doc_id} {p.fact_type}: {_clip(_describe(p.fact))}{tag}")
                lines.append(f'      "{_clip(p.evidence)}"')
        lines.append("Field errors on matched facts")
        for d in report.documents:
            for m in d.matches:
                wrong = [f for f, (c, t) in m.fields.items() if t and c < t]
                if wrong:
                    vals = ", ".join(
                        f"{f}: gold={_field_value(m.gold.fact, f)!r} "
                        f"pred={_field_value(m.predicted.fact, f)!r}"
                        for f in wrong
                    )
                    lines.append(f"  {m.gold.label}: {_clip(vals, 160)}")
    return "\n".join(lines)


def _field_value(fact: Fact, name: str) -> Any:
    if name == "participant_countries":
        return sorted(participant_countries(fact))
    if name == "persons":
        return [p.name for p in getattr(fact, "participants", ()) if p.kind == "person"]
    value = getattr(fact, name, None)
    return value.isoformat() if isinstance(value, date) else value


def _table_dict(s: TableScore) -> dict[str, Any]:
    return {
        "tp": s.tp,
        "fp": s.fp,
        "fn": s.fn,
        "precision": s.precision,
        "recall": s.recall,
        "f1": s.f1,
        "fields": {
            f: {"correct": fs.correct, "total": fs.total, "accuracy": fs.accuracy}
            for f, fs in s.fields.items()
        },
    }


def report_to_dict(report: EvaluationReport) -> dict[str, Any]:
    """The report as plain JSON-serialisable data."""
    cd = report.cross_document
    return {
        "documents": len(report.documents),
        "candidates": report.candidates,
        "bad_mentions": report.bad_mentions,
        "negative_hits": sum(p.negative is not None for d in report.documents for p in d.spurious),
        "tables": {t: _table_dict(s) for t, s in report.tables.items()},
        "cross_document": {
            "groups": len(cd.groups),
            "merged": cd.count("merged"),
            "split": cd.count("split"),
            "missed": cd.count("missed"),
            "merge_rate": cd.merge_rate,
            "false_merges": [
                {"fact_id": fm.fact_id, "members": list(fm.members), "keys": list(fm.keys)}
                for fm in cd.false_merges
            ],
            "group_results": [
                {
                    "key": g.key,
                    "table": g.table,
                    "status": g.status,
                    "members": list(g.members),
                    "row_ids": list(g.row_ids),
                }
                for g in cd.groups
            ],
            "rows": cd.rows,
            "error": cd.error,
        },
        "per_document": [
            {
                "doc_id": d.doc_id,
                "doc_type": d.doc_type,
                "error": d.error,
                "candidates": d.candidates,
                "bad_mentions": d.bad_mentions,
                "tables": {
                    t: {k: v for k, v in _table_dict(d.score(t)).items() if k != "fields"}
                    for t in TABLES
                },
                "missed": [
                    {"table": g.table, "index": g.index, "evidence": g.evidence} for g in d.missed
                ],
                "spurious": [
                    {
                        "fact_type": p.fact_type,
                        "evidence": p.evidence,
                        "negative": p.negative,
                        "fact": _describe(p.fact),
                    }
                    for p in d.spurious
                ],
                "field_errors": [
                    {
                        "table": m.gold.table,
                        "index": m.gold.index,
                        "fields": {
                            f: {
                                "gold": _field_value(m.gold.fact, f),
                                "predicted": _field_value(m.predicted.fact, f),
                            }
                            for f, (c, t) in m.fields.items()
                            if t and c < t
                        },
                    }
                    for m in d.matches
                    if any(t and c < t for c, t in m.fields.values())
                ],
            }
            for d in report.documents
        ],
    }


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m evaluation [--json] [--details] [GOLD_DIR]`: score the project's
    extractor (`transform.extractor`, `transform.consolidate`) on the gold set."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m evaluation")
    parser.add_argument(
        "gold_dir",
        nargs="?",
        default=str(Path(__file__).resolve().parent.parent / "tests" / "gold"),
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--details", action="store_true", help="list every error")
    args = parser.parse_args(argv)

    from transform.consolidate import consolidate
    from transform.extractor import extract_candidates

    report = evaluate(load_gold(Path(args.gold_dir)), extract_candidates, consolidate)
    if args.json:
        print(json.dumps(report_to_dict(report), indent=2, default=str))
    else:
        print(format_report(report, details=args.details))
    return 0
