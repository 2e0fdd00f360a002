"""docs/data-dictionary.md is generated from the schema and must not go stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from warehouse.descriptions import current_comments, wanted_comments
from warehouse.dictionary import DEFAULT_OUTPUT, REGENERATE, main, render, sample_database
from warehouse.publish import PUBLISHED_TABLES
from warehouse.views import view_names


@pytest.fixture(scope="module")
def rendered() -> str:
    return render()


def test_committed_dictionary_is_up_to_date(rendered: str) -> None:
    committed = DEFAULT_OUTPUT.read_text(encoding="utf-8") if DEFAULT_OUTPUT.exists() else ""
    assert committed == rendered, f"docs/data-dictionary.md is stale: run `{REGENERATE}`"


def test_every_published_table_view_and_column_is_in_it(rendered: str) -> None:
    con = sample_database()
    for name in [*PUBLISHED_TABLES, "publication", *view_names(con)]:
        section = rendered.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
        columns = con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [name]
        ).fetchall()
        assert columns, name
        for (column,) in columns:
            assert f"| `{column}` |" in section, f"{name}.{column}"
        assert "Example row (from the sample data):" in section, name
    assert "- `budget_categories`: `science_technology`, `research_funding`" in rendered
    assert "| amount | 777315000000.0 |" in rendered  # the example budget, in currency units


def test_every_described_object_exists_and_everything_is_described() -> None:
    """Descriptions of columns the schema lacks are stale; columns without one are gaps."""
    con = sample_database()
    present = current_comments(con)
    described = set(wanted_comments())
    assert sorted(f"{t}.{c}" for t, c in described if (t, c) not in present) == []
    assert sorted(f"{t}.{c}" for (t, c), text in present.items() if not text) == []


def test_check_reports_a_stale_file_without_touching_it(tmp_path: Path) -> None:
    stale = tmp_path / "dictionary.md"
    stale.write_text("# old\n", encoding="utf-8")
    assert main(["--check", "--output", str(stale)]) == 1
    assert stale.read_text(encoding="utf-8") == "# old\n"
    assert main(["--output", str(stale)]) == 0
    assert main(["--check", "--output", str(stale)]) == 0
