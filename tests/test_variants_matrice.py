"""The combinatorial generator (tests/variants/combinatorio.py): its truth is what it printed, it
is reproducible, and -- one document per meaningful (record type x representation) cell, seed 0 --
each cell's F1 under score.py. A cell the extractor cannot read yet is xfail(strict=True) with
the reader that would have to learn it, so a fix turns the suite red until the mark goes.
Full measurement, hundreds of documents: `make variants N=...` (tests/variants/matrice.py)."""
from __future__ import annotations

import datetime
import io
import json
import re
import subprocess
import sys

import pdfplumber
import pytest

from variants import combinatorio as C
from variants import matrice as M
from variants.record import SHARED, available

pytestmark = pytest.mark.skipif(not available() or not M.SCORE.exists(),
                                reason='dev truth or ../shared/eval/score.py not available')

CAMPIONE = list(range(len(C.CELLE)))      # document k is cell k: one per cell
VOCABOLARI = {'livello': {'ambito'}, 'tipo': {'processo', 'output', 'outcome'},
              'tipo_obiettivo': {'promozionale', 'preventivo', 'riparativo'},
              'giudizio': {'insufficiente', 'sufficiente', 'buono', 'ottimo'},
              'stato': {'raggiunto', 'parziale', 'non_raggiunto'},
              **{f: {'si', 'no', 'parziale'} for f in ('asst_analisi', 'continuita_precedente', 'coprogettato_ts',
                                                       'riproposto')}}


def _parole(s) -> set[str]:
    return set(re.findall(r'\w+', str(s).casefold()))


def _valori(rec: dict):
    for k, v in rec.items():
        if isinstance(v, list):
            for x in v:
                yield from (_valori(x) if isinstance(x, dict) else [(k, x)])
        else:
            yield k, v


def test_meaningful_cells_are_declared_and_cover_every_type():
    assert set(C.SIGNIFICATIVE) == set(C.TIPI)
    assert all(set(v) <= set(C.RAPPRESENTAZIONI) for v in C.SIGNIFICATIVE.values())
    # colour carries only the esito's stato; a measurement is never a heading of its own
    assert [t for t, r in C.CELLE if r == 'colore'] == ['esito']
    assert ('rilevazione', 'sezioni') not in C.CELLE
    assert len(C.CELLE) == sum(len(v) for v in C.SIGNIFICATIVE.values())


@pytest.mark.parametrize('k', CAMPIONE)
def test_truth_is_what_was_printed(k):
    """Every word of every truth text is on the pages; vocabulary fields hold schema codes; a date
    is printed as dd/mm/yyyy; a percentage as its number."""
    nome, pdf, truth, cella = C.documento(k)
    assert (cella['tipo'], cella['rappresentazione']) == C.CELLE[k]
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        stampato = _parole(' '.join(p.extract_text() or '' for p in doc.pages))
    chiave = C.TABELLA_PER[cella['tipo']]
    recs = truth['esiti' if chiave == 'esiti' else 'indicatori' if chiave in ('indicatori', 'rilevazioni')
                 else 'obiettivi']
    assert recs, 'no record drawn'
    for rec in recs:
        for campo, v in _valori(rec):
            if campo in VOCABOLARI:
                assert v in VOCABOLARI[campo], (campo, v)
            elif campo == 'data':
                assert datetime.date.fromisoformat(v).strftime('%d/%m/%Y') in ' '.join(
                    p.extract_text() for p in pdfplumber.open(io.BytesIO(pdf)).pages)
            elif campo == 'triennio_valutato':
                assert _parole(v) <= stampato
            elif isinstance(v, str) or isinstance(v, (int, float)) and not isinstance(v, bool):
                manca = _parole(int(v) if isinstance(v, float) and v.is_integer() else v) - stampato
                assert not manca, (campo, v, manca)


def test_same_seed_same_documents_other_seed_other_documents():
    a, b, c = C.documento(7, seed=3), C.documento(7, seed=3), C.documento(7, seed=4)
    assert a[0] == b[0] and a[2] == b[2] and a[3] == b[3]
    assert a[2] != c[2]


def test_a_perfect_extraction_scores_one(tmp_path):
    """The truth files are well-formed for score.py: loaded as they are (truth_to_db.py) they score 1."""
    C.scrivi(tmp_path, len(C.CELLE))
    db = tmp_path / 'perfetto.duckdb'
    subprocess.run([sys.executable, str(SHARED / 'eval' / 'truth_to_db.py'), '--truth', str(tmp_path), '--db', str(db)],
                   check=True, capture_output=True, timeout=120)
    rep = M.punteggio(tmp_path, db)
    assert rep['totals']['f1'] == pytest.approx(1.0)
    agg = M.per_cella(rep, json.loads((tmp_path / 'celle.json').read_text()))
    celle = {k: c for k, c in agg.items() if k in C.CELLE}
    assert set(celle) == set(C.CELLE) and all(M.f1(c) == 1.0 and c['truth'] > 0 for c in celle.values())


# ---------------------------------------------------------------- the matrix on the extractor
# cell -> what would have to learn it (measured at N=41, seed 0; `make variants` for the full matrix)
BUCHI: dict[tuple[str, str], str] = {}


@pytest.mark.slow
def test_every_cell_is_read_or_is_a_known_hole(tmp_path):
    """One document per cell (seed 0), ingested and scored: a cell not in BUCHI must reach
    F1 >= 0.95; a cell in BUCHI that does is no longer a hole -- take it out (strict, like xfail)."""
    agg, _ = M.misura(tmp_path, len(C.CELLE), seed=0, jobs=2)
    assert set(agg) >= set(C.CELLE) and all(agg[c]['truth'] > 0 for c in C.CELLE)
    caduti = [f'{t} x {r}: F1={M.f1(agg[(t, r)]):.2f}' for t, r in C.CELLE
              if (t, r) not in BUCHI and M.f1(agg[(t, r)]) < M.SOGLIA]
    chiusi = [f'{t} x {r}: F1={M.f1(agg[(t, r)]):.2f}' for t, r in BUCHI if M.f1(agg[(t, r)]) >= M.SOGLIA]
    assert not caduti, 'cells read before, no longer: ' + '; '.join(caduti)
    assert not chiusi, 'holes now read -- remove them from BUCHI: ' + '; '.join(chiusi)


def test_holes_are_meaningful_cells():
    assert set(BUCHI) <= set(C.CELLE)
