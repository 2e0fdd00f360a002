"""The limits of one document (`transform.extractor.extract_document`)."""

from __future__ import annotations

from datetime import date

import pytest

import transform.extractor as extractor
from extract.documents import ParsedDocument, Section


def _doc(paragraphs: int) -> ParsedDocument:
    text = "\n\n".join(
        f"The {i + 1}th China-Kenya Joint Committee on Science and Technology was held in "
        f"Nairobi on {i % 27 + 1} March."
        for i in range(paragraphs)
    )
    return ParsedDocument(
        text=text,
        published_date=date(2024, 4, 1),
        sections=(Section(heading="All", char_start=0, char_end=len(text)),),
    )


def test_a_document_within_the_limits_is_read_whole() -> None:
    doc = _doc(3)
    result = extractor.extract_document("d", doc, "article")
    assert result.limit is None
    assert len(result.candidates) == 3
    assert result.candidates == extractor.extract_candidates("d", doc, "article")


def test_a_long_text_is_read_up_to_the_limit_at_a_paragraph_break(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = _doc(40)
    monkeypatch.setattr(extractor, "MAX_TEXT_CHARS", 1_000)
    result = extractor.extract_document("d", doc, "article")
    assert result.limit is not None and result.limit.startswith("text_truncated")
    assert f"of {len(doc.text):,} characters" in result.limit
    assert 0 < len(result.candidates) < 40
    for c in result.candidates:
        assert c.mention.char_end <= 1_000
        assert doc.text[c.mention.char_start : c.mention.char_end] == c.mention.evidence


def test_too_many_facts_keeps_the_first_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _doc(12)
    everything = extractor.extract_document("d", doc, "article").candidates
    monkeypatch.setattr(extractor, "MAX_CANDIDATES", 5)
    result = extractor.extract_document("d", doc, "article")
    assert result.limit == f"too_many_facts: kept the first 5 of {len(everything):,}"
    assert result.candidates == everything[:5]
