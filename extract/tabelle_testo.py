"""Tables drawn without rules: a line of column titles (bold, in capitals or on a shaded band)
set apart by wide gaps ('n.  Voce  SI  NO  Contenuto / note') and, under it, lines whose words start in those columns. Word and
LibreOffice export such tables when the style draws no borders; the same document may draw the
same table ruled on one page and unruled on the next.

The columns are where the titles start; a word belongs to the column it starts in. A row starts
where the first column has text or after a gap wider than the lines' own spacing; a line set
across a row's lines (an 'X' centred in its cell) joins the row it overlaps. The table goes on
over a page break while the next page's first lines fall in its columns, and ends at a line set
larger or bolder than its body, a ruled table, or a line that starts left of its first column.
The result is an ordinary `Table`, so every reader reads it as it reads a ruled one."""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from .layout import Cell, Line, Page, Table
from .tabelle_righe import wrapped_starts
from .tabelle_spazi import set_table_layer, text_columns

_MIN_GAP = 1.1          # ems between two column titles (a word space is a quarter of one)
_MIN_COLUMNS = 3
_MAX_TITLE = 40          # characters of one column title


@dataclass
class _Columns:
    starts: list[float]          # where each column's text may begin
    size: float                  # the body size under the titles


def _groups(ln: Line, breaks: list[float] = ()) -> list[tuple[float, float, str]]:
    """The line's words grouped where the gap between them is a column gap, or where a word
    starts at one of `breaks` (a column start the titles' next line shows)."""
    out: list[list] = []
    for x0, x1, text in ln.words:
        if out and x0 - out[-1][1] < _MIN_GAP * ln.size and not any(abs(x0 - b) <= 2 for b in breaks):
            out[-1][1], out[-1][2] = x1, f'{out[-1][2]} {text}'
        else:
            out.append([x0, x1, text])
    return [(a, b, t) for a, b, t in out]


def _set_as_header(ln: Line, p: Page) -> bool:
    """Column titles stand out: bold, in capitals, or on a shaded band (a header row whose
    style fills it instead of ruling it)."""
    letters = [c for c in ln.text if c.isalpha()]
    if ln.bold or (len(letters) >= 4 and all(c.isupper() for c in letters)):
        return True
    mid = (ln.top + ln.bottom) / 2
    return any(f.top <= mid <= f.bottom and f.x0 <= ln.x0 + 2 and f.x1 >= ln.x1 - 2 and min(f.rgb) < 0.95
               for f in p.fills)


def _titles(ln: Line, p: Page, nxt: Line | None = None) -> list[tuple[float, float, str]] | None:
    """The column titles of a header-styled line of short, widely spaced groups. Titles that
    fill their columns leave little white between them; where they wrap (`nxt`, the line under,
    carrying them on) the columns start where its groups do."""
    if ln.in_table or ln.furniture or not _set_as_header(ln, p):
        return None
    breaks = [g[0] for g in _groups(nxt)[1:]] if nxt is not None and _title_goes_on(ln, nxt, p) else []
    groups = _groups(ln, breaks)
    if len(groups) < _MIN_COLUMNS or any(len(t) > _MAX_TITLE or len(t.split()) > 4 for _, _, t in groups):
        return None
    return groups


def _boundaries(groups: list[tuple[float, float, str]]) -> list[float]:
    """Where each column's text may start: a little left of its title (a mark centred under 'SI'
    starts before the title does), never into the title before it."""
    starts = [groups[0][0] - 4]
    for (_, prev_x1, _), (x0, _, _) in zip(groups, groups[1:]):
        starts.append(x0 - min(6.0, (x0 - prev_x1) / 2))
    return starts


def _column_of(x0: float, starts: list[float]) -> int:
    col = 0
    for j, s in enumerate(starts):
        if x0 >= s:
            col = j
    return col


def _fits(ln: Line, cols: _Columns, first_col_x: float) -> bool:
    """A line of the table body: not a heading (no larger or bold-and-larger type), nothing
    left of the first column, and where its words pass into another column there is a column
    gap -- prose runs across the columns with word spaces."""
    if ln.size > cols.size + 0.9 or (ln.bold and ln.size > cols.size + 0.4):
        return False
    if not ln.words or ln.words[0][0] < first_col_x - 8:
        return False
    gap = 0.6 * ln.size
    return all(b[0] - a[1] >= gap for a, b in zip(ln.words, ln.words[1:])
               if _column_of(a[0], cols.starts) != _column_of(b[0], cols.starts))


def _body(lines: list[Line], start: int, cols: _Columns) -> tuple[list[Line], bool]:
    """The lines under the titles that belong to the table; True when the page ran out first
    (the table may go on over the page)."""
    taken: list[Line] = []
    for ln in lines[start:]:
        if ln.furniture:
            continue
        if ln.in_table or not _fits(ln, cols, cols.starts[0]):
            return taken, False
        if taken:
            height = max(ln.bottom - ln.top, 1.0)
            if ln.top - taken[-1].bottom > 4 * height:      # a wide empty band ends the table
                return taken, False
        taken.append(ln)
    return taken, True


def _rows(lines: list[Line], starts: list[float]) -> list[list[Line]]:
    """Lines grouped into rows: a new row where the first column has text, or after a gap wider
    than the spacing between the lines of one cell."""
    if not lines:
        return []
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:]) if b.top - a.bottom > -1]
    inner = median(gaps) if gaps else 0.0

    def wide(prev: Line, ln: Line) -> bool:
        return ln.top - prev.bottom > max(inner * 2.5, inner + 3)
    texts = [[' '.join(w[2] for w in _cells(ln, starts).get(j, [])) for j in range(len(starts))] for ln in lines]
    wrapped = wrapped_starts(texts, [False] + [wide(a, b) for a, b in zip(lines, lines[1:])])
    rows: list[list[Line]] = []
    for k, ln in enumerate(lines):
        if rows:
            prev = rows[-1][-1]
            overlaps = ln.top < prev.bottom - 1
            new = wrapped[k] if wrapped is not None else (wide(prev, ln) or bool(texts[k][0]))
            if new and wrapped is None and not wide(prev, ln) and _wraps_on(prev, ln, starts):
                new = False
            if overlaps or not new:
                rows[-1].append(ln)
                continue
        rows.append([ln])
    return rows


def _wraps_on(prev: Line, ln: Line, starts: list[float]) -> bool:
    """In a table set a line per row, a line with text in the first column only carries on the
    cell above when that cell's line was full: the line's first word would not have fitted
    after it, before the next column (a title in capitals wrapped, no lower case to say so)."""
    mine, above = _cells(ln, starts), _cells(prev, starts)
    if len(starts) < 2 or set(mine) != {0} or 0 not in above:
        return False
    first = mine[0][0]
    return above[0][-1][1] + (first[1] - first[0]) + 0.25 * ln.size > starts[1]


def _cells(ln: Line, starts: list[float]) -> dict[int, list]:
    """The line's words by the column they start in."""
    out: dict[int, list] = {}
    for w in ln.words:
        out.setdefault(_column_of(w[0], starts), []).append(w)
    return out


def _table(page: int, rows: list[list[Line]], starts: list[float], right: float) -> Table:
    ends = starts[1:] + [right]
    out_rows: list[list[Cell | None]] = []
    for row in rows:
        texts: list[list[str]] = [[] for _ in starts]
        for ln in sorted(row, key=lambda ln: ln.top):
            for j, words in _cells(ln, starts).items():
                texts[j].append(' '.join(w[2] for w in words))
        top, bottom = min(ln.top for ln in row), max(ln.bottom for ln in row)
        out_rows.append([Cell('\n'.join(t), x0, top, x1, bottom) for t, x0, x1 in zip(texts, starts, ends)])
    box = (starts[0], out_rows[0][0].top, right, out_rows[-1][0].bottom)
    return Table(page, box, out_rows)


def _ordered(p: Page) -> list[Line]:
    return sorted((ln for ln in p.lines if ln.column == 0), key=lambda ln: ln.top)


def unruled_tables(pages: list[Page]) -> None:
    """Find the tables drawn without rules and add them to their pages (their lines marked
    `in_table`), after the ruled ones and the running headers are known; then read again from
    their text the tables whose columns no rule parts (tabelle_spazi.text_columns), and add those
    only white space draws (tabelle_spazi.set_table_layer)."""
    carry: _Columns | None = None     # a table that reached the foot of the previous page
    prev: Page | None = None
    for p in pages:
        lines = _ordered(p)
        reaching: _Columns | None = None
        carry = carry or _ruled_reaching_foot(prev, p, lines)
        prev = p
        if carry is not None:
            first = next((k for k, ln in enumerate(lines) if not ln.furniture), None)
            if first is not None and not lines[first].in_table and _fits(lines[first], carry, carry.starts[0]):
                reaching = _add(p, lines, first, carry, header=None)
        for i, ln in enumerate(lines):
            if ln.in_table or (groups := _titles(ln, p, lines[i + 1] if i + 1 < len(lines) else None)) is None:
                continue
            cols = _Columns(_boundaries(groups), 0.0)
            body = [b for b in lines[i + 1:i + 6] if not b.furniture and not b.in_table]
            if not body:
                continue
            cols.size = median(b.size for b in body)
            spread = {_column_of(x0, cols.starts) for b in body for x0, _, _ in b.words}
            if len(spread) < 2 or not all(_fits(b, cols, cols.starts[0]) for b in body[:3]):
                continue
            reaching = _add(p, lines, i, cols, header=ln)
        carry = reaching
    # every table known: those whose columns their rules (or titles) fuse are read from their text
    for prev, p in zip([None, *pages], pages):
        text_columns(p)
        set_table_layer(p, prev)


def _ruled_reaching_foot(prev: Page | None, p: Page, lines: list[Line]) -> _Columns | None:
    """The columns of a ruled (or shaded) table that ends at the foot of the previous page, when
    this page opens with text beside that table's first column and draws no grid of its own: a
    cell that broke over the page with its rules or fills left behind (a borderless row longer
    than a page). Its text is then read as the table's next rows, like an unruled table's."""
    first = next((ln for ln in lines if not ln.furniture), None)
    if prev is None or not prev.tables or first is None or first.in_table or not first.words:
        return None
    last = max(prev.tables, key=lambda t: t.bbox[3])
    if any(ln.top > last.bbox[3] + 2 for ln in prev.content_lines()):
        return None                   # text after the table: it ended on its page
    widest = max(last.rows, key=lambda r: sum(c is not None for c in r))
    starts = sorted(c.x0 for c in widest if c is not None)
    if len(starts) < 2 or first.words[0][0] < starts[1] - 2 or first.x1 > last.bbox[2] + 4:
        return None                   # a line in the first column (or wider than the table) is not a carried cell
    sizes = [ln.size for ln in prev.lines if ln.in_table and last.bbox[1] - 1 <= ln.top <= last.bbox[3]]
    return _Columns(starts, median(sizes)) if sizes else None


def _title_goes_on(title: Line, ln: Line, p: Page) -> bool:
    """The next line carries on the column titles: set as they are, right under them."""
    return (_set_as_header(ln, p) and ln.bold == title.bold and abs(ln.size - title.size) < 0.5
            and ln.top - title.bottom < 0.8 * (title.bottom - title.top))


def _add(p: Page, lines: list[Line], start: int, cols: _Columns, header: Line | None) -> _Columns | None:
    """Read the table from lines[start] on (its titles line, when `header`); add it to the page.
    Returns the columns when the table reached the foot of the page."""
    body, to_foot = _body(lines, start + 1 if header is not None else start, cols)
    titles = [header] if header is not None else []
    while header is not None and body and _title_goes_on(titles[-1], body[0], p):
        titles.append(body.pop(0))        # titles wrapped over lines: one header row
    if not body:
        return None
    taken = titles + body
    right = max(w[1] for ln in taken for w in ln.words) + 2
    rows = ([titles] if titles else []) + _rows(body, cols.starts)
    p.tables.append(_table(p.number, rows, cols.starts, right))
    p.tables.sort(key=lambda t: t.bbox[1])
    for ln in taken:
        ln.in_table = True
    return cols if to_foot else None
