"""Which Ambito, triennio and kind of document a file is — read from its content (title page,
running headers), the file name only as a fallback."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from corpus.ambiti import ambiti

from .layout import Layout
from .text import fold, one_line

_PREP = r'(?:territoriale |sociale |distrettuale )*(?:di |del |dell |della |d )?'
_TRIENNIO = re.compile(r'\b(20\d\d|19\d\d)\s*(?:-|/|–|—|\s)\s*(\d{4}|\d{2})\b')


@dataclass
class Metadati:
    ambito_id: str | None
    triennio: str | None
    tipo: str
    titolo: str | None
    fonte: str          # what decided ambito/triennio: 'contenuto', 'nome file', or a mix


def _ambito_patterns():
    pats = []
    for a in ambiti():
        names = {a['nome'], *a.get('alias', [])}
        for n in names:
            fn = fold(n)
            fn = re.sub(r'^(ambito )?' + _PREP, '', fn) or fn
            pats.append((a['ambito_id'], re.compile(r'\bambit[oi] ' + _PREP + re.escape(fn) + r'\b')))
    return pats


def find_ambito(text: str) -> str | None:
    """The Ambito a text names as 'Ambito (territoriale) (di) <nome>', most mentioned first."""
    t = fold(text)
    hits = Counter()
    for aid, pat in _ambito_patterns():
        hits[aid] += len(pat.findall(t))
    if not hits or hits.most_common(1)[0][1] == 0:
        return None
    # a longer name wins over the shorter one it contains ("Valle Seriana Superiore" vs "Valle Seriana")
    best = max(hits.values())
    tied = [a for a, n in hits.items() if n >= best * 0.8 and n]
    return max(tied, key=lambda a: (len(a), hits[a]))


def find_triennio(text: str) -> str | None:
    """'2025-2027' from '2025-2027', '2025/27', '2021 – 2023'; the one named with 'piano di zona'
    first, else the most frequent three-year span."""
    spans = []
    for m in _TRIENNIO.finditer(text):
        a, b = int(m.group(1)), m.group(2)
        b = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
        if b - a == 2:
            near = fold(text[max(0, m.start() - 40):m.start()])
            spans.append((f'{a}-{b}', 'piano di zona' in near or 'pdz' in near or 'programmazione' in near))
    if not spans:
        return None
    flagged = [s for s, f in spans if f]
    if flagged:
        return flagged[0]
    return Counter(s for s, _ in spans).most_common(1)[0][0]


def _tipo(layout: Layout, head: str) -> str:
    h = fold(head)
    if 'matrice' in h and 'monitoragg' in h:
        return 'matrice_monitoraggio'
    creator = fold(str(layout.metadata.get('Creator', '')) + ' ' + str(layout.metadata.get('Producer', '')))
    pages = layout.pages
    slide_shaped = sum(1 for p in pages if p.landscape and 1.25 <= p.width / max(p.height, 1) <= 1.9
                       and p.n_chars < 2500) >= 0.7 * len(pages)
    if 'impress' in creator or 'powerpoint' in creator or (slide_shaped and 'piano di zona' not in h[:200]):
        return 'presentazione'
    if slide_shaped and len(pages) > 3 and sum(p.n_chars for p in pages) / len(pages) < 1800:
        return 'presentazione'
    if 'piano di zona' in h or 'piano zona' in h or 'documento di piano' in h:
        return 'piano_di_zona'
    return 'altro'


def _titolo(layout: Layout) -> str | None:
    for p in layout.pages[:2]:
        lines = [ln for ln in p.lines if not ln.furniture and not ln.in_table and ln.text.strip()]
        if not lines:
            continue
        big = max(ln.size for ln in lines)
        top = [ln.text for ln in lines if ln.size >= big - 0.5][:4]
        if top:
            return one_line(' '.join(top))[:300]
    t = layout.metadata.get('Title')
    return str(t) if t else None


def read_metadata(layout: Layout, file_name: str) -> Metadati:
    furniture = '\n'.join(dict.fromkeys(ln.text for p in layout.pages for ln in p.lines if ln.furniture))
    head = '\n'.join(p.text for p in layout.pages[:2])
    title_text = furniture + '\n' + head
    name = re.sub(r'[_\-.]+', ' ', file_name)
    fonte = []
    ambito = find_ambito(title_text) or find_ambito(layout.text[:200000])
    if ambito is None:
        ambito = find_ambito('ambito ' + name)
        fonte.append('ambito: nome file' if ambito else 'ambito: sconosciuto')
    triennio = find_triennio(title_text)
    if triennio is None:
        triennio = find_triennio(name)
        fonte.append('triennio: nome file' if triennio else 'triennio: sconosciuto')
    return Metadati(ambito, triennio, _tipo(layout, title_text + '\n' + name), _titolo(layout),
                    '; '.join(fonte) or 'contenuto')
