"""Monitoring matrix: a ruled table of indicators, one row each (cells wrapped over many lines,
rows broken across pages), the header repeated on every page, possibly in two rows with merged
cells ("Risultati attesi" over "I anno" | "II anno").

Columns are mapped by what their header says, never by position: each Ambito orders and names
them its own way. Every dated measurement column becomes a rilevazione (header, cell); the
baseline and expected results are fields. Matrix indicators are not tied to a card."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extract.intestazioni import column_center, covering, header_texts, spans
from extract.layout import Cell, Layout, Page, Table
from extract.parole import mend_broken_words
from extract.records import Extraction, RawAnomalia, RawIndicatore
from extract.tables import table_runs
from extract.text import fold

NAME = 'matrice_monitoraggio'

# (field, pattern on the folded header), first match wins: the order settles headers that say
# two things ("responsabile rilevazione" is who measures, not a measurement).
COLUMN_RULES: list[tuple[str | None, str]] = [
    ('note', r'\bnot[ae]\b|annotazion|osservazion|comment'),
    ('ridefinizione', r'ridefini|rimodul|revision|riformul|rivist'),
    ('responsabile', r'responsab|referent|chi rileva'),
    ('frequenza', r'frequen|periodicit|cadenz|tempi di rilevazion|tempistica'),
    ('tipo', r'^tipologia|^tipo\b|tipo di indicatore|tipologia indicatore|^natura (dell )?indicator'),
    ('testo', r'^indicator|^descrizione indicatore|^nome indicatore'),
    ('atteso', r'attes|target|valore obiettivo|risultato previsto|risultati previsti'),
    ('baseline', r'baseline|inizio|partenza|iniziale|ex ante|\bt0\b|punto zero'),
    # how or where a value is measured is no measurement: not stored, reported as a column
    (None, r'strument|modalita|\bfont[ei]\b|metod|formula|unita di misura|^data\b|data (della |di )?rilevazion'),
    ('rilevazione', r'rilevazion|rilevat|misurazion|\bdato al\b|valore al|valore rilevato|monitoraggio al|'
                    r'^al \d|\d{1,2} \d{1,2} \d{2,4}'),
    ('policy', r'policy|politic|\bleps\b|macroarea|^area\b|linea di intervento|obiettivo di riferimento'),
    ('testo', r'indicator|descrizion'),
    ('numero', r'^(n|nr|num|numero|id|cod|codice|progressivo)?$'),
]
_ORDINALS = {1: r'\b(i|1|primo|prima|1 ?°)\b', 2: r'\b(ii|2|secondo|seconda|2 ?°)\b', 3: r'\b(iii|3|terzo|terza)\b'}
_REQUIRED = {'testo'}
_MIN_MAPPED = 4


def _rule(f: str) -> tuple[bool, str | None]:
    """(a rule matched, its field) for a folded header."""
    for name, pat in COLUMN_RULES:
        if re.search(pat, f):
            return True, name
    return False, None


def _unwrapped(raw: str) -> str:
    """The header with words a narrow column broke mid-word joined again ('Freque\nnza' ->
    'Frequenza'): a line ending in a letter before one starting lower-case."""
    return re.sub(r'(?<=[^\W\d_])-?\s*\n\s*(?=[a-zà-ù])', '', raw)


def column_field(header: str) -> str | None:
    """What a column holds, from its header text -- as printed, else with the words a narrow
    column wrapped mid-word joined."""
    raw = (header or '').strip()
    f = fold(raw)
    if not f and raw.strip('#°. ') == '':
        return 'numero' if raw else None
    matched, name = _rule(f)
    if not matched and '\n' in raw:
        matched, name = _rule(fold(_unwrapped(raw)))
    return name


def _atteso_year(header: str) -> int | None:
    f = re.sub(r'\banno\b', ' ', fold(header))
    for n, pat in _ORDINALS.items():
        if re.search(pat, f):
            return n
    return None


@dataclass
class Mapping:
    fields: dict[int, str]        # column index -> field ('rilevazione' columns included)
    headers: dict[int, str]       # column index -> header text as printed (joined rows)
    n_header_rows: int
    header_keys: frozenset[str] = frozenset()   # the matrix's first header rows, by folded text


def _assign(headers: dict[int, str]) -> dict[int, str]:
    """Column index -> field; expected-result columns numbered by the year they name (I/II
    anno), else left to right; several columns of one other field keep only the first."""
    fields = {c: column_field(h) for c, h in headers.items()}
    attesi = [c for c, f in fields.items() if f == 'atteso']
    years = {c: _atteso_year(headers[c]) for c in attesi}
    free = iter(n for n in (1, 2, 3) if n not in years.values())
    out, seen = {}, set()
    for c in sorted(fields):
        f = fields[c]
        if f == 'atteso':
            f = f'atteso_anno{years[c] or next(free, 9)}'
        if f is None or (f in seen and f != 'rilevazione'):
            continue
        seen.add(f)
        out[c] = f
    return out


def header_mapping(t: Table) -> Mapping | None:
    """The matrix header of a table, if its top rows are one (one to three rows, merged cells
    spread over the columns they cover)."""
    best = None
    for n in (1, 2, 3):
        if n > len(t.rows):
            break
        headers = header_texts(t, n)
        fields = _assign(headers)
        named = set(fields.values())
        if not _REQUIRED <= named or len(named) < _MIN_MAPPED:
            continue
        if n > 1 and not _is_header_row(t, n - 1, fields):
            break
        # a lower header row that names nothing new ('2025 | 2026' under 'Valori attesi') is
        # still header: taking it as data would glue it to an indicator
        if best is None or len(fields) >= len(best.fields):
            best = Mapping(fields, headers, n)
    return best


def _is_header_row(t: Table, i: int, fields: dict[int, str]) -> bool:
    """Row i (below the first) is a lower header row: its indicator cell is empty or merged
    from above, what it has is short labels, not data, and it is shaped like a header -- it
    sub-divides a cell spanning several columns above it, or its cells are merged into the
    row above. An indicator carried on from the previous page has none of these."""
    row = t.rows[i]
    if section_heading(row, t, fields) is not None:
        return False
    testo_col = next((c for c, f in fields.items() if f == 'testo'), None)
    if (testo_col is not None and testo_col < len(row) and row[testo_col] is not None and row[testo_col].text
            and column_field(row[testo_col].text) != 'testo'):
        return False    # an indicator's text, not the column's title under a group row
    if not all(len(fold(c.text).split()) <= 8 for c in row if c is not None):
        return False
    above = t.rows[i - 1]
    merged_down = any(c < len(row) and row[c] is None and c < len(above) and above[c] is not None
                      for c in range(t.ncols))
    return merged_down or any(spans(covering(above, c, column_center(t, c)), t)
                              for c in range(min(len(row), t.ncols)) if row[c] is not None and row[c].text)


def section_heading(row: list[Cell | None], t: Table, fields: dict[int, str]) -> str | None:
    """The text of a full-width row that heads a group of indicators (the policy they serve),
    not an indicator: its only text sits in one cell that is merged across most of the table,
    or -- merge not drawn -- in the first column while every other cell is empty. A number
    alone, or the tail of an indicator broken across a page (text in the indicator column),
    is no heading."""
    texts = [(c, cell) for c, cell in enumerate(row) if cell is not None and cell.text.strip()]
    if len(texts) != 1:
        return None
    c, cell = texts[0]
    text = cell.text.strip()
    if re.fullmatch(r'[\d.\s]+', text):
        return None
    covered = sum(1 for k in range(t.ncols) if (x := column_center(t, k)) is not None and cell.x0 <= x <= cell.x1)
    if t.ncols > 2 and covered > t.ncols / 2:
        return text
    return text if c == 0 and fields.get(0) not in ('testo', None) and t.ncols > 2 else None


def _same_grid(a: Table, b: Table, tol: float = 8.0) -> bool:
    if a.ncols != b.ncols:
        return False
    return all(x is not None and y is not None and abs(x - y) <= tol
               for x, y in ((column_center(a, c), column_center(b, c)) for c in range(a.ncols)))


def _cell(row: list[Cell | None], c: int) -> str:
    return row[c].text if c < len(row) and row[c] is not None else ''


def _join(a: str, b: str) -> str:
    return f'{a}\n{b}' if a and b else a or b


def _row_record(row, mapping: Mapping, page: int) -> dict:
    vals = {f: _cell(row, c) for c, f in mapping.fields.items() if f != 'rilevazione'}
    ril = [(mapping.headers[c], _cell(row, c)) for c, f in mapping.fields.items() if f == 'rilevazione']
    return {'vals': vals, 'ril': ril, 'page': page}


def _continues(rec: dict, row, mapping: Mapping, first_on_page: bool) -> bool:
    """A row that carries on the indicator above (it broke across a page or a ruled line):
    no number of its own -- or, without a number column, no type and first on its page."""
    key = 'numero' if 'numero' in mapping.fields.values() else 'tipo'
    col = next((c for c, f in mapping.fields.items() if f == key), None)
    if col is not None and _cell(row, col).strip():
        return False
    if key == 'tipo' and not first_on_page:
        testo_col = next(c for c, f in mapping.fields.items() if f == 'testo')
        return not _cell(row, testo_col).strip()
    return True


def _merge(rec: dict, row, mapping: Mapping) -> None:
    nxt = _row_record(row, mapping, rec['page'])
    for f, v in nxt['vals'].items():
        rec['vals'][f] = _join(rec['vals'].get(f, ''), v)
    rec['ril'] = [(h, _join(a, b)) for (h, a), (_, b) in zip(rec['ril'], nxt['ril'])]


def _indicatore(rec: dict) -> RawIndicatore | None:
    vals = dict(rec['vals'])
    testo = vals.pop('testo', '').strip()
    if not testo:
        return None
    tipo = vals.pop('tipo', None) or None
    if not vals.get('policy', '').strip() and rec.get('sezione'):
        vals['policy'] = rec['sezione']
    return RawIndicatore(testo, tipo, rec['page'], {k: v for k, v in vals.items()}, rec['ril'], rec.get('blocco'))


def _row_key(row: list[Cell | None]) -> str:
    return ' | '.join(fold(c.text) for c in row if c is not None and c.text.strip())


def _repeated_header_rows(t: Table, header_keys: set[str]) -> int:
    """How many top rows of t repeat rows of the matrix's first header (compared by folded
    text): a page may repeat all of a multi-row header, or only part of it."""
    n = 0
    while n < len(t.rows) and _row_key(t.rows[n]) and _row_key(t.rows[n]) in header_keys:
        n += 1
    return n


def _mended(t: Table) -> Table:
    """The table with the words its narrow cells broke mid-word joined again ('process\\no')."""
    rows = [[None if c is None else replace(c, text=mend_broken_words(c.text)) for c in row] for row in t.rows]
    return replace(t, rows=rows)


def _squeeze(s: str) -> str:
    """Comparison form of a header: folded, no spaces (a clipped header loses its line breaks)."""
    return fold(s).replace(' ', '')


def _clipped_header(t: Table, first: Table, m: Mapping) -> tuple[int, Table] | None:
    """(header rows, table) when t's top rows repeat the first page's header, perhaps clipped --
    LibreOffice cuts vertically merged header cells at a page break, so a continuation page
    shows 'Valore rilevato al' and leaves '30/11/2025' in the first body row. Every written cell
    of those top rows must be part of its column's header on the first page. The pieces the
    clip pushed down are blanked in the returned table (they are header, never data); the rest
    of that row is the indicator above carried over the break."""
    if t.ncols != first.ncols or not _same_grid(t, first):
        return None
    full = {c: _squeeze(h) for c, h in m.headers.items()}
    n = 0
    while n < min(m.n_header_rows, len(t.rows)) and _part_of_header(t.rows[n], full, at_least=1 if n else 2):
        n += 1
    if n == 0:
        return None
    shown = {c: _squeeze(h) for c, h in header_texts(t, n).items()}
    if n >= len(t.rows) or all(shown[c] == full.get(c, '') for c in shown):
        return n, t
    row = [None if cell is None else replace(cell, text=_unclipped(cell.text, shown.get(c, ''), full.get(c, '')))
           for c, cell in enumerate(t.rows[n])]
    return n, replace(t, rows=[*t.rows[:n], row, *t.rows[n + 1:]])


def _unclipped(text: str, shown: str, head: str) -> str:
    """The cell's text without its first lines when they are the rest of the column's clipped
    header ('31/12/20' under 'Baseline (al'); what follows them is data carried over the break."""
    if shown == head:
        return text
    lines = text.split('\n')
    k, got = 0, shown
    while k < len(lines) and _squeeze(lines[k]) and head.startswith(got + _squeeze(lines[k])):
        got += _squeeze(lines[k])
        k += 1
    return '\n'.join(lines[k:])


def _part_of_header(row: list[Cell | None], full: dict[int, str], at_least: int) -> bool:
    written = [(c, _squeeze(cell.text)) for c, cell in enumerate(row) if cell is not None and _squeeze(cell.text)]
    return len(written) >= at_least and all(s in full.get(c, '') for c, s in written)


def matrix_tables(layout: Layout) -> list:
    """(table, mapping, repeated) for every table that is, or continues, a matrix. Computed once
    per layout: extract/metadata asks it too, to tell a matrix by its content."""
    cached = getattr(layout, '_pdz_matrici', None)
    if cached is None:
        cached = layout._pdz_matrici = list(_matrix_tables(layout))  # type: ignore[attr-defined]
    return cached


def _matrix_tables(layout: Layout):
    """(table, mapping, repeated) for every table that is, or continues, a matrix; the
    mapping's n_header_rows counts the header rows this page repeats. A continuation page whose
    header is the first page's, clipped, takes the first page's mapping (its columns' dates)."""
    last: tuple[Table, Mapping] | None = None
    first: tuple[Table, Mapping] | None = None
    header_keys: set[str] = set()
    for run in table_runs(layout):
        for t in map(_mended, run.parts):
            clipped = None
            if first is not None and last is not None and t.page == last[0].page + 1:
                clipped = _clipped_header(t, *first)
            if clipped is not None:
                n, t = clipped
                last = (t, Mapping(first[1].fields, first[1].headers, n, frozenset(header_keys)))
                yield t, last[1], True
                continue
            m = header_mapping(t)
            if m is not None:
                if last is None:
                    header_keys = {_row_key(r) for r in t.rows[:m.n_header_rows]} - {''}
                    first = (t, m)
                m.n_header_rows = max(m.n_header_rows, _repeated_header_rows(t, header_keys))
                m.header_keys = frozenset(header_keys)
                last = (t, m)
                yield t, m, False
            elif last is not None and t.page == last[0].page + 1 and _same_grid(t, last[0]):
                # a page of the matrix without (all of) its header
                last = (t, Mapping(last[1].fields, last[1].headers, _repeated_header_rows(t, header_keys),
                                   frozenset(header_keys)))
                yield t, last[1], True
            else:
                if last is None or t.page > last[0].page + 1:
                    last = first = None


def extract(layout: Layout) -> Extraction:
    out = Extraction()
    records: list[dict] = []
    unmapped_seen = set()
    sezione = ''        # the policy named by the last full-width section row
    for t, m, _ in matrix_tables(layout):
        _report_unmapped(t, m, out, unmapped_seen)
        closed = False  # a section row ends the indicator above: nothing below continues it
        for i, row in enumerate(t.rows[m.n_header_rows:]):
            if not any(c is not None and c.text.strip() for c in row) or _row_key(row) in m.header_keys:
                continue    # empty, or the header repeated inside the page's table
            heading = section_heading(row, t, m.fields)
            if heading is not None and _squashed(row, t, layout.page(t.page)):
                records.append(_unsplit_row(row, t.page))
                closed = False
                continue
            if heading is not None:
                sezione, closed = heading, True
                continue
            if records and not closed and _continues(records[-1], row, m, i == 0):
                _merge(records[-1], row, m)
            else:
                records.append({**_row_record(row, m, t.page), 'blocco': (t.page, t.bbox)})
                records[-1]['sezione'] = sezione
            closed = False
    for rec in records:
        if rec.get('unsplit'):
            out.anomalie.append(RawAnomalia(rec['page'], 'riga della matrice letta come una sola cella (colonne non '
                                                         f'separabili), indicatore perso: {rec["unsplit"][:120]!r}'))
            continue
        ind = _indicatore(rec)
        if ind is None:
            out.anomalie.append(RawAnomalia(rec['page'], f'riga della matrice senza indicatore: '
                                                         f'{" | ".join(v for v in rec["vals"].values() if v)[:120]!r}'))
        else:
            out.indicatori.append(ind)
    return out


# ---------------------------------------------------------------- rows the layout could not split
def _unsplit_row(row: list[Cell | None], page: int) -> dict:
    """A record standing for a data row read as one cell: it is reported, not stored, and the
    rows that carry it on over a page break join it (they are not indicators of their own)."""
    text = ' '.join(' '.join(c.text.split()) for c in row if c is not None and c.text.strip())
    return {'vals': {}, 'ril': [], 'page': page, 'unsplit': text}


def _cell_lines(cell: Cell, page: Page) -> list:
    return [ln for ln in page.lines if ln.in_table and ln.top >= cell.top - 1 and ln.bottom <= cell.bottom + 1
            and ln.x0 >= cell.x0 - 1 and ln.x1 <= cell.x1 + 1]


def _spacing(ln) -> float:
    """Width per character relative to the font size: a line whose words stand in different
    columns (with the gaps between the columns) is much wider than its text."""
    return (ln.x1 - ln.x0) / max(len(ln.text), 1) / max(ln.size, 1.0)


def _squashed(row: list[Cell | None], t: Table, page: Page) -> bool:
    """A full-width single-cell row that is really a row of data: the table style draws no
    column rules on it (banded rows), so it came out as one cell whose lines run across
    several columns with the columns' gaps between their words -- unlike a section heading,
    written as one run of text. Compared with the table's lines that stand in one column."""
    cell = next(c for c in row if c is not None and c.text.strip())
    widest = max((c.x1 - c.x0 for r in t.rows for c in r if c is not None and c is not cell
                  and not spans(c, t)), default=0.0)
    x0, top, x1, bottom = t.bbox
    plain = sorted(_spacing(ln) for ln in page.lines if ln.in_table and top - 1 <= ln.top and ln.bottom <= bottom + 1
                   and x0 - 1 <= ln.x0 and ln.x1 <= x1 + 1 and ln.x1 - ln.x0 <= widest + 1 and len(ln.text) >= 4)
    if not plain:
        return False
    usual = plain[len(plain) // 2]
    return any(_spacing(ln) > 1.35 * usual and _columns_crossed(ln, t) > 1 for ln in _cell_lines(cell, page))


def _columns_crossed(ln, t: Table) -> int:
    return sum(1 for c in range(t.ncols) if (x := column_center(t, c)) is not None and ln.x0 <= x <= ln.x1)


def _report_unmapped(t: Table, m: Mapping, out: Extraction, seen: set) -> None:
    for c, h in m.headers.items():
        if c not in m.fields and h.strip() and fold(h) not in seen:
            seen.add(fold(h))
            out.anomalie.append(RawAnomalia(t.page, f'colonna della matrice non riconosciuta: {h[:80]!r}'))
