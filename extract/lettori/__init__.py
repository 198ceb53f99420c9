"""Readers written once for every record type (issue 8): every block becomes label/value groups
(`gruppi.py`: a row under a header path, a column of a transposed table, a label | value card,
a stack of label rows), the labels say the record type and fields (`campi.py`, the schema's
wordings), and one builder makes the record (`record.py`). A new layout is a new way to make
groups; a new record type is a schema entry.

They read the blocks the layout families left unread: a table most of whose words are already in
some record is that record's (the families still hold the layouts they were written for)."""
from __future__ import annotations

import re

from ..cards import heading_at
from ..contesto import triennio_valutato
from ..coverage import table_words, words_read
from ..layout import Layout
from ..metadata import find_triennio
from ..records import Extraction, RawObiettivo
from ..tables import TableRun, table_runs
from ..text import fold
from . import record
from .gruppi import Gruppo, gruppi_di
from .testo import gruppi_testo

NAME = 'lettori'
ALREADY_READ = 0.6


def _primo_anno(layout: Layout) -> int | None:
    t = find_triennio(layout.text[:20000])
    m = re.match(r'(20\d\d)', t or '')
    return int(m.group(1)) if m else None


def _read_already(run: TableRun, words: set[str]) -> bool:
    tw = [w for t in run.parts for w in table_words(t)]
    return bool(tw) and sum(w in words for w in tw) / len(tw) >= ALREADY_READ


def _sopra(layout: Layout, g: Gruppo) -> tuple[str | None, str]:
    """The heading that names a group with no name of its own."""
    if g.forma == 'testo':
        return g.contesto.get('numero'), g.contesto.get('titolo', '')
    return heading_at(layout, g.pagina, g.top)


def _parent(layout: Layout, run: TableRun, known: list[RawObiettivo]) -> RawObiettivo | None:
    """The objective a table of actions belongs to: the heading over the table, as an objective
    already read (by its title) or a new one; else the last objective read before it."""
    t = run.parts[0]
    numero, titolo = heading_at(layout, t.page, t.bbox[1])
    if titolo:
        key = fold(titolo)
        same = next((o for o in known if fold(o.fields.get('titolo', '')) == key), None)
        if same is not None:
            return same
        o = RawObiettivo('ambito', {'titolo': titolo, **({'numero': numero} if numero else {})}, t.page, t.page,
                         famiglia=NAME)
        return o
    before = [o for o in known if o.pagina_inizio <= t.page]
    return before[-1] if before else None


def leggi(layout: Layout, gia: Extraction) -> Extraction:
    """Records from every table and every labelled text no family read."""
    out = Extraction()
    words = words_read(gia)
    primo = _primo_anno(layout)
    blocks: list[tuple[TableRun | None, list[Gruppo]]] = [
        (run, gruppi_di(run, primo)) for run in table_runs(layout) if not _read_already(run, words)]
    blocks.append((None, [g for g in gruppi_testo(layout, primo) if not _said_already(g, words)]))
    for run, groups in blocks:
        azioni = []
        for g in groups:
            tipo = g.lettura.tipo
            sopra = _sopra(layout, g) if _needs_name(g) else (None, '')
            if tipo == 'azione':
                a = record.azione(g)
                if a is not None:
                    azioni.append(a)
            elif tipo == 'obiettivo':
                o = record.obiettivo(g, sopra)
                if o is not None:
                    out.obiettivi.append(o)
            elif tipo == 'indicatore':
                i = record.indicatore(g, sopra)
                if i is not None:
                    out.indicatori.append(i)
            elif tipo == 'esito':
                e = record.esito(g, sopra, triennio_valutato(layout, g.pagina))
                if e is not None:
                    out.esiti.append(e)
        if azioni and run is not None:
            parent = _parent(layout, run, gia.obiettivi + out.obiettivi)
            if parent is not None:
                parent.azioni += azioni
                parent.pagina_fine = max(parent.pagina_fine, run.page_end)
                if parent not in gia.obiettivi and parent not in out.obiettivi:
                    out.obiettivi.append(parent)
    return out


def _said_already(g: Gruppo, words: set[str]) -> bool:
    said = [w for v in g.voci for w in fold(v.valore).split() if len(w) >= 4 and not w.isdigit()]
    return bool(said) and sum(w in words for w in said) / len(said) >= ALREADY_READ


def _needs_name(g: Gruppo) -> bool:
    own = {'obiettivo': 'titolo', 'indicatore': 'testo', 'esito': 'titolo', 'azione': 'testo'}[g.lettura.tipo]
    return g.lettura.identita != own
