"""The extractors, one module per layout family. Adding a layout = adding a module to FAMILIES.

Each family module exposes `NAME` and `extract(layout) -> Extraction`; it looks for its own
kind of content anywhere in the document (by what labels and headings say) and returns nothing
when there is none, so every family runs on every document.
"""
from __future__ import annotations

import importlib
import traceback

from . import lettori
from .coverage import unread_tables
from .layout import Layout
from .records import Extraction, RawAnomalia

FAMILIES: list[str] = [
    # every family runs on every document; the order only decides the order of records
    'obiettivi_narrativi',
    'matrice_monitoraggio',
    'esiti_slide',
    'esiti_blocchi',
    'tabella_obiettivi',
    'scheda_regionale',
    'scheda_distretto',
    'scheda_testo',
    'esiti_dgr',
]


def modules():
    return [importlib.import_module(f'extract.families.{name}') for name in FAMILIES]


def extract_all(layout: Layout) -> tuple[Extraction, list[str]]:
    """Run every family; a family that crashes costs only its own records (and an anomaly)."""
    out, used = Extraction(), []
    for mod in modules():
        try:
            got = mod.extract(layout)
        except Exception as e:
            tb = traceback.extract_tb(e.__traceback__)[-1]
            out.anomalie.append(RawAnomalia(None, f'estrattore {mod.NAME} fallito: {type(e).__name__}: {e} '
                                                  f'({tb.filename.rsplit("/", 1)[-1]}:{tb.lineno})', 'errore', mod.NAME))
            continue
        for rec in (*got.obiettivi, *got.esiti, *got.anomalie):
            rec.famiglia = rec.famiglia or mod.NAME
        if len(got):
            used.append(mod.NAME)
        out.extend(got)
    generic, superseded = lettori.leggi(layout, out)
    if len(generic):
        used.append(lettori.NAME)
    if superseded:      # a table the generic readers understood better: theirs, not the family's
        gone = {id(r) for r in superseded}
        out.obiettivi = [r for r in out.obiettivi if id(r) not in gone]
        out.indicatori = [r for r in out.indicatori if id(r) not in gone]
        out.esiti = [r for r in out.esiti if id(r) not in gone]
    out.extend(generic)
    _resolve(out)
    out.anomalie += unread_tables(layout, out)
    return out, used


def _resolve(out: Extraction) -> None:
    """One table, one reading: a table whose rows were read as an objective's indicators is not
    also a stand-alone list of indicators (the reading with the objective as context wins)."""
    claimed = {i.blocco for o in out.obiettivi for i in o.indicatori if i.blocco is not None}
    out.indicatori = [i for i in out.indicatori if i.blocco is None or i.blocco not in claimed]
    # esiti: where two readers read the same table, the one that understood more of it wins
    said: dict = {}
    for e in out.esiti:
        if e.blocco is not None:
            key = (_page_box(e.blocco), e.famiglia)
            said[key] = said.get(key, 0) + sum(1 for v in e.fields.values() if v)
    best: dict = {}
    for (block, fam), n in said.items():
        if block not in best or n > said[(block, best[block])]:
            best[block] = fam
    out.esiti = [e for e in out.esiti if e.blocco is None or best[_page_box(e.blocco)] == e.famiglia]


def _page_box(blocco) -> tuple:
    """A block's identity, robust to a reader that split a fused table into its side-by-side parts:
    its page and its vertical extent."""
    page, (x0, top, x1, bottom) = blocco
    return page, round(top), round(bottom)
