"""The ways a plan draws records, each written once for every record type (record.Scheda):
a table with a header (one record per row, one- or two-level header), a transposed table (one
record per column), label/value groups (2-column tables, label|mark|value grids and SI/NO/IN
PARTE columns, 'Label: value' lines, bold labels over paragraphs, label rows over content rows),
headed sections (heading + run-in labels, lists, an inner table) and colour as a value (cell
fill or a dot beside the title, with a legend). Each returns reportlab flowables."""
from __future__ import annotations

import random
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from .parafrasi import GRUPPI, OPZIONI_SI_NO, PALETTE, SEGNI, TITOLI_SEZIONE
from .record import Campo, Scheda
from .render import BOLD, FONT, stile

GRIGIO = colors.HexColor('#d9d9d9')


@dataclass
class Stile:
    regole: str          # griglia / booktabs / ombreggiato / nessuna
    titolo_in: str       # intestazione (number and title in a heading) / cella (in the group)
    colonne: int         # text columns per page
    orizzontale: bool    # landscape
    spezza: bool         # start the first group near a page's foot, so it breaks across pages
    forma: int = 0       # which heading form (parafrasi.TITOLI_SEZIONE) the document uses
    larghezza: float = 500.0   # the frame's width (set by the page)
    corpo: float = 8.5

    def nome(self) -> str:
        return f"{self.regole}-{self.titolo_in}-{self.colonne}col-{'land' if self.orizzontale else 'port'}" + \
            ('-spezza' if self.spezza else '')


class Riempi(Flowable):
    """Takes the room left on the page but `resto` points, so what follows starts near the foot."""

    def __init__(self, resto=130):
        super().__init__()
        self.resto = resto

    def wrap(self, aw, ah):
        self.height = max(0, ah - self.resto) if ah > self.resto + 40 else 0
        return aw, self.height

    def draw(self):
        pass


class Pallino(Flowable):
    """A filled circle drawn beside a text (a state shown only by its colour)."""

    def __init__(self, colore, d=9):
        super().__init__()
        self.colore, self.width, self.height = colors.HexColor(colore), d, d

    def draw(self):
        self.canv.setFillColor(self.colore)
        self.canv.setStrokeColor(self.colore)
        self.canv.circle(self.width / 2, self.height / 2, self.width / 2, fill=1, stroke=0)


def _p(testo, st) -> Paragraph:
    if isinstance(testo, list):
        return Paragraph('<br/>'.join('• ' + escape(x) for x in testo), st)
    return Paragraph(escape(str(testo)), st)


def _regole(st: Stile, nrighe: int, intestazione: int = 1, colonna_etichette: bool = False) -> list:
    cmd = [('VALIGN', (0, 0), (-1, -1), 'TOP'), ('LEFTPADDING', (0, 0), (-1, -1), 3),
           ('RIGHTPADDING', (0, 0), (-1, -1), 3)]
    if st.regole in ('griglia', 'ombreggiato'):
        cmd.append(('GRID', (0, 0), (-1, -1), 0.5, colors.black))
    elif st.regole == 'booktabs':
        cmd += [('LINEABOVE', (0, 0), (-1, 0), 1.2, colors.black), ('LINEBELOW', (0, -1), (-1, -1), 1.2, colors.black)]
        if intestazione:
            cmd.append(('LINEBELOW', (0, intestazione - 1), (-1, intestazione - 1), 0.6, colors.black))
        else:
            cmd.append(('LINEBELOW', (0, 0), (-1, -2), 0.3, colors.grey))
    if st.regole == 'ombreggiato':
        if intestazione:
            cmd.append(('BACKGROUND', (0, 0), (-1, intestazione - 1), GRIGIO))
        if colonna_etichette:
            cmd.append(('BACKGROUND', (0, 0), (0, -1), GRIGIO))
    return cmd


def titolo_sezione(s: Scheda, st: Stile) -> str:
    forme = TITOLI_SEZIONE.get(s.tipo if s.tipo in TITOLI_SEZIONE else 'obiettivo')
    if s.numero is None:
        return s.titolo
    return forme[st.forma % len(forme)].format(n=s.numero, t=s.titolo)


def _intestazione(s: Scheda, st: Stile, rng) -> Paragraph:
    return Paragraph(escape(titolo_sezione(s, st)), stile(st.corpo + 2, bold=True))


def coppie_di(s: Scheda, st: Stile) -> list[tuple[str, str | list[str]]]:
    """(label, printed value) of a record; title and number in the group when they are not in a heading."""
    out = []
    if st.titolo_in == 'cella':
        if s.numero is not None:
            out.append((s.etichetta_numero, s.numero))
        out.append((s.etichetta_titolo, s.titolo))
    return out + [(c.etichetta, c.testo) for c in s.campi]


def _larghezze(tot, pesi, minimi=None):
    """Column widths: each at least its longest word (a word is never split inside a cell), the
    rest of the width shared by weight."""
    minimi = minimi or [30] * len(pesi)
    libero = tot - sum(minimi)
    if libero <= 0:
        return [m * tot / sum(minimi) for m in minimi]
    return [m + libero * p / sum(pesi) for m, p in zip(minimi, pesi)]


def _adatta(colonne: list[list], st: Stile) -> float:
    """The largest body size (down to 5.5 pt) at which every column holds its longest word."""
    corpo = st.corpo
    while corpo > 5.5 and sum(_minimo(c, corpo) for c in colonne) > st.larghezza:
        corpo -= 0.5
    return corpo


def _minimo(valori, corpo: float) -> float:
    """The width of the longest word among a column's values (bold, to be safe), plus padding."""
    parole = [w for v in valori for x in (v if isinstance(v, list) else [v]) for w in str(x).split()]
    return max([stringWidth(w, BOLD, corpo) for w in parole] + [16]) + 8


def _peso(v) -> float:
    n = sum(len(x) for x in v) if isinstance(v, list) else len(str(v))
    return min(max(n, 6), 120) ** 0.6


# ---------------------------------------------------------------- tables with a header
def tabella(schede: list[Scheda], st: Stile, rng, due_livelli=False) -> list:
    """One record per row; with `due_livelli` a group title spans some columns over their own titles."""
    s0 = schede[0]
    cols = ([('numero', s0.etichetta_numero)] if s0.numero is not None else []) + [('titolo', s0.etichetta_titolo)]
    cols += [(c.field, c.etichetta) for c in s0.campi]
    gruppi = []
    if due_livelli:
        campi = [f for f, _ in cols]
        for titoli, fs in GRUPPI.get(s0.tipo, []):
            fs = [f for f in fs if f in campi]
            if len(fs) >= 2:
                gruppi.append((rng.choice(titoli), fs))
        ril = [f for f in campi if f.startswith('ril:')]
        if ril:
            from .parafrasi import ETICHETTE
            gruppi.append((rng.choice(ETICHETTE['rilevazione']['gruppo']), ril))
        # the columns of one group next to each other, in their order
        ordine = []
        for f, lab in cols:
            g = next((g for g in gruppi if f in g[1]), None)
            if g is None:
                ordine.append((f, lab))
            elif f == g[1][0]:
                ordine += [(x, dict(cols)[x]) for x in g[1]]
        cols = ordine
    valori = {('numero'): lambda s: s.numero, 'titolo': lambda s: s.titolo}
    righe = [[valori[f](s) if f in valori else next(c.testo for c in s.campi if c.field == f) for f, _ in cols]
             for s in schede]
    colonne = [[r[i] for r in righe] + [lab] for i, (_, lab) in enumerate(cols)]
    corpo = _adatta(colonne, st)
    sth, stc = stile(corpo, bold=True), stile(corpo)
    pesi = [max(_peso(r[i]) for r in righe + [[lab for _, lab in cols]]) for i, _ in enumerate(cols)]
    if not gruppi:
        testa = [[_p(lab, sth) for _, lab in cols]]
        span = []
    else:
        top, sub, span = [], [], []
        for i, (f, lab) in enumerate(cols):
            g = next((g for g in gruppi if f in g[1]), None)
            corto = lab.split(' al ')[-1].replace('Rilevazione ', '') if f.startswith('ril:') else lab
            if g is None:
                top.append(_p(lab, sth)); sub.append('')
                span.append(('SPAN', (i, 0), (i, 1)))
            else:
                top.append(_p(g[0], sth) if f == g[1][0] else '')
                sub.append(_p(corto if f.startswith('ril:') else lab, sth))
                if f == g[1][0]:
                    span.append(('SPAN', (i, 0), (i + len(g[1]) - 1, 0)))
        testa = [top, sub]
    dati = [[_p(v, stc) for v in r] for r in righe]
    minimi = [_minimo(c, corpo) for c in colonne]
    t = Table(testa + dati, colWidths=_larghezze(st.larghezza, pesi, minimi), repeatRows=len(testa))
    t.setStyle(TableStyle(_regole(st, len(dati), len(testa)) + span))
    return [t]


def trasposta(schede: list[Scheda], st: Stile, rng) -> list:
    """One record per column: the labels down the first column."""
    s0 = schede[0]
    colonne = [[s0.etichetta_titolo] + [c.etichetta for c in s0.campi]]
    colonne += [[s.titolo] + [c.testo for c in s.campi] for s in schede]
    corpo = _adatta(colonne, st)
    sth, stc = stile(corpo, bold=True), stile(corpo)
    testa = [_p(s0.etichetta_numero if s0.numero else '', sth)] + [_p(s.numero or '', sth) for s in schede] \
        if s0.numero is not None else None
    righe = [[_p(s0.etichetta_titolo, sth)] + [_p(s.titolo, sth if testa is None else stc) for s in schede]]
    for j, c in enumerate(s0.campi):
        righe.append([_p(c.etichetta, sth)] + [_p(s.campi[j].testo, stc) for s in schede])
    dati = ([testa] if testa else []) + righe
    n = len(schede)
    minimi = [_minimo(c, corpo) for c in colonne]
    t = Table(dati, colWidths=_larghezze(st.larghezza, [1.2] + [2] * n, minimi))
    t.setStyle(TableStyle(_regole(st, len(dati), 1, colonna_etichette=True)))
    return [t]


# ---------------------------------------------------------------- label / value groups
def coppie(s: Scheda, st: Stile, rng) -> list:
    sth, stc = stile(st.corpo, bold=True), stile(st.corpo)
    dati = [[_p(lab, sth), _p(v, stc)] for lab, v in coppie_di(s, st)]
    t = Table(dati, colWidths=_larghezze(st.larghezza, [1, 2]))
    t.setStyle(TableStyle(_regole(st, len(dati), 0, colonna_etichette=True)))
    return ([_intestazione(s, st, rng), Spacer(1, 3)] if st.titolo_in == 'intestazione' else []) + [t]


def segni(s: Scheda, st: Stile, rng) -> list:
    """Yes/no fields as a mark under SI / NO / IN PARTE columns, or (label|mark|option) rows
    per option; the other fields as label|value rows across the mark columns."""
    sth, stc = stile(st.corpo, bold=True), stile(st.corpo)
    segno = rng.choice(SEGNI)
    opz = {k: rng.choice(v) for k, v in OPZIONI_SI_NO.items()}
    colonne = rng.random() < 0.6
    dati, span = [], []
    if colonne:
        dati.append(['', _p(opz['si'], sth), _p(opz['no'], sth), _p(opz['parziale'], sth)])
    for lab, v in coppie_di(s, st):
        c = next((c for c in s.campi if c.etichetta == lab and c.codice in OPZIONI_SI_NO), None)
        if c is None or c.field not in ('asst_analisi', 'continuita_precedente', 'coprogettato_ts', 'riproposto'):
            r = len(dati)
            dati.append([_p(lab, sth), _p(v, stc), '', ''] if colonne else [_p(lab, sth), _p(v, stc), ''])
            span.append(('SPAN', (1, r), (-1, r)) if colonne else ('SPAN', (1, r), (2, r)))
        elif colonne:
            dati.append([_p(lab, sth)] + [_p(segno if c.codice == k else '', stc) for k in ('si', 'no', 'parziale')])
        else:
            r = len(dati)
            for k in ('si', 'no', 'parziale'):
                dati.append([_p(lab, sth) if k == 'si' else '', _p(segno if c.codice == k else '', stc), _p(opz[k], stc)])
            span.append(('SPAN', (0, r), (0, r + 2)))
    w = [2.2, 0.6, 0.6, 0.8] if colonne else [2.2, 0.4, 1.6]
    t = Table(dati, colWidths=_larghezze(st.larghezza, w))
    t.setStyle(TableStyle(_regole(st, len(dati), 1 if colonne else 0, colonna_etichette=True) + span +
                          [('ALIGN', (1, 0), (-1, -1), 'CENTER')] * colonne))
    return ([_intestazione(s, st, rng), Spacer(1, 3)] if st.titolo_in == 'intestazione' else []) + [t]


def righe(s: Scheda, st: Stile, rng) -> list:
    """'Label: value' lines; a list under its 'Label:' line."""
    stc = stile(st.corpo)
    out = [_intestazione(s, st, rng)] if st.titolo_in == 'intestazione' else []
    for lab, v in coppie_di(s, st):
        if isinstance(v, list):
            out += [Paragraph(escape(lab) + ':', stc), _p(v, stc)]
        else:
            out.append(Paragraph(f'{escape(lab)}: {escape(str(v))}', stc))
    return out


def grassetto(s: Scheda, st: Stile, rng) -> list:
    """A bold label as its own paragraph, the content in the paragraph below."""
    sth, stc = stile(st.corpo, bold=True), stile(st.corpo)
    out = [_intestazione(s, st, rng)] if st.titolo_in == 'intestazione' else []
    for lab, v in coppie_di(s, st):
        out += [Spacer(1, 3), _p(lab.upper() if rng.random() < 0.3 else lab, sth), _p(v, stc)]
    return out


def impilata(s: Scheda, st: Stile, rng) -> list:
    """One table, a label row over its content row, field after field."""
    sth, stc = stile(st.corpo, bold=True), stile(st.corpo)
    dati, fondo = [], []
    for lab, v in coppie_di(s, st):
        fondo.append(('BACKGROUND', (0, len(dati)), (0, len(dati)), GRIGIO))
        dati += [[_p(lab, sth)], [_p(v, stc)]]
    t = Table(dati, colWidths=[st.larghezza])
    cmd = _regole(st, len(dati), 0)
    if st.regole in ('ombreggiato', 'nessuna', 'booktabs'):
        cmd += fondo
    t.setStyle(TableStyle(cmd))
    return ([_intestazione(s, st, rng), Spacer(1, 3)] if st.titolo_in == 'intestazione' else []) + [t]


# ---------------------------------------------------------------- headed sections
def sezione(s: Scheda, st: Stile, rng) -> list:
    """Heading (number and title), then run-in bold labels, lists, and the yes/no answers in a
    small inner table."""
    sth, stc = stile(st.corpo, bold=True), stile(st.corpo)
    out = [Paragraph(escape(titolo_sezione(s, st)), stile(st.corpo + 3, bold=True)), Spacer(1, 4)]
    interna = []
    for c in s.campi:
        if c.codice in OPZIONI_SI_NO and len([x for x in s.campi if x.codice in OPZIONI_SI_NO]) >= 2:
            interna.append([_p(c.etichetta, stc), _p(c.testo, stc)])
        elif isinstance(c.testo, list):
            out += [Paragraph(f'<b>{escape(c.etichetta)}</b>', stc), _p(c.testo, stc)]
        else:
            out.append(Paragraph(f'<b>{escape(c.etichetta)}</b>: {escape(str(c.testo))}', stc))
        out.append(Spacer(1, 2))
    if interna:
        t = Table(interna, colWidths=_larghezze(st.larghezza, [3, 1]))
        t.setStyle(TableStyle(_regole(st, len(interna), 0, colonna_etichette=True)))
        out.append(t)
    return out


# ---------------------------------------------------------------- colour as a value
def legenda(palette, st: Stile, rng) -> list:
    stc = stile(st.corpo)
    titolo = rng.choice(['Legenda', 'LEGENDA', 'Legenda stato obiettivi'])
    celle = [Paragraph(f'<b>{titolo}</b>', stc)]
    for k in ('raggiunto', 'parziale', 'non_raggiunto'):
        celle += [Pallino(palette[k][1]), Paragraph(escape(palette[k][0]), stc)]
    t = Table([celle], colWidths=[70] + [14, 110] * 3)
    t.setStyle(TableStyle([('VALIGN', (0, 0), (-1, -1), 'MIDDLE')]))
    return [t, Spacer(1, 6)]


def colore(schede: list[Scheda], st: Stile, rng) -> list:
    """The state only as colour: a filled 'Stato' cell in a one-per-row table, or a dot beside
    each title in a list; the legend above or below."""
    palette = rng.choice(PALETTE)
    leg = legenda(palette, st, rng)
    sth, stc = stile(st.corpo, bold=True), stile(st.corpo)
    if rng.random() < 0.5:
        t = tabella(schede, replace(st, larghezza=st.larghezza - 50), rng)[0]
        from .parafrasi import ETICHETTE
        dati = [list(r) for r in t._cellvalues]
        dati[0].append(_p(rng.choice(ETICHETTE['esito']['stato']), sth))
        fill = []
        for i, s in enumerate(schede, 1):
            dati[i].append('')
            fill.append(('BACKGROUND', (len(dati[0]) - 1, i), (len(dati[0]) - 1, i), colors.HexColor(palette[s.stato][1])))
        t2 = Table(dati, colWidths=list(t._colWidths) + [50], repeatRows=1)
        t2.setStyle(TableStyle(_regole(st, len(dati), 1) + fill))
        corpo = [t2]
    else:
        corpo = []
        for s in schede:
            testa = Table([[Pallino(palette[s.stato][1]), Paragraph(escape(titolo_sezione(s, st)), sth)]],
                          colWidths=[16, st.larghezza - 16])
            testa.setStyle(TableStyle([('VALIGN', (0, 0), (-1, -1), 'MIDDLE'), ('LEFTPADDING', (0, 0), (-1, -1), 1)]))
            corpo += [testa] + [Paragraph(f'{escape(c.etichetta)}: {escape(str(c.testo))}', stc) for c in s.campi]
            corpo.append(Spacer(1, 6))
    return (leg + corpo) if rng.random() < 0.5 else (corpo + [Spacer(1, 6)] + leg)


def azioni_tabella(s: Scheda, st: Stile, rng, due_livelli=False) -> list:
    """An objective's heading over its actions table (N. | Azione [| Tempi › years with marks])."""
    from .parafrasi import ETICHETTE
    sth, stc = stile(st.corpo, bold=True), stile(st.corpo)
    lab = ETICHETTE['azione']
    head = [_p('N.', sth), _p(rng.choice(lab['testo']), sth)]
    dati = [[_p(str(i), stc), _p(a, stc)] for i, a in enumerate(s.figli, 1)]
    span = []
    if due_livelli:
        anni = ['2025', '2026', '2027']
        testa = [head + [_p(rng.choice(lab['tempi']), sth), '', ''], ['', ''] + [_p(a, sth) for a in anni]]
        span = [('SPAN', (0, 0), (0, 1)), ('SPAN', (1, 0), (1, 1)), ('SPAN', (2, 0), (4, 0))]
        dati = [r + [_p('X' if rng.random() < 0.6 else '', stc) for _ in anni] for r in dati]
        w = [0.3, 3, 0.4, 0.4, 0.4]
    else:
        testa = [head]
        w = [0.3, 3]
    t = Table(testa + dati, colWidths=_larghezze(st.larghezza, w), repeatRows=len(testa))
    t.setStyle(TableStyle(_regole(st, len(dati), len(testa)) + span))
    return [_intestazione(s, st, rng), Spacer(1, 3), t]


PER_SCHEDA = {'coppie': coppie, 'segni': segni, 'righe': righe, 'grassetto': grassetto, 'impilata': impilata,
              'sezioni': sezione}
PER_GRUPPO = {'tabella': tabella, 'tabella2': lambda s, st, rng: tabella(s, st, rng, due_livelli=True),
              'trasposta': trasposta, 'colore': colore}
