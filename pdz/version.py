"""The extractor version: the package version plus a digest of the code that decides what a
document's rows are (extract/, normalize/, models/, reference data). Any change to that code
re-extracts the documents on the next run; nothing else does. The schema version is the same
digest over the code that shapes the warehouse (models/, warehouse/): a change there makes the
next run a full one (schema, views, comments rewritten) even when no document changed."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version as pkg_version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_STAGES = ('extract', 'normalize', 'models', 'corpus')
# which documents are followed and where from, or how a column is described, changes no row
_NOT_ROWS = {'corpus/manifest.py', 'models/dizionario.py'}


def _digest(stages: tuple[str, ...], skip: frozenset[str] = frozenset()) -> str:
    h = hashlib.sha256()
    for stage in stages:
        for f in sorted((ROOT / stage).rglob('*')):
            if f.suffix in ('.py', '.json') and '__pycache__' not in f.parts \
                    and f.relative_to(ROOT).as_posix() not in skip:
                h.update(str(f.relative_to(ROOT)).encode())
                h.update(f.read_bytes())
    from extract.geometria import scelta
    h.update(scelta().encode())       # the page geometry's reader (PDFium or pdfplumber) decides rows too
    try:
        v = pkg_version('pdz')
    except PackageNotFoundError:
        v = '0'
    return f'{v}+{h.hexdigest()[:10]}'


@lru_cache(maxsize=1)
def extractor_version() -> str:
    return _digest(_STAGES, frozenset(_NOT_ROWS))


@lru_cache(maxsize=1)
def schema_version() -> str:
    return _digest(('models', 'warehouse'))
