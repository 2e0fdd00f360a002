"""The gold set: annotated documents and their facts, read from `<name>.json` + `<name>.txt`.

The format and the annotation rules are in `tests/gold/README.md`; a real-text set may add
`"required": false` on borderline facts and a null `published_date`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from extract.documents import ParsedDocument, Section
from transform.facts import (
    Budget,
    Candidate,
    Fact,
    FactRow,
    Meeting,
    MeetingParticipant,
    Mention,
    Project,
    ProjectParticipant,
)

TABLES: tuple[str, ...] = ("budgets", "projects", "meetings")
FACT_TYPE_OF_TABLE: dict[str, str] = {
    "budgets": "budget",
    "projects": "project",
    "meetings": "meeting",
}
TABLE_OF_FACT_TYPE: dict[str, str] = {v: k for k, v in FACT_TYPE_OF_TABLE.items()}

AMOUNT_TOLERANCE = 0.005  # relative; for amounts and every other number compared
NAME_SIMILARITY_THRESHOLD = 0.5

FIELDS: dict[str, tuple[str, ...]] = {
    "budgets": ("category", "fiscal_year", "phase", "spender_country", "change_pct", "stated_usd"),
    "projects": (
        "project_type",
        "status",
        "event_date",
        "city",
        "country",
        "participant_countries",
    ),
    "meetings": ("meeting_type", "start_date", "end_date", "city", "country", "persons"),
}

ExtractFn = Callable[[str, ParsedDocument, str], list[Candidate]]
ConsolidateFn = Callable[[Iterable[Candidate]], list[FactRow]]


# --------------------------------------------------------------------------------------
# The gold set
# --------------------------------------------------------------------------------------


class GoldFormatError(ValueError):
    """A gold file that cannot be read into facts (missing key, wrong type, bad date)."""


@dataclass(frozen=True)
class GoldFact:
    """One annotated fact: the fact itself, its verbatim evidence and its cross-document key."""

    doc_id: str
    table: str
    index: int
    fact: Fact
    evidence: str
    same_as: str | None = None
    note: str | None = None
    # False on a borderline fact: neither rewarded when found nor penalised when missed
    required: bool = True

    @property
    def key(self) -> str:
        """Identity across documents: the `same_as` key, else unique to this document."""
        return self.same_as or f"{self.doc_id}/{self.table}/{self.index}"

    @property
    def fact_type(self) -> str:
        return FACT_TYPE_OF_TABLE[self.table]

    @property
    def label(self) -> str:
        return f"{self.doc_id} {self.table}[{self.index}]"


@dataclass(frozen=True)
class GoldNegative:
    """Text that looks like a fact but is not one (a trade value, a paper count...)."""

    evidence: str
    reason: str


@dataclass(frozen=True)
class GoldDocument:
    doc_id: str
    doc_type: str
    published_date: date | None  # None where the page gives no date
    title: str
    text: str
    budgets: tuple[GoldFact, ...] = ()
    projects: tuple[GoldFact, ...] = ()
    meetings: tuple[GoldFact, ...] = ()
    negatives: tuple[GoldNegative, ...] = ()
    source: str | None = None

    def facts(self, table: str) -> tuple[GoldFact, ...]:
        return getattr(self, table)

    def all_facts(self) -> tuple[GoldFact, ...]:
        return self.budgets + self.projects + self.meetings

    def parsed(self) -> ParsedDocument:
        """The document as the parser would hand it to the extractor."""
        return ParsedDocument(
            text=self.text,
            title=self.title,
            published_date=self.published_date,
            sections=sections_from_text(self.text),
        )


DOC_KEYS = {
    "doc_type",
    "published_date",
    "title",
    "source",
    "budgets",
    "projects",
    "meetings",
    "negatives",
}
COMMON_FACT_KEYS = {"evidence", "same_as", "note", "required"}
BUDGET_REQUIRED = (
    "spender_country",
    "spender_org",
    "category",
    "fiscal_year",
    "amount",
    "currency",
    "stated_usd",
    "change_pct",
    "phase",
)
BUDGET_OPTIONAL = ("purpose", "qualifier")
PROJECT_REQUIRED = (
    "name",
    "project_type",
    "status",
    "event_date",
    "city",
    "country",
    "funding_amount",
    "funding_currency",
    "participants",
)
MEETING_REQUIRED = (
    "title",
    "meeting_type",
    "start_date",
    "end_date",
    "city",
    "country",
    "summary",
    "participants",
)
PROJECT_PARTICIPANT_KEYS = {"kind", "name", "country"}
MEETING_PARTICIPANT_KEYS = {"kind", "name", "role", "organisation", "country"}


def _parse_date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise GoldFormatError(f"{where}: date must be a 'YYYY-MM-DD' string, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise GoldFormatError(f"{where}: bad date {value!r}") from exc


def _number(value: Any, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise GoldFormatError(f"{where}: expected a number, got {value!r}")
    return float(value)


def _required(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise GoldFormatError(f"{where}: required must be true or false, got {value!r}")
    return value


def _require(obj: dict[str, Any], keys: Iterable[str], where: str) -> None:
    missing = [k for k in keys if k not in obj]
    if missing:
        raise GoldFormatError(f"{where}: missing keys {missing}")


def _gold_fact(doc_id: str, table: str, index: int, obj: Any) -> GoldFact:
    where = f"{doc_id} {table}[{index}]"
    if not isinstance(obj, dict):
        raise GoldFormatError(f"{where}: a fact must be an object")
    _require(obj, ["evidence"], where)
    fact: Fact
    if table == "budgets":
        _require(obj, BUDGET_REQUIRED, where)
        fiscal_year = obj["fiscal_year"]
        if fiscal_year is not None and (
            isinstance(fiscal_year, bool) or not isinstance(fiscal_year, int)
        ):
            raise GoldFormatError(f"{where}: fiscal_year must be an integer or null")
        amount = _number(obj["amount"], where)
        if amount is None:
            raise GoldFormatError(f"{where}: amount is required")
        fact = Budget(
            spender_country=obj["spender_country"],
            spender_org=obj["spender_org"],
            category=obj["category"],
            fiscal_year=fiscal_year,
            amount=amount,
            currency=obj["currency"],
            amount_usd=None,  # derived by the pipeline from fx rates, never annotated
            stated_usd=_number(obj["stated_usd"], where),
            change_pct=_number(obj["change_pct"], where),
            phase=obj["phase"],
            purpose=obj.get("purpose"),
            qualifier=obj.get("qualifier"),
        )
    elif table == "projects":
        _require(obj, PROJECT_REQUIRED, where)
        participants = []
        for j, p in enumerate(obj["participants"] or []):
            _require(p, ["kind", "name"], f"{where} participant {j}")
            participants.append(
                ProjectParticipant(kind=p["kind"], name=p["name"], country=p.get("country"))
            )
        fact = Project(
            name=obj["name"],
            project_type=obj["project_type"],
            status=obj["status"],
            event_date=_parse_date(obj["event_date"], f"{where} event_date"),
            city=obj["city"],
            country=obj["country"],
            funding_amount=_number(obj["funding_amount"], where),
            funding_currency=obj["funding_currency"],
            funding_usd=None,  # derived by the pipeline, never annotated
            participants=tuple(participants),
        )
    elif table == "meetings":
        _require(obj, MEETING_REQUIRED, where)
        participants_m = []
        for j, p in enumerate(obj["participants"] or []):
            _require(p, ["kind", "name"], f"{where} participant {j}")
            participants_m.append(
                MeetingParticipant(
                    kind=p["kind"],
                    name=p["name"],
                    role=p.get("role"),
                    organisation=p.get("organisation"),
                    country=p.get("country"),
                )
            )
        fact = Meeting(
            title=obj["title"],
            meeting_type=obj["meeting_type"],
            start_date=_parse_date(obj["start_date"], f"{where} start_date"),
            end_date=_parse_date(obj["end_date"], f"{where} end_date"),
            city=obj["city"],
            country=obj["country"],
            summary=obj["summary"],
            participants=tuple(participants_m),
        )
    else:  # pragma: no cover - callers pass TABLES only
        raise GoldFormatError(f"unknown table {table}")
    return GoldFact(
        doc_id=doc_id,
        table=table,
        index=index,
        fact=fact,
        evidence=obj["evidence"],
        same_as=obj.get("same_as"),
        note=obj.get("note"),
        required=_required(obj.get("required", True), where),
    )


def load_gold_document(json_path: Path) -> GoldDocument:
    """Read one `<name>.json` and its `<name>.txt`; the document id is `<name>`."""
    doc_id = json_path.stem
    txt_path = json_path.with_suffix(".txt")
    if not txt_path.exists():
        raise GoldFormatError(f"{doc_id}: no {txt_path.name} next to {json_path.name}")
    text = txt_path.read_text(encoding="utf-8").replace("\r\n", "\n").rstrip()
    try:
        data = json.loads(json_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{doc_id}: invalid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise GoldFormatError(f"{doc_id}: the JSON must be an object")
    _require(
        data, ["doc_type", "published_date", "title", "budgets", "projects", "meetings"], doc_id
    )
    published = _parse_date(data["published_date"], f"{doc_id} published_date")
    tables = {
        table: tuple(_gold_fact(doc_id, table, i, obj) for i, obj in enumerate(data[table]))
        for table in TABLES
    }
    negatives = tuple(
        GoldNegative(evidence=n["evidence"], reason=n.get("reason", ""))
        for n in data.get("negatives", [])
    )
    return GoldDocument(
        doc_id=doc_id,
        doc_type=data["doc_type"],
        published_date=published,
        title=data["title"],
        text=text,
        budgets=tables["budgets"],
        projects=tables["projects"],
        meetings=tables["meetings"],
        negatives=negatives,
        source=data.get("source"),
    )


def load_gold(gold_dir: Path) -> list[GoldDocument]:
    """Every gold document in `gold_dir`, sorted by name."""
    return [load_gold_document(p) for p in sorted(Path(gold_dir).glob("*.json"))]


_HEADING_END = re.compile(r"[.,;:!?\"'”’)]$")


def sections_from_text(text: str) -> tuple[Section, ...]:
    """Sections from heading paragraphs: a one-line paragraph of at most 15 words that does
    not end like a sentence and is not a list item. Each section runs to the next heading."""
    headings: list[tuple[int, str]] = []
    for m in re.finditer(r"(?:^|\n\n)([^\n]+)(?=\n\n|$)", text):
        line = m.group(1).strip()
        if (
            line
            and len(line.split()) <= 15
            and not _HEADING_END.search(line)
            and not line.startswith(("- ", "• "))
        ):
            headings.append((m.start(1), line))
    sections = []
    for i, (start, heading) in enumerate(headings):
        end = headings[i + 1][0] if i + 1 < len(headings) else len(text)
        sections.append(Section(heading=heading, char_start=start, char_end=end))
    return tuple(sections)


def candidates_from_gold(doc: GoldDocument) -> list[Candidate]:
    """The gold facts as candidates (a perfect extractor), mentions located in the text."""
    out = []
    for gf in doc.all_facts():
        start = doc.text.find(gf.evidence)
        if start < 0:
            raise GoldFormatError(f"{gf.label}: evidence not in text")
        out.append(
            Candidate(
                fact=gf.fact,
                mention=Mention(
                    doc_id=doc.doc_id,
                    evidence=gf.evidence,
                    char_start=start,
                    char_end=start + len(gf.evidence),
                ),
            )
        )
    return out
