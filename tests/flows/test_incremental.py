"""Incremental runs: a changed document replaces its facts, a vanished one is kept, a night
with nothing new does no work, and reprocessing re-derives the same facts offline.

The stages of `flows/steps.py` are called in the flow's order without Prefect, against a small
site served on 127.0.0.1 whose files the test rewrites between runs (with explicit file
times, since the server answers If-Modified-Since from them).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from extract.documents import doc_id_for
from extract.sample_site import serve_sample_site
from extract.sources import load_config
from flows import publish_steps, steps
from tests.flows.e2e_support import StagesResult, read_only, render_config, run_stages
from warehouse.lock import run_lock

pytestmark = pytest.mark.slow

T0 = 1_700_000_000  # file times of the first version (Nov 2023) ...
T1 = T0 + 86_400  # ... and of the changed one, a day later


def article(name: str, amount: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Budget news {name}</title>
</head><body><article><h1>Science budget news {name}</h1>
<p>BEIJING, March 5, 2024. The Ministry of Finance said on Tuesday that the 2024 central
government budget for science and technology is {amount} billion yuan, an increase of 10
percent over the previous year.</p>
<p>The money will support basic research and key core technologies, officials said at a
press conference in Beijing.</p></article></body></html>"""


def feed(base: str, names: list[str]) -> str:
    items = "".join(
        f"<item><title>News {n}</title><link>{base}/{n}.html</link>"
        "<pubDate>Wed, 06 Mar 2024 00:00:00 +0800</pubDate></item>"
        for n in names
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Changing news</title><link>{base}/</link>{items}</channel></rss>"
    )


def write(site: Path, name: str, text: str, when: int) -> None:
    path = site / name
    path.write_text(text, encoding="utf-8")
    os.utime(path, (when, when))


def snapshot(data: Path) -> dict:
    with read_only(data / "warehouse.duckdb") as con:
        return {
            "budgets": sorted(con.execute("SELECT budget_id, amount FROM budgets").fetchall()),
            "mentions": sorted(
                con.execute("SELECT fact_id, doc_id, evidence, char_start FROM mentions").fetchall()
            ),
            "documents": sorted(
                con.execute("SELECT doc_id, url, status, content_sha256 FROM documents").fetchall()
            ),
            "retracted": con.execute(
                "SELECT fact_type, fact_id, run_id, reason FROM retracted_facts"
            ).fetchall(),
        }


@dataclass
class Nights:
    base: str
    data: Path
    first: StagesResult
    after_first: dict
    changed: StagesResult
    after_changed: dict
    idle: StagesResult
    after_idle: dict
    reprocessed: int
    after_reprocess: dict


@pytest.fixture(scope="module")
def nights(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nights]:
    root = tmp_path_factory.mktemp("incremental")
    site = root / "site"
    site.mkdir()
    data = root / "data"
    with ExitStack() as stack:
        base = stack.enter_context(serve_sample_site(site, "127.0.0.1", 0))
        config = render_config("changing_site.toml", root / "changing_site.toml", site=base)
        write(site, "a.html", article("a", "370.8"), T0)
        write(site, "b.html", article("b", "12.5"), T0)
        write(site, "feed.xml", feed(base, ["a", "b"]), T0)
        first = run_stages(config, data)
        after_first = snapshot(data)

        # a.html now states another budget; b.html drops out of the feed (still served).
        write(site, "a.html", article("a", "398.1"), T1)
        write(site, "feed.xml", feed(base, ["a"]), T1)
        changed = run_stages(config, data)
        after_changed = snapshot(data)

        idle = run_stages(config, data)
        after_idle = snapshot(data)

    # The site is gone: reprocessing must need nothing but the stored raw bytes.
    cfg = load_config(config)
    with run_lock(data):
        ctx = steps.open_run(cfg, data)
        try:
            reprocessed = steps.reparse_stored(ctx)
            steps.extract_facts(ctx)
            publish_steps.consolidate_facts(ctx)
            publish_steps.publish_run(ctx, {})  # as `chinasci reprocess` does (its gate left out)
            steps.finish(ctx, "published")
        finally:
            ctx.con.close()
    yield Nights(
        base,
        data,
        first,
        after_first,
        changed,
        after_changed,
        idle,
        after_idle,
        reprocessed,
        snapshot(data),
    )


def _amounts(snap: dict) -> set[float]:
    return {amount for _, amount in snap["budgets"]}


def test_first_run_stores_both_budgets(nights: Nights) -> None:
    assert nights.first.to_parse == 2
    assert _amounts(nights.after_first) == {370.8e9, 12.5e9}
    assert nights.after_first["retracted"] == []


def test_changed_document_replaces_its_facts(nights: Nights) -> None:
    assert nights.changed.to_parse == 1
    assert "documents: changed 1" in nights.changed.lines
    assert _amounts(nights.after_changed) == {398.1e9, 12.5e9}
    old_id = next(i for i, amount in nights.after_first["budgets"] if amount == 370.8e9)
    assert nights.after_changed["retracted"] == [
        ("budget", old_id, nights.changed.run_id, "no stored document supports it any more")
    ]
    a_id = doc_id_for(f"{nights.base}/a.html")
    new_id = next(i for i, amount in nights.after_changed["budgets"] if amount == 398.1e9)
    assert {(f, d) for f, d, _, _ in nights.after_changed["mentions"] if d == a_id} == {
        (new_id, a_id)
    }


def test_changed_document_keeps_its_id(nights: Nights) -> None:
    before = {url: (doc_id, sha) for doc_id, url, _, sha in nights.after_first["documents"]}
    after = {url: (doc_id, sha) for doc_id, url, _, sha in nights.after_changed["documents"]}
    assert len(after) == len(before) == 2
    url = f"{nights.base}/a.html"
    assert after[url][0] == before[url][0] == doc_id_for(url)
    assert after[url][1] != before[url][1]


def test_document_gone_from_the_feed_is_kept(nights: Nights) -> None:
    url = f"{nights.base}/b.html"
    assert [(u, s) for _, u, s, _ in nights.after_idle["documents"] if u == url] == [
        (url, "parsed")
    ]
    assert 12.5e9 in _amounts(nights.after_idle)


def test_nothing_new_parses_and_extracts_nothing(nights: Nights) -> None:
    assert nights.idle.to_parse == 0
    assert nights.idle.extracted == 0
    assert nights.idle.requests == nights.idle.not_modified == 2  # feed and a.html: 304
    assert nights.after_idle == nights.after_changed


def test_nothing_new_keeps_the_publication_and_consolidates_nothing(nights: Nights) -> None:
    assert (nights.first.status, nights.changed.status) == ("published", "published")
    assert nights.idle.status == "unchanged"
    with read_only(nights.data / "warehouse.duckdb") as con:
        stages = dict(con.execute("SELECT stage, run_id FROM stage_state").fetchall())
    # the idle night and the reprocess found the candidates of the changed night's pass
    assert stages["consolidate"] == nights.changed.run_id


def test_reprocess_offline_rederives_the_same_facts(nights: Nights) -> None:
    assert nights.reprocessed == 2
    after = nights.after_reprocess
    assert after["budgets"] == nights.after_idle["budgets"]
    assert after["mentions"] == nights.after_idle["mentions"]
    assert after["documents"] == nights.after_idle["documents"]
    assert after["retracted"] == nights.after_idle["retracted"]  # nothing retracted anew


def test_document_missing_behind_kept_validators_is_fetched_again(tmp_path: Path) -> None:
    """What an interrupted run of an older release could leave: the validators of a document
    kept in fetch_state, the document itself never stored. The next run must not be answered
    304 for it forever."""
    site = tmp_path / "site"
    site.mkdir()
    data = tmp_path / "data"
    with serve_sample_site(site, "127.0.0.1", 0) as base:
        config = render_config("changing_site.toml", tmp_path / "changing_site.toml", site=base)
        write(site, "a.html", article("a", "370.8"), T0)
        write(site, "feed.xml", feed(base, ["a"]), T0)
        assert run_stages(config, data).to_parse == 1
        url = f"{base}/a.html"
        with run_lock(data):
            con = duckdb.connect(str(data / "warehouse.duckdb"))
            try:
                con.execute("DELETE FROM fact_candidates WHERE doc_id = ?", [doc_id_for(url)])
                con.execute("DELETE FROM documents WHERE url = ?", [url])
                assert con.execute(
                    "SELECT last_modified IS NOT NULL FROM fetch_state WHERE url = ?", [url]
                ).fetchone() == (True,)
            finally:
                con.close()

        again = run_stages(config, data)
    assert again.to_parse == 1
    assert "documents: new 1" in again.lines
    assert [u for _, u, s, _ in snapshot(data)["documents"] if s == "parsed"] == [url]
    assert _amounts(snapshot(data)) == {370.8e9}
