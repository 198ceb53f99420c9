"""The records the combinatorial generator draws, and the truth written for them.

A `Scheda` is one record as it will be printed: its number and title, and its fields as
(label, printed value) pairs -- the label drawn from parafrasi.py, the value printed one of the
ways the plans print it. Its `truth` is what ../shared/corpus/README.md says must come out of
exactly that print (values as printed, codes for vocabularies). The texts come from the truth of
../shared/corpus/dev and dev2 (real plan text); numbers, yes/no answers, judgements and states
are drawn, since their printed form is what the truth follows."""
from __future__ import annotations

import json
import os
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .parafrasi import GIUDIZIO, etichette, SI_NO, STATO_PAROLE, TIPO_INDICATORE, TIPO_OBIETTIVO

SHARED = Path(os.environ.get('PDZ_SHARED') or Path(__file__).resolve().parents[3] / 'shared')
CORPORA = [SHARED / 'corpus' / 'dev', SHARED / 'corpus' / 'dev2']
TRIENNIO_VALUTATO = '2021-2023'
SINO_OBIETTIVO = ['asst_analisi', 'continuita_precedente', 'coprogettato_ts']
SINO_ESITO = ['continuita_precedente', 'riproposto']
DATE = [('2025-11-30', '30/11/2025'), ('2026-06-30', '30/06/2026'), ('2026-11-30', '30/11/2026')]


def available() -> bool:
    return any(d.is_dir() and any(d.glob('*.truth.json')) for d in CORPORA)


@dataclass
class Campo:
    field: str                  # truth key; 'azioni' a list, 'ril:<iso date>' a measurement
    etichetta: str
    testo: str | list[str]      # as printed; a list is printed as bullets
    codice: str | None = None   # si/no code of a yes/no field (mark grids print the mark instead)


@dataclass
class Scheda:
    tipo: str                   # obiettivo / azione / indicatore / rilevazione / esito
    numero: str | None
    titolo: str
    campi: list[Campo]
    truth: dict
    etichetta_titolo: str = 'Titolo'
    etichetta_numero: str = 'N.'
    stato: str | None = None    # esiti: the state a colour shows
    figli: list[str] = field(default_factory=list)   # azioni drawn as table rows


@lru_cache(maxsize=1)
def _fonti() -> dict[str, list[dict]]:
    """The records of the dev truth, each text once (some plans share objectives)."""
    out = {'obiettivi': [], 'indicatori': [], 'esiti': []}
    visti = set()
    for d in CORPORA:
        for f in sorted(d.glob('*.truth.json')):
            t = json.loads(f.read_text(encoding='utf-8'))
            for k in out:
                for r in t.get(k) or []:
                    chiave = (k, _pulito(r.get('titolo') or r.get('testo')).casefold())
                    if chiave not in visti:
                        visti.add(chiave)
                        out[k].append(r)
    return out


def _pulito(s, limite=320) -> str:
    """The text on one line of words, cut at a word boundary: what gets printed (and so the truth)."""
    s = ' '.join(str(s or '').replace('•', ' ').split())
    if len(s) <= limite:
        return s
    return s[:limite].rsplit(' ', 1)[0].rstrip(' ,;:(')


def _valore(testo: str):
    """A measurement's number when the printed text is just one (21, 40%, 3,5); None when it has
    no digit at all; absent (not scored) when it mixes words and digits."""
    m = re.fullmatch(r'\s*(\d+(?:[.,]\d+)?)\s*%?\s*', testo)
    if m:
        return float(m.group(1).replace(',', '.'))
    return None if not re.search(r'\d', testo) else ...


def _etichette(rng: random.Random, tipo: str, parole: str) -> dict[str, str]:
    return {f: rng.choice(v) for f, v in etichette(parole)[tipo].items()}


def _sino(rng, lab, f, codice) -> Campo:
    return Campo(f, lab[f], rng.choice(SI_NO[codice]), codice)


def obiettivi(rng: random.Random, n: int, facoltativi: list[str], numerati: bool, parole='parafrasi') -> list[Scheda]:
    fonti = [o for o in _fonti()['obiettivi'] if o.get('titolo') and o.get('descrizione') and o.get('target')]
    lab = _etichette(rng, 'obiettivo', parole)
    out = []
    for i, o in enumerate(rng.sample(fonti, n), 1):
        titolo = _pulito(o['titolo'], 200)
        t = {'livello': 'ambito', 'titolo': titolo}
        if numerati:
            t['numero'] = str(i)
        campi = [Campo('descrizione', lab['descrizione'], _pulito(o['descrizione'])),
                 Campo('target', lab['target'], _pulito(o['target'], 200))]
        for f in facoltativi:
            if f == 'macroarea':
                campi.append(Campo(f, lab[f], _pulito(o.get('macroarea') or rng.choice(
                    ['Anziani e fragilità', 'Famiglia e minori', 'Disabilità', 'Inclusione sociale']), 120)))
            elif f in SINO_OBIETTIVO:
                campi.append(_sino(rng, lab, f, o.get(f) if o.get(f) in SI_NO else rng.choice(list(SI_NO))))
            elif f == 'tipo_obiettivo':
                c = o.get(f) if o.get(f) in TIPO_OBIETTIVO else rng.choice(list(TIPO_OBIETTIVO))
                campi.append(Campo(f, lab[f], rng.choice(TIPO_OBIETTIVO[c]), c))
        for c in campi:
            t[c.field] = c.codice or c.testo
        out.append(Scheda('obiettivo', str(i) if numerati else None, titolo, campi, t, lab['titolo'], lab['numero']))
    return out


def azioni(rng: random.Random, n: int, numerati: bool, parole='parafrasi') -> list[Scheda]:
    """Objectives as the frame of their actions: the cell scores the actions (title is context)."""
    fonti = [o for o in _fonti()['obiettivi'] if len(o.get('azioni') or []) >= 2]
    lab = _etichette(rng, 'azione', parole)
    out = []
    for i, o in enumerate(rng.sample(fonti, n), 1):
        titolo = _pulito(o['titolo'], 200)
        testi = [_pulito(a['testo'], 220) for a in o['azioni'][:rng.randint(2, 5)]]
        t = {'livello': 'ambito', 'titolo': titolo, 'azioni': [{'testo': x} for x in testi]}
        out.append(Scheda('azione', str(i) if numerati else None, titolo,
                          [Campo('azioni', lab['azioni'], testi)], t, rng.choice(etichette(parole)['obiettivo']['titolo']),
                          figli=testi))
    return out


def indicatori(rng: random.Random, n: int, facoltativi: list[str], date: int = 0, parole='parafrasi') -> list[Scheda]:
    """Top-level (monitoring) indicators; with `date`, that many measurements each."""
    fonti = [i for i in _fonti()['indicatori'] if i.get('testo') and i.get('tipo') in TIPO_INDICATORE]
    lab = _etichette(rng, 'indicatore', parole)
    lril = rng.choice(etichette(parole)['rilevazione']['data'])
    out = []
    primo = rng.randint(1, 30)
    for k, s in enumerate(rng.sample(fonti, n)):
        num = str(primo + k)
        testo = _pulito(s['testo'], 200)
        t = {'numero': int(num), 'testo': testo, 'tipo': s['tipo']}
        campi = [Campo('tipo', lab['tipo'], rng.choice(TIPO_INDICATORE[s['tipo']]), s['tipo'])]
        for f in facoltativi:
            v = _pulito(s.get(f), 160)
            if v:
                campi.append(Campo(f, lab[f], v))
                t[f] = v
        if date:
            t['rilevazioni'] = []
            valori = [r['valore_testo'] for r in s.get('rilevazioni') or [] if r.get('valore_testo')]
            for j, (iso, stampa) in enumerate(DATE[:date]):
                vt = _pulito(valori[j] if j < len(valori) else rng.choice(['12', '35%', 'Non rilevato', '4']), 120)
                campi.append(Campo(f'ril:{iso}', lril.format(d=stampa), vt))
                r = {'data': iso, 'valore_testo': vt}
                if _valore(vt) is not ...:
                    r['valore'] = _valore(vt)
                t['rilevazioni'].append(r)
        out.append(Scheda('rilevazione' if date else 'indicatore', num, testo, campi, t, lab['testo'], lab['numero']))
    return out


def esiti(rng: random.Random, n: int, facoltativi: list[str], numerati: bool, stato_colore: bool,
          parole='parafrasi') -> list[Scheda]:
    fonti = [e for e in _fonti()['esiti'] if e.get('titolo') and len(e['titolo']) > 8]
    lab = _etichette(rng, 'esito', parole)
    out = []
    for i, e in enumerate(rng.sample(fonti, n), 1):
        titolo = _pulito(e['titolo'], 200)
        t = {'titolo': titolo, 'triennio_valutato': TRIENNIO_VALUTATO}
        campi = []
        for f in facoltativi:
            if f in ('macroarea', 'descrizione', 'criticita'):
                v = _pulito(e.get(f) or e.get('commento'), 260) if f != 'macroarea' else _pulito(e.get(f), 100)
                if v:
                    campi.append(Campo(f, lab[f], v))
            elif f == 'grado_raggiungimento':
                g = e.get(f) if isinstance(e.get(f), (int, float)) else rng.choice([20, 45, 60, 75, 80, 100])
                g = int(g) if float(g).is_integer() else g
                campi.append(Campo(f, lab[f], rng.choice(['{}%', '{} %', '{}'] if 'ercent' in lab[f] or '%' in lab[f]
                                                         else ['{}%', '{} %']).format(g), g))
            elif f == 'giudizio':
                c = e.get(f) if e.get(f) in GIUDIZIO else rng.choice(list(GIUDIZIO))
                campi.append(Campo(f, lab[f], rng.choice(GIUDIZIO[c]), c))
            elif f in SINO_ESITO:
                campi.append(_sino(rng, lab, f, e.get(f) if e.get(f) in SI_NO else rng.choice(list(SI_NO))))
            elif f == 'stato' and not stato_colore:
                c = e.get('stato') if e.get('stato') in STATO_PAROLE else rng.choice(list(STATO_PAROLE))
                campi.append(Campo(f, lab[f], rng.choice(STATO_PAROLE[c]), c))
        for c in campi:
            t[c.field] = c.codice if c.codice is not None else c.testo
        stato = None
        if stato_colore:
            stato = e.get('stato') if e.get('stato') in STATO_PAROLE else rng.choice(list(STATO_PAROLE))
            t['stato'] = stato
        out.append(Scheda('esito', str(i) if numerati else None, titolo, campi, t, lab['titolo'], stato=stato))
    return out
