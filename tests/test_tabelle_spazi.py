"""Tables only white space draws (extract/tabelle_spazi.py): a booktabs table under prose, two
tables side by side -- each read into the cells a reader would see in a ruled one; prose set in
two columns is no table."""
import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.layout import read_layout
from extract.tabelle_spazi import table_layer

PROSE = ['Il piano di zona descrive i servizi del territorio e le risorse che i comuni',
         "dell'ambito destinano alle persone fragili nel triennio di programmazione."]
HEADER = ['Servizio', 'Utenti 2022', 'Utenti 2023', 'Spesa (euro)']
BODY = [['Assistenza domiciliare', '120', '134', '250.000'],
        ['Centro diurno', '45', '51', '310.500'],
        ['Trasporto sociale', '88', '90', '42.000'],
        ['Sportello unico', '300', '315', '18.750']]
X = (60, 240, 330, 420)


def _draw_table(c, xs, y, rows, rules: str, width: float) -> float:
    """Rows of text at the column x's from y down; rules 'booktabs' (top, under the header,
    bottom), 'header' (a grid round the header row only, the body between horizontal rules)."""
    top = y + 12
    for k, row in enumerate(rows):
        for x, text in zip(xs, row):
            c.drawString(x, y, text)
        if k == 0 and rules == 'booktabs':
            c.line(xs[0] - 4, y - 5, xs[0] - 4 + width, y - 5)
        if rules == 'header':
            c.line(xs[0] - 4, y - 5, xs[0] - 4 + width, y - 5)
            if k == 0:
                for x in list(xs) + [xs[0] - 4 + width + 4]:
                    c.line(x - 4, top, x - 4, y - 5)
        y -= 16
    if rules:
        c.line(xs[0] - 4, top, xs[0] - 4 + width, top)
        c.line(xs[0] - 4, y + 11, xs[0] - 4 + width, y + 11)
    if rules == 'header':
        c.line(xs[0] - 4, top, xs[0] - 4, y + 11)
        c.line(xs[0] - 4 + width, top, xs[0] - 4 + width, y + 11)
    return y


def _pdf(kind: str) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    w, h = A4
    c.setFont('Helvetica', 10)
    y = h - 80
    for ln in PROSE:
        c.drawString(60, y, ln)
        y -= 14
    y -= 20
    if kind == 'side':
        _draw_table(c, (60, 160), y, [['Comune', 'Abitanti'], ['Bergamo', '120.000'], ['Dalmine', '23.000'],
                                      ['Treviglio', '30.000']], '', 0)
        _draw_table(c, (340, 460), y, [['Ente', 'Sportelli'], ['ATS', '4'], ['ASST', '7'], ['Comuni', '18']], '', 0)
        y -= 80
    else:
        y = _draw_table(c, X, y, [HEADER] + BODY, 'booktabs' if kind == 'booktabs' else 'header', 440)
    y -= 20
    c.drawString(60, y, 'La tabella riporta i dati forniti dagli uffici di piano dei comuni associati.')
    c.showPage()
    c.save()
    return buf.getvalue()


def _layer(kind: str):
    page = read_layout(_pdf(kind)).pages[0]
    return page, table_layer(page)


def test_booktabs_table_is_read_into_its_cells():
    page, tables = _layer('booktabs')
    assert len(tables) == 1
    assert tables[0].texts() == [HEADER] + BODY
    # the prose around it stays prose
    inside = [ln.text for ln in page.lines if tables[0].bbox[1] <= ln.top <= tables[0].bbox[3]]
    assert not any(PROSE[0][:20] in t for t in inside)


def test_side_by_side_tables_stay_two():
    _, tables = _layer('side')
    assert [t.texts() for t in sorted(tables, key=lambda t: t.bbox[0])] == [
        [['Comune', 'Abitanti'], ['Bergamo', '120.000'], ['Dalmine', '23.000'], ['Treviglio', '30.000']],
        [['Ente', 'Sportelli'], ['ATS', '4'], ['ASST', '7'], ['Comuni', '18']]]


def test_prose_in_two_columns_is_no_table():
    words = ('il piano di zona promuove la rete dei servizi sociali dei comuni associati con le '
             'famiglie il terzo settore e le scuole del territorio').split()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    w, h = A4
    c.setFont('Helvetica', 10)
    for col, x in enumerate((50, 310)):
        for k in range(30):
            line = ' '.join(words[(k * 3 + col) % 9:][:7])
            c.drawString(x, h - 80 - 14 * k, line)
    c.showPage()
    c.save()
    page = read_layout(buf.getvalue()).pages[0]
    assert table_layer(page) == []
