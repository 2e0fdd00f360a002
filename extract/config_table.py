"""Typed reading of one TOML table of the config file, collecting problems as it goes.

Operators write the config by hand, and a run that stops at the first mistake makes
them fix one line per attempt. So reading a field never raises: a wrong type, a value
out of range or an unknown (probably misspelt) key is recorded as one self-contained
line naming the file, the table and the field, and the reader carries on with the
default so the rest of the file is still checked. `load_config` raises all the lines
together at the end.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

__all__ = ["Table", "resolve_path", "type_name"]

_TOML_TYPES = {
    bool: "boolean",
    int: "integer",
    float: "float",
    str: "string",
    list: "array",
    dict: "table",
}


def type_name(value: object) -> str:
    return _TOML_TYPES.get(type(value), type(value).__name__)


class _MissingType:
    pass


_MISSING = _MissingType()


class Table:
    """Typed access to one TOML table, collecting problems instead of stopping at the first."""

    def __init__(self, data: dict[str, Any], where: str, problems: list[str], label: str):
        self.data = data
        self.where = where
        self.problems = problems
        self.label = label

    def problem(self, message: str) -> None:
        self.problems.append(f"{self.label}: {self.where}: {message}")

    def bad(self, key: str, expected: str) -> None:
        value = self.data[key]
        self.problem(f"field '{key}' must be {expected}, got {type_name(value)} {value!r}")

    def string(self, key: str, default: str | None | _MissingType = _MISSING) -> str | None:
        if key not in self.data:
            if isinstance(default, _MissingType):
                self.problem(f"field '{key}' is required")
                return None
            return default
        value = self.data[key]
        if not isinstance(value, str) or not value.strip():
            self.bad(key, "a non-empty string")
            return None
        return value.strip()

    def number(self, key: str, default: float, *, minimum: float, strict: bool) -> float:
        if key not in self.data:
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.bad(key, "a number")
            return default
        if value < minimum or (strict and value == minimum):
            relation = "greater than" if strict else "at least"
            self.problem(f"field '{key}' must be {relation} {minimum:g}, got {value!r}")
            return default
        return float(value)

    def integer(self, key: str, default: int, *, minimum: int, maximum: int | None = None) -> int:
        if key not in self.data:
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.bad(key, "an integer")
            return default
        if value < minimum or (maximum is not None and value > maximum):
            bound = (
                f"between {minimum} and {maximum}" if maximum is not None else f"at least {minimum}"
            )
            self.problem(f"field '{key}' must be {bound}, got {value!r}")
            return default
        return value

    def boolean(self, key: str, default: bool) -> bool:
        if key not in self.data:
            return default
        value = self.data[key]
        if not isinstance(value, bool):
            self.bad(key, "true or false")
            return default
        return value

    def strings(self, key: str) -> list[str] | None:
        if key not in self.data:
            return None
        value = self.data[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.bad(key, "an array of non-empty strings")
            return None
        return [v.strip() for v in value]

    def unknown_keys(self, allowed: tuple[str, ...] | frozenset[str], hint: str = "") -> None:
        for key in self.data:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, sorted(allowed), n=1)
            suggestion = f" (did you mean '{close[0]}'?)" if close else ""
            self.problem(f"unknown field '{key}'{suggestion}{hint}")


def resolve_path(base_dir: Path, value: str) -> Path:
    """`value` against the config file's folder, so a config means the same from anywhere."""
    return (base_dir / Path(value).expanduser()).resolve()
