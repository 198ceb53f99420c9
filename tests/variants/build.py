"""Write every layout variant as DIR/<file>.pdf + DIR/<file>.truth.json, for
`pdz ingest DIR` and `shared/eval/score.py --truth DIR`.

    .venv/bin/python -m tests.variants.build DIR [--only NAME ...]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ''):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.variants.render import GENERATORS, available   # noqa: E402
    from tests.variants.render2 import GENERATORS as GENERATORS2   # noqa: E402
else:
    from .render import GENERATORS, available
    from .render2 import GENERATORS as GENERATORS2

GENERATORS = {**GENERATORS, **GENERATORS2}      # round 1 (render.py) and round 2 (render2.py)

# round 3 (--office): Word / Impress documents converted by LibreOffice; one module name per line
OFFICE_MODULES = [
    'office_schede',
    'office_altri',
]


def office_generators() -> dict:
    """name -> generator of every round-3 module (each needs soffice; their available() says so)."""
    import importlib
    out = {}
    for nome in OFFICE_MODULES:
        mod = importlib.import_module(f'tests.variants.{nome}')
        if mod.available():
            out.update(mod.GENERATORS)
        else:
            print(f'{nome}: LibreOffice (soffice) or python-docx/pptx not available, skipped', file=sys.stderr)
    return out


def write(variante, folder: Path) -> Path:
    pdf = folder / variante.file
    pdf.write_bytes(variante.pdf)
    truth = folder / (pdf.stem + '.truth.json')
    truth.write_text(json.dumps(variante.truth, ensure_ascii=False, indent=1), encoding='utf-8')
    return pdf


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('dir', type=Path)
    ap.add_argument('--only', nargs='*', help='build just these variants')
    ap.add_argument('--office', action='store_true', help='also (with --only: from) the LibreOffice-made variants')
    a = ap.parse_args(argv)
    generators = {**GENERATORS, **(office_generators() if a.office else {})}
    unknown = set(a.only or ()) - set(generators)
    if unknown:
        ap.error(f'unknown variants: {sorted(unknown)}')
    if not available():
        print('no dev truth files found (set PDZ_SHARED to the shared/ folder)', file=sys.stderr)
        return 2
    a.dir.mkdir(parents=True, exist_ok=True)
    for name in a.only or generators:
        v = generators[name]()
        n = {k: len(v.truth[k]) for k in ('obiettivi', 'indicatori', 'esiti')}
        print(f'{name:<26} {write(v, a.dir).name:<50} {n}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
