"""Score an extractor against the hand-annotated gold set (`tests/gold/`).

The gold set is one pair of files per document: `<name>.txt`, the document's main text as
the parser gives it, and `<name>.json`, the facts a careful annotator reads in it (format and
annotation rules: `tests/gold/README.md`). `evaluate` runs an extractor and a consolidator
over every gold document and compares what they produce with the annotation:

1. per document: `ParsedDocument` -> `extract` -> `consolidate` (within the document) ->
   one-to-one matching of predicted rows to gold facts, per table;
2. per table: tp/fp/fn, precision, recall, F1, and for matched facts the accuracy of each
   other field;
3. across documents: all candidates of all documents consolidated together; every group of
   gold facts sharing a `same_as` key should end in one row, and no row should hold two
   different gold facts ("false merges").

Matching is deterministic: every (gold, predicted) pair that passes the table's match rule
gets a similarity score and pairs are taken greedily, best score first, ties broken by
position. Match rules:

- budgets: same currency and amount within 0.5% of the gold amount;
- projects: same event date and at least one shared participant country (or organisation),
  or name similarity >= 0.5;
- meetings: same start date and at least one shared participant country, or title
  similarity >= 0.5.

Name/title similarity is the overlap coefficient of *distinctive* tokens (generic words such
as "joint", "laboratory", "committee", "China" are dropped; ordinal words become "7th"); two
names whose ordinals or years differ are never similar ("6th" vs "7th" committee).

Field comparison: strings case- and whitespace-insensitive (empty string = null), dates
exact, numbers within 0.5%, null equals null; participant countries compare as sets;
`persons` is the fraction of gold persons found by name among the predicted participants.

Everything here is a pure function of its inputs; nothing touches the warehouse.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from extract.documents import DOC_TYPES, ParsedDocument, Section
from transform.facts import (
    BUDGET_CATEGORIES,
    BUDGET_PHASES,
    MEETING_TYPES,
    PARTICIPANT_KINDS,
    PROJECT_STATUSES,
    PROJECT_TYPES,
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
    published_date: date
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


_DOC_KEYS = {
    "doc_type",
    "published_date",
    "title",
    "source",
    "budgets",
    "projects",
    "meetings",
    "negatives",
}
_COMMON_FACT_KEYS = {"evidence", "same_as", "note"}
_BUDGET_REQUIRED = (
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
_BUDGET_OPTIONAL = ("purpose", "qualifier")
_PROJECT_REQUIRED = (
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
_MEETING_REQUIRED = (
    "title",
    "meeting_type",
    "start_date",
    "end_date",
    "city",
    "country",
    "summary",
    "participants",
)
_PROJECT_PARTICIPANT_KEYS = {"kind", "name", "country"}
_MEETING_PARTICIPANT_KEYS = {"kind", "name", "role", "organisation", "country"}


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
        _require(obj, _BUDGET_REQUIRED, where)
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
        _require(obj, _PROJECT_REQUIRED, where)
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
        _require(obj, _MEETING_REQUIRED, where)
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
    assert published is not None
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
            if f.event_date is not None and f.event_date > doc.published_date.replace(
                year=doc.published_date.year + 1
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
        unknown = set(raw) - _DOC_KEYS
        if unknown:
            bad("keys", f"unknown document keys {sorted(unknown)}")
        allowed = {
            "budgets": set(_BUDGET_REQUIRED) | set(_BUDGET_OPTIONAL) | _COMMON_FACT_KEYS,
            "projects": set(_PROJECT_REQUIRED) | _COMMON_FACT_KEYS,
            "meetings": set(_MEETING_REQUIRED) | _COMMON_FACT_KEYS,
        }
        part_keys = {"projects": _PROJECT_PARTICIPANT_KEYS, "meetings": _MEETING_PARTICIPANT_KEYS}
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


# --------------------------------------------------------------------------------------
# Comparing values
# --------------------------------------------------------------------------------------


def _norm_str(value: Any) -> str | None:
    if value is None:
        return None
    s = " ".join(unicodedata.normalize("NFKC", str(value)).split()).casefold()
    return s or None


def _numbers_close(
    gold: float | None, pred: float | None, tolerance: float = AMOUNT_TOLERANCE
) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold == 0:
        return abs(pred) < 1e-9
    return abs(pred - gold) <= tolerance * abs(gold)


def values_equal(gold: Any, pred: Any) -> bool:
    """The field comparison rule: strings case/space-insensitive, numbers within 0.5%,
    dates (and everything else) exact, null equals null."""
    if isinstance(gold, str) or isinstance(pred, str):
        return _norm_str(gold) == _norm_str(pred)
    if gold is None or pred is None:
        return gold is None and pred is None
    if isinstance(gold, bool) or isinstance(pred, bool):
        return gold == pred
    if isinstance(gold, int | float) and isinstance(pred, int | float):
        return _numbers_close(float(gold), float(pred))
    return bool(gold == pred)


def participant_countries(fact: Fact) -> frozenset[str]:
    """ISO3 codes over all participants of a project or meeting (any kind)."""
    parts = getattr(fact, "participants", ())
    return frozenset(p.country.strip().upper() for p in parts if p.country and p.country.strip())


_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}
_STOPWORDS = frozenset(
    "a an and the of for on in at to with between by from under its their as into".split()
)
_GENERIC = frozenset(
    """
    joint lab labs laboratory laboratories centre center centres centers research
    international cooperation collaboration project projects programme program initiative
    china chinese sino new institute national science sciences technology technologies
    technological scientific innovation meeting meetings session sessions committee
    commission subcommission forum conference workshop symposium annual visit official
    delegation high-level level
""".split()
)
_TOKEN = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _ordinal(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def distinctive_tokens(name: str | None) -> frozenset[str]:
    """The words of a name that tell it apart: lowercased, generic words dropped, ordinal
    words as numerals ("seventh" -> "7th"), possessive 's removed, S&T spelled out."""
    if not name:
        return frozenset()
    s = unicodedata.normalize("NFKC", name).casefold()
    s = s.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    s = re.sub(r"\bs\s*&\s*t\b", " science technology ", s)
    out = set()
    for tok in _TOKEN.findall(s):
        if tok.endswith("'s"):
            tok = tok[:-2]
        if tok in _ORDINAL_WORDS:
            tok = _ordinal(_ORDINAL_WORDS[tok])
        if tok in _STOPWORDS or tok in _GENERIC:
            continue
        out.add(tok)
    return frozenset(out)


def name_similarity(a: str | None, b: str | None) -> float:
    """Overlap coefficient of distinctive tokens, 0 when ordinals or years disagree."""
    ta, tb = distinctive_tokens(a), distinctive_tokens(b)
    if not ta or not tb:
        return 0.0
    for pattern in (_ORDINAL, _YEAR):
        oa = {t for t in ta if pattern.match(t)}
        ob = {t for t in tb if pattern.match(t)}
        if oa and ob and not (oa & ob):
            return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def similarity(gold: Fact, pred: Fact) -> float | None:
    """How well `pred` matches `gold`; None when the pair fails the table's match rule."""
    if isinstance(gold, Budget):
        if not isinstance(pred, Budget):
            return None
        if _norm_str(gold.currency) != _norm_str(pred.currency):
            return None
        if not _numbers_close(gold.amount, pred.amount):
            return None
        rel = abs(pred.amount - gold.amount) / abs(gold.amount) if gold.amount else 0.0
        return (
            1.0
            - 10 * rel
            + 0.1 * values_equal(gold.category, pred.category)
            + 0.1 * values_equal(gold.fiscal_year, pred.fiscal_year)
            + 0.05 * values_equal(gold.phase, pred.phase)
        )
    if isinstance(gold, Project):
        if not isinstance(pred, Project):
            return None
        sim = name_similarity(gold.name, pred.name)
        gc, pc = participant_countries(gold), participant_countries(pred)
        partners = bool(gc & pc) or any(
            name_similarity(g.name, p.name) >= NAME_SIMILARITY_THRESHOLD
            for g in gold.participants
            if g.kind == "organisation"
            for p in pred.participants
            if p.kind == "organisation"
        )
        dated = gold.event_date is not None and gold.event_date == pred.event_date
        if not ((dated and partners) or sim >= NAME_SIMILARITY_THRESHOLD):
            return None
        return sim + 0.5 * dated + 0.5 * _jaccard(gc, pc)
    if isinstance(gold, Meeting):
        if not isinstance(pred, Meeting):
            return None
        sim = name_similarity(gold.title, pred.title)
        gc, pc = participant_countries(gold), participant_countries(pred)
        dated = gold.start_date is not None and gold.start_date == pred.start_date
        if not ((dated and bool(gc & pc)) or sim >= NAME_SIMILARITY_THRESHOLD):
            return None
        return sim + 0.5 * dated + 0.5 * _jaccard(gc, pc)
    raise TypeError(f"not a fact: {gold!r}")


_HONORIFICS = frozenset("prof professor dr mr mrs ms madam sir academician he h.e".split())


def _person_tokens(name: str) -> frozenset[str]:
    s = unicodedata.normalize("NFKC", name).casefold()
    toks = re.findall(r"[^\W_]+(?:-[^\W_]+)*", s)
    return frozenset(t for t in toks if t not in _HONORIFICS)


def person_found(gold_name: str, predicted_names: Iterable[str]) -> bool:
    """A gold person is found when a predicted participant's name contains all the gold
    name's words (honorifics such as "Prof." ignored)."""
    g = _person_tokens(gold_name)
    return bool(g) and any(g <= _person_tokens(p) for p in predicted_names)


def compare_fields(gold: Fact, pred: Fact) -> dict[str, tuple[float, int]]:
    """Per field (correct, out of) for a matched pair; persons count one per gold person."""
    out: dict[str, tuple[float, int]] = {}
    if isinstance(gold, Budget) and isinstance(pred, Budget):
        for name in FIELDS["budgets"]:
            out[name] = (float(values_equal(getattr(gold, name), getattr(pred, name))), 1)
    elif isinstance(gold, Project) and isinstance(pred, Project):
        for name in ("project_type", "status", "event_date", "city", "country"):
            out[name] = (float(values_equal(getattr(gold, name), getattr(pred, name))), 1)
        out["participant_countries"] = (
            float(participant_countries(gold) == participant_countries(pred)),
            1,
        )
    elif isinstance(gold, Meeting) and isinstance(pred, Meeting):
        for name in ("meeting_type", "start_date", "end_date", "city", "country"):
            out[name] = (float(values_equal(getattr(gold, name), getattr(pred, name))), 1)
        persons = [p.name for p in gold.participants if p.kind == "person"]
        names = [p.name for p in pred.participants]
        found = sum(person_found(n, names) for n in persons)
        out["persons"] = (float(found), len(persons))
    return out


# --------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PredictedFact:
    """One consolidated row as the extractor + consolidator produced it for a document."""

    fact_type: str
    fact: Fact
    mentions: tuple[Mention, ...]
    fact_id: str | None = None
    negative: str | None = None  # reason, when its evidence overlaps an annotated negative

    @property
    def evidence(self) -> str:
        return self.mentions[0].evidence if self.mentions else ""


@dataclass(frozen=True)
class FactMatch:
    gold: GoldFact
    predicted: PredictedFact
    score: float
    fields: dict[str, tuple[float, int]]


@dataclass(frozen=True)
class FieldScore:
    correct: float
    total: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None


def _ratio(num: float, den: float, other_errors: int) -> float:
    if den:
        return num / den
    return 1.0 if other_errors == 0 else 0.0


@dataclass(frozen=True)
class TableScore:
    """Counts for one table. With nothing to divide by, a metric is 1.0 when there was
    nothing to get wrong and 0.0 otherwise (no predictions but gold facts: precision 0)."""

    table: str
    tp: int
    fp: int
    fn: int
    fields: dict[str, FieldScore] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp, self.fn)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn, self.fp)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class DocumentResult:
    doc_id: str
    doc_type: str
    matches: tuple[FactMatch, ...] = ()
    missed: tuple[GoldFact, ...] = ()
    spurious: tuple[PredictedFact, ...] = ()
    candidates: int = 0
    bad_mentions: int = 0  # candidates whose evidence != text[char_start:char_end]
    error: str | None = None

    def score(self, table: str) -> TableScore:
        ft = FACT_TYPE_OF_TABLE[table]
        return TableScore(
            table=table,
            tp=sum(m.gold.table == table for m in self.matches),
            fp=sum(p.fact_type == ft for p in self.spurious),
            fn=sum(g.table == table for g in self.missed),
        )


@dataclass(frozen=True)
class GroupResult:
    """One `same_as` group: the consolidated row each member ended in (None: not found)."""

    key: str
    table: str
    members: tuple[str, ...]  # gold fact labels
    row_ids: tuple[str | None, ...]

    @property
    def status(self) -> str:
        if any(r is None for r in self.row_ids):
            return "missed"
        return "merged" if len(set(self.row_ids)) == 1 else "split"


@dataclass(frozen=True)
class FalseMerge:
    """A consolidated row that holds gold facts that are different facts."""

    fact_id: str
    members: tuple[str, ...]  # gold fact labels
    keys: tuple[str, ...]


@dataclass(frozen=True)
class CrossDocumentResult:
    groups: tuple[GroupResult, ...] = ()
    false_merges: tuple[FalseMerge, ...] = ()
    rows: int = 0
    error: str | None = None

    def count(self, status: str) -> int:
        return sum(g.status == status for g in self.groups)

    @property
    def merge_rate(self) -> float:
        """Merged groups out of all groups (a missed member counts as not merged)."""
        return self.count("merged") / len(self.groups) if self.groups else 1.0


@dataclass(frozen=True)
class EvaluationReport:
    tables: dict[str, TableScore]
    documents: tuple[DocumentResult, ...]
    cross_document: CrossDocumentResult

    @property
    def candidates(self) -> int:
        return sum(d.candidates for d in self.documents)

    @property
    def bad_mentions(self) -> int:
        return sum(d.bad_mentions for d in self.documents)


# --------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------


def match_facts(
    gold: Sequence[GoldFact], predicted: Sequence[PredictedFact]
) -> tuple[list[FactMatch], list[GoldFact], list[PredictedFact]]:
    """One-to-one greedy matching by similarity (best first; ties by position).

    Returns (matches, missed gold facts, spurious predictions)."""
    pairs: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if FACT_TYPE_OF_TABLE[g.table] != p.fact_type:
                continue
            s = similarity(g.fact, p.fact)
            if s is not None:
                pairs.append((-s, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches = []
    for neg_score, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matches.append(
            FactMatch(
                gold=gold[gi],
                predicted=predicted[pi],
                score=-neg_score,
                fields=compare_fields(gold[gi].fact, predicted[pi].fact),
            )
        )
    matches.sort(key=lambda m: (TABLES.index(m.gold.table), m.gold.index))
    missed = [g for gi, g in enumerate(gold) if gi not in used_g]
    spurious = [p for pi, p in enumerate(predicted) if pi not in used_p]
    return matches, missed, spurious


def _negative_spans(doc: GoldDocument) -> list[tuple[int, int, str]]:
    spans = []
    for n in doc.negatives:
        start = doc.text.find(n.evidence)
        while start >= 0:
            spans.append((start, start + len(n.evidence), n.reason))
            start = doc.text.find(n.evidence, start + 1)
    return spans


def _rows_to_predicted(
    rows: Iterable[FactRow], doc: GoldDocument | None = None
) -> list[PredictedFact]:
    negatives = _negative_spans(doc) if doc is not None else []
    out = []
    for row in rows:
        hit = None
        for m in row.mentions:
            for s, e, reason in negatives:
                if m.char_start < e and s < m.char_end:
                    hit = reason
                    break
            if hit:
                break
        out.append(
            PredictedFact(
                fact_type=row.fact_type,
                fact=row.fact,
                mentions=tuple(row.mentions),
                fact_id=row.fact_id,
                negative=hit,
            )
        )
    return out


def _bad_mentions(doc: GoldDocument, candidates: Sequence[Candidate]) -> int:
    bad = 0
    for c in candidates:
        m = c.mention
        if (
            not (0 <= m.char_start <= m.char_end <= len(doc.text))
            or doc.text[m.char_start : m.char_end] != m.evidence
        ):
            bad += 1
    return bad


def evaluate_document(
    doc: GoldDocument, extract: ExtractFn, consolidate: ConsolidateFn
) -> tuple[DocumentResult, list[Candidate]]:
    """Extract, consolidate within the document, match. Errors are recorded, not raised:
    a document whose extraction fails scores as if nothing was found."""
    try:
        candidates = list(extract(doc.doc_id, doc.parsed(), doc.doc_type))
    except Exception as exc:  # noqa: BLE001 - reported per document
        return DocumentResult(
            doc_id=doc.doc_id,
            doc_type=doc.doc_type,
            missed=doc.all_facts(),
            error=f"extract: {type(exc).__name__}: {exc}",
        ), []
    try:
        rows = list(consolidate(candidates)) if candidates else []
    except Exception as exc:  # noqa: BLE001
        return DocumentResult(
            doc_id=doc.doc_id,
            doc_type=doc.doc_type,
            missed=doc.all_facts(),
            candidates=len(candidates),
            bad_mentions=_bad_mentions(doc, candidates),
            error=f"consolidate: {type(exc).__name__}: {exc}",
        ), candidates
    predicted = _rows_to_predicted(rows, doc)
    matches, missed, spurious = match_facts(doc.all_facts(), predicted)
    return DocumentResult(
        doc_id=doc.doc_id,
        doc_type=doc.doc_type,
        matches=tuple(matches),
        missed=tuple(missed),
        spurious=tuple(spurious),
        candidates=len(candidates),
        bad_mentions=_bad_mentions(doc, candidates),
    ), candidates


def _cross_document(
    gold: Sequence[GoldDocument],
    results: Sequence[DocumentResult],
    candidates: Sequence[Candidate],
    consolidate: ConsolidateFn,
) -> CrossDocumentResult:
    groups_def: dict[str, list[GoldFact]] = defaultdict(list)
    for doc in gold:
        for gf in doc.all_facts():
            if gf.same_as:
                groups_def[gf.same_as].append(gf)
    try:
        rows = list(consolidate(candidates)) if candidates else []
    except Exception as exc:  # noqa: BLE001
        failed = tuple(
            GroupResult(
                key=k,
                table=m[0].table,
                members=tuple(g.label for g in m),
                row_ids=tuple(None for _ in m),
            )
            for k, m in sorted(groups_def.items())
        )
        return CrossDocumentResult(groups=failed, error=f"{type(exc).__name__}: {exc}")

    # a row's identity is its position; its fact_id (made unique) is only for display
    row_ids: list[str] = []
    for i, row in enumerate(rows):
        rid = row.fact_id or f"row{i}"
        row_ids.append(rid if rid not in row_ids else f"{rid}#{i}")
    by_mention: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    by_doc: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        for men in row.mentions:
            by_mention[(men.doc_id, men.char_start, men.char_end)].append(i)
            if i not in by_doc[(men.doc_id, row.fact_type)]:
                by_doc[(men.doc_id, row.fact_type)].append(i)

    def best(gf: GoldFact, indices: Iterable[int]) -> int | None:
        scored = []
        for ri in indices:
            if rows[ri].fact_type != gf.fact_type:
                continue
            s = similarity(gf.fact, rows[ri].fact)
            if s is not None:
                scored.append((-s, ri))
        return min(scored)[1] if scored else None

    row_of: dict[str, int | None] = {}
    for res in results:
        for m in res.matches:
            hits = {
                ri
                for men in m.predicted.mentions
                for ri in by_mention.get((men.doc_id, men.char_start, men.char_end), [])
                if rows[ri].fact_type == m.gold.fact_type
            }
            chosen: int | None = None
            if len(hits) == 1:
                chosen = next(iter(hits))
            elif hits:
                chosen = best(m.gold, sorted(hits))
                if chosen is None:
                    chosen = min(hits)
            else:
                chosen = best(m.gold, by_doc.get((m.gold.doc_id, m.gold.fact_type), []))
            row_of[m.gold.label] = chosen

    def row_id_of(label: str) -> str | None:
        ri = row_of.get(label)
        return None if ri is None else row_ids[ri]

    groups = []
    for key, members in sorted(groups_def.items()):
        groups.append(
            GroupResult(
                key=key,
                table=members[0].table,
                members=tuple(g.label for g in members),
                row_ids=tuple(row_id_of(g.label) for g in members),
            )
        )

    facts_by_label = {gf.label: gf for doc in gold for gf in doc.all_facts()}
    in_row: dict[int, list[GoldFact]] = defaultdict(list)
    for label, ri in row_of.items():
        if ri is not None:
            in_row[ri].append(facts_by_label[label])
    false_merges = []
    for ri in sorted(in_row):
        held = in_row[ri]
        keys = sorted({g.key for g in held})
        if len(keys) > 1:
            false_merges.append(
                FalseMerge(
                    fact_id=row_ids[ri],
                    members=tuple(sorted(g.label for g in held)),
                    keys=tuple(keys),
                )
            )
    return CrossDocumentResult(
        groups=tuple(groups), false_merges=tuple(false_merges), rows=len(rows)
    )


def evaluate(
    gold: list[GoldDocument], extract: ExtractFn, consolidate: ConsolidateFn
) -> EvaluationReport:
    """Run `extract` and `consolidate` over the gold documents and score them."""
    results: list[DocumentResult] = []
    all_candidates: list[Candidate] = []
    for doc in gold:
        res, cands = evaluate_document(doc, extract, consolidate)
        results.append(res)
        all_candidates.extend(cands)

    tables: dict[str, TableScore] = {}
    for table in TABLES:
        tp = fp = fn = 0
        sums: dict[str, list[float]] = {f: [0.0, 0] for f in FIELDS[table]}  # type: ignore[misc]
        for res in results:
            s = res.score(table)
            tp, fp, fn = tp + s.tp, fp + s.fp, fn + s.fn
            for m in res.matches:
                if m.gold.table != table:
                    continue
                for fname, (correct, total) in m.fields.items():
                    sums[fname][0] += correct
                    sums[fname][1] += total
        tables[table] = TableScore(
            table=table,
            tp=tp,
            fp=fp,
            fn=fn,
            fields={f: FieldScore(correct=c, total=int(t)) for f, (c, t) in sums.items()},
        )

    cross = _cross_document(gold, results, all_candidates, consolidate)
    return EvaluationReport(tables=tables, documents=tuple(results), cross_document=cross)


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
    """`python -m transform.evaluation [--json] [--details] [GOLD_DIR]`: score the project's
    extractor (`transform.extractor`, `transform.consolidate`) on the gold set."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m transform.evaluation")
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


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
