"""Readers written once for every record type (issue 8): every block becomes label/value groups
(`gruppi.py`: a row under a header path, a column of a transposed table, a label | value card,
a stack of label rows), the labels say the record type and fields (`campi.py`, the schema's
wordings), and one builder makes the record (`record.py`). A new layout is a new way to make
groups; a new record type is a schema entry.

They read the blocks the layout families left unread: a table most of whose words are already in
some record is that record's (the families still hold the layouts they were written for)."""
from __future__ import annotations

import re
from collections import Counter

from ..cards import heading_at
from ..colors import legend
from ..contesto import tipo_sopra, triennio_valutato, valutati
from ..coverage import table_words, words_read
from ..layout import RGB, Layout
from ..metadata import find_triennio
from ..records import Extraction, RawObiettivo
from ..tables import TableRun, table_runs
from ..text import fold
from .. import risoluzione
from . import record
from .gruppi import Gruppo, Voce, gruppi_di
from .testo import gruppi_testo, riga_di_campo

NAME = 'lettori'
ALREADY_READ = 0.6


def _primo_anno(layout: Layout) -> int | None:
    t = find_triennio(layout.text[:20000])
    m = re.match(r'(20\d\d)', t or '')
    return int(m.group(1)) if m else None


def _read_already(run: TableRun, words: set[str]) -> bool:
    tw = [w for t in run.parts for w in table_words(t)]
    return bool(tw) and sum(w in words for w in tw) / len(tw) >= ALREADY_READ


def _sopra(layout: Layout, g: Gruppo, primo: int | None) -> tuple[str | None, str]:
    """The heading that names a group with no name of its own (a bold line giving another field's
    value, right over a section's small table, is that section's content, not its heading)."""
    if g.forma == 'testo' or g.contesto.get('titolo'):      # (a heading row inside the table)
        return g.contesto.get('numero'), g.contesto.get('titolo', '')
    numero, titolo = heading_at(layout, g.pagina, g.top)
    return (None, '') if numero is None and riga_di_campo(titolo, primo) else (numero, titolo)


def _parent(heading: tuple[str | None, str], page: int, known: list[RawObiettivo]) -> RawObiettivo | None:
    """The objective actions belong to: the heading over them, as an objective already read (by
    its title) or a new one; else the last objective read before them."""
    numero, titolo = heading
    if titolo:
        key = fold(titolo)
        same = next((o for o in known if fold(o.fields.get('titolo', '')) == key), None)
        if same is not None:
            return same
        return RawObiettivo('ambito', {'titolo': titolo, **({'numero': numero} if numero else {})}, page, page,
                            famiglia=NAME)
    before = [o for o in known if o.pagina_inizio <= page]
    return before[-1] if before else None


def _attach(azioni: list, parent: RawObiettivo | None, page: int, known: list[RawObiettivo], out: Extraction,
            pending: list) -> None:
    """Actions onto their objective: one of this reading's own at once; one read before (a
    family's, or an earlier block's) only once this reading is kept (`pending`)."""
    if parent is None or not azioni:
        return
    if parent in known:
        pending.append((parent, azioni, page))
        return
    parent.azioni += azioni
    parent.pagina_fine = max(parent.pagina_fine, page)
    if parent not in out.obiettivi:
        out.obiettivi.append(parent)


def _keep(out: Extraction, got: Extraction, pending: list) -> None:
    out.extend(got)
    for parent, azioni, page in pending:
        parent.azioni += azioni
        parent.pagina_fine = max(parent.pagina_fine, page)


def _legenda(layout: Layout) -> dict[str, str]:
    """What each status colour means: a legend anywhere in the document holds for all of it."""
    out: dict[str, str] = {}
    for p in layout.pages:
        for k, v in legend(p.text).items():
            out.setdefault(k, v)
    return out


class _Elsewhere:
    """The words of the document's tables outside one block (a container, counted once)."""

    def __init__(self, counts: Counter, block: Counter):
        self.counts, self.block = counts, block

    def __contains__(self, w: str) -> bool:
        return self.counts.get(w, 0) > self.block.get(w, 0)


def leggi(layout: Layout, gia: Extraction) -> tuple[Extraction, list]:
    """Records from every table and every labelled text; and the records of other readers a
    block's reading here supersedes (it understood more of that block, `risoluzione.better`)."""
    out, superseded = Extraction(), []
    words = words_read(gia)
    primo = _primo_anno(layout)
    before = [(r, risoluzione.record_words(r)) for r in risoluzione.records(gia)]
    legenda = _legenda(layout)
    per_table = {id(t): risoluzione.block_words([t]) for p in layout.pages for t in p.tables}
    counts = Counter(w for ws in per_table.values() for w in ws)
    taken: set[int] = set()        # tables whose records are read: no text reading of them
    valutato = valutati(layout)    # per page, the triennio the headings above say is evaluated
    for run in table_runs(layout):
        groups = gruppi_di(run, primo, tipo_sopra(valutato[run.page_start], primo))
        if not groups:
            continue
        pending: list = []
        got = _records(layout, groups, run, gia.obiettivi + out.obiettivi, legenda, pending, primo, valutato)
        block = Counter(w for t in run.parts for w in per_table[id(t)])
        elsewhere, inside = _Elsewhere(counts, block), set(block)
        theirs = [r for r, rw in before if r not in superseded and risoluzione.read_from(rw, inside, elsewhere)]
        if not theirs and not _read_already(run, words):
            _keep(out, got, pending)
        elif theirs and risoluzione.better(got, theirs):
            _keep(out, got, pending)
            superseded += theirs
        if len(got) or pending or theirs:
            taken |= {id(t) for t in run.parts}
    words |= words_read(out)          # what the tables above gave is read too
    for g in gruppi_testo(layout, primo, taken, valutato):
        pending = []
        got = _records(layout, [g], None, gia.obiettivi + out.obiettivi, legenda, pending, primo, valutato)
        inside = {w for x in (*g.voci, *(Voce((k,), v, 0) for k, v in g.contesto.items()))
                  for w in fold(' '.join(x.percorso) + ' ' + x.valore).split()}
        heading = g.contesto.get('titolo') if _needs_name(g) else None    # else it names a chapter
        theirs = [r for r, rw in before if r not in superseded and risoluzione.read_from(rw, inside)
                  and (not heading or risoluzione.names(r, heading))]
        if heading and len(theirs) > 1:
            # records alike (a description two cards share): the one its heading names best
            theirs = [max(theirs, key=lambda r: risoluzione.naming(r, heading))]
        if theirs and risoluzione.better(got, theirs):
            _keep(out, got, pending)
            superseded += theirs
        elif not theirs and not _said_already(g, words, heading):
            _keep(out, got, pending)
    return out, superseded


def _records(layout: Layout, groups: list[Gruppo], run: TableRun | None, known: list[RawObiettivo],
             legenda: dict[str, str], pending: list, primo: int | None,
             valutato: list[str | None]) -> Extraction:
    """One reading's records; actions for an objective read before go to `pending`; `valutato`:
    contesto.valutati of the layout."""
    out = Extraction()
    azioni = []
    for g in groups:
        tipo = g.lettura.tipo
        # what stands over a group names it, or -- over actions -- their objective
        sopra = _sopra(layout, g, primo) if tipo == 'azione' or _needs_name(g) else (None, '')
        if tipo == 'azione' and run is None:      # actions under their objective's heading
            _attach(record.azioni(g), _parent(sopra, g.pagina, known + out.obiettivi), g.pagina_fine, known, out,
                    pending)
        elif tipo == 'azione':
            azioni += record.azioni(g)
        elif tipo == 'obiettivo':
            o = record.obiettivo(g, sopra)
            if o is not None:
                out.obiettivi.append(o)
        elif tipo == 'indicatore':
            i = record.indicatore(g, sopra)
            if i is not None:
                out.indicatori.append(i)
        elif tipo == 'esito':
            e = record.esito(g, sopra, triennio_valutato(layout, g.pagina, per_pagina=valutato), legenda,
                             _segno(layout, g) if run is None else None)
            if e is not None:
                out.esiti.append(e)
    if azioni and run is not None:       # a table of actions: its objective is the heading over it
        t = run.parts[0]
        _attach(azioni, _parent(heading_at(layout, t.page, t.bbox[1]), t.page, known + out.obiettivi),
                run.page_end, known, out, pending)
    return out


_SEGNO = 1.6       # ems: the largest side of a marker set before a line ('●', '■' drawn as a shape)


def _segno(layout: Layout, g: Gruppo) -> RGB | None:
    """The colour of a marker drawn just left of the first line of a text group (a filled dot or
    square before '1. Forma di gestione'): the record's state said by colour."""
    page = layout.page(g.pagina)
    first = min((ln for ln in page.lines if abs(ln.top - g.top) <= 3 and not ln.furniture),
                key=lambda ln: ln.x0, default=None)
    if first is None:
        return None
    side = _SEGNO * first.size
    marks = [f for f in page.fills if f.x1 - f.x0 <= side and f.bottom - f.top <= side
             and first.top - 2 <= (f.top + f.bottom) / 2 <= first.bottom + 2
             and f.x1 <= first.x0 + 1 and first.x0 - f.x1 <= side]
    return max(marks, key=lambda f: f.x1).rgb if marks else None


def _said_already(g: Gruppo, words: set[str], heading: str | None) -> bool:
    """Most of the group's words are in records read already -- its heading's too, when the
    heading names it (two sections alike but for their titles are two records)."""
    said = [w for v in g.voci for w in fold(v.valore).split() if len(w) >= 4 and not w.isdigit()]
    said += [w for w in fold(heading or '').split() if len(w) >= 4 and not w.isdigit()]
    return bool(said) and sum(w in words for w in said) / len(said) >= ALREADY_READ


def _needs_name(g: Gruppo) -> bool:
    own = {'obiettivo': 'titolo', 'indicatore': 'testo', 'esito': 'titolo', 'azione': 'testo'}[g.lettura.tipo]
    return g.lettura.identita != own
