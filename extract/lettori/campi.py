"""Which field of which record type a label names -- the one lookup every generic reader uses,
whatever drew the label (a column's header path, a row label, a run-in 'Label:', a bold line).

The wordings are the schema's (`extract/schema.py`); the few rules here are for labels no
wording list can hold: a number column ('N.', 'Cod.'), a measurement named by its date ('Dato al
30/11/2025'), an expected value named by its year ('Risultato atteso II anno', 'Target 2026')."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..labels import best_field, is_number_label
from ..schema import SCHEMA, vocabolario
from ..text import fold

# the record types a group of labels can be; a rilevazione is read inside its indicator
TIPI_GRUPPO = ('obiettivo', 'azione', 'indicatore', 'esito')
_DATA = re.compile(r'\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(19|20)?\d\d\b')
_ATTESO = re.compile(r'attes|target|valore obiettivo|previst|programmat')
_ORDINALI = {1: r'\b(i|1|primo|prima)\b', 2: r'\b(ii|2|secondo|seconda)\b', 3: r'\b(iii|3|terzo|terza)\b'}
_MISURA = re.compile(r'rilevazion|rilevat|misurazion|\bdato al\b|valore al|monitoraggio')
SOGLIA = 0.82


@lru_cache(maxsize=None)
def _vocabolario(tipo: str) -> dict[str, list[str]]:
    return vocabolario(tipo)


def _anno_atteso(folded: str, primo_anno: int | None) -> int | None:
    """1, 2 or 3 for an expected value of the plan's first, second or third year."""
    anni = re.findall(r'\b(20\d\d)\b', folded)
    if anni and primo_anno and 0 <= int(anni[-1]) - primo_anno <= 2:
        return int(anni[-1]) - primo_anno + 1
    rest = re.sub(r'\b(anno|annualita|al|del|di)\b', ' ', folded)
    for n, pat in _ORDINALI.items():
        if re.search(pat, rest):
            return n
    return None


@lru_cache(maxsize=65536)
def campo(tipo: str, etichetta: str, primo_anno: int | None = None) -> tuple[str | None, float]:
    """(field, confidence) a label names in a record of `tipo`; (None, score) when none fits."""
    f = fold(etichetta)
    if is_number_label(etichetta):          # a number column, in any record type
        return 'numero', 1.0
    if tipo == 'indicatore':
        if _DATA.search(etichetta) or (_MISURA.search(f) and not _ATTESO.search(f)
                                       and best_field(etichetta, _vocabolario('indicatore'))[0] is None):
            return 'rilevazione', 1.0
        if _ATTESO.search(f) and (n := _anno_atteso(f, primo_anno)):
            return f'atteso_anno{n}', 1.0
    got = best_field(etichetta, _vocabolario(tipo), SOGLIA)
    if got[0] is None:
        # a wording said whole names its field, whatever words it lacks ('Obiettivo strategico');
        # so does a label that opens with one of several words ('Obiettivo del triennio 2021-2023')
        got = next(((k, 1.0) for k, ws in _vocabolario(tipo).items() if any(fold(w) == f for w in ws)), got)
    if got[0] is None:
        opens = [(len(fold(w)), k) for k, ws in _vocabolario(tipo).items() for w in ws
                 if len(fold(w).split()) >= 2 and f.startswith(fold(w) + ' ')]
        got = (max(opens)[1], 0.9) if opens else got
    return got


def campo_di_percorso(tipo: str, percorso: tuple[str, ...], primo_anno: int | None = None) -> tuple[str | None, float]:
    """A header path ('Valutazione', 'Raggiungimento %'): its last level (the column's own
    title), else the whole path read as one label ('Risultati attesi II anno'), else its first
    level (the group's title)."""
    prove = [percorso[-1], ' '.join(percorso), percorso[0]] if len(percorso) > 1 else [' '.join(percorso)]
    best: tuple[str | None, float] = (None, 0.0)
    for p in prove:
        got = campo(tipo, p, primo_anno)
        if got[0] is not None:
            return got
        best = max(best, got, key=lambda x: x[1])
    return best


@dataclass
class Lettura:
    """How a group of labels reads as a record type: label index -> field, and how well."""
    tipo: str
    campi: dict[int, str]
    punti: float
    identita: str | None


def is_identity(tipo: str, nome: str) -> bool:
    """The field names a record of `tipo` (its title or text; its number does not)."""
    c = next((c for c in SCHEMA[tipo] if c.nome == nome), None)
    return c is not None and c.ruolo == 'identita' and nome != 'numero'


def _identita(tipo: str, nomi: set[str]) -> tuple[str | None, bool]:
    """The field that names the record, and whether it is the type's own identity (else a field
    that stands in for it: 'Finalità' for an objective's title)."""
    fields = [c for c in SCHEMA[tipo] if c.nome in nomi]
    own = next((c.nome for c in fields if c.ruolo == 'identita' and c.nome != 'numero'), None)
    if own:
        return own, True
    return next((c.nome for c in fields if c.vale_come), None), False


def lists_records(tipo: str, nomi: set[str]) -> bool:
    """One of the fields lists records of another type ('Azioni previste' under its objective)."""
    return any(c.contiene for c in SCHEMA[tipo] if c.nome in nomi)


PREFERITO = 0.75


def leggi_etichette(percorsi: list[tuple[str, ...]], primo_anno: int | None = None,
                    tipi: tuple[str, ...] = TIPI_GRUPPO, senza_nome: bool = False, bastano: int = 2,
                    preferito: str | None = None) -> Lettura | None:
    """The record type a group's labels describe best: the most distinct fields named, its own
    identity field counting one more, a stand-in half. None when no type has an identity --
    unless `senza_nome` (a card whose heading names it): then two fields are enough, or one that
    lists the record's actions or indicators (`bastano`: how many fields are enough).
    `preferito`: the type the context says (esiti under a heading that evaluates a past
    triennio), worth a little less than one field more."""
    best = None
    for tipo in tipi:
        mapped: dict[int, str] = {}
        for i, p in enumerate(percorsi):
            name, _ = campo_di_percorso(tipo, p, primo_anno)
            if name is not None and (name not in mapped.values() or name == 'rilevazione'):
                mapped[i] = name
        nomi = set(mapped.values())
        ident, own = _identita(tipo, nomi)
        if ident is None and not (senza_nome and (len(nomi - {'numero'}) >= bastano or lists_records(tipo, nomi))):
            continue
        punti = len(nomi - {'numero'}) + (1.0 if own else 0.5 if ident else 0.0) + PREFERITO * (tipo == preferito)
        if best is None or punti > best.punti:
            best = Lettura(tipo, mapped, punti, ident)
    return best
