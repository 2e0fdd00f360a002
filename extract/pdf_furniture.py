"""Running headers, footers and page numbers: found and taken out before reading order.

A review prints its name and month at the top of every page and a page number at the foot;
left in, they land in the middle of sentences that run over a page break, and the month
they carry is the issue's date, so they are kept aside for `extract.pdf_text`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from extract.pdf_model import PageWords, Word, cluster_lines, extent, split_on_gaps

# Proportion of the page height searched for running headers and footers.
FURNITURE_BAND = 0.1
MONTH_YEAR = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(
    r"(?:page|p\.|pg\.?)?\s*[-\u2013\u2014]?\s*\d{1,4}\s*[-\u2013\u2014]?"
    r"(?:\s*(?:of|/)\s*\d{1,4})?",
    re.IGNORECASE,
)


def _body_size(pages: Sequence[PageWords]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for w in page.words:
            sizes[round(w.size, 1)] += len(w.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _masthead_words(pages: Sequence[PageWords], body_size: float) -> frozenset[str]:
    """Lowercased words of page 1's large type above its first line of body text (the
    publication's name in its masthead)."""
    if not pages:
        return frozenset()
    words = pages[0].words
    body_tops = [w.top for w in words if abs(w.size - body_size) < 0.3]
    first_body = min(body_tops, default=pages[0].height)
    return frozenset(
        w.text.lower()
        for w in words
        if w.size >= body_size + 2 and w.text.isalpha() and w.bottom <= first_body
    )


def _says_furniture(text: str, masthead: frozenset[str]) -> bool:
    """A month and year, a page number, or mostly the words of the masthead."""
    if MONTH_YEAR.search(text) or any(
        is_page_number(part) for part in re.split(r"[|\u00b7]", text)
    ):
        return True
    words = [w.lower() for w in re.findall(r"[A-Za-z&]+", text)]
    return len(words) >= 2 and sum(w in masthead for w in words) >= 0.8 * len(words)


def _running_head_rows(
    rows: Sequence[Sequence[Word]], band_bottom: float, body_size: float, masthead: frozenset[str]
) -> set[int]:
    """Indexes of the page's first rows that read as a running head, judged on this page.

    A running head is the topmost text, inside the top band, not set larger than the body,
    not bold, standing apart from what follows (a header sits well above the text block:
    1.25 body sizes or more on the benchmark, while paragraphs are spaced less than 1.2),
    and either small print (at most 0.95 of the body size: LaTeX's `\\small` beside
    11-pt text is 0.91) or saying what a header says: a month, a page number, the name in
    the masthead. A title is larger, a dateline sits under a title, a first line of body
    text has its next line close below, so none of them is taken.
    """
    heads: set[int] = set()
    for n, row in enumerate(rows):
        bottom = max(w.bottom for w in row)
        if bottom > band_bottom:
            break
        size = max(w.size for w in row)
        text = " ".join(w.text for w in row)
        below = rows[n + 1] if n + 1 < len(rows) else None
        apart = below is not None and min(w.top for w in below) - bottom >= 1.2 * body_size
        small = size <= 0.95 * body_size
        bold = all(w.bold for w in row)
        if size > body_size + 0.3 or bold or not apart:
            break
        if not (small or _says_furniture(text, masthead)):
            break
        heads.add(n)
    return heads


def _apart(rows: Sequence[Sequence[Word]], n: int, body_size: float, band: float) -> bool:
    """Whether row `n` stands apart from its neighbour toward the body (the next row for a
    row in the top band, the previous one for a row in the bottom band): a header or footer
    is set off by 1.2 body sizes or more, a line of a paragraph by its leading only."""
    row = rows[n]
    if max(w.bottom for w in row) <= band:  # top band: look down
        below = rows[n + 1] if n + 1 < len(rows) else None
        return below is None or min(w.top for w in below) - max(w.bottom for w in row) >= (
            1.2 * body_size
        )
    above = rows[n - 1] if n > 0 else None
    return above is None or min(w.top for w in row) - max(w.bottom for w in above) >= (
        1.2 * body_size
    )


def is_page_number(text: str) -> bool:
    """ "7", "Page 7", "- 7 -", "7 of 12", "p. 7": a footer or header that only counts pages."""
    text = " ".join(text.split())
    return bool(text) and _PAGE_NUMBER.fullmatch(text) is not None


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _same_furniture(a: tuple[int, str], b: tuple[int, str]) -> bool:
    """Whether two (page, text) fragments are one running header or footer.

    The texts must agree except for at most one number, and that number must advance with
    the page ("Page 2" / "Page 3", or printed page 231 on the PDF's page 2 next to 232 on
    page 3): a line of body text differing in some other number is not furniture.
    """
    (page_a, text_a), (page_b, text_b) = a, b
    if text_a == text_b:
        return True
    nums_a = [int(n) for n in re.findall(r"\d+", text_a)]
    nums_b = [int(n) for n in re.findall(r"\d+", text_b)]
    if len(nums_a) != len(nums_b) or _furniture_key(text_a) != _furniture_key(text_b):
        return False
    differing = [(x, y) for x, y in zip(nums_a, nums_b, strict=True) if x != y]
    return len(differing) == 1 and differing[0][0] - differing[0][1] == page_a - page_b


def strip_furniture(
    pages: Sequence[PageWords], band: float = FURNITURE_BAND
) -> tuple[list[PageWords], list[tuple[int, str]]]:
    """Remove running headers, footers and page numbers; return the pages and what was cut.

    A fragment in the top or bottom `band` of the page is furniture when it is a page
    number, or when the same text (up to a page number: "Page 2" matches "Page 3") stands
    at the same height on another page. Body text that merely sits near an edge does not
    repeat like that, so it stays.

    Repetition alone misses a header printed once (a one-page document, or page 2 when
    page 1 carries a title block instead), so the top rows of a page are also judged on
    their own (`_running_head_rows`): position, size and what they say.
    """
    body_size = _body_size(pages)
    masthead = _masthead_words(pages, body_size)
    candidates: list[tuple[int, str, str, float, tuple[Word, ...]]] = []
    isolated: set[tuple[int, float]] = set()
    # Per row of the top or bottom band: its fragments, and whether it stands apart from the
    # body (a gap of 1.2 body sizes or more to the next row inward).
    row_of: dict[int, tuple[int, int]] = {}  # id(fragment's first word) -> (page, row index)
    row_frags: dict[tuple[int, int], int] = defaultdict(int)
    row_apart: dict[tuple[int, int], bool] = {}
    for page in pages:
        rows = cluster_lines(page.words)
        heads = _running_head_rows(rows, page.height * band, body_size, masthead)
        for n, row in enumerate(rows):
            row_apart[(page.number, n)] = _apart(rows, n, body_size, page.height * band)
            for frag in split_on_gaps(row):
                row_of[id(frag[0])] = (page.number, n)
                row_frags[(page.number, n)] += 1
                _, _, top, bottom = extent(frag)
                if bottom <= page.height * band:
                    zone = "top"
                    if n in heads:
                        isolated.add((page.number, top))
                elif top >= page.height * (1 - band):
                    zone = "bottom"
                else:
                    continue
                text = " ".join(w.text for w in frag)
                candidates.append((page.number, zone, text, top, frag))
    similar: dict[tuple[str, str], list[tuple[int, str, float]]] = defaultdict(list)
    for number, zone, text, top, _ in candidates:
        similar[(zone, _furniture_key(text))].append((number, text, top))
    drop: dict[int, set[int]] = defaultdict(set)
    furniture: list[tuple[int, str]] = []
    verdicts: list[tuple[int, str, tuple[Word, ...], bool, bool]] = []
    flagged: dict[tuple[int, int], int] = defaultdict(int)
    for number, zone, text, top, frag in candidates:
        # A heading (bold, or set larger than the body) that happens to open two pages at
        # the same height is text: running heads are set small or plain.
        heading = all(w.bold for w in frag) or max(w.size for w in frag) >= body_size + 0.8
        repeated = not heading and any(
            n != number and abs(t - top) <= 3.0 and _same_furniture((number, text), (n, other))
            for n, other, t in similar[(zone, _furniture_key(text))]
        )
        sure = is_page_number(text) or (number, top) in isolated
        verdicts.append((number, text, frag, repeated, sure))
        if repeated or sure:
            flagged[row_of[id(frag[0])]] += 1
    for number, text, frag, repeated, sure in verdicts:
        row = row_of[id(frag[0])]
        # A repeat inside a row of body text (two short words that a justified first line
        # spreads to the same place on two pages) is text, unless the row stands apart.
        inside_text = flagged[row] < row_frags[row] and not row_apart[row]
        if sure or (repeated and not inside_text):
            drop[number].update(id(w) for w in frag)
            furniture.append((number, text))
    kept = [
        PageWords(
            p.number, p.width, p.height, tuple(w for w in p.words if id(w) not in drop[p.number])
        )
        for p in pages
    ]
    return kept, furniture
