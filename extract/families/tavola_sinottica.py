"""Tavola sinottica (the summary table of the Ambito's objectives): area cells merged over several
rows, one row per objective. Not a family of its own: scheda_regionale asks it which areas an
objective belongs to when the card and the headings above it do not say.

Columns are recognised by their header text: the Ambito's area ('area ... ambito', 'macroarea'),
the regional area ('regione', 'regionale'), the objective ('obiettiv', 'titolo')."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..layout import Layout
from ..tables import table_runs
from ..text import fold, one_line, similarity


@dataclass
class VoceSinottica:
    titolo: str
    macroarea: str
    aree_regionali: str
    pagina: int


def _columns(header: list[str]) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for j, h in enumerate(header):
        f = fold(h)
        if re.search(r'region|lombardia', f) and 'aree_regionali' not in cols:
            cols['aree_regionali'] = j
        elif re.search(r'\barea|macroare', f) and 'macroarea' not in cols:
            cols['macroarea'] = j
        elif re.search(r'obiettiv|titolo', f) and 'titolo' not in cols:
            cols['titolo'] = j
    return cols if 'titolo' in cols and ('aree_regionali' in cols or 'macroarea' in cols) else None


def voci(layout: Layout) -> list[VoceSinottica]:
    """Every objective of every sinottica in the document, merged area cells carried down."""
    cached = getattr(layout, '_pdz_sinottica', None)
    if cached is not None:
        return cached
    out: list[VoceSinottica] = []
    for run in table_runs(layout):
        cols = None
        carry = {'macroarea': '', 'aree_regionali': ''}
        for page, cells in run.rows:
            texts = [c.text if c else '' for c in cells]
            found = _columns(texts)
            if found:                       # the header (repeated on each page)
                cols = found
                continue
            if cols is None:
                break
            for k in ('macroarea', 'aree_regionali'):
                j = cols.get(k)
                if j is not None and j < len(texts) and texts[j].strip():
                    carry[k] = texts[j]
            j = cols['titolo']
            titolo = one_line(texts[j]) if j < len(texts) else ''
            if titolo:
                out.append(VoceSinottica(titolo, one_line(carry['macroarea']), carry['aree_regionali'], page))
    layout._pdz_sinottica = out   # type: ignore[attr-defined]
    return out


def voce_per(layout: Layout, titolo: str, threshold: float = 0.8) -> VoceSinottica | None:
    """The sinottica row of an objective, by its title (fuzzy: the table may abbreviate)."""
    t = fold(titolo)
    best, score = None, 0.0
    for v in voci(layout):
        s = similarity(t, fold(v.titolo))
        if s > score:
            best, score = v, s
    return best if score >= threshold else None
