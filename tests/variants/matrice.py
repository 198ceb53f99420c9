"""F1 per (record type x representation) of the combinatorial generator, so a hole is visible.

    .venv/bin/python -m tests.variants.matrice DIR [--n N] [--seed S] [--json OUT]

builds N documents (combinatorio.py) in DIR, ingests them into DIR/variants.duckdb, scores them
with ../shared/eval/score.py --json and sums, per cell, the field counts of the cell's own table
(obiettivi / azioni / indicatori / rilevazioni / esiti) over its documents: F1 = 2TP/(2TP+FP+FN).
The parent records an azione or rilevazione hangs from are context, reported apart."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

if __package__ in (None, ''):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    __package__ = 'tests.variants'

from .combinatorio import CELLE, RAPPRESENTAZIONI, TABELLA_PER, TIPI, scrivi   # noqa: E402
from .record import SHARED, available   # noqa: E402

SCORE = SHARED / 'eval' / 'score.py'
SOGLIA = 0.95
_CONTESTO = {'azione': 'obiettivi', 'rilevazione': 'indicatori'}


def f1(c: dict) -> float:
    d = 2 * c['tp'] + c['fp'] + c['fn']
    return 2 * c['tp'] / d if d else 1.0


def punteggio(cartella: Path, db: Path) -> dict:
    """score.py's --json report of the documents in `cartella` against `db`."""
    out = cartella / 'score.json'
    proc = subprocess.run([sys.executable, str(SCORE), '--db', str(db), '--truth', str(cartella), '--json', str(out)],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f'score.py failed: {proc.stdout[-500:]}{proc.stderr[-500:]}')
    return json.loads(out.read_text(encoding='utf-8'))


def per_cella(report: dict, celle: dict) -> dict:
    """(tipo, rappresentazione) -> counts of the cell's table (tp fp fn truth matched docs)
    plus the context table's, and the files and details of the documents below the threshold."""
    agg = defaultdict(lambda: defaultdict(int))
    for d in report['documents']:
        cella = celle.get(d['file'])
        if cella is None:
            continue
        chiave = (cella['tipo'], cella['rappresentazione'])
        s = d['tables'].get(TABELLA_PER[cella['tipo']], {})
        c = agg[chiave]
        for k in ('tp', 'fp', 'fn', 'truth', 'matched'):
            c[k] += s.get(k, 0)
        c['docs'] += 1
        if cella['tipo'] in _CONTESTO:
            ctx = d['tables'].get(_CONTESTO[cella['tipo']], {})
            for k in ('tp', 'fp', 'fn'):
                c['ctx_' + k] += ctx.get(k, 0)
        parti = cella['stile'].split('-')
        for faccia in parti[:4] + ['spezza' if 'spezza' in parti else 'intera']:
            for k in ('tp', 'fp', 'fn'):
                agg[('stile', faccia)][k] += s.get(k, 0)
        if f1(s if s else {'tp': 0, 'fp': 0, 'fn': 1}) < SOGLIA:
            c.setdefault('buchi', []).append((d['file'], cella['stile'], d['details'][:6]))
    return agg


def stampa(agg: dict, out=sys.stdout) -> list[tuple[str, str]]:
    """The matrix: F1 (truth records) per cell, '·' where the cell is not meaningful; returns the
    cells below the threshold."""
    larg = 12
    print(f"\n== F1 per record type x representation (records of the cell's type in the truth)", file=out)
    print(' ' * 12 + ''.join(f'{r:>{larg}}' for r in RAPPRESENTAZIONI), file=out)
    sotto = []
    for t in TIPI:
        riga = f'{t:<12}'
        for r in RAPPRESENTAZIONI:
            if (t, r) not in CELLE:
                riga += f"{'·':>{larg}}"
                continue
            c = agg.get((t, r))
            if not c:
                riga += f"{'-':>{larg}}"
                continue
            v = f1(c)
            riga += f"{v:.2f} ({c['truth']})".rjust(larg)
            if v < SOGLIA:
                sotto.append((t, r))
        print(riga, file=out)
    stili = {k[1]: f1(c) for k, c in agg.items() if k[0] == 'stile'}
    if stili:     # facets are not independent of the representation (2 columns: text ones only)
        print('F1 by style facet, all cells: ' + '  '.join(f'{k} {v:.2f}' for k, v in sorted(stili.items())), file=out)
    tot = defaultdict(int)
    for k, c in agg.items():
        if k[0] == 'stile':
            continue
        for k in ('tp', 'fp', 'fn'):
            tot[k] += c[k]
    misurate = [c for c in CELLE if agg.get(c)]
    print(f'cells >= {SOGLIA}: {len(misurate) - len(sotto)}/{len(misurate)} measured ('
          f"{len(CELLE) - len(misurate)} of {len(CELLE)} meaningful cells not drawn: '-'); "
          f'all cells together F1={f1(tot):.4f}', file=out)
    if sotto:
        print('below: ' + ', '.join(f'{t}×{r} {f1(agg[(t, r)]):.2f}' for t, r in sotto), file=out)
    return sotto


def misura(cartella: Path, n: int, seed: int = 0, jobs: int = 2, parole: str = 'parafrasi',
           motore: str = 'reportlab') -> tuple[dict, dict]:
    """Build, ingest and score N documents; (per-cell counts, score.py report)."""
    from pdz.ingest import run
    celle = scrivi(cartella, n, seed, parole=parole, motore=motore)
    db = cartella / 'variants.duckdb'
    db.unlink(missing_ok=True)
    esito = run([cartella], db, jobs=jobs)
    if not esito.ok:
        raise RuntimeError(f'ingest failed: {esito.failed}')
    report = punteggio(cartella, db)
    return per_cella(report, celle), report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('dir', type=Path)
    ap.add_argument('--n', type=int, default=len(CELLE) * 5)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--parole', choices=['parafrasi', 'modulo'], default='parafrasi',
                    help="wordings: paraphrases (the measure) or the regional form's own (a diagnostic)")
    ap.add_argument('--word', action='store_true',
                    help='set the documents in Word and print them with LibreOffice (needs soffice, python-docx)')
    ap.add_argument('--json', type=Path, help='write the per-cell counts here')
    ap.add_argument('--verbose', action='store_true', help='the documents of each hole, with what went wrong')
    a = ap.parse_args(argv)
    if not available() or not SCORE.exists():
        print(f'no dev truth or {SCORE} here: nothing to score against (set PDZ_SHARED=...)', file=sys.stderr)
        return 2
    if a.word:
        from .office_schede import available as office
        if not office():
            print('--word: LibreOffice (soffice) or python-docx not available, skipped', file=sys.stderr)
            return 0
    agg, report = misura(a.dir, a.n, a.seed, a.jobs, a.parole, 'word' if a.word else 'reportlab')
    print(f"{a.n} documents (seed {a.seed}, wordings: {a.parole}, {'Word via LibreOffice' if a.word else 'reportlab'})"
          f", {len(CELLE)} meaningful cells; "
          f"score.py over all: F1={report['totals']['f1']:.4f}")
    sotto = stampa(agg)
    if a.verbose:
        for t, r in sotto:
            for file, stile, det in agg[(t, r)].get('buchi', [])[:3]:
                print(f'  {t}×{r} {file} [{stile}]')
                for x in det:
                    print('      ' + x[:160])
    if a.json:
        a.json.write_text(json.dumps({f'{t}|{r}': dict(c) for (t, r), c in agg.items()},
                                     ensure_ascii=False, indent=1, default=str), encoding='utf-8')
    return 0


if __name__ == '__main__':
    sys.exit(main())
