"""Reading order for PDF pages set in two columns, rebuilt from word positions alone.

A PDF's text layer is a set of positioned words, not a text stream. Extractors that read it
row by row across the whole page (pdfplumber's `extract_text`, `pdftotext` without
`-layout`) splice the left column's line into the right column's line at the same height,
so every paragraph of a two-column newsletter comes out interleaved with its neighbour.

`find_gutter` finds the empty vertical strip between two columns on a page; `order_page`
then cuts the page into horizontal segments: rows that cross the gutter (a title block, a
full-width heading) are read as they stand, and between them the left column is read top
to bottom before the right column. Only two columns are handled; a third would be read as
part of the second. The functions are pure (words in, groups out) so they can be tested on
hand-made words.
"""

from __future__ import annotations

import bisect
import math
import statistics
from collections import Counter
from collections.abc import Sequence

from extract.pdf_model import Group, Line, PageWords, Word, cluster_lines, extent, split_on_gaps

# Rows are cut at gaps wider than this many ems before the gutter is looked for: under a
# word space stretched by justification (up to about 0.5 em), far under a 10-pt gutter
# beside 11-pt text (0.9 em). What matters is that the cut fragments leave the gutter's
# points uncovered on most lines, not that every cut is a column boundary.
GUTTER_PROBE_EM = 0.6


def split_at(frag: Sequence[Word], gutter: tuple[float, float]) -> list[tuple[Word, ...]]:
    """Cut a fragment where a word gap spans the middle of the gutter.

    The gap must reach past the centre by a third of the gutter's width on each side (at
    most 4 pt): a left-column line and a right-column line closer than a word space of a
    heading are still told apart, while a title's word space that happens to sit over the
    centre (5 pt for 20-pt type) does not cut the title in two.
    """
    centre = (gutter[0] + gutter[1]) / 2
    reach = min(0.34 * (gutter[1] - gutter[0]), 4.0)
    out: list[list[Word]] = [[frag[0]]]
    for prev, word in zip(frag, frag[1:], strict=False):
        if prev.x1 <= centre - reach and word.x0 >= centre + reach:
            out.append([word])
        else:
            out[-1].append(word)
    return [tuple(f) for f in out]


def find_gutter(
    rows: Sequence[Sequence[Word]], page_width: float | None = None
) -> tuple[float, float] | None:
    """The (left, right) x-range of the gap between two columns, or None for one column.

    The gutter is a property of the whole page, a strip of whitespace running down many
    lines, never of one row: two lines less than an em apart (a 10-pt gutter beside 11-pt
    type) are still two columns when no line of the page crosses the strip between them.

    `rows` are the page's words grouped by height (`cluster_lines`). Each row is cut into
    fragments at gaps wider than `GUTTER_PROBE_EM` (a little more than a stretched word
    space) and, for each point across the middle 60% of
    the page (of the text's width when `page_width` is not given), the fragments covering it
    are counted, leaving out title lines (centred on the page, or wider than a column). The
    gutter is the widest run of points at the minimum count that has text on both sides,
    accepted when that count is small beside the busiest point. A line that ends inside the
    gutter (a contents entry of a title block) narrows that run; when it comes out too
    narrow, it is widened over points a few fragments above the minimum, to the right no
    further than the first line that starts there.

    On a page of a few lines, a stretched justified line's word gaps can look like a gutter;
    a gap no wider than the row's other word gaps is one line's spacing, so the candidate is
    dropped when most rows it splits say so.

    Callers cut rows at the gutter (`split_at`) and split fragments into sides by its
    midpoint: those covering it cross the gutter (full-width rows).
    """
    fragments = [f for row in rows for f in split_on_gaps(row, GUTTER_PROBE_EM)]
    if len(fragments) < 2:
        return None
    boxes = [extent(f) for f in fragments]
    left = min(b[0] for b in boxes)
    right = max(b[1] for b in boxes)
    if right - left < 50:
        return None
    zone_lo, zone_hi = (0.0, page_width) if page_width else (left, right)
    start = int(zone_lo + 0.2 * (zone_hi - zone_lo))
    stop = int(zone_lo + 0.8 * (zone_hi - zone_lo))
    first, last = min(int(left), start), max(int(right), stop) + 2
    # The page, when known, is the better reference: a short right-hand column leaves the
    # text's own extent lopsided.
    middle = page_width / 2 if page_width else (left + right) / 2
    span = max(right - left, 0.8 * page_width if page_width else 0.0)
    # A fragment covers the whole points strictly inside it; counted with a difference
    # array (+1 where coverage starts, -1 where it ends) to stay linear. Title lines set
    # across the page (centred on it, or wider than a column could be) are left out, so a
    # tall masthead cannot outweigh a short right-hand column.
    steps = [0] * (last - first + 2)
    starts: Counter[int] = Counter()  # first point each counted fragment covers
    for x0, x1, _, _ in boxes:
        if x1 - x0 > 0.6 * span or (x0 < middle < x1 and abs((x0 + x1) / 2 - middle) < 0.03 * span):
            continue
        cover_from, cover_to = math.floor(x0) + 1, math.ceil(x1)
        if cover_to > cover_from:
            steps[cover_from - first] += 1
            steps[cover_to - first] -= 1
            starts[cover_from] += 1
    counts: dict[int, int] = {}
    running = 0
    for x in range(first, last + 1):
        running += steps[x - first]
        counts[x] = running
    busiest = max(counts.values())
    lowest = min(counts[x] for x in range(start, stop + 1))
    if busiest == 0 or lowest > 0.25 * busiest:
        return None
    median_size = statistics.median(w.size or w.height for f in fragments for w in f)
    min_width = max(4.0, 0.4 * median_size)
    centre = (left + right) / 2
    best = _widest_run(counts, boxes, start, stop, lowest, centre, min_width)
    if best is not None and best[1] - best[0] < min_width:
        # Lines of a title block ending inside the gutter narrowed it: widen the run over
        # points a few fragments above the minimum, leftwards into the lines that end in
        # it, rightwards only up to where the right column's first line starts (that
        # column may be too short to raise the count).
        slack = lowest + max(1, int(0.1 * busiest))
        lo, hi = best
        while lo - 1 >= start and counts[lo - 1] <= slack:
            lo -= 1
        while hi + 1 <= stop and counts[hi + 1] <= slack and not starts[hi + 1]:
            hi += 1
        mid = (lo + hi) / 2
        if any(b[1] <= mid for b in boxes) and any(b[0] >= mid for b in boxes):
            best = (lo, hi)
    if best is None or best[1] - best[0] < min_width:
        return None
    if _reads_as_one_column(rows, (best[0] + best[1]) / 2):
        return None
    return float(best[0]), float(best[1])


def _reads_as_one_column(rows: Sequence[Sequence[Word]], mid: float) -> bool:
    """Whether most rows with words on both sides of `mid` are single justified lines.

    A justified line stretches all its word gaps alike, so a row is one line when its gap
    across `mid` matches the gaps on both sides of it (within 1.5 pt: glyph side bearings
    and kerning); a left-column line and a right-column line are each spaced evenly, but
    the gutter between them matches neither, even when a stretched line's spaces are wider
    than a 10-pt gutter. A row with words only right of `mid` counts against one column:
    columns set at different heights rarely share rows, while a single column's lines all
    start at its left edge.
    """
    single = split = 0
    for row in rows:
        ws = sorted(row, key=lambda w: w.x0)
        if any(w.x0 < mid < w.x1 for w in ws):
            continue
        n_left = sum(1 for w in ws if w.x1 <= mid)
        if n_left == 0:
            split += 1
            continue
        if n_left == len(ws):
            continue
        gaps = [b.x0 - a.x1 for a, b in zip(ws, ws[1:], strict=False)]
        across = gaps[n_left - 1]
        sides = [g for g in (gaps[: n_left - 1], gaps[n_left:]) if g]
        if not sides:
            continue
        if all(abs(across - statistics.median(side)) <= 1.5 for side in sides):
            single += 1
        else:
            split += 1
    return single > split


def _widest_run(
    counts: dict[int, int],
    boxes: Sequence[tuple[float, float, float, float]],
    start: int,
    stop: int,
    limit: int,
    centre: float,
    min_width: float = 0.0,
) -> tuple[int, int] | None:
    """The run of points in [start, stop] with count <= limit and text on both sides that is
    the gutter: of the runs at least `min_width` wide, the one nearest the centre (a river of
    aligned word spaces down one column can be as empty as the gutter, and wider); failing
    any, the widest."""
    runs: list[tuple[int, int]] = []
    run_start: int | None = None
    for x in range(start, stop + 2):
        low = x <= stop and counts[x] <= limit
        if low and run_start is None:
            run_start = x
        elif not low and run_start is not None:
            runs.append((run_start, x - 1))
            run_start = None
    best: tuple[int, int] | None = None
    for run in runs:
        mid = (run[0] + run[1]) / 2
        if not any(b[1] <= mid for b in boxes) or not any(b[0] >= mid for b in boxes):
            continue
        if best is None or _better_run(run, best, centre, min_width):
            best = run
    return best


def _better_run(
    run: tuple[int, int], best: tuple[int, int], centre: float, min_width: float
) -> bool:
    width, best_width = run[1] - run[0], best[1] - best[0]
    if (width >= min_width) != (best_width >= min_width):
        return width >= min_width
    if width != best_width and (width < min_width or best_width < min_width):
        return width > best_width
    return abs((run[0] + run[1]) / 2 - centre) < abs((best[0] + best[1]) / 2 - centre)


def order_page(page: PageWords) -> list[Group]:
    """The page's lines in reading order, as groups read one after another.

    With a gutter, rows crossing it form full-width bands; between bands the left column is
    read before the right. Without one the page is a single group.
    """
    rows = cluster_lines(page.words)
    gutter = find_gutter(rows, page.width)
    if gutter is None:
        lines = tuple(Line(ln, page.number, 0) for ln in rows)
        return [Group(0, lines)] if lines else []
    centre = sum(gutter) / 2
    frags = [f for row in rows for frag in split_on_gaps(row) for f in split_at(frag, gutter)]
    spanning: list[tuple[Word, ...]] = []
    sided: list[tuple[Word, ...]] = []
    for f in frags:
        x0, x1, _, _ = extent(f)
        (spanning if x0 < centre < x1 else sided).append(f)
    bands: list[list[float]] = []
    for f in sorted(spanning, key=lambda f: extent(f)[2]):
        _, _, top, bottom = extent(f)
        if bands and top <= bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], bottom)
        else:
            bands.append([top, bottom])
    bands = _merge_adjacent_bands(bands, sided)
    band_words: list[list[Word]] = [[] for _ in bands]
    gap_words: list[tuple[list[Word], list[Word]]] = [([], []) for _ in range(len(bands) + 1)]
    for f in spanning:
        mid = (extent(f)[2] + extent(f)[3]) / 2
        band_words[_band_index(bands, mid)].extend(f)
    for f in sided:
        x0, x1, top, bottom = extent(f)
        mid = (top + bottom) / 2
        inside = next((i for i, b in enumerate(bands) if b[0] - 1 <= mid <= b[1] + 1), None)
        if inside is not None:
            band_words[inside].extend(f)
            continue
        slot = sum(1 for b in bands if b[1] < mid)
        gap_words[slot][0 if (x0 + x1) / 2 < centre else 1].extend(f)
    groups: list[Group] = []
    for i, (lefts, rights) in enumerate(gap_words):
        two_sided = bool(lefts) and bool(rights)
        if two_sided:
            # Left-hand lines wholly above the right column's first line are a title block
            # set flush left (name, month), not the start of column 1.
            right_top = min(w.top for w in rights)
            above = [w for w in lefts if w.bottom < right_top - 1.0]
            if above:
                lines = tuple(Line(ln, page.number, 0) for ln in cluster_lines(above))
                groups.append(Group(0, lines))
                lefts = [w for w in lefts if w.bottom >= right_top - 1.0]
        for column, words in ((1, lefts), (2, rights)):
            if words:
                lines = tuple(Line(ln, page.number, column) for ln in cluster_lines(words))
                groups.append(Group(column, lines, two_sided))
        if i < len(bands) and band_words[i]:
            lines = tuple(Line(ln, page.number, 0) for ln in cluster_lines(band_words[i]))
            groups.append(Group(0, lines))
    return groups


def _merge_adjacent_bands(
    bands: list[list[float]], sided: Sequence[Sequence[Word]]
) -> list[list[float]]:
    """Full-width rows with no column text between them form one band (a title block)."""
    mids = sorted((extent(f)[2] + extent(f)[3]) / 2 for f in sided)
    merged: list[list[float]] = []
    for band in bands:
        # any column text strictly between the last band and this one?
        at = bisect.bisect_right(mids, merged[-1][1] + 1) if merged else 0
        between = merged and at < len(mids) and mids[at] < band[0] - 1
        if merged and not between:
            merged[-1][1] = max(merged[-1][1], band[1])
        else:
            merged.append(list(band))
    return merged


def _band_index(bands: Sequence[Sequence[float]], mid: float) -> int:
    for i, (top, bottom) in enumerate(bands):
        if top - 1 <= mid <= bottom + 1:
            return i
    return min(range(len(bands)), key=lambda i: abs((bands[i][0] + bands[i][1]) / 2 - mid))
