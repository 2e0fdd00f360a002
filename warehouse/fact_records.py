"""The rows each fact table gets from the consolidated facts, and how a table's rows go in.

A consolidated fact carries its participants and mentions; the warehouse keeps them in
tables of their own, keyed by the fact's id, so each fact becomes one row of its table plus
one row per participant and per mention. Building every row before the transaction opens
keeps the transaction short: it only deletes and inserts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

import duckdb
import pandas as pd

from transform.facts import Budget, FactRow, Meeting, Project


def fact_records(rows: Sequence[FactRow], extractor_version: str) -> dict[str, list[dict]]:
    """Table -> rows for the fact tables, their participants and their mentions (conflicts
    are built apart, by `warehouse.load.conflict_rows`)."""
    budgets, projects, meetings, p_parts, m_parts, mentions = [], [], [], [], [], []
    for r in rows:
        fact = r.fact
        if isinstance(fact, Budget):
            budgets.append({"budget_id": r.fact_id, **asdict(fact)})
        elif isinstance(fact, Project):
            rec = asdict(fact)
            rec.pop("participants")
            projects.append({"project_id": r.fact_id, **rec})
            p_parts += [{"project_id": r.fact_id, **asdict(p)} for p in fact.participants]
        elif isinstance(fact, Meeting):
            rec = asdict(fact)
            rec.pop("participants")
            meetings.append({"meeting_id": r.fact_id, **rec})
            m_parts += [{"meeting_id": r.fact_id, **asdict(p)} for p in fact.participants]
        for m in r.mentions:
            mentions.append(
                {
                    "fact_type": r.fact_type,
                    "fact_id": r.fact_id,
                    **asdict(m),
                    "extractor_version": extractor_version,
                }
            )
    return {
        "budgets": budgets,
        "projects": projects,
        "project_participants": p_parts,
        "meetings": meetings,
        "meeting_participants": m_parts,
        "mentions": mentions,
    }


def insert_records(con: duckdb.DuckDBPyConnection, table: str, records: list[dict]) -> None:
    if not records:
        return
    frame = pd.DataFrame.from_records(records)
    cols = ", ".join(frame.columns)
    con.register("_rows", frame)
    con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _rows")
    con.unregister("_rows")
