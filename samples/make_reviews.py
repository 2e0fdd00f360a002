"""Rebuild the two sample review PDFs (and the listing pages that link them) from the seeds.

The seeds in `samples/seeds/` are text captures of two issues of the monthly "China Science
and Technology Review"; the originals were two-column A4 PDF newsletters. The pipeline has to
read such PDFs, so the sample site serves PDFs laid out the way the originals were: running
header, page numbers, a title block across the top of page 1, bold section headings and
justified text in two columns that a naive extractor interleaves. Words are hyphenated at
line ends, both at existing hyphens ("Al-Farabi", as the March capture shows) and inside
words ("technol-ogy"), so the reader has to tell the two apart.

Everything is deterministic (`invariant=1`, no clock, no randomness): running

    python samples/make_reviews.py samples/site

twice gives byte-identical files, so the committed samples can be checked against a rebuild.

`review_blocks` turns a seed back into clean headings and paragraphs; the tests reuse it as
the expected reading of the PDFs.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape as html_escape
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape as xml_escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus.flowables import HRFlowable

SEEDS_DIR = Path(__file__).resolve().parent / "seeds"
REVIEW_NAME = "China Science and Technology Review"

BlockKind = Literal["heading", "paragraph"]
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()


@dataclass(frozen=True)
class Issue:
    """One review issue: which seed it comes from and how its page furniture looks.

    The two issues deliberately differ in furniture ("Name | Month" header with "Page N"
    footer versus name and month at opposite ends of the header with a bare page number),
    so the reader is tested on both shapes real newsletters use.
    """

    slug: str
    seed: str
    month: date
    header: Literal["pipe", "split"]
    footer: Literal["page", "bare"]

    @property
    def month_label(self) -> str:
        # Not strftime("%B"): month names must not depend on the machine's locale.
        return f"{MONTH_NAMES[self.month.month - 1]} {self.month.year}"

    @property
    def filename(self) -> str:
        return f"{self.slug}.pdf"


ISSUES: tuple[Issue, ...] = (
    Issue(
        "china-st-review-2024-11", "001_ccca56ffd71f0547.txt", date(2024, 11, 1), "split", "bare"
    ),
    Issue("china-st-review-2024-03", "000_05a4c5d879363713.txt", date(2024, 3, 1), "pipe", "page"),
)

# --------------------------------------------------------------------------------------
# Seed text -> blocks
# --------------------------------------------------------------------------------------

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^\s*[-*]\s+")
_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)]*$")
_MONTH_YEAR = re.compile(r"[A-Z][a-z]+ \d{4}")
_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with".split())


def _clean_inline(text: str) -> str:
    """Drop markdown link and bold markup, keeping the words the reader would see."""
    text = _LINK.sub(r"\1", text)
    text = _BOLD.sub(r"\1", text)
    return text.replace("**", "")


def _unwrap(block: str) -> str:
    """Join a block's hard-wrapped lines into one line of single-spaced text.

    A line ending in "-" is joined without a space and keeps its hyphen: the March capture
    comes from a PDF that broke lines only at existing hyphens ("Al-" / "Farabi").
    """
    out = ""
    for raw in block.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("-") and not out.endswith(" -"):
            out += line
        else:
            out += " " + line
    return out


def _is_bullet_list(block: str) -> bool:
    lines = [ln for ln in block.splitlines() if ln.strip()]
    return bool(lines) and all(_BULLET.match(ln) for ln in lines)


def _looks_like_heading(text: str) -> bool:
    """Title Case, short and unpunctuated: how the seeds' headings differ from prose."""
    if _SENTENCE_END.search(text) or text.endswith((",", ";", ":")):
        return False
    words = text.split()
    if not 1 <= len(words) <= 12 or "," in text or words[-1].lower() in _SMALL_WORDS:
        return False
    for i, word in enumerate(words):
        core = word.strip("\"'\u2018\u2019\u201c\u201d()")
        if not core:
            continue
        if i > 0 and core.lower() in _SMALL_WORDS:
            continue
        if not (core[0].isupper() or core[0].isdigit()):
            return False
    return True


def _split_seed(seed_text: str) -> tuple[list[str], list[str], list[str]]:
    """Split a seed into (masthead blocks, contents entries, body blocks), all raw.

    A markdown capture starts with a masthead (institute, review name, month) and a bullet
    list of the issue's headlines; everything up to that first list is masthead. A seed
    without a list has no masthead.
    """
    blocks = [b for b in re.split(r"\n[ \t]*\n", seed_text.replace("\r\n", "\n")) if b.strip()]
    for i, block in enumerate(blocks):
        if _is_bullet_list(block):
            contents = [
                " ".join(_clean_inline(_BULLET.sub("", ln)).split())
                for ln in block.splitlines()
                if ln.strip()
            ]
            return blocks[:i], contents, blocks[i + 1 :]
    return [], [], blocks


def review_blocks(seed_text: str) -> list[tuple[str, str]]:
    """The seed's body as clean ("heading" | "paragraph", text) blocks in reading order.

    Undoes what the captures did to the original layout: hard line breaks are unwrapped,
    paragraphs split at a column or page join are put back together (a block continues the
    previous paragraph when that paragraph has not ended a sentence, e.g. "As per the draft
    budget" / "report released ..."), `[text](#)` links and `**` bold are reduced to their
    text, and the masthead and contents list are left out (see `review_masthead`).
    """
    _, _, body = _split_seed(seed_text)
    out: list[tuple[str, str]] = []
    for raw in body:
        text = _unwrap(_clean_inline(raw))
        if not text:
            continue
        prev_kind, prev_text = out[-1] if out else ("heading", "")
        if prev_kind == "paragraph" and not _SENTENCE_END.search(prev_text):
            out[-1] = ("paragraph", f"{prev_text} {text}")
        elif _looks_like_heading(text):
            out.append(("heading", text))
        else:
            out.append(("paragraph", text))
    return out


def _win_ansi(text: str) -> bool:
    """Whether the standard PDF fonts (WinAnsi encoding, i.e. cp1252) can show `text`."""
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def review_masthead(seed_text: str) -> tuple[list[str], list[str]]:
    """The seed's masthead lines and contents entries (both empty when it has none).

    Lines the standard fonts cannot render are left out: the MP-IDSA masthead repeats the
    institute's name in Hindi (Devanagari), which WinAnsi Helvetica has no glyphs for, and
    embedding a Devanagari font would tie the samples to a font file outside the project.
    """
    masthead, contents, _ = _split_seed(seed_text)
    lines = [_unwrap(_clean_inline(b)) for b in masthead]
    return [ln for ln in lines if ln and _win_ansi(ln)], contents


# --------------------------------------------------------------------------------------
# Layout
# --------------------------------------------------------------------------------------

PAGE_W, PAGE_H = A4
MARGIN_X = 50.0
GUTTER = 20.0
BODY_TOP = PAGE_H - 64.0
BODY_BOTTOM = 58.0
COL_W = (PAGE_W - 2 * MARGIN_X - GUTTER) / 2
INK = HexColor("#1a1a1a")
ACCENT = HexColor("#7a1f1f")

# Word ends a line may be broken before, with an added hyphen ("technol-ogy"); kept small
# and fixed so the samples never depend on an installed hyphenation dictionary.
_SPLIT_SUFFIXES = frozenset(
    "tions tion sion ments ment ogy ities ity ical ance ence ness able ible".split()
)


def _hyphenate(word: str) -> list[tuple[str, str]]:
    """Candidate (head, tail) splits for reportlab, longest head first."""
    pairs: list[tuple[str, str]] = []
    if len(word) < 8 or not word.isalpha():
        return pairs
    for cut in range(len(word) - 3, 3, -1):
        if word[cut:] in _SPLIT_SUFFIXES and word[cut - 1].islower():
            pairs.append((word[:cut], word[cut:]))
    return pairs


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName="Helvetica",
        fontSize=10,
        leading=13,
        alignment=TA_JUSTIFY,
        spaceAfter=7,
        textColor=INK,
        hyphenationLang=_hyphenate,  # type: ignore[arg-type]
        embeddedHyphenation=1,
        hyphenationMinWordLength=6,
    )
    # reportlab re-wraps a paragraph made of several fragments (any entity such as "&amp;"
    # makes one) wrongly when it splits it across frames after a hyphenated line end: the
    # hyphen and sometimes the word's head vanish ("non-" + "discriminatory" ->
    # "discriminatory"). Such paragraphs break at spaces only.
    unhyphenated = ParagraphStyle(
        "body-unhyphenated", parent=body, hyphenationLang="", embeddedHyphenation=0
    )
    return {
        "body": body,
        "body-unhyphenated": unhyphenated,
        "heading": ParagraphStyle(
            "heading",
            fontName="Helvetica-Bold",
            fontSize=12.5,
            leading=15,
            alignment=TA_LEFT,
            spaceBefore=8,
            spaceAfter=6,
            textColor=ACCENT,
            keepWithNext=1,
        ),
        "institute": ParagraphStyle(
            "institute",
            fontName="Helvetica-Bold",
            fontSize=12,
            leading=15,
            alignment=TA_CENTER,
            spaceAfter=10,
            textColor=INK,
        ),
        "masthead": ParagraphStyle(
            "masthead",
            fontName="Helvetica-Bold",
            fontSize=22,
            leading=26,
            alignment=TA_CENTER,
            textColor=ACCENT,
        ),
        "month": ParagraphStyle(
            "month",
            fontName="Helvetica",
            fontSize=13,
            leading=16,
            alignment=TA_CENTER,
            spaceBefore=4,
            spaceAfter=8,
            textColor=INK,
        ),
        "contents": ParagraphStyle(
            "contents",
            fontName="Helvetica",
            fontSize=10,
            leading=13,
            alignment=TA_LEFT,
            leftIndent=12,
            bulletIndent=0,
            # Symbol's bullet decodes as U+2022 everywhere; WinAnsi Helvetica's does not.
            bulletFontName="Symbol",
            spaceAfter=1,
            textColor=INK,
        ),
    }


def _furniture(issue: Issue) -> Callable[[Canvas, BaseDocTemplate], None]:
    """Running header and page-number footer, drawn on every page including the first."""

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(INK)
        canvas.setFont("Helvetica", 8.5)
        y = PAGE_H - 38
        if issue.header == "pipe":
            canvas.drawString(MARGIN_X, y, f"{REVIEW_NAME} | {issue.month_label}")
        else:
            canvas.drawString(MARGIN_X, y, REVIEW_NAME)
            canvas.drawRightString(PAGE_W - MARGIN_X, y, issue.month_label)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_X, y - 6, PAGE_W - MARGIN_X, y - 6)
        canvas.line(MARGIN_X, 44, PAGE_W - MARGIN_X, 44)
        page = canvas.getPageNumber()
        if issue.footer == "page":
            canvas.drawCentredString(PAGE_W / 2, 30, f"Page {page}")
        else:
            canvas.drawRightString(PAGE_W - MARGIN_X, 30, str(page))
        canvas.restoreState()

    return draw


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    if not _win_ansi(text):
        raise ValueError(f"text the standard fonts cannot render: {text[:60]!r}")
    return Paragraph(xml_escape(text), style)


def _title_block(
    issue: Issue,
    masthead: Sequence[str],
    contents: Sequence[str],
    styles: dict[str, ParagraphStyle],
) -> list[Flowable]:
    """Page 1's full-width title block: institute and contents when the seed has them."""
    flow: list[Flowable] = []
    lines = list(masthead) or [REVIEW_NAME, issue.month_label]
    for line in lines:
        if "INSTITUTE" in line.upper():
            style = styles["institute"]
        elif _MONTH_YEAR.fullmatch(line):
            style = styles["month"]
        else:
            style = styles["masthead"]
        flow.append(_para(line, style))
    if contents:
        for entry in contents:
            flow.append(Paragraph(xml_escape(entry), styles["contents"], bulletText="\u2022"))
        flow.append(Spacer(1, 6))
    flow.append(HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=2))
    return flow


def _stacked_height(flow: Sequence[Flowable], width: float) -> float:
    """Height the flowables take stacked in a frame, so the title frame fits its content."""
    total = 0.0
    for i, item in enumerate(flow):
        _, h = item.wrap(width, PAGE_H)
        total += h + item.getSpaceAfter() + (item.getSpaceBefore() if i else 0.0)
    return total


def render_review(issue: Issue, seed_text: str) -> bytes:
    """The issue as a two-column A4 PDF; identical bytes for identical input."""
    styles = _styles()
    masthead, contents = review_masthead(seed_text)
    title_flow = _title_block(issue, masthead, contents, styles)
    title_h = _stacked_height(title_flow, PAGE_W - 2 * MARGIN_X) + 2.0
    title_frame = Frame(
        MARGIN_X, BODY_TOP - title_h, PAGE_W - 2 * MARGIN_X, title_h, 0, 0, 0, 0, id="title"
    )
    col_top = BODY_TOP - title_h - 12

    def columns(top: float, suffix: str) -> list[Frame]:
        return [
            Frame(MARGIN_X, BODY_BOTTOM, COL_W, top - BODY_BOTTOM, 0, 0, 0, 0, id=f"l{suffix}"),
            Frame(
                MARGIN_X + COL_W + GUTTER,
                BODY_BOTTOM,
                COL_W,
                top - BODY_BOTTOM,
                0,
                0,
                0,
                0,
                id=f"r{suffix}",
            ),
        ]

    furniture = _furniture(issue)
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        invariant=1,
        pageCompression=1,
        title=f"{REVIEW_NAME}, {issue.month_label}",
        author="Sample review (rebuilt from a text capture)",
        subject=REVIEW_NAME,
        creator="chinasci samples/make_reviews.py",
        producer="ReportLab",
        pageTemplates=[
            PageTemplate("first", [title_frame, *columns(col_top, "1")], onPage=furniture),
            PageTemplate("later", columns(BODY_TOP, "n"), onPage=furniture),
        ],
    )
    story: list[Flowable] = [NextPageTemplate("later")]
    story += title_flow
    story.append(FrameBreak())
    for kind, text in review_blocks(seed_text):
        if kind == "heading":
            style = styles["heading"]
        elif xml_escape(text) != text:
            style = styles["body-unhyphenated"]
        else:
            style = styles["body"]
        story.append(_para(text, style))
    doc.build(story)
    return buf.getvalue()


# --------------------------------------------------------------------------------------
# Listing pages
# --------------------------------------------------------------------------------------


def _listing_page(issue: Issue, page: int, headlines: Sequence[str], *, has_next: bool) -> str:
    """One page of the review listing, with the furniture a real site wraps around it."""
    items = "".join(f"\n          <li>{html_escape(h)}</li>" for h in headlines)
    nav_next = (
        '\n      <a class="next-page" href="page-2.html">Older issues &raquo;</a>'
        if has_next
        else ""
    )
    nav_prev = (
        '\n      <a class="prev-page" href="index.html">&laquo; Newer issues</a>'
        if page > 1
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{REVIEW_NAME} - Reviews (page {page})</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body>
  <header class="site-header">
    <p class="site-name">Sample Institute for Science Policy Studies</p>
    <nav class="site-nav">
      <a href="index.html">Reviews</a>
      <a href="#about">About</a>
      <a href="#contact">Contact</a>
    </nav>
  </header>
  <main>
    <h1>{REVIEW_NAME}</h1>
    <p class="intro">A monthly digest of China's science and technology budgets,
      collaboration projects, research breakthroughs and science diplomacy.</p>
    <ul class="issues">
      <li class="issue">
        <h2><time datetime="{issue.month.isoformat()}">{issue.month_label}</time></h2>
        <ul class="headlines">{items}
        </ul>
        <a class="issue-pdf" href="{issue.filename}">{REVIEW_NAME}, {issue.month_label} (PDF)</a>
      </li>
    </ul>
    <nav class="pager">{nav_prev}{nav_next}
    </nav>
  </main>
  <footer class="site-footer">
    <p id="about">Sample pages for the chinasci pipeline; issues are rebuilt from text
      captures.</p>
    <p id="contact">Contact: reviews@example.org</p>
  </footer>
</body>
</html>
"""


ROBOTS_TXT = "User-agent: *\nDisallow: /private/\n"


def _write(path: Path, data: bytes) -> None:
    """Write only when the bytes differ, so an unchanged rebuild leaves mtimes alone."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)


def build(site_dir: Path) -> None:
    """Write the review PDFs, the two listing pages and robots.txt under `site_dir`."""
    site_dir = Path(site_dir)
    reviews = site_dir / "reviews"
    for page, issue in enumerate(ISSUES, start=1):
        seed_text = (SEEDS_DIR / issue.seed).read_text(encoding="utf-8")
        _write(reviews / issue.filename, render_review(issue, seed_text))
        headlines = [text for kind, text in review_blocks(seed_text) if kind == "heading"]
        html = _listing_page(issue, page, headlines, has_next=page < len(ISSUES))
        name = "index.html" if page == 1 else f"page-{page}.html"
        _write(reviews / name, html.encode("utf-8"))
    _write(site_dir / "robots.txt", ROBOTS_TXT.encode("ascii"))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python samples/make_reviews.py SITE_DIR", file=sys.stderr)
        return 2
    build(Path(args[0]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
