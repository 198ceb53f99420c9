"""Round 3, produced like the real corpus: python-docx / python-pptx documents converted to PDF
by LibreOffice, with templates the development documents do not use. This module re-publishes
the narrative objectives (treviglio-pdz-2025-2027-obiettivi), the monitoring matrix
(treviglio-matrice-monitoraggio-2025) and the slide esiti (dalmine-presentazione-2021):
Word heading styles and real list numbering, page fields in headers/footers, two-column and
landscape sections, built-in table styles, merged and repeated header rows, rows breaking across
pages, decks with other table styles and hues, a legend slide, two tables per slide, status as
coloured words. Pages in the truth are read back from the converted PDF (or are the slide number)."""
from __future__ import annotations

import io
import re

from . import soffice
from .render import AREE, Variante, dev_truth, documento, keep

# ---------------------------------------------------------------- LibreOffice conversion
def available() -> bool:
    """LibreOffice and python-docx / python-pptx are all here (CI has no soffice)."""
    import importlib.util
    return (soffice.available() and importlib.util.find_spec('docx') is not None
            and importlib.util.find_spec('pptx') is not None)


converti = soffice.converti      # PDF bytes of a .docx/.pptx, printed with the project's fonts


# ---------------------------------------------------------------- pages read back from the PDF
def _squeeze(s: str) -> str:
    """Comparison form: letters and digits only, lower case (wrapping, hyphens, bullets vanish)."""
    return re.sub(r'[\W_]+', '', s or '').lower()


def testi_pagine(pdf: bytes) -> list[str]:
    """Per page, the squeezed text read whole and by half page (so text in two columns is found)."""
    import pdfplumber
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for p in doc.pages:
            parti = [p.extract_text() or '']
            w = p.width
            for box in ((0, 0, w / 2, p.height), (w / 2, 0, w, p.height)):
                parti.append(p.crop(box).extract_text() or '')
            out.append(' '.join(_squeeze(t) for t in parti))
    return out


def pagine_di(pdf: bytes, titoli: list[str]) -> list[int | None]:
    """1-based page where each title first appears, searched in order (a title is never before
    the previous one); a shorter head of the title when it wraps onto the next column or page;
    None when it cannot be found."""
    pagine = testi_pagine(pdf)
    out, da = [], 0
    for t in titoli:
        trovata = None
        for lunghezza in (60, 30, 15):
            chiave = _squeeze(t)[:lunghezza]
            trovata = next((i for i in range(da, len(pagine)) if chiave and chiave in pagine[i]), None)
            if trovata is not None:
                break
        out.append(None if trovata is None else trovata + 1)
        if trovata is not None:
            da = trovata
    return out


# ---------------------------------------------------------------- python-docx helpers
def _docx():
    import docx
    return docx


def _el(tag: str, **attrs):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(f'w:{k}'), str(v))
    return e


def campo_pagina(paragrafo, prefisso='Pag. ', totale=True):
    """'Pag. {PAGE} di {NUMPAGES}' as real Word fields (LibreOffice fills them per page)."""
    def campo(nome):
        r = paragrafo.add_run()
        r._r.append(_el('w:fldChar', fldCharType='begin'))
        r = paragrafo.add_run()
        it = _el('w:instrText')
        it.text = f' {nome} '
        it.set('{http://www.w3.org/XML/1998/namespace}space', 'preserve')
        r._r.append(it)
        r = paragrafo.add_run()
        r._r.append(_el('w:fldChar', fldCharType='separate'))
        paragrafo.add_run('1')
        r = paragrafo.add_run()
        r._r.append(_el('w:fldChar', fldCharType='end'))
    paragrafo.add_run(prefisso)
    campo('PAGE')
    if totale:
        paragrafo.add_run(' di ')
        campo('NUMPAGES')


def intestazione(sezione, testo: str, piede: str | None = None, size=8):
    from docx.shared import Pt
    h = sezione.header.paragraphs[0]
    h.text = testo
    for r in h.runs:
        r.font.size = Pt(size)
    f = sezione.footer.paragraphs[0]
    if piede:
        f.add_run(piede + '   ')
    campo_pagina(f)
    for r in f.runs:
        r.font.size = Pt(size)


def ombra(cella, hex_fill: str):
    tcPr = cella._tc.get_or_add_tcPr()
    tcPr.append(_el('w:shd', val='clear', color='auto', fill=hex_fill))


def riga_intestazione(riga):
    """Repeat this row at the top of every page the table runs onto (tblHeader)."""
    riga._tr.get_or_add_trPr().append(_el('w:tblHeader', val='true'))


def non_spezzare(riga):
    riga._tr.get_or_add_trPr().append(_el('w:cantSplit', val='true'))


def colonne(sezione, n: int, spazio_twip=567):
    sp = sezione._sectPr
    for c in sp.findall('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cols'):
        sp.remove(c)
    sp.append(_el('w:cols', num=n, space=spazio_twip))


def testo_cella(cella, testo: str | None, size=None, bold=False, colore=None):
    from docx.shared import Pt, RGBColor
    cella.text = ''
    righe = (testo or '').split('\n')
    p = cella.paragraphs[0]
    for k, riga in enumerate(righe):
        if k:
            p = cella.add_paragraph()
        r = p.add_run(riga)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
        if colore:
            r.font.color.rgb = RGBColor.from_string(colore)


def font_base(doc, nome: str, size: float):
    from docx.shared import Pt
    st = doc.styles['Normal']
    st.font.name = nome
    st.font.size = Pt(size)
    st.element.rPr.rFonts.set('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia', nome)


def larghezze_colonne(tab, cm: list[float]):
    """Column widths in grid and cells (LibreOffice reads the grid, Word the cells)."""
    from docx.shared import Cm
    tab.autofit = False
    for c, w in enumerate(cm):
        tab.columns[c].width = Cm(w)
        for cella in tab.columns[c].cells:
            cella.width = Cm(w)


def a4(sezione, orizzontale=False):
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm
    w, h = (Mm(297), Mm(210)) if orizzontale else (Mm(210), Mm(297))
    sezione.orientation = WD_ORIENT.LANDSCAPE if orizzontale else WD_ORIENT.PORTRAIT
    sezione.page_width, sezione.page_height = w, h


def salva(doc) -> bytes:
    """.docx bytes; the body closes on a paragraph (LibreOffice drops a last section that ends on a table)."""
    doc.add_paragraph()
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- (1) narrative objectives
_NARRATIVO_KEYS = ('livello', 'titolo', 'macroarea', 'aree_regionali', 'descrizione', 'target')


def _narrativo_truth(obs: list[dict], pagine: list[int | None], con_target=True) -> list[dict]:
    out = []
    for o, p in zip(obs, pagine):
        t = keep(o, [k for k in _NARRATIVO_KEYS if con_target or k != 'target'])
        t['azioni'] = [{'testo': a['testo']} for a in o.get('azioni', [])]
        t['indicatori'] = [keep(i, ('tipo', 'testo')) for i in o.get('indicatori', [])]
        t['pagina_inizio'] = p
        out.append(t)
    return out


_CONTESTO = ("Il contesto territoriale dell'Ambito evidenzia bisogni in crescita e una rete di servizi che "
             "richiede un coordinamento più stretto tra Comuni, ASST e Terzo Settore. L'obiettivo si inserisce "
             "nel percorso avviato nella precedente triennalità.")


def narrativo_stili(n=8) -> Variante:
    """Romano di Lombardia: Word heading styles (Heading 1 area, Heading 2 objective), 'Finalità'
    and 'Destinatari' labels in bold runs, actions as real 'List Number' numbering, indicators as
    'List Bullet' items 'Processo: …', Georgia 10.5, header and 'Pag. X di Y' footer fields."""
    docx = _docx()
    from docx.enum.text import WD_BREAK
    file = 'romano-di-lombardia-pdz-2025-2027-obiettivi.pdf'
    obs = dev_truth('treviglio-pdz-2025-2027-obiettivi')['obiettivi'][:n]
    doc = docx.Document()
    font_base(doc, soffice.DEJAVU_SERIF, 10.5)
    intestazione(doc.sections[0], 'Ambito Territoriale di Romano di Lombardia – Piano di Zona 2025-2027',
                 'Documento di programmazione')
    doc.add_heading('Gli obiettivi del Piano di Zona 2025-2027', level=0)
    doc.add_paragraph(_CONTESTO)
    area = None
    nomi = {'processo': 'Processo', 'output': 'Output', 'outcome': 'Esito (outcome)'}
    for k, o in enumerate(obs):
        if o.get('macroarea') != area:
            area = o.get('macroarea')
            if k:
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            doc.add_heading(f'Area: {area.capitalize()}', level=1)
        doc.add_heading(f'Obiettivo {k + 1}. {o["titolo"]}', level=2)
        p = doc.add_paragraph()
        p.add_run('Finalità: ').bold = True
        p.add_run(o.get('descrizione') or '')
        doc.add_paragraph(_CONTESTO)
        doc.add_heading('Azioni programmate', level=3)
        for a in o.get('azioni', []):
            doc.add_paragraph(a['testo'], style='List Number')
        p = doc.add_paragraph()
        p.add_run('Destinatari: ').bold = True
        p.add_run(o.get('target') or '')
        doc.add_heading('Indicatori di monitoraggio', level=3)
        for i in o.get('indicatori', []):
            p = doc.add_paragraph(style='List Bullet')
            p.add_run(f'{nomi[i["tipo"]]}: ').bold = True
            p.add_run(i['testo'])
    pdf = converti(salva(doc), '.docx')
    pag = pagine_di(pdf, [o['titolo'] for o in obs])
    return Variante('narrativo_stili', file, pdf, {
        'documento': documento(file, 'romano-di-lombardia', '2025-2027', 'piano_di_zona'),
        'obiettivi': _narrativo_truth(obs, pag), 'indicatori': [], 'esiti': []})


def narrativo_due_colonne_docx(n=8) -> Variante:
    """Seriate: a portrait title section, then objectives in a two-column section (sectPr cols):
    'MACROAREA …' paragraph, 'OBIETTIVO n –' bold title, 'Target:' line, bulleted actions
    ('List Bullet'), indicators in a two-column 'Light List Accent 1' table Tipologia | Indicatore;
    Cambria 9.5, header with the page field."""
    docx = _docx()
    from docx.enum.section import WD_SECTION
    from docx.shared import Pt
    file = 'seriate-pdz-2025-2027-obiettivi.pdf'
    obs = dev_truth('treviglio-pdz-2025-2027-obiettivi')['obiettivi'][:n]
    doc = docx.Document()
    font_base(doc, soffice.DEJAVU_SERIF, 9.5)
    a4(doc.sections[0])
    intestazione(doc.sections[0], 'Piano di Zona 2025-2027 – Ambito di Seriate')
    t = doc.add_paragraph()
    r = t.add_run('PIANO DI ZONA 2025 – 2027\nAmbito Territoriale Sociale di Seriate\nObiettivi della programmazione')
    r.bold, r.font.size = True, Pt(18)
    sez = doc.add_section(WD_SECTION.NEW_PAGE)
    colonne(sez, 2)
    area = None
    tipi = {'processo': 'Di processo', 'output': 'Di output', 'outcome': 'Di risultato/outcome'}
    for k, o in enumerate(obs):
        if o.get('macroarea') != area:
            area = o.get('macroarea')
            p = doc.add_paragraph()
            p.add_run(f'MACROAREA – {area}').bold = True
        p = doc.add_paragraph()
        r = p.add_run(f'OBIETTIVO {k + 1} – {o["titolo"]}')
        r.bold, r.font.size = True, Pt(10.5)
        p = doc.add_paragraph()
        p.add_run('Target: ').bold = True
        p.add_run(o.get('target') or '')
        p = doc.add_paragraph()
        p.add_run('Azioni').bold = True
        for a in o.get('azioni', []):
            doc.add_paragraph(a['testo'], style='List Bullet')
        tab = doc.add_table(rows=1, cols=2)
        tab.style = doc.styles['Light List Accent 1']
        testo_cella(tab.rows[0].cells[0], 'Tipologia', bold=True)
        testo_cella(tab.rows[0].cells[1], 'Indicatore', bold=True)
        for i in o.get('indicatori', []):
            c = tab.add_row().cells
            testo_cella(c[0], tipi[i['tipo']])
            testo_cella(c[1], i['testo'])
        larghezze_colonne(tab, [2.2, 6.0])
        doc.add_paragraph()
    pdf = converti(salva(doc), '.docx')
    pag = pagine_di(pdf, [o['titolo'] for o in obs])
    return Variante('narrativo_due_colonne_docx', file, pdf, {
        'documento': documento(file, 'seriate', '2025-2027', 'piano_di_zona'),
        'obiettivi': _narrativo_truth(obs, pag), 'indicatori': [], 'esiti': []})


# ---------------------------------------------------------------- (2) monitoring matrix
_MATRICE_KEYS = ('numero', 'tipo', 'testo', 'policy', 'baseline', 'atteso_anno1', 'atteso_anno2', 'ridefinizione',
                 'responsabile', 'frequenza', 'note')


def _matrice_truth(inds: list[dict], data_iso: str | None) -> list[dict]:
    out = []
    for i in inds:
        r = keep(i, _MATRICE_KEYS)
        if data_iso:
            r['rilevazioni'] = [{'data': data_iso, 'valore_testo': x.get('valore_testo')}
                                for x in i.get('rilevazioni', [])[:1]]
        out.append(r)
    return out


def _sezione_orizzontale(doc):
    from docx.enum.section import WD_SECTION
    sez = doc.add_section(WD_SECTION.NEW_PAGE)
    a4(sez, orizzontale=True)
    return sez


def matrice_orizzontale_unita(n=30) -> Variante:
    """Valle Cavallina: a portrait cover section, then a landscape section with the matrix in
    'Light Grid Accent 1'; two header rows repeated on every page (tblHeader) with merged cells
    ('Target atteso' over '2025' | '2026', single columns merged vertically); columns renamed and
    reordered; rows allowed to break across pages."""
    docx = _docx()
    from docx.shared import Cm, Pt
    file = 'valle-cavallina-matrice-monitoraggio-2025.pdf'
    inds = dev_truth('treviglio-matrice-monitoraggio-2025')['indicatori'][:n]
    doc = docx.Document()
    font_base(doc, soffice.CARLITO, 8)
    a4(doc.sections[0])
    intestazione(doc.sections[0], 'Ambito Valle Cavallina – Monitoraggio del Piano di Zona 2025-2027')
    p = doc.add_paragraph()
    r = p.add_run('Matrice di monitoraggio degli indicatori\nPiano di Zona 2025-2027 – Ambito Valle Cavallina')
    r.bold, r.font.size = True, Pt(16)
    doc.add_paragraph('Rilevazione intermedia: valori al 30/11/2025.')
    sez = _sezione_orizzontale(doc)
    for m in ('left_margin', 'right_margin'):
        setattr(sez, m, Cm(1.2))
    h1 = ['N°', 'Tipo indicatore', 'Descrizione indicatore', 'Ambito di policy', 'Baseline (al 31/12/2024)',
          'Target atteso', None, 'Valore rilevato al 30/11/2025', 'Chi rileva', 'Periodicità di rilevazione',
          'Ridefinizione eventuale', 'Annotazioni']
    h2 = ['', '', '', '', '', '2025', '2026', '', '', '', '', '']
    campi = [lambda i: str(i['numero']), lambda i: i.get('tipo'), lambda i: i['testo'], lambda i: i.get('policy'),
             lambda i: i.get('baseline'), lambda i: i.get('atteso_anno1'), lambda i: i.get('atteso_anno2'),
             lambda i: (i.get('rilevazioni') or [{}])[0].get('valore_testo'), lambda i: i.get('responsabile'),
             lambda i: i.get('frequenza'), lambda i: i.get('ridefinizione'), lambda i: i.get('note')]
    tab = doc.add_table(rows=2, cols=len(h1))
    tab.style = doc.styles['Light Grid Accent 1']
    for c, (a, b) in enumerate(zip(h1, h2)):
        if a is not None:
            testo_cella(tab.cell(0, c), a, bold=True, size=8)
        testo_cella(tab.cell(1, c), b, bold=True, size=8)
    for c in range(len(h1)):
        if c not in (5, 6):
            tab.cell(0, c).merge(tab.cell(1, c))
    tab.cell(0, 5).merge(tab.cell(0, 6))
    testo_cella(tab.cell(0, 5), 'Target atteso', bold=True, size=8)
    for riga in tab.rows[:2]:
        riga_intestazione(riga)
    for i in inds:
        cells = tab.add_row().cells
        for c, f in enumerate(campi):
            testo_cella(cells[c], f(i), size=7.5)
    larghezze_colonne(tab, [0.9, 1.5, 4.0, 2.5, 1.8, 2.1, 2.1, 2.5, 2.0, 1.6, 2.0, 2.2])
    pdf = converti(salva(doc), '.docx')
    return Variante('matrice_orizzontale_unita', file, pdf, {
        'documento': documento(file, 'valle-cavallina', '2025-2027', 'matrice_monitoraggio'),
        'obiettivi': [], 'indicatori': _matrice_truth(inds, '2025-11-30'), 'esiti': []})


def matrice_righe_intere(n=30) -> Variante:
    """Grumello: whole landscape document, 'Medium Shading 1 Accent 1' table, one header row
    repeated (tblHeader), rows that may not break across pages (cantSplit), policy as the first
    column, the indicator number after the text, the measured value column labelled
    'Esito monitoraggio 31.12.2025'; Arial Narrow 7.5."""
    docx = _docx()
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt
    file = 'grumello-matrice-monitoraggio-2025.pdf'
    inds = dev_truth('treviglio-matrice-monitoraggio-2025')['indicatori'][:n]
    doc = docx.Document()
    font_base(doc, soffice.LIBERATION_NARROW, 7.5)
    sez = doc.sections[0]
    sez.orientation = WD_ORIENT.LANDSCAPE
    sez.page_width, sez.page_height = sez.page_height, sez.page_width
    for m in ('left_margin', 'right_margin', 'top_margin', 'bottom_margin'):
        setattr(sez, m, Cm(1.3))
    intestazione(sez, 'Piano di Zona 2025-2027 – Ambito di Grumello del Monte', 'Monitoraggio indicatori')
    p = doc.add_paragraph()
    r = p.add_run('MONITORAGGIO INDICATORI DEL PIANO DI ZONA 2025-2027 – Ambito di Grumello')
    r.bold, r.font.size = True, Pt(12)
    head = ['Area di policy', 'Indicatore', 'Num.', 'Tipologia', 'Situazione iniziale', 'Risultato atteso 1° anno',
            'Risultato atteso 2° anno', 'Esito monitoraggio 31.12.2025', 'Ridefinizione', 'Responsabile',
            'Frequenza', 'Note']
    campi = [lambda i: i.get('policy'), lambda i: i['testo'], lambda i: str(i['numero']), lambda i: i.get('tipo'),
             lambda i: i.get('baseline'), lambda i: i.get('atteso_anno1'), lambda i: i.get('atteso_anno2'),
             lambda i: (i.get('rilevazioni') or [{}])[0].get('valore_testo'), lambda i: i.get('ridefinizione'),
             lambda i: i.get('responsabile'), lambda i: i.get('frequenza'), lambda i: i.get('note')]
    tab = doc.add_table(rows=1, cols=len(head))
    tab.style = doc.styles['Medium Shading 1 Accent 1']
    for c, h in enumerate(head):
        testo_cella(tab.cell(0, c), h, bold=True, size=7.5)
    riga_intestazione(tab.rows[0])
    for i in inds:
        riga = tab.add_row()
        non_spezzare(riga)
        for c, f in enumerate(campi):
            testo_cella(riga.cells[c], f(i), size=7.5)
    larghezze_colonne(tab, [2.4, 3.6, 0.9, 1.4, 1.7, 2.0, 2.0, 2.4, 2.0, 1.9, 1.5, 2.4])
    pdf = converti(salva(doc), '.docx')
    return Variante('matrice_righe_intere', file, pdf, {
        'documento': documento(file, 'grumello', '2025-2027', 'matrice_monitoraggio'),
        'obiettivi': [], 'indicatori': _matrice_truth(inds, '2025-12-31'), 'esiti': []})


# ---------------------------------------------------------------- (3) slide decks (python-pptx)
_STILI_PPTX = {'medio2': '{073A0DAA-6AF3-43AB-8588-CEC1D06C72B9}',     # Medium Style 2
               'griglia': '{5940675A-B579-460E-94D1-54222C63F5DA}',    # No Style, Table Grid
               'chiaro1': '{9D7B26C5-4107-4FEC-AEDC-1716B250EE53}'}    # Light Style 1 - Accent 6 (approx.)


def _pptx():
    import pptx
    return pptx


def _slide_vuota(prs, titolo: str, size=26):
    from pptx.util import Emu, Pt
    s = prs.slides.add_slide(prs.slide_layouts[5])      # title only
    s.shapes.title.text = titolo
    for p in s.shapes.title.text_frame.paragraphs:
        for r in p.runs:
            r.font.size, r.font.bold = Pt(size), True
    return s


def _stile_tabella(tabella, stile: str):
    tblPr = tabella._tbl.tblPr
    for e in list(tblPr):
        if e.tag.endswith('tableStyleId'):
            e.text = _STILI_PPTX[stile]


def _cella(cell, testo: str, size=11, bold=False, colore=None, fill=None):
    from pptx.dml.color import RGBColor
    from pptx.util import Pt
    cell.text = testo or ''
    for p in cell.text_frame.paragraphs:
        for r in p.runs:
            r.font.size, r.font.bold = Pt(size), bold
            if colore:
                r.font.color.rgb = RGBColor.from_string(colore)
    if fill:
        cell.fill.solid()
        cell.fill.fore_color.rgb = RGBColor.from_string(fill)


def _gruppi(esiti: list[dict], per_slide: int) -> list[list[tuple[int, dict]]]:
    """Esiti grouped by macroarea, at most per_slide a group (an area may run over slides)."""
    out: list[list[tuple[int, dict]]] = []
    for k, e in enumerate(esiti):
        if not out or out[-1][-1][1]['macroarea'] != e['macroarea'] or len(out[-1]) >= per_slide:
            out.append([])
        out[-1].append((k, e))
    return out


def _tabella_esiti(slide, gruppo, x, y, w, stile: str, stato_cella, intestazioni, larghezze, size=11):
    """A table Titolo | Stato | Criticità; `stato_cella(cell, stato)` writes or colours the status."""
    from pptx.util import Emu, Inches
    righe = len(gruppo) + 1
    shape = slide.shapes.add_table(righe, 3, x, y, w, Inches(0.4) * righe)
    tab = shape.table
    _stile_tabella(tab, stile)
    tot = sum(larghezze)
    for c, lw in enumerate(larghezze):
        tab.columns[c].width = Emu(int(w * lw / tot))
    for c, h in enumerate(intestazioni):
        _cella(tab.cell(0, c), h, size=size, bold=True)
    for r, (_, e) in enumerate(gruppo, start=1):
        _cella(tab.cell(r, 0), e['titolo'], size=size)
        stato_cella(tab.cell(r, 1), e['stato'])
        _cella(tab.cell(r, 2), e.get('criticita') or '', size=size)


_SOTTOTITOLO_LUNGO = 'Piano di Zona 2021-2023\nVerifica dei progetti della triennalità 2018-2020'   # wraps on the slide
_SOTTOTITOLO_BREVE = 'Piano di Zona 2021-2023\nVerifica 2018-2020'


def _deck(file, nome, ambito, stile, stato_cella, intestazioni, per_slide=7, per_pagina=1, legenda=None,
          larghezze=(5, 1.4, 3.6), n=68, size=11, sottotitolo=_SOTTOTITOLO_LUNGO) -> tuple[bytes, dict]:
    pptx = _pptx()
    from pptx.util import Inches, Pt
    esiti = dev_truth('dalmine-presentazione-2021')['esiti'][:n]
    prs = pptx.Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = f'Ambito di {nome}'
    s.placeholders[1].text = sottotitolo
    if legenda:
        s = _slide_vuota(prs, 'Legenda della colonna Esito')
        legenda(s)
    pagina: dict[int, int] = {}
    gruppi = _gruppi(esiti, per_slide)
    w_tot = prs.slide_width - Inches(0.8)
    for g0 in range(0, len(gruppi), per_pagina):
        su_slide = gruppi[g0:g0 + per_pagina]
        if per_pagina == 1:
            s = _slide_vuota(prs, su_slide[0][0][1]['macroarea'], size=24)
        else:       # several areas on a slide: a generic title, each table under its own caption
            s = _slide_vuota(prs, 'Stato di attuazione dei progetti 2018-2020', size=24)
        w = (w_tot - Inches(0.3) * (len(su_slide) - 1)) // len(su_slide)
        for j, g in enumerate(su_slide):
            x = Inches(0.4) + j * (w + Inches(0.3))
            if per_pagina > 1:
                tb = s.shapes.add_textbox(x, Inches(1.35), w, Inches(0.5))
                tb.text_frame.text = g[0][1]['macroarea']
                tb.text_frame.paragraphs[0].runs[0].font.size = Pt(16)
                tb.text_frame.paragraphs[0].runs[0].font.bold = True
            _tabella_esiti(s, g, x, Inches(1.5 if per_pagina == 1 else 1.95), w, stile, stato_cella, intestazioni,
                           larghezze, size=size)
            for k, _ in g:
                pagina[k] = len(prs.slides)
    buf = io.BytesIO()
    prs.save(buf)
    pdf = converti(buf.getvalue(), '.pptx')
    out = [dict(keep(e, ('titolo', 'macroarea', 'triennio_valutato', 'stato', 'criticita')), pagina=pagina[k])
           for k, e in enumerate(esiti)]
    return pdf, {'documento': documento(file, ambito, '2021-2023', 'presentazione'),
                 'obiettivi': [], 'indicatori': [], 'esiti': out}


_TINTE_OFFICE = {'raggiunto': '70AD47', 'parziale': 'FFC000', 'non_raggiunto': 'C00000'}
_TINTE_PASTELLO = {'raggiunto': 'A9D08E', 'parziale': 'FFE699', 'non_raggiunto': 'F4B084'}


def _riempi(tinte):
    return lambda cell, stato: _cella(cell, '', fill=tinte[stato])


def slide_stile_medio(n=68) -> Variante:
    """Isola Bergamasca: python-pptx 'Medium Style 2' table (banded rows), status only as the fill
    of the Esito cell in Office hues (70AD47 / FFC000 / C00000), 16:9."""
    file = 'isola-bergamasca-presentazione-2021.pdf'
    pdf, truth = _deck(file, 'Isola Bergamasca', 'isola-bergamasca', 'medio2', _riempi(_TINTE_OFFICE),
                       ['Progetto / attività', 'Esito', 'Criticità e ridefinizione'], n=n)
    return Variante('slide_stile_medio', file, pdf, truth)


def _legenda(tinte, parole):
    def disegna(slide):
        from pptx.dml.color import RGBColor
        from pptx.enum.shapes import MSO_SHAPE
        from pptx.util import Inches, Pt
        for j, (stato, testo) in enumerate(parole.items()):
            y = Inches(2 + j * 1.0)
            q = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(1.5), y, Inches(0.8), Inches(0.6))
            q.fill.solid()
            q.fill.fore_color.rgb = RGBColor.from_string(tinte[stato])
            tb = slide.shapes.add_textbox(Inches(2.6), y, Inches(8), Inches(0.6))
            tb.text_frame.text = testo
            tb.text_frame.paragraphs[0].runs[0].font.size = Pt(20)
    return disegna


def slide_legenda_pastello(n=68) -> Variante:
    """Bergamo: pastel hues (green / sand / salmon) explained once on a legend slide, a plain
    gridded table ('No Style, Table Grid'), columns 'Intervento' | 'Valutazione' | 'Note critiche'."""
    file = 'bergamo-presentazione-2021.pdf'
    parole = {'raggiunto': 'Obiettivo raggiunto', 'parziale': 'Obiettivo parzialmente raggiunto',
              'non_raggiunto': 'Obiettivo non raggiunto / non avviato'}
    pdf, truth = _deck(file, 'Bergamo', 'bergamo', 'griglia', _riempi(_TINTE_PASTELLO),
                       ['Intervento', 'Valutazione', 'Note critiche'], per_slide=8,
                       legenda=_legenda(_TINTE_PASTELLO, parole), n=n)
    return Variante('slide_legenda_pastello', file, pdf, truth)


def slide_due_tabelle(n=68) -> Variante:
    """Dalmine-like deck with two areas' tables side by side on each slide (status fill, Office hues)."""
    file = 'valle-seriana-superiore-presentazione-2021.pdf'
    pdf, truth = _deck(file, 'Valle Seriana Superiore e Valle di Scalve', 'valle-seriana-superiore-valle-di-scalve',
                       'medio2', _riempi(_TINTE_OFFICE), ['Progetto', 'Esito', 'Criticità'], per_slide=6,
                       per_pagina=2, larghezze=(4.5, 1.2, 3), size=9, n=n,
                       sottotitolo=_SOTTOTITOLO_BREVE)
    return Variante('slide_due_tabelle', file, pdf, truth)


_PAROLE_STATO = {'raggiunto': ('Raggiunto', '00B050'), 'parziale': ('In parte', 'ED7D31'),
                 'non_raggiunto': ('Non raggiunto', 'FF0000')}


def slide_stato_parole(n=68) -> Variante:
    """Monte Bronzone: the status a word in coloured bold font ('Raggiunto' green, 'In parte'
    orange, 'Non raggiunto' red), no fill; 'Medium Style 2' table."""
    file = 'monte-bronzone-presentazione-2021.pdf'

    def parola(cell, stato):
        testo, colore = _PAROLE_STATO[stato]
        _cella(cell, testo, bold=True, colore=colore)
    pdf, truth = _deck(file, 'Monte Bronzone e Basso Sebino', 'monte-bronzone-basso-sebino', 'medio2', parola,
                       ['Attività / progetto', 'Stato', 'Criticità'], n=n, sottotitolo=_SOTTOTITOLO_BREVE)
    return Variante('slide_stato_parole', file, pdf, truth)


GENERATORS = {
    'narrativo_stili': narrativo_stili,
    'narrativo_due_colonne_docx': narrativo_due_colonne_docx,
    'matrice_orizzontale_unita': matrice_orizzontale_unita,
    'matrice_righe_intere': matrice_righe_intere,
    'slide_stile_medio': slide_stile_medio,
    'slide_legenda_pastello': slide_legenda_pastello,
    'slide_due_tabelle': slide_due_tabelle,
    'slide_stato_parole': slide_stato_parole,
}
