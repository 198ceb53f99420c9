"""Esiti of the previous triennio in the DGR 2167/2024 schema: one label | content table per
evaluated objective (TITOLO OBIETTIVO, DIMENSIONE, GRADO DI RAGGIUNGIMENTO, ...). The numbered
heading above ('5.1. Domiciliarità – ...') is the macroarea; the section heading ('Esiti della
Programmazione Zonale 2021-2023') gives triennio_valutato."""
from __future__ import annotations

import re

from ..cards import Scheda, find_line_before, schede, section_heading
from ..layout import Layout
from ..records import Extraction, RawAnomalia, RawEsito
from ..text import clean, fold, join_wrapped

NAME = 'esiti_dgr'

COLUMNS = {'titolo', 'descrizione', 'dimensione', 'grado_raggiungimento', 'valutazione_utenti', 'adeguatezza_risorse',
           'coincidenza_risorse', 'criticita', 'risposta_bisogno', 'continuita_precedente', 'riproposto', 'macroarea'}
_TRIENNIO = r'(19|20)\d\d\s*[-/–]\s*(19|20)?\d\d'


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


def triennio_valutato(layout: Layout, card: Scheda) -> str | None:
    found = find_line_before(layout, card, r'\besit')
    if found and re.search(_TRIENNIO, found[0]):
        return re.search(_TRIENNIO, found[0]).group(0)
    return None


def esito(layout: Layout, card: Scheda, anomalie: list[RawAnomalia]) -> RawEsito:
    fields: dict[str, str] = {}
    for k, v in card.fields().items():
        if k in COLUMNS:
            fields[k] = v
        else:
            anomalie.append(RawAnomalia(card.page_start, f'{NAME}: campo {k!r} non previsto in un esito: {v[:80]!r}',
                                        famiglia=NAME))
    for r in card.unknown:
        anomalie.append(RawAnomalia(r.page, f'{NAME}: etichetta non riconosciuta {r.label[:100]!r}', famiglia=NAME))
    if fields.get('titolo') and not fields.get('descrizione'):
        fields['titolo'], descr = titolo_e_descrizione(fields['titolo'])
        if descr:
            fields['descrizione'] = descr
    if not fields.get('macroarea'):
        h = section_heading(layout, card)
        if h:
            fields['macroarea'] = h[1]
    t = triennio_valutato(layout, card)
    if t:
        fields['triennio_valutato'] = t
    return RawEsito(fields, card.page_start, famiglia=NAME)


def extract(layout: Layout) -> Extraction:
    out = Extraction()
    for card in schede(layout):
        if card.kind == 'esito':
            out.esiti.append(esito(layout, card, out.anomalie))
    return out
