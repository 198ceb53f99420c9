"""Slide decks (and older reports) that list the previous triennio's projects in a table
"Descrizione attività/progetto | Esito | Categoria criticità ..." where the outcome is only the
colour of the Esito cell (green / yellow / red), sometimes a word.

Columns are found by what the header says; the outcome colour by hue (extract/colors.py), read
through the deck's own legend when it states one (written, or drawn as coloured shapes beside their
words, on any slide); the macroarea is the caption printed right above the table, else the slide's
title. Two tables set side by side may come out fused into one: split where the header repeats."""
from __future__ import annotations

import re

from ..colors import colour_word, legend, nearest_swatch, status_text, swatch_legend
from ..labels import ESITO_ONLY, field_of
from ..layout import Layout, Table
from ..records import Extraction, RawAnomalia, RawEsito
from ..schema import identita, is_giudizio, vocabolario
from ..text import best_label, clean, fold, one_line
from ..contesto import caption_above, header_map, page_title, triennio_valutato

NAME = 'esiti_slide'

# the esito fields a deck's table holds, in the schema's wordings; every way of stating the outcome
# (a status, a degree of achievement, a judgement) is read as the row's outcome cell
CAMPI = ('titolo', 'descrizione', 'azioni_realizzate', 'macroarea', 'stato', 'grado_raggiungimento', 'giudizio',
         'criticita', 'commento', 'continuita_precedente', 'riproposto')
COLONNE = vocabolario('esito', CAMPI, come={'stato': 'esito', 'grado_raggiungimento': 'esito', 'giudizio': 'esito'})
_ESITI = vocabolario('esito', ('stato', 'grado_raggiungimento', 'giudizio'))


# an 'esito' header that speaks of what was planned or of how to assess is not an outcome column
_NOT_OUTCOME = re.compile(r'\b(attes\w*|previst\w*|bisogn\w*|modalita|strument\w*|criteri\w*)\b')


def _header(t: Table) -> tuple[int, dict[int, str]] | None:
    """(row index, column map) of the table's header, among its first rows; needs a project
    column and an outcome column."""
    for i, row in enumerate(t.rows[:2]):
        cols = header_map(row, COLONNE, 0.85)
        title = identita('esito', set(cols.values()))
        cols = {j: 'titolo' if k == title else k for j, k in cols.items()}
        own = header_map(row, _ESITI, 0.85)
        if 'stato' in own.values() and len(own) > 1:
            # a judgement or a degree beside the state: each column its own field, the state
            # (its words or its colour) the outcome
            cols.update({j: 'esito' if k == 'stato' else k for j, k in own.items() if cols.get(j) in (None, 'esito')})
        if 'esito' not in cols.values():
            said = _said_by_colour(t.rows[i + 1:], [j for j, k in cols.items() if k == 'commento'])
            if said is not None:
                cols[said] = 'esito'
        keys = set(cols.values())
        esito = next((j for j, k in cols.items() if k == 'esito'), None)
        if {'titolo', 'esito'} <= keys and not _dgr_header(row) and not _NOT_OUTCOME.search(fold(row[esito].text)):
            return i, cols
    return None


def _said_by_colour(body, candidates: list[int]) -> int | None:
    """Of the evaluation columns, the one whose cells are filled with colour and say (almost)
    nothing in words: 'Valutazione' is prose in a report and the outcome over coloured cells."""
    for j in candidates:
        cells = [r[j] for r in body if j < len(r) and r[j] is not None]
        coloured = [c for c in cells if c.fill is not None and colour_word(c.fill) and len(one_line(c.text)) <= 3]
        if cells and len(coloured) >= max(1, 0.6 * len(cells)):
            return j
    return None


def _column_groups(row) -> list[tuple[int, int]]:
    """[start, end) column ranges of tables set side by side and read as one: a new group starts
    where the group's first title comes again ('Progetto | Esito | Criticità | Progetto | Esito |
    Criticità'); two outcome columns of one table ('Giudizio | Stato') are no second table."""
    groups, first, start = [], None, 0
    for j, c in enumerate(row):
        key = best_label(one_line(c.text), COLONNE, 0.85)[0] if c is not None and c.text.strip() and len(c.text) <= 80 else None
        if key and key == first:
            groups.append((start, j))
            start = j
        if key and first is None:
            first = key
    return groups + [(start, len(row))]


def _split(t: Table) -> list[Table]:
    """The table, or the side-by-side tables fused in it, each with its own header and box."""
    for row in t.rows[:2]:
        groups = _column_groups(row)
        if len(groups) > 1:
            break
    else:
        return [t]
    out = []
    for a, b in groups:
        rows = [r[a:b] for r in t.rows]
        cells = [c for r in rows for c in r if c is not None]
        if not cells:
            continue
        box = (min(c.x0 for c in cells), t.bbox[1], max(c.x1 for c in cells), t.bbox[3])
        out.append(Table(t.page, box, rows))
    return out


def esiti_tables(page) -> list[tuple[Table, int, dict[int, str]]]:
    """The page's project|outcome tables (side-by-side ones apart), each with its header row and columns."""
    out = []
    for t in page.tables:
        for part in _split(t):
            head = _header(part)
            if head and not _transposed(part, *head):
                out.append((part, *head))
    return out


def _transposed(t: Table, header: int, cols: dict[int, str]) -> bool:
    """The rows' titles are labels of other fields ('Giudizio sintetico', 'Stato'): a table of one
    record per column, its first row the records' titles, not a list of projects."""
    j = next(j for j, k in cols.items() if k == 'titolo')
    titles = [one_line(r[j].text) for r in t.rows[header + 1:] if j < len(r) and r[j] is not None and r[j].text.strip()]
    labels = [x for x in titles if len(x) <= 80
              and (best_label(x, COLONNE, 0.85)[0] or field_of(x)[0]) not in (None, 'titolo')]
    return bool(titles) and 2 * len(labels) > len(titles)


def _dgr_header(row) -> bool:
    """Columns of the DGR 2167/2024 esito schema (grado, dimensione, giudizio, riproposto...): such
    a table is read by esiti_dgr, its 'Grado di raggiungimento' is a percentage, not a status."""
    said = {field_of(c.text)[0] for c in row if c is not None and c.text and len(c.text) < 90}
    return len(said & ESITO_ONLY) >= 2


def _esito(cells, cols: dict[int, str], page: int, macroarea, triennio, legenda, swatches) -> RawEsito | RawAnomalia | None:
    by_key = {key: cells[j] for j, key in cols.items() if j < len(cells)}
    titolo_cell = by_key.get('titolo')
    titolo = one_line(titolo_cell.text) if titolo_cell else ''
    if not titolo:
        return None
    esito_cell = by_key.get('esito')
    words = one_line(esito_cell.text) if esito_cell else ''
    fill = esito_cell.fill if esito_cell else None
    # words first; then a drawn legend (any hues, even grey); then the hue's usual meaning
    stato = words or _colour_status(fill, legenda, swatches)
    ink = getattr(esito_cell, 'ink', None) if esito_cell is not None and fill is None else None
    said_by_ink = _colour_status(ink, legenda, swatches) if words and ink is not None else None
    if said_by_ink:
        # a status word printed in colour ('AVVIATO' in amber): the word decides, its colour
        # (after it, in brackets) only when the word is not understood
        stato = f'{words} ({said_by_ink})'
    if not stato:
        seen = colour_word(fill) or 'nessun colore'
        return RawAnomalia(page, f'esito senza testo né colore di stato riconoscibile ({seen}) per {titolo[:80]!r}')
    fields = {'titolo': titolo, 'stato': stato}
    for key in ('descrizione', 'criticita', 'commento'):
        c = by_key.get(key)
        if c is not None and c.text.strip():
            # a judgement word under a comment column ('Valutazione complessiva: OTTIMO') is the giudizio
            fields['giudizio' if key == 'commento' and is_giudizio(c.text) and 'giudizio' not in by_key
                   else key] = clean(c.text)
    for key in ('continuita_precedente', 'riproposto', 'giudizio', 'grado_raggiungimento'):    # one line each
        c = by_key.get(key)
        if c is not None and c.text.strip():
            fields[key] = one_line(c.text)
    area = by_key.get('macroarea')
    if area is not None and one_line(area.text):
        fields['macroarea'] = one_line(area.text)
    elif macroarea:
        fields['macroarea'] = macroarea
    if triennio:
        fields['triennio_valutato'] = triennio
    shown = fill if fill is not None else (ink if said_by_ink else None)
    return RawEsito(fields, page, colore=shown if colour_word(shown) or nearest_swatch(shown, swatches) else None)


def _colour_status(rgb, legenda: dict, swatches) -> str | None:
    """What a colour says as status text: the deck's drawn legend (any hue, even grey), else its
    written legend or the hue's usual meaning -- followed by the colour word."""
    swatch = nearest_swatch(rgb, swatches)
    if swatch:
        return f'{swatch} ({colour_word(rgb)})' if colour_word(rgb) else swatch
    return status_text(rgb, legenda)


def extract(layout: Layout) -> Extraction:
    out = Extraction()
    legenda = {}
    for p in layout.pages:                       # a legend anywhere in the deck applies to all of it
        for k, v in legend(p.text).items():
            legenda.setdefault(k, v)
    found = {p.number: esiti_tables(p) for p in layout.pages}
    swatches = [s for p in layout.pages for s in swatch_legend(p, [t.bbox for t, _, _ in found[p.number]])]
    triennio = None
    for page in layout.pages:
        groups = [t.bbox for t, _, _ in found[page.number]]
        for t, i, cols in found[page.number]:
            triennio = triennio or triennio_valutato(layout, page.number)
            macroarea = caption_above(page, t, groups) or page_title(page, t.bbox[1])
            for cells in t.rows[i + 1:]:
                rec = _esito(cells, cols, page.number, macroarea, triennio, legenda, swatches)
                if isinstance(rec, RawEsito):
                    rec.blocco = (t.page, t.bbox)
                if isinstance(rec, RawEsito) and 'macroarea' in rec.fields:
                    macroarea = rec.fields['macroarea']     # an area column's cell holds for the rows below
                if isinstance(rec, RawEsito):
                    out.esiti.append(rec)
                elif rec is not None:
                    out.anomalie.append(rec)
    return out
