"""Regional programming areas (DGR 2167/2024, codes A-K) named in a heading or cell."""
from __future__ import annotations

import re

from extract.text import fold

# code -> folded stems that name the area (paraphrase-tolerant: any one stem is enough)
_STEMS = {
    'A': (r'povert', r'emarginazion'),
    'B': (r'abitativ', r'\bcasa\b', r'abitare'),
    'C': (r'inclusione attiva', r'inclusione sociale attiva', r'inclusiv\w* attiv'),
    'D': (r'domiciliar',),
    'E': (r'anzian',),
    'F': (r'digitalizzazion',),
    'G': (r'giovanil', r'\bminori\b', r'infanzia', r'adolescen'),
    'H': (r'politiche (attive )?(per il |del )?lavoro', r'\blavoro\b', r'occupazion'),
    'I': (r'famigli',),
    'J': (r'disabil',),
    'K': (r'ufficio di piano', r'gestione associata', r'interventi di sistema'),
}


def codes_in(text: str | None) -> list[str]:
    """Codes of the areas a text names, in A-K order. An explicit code list ('A, C') also works."""
    f = fold(text or '')
    if not f:
        return []
    if re.fullmatch(r'([a-k])( [a-k])*', f):
        return sorted(set(f.upper().split()))
    return [code for code, stems in _STEMS.items() if any(re.search(s, f) for s in stems)]
