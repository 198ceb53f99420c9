"""Raw cell text -> canonical values of the schema's vocabularies."""
from __future__ import annotations

import re

from extract.text import BULLETS, clean, fold, one_line, split_items

_CHECKED = '☒☑✔✓■✗✘xX'
_UNCHECKED = '☐□▢○'


def text(v) -> str | None:
    """Document wording kept, whitespace cleaned, bullet glyphs dropped."""
    if v is None:
        return None
    lines = [re.sub('^[' + re.escape(BULLETS.replace('-', '')) + r']\s*', '', ln) for ln in clean(str(v)).splitlines()]
    s = '\n'.join(ln for ln in lines if ln.strip())
    return s or None


def title(v) -> str | None:
    s = one_line(text(v))
    return s or None


def si_no(v) -> str | None:
    """'SI' -> si, 'NO' -> no, 'SI, in parte' / 'Solo parzialmente' / 'Parzialmente' -> parziale;
    checkboxes '☒ SI ☐ NO' -> the checked option. None when nothing is said."""
    if v is None:
        return None
    raw = str(v).strip()
    if not raw:
        return None
    # checkbox forms: the option right after (or before) a checked mark
    m = re.search(r'[' + _CHECKED + r']\s*(s[iì]|no|in parte|parzial\w*)\b', raw, re.I) \
        if re.search('[' + _UNCHECKED + ']', raw) or re.search(r'\[\s*[xX]\s*\]', raw) else None
    if m is None:
        m2 = re.search(r'\[\s*[xX]\s*\]\s*(s[iì]|no)\b', raw, re.I)
        if m2:
            m = m2
    if m is None and '\n' in raw:
        # the options one per line, a mark before the chosen one only ('Sì / ■ NO / IN PARTE')
        marked = [m3 for ln in raw.splitlines()
                  if (m3 := re.match(r'\s*[' + _CHECKED + r']\s+(s[iì]|no|in parte|parzial\w*)\s*$', ln, re.I))]
        m = marked[0] if len(marked) == 1 else None
    if m:
        raw = m.group(1)
    f = fold(raw)
    if not f:
        return None
    if 'parzial' in f or 'in parte' in f or re.search(r'\bsolo in parte\b', f):
        return 'parziale'
    if re.match(r'^(si|yes|sì)\b', f) or f in {'x si', 'vero'}:
        return 'si'
    if re.match(r'^(no|non)\b', f):
        return 'no'
    return None


def yes_no_bool(v) -> bool | None:
    s = si_no(v)
    return None if s is None else s != 'no'


def bisogno_consolidato(v) -> bool | None:
    f = fold(str(v or ''))
    if not f:
        return None
    if 'consolidat' in f or 'gia affrontat' in f:
        return True
    if 'nuovo' in f or 'emergent' in f or 'non' in f.split()[:2]:
        return False
    return yes_no_bool(v)


def tipo_obiettivo(v) -> str | None:
    raw = str(v or '')
    boxes = re.findall(r'(?:[' + _CHECKED + r']|\[\s*[xX]\s*\])\s*([^' + _CHECKED + _UNCHECKED + r'\[]+)', raw) \
        if re.search('[' + _UNCHECKED + r']|\[\s*\]', raw) else []
    f = fold(' '.join(boxes) if boxes else raw)     # '☐ Promozionale ☒ Preventivo': the checked one
    for k, stem in (('promozionale', 'promozion'), ('preventivo', r'prevent|prevenzion'), ('riparativo', 'riparat')):
        if re.search(stem, f):     # 'Obiettivo di tipo PREVENZIONE' too
            return k
    return None


def items(v) -> list[str]:
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        out = []
        for x in v:
            out += items(x)
        return out
    return [one_line(i) for i in split_items(str(v)) if one_line(i)]


_NUM = re.compile(r'[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[-+]?\d+(?:[.,]\d+)?')


def number(v) -> float | None:
    """First number in the text, Italian separators ('1.234,5' -> 1234.5, '72%' -> 72)."""
    if v is None:
        return None
    if isinstance(v, (int, float)):
        return float(v)
    m = _NUM.search(str(v))
    if not m:
        return None
    s = m.group(0)
    if re.fullmatch(r'[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?', s):
        s = s.replace('.', '').replace(',', '.')
    else:
        s = s.replace(',', '.')
    try:
        return float(s)
    except ValueError:
        return None


def percent(v) -> float | None:
    """A percentage 0-100 from '72%', '72 %', '0,72'."""
    n = number(v)
    if n is None:
        return None
    if 0 < n <= 1 and '%' not in str(v) and re.search(r'[.,]', str(v)):
        n *= 100
    return n


GIUDIZI = ('insufficiente', 'sufficiente', 'discreto', 'buono', 'ottimo', 'eccellente', 'scarso', 'parziale')


def giudizio(v) -> str | None:
    f = fold(str(v or ''))
    for g in GIUDIZI:     # 'insufficiente' before 'sufficiente'
        if re.search(r'\b' + g + r'\b', f):
            return g
    return None


def tipo_indicatore(v) -> str | None:
    f = fold(str(v or ''))
    for k, words in (('processo', ('process',)), ('output', ('output', 'realizzazion', 'prodott')),
                     ('outcome', ('outcome', 'risultat', 'impatt', 'esit'))):
        if any(w in f for w in words):
            return k
    return None


_COLOUR_WORDS = {'parziale': ('giallo', 'gialla', 'arancione', 'arancio', 'ambra'),
                 'non_raggiunto': ('rosso', 'rossa'), 'raggiunto': ('verde',)}
# a trailing bracket ending in a colour word is the colour channel ('AVVIATO (giallo)',
# 'attuato parzialmente (giallo)', 'REALIZZATO (raggiunto (verde))'): the words before it decide first
_COLOUR_TAIL = re.compile(r'^(.*?)\s*\(([^()]*\(?[^()]*\b(?:' + '|'.join(w for ws in _COLOUR_WORDS.values() for w in ws) +
                          r'))\)+\s*$')


def stato(v) -> str | None:
    """'OBIETTIVO RAGGIUNTO' / 'parzialmente raggiunto' / 'avviato' / 'non attuato' / a colour word,
    or a legend meaning followed by its colour ('attuato parzialmente (giallo)'): the words decide,
    the colour word only when the words say nothing known."""
    f = fold(str(v or ''))
    if not f:
        return None
    m = _COLOUR_TAIL.match(' '.join(str(v).casefold().split()))
    if m and fold(m.group(1)):
        head, tail = fold(m.group(1)), fold(m.group(2))
        return _stato_words(head) or _stato_words(tail) or _stato_colour(tail)
    return _stato_words(f) or _stato_colour(f)


def _stato_words(f: str) -> str | None:
    """Status from words; the negated forms are tried before the plain ones ('non avviato' before
    'avviato'), completion before progress ('avviato e concluso' is done)."""
    if re.search(r'\bparzial|\bin parte\b', f):
        return 'parziale'
    if re.search(r'\b(?:non|mai) (?:ancora |del tutto )?(?:raggiunt|realizzat|attuat|avviat|conclus|svolt|partit|iniziat)|'
                 r'\bsospes|\bannullat|\binterrott|\bda avviare\b', f):
        return 'non_raggiunto'
    if re.search(r'raggiunt|realizzat|\battuat|\bconclus|\bcompletat|\bsvolt', f):
        return 'raggiunto'
    # begun, not finished
    if re.search(r'\bavviat|\bin corso\b|\bin fase di\b|\bin via di\b|\bin itinere\b|\bin svolgimento\b|'
                 r'\bin atto\b|\biniziat|\bin realizzazione\b|\bin attuazione\b', f):
        return 'parziale'
    return None


def _stato_colour(f: str) -> str | None:
    for code, words in _COLOUR_WORDS.items():
        if any(re.search(r'\b' + w + r'\b', f) for w in words):
            return code
    return None


def triennio(v) -> str | None:
    m = re.search(r'(\d{4})\s*[-/–]\s*(\d{2,4})', str(v or ''))
    if not m:
        return None
    a, b = int(m.group(1)), m.group(2)
    b = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
    return f'{a}-{b}'
