"""Tables drawn without rules (extract/tabelle_testo.py): a card 'n. | Voce | SI | NO | Contenuto'
set as aligned text, no borders, broken over a page -- read as the table a ruled one would be."""
import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.families import scheda_regionale
from extract.layout import read_layout

COLS = (70, 95, 262, 287, 312)       # n. | Voce | SI | NO | Contenuto / note
ROWS = [
    ('1', ['Titolo obiettivo'], None, ['Anziani protagonisti: invecchiamento attivo']),
    ('2', ['Aree di programmazione (Regione', 'Lombardia)'], None, ['E. Anziani']),
    ('3', ['Obiettivi da raggiungere'], None, ['Promuovere la partecipazione attiva degli', 'anziani alla vita della comunità.']),
    ('4', ['Azioni programmate'], None, ['– Coinvolgere gli anziani in attività di', 'volontariato', '– Messa a sistema dei servizi']),
    ('5', ['Target'], None, ['Cittadini anziani e i loro caregiver']),
    ('16', ['Co-programmato con il Terzo Settore'], 'NO', []),
    ('17', ['Co-progettato con il Terzo Settore'], 'SI', []),
    ('23', ['Indicatori di processo'], None, ['– Numero di incontri realizzati']),
    ('24', ['Indicatori di output'], None, ['– Numero di attività realizzate']),
]


def _card_pdf(break_after: int, header_style: str = 'bold') -> bytes:
    """The card as text lines only; the rows after `break_after` go on the next page. The column
    titles are bold, or plain on a shaded band ('shaded')."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    w, h = A4

    def header(y):
        if header_style == 'shaded':
            c.setFillGray(0.82)
            c.rect(COLS[0] - 4, y - 4, 480, 14, stroke=0, fill=1)
            c.setFillGray(0)
        c.setFont('Helvetica-Bold' if header_style == 'bold' else 'Helvetica', 9)
        for x, t in zip(COLS, ('n.', 'Voce', 'SI', 'NO', 'Contenuto / note')):
            c.drawString(x, y, t)

    c.setFont('Helvetica-Bold', 12)
    c.drawString(70, h - 70, 'Anziani e persone con disabilità')
    c.setFont('Helvetica-Bold', 11)
    c.drawString(70, h - 95, 'SCHEDA 2')
    header(h - 120)
    y = h - 142
    for k, (n, voce, mark, contenuto) in enumerate(ROWS):
        if k == break_after:
            c.showPage()
            y = h - 70
        c.setFont('Helvetica', 9)
        c.drawString(COLS[0] + 4, y, n)
        if mark:
            c.drawString(COLS[2 if mark == 'SI' else 3] + 1, y, 'X')
        for i in range(max(len(voce), len(contenuto))):
            if i < len(voce):
                c.drawString(COLS[1], y - 11 * i, voce[i])
            if i < len(contenuto):
                c.drawString(COLS[4], y - 11 * i, contenuto[i])
        y -= 11 * max(len(voce), len(contenuto), 1) + 10
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope='module', params=['bold', 'shaded'])
def layout(request):
    return read_layout(_card_pdf(break_after=5, header_style=request.param))


def test_unruled_rows_become_a_table_stitched_over_the_page(layout):
    first, second = layout.page(1).tables, layout.page(2).tables
    assert len(first) == 1 and len(second) == 1
    rows = first[0].texts() + second[0].texts()
    assert rows[0] == ['n.', 'Voce', 'SI', 'NO', 'Contenuto / note']
    assert rows[2] == ['2', 'Aree di programmazione (Regione\nLombardia)', '', '', 'E. Anziani']
    assert ['16', 'Co-programmato con il Terzo Settore', '', 'X', ''] in rows
    assert ['17', 'Co-progettato con il Terzo Settore', 'X', '', ''] in rows
    assert all(ln.in_table for p in layout.pages for ln in p.lines if ln.text.startswith(('Titolo', 'Target')))


def test_unruled_card_is_read_like_a_ruled_one(layout):
    got = scheda_regionale.extract(layout).obiettivi
    assert len(got) == 1
    o = got[0]
    assert o.fields['titolo'] == 'Anziani protagonisti: invecchiamento attivo'
    assert o.fields['numero'] == '2'
    assert o.fields['macroarea'] == 'Anziani e persone con disabilità'
    assert (o.pagina_inizio, o.pagina_fine) == (1, 2)
    assert [a.testo for a in o.azioni] == ['Coinvolgere gli anziani in attività di volontariato',
                                          'Messa a sistema dei servizi']
    assert [(i.tipo, i.testo) for i in o.indicatori] == [('processo', 'Numero di incontri realizzati'),
                                                        ('output', 'Numero di attività realizzate')]
    assert o.fields['coprogettato_ts'].startswith('SI') and o.fields['coprogrammato_ts'].startswith('NO')


def test_prose_under_a_widely_spaced_bold_line_is_no_table():
    """Titles-like line (bold, three groups far apart), then prose whose words run across those
    columns with plain word spaces: not a table."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont('Helvetica-Bold', 10)
    for x, t in ((70, 'Area'), (200, 'Spesa 2023'), (330, 'Fonte prevalente')):
        c.drawString(x, 700, t)
    c.setFont('Helvetica', 10)
    for i in range(8):
        c.drawString(70, 680 - 13 * i, 'Il Piano di Zona è il documento strategico della programmazione sociale.')
    c.showPage()
    c.save()
    assert read_layout(buf.getvalue()).page(1).tables == []


def test_titles_that_fill_their_columns_part_where_their_next_line_starts():
    """Bold column titles each as wide as its column, a word space or two apart ('... di ASST In
    continuità con la'), wrapped onto a second line whose pieces start at the columns: the
    columns are where that second line says, and the first line is the header's too."""
    from reportlab.lib.pagesizes import landscape
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=landscape(A4))
    h = landscape(A4)[1]
    from reportlab.pdfbase.pdfmetrics import stringWidth
    first = ('Denominazione', 'Obiettivo principale', 'Target di popolazione', 'Coinvolgimento di ASST',
             'In continuità con la')
    # the fourth title ends 7pt before the fifth column: a gap a word space could be
    cols = (48, 171, 331, 549, 549 + stringWidth(first[3], 'Helvetica-Bold', 8.5) + 7)
    second = ("dell'obiettivo", None, None, "nell'analisi del bisogno", 'programmazione')
    c.setFont('Helvetica-Bold', 8.5)
    for x, t in zip(cols, first):
        c.drawString(x, h - 60, t)
    for x, t in zip(cols, second):
        if t:
            c.drawString(x, h - 70.5, t)
    c.setFont('Helvetica', 8.5)
    body = [('Riduzione dei rischi', 'Una cabina di regia', 'Giovani under 25', 'Si', 'No'),
            ('Invecchiamento attivo', 'Socialità degli anziani', 'Cittadini anziani', 'SÌ', 'NO'),
            ('Politiche abitative', "Un sistema d'Ambito", 'Cittadini in locazione', 'Solo parzialmente', 'No')]
    y = h - 90
    for row in body:
        for x, t in zip(cols, row):
            c.drawString(x, y, t)
        y -= 16
    c.showPage()
    c.save()
    lay = read_layout(buf.getvalue())
    t = lay.pages[0].tables[0]
    assert t.ncols == 5
    assert [c.text.split('\n')[0] for c in t.rows[0]] == list(first)
    assert [c.text for c in t.rows[-1]] == list(body[-1])


def test_a_title_in_capitals_wrapped_at_its_columns_edge_stays_in_its_row():
    """A line per row, no rules; one title in capitals fills its column and wraps: its second
    line, alone in the first column, is the title's -- not a row of its own (no lower case says
    so; that the line above was full does)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    h = A4[1]
    cols = (48, 260, 380)
    c.setFont('Helvetica-Bold', 9)
    for x, t in zip(cols, ('Titolo obiettivo', 'Giudizio sintetico', 'Stato di avanzamento')):
        c.drawString(x, h - 80, t)
    c.setFont('Helvetica', 9)
    long_title = 'INTEGRAZIONE INTERVENTI SOCIALI E SOCIO-'
    while stringWidth(long_title + ' X', 'Helvetica', 9) < cols[1] - cols[0] - 4:
        long_title += ' X'
    rows = [('Produzione Carte di Servizio', 'SUFFICIENTE', 'Non raggiunto'),
            (long_title, 'Buono', 'Obiettivo raggiunto'),
            ('SANITARI', None, None),
            ('Nuovo polo di Neuropsichiatria', 'BUONO', 'Obiettivo raggiunto')]
    y = h - 100
    for row in rows:
        for x, t in zip(cols, row):
            if t:
                c.drawString(x, y, t)
        y -= 12
    c.showPage()
    c.save()
    t = read_layout(buf.getvalue()).pages[0].tables[0]
    assert len(t.rows) == 4           # the titles and three records
    assert t.rows[2][0].text.split('\n')[-1] == 'SANITARI'
