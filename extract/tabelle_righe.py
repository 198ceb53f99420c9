"""The rows of a table read from its text lines, once its columns are known: the text lines of one
logical row joined, the column titles kept as header rows with their merged cells.

Where no rule parts the rows (booktabs draws one over the titles, one under them and one at the
foot; some tables none at all), a cell's wrapped lines are only text lines under each other. A
row starts where its key column -- the first, a number or a title -- has text after a gap wider
than the lines of one cell leave, or at a rule; the lines up to the next such start are its
cells' lines. Cells that all wrap, the key column's too, are parted by the white between rows and
where a column takes up again after its cell ended (`wrapped_starts`, which the header-led reader
uses too). Tables set tight, a line per row, keep a row per line (a label going on in lower case
joins the one above).

The column titles (set bold, or above the rule under them) keep their levels: a title over
titles of its own ('Risultati attesi' over 'I anno' | 'Valore atteso') is one cell spanning the
columns whose titles stand under it, with None in the places it covers, as pdfplumber leaves a
ruled table's merged cells (intestazioni.header_paths reads either the same way); a title with
nothing under it covers its column down to the body (None below it)."""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from .layout import Cell
from .text import is_mark

_NEW_LEVEL = 0.45        # ems of white between two titles of one column: a level below
_WIDE = 0.25             # ems more than the lines of one cell leave: the gap before a new row
_PADDED = 0.6            # share of the key column's lines after a wide gap in a padded table
_WRAPPING = 0.3          # share of lines going on in lower case in a table of wrapped cells
_MAX_TITLE_ROWS = 8      # text rows of column titles


@dataclass
class Riga:
    """A text row put in the table's columns."""
    top: float
    bottom: float
    size: float
    bold: bool
    cells: list[list[str]]       # per column, the texts starting in it
    span: list[int]              # per column, the column whose text covers it (itself if none)


def griglia(righe: list[Riga], bounds: list[float], rules: list[float] = (),
            titles: bool = True) -> list[list[Cell | None]]:
    """The table's rows from its text rows (top to bottom) in the columns `bounds` part, with the
    y of the rules drawn across it (none for a table only white space draws); `titles`: its
    first rows may be column titles (not in a table's rows carried on under its header)."""
    n = _title_rows(righe, rules) if titles else 0
    return _titles(righe[:n], bounds) + _body(righe[n:], bounds, rules)


def _between(rules, a: Riga, b: Riga) -> bool:
    return any(a.bottom - 1 <= y <= b.top + 1 for y in rules)


def _title_rows(righe: list[Riga], rules) -> int:
    """How many text rows hold the column titles: the bold ones the table opens with, when plain
    ones follow; else those above the one rule drawn inside the table (booktabs' rule under the
    titles -- rules under every row part records, not titles); else those before the first row
    with text in the first column (a stub's title is blank)."""
    bold = 0
    while bold < len(righe) and righe[bold].bold:
        bold += 1
    if 0 < bold < len(righe) and bold <= _MAX_TITLE_ROWS:
        return bold
    inner = [k for k in range(1, len(righe)) if _between(rules, righe[k - 1], righe[k])]
    if len(inner) == 1 and inner[0] <= _MAX_TITLE_ROWS and len(righe) - inner[0] >= 2:
        return inner[0]
    k = 0
    while k < min(len(righe), _MAX_TITLE_ROWS) and not righe[k].cells[0]:
        k += 1
    return k if k < len(righe) else 0


# ---------------------------------------------------------------- column titles
@dataclass
class _Pila:
    """A column's title lines under each other: one title."""
    col: int
    end: int                     # last column it covers
    top: float
    bottom: float
    texts: list[str]
    level: int = 0


def _pile(righe: list[Riga], ncols: int) -> list[_Pila]:
    """Each column's titles: runs of text rows with text in it (or a title from its left running
    over it), a run ending at a row it has no text in or at a white gap wider than a line's."""
    out: list[_Pila] = []
    for c in range(ncols):
        cur: _Pila | None = None
        prev: Riga | None = None
        for r in righe:
            own, covered = bool(r.cells[c]), r.span[c] != c and not r.cells[c]
            if not (own or covered):
                cur = None
            else:
                gap = prev is not None and r.top - prev.bottom > _NEW_LEVEL * r.size
                if cur is None or gap or (covered and cur.col == c) or (own and cur.col != c):
                    cur = _Pila(c if own else r.span[c], c, r.top, r.bottom, [])
                    if own:
                        out.append(cur)
                cur.bottom = r.bottom
                if own:
                    cur.texts.append(' '.join(r.cells[c]))
                    cur.end = max([c] + [k for k in range(c + 1, ncols) if r.span[k] == c and not r.cells[k]])
            prev = r
    return out


def _titles(righe: list[Riga], bounds: list[float]) -> list[list[Cell | None]]:
    """The header rows: a level for each title standing under another one in its column."""
    if not righe:
        return []
    ncols = len(bounds) - 1
    pile = _pile(righe, ncols)
    size = median(r.size for r in righe)
    firsts = {}
    for p in pile:
        firsts.setdefault(p.col, p)
    starts: list[float] = [righe[0].top]
    for t in sorted(p.top for p in pile if firsts[p.col] is not p):
        if t - starts[-1] > _NEW_LEVEL * size:
            starts.append(t)
    for p in pile:
        p.level = max(k for k, s in enumerate(starts) if s <= p.top + _NEW_LEVEL * size)
    bottom = righe[-1].bottom
    grid: list[list[Cell | None]] = []
    at: dict[tuple[int, int], _Pila] = {(p.level, p.col): p for p in pile}
    covered = {(p.level, k) for p in pile for k in range(p.col + 1, p.end + 1)}
    # a title over titles of its own spans the columns right of it that have a title only below
    for p in sorted(pile, key=lambda p: (p.level, p.col)):
        if not any(q.col == p.col and q.level > p.level for q in pile):
            continue
        k = p.end + 1
        while (k < ncols and (p.level, k) not in at and (p.level, k) not in covered
               and not any(q.col == k and q.level < p.level for q in pile)
               and any(q.col == k and q.level > p.level for q in pile)):
            covered.add((p.level, k))
            p.end = k
            k += 1
    for lv, top in enumerate(starts):
        row: list[Cell | None] = []
        for c in range(ncols):
            p = at.get((lv, c))
            if p is not None:
                below = any(q.level > lv and p.col <= q.col <= p.end for q in pile)
                end = starts[lv + 1] if below and lv + 1 < len(starts) else bottom
                row.append(Cell('\n'.join(p.texts), bounds[c], top, bounds[p.end + 1], end))
            elif (lv, c) in covered or any(q.col == c and q.level < lv for q in pile) or \
                    any((k, c) in covered and not any(q.col == c and q.level > k for q in pile) for k in range(lv)):
                row.append(None)
            else:
                end = starts[lv + 1] if lv + 1 < len(starts) else bottom
                row.append(Cell('', bounds[c], top, bounds[c + 1], end))
        grid.append(row)
    return grid


# ---------------------------------------------------------------- body
def _continues(prev: Riga, cur: Riga) -> bool:
    """In a table set a line per row: a line with text in one column only, going on in lower
    case under text of that column, carries on the cell above."""
    filled = [k for k, c in enumerate(cur.cells) if c]
    return len(filled) == 1 and bool(prev.cells[filled[0]]) and cur.cells[filled[0]][0][:1].islower()


def _figures(r: Riga) -> bool:
    """A line of figures across the columns: a row of its own (figures do not wrap)."""
    return _figures_in([' '.join(c) for c in r.cells])


_NOT_GIVEN = {'na', 'n/a', 'n.a.', 'nd', 'n.d.', 'nr', 'n.r.', '-', '–', '—', '/'}    # a figure's place


def _figures_in(texts: list[str]) -> bool:
    texts = [t for t in texts if t]
    nums = [t for t in texts if sum(ch.isdigit() for ch in t) > sum(ch.isalpha() for ch in t)
            or t.strip().lower() in _NOT_GIVEN]
    return len(texts) >= 2 and 2 * len(nums) > len(texts)


def wrapped_starts(cells: list[list[str]], wide: list[bool]) -> list[bool] | None:
    """Where the rows start in a table whose cells wrap, the key column's too -- its lines going
    on in lower case say so, or running on alone under its cells (twice at least), or the lines
    of all columns going on in lower case with white between the rows: after a wide
    gap, and where a column takes up again after its cell ended (a row's cells all start on its
    first line). `cells[k][j]`: line k's text in column j ('' for none); `wide[k]`: a wide gap
    stands above line k. None when the cells do not wrap so (a line per row, or figures)."""
    n = len(cells)
    between = [k for k in range(1, n) if not wide[k]]
    keyed = [k for k in range(1, n) if cells[k][0]]
    if sum(_figures_in(cells[k]) for k in between) > (1 - _PADDED) * len(between):
        return None
    # the key column runs on alone, under a key cell, in lines nothing else is on -- and no
    # values come after such a line without their key (cells set low beside a label, not wrapped)
    alone = [k for k in range(1, n) if cells[k][0] and not any(cells[k][1:])]
    runs_on = [k for k in alone if not wide[k] and cells[k - 1][0]]
    lagging = any(k + 1 < n and not cells[k + 1][0] and any(cells[k + 1][1:]) for k in alone)
    if not (_wrapping([cells[k][0] for k in keyed if not wide[k]]) or (len(runs_on) >= 2 and not lagging)
            or (any(wide[k] for k in keyed) and _wrapping([c for k in between for c in cells[k] if c]))):
        return None
    out, ended = [True], set()        # ended: the columns whose cell in this row has ended
    for k in range(1, n):
        new = ((wide[k] and (bool(cells[k][0]) or sum(bool(c) for c in cells[k]) >= 2))
               or any(cells[k][j] for j in ended))
        ended = set() if new else ended | {j for j, c in enumerate(cells[k - 1]) if c and not cells[k][j]}
        out.append(new)
    return out


def _wrapping(cell_texts: list[str]) -> bool:
    """Many of the cells' lines set close under another go on in lower case: wrapped text, not
    a line per row."""
    firsts = [t for t in cell_texts if t[:1].isalpha()]
    return len(firsts) >= 3 and sum(t[:1].islower() for t in firsts) >= _WRAPPING * len(firsts)


def _starts(righe: list[Riga], rules) -> list[bool]:
    """For each text row, whether a row of the table starts at it: at a rule, where rules part
    the rows; in a table whose rows stand apart (the key column's lines mostly after a wide gap,
    the lines between them words), after a wide gap where the key column or two cells have text,
    or where the key column has text in as many cells as the row's first line; else at every
    line but a label going on in lower case."""
    if not righe:
        return []
    gaps = [b.top - a.bottom for a, b in zip(righe, righe[1:])]
    inner = sorted(gaps)[len(gaps) // 5] if gaps else 0.0

    def wide(k: int) -> bool:
        return gaps[k - 1] > inner + _WIDE * righe[k].size

    def filled(r: Riga) -> int:
        return sum(bool(c) for c in r.cells)
    keyed = [k for k in range(1, len(righe)) if righe[k].cells[0]]
    between = [k for k in range(1, len(righe)) if not wide(k)]
    # rules part the records when one stands above each line the key column starts
    ruled_at = [k for k in range(1, len(righe)) if _between(rules, righe[k - 1], righe[k])]
    ruled = bool(ruled_at) and all(k in ruled_at for k in keyed)
    few_figures = sum(_figures(righe[k]) for k in between) <= (1 - _PADDED) * len(between)
    padded = (not ruled and bool(keyed) and sum(wide(k) for k in keyed) >= _PADDED * len(keyed)
              and few_figures)
    wrapped = None if ruled or padded else wrapped_starts(
        [[c[0] if c else '' for c in r.cells] for r in righe], [False] + [wide(k) for k in range(1, len(righe))])
    out = [True]
    first = righe[0]
    for k in range(1, len(righe)):
        prev, cur = righe[k - 1], righe[k]
        if ruled:
            new = _between(rules, prev, cur)
        elif not keyed and righe[0].cells[0]:
            new = _figures(cur)          # one record (a page's last): its lines are its cells'
        elif padded:
            new = ((wide(k) and (bool(cur.cells[0]) or filled(cur) >= 2))
                   or (bool(cur.cells[0]) and filled(cur) >= filled(first)))
        elif wrapped is not None:
            new = wrapped[k]
        else:
            new = not _continues(prev, cur)
        new = new or k in ruled_at
        first = cur if new else first
        out.append(new)
    return out




def _marks_joined(r: Riga) -> None:
    """A lone mark set just left of a line of the next column marks that line ('✓  No', the
    options listed one per line beside a column of marks): the two are one text, as where the
    mark is set inside the cell."""
    for j in range(len(r.cells) - 1):
        if len(r.cells[j]) == 1 and is_mark(r.cells[j][0]) and r.cells[j + 1]:
            r.cells[j + 1][0] = f'{r.cells[j][0]} {r.cells[j + 1][0]}'
            r.cells[j] = []


def _body(righe: list[Riga], bounds: list[float], rules) -> list[list[Cell | None]]:
    ncols = len(bounds) - 1
    for r in righe:
        _marks_joined(r)
    groups: list[list[Riga]] = []
    for r, new in zip(righe, _starts(righe, rules)):
        if new or not groups:
            groups.append([r])
        else:
            groups[-1].append(r)
    grid: list[list[Cell | None]] = []
    for g in groups:
        texts = [[' '.join(r.cells[k]) for r in g if r.cells[k]] for k in range(ncols)]
        span = g[0].span
        top, bottom = g[0].top, max(r.bottom for r in g)
        row: list[Cell | None] = []
        for k in range(ncols):
            if span[k] != k and not texts[k]:
                row.append(None)
                continue
            end = k
            while end + 1 < ncols and span[end + 1] == k and not texts[end + 1]:
                end += 1
            row.append(Cell('\n'.join(texts[k]), bounds[k], top, bounds[end + 1], bottom))
        grid.append(row)
    return grid
