"""What no extractor read: tables that no record comes from. Families report the near-misses
they recognise; this catches the rest, so a table in a layout nobody foresaw shows up in
`anomalie` instead of vanishing. A table counts as read when a record starts or runs on its
page, or when nearly all its words are in the records (a card broken onto a page of its own)."""
from __future__ import annotations

from .layout import Layout, Table
from .records import Extraction, RawAnomalia
from .text import fold, one_line

MIN_ROWS, MIN_COLS = 2, 2
WORDS_READ = 0.85


def _pages(ex: Extraction) -> set[int]:
    pages: set[int] = set()
    for o in ex.obiettivi:
        pages.update(range(o.pagina_inizio, (o.pagina_fine or o.pagina_inizio) + 1))
    for i in ex.indicatori:
        pages.add(i.pagina or 0)
    for e in ex.esiti:
        pages.add(e.pagina)
    return pages


def words_read(ex: Extraction) -> set[str]:
    """The folded words of every value of every record read so far."""
    parts: list[str] = []
    for o in ex.obiettivi:
        parts += [str(v) for v in o.fields.values()] + [a.testo for a in o.azioni] + [i.testo for i in o.indicatori]
    for i in ex.indicatori:
        parts += [i.testo, *map(str, i.fields.values()), *(c for _, c in i.rilevazioni)]
    for e in ex.esiti:
        parts += [str(v) for v in e.fields.values()] + list(e.azioni_realizzate)
    return {w for p in parts if p for w in fold(p).split()}


def table_words(t: Table) -> list[str]:
    return [w for row in t.rows for c in row if c is not None for w in fold(c.text).split() if len(w) >= 4 and not w.isdigit()]


def unread_tables(layout: Layout, ex: Extraction) -> list[RawAnomalia]:
    pages, words = _pages(ex), None
    out = []
    for page in layout.pages:
        if page.number in pages:
            continue
        for t in page.tables:
            if len(t.rows) < MIN_ROWS or t.ncols < MIN_COLS:
                continue
            tw = table_words(t)
            words = words_read(ex) if words is None else words
            if tw and sum(w in words for w in tw) / len(tw) >= WORDS_READ:
                continue
            first = ' | '.join(one_line(c.text)[:30] for c in t.rows[0] if c is not None and c.text)
            out.append(RawAnomalia(page.number, f'tabella di {len(t.rows)} righe non ricondotta a nessun record '
                                                f'(prima riga: {first[:120]})', 'avviso', 'copertura'))
    return out
