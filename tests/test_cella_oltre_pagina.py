"""A label | content card drawn without rules (a shaded label column, as Word's borderless
styles print) whose one row is longer than a page: the page in between holds only the row's
text beside the empty label column -- no grid, at most the label's fill. Which row breaks there
depends on the font's metrics, so the reading must not: the text is the row's content and the
card goes on over it."""
import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.families import scheda_distretto
from extract.layout import read_layout

W, H = A4
LABEL, CONTENT, RIGHT = 85, 301, 517
BLUE, GREY = (0.74, 0.84, 0.93), (0.95, 0.95, 0.95)
RIGHE = [('Popolazione target', ['Adulti residenti nel territorio dei 7 Ambiti']),
         ('Azioni principali', ['• Le azioni saranno pianificate nel gruppo di lavoro']),
         ('Tempi di realizzazione', ['2025-2027']),
         ('Soggetti coinvolti nella governance', ['• ASST Bergamo Est', '• 7 Ambiti Territoriali Sociali'])]
CONTINUA = [f'{k}. Presenza di bisogni diffusi nel territorio;' for k in range(1, 46)]


def _band(c, top, bottom, x0, x1, rgb):
    c.setFillColorRGB(*rgb)
    c.rect(x0, H - bottom, x1 - x0, bottom - top, stroke=0, fill=1)
    c.setFillGray(0)


def _card_pdf(fill_between: bool, after: str | None = None) -> bytes:
    """Page 1: a heading and, at its foot, the card's title row and the first line of its
    'Descrizione del progetto'; page 2: that description goes on beside the label column (its
    fill drawn or not); page 3: its last line, then the other rows. `after`: a line of prose at
    the left margin opening page 2 instead (the card ended on page 1)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont('Helvetica-Bold', 14)
    c.drawString(LABEL + 5, H - 100, 'Schede obiettivo di livello distrettuale')
    _band(c, 684, 706, LABEL, RIGHT, BLUE)
    _band(c, 706, 730, LABEL, CONTENT, GREY)
    c.setFont('Helvetica-Bold', 9)
    c.drawString(LABEL + 5, H - 698, 'Scheda 2 – Dai PrInS alle équipes di presa in carico integrata')
    c.drawString(LABEL + 5, H - 720, 'Descrizione del progetto')
    c.setFont('Helvetica', 9)
    c.drawString(CONTENT + 5, H - 720, 'Alla luce di:')
    c.showPage()
    if after:
        c.setFont('Helvetica', 9)
        c.drawString(LABEL + 5, H - 80, after)
        c.showPage()
        c.save()
        return buf.getvalue()
    if fill_between:
        _band(c, 72, 706, LABEL, CONTENT, GREY)
    c.setFont('Helvetica', 9)
    for k, t in enumerate(CONTINUA):
        c.drawString(CONTENT + 5, H - 84 - 13.5 * k, t)
    c.showPage()
    top = 72
    _band(c, top, top + 24, LABEL, CONTENT, GREY)
    c.setFont('Helvetica', 9)
    c.drawString(CONTENT + 5, H - top - 14, 'finalizzato a favorire prese in carico congiunte.')
    top += 24
    for label, righe in RIGHE:
        bottom = top + 10 + 12 * len(righe)
        _band(c, top, bottom, LABEL, CONTENT, GREY)
        c.setFont('Helvetica-Bold', 9)
        c.drawString(LABEL + 5, H - top - 14, label)
        c.setFont('Helvetica', 9)
        for k, t in enumerate(righe):
            c.drawString(CONTENT + 5, H - top - 14 - 12 * k, t)
        top = bottom
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize('fill_between', [True, False], ids=['label-fill', 'no-fill'])
def test_a_row_longer_than_a_page_keeps_its_card_together(fill_between):
    layout = read_layout(_card_pdf(fill_between))
    got = scheda_distretto.extract(layout).obiettivi
    assert len(got) == 1
    o = got[0]
    assert (o.fields['numero'], o.fields['titolo']) == ('2', 'Dai PrInS alle équipes di presa in carico integrata')
    assert (o.pagina_inizio, o.pagina_fine) == (1, 3)
    descrizione = o.fields['descrizione'].splitlines()
    assert descrizione[0] == 'Alla luce di:' and descrizione[-1] == 'finalizzato a favorire prese in carico congiunte.'
    assert descrizione[1:-1] == CONTINUA
    assert o.fields['tempi'] == '2025-2027' and o.fields['target'] == RIGHE[0][1][0]


def test_prose_at_the_margin_after_a_card_at_the_foot_is_not_its_row():
    layout = read_layout(_card_pdf(False, after='Il Piano di Zona prosegue con le schede di Ambito.'))
    assert layout.page(2).tables == []
    assert not any(ln.in_table for ln in layout.page(2).lines)
