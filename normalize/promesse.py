"""What an indicator promises: comparator, value, unit, deadline.

"Almeno n. 30 posti letto ..."                      -> ('>=', 30, 'posti letto', None)
"Alla fine del 2027 almeno 10 persone ..."           -> ('>=', 10, 'persone', 2027)
"Incremento ... del 10% entro il 2027"               -> ('>=', 10, '%', 2027)
"Entro la fine del 2026 ... composto da 5 ..."       -> ('=', 5, 'professionisti', 2026)
"Numero di incontri svolti", "% dei bisogni emersi"  -> nothing: no number is promised.

Read with the shared spaCy pipeline (normalize/nlp.py): token patterns find comparator phrases
and deadlines, so the words may be in any case, with elisions, accents or symbols (≥)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import nlp


@dataclass
class Promessa:
    comparatore: str | None = None
    valore: float | None = None
    unita: str | None = None
    scadenza: int | None = None


# comparator phrases (lower-case, tokenised as spaCy does); the longest match wins
COMPARATORI: dict[str, list[str]] = {
    '>=': ['almeno', 'non meno di', 'non inferiore a', 'non inferiore al', 'minimo', 'min.', 'un minimo di',
           'pari o superiore a', 'pari o superiore al', 'maggiore o uguale a', 'maggiore o uguale al',
           'superiore o uguale a', 'superiore o uguale al', '≥', 'ameno'],
    '>': ['più di', 'piu di', 'oltre', 'superiore a', 'superiore al', 'maggiore di', 'maggiore del', '>',
          'più del', 'oltre il'],
    '<=': ['al massimo', 'massimo', 'max', 'max.', 'non oltre', 'non più di', 'non piu di', 'fino a', 'fino al',
           'non superiore a', 'non superiore al', '≤', 'entro un massimo di'],
    '<': ['meno di', 'meno del', 'inferiore a', 'inferiore al', 'sotto il', 'sotto la soglia del', '<'],
    '=': ['pari a', 'pari al', '='],
}
# a change by a percentage ("incremento del 10%") promises at least that change
CAMBIAMENTO = ('incremento', 'aumento', 'crescita', 'riduzione', 'diminuzione', 'calo', 'incrementare',
               'aumentare', 'ridurre', 'diminuire', 'incrementato', 'aumentato', 'ridotto')
NUMERI = {'uno': 1, 'una': 1, 'un': 1, "un'": 1, 'due': 2, 'tre': 3, 'quattro': 4, 'cinque': 5, 'sei': 6,
          'sette': 7, 'otto': 8, 'nove': 9, 'dieci': 10, 'undici': 11, 'dodici': 12, 'tredici': 13,
          'quattordici': 14, 'quindici': 15, 'sedici': 16, 'venti': 20, 'trenta': 30, 'quaranta': 40,
          'cinquanta': 50, 'sessanta': 60, 'cento': 100, 'mille': 1000}
_ARTICOLI = {'un', 'uno', 'una', "un'"}             # numbers only after a comparator ("almeno un incontro")
# words between a comparator and its number ("almeno il 75%", "almeno n. 30")
_TRA_CMP_E_NUMERO = {'il', 'lo', 'la', "l'", 'i', 'gli', 'le', 'n.', 'n', 'n°', 'nr', 'nr.', 'num.', 'numero',
                     'di', 'a', 'al', 'del', 'dei', 'delle', 'degli', 'un', 'totale', 'complessivo', 'complessivi'}
# words between a number and its unit ("5 diversi professionisti")
_TRA_NUMERO_E_UNITA = {'diversi', 'diverse', 'differenti', 'nuovi', 'nuove', 'ulteriori', 'distinti', 'distinte',
                       'complessivi', 'complessive', 'totali', 'n.'}
_NON_UNITA = {'tra', 'fra', 'di', 'del', 'della', 'dei', 'delle', 'degli', 'per', 'su', 'sul', 'sui', 'in', 'nel',
              'nei', 'con', 'da', 'dal', 'dai', 'a', 'al', 'ai', 'e', 'o', 'ed', 'che', 'il', 'la', 'le', 'i', 'gli',
              'lo', "l'", 'entro', 'rispetto', 'anni', 'anno', 'volta', 'mesi', 'giorni'}
# units of more than one word (otherwise the unit is the noun after the number)
UNITA_COMPOSTE = ('posti letto', 'proposte progettuali', 'nuclei familiari', 'nuclei famigliari',
                  'assistenti sociali', 'progetti di vita', 'ore settimanali', 'punti di accesso')
_PERCENTO = {'%', 'percento', 'per cento'}
# a year is a deadline after these words, with only the fillers between ("entro l'inizio del 2027")
SCADENZA_INIZIO = {'entro', 'fine', 'inizio', 'nel', "nell'", 'avvio', 'termine', 'scadenza', 'al', 'dicembre',
                   'giugno', 'settembre', 'marzo'}
_SCADENZA_RIEMPITIVI = {'il', 'la', "l'", 'lo', 'del', 'dell\'', 'della', 'dello', 'di', 'anno', 'scolastico',
                        'solare', 'fine', 'inizio', 'avvio', 'termine', 'corso', 'entro', 'mese', 'dicembre', '31'}
_ANNO = re.compile(r'^(20\d\d)(?:/\d{2}(?:\d{2})?)?$')
_DATA = re.compile(r'^\d{1,2}[/.-]\d{1,2}[/.-](20\d\d)$')
_CIFRA = re.compile(r'^\d+(?:,\d+)?$|^\d{1,3}(?:\.\d{3})+$|^\d+\.\d+$')


@lru_cache(maxsize=1)
def _comparatori():
    """Matcher over comparator phrases, built once (on the shared pipeline)."""
    nlp_ = nlp.pipeline()
    pats = {cmp: [[{'LOWER': t.text.lower()} for t in nlp_.make_doc(p)] for p in phrases]
            for cmp, phrases in COMPARATORI.items()}
    return nlp.matcher(pats)


def _prepare(text: str) -> str:
    """Symbols spaCy would glue to numbers get their own tokens; 'n°5' -> 'n° 5'."""
    t = text.replace('>=', '≥').replace('<=', '≤').replace('=>', '≥').replace('=<', '≤')
    t = re.sub(r'([≥≤<>=%])', r' \1 ', t)
    t = re.sub(r'\b[nN]\s*[°º.]\s*(?=\d)', 'n. ', t)
    return re.sub(r'\s+', ' ', t).strip()


def parse(text: str | None) -> Promessa:
    if not text or not str(text).strip():
        return Promessa()
    doc = nlp.pipeline().make_doc(_prepare(str(text)))
    p = Promessa(scadenza=scadenza(doc))
    q = quantita(doc)
    if q:
        p.comparatore, p.valore, p.unita = q
    return p


# ---------------------------------------------------------------- deadline
def scadenza(doc) -> int | None:
    """The first year that a deadline phrase leads to ('entro la fine del 2026', 'nel 2027',
    'entro l'avvio dell'anno scolastico 2025/26' -> 2025); a year that only names a period
    ('Piano di Zona 2025/27', 'triennio 2025/27') is not a deadline."""
    for i, tok in enumerate(doc):
        y = _anno(tok.text)
        if y is None:
            continue
        j = i - 1
        while j >= 0 and doc[j].lower_ in _SCADENZA_RIEMPITIVI and i - j <= 6:
            if doc[j].lower_ in SCADENZA_INIZIO:
                break
            j -= 1
        if j >= 0 and doc[j].lower_ in SCADENZA_INIZIO and not _confronto(doc, j):
            return y
    return None


_CONFRONTO = {'rispetto', 'confronto', 'paragone', 'riferito', 'riferimento', 'relativo', 'relativi'}


def _confronto(doc, j: int) -> bool:
    """'rispetto al 2024', 'in confronto al 2023': the year is the baseline compared with."""
    return j > 0 and doc[j - 1].lower_ in _CONFRONTO or (j > 1 and doc[j - 2].lower_ in _CONFRONTO)


def _anno(s: str) -> int | None:
    m = _ANNO.match(s) or _DATA.match(s)
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------- quantity
def _comparatore_prima(doc, i: int, ends: dict[int, str]) -> str | None:
    """The comparator standing before the number at i (only fillers between)."""
    j = i
    while j > 0:
        if j in ends:
            return ends[j]
        if doc[j - 1].lower_ not in _TRA_CMP_E_NUMERO:
            return None
        j -= 1
    return ends.get(0)


def _numero(doc, i: int, after_cmp: bool) -> float | None:
    tok = doc[i]
    s = tok.lower_
    if _anno(s) is not None and not (i + 1 < len(doc) and doc[i + 1].text == '%'):
        return None
    if _CIFRA.match(s):
        if _codice(doc, i):
            return None
        if re.match(r'^\d{1,3}(\.\d{3})+$', s):
            return float(s.replace('.', ''))
        if re.match(r'^\d+\.\d+$', s):       # '1.5' -- a decimal, or a paragraph number: ask the context
            return float(s) if i + 1 < len(doc) and doc[i + 1].text == '%' else None
        return float(s.replace(',', '.'))
    if s in NUMERI and (after_cmp or s not in _ARTICOLI):
        return float(NUMERI[s])
    return None


def _codice(doc, i: int) -> bool:
    """Digits that label something rather than count it: 'Punto 4', '0-6 anni', 'PNRR 1.3.2',
    'art. 3', 'T0', '2 su 2' stays a count."""
    prev = doc[i - 1].lower_ if i > 0 else ''
    nxt = doc[i + 1].text if i + 1 < len(doc) else ''
    if prev in {'punto', 'art.', 'art', 'dgr', 'legge', 'l.', 'ob.', 'obiettivo', 'misura', 'fase', 'azione',
                'lotto', 'pnrr', 'comma', 'allegato', 'scheda', 'cap.', 'capitolo', 'paragrafo', 'tabella', 'livello',
                # an age that names who is counted: 'persone over 65', 'giovani under 34'
                'over', 'under'}:
        return True
    return nxt in {'-', '–'} or prev in {'-', '–'} or nxt.startswith('.') and len(nxt) > 1


def _unita(doc, i: int, valore: float) -> str | None:
    j = i + 1
    if j < len(doc) and (doc[j].text == '%' or doc[j].lower_ == 'percento'):
        return '%'
    if j + 1 < len(doc) and doc[j].lower_ == 'per' and doc[j + 1].lower_ == 'cento':
        return '%'
    while j < len(doc) and doc[j].lower_ in _TRA_NUMERO_E_UNITA:
        j += 1
    if j >= len(doc) or not doc[j].is_alpha or doc[j].lower_ in _NON_UNITA:
        return None
    two = f'{doc[j].lower_} {doc[j + 1].lower_}' if j + 1 < len(doc) else ''
    three = f'{two} {doc[j + 2].lower_}' if j + 2 < len(doc) else ''
    for comp in UNITA_COMPOSTE:
        if comp in (two, three):
            return comp
    word = doc[j].lower_
    return plurale(word) if valore == 1 else word


def quantita(doc) -> tuple[str, float, str | None] | None:
    """(comparator, value, unit) of the number the text promises: the first number that has
    a comparator before it, else the first countable number (comparator '=')."""
    ends: dict[int, str] = {}
    for key, start, end in sorted(_comparatori()(doc), key=lambda m: m[1] - m[2]):
        ends.setdefault(end, nlp.pipeline().vocab.strings[key])     # longest phrase ending there
    found = []
    for i in range(len(doc)):
        cmp = _comparatore_prima(doc, i, ends)
        val = _numero(doc, i, cmp is not None)
        if val is None:
            continue
        unita = _unita(doc, i, val)
        if cmp is None and unita == '%' and _cambiamento_prima(doc, i):
            cmp = '>='
        found.append((cmp, val, unita))
    for cmp, val, unita in found:
        if cmp:
            return cmp, val, unita
    for cmp, val, unita in found:
        if unita:                         # a bare number counts only when it counts something
            return '=', val, unita
    return None


def _cambiamento_prima(doc, i: int) -> bool:
    return any(t.lower_ in CAMBIAMENTO for t in doc[:i])


def plurale(word: str) -> str:
    """Italian plural of a singular unit noun ('incontro' -> 'incontri'); invariable words
    (stressed endings, foreign words, already plural) stay."""
    w = word.lower()
    if not w or w[-1] in 'àèéìòùy' or not w[-1] in 'aoe' or len(w) < 3:
        return w
    if w.endswith(('co', 'go')) and len(w) > 4:
        return w[:-1] + 'hi'
    if w.endswith(('ca', 'ga')):
        return w[:-1] + 'he'
    if w.endswith('io'):
        return w[:-1]
    if w.endswith('a'):
        return w[:-1] + 'e'
    return w[:-1] + 'i'
