"""Tables drawn with no rule at all, or with horizontal rules only (booktabs), found from the
white space of their text: the 'stream' reading of camelot and pdfplumber's text strategy.

A run of text rows in which several rows break into pieces set apart by wide gaps is a table
candidate; its columns are the white rivers no (or almost no) row of the run crosses; a piece
crossing a river is a cell spanning those columns (a header over two columns). The text rows
are joined into the table's rows, its column titles into header rows, by tabelle_righe. A river much wider than the table's other gaps, which no row crosses and
which keeps on its right as many columns as on its left, splits two tables set side by side.

It reads the page's lines (`Line.words`), so it does not depend on how the PDF was opened, and
gives ordinary `Table`/`Cell`s. Lines already in a ruled or header-led table are left to them;
but a label | content frame of horizontal rules, or a header-led table, whose columns its text
shows better is replaced on its page by that reading (`text_columns`)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
import re
from statistics import median

from .layout import Cell, Line, Page, Table
from .tabelle_righe import Riga, griglia
from .text import fold

_GAP = 0.9              # ems: a row broken by a gap this wide may be a table's row
_CELL_GAP = 0.5         # ems: inside a table, cells are further apart than this (a word space
                        # is a quarter em; dense columns of figures stand half an em apart)
_MIN_ROWS = 3           # rows broken into pieces a table needs
_MAX_JOIN = 2.2         # line heights: rows further apart than this are not one table
_SIDE_BY_SIDE = 0.5     # share of a text column's lines on another column's baselines: a table's
_HEADING = 1.12         # times the body's size: an unbroken row this large is a heading
_CROSS = 0.1            # share of a table's broken rows a column's white river may be crossed by

Piece = tuple[float, float, str]


Box = tuple[float, float, float, float]


def _prose_columns(p: Page) -> dict[int, Box]:
    """The page's text columns of prose (lines running a quarter of the page wide, unbroken by
    column gaps) or of lines of their own (few of them on the same baselines as the other
    columns' lines), as boxes (x0, top, x1, bottom): their usual left and right edges, so a title
    running across the page does not widen them. The other text columns are a table's columns
    the gutter finder took for text columns (their lines side by side, row by row), or a table
    beside the prose, and stay together."""
    cols: dict[int, list[Line]] = {}
    for ln in p.lines:
        if not ln.furniture and ln.words:
            cols.setdefault(ln.column, []).append(ln)
    if len(cols) < 2:
        return {}
    # a line above or below a column the reading ran across the gutter has its words in it too
    def reach(lns: list[Line]) -> float:
        return 2 * median(ln.bottom - ln.top for ln in lns)
    def prose(lns: list[Line]) -> bool:
        # a paragraph's last lines are short: its full lines are what make it a column of prose
        widths = sorted(ln.x1 - ln.x0 for ln in lns)
        return (widths[int(0.8 * (len(widths) - 1))] >= 0.25 * p.width
                and sum(len(_pieces(list(ln.words), ln.size)) == 1 for ln in lns) >= 0.8 * len(lns))
    def side_by_side(a: list[Line], b: list[Line]) -> bool:
        # where both columns have lines, the one with fewer has them on the other's baselines
        lo, hi = max(min(ln.top for ln in a), min(ln.top for ln in b)), min(max(ln.bottom for ln in a),
                                                                            max(ln.bottom for ln in b))
        a, b = [ln for ln in a if lo - 1 <= ln.top <= hi + 1], [ln for ln in b if lo - 1 <= ln.top <= hi + 1]
        fewer, more = sorted((a, b), key=len)
        shared = sum(any(abs(ln.bottom - o.bottom) <= 1 for o in more) for ln in fewer)
        return bool(fewer) and shared >= _SIDE_BY_SIDE * len(fewer)

    def apart(k: int, lns: list[Line]) -> bool:
        return not any(side_by_side(lns, o) for j, o in cols.items() if j != k)

    def beside(k: int, lns: list[Line]) -> list[Line]:
        # what a column is shows where another column stands beside it (not in a title above)
        others = [ln for j, o in cols.items() if j != k for ln in o]
        lo, hi = min(ln.top for ln in others) - 1, max(ln.bottom for ln in others) + 1
        return [ln for ln in lns if lo <= ln.top <= hi]
    return {k: (median(ln.x0 for ln in lns), min(ln.top for ln in lns) - reach(lns),
                median(ln.x1 for ln in lns), max(ln.bottom for ln in lns) + reach(lns))
            for k, lns in cols.items()
            if len(here := beside(k, lns)) >= _MIN_ROWS and (prose(here) or apart(k, here))}


def _rows(lines: list[Line], prose: dict[int, Box] | None = None) -> list[tuple[float, float, float, list[Piece]]]:
    """Lines sharing a baseline band joined into text rows, each column of prose on its own (two
    columns of prose side by side are no table, nor a table and the prose beside it): words
    within a column of prose go with it, even from a line the page's reading ran across the
    gutter (a caption beside the first lines of prose). (top, bottom, size, words)."""
    prose = prose or {}

    def group(ln: Line, w: Piece) -> int:
        x, y = (w[0] + w[1]) / 2, (ln.top + ln.bottom) / 2
        return next((k for k, (x0, top, x1, bottom) in prose.items()
                     if x0 - 3 <= x <= x1 + 3 and top - 1 <= y <= bottom + 1),
                    ln.column if ln.column in prose else -1)
    parts: list[tuple[int, float, float, float, list[Piece]]] = []
    for ln in lines:
        by: dict[int, list[Piece]] = {}
        for w in ln.words:
            by.setdefault(group(ln, w), []).append(w)
        parts += [(g, ln.top, ln.bottom, ln.size, ws) for g, ws in by.items()]
    rows: list[list] = []
    for g, top, bottom, size, words in sorted(parts, key=lambda q: (q[0], q[1])):
        mid = (top + bottom) / 2
        if rows and rows[-1][0] <= mid <= rows[-1][1] and rows[-1][4] == g:
            r = rows[-1]
            r[0], r[1] = min(r[0], top), max(r[1], bottom)
            r[3].extend(words)
            r[2] = max(r[2], size)
        else:
            rows.append([top, bottom, size, list(words), g])
    return [(t, b, s, sorted(ws)) for t, b, s, ws, _ in rows]


_BULLETS = set('•·▪■□○●◦➢►')


_LIST_NUMBER = re.compile(r'(?:\d{1,2}|[a-zA-Z])[.)]')


def _bullet(text: str) -> bool:
    """A list item's mark: a bullet, or a Symbol/Wingdings glyph (Word's bullets land in the
    private use area, U+F0B7 and its neighbours)."""
    return text in _BULLETS or (len(text) == 1 and 0xF000 <= ord(text) <= 0xF0FF)


def _pieces(words: list[Piece], size: float, gap: float = _GAP) -> list[Piece]:
    """The row's words joined where the gap is narrower than `gap` ems; a bullet joins the item
    it marks."""
    out: list[list] = []
    for x0, x1, text in words:
        if out and (x0 - out[-1][1] < gap * size or _bullet(out[-1][2])):
            out[-1][1], out[-1][2] = max(out[-1][1], x1), f'{out[-1][2]} {text}'
        else:
            out.append([x0, x1, text])
    return [(a, b, t) for a, b, t in out]


def _justified(words: list[Piece]) -> bool:
    """A line of prose set justified: four or more words, all spaced alike, however wide (a
    table's row leaves unequal gaps, or holds figures)."""
    if len(words) < 4 or sum(any(ch.isalpha() for ch in w[2]) for w in words) < 0.75 * len(words):
        return False
    gaps = [b[0] - a[1] for a, b in zip(words, words[1:])]
    return min(gaps) > 0 and max(gaps) <= 1.25 * min(gaps)


def _broken(row) -> bool:
    """A text row broken into pieces by wide gaps -- not a line of prose set justified."""
    return len(_pieces(row[3], row[2])) >= 2 and not _justified(row[3])


def _blocks(rows, min_rows: int = _MIN_ROWS) -> list[list[int]]:
    """Runs of rows close together with enough rows broken into pieces; a lone unbroken row
    (a wrapped cell, a group's title in the body's size) stays inside a run, two in a row end it,
    and so does one set larger than the run (the heading of the next record's table)."""
    blocks, cur, plain = [], [], 0
    starts: set[float] = set()      # where the current run's broken rows start a piece after the first
    for i, (top, bottom, size, words) in enumerate(rows):
        broken = _broken(rows[i])
        near = cur and rows[cur[-1]][0] < top and top - rows[cur[-1]][1] <= _MAX_JOIN * max(size, bottom - top)
        if not near:
            if cur:
                blocks.append(cur)
            cur, plain = ([i] if broken else []), 0
            starts = set()
        if broken:
            starts |= {q[0] for q in _pieces(words, size)[1:]}
        if not near:
            continue
        # a wrapped cell's lines stand in its column, at a start the rows above gave it or far
        # right of the run's left edge (prose after a table starts at that edge)
        left = min(rows[j][3][0][0] for j in cur)
        wrapped = not broken and (any(abs(words[0][0] - x) <= 2 for x in starts)
                                  or words[0][0] > left + 4 * size) and \
            not any(words[0][0] + 2 < x < words[-1][1] for x in starts)
        plain = 0 if broken or wrapped else plain + 1
        if plain > 2:
            blocks.append(cur[:len(cur) - (plain - 1)])
            cur, plain = [], 0
            continue
        if not broken and size > _HEADING * median(rows[j][2] for j in cur):   # a heading between two tables
            blocks.append(cur)
            cur, plain = [], 0
            continue
        cur.append(i)
    if cur:
        blocks.append(cur)
    out = []
    for b in blocks:
        starts = {q[0] for i in b if _broken(rows[i]) for q in _pieces(rows[i][3], rows[i][2])[1:]}

        def in_a_column(i: int) -> bool:
            # a cell's wrapped last line stays within its column; the text after the table runs
            # across the columns' starts
            x0, x1 = rows[i][3][0][0], rows[i][3][-1][1]
            return not any(x0 < s - 1 < x1 for s in starts)
        while b and not _broken(rows[b[-1]]) and not in_a_column(b[-1]):
            b = b[:-1]
        if sum(_broken(rows[i]) for i in b) >= min_rows:
            out.append(b)
    return out


def _rivers(pieces: list[list[Piece]], em: float) -> list[tuple[float, float]]:
    """White x-bands inside the block crossed by at most a few of its broken rows (a title over
    two columns)."""
    broken = [ps for ps in pieces if len(ps) >= 2]
    x0 = min(p[0] for ps in pieces for p in ps)
    x1 = max(p[1] for ps in pieces for p in ps)
    allowed = max(1, int(_CROSS * len(broken))) if len(broken) >= 4 else 0
    edges = sorted({round(v, 1) for ps in broken for p in ps for v in (p[0], p[1])} | {x0, x1})
    out: list[list] = []          # [a, b, crossed]
    for a, b in zip(edges, edges[1:]):
        m = (a + b) / 2
        crossing = sum(any(p[0] <= m <= p[1] for p in ps) for ps in broken)
        if crossing <= allowed and x0 < m < x1:
            if out and abs(out[-1][1] - a) < 0.01:
                out[-1][1], out[-1][2] = b, out[-1][2] or crossing > 0
            else:
                out.append([a, b, crossing > 0])

    # a river parts two columns: text on either side of it in a few broken rows (a title starting
    # left of the indented row labels leaves a white band at the edge that parts nothing)
    def parts(a: float, b: float) -> bool:
        return (sum(any(p[1] <= a + 0.5 for p in ps) for ps in broken) >= 2 and
                sum(any(p[0] >= b - 0.5 for p in ps) for ps in broken) >= 2)
    # a title over two columns crosses their river and parts it from the slivers its ends leave
    # beside the columns' own titles: rivers a row crosses, less than an em apart with no text
    # of their own between them (a column of narrow figures), are one
    def column_between(a: float, b: float) -> bool:
        return any(a - 0.5 <= p[0] and p[1] <= b + 0.5 for ps in broken for p in ps)
    joined: list[list] = []
    for r in out:
        if (joined and (r[2] or joined[-1][2]) and r[0] - joined[-1][1] < em
                and not column_between(joined[-1][1], r[0])):
            joined[-1][1], joined[-1][2] = r[1], True
        else:
            joined.append(r)
    return [(a, b) for a, b, _ in joined if b - a >= 2.0 and parts(a, b)]


def _placed(words: list[Piece], size: float, bounds: list[float]) -> tuple[list[list[str]], list[int]]:
    """A text row's pieces put in the columns: texts per column, and per column the column whose
    cell covers it (itself, or the one a spanning piece starts in)."""
    ncols = len(bounds) - 1
    cells: list[list[str]] = [[] for _ in range(ncols)]
    span = list(range(ncols))
    for x0, x1, text in _pieces(words, size, _CELL_GAP):
        first = next(k for k in range(ncols) if x0 < bounds[k + 1] or k == ncols - 1)
        last = max([first] + [k for k in range(ncols) if x1 > bounds[k] + 1])
        cells[first].append(text)
        for k in range(first + 1, last + 1):
            if not cells[k]:
                span[k] = first
    return cells, span


def _righe(rows, block: list[int], bounds: list[float], bold: list[bool]) -> list[Riga]:
    """The block's text rows put in the columns `bounds` part (words outside them left out)."""
    lo, hi = bounds[0], bounds[-1]
    out = []
    for i in block:
        top, bottom, size, words = rows[i]
        words = [w for w in words if lo <= (w[0] + w[1]) / 2 <= hi]
        if words:
            out.append(Riga(top, bottom, size, bold[i], *_placed(words, size, bounds)))
    return out


def _table(page: int, rows, block: list[int], rivers, lo: float, hi: float, bold: list[bool],
           rules: list[float] = ()) -> Table | None:
    """The table of the block's rows in the columns the rivers leave, its text rows joined into
    rows (tabelle_righe); `rules`: the y of rules drawn across it."""
    bounds = [lo] + [(a + b) / 2 for a, b in rivers] + [hi]
    righe = _righe(rows, block, bounds, bold)
    grid = griglia(righe, bounds, rules)
    if len(grid) < 2 or len(bounds) < 3:
        return None
    return Table(page, (lo, righe[0].top, hi, max(r.bottom for r in righe)), grid)


def _bold(p: Page, rows) -> list[bool]:
    """Per text row, whether most of its words are set bold (the page's lines looked up by their
    middle height, as each row asks for the lines at its own)."""
    by_mid = sorted(((ln.top + ln.bottom) / 2, k) for k, ln in enumerate(p.lines))
    mids = [m for m, _ in by_mid]
    out = []
    for top, bottom, _, words in rows:
        ws = set(words)
        n = b = 0
        for _, k in by_mid[bisect_left(mids, top - 1):bisect_right(mids, bottom + 1)]:
            ln = p.lines[k]
            k = sum(w in ws for w in ln.words)
            n, b = n + k, b + (k if ln.bold else 0)
        out.append(n > 0 and 2 * b > n)
    return out


def _wordy(pieces, a: float, b: float) -> bool:
    """Most of the block's text between x=a and x=b is words (a label column), not figures."""
    texts = [q[2] for ps in pieces for q in ps if a <= (q[0] + q[1]) / 2 <= b]
    worded = [t for t in texts if sum(ch.isalpha() for ch in t) > sum(ch.isdigit() for ch in t)]
    return bool(texts) and len(worded) >= 0.6 * len(texts)


def _sides(pieces, rivers, lo, hi) -> list[tuple[float, float]]:
    """The block's x-extents: one, or two when the widest river, crossed by no row, splits it
    into halves with columns of their own (two tables side by side): far wider than the other
    gaps, or wider and followed by a column of labels where a column of figures ends the left."""
    if len(rivers) >= 3:
        widths = [b - a for a, b in rivers]
        k = max(range(len(rivers)), key=lambda j: widths[j])
        others = widths[:k] + widths[k + 1:]
        a, b = rivers[k]
        clean = not any(p[0] < (a + b) / 2 < p[1] for ps in pieces for p in ps)
        if clean and 0 < k < len(rivers) - 1:
            restarts = (_wordy(pieces, rivers[k][1], rivers[k + 1][0]) and
                        not _wordy(pieces, rivers[k - 1][1], rivers[k][0]))
            if widths[k] > 2.5 * median(others) or (restarts and widths[k] > 1.5 * median(others)):
                return [(lo, a), (b, hi)]
    return [(lo, hi)]


def _inside(ln: Line, box) -> bool:
    x, y = (ln.x0 + ln.x1) / 2, (ln.top + ln.bottom) / 2
    return box[0] - 1 <= x <= box[2] + 1 and box[1] - 1 <= y <= box[3] + 1


def _cuts_words(t: Table, rows) -> bool:
    """A word across a cell's inner edge: the rules are not where the columns are."""
    edges = {round(c.x1, 1): (c.top, c.bottom) for r in t.rows for c in r if c and c.x1 < t.bbox[2] - 2}
    for tp, bt, _, ws in rows:       # per row, only the edges at its height
        mid = (tp + bt) / 2
        near = [x for x, (top, bottom) in edges.items() if top <= mid <= bottom]
        if near and any(w[0] < x - 2 and w[1] > x + 2 for w in ws for x in near):
            return True
    return False


def _wrapped(held: list[dict[int, str]]) -> bool:
    """The cells' lines after their first go on in lower case, most of them: each cell's text
    wrapped at the same heights (titles side by side), not rows one per line."""
    after = [v for h in held for k, v in sorted(h.items())[1:] if v[:1].isalpha()]
    return bool(after) and 2 * sum(v[:1].islower() for v in after) > len(after)


def _fused(t: Table, rows) -> bool:
    """Rules missing or misplaced inside a ruled table: a word runs across a cell's inner edge,
    one of its cells holds a text row broken by a column gap (figures of two columns, a label and its value), or a row's cells hold text rows
    at the same heights: all the same three or more, or figures one per line (rows no rule
    parts)."""
    def lines_of(c: Cell) -> dict[int, str]:
        return {round(tp): ' '.join(w[2] for w in ws if c.x0 - 1 <= (w[0] + w[1]) / 2 <= c.x1 + 1)
                for tp, bt, _, ws in rows if c.top <= (tp + bt) / 2 <= c.bottom}

    def figures(texts) -> bool:
        return all(sum(ch.isdigit() for ch in x) > sum(ch.isalpha() for ch in x) for x in texts)
    if _cuts_words(t, rows):
        return True
    def digits_wrapped(c: Cell, h: dict[int, str]) -> bool:
        # a number too wide for its narrow column wraps digit by digit ('1' over '0' is ten)
        size = median([r[2] for r in rows if c.top <= (r[0] + r[1]) / 2 <= c.bottom] or [9.0])
        return all(len(v.strip()) == 1 for v in h.values()) and c.x1 - c.x0 < (len(h) + 1) * size
    for r in t.rows:
        cells = [c for c in r if c and c.text]
        held = [{k: v for k, v in lines_of(c).items() if v} for c in cells]
        if len(held) >= 2 and len(held[0]) >= 3 and all(h.keys() == held[0].keys() for h in held) \
                and not _wrapped(held):
            return True
        # figures stacked in a cell, each on a line of another cell: rows the rules missed
        if any(len(h) >= 2 and figures(h.values()) and not digits_wrapped(c, h)
               and any(set(h) <= set(o) for o in held if o is not h) for c, h in zip(cells, held)):
            return True
        for c in r:
            if c is None:
                continue
            for top, bottom, size, words in rows:
                if not c.top <= (top + bottom) / 2 <= c.bottom:
                    continue
                inner = [w for w in words if c.x0 - 1 <= (w[0] + w[1]) / 2 <= c.x1 + 1]
                pieces = _pieces(inner, size)
                # '3.   Potenziare ...': a numbered item's tab inside one cell, no column gap
                listed = len(pieces) == 2 and _LIST_NUMBER.fullmatch(pieces[0][2])
                if len(pieces) >= 2 and not listed and not _justified(inner):
                    return True
    return False


def reread(p: Page, t: Table) -> list[Table]:
    """A ruled table read again from its text when its rules leave columns fused, or when text
    in its box went into no cell (a header-led table whose rows the page's text columns cut):
    the runs of broken rows inside it, each with its own columns (a frame round a page holds
    prose too)."""
    inside = [ln for ln in p.lines if not ln.furniture and ln.words and _inside(ln, t.bbox)]
    rows = _rows(inside, _prose_columns(p))
    # text in its box the table took no cell for: columns a header-led table lost
    unread = sum(not ln.in_table for ln in inside) >= _MIN_ROWS
    if len(rows) < 2 or not (unread or _fused(t, rows)) or _same_columns(t, _whole(p, t, rows)):
        return [t]
    out = _read(p, rows)
    # the text shows more columns, or the same ones with its words in other cells; but a label |
    # content card whose labels are set with wide word spaces is no run of tables of its columns
    pieces = len(out) > 1 and max(r.ncols for r in out) <= t.ncols
    if not out or (pieces and not unread and not _cuts_words(t, rows)):
        return [t]
    return out


def _same_columns(t: Table, w: Table | None) -> bool:
    """The table is its text's own reading (one text_columns made already)."""
    return w is not None and w.texts() == t.texts()


def _rule_ys(t: Table) -> list[float]:
    """The y of a ruled table's rules: its rows' edges, when each row starts where a cell of the
    one above ends (a title spanning two rows ends lower than the titles beside it; a
    header-led table's rows, read from text, leave white between them)."""
    rows = [r for r in t.rows if any(r)]
    tops = [min(c.top for c in r if c) for r in rows]
    if not all(any(abs(c.bottom - top) <= 1 for c in r if c) for r, top in zip(rows, tops[1:])):
        return []
    return sorted(set(tops) | {c.bottom for r in rows for c in r if c})


def _whole(p: Page, t: Table, rows) -> Table | None:
    """The table's box read as one table in the columns its text shows: all its text rows, the
    wrapped lines of a cell (unbroken) and the column titles included."""
    pieces = [_pieces(r[3], r[2], _CELL_GAP) for r in rows]
    rivers = _rivers(pieces, median(r[2] for r in rows))
    if not rivers or sum(len(ps) >= 2 for ps in pieces) < _MIN_ROWS:
        return None
    lo = min(ps[0][0] for ps in pieces) - 1
    hi = max(ps[-1][1] for ps in pieces) + 1
    return _table(p.number, rows, list(range(len(rows))), rivers, lo, hi, _bold(p, rows), _rule_ys(t))


def text_columns(p: Page) -> None:
    """The page's ruled and header-led tables whose rules (or titles) leave columns fused, read
    again as one table in the columns their text shows, when that finds more columns: its text
    lines joined into rows, the column titles kept as header rows."""
    prose = _prose_columns(p)
    out = []
    for t in p.tables:
        inside = [ln for ln in p.lines if not ln.furniture and ln.words and _inside(ln, t.bbox)]
        rows = _rows(inside, prose)
        unread = sum(not ln.in_table for ln in inside) >= _MIN_ROWS
        bold = _bold(p, rows)
        # only under column titles set apart (bold over plain): a table's own columns, not a
        # frame's prose or a figure's labels, which the runs of broken rows read apart
        titled = bool(bold) and bold[0] and not all(bold)
        # a grid of three or more ruled columns is pdfplumber's (layout splits its fused cells);
        # a label | content frame of horizontal rules, or a header-led table, is read here
        gridded = t.ncols > 2 and bool(_rule_ys(t))
        if len(rows) >= 2 and titled and not gridded and (unread or _fused(t, rows)):
            w = _whole(p, t, rows)
            # a part of its box with columns the whole does not show holds prose and a table
            if w is not None and w.ncols > t.ncols and all(w.ncols >= r.ncols for r in _read(p, rows)):
                w.bbox = (min(w.bbox[0], t.bbox[0]), min(w.bbox[1], t.bbox[1]),
                          max(w.bbox[2], t.bbox[2]), max(w.bbox[3], t.bbox[3]))
                for ln in inside:
                    ln.in_table = True
                t = w
        out.append(t)
    p.tables = out


def table_layer(p: Page) -> list[Table]:
    """Every table of the page: the ruled and header-led ones (re-read where their rules fuse
    columns) and those only white space draws, top to bottom."""
    tables = [r for t in p.tables for r in reread(p, t)]
    return sorted(tables + stream_tables(p, tables), key=lambda t: t.bbox[1])


def stream_tables(p: Page, tables: list[Table]) -> list[Table]:
    """The tables of the page that only white space draws, outside `tables`."""
    # a ruled or header-led table's box is its own, read again from all its text if need be,
    # lines of it the table took no cell for (another text column's) included
    lines = [ln for ln in p.lines if not ln.in_table and not ln.furniture and ln.words
             and not any(_inside(ln, t.bbox) for t in tables)]
    return _read(p, _rows(lines, _prose_columns(p)))


def set_table_layer(p: Page, prev: Page | None = None) -> None:
    """The page's tables become its table layer; the lines inside them are the tables' own.
    A few text rows that carry on a table in its columns -- under it, or at the head of the page
    after the one it ends at the foot of (`prev`) -- are its rows: a table whose rules stop
    where its header does (booktabs broken over a page) leaves its body to the text."""
    p.tables = table_layer(p)
    _carry_on(p, prev)
    _repeated_header(p, prev)
    for ln in p.lines:
        if not ln.furniture and not ln.in_table and any(_inside(ln, t.bbox) for t in p.tables):
            ln.in_table = True


def _last_table(prev: Page | None) -> Table | None:
    """The previous page's last table, when nothing but furniture follows it there."""
    if prev is None or not prev.tables:
        return None
    last = prev.tables[-1]
    return None if any(ln.top > last.bbox[3] + 2 for ln in prev.lines if not ln.furniture and ln.words) else last


def _repeated_header(p: Page, prev: Page | None) -> None:
    """The page's first table opens with the column titles of the table the previous page ends
    with: that table carried on, read again in its columns when its own text showed fewer (a
    record or two under the repeated titles leave the white between two columns crossed)."""
    foot = _last_table(prev)
    if foot is None or not p.tables:
        return
    t = p.tables[0]
    if t.ncols >= foot.ncols or any(ln.bottom < t.bbox[1] - 1 for ln in p.lines if not ln.furniture and ln.words):
        return
    said = set(fold(' '.join(c.text for c in foot.rows[0] if c)).split())
    opens = set(fold(' '.join(c.text for c in t.rows[0] if c)).split())
    if not said or len(said & opens) < 0.8 * len(said):
        return
    inside = [ln for ln in p.lines if not ln.furniture and ln.words and _inside(ln, t.bbox)]
    rows = _rows(inside)
    widest = max(foot.rows, key=lambda r: sum(c is not None for c in r))
    bounds = [c.x0 for c in widest if c is not None] + [foot.bbox[2]]
    righe = _righe(rows, list(range(len(rows))), bounds, _bold(p, rows))
    grid = griglia(righe, bounds, _rule_ys(t)) if righe else []
    if len(grid) >= 2 and max(len(r) for r in grid) == foot.ncols:
        p.tables[0] = Table(p.number, (bounds[0], t.bbox[1], bounds[-1], t.bbox[3]), grid)


def _carry_on(p: Page, prev: Page | None) -> None:
    lines = [ln for ln in p.lines if not ln.in_table and not ln.furniture and ln.words
             and not any(_inside(ln, t.bbox) for t in p.tables)]
    rows = _rows(lines, _prose_columns(p))
    if not rows:
        return
    bold = _bold(p, rows)
    content = [ln for ln in p.lines if not ln.furniture and ln.words]
    foot = _last_table(prev)
    for block in _blocks(rows, 1):
        top, bottom = rows[block[0]][0], rows[block[-1]][1]
        height = max(rows[block[0]][1] - rows[block[0]][0], 1.0)
        above = [t for t in p.tables if t.bbox[3] <= top + 1 and top - t.bbox[3] <= 2 * height
                 and not any(t.bbox[3] + 1 < ln.top < top - 1 for ln in content)]
        guide = above[-1] if above else foot if foot is not None and not any(
            ln.bottom < top - 1 for ln in content) else None
        if guide is None:
            continue
        if guide in p.tables:
            # under it on the page: the table and these rows read again as one, in the columns
            # their text shows (the rules that stop at the header may have fused some)
            inside = [ln for ln in content if _inside(ln, guide.bbox)]
            starts = [q[0] for r in _rows(inside) for q in _pieces(r[3], r[2], _CELL_GAP)]
            mine = [q[0] for i in block for q in _pieces(rows[i][3], rows[i][2], _CELL_GAP)]
            if sum(any(abs(x - s) <= 4 for s in starts) for x in mine) < 0.8 * len(mine):
                continue
            both = _rows(inside + [ln for ln in lines if top - 1 <= ln.top <= bottom + 1])
            w = _whole(p, guide, both)
            if w is not None and w.ncols >= guide.ncols:
                p.tables[p.tables.index(guide)] = w
            continue
        t = _in_columns(p.number, rows, block, guide, bold)
        if t is not None:
            p.tables.append(t)
            p.tables.sort(key=lambda x: x.bbox[1])


def _in_columns(page: int, rows, block: list[int], guide: Table, bold: list[bool]) -> Table | None:
    """The block's rows in the columns of `guide`, when its pieces fall each within one of them
    (two columns at least); else None."""
    widest = max(guide.rows, key=lambda r: sum(c is not None for c in r))
    bounds = [c.x0 for c in widest if c is not None] + [guide.bbox[2]]
    if len(bounds) < 3:
        return None
    pieces = [q for i in block for q in _pieces(rows[i][3], rows[i][2], _CELL_GAP)]
    within = [j for q in pieces for j in range(len(bounds) - 1)
              if bounds[j] - 2 <= q[0] and q[1] <= bounds[j + 1] + 2]
    if len(set(within)) < 2 or len(within) < 0.8 * len(pieces):
        return None
    righe = _righe(rows, block, bounds, bold)
    grid = griglia(righe, bounds, (), titles=False)
    if not grid:
        return None
    return Table(page, (bounds[0], righe[0].top, bounds[-1], max(r.bottom for r in righe)), grid)


def _read(p: Page, rows) -> list[Table]:
    out = []
    bold = _bold(p, rows)
    for block in _blocks(rows):
        pieces = [_pieces(rows[i][3], rows[i][2], _CELL_GAP) for i in block]
        lo = min(ps[0][0] for ps in pieces) - 1
        hi = max(ps[-1][1] for ps in pieces) + 1
        rivers = _rivers(pieces, median(rows[i][2] for i in block))
        if not rivers:
            continue
        for a, b in _sides(pieces, rivers, lo, hi):
            sub = [r for r in rivers if a < r[0] and r[1] < b]
            side = [[q for q in ps if a <= (q[0] + q[1]) / 2 <= b] for ps in pieces]
            if sum(len(ps) >= 2 for ps in side) < _MIN_ROWS:
                continue
            t = _table(p.number, rows, block, sub, a, b, bold)
            if t is not None:
                out.append(t)
    return out
