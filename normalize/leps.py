"""LEPS (livelli essenziali delle prestazioni sociali) named in an action's text, and the
organisations a text names (for governance fields)."""
from __future__ import annotations

import re
from functools import lru_cache

from . import nlp

# LEPS names (national plan and DGR 2167/2024) -- found also when no dash closes the name
LEPS_NOTI = [
    'EVM', 'Valutazione multidimensionale', 'Valutazione multidimensionale e progetto personalizzato',
    'Pronto intervento sociale', 'Dimissioni protette', 'Servizi sociali per le dimissioni protette',
    'Prevenzione dell\'allontanamento familiare', 'Supervisione del personale dei servizi sociali',
    'Punti unici di accesso', 'Punto unico di accesso', 'PUA', 'Servizi per la non autosufficienza',
    'Centro servizi per il contrasto alla povertà', 'Centri servizi per il contrasto alla povertà',
    'Accesso', 'Segretariato sociale', 'Presa in carico', 'Residenza fittizia', 'Residenza anagrafica',
    'Housing first', 'Progetto di vita', 'Servizi di sollievo', 'Servizio sociale professionale',
    'Offerta integrata di interventi e servizi', 'Rafforzamento del servizio sociale professionale',
]
_SEPARATORE = re.compile(r'\s+[-–—]\s+|\s*[–—:(]\s*|\.\s|\.$')
_MAX_PAROLE = 9


@lru_cache(maxsize=1)
def _noti():
    return nlp.phrase_matcher({'LEPS': LEPS_NOTI})


def find_leps(text: str | None) -> str | None:
    """'LEPS EVM – Attivazione…' -> 'LEPS EVM'. The name runs from 'LEPS' to the dash, colon or
    bracket that closes it; with no such mark, the longest known LEPS name after 'LEPS'."""
    if not text:
        return None
    m = re.search(r'\bL\.?E\.?P\.?S\.?\b[\s:]*', text)
    if not m:
        return None
    rest = text[m.end():]
    regionale = re.match(r'(?i)reg(?:ione|ionale|\.)?\s*(?:lomb(?:ardia|\.)?)?\s*[-–—:]\s*', rest)
    if regionale:              # 'LEPS Reg. Lomb. - Valutazione ...': the name follows the qualifier
        rest = rest[regionale.end():]
    sep = _SEPARATORE.search(rest)
    if sep and sep.start() > 0:
        nome = rest[:sep.start()].strip(' ,;')
        if nome and len(nome.split()) <= _MAX_PAROLE:
            return f'LEPS {nome}'
    doc = nlp.pipeline().make_doc(rest[:200])
    spans = [doc[s:e] for _, s, e in _noti()(doc) if s <= 1]
    if spans:
        return 'LEPS ' + max(spans, key=len).text
    return None


def organizzazioni(text: str | None) -> list[str]:
    """Organisations named in the text, as written, each once, in order ('ASST BG Ovest',
    'ATS Bergamo', 'Comuni', 'Terzo Settore', 'Ufficio di Piano', ...)."""
    if not text:
        return []
    seen, out = set(), []
    for ent in nlp.doc(text).ents:
        if ent.label_ != 'ORG':
            continue
        name = ent.text.strip(' .,;:')
        key = name.casefold()
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return out
