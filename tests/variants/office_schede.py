"""Third round: regional schede, Distretto cards and esiti written the way the real corpus is
produced -- a Word document built with python-docx, converted to PDF by LibreOffice -- but with
other templates than the dev documents: built-in table styles ('Light Grid Accent 1', 'Medium
Shading 1 Accent 1', 'Light List Accent 1', no borders), a shaded label column, real Word lists
('List Bullet' / 'List Number'), Word heading styles, headers and footers with a PAGE field,
landscape and two-column sections, merged cells, repeated header rows (tblHeader), rows that may
not split (cantSplit) next to rows that do.

Pages in the truth are read back from the PDF LibreOffice wrote (the page where a record's title
first appears, searched in document order), never assumed. Needs `soffice` (LibreOffice);
`available()` says whether it is there."""
from __future__ import annotations

import io
import re

from .render import (AREE, Variante, _ESITO_KEYS, _ambito_obiettivi, _righe_parafrasate, _scheda_truth, dev_truth,
                     documento, keep)
from . import soffice
from .render2 import _righe_regionali


def available() -> bool:
    """LibreOffice and python-docx are both needed (CI has neither)."""
    try:
        import docx  # noqa: F401
    except ImportError:
        return False
    return soffice.available()


# ---------------------------------------------------------------- Word -> PDF
def converti(document) -> bytes:
    """The python-docx document as LibreOffice prints it with the project's fonts (soffice.py)."""
    buf = io.BytesIO()
    document.save(buf)
    return soffice.converti(buf.getvalue(), '.docx')


def _piega(s: str) -> str:
    """Comparison form for finding a title in the page text: letters and digits only."""
    s = s.replace('’', "'").casefold()
    return re.sub(r'[^0-9a-zà-ÿ]', '', s)


def _testo_pagina(p) -> str:
    """The page's text read whole, cell by cell and half by half: a title wrapped inside a table cell
    or a text column is interleaved with its neighbours in the plain reading."""
    parti = [p.extract_text() or '']
    parti += [c or '' for t in p.extract_tables() for r in t for c in r]
    w = p.width / 2
    parti += [p.crop((0, 0, w, p.height)).extract_text() or '', p.crop((w, 0, p.width, p.height)).extract_text() or '']
    return '\n'.join(parti)


def pagine(pdf: bytes, titoli: list[str], da: int = 1) -> list[int | None]:
    """1-based page where each title first appears, searched in order (a title is never before the
    previous one), from page `da` on: the page LibreOffice actually put it on."""
    import pdfplumber
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        testi = [_piega(_testo_pagina(p)) for p in doc.pages]
    out, pagina = [], da
    for t in titoli:
        trovata = None
        for lunghezza in (40, 16):    # a title cut by a page break or wrapped beside other cells: its start
            chiave = _piega(t)[:lunghezza]
            trovata = next((n for n in range(pagina, len(testi) + 1) if chiave in testi[n - 1]), None)
            if trovata:
                break
        out.append(trovata)
        pagina = trovata or pagina
    return out


# ---------------------------------------------------------------- python-docx building blocks
def nuovo_documento(font: str, size: float, intestazione: str, landscape: bool = False):
    """A document with its body font, a running header and a 'Pagina N' footer made of a PAGE field."""
    from docx import Document
    from docx.shared import Pt
    doc = Document()
    normal = doc.styles['Normal']
    normal.font.name, normal.font.size = font, Pt(size)
    sez = doc.sections[0]
    if landscape:
        orizzontale(sez)
    sez.header.paragraphs[0].text = intestazione
    p = sez.footer.paragraphs[0]
    p.add_run('Pagina ')
    campo(p, 'PAGE')
    return doc


def orizzontale(sez) -> None:
    from docx.enum.section import WD_ORIENT
    if sez.orientation != WD_ORIENT.LANDSCAPE:
        sez.orientation = WD_ORIENT.LANDSCAPE
        sez.page_width, sez.page_height = sez.page_height, sez.page_width


def _el(tag: str, **attrs):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(f'w:{k}'), v)
    return e


def campo(paragrafo, istruzione: str) -> None:
    """A Word field (PAGE, NUMPAGES) that LibreOffice fills in when it prints."""
    paragrafo._p.append(_el('w:fldSimple', instr=istruzione))


def colonne(sez, n: int) -> None:
    """Text in n columns for this section (sectPr/cols)."""
    from docx.oxml.ns import qn
    for old in sez._sectPr.findall(qn('w:cols')):
        sez._sectPr.remove(old)
    sez._sectPr.append(_el('w:cols', num=str(n), space='567'))


def ombreggia(cella, colore: str) -> None:
    cella._tc.get_or_add_tcPr().append(_el('w:shd', val='clear', color='auto', fill=colore))


def riga_intestazione(riga) -> None:
    """Repeat this row at the top of every page the table runs onto (tblHeader)."""
    riga._tr.get_or_add_trPr().append(_el('w:tblHeader', val='true'))


def non_spezzare(riga) -> None:
    riga._tr.get_or_add_trPr().append(_el('w:cantSplit', val='true'))


def senza_bordi(tabella) -> None:
    tblPr = tabella._tbl.tblPr
    bordi = _el('w:tblBorders')
    for lato in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'):
        bordi.append(_el(f'w:{lato}', val='nil'))
    tblPr.append(bordi)


def bordo_paragrafo(paragrafo, colore: str, sfondo: str) -> None:
    """A framed, shaded paragraph: how Word users draw a status box without a table."""
    pPr = paragrafo._p.get_or_add_pPr()
    bdr = _el('w:pBdr')
    for lato in ('top', 'left', 'bottom', 'right'):
        bdr.append(_el(f'w:{lato}', val='single', sz='12', space='4', color=colore))
    pPr.append(bdr)
    pPr.append(_el('w:shd', val='clear', color='auto', fill=sfondo))


def scrivi(cella, testo: str, grassetto: bool = False, stile_lista: str | None = None) -> None:
    """Cell content: plain lines as paragraphs; lines starting '• ' become real Word list items."""
    righe = [r for r in (testo or '').split('\n')]
    primo = True
    for r in righe:
        item = r.startswith('• ')
        p = cella.paragraphs[0] if primo else cella.add_paragraph()
        primo = False
        if item:
            p.style = cella.part.document.styles[stile_lista or 'List Bullet']
            r = r[2:]
        run = p.add_run(r)
        run.bold = grassetto


def tabella(doc, righe: int, colonne_n: int, stile: str | None, larghezze_cm: list[float]):
    from docx.shared import Cm
    t = doc.add_table(rows=righe, cols=colonne_n)
    if stile:
        t.style = doc.styles[stile]
    t.autofit = False
    for riga in t.rows:
        for c, w in zip(riga.cells, larghezze_cm):
            c.width = Cm(w)
    return t


def frontespizio(doc, righe: list[str]) -> None:
    from docx.enum.text import WD_BREAK
    doc.add_paragraph(righe[0], style='Title')
    for r in righe[1:]:
        doc.add_paragraph(r, style='Subtitle')
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _doc(file, ambito, triennio, obiettivi=(), esiti=()) -> dict:
    return {'documento': documento(file, ambito, triennio, 'piano_di_zona'), 'obiettivi': list(obiettivi),
            'indicatori': [], 'esiti': list(esiti)}


# ---------------------------------------------------------------- 1. regional schede
_IND_REGIONALI = {
    'processo': "QUALI MODALITÀ ORGANIZZATIVE, OPERATIVE DI EROGAZIONE SONO ADOTTATE? (INDICATORI DI PROCESSO)",
    'output': 'QUALI RISULTATI VUOLE RAGGIUNGERE? (INDICATORI DI OUTPUT)',
    'outcome': "QUALE IMPATTO DOVREBBE AVERE L'INTERVENTO? (INDICATORI DI OUTCOME)"}


def _righe_indicatori(o: dict) -> list[tuple[str, str, str]]:
    """One row per indicator type, its indicators as bullets (the regional form's three rows)."""
    out = []
    for tipo, label in _IND_REGIONALI.items():
        items = [i['testo'] for i in o.get('indicatori', []) if i.get('tipo') == tipo]
        if items:
            out.append(('indicatori', label, '\n'.join(f'• {t}' for t in items)))
    return out


def schede_griglia(n=4) -> Variante:
    """Valle Cavallina: the regional form in 'Light Grid Accent 1', label column shaded, the title as a
    merged first row 'TITOLO OBIETTIVO: ...', lists as real Word bullets inside cells, the area and
    the regional areas as rows, a Heading 2 per area, rows free to break across pages."""
    file = 'valle-cavallina-pdz-2025-2027-schede.pdf'
    doc = nuovo_documento(soffice.CARLITO, 9.5, 'Ambito Territoriale Sociale Valle Cavallina – Piano di Zona 2025-2027')
    frontespizio(doc, ['Piano di Zona 2025-2027', 'Ambito Territoriale Sociale Valle Cavallina',
                       'Schede obiettivo di programmazione'])
    obs = _ambito_obiettivi(n)
    area, resi = None, []
    for k, o in enumerate(obs):
        if o.get('macroarea') != area:
            area = o.get('macroarea')
            doc.add_heading(f'Macroarea {area.title()}', level=2)
        righe = [r for r in _righe_regionali(o) if r[0] != 'titolo']
        extra = [('macroarea', 'MACROAREA DI POLICY', o.get('macroarea') or ''),
                 ('aree_regionali', 'AREE DI PROGRAMMAZIONE REGIONALE',
                  '\n'.join(f'• {c}. {AREE[c]}' for c in o.get('aree_regionali', [])))]
        righe = [r for r in extra if r[2]] + righe + _righe_indicatori(o)
        t = tabella(doc, len(righe) + 1, 2, 'Light Grid Accent 1', [6, 11])
        titolo = t.rows[0].cells[0].merge(t.rows[0].cells[1])
        scrivi(titolo, f'TITOLO OBIETTIVO: {o["titolo"]}', grassetto=True)
        for riga, (f, label, val) in zip(t.rows[1:], righe):
            scrivi(riga.cells[0], label, grassetto=True)
            ombreggia(riga.cells[0], 'DEEAF6')
            scrivi(riga.cells[1], val)
        doc.add_paragraph()
        resi.append((o, {f for f, _, _ in righe} | {'titolo'}))
    pdf = converti(doc)
    pag = pagine(pdf, [o['titolo'] for o, _ in resi], da=2)
    out = []
    for (o, r), p in zip(resi, pag):
        t = _scheda_truth(o, r, p)
        if 'aree_regionali' in r:
            t['aree_regionali'] = o['aree_regionali']
        out.append(t)
    return Variante('schede_griglia', file, pdf, _doc(file, 'valle-cavallina', '2025-2027', out))


def schede_orizzontali(n=3) -> Variante:
    """Grumello: a landscape section in Liberation Serif, 'Medium Shading 1 Accent 1' with a
    'Voce | Contenuto' header row repeated on every page (tblHeader), labels as another Ambito
    phrases them, answers in words (Sì / No / In parte), actions as a 'List Number' list, rows
    that may not split across pages (cantSplit)."""
    file = 'grumello-pdz-2025-2027-schede-obiettivo.pdf'
    doc = nuovo_documento(soffice.LIBERATION_SERIF, 10, 'Piano di Zona 2025/2027 · Ambito di Grumello del Monte')
    frontespizio(doc, ['Piano di Zona 2025/2027', 'Ambito di Grumello del Monte'])
    from docx.enum.section import WD_SECTION
    orizzontale(doc.add_section(WD_SECTION.CONTINUOUS))
    parole = {'si': 'Sì', 'no': 'No', 'parziale': 'In parte'}
    resi = []
    for k, o in enumerate(_ambito_obiettivi(n, skip=4)):
        doc.add_heading(f'Scheda obiettivo {k + 1}', level=3)
        righe = _righe_parafrasate(o, lambda v: parole.get(v, v or ''))
        t = tabella(doc, len(righe) + 1, 2, 'Medium Shading 1 Accent 1', [7, 17])
        riga_intestazione(t.rows[0])
        scrivi(t.rows[0].cells[0], 'Voce', grassetto=True)
        scrivi(t.rows[0].cells[1], 'Contenuto', grassetto=True)
        for riga, (f, label, val) in zip(t.rows[1:], righe):
            non_spezzare(riga) if f not in ('descrizione', 'bisogno') else None
            scrivi(riga.cells[0], label, grassetto=True)
            scrivi(riga.cells[1], val, stile_lista='List Number' if f == 'azioni' else 'List Bullet')
        from docx.enum.text import WD_BREAK
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        resi.append((o, {f for f, _, _ in righe}))
    pdf = converti(doc)
    pag = pagine(pdf, [o['titolo'] for o, _ in resi], da=2)
    out = [_scheda_truth(o, r, p) for (o, r), p in zip(resi, pag)]
    return Variante('schede_orizzontali', file, pdf, _doc(file, 'grumello', '2025-2027', out))


# ---------------------------------------------------------------- 2. Distretto cards
def _distretto_obiettivi() -> list[dict]:
    return [o for o in dev_truth('alto-sebino-pdz-2025-2027')['obiettivi'] if o['livello'] == 'distretto']


def _distretto_truth(o: dict, campi: set[str], pagina: int | None, numero: bool) -> dict:
    t = keep(o, [k for k in ('livello', 'titolo', 'descrizione', 'target', 'tempi', 'governance') if k in campi
                 or k in ('livello', 'titolo')])
    if numero and o.get('numero'):
        t['numero'] = o['numero']
    if 'azioni' in campi:
        t['azioni'] = [{'testo': a['testo']} for a in o.get('azioni', [])]
    if pagina:
        t['pagina_inizio'] = pagina
    return t


def distretto_titoli(n=6) -> Variante:
    """Valle Seriana: Distretto cards as headings -- 'Heading 2' numbered title, each part a
    'Heading 4' ('Finalità', 'Destinatari', 'Azioni', 'Tempistica', 'Governance') with body text and
    Word bullet lists below; Georgia-like serif font."""
    file = 'valle-seriana-pdz-2025-2027-distretto.pdf'
    doc = nuovo_documento(soffice.DEJAVU_SERIF, 9.5, 'Ambito Valle Seriana – Piano di Zona 2025-2027')
    frontespizio(doc, ['Piano di Zona 2025-2027', 'Ambito Territoriale Valle Seriana'])
    doc.add_heading("Obiettivi di integrazione sociosanitaria del Distretto Bergamo Est", level=1)
    resi = []
    for o in _distretto_obiettivi()[:n]:
        doc.add_heading(f'{o["numero"]}. {o["titolo"]}', level=2)
        parti = [('descrizione', 'Finalità', o.get('descrizione')), ('target', 'Destinatari', o.get('target')),
                 ('azioni', 'Azioni', [a['testo'] for a in o.get('azioni', [])]),
                 ('tempi', 'Tempistica', o.get('tempi')), ('governance', 'Governance', o.get('governance'))]
        campi = set()
        for f, label, val in parti:
            if not val:
                continue
            campi.add(f)
            doc.add_heading(label, level=4)
            if isinstance(val, list):
                for v in val:
                    doc.add_paragraph(v, style='List Bullet')
            else:
                for r in val.split('\n'):
                    doc.add_paragraph(r)
        resi.append((o, campi))
    pdf = converti(doc)
    pag = pagine(pdf, [f'{o["numero"]}. {o["titolo"]}' for o, _ in resi], da=2)
    out = [_distretto_truth(o, c, p, True) for (o, c), p in zip(resi, pag)]
    return Variante('distretto_titoli', file, pdf, _doc(file, 'valle-seriana', '2025-2027', out))


def distretto_senza_bordi(n=6) -> Variante:
    """Monte Bronzone: each Distretto card a borderless two-column table, label column shaded, the
    title a merged first row 'Scheda 2 – <title>'; labels paraphrased ('Descrizione del progetto',
    'Popolazione target', 'Azioni principali', 'Tempi di realizzazione', 'Soggetti coinvolti nella
    governance'); cards one after another, rows free to break across pages."""
    file = 'basso-sebino-pdz-2025-2027-distretto.pdf'
    doc = nuovo_documento(soffice.LIBERATION_SANS, 9, 'Ambito Monte Bronzone e Basso Sebino · PdZ 2025-2027')
    frontespizio(doc, ['Piano di Zona 2025-2027', 'Ambito Monte Bronzone e Basso Sebino'])
    doc.add_heading('Schede obiettivo di livello distrettuale (Distretto Bergamo Est)', level=1)
    resi = []
    for o in _distretto_obiettivi()[:n]:
        righe = [('descrizione', 'Descrizione del progetto', o.get('descrizione')),
                 ('target', 'Popolazione target', o.get('target')),
                 ('azioni', 'Azioni principali', '\n'.join(f'• {a["testo"]}' for a in o.get('azioni', []))),
                 ('tempi', 'Tempi di realizzazione', o.get('tempi')),
                 ('governance', 'Soggetti coinvolti nella governance', '\n'.join(f'• {g}' for g in o.get('governance', [])))]
        righe = [r for r in righe if r[2]]
        t = tabella(doc, len(righe) + 1, 2, None, [4.5, 12.5])
        senza_bordi(t)
        titolo = t.rows[0].cells[0].merge(t.rows[0].cells[1])
        scrivi(titolo, f'Scheda {o["numero"]} – {o["titolo"]}', grassetto=True)
        ombreggia(titolo, 'BDD7EE')
        for riga, (f, label, val) in zip(t.rows[1:], righe):
            scrivi(riga.cells[0], label, grassetto=True)
            ombreggia(riga.cells[0], 'F2F2F2')
            scrivi(riga.cells[1], val)
        doc.add_paragraph()
        resi.append((o, {f for f, _, _ in righe}))
    pdf = converti(doc)
    pag = pagine(pdf, [o['titolo'] for o, _ in resi], da=2)
    out = [_distretto_truth(o, c, p, True) for (o, c), p in zip(resi, pag)]
    return Variante('distretto_senza_bordi', file, pdf, _doc(file, 'monte-bronzone-basso-sebino', '2025-2027', out))


# ---------------------------------------------------------------- 3. esiti DGR 2167
_ESITO_LABELS = [
    ('titolo', 'Obiettivo'), ('descrizione', 'Breve descrizione'), ('dimensione', 'Dimensione'),
    ('grado', "Grado di raggiungimento dell'obiettivo rispetto a quanto programmato"),
    ('valutazione_utenti', 'Valutazione da parte degli utenti (ove pertinente)'),
    ('adeguatezza_risorse', 'Livello di adeguatezza delle risorse umane e strumentali impiegate'),
    ('coincidenza_risorse', 'Livello di coincidenza tra risorse stanziate e risorse impegnate/liquidate'),
    ('criticita', "Criticità rilevate nel raggiungimento dell'obiettivo"),
    ('risposta_bisogno', "L'obiettivo ha risposto adeguatamente al bisogno producendo un cambiamento positivo?"),
    ('continuita_precedente', "L'obiettivo era in continuità con la programmazione 2018-2020?"),
    ('riproposto', "L'obiettivo verrà riproposto nella programmazione 2025-2027?")]


def _esito_testo(e: dict, f: str) -> str:
    if f == 'grado':
        g = e.get('grado_raggiungimento')
        if g is None:
            return ''
        return f'{g:g}% – {e["giudizio"]}' if e.get('giudizio') else f'{g:g}%'
    if f == 'coincidenza_risorse':
        return f'{e[f]:g}%' if e.get(f) is not None else ''
    if f in ('continuita_precedente', 'riproposto'):
        return {'si': 'Sì', 'no': 'No', 'parziale': 'Sì, parzialmente'}.get(e.get(f), '')
    return e.get(f) or ''


def esiti_light_list(n=10) -> Variante:
    """Isola Bergamasca: one 'Light List Accent 1' table per esito, labels in sentence case, the
    grade as '72% – sufficiente', answers 'Sì, parzialmente'; the area as a Heading 2 (numbered
    '5.1 ...'), rows that may not split (cantSplit) so whole rows jump to the next page."""
    file = 'isola-bergamasca-pdz-2025-2027-esiti.pdf'
    doc = nuovo_documento(soffice.LIBERATION_SANS, 9, 'Ambito Isola Bergamasca e Bassa Val San Martino – Piano di Zona 2025-2027')
    frontespizio(doc, ['Piano di Zona 2025-2027', 'Ambito Isola Bergamasca e Bassa Val San Martino'])
    doc.add_heading('5. Esiti della programmazione zonale 2021-2023', level=1)
    doc.add_paragraph('Si riportano, secondo lo schema della DGR 2167/2024, gli esiti della programmazione 2021-2023.')
    esiti = dev_truth('alto-sebino-pdz-2025-2027')['esiti'][:n]
    area, nr = None, 0
    for e in esiti:
        if e.get('macroarea') != area:
            area, nr = e.get('macroarea'), nr + 1
            doc.add_heading(f'5.{nr} {area}', level=2)
        righe = [(f, lab, _esito_testo(e, f)) for f, lab in _ESITO_LABELS]
        t = tabella(doc, len(righe), 2, 'Light List Accent 1', [6.5, 10.5])
        for riga, (f, label, val) in zip(t.rows, righe):
            non_spezzare(riga)
            scrivi(riga.cells[0], label, grassetto=True)
            scrivi(riga.cells[1], val)
        doc.add_paragraph()
    pdf = converti(doc)
    pag = pagine(pdf, [e['titolo'] for e in esiti], da=2)
    out = [dict(keep(e, _ESITO_KEYS), pagina=p) for e, p in zip(esiti, pag)]
    return Variante('esiti_light_list', file, pdf, _doc(file, 'isola-bergamasca', '2025-2027', esiti=out))


def esiti_intestazione_colonne(n=10) -> Variante:
    """Romano di Lombardia, landscape: the DGR form as one wide table per area -- a repeated header
    row (tblHeader) of the form's questions, one esito per row, the area a merged shaded row; 'Table
    Grid' borders, Verdana 8."""
    file = 'romano-di-lombardia-pdz-2025-2027-esiti.pdf'
    doc = nuovo_documento(soffice.DEJAVU_SANS, 8, 'Ambito di Romano di Lombardia – Piano di Zona 2025-2027', landscape=True)
    doc.add_heading('Esiti della programmazione 2021-2023', level=1)
    esiti = dev_truth('alto-sebino-pdz-2025-2027')['esiti'][:n]
    head = [('titolo', 'Obiettivo'), ('dimensione', 'Dimensione'), ('grado', 'Grado di raggiungimento'),
            ('adeguatezza_risorse', 'Adeguatezza risorse umane e strumentali'),
            ('coincidenza_risorse', 'Coincidenza risorse stanziate / impegnate'),
            ('criticita', 'Criticità rilevate'), ('continuita_precedente', 'In continuità con la programmazione precedente'),
            ('riproposto', 'Riproposto nella programmazione 2025-2027')]
    aree = []
    for e in esiti:
        if not aree or aree[-1][0] != e.get('macroarea'):
            aree.append((e.get('macroarea'), []))
        aree[-1][1].append(e)
    righe_n = 1 + sum(1 + len(g) for _, g in aree)
    t = tabella(doc, righe_n, len(head), 'Table Grid', [6, 2, 2.5, 3, 2.5, 6, 2, 2])
    riga_intestazione(t.rows[0])
    for c, (_, h) in zip(t.rows[0].cells, head):
        scrivi(c, h, grassetto=True)
        ombreggia(c, 'D9D9D9')
    r = 1
    for area, g in aree:
        m = t.rows[r].cells[0].merge(t.rows[r].cells[-1])
        scrivi(m, area, grassetto=True)
        ombreggia(m, 'FCE4D6')
        r += 1
        for e in g:
            for c, (f, _) in zip(t.rows[r].cells, head):
                scrivi(c, _esito_testo(e, f))
            r += 1
    pdf = converti(doc)
    pag = pagine(pdf, [e['titolo'] for e in esiti])
    keys = ('titolo', 'macroarea', 'triennio_valutato', 'dimensione', 'grado_raggiungimento', 'giudizio',
            'adeguatezza_risorse', 'coincidenza_risorse', 'criticita', 'continuita_precedente', 'riproposto')
    out = [dict(keep(e, keys), pagina=p) for e, p in zip(esiti, pag)]
    return Variante('esiti_intestazione_colonne', file, pdf, _doc(file, 'romano-di-lombardia', '2025-2027', esiti=out))


# ---------------------------------------------------------------- 4. older plans (2018-2020)
_STATO_PAROLE = {'raggiunto': 'OBIETTIVO RAGGIUNTO', 'parziale': 'OBIETTIVO PARZIALMENTE RAGGIUNTO',
                 'non_raggiunto': 'OBIETTIVO NON RAGGIUNTO'}
_STATO_TINTA = {'raggiunto': ('548235', 'E2EFD9'), 'parziale': ('BF8F00', 'FFF2CC'),
                'non_raggiunto': ('C00000', 'FBE4D5')}


def esiti_blocchi_due_colonne(n=10) -> Variante:
    """Valle Brembana 2018-2020: the older esiti blocks in a two-column section -- 'OBIETTIVO:' run-in
    bold label, 'AZIONI REALIZZATE NEL TRIENNIO 2015-2017:' with a Word bullet list, 'RISORSE
    IMPIEGATE:', the outcome in a framed shaded paragraph, 'COMMENTO:' run-in."""
    file = 'valle-brembana-pdz-2018-2020.pdf'
    doc = nuovo_documento(soffice.DEJAVU_SERIF, 9.5, 'Ambito Valle Brembana – Piano di Zona 2018-2020')
    frontespizio(doc, ['Piano di Zona 2018-2020', 'Ambito Territoriale Valle Brembana'])
    doc.add_heading('Esiti della programmazione 2015-2017', level=1)
    from docx.enum.section import WD_SECTION
    colonne(doc.add_section(WD_SECTION.CONTINUOUS), 2)
    esiti = dev_truth('treviglio-pdz-2018-2020')['esiti'][:n]

    def etichetta(label: str, testo: str = ''):
        p = doc.add_paragraph()
        p.add_run(label).bold = True
        if testo:
            p.add_run(' ' + testo)
        return p

    for e in esiti:
        etichetta('OBIETTIVO:', e['titolo'])
        etichetta('AZIONI REALIZZATE NEL TRIENNIO 2015-2017:')
        for a in e.get('azioni_realizzate', []):
            doc.add_paragraph(a, style='List Bullet')
        if e.get('risorse_impiegate'):
            etichetta('RISORSE IMPIEGATE:')
            doc.add_paragraph(' '.join(e['risorse_impiegate'].split()))
        box = doc.add_paragraph()
        box.add_run(_STATO_PAROLE[e['stato']]).bold = True
        bordo_paragrafo(box, *_STATO_TINTA[e['stato']])
        if e.get('commento'):
            etichetta('COMMENTO:', e['commento'])
        doc.add_paragraph()
    pdf = converti(doc)
    pag = pagine(pdf, [e['titolo'] for e in esiti], da=2)
    out = []
    for e, p in zip(esiti, pag):
        r = keep(e, ('titolo', 'triennio_valutato', 'stato', 'azioni_realizzate', 'commento'))
        if e.get('risorse_impiegate'):
            r['risorse_impiegate'] = ' '.join(e['risorse_impiegate'].split())
        r['pagina'] = p
        out.append(r)
    return Variante('esiti_blocchi_due_colonne', file, pdf, _doc(file, 'valle-brembana', '2018-2020', esiti=out))


def sei_colonne_orizzontale(n=16) -> Variante:
    """Seriate 2018-2020: objectives in a six-column 'Light Grid Accent 1' table in a landscape section,
    columns renamed (Obiettivo | Interventi | Attori | Esiti attesi | Tempi | Risorse), the header row
    repeated (tblHeader), each area a merged row across all columns, Word bullets in the cells."""
    file = 'seriate-pdz-2018-2020.pdf'
    doc = nuovo_documento(soffice.CARLITO, 9, 'Ambito di Seriate – Piano di Zona 2018-2020')
    frontespizio(doc, ['Piano di Zona 2018-2020', 'Ambito Territoriale di Seriate'])
    from docx.enum.section import WD_SECTION
    orizzontale(doc.add_section(WD_SECTION.NEW_PAGE))
    doc.add_heading('Obiettivi e azioni per il triennio 2018-2020', level=1)
    obs = dev_truth('treviglio-pdz-2018-2020')['obiettivi'][:n]
    aree = ['AREA MINORI E FAMIGLIA', 'AREA ANZIANI E DOMICILIARITÀ', 'AREA DISABILITÀ', 'AREA INCLUSIONE SOCIALE']
    per_area = max(1, (len(obs) + len(aree) - 1) // len(aree))
    head = ['Obiettivo', 'Interventi', 'Attori', 'Esiti attesi', 'Tempi', 'Risorse']
    t = tabella(doc, 1 + len(obs) + (len(obs) + per_area - 1) // per_area, 6, 'Light Grid Accent 1',
                [6, 6, 3.5, 4.5, 2.5, 3])
    riga_intestazione(t.rows[0])
    for c, h in zip(t.rows[0].cells, head):
        scrivi(c, h, grassetto=True)
    r = 1
    for k, o in enumerate(obs):
        if k % per_area == 0:
            m = t.rows[r].cells[0].merge(t.rows[r].cells[-1])
            scrivi(m, aree[k // per_area % len(aree)], grassetto=True)
            r += 1
        celle = t.rows[r].cells
        scrivi(celle[0], o['titolo'])
        scrivi(celle[1], f'• Consolidamento degli interventi in essere\n• Nuove azioni di rete sul territorio ({k + 1})')
        scrivi(celle[2], '• Ufficio di Piano\n• Comuni\n• Terzo Settore')
        scrivi(celle[3], f'• Almeno {k + 2} interventi attivati')
        scrivi(celle[4], '• Triennio 2018-2020')
        scrivi(celle[5], '• Risorse professionali\n• FNPS')
        r += 1
    pdf = converti(doc)
    pag = pagine(pdf, [o['titolo'] for o in obs], da=2)
    out = [dict(keep(o, ('livello', 'titolo')), pagina_inizio=p) for o, p in zip(obs, pag)]
    return Variante('sei_colonne_orizzontale', file, pdf, _doc(file, 'seriate', '2018-2020', out))


GENERATORS = {
    'schede_griglia': schede_griglia,
    'schede_orizzontali': schede_orizzontali,
    'distretto_titoli': distretto_titoli,
    'distretto_senza_bordi': distretto_senza_bordi,
    'esiti_light_list': esiti_light_list,
    'esiti_intestazione_colonne': esiti_intestazione_colonne,
    'esiti_blocchi_due_colonne': esiti_blocchi_due_colonne,
    'sei_colonne_orizzontale': sei_colonne_orizzontale,
}
