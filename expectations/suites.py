"""Loading the expectation suites: the data-quality contract, kept as TOML an analyst can read.

Each published table has one file, `suites/<table>.toml`, under version control. A file holds
the table's column contract (`[columns]`: column -> SQL type, as in the migrations), the
columns the gate derives before validating (`[derived]`, computed in `derived.py`, never
published), and a list of `[[expectations]]`, each with its Great Expectations type, kwargs,
severity and a one-line `why`.

Severities:
- critical: the run does not publish; the previous extracts stay exactly as they were.
- warning: the run publishes; the failure is reported.
- row: row-level; failing rows are quarantined and left out of what is published.

The contract expands into critical checks generated here, so the file states each column once:
the exact column set, each column's type, NOT NULL columns not null, the key unique.

Everything is validated on load, without importing Great Expectations (it costs seconds):
unknown keys, severities, stages, columns that are neither in the contract nor derived,
vocabulary names. The Great Expectations side (does the type exist, do its kwargs fit) is
checked when the gate builds the suites; both raise `SuiteError` naming file and entry.

The values a suite may use (severities, stages, contract types) are named in `suite_rules.py`;
the readers of a file's column contract and of each entry are in `suite_entries.py`.
"""

from __future__ import annotations

import functools
import hashlib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from expectations.currency_ceilings import CurrencyCeilings
from expectations.derived import DERIVATIONS
from expectations.suite_rules import COLUMN_KWARGS, SUITE_KEYS, Severity, Stage, positive_number

# What publication writes (warehouse/publish.py): every one of them has a suite.
PUBLISHED_TABLES: tuple[str, ...] = (
    "sources",
    "retracted_facts",
    "countries",
    "organisations",
    "documents",
    "budgets",
    "projects",
    "project_participants",
    "meetings",
    "meeting_participants",
    "mentions",
    "conflicts",
)

# The European Union is not a country and has no ISO 3166-1 alpha-3 code (ISO reserves the
# alpha-2 "EU" only exceptionally). As the gold set annotates it, the EU is an organisation:
# spender_org "European Union (...)", spender_country null; a participant of kind
# "organisation" with country null. So country columns accept ISO 3166-1 codes and nothing
# else: a row giving the EU (or anything) a made-up country code is quarantined.

_CEILINGS_FILE = "_currency_ceilings.toml"


class SuiteError(ValueError):
    """A suite file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class ExpectationSpec:
    """One expectation as the suite file states it (vocabularies resolved)."""

    name: str
    type: str
    kwargs: Mapping[str, Any]
    severity: Severity
    why: str
    stage: Stage = "content"
    # For expect_table_row_count_to_be_between at stage "published": the minimum is this
    # fraction of the previous published count (a sharp fall means a parser silently broke).
    min_fraction_of_previous: float | None = None
    origin: str = ""  # "budgets.toml expectations[3]" or "budgets.toml [columns]"

    def columns(self) -> list[str]:
        """The columns this expectation reads (for checks and for skipping on a broken table)."""
        cols = [self.kwargs[k] for k in COLUMN_KWARGS if isinstance(self.kwargs.get(k), str)]
        cols.extend(self.kwargs.get("column_list") or [])
        return cols


@dataclass(frozen=True)
class Suite:
    """The expectations of one published table, with its contract and row key."""

    table: str
    description: str
    columns: Mapping[str, str]  # column -> SQL type, in contract order
    not_null: frozenset[str]
    key: tuple[str, ...]  # unique and not null; may be empty (participant tables)
    row_key: tuple[str, ...]  # what identifies a row in the quarantine
    derived: Mapping[str, str]  # derived column -> why
    expectations: tuple[ExpectationSpec, ...]
    path: str = ""

    def by_stage(self, stage: Stage) -> list[ExpectationSpec]:
        return [e for e in self.expectations if e.stage == stage]

    def with_expectations(self, *extra: ExpectationSpec) -> Suite:
        """A copy with extra expectations, checked like file entries (ad-hoc checks, tests)."""
        suite = Suite(
            table=self.table,
            description=self.description,
            columns=self.columns,
            not_null=self.not_null,
            key=self.key,
            row_key=self.row_key,
            derived=self.derived,
            expectations=self.expectations + tuple(extra),
            path=self.path,
        )
        _check_names_and_columns(suite)
        return suite


@dataclass(frozen=True)
class _Source:
    name: str
    text: str = field(repr=False)


@functools.cache
def vocabularies() -> dict[str, tuple[str, ...]]:
    """The named value sets suites refer to as "vocab:<name>": one source of truth.

    The fact vocabularies come from `transform.facts` (what the extractors emit), document and
    source types from `extract`, currencies and
    countries from pycountry (ISO 4217, ISO 3166-1; the EU is no country, see above).
    """
    import pycountry

    from extract.documents import DOC_TYPES
    from extract.sources import SOURCE_KINDS
    from transform import facts

    alpha3 = sorted(c.alpha_3 for c in pycountry.countries)
    alpha2 = sorted(c.alpha_2 for c in pycountry.countries)
    return {
        "budget_categories": tuple(facts.BUDGET_CATEGORIES),
        "budget_phases": tuple(facts.BUDGET_PHASES),
        "project_types": tuple(facts.PROJECT_TYPES),
        "project_statuses": tuple(facts.PROJECT_STATUSES),
        "meeting_types": tuple(facts.MEETING_TYPES),
        "participant_kinds": tuple(facts.PARTICIPANT_KINDS),
        "project_participant_kinds": ("country", "organisation"),
        "fact_types": ("budget", "project", "meeting"),
        "document_statuses": ("parsed", "failed"),
        "doc_types": tuple(DOC_TYPES),
        "source_kinds": tuple(SOURCE_KINDS),
        "source_statuses": ("ok", "failed"),
        "iso4217_currencies": tuple(sorted(c.alpha_3 for c in pycountry.currencies)),
        "iso3166_alpha3": tuple(alpha3),
        "iso3166_alpha2": tuple(alpha2),
    }


def load_suites(directory: Path | None = None) -> dict[str, Suite]:
    """Load and check every suite file; the packaged `suites/` folder unless `directory` is given.

    The packaged folder must hold a suite for every published table: a table without one would
    be published unvalidated.
    """
    sources = _suite_sources(directory)
    suites: dict[str, Suite] = {}
    for src in sources:
        suite = parse_suite(src.text, src.name)
        suites[suite.table] = suite
    if directory is None:
        missing = [t for t in PUBLISHED_TABLES if t not in suites]
        if missing:
            raise SuiteError(f"no suite file for published table(s): {', '.join(missing)}")
    return suites


def load_currency_ceilings(directory: Path | None = None) -> CurrencyCeilings:
    """The per-currency ceilings on a single amount (`suites/_currency_ceilings.toml`)."""
    root: Traversable | Path = directory if directory is not None else _packaged_dir()
    entry = root / _CEILINGS_FILE
    where = _CEILINGS_FILE
    try:
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SuiteError(f"{where}: cannot read: {exc}") from exc
    unknown = set(data) - {"default", "ceilings"}
    if unknown:
        raise SuiteError(f"{where}: unknown key(s) {sorted(unknown)}")
    default = data.get("default")
    if not positive_number(default):
        raise SuiteError(f"{where}: 'default' must be a positive number, got {default!r}")
    currencies = set(vocabularies()["iso4217_currencies"])
    ceilings: dict[str, float] = {}
    for code, value in (data.get("ceilings") or {}).items():
        if code not in currencies:
            raise SuiteError(f"{where}: [ceilings] {code!r} is not an ISO 4217 currency code")
        if not positive_number(value):
            raise SuiteError(f"{where}: [ceilings] {code} must be a positive number")
        ceilings[code] = float(value)
    assert isinstance(default, int | float)
    return CurrencyCeilings(by_currency=ceilings, default=float(default))


def parse_suite(text: str, filename: str) -> Suite:
    """Parse and check one suite file's text; `filename` is used in error messages."""
    # The entry readers build this module's ExpectationSpec, so they are imported on use.
    from expectations.suite_entries import (
        column_tuple,
        contract_expectations,
        parse_columns,
        parse_entry,
    )

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SuiteError(f"{filename}: not valid TOML: {exc}") from exc

    def fail(msg: str) -> SuiteError:
        return SuiteError(f"{filename}: {msg}")

    unknown = set(data) - SUITE_KEYS
    if unknown:
        raise fail(f"unknown top-level key(s) {sorted(unknown)}")
    table = data.get("table")
    if not isinstance(table, str) or not table:
        raise fail("'table' must name the table")
    stem = Path(filename).stem
    if stem != table:
        raise fail(f"'table' is {table!r} but the file is named for {stem!r}")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise fail("'description' must be a string")

    columns, not_null, primary = parse_columns(data.get("columns"), fail)
    key = column_tuple(data.get("key", list(primary)), "key", columns, fail)
    for col in key:
        if col not in not_null:
            raise fail(f"key column {col!r} must be NOT NULL or PRIMARY KEY in [columns]")
    row_key = column_tuple(data.get("row_key", list(key)), "row_key", columns, fail)
    if not row_key:
        raise fail("a table without 'key' needs 'row_key' (what names a row in the quarantine)")

    derived_raw = data.get("derived", {})
    if not isinstance(derived_raw, dict):
        raise fail("[derived] must map derived column names to a one-line why")
    known = DERIVATIONS.get(table, {})
    derived: dict[str, str] = {}
    for name, why in derived_raw.items():
        if name not in known:
            raise fail(
                f"[derived] {name!r}: no such derived column for {table} "
                f"(known: {', '.join(sorted(known)) or 'none'})"
            )
        if name in columns:
            raise fail(f"[derived] {name!r} clashes with a contract column")
        if not isinstance(why, str) or not why.strip():
            raise fail(f"[derived] {name!r} needs a one-line why")
        derived[name] = why.strip()

    expectations = contract_expectations(table, columns, not_null, key, filename)
    entries = data.get("expectations", [])
    if not isinstance(entries, list):
        raise fail("'expectations' must be an array of tables ([[expectations]])")
    for i, entry in enumerate(entries):
        expectations.append(parse_entry(entry, f"{filename} expectations[{i}]"))

    suite = Suite(
        table=table,
        description=description.strip(),
        columns=columns,
        not_null=frozenset(not_null),
        key=key,
        row_key=row_key,
        derived=derived,
        expectations=tuple(expectations),
        path=filename,
    )
    _check_names_and_columns(suite)
    return suite


def make_spec(
    name: str,
    type: str,
    kwargs: Mapping[str, Any],
    severity: str,
    why: str,
    *,
    stage: str = "content",
    min_fraction_of_previous: float | None = None,
    origin: str = "ad hoc",
) -> ExpectationSpec:
    """Build one expectation with the same checks a file entry gets (vocabularies resolved)."""
    from expectations.suite_entries import parse_entry

    entry: dict[str, Any] = {
        "name": name,
        "type": type,
        "kwargs": dict(kwargs),
        "severity": severity,
        "why": why,
        "stage": stage,
    }
    if min_fraction_of_previous is not None:
        entry["min_fraction_of_previous"] = min_fraction_of_previous
    return parse_entry(entry, origin)


def suites_digest() -> str:
    """A digest of the packaged suite files: the gate's rules, as the nothing-new run compares
    them (a release that changes a rule must validate and publish again, same tables or not)."""
    digest = hashlib.sha256()
    for p in sorted(_packaged_dir().iterdir(), key=lambda p: p.name):
        if p.name.endswith(".toml"):
            digest.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


# --- internals -------------------------------------------------------------------------


def _packaged_dir() -> Traversable:
    return resources.files("expectations") / "suites"


def _suite_sources(directory: Path | None) -> list[_Source]:
    root: Traversable | Path = directory if directory is not None else _packaged_dir()
    if not root.is_dir():
        raise SuiteError(f"suite folder {root} does not exist")
    sources = [
        _Source(p.name, p.read_text(encoding="utf-8"))
        for p in root.iterdir()
        if p.name.endswith(".toml") and not p.name.startswith("_")
    ]
    return sorted(sources, key=lambda s: s.name)


def _check_names_and_columns(suite: Suite) -> None:
    seen: set[str] = set()
    usable = set(suite.columns) | set(suite.derived)
    for spec in suite.expectations:
        if spec.name in seen:
            raise SuiteError(f"{spec.origin}: duplicate expectation name {spec.name!r}")
        seen.add(spec.name)
        for col in spec.columns():
            if col in suite.columns:
                continue
            if col in suite.derived:
                if spec.stage != "content":
                    raise SuiteError(
                        f"{spec.origin}: derived column {col!r} exists only at stage 'content'"
                    )
                continue
            hint = (
                " (declare it under [derived])"
                if col in DERIVATIONS.get(suite.table, {})
                else f" (usable: {', '.join(sorted(usable))})"
            )
            raise SuiteError(f"{spec.origin}: column {col!r} is not in the contract{hint}")
