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


# words that make the span after them the triennio a document looks back on, not the one it plans
_EVALUATED = re.compile(r'\b(?:esiti|esito|valutazione|valutati|verifica|rendiconto|rendicontazione|consuntivo|'
                        r'bilancio|precedente|svolt[aei]|realizzat[aei])\b')
_NAMED = ('piano di zona', 'pdz', 'programmazione', 'triennio', 'triennalita')


def _spans(text: str) -> list[tuple[str, bool, bool]]:
    """(span, named as a plan's, named as evaluated) for each three-year span; what is said before
    a span reaches back to the previous span at most ('PdZ 2021-2023 - Verifica 2018-2020')."""
    out, prev_end = [], 0
    for m in _TRIENNIO.finditer(text):
        a, b = int(m.group(1)), m.group(2)
        b = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
        near = fold(text[max(prev_end, m.start() - 45):m.start()])
        prev_end = m.end()
        if b - a == 2:
            out.append((f'{a}-{b}', any(n in near for n in _NAMED), bool(_EVALUATED.search(near))))
    return out


def find_triennio(text: str) -> str | None:
    """'2025-2027' from '2025-2027', '2025/27', '2021 – 2023': the one named with 'piano di zona',
    'programmazione' or 'triennio' first, else the most frequent span -- never a span named as the
    one evaluated ('Esiti della programmazione 2021-2023', 'verifica del piano 2018-2020')."""
    spans = [(s, named) for s, named, evaluated in _spans(text) if not evaluated]
    if not spans:
        return None
    named = [s for s, n in spans if n]
    if named:
        return named[0]
    return Counter(s for s, _ in spans).most_common(1)[0][0]


def evaluated_triennio(text: str) -> str | None:
    """The triennio a document says it evaluates, when it names one."""
    return next((s for s, _, evaluated in _spans(text) if evaluated), None)


# the programming periods of Lombardy's Piani di Zona: 2024 was an extension year, so the plan
# after 2021-2023 is 2025-2027, not 2024-2026
TRIENNI_REGIONALI = ('2009-2011', '2012-2014', '2015-2017', '2018-2020', '2021-2023', '2025-2027')


def _following(triennio: str) -> str:
    """The plan that comes after an evaluated triennio."""
    if triennio in TRIENNI_REGIONALI[:-1]:
        return TRIENNI_REGIONALI[TRIENNI_REGIONALI.index(triennio) + 1]
    a = int(triennio[-4:]) + 1
    return f'{a}-{a + 2}'


_SLIDE_RATIOS = (4 / 3, 16 / 10, 16 / 9)
_DECK_CREATORS = ('impress', 'powerpoint', 'keynote', 'google slides')


def _slide_page(p) -> bool:
    """A page with a screen's proportions (4:3, 16:10, 16:9), not a sheet of paper's."""
    r = p.width / max(p.height, 1)
    return any(abs(r - s) / s <= 0.02 for s in _SLIDE_RATIOS)     # Letter landscape (1.29) is no 4:3


_WRITERS = ('writer', 'microsoft word', 'word', 'pages', 'google docs', 'wps writer')


def _made_by(layout: Layout, names: tuple[str, ...]) -> bool:
    made = fold(str(layout.metadata.get('Creator', '')) + ' ' + str(layout.metadata.get('Producer', '')))
    return any(re.search(r'\b' + re.escape(n) + r'\b', made) for n in names)


def is_deck(layout: Layout) -> bool:
    """A slide deck: made by presentation software; never what a word processor made (a plan
    with landscape pages is still a plan); when the software says nothing, most pages
    screen-shaped with little text on each (a plan set landscape on A4 or Letter is neither)."""
    if _made_by(layout, _DECK_CREATORS):
        return True
    if _made_by(layout, _WRITERS):
        return False
    pages = layout.pages
    if not pages or sum(_slide_page(p) for p in pages) < 0.7 * len(pages):
        return False
    chars = [sum(len(ln.text) for ln in p.lines if not ln.furniture) for p in pages]
    return sum(chars) / len(pages) < 1800


def is_matrix(layout: Layout) -> bool:
    """A monitoring matrix: most pages are one table whose header names indicator columns
    (indicator, type, baseline, expected results...), whatever the document calls itself."""
    from .families.matrice_monitoraggio import matrix_tables   # a family's reader, cached; no cycle
    pages = layout.pages
    if not pages:
        return False
    matrix_pages = {t.page for t, _, _ in matrix_tables(layout)}
    return len(matrix_pages) >= max(1, 0.6 * len(pages))


def _tipo(layout: Layout, head: str) -> str:
    h = fold(head)
    if ('matrice' in h and 'monitoragg' in h) or is_matrix(layout):
        return 'matrice_monitoraggio'
    if is_deck(layout):
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


def _body_size(layout: Layout) -> float:
    """The type size most of the text is set in."""
    sizes = Counter()
    for p in layout.pages:
        for ln in p.lines:
            if not ln.furniture:
                sizes[round(ln.size * 2) / 2] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def cover_lines(layout: Layout) -> list[str]:
    """The title lines of the first page: set larger than the body text, or bold."""
    if not layout.pages:
        return []
    body = _body_size(layout)
    return [ln.text for ln in layout.pages[0].lines
            if not ln.furniture and not ln.in_table and ln.text.strip() and (ln.size >= body + 1 or ln.bold)]


def running_lines(layout: Layout) -> list[str]:
    """Running headers and footers, each once (page numbers aside)."""
    seen = {}
    for p in layout.pages:
        for ln in p.lines:
            if ln.furniture:
                seen.setdefault(re.sub(r'\d+', '#', fold(ln.text)), ln.text)
    return list(seen.values())


def read_metadata(layout: Layout, file_name: str) -> Metadati:
    """Ambito and triennio from what names the document -- its cover title and running
    headers -- before what its first pages or its body merely mention ("in collaborazione
    con l'Ambito di ..."); the file name last."""
    titles = '\n'.join(cover_lines(layout) + running_lines(layout))
    head = '\n'.join(p.text for p in layout.pages[:2])
    name = re.sub(r'[_\-.]+', ' ', file_name)
    fonte = []
    ambito = find_ambito(titles) or find_ambito(head) or find_ambito(layout.text[:200000])
    if ambito is None:
        ambito = find_ambito('ambito ' + name)
        fonte.append('ambito: nome file' if ambito else 'ambito: sconosciuto')
    triennio = find_triennio(titles) or find_triennio(head)
    if triennio is None:
        triennio = find_triennio(name)
        fonte.append('triennio: nome file' if triennio else 'triennio: sconosciuto')
    tipo = _tipo(layout, titles + '\n' + head + '\n' + name)
    if triennio is None and tipo == 'piano_di_zona':
        # a plan that names only the triennio it evaluates is the plan of the next one
        valutato = evaluated_triennio(titles) or evaluated_triennio(head)
        if valutato:
            triennio = _following(valutato)
            fonte[-1] = 'triennio: dedotto dal triennio valutato'
    return Metadati(ambito, triennio, tipo, _titolo(layout),
                    '; '.join(fonte) or 'contenuto')
