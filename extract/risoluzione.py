"""One block, one reading: when two readers read the same table, the reading that understood more
of it keeps it. How much a reading understood is counted the same way for every reader: a field
with a value counts one, but a choice field (yes/no, type, judgement, state) only when it holds one
answer -- '☒ SI / No / Parzialmente' left as printed is a grid not understood."""
from __future__ import annotations

from .coverage import table_words, words_read
from .layout import Table
from .records import Extraction, RawEsito, RawIndicatore, RawObiettivo
from .schema import campi

_SCELTE = ('si_no', 'tipo_obiettivo', 'booleano', 'giudizio', 'tipo_indicatore')
MOSTLY = 0.6
Record = RawObiettivo | RawIndicatore | RawEsito


def _tipo(rec: Record) -> str:
    return 'obiettivo' if isinstance(rec, RawObiettivo) else 'indicatore' if isinstance(rec, RawIndicatore) else 'esito'


def _unresolved(rec: Record) -> list[str]:
    """The choice fields a record holds as printed grids, not as one answer (a state is no such
    field: a deck's reader keeps the words of a coloured cell as the state, the colour decides)."""
    schema = campi(_tipo(rec))
    out = []
    for name, value in rec.fields.items():
        text = str(value or '').strip()
        kind = schema[name].valore if name in schema else 'testo'
        if text and kind in _SCELTE and (len(text.splitlines()) > 1 or len(text.split()) > 6):
            out.append(name)
    return out


def capito(rec: Record) -> float:
    """How much of its block a record understood: one for each field with a value, minus one for
    each choice it misread (a grid left as printed is wrong, not merely missing)."""
    grids = _unresolved(rec)
    n = float(sum(1 for k, v in rec.fields.items() if str(v or '').strip() and k not in grids) - len(grids))
    if isinstance(rec, RawObiettivo):
        n += 0.5 * bool(rec.azioni) + 0.5 * bool(rec.indicatori)
    elif isinstance(rec, RawIndicatore):
        n += 1.0 + bool(rec.tipo) + 0.5 * bool(rec.rilevazioni)
    else:
        n += 0.5 * bool(rec.azioni_realizzate) + 0.5 * (rec.colore is not None)
    return n


def records(ex: Extraction) -> list[Record]:
    return [*ex.obiettivi, *ex.indicatori, *ex.esiti]


def read_from(rec: Record, tables: list[Table]) -> bool:
    """Most of a record's words are in these tables: the record was read from them."""
    words = words_read(Extraction(**{{'obiettivo': 'obiettivi', 'indicatore': 'indicatori',
                                      'esito': 'esiti'}[_tipo(rec)]: [rec]}))
    words = {w for w in words if len(w) >= 4 and not w.isdigit()}
    if not words:
        return False
    inside = {w for t in tables for w in table_words(t)}
    return sum(w in inside for w in words) / len(words) >= MOSTLY


MARGIN = 1.5       # how much more a reading must understand to take a block read well enough


def better(new: Extraction, old: list[Record]) -> bool:
    """The new reading of a block takes it from the records read from it before when, finding at
    least as many records, it understood more and those left a choice unresolved (they misread
    the block) -- or when, finding the same records, it understood half as much again and one
    field more each (they read a fraction of it). A reading
    that merely says a little more of a block read well leaves it: the reader written for that
    layout knows its context. (An esito's state is not a choice here: a deck says it by colour,
    and its reader keeps the cell's words beside the colour.)"""
    mine = records(new)
    if len(mine) < len(old) or any(_unresolved(r) for r in mine):
        return False
    ours, theirs = sum(map(capito, mine)), sum(map(capito, old))
    misread = any(_unresolved(r) for r in old) and ours > theirs
    return misread or (len(mine) == len(old) and ours >= MARGIN * theirs + len(old))
