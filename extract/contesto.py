"""What stands around a block, for every reader: reading a header row by what its cells say, the
triennio an evaluation refers to, the heading and caption a table stands under, reading order."""
from __future__ import annotations

import re
from collections import Counter

from .cards import NUMBERED, card_heading, is_heading, lines_before as document_lines_before, one, paragraph
from .labels import context_field, field_of
from .layout import Cell, Layout, Line, Page, Table
from .text import best_label, fold, one_line

_RANGE = re.compile(r'\b((?:19|20)\d\d)\s*[-/–—]\s*((?:19|20)?\d\d)\b')
# words that say a year range is the one being evaluated, not the one being planned
EVALUATED = re.compile(r'\b(esiti|esito|attuazione|valutazione|verifica|precedente|scorso|scors[ao]|'
                        r'realizzat\w*|svolt\w*|conclus\w*|raggiungimento|rendicontazione|vecchio|bilancio)\b')


def header_map(cells: list[Cell | None], vocabulary: dict[str, list[str]], threshold: float = 0.8) -> dict[int, str]:
    """Column index -> vocabulary key for a header row, each key used once (best cell wins)."""
    scored = []
    for j, c in enumerate(cells):
        if c is None or not c.text.strip() or len(c.text) > 80:
            continue
        key, score = best_label(one_line(c.text), vocabulary, threshold)
        if key:
            scored.append((score, j, key))
    out: dict[int, str] = {}
    for score, j, key in sorted(scored, reverse=True):
        if key not in out.values() and j not in out:
            out[j] = key
    return out


def ranges(text: str) -> list[str]:
    """Three-year spans written in the text ('2015-2017', '2018/20')."""
    out = []
    for m in _RANGE.finditer(text or ''):
        a, b = int(m.group(1)), m.group(2)
        b = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
        if b - a == 2:
            out.append(f'{a}-{b}')
    return out


def triennio_valutato(layout: Layout, upto_page: int, local_text: str = '',
                      per_pagina: list[str | None] | None = None) -> str | None:
    """The triennio an evaluation refers to: a span in the block itself ('AZIONI REALIZZATE NEL
    TRIENNIO 2015-2017'), else the nearest heading above that speaks of esiti/attuazione/
    valutazione with a span, else the span most often so spoken of anywhere in the document.
    `per_pagina`: `valutati(layout)`, when the caller has it (a reader of every block)."""
    local = ranges(local_text)
    if local:
        return local[0]
    said = per_pagina[upto_page] if per_pagina is not None else valutato_sopra(layout, upto_page)
    if said:
        return said
    counts = Counter()
    for p in layout.pages:
        for ln in p.content_lines():
            if EVALUATED.search(fold(ln.text)):
                counts.update(ranges(ln.text))
    return counts.most_common(1)[0][0] if counts else None


_HEADING_SIZE = 12.0     # pt: a line this large is a heading, bold or not


def valutato_sopra(layout: Layout, upto_page: int) -> str | None:
    """The triennio the nearest heading above (on this page or before) says is evaluated
    ('Valutazione degli obiettivi del triennio 2021-2023'); None when no heading says so."""
    return next((said for n in range(upto_page, 0, -1) if (said := _detto(layout.page(n)))), None)


def valutati(layout: Layout) -> list[str | None]:
    """`valutato_sopra` for every page at once (index: page number; 0 unused): what a reader of
    each block of a long plan asks, in one pass over its pages."""
    out: list[str | None] = [None]
    for p in layout.pages:
        out.append(_detto(p) or out[-1])
    return out


def _detto(page: Page) -> str | None:
    """The evaluated triennio the page's last heading saying one says."""
    lines = [ln for ln in page.content_lines(include_tables=True)
             if (ln.bold or ln.size >= _HEADING_SIZE) and not _in_cells(ln, page)]
    for block in reversed(_heading_blocks(lines)):
        for ln in reversed(block):
            if EVALUATED.search(fold(ln.text)) and ranges(ln.text):
                return ranges(ln.text)[0]
        said = _evaluated_span(' '.join(ln.text for ln in block))
        if said:
            return said
    return None


def tipo_sopra(span: str | None, primo_anno: int | None) -> str | None:
    """The record type the headings above a block say it holds, from the triennio they say is
    evaluated (`valutati`): esiti, under a heading that evaluates a triennio before the plan's."""
    return 'esito' if span and primo_anno and int(span[:4]) < primo_anno else None


def _in_cells(ln: Line, page: Page) -> bool:
    """The line is a table's, in a row of several cells: column titles or values, which say
    nothing together ('... del triennio precedente' over one column, '2025-2027?' over the next);
    a heading row drawn across the table stays a heading."""
    if not ln.in_table:
        return False
    mid = (ln.top + ln.bottom) / 2
    for t in page.tables:
        if not t.bbox[1] - 1 <= mid <= t.bbox[3] + 1:
            continue
        for row in t.rows:
            cells = [c for c in row if c is not None]
            if cells and min(c.top for c in cells) - 1 <= mid <= max(c.bottom for c in cells) + 1 \
                    and sum(bool(c.text.strip()) for c in cells) >= 2:
                return True
    return False


def _heading_blocks(lines: list[Line]) -> list[list[Line]]:
    """Heading lines (bold or large) grouped into blocks: a title wrapped over several lines
    ('Verifica dei progetti della / triennalità 2018-2020') is read whole."""
    blocks: list[list[Line]] = []
    for ln in lines:
        if not (ln.bold or ln.size >= _HEADING_SIZE):
            continue
        last = blocks[-1][-1] if blocks else None
        if last is not None and abs(ln.size - last.size) <= 0.6 and ln.bold == last.bold \
                and 0 <= ln.top - last.bottom <= 0.8 * ln.size and ln.column == last.column:
            blocks[-1].append(ln)
        else:
            blocks.append([ln])
    return blocks


def _evaluated_span(text: str) -> str | None:
    """The span a heading says is evaluated: one preceded, since the span before it, by a word of
    evaluation ('Piano di Zona 2021-2023 Verifica dei progetti della triennalità 2018-2020' -> 2018-2020)."""
    start = 0
    for m in _RANGE.finditer(text):
        span = ranges(m.group(0))
        if span and EVALUATED.search(fold(text[start:m.start()])):
            return span[0]
        start = m.end()
    return None


_COUNTER = re.compile(r'\s*[\(\[]?\s*\d+\s*(?:/|di|of)\s*\d+\s*[\)\]]?\s*$')


def page_title(page: Page, above: float, column: int | None = None) -> str | None:
    """The slide/page heading above y=`above` (in text `column`, when given): the largest-font
    content line(s) there, without a trailing '(1/2)' counter."""
    # a title repeated on consecutive slides may have been taken for a running header: keep it,
    # the running header's small print loses on size anyway
    lines = [ln for ln in page.lines if ln.bottom <= above + 1 and not ln.in_table
             and (column is None or ln.column == column)]
    if not lines:
        return None
    size = max(ln.size for ln in lines)
    top = [ln for ln in lines if ln.size >= size - 0.5]
    text = one_line(' '.join(ln.text for ln in sorted(top, key=lambda l: (l.column, l.top, l.x0))))
    return _COUNTER.sub('', text).strip() or None


def caption_above(page: Page, t: Table, beside: list[tuple[float, float, float, float]] = ()) -> str | None:
    """The caption printed right above table `t` over its width: the nearest line above it (with
    the lines of its block above), close to it and bold or larger than the table's text; without
    a trailing '(1/2)'. `beside`: the boxes of the tables set side by side with it -- one caption
    line running over several of them (text boxes at the same height read as one line) is cut to
    the part over `t`."""
    x0, top, x1, bottom = t.bbox
    body = sorted(ln.size for ln in page.lines if ln.in_table and x0 - 1 <= ln.x0 <= x1 and top - 1 <= ln.top <= bottom)
    above = sorted((ln for ln in page.lines if not ln.in_table and ln.bottom <= top + 1 and ln.x0 < x1 and ln.x1 > x0
                    and ln.text.strip()), key=lambda ln: -ln.bottom)
    if not above:
        return None
    near = above[0]
    if top - near.bottom > 3 * near.size:
        return None
    if near.size >= max(ln.size for ln in page.lines if not ln.in_table) - 0.5:
        return None                     # the slide's own title: page_title reads it (wrapped, counter off)
    if body and not near.bold and near.size <= body[len(body) // 2] + 0.5:
        return None
    block = [near]
    for ln in above[1:]:
        if ln.bottom > block[-1].top + 1:          # beside a line of the block, not above it
            continue
        if block[-1].top - ln.bottom > 0.8 * ln.size or abs(ln.size - near.size) > 0.6 or ln.bold != near.bold:
            break
        block.append(ln)
    text = one_line(' '.join(_part_over(ln, t.bbox, beside) for ln in reversed(block)))
    return _COUNTER.sub('', text).strip() or None


def _part_over(ln: Line, box, beside) -> str:
    """The words of `ln` printed over `box`, when the line runs over several side-by-side boxes
    (text boxes at one height read as one line): each word goes to the box its centre is over,
    or the nearest one."""
    row = sorted({tuple(b) for b in [*beside, box] if b[0] < ln.x1 and b[2] > ln.x0 and b[1] < box[3] and b[3] > box[1]})
    if len(row) < 2 or not ln.words:
        return ln.text
    def nearest(cx: float) -> tuple:
        return min(row, key=lambda b: 0 if b[0] <= cx <= b[2] else min(abs(cx - b[0]), abs(cx - b[2])))
    return ' '.join(t for a, b, t in ln.words if nearest((a + b) / 2) == tuple(box))


# ---------------------------------------------------------------- reading order on column pages
# Page.lines are in reading order (each text column top to bottom, then the next): position in
# that order, not `top`, says what comes before what -- the top of the right column follows the
# foot of the left one.
def _inside(ln: Line, bbox: tuple[float, float, float, float]) -> bool:
    cy = (ln.top + ln.bottom) / 2
    return ln.in_table and bbox[0] - 1 <= ln.x0 <= bbox[2] and bbox[1] - 1 <= cy <= bbox[3] + 1


def table_column(page: Page, t: Table) -> int:
    """The text column a table stands in: the column of the lines printed in it; for a box with no
    text, the column of the lines running across its middle (0 when none does)."""
    cols = Counter(ln.column for ln in page.lines if _inside(ln, t.bbox))
    if not cols:
        cx = (t.bbox[0] + t.bbox[2]) / 2
        cols = Counter(ln.column for ln in page.lines if not ln.furniture and ln.x0 <= cx <= ln.x1)
    return cols.most_common(1)[0][0] if cols else 0


def line_position(page: Page, ln: Line) -> float:
    """Where a line stands in its page's reading order."""
    return next((i for i, other in enumerate(page.lines) if other is ln), len(page.lines))


def table_position(page: Page, t: Table) -> float:
    """Where a table stands in its page's reading order: just before the first line printed in it;
    a table with no text, before the first line of its column below its top."""
    inside = [i for i, ln in enumerate(page.lines) if _inside(ln, t.bbox)]
    if inside:
        return min(inside) - 0.5
    col = table_column(page, t)
    return next((i - 0.5 for i, ln in enumerate(page.lines) if ln.column == col and ln.top >= t.bbox[1]),
                len(page.lines) - 0.5)


def tables_in_reading_order(layout: Layout) -> list[tuple[tuple[int, float], Table]]:
    """Every table with where it stands, (page, position in the page's reading order); computed once."""
    cached = getattr(layout, '_pdz_tables_read', None)
    if cached is None:
        cached = [((p.number, table_position(p, t)), t) for p in layout.pages for t in p.tables]
        layout._pdz_tables_read = cached   # type: ignore[attr-defined]
    return cached


def first_table(page: Page) -> Table | None:
    """The table read first on the page (in a page set in columns, not necessarily the highest)."""
    return min(page.tables, key=lambda t: table_position(page, t), default=None)


def last_table(page: Page) -> Table | None:
    """The table read last on the page."""
    return max(page.tables, key=lambda t: table_position(page, t), default=None)


def lines_after(page: Page, t: Table) -> list[Line]:
    """Content lines read after table `t` on its page: below it in its column, or in a later column
    (a note printed beside the table is neither)."""
    pos, col = table_position(page, t), table_column(page, t)
    return [ln for i, ln in enumerate(page.lines) if not ln.furniture and not ln.in_table and i > pos
            and (ln.column != col or ln.top > t.bbox[3] + 2)]


def lines_before(page: Page, t: Table) -> list[Line]:
    """Content lines read before table `t` on its page: above it in its column, or in an earlier column."""
    pos, col = table_position(page, t), table_column(page, t)
    return [ln for i, ln in enumerate(page.lines) if not ln.furniture and not ln.in_table and i < pos
            and (ln.column != col or ln.bottom < t.bbox[1] - 2)]


def in_reading_order(page: Page, lines: list[Line], tables: list[Table]) -> list[Line | Table]:
    """The page's lines and tables interleaved as they are read."""
    pos = {id(ln): i for i, ln in enumerate(page.lines)}
    items = [(pos.get(id(ln), len(page.lines)), ln) for ln in lines] + [(table_position(page, t), t) for t in tables]
    return [item for _, item in sorted(items, key=lambda x: x[0])]


# ---------------------------------------------------------------- the area a block stands under
def area_above(layout: Layout, page: int, top: float) -> str | None:
    """The macroarea an esito stands under: the nearest sub-section heading ('5.1. Domiciliarità – ...')
    or area line ('Area: ...', 'Macroarea di policy: ...'); a top-level numbered heading ends the search."""
    lines = document_lines_before(layout, page, top)
    plain = None        # the nearest unnumbered heading, should nothing better be found
    for i in range(len(lines) - 1, -1, -1):
        ln = lines[i]
        key, _ = context_field(ln.text)
        if key == 'macroarea' and (is_heading(layout, ln) or i == len(lines) - 1):
            text, _ = paragraph(lines, i)
            return context_field(text)[1].rstrip(' .;') or None
        m = NUMBERED.match(ln.text)
        if m and is_heading(layout, ln):
            if m.group(1).strip('.').count('.') == 0:
                return plain
            text, _ = paragraph(lines, i)
            m2 = NUMBERED.match(text)
            return m2.group(2).strip() if m2 else text.strip()
        if is_heading(layout, ln) and EVALUATED.search(fold(ln.text)) and ranges(ln.text):
            return plain        # the evaluation's own heading: the areas are the headings under it
        if plain is None and is_heading(layout, ln) and not m:
            plain = _area_heading(layout, lines, i)
    return plain


def _area_heading(layout: Layout, lines: list, i: int) -> str | None:
    """The heading whose last line is lines[i], when it can name an area: short, no card label,
    no card heading ('Scheda 2'), no year range."""
    while i > 0 and lines[i - 1].page == lines[i].page and is_heading(layout, lines[i - 1]) \
            and lines[i - 1].bold == lines[i].bold and abs(lines[i - 1].size - lines[i].size) < 0.6 \
            and lines[i].top - lines[i - 1].bottom < max(lines[i].bottom - lines[i].top, 6) * 1.2:
        i -= 1
    text, _ = paragraph(lines, i)
    text = one(text)
    said, score = field_of(text)
    # a card label is no area; a heading that only shares a word with one is ('Sistema dei servizi
    # e digitalizzazione' is an area, 'Aspetti di digitalizzazione' a label)
    if said == 'macroarea' and text and len(text) <= 150:
        return text.rstrip(' .;:')        # 'Macroarea 1 – Fragilità e domiciliarità': the heading names it
    if not text or len(text) > 150 or ranges(text) or (said and score >= 0.9) or card_heading(text)[0]:
        return None
    return text.rstrip(' .;:')
