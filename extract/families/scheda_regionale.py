"""Regional 'scheda obiettivo' (DGR 2167/2024 format, livello 'ambito'): a label | content table
of ~30 rows per objective, however it is drawn (two ruled columns, a yes/no checkbox grid,
horizontal rules only, a numbering column) and however it breaks across pages.

The card is found by its labels (extract/cards.py, extract/labels.py). What the card does not
say is taken from what is written above it: the macroarea lines ('Macroaree di
co-programmazione (livello di Ambito): ...', '... (livello di Regione Lombardia): ...'), else
the tavola sinottica. Programmed actions become azioni, 'Indicatori di processo/output/outcome'
lists inside the card become indicatori. Card-like tables that are not a known card, and labels
nobody knows, go to anomalie with their page."""
from __future__ import annotations

import re

from ..cards import (Scheda, card_heading, context_above, heading_above, heading_page, indicator_blocks,
                     list_items, schede)
from ..layout import Layout
from ..records import Extraction, RawAnomalia, RawAzione, RawIndicatore, RawObiettivo
from ..schema import SCHEMA
from ..text import clean, fold, is_bullet_line
from . import tavola_sinottica
from ..contesto import area_above

NAME = 'scheda_regionale'

# card fields that are obiettivi columns (the rest are read into azioni / indicatori or reported)
COLUMNS = {c.nome for c in SCHEMA['obiettivo'] if c.colonna}
# rows whose content lists indicators, with the tipo they have when their heading does not say
_TIPO_OF_ROW = {c.nome: c.tipo_elementi for c in SCHEMA['obiettivo'] if c.contiene == 'indicatore'}


def azioni_of(card: Scheda) -> list[RawAzione]:
    """One action per bullet or numbered item of the actions row(s)."""
    out = []
    for r in card.rows_of('azioni'):
        out += [RawAzione(item, r.page) for item in list_items(r.content)]
    return out


# a row label that itself says its content is indicators: '... (INDICATORI DI OUTPUT)', 'Indicatori di processo'
_LABEL_SAYS_INDICATORI = re.compile(r'\bindicator[ei]\b(?:\s+(?:di|del|d)\b)?\s*(process\w*|output|outcome|risultat\w*|'
                                    r'impatt\w*|esit\w*|realizzazion\w*)?')


def _tipo_of_label(label: str) -> tuple[bool, str | None]:
    """(the label says 'indicatori', the tipo it names if any)."""
    m = _LABEL_SAYS_INDICATORI.search(fold(label))
    return (True, m.group(1)) if m else (False, None)


def indicatori_of(card: Scheda, fields: dict[str, str]) -> list[RawIndicatore]:
    """Indicators listed inside the card, under 'Indicatori di processo/output/outcome' headings
    (or in an 'Indicatori' row, or a row whose own label says 'Indicatori di output'). The free
    text before the first heading stays the field's value."""
    out = []
    for name, default_tipo in _TIPO_OF_ROW.items():
        for r in card.rows_of(name):
            before, items = indicator_blocks(r.content)
            said, tipo_label = _tipo_of_label(r.label)
            if (name == 'indicatori' or said) and not items:
                items = [(tipo_label, i) for i in list_items(r.content)]
                before = ''
            for tipo, testo in items:
                out.append(RawIndicatore(testo, tipo or default_tipo, r.page))
            if items and name in fields:
                fields[name] = before
    return out


def aree_trasversali(text: str) -> str:
    """'Sì, l'obiettivo è trasversale con le seguenti aree: • A • B' -> the listed areas only."""
    lines = clean(text).splitlines()
    for i, ln in enumerate(lines):
        if is_bullet_line(ln):
            return '\n'.join(lines[i:])
    if ':' in text:
        return text.split(':', 1)[1]
    if len(lines) > 1 and _MARK.match(fold(lines[0])):
        areas = ' '.join(lines[1:])       # 'SI' (the ticked option) over the areas it names, '; ' apart
        return '\n'.join(a.strip() for a in areas.split(';') if a.strip())
    return ''


_MARK = re.compile(r'^(si|sì|no|x|in parte|parzialmente)$')


def _fields(card: Scheda, anomalie: list[RawAnomalia], famiglia: str) -> dict[str, str]:
    fields = {}
    for k, v in card.fields().items():
        if k in COLUMNS:
            fields[k] = v
        elif k not in ('azioni', 'indicatori'):
            anomalie.append(RawAnomalia(card.page_start, f'{famiglia}: campo {k!r} non previsto in questa scheda: '
                                                         f'{v[:80]!r}', famiglia=famiglia))
    for r in card.unknown:
        anomalie.append(RawAnomalia(r.page, f'{famiglia}: etichetta non riconosciuta {r.label[:100]!r} '
                                            f'(contenuto {r.content[:60]!r})', famiglia=famiglia))
    return fields


def obiettivo(layout: Layout, card: Scheda, anomalie: list[RawAnomalia]) -> RawObiettivo:
    fields = _fields(card, anomalie, NAME)
    if 'trasversale' in fields:
        listed = aree_trasversali(fields['trasversale'])
        if listed.strip():
            fields['aree_trasversali'] = listed
    start = card.page_start
    if not fields.get('titolo'):
        numero, titolo = heading_above(layout, card)
        if titolo:
            fields['titolo'] = titolo
            start = heading_page(layout, card)     # the card begins at its title
        if numero:
            fields['numero'] = numero
    if not fields.get('numero'):
        numero, _ = card_heading(' '.join(heading_above(layout, card)[1:]))   # 'SCHEDA 3' over a titled card
        if numero:
            fields['numero'] = numero
    ctx = context_above(layout, card)
    voce = tavola_sinottica.voce_per(layout, fields.get('titolo', '')) if fields.get('titolo') else None
    if not fields.get('macroarea'):
        if 'macroarea' in ctx:
            fields['macroarea'] = ctx['macroarea'][0]
        elif voce and voce.macroarea:
            fields['macroarea'] = voce.macroarea
        elif area := area_above(layout, card.page_start, card.top):
            fields['macroarea'] = area        # the section heading the card stands under
    if not fields.get('aree_regionali'):
        if 'aree_regionali' in ctx:
            fields['aree_regionali'] = ctx['aree_regionali'][0]
        elif voce and voce.aree_regionali:
            fields['aree_regionali'] = voce.aree_regionali
        elif fields.get('macroarea'):
            fields['aree_regionali'] = fields['macroarea']
    indicatori = indicatori_of(card, fields)
    return RawObiettivo('ambito', fields, start, card.page_end, azioni_of(card), indicatori, NAME)


def extract(layout: Layout) -> Extraction:
    out = Extraction()
    for card in schede(layout):
        if card.kind == 'scheda':
            out.obiettivi.append(obiettivo(layout, card, out.anomalie))
        elif card.kind is None:
            labels = '; '.join(r.label.replace('\n', ' ')[:40] for r in card.righe[:6])
            why = f'; {card.nota}' if card.nota else ''
            out.anomalie.append(RawAnomalia(card.page_start, f'{NAME}: tabella simile a una scheda ma non '
                                                             f'riconosciuta (etichette: {labels}){why}', famiglia=NAME))
    return out
