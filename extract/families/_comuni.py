"""Helpers shared by the table families of older plans and slide decks: reading a header row by
what its cells say, the triennio an evaluation refers to, the heading a table stands under."""
from __future__ import annotations

import re
from collections import Counter

from ..layout import Cell, Layout, Page
from ..text import best_label, fold, one_line

_RANGE = re.compile(r'\b((?:19|20)\d\d)\s*[-/–—]\s*((?:19|20)?\d\d)\b')
# words that say a year range is the one being evaluated, not the one being planned
_EVALUATED = re.compile(r'\b(esiti|esito|attuazione|valutazione|verifica|precedente|scorso|scors[ao]|'
                        r'realizzat\w*|svolt\w*|conclus\w*|raggiungimento|rendicontazione|vecchio|bilancio)\b')


def header_map(cells: list[Cell | None], vocabulary: dict[str, list[str]], threshold: float = 0.8) -> dict[int, str]:
    """Column index -> vocabulary key for a header row, each key used once (best cell wins)."""
    scored = []
    for j, c in enumerate(cells):
        if c is None or not c.text.strip() or len(c.text) > 80:
            continue
        key, score = best_label(one_line(c.text), vocabulary, threshold)
        if key:
            scored.append((score, j, key))
    out: dict[int, str] = {}
    for score, j, key in sorted(scored, reverse=True):
        if key not in out.values() and j not in out:
            out[j] = key
    return out


def ranges(text: str) -> list[str]:
    """Three-year spans written in the text ('2015-2017', '2018/20')."""
    out = []
    for m in _RANGE.finditer(text or ''):
        a, b = int(m.group(1)), m.group(2)
        b = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
        if b - a == 2:
            out.append(f'{a}-{b}')
    return out


def triennio_valutato(layout: Layout, upto_page: int, local_text: str = '') -> str | None:
    """The triennio an evaluation refers to: a span in the block itself ('AZIONI REALIZZATE NEL
    TRIENNIO 2015-2017'), else the nearest heading above that speaks of esiti/attuazione/
    valutazione with a span, else the span most often so spoken of anywhere in the document."""
    local = ranges(local_text)
    if local:
        return local[0]
    for n in range(upto_page, 0, -1):
        for ln in reversed(layout.page(n).content_lines(include_tables=True)):
            if (ln.bold or ln.size >= 12) and _EVALUATED.search(fold(ln.text)) and ranges(ln.text):
                return ranges(ln.text)[0]
    counts = Counter()
    for p in layout.pages:
        for ln in p.content_lines():
            if _EVALUATED.search(fold(ln.text)):
                counts.update(ranges(ln.text))
    return counts.most_common(1)[0][0] if counts else None


_COUNTER = re.compile(r'\s*[\(\[]?\s*\d+\s*(?:/|di|of)\s*\d+\s*[\)\]]?\s*$')


def page_title(page: Page, above: float) -> str | None:
    """The slide/page heading above y=`above`: the largest-font content line(s) there, without a
    trailing '(1/2)' counter."""
    # a title repeated on consecutive slides may have been taken for a running header: keep it,
    # the running header's small print loses on size anyway
    lines = [ln for ln in page.lines if ln.bottom <= above + 1 and not ln.in_table]
    if not lines:
        return None
    size = max(ln.size for ln in lines)
    top = [ln for ln in lines if ln.size >= size - 0.5]
    text = one_line(' '.join(ln.text for ln in sorted(top, key=lambda l: (l.top, l.x0))))
    return _COUNTER.sub('', text).strip() or None
