"""Esiti of the previous triennio in the DGR 2167/2024 schema, however they are laid out:
- one label | content table per evaluated objective (TITOLO OBIETTIVO, DIMENSIONE, GRADO DI
  RAGGIUNGIMENTO, ...), read as cards (extract/cards.py);
- one esito per row under a header row of the same labels (Obiettivo | Area | Dimensione | Grado di
  raggiungimento | Giudizio | ... | Riproposto), header cells read with the same vocabulary.
What a card or row does not say comes from above it: the nearest area heading ('5.1. Domiciliarità
– ...', or 'Area: ...') is the macroarea; the nearest heading that speaks of esiti/valutazione/
verifica with a year range gives triennio_valutato."""
from __future__ import annotations


from ..cards import NUMBERED, Scheda, card_heading, is_heading, lines_before, one, paragraph, schede
from ..labels import ESITO_ONLY, IN_CARD, context_field, field_of
from ..layout import Cell, Layout, bold_lead, lines_in
from ..records import Extraction, RawAnomalia, RawEsito
from ..tables import TableRun, table_runs
from ..text import clean, fold, join_wrapped
from ..contesto import EVALUATED, area_above, ranges, triennio_valutato as triennio_del_documento

NAME = 'esiti_dgr'

COLUMNS = {'titolo', 'descrizione', 'dimensione', 'grado_raggiungimento', 'giudizio', 'valutazione_utenti',
           'adeguatezza_risorse', 'coincidenza_risorse', 'criticita', 'risposta_bisogno', 'continuita_precedente',
           'riproposto', 'macroarea'}


def _upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def titolo_e_descrizione(text: str) -> tuple[str, str]:
    """'LA PERSONA AL CENTRO ...\\nPROSSIMA\\nPercorso di presa in carico...' -> the upper-case
    lines are the title, the rest its description. A title in normal case: its first line."""
    lines = clean(text).splitlines()
    n = 0
    while n < len(lines) and _upper(lines[n]):
        n += 1
    if n == 0:
        n = len(lines)      # nothing in capitals: no way to tell title from description
    titolo = ''
    for ln in lines[:n]:
        titolo = join_wrapped(titolo, ln)
    return titolo.strip(), '\n'.join(lines[n:])


def _title_cell(layout: Layout, card: Scheda, text: str) -> tuple[str, str]:
    """Title and description sharing the title's cell: the bold lines are the title when the
    cell's style says so, else the capitals (titolo_e_descrizione)."""
    row = next((r for r in card.righe if r.field == 'titolo' and r.box is not None), None)
    if row is not None:
        styled = bold_lead(lines_in(layout.page(row.page), row.box))
        if styled is not None:      # the rest from the field's text: it may go on past a page break
            n = len(styled[0].splitlines())
            lines = clean(text).splitlines()
            return one(' '.join(lines[:n])), '\n'.join(lines[n:])
    return titolo_e_descrizione(text)


# ---------------------------------------------------------------- what is written above
def triennio_valutato(layout: Layout, page: int, top: float) -> str | None:
    """The nearest heading above that speaks of an evaluation ('Esiti della programmazione
    2021-2023', 'Valutazione degli obiettivi del triennio 2021-2023') and names a year range;
    else the range the document most often so speaks of."""
    lines = lines_before(layout, page, top)
    for ln in reversed(lines):
        if is_heading(layout, ln) and EVALUATED.search(fold(ln.text)) and ranges(ln.text):
            return ranges(ln.text)[0]
    return triennio_del_documento(layout, page)


def _context(layout: Layout, fields: dict[str, str], page: int, top: float) -> None:
    if not fields.get('macroarea'):
        area = area_above(layout, page, top)
        if area:
            fields['macroarea'] = area
    t = triennio_valutato(layout, page, top)
    if t:
        fields['triennio_valutato'] = t


# ---------------------------------------------------------------- one card per esito
def esito(layout: Layout, card: Scheda, anomalie: list[RawAnomalia]) -> RawEsito:
    fields: dict[str, str] = {}
    for k, v in card.fields().items():
        if k in COLUMNS:
            fields[k] = v
        elif k == 'numero':
            continue        # the esito's ordinal on its heading row ('OBIETTIVO 2 – ...'): esiti have no numero
        else:
            anomalie.append(RawAnomalia(card.page_start, f'{NAME}: campo {k!r} non previsto in un esito: {v[:80]!r}',
                                        famiglia=NAME))
    for r in card.unknown:
        anomalie.append(RawAnomalia(r.page, f'{NAME}: etichetta non riconosciuta {r.label[:100]!r}', famiglia=NAME))
    if fields.get('titolo') and not fields.get('descrizione'):
        fields['titolo'], descr = _title_cell(layout, card, fields['titolo'])
        if descr:
            fields['descrizione'] = descr
    _context(layout, fields, card.page_start, card.top)
    return RawEsito(fields, card.page_start, famiglia=NAME)


# ---------------------------------------------------------------- one esito per row
def header_fields(cells: list[Cell | None]) -> dict[int, str]:
    """Column index -> esito field for a header row read with the card vocabulary ('Obiettivo' is
    the title, as in an esito card); each field once, the first column that says it wins."""
    aliases = IN_CARD['esito']
    out: dict[int, str] = {}
    for j, c in enumerate(cells):
        if c is None or not fold(c.text) or len(one(c.text)) > 90:
            continue
        key, _ = field_of(one(c.text))
        key = aliases.get(key, key)
        if key in COLUMNS and key not in out.values():
            out[j] = key
    return out


def esiti_header(cells: list[Cell | None]) -> dict[int, str] | None:
    """The header of a table of esiti one per row: a title column and two or more labels only an
    esito has (dimensione, grado di raggiungimento, giudizio, criticità, riproposto...)."""
    cols = header_fields(cells)
    keys = set(cols.values())
    if 'titolo' in keys and len(keys & ESITO_ONLY) >= 2:
        return cols
    return None


def table_header(run: TableRun) -> tuple[int, dict[int, str]] | None:
    """(row index, columns) of an esiti-per-row header among the run's first rows."""
    for i, cells in enumerate(run.parts[0].rows[:2]):
        cols = esiti_header(cells)
        if cols:
            return i, cols
    return None


def _text(cells: list[Cell | None], j: int) -> str:
    c = cells[j] if j < len(cells) else None
    return clean(c.text) if c is not None else ''


def _continues(cells: list[Cell | None], cols: dict[int, str], first_on_page: bool) -> bool:
    """A row that carries on the esito above (its cells broke across a page): no title; or, first on
    its page, a title starting lower-case."""
    titolo = next(_text(cells, j) for j, k in cols.items() if k == 'titolo')
    return not titolo or (first_on_page and titolo[:1].islower())


def group_row(cells: list[Cell | None]) -> str | None:
    """The text of a row drawn as one cell across the whole table ('Domiciliarità – Anziani – ...'):
    a group heading inside a table of one record per row, not a record."""
    present = [c for c in cells if c is not None]
    if len(cells) < 3 or len(present) != 1 or not present[0].text.strip():
        return None
    return one(present[0].text)


def rows_of(layout: Layout, run: TableRun, head: tuple[int, dict[int, str]]) -> list[RawEsito]:
    start, cols = head
    header = [fold(_text(run.parts[0].rows[start], j)) for j in cols]
    out: list[tuple[dict[str, str], int, float]] = []
    area = None                          # the group row above: the macroarea of the esiti under it
    for part_i, t in enumerate(run.parts):
        first = True
        for row_i, cells in enumerate(t.rows):
            if part_i == 0 and row_i <= start:
                continue
            texts = {k: _text(cells, j) for j, k in cols.items()}
            if not any(texts.values()):
                continue
            if [fold(_text(cells, j)) for j in cols] == header:
                continue                 # the header repeated on a new page
            if group_row(cells) is not None:
                area, first = group_row(cells), False
                continue
            if out and _continues(cells, cols, first):
                prev = out[-1][0]
                for k, v in texts.items():
                    if v:
                        prev[k] = join_wrapped(prev[k], v) if prev.get(k) else v
            else:
                top = min((c.top for c in cells if c is not None), default=t.bbox[1])
                fields = {k: v for k, v in texts.items() if v}
                if area and not fields.get('macroarea'):
                    fields['macroarea'] = area
                out.append((fields, t.page, top, t.bbox))
            first = False
    esiti = []
    for fields, page, top, box in out:
        if fields.get('titolo') and not fields.get('descrizione'):
            fields['titolo'], descr = titolo_e_descrizione(fields['titolo'])
            if descr:
                fields['descrizione'] = descr
        _context(layout, fields, page, top)      # what stands above this row, on its own page
        esiti.append(RawEsito(fields, page, famiglia=NAME, blocco=(page, box)))
    return esiti


def reads_table(cells_rows: list[list[Cell | None]]) -> bool:
    """Whether this family reads a table as esiti one per row (other families can leave it alone)."""
    return any(esiti_header(cells) for cells in cells_rows[:2])


def extract(layout: Layout) -> Extraction:
    out = Extraction()
    for card in schede(layout):
        if card.kind == 'esito':
            out.esiti.append(esito(layout, card, out.anomalie))
    for run in table_runs(layout):
        head = table_header(run)
        if head:
            out.esiti += rows_of(layout, run, head)
    return out
