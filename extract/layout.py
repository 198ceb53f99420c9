"""PDF bytes -> page layout: text lines (with font size, boldness, position), ruled tables with
cell boxes and cell fill colours, filled rectangles, images. Every extractor reads this, never
the PDF directly, so a layout quirk is handled once.

Running headers/footers and page numbers are marked `furniture` (they are not content).
"""
from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from operator import itemgetter
from statistics import median

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from . import avvisi, flussi, righe, struttura
from .celle import char_index, table_texts
from .errors import UnreadableDocument
from .geometria import PDFIUM, PDFPLUMBER, scelta
from .text import clean, fold

RGB = tuple[float, float, float]


def to_rgb(color) -> RGB | None:
    """pdfplumber colour (gray, RGB or CMYK tuple, or pattern name) -> RGB in [0, 1]."""
    if color is None or isinstance(color, str):
        return None
    if isinstance(color, (int, float)):
        color = (color,)
    try:
        c = [float(x) for x in color]
    except (TypeError, ValueError):
        return None
    if len(c) == 1:
        return (c[0], c[0], c[0])
    if len(c) == 3:
        return (c[0], c[1], c[2])
    if len(c) == 4:
        k = c[3]
        return tuple((1 - x) * (1 - k) for x in c[:3])  # type: ignore[return-value]
    return None


@dataclass
class Line:
    page: int            # 1-based
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float          # dominant font size
    bold: bool
    in_table: bool = False
    furniture: bool = False
    column: int = 0              # text column on a multi-column page (0 = left or full width)
    ink: RGB | None = None       # dominant coloured (not black/grey) text colour, see ink()
    column_offset: float = 0.0   # how far right of the first column this line's column starts
    words: tuple[tuple[float, float, str], ...] = ()   # (x0, x1, text) of each word, left to right

    @property
    def indent(self) -> float:
        """x0 as if the line stood in the first column: compare indents with this, not x0, so a
        line at the top of the next column is not taken for an indented one."""
        return self.x0 - self.column_offset


@dataclass
class Cell:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    fill: RGB | None = None
    ink: RGB | None = None       # dominant coloured text colour: a status written as a coloured word


@dataclass
class Table:
    page: int
    bbox: tuple[float, float, float, float]
    rows: list[list[Cell | None]]

    @property
    def ncols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def texts(self) -> list[list[str]]:
        return [[c.text if c else '' for c in r] for r in self.rows]


@dataclass
class Fill:
    x0: float
    top: float
    x1: float
    bottom: float
    rgb: RGB


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    fills: list[Fill] = field(default_factory=list)
    n_images: int = 0
    image_area: float = 0.0     # share of the page covered by images
    n_chars: int = 0

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    def content_lines(self, include_tables: bool = False) -> list[Line]:
        return [ln for ln in self.lines if not ln.furniture and (include_tables or not ln.in_table)]

    @property
    def text(self) -> str:
        return '\n'.join(ln.text for ln in self.lines if not ln.furniture)


@dataclass
class Layout:
    pages: list[Page]
    metadata: dict

    @cached_property
    def text(self) -> str:
        return '\n'.join(p.text for p in self.pages)

    def page(self, number: int) -> Page:
        return self.pages[number - 1]


def lines_in(page: Page, box: tuple[float, float, float, float]) -> list[Line]:
    """The page's text lines inside a box (a table cell), top to bottom: they keep the style the
    cell's plain text has lost (a bold title over a plain description)."""
    x0, top, x1, bottom = box
    out = []
    for ln in page.lines:
        if ln.top < top - 1 or ln.bottom > bottom + 1:
            continue
        words = [w for w in ln.words if w[0] >= x0 - 1 and w[1] <= x1 + 1]
        if len(words) == len(ln.words):
            out.append(ln)
        elif words:      # a line read across the row: only its words in this cell
            out.append(replace(ln, text=' '.join(w[2] for w in words), x0=words[0][0], x1=words[-1][1],
                               words=tuple(words)))
    return sorted(out, key=lambda ln: ln.top)


def bold_lead(lines: list[Line]) -> tuple[str, str] | None:
    """(title, rest) when the lines open with bold ones followed by plain ones -- a title set in
    bold over its description in one cell."""
    n = 0
    while n < len(lines) and lines[n].bold:
        n += 1
    if n == 0 or n == len(lines):
        return None
    return '\n'.join(ln.text for ln in lines[:n]), '\n'.join(ln.text for ln in lines[n:])


# ---------------------------------------------------------------- reading
@lru_cache(maxsize=512)     # a document has a few font names and a million chars
def _is_bold(fontname: str) -> bool:
    f = (fontname or '').lower()
    return any(k in f for k in ('bold', 'black', 'heavy', 'semibold', 'demi'))


def _rgb_of(color) -> RGB | None:
    return to_rgb(tuple(color) if isinstance(color, list) else color)


def _is_coloured(rgb: RGB | None) -> bool:
    """Not black, white or grey: the channels differ (a grey has r = g = b)."""
    return rgb is not None and max(rgb) - min(rgb) >= 0.15


_COLOURED: dict = {}     # pdf colour -> coloured?  (a page has a handful of colours, many chars)


def _char_coloured(c: dict) -> bool:
    col = c['non_stroking_color']
    col = tuple(col) if isinstance(col, list) else col
    if col not in _COLOURED:
        _COLOURED[col] = _is_coloured(_rgb_of(col))
    return _COLOURED[col]


_FILL, _SIZE, _FONT, _X0 = (itemgetter(k) for k in ('non_stroking_color', 'size', 'fontname', 'x0'))


def _colours(chars: list[dict]) -> Counter:
    """How many chars have each fill colour, in order of first use (pdfminer may give a colour as
    a list: then as a tuple)."""
    try:
        return Counter(map(_FILL, chars))       # PDFium's colours are tuples: counted in C
    except TypeError:
        return Counter(tuple(c) if isinstance(c, list) else c for c in map(_FILL, chars))


def ink(chars: list[dict]) -> RGB | None:
    """The text colour that stands out: the most common coloured (not black/grey) colour of the
    chars, when at least a third of them have a colour -- a status written as a green or red word,
    not one red word in a paragraph."""
    colours = _colours(chars)
    coloured = [(n, rgb) for col, n in colours.items() if _is_coloured(rgb := _rgb_of(col))]
    if not coloured or 3 * sum(n for n, _ in coloured) < len(chars):
        return None
    return max(coloured)[1]


def _words(chars: list[dict], size: float) -> tuple[tuple[float, float, str], ...]:
    """Words of a line with their x extent: a gap wider than a quarter em starts a new word."""
    out: list[tuple[float, float, str]] = []
    gap, x0, x1, text = 0.25 * size, None, 0.0, []
    for c in sorted({id(c): c for c in chars}.values(), key=_X0):
        if x0 is not None and c['x0'] - x1 <= gap:
            if c['x1'] > x1:
                x1 = c['x1']
            text.append(c['text'])
        else:
            if x0 is not None:
                out.append((x0, x1, ''.join(text)))
            x0, x1, text = c['x0'], c['x1'], [c['text']]
    if x0 is not None:
        out.append((x0, x1, ''.join(text)))
    return tuple(out)


def _line(number: int, tl: dict, chars: list[dict]) -> Line:
    """A Line from a pdfplumber text line (its text and box) and its non-blank chars."""
    sizes: Counter = Counter()
    for s, n in Counter(map(_SIZE, chars)).items():    # a line has a few sizes: each rounded once
        sizes[round(s, 1)] += n
    size = sizes.most_common(1)[0][0]
    bold = sum(n for f, n in Counter(map(_FONT, chars)).items() if _is_bold(f)) > len(chars) / 2
    return Line(number, clean(tl['text']), tl['x0'], tl['x1'], tl['top'], tl['bottom'],
                size, bold, ink=ink(chars), words=_words(chars, size))


def _text_lines(page, number: int, words: list) -> list[tuple[Line, list[dict]]]:
    """Text lines across the page width, each with its (non-blank) chars (`words`: the page's)."""
    out = []
    for tl in righe.text_lines(page.chars, words):       # = page.extract_text_lines(x_tolerance=2)
        chars = [c for c in tl['chars'] if c['text'].strip()]
        if chars:
            out.append((_line(number, tl, chars), chars))
    return out


def _fill(obj, page_area: float, min_side: float = 0.0) -> Fill | None:
    if not obj.get('fill'):
        return None
    rgb = to_rgb(obj.get('non_stroking_color'))
    w, h = obj['x1'] - obj['x0'], obj['bottom'] - obj['top']
    if rgb is None or w * h > 0.9 * page_area or min(w, h) < min_side:
        return None   # page backgrounds are not cell colours
    return Fill(obj['x0'], obj['top'], obj['x1'], obj['bottom'], rgb)


def _fills(page) -> list[Fill]:
    """Filled rectangles and filled closed curves (a traffic-light circle, a rounded box, a
    rectangle drawn as a path) with their bounding box and colour."""
    area = page.width * page.height
    out = [f for r in page.rects if (f := _fill(r, area))]
    out += [f for c in page.curves if (f := _fill(c, area, SWATCH_MIN_SIDE))]   # not glyph-sized shapes
    return out


SWATCH_MIN_SIDE = 3.0   # pt: a status dot is at least this big; thinner fills are rules and underlines


def cell_fill(fills: list[Fill], x0, top, x1, bottom) -> RGB | None:
    """Colour of the smallest fill under the cell's centre: a cell background (not much larger
    than the cell -- a row-wide header band is no cell's colour) or a swatch or dot lying inside
    the cell (a status circle is far smaller than its cell)."""
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    cell_area = max((x1 - x0) * (bottom - top), 1.0)
    best, best_area = None, None
    for f in fills:
        if f.x0 - 1 <= cx <= f.x1 + 1 and f.top - 1 <= cy <= f.bottom + 1:
            a = (f.x1 - f.x0) * (f.bottom - f.top)
            inside = f.x0 >= x0 - 1 and f.x1 <= x1 + 1 and f.top >= top - 1 and f.bottom <= bottom + 1 \
                and min(f.x1 - f.x0, f.bottom - f.top) >= SWATCH_MIN_SIDE
            if (a <= 4 * cell_area and (a >= 0.2 * cell_area or inside)) and (best_area is None or a < best_area):
                best, best_area = f.rgb, a
    return best


def _open_ends(page) -> list[dict]:
    """Closing lines for rows a page break left open: where two or more vertical rules run past
    the last horizontal rule (or start before the first), pdfplumber finds no cell there and the
    text would be lost; a horizontal line at their common end closes that last (first) row."""
    horizontal = page.horizontal_edges
    out = []
    for end in ('bottom', 'top'):
        ends: dict[int, list[dict]] = {}
        for e in page.vertical_edges:
            ends.setdefault(round(e[end]), []).append(e)
        for y, edges in ends.items():
            x0, x1 = min(e['x0'] for e in edges), max(e['x1'] for e in edges)
            if len(edges) < 2 or x1 - x0 < 0.25 * page.width:
                continue
            if any(abs(h['top'] - y) <= 2 and h['x0'] <= x0 + 2 and h['x1'] >= x1 - 2 for h in horizontal):
                continue
            out.append({'object_type': 'line', 'x0': x0, 'x1': x1, 'top': y, 'bottom': y, 'width': x1 - x0,
                        'height': 0, 'orientation': 'h', 'doctop': y, 'y0': page.height - y, 'y1': page.height - y})
    return out


def _inside(c: dict, x0, top, x1, bottom) -> bool:
    cx, cy = (c['x0'] + c['x1']) / 2, (c['top'] + c['bottom']) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _cell_inks(table: Table, chars: list[dict], coloured: list[dict]) -> None:
    """Cell.ink for the cells holding coloured text (`coloured`: the page's chars that are).
    Most text is black: only cells with a coloured char are looked at closely, so this costs
    next to nothing on ordinary tables."""
    x0, top, x1, bottom = table.bbox
    coloured = [c for c in coloured if _inside(c, x0, top, x1, bottom)]
    if not coloured:
        return
    inner = [c for c in chars if _inside(c, x0, top, x1, bottom)]
    for row in table.rows:
        for cell in row:
            if cell and any(_inside(c, cell.x0, cell.top, cell.x1, cell.bottom) for c in coloured):
                cell.ink = ink([c for c in inner if _inside(c, cell.x0, cell.top, cell.x1, cell.bottom)])


def _tables(page, number: int, fills: list[Fill], words: list, settings: dict | None = None) -> list[Table]:
    """The page's ruled tables (pdfplumber's finder, on `settings`), their cells' text, fill and
    ink, and the columns an unruled table inside a frame shows (`words`: the page's)."""
    out = []
    if settings is None:
        closing = _open_ends(page)
        settings = {'explicit_horizontal_lines': closing} if closing else {}
    index = None
    for t in page.find_tables(settings):
        index = index or char_index(page.chars)
        texts = table_texts(t, index)   # = t.extract(x_tolerance=2), faster
        rows = []
        for row, row_texts in zip(t.rows, texts):
            cells = []
            for bbox, txt in zip(row.cells, row_texts):
                if bbox is None:
                    cells.append(None)
                    continue
                x0, top, x1, bottom = bbox
                cells.append(Cell(clean(txt), x0, top, x1, bottom, cell_fill(fills, x0, top, x1, bottom)))
            rows.append(cells)
        if rows:
            out.append(Table(number, tuple(t.bbox), rows))
    if not out:
        return out
    chars = [c for c in page.chars if c['text'].strip()]
    dicts = None
    for table in out:
        if _unruled_candidate(table):
            dicts = righe.word_dicts(page.chars, words) if dicts is None else dicts
            _unruled_columns(table, chars, dicts, fills)
    coloured = _coloured_chars(chars)
    if coloured:
        for table in out:
            _cell_inks(table, chars, coloured)
    return out


def _coloured_chars(chars: list[dict]) -> list[dict]:
    """The chars whose fill is coloured; most pages have none, which their few distinct
    colours show without a look at each char."""
    try:
        inked = {col for col in set(map(_FILL, chars)) if _char_coloured({'non_stroking_color': col})}
    except TypeError:            # pdfminer's colours may be lists
        return [c for c in chars if _char_coloured(c)]
    return [c for c in chars if c['non_stroking_color'] in inked] if inked else []


# ---------------------------------------------------------------- columns no rule draws
# Word table styles ('Light List', 'Medium Shading 1', borders between rows only) draw no inner
# vertical rule: pdfplumber finds the columns only where a shaded cell happens to draw one, and
# elsewhere reads label and answer as one cell ("Dimensione OUTPUT"). The text shows the columns:
# the answer starts after a wide gap, at the same x as the column's text in the other rows.
COLUMN_GAP = 6.0        # pt: label and answer are further apart than any word space
ALIGN = 3.0             # pt: a column's text starts at the same x in every row, give or take this


def _unruled_candidate(table: Table) -> bool:
    """A table that may hide columns: one column, a cell spanning a column boundary, or rows
    stopping short of the table's right edge (a shaded label column, the answers unruled)."""
    if table.ncols == 1:
        return True
    return any(c and c.x1 < table.bbox[2] - 10 and not any(r[i + 1:]) for r in table.rows
               for i, c in enumerate(r)) or any(c and i + 1 < len(r) and r[i + 1] is None
                                                for r in table.rows for i, c in enumerate(r))


def _lines_of(words: list[dict]) -> list[list[dict]]:
    """Words grouped into text lines (tops within 3pt), each left to right."""
    out: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (w['top'], w['x0'])):
        if out and abs(w['top'] - out[-1][0]['top']) <= 3:
            out[-1].append(w)
        else:
            out.append([w])
    return [sorted(ln, key=lambda w: w['x0']) for ln in out]


def _in_box(w: dict, x0, top, x1, bottom) -> bool:
    cx, cy = (w['x0'] + w['x1']) / 2, (w['top'] + w['bottom']) / 2
    return x0 <= cx < x1 and top <= cy < bottom


def _starts(cell: Cell, words: list[dict]) -> set[int]:
    """x (3pt bins) where a column starts inside the cell: a word after a wide gap on its line,
    or a line starting well right of the cell's left edge."""
    out = set()
    for ln in _lines_of([w for w in words if _in_box(w, cell.x0, cell.top, cell.x1, cell.bottom)]):
        if ln[0]['x0'] > cell.x0 + 40:
            out.add(round(ln[0]['x0'] / 3))
        out |= {round(b['x0'] / 3) for a, b in zip(ln, ln[1:]) if b['x0'] - a['x1'] >= 2 * COLUMN_GAP}
    return out


def _inferred_starts(table: Table, words: list[dict]) -> list[float]:
    """Column starts of a one-column table drawn with row rules only: x where most rows with
    text show a wide gap (a framed paragraph of prose shows none at a steady x)."""
    cells = [r[0] for r in table.rows if r and r[0] and r[0].text]
    votes: Counter = Counter()
    for c in cells:
        votes.update(_starts(c, words))
    x0, x1 = table.bbox[0], table.bbox[2]
    out = []
    for k, n in sorted(votes.items()):
        n += votes.get(k - 1, 0) if k - 1 not in [round(x / 3) for x in out] else 0
        if n >= max(2, 0.5 * len(cells)) and x0 + 20 < 3 * k < x1 - 20 and \
                not any(abs(3 * k - x) <= ALIGN for x in out):
            out.append(3.0 * k)
    return out


def _split_at(cell: Cell, words: list[dict], b: float, start: float) -> bool:
    """Whether the cell's text falls apart at boundary b: no word across it, text right of it
    starting at the column's usual x (`start`), and a wide gap where a line has both sides."""
    inside = [w for w in words if _in_box(w, cell.x0, cell.top, cell.x1, cell.bottom)]
    right = [w for w in inside if w['x0'] >= b]
    if not right or any(w['x0'] < b <= w['x1'] for w in inside):
        return False
    if abs(min(w['x0'] for w in right) - start) > ALIGN:
        return False
    for ln in _lines_of(inside):
        left_end = max((w['x1'] for w in ln if w['x1'] <= b), default=None)
        right_start = min((w['x0'] for w in ln if w['x0'] >= b), default=None)
        if left_end is not None and right_start is not None and right_start - left_end < COLUMN_GAP:
            return False
    return True


def _cell_at(chars: list[dict], fills: list[Fill], x0, top, x1, bottom) -> Cell:
    inner = [c for c in chars if _in_box(c, x0, top, x1, bottom)]
    return Cell(clean(righe.text(inner)), x0, top, x1, bottom,
                cell_fill(fills, x0, top, x1, bottom))


def _column_starts(table: Table, words: list[dict], bounds: list[float]) -> dict[float, float]:
    """boundary -> x where that column's text starts in the cells that begin at it (their first
    word, median), the cue a glued answer must line up with."""
    out = {}
    for b in bounds:
        firsts = sorted(min(w['x0'] for w in ws) - b for r in table.rows for c in r
                        if c and abs(c.x0 - b) <= 1 and (ws := [w for w in words if _in_box(w, c.x0, c.top, c.x1, c.bottom)]))
        if firsts:
            out[b] = b + firsts[len(firsts) // 2]
    return out


def _beside(cell: Cell, words: list[dict], x1: float) -> list[dict]:
    """Words right of the cell, up to x1, within its height."""
    return [w for w in words if cell.x1 <= w['x0'] and w['x1'] <= x1 + 1
            and cell.top <= (w['top'] + w['bottom']) / 2 < cell.bottom]


def _level(cell: Cell, beside: list[dict], words: list[dict]) -> bool:
    """The text beside a label cell begins on the label's first line, as an answer does (prose of
    another text column beside it would not, row after row)."""
    label = [w['top'] for w in words if _in_box(w, cell.x0, cell.top, cell.x1, cell.bottom)]
    return bool(beside and label and abs(min(w['top'] for w in beside) - min(label)) <= 2)


def _widen_to_answers(table: Table, words: list[dict]) -> None:
    """A borderless table whose shaded label cells are all pdfplumber sees: when most rows have
    text just right of the table, starting at one x, the table reaches over it (the answers)."""
    if table.ncols != 1 or not all(r[0] and r[0].fill for r in table.rows):
        return
    x1 = table.bbox[2]
    beside = [_beside(r[0], words, float('inf')) for r in table.rows]
    if sum(_level(r[0], ws, words) for r, ws in zip(table.rows, beside)) < 0.5 * len(table.rows):
        return
    starts = Counter(round(min(w['x0'] for w in ws) / 3) for ws in beside if ws)
    if not starts:
        return
    k, n = starts.most_common(1)[0]
    if n < max(2, 0.5 * len(table.rows)) or 3 * k > x1 + 40:
        return
    right = max(w['x1'] for ws in beside for w in ws)
    table.bbox = (table.bbox[0], table.bbox[1], right + 2, table.bbox[3])


def _unruled_columns(table: Table, chars: list[dict], words: list[dict], fills: list[Fill]) -> None:
    """Re-cut the table's rows at the columns its rules do not draw: a cell spanning a column
    boundary is split there when its text falls apart at it; a row stopping short of the right
    edge gets the text beside it as a cell; a one-column table gets the columns most of its rows
    show (inferred from the gaps). Rows whose text crosses a boundary (a merged title or area
    row) stay whole."""
    _widen_to_answers(table, words)
    x0, x1 = table.bbox[0], table.bbox[2]
    bounds = sorted({round(c.x0, 1) for r in table.rows for c in r if c} - {round(x0, 1)})
    ends = Counter(round(c.x1, 1) for r in table.rows for c in r[-1:] if c and c.x1 < x1 - 10)
    short = {e for e, n in ends.items() if n >= 2}     # a shaded label column, answers unruled
    short |= {round(c.x1, 1) for r in table.rows for c in r[-1:]       # one such row, shaded
              if c and c.fill and c.x1 < x1 - 10 and _level(c, _beside(c, words, x1), words)}
    bounds = sorted(set(bounds) | short)
    starts = _column_starts(table, words, bounds)
    if table.ncols == 1 and not short:
        starts = {s - 2: s for s in _inferred_starts(table, words)}
        bounds = sorted(starts)
    if not starts and not short:
        return
    grid = [x0] + bounds
    changed = False
    rows = []
    for r in table.rows:
        cells = [c for c in r if c]
        if cells and round(cells[-1].x1, 1) in short:
            last = cells[-1]
            beside = _cell_at(chars, fills, last.x1, last.top, x1, last.bottom)
            if beside.text:
                cells.append(beside)
        out: list[Cell] = []
        for c in cells:
            cuts = [b for b in bounds if c.x0 + 3 < b < c.x1 - 3 and b in starts
                    and _split_at(c, words, b, starts[b])]
            if not cuts:
                out.append(c)
                continue
            edges = [c.x0] + cuts + [c.x1]
            out += [_cell_at(chars, fills, a, c.top, e, c.bottom) for a, e in zip(edges, edges[1:])]
        changed |= len(out) != sum(c is not None for c in r)
        row: list[Cell | None] = [None] * len(grid)
        for c in out:
            row[min(range(len(grid)), key=lambda i: abs(grid[i] - c.x0))] = c
        rows.append(row)
    if changed:
        table.rows = rows


def _rules(page) -> list[dict]:
    """Horizontal rules that could delimit table rows: drawn across a good part of the page."""
    return [e for e in page.horizontal_edges if e['x1'] - e['x0'] > 0.4 * page.width]


def _content_split(page, rules: list[dict], page_words: list) -> float | None:
    """Where the content column starts in a table drawn with horizontal rules only: the left
    edge most text lines between the rules jump to (after a wide gap, or starting there)."""
    top, bottom = min(e['top'] for e in rules), max(e['top'] for e in rules)
    left = min(e['x0'] for e in rules)
    words = [w for w in righe.word_dicts(page.chars, page_words) if top <= w['top'] <= bottom]
    by_line: dict[int, list[dict]] = {}
    for w in words:
        by_line.setdefault(round(w['top']), []).append(w)
    votes: Counter = Counter()
    for ws in by_line.values():
        ws.sort(key=lambda w: w['x0'])
        if ws[0]['x0'] > left + 40:
            votes[round(ws[0]['x0'] / 3) * 3] += 1
            continue
        for a, b in zip(ws, ws[1:]):
            if b['x0'] - a['x1'] >= 12:
                votes[round(b['x0'] / 3) * 3] += 1
                break
    if not votes:
        return None
    x, n = votes.most_common(1)[0]
    return x - 2 if n >= 3 else None


Columns = tuple[float, float, float]    # label column left edge, content column left edge, right edge


def _open_block(lines: list[Line], page, cols: Columns, start: float | None, stop: float | None) -> tuple[float, float] | None:
    """(top, bottom) of the text a page break cut out of a rules-only table: a run of lines inside
    the table's columns, some in the content column, touching the rule (`start` below it, `stop`
    above it) and running to the page foot (below a rule) or from the page head (above one)."""
    x0, split, x1 = cols
    body = [ln for ln in lines if page.height * 0.05 < ln.top and ln.bottom < page.height * 0.95]
    if start is not None:
        run = sorted((ln for ln in body if ln.top >= start), key=lambda ln: ln.top)
    else:
        run = sorted((ln for ln in body if ln.bottom <= stop), key=lambda ln: -ln.top)
    block: list[Line] = []
    for ln in run:
        edge = (start if not block else block[-1].bottom) if start is not None else (stop if not block else block[-1].top)
        gap = ln.top - edge if start is not None else edge - ln.bottom
        if gap > 1.8 * (ln.bottom - ln.top) + 6 or not (x0 - 5 <= ln.x0 and ln.x1 <= x1 + 5):
            break
        block.append(ln)
    if not block or not any(ln.x0 >= split - 2 for ln in block):
        return None
    top, bottom = min(ln.top for ln in block), max(ln.bottom for ln in block)
    reaches_edge = bottom > page.height * 0.82 if start is not None else top < page.height * 0.18
    return (top - 1, bottom + 1) if reaches_edge else None


def _hrule_tables(page, number: int, fills: list[Fill], lines: list[Line], words: list,
                  prev: Columns | None) -> tuple[list[Table], Columns | None]:
    """Label | content tables drawn with horizontal rules only (no vertical line, so pdfplumber's
    ruled-table finder sees none): columns from where the text lines jump to the content column,
    or the previous page's columns when the table carries on here. Text a page break cut off
    below the last rule (or above the first, carried on from the previous page) is closed into
    a row of its own, so a cell split across pages keeps all its lines."""
    rules = _rules(page)
    explicit: list[float] = []
    if len(rules) < 2:
        if prev is None:
            return [], None
        cols = prev              # the table carries on over a page with no rule at all
        block = _open_block(lines, page, cols, None, page.height * 0.95)
        if block is None:
            return [], None
        explicit += list(block)
    else:
        first_rule = min(e['top'] for e in rules)
        split = _content_split(page, rules, words) or (prev[1] if prev and first_rule < page.height * 0.2 else None)
        if split is None:
            return [], None
        cols = (min(e['x0'] for e in rules), split, max(e['x1'] for e in rules))
        if not cols[0] + 20 < split < cols[2] - 20:
            return [], None
        below = _open_block(lines, page, cols, max(e['top'] for e in rules), None)
        if below:
            explicit.append(below[1])
        above = _open_block(lines, page, cols, None, first_rule) if prev else None
        if above:
            explicit.append(above[0])
        explicit += _white_row_starts(lines, cols, sorted(e['top'] for e in rules))
    settings = {'vertical_strategy': 'explicit', 'horizontal_strategy': 'lines',
                'explicit_vertical_lines': list(cols), 'explicit_horizontal_lines': explicit}
    tables = [part for t in _tables(page, number, fills, words, settings) if t.ncols == 2
              for part in _cut_at_crossing_rows(t, lines, cols[1])]
    return tables, (cols if tables else None)


_ROW_WHITE = 0.25     # ems more white than the lines of one cell leave: a row starts below it


def _white_row_starts(lines: list[Line], cols: Columns, rules: list[float]) -> list[float]:
    """Where rows part in a rules-only table whose rules enclose several rows (booktabs: a rule
    over the titles, one under them, one at the foot): the middle of the white above each label
    that starts beside its content after more white than a cell's wrapped lines leave, with no
    rule in that white."""
    x0, split, x1 = cols
    inside = sorted((ln for ln in lines if x0 - 5 <= ln.x0 and ln.x1 <= x1 + 5
                     and rules[0] < ln.top and ln.bottom < rules[-1]), key=lambda ln: ln.top)
    gaps = [b.top - a.bottom for a, b in zip(inside, inside[1:])]
    if len(gaps) < 3:
        return []
    inner = sorted(gaps)[len(gaps) // 5]

    def beside(ln: Line) -> bool:     # content at the label's height, in the same line or its own
        return any(w[0] >= split - 2 for w in ln.words) or any(
            o.x0 >= split - 2 and abs(o.top - ln.top) <= 2 for o in inside)
    out = []
    for a, b in zip(inside, inside[1:]):
        white = b.top - a.bottom
        if (b.x0 < split - 2 and white > inner + _ROW_WHITE * b.size and beside(b)
                and not any(a.bottom - 1 <= y <= b.top + 1 for y in rules)):
            out.append(a.bottom + white / 2)
    return out


_WORD_SPACE = 0.45        # ems: a gap this narrow between two words is a space, not two cells apart


def _crosses(ln: Line, x: float) -> bool:
    """The line runs across x: a word over it, or two words either side of it one space apart
    (a heading whose break between words happens to fall on the column split)."""
    if any(a < x - 1 < x + 1 < b for a, b, _ in ln.words):
        return True
    return any(a1 <= x + 1 and b0 >= x - 1 and b0 - a1 < _WORD_SPACE * ln.size
               for (_, a1, _), (b0, _, _) in zip(ln.words, ln.words[1:]))


def _cut_at_crossing_rows(t: Table, lines: list[Line], split: float) -> list[Table]:
    """A 'row' whose text runs across the column split is no row: a heading set between two
    tables that the rules of both enclosed (the rule under one table, the rule over the next).
    The table is cut there and the heading left to the text."""
    parts: list[list[list[Cell | None]]] = [[]]
    for row in t.rows:
        if any(_crosses(ln, split) for ln in _row_lines(row, lines)):
            if parts[-1] and _heading_row(parts[-1], lines):
                parts[-1].pop()          # the heading of the text below, set as the table's last row
            parts.append([])
            continue
        parts[-1].append(row)
    if len(parts) == 1:
        return [t]
    out = []
    for rows in parts:
        cells = [c for r in rows for c in r if c is not None]
        if cells:
            out.append(Table(t.page, (t.bbox[0], min(c.top for c in cells), t.bbox[2], max(c.bottom for c in cells)), rows))
    return out


def _row_lines(row: list[Cell | None], lines: list[Line]) -> list[Line]:
    cells = [c for c in row if c is not None]
    top, bottom = min(c.top for c in cells), max(c.bottom for c in cells)
    return [ln for ln in lines if top - 1 <= (ln.top + ln.bottom) / 2 <= bottom + 1]


def _heading_row(rows: list[list[Cell | None]], lines: list[Line]) -> bool:
    """The last of these rows is a heading, not a row: text in its first cell alone, bold and set
    larger than the rows above it ('2. L'assistenza educativa scolastica' over the text it opens)."""
    last, above = rows[-1], [ln for r in rows[:-1] for ln in _row_lines(r, lines)]
    own = _row_lines(last, lines)
    filled = [c for c in last if c is not None and c.text.strip()]
    return bool(own and above) and len(filled) == 1 and filled[0] is next(c for c in last if c is not None) \
        and all(ln.bold for ln in own) and min(ln.size for ln in own) > median(ln.size for ln in above) + 1.0


# ---------------------------------------------------------------- text columns
MIN_GUTTER = 6.0          # pt: the white band between two text columns is at least this wide
GUTTER_HEIGHT = 0.3       # share of the page height the columns must run over
_TABLE_ROWS = 0.3         # share of the right column's lines broken into cells: a table, not text columns
_NARROW = 30              # characters: a column of lines this short beside a table is its last column
_LABELS_BOLD = 0.8        # share of the left lines set bold (and of the right ones plain): labels | values
_CELL_GAP = 1.2           # ems between two pieces of ink: cells apart, not words
_ALL_ALONE = 0.9          # share of each side's lines with nothing beside them: columns, however short
Band = tuple[float, float]


def _spans(chars: list[dict]) -> list[Band]:
    """x extents of a line's ink, chars touching each other merged."""
    out: list[Band] = []
    a = b = None
    for c in sorted(chars, key=_X0):
        if a is not None and c['x0'] <= b + 1:
            if c['x1'] > b:
                b = c['x1']
        else:
            if a is not None:
                out.append((a, b))
            a, b = c['x0'], c['x1']
    if a is not None:
        out.append((a, b))
    return out


def _candidate_bands(spans: list[list[Band]], x0: float, x1: float) -> list[Band]:
    """x bands, well inside the text area, that few lines put ink in: per 1pt slot the number of
    lines inked there; each stretch of slots inked by at most half the lines gives the band
    where the count is lowest (prose fills every slot of its measure; a gutter is empty but for
    the odd full-width title)."""
    lo, hi = int(x0 + 0.15 * (x1 - x0)), int(x1 - 0.15 * (x1 - x0))
    if hi - lo < MIN_GUTTER:
        return []
    diff = [0] * (hi - lo + 2)
    for line in spans:
        for a, b in line:
            a, b = max(int(a), lo), min(int(b) + 1, hi + 1)
            if a < b:
                diff[a - lo] += 1
                diff[b - lo] -= 1
    counts, n = [], 0
    for d in diff[:-1]:
        n += d
        counts.append(n)
    limit, tolerance = len(spans) / 2, max(1, len(spans) // 30)
    out, k = [], 0
    while k < len(counts):
        if counts[k] > limit:
            k += 1
            continue
        j = k
        while j < len(counts) and counts[j] <= limit:
            j += 1
        # the gutter is where the fewest lines put ink; only when that is too narrow (ragged ends
        # reaching into it) does the stretch within a line or two of that count stand for it --
        # else a title of one column, running on towards the gutter, would set the band's middle
        floor = min(counts[k:j])
        best = _widest(counts, k, j, floor)
        if best[0] < MIN_GUTTER:
            best = _widest(counts, k, j, floor + tolerance)
        if best[0] >= MIN_GUTTER:
            out.append((lo + best[1], lo + best[1] + best[0]))
        k = j
    return out


def _widest(counts: list[int], k: int, j: int, low: int) -> tuple[int, int]:
    """(width, start) of the widest run of slots in counts[k:j] at most `low`."""
    best, start = (0, 0), None
    for i in range(k, j + 1):
        if i < j and counts[i] <= low:
            start = i if start is None else start
        elif start is not None:
            best, start = max(best, (i - start, start)), None
    return best


def _sides(spans: list[Band], band: Band) -> tuple[bool, bool, bool]:
    """(ink left of the band's middle, ink right of it, ink across it) for one line. Only the
    middle 4pt count as across: a ragged line end may reach into the band, a word gap is
    narrower than that."""
    m = (band[0] + band[1]) / 2
    return (any(x1 <= m for _, x1 in spans), any(x0 >= m for x0, _ in spans),
            any(x0 < m + 2 and x1 > m - 2 for x0, x1 in spans))


def _segments(rows: list[tuple[Line, list[Band]]], bands: list[Band], tables: list[Table]) -> list[list[int]]:
    """Runs of lines (indices, top to bottom) not interrupted by a line inked across a band or a
    table spanning one: where the page is set in columns."""
    def spanning(ln: Line) -> bool:
        cy = (ln.top + ln.bottom) / 2
        return any(t.bbox[0] < a and t.bbox[2] > b and t.bbox[1] - 1 <= cy <= t.bbox[3] + 1
                   for t in tables for a, b in bands)
    out: list[list[int]] = [[]]
    for i in sorted(range(len(rows)), key=lambda i: rows[i][0].top):
        ln, spans = rows[i]
        # a table set in one column may run its text into the gutter: only a table across it cuts
        across = spanning(ln) if ln.in_table else any(_sides(spans, band)[2] for band in bands)
        if across:
            out.append([])
        else:
            out[-1].append(i)
    return [s for s in out if s]


def _column_page(rows: list[tuple[Line, list[Band], list[dict]]], band: Band, tables: list[Table],
                 height: float) -> list[list[int]]:
    """The segments where `band` is a gutter between two text columns, or [] when it is not one:
    a few lines of text on both sides, over a good part of the page height, the right column
    starting at the gutter, prose-long lines on both sides, and either the left column filled
    up to the gutter or each column running on where the other has no line (word gaps and the
    columns of a list or of a table without rules do neither: a label stands beside its value;
    ruled tables are left out altogether)."""
    a, b = band
    m = (a + b) / 2
    active, height_sum, alone = [], 0.0, [0, 0]
    left_ends, right_starts, left_len, right_len = [], [], [], []
    broken: list[bool] = []           # per right-hand line: its right part breaks into cells
    last_column: list[bool] = []      # per right-hand line: its left part does
    for seg in _segments([r[:2] for r in rows], [band], tables):
        text = [rows[i] for i in seg if not rows[i][0].in_table]
        left = [(sp, ch) for ln, sp, ch in text if _sides(sp, band)[0]]
        right = [(sp, ch) for ln, sp, ch in text if _sides(sp, band)[1]]
        if len(left) < 3 or len(right) < 3:
            continue
        active.append(seg)
        for ln, sp, _ in text:
            if _sides(sp, band)[1]:
                broken.append(_cells_apart([s for s in sp if s[0] >= m], ln.size))
                last_column.append(_sides(sp, band)[0] and _cells_apart([s for s in sp if s[0] < m], ln.size))
        for side, n in enumerate(_alone(text, band)):
            alone[side] += n
        height_sum += max(rows[i][0].bottom for i in seg) - min(rows[i][0].top for i in seg)
        left_ends += [a - max(x1 for _, x1 in sp if x1 <= m) for sp, _ in left]
        right_starts += [min(x0 for x0, _ in sp if x0 >= m) - b for sp, _ in right]
        left_len += [sum(c['x1'] <= m for c in ch) for _, ch in left]
        right_len += [sum(c['x0'] >= m for c in ch) for _, ch in right]
    if not active or height_sum < GUTTER_HEIGHT * height:
        return []
    measure = a - min(rows[i][0].x0 for seg in active for i in seg)
    filled = sum(d <= max(0.25 * measure, 20) for d in left_ends) / len(left_ends)
    aligned = sum(abs(d) <= 20 for d in right_starts) / len(right_starts)
    apart = alone[0] >= 0.5 * len(left_ends) and alone[1] >= 0.5 * len(right_starts)
    # short lines (a card's labels over their values) are a column too when no line of either side
    # has anything beside it: nothing there can be a label beside its value (upright text: turned
    # letters are lines of one char each, alone by nature)
    prose = min(sorted(left_len)[len(left_len) // 2], sorted(right_len)[len(right_len) // 2]) >= 12 or \
        (alone[0] >= _ALL_ALONE * len(left_ends) and alone[1] >= _ALL_ALONE * len(right_starts)
         and all(c.get('upright', True) for seg in active for i in seg for c in rows[i][2]))
    # lines side by side whose right halves break at wide gaps are a table's rows (its first
    # column fills up to the gutter as a text column would), and so are narrow right-hand lines
    # beside lines that break into cells (its last column stands apart as one; a table beside a
    # column of prose stays apart from it)
    narrow_right = sorted(right_len)[len(right_len) // 2] < _NARROW
    rows_of_a_table = not apart and (sum(broken) >= _TABLE_ROWS * len(broken)
                                     or (narrow_right and sum(last_column) >= 0.5 * len(last_column)))
    # bold lines on the left, plain ones on the right: labels beside their values (a card drawn
    # without rules), which two columns of running text are not
    left_bold, right_bold = [], []        # per line, whether its ink on that side is set bold
    for seg in active:
        for i in seg:
            ln, _, chars = rows[i]
            if ln.in_table:
                continue
            for side, out in ((lambda c: c['x1'] <= m, left_bold), (lambda c: c['x0'] >= m, right_bold)):
                ink = [c for c in chars if side(c) and c['text'].strip()]
                if ink:
                    out.append(sum(_is_bold(_FONT(c)) for c in ink) > len(ink) / 2)
    labelled = bool(left_bold) and bool(right_bold) and sum(left_bold) >= _LABELS_BOLD * len(left_bold) \
        and sum(right_bold) <= (1 - _LABELS_BOLD) * len(right_bold)
    return active if (filled >= 0.5 or apart) and aligned >= 0.5 and prose and not rows_of_a_table \
        and not labelled else []


def _cells_apart(spans: list[Band], size: float) -> bool:
    """Ink broken by a gap far wider than a word space (a table's cells side by side)."""
    return any(b[0] - a[1] > _CELL_GAP * size for a, b in zip(spans, spans[1:]))


_PARTNER_SIZE = 1.15      # a label and its value are set in sizes this close; a title beside text is not


def _alone(text: list[tuple[Line, list[Band], list[dict]]], band: Band) -> tuple[int, int]:
    """How many lines with ink left of the band, and how many right of it, have no ink of the
    other side beside them (neither in the same line nor in a line at the same height) in about
    the same size: a column's heading beside the other column's title pairs with nothing, even
    where their baselines meet and they came as one line."""
    m = (band[0] + band[1]) / 2
    pieces = []                   # (line, size, ink left, ink right): a line, or each side of it
    for ln, sp, chars in text:
        ink = _sides(sp, band)[:2]
        if all(ink):
            sizes = [Counter(round(c['size'], 1) for c in chars if (c['x1'] <= m) == left).most_common(1)
                     for left in (True, False)]
            if all(sizes) and not _partners(sizes[0][0][0], sizes[1][0][0]):
                pieces += [(ln, sizes[0][0][0], True, False), (ln, sizes[1][0][0], False, True)]
                continue
        pieces.append((ln, ln.size, *ink))
    out = [0, 0]
    for ln, size, *ink in pieces:
        for side in (0, 1):
            if ink[side] and not ink[1 - side] and not any(
                    o_ink[1 - side] and o.top < ln.bottom and ln.top < o.bottom and _partners(o_size, size)
                    for o, o_size, *o_ink in pieces):
                out[side] += 1
    return out[0], out[1]


def _partners(a: float, b: float) -> bool:
    return max(a, b) <= _PARTNER_SIZE * min(a, b)


def _split(ln: Line, chars: list[dict], bands: list[Band]) -> list[Line]:
    """A line pdfplumber read across the gutter(s) -> one line per column, text re-read per column."""
    parts: dict[int, list[dict]] = {}
    for word in _word_chars(chars, ln.size):
        parts.setdefault(_column_of(word, bands), []).extend(word)
    out = []
    for column, part in sorted(parts.items()):
        for tl in righe.text_lines(part):
            cs = [c for c in tl['chars'] if c['text'].strip()]
            if cs:
                new = _line(ln.page, tl, cs)
                new.column, new.in_table = column, ln.in_table
                out.append(new)
    return out


def _word_chars(chars: list[dict], size: float) -> list[list[dict]]:
    """The line's chars grouped in words (as `_words` cuts them). pdfplumber lists a ligature
    glyph ('fi' as one char) once per letter: each char is read once."""
    out: list[list[dict]] = []
    for c in sorted({id(c): c for c in chars}.values(), key=lambda c: c['x0']):
        if out and c['x0'] - max(d['x1'] for d in out[-1]) <= 0.25 * size:
            out[-1].append(c)
        else:
            out.append([c])
    return out


def _column_of(word: list[dict], bands: list[Band]) -> int:
    """A word goes to the column it starts in: a table cell's word may run on into the gutter."""
    return sum(word[0]['x0'] > (a + b) / 2 for a, b in bands)


def _across_gutter(chars: list[dict], size: float, bands: list[Band]) -> bool:
    """The line has words in more than one column."""
    return len({_column_of(w, bands) for w in _word_chars(chars, size)}) > 1


def _columns(rows: list[tuple[Line, list[dict]]], tables: list[Table], height: float) -> list[Line] | None:
    """The page's lines in reading order -- each column top to bottom, then the next -- with
    lines running across a gutter split, when the page is set in text columns; None otherwise."""
    body = [(ln, _spans(chars), chars) for ln, chars in rows]
    text = [(ln, sp) for ln, sp, _ in body if not ln.in_table]
    if len(text) < 6:
        return None
    x0, x1 = min(ln.x0 for ln, _ in text), max(ln.x1 for ln, _ in text)
    bands = [band for band in _candidate_bands([sp for _, sp in text], x0, x1)
             if _column_page(body, band, tables, height)]
    if not bands:
        return None
    segments = _segments([r[:2] for r in body], bands, tables)
    seg_of = {i: k for k, seg in enumerate(segments) for i in seg}
    seg_top = [min(rows[i][0].top for i in seg) for seg in segments]
    order, placed = [], set()
    for i, (ln, chars) in enumerate(rows):
        if i not in seg_of:       # across the gutter: a title, a full-width table row
            order.append(((ln.top, 0, 0, ln.top, ln.x0), ln))
            continue
        # table text is not cut, it goes with its column -- unless the line ran on past the table
        # into the next column's prose (a table set in one column, a paragraph beside its row)
        whole = ln.in_table and not _across_gutter(chars, ln.size, bands)
        if whole:
            ln.column = sum(ln.x0 > (a + b) / 2 for a, b in bands)
        for part in [ln] if whole else _split(ln, chars, bands):
            placed.add(id(part))
            order.append(((seg_top[seg_of[i]], 1, part.column, part.top, part.x0), part))
    lines = [ln for _, ln in sorted(order, key=lambda x: x[0])]
    for ln in lines:              # a piece cut from a line glued to a table row is judged on its own
        if id(ln) in placed:
            ln.in_table = _inside_table(ln, tables)
    column_offsets(lines)
    return lines


def column_offsets(lines: list[Line]) -> None:
    """Each column's left edge relative to the first column's, from its content lines (running
    headers and footers, once marked, do not move a column's edge)."""
    margins: dict[int, float] = {}
    for ln in lines:
        if not ln.furniture and not ln.in_table:
            margins[ln.column] = min(margins.get(ln.column, ln.x0), ln.x0)
    for ln in lines:
        if ln.column and ln.column in margins:
            ln.column_offset = margins[ln.column] - margins.get(0, margins[ln.column])


def opens_next_column(a: Line, b: Line) -> bool:
    """b stands higher up a's page in the next text column: where text cut at a column's foot
    goes on, in reading order."""
    return a.page == b.page and b.column == a.column + 1 and b.top < a.top


def _inside_table(ln: Line, tables: list[Table]) -> bool:
    cy = (ln.top + ln.bottom) / 2
    return any(t.bbox[0] - 1 <= ln.x0 <= t.bbox[2] and t.bbox[1] - 1 <= cy <= t.bbox[3] + 1 for t in tables)


def read_page(page, number: int, with_tables: bool = True, prev_columns: Columns | None = None) -> Page:
    fills = _fills(page)
    p = Page(number, float(page.width), float(page.height), fills=fills, n_chars=len(page.chars))
    words = righe.words(page.chars)       # once: the page's lines and its tables read them
    rows = _text_lines(page, number, words)
    p.lines = [ln for ln, _ in rows]
    p.n_images = len(page.images)
    page_area = max(p.width * p.height, 1.0)
    p.image_area = min(1.0, sum(max(0.0, (i['x1'] - i['x0']) * (i['bottom'] - i['top'])) for i in page.images) / page_area)
    if with_tables and (page.lines or page.rects or page.curves or prev_columns):
        p.tables = _tables(page, number, fills, words)
        if not p.tables:
            p.tables, p.hrule_columns = _hrule_tables(page, number, fills, p.lines, words, prev_columns)  # type: ignore[attr-defined]
        for ln in p.lines:
            ln.in_table = _inside_table(ln, p.tables)
    p.lines = _columns(rows, p.tables, p.height) or p.lines
    return p


_NUMBERISH = re.compile(r'^(pag(ina)?\.?\s*)?\d{1,4}(\s*(di|/)\s*\d{1,4})?$', re.I)


def mark_furniture(pages: list[Page]) -> None:
    """Running headers/footers and page numbers. Walking in from the top and bottom edge of each
    page, a line is furniture while it is a bare page number or its words (numbers aside) stand
    in the same band on most pages; the first other line stops the walk, so a heading that
    merely recurs below the header stays content."""
    few = len(pages) < 3     # two pages prove little: ask for the same words at the same height

    def key(ln: Line) -> str:
        k = re.sub(r'\d+', '#', fold(ln.text))
        return f'{k}@{round(ln.top / 3)}' if few else k

    def band(p: Page, top: bool) -> list[Line]:
        lines = [ln for ln in p.lines if (ln.bottom < p.height * 0.12 if top else ln.top > p.height * 0.88)]
        lines.sort(key=lambda ln: ln.top if top else -ln.bottom)
        # a ruled table's column titles, repeated at the head of each page it runs over, are its
        # own: the walk stops at the first line inside a table
        inside = next((k for k, ln in enumerate(lines) if any(
            t.bbox[0] - 1 <= ln.x0 and ln.x1 <= t.bbox[2] + 1 and t.bbox[1] - 1 <= ln.top and ln.bottom <= t.bbox[3] + 1
            for t in p.tables)), len(lines))
        return lines[:inside]

    need = 2 if few else max(2, int(0.7 * len(pages) + 0.5))
    for top in (True, False):
        counts = Counter()
        for p in pages:
            counts.update({key(ln) for ln in band(p, top)})
        running = [k for k, n in counts.items() if need and n >= need and len(k.split()) >= 2]
        for p in pages:
            numbered = False      # a page has one page number: a figure further in is content
            for ln in band(p, top):
                k = key(ln)
                # a running header set on this page as two lines (or with a piece apart) is still furniture
                piece = not few and len(k.split()) >= 2 and any(k in r for r in running)
                number = not numbered and bool(_NUMBERISH.match(ln.text.strip()))
                if number or (need and counts[k] >= need) or piece:
                    ln.furniture = True
                    numbered = numbered or number
                else:
                    break


def open_pdf(data: bytes, geometria: str | None = None):
    """The document, open for reading its pages: PDFium's (pdfium_page.Document) or a
    pdfplumber.PDF (see geometria.py); UnreadableDocument saying why not. A file PDFium cannot
    open goes to pdfplumber, which says why or reads it after all."""
    if not data:
        raise UnreadableDocument('vuoto', 'file vuoto (0 byte)')
    if b'%PDF' not in data[:1024]:
        raise UnreadableDocument('non_pdf', 'non è un PDF (manca l\'intestazione %PDF)')
    flussi.proteggi()          # pdfminer reads the fonts of PDFium's pages too
    if scelta(geometria) == PDFIUM and not flussi.needs_guarded_reading(data):
        from . import pdfium_page
        try:
            doc = pdfium_page.Document(data)
        except pdfium_page.PdfiumError as e:
            if pdfium_page.needs_password(e):
                raise UnreadableDocument('cifrato', f'PDF cifrato: serve una password ({e})') from e
        else:
            if len(doc) == 0:
                doc.close()
                raise UnreadableDocument('senza_pagine', 'il PDF non ha pagine')
            return doc
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        struttura.check_document(pdf.doc)
        n = len(pdf.pages)
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise UnreadableDocument('cifrato', f'PDF cifrato: serve una password ({type(e).__name__})') from e
    except Exception as e:   # pdfminer raises many types on damaged files (pdfplumber wraps them)
        inner = e.args[0] if e.args and isinstance(e.args[0], Exception) else e
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)) or \
                'password' in str(e).lower() or 'encrypt' in str(e).lower():
            raise UnreadableDocument('cifrato', f'PDF cifrato: {e}') from e
        kind = 'troncato' if b'%%EOF' not in data[-2048:] else 'danneggiato'
        raise UnreadableDocument(kind, f'PDF {kind}, non leggibile: {type(e).__name__}: {e}') from e
    if n == 0:
        pdf.close()
        raise UnreadableDocument('senza_pagine', 'il PDF non ha pagine')
    return pdf


TEXTLESS_PAGE_CHARS = 20


def is_image_only(p: Page) -> bool:
    """A scan or a pasted picture: images, (almost) no text."""
    return p.n_images > 0 and p.n_chars < TEXTLESS_PAGE_CHARS


def _ocr_textless_pages(pages: list[Page], data: bytes) -> None:
    """Where tesseract (Italian) is installed, image-only pages get the lines it reads, so the
    extractors see them like any other text; positions are nominal (one line per 14pt)."""
    from . import ocr
    if not ocr.available():
        return
    for p in pages:
        if not is_image_only(p):
            continue
        text = ocr.page_text(data, p.number)
        y = 40.0
        for raw in text.splitlines():
            if raw.strip():
                p.lines.append(Line(p.number, clean(raw), 40.0, p.width - 40, y, y + 11, 11.0, False))
                y += 14
        p.ocr = bool(p.lines)  # type: ignore[attr-defined]


def read_layout(data: bytes, geometria: str | None = None) -> Layout:
    """The whole document's layout. Raises UnreadableDocument for files that cannot be read.
    `geometria` chooses the reader of the page geometry (geometria.py); a document PDFium
    reads only in part is read again by pdfplumber."""
    from .tabelle_testo import unruled_tables     # they build on this module's Line, Cell, Table
    from .segni import split_option_columns
    g = scelta(geometria)
    pdf = open_pdf(data, g)
    # a stream length or an object offset that disagrees with the file: PDFium repairs most such
    # files (4x faster than the guarded pdfminer reader), but draws some garbled or empty
    damaged = g == PDFIUM and not isinstance(pdf, pdfplumber.PDF) and \
        (struttura.lengths_disagree(data) or struttura.objects_misplaced(data))
    try:
        pages = []
        for i, page in enumerate(pdf.pages, start=1):
            avvisi.pagina(i)
            try:
                flussi.check_page(page)
                prev = pages[-1] if pages else None
                pages.append(read_page(page, i, prev_columns=getattr(prev, 'hrule_columns', None)))
                page.close()   # drop pdfplumber's per-page object cache: memory stays flat on long plans
            except Exception as e:
                if g == PDFIUM and not isinstance(pdf, pdfplumber.PDF):
                    break          # read again below, by pdfplumber
                if i == 1 and b'%%EOF' not in data[-2048:]:
                    raise UnreadableDocument('troncato', f'PDF troncato: {type(e).__name__}: {e}') from e
                # one damaged page must not lose the others: keep an empty page, report it
                p = Page(i, float(page.width or 0), float(page.height or 0))
                p.error = f'{type(e).__name__}: {e}'  # type: ignore[attr-defined]
                pages.append(p)
        else:
            avvisi.pagina(None)
            if damaged and any(_misread(p) for p in pages):
                return read_layout(data, PDFPLUMBER)
            if damaged:
                logging.getLogger('extract.layout').warning(
                    'struttura del PDF danneggiata (lunghezze dei flussi o posizioni degli oggetti errate): '
                    'letta con le riparazioni di PDFium, contenuto da verificare')
            mark_furniture(pages)
            unruled_tables(pages)
            for p in pages:
                split_option_columns(p)
                if any(ln.column for ln in p.lines):
                    column_offsets(p.lines)
            _ocr_textless_pages(pages, data)
            return Layout(pages, dict(pdf.metadata or {}))
    finally:
        pdf.close()
    return read_layout(data, PDFPLUMBER)


_CONTROL = re.compile(r'[\x00-\x08\x0b\x0c\x0e-\x1f]')


def _misread(p: Page) -> bool:
    """A page of a damaged file PDFium read wrong: nothing on it, or text of control characters
    (a font whose stream it read as declared)."""
    text = ''.join(ln.text for ln in p.lines)
    return (p.n_chars == 0 and not p.n_images) or len(_CONTROL.findall(text)) > 0.05 * max(1, len(text))
