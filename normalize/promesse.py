"""What an indicator promises: comparator, value, unit, deadline.

"Almeno n. 30 posti letto" -> ('>=', 30, 'posti letto', None)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from extract.text import fold


@dataclass
class Promessa:
    comparatore: str | None = None
    valore: float | None = None
    unita: str | None = None
    scadenza: int | None = None


_CMP = [(r'(almeno|non meno di|minimo|pari o superiore a|maggiore o uguale|≥|>=|incremento|aumento|crescita)', '>='),
        (r'(oltre|più di|piu di|superiore a|maggiore di|>)', '>'),
        (r'(al massimo|non oltre|non più di|massimo|≤|<=|riduzione|diminuzione)', '<='),
        (r'(meno di|inferiore a|<)', '<')]


def parse(text: str | None) -> Promessa:
    if not text:
        return Promessa()
    t = str(text)
    p = Promessa()
    y = re.search(r'\b(?:entro|alla fine del|fine|nel|al)\s+(?:il\s+|la fine del\s+)?(20[2-4]\d)\b', t, re.I)
    if y:
        p.scadenza = int(y.group(1))
    m = re.search(r'(\d+(?:[.,]\d+)?)\s*(%|per ?cento)?', re.sub(r'\b20[2-4]\d\b', ' ', t))
    if not m:
        return p if p.scadenza else Promessa()
    p.valore = float(m.group(1).replace(',', '.'))
    if m.group(2):
        p.unita = '%'
    else:
        after = fold(t[m.end():]).split()
        if after:
            p.unita = after[0]
    head = t[:m.start()]
    for pat, cmp in _CMP:
        if re.search(pat, head, re.I):
            p.comparatore = cmp
            break
    else:
        p.comparatore = '='
    return p
