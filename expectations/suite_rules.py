"""The named values a suite file is checked against: severities, stages, contract types.

Kept apart from the code that reads suite files so that what a suite may say can be read, and
changed, in one place; the readers in `suites.py` and `suite_entries.py` only apply it.
"""

from __future__ import annotations

from typing import Any, Literal

Severity = Literal["critical", "warning", "row"]
Stage = Literal["contract", "content", "published"]

SEVERITIES: tuple[str, ...] = ("critical", "warning", "row")
# contract: run on the table as given (the column set cannot include derived columns);
# content: run on the table plus its derived columns; row-level checks live here;
# published: run on what would be published, after quarantine (row counts).
STAGES: tuple[str, ...] = ("contract", "content", "published")

# SQL type of the contract -> type names Great Expectations' pandas backend accepts for it.
# The gate hands GX a view in which string columns are `object` (so each value's Python type
# is checked: pandas 3's `str` dtype matches no GX type name), python dates are datetime64,
# arrays are lists, and all-null columns are `object` (a column without values has no type).
TYPE_LISTS: dict[str, tuple[str, ...]] = {
    "VARCHAR": ("str",),
    "DOUBLE": (
        "float64",
        "float32",
        "Float64Dtype",
        "Float32Dtype",
        "int64",
        "int32",
        "Int64Dtype",
        "Int32Dtype",
        "float",
        "int",
    ),
    "INTEGER": (
        "int64",
        "int32",
        "int16",
        "int8",
        "Int64Dtype",
        "Int32Dtype",
        "Int16Dtype",
        "Int8Dtype",
        "int",
    ),
    "DATE": ("datetime64[ns]", "datetime64[us]", "datetime64[ms]", "datetime64[s]"),
    "TIMESTAMP": ("datetime64[ns]", "datetime64[us]", "datetime64[ms]", "datetime64[s]"),
    "VARCHAR[]": ("list",),
}
TEMPORAL_TYPES: frozenset[str] = frozenset({"DATE", "TIMESTAMP"})

COLUMN_KWARGS: tuple[str, ...] = ("column", "column_A", "column_B")
EXPECTATION_KEYS: frozenset[str] = frozenset(
    {"name", "type", "severity", "why", "kwargs", "stage", "min_fraction_of_previous"}
)
SUITE_KEYS: frozenset[str] = frozenset(
    {"table", "description", "key", "row_key", "columns", "derived", "expectations"}
)
# Map expectations: the only kinds that name failing rows (checked again against GX's classes).
ROW_LEVEL_PREFIXES: tuple[str, ...] = (
    "expect_column_values_",
    "expect_column_pair_values_",
    "expect_multicolumn_",
)
ROW_LEVEL_TYPES: frozenset[str] = frozenset(
    {
        "expect_compound_columns_to_be_unique",
        "expect_select_column_values_to_be_unique_within_record",
    }
)


def positive_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0
