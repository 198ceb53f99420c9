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


def _rules_only_split_pdf() -> bytes:
    """A label | content table drawn with horizontal rules only; the AZIONI cell runs off the
    foot of page 1 with no rule under it and ends above the first rule of page 2."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    x0, split, x1 = 50, 200, 545
    c.setFont('Helvetica', 10)
    rows = [('TITOLO OBIETTIVO', 'Sostegno ai caregiver'), ('TARGET', 'Famiglie con anziani fragili'),
            ('RISORSE ECONOMICHE', 'Fondo nazionale politiche sociali')]
    y = 780
    for label, content in rows:
        c.line(x0, y, x1, y)
        c.drawString(55, y - 15, label); c.drawString(split + 5, y - 15, content)
        y -= 40
    c.line(x0, y, x1, y)
    c.drawString(55, y - 15, 'AZIONI PROGRAMMATE')
    yy = y - 15
    for i in range(1, 36):              # a long list that runs to the page foot
        c.drawString(split + 5, yy, f'- azione numero {i}')
        yy -= 15
        if yy < 60:
            break
    last = i
    c.showPage()
    c.setFont('Helvetica', 10)
    c.drawString(split + 5, 790, f'- azione numero {last + 1}')
    c.drawString(split + 5, 775, f'- azione numero {last + 2}')
    c.line(x0, 760, x1, 760)
    c.drawString(55, 745, 'TEMPI'); c.drawString(split + 5, 745, '2025-2027')
    c.line(x0, 725, x1, 725)
    c.showPage()
    c.save()
    return buf.getvalue(), last + 2


def test_rules_only_table_keeps_a_cell_cut_by_the_page_foot():
    data, n = _rules_only_split_pdf()
    layout = read_layout(data)
    runs = table_runs(layout)
    rows = {r.label: r.content for run in runs for r in label_rows(run)}
    azioni = rows['AZIONI PROGRAMMATE'].split('\n')
    assert azioni == [f'- azione numero {i}' for i in range(1, n + 1)]
    assert rows['TEMPI'] == '2025-2027'
