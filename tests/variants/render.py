"""Layout variants the development corpus does not have: the truth records of
../shared/corpus/dev re-published the way other Ambiti might (paraphrased labels, reordered rows,
checkbox grids, horizontal rules only, multi-column esiti, bold mixed-case headings, A3 matrices
with two-row headers, 16:9 decks with other hues...). Each generator returns a `Variante`: the PDF
bytes and the truth.json written for exactly what was drawn, pages included (read back from the
page each record's first cell was drawn on, never assumed)."""
from __future__ import annotations

import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A3, A4, B5, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

# ---------------------------------------------------------------- the dev truth records
SHARED = Path(os.environ.get('PDZ_SHARED') or Path(__file__).resolve().parents[3] / 'shared')
DEV = SHARED / 'corpus' / 'dev'


def dev_truth(stem: str) -> dict:
    return json.loads((DEV / f'{stem}.truth.json').read_text(encoding='utf-8'))


def available() -> bool:
    return DEV.is_dir() and any(DEV.glob('*.truth.json'))


AREE = {'A': "Contrasto alla povertà e all'emarginazione sociale", 'B': 'Politiche abitative',
        'C': 'Promozione inclusione attiva', 'D': 'Domiciliarità', 'E': 'Anziani',
        'F': 'Digitalizzazione dei servizi', 'G': 'Politiche giovanili e per i minori',
        'H': 'Interventi connessi alle politiche per il lavoro', 'I': 'Interventi per la famiglia',
        'J': 'Interventi a favore di persone con disabilità',
        'K': "Interventi di sistema per il potenziamento dell'Ufficio di Piano e il rafforzamento della gestione associata"}

# ---------------------------------------------------------------- fonts
_DEJAVU = Path(__file__).resolve().with_name('fonts') / 'dejavu'    # shipped: the same on every machine


def _fonts() -> tuple[str, str, bool]:
    """(regular, bold, has checkbox glyphs): the shipped DejaVu Sans (☒ ☐); Helvetica only if
    the font files were left out of a copy of the project."""
    reg, bold = _DEJAVU / 'DejaVuSans.ttf', _DEJAVU / 'DejaVuSans-Bold.ttf'
    if reg.exists() and bold.exists():
        if not {'DejaVu', 'DejaVu-Bold'} <= set(pdfmetrics.getRegisteredFontNames()):
            pdfmetrics.registerFont(TTFont('DejaVu', str(reg)))
            pdfmetrics.registerFont(TTFont('DejaVu-Bold', str(bold)))
            from reportlab.lib.fonts import addMapping
            addMapping('DejaVu', 0, 0, 'DejaVu'); addMapping('DejaVu', 1, 0, 'DejaVu-Bold')
            addMapping('DejaVu', 0, 1, 'DejaVu'); addMapping('DejaVu', 1, 1, 'DejaVu-Bold')
        return 'DejaVu', 'DejaVu-Bold', True
    return 'Helvetica', 'Helvetica-Bold', False


FONT, BOLD, BOXES = _fonts()


def stile(size=9.0, font=None, bold=False, lead=None, align=0) -> ParagraphStyle:
    f = font or FONT
    if bold:
        f = {'Times-Roman': 'Times-Bold', 'Helvetica': 'Helvetica-Bold'}.get(f, BOLD if f == FONT else f)
    return ParagraphStyle(f'p{size}{f}{align}', fontName=f, fontSize=size, leading=lead or size * 1.25,
                          alignment=align)


def casella(valore: str | None, opzioni=(('si', 'SI'), ('no', 'NO'), ('parziale', 'IN PARTE'))) -> str:
    """'☒ SI ☐ NO ☐ IN PARTE' (or '[X] SI [ ] NO' without the glyphs) for a si/no/parziale value."""
    on, off = ('☒', '☐') if BOXES else ('[X]', '[ ]')
    return '  '.join(f'{on if valore == k else off} {t}' for k, t in opzioni)


# ---------------------------------------------------------------- pages where things were drawn
class Segnato(Paragraph):
    """A paragraph that notes the page it is drawn on under `chiave` (first page wins)."""

    def __init__(self, text, style, pagine: dict, chiave):
        super().__init__(text, style)
        self._pagine, self._chiave = pagine, chiave

    def draw(self):
        self._pagine.setdefault(self._chiave, self.canv.getPageNumber())
        super().draw()


def para(text: str | None, st: ParagraphStyle, pagine: dict | None = None, chiave=None) -> Paragraph:
    """A paragraph of plain text (newlines kept)."""
    markup = escape(text or '').replace('\n', '<br/>')
    if pagine is not None:
        return Segnato(markup, st, pagine, chiave)
    return Paragraph(markup, st)


def bullets(items: list[str], st: ParagraphStyle, glyph='•') -> Paragraph:
    return Paragraph('<br/>'.join(f'{glyph} {escape(i)}' for i in items), st)


def pdf(story: list[Flowable], size, intestazione: str, margin=40, font=None) -> bytes:
    """Build the story; every page gets a running header and a page number (furniture)."""
    buf = io.BytesIO()

    def furniture(c, doc):
        c.saveState()
        c.setFont(font or FONT, 7.5)
        c.setFillColor(colors.grey)
        w, h = size
        c.drawString(margin, h - margin * 0.6, intestazione)
        c.drawRightString(w - margin, margin * 0.45, f'Pag. {doc.page}')
        c.restoreState()

    doc = SimpleDocTemplate(buf, pagesize=size, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin, title=intestazione, author='pdz variants')
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buf.getvalue()


def frontespizio(righe: list[str], st_big: ParagraphStyle, st: ParagraphStyle) -> list[Flowable]:
    out = [Spacer(1, 60), para(righe[0], st_big)]
    out += [Spacer(1, 8)] + [para(r, st) for r in righe[1:]]
    return out + [PageBreak()]


@dataclass
class Variante:
    nome: str
    file: str
    pdf: bytes
    truth: dict


def documento(file, ambito_id, triennio, tipo) -> dict:
    return {'file': file, 'ambito_id': ambito_id, 'triennio': triennio, 'tipo': tipo}


def keep(rec: dict, keys) -> dict:
    return {k: rec[k] for k in keys if k in rec}


# ---------------------------------------------------------------- (a) regional scheda obiettivo
def _ambito_obiettivi(n: int, skip: int = 0) -> list[dict]:
    obs = [o for o in dev_truth('alto-sebino-pdz-2025-2027')['obiettivi'] if o['livello'] == 'ambito']
    return obs[skip:skip + n]


def _aree_text(codes: list[str]) -> str:
    return '\n'.join(f'{c} – {AREE[c]}' for c in codes)


def _ind_text(indicatori: list[dict], heads: dict[str, str]) -> str:
    out = []
    for tipo in ('processo', 'output', 'outcome'):
        items = [i['testo'] for i in indicatori if i.get('tipo') == tipo]
        if items:
            out.append(heads[tipo])
            out += [f'• {t}' for t in items]
    return '\n'.join(out)


# field -> (paraphrased label, how the value is written); None value writer = plain text
def _righe_parafrasate(o: dict, yesno) -> list[tuple[str, str, str]]:
    """(field, label, content) rows of one scheda, labels as another Ambito phrases them."""
    tipo = o.get('tipo_obiettivo')
    rows = [
        ('titolo', "Titolo dell'obiettivo", o['titolo']),
        ('macroarea', 'Area di policy', o.get('macroarea')),
        ('target', 'Destinatari', o.get('target')),
        ('descrizione', 'Obiettivi da raggiungere', o.get('descrizione')),
        ('azioni', 'Azioni previste', '\n'.join(f'• {a["testo"]}' for a in o.get('azioni', []))),
        ('risorse_economiche', 'Fonti di finanziamento', '\n'.join(f'• {x}' for x in o.get('risorse_economiche', []))),
        ('risorse_personale', 'Personale impiegato', '\n'.join(f'• {x}' for x in o.get('risorse_personale', []))),
        ('asst_analisi', "Coinvolgimento di ASST nell'analisi del bisogno e nella programmazione", yesno(o.get('asst_analisi'))),
        ('asst_realizzazione', "Coinvolgimento di ASST nella realizzazione dell'intervento", yesno(o.get('asst_realizzazione'))),
        ('cooperazione_ambiti', 'Intervento realizzato in collaborazione con altri Ambiti', yesno(o.get('cooperazione_ambiti'))),
        ('continuita_precedente', 'Continuità con la precedente programmazione zonale', yesno(o.get('continuita_precedente'))),
        ('coprogrammato_ts', 'Co-programmazione formale con il Terzo Settore', yesno(o.get('coprogrammato_ts'))),
        ('coprogettato_ts', 'Co-progettazione formale con il Terzo Settore', yesno(o.get('coprogettato_ts'))),
        ('bisogno', "A quale bisogno risponde l'intervento?", o.get('bisogno')),
        ('tipo_obiettivo', "Tipologia dell'obiettivo",
         casella(tipo, (('promozionale', 'Promozionale'), ('preventivo', 'Preventivo'), ('riparativo', 'Riparativo')))),
        ('digitalizzazione', 'Aspetti legati alla digitalizzazione', yesno(o.get('digitalizzazione'))),
        ('indicatori', 'Indicatori di monitoraggio', _ind_text(o.get('indicatori', []), {
            'processo': 'Indicatori di processo:', 'output': 'Indicatori di output:', 'outcome': 'Indicatori di outcome:'})),
    ]
    return [r for r in rows if r[2]]


_SCHEDA_TRUTH = ('livello', 'titolo', 'macroarea', 'target', 'descrizione', 'risorse_economiche', 'risorse_personale',
                 'asst_analisi', 'asst_realizzazione', 'cooperazione_ambiti', 'continuita_precedente',
                 'coprogrammato_ts', 'coprogettato_ts', 'bisogno', 'tipo_obiettivo', 'digitalizzazione')


def _scheda_truth(o: dict, rendered: set[str], pagina: int | None) -> dict:
    t = keep(o, [k for k in _SCHEDA_TRUTH if k in rendered or k == 'livello'])
    if 'azioni' in rendered:
        t['azioni'] = [{'testo': a['testo']} for a in o.get('azioni', [])]
    if 'indicatori' in rendered:
        t['indicatori'] = [keep(i, ('tipo', 'testo')) for i in o.get('indicatori', [])]
    if pagina:
        t['pagina_inizio'] = pagina
    return t


def scheda_numerata(n=4) -> Variante:
    """Valle Brembana: 1 | label | content, paraphrased labels in another order, yes/no as checkboxes."""
    file = 'valle-brembana-pdz-2025-2027-schede.pdf'
    pag: dict = {}
    st, stb = stile(8.5), stile(8.5, bold=True)
    story = frontespizio(['PIANO DI ZONA 2025-2027', 'Ambito territoriale di Valle Brembana',
                          'Schede degli obiettivi di programmazione'], stile(20, bold=True), stile(12))
    truths = []
    for k, o in enumerate(_ambito_obiettivi(n)):
        rows = _righe_parafrasate(o, casella)
        rows = rows[:1] + rows[1:][::-1] if k % 2 else rows     # another order on every other card
        data = [[para(str(i + 1), st), para(label, stb),
                 para(val, st, pag, k) if f == 'titolo' else para(val, st)]
                for i, (f, label, val) in enumerate(rows)]
        t = Table(data, colWidths=[22, 150, 340], splitByRow=1, splitInRow=1)
        t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.6, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                               ('BACKGROUND', (0, 0), (1, -1), colors.HexColor('#dfe8f3'))]))
        story += [para(f'Scheda obiettivo n. {k + 1}', stile(11, bold=True)), Spacer(1, 6), t, PageBreak()]
        truths.append((o, {f for f, _, _ in rows}, k))
    data = pdf(story, A4, 'Piano di Zona 2025-2027 – Ambito territoriale di Valle Brembana')
    return Variante('scheda_numerata', file, data, {
        'documento': documento(file, 'valle-brembana', '2025-2027', 'piano_di_zona'),
        'obiettivi': [_scheda_truth(o, r, pag.get(k)) for o, r, k in truths], 'indicatori': [], 'esiti': []})


def scheda_colonne_si_no(n=3) -> Variante:
    """Seriate: label | SI | NO | IN PARTE grid, an X under the answer; text rows span the option columns."""
    file = 'seriate-pdz-2025-2027.pdf'
    pag: dict = {}
    st, stb, stc = stile(8.5), stile(8.5, bold=True), stile(9, bold=True, align=TA_CENTER)
    story = frontespizio(['Piano di Zona 2025 – 2027', 'Ambito Territoriale Sociale di Seriate'],
                         stile(20, bold=True), stile(12))
    truths = []
    opts = ('si', 'no', 'parziale')
    for k, o in enumerate(_ambito_obiettivi(n, skip=4)):
        rows = _righe_parafrasate(o, lambda v: v)
        data, spans = [[para('Voce della scheda', stb), para('SI', stc), para('NO', stc), para('IN PARTE', stc)]], []
        for f, label, val in rows:
            r = len(data)
            if val in opts:
                data.append([para(label, stb)] + [para('X' if val == x else '', stc) for x in opts])
            else:
                data.append([para(label, stb), para(val, st, pag, k) if f == 'titolo' else para(val, st), '', ''])
                spans.append(('SPAN', (1, r), (3, r)))
        t = Table(data, colWidths=[170, 115, 115, 115], repeatRows=1, splitInRow=1)
        t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                               ('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#f2d7b6'))] + spans))
        story += [t, PageBreak()]
        truths.append((o, {f for f, _, _ in rows}, k))
    data = pdf(story, A4, 'Ambito di Seriate – Piano di Zona 2025-2027')
    return Variante('scheda_colonne_si_no', file, data, {
        'documento': documento(file, 'seriate', '2025-2027', 'piano_di_zona'),
        'obiettivi': [_scheda_truth(o, r, pag.get(k)) for o, r, k in truths], 'indicatori': [], 'esiti': []})


def scheda_righe_orizzontali(n=3) -> Variante:
    """Grumello: Times, two columns separated only by horizontal rules, yes/no written as words
    ('Sì' / 'No' / 'Solo in parte'), cards flowing one after another."""
    file = 'grumello-piano-di-zona-2025-2027.pdf'
    pag: dict = {}
    st, stb = stile(9.5, font='Times-Roman'), stile(9.5, font='Times-Roman', bold=True)
    words = {'si': 'Sì', 'no': 'No', 'parziale': 'Solo in parte', None: ''}
    story = frontespizio(['Piano di Zona 2025/2027', 'Ambito di Grumello del Monte'],
                         stile(20, font='Times-Roman', bold=True), stile(12, font='Times-Roman'))
    truths = []
    for k, o in enumerate(_ambito_obiettivi(n, skip=7)):
        rows = _righe_parafrasate(o, lambda v: words.get(v, v))
        data = [[para(label, stb), para(val, st, pag, k) if f == 'titolo' else para(val, st)] for f, label, val in rows]
        t = Table(data, colWidths=[160, 355], splitInRow=1)
        t.setStyle(TableStyle([('LINEABOVE', (0, 0), (-1, 0), 1.2, colors.black),
                               ('LINEBELOW', (0, 0), (-1, -1), 0.5, colors.black),
                               ('VALIGN', (0, 0), (-1, -1), 'TOP')]))
        story += [Spacer(1, 18), t]
        truths.append((o, {f for f, _, _ in rows}, k))
    data = pdf(story, A4, 'Piano di Zona 2025-2027 — Ambito di Grumello del Monte', font='Times-Roman')
    return Variante('scheda_righe_orizzontali', file, data, {
        'documento': documento(file, 'grumello', '2025-2027', 'piano_di_zona'),
        'obiettivi': [_scheda_truth(o, r, pag.get(k)) for o, r, k in truths], 'indicatori': [], 'esiti': []})


def scheda_cella_spezzata(n=3) -> Variante:
    """Dalmine, US Letter: the title is a numbered bold heading above a ruled table without a title
    row; cards start mid-page so long cells (bisogno, descrizione) break across pages."""
    file = 'dalmine-pdz-2025-2027.pdf'
    pag: dict = {}
    st, stb = stile(10), stile(10, bold=True)
    story = frontespizio(['PIANO DI ZONA 2025-2027', 'Ambito territoriale di Dalmine'], stile(22, bold=True), stile(13))
    truths = []
    for k, o in enumerate(_ambito_obiettivi(n, skip=1)):
        rows = [r for r in _righe_parafrasate(o, casella) if r[0] != 'titolo']
        rows.sort(key=lambda r: r[0] not in ('bisogno', 'descrizione'))     # long cells first
        data = [[para(label, stb), para(val, st)] for f, label, val in rows]
        t = Table(data, colWidths=[150, 380], splitInRow=1)
        t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP')]))
        story += [Spacer(1, 14), para(f'{k + 1}. {o["titolo"]}', stile(12, bold=True), pag, k), Spacer(1, 4), t]
        truths.append((o, {f for f, _, _ in rows} | {'titolo'}, k))
    data = pdf(story, LETTER, 'Ambito territoriale di Dalmine · Piano di Zona 2025-2027')
    return Variante('scheda_cella_spezzata', file, data, {
        'documento': documento(file, 'dalmine', '2025-2027', 'piano_di_zona'),
        'obiettivi': [_scheda_truth(o, r, pag.get(k)) for o, r, k in truths], 'indicatori': [], 'esiti': []})


# ---------------------------------------------------------------- (b) esiti DGR 2167
_ESITO_KEYS = ('titolo', 'descrizione', 'macroarea', 'triennio_valutato', 'dimensione', 'grado_raggiungimento',
               'giudizio', 'valutazione_utenti', 'adeguatezza_risorse', 'coincidenza_risorse', 'criticita',
               'risposta_bisogno', 'continuita_precedente', 'riproposto')
_SINO = {'si': 'Sì', 'no': 'No', 'parziale': 'In parte', None: ''}


def _grado(e: dict) -> str:
    g = e.get('grado_raggiungimento')
    if g is None:
        return ''
    return f'{g:g} % ({e["giudizio"]})' if e.get('giudizio') else f'{g:g} %'


def esiti_etichette(n=8) -> Variante:
    """Valle Cavallina: one label | content table per esito, labels paraphrased, the grade as
    '72 % (sufficiente)', the area as a bold heading that changes between groups."""
    file = 'valle-cavallina-pdz-2025-2027-verifica.pdf'
    pag: dict = {}
    st, stb = stile(9), stile(9, bold=True)
    esiti = dev_truth('alto-sebino-pdz-2025-2027')['esiti'][:n]
    story = frontespizio(['Piano di Zona 2025-2027', 'Ambito della Val Cavallina'], stile(20, bold=True), stile(12))
    story += [para('Valutazione degli obiettivi del triennio 2021-2023', stile(15, bold=True)), Spacer(1, 10)]
    area = None
    for k, e in enumerate(esiti):
        if e.get('macroarea') != area:
            area = e.get('macroarea')
            story += [Spacer(1, 8), para(f'Area: {area}', stile(12, bold=True)), Spacer(1, 4)]
        rows = [("Obiettivo", e['titolo']), ('Descrizione sintetica', e.get('descrizione')),
                ("Dimensione valutata", e.get('dimensione')),
                ("Grado di raggiungimento dell'obiettivo", _grado(e)),
                ('Valutazione degli utenti', e.get('valutazione_utenti')),
                ('Adeguatezza delle risorse umane e strumentali impiegate', e.get('adeguatezza_risorse')),
                ('Coincidenza tra risorse stanziate e risorse impegnate', f'{e["coincidenza_risorse"]:g} %'
                 if e.get('coincidenza_risorse') is not None else ''),
                ('Criticità emerse', e.get('criticita')),
                ("L'obiettivo ha risposto al bisogno?", e.get('risposta_bisogno')),
                ('In continuità con la programmazione precedente?', _SINO[e.get('continuita_precedente')]),
                ('Sarà riproposto nella prossima programmazione?', _SINO[e.get('riproposto')])]
        data = [[para(lab, stb), para(v, st, pag, k) if i == 0 else para(v, st)] for i, (lab, v) in enumerate(rows)]
        t = Table(data, colWidths=[190, 325], splitInRow=1)
        t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.HexColor('#555555')),
                               ('VALIGN', (0, 0), (-1, -1), 'TOP')]))
        story += [t, Spacer(1, 12)]
    data = pdf(story, A4, 'Ambito Val Cavallina – Piano di Zona 2025-2027')
    out = [dict(keep(e, _ESITO_KEYS), pagina=pag.get(k)) for k, e in enumerate(esiti)]
    return Variante('esiti_etichette', file, data, {
        'documento': documento(file, 'valle-cavallina', '2025-2027', 'piano_di_zona'),
        'obiettivi': [], 'indicatori': [], 'esiti': out})


def esiti_multicolonna(n=12) -> Variante:
    """Monte Bronzone: landscape, one esito per row: Obiettivo | Area | Dimensione | Grado | Giudizio |
    Criticità | Riproposto."""
    file = 'basso-sebino-pdz-2025-2027.pdf'
    pag: dict = {}
    st, stb = stile(8), stile(8, bold=True)
    esiti = dev_truth('alto-sebino-pdz-2025-2027')['esiti'][:n]
    story = frontespizio(['Piano di Zona 2025-2027', 'Ambito di Monte Bronzone e Basso Sebino'],
                         stile(20, bold=True), stile(12))
    story += [para('Esiti della programmazione 2021-2023', stile(14, bold=True)), Spacer(1, 8)]
    head = ['Obiettivo', 'Area di policy', 'Dimensione', 'Grado di raggiungimento', 'Giudizio', 'Criticità rilevate',
            'Riproposto nel nuovo Piano']
    data = [[para(h, stb) for h in head]]
    for k, e in enumerate(esiti):
        g = e.get('grado_raggiungimento')
        data.append([para(e['titolo'], st, pag, k), para(e.get('macroarea'), st), para(e.get('dimensione'), st),
                     para(f'{g:g}%' if g is not None else '', st), para(e.get('giudizio') or '', st),
                     para(e.get('criticita'), st), para(_SINO[e.get('riproposto')], st)])
    t = Table(data, colWidths=[170, 130, 60, 70, 65, 190, 70], repeatRows=1, splitInRow=1)
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                           ('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#cfe2f3'))]))
    story.append(t)
    data = pdf(story, landscape(A4), 'Ambito Monte Bronzone e Basso Sebino – Piano di Zona 2025-2027')
    keys = ('titolo', 'macroarea', 'triennio_valutato', 'dimensione', 'grado_raggiungimento', 'giudizio',
            'criticita', 'riproposto')
    out = [dict(keep(e, keys), pagina=pag.get(k)) for k, e in enumerate(esiti)]
    return Variante('esiti_multicolonna', file, data, {
        'documento': documento(file, 'monte-bronzone-basso-sebino', '2025-2027', 'piano_di_zona'),
        'obiettivi': [], 'indicatori': [], 'esiti': out})


# ---------------------------------------------------------------- (c) narrative objectives
def narrativo_grassetto(n=8) -> Variante:
    """Valle Imagna, B5 pages: bold mixed-case headings ('Obiettivo generale:', 'Destinatari',
    'Azioni previste', 'Indicatore di esito'), in another order than the dev document."""
    file = 'valle-imagna-pdz-2025-2027.pdf'
    pag: dict = {}
    st, stb = stile(9.5), stile(9.5, bold=True)
    obs = dev_truth('treviglio-pdz-2025-2027-obiettivi')['obiettivi'][:n]
    story = frontespizio(["Piano di Zona 2025-2027", "Ambito Valle Imagna e Villa d'Almè"],
                         stile(18, bold=True), stile(12))
    story += [para('Gli obiettivi della programmazione', stile(14, bold=True)), Spacer(1, 8)]
    heads = {'processo': 'Indicatore di processo', 'output': 'Indicatore di output', 'outcome': 'Indicatore di esito'}
    area = None
    for k, o in enumerate(obs):
        if o.get('macroarea') != area:
            area = o.get('macroarea')
            story += [Spacer(1, 10), para(f'Macroarea: {area.capitalize()}', stile(11, bold=True)), Spacer(1, 4)]
        story += [para('Obiettivo generale:', stb), para(o['titolo'], st, pag, k), Spacer(1, 4),
                  para('Destinatari', stb), para(o.get('target'), st), Spacer(1, 4),
                  para('Azioni previste', stb)]
        story += [para(f'– {a["testo"]}', st) for a in o.get('azioni', [])]
        story.append(Spacer(1, 4))
        for i in o.get('indicatori', []):
            story += [para(heads[i['tipo']], stb), para(i['testo'], st)]
        story.append(Spacer(1, 12))
    data = pdf(story, B5, "Ambito Valle Imagna – Villa d'Almè · Piano di Zona 2025-2027", margin=36)
    out = []
    for k, o in enumerate(obs):
        t = keep(o, ('livello', 'titolo', 'macroarea', 'aree_regionali', 'descrizione', 'target'))
        t['azioni'] = [{'testo': a['testo']} for a in o.get('azioni', [])]
        t['indicatori'] = [keep(i, ('tipo', 'testo')) for i in o.get('indicatori', [])]
        t['pagina_inizio'] = pag.get(k)
        out.append(t)
    return Variante('narrativo_grassetto', file, data, {
        'documento': documento(file, 'valle-imagna-villa-d-alme', '2025-2027', 'piano_di_zona'),
        'obiettivi': out, 'indicatori': [], 'esiti': []})


# ---------------------------------------------------------------- (d) monitoring matrix
_MATRICE_KEYS = ('numero', 'tipo', 'testo', 'policy', 'baseline', 'atteso_anno1', 'atteso_anno2', 'ridefinizione',
                 'responsabile', 'frequenza', 'note')


def matrice_a3(n=20, data_rilevazione=('30/06/2026', '2026-06-30')) -> Variante:
    """Isola Bergamasca, A3 landscape: columns reordered and renamed, a two-row header with merged
    cells ('Valori attesi' over '2025' | '2026'), repeated on every page."""
    file = 'isola-bergamasca-matrice-monitoraggio-2026.pdf'
    st, stb = stile(8), stile(8, bold=True, align=TA_CENTER)
    inds = dev_truth('treviglio-matrice-monitoraggio-2025')['indicatori'][:n]
    story = [para('Matrice di monitoraggio degli indicatori – Piano di Zona 2025-2027', stile(16, bold=True)),
             para('Ambito Isola Bergamasca e Bassa Val San Martino', stile(11)), Spacer(1, 10)]
    h1 = ['N.', 'Descrizione indicatore', 'Tipologia', 'Area di policy', 'Valore di partenza 2024', 'Valori attesi',
          '', f'Rilevazione al {data_rilevazione[0]}', 'Referente della rilevazione', 'Periodicità',
          'Eventuale ridefinizione', 'Osservazioni']
    h2 = ['', '', '', '', '', '2025', '2026', '', '', '', '', '']
    rows = [[para(h, stb) for h in h1], [para(h, stb) for h in h2]]
    for i in inds:
        ril = i.get('rilevazioni') or [{}]
        rows.append([para(str(i['numero']), st), para(i['testo'], st), para(i.get('tipo'), st), para(i.get('policy'), st),
                     para(i.get('baseline'), st), para(i.get('atteso_anno1'), st), para(i.get('atteso_anno2'), st),
                     para(ril[0].get('valore_testo'), st), para(i.get('responsabile'), st),
                     para(i.get('frequenza'), st), para(i.get('ridefinizione'), st), para(i.get('note'), st)])
    spans = [('SPAN', (c, 0), (c, 1)) for c in (0, 1, 2, 3, 4, 7, 8, 9, 10, 11)] + [('SPAN', (5, 0), (6, 0))]
    t = Table(rows, colWidths=[28, 190, 60, 120, 70, 80, 80, 110, 100, 70, 100, 120], repeatRows=2)
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                           ('BACKGROUND', (0, 0), (-1, 1), colors.HexColor('#e2efd9'))] + spans))
    story.append(t)
    data = pdf(story, landscape(A3), 'Ambito Isola Bergamasca – Monitoraggio Piano di Zona 2025-2027')
    out = []
    for i in inds:
        r = keep(i, _MATRICE_KEYS)
        r['rilevazioni'] = [{'data': data_rilevazione[1], 'valore_testo': x.get('valore_testo')}
                            for x in i.get('rilevazioni', [])[:1]]
        out.append(r)
    return Variante('matrice_a3', file, data, {
        'documento': documento(file, 'isola-bergamasca', '2025-2027', 'matrice_monitoraggio'),
        'obiettivi': [], 'indicatori': out, 'esiti': []})


# ---------------------------------------------------------------- (e) slide decks
SLIDE = (960, 540)


def _deck(file, ambito_nome, ambito_id, hues: dict[str, str], legenda: dict[str, str] | None, per_slide=7,
          n=28) -> tuple[bytes, dict]:
    pag: dict = {}
    st, stb = stile(11), stile(11, bold=True)
    esiti = dev_truth('dalmine-presentazione-2021')['esiti'][:n]
    story = [Spacer(1, 120), para(f'Ambito di {ambito_nome}', stile(30, bold=True, align=TA_CENTER)), Spacer(1, 14),
             para('Piano di Zona 2021-2023', stile(22, align=TA_CENTER)),
             para('Verifica della programmazione 2018-2020', stile(18, align=TA_CENTER)), PageBreak()]
    groups: list[list[tuple[int, dict]]] = []
    for k, e in enumerate(esiti):
        if not groups or groups[-1][-1][1]['macroarea'] != e['macroarea'] or len(groups[-1]) >= per_slide:
            groups.append([])
        groups[-1].append((k, e))
    for g in groups:
        rows = [[para('Progetto / intervento', stb), para('Stato', stb), para('Criticità rilevate', stb)]]
        fills = []
        for r, (k, e) in enumerate(g, start=1):
            rows.append([para(e['titolo'], st, pag, k), '', para(e.get('criticita') or '', st)])
            fills.append(('BACKGROUND', (1, r), (1, r), colors.HexColor(hues[e['stato']])))
        t = Table(rows, colWidths=[440, 90, 330])
        t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.8, colors.white),
                               ('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#37474f')),
                               ('TEXTCOLOR', (0, 0), (-1, 0), colors.white),
                               ('BACKGROUND', (0, 1), (0, -1), colors.HexColor('#eceff1')),
                               ('BACKGROUND', (2, 1), (2, -1), colors.HexColor('#eceff1')),
                               ('VALIGN', (0, 0), (-1, -1), 'MIDDLE')] + fills))
        story += [para(g[0][1]['macroarea'], stile(22, bold=True)), Spacer(1, 12), t]
        if legenda:
            cells = []
            for stato, testo in legenda.items():
                cells += ['', para(testo, stile(10))]
            lt = Table([cells], colWidths=[14, 140] * len(legenda))
            lt.setStyle(TableStyle([('BACKGROUND', (2 * i, 0), (2 * i, 0), colors.HexColor(hues[s]))
                                    for i, s in enumerate(legenda)]))
            story += [Spacer(1, 10), lt]
        story.append(PageBreak())
    data = pdf(story[:-1], SLIDE, f'Ambito di {ambito_nome} – Piano di Zona 2021-2023', margin=30)
    out = [dict(keep(e, ('titolo', 'macroarea', 'triennio_valutato', 'stato', 'criticita')), pagina=pag.get(k))
           for k, e in enumerate(esiti)]
    return data, {'documento': documento(file, ambito_id, '2021-2023', 'presentazione'),
                  'obiettivi': [], 'indicatori': [], 'esiti': out}


def slide_tinte(n=28) -> Variante:
    """Romano di Lombardia, 16:9: the status only as the cell's colour, material-design hues."""
    file = 'romano-di-lombardia-presentazione-2021.pdf'
    data, truth = _deck(file, 'Romano di Lombardia', 'romano-di-lombardia',
                        {'raggiunto': '#2e7d32', 'parziale': '#f9a825', 'non_raggiunto': '#c62828'}, None, n=n)
    return Variante('slide_tinte', file, data, truth)


def slide_legenda(n=20) -> Variante:
    """Valle Seriana, 16:9, hues that are no traffic light (blue / orange / grey), explained by a
    legend on every slide."""
    file = 'valle-seriana-presentazione-2021.pdf'
    data, truth = _deck(file, 'Valle Seriana', 'valle-seriana',
                        {'raggiunto': '#1565c0', 'parziale': '#ef6c00', 'non_raggiunto': '#9e9e9e'},
                        {'raggiunto': 'Obiettivo raggiunto', 'parziale': 'Parzialmente raggiunto',
                         'non_raggiunto': 'Non raggiunto'}, per_slide=6, n=n)
    return Variante('slide_legenda', file, data, truth)


# ---------------------------------------------------------------- (f) older plans
_STATO_BOX = {'raggiunto': ['STATO: raggiunto', 'Obiettivo raggiunto'],
              'parziale': ['STATO: parzialmente raggiunto', 'Obiettivo raggiunto in parte'],
              'non_raggiunto': ['STATO: non raggiunto', 'Obiettivo non raggiunto']}
_STATO_FILL = {'raggiunto': '#c8e6c9', 'parziale': '#fff9c4', 'non_raggiunto': '#ffcdd2'}


def esiti_box_stato(n=10) -> Variante:
    """Valle Seriana Superiore, 2018-2020 plan: each esito a run of labelled paragraphs
    ('Obiettivo:', 'Azioni realizzate:', 'Risorse impiegate:', 'Commento:') closed by a framed status
    box whose words say the outcome ('STATO: raggiunto', 'Obiettivo non raggiunto')."""
    file = 'alta-valle-seriana-pdz-2018-2020.pdf'
    pag: dict = {}
    st, stb = stile(9.5), stile(9.5, bold=True)
    esiti = dev_truth('treviglio-pdz-2018-2020')['esiti'][:n]
    story = frontespizio(['Piano di Zona 2018-2020', 'Ambito Valle Seriana Superiore e Valle di Scalve'],
                         stile(20, bold=True), stile(12))
    story += [para('Verifica degli obiettivi del Piano di Zona 2015-2017', stile(14, bold=True)), Spacer(1, 10)]
    for k, e in enumerate(esiti):
        story += [para(f'Obiettivo: {e["titolo"]}', stb, pag, k), Spacer(1, 3), para('Azioni realizzate:', stb)]
        story += [para(f'• {a}', st) for a in e.get('azioni_realizzate', [])]
        if e.get('risorse_impiegate'):
            story += [para('Risorse impiegate:', stb), para(' '.join(e['risorse_impiegate'].split()), st)]
        if e.get('commento'):
            story += [para('Commento:', stb), para(e['commento'], st)]
        box = Table([[para(_STATO_BOX[e['stato']][k % 2], stile(10, bold=True, align=TA_CENTER))]], colWidths=[220])
        box.setStyle(TableStyle([('BOX', (0, 0), (-1, -1), 1, colors.black),
                                 ('BACKGROUND', (0, 0), (-1, -1), colors.HexColor(_STATO_FILL[e['stato']]))]))
        story += [Spacer(1, 4), box, Spacer(1, 16)]
    data = pdf(story, A4, 'Piano di Zona 2018-2020 – Ambito Valle Seriana Superiore e Valle di Scalve')
    out = []
    for k, e in enumerate(esiti):
        r = keep(e, ('titolo', 'triennio_valutato', 'stato', 'azioni_realizzate', 'commento'))
        if e.get('risorse_impiegate'):
            r['risorse_impiegate'] = ' '.join(e['risorse_impiegate'].split())
        r['pagina'] = pag.get(k)
        out.append(r)
    return Variante('esiti_box_stato', file, data, {
        'documento': documento(file, 'valle-seriana-superiore-valle-di-scalve', '2018-2020', 'piano_di_zona'),
        'obiettivi': [], 'indicatori': [], 'esiti': out})


def tabella_sei_colonne(n=14) -> Variante:
    """Bergamo, 2018-2020 plan: objectives in a six-column table, columns renamed and reordered
    (Area | Obiettivo specifico | Interventi previsti | Soggetti coinvolti | Tempistica | Indicatori di risultato)."""
    file = 'bergamo-pdz-2018-2020.pdf'
    pag: dict = {}
    st, stb = stile(8.5), stile(8.5, bold=True)
    obs = dev_truth('treviglio-pdz-2018-2020')['obiettivi'][:n]
    aree = ['Area minori e famiglia', 'Area anziani', 'Area disabilità', 'Area inclusione sociale']
    story = frontespizio(['Piano di Zona 2018-2020', 'Ambito territoriale di Bergamo'], stile(20, bold=True), stile(12))
    story += [para('La programmazione 2018-2020: obiettivi e interventi', stile(14, bold=True)), Spacer(1, 8)]
    head = ['Area', 'Obiettivo specifico', 'Interventi previsti', 'Soggetti coinvolti', 'Tempistica',
            'Indicatori di risultato']
    rows = [[para(h, stb) for h in head]]
    for k, o in enumerate(obs):
        rows.append([para(aree[k % len(aree)], st), para(o['titolo'], st, pag, k),
                     para(f'• Consolidamento degli interventi in essere\n• Nuove azioni di rete ({k + 1})', st),
                     para('Comuni, ASST, Terzo Settore', st), para('2018-2020', st),
                     para(f'Numero di interventi attivati (almeno {k + 2})', st)])
    t = Table(rows, colWidths=[70, 150, 140, 85, 55, 100], repeatRows=1, splitInRow=1)
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                           ('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#d9d9d9'))]))
    story.append(t)
    data = pdf(story, A4, 'Ambito territoriale di Bergamo – Piano di Zona 2018-2020')
    out = [dict(keep(o, ('livello', 'titolo')), pagina_inizio=pag.get(k)) for k, o in enumerate(obs)]
    return Variante('tabella_sei_colonne', file, data, {
        'documento': documento(file, 'bergamo', '2018-2020', 'piano_di_zona'),
        'obiettivi': out, 'indicatori': [], 'esiti': []})


GENERATORS = {
    'scheda_numerata': scheda_numerata,
    'scheda_colonne_si_no': scheda_colonne_si_no,
    'scheda_righe_orizzontali': scheda_righe_orizzontali,
    'scheda_cella_spezzata': scheda_cella_spezzata,
    'esiti_etichette': esiti_etichette,
    'esiti_multicolonna': esiti_multicolonna,
    'narrativo_grassetto': narrativo_grassetto,
    'matrice_a3': matrice_a3,
    'slide_tinte': slide_tinte,
    'slide_legenda': slide_legenda,
    'esiti_box_stato': esiti_box_stato,
    'tabella_sei_colonne': tabella_sei_colonne,
}
