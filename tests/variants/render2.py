"""Second round of layout variants: the dev truth re-published in shapes the first round
(render.py) did not try -- a scheda pasted as labelled paragraphs, a scheda under a full-width
title row or a 'Voce | Descrizione' header, esiti side by side (one per column), a monitoring
matrix whose policy is a section row, decks whose status is a coloured circle or a coloured
word, narrative objectives with a small indicator table, and two text columns per page.
Pages in the truth are read back from where the first cell was drawn, never assumed."""
from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Paragraph, Spacer,
                                Table, TableStyle)

from .render import (SLIDE, Segnato, Variante, _ambito_obiettivi, _grado, _scheda_truth, dev_truth, documento,
                     frontespizio, keep, para, pdf, stile, _ESITO_KEYS, _MATRICE_KEYS)

_SI_NO = {'si': 'SI', 'no': 'NO', 'parziale': 'SI, in parte'}
_SINO_FIELDS = {'asst_analisi', 'asst_realizzazione', 'cooperazione_ambiti', 'continuita_precedente',
                'coprogrammato_ts', 'coprogettato_ts', 'digitalizzazione'}


def _righe_regionali(o: dict) -> list[tuple[str, str, str]]:
    """(field, label, content) of one scheda with the regional form's own labels (DGR 2167)."""
    tipo = o.get('tipo_obiettivo')
    sino = lambda f: _SI_NO.get(o.get(f), '')    # noqa: E731
    rows = [
        ('titolo', 'TITOLO OBIETTIVO', o['titolo']),
        ('descrizione', 'QUALI OBIETTIVI VUOLE RAGGIUNGERE', o.get('descrizione')),
        ('azioni', 'AZIONI PROGRAMMATE', '\n'.join(f'• {a["testo"]}' for a in o.get('azioni', []))),
        ('target', 'TARGET', o.get('target')),
        ('risorse_economiche', 'RISORSE ECONOMICHE PREVENTIVATE', '\n'.join(f'• {x}' for x in o.get('risorse_economiche', []))),
        ('risorse_personale', 'RISORSE DI PERSONALE DEDICATE', '\n'.join(f'• {x}' for x in o.get('risorse_personale', []))),
        ('asst_analisi', "PREVEDE IL COINVOLGIMENTO DI ASST NELL'ANALISI DEL BISOGNO E NELLA PROGRAMMAZIONE?", sino('asst_analisi')),
        ('asst_realizzazione', "PREVEDE IL COINVOLGIMENTO DI ASST NELLA REALIZZAZIONE DELL'INTERVENTO E AZIONI CONGIUNTE AMBITO-ASST?", sino('asst_realizzazione')),
        ('cooperazione_ambiti', "L'INTERVENTO È REALIZZATO IN COOPERAZIONE CON ALTRI AMBITI?", sino('cooperazione_ambiti')),
        ('continuita_precedente', 'È IN CONTINUITÀ CON LA PROGRAMMAZIONE PRECEDENTE 2021-2023?', sino('continuita_precedente')),
        ('coprogrammato_ts', "L'INTERVENTO È FORMALMENTE CO-PROGRAMMATO CON IL TERZO SETTORE?", sino('coprogrammato_ts')),
        ('coprogettato_ts', "L'INTERVENTO È FORMALMENTE CO-PROGETTATO CON IL TERZO SETTORE?", sino('coprogettato_ts')),
        ('bisogno', 'QUESTO INTERVENTO A QUALE/I BISOGNO/I RISPONDE?', o.get('bisogno')),
        ('tipo_obiettivo', "L'OBIETTIVO È DI TIPO PROMOZIONALE/PREVENTIVO O RIPARATIVO?",
         f'Obiettivo di tipo {tipo.upper()}' if tipo else ''),
        ('digitalizzazione', "L'OBIETTIVO PRESENTA DEGLI ASPETTI INERENTI ALLA DIGITALIZZAZIONE?", sino('digitalizzazione')),
    ]
    return [r for r in rows if r[2]]


def _doc(file, ambito, triennio, tipo, obiettivi=(), indicatori=(), esiti=()) -> dict:
    return {'documento': documento(file, ambito, triennio, tipo), 'obiettivi': list(obiettivi),
            'indicatori': list(indicatori), 'esiti': list(esiti)}


# ---------------------------------------------------------------- 1. scheda as labelled paragraphs
def scheda_paragrafi(n=3) -> Variante:
    """Valle Seriana: the regional form pasted as text -- each label a bold paragraph ending in ':'
    with its content below; yes/no answers on the label's own line ('...PROGRAMMAZIONE?: NO')."""
    file = 'valle-seriana-pdz-2025-2027.pdf'
    pag: dict = {}
    st, stb = stile(9.5), stile(9.5, bold=True)
    story = frontespizio(['PIANO DI ZONA 2025-2027', 'Ambito territoriale della Valle Seriana'],
                         stile(20, bold=True), stile(12))
    truths = []
    for k, o in enumerate(_ambito_obiettivi(n, skip=2)):
        rows = _righe_regionali(o)
        story += [para(f'Scheda obiettivo {k + 1}', stile(12, bold=True)), Spacer(1, 6)]
        for f, label, val in rows:
            if f in _SINO_FIELDS:
                story.append(Paragraph(f'<b>{escape(label)}:</b> {escape(val)}', st))
            else:
                story.append(para(f'{label}:', stb, pag, k) if f == 'titolo' else para(f'{label}:', stb))
                story += [para(line, st) for line in val.split('\n')]
            story.append(Spacer(1, 5))
        story.append(PageBreak())
        truths.append((o, {f for f, _, _ in rows}, k))
    data = pdf(story, A4, 'Piano di Zona 2025-2027 – Ambito Valle Seriana')
    return Variante('scheda_paragrafi', file, data, _doc(
        file, 'valle-seriana', '2025-2027', 'piano_di_zona', [_scheda_truth(o, r, pag.get(k)) for o, r, k in truths]))


# ---------------------------------------------------------------- 2. scheda under a title row / a header row
def _scheda_tabella(file, ambito, nome, n, skip, intestazione, titolo_riga: bool) -> tuple[bytes, dict]:
    pag: dict = {}
    st, stb = stile(8.5), stile(8.5, bold=True)
    story = frontespizio(['PIANO DI ZONA 2025-2027', f'Ambito territoriale di {nome}'], stile(20, bold=True), stile(12))
    truths = []
    for k, o in enumerate(_ambito_obiettivi(n, skip=skip)):
        rows = _righe_regionali(o)
        style = [('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP')]
        data = []
        if titolo_riga:      # 'OBIETTIVO 3 – Titolo' across both columns, no 'Titolo' label at all
            rows = [r for r in rows if r[0] != 'titolo']
            data.append([para(f'OBIETTIVO {k + 1} – {o["titolo"]}', stile(10, bold=True), pag, k), ''])
            style += [('SPAN', (0, 0), (1, 0)), ('BACKGROUND', (0, 0), (1, 0), colors.HexColor('#c6d9f1'))]
        if intestazione:
            data.append([para(h, stb) for h in intestazione])
            style.append(('BACKGROUND', (0, len(data) - 1), (1, len(data) - 1), colors.HexColor('#d9d9d9')))
        data += [[para(label, stb), para(val, st, pag, k) if f == 'titolo' else para(val, st)] for f, label, val in rows]
        t = Table(data, colWidths=[190, 325], splitInRow=1, repeatRows=1 if intestazione and not titolo_riga else 0)
        t.setStyle(TableStyle(style))
        story += [t, PageBreak()]
        truths.append((o, {f for f, _, _ in rows} | {'titolo'}, k))
    data = pdf(story, A4, f'Ambito di {nome} – Piano di Zona 2025-2027')
    return data, _doc(file, ambito, '2025-2027', 'piano_di_zona', [_scheda_truth(o, r, pag.get(k)) for o, r, k in truths])


def scheda_riga_titolo(n=3) -> Variante:
    """Romano di Lombardia: a shaded first row 'OBIETTIVO 3 – <title>' spanning both columns opens each
    scheda; no 'Titolo obiettivo' label."""
    file = 'romano-di-lombardia-pdz-2025-2027.pdf'
    data, truth = _scheda_tabella(file, 'romano-di-lombardia', 'Romano di Lombardia', n, 3, None, True)
    return Variante('scheda_riga_titolo', file, data, truth)


def scheda_voce_descrizione(n=3) -> Variante:
    """Bergamo: each scheda table opens with a header row 'Voce | Descrizione'."""
    file = 'bergamo-pdz-2025-2027.pdf'
    data, truth = _scheda_tabella(file, 'bergamo', 'Bergamo', n, 6, ('Voce', 'Descrizione'), False)
    return Variante('scheda_voce_descrizione', file, data, truth)


# ---------------------------------------------------------------- 3. esiti side by side
_ESITO_RIGHE = [('titolo', 'TITOLO OBIETTIVO'), ('descrizione', 'DESCRIZIONE'), ('dimensione', 'DIMENSIONE'),
                ('grado', "GRADO DI RAGGIUNGIMENTO DELL'OBIETTIVO"), ('valutazione_utenti', 'VALUTAZIONE DA PARTE DEGLI UTENTI'),
                ('adeguatezza_risorse', 'ADEGUATEZZA DELLE RISORSE UMANE E STRUMENTALI'),
                ('coincidenza_risorse', 'COINCIDENZA TRA RISORSE STANZIATE E IMPEGNATE'),
                ('criticita', 'CRITICITÀ RILEVATE'), ('risposta_bisogno', 'HA RISPOSTO AL BISOGNO?'),
                ('continuita_precedente', 'IN CONTINUITÀ CON LA PROGRAMMAZIONE PRECEDENTE?'),
                ('riproposto', 'VERRÀ RIPROPOSTO NELLA PROSSIMA PROGRAMMAZIONE?')]


def _esito_valore(e: dict, f: str) -> str:
    if f == 'grado':
        return _grado(e).replace(' % (', '% - ').rstrip(')')
    if f == 'coincidenza_risorse':
        return f'{e[f]:g}%' if e.get(f) is not None else ''
    if f in ('continuita_precedente', 'riproposto'):
        return {'si': 'SI', 'no': 'NO', 'parziale': 'Solo parzialmente'}.get(e.get(f), '')
    return e.get(f) or ''


def esiti_trasposti(n=8, per_tabella=3) -> Variante:
    """Seriate, landscape: the DGR esito form transposed -- labels in the first column, one esito per
    column, three esiti side by side in each table; the area as a heading above."""
    file = 'seriate-pdz-2025-2027-valutazione.pdf'
    pag: dict = {}
    st, stb = stile(8), stile(8, bold=True)
    esiti = dev_truth('alto-sebino-pdz-2025-2027')['esiti'][:n]
    story = frontespizio(['Piano di Zona 2025-2027', 'Ambito Territoriale di Seriate'], stile(20, bold=True), stile(12))
    story += [para('Valutazione degli obiettivi del Piano di Zona 2021-2023', stile(14, bold=True)), Spacer(1, 8)]
    gruppi: list[list[int]] = []
    for k, e in enumerate(esiti):
        if not gruppi or esiti[gruppi[-1][-1]].get('macroarea') != e.get('macroarea') or len(gruppi[-1]) >= per_tabella:
            gruppi.append([])
        gruppi[-1].append(k)
    area = None
    for g in gruppi:
        if esiti[g[0]].get('macroarea') != area:
            area = esiti[g[0]].get('macroarea')
            story += [Spacer(1, 6), para(area, stile(11, bold=True)), Spacer(1, 4)]
        w = 570 / per_tabella
        data = [[para(lab, stb)] + [para(_esito_valore(esiti[k], f), st, pag, k) if f == 'titolo'
                                    else para(_esito_valore(esiti[k], f), st) for k in g] for f, lab in _ESITO_RIGHE]
        t = Table(data, colWidths=[180] + [w] * len(g), splitInRow=1)
        t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                               ('BACKGROUND', (0, 0), (0, -1), colors.HexColor('#e7eef7'))]))
        story += [t, Spacer(1, 12)]
    data = pdf(story, landscape(A4), 'Ambito di Seriate – Piano di Zona 2025-2027')
    out = [dict(keep(e, _ESITO_KEYS), pagina=pag.get(k)) for k, e in enumerate(esiti)]
    return Variante('esiti_trasposti', file, data, _doc(file, 'seriate', '2025-2027', 'piano_di_zona', esiti=out))


# ---------------------------------------------------------------- 4. matrix with policy section rows
def matrice_sezioni(n=24) -> Variante:
    """Grumello: monitoring matrix with no policy column -- a merged full-width shaded row names the
    policy of the indicators below it."""
    file = 'grumello-matrice-monitoraggio-2025.pdf'
    st, stb = stile(7.5), stile(7.5, bold=True, align=TA_CENTER)
    inds = dev_truth('treviglio-matrice-monitoraggio-2025')['indicatori'][:n]
    ordine = list(dict.fromkeys(i.get('policy') for i in inds))
    inds = sorted(inds, key=lambda i: ordine.index(i.get('policy')))
    head = ['N.', 'Indicatore', 'Tipologia', 'Dato di partenza al 31/12/2024', 'Risultato atteso I anno',
            'Risultato atteso II anno', 'Dato rilevato al 30/11/2025', 'Responsabile', 'Frequenza', 'Ridefinizione', 'Note']
    rows, style, policy = [[para(h, stb) for h in head]], [], object()
    for i in inds:
        if i.get('policy') != policy:
            policy = i.get('policy')
            r = len(rows)
            rows.append([para(policy or '', stile(8.5, bold=True))] + [''] * (len(head) - 1))
            style += [('SPAN', (0, r), (-1, r)), ('BACKGROUND', (0, r), (-1, r), colors.HexColor('#fde9d9'))]
        ril = (i.get('rilevazioni') or [{}])[0]
        rows.append([para(str(i['numero']), st), para(i['testo'], st), para(i.get('tipo'), st), para(i.get('baseline'), st),
                     para(i.get('atteso_anno1'), st), para(i.get('atteso_anno2'), st), para(ril.get('valore_testo'), st),
                     para(i.get('responsabile'), st), para(i.get('frequenza'), st), para(i.get('ridefinizione'), st),
                     para(i.get('note'), st)])
    t = Table(rows, colWidths=[22, 120, 62, 65, 70, 70, 78, 72, 62, 67, 60], repeatRows=1, splitInRow=1)
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                           ('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#dbe5f1'))] + style))
    story = [para('Piano di Zona 2025-2027 – Matrice di monitoraggio indicatori', stile(15, bold=True)),
             para('Ambito di Grumello del Monte', stile(11)), Spacer(1, 8), t]
    data = pdf(story, landscape(A4), 'Ambito di Grumello – Monitoraggio Piano di Zona 2025-2027', margin=30)
    out = []
    for i in inds:
        r = keep(i, _MATRICE_KEYS)
        r['rilevazioni'] = [{'data': '2025-11-30', 'valore_testo': x.get('valore_testo')} for x in i.get('rilevazioni', [])[:1]]
        out.append(r)
    return Variante('matrice_sezioni', file, data, _doc(file, 'grumello', '2025-2027', 'matrice_monitoraggio', indicatori=out))


# ---------------------------------------------------------------- 5. decks: a coloured circle / a coloured word
class Cerchio(Flowable):
    """A filled circle (drawn as Bézier curves, not a rectangle)."""

    def __init__(self, hue: str, r=9):
        super().__init__()
        self.hue, self.r = hue, r
        self.width = self.height = 2 * r

    def draw(self):
        self.canv.setFillColor(colors.HexColor(self.hue))
        self.canv.setStrokeColor(colors.HexColor(self.hue))
        self.canv.circle(self.r, self.r, self.r, stroke=0, fill=1)


_CERCHI = {'raggiunto': '#2e7d32', 'parziale': '#f9a825', 'non_raggiunto': '#c62828'}
_PAROLE = {'raggiunto': 'REALIZZATO', 'parziale': 'AVVIATO', 'non_raggiunto': 'NON AVVIATO'}


def _deck_stato(file, nome, ambito, cella, n, per_slide=7) -> tuple[bytes, dict]:
    pag: dict = {}
    st, stb = stile(11), stile(11, bold=True)
    esiti = dev_truth('dalmine-presentazione-2021')['esiti'][:n]
    story = [Spacer(1, 120), para(f'Ambito di {nome}', stile(30, bold=True, align=TA_CENTER)), Spacer(1, 14),
             para('Piano di Zona 2021-2023', stile(22, align=TA_CENTER)),
             para('Verifica della programmazione 2018-2020', stile(18, align=TA_CENTER)), PageBreak()]
    gruppi: list[list[int]] = []
    for k, e in enumerate(esiti):
        if not gruppi or esiti[gruppi[-1][-1]]['macroarea'] != e['macroarea'] or len(gruppi[-1]) >= per_slide:
            gruppi.append([])
        gruppi[-1].append(k)
    for g in gruppi:
        rows = [[para('Obiettivo', stb), para('Esito', stb), para('Criticità', stb)]]
        rows += [[para(esiti[k]['titolo'], st, pag, k), cella(esiti[k]['stato']), para(esiti[k].get('criticita') or '', st)]
                 for k in g]
        t = Table(rows, colWidths=[440, 110, 310])
        t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.6, colors.HexColor('#90a4ae')),
                               ('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#cfd8dc')),
                               ('ALIGN', (1, 1), (1, -1), 'CENTER'), ('VALIGN', (0, 0), (-1, -1), 'MIDDLE')]))
        story += [para(esiti[g[0]]['macroarea'], stile(22, bold=True)), Spacer(1, 12), t, PageBreak()]
    data = pdf(story[:-1], SLIDE, f'Ambito di {nome} – Piano di Zona 2021-2023', margin=30)
    out = [dict(keep(e, ('titolo', 'macroarea', 'triennio_valutato', 'stato', 'criticita')), pagina=pag.get(k))
           for k, e in enumerate(esiti)]
    return data, _doc(file, ambito, '2021-2023', 'presentazione', esiti=out)


def slide_cerchi(n=21) -> Variante:
    """Valle Cavallina deck: the status a filled traffic-light circle inside the Esito cell."""
    file = 'valle-cavallina-presentazione-2021.pdf'
    data, truth = _deck_stato(file, 'Valle Cavallina', 'valle-cavallina', lambda s: Cerchio(_CERCHI[s]), n)
    return Variante('slide_cerchi', file, data, truth)


def slide_parole(n=21) -> Variante:
    """Valle Brembana deck: the status a word in coloured capitals ('REALIZZATO' green, 'AVVIATO' amber,
    'NON AVVIATO' red)."""
    file = 'valle-brembana-presentazione-2021.pdf'

    def cella(s):
        return Paragraph(f'<font color="{_CERCHI[s]}"><b>{_PAROLE[s]}</b></font>', stile(11, align=TA_CENTER))
    data, truth = _deck_stato(file, 'Valle Brembana', 'valle-brembana', cella, n)
    return Variante('slide_parole', file, data, truth)


# ---------------------------------------------------------------- 6./7. narrative objectives
def _narrativo_truth(obs, pag) -> list[dict]:
    out = []
    for k, o in enumerate(obs):
        t = keep(o, ('livello', 'titolo', 'macroarea', 'target'))
        t['azioni'] = [{'testo': a['testo']} for a in o.get('azioni', [])]
        t['indicatori'] = [keep(i, ('tipo', 'testo')) for i in o.get('indicatori', [])]
        t['pagina_inizio'] = pag.get(k)
        out.append(t)
    return out


def narrativo_tabella_indicatori(n=8) -> Variante:
    """Dalmine: 'Obiettivo 1.' numbered headings, prose sections, and the indicators as a small ruled
    table 'Tipologia | Indicatore | Target atteso' under each objective."""
    file = 'dalmine-pdz-2025-2027-obiettivi.pdf'
    pag: dict = {}
    st, stb = stile(9.5), stile(9.5, bold=True)
    obs = dev_truth('treviglio-pdz-2025-2027-obiettivi')['obiettivi'][:n]
    story = frontespizio(['Piano di Zona 2025-2027', 'Ambito territoriale di Dalmine'], stile(20, bold=True), stile(12))
    story += [para('La programmazione 2025-2027: gli obiettivi', stile(14, bold=True)), Spacer(1, 8)]
    area = None
    for k, o in enumerate(obs):
        if o.get('macroarea') != area:
            area = o.get('macroarea')
            story += [Spacer(1, 8), para(f'Area di intervento: {area}', stile(11, bold=True)), Spacer(1, 4)]
        story += [para(f'Obiettivo {k + 1}.', stile(11, bold=True)), para(o['titolo'], st, pag, k), Spacer(1, 4),
                  Paragraph(f'<b>Destinatari:</b> {escape(o.get("target") or "")}', st), Spacer(1, 4),
                  para('Azioni', stb)]
        story += [para(f'• {a["testo"]}', st) for a in o.get('azioni', [])]
        rows = [[para(h, stb) for h in ('Tipologia', 'Indicatore', 'Target atteso')]]
        rows += [[para(i['tipo'].capitalize(), st), para(i['testo'], st), para('entro dicembre 2027', st)]
                 for i in o.get('indicatori', [])]
        t = Table(rows, colWidths=[70, 330, 100], splitInRow=1)
        t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.4, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                               ('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#eeeeee'))]))
        story += [Spacer(1, 4), t, Spacer(1, 14)]
    data = pdf(story, A4, 'Ambito di Dalmine – Piano di Zona 2025-2027')
    return Variante('narrativo_tabella_indicatori', file, data,
                    _doc(file, 'dalmine', '2025-2027', 'piano_di_zona', _narrativo_truth(obs, pag)))


def _due_colonne(story, intestazione: str) -> bytes:
    """A4, two newspaper-style text columns per page, running header + page number."""
    buf = io.BytesIO()
    w, h = A4
    m, gap = 40, 18
    cw = (w - 2 * m - gap) / 2
    frames = [Frame(m, m, cw, h - 2 * m, id='sx'), Frame(m + cw + gap, m, cw, h - 2 * m, id='dx')]

    def furniture(c, doc):
        c.saveState()
        c.setFont('Helvetica', 7.5)
        c.setFillColor(colors.grey)
        c.drawString(m, h - m * 0.6, intestazione)
        c.drawRightString(w - m, m * 0.45, f'Pag. {doc.page}')
        c.restoreState()
    doc = BaseDocTemplate(buf, pagesize=A4, title=intestazione, author='pdz variants')
    doc.addPageTemplates([PageTemplate(id='2col', frames=frames, onPage=furniture)])
    doc.build(story)
    return buf.getvalue()


def narrativo_due_colonne(n=8) -> Variante:
    """Isola Bergamasca: the Treviglio narrative layout ('OBIETTIVO PRINCIPALE:', 'TARGET:',
    'Indicatore di processo:') set in two text columns per page."""
    file = 'isola-bergamasca-pdz-2025-2027.pdf'
    pag: dict = {}
    st, stb = stile(9, lead=11.5), stile(9, bold=True, lead=11.5)
    obs = dev_truth('treviglio-pdz-2025-2027-obiettivi')['obiettivi'][:n]
    story = [para('PIANO DI ZONA 2025-2027', stile(18, bold=True)),
             para('Ambito Isola Bergamasca e Bassa Val San Martino', stile(12)), Spacer(1, 10)]
    heads = {'processo': 'Indicatore di processo', 'output': 'Indicatore di output', 'outcome': 'Indicatore di outcome'}
    area = None
    for k, o in enumerate(obs):
        if o.get('macroarea') != area:
            area = o.get('macroarea')
            story += [Spacer(1, 8), para('Area di intervento', stb), para(area, stb), Spacer(1, 4)]
        story += [Segnato(f'<b>OBIETTIVO PRINCIPALE:</b> {escape(o["titolo"])}', st, pag, k), Spacer(1, 3)]
        story += [para('AZIONI:', stb)] + [para(f'- {a["testo"]}', st) for a in o.get('azioni', [])]
        story += [Spacer(1, 3), Paragraph(f'<b>TARGET:</b> {escape(o.get("target") or "")}', st), Spacer(1, 3)]
        story += [Paragraph(f'<b>{heads[i["tipo"]]}:</b> {escape(i["testo"])}', st) for i in o.get('indicatori', [])]
        story.append(Spacer(1, 12))
    data = _due_colonne(story, 'Piano di Zona 2025-2027 – Ambito Isola Bergamasca')
    return Variante('narrativo_due_colonne', file, data,
                    _doc(file, 'isola-bergamasca', '2025-2027', 'piano_di_zona', _narrativo_truth(obs, pag)))


GENERATORS = {
    'scheda_paragrafi': scheda_paragrafi,
    'scheda_riga_titolo': scheda_riga_titolo,
    'scheda_voce_descrizione': scheda_voce_descrizione,
    'esiti_trasposti': esiti_trasposti,
    'matrice_sezioni': matrice_sezioni,
    'slide_cerchi': slide_cerchi,
    'slide_parole': slide_parole,
    'narrativo_tabella_indicatori': narrativo_tabella_indicatori,
    'narrativo_due_colonne': narrativo_due_colonne,
}
