"""A document read only in part says so: in the run's summary, its counts in `runs` and
the log (`transform.extractor` caps what one document yields; the run records it)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

import transform.extractor as extractor
from tests.flows.e2e_support import run_stages

PARAGRAPH = (
    "<p>The {n}th China-Kenya Joint Committee on Science and Technology Cooperation was held "
    "in Nairobi on {day} March 2024, co-chaired by Minister Wang Zhigang.</p>"
)


def _page(paragraphs: int) -> str:
    body = "\n".join(PARAGRAPH.format(n=i + 1, day=i % 27 + 1) for i in range(paragraphs))
    return (
        "<html><head><title>Committee sessions</title></head><body><article>"
        f"<h1>Committee sessions</h1>{body}</article></body></html>"
    )


def _config(tmp_path: Path, inbox: Path) -> Path:
    config = tmp_path / "sources.toml"
    config.write_text(
        '[pipeline]\nuser_agent = "chinasci-test/0.1"\ntimezone = "UTC"\n\n'
        f'[[sources]]\nid = "inbox"\nkind = "folder"\npath = "{inbox.as_posix()}"\n'
        'doc_type = "article"\n',
        encoding="utf-8",
    )
    return config


def test_a_document_past_the_limit_is_recorded_as_read_in_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "short.html").write_text(_page(2), encoding="utf-8")
    (inbox / "long.html").write_text(_page(60), encoding="utf-8")
    monkeypatch.setattr(extractor, "MAX_TEXT_CHARS", 3_000)
    result = run_stages(_config(tmp_path, inbox), tmp_path / "data")
    limited = [line for line in result.lines if "read in part" in line]
    assert len(limited) == 1 and "text_truncated" in limited[0]
    con = duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True)
    try:
        (counts,) = con.execute("SELECT counts FROM runs ORDER BY seq DESC LIMIT 1").fetchone()
    finally:
        con.close()
    assert len(json.loads(counts)["extraction_limited"]) == 1
