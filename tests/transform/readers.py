"""The project and meeting readers as the tests call them: a written text in, its facts
out, each fact's evidence checked to sit at its offsets."""

from __future__ import annotations

from datetime import date

from extract.documents import ParsedDocument
from transform.facts import Meeting, Project
from transform.meetings import extract_meetings
from transform.projects import extract_projects


def projects(text: str, published: date = date(2024, 6, 4)) -> list[Project]:
    found = extract_projects("t", ParsedDocument(text=text, published_date=published), "article")
    for c in found:
        assert text[c.mention.char_start : c.mention.char_end] == c.mention.evidence
    return [c.fact for c in found]  # type: ignore[misc]


def meetings(text: str, published: date = date(2024, 6, 1)) -> list[Meeting]:
    found = extract_meetings("t", ParsedDocument(text=text, published_date=published), "article")
    for c in found:
        assert text[c.mention.char_start : c.mention.char_end] == c.mention.evidence
    return [c.fact for c in found]  # type: ignore[misc]
