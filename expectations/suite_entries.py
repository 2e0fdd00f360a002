"""Reading the parts of one suite file: its column contract and the critical checks that
contract implies, and each `[[expectations]]` entry with its vocabularies resolved.

Every reader raises `SuiteError` naming the file and the entry, so a malformed suite is
rejected on load, before the gate runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from expectations.suite_rules import (
    EXPECTATION_KEYS,
    ROW_LEVEL_PREFIXES,
    ROW_LEVEL_TYPES,
    SEVERITIES,
    STAGES,
    TYPE_LISTS,
    positive_number,
)
from expectations.suites import ExpectationSpec, SuiteError, vocabularies


def parse_columns(raw: Any, fail: Any) -> tuple[dict[str, str], set[str], list[str]]:
    if not isinstance(raw, dict) or not raw:
        raise fail("[columns] must map every column of the table to its SQL type")
    columns: dict[str, str] = {}
    not_null: set[str] = set()
    primary: list[str] = []
    for col, decl in raw.items():
        if not isinstance(decl, str):
            raise fail(f"[columns] {col}: the type must be a string like 'VARCHAR NOT NULL'")
        words = decl.split()
        sql_type = words[0].upper() if words else ""
        if sql_type not in TYPE_LISTS:
            raise fail(f"[columns] {col}: unknown type {decl!r} (known: {', '.join(TYPE_LISTS)})")
        rest = " ".join(words[1:]).upper()
        if rest == "NOT NULL":
            not_null.add(col)
        elif rest == "PRIMARY KEY":
            not_null.add(col)
            primary.append(col)
        elif rest:
            raise fail(f"[columns] {col}: expected 'TYPE', 'TYPE NOT NULL' or 'TYPE PRIMARY KEY'")
        columns[col] = sql_type
    return columns, not_null, primary


def column_tuple(raw: Any, what: str, columns: Mapping[str, str], fail: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(c, str) for c in raw):
        raise fail(f"'{what}' must be a list of column names")
    for col in raw:
        if col not in columns:
            raise fail(f"'{what}' names {col!r}, which is not in [columns]")
    return tuple(raw)


def contract_expectations(
    table: str,
    columns: Mapping[str, str],
    not_null: set[str],
    key: tuple[str, ...],
    filename: str,
) -> list[ExpectationSpec]:
    """The critical checks the column contract implies, so each column is stated only once."""
    origin = f"{filename} [columns]"
    specs = [
        ExpectationSpec(
            name="columns_match_contract",
            type="expect_table_columns_to_match_set",
            kwargs={"column_set": list(columns), "exact_match": True},
            severity="critical",
            why="BI tools read exactly these columns; a missing or extra one breaks them.",
            stage="contract",
            origin=origin,
        )
    ]
    for col, sql_type in columns.items():
        specs.append(
            ExpectationSpec(
                name=f"type:{col}",
                type="expect_column_values_to_be_in_type_list",
                kwargs={"column": col, "type_list": list(TYPE_LISTS[sql_type])},
                severity="critical",
                why=f"{table}.{col} is {sql_type} in the contract.",
                stage="contract",
                origin=origin,
            )
        )
    for col in columns:
        if col in not_null:
            specs.append(
                ExpectationSpec(
                    name=f"not_null:{col}",
                    type="expect_column_values_to_not_be_null",
                    kwargs={"column": col},
                    severity="critical",
                    why=f"{table}.{col} is NOT NULL in the contract; the warehouse rejects nulls.",
                    stage="contract",
                    origin=origin,
                )
            )
    if len(key) == 1:
        specs.append(
            ExpectationSpec(
                name="key_unique",
                type="expect_column_values_to_be_unique",
                kwargs={"column": key[0]},
                severity="critical",
                why=f"{key[0]} identifies a row; duplicates double-count in every aggregate.",
                stage="contract",
                origin=origin,
            )
        )
    elif key:
        specs.append(
            ExpectationSpec(
                name="key_unique",
                type="expect_compound_columns_to_be_unique",
                kwargs={"column_list": list(key)},
                severity="critical",
                why=f"({', '.join(key)}) identifies a row; duplicates double-count.",
                stage="contract",
                origin=origin,
            )
        )
    return specs


def parse_entry(entry: Any, where: str) -> ExpectationSpec:
    if not isinstance(entry, dict):
        raise SuiteError(f"{where}: an expectation must be a table")
    name = entry.get("name")
    label = f"{where} ({name!r})" if isinstance(name, str) else where

    def fail(msg: str) -> SuiteError:
        return SuiteError(f"{label}: {msg}")

    unknown = set(entry) - EXPECTATION_KEYS
    if unknown:
        raise fail(f"unknown key(s) {sorted(unknown)}")
    if not isinstance(name, str) or not name.strip():
        raise fail("'name' is required (it names the check in results and the quarantine)")
    gx_type = entry.get("type")
    if not isinstance(gx_type, str) or not gx_type.startswith("expect_"):
        raise fail(f"'type' must be a Great Expectations expectation type, got {gx_type!r}")
    severity = entry.get("severity")
    if severity not in SEVERITIES:
        raise fail(f"severity {severity!r} is not one of {', '.join(SEVERITIES)}")
    why = entry.get("why")
    if not isinstance(why, str) or not why.strip() or "\n" in why.strip():
        raise fail("'why' must be one line saying why the check exists")
    stage = entry.get("stage", "content")
    if stage not in STAGES:
        raise fail(f"stage {stage!r} is not one of {', '.join(STAGES)}")
    kwargs = entry.get("kwargs", {})
    if not isinstance(kwargs, dict):
        raise fail("'kwargs' must be a table")
    kwargs = {k: resolve_vocab(v, fail) for k, v in kwargs.items()}
    if "result_format" in kwargs or "catch_exceptions" in kwargs:
        raise fail("result_format and catch_exceptions are set by the gate, not the suite")

    if severity == "row":
        if stage != "content":
            raise fail("row-level expectations run at stage 'content'")
        if "mostly" in kwargs:
            raise fail("'mostly' makes no sense for a row-level check: every failing row goes")
        if not gx_type.startswith(ROW_LEVEL_PREFIXES) and gx_type not in ROW_LEVEL_TYPES:
            raise fail(f"{gx_type} is not row-level (it yields no failing rows)")
        if gx_type == "expect_column_values_to_be_in_type_list":
            raise fail("type checks are table-level (critical), not row-level")

    fraction = entry.get("min_fraction_of_previous")
    if fraction is not None:
        if gx_type != "expect_table_row_count_to_be_between" or stage != "published":
            raise fail(
                "min_fraction_of_previous applies to expect_table_row_count_to_be_between "
                "at stage 'published'"
            )
        if not positive_number(fraction) or fraction > 1:
            raise fail("min_fraction_of_previous must be in (0, 1]")
        fraction = float(fraction)

    return ExpectationSpec(
        name=name.strip(),
        type=gx_type,
        kwargs=kwargs,
        severity=severity,
        why=why.strip(),
        stage=stage,
        min_fraction_of_previous=fraction,
        origin=label,
    )


def resolve_vocab(value: Any, fail: Any) -> Any:
    if isinstance(value, str) and value.startswith("vocab:"):
        name = value.removeprefix("vocab:")
        vocab = vocabularies()
        if name not in vocab:
            raise fail(f"unknown vocabulary {value!r} (known: {', '.join(sorted(vocab))})")
        return list(vocab[name])
    return value
