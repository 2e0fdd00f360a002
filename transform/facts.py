"""The facts the pipeline extracts, one dataclass per row of the fact tables.

These mirror `warehouse/migrations/002_facts.sql` column for column (a test keeps them in
step). Extractors produce *candidates* carrying their `Mention`; consolidation (see
`consolidate.py`) turns candidates from many documents into one row per real-world fact
with one mention per document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

FactType = Literal["budget", "project", "meeting"]

BUDGET_CATEGORIES: tuple[str, ...] = (
    "science_technology",
    "research_funding",
    "defense",
    "diplomacy",
    "public_security",
    "education",
    "health",
    "reserves",
    "debt_interest",
    "international_cooperation",
    "industry",
    "other",
)
BUDGET_PHASES: tuple[str, ...] = ("proposed", "approved", "actual", "unknown")
PROJECT_TYPES: tuple[str, ...] = (
    "joint_lab",
    "research_center",
    "facility",
    "space_mission",
    "programme",
    "research_result",
    "other",
)
PROJECT_STATUSES: tuple[str, ...] = (
    "launched",
    "inaugurated",
    "established",
    "signed",
    "started_operations",
    "completed",
    "developed",
    "planned",
    "other",
)
MEETING_TYPES: tuple[str, ...] = (
    "bilateral",
    "multilateral",
    "committee",
    "forum",
    "workshop",
    "conference",
    "visit",
    "other",
)
PARTICIPANT_KINDS: tuple[str, ...] = ("country", "organisation", "person")


@dataclass(frozen=True)
class Mention:
    """Where a document states a fact: `documents.text[char_start:char_end] == evidence`."""

    doc_id: str
    evidence: str
    char_start: int
    char_end: int
    page: int | None = None


@dataclass(frozen=True)
class Budget:
    """One budget fact: who allocates how much, for what, for which year, in which phase."""

    spender_country: str | None
    spender_org: str | None
    category: str
    fiscal_year: int | None
    amount: float
    currency: str
    amount_usd: float | None
    stated_usd: float | None
    change_pct: float | None
    phase: str
    purpose: str | None = None
    qualifier: str | None = None  # "about", "over": the text's hedge on the amount


@dataclass(frozen=True)
class ProjectParticipant:
    kind: str  # 'country' | 'organisation'
    name: str
    country: str | None


@dataclass(frozen=True)
class Project:
    """One joint lab, centre, facility, mission, programme or research result."""

    name: str
    project_type: str
    status: str
    event_date: date | None
    city: str | None
    country: str | None
    funding_amount: float | None
    funding_currency: str | None
    funding_usd: float | None
    participants: tuple[ProjectParticipant, ...] = ()


@dataclass(frozen=True)
class MeetingParticipant:
    kind: str  # 'country' | 'organisation' | 'person'
    name: str
    role: str | None = None
    organisation: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Meeting:
    """One meeting, dialogue, committee session, forum, workshop, conference or visit."""

    title: str
    meeting_type: str
    start_date: date | None
    end_date: date | None
    city: str | None
    country: str | None
    summary: str | None
    participants: tuple[MeetingParticipant, ...] = ()


Fact = Budget | Project | Meeting


@dataclass(frozen=True)
class Candidate:
    """A fact as one document states it, before consolidation across documents."""

    fact: Fact
    mention: Mention

    @property
    def fact_type(self) -> FactType:
        if isinstance(self.fact, Budget):
            return "budget"
        if isinstance(self.fact, Project):
            return "project"
        return "meeting"


@dataclass(frozen=True)
class Organisation:
    """A known organisation; "CAS" and "Chinese Academy of Sciences" are one row."""

    name: str
    acronym: str | None
    country: str | None
    aliases: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class FactRow:
    """One consolidated fact: its stable id, merged values, disagreements and every mention."""

    fact_type: FactType
    fact_id: str
    fact: Fact
    mentions: tuple[Mention, ...]
    conflicts: dict[str, list[object]] = field(default_factory=dict)
