"""Checks that a gold file says what it means: vocabularies, codes, evidence in the text."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from evaluation.gold import (
    BUDGET_OPTIONAL,
    BUDGET_REQUIRED,
    COMMON_FACT_KEYS,
    DOC_KEYS,
    MEETING_PARTICIPANT_KEYS,
    MEETING_REQUIRED,
    PROJECT_PARTICIPANT_KEYS,
    PROJECT_REQUIRED,
    TABLES,
    GoldDocument,
    GoldFact,
)
from extract.documents import DOC_TYPES
from transform.facts import (
    BUDGET_CATEGORIES,
    BUDGET_PHASES,
    MEETING_TYPES,
    PARTICIPANT_KINDS,
    PROJECT_STATUSES,
    PROJECT_TYPES,
    Budget,
    Meeting,
    Project,
)


def _valid_country(code: Any) -> bool:
    import pycountry

    return (
        isinstance(code, str)
        and len(code) == 3
        and code.isupper()
        and pycountry.countries.get(alpha_3=code) is not None
    )


def _valid_currency(code: Any) -> bool:
    import pycountry

    return (
        isinstance(code, str)
        and len(code) == 3
        and code.isupper()
        and pycountry.currencies.get(alpha_3=code) is not None
    )


def validate_gold(doc: GoldDocument, raw: dict[str, Any] | None = None) -> list[str]:
    """Problems with one gold document (empty list = valid).

    Checks vocabularies, ISO 3166-1 alpha-3 countries and ISO 4217 currencies, that every
    evidence and negative occurs verbatim in the text, that dates are consistent, and (when
    `raw`, the parsed JSON, is given) that no unknown keys were used.
    """
    problems: list[str] = []

    def bad(where: str, msg: str) -> None:
        problems.append(f"{doc.doc_id} {where}: {msg}")

    if doc.doc_type not in DOC_TYPES:
        bad("doc_type", f"{doc.doc_type!r} not in {DOC_TYPES}")
    if not doc.title.strip():
        bad("title", "empty")
    if not doc.text.strip():
        bad("text", "empty")
    for marker in ("](#)", "**", "\r", "\t"):
        if marker in doc.text:
            bad("text", f"contains capture markup {marker!r}")
    if "\n\n\n" in doc.text:
        bad("text", "paragraphs must be separated by exactly one blank line")

    def check_country(where: str, code: Any, nullable: bool = True) -> None:
        if code is None:
            if not nullable:
                bad(where, "country is required")
            return
        if not _valid_country(code):
            bad(where, f"{code!r} is not an ISO 3166-1 alpha-3 code")

    for gf in doc.all_facts():
        where = f"{gf.table}[{gf.index}]"
        if not gf.evidence or gf.evidence not in doc.text:
            bad(where, f"evidence not found verbatim in text: {gf.evidence!r}")
        if gf.same_as is not None and (not isinstance(gf.same_as, str) or not gf.same_as):
            bad(where, "same_as must be a non-empty string")
        f = gf.fact
        if isinstance(f, Budget):
            if f.category not in BUDGET_CATEGORIES:
                bad(where, f"category {f.category!r} not in vocabulary")
            if f.phase not in BUDGET_PHASES:
                bad(where, f"phase {f.phase!r} not in vocabulary")
            if not _valid_currency(f.currency):
                bad(where, f"currency {f.currency!r} is not ISO 4217")
            check_country(f"{where} spender_country", f.spender_country)
            if f.amount <= 0:
                bad(where, "amount must be positive")
            if f.fiscal_year is not None and not 1949 <= f.fiscal_year <= 2100:
                bad(where, f"implausible fiscal_year {f.fiscal_year}")
            if f.stated_usd is not None and f.stated_usd <= 0:
                bad(where, "stated_usd must be positive")
            if f.qualifier is not None and f.qualifier not in (
                "about",
                "over",
                "under",
                "up to",
                "nearly",
            ):
                bad(where, f"unexpected qualifier {f.qualifier!r}")
        elif isinstance(f, Project):
            if not f.name.strip():
                bad(where, "empty name")
            if f.project_type not in PROJECT_TYPES:
                bad(where, f"project_type {f.project_type!r} not in vocabulary")
            if f.status not in PROJECT_STATUSES:
                bad(where, f"status {f.status!r} not in vocabulary")
            check_country(f"{where} country", f.country)
            if (f.funding_amount is None) != (f.funding_currency is None):
                bad(where, "funding_amount and funding_currency go together")
            if f.funding_currency is not None and not _valid_currency(f.funding_currency):
                bad(where, f"funding_currency {f.funding_currency!r} is not ISO 4217")
            if (
                f.event_date is not None
                and doc.published_date is not None
                and f.event_date > doc.published_date.replace(year=doc.published_date.year + 1)
            ):
                bad(where, "event_date implausibly far after publication")
            for j, p in enumerate(f.participants):
                if p.kind not in ("country", "organisation"):
                    bad(f"{where} participant {j}", f"kind {p.kind!r} invalid for a project")
                check_country(f"{where} participant {j}", p.country, nullable=p.kind != "country")
        elif isinstance(f, Meeting):
            if not f.title.strip():
                bad(where, "empty title")
            if f.meeting_type not in MEETING_TYPES:
                bad(where, f"meeting_type {f.meeting_type!r} not in vocabulary")
            check_country(f"{where} country", f.country)
            if f.end_date is not None and f.start_date is None:
                bad(where, "end_date without start_date")
            if f.start_date and f.end_date and f.end_date < f.start_date:
                bad(where, "end_date before start_date")
            if not f.summary or not f.summary.strip():
                bad(where, "summary is required")
            for j, mp in enumerate(f.participants):
                if mp.kind not in PARTICIPANT_KINDS:
                    bad(f"{where} participant {j}", f"kind {mp.kind!r} not in vocabulary")
                check_country(f"{where} participant {j}", mp.country, nullable=mp.kind != "country")
                if mp.kind != "person" and (mp.role or mp.organisation):
                    bad(f"{where} participant {j}", "role/organisation only for persons")
    for n in doc.negatives:
        if not n.evidence or n.evidence not in doc.text:
            bad("negatives", f"not found verbatim in text: {n.evidence!r}")
        if not n.reason:
            bad("negatives", f"no reason given for {n.evidence!r}")
    if raw is not None:
        unknown = set(raw) - DOC_KEYS
        if unknown:
            bad("keys", f"unknown document keys {sorted(unknown)}")
        allowed = {
            "budgets": set(BUDGET_REQUIRED) | set(BUDGET_OPTIONAL) | COMMON_FACT_KEYS,
            "projects": set(PROJECT_REQUIRED) | COMMON_FACT_KEYS,
            "meetings": set(MEETING_REQUIRED) | COMMON_FACT_KEYS,
        }
        part_keys = {"projects": PROJECT_PARTICIPANT_KEYS, "meetings": MEETING_PARTICIPANT_KEYS}
        for table in TABLES:
            for i, obj in enumerate(raw.get(table, [])):
                extra = set(obj) - allowed[table]
                if extra:
                    bad(f"{table}[{i}]", f"unknown keys {sorted(extra)}")
                for j, p in enumerate(obj.get("participants") or []):
                    extra = set(p) - part_keys[table]
                    if extra:
                        bad(f"{table}[{i}] participant {j}", f"unknown keys {sorted(extra)}")
        for i, n in enumerate(raw.get("negatives", [])):
            extra = set(n) - {"evidence", "reason"}
            if extra:
                bad(f"negatives[{i}]", f"unknown keys {sorted(extra)}")
    return problems


def validate_same_as(gold: Sequence[GoldDocument]) -> list[str]:
    """A `same_as` group must span at least two documents and a single table."""
    problems = []
    groups: dict[str, list[GoldFact]] = defaultdict(list)
    for doc in gold:
        for gf in doc.all_facts():
            if gf.same_as:
                groups[gf.same_as].append(gf)
    for key, members in sorted(groups.items()):
        docs = [m.doc_id for m in members]
        if len(set(docs)) < 2:
            problems.append(f"same_as {key!r}: only in {sorted(set(docs))}")
        if len(docs) != len(set(docs)):
            problems.append(f"same_as {key!r}: twice in one document")
        if len({m.table for m in members}) != 1:
            problems.append(f"same_as {key!r}: spans several tables")
    return problems
