"""The combinatorial generator: record type x representation x style, seeded.

    .venv/bin/python -m tests.variants.combinatorio DIR [--n N] [--seed S]

writes DIR/<name>.pdf + DIR/<name>.truth.json (score with ../shared/eval/score.py) and
DIR/celle.json (file -> cell), for tests/variants/matrice.py to print F1 per cell. Document k
of a run is cell k mod len(CELLE), so N >= len(CELLE) covers every cell; its style, wordings and
records are drawn from Random(f'{seed}:{k}') -- the same N and seed give the same documents.

Which cells are meaningful (CELLE) and why:
- obiettivo: every representation but colour -- no field of a scheda obiettivo is a colour.
  Mark grids carry its yes/no fields (ASST, continuità, co-progettazione).
- azione: an action is one text in an objective: a table of actions under the objective's heading
  (also two-level, with a 'Tempi › 2025 2026 2027' timeline), or the list under a label in any
  label/value group or section. Not transposed (no plan draws actions as columns), no mark grid
  (no yes/no field), no colour.
- indicatore: tables (the monitoring matrix; two-level with 'Risultati attesi › I/II anno'),
  transposed (one indicator per column), label/value groups and sections (one 'scheda
  indicatore' each). No mark grid (no yes/no field), no colour.
- rilevazione: a measurement belongs to an indicator row or group: tables (two-level with
  'Rilevazioni › date'), transposed, label/value groups. Not a section (a single value is never a
  heading's subject), no mark grid, no colour.
- esito: every representation; marks carry continuità / riproposto, colour carries the stato
  (SCHEMA: older plans and decks state it only by colour).
"""
from __future__ import annotations

import argparse
import io
import json
import random
import sys
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

if __package__ in (None, ''):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    __package__ = 'tests.variants'

from . import record as R   # noqa: E402
from .parafrasi import CAPITOLI   # noqa: E402
from .rappresentazioni import PER_GRUPPO, PER_SCHEDA, Riempi, Stile, azioni_tabella   # noqa: E402
from .render import FONT, stile   # noqa: E402

TIPI = ['obiettivo', 'azione', 'indicatore', 'rilevazione', 'esito']
RAPPRESENTAZIONI = ['tabella', 'tabella2', 'trasposta', 'coppie', 'segni', 'righe', 'grassetto', 'impilata',
                    'sezioni', 'colore']
_LV = ['coppie', 'righe', 'grassetto', 'impilata']
SIGNIFICATIVE = {
    'obiettivo': ['tabella', 'tabella2', 'trasposta', 'coppie', 'segni', 'righe', 'grassetto', 'impilata', 'sezioni'],
    'azione': ['tabella', 'tabella2'] + _LV + ['sezioni'],
    'indicatore': ['tabella', 'tabella2', 'trasposta'] + _LV + ['sezioni'],
    'rilevazione': ['tabella', 'tabella2', 'trasposta'] + _LV,
    'esito': RAPPRESENTAZIONI,
}
CELLE = [(t, r) for t in TIPI for r in RAPPRESENTAZIONI if r in SIGNIFICATIVE[t]]
TABELLA_PER = {'obiettivo': 'obiettivi', 'azione': 'azioni', 'indicatore': 'indicatori',
               'rilevazione': 'rilevazioni', 'esito': 'esiti'}
AMBITI = ['Bergamo', 'Dalmine', 'Seriate', 'Grumello', 'Valle Cavallina', 'Alto Sebino', 'Valle Seriana',
          'Valle Brembana', "Valle Imagna e Villa d'Almè", 'Isola Bergamasca e Bassa Val San Martino',
          'Treviglio', 'Romano di Lombardia']
_TESTO = {'tabella', 'tabella2', 'trasposta', 'colore'}   # drawn as one table of all records


def _stile(rng: random.Random, rappr: str) -> Stile:
    tavola = rappr in _TESTO
    testo = rappr in ('righe', 'grassetto', 'sezioni')
    return Stile(regole=rng.choice(['griglia', 'booktabs', 'ombreggiato', 'nessuna']),
                 titolo_in='intestazione' if rappr == 'sezioni' else rng.choice(['intestazione', 'cella']),
                 colonne=rng.choice([1, 2]) if testo else 1,
                 orizzontale=rng.random() < (0.6 if tavola else 0.25),
                 spezza=rng.random() < 0.35, forma=rng.randrange(12))


def _schede(rng: random.Random, tipo: str, rappr: str, parole: str) -> list[R.Scheda]:
    tavola = rappr in _TESTO
    n = rng.randint(3, 6) if tavola and rappr != 'trasposta' else rng.randint(2, 3)
    numerati = rappr == 'sezioni' or rng.random() < 0.6
    if tipo == 'obiettivo':
        fac = ['macroarea', 'asst_analisi', 'continuita_precedente', 'coprogettato_ts', 'tipo_obiettivo']
        scelti = [f for f in fac if rng.random() < 0.5]
        if rappr in ('segni', 'tabella2'):
            scelti = sorted(set(scelti) | set(R.SINO_OBIETTIVO), key=fac.index)
        return R.obiettivi(rng, n, scelti, numerati, parole)
    if tipo == 'azione':
        return R.azioni(rng, rng.randint(2, 3), numerati or rappr.startswith('tabella'), parole)
    if tipo in ('indicatore', 'rilevazione'):
        fac = ['policy', 'baseline', 'atteso_anno1', 'atteso_anno2', 'responsabile', 'frequenza']
        scelti = [f for f in fac if rng.random() < (0.6 if tipo == 'indicatore' else 0.25)]
        if rappr == 'tabella2' and tipo == 'indicatore':
            scelti = sorted(set(scelti) | {'atteso_anno1', 'atteso_anno2'}, key=fac.index)
        if rappr == 'trasposta':
            n = rng.randint(2, 3)
        return R.indicatori(rng, n, scelti, rng.randint(1, 2) + (rappr == 'tabella2') if tipo == 'rilevazione' else 0,
                            parole)
    fac = ['macroarea', 'descrizione', 'grado_raggiungimento', 'giudizio', 'criticita', 'continuita_precedente',
           'riproposto', 'stato']
    scelti = [f for f in fac if rng.random() < 0.5] or ['grado_raggiungimento']
    if rappr == 'segni':
        scelti = sorted(set(scelti) | set(R.SINO_ESITO), key=fac.index)
    if rappr == 'tabella2':
        scelti = sorted(set(scelti) | {'grado_raggiungimento', 'giudizio'}, key=fac.index)
    if rappr == 'colore':
        scelti = [f for f in scelti if f != 'stato']
    if tavola:   # the same columns for every row: only fields every record will have
        scelti = [f for f in scelti if f not in ('macroarea', 'descrizione', 'criticita')]
    return R.esiti(rng, n, scelti, numerati, stato_colore=rappr == 'colore', parole=parole)


def _uniforma(schede: list[R.Scheda]) -> list[R.Scheda]:
    """A table needs the same fields in every record: keep those all have."""
    comuni = set.intersection(*({c.field for c in s.campi} for s in schede))
    for s in schede:
        tolti = {c.field for c in s.campi} - comuni
        s.campi = [c for c in s.campi if c.field in comuni]
        for f in tolti:
            s.truth.pop(f, None)
    return schede


def celle(motore: str = 'reportlab') -> list[tuple[str, str]]:
    """The cells a run cycles over: all, or those Word draws natively (word.RAPPRESENTAZIONI)."""
    if motore == 'word':
        from .word import RAPPRESENTAZIONI as IN_WORD
        # (a table of actions under its objective's heading is drawn by reportlab only)
        return [c for c in CELLE if c[1] in IN_WORD and not (c[0] == 'azione' and c[1].startswith('tabella'))]
    return CELLE


def documento(k: int, seed: int = 0, parole: str = 'parafrasi', motore: str = 'reportlab') \
        -> tuple[str, bytes, dict, dict]:
    """(file name, PDF, truth, cell description) of document k of a run; `parole` the wording
    list (parafrasi.etichette); `motore` 'reportlab' or 'word' (python-docx printed by LibreOffice)."""
    cicli = celle(motore)
    tipo, rappr = cicli[k % len(cicli)]
    rng = random.Random(f'{seed}:{motore}:{k}' if motore != 'reportlab' else f'{seed}:{k}')
    st = _stile(rng, rappr)
    if motore == 'word':
        st.spezza = False         # Word breaks where its own metrics say
        if st.regole == 'booktabs':
            st.regole = 'griglia'     # Word's own table styles: a grid, none, shaded labels
    schede = _schede(rng, tipo, rappr, parole)
    if rappr in _TESTO:
        _uniforma(schede)
    size = landscape(A4) if st.orizzontale else A4
    margine = 42
    gap = 18
    w = (size[0] - 2 * margine - gap * (st.colonne - 1)) / st.colonne
    st.larghezza = w - 6
    ambito = rng.choice(AMBITI)
    # a neutral name, as the Ambiti name their files: the cell is in celle.json, not for the reader
    nome = '{}-pdz-2025-2027-v{:04d}'.format(unicodedata.normalize('NFKD', ambito).encode('ascii', 'ignore')
                                             .decode().lower().replace("'", '').replace(' ', '-'), k)
    capitolo = rng.choice(CAPITOLI[tipo]).format(tv=R.TRIENNIO_VALUTATO)
    testata = f'Piano di Zona 2025-2027 – Ambito {ambito}'
    truth = {'documento': {'file': nome + '.pdf'}, 'obiettivi': [], 'indicatori': [], 'esiti': []}
    chiave = {'obiettivo': 'obiettivi', 'azione': 'obiettivi', 'indicatore': 'indicatori',
              'rilevazione': 'indicatori', 'esito': 'esiti'}[tipo]
    truth[chiave] = [s.truth for s in schede]
    cella = {'tipo': tipo, 'rappresentazione': rappr, 'stile': ('word-' if motore == 'word' else '') + st.nome(),
             'record': len(schede),
             'figli': sum(len(s.truth.get('azioni', s.truth.get('rilevazioni', []))) for s in schede)}
    if motore == 'word':
        from .word import disegna
        return nome + '.pdf', disegna(schede, rappr, st, rng, capitolo, testata, ambito), truth, cella
    story = [Paragraph(escape(f'Ambito territoriale di {ambito}'), stile(15, bold=True)),
             Paragraph('Piano di Zona 2025-2027', stile(13)), Spacer(1, 14),
             Paragraph(escape(capitolo), stile(12.5, bold=True)),
             Spacer(1, 8)]
    if st.spezza:
        story.append(Riempi())
    if tipo == 'azione' and rappr.startswith('tabella'):
        for s in schede:
            story += azioni_tabella(s, st, rng, due_livelli=rappr == 'tabella2') + [Spacer(1, 10)]
    elif rappr in PER_GRUPPO:
        story += PER_GRUPPO[rappr](schede, st, rng)
    else:
        for s in schede:
            story += PER_SCHEDA[rappr](s, st, rng) + [Spacer(1, 12)]
    return nome + '.pdf', _pdf(story, size, margine, gap, st.colonne, testata), truth, cella


def _pdf(story, size, margine, gap, ncol, testata) -> bytes:
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=size, leftMargin=margine, rightMargin=margine, topMargin=margine,
                          bottomMargin=margine, title=testata, author='pdz variants (combinatorio)')
    w = (size[0] - 2 * margine - gap * (ncol - 1)) / ncol
    frames = [Frame(margine + i * (w + gap), margine, w, size[1] - 2 * margine, id=f'c{i}') for i in range(ncol)]

    def arredo(c, d):
        c.saveState()
        c.setFont(FONT, 7.5)
        c.setFillColor(colors.grey)
        c.drawString(margine, size[1] - margine * 0.6, testata)
        c.drawRightString(size[0] - margine, margine * 0.45, f'Pag. {d.page}')
        c.restoreState()
    doc.addPageTemplates([PageTemplate(id='p', frames=frames, onPage=arredo)])
    doc.build(story)
    return buf.getvalue()


def scrivi(cartella: Path, n: int, seed: int = 0, solo: list[int] | None = None, parole: str = 'parafrasi',
           motore: str = 'reportlab') -> dict:
    """Write documents 0..n-1 (or those in `solo`) and celle.json; returns file -> cell."""
    cartella.mkdir(parents=True, exist_ok=True)
    celle = {}
    for k in (solo if solo is not None else range(n)):
        nome, pdf, truth, cella = documento(k, seed, parole, motore)
        (cartella / nome).write_bytes(pdf)
        (cartella / nome.replace('.pdf', '.truth.json')).write_text(
            json.dumps(truth, ensure_ascii=False, indent=1), encoding='utf-8')
        celle[nome] = cella
    (cartella / 'celle.json').write_text(json.dumps(celle, ensure_ascii=False, indent=1), encoding='utf-8')
    return celle


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('dir', type=Path)
    ap.add_argument('--n', type=int, default=len(CELLE) * 3)
    ap.add_argument('--seed', type=int, default=0)
    a = ap.parse_args(argv)
    if not R.available():
        print('no dev truth files found (set PDZ_SHARED to the shared/ folder)', file=sys.stderr)
        return 2
    celle = scrivi(a.dir, a.n, a.seed)
    print(f'{len(celle)} documents, {len(CELLE)} cells, in {a.dir}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
