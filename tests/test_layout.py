"""Layout reading: rows a page break leaves open, running headers, colours."""
import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.layout import read_layout, to_rgb
from extract.tables import label_rows, table_runs


def _open_row_pdf() -> bytes:
    """A label | content table whose last row runs off page 1 with no closing rule (the vertical
    rules go down to the page foot) and carries on at the top of page 2 with no opening rule."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    w, h = A4
    x0, split, x1 = 50, 200, 545
    # page 1: two closed rows, then an open one
    for y in (780, 740, 700):
        c.line(x0, y, x1, y)
    for x in (x0, split, x1):
        c.line(x, 780, x, 60)
    c.setFont('Helvetica', 10)
    c.drawString(55, 765, 'TITOLO OBIETTIVO'); c.drawString(205, 765, 'Sostegno ai caregiver')
    c.drawString(55, 725, 'TARGET'); c.drawString(205, 725, 'Famiglie con anziani fragili')
    c.drawString(55, 685, 'AZIONI PROGRAMMATE'); c.drawString(205, 685, '- sportello di ascolto')
    c.drawString(205, 100, '- gruppi di auto mutuo aiuto')
    c.showPage()
    # page 2: the row carries on from the top edge, then a closing rule
    for x in (x0, split, x1):
        c.line(x, 800, x, 700)
    c.line(x0, 700, x1, 700)
    c.setFont('Helvetica', 10)
    c.drawString(205, 780, '- formazione dei volontari')
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_row_left_open_by_a_page_break_is_read_and_joined():
    layout = read_layout(_open_row_pdf())
    assert [len(p.tables) for p in layout.pages] == [1, 1]
    runs = table_runs(layout)
    assert len(runs) == 1
    rows = {r.label: r.content for r in label_rows(runs[0])}
    assert rows['AZIONI PROGRAMMATE'].split('\n') == [
        '- sportello di ascolto', '- gruppi di auto mutuo aiuto', '- formazione dei volontari']


def test_running_header_and_page_numbers_are_furniture():
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for n in range(1, 5):
        c.setFont('Helvetica', 8)
        c.drawString(50, 815, 'Ambito di Seriate - Piano di Zona 2025-2027')
        c.drawString(290, 20, str(n))
        c.setFont('Helvetica', 11)
        c.drawString(50, 700, f'Contenuto della pagina {n}')
        c.showPage()
    c.save()
    layout = read_layout(buf.getvalue())
    for p in layout.pages:
        assert [ln.text for ln in p.lines if not ln.furniture] == [f'Contenuto della pagina {p.number}']


def test_colours_of_any_pdf_colour_space_become_rgb():
    assert to_rgb((0.5,)) == (0.5, 0.5, 0.5)
    assert to_rgb((0, 0.5, 1)) == (0, 0.5, 1)
    assert to_rgb((0, 0, 0, 1)) == (0, 0, 0)          # CMYK black
    assert to_rgb((1, 0, 1, 0)) == (0, 1, 0)          # CMYK cyan + yellow = green
    assert to_rgb('P1') is None                       # a pattern has no single colour
