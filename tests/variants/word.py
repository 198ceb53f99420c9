"""The combinatorial generator's records set in Word (python-docx) and printed by LibreOffice, the
way most Ambiti make their PDFs: the same representations as rappresentazioni.py where Word has
them natively (tables with one- or two-level headers, transposed tables, label/value tables,
stacked tables, 'Label: value' lines, bold labels, headed sections), the same truth. Styles: Word's
'Table Grid', no borders, shaded label cells; one or two text columns; portrait or landscape.
Needs soffice and python-docx (office_schede.available())."""
from __future__ import annotations

import random

from .office_schede import colonne, converti, nuovo_documento, ombreggia, orizzontale, riga_intestazione, \
    scrivi, senza_bordi
from .parafrasi import GRUPPI
from .rappresentazioni import Stile, coppie_di, titolo_sezione
from .record import Scheda

RAPPRESENTAZIONI = ['tabella', 'tabella2', 'trasposta', 'coppie', 'righe', 'grassetto', 'impilata', 'sezioni']
GRIGIO = 'D9D9D9'


def _testo(v) -> str:
    return '\n'.join('• ' + x for x in v) if isinstance(v, list) else str(v)


def _larghezze(righe: list[list[str]], st: Stile) -> list[float]:
    """Column widths in cm: each at least its longest word (Word would split it), the rest by weight."""
    tot = (24.5 if st.orizzontale else 16.0) / st.colonne
    n = len(righe[0])
    parole = [max([len(w) for r in righe for w in r[j].split()] + [3]) for j in range(n)]
    minimi = [0.16 * p + 0.3 for p in parole]
    pesi = [min(max(max(len(r[j]) for r in righe), 6), 120) ** 0.6 for j in range(n)]
    libero = tot - sum(minimi)
    if libero <= 0:
        return [m * tot / sum(minimi) for m in minimi]
    return [m + libero * p / sum(pesi) for m, p in zip(minimi, pesi)]


def _tavola(doc, righe: list[list[str]], st: Stile, intestazione: int = 0, etichette: bool = False):
    from docx.shared import Cm, Pt
    t = doc.add_table(rows=len(righe), cols=len(righe[0]))
    t.autofit = False
    larghezze = _larghezze(righe, st)
    for col, w in zip(t.columns, larghezze):      # the grid (LibreOffice reads it) and every cell
        col.width = Cm(w)
    for riga in t.rows:
        for c, w in zip(riga.cells, larghezze):
            c.width = Cm(w)
    if st.regole == 'nessuna':
        senza_bordi(t)
    else:
        t.style = doc.styles['Table Grid']
    for i, riga in enumerate(righe):
        for j, v in enumerate(riga):
            c = t.cell(i, j)
            scrivi(c, v, grassetto=i < intestazione or (etichette and j == 0))
            for p in c.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(7.5)
            if st.regole == 'ombreggiato' and (i < intestazione or (etichette and j == 0)):
                ombreggia(c, GRIGIO)
    for i in range(intestazione):
        riga_intestazione(t.rows[i])
    return t


def _tabella(doc, schede: list[Scheda], st: Stile, rng, due_livelli: bool) -> None:
    s0 = schede[0]
    cols = ([('numero', s0.etichetta_numero)] if s0.numero is not None else []) + [('titolo', s0.etichetta_titolo)]
    cols += [(c.field, c.etichetta) for c in s0.campi]
    gruppo = None
    if due_livelli:
        campi = [f for f, _ in cols]
        for titoli, fs in GRUPPI.get(s0.tipo, []):
            fs = [f for f in fs if f in campi]
            if len(fs) >= 2:
                gruppo = (rng.choice(titoli), fs)
                cols = [c for c in cols if c[0] not in fs] + [c for c in cols if c[0] in fs]
                break
    val = {'numero': lambda s: s.numero, 'titolo': lambda s: s.titolo}
    dati = [[_testo(val[f](s) if f in val else next(c.testo for c in s.campi if c.field == f)) for f, _ in cols]
            for s in schede]
    if gruppo is None:
        _tavola(doc, [[lab for _, lab in cols]] + dati, st, 1)
        return
    primo = next(j for j, (f, _) in enumerate(cols) if f in gruppo[1])
    top = [lab if j < primo else (gruppo[0] if j == primo else '') for j, (_, lab) in enumerate(cols)]
    sub = ['' if j < primo else lab for j, (_, lab) in enumerate(cols)]
    t = _tavola(doc, [top, sub] + dati, st, 2)
    for j in range(primo):
        t.cell(0, j).merge(t.cell(1, j))
    t.cell(0, primo).merge(t.cell(0, len(cols) - 1))


def disegna(schede: list[Scheda], rappr: str, st: Stile, rng: random.Random, capitolo: str, testata: str,
            ambito: str) -> bytes:
    doc = nuovo_documento(rng.choice(['Liberation Sans', 'DejaVu Sans', 'Liberation Serif']), 10, testata,
                          landscape=st.orizzontale)
    doc.add_paragraph(f'Ambito territoriale di {ambito}', style='Title')
    doc.add_paragraph('Piano di Zona 2025-2027', style='Subtitle')
    doc.add_paragraph(capitolo, style='Heading 1')
    if st.colonne == 2:
        sez = doc.add_section(0)      # continuous: the columns begin under the chapter title
        if st.orizzontale:
            orizzontale(sez)
        colonne(sez, 2)
    if rappr in ('tabella', 'tabella2'):
        _tabella(doc, schede, st, rng, rappr == 'tabella2')
    elif rappr == 'trasposta':
        s0 = schede[0]
        righe = ([[s0.etichetta_numero] + [s.numero for s in schede]] if s0.numero is not None else [])
        righe.append([s0.etichetta_titolo] + [s.titolo for s in schede])
        righe += [[c.etichetta] + [_testo(s.campi[j].testo) for s in schede] for j, c in enumerate(s0.campi)]
        _tavola(doc, righe, st, 0, etichette=True)
    else:
        for s in schede:
            if st.titolo_in == 'intestazione' or rappr == 'sezioni':
                doc.add_paragraph(titolo_sezione(s, st), style='Heading 2')
            coppie = coppie_di(s, st) if rappr != 'sezioni' else [(c.etichetta, c.testo) for c in s.campi]
            if rappr == 'coppie':
                _tavola(doc, [[lab, _testo(v)] for lab, v in coppie], st, 0, etichette=True)
            elif rappr == 'impilata':
                t = _tavola(doc, [[x] for lab, v in coppie for x in (lab, _testo(v))], st, 0)
                for i in range(0, len(t.rows), 2):
                    ombreggia(t.cell(i, 0), GRIGIO)
                    for r in t.cell(i, 0).paragraphs[0].runs:
                        r.bold = True
            else:
                for lab, v in coppie:
                    p = doc.add_paragraph()
                    if rappr == 'grassetto':
                        p.add_run(lab).bold = True
                        _paragrafi(doc, v)
                    elif isinstance(v, list):
                        p.add_run(lab + ':').bold = rappr == 'sezioni'
                        _paragrafi(doc, v)
                    else:
                        p.add_run(lab + ':').bold = rappr == 'sezioni'
                        p.add_run(' ' + str(v))
            doc.add_paragraph()
    return converti(doc)


def _paragrafi(doc, v) -> None:
    if isinstance(v, list):
        for x in v:
            doc.add_paragraph(x, style='List Bullet')
    else:
        doc.add_paragraph(str(v))
