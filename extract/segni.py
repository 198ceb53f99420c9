"""Marks set under option titles: 'SI   NO   IN PARTE' over a column whose cells below hold a
lone mark each (✓, x, ■) under the option it chooses. Where no rule parts the options (booktabs,
rules-only or white-space tables, a merged title cell) the table layer gives the titles as one
cell and each mark as the column's whole cell; the mark's option is then only in its position.
The column is split at the titles: one column per option, the titles a header row, each mark in
the column it stands under, and every other cell of that column spanning the new columns (None
in the places it covers, as a merged cell of a ruled table)."""
from __future__ import annotations

from .layout import Cell, Line, Page, Table
from .text import is_mark

_TITLE_GAP = 1.5       # ems of white between two option titles (words of one title are closer)
_TITLE_WORDS = 3       # words of one option title at most ('IN PARTE', 'non so')


def _words_in(lines: list[Line], c: Cell) -> list[tuple[float, float, str, float]]:
    """(x0, x1, text, size) of the words whose middle lies inside the cell."""
    return [(x0, x1, t, ln.size) for ln in lines if c.top - 1 <= (ln.top + ln.bottom) / 2 <= c.bottom + 1
            for x0, x1, t in ln.words if c.x0 - 1 <= (x0 + x1) / 2 <= c.x1 + 1]


def _titles(lines: list[Line], c: Cell) -> list[tuple[float, float, str]] | None:
    """The option titles of a cell set on one line, far apart: two or more, each a word or
    three; None when the cell is no such row of titles."""
    words = sorted(_words_in(lines, c))
    if len(words) < 2 or '\n' in c.text:
        return None
    out: list[list] = []
    for x0, x1, t, size in words:
        if out and x0 - out[-1][1] < _TITLE_GAP * size:
            out[-1][1], out[-1][2] = x1, f'{out[-1][2]} {t}'
        else:
            out.append([x0, x1, t])
    if len(out) < 2 or any(len(t.split()) > _TITLE_WORDS or any(ch.isdigit() for ch in t) for _, _, t in out):
        return None
    return [(a, b, t) for a, b, t in out]


def _mark_x(lines: list[Line], c: Cell) -> float | None:
    ws = [(x0 + x1) / 2 for x0, x1, t, _ in _words_in(lines, c) if is_mark(t)]
    return ws[0] if len(ws) == 1 else None


def _split(t: Table, j: int, first: int, last: int, titles, lines: list[Line]) -> dict[int, list[Cell | None]]:
    """Rows first..last (the titles' row and the marks under it) with column j in one column per
    option; {} when a mark's place cannot be told (no single mark among the cell's words)."""
    c0 = t.rows[first][j]
    bounds = [c0.x0] + [(a[1] + b[0]) / 2 for a, b in zip(titles, titles[1:])] + [c0.x1]
    n = len(titles)
    out: dict[int, list[Cell | None]] = {}
    for i in range(first, last + 1):
        c = t.rows[i][j] if j < len(t.rows[i]) else None
        if c is None:
            out[i] = [None] * n
        elif i == first:
            out[i] = [Cell(txt, bounds[k], c.top, bounds[k + 1], c.bottom, c.fill, c.ink)
                      for k, (_, _, txt) in enumerate(titles)]
        elif is_mark(c.text.strip()):
            x = _mark_x(lines, c)
            if x is None:
                return {}
            k = min(range(n), key=lambda k: 0 if bounds[k] <= x < bounds[k + 1] else
                    min(abs(x - bounds[k]), abs(x - bounds[k + 1])))
            out[i] = [Cell(c.text.strip(), bounds[m], c.top, bounds[m + 1], c.bottom, c.fill, c.ink)
                      if m == k else Cell('', bounds[m], c.top, bounds[m + 1], c.bottom, c.fill) for m in range(n)]
        else:
            out[i] = [c] + [None] * (n - 1)      # text over all the options' columns
    return out


def _titles_over(p: Page, lines: list[Line]) -> None:
    """A table of one row of option titles right over a table whose last column holds marks
    (a rule drawn under the titles made two tables of one): the titles become the lower table's
    first row, over its last column."""
    k = 0
    while k + 1 < len(p.tables):
        a, b = p.tables[k], p.tables[k + 1]
        last = b.ncols - 1
        col = next((r[last] for r in b.rows if len(r) > last and r[last] is not None), None)
        gap = b.bbox[1] - a.bbox[3]
        if len(a.rows) == 1 and col is not None and last >= 1 and -2 <= gap <= 12 \
                and any(len(r) > last and r[last] is not None and is_mark(r[last].text.strip()) for r in b.rows):
            band = Cell(' '.join(c.text for c in a.rows[0] if c), col.x0, a.bbox[1], col.x1, a.bbox[3])
            titles = _titles(lines, band)
            # every word of the row stands over the column (nothing over the labels)
            if titles is not None and len(_words_in(lines, band)) == len(_words_in(lines, Cell('', *a.bbox))):
                b.rows.insert(0, [None] * last + [Cell(' '.join(t for _, _, t in titles), col.x0, a.bbox[1], col.x1, a.bbox[3])])
                b.bbox = (min(a.bbox[0], b.bbox[0]), a.bbox[1], max(a.bbox[2], b.bbox[2]), b.bbox[3])
                del p.tables[k]
                continue
        k += 1


def split_option_columns(p: Page) -> None:
    """Each table of the page whose column holds a row of option titles with lone marks under
    it gets that column split, one column per option (see the module's docstring)."""
    lines = [ln for ln in p.lines if ln.words]
    _titles_over(p, lines)
    for t in p.tables:
        ncols = t.ncols
        rows = [list(r) + [None] * (ncols - len(r)) for r in t.rows]
        t.rows = rows
        for j in reversed(range(ncols)):
            segments = []    # (titles row, last row under it, titles)
            for i, r in enumerate(rows):
                c = r[j]
                if c is not None and c.text.strip() and (titles := _titles(lines, c)) is not None \
                        and not any(x and x.text.strip() for x in r[j + 1:]):
                    segments.append([i, len(rows) - 1, titles])
            for a, b in zip(segments, segments[1:]):
                a[1] = b[0] - 1
            parts: dict[int, list[Cell | None]] = {}
            width = 1
            for first, last, titles in segments:
                under = [rows[i][j] for i in range(first + 1, last + 1)]
                if not any(c is not None and is_mark(c.text.strip()) for c in under):
                    continue
                got = _split(t, j, first, last, titles, lines)
                if got:
                    parts.update(got)
                    width = max(width, len(titles))
            if not parts:
                continue
            for i, r in enumerate(rows):
                piece = parts.get(i) or ([r[j]] + [None] * (width - 1))
                piece = piece + [None] * (width - len(piece))
                rows[i] = r[:j] + piece + r[j + 1:]
            ncols += width - 1
