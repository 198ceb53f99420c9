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
from ..text import best_label, clean, fold, one_line
from ._condivisi import caption_above, header_map, page_title, triennio_valutato

NAME = 'esiti_slide'

COLONNE = {
    'titolo': ['descrizione attività/progetto', 'descrizione attività', 'descrizione progetto',
               'descrizione intervento', 'attività/progetto', 'progetto', 'progetti', 'attività',
               'intervento', 'interventi', 'azione', 'azioni', 'servizio', 'denominazione', 'titolo',
               'progetto/attività', 'obiettivo', 'obiettivi', 'descrizione'],
    # the policy area the rows belong to: written once, merged down over its rows
    'macroarea': ['area', 'macroarea', 'area di intervento', 'area tematica', 'area di policy',
                  'ambito di intervento', 'policy'],
    'esito': ['esito', 'esiti', 'stato', 'stato di attuazione', 'stato di avanzamento', 'avanzamento',
              'grado di attuazione', 'attuazione', 'livello di attuazione', 'realizzazione', 'semaforo',
              'raggiungimento', 'grado di raggiungimento', 'valutazione esito', 'esito finale',
              'valutazione', 'valutazione finale', 'valutazione complessiva', 'giudizio', 'giudizio finale',
              'giudizio sintetico', 'risultato raggiunto', 'risultati raggiunti', 'esito raggiunto',
              'stato finale', 'grado di realizzazione', 'livello di raggiungimento', 'esito della verifica',
              'esito verifica', 'stato attuazione', 'stato del progetto'],
    'criticita': ['categoria criticità e ridefinizione', 'categoria criticità', 'criticità',
                  'criticità e ridefinizione', 'criticità rilevate', 'ridefinizione', 'categoria',
                  'punti critici', 'note critiche', 'criticità riscontrate', 'criticità emerse',
                  'elementi di criticità', 'elementi critici', 'nodi critici', 'problematiche',
                  'problemi riscontrati', 'difficoltà', 'difficoltà riscontrate', 'punti di debolezza',
                  'note e criticità', 'criticità/ridefinizione'],
    'commento': ['note', 'osservazioni', 'commento', 'commenti', 'considerazioni', 'annotazioni',
                 'note e osservazioni'],
}


# an 'esito' header that speaks of what was planned or of how to assess is not an outcome column
_NOT_OUTCOME = re.compile(r'\b(attes\w*|previst\w*|bisogn\w*|modalita|strument\w*|criteri\w*)\b')


def _header(t: Table) -> tuple[int, dict[int, str]] | None:
    """(row index, column map) of the table's header, among its first rows; needs a project
    column and an outcome column."""
    for i, row in enumerate(t.rows[:2]):
        cols = header_map(row, COLONNE, 0.85)
        keys = set(cols.values())
        esito = next((j for j, k in cols.items() if k == 'esito'), None)
        if {'titolo', 'esito'} <= keys and not _dgr_header(row) and not _NOT_OUTCOME.search(fold(row[esito].text)):
            return i, cols
    return None


def _column_groups(row) -> list[tuple[int, int]]:
    """[start, end) column ranges of tables set side by side and read as one: a new group starts
    where a header title repeats ('Progetto | Esito | Criticità | Progetto | Esito | Criticità')."""
    groups, seen, start = [], set(), 0
    for j, c in enumerate(row):
        key = best_label(one_line(c.text), COLONNE, 0.85)[0] if c is not None and c.text.strip() and len(c.text) <= 80 else None
        if key and key in seen:
            groups.append((start, j))
            seen, start = set(), j
        if key:
            seen.add(key)
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
            if head:
                out.append((part, *head))
    return out


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
    for key in ('criticita', 'commento'):
        c = by_key.get(key)
        if c is not None and c.text.strip():
            fields[key] = clean(c.text)
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
