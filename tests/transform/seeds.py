"""The seed documents as the parsers hand them to the extractors.

Seed 000 is a PDF capture with the line breaks and column joins PDF extraction leaves; the
real PDF parser rebuilds clean paragraphs, so `unwrap_pdf_capture` does the same here:
lines joined, a new paragraph only where a block ends a sentence and the next starts one,
and the issue's section headings kept as paragraphs of their own.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from extract.documents import ParsedDocument

SEEDS = Path(__file__).resolve().parents[2] / "samples" / "seeds"

SEED_FILES = {
    "000": "000_05a4c5d879363713.txt",
    "001": "001_ccca56ffd71f0547.txt",
    "002": "002_d3ab59754fcfceb5.txt",
    "003": "003_6deffc231386c4ac.txt",
    "004": "004_a83b8bb3d3fc7417.txt",
}
# Publication dates as the sources give them (000 and 001 are monthly issues, published
# after the month they cover).
PUBLISHED = {
    "000": date(2024, 4, 1),
    "001": date(2024, 12, 2),
    "002": date(2024, 3, 6),
    "003": date(2022, 11, 28),
    "004": date(2024, 3, 5),
}
HEADINGS_000 = (
    "China Science and Technology Budget 2024",
    "Scientific Collaboration Projects",
    "Scientific Research Breakthroughs and Discoveries",
    "China Science Diplomacy",
)


def unwrap_pdf_capture(raw: str, headings: tuple[str, ...] = ()) -> str:
    """Rebuild clean paragraphs from a line-wrapped, column-broken PDF text capture."""
    blocks = [b for b in re.split(r"\n\s*\n", raw) if b.strip()]
    paragraphs: list[str] = []
    current = ""
    for block in blocks:
        flat = re.sub(r"-\n(?=[A-Z])", "-", block)
        flat = " ".join(flat.split())
        if current and re.search(r"[.!?”\"]$", current) and flat[:1].isupper():
            paragraphs.append(current)
            current = flat
        else:
            current = f"{current} {flat}".strip()
    if current:
        paragraphs.append(current)
    text = "\n\n".join(paragraphs)
    for heading in headings:
        text = text.replace(heading, f"\n\n{heading}\n\n", 1)
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def seed_text(key: str) -> str:
    raw = (SEEDS / SEED_FILES[key]).read_text(encoding="utf-8")
    if key == "000":
        return unwrap_pdf_capture(raw, HEADINGS_000)
    return raw


def seed_doc(key: str) -> ParsedDocument:
    return ParsedDocument(text=seed_text(key), published_date=PUBLISHED[key])


def seed_doc_id(key: str) -> str:
    return SEED_FILES[key].split("_", 1)[1].removesuffix(".txt")
