"""Parsing and extraction on worker processes (`flows/parallel.py`) give what one process gives.

The documents are the real fixtures (HTML pages, two-column PDFs) and the real parsers run
in spawned workers. A parser that raises, and a worker process that dies, are the real
thing too: module-level parsers below that raise, or end their process with `os._exit`, on
one chosen document (a worker imports this module by name to run them).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from functools import partial
from pathlib import Path

import pytest

from extract.documents import ParsedDocument, RawDocument
from extract.parse import parse_raw
from flows.parallel import InProcess, Lost, ProcessPool, batch_size_for, map_in_batches
from flows.per_document import NotParsed, Parsed, extract_one, parse_one

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FETCHED = datetime(2024, 3, 7, 12, 0, 0)


def fixture_documents() -> list[RawDocument]:
    """Every HTML and PDF fixture as a fetched document, and one that no parser reads."""
    docs = []
    for path in sorted((FIXTURES / "html").glob("*.html")) + sorted(
        (FIXTURES / "pdf").glob("*.pdf")
    ):
        is_pdf = path.suffix == ".pdf"
        docs.append(
            RawDocument(
                source_id="fixtures",
                doc_type="review" if "review" in path.name else "article",
                url=f"https://example.org/{path.name}",
                content=path.read_bytes(),
                content_type="application/pdf" if is_pdf else "text/html; charset=utf-8",
                fetched_at=FETCHED,
            )
        )
    docs.append(
        RawDocument(
            source_id="fixtures",
            doc_type="article",
            url="https://example.org/picture.png",
            content=b"\x89PNG\r\n\x1a\n" + bytes(64),
            content_type="image/png",
            fetched_at=FETCHED,
        )
    )
    return docs


def raise_on_tex_news(raw: RawDocument) -> tuple[str, ParsedDocument]:
    """`parse_raw`, but a parser bug on one document."""
    if "tex-news" in raw.url:
        raise RuntimeError("a bug in the parser")
    return parse_raw(raw)


def die_on_tex_news(raw: RawDocument) -> tuple[str, ParsedDocument]:
    """`parse_raw`, but the process ends on one document, as a segfault in a library would."""
    if "tex-news" in raw.url:
        os._exit(70)
    return parse_raw(raw)


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPool]:
    """Two spawned workers, kept for the module (each start imports the parsers)."""
    with ProcessPool(2) as runner:
        yield runner


@pytest.fixture(scope="module")
def documents() -> list[RawDocument]:
    return fixture_documents()


@pytest.fixture(scope="module")
def in_process(documents: list[RawDocument]) -> list[Parsed | NotParsed]:
    return [parse_one(raw) for raw in documents]


def test_the_pool_parses_and_extracts_what_one_process_does(
    pool: ProcessPool, documents: list[RawDocument], in_process: list[Parsed | NotParsed]
) -> None:
    pooled = list(map_in_batches(pool, parse_one, documents, len(documents)))
    assert [raw for raw, _ in pooled] == documents  # in input order
    assert [outcome for _, outcome in pooled] == in_process
    assert batch_size_for(len(documents), pool.workers) < len(documents)  # several batches
    assert sum(isinstance(o, Parsed) for o in in_process) == len(documents) - 1
    assert in_process[-1] == NotParsed(reason="unsupported_content", error=in_process[-1].error)

    to_extract = [
        (raw.doc_id, raw.doc_type, outcome.document)
        for raw, outcome in zip(documents, in_process, strict=True)
        if isinstance(outcome, Parsed)
    ]
    extracted = [r for _, r in map_in_batches(pool, extract_one, to_extract, len(to_extract))]
    assert extracted == [extract_one(item) for item in to_extract]
    assert any(e.candidates for e in extracted)  # type: ignore[union-attr]


def test_a_parser_that_raises_costs_its_document_only(
    pool: ProcessPool, documents: list[RawDocument], in_process: list[Parsed | NotParsed]
) -> None:
    work = partial(parse_one, parser=raise_on_tex_news)
    pooled = [o for _, o in map_in_batches(pool, work, documents, len(documents))]
    for raw, got, alone in zip(documents, pooled, in_process, strict=True):
        if "tex-news" in raw.url:
            assert isinstance(got, NotParsed)
            assert got.reason == "parser_error"
            assert got.error == "parser_error: RuntimeError: a bug in the parser"
            assert got.trace is not None and "raise_on_tex_news" in got.trace
        else:
            assert got == alone


def test_a_dying_worker_costs_its_batch_not_the_run(
    documents: list[RawDocument], in_process: list[Parsed | NotParsed]
) -> None:
    total = len(documents)
    size = batch_size_for(total, 2)
    dying = next(i for i, raw in enumerate(documents) if "tex-news" in raw.url)
    batch_of_dying = range(dying - dying % size, min(total, dying - dying % size + size))
    assert 0 < batch_of_dying.start and batch_of_dying.stop < total  # batches on both sides

    work = partial(parse_one, parser=die_on_tex_news)
    with ProcessPool(2) as runner:
        pooled = [o for _, o in map_in_batches(runner, work, documents, total)]
        # the pool is usable after the loss
        again = [o for _, o in map_in_batches(runner, parse_one, documents[:3], 3)]

    for i, (got, alone) in enumerate(zip(pooled, in_process, strict=True)):
        if i in batch_of_dying:
            assert isinstance(got, Lost), documents[i].url
            assert "worker process died" in got.reason
        else:
            assert got == alone, documents[i].url
    assert again == in_process[:3]


def test_in_process_is_the_same_runner_interface(
    documents: list[RawDocument], in_process: list[Parsed | NotParsed]
) -> None:
    with InProcess() as runner:
        got = [o for _, o in map_in_batches(runner, parse_one, documents[:4], None)]
    assert got == in_process[:4]


def test_a_small_stage_with_automatic_workers_stays_in_this_process(
    documents: list[RawDocument], in_process: list[Parsed | NotParsed]
) -> None:
    """`min_documents`: fewer documents start no worker process."""
    runner = ProcessPool(2, min_documents=len(documents) + 1)
    with runner:
        got = [o for _, o in map_in_batches(runner, parse_one, documents, len(documents))]
        assert runner._pool is None
    assert got == in_process
