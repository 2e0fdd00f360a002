"""Fetch state saved for many URLs at once (`warehouse.load.save_fetch_states`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from warehouse.db import connect
from warehouse.load import fetch_states, save_fetch_state, save_fetch_states


def _state(etag: str | None, sha: str | None, status: int, when: datetime) -> dict:
    return {
        "etag": etag,
        "last_modified": "Wed, 06 Mar 2024 00:00:00 GMT" if etag else None,
        "content_sha256": sha,
        "status": status,
        "checked_at": when,
    }


def test_many_states_insert_new_urls_and_update_known_ones(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    first = datetime(2024, 3, 6, 2, 0)
    save_fetch_state(con, "https://a.example.org/1", **_state('"v1"', "aa", 200, first))
    later = datetime(2024, 3, 7, 2, 0)
    save_fetch_states(
        con,
        {
            "https://a.example.org/1": _state('"v2"', "bb", 200, later),  # changed
            "https://a.example.org/2": _state(None, None, 404, later),  # new, no validators
        },
    )
    rows = con.execute("SELECT * FROM fetch_state ORDER BY url").fetchall()
    assert rows == [
        ("https://a.example.org/1", '"v2"', "Wed, 06 Mar 2024 00:00:00 GMT", "bb", 200, later),
        ("https://a.example.org/2", None, None, None, 404, later),
    ]
    assert fetch_states(con)["https://a.example.org/1"].etag == '"v2"'


def test_no_states_write_nothing(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    save_fetch_states(con, {})
    assert con.execute("SELECT count(*) FROM fetch_state").fetchall() == [(0,)]
