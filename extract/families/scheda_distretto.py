"""Distretto cards (integrazione sociosanitaria, livello 'distretto'): Descrizione / Destinatari /
Ambito di riferimento / Obiettivo / Azioni principali / Tempi / Strumenti / Monitoraggio /
Verifica e Valutazione / Governance, one table per card under a numbered title
('1. Riduzione dei rischi e prevenzione selettiva' -> numero '1', titolo)."""
from __future__ import annotations

from ..cards import Scheda, heading_above, heading_page, list_items, schede
from ..layout import Layout
from ..records import Extraction, RawAnomalia, RawObiettivo
from .scheda_regionale import _fields, azioni_of, indicatori_of

NAME = 'scheda_distretto'


def obiettivo(layout: Layout, card: Scheda, anomalie: list[RawAnomalia]) -> RawObiettivo:
    fields = _fields(card, anomalie, NAME)
    numero, titolo = heading_above(layout, card)
    start = card.page_start
    if not fields.get('titolo') and titolo:
        fields['titolo'] = titolo
        start = heading_page(layout, card)     # the card begins at its title
    if numero and not fields.get('numero'):
        fields['numero'] = numero
    if fields.get('governance'):
        # one item per line group (a body named on a line of its own), bullets or not
        fields['governance'] = '\n'.join(f'• {i}' for i in list_items(fields['governance'], headings=False))
    indicatori = indicatori_of(card, fields)
    return RawObiettivo('distretto', fields, start, card.page_end, azioni_of(card), indicatori, NAME)


def extract(layout: Layout) -> Extraction:
    out = Extraction()
    for card in schede(layout):
        if card.kind == 'distretto':
            out.obiettivi.append(obiettivo(layout, card, out.anomalie))
    return out
