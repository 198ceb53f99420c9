"""One block, one reading: when two readers read the same table, the reading that understood more
of it keeps it. How much a reading understood is counted the same way for every reader: a field
with a value counts one, but a choice field (yes/no, type, judgement, state) only when it holds one
answer -- '☒ SI / No / Parzialmente' left as printed is a grid not understood."""
from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import replace

from .coverage import table_words, words_read
from .layout import Table
from .records import Extraction, RawEsito, RawIndicatore, RawObiettivo
from .schema import campi, vocabolario
from .text import fold

_SCELTE = ('si_no', 'tipo_obiettivo', 'booleano', 'giudizio', 'tipo_indicatore')
MOSTLY = 0.6
Record = RawObiettivo | RawIndicatore | RawEsito


def _tipo(rec: Record) -> str:
    return 'obiettivo' if isinstance(rec, RawObiettivo) else 'indicatore' if isinstance(rec, RawIndicatore) else 'esito'


_NUMBER = re.compile(r'^[<>≥≤~]?\s*\d+(?:[.,]\d+)?\s*%?$')


def _labels_of(tipo: str) -> dict[str, str]:
    """A record type's wordings long enough not to occur by chance before a colon."""
    return {fold(w): f for f, ws in vocabolario(tipo).items() for w in ws if len(fold(w).split()) >= 2}


def _runs_in(text: str, labels: dict[str, str], own: str) -> bool:
    """`text` holds another field's label run in with its value ('Contenuto dell'obiettivo: ...')."""
    before = [' ' + fold(part) for part in text.split(':')[:-1]]
    return any(b.endswith(' ' + w) for b in before for w, f in labels.items() if f != own)


_LABELS = {t: _labels_of(t) for t in ('obiettivo', 'indicatore', 'esito')}


def _unresolved(rec: Record) -> list[str]:
    """The fields a record misread: a choice left as a grid, not one answer, or a bare number
    where a choice was due ('100 %' as a state); a text holding another field's label and its
    value run in ('... Contenuto dell'obiettivo: ...'), the label not seen. (A state in words is
    not judged: a deck's reader keeps the words of a coloured cell as the state and the colour
    decides.)"""
    tipo = _tipo(rec)
    schema, labels = campi(tipo), _LABELS[tipo]
    out = []
    for name, value in rec.fields.items():
        text = str(value or '').strip()
        kind = schema[name].valore if name in schema else 'testo'
        if not text:
            continue
        if kind in _SCELTE and (len(text.splitlines()) > 1 or len(text.split()) > 6):
            out.append(name)
        elif (kind in _SCELTE or kind == 'stato') and _NUMBER.match(text):
            out.append(name)
        elif _runs_in(text, labels, name):
            out.append(name)
    return out


def capito(rec: Record) -> float:
    """How much of its block a record understood: one for each field with a value, minus one for
    each choice it misread (a grid left as printed is wrong, not merely missing)."""
    if not isinstance(rec, RawIndicatore) and not str(rec.fields.get('titolo') or '').strip():
        return 0.0                   # a record that says nothing of what it is understood nothing
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


def block_words(tables: list[Table]) -> set[str]:
    return {w for t in tables for w in table_words(t)}


def _counted(words: set[str]) -> frozenset[str]:
    """The words whose share says where a text comes from: not the short ones, not numbers."""
    return frozenset(w for w in words if len(w) >= 4 and not w.isdigit())


def _mostly(counted: frozenset[str], inside: Container[str]) -> bool:
    if not counted:
        return False
    # a set's share counted in C (read_from runs for every record against every block)
    n = len(counted & inside) if isinstance(inside, (set, frozenset)) else sum(w in inside for w in counted)
    return n / len(counted) >= MOSTLY


def _mostly_in(words: set[str], inside: Container[str]) -> bool:
    return _mostly(_counted(words), inside)


def name_of(rec: Record) -> str:
    return rec.testo if isinstance(rec, RawIndicatore) else str(rec.fields.get('titolo') or '')


def names(rec: Record, heading: str) -> bool:
    """The record's name says the heading a block stands under (each may say more, or the
    record's name be a part of it: a reader that took one line of a wrapped heading)."""
    said, name = set(fold(heading).split()), set(fold(name_of(rec)).split())
    return _mostly_in(said, name) or _mostly_in(name, said)


def naming(rec: Record, heading: str) -> float:
    """How well the record's name and the heading say each other (the words they share)."""
    said, name = set(fold(heading).split()), set(fold(name_of(rec)).split())
    return len(said & name) / max(len(said | name), 1)


def record_words(rec: Record) -> tuple[frozenset[str], frozenset[str]]:
    """What `read_from` compares of a record: the words of its name, and of all it read. Worked
    out once per record: a document's blocks are each compared with every record."""
    return _counted(set(fold(name_of(rec)).split())), _counted(_own_words(rec))


def read_from(words: tuple[frozenset[str], frozenset[str]], inside: Container[str],
              elsewhere: Container[str] = frozenset()) -> bool:
    """A record (`words`: its record_words) was read from a block (`inside`: its words): its
    name is in it -- or, when its name is not `elsewhere` either (it came from a heading), most
    of its words are (two cards may share a description, never a title)."""
    named, own = words
    if _mostly(named, inside):
        return True
    if _mostly(named, elsewhere):
        return False
    return _mostly(own, inside)


def _own_words(rec: Record) -> set[str]:
    """The words of what a record read, not of the context it was given (an area, a triennio
    from the headings above its block)."""
    schema = campi(_tipo(rec))
    own = replace(rec, fields={k: v for k, v in rec.fields.items() if not (k in schema and schema[k].ruolo == 'contesto')})
    return words_read(Extraction(**{_TABELLA[_tipo(rec)]: [own]}))


_TABELLA = {'obiettivo': 'obiettivi', 'indicatore': 'indicatori', 'esito': 'esiti'}


MARGIN = 1.5       # how much more a reading must understand to take a block read well enough


def better(new: Extraction, old: list[Record]) -> bool:
    """The new reading of a block takes it from the records read from it before when, finding at
    least as many records, it understood more and those left a choice unresolved (they misread
    the block) -- or when, finding the same records, it understood half as much again and one
    field more each (they read a fraction of it). A reading that merely says a little more of a
    block read well leaves it: the reader written for that layout knows its context -- unless it
    says everything that reader read from the block, on the same pages, and what that reader left
    unread (`_says_all_and_more`). (An esito's state is not a choice here: a deck says it by
    colour, and its reader keeps the cell's words beside the colour.)"""
    mine = records(new)
    kinds = {_tipo(r) for r in mine}
    one_kind = {_tipo(r) for r in old} == kinds and len(kinds) == 1
    if len({_tipo(r) for r in old}) > 1 and kinds and len(kinds) == 1:
        # two readers took one table for records of two types: weigh this reading against
        # those of its own type (one block holds one kind of record)
        old = [r for r in old if _tipo(r) in kinds] or old
    if len(mine) < len(old) or any(_unresolved(r) for r in mine):
        return False
    ours, theirs = sum(map(capito, mine)), sum(map(capito, old))
    misread = any(_unresolved(r) for r in old) and ours > theirs
    return misread or (len(mine) == len(old) and (ours >= MARGIN * theirs + len(old)
                                               or (one_kind and _says_all_and_more(mine, old))))


def _filled(rec: Record) -> set[str]:
    return {k for k, v in rec.fields.items() if str(v or '').strip()}


def _read_here(rec: Record) -> set[str]:
    """The filled fields that are no context (an area, a triennio a reader may take from the
    headings above the block rather than from the block)."""
    schema = campi(_tipo(rec))
    return {k for k in _filled(rec) if not (k in schema and schema[k].ruolo == 'contesto')}


def _page(rec: Record) -> int | None:
    return rec.pagina_inizio if isinstance(rec, RawObiettivo) else rec.pagina


def _says_all_and_more(mine: list[Record], old: list[Record]) -> bool:
    """Each record read before is one of the new reading's -- by name, on its page, with every
    field it read from the block (not the context it added from the headings) and its actions and
    indicators -- and the new ones hold more fields: the earlier reader left rows or columns of the
    block it knew no label for."""
    pairs = [max(mine, key=lambda m: naming(m, name_of(o))) for o in old]

    def children(r: Record) -> int:
        return len(r.azioni) + len(r.indicatori) if isinstance(r, RawObiettivo) else 0

    def news(m: Record, o: Record) -> int:
        # fields the old lacked that say what none of its fields said (not its title again)
        said = {fold(str(v)) for v in o.fields.values()}
        return sum(fold(str(m.fields[k])) not in said for k in _filled(m) - _filled(o))
    return (len({id(m) for m in pairs}) == len(old)
            and all(names(m, name_of(o)) and _page(m) == _page(o) and _read_here(o) <= _filled(m)
                    and children(m) >= children(o) for m, o in zip(pairs, old))
            and sum(news(m, o) for m, o in zip(pairs, old)) > 0)
