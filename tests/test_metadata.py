"""Document metadata: which Ambito and triennio a document is about (its cover title and running
headers decide, body mentions only when those name none) and what kind of document it is (a
plan, a monitoring matrix, a slide deck -- told apart by content, not by what it calls itself)."""
import io

import pytest
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from extract.layout import read_layout
from extract.metadata import cover_lines, read_metadata, running_lines
from fixtures.corpus_layouts import layout_of

BODY = ('Nel corso del triennio le attività sono state svolte in collaborazione con l\'Ambito di Treviglio '
        'e con l\'Ambito di Treviglio sono stati condivisi i percorsi formativi e i tavoli tecnici.')


def _plan(cover: list[tuple[str, float, bool]], header: str | None, body_pages: int = 3,
          body=BODY, size=A4) -> bytes:
    """A cover page of (text, size, bold) lines, then body pages of prose; a running header on
    every page when given."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=size)
    w, h = size

    def furniture(n):
        if header:
            c.setFont('Helvetica', 7.5)
            c.drawString(40, h - 25, header)
        c.setFont('Helvetica', 7.5)
        c.drawString(w - 80, 20, f'Pag. {n}')

    furniture(1)
    y = h - 200
    for text, pt, bold in cover:
        c.setFont('Helvetica-Bold' if bold else 'Helvetica', pt)
        c.drawString(60, y, text)
        y -= pt + 14
    c.showPage()
    for n in range(2, body_pages + 2):
        furniture(n)
        c.setFont('Helvetica', 10)
        y = h - 0.15 * h            # below the running-header band
        for par in range(int((h - 0.3 * h) // 50)):
            text = f'Paragrafo {n}.{par}: {body}'       # no two pages alike: not running text
            for k in range(0, len(text), 95):
                c.drawString(50, y, text[k:k + 95])
                y -= 13
            y -= 6
        c.showPage()
    c.save()
    return buf.getvalue()


def meta(pdf: bytes, name='documento.pdf'):
    return read_metadata(read_layout(pdf), name)


# ---------------------------------------------------------------- Ambito: cover and headers first
def test_cover_and_running_header_outvote_body_mentions():
    pdf = _plan([('Piano di Zona 2025-2027', 20, True), ("Ambito Valle Imagna e Villa d'Almè", 13, False)],
                "Ambito Valle Imagna – Villa d'Almè · Piano di Zona 2025-2027")
    m = meta(pdf)
    assert m.ambito_id == 'valle-imagna-villa-d-alme'
    assert m.fonte == 'contenuto'


def test_cover_alone_decides_without_running_header():
    pdf = _plan([('AMBITO TERRITORIALE DI SERIATE', 24, True), ('PIANO DI ZONA 2025-2027', 28, True)], None)
    assert meta(pdf).ambito_id == 'seriate'


def test_running_header_decides_without_cover_title():
    pdf = _plan([('Premessa', 10, False)], 'Piano di Zona 2025-2027 - Ambito territoriale di Dalmine')
    assert meta(pdf).ambito_id == 'dalmine'


def test_body_mentions_decide_when_cover_and_headers_name_none():
    pdf = _plan([('Piano di Zona 2025-2027', 20, True)], 'Documento di piano')
    assert meta(pdf).ambito_id == 'treviglio'


def test_file_name_is_the_last_resort():
    pdf = _plan([('Piano di Zona 2025-2027', 20, True)], None, body='Testo senza nomi di territori. ' * 4)
    m = meta(pdf, 'grumello-pdz.pdf')
    assert m.ambito_id == 'grumello' and 'nome file' in m.fonte


# ---------------------------------------------------------------- triennio
def test_triennio_from_the_cover_title_not_a_small_line_above_it():
    pdf = _plan([('Allegato: verifica del Piano di Zona 2021-2023', 9, False),
                 ('AMBITO DI GRUMELLO', 22, True), ('PIANO DI ZONA 2025-2027', 26, True)], None)
    m = meta(pdf)
    assert (m.ambito_id, m.triennio) == ('grumello', '2025-2027')


def test_cover_and_running_lines_helpers():
    layout = read_layout(_plan([('Titolo grande', 24, True), ('nota piccola', 8, False)], 'Intestazione 2025'))
    assert cover_lines(layout) == ['Titolo grande']
    assert running_lines(layout)[0] == 'Intestazione 2025'
    assert len([t for t in running_lines(layout) if t.startswith('Pag.')]) == 1   # page numbers once


# ---------------------------------------------------------------- tipo by content
def _matrix(title: str) -> bytes:
    st = getSampleStyleSheet()['BodyText']
    st.fontSize, st.leading = 7, 8
    head = ['N.', 'Descrizione indicatore', 'Tipologia', 'Baseline', 'Risultato atteso I anno',
            'Risultato atteso II anno', 'Referente', 'Note']
    rows = [[str(n), Paragraph(f'Numero di prese in carico integrate nell\'area {n} rispetto alle valutazioni '
                                f'effettuate dalle equipe', st), 'processo', 'non prevista', f'>= {n}%',
             f'>= {n + 10}%', 'Ufficio di Piano', ''] for n in range(1, 60)]
    t = Table([head] + rows, repeatRows=1, colWidths=[25, 260, 60, 70, 90, 90, 90, 120])
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, (0, 0, 0)), ('FONTSIZE', (0, 0), (-1, -1), 7)]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A3), topMargin=30, bottomMargin=30).build(
        [Paragraph(title, getSampleStyleSheet()['Title']), Spacer(1, 6), t])
    return buf.getvalue()


def test_matrix_without_the_word_matrice_is_a_matrix():
    m = meta(_matrix('Ambito di Seriate – Indicatori del Piano di Zona 2025-2027: verifica al 30/06/2026'))
    assert (m.ambito_id, m.triennio, m.tipo) == ('seriate', '2025-2027', 'matrice_monitoraggio')


def _deck(size, creator: str | None = None) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=size)
    if creator:
        c.setCreator(creator)
    w, h = size
    slides = [('Ambito di Romano di Lombardia', 'Piano di Zona 2021-2023')] + \
             [(f'Area {n}: obiettivi e risultati', 'Tre punti chiave emersi dai tavoli di lavoro') for n in range(5)]
    for title, sub in slides:
        c.setFont('Helvetica-Bold', 28)
        c.drawString(40, h - 80, title)
        c.setFont('Helvetica', 18)
        c.drawString(40, h - 130, sub)
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize('size', [(720, 540), (960, 540), (800, 500)], ids=['4:3', '16:9', '16:10'])
def test_screen_shaped_pages_with_little_text_are_a_deck(size):
    m = meta(_deck(size))
    assert (m.ambito_id, m.triennio, m.tipo) == ('romano-di-lombardia', '2021-2023', 'presentazione')


def test_landscape_a4_plan_is_not_a_deck():
    pdf = _plan([('AMBITO DI TREVIGLIO', 28, True), ('PIANO DI ZONA 2018-2020', 32, True)],
                'AMBITO DI TREVIGLIO – Piano di Zona 2018-2020', size=landscape(A4))
    m = meta(pdf)
    assert (m.ambito_id, m.triennio, m.tipo) == ('treviglio', '2018-2020', 'piano_di_zona')


@pytest.mark.parametrize('creator', ['Writer', 'Microsoft® Word for Microsoft 365'])
def test_a_word_processor_document_is_never_a_deck(creator):
    # the same screen-shaped, sparse pages: the software that made them says they are a plan
    m = meta(_deck((720, 540), creator))
    assert m.tipo == 'piano_di_zona'


@pytest.mark.parametrize('creator', ['Impress', 'Microsoft® PowerPoint® for Microsoft 365'])
def test_presentation_software_makes_a_deck_whatever_the_page(creator):
    m = meta(_deck(A4, creator))
    assert m.tipo == 'presentazione'


def test_letter_landscape_pages_are_not_screen_shaped():
    # US Letter landscape (1.29) is close to 4:3 (1.33) but is paper
    m = meta(_deck(landscape((612, 792))))
    assert m.tipo == 'piano_di_zona'


# ---------------------------------------------------------------- triennio evaluated vs planned
def test_evaluated_triennio_in_the_title_is_not_the_plans():
    pdf = _plan([('Esiti della programmazione 2021-2023', 18, True)],
                'Ambito di Romano di Lombardia – Piano di Zona 2025-2027')
    m = meta(pdf)
    assert (m.ambito_id, m.triennio) == ('romano-di-lombardia', '2025-2027')


def test_deck_title_with_its_own_and_the_verified_triennio():
    pdf = _plan([('Piano di Zona 2021-2023 – Verifica della programmazione 2018-2020', 18, True)], None)
    assert meta(pdf).triennio == '2021-2023'


def test_plan_naming_only_the_evaluated_triennio_is_the_next_one():
    pdf = _plan([('Piano di Zona', 24, True), ('Valutazione del triennio 2015-2017', 14, True)], None,
                body='Testo senza date. ' * 4)
    m = meta(pdf)
    assert m.triennio == '2018-2020' and 'triennio: dedotto dal triennio valutato' in m.fonte


def test_the_file_name_outranks_the_inferred_triennio():
    pdf = _plan([('Piano di Zona', 24, True), ('Esiti del triennio 2015-2017', 14, True)], None,
                body='Testo senza date. ' * 4)
    assert meta(pdf, 'bergamo-pdz-2018-2020.pdf').triennio == '2018-2020'


# ---------------------------------------------------------------- corpus
@pytest.mark.parametrize('name,expected', [
    ('alto-sebino-pdz-2025-2027.pdf', ('alto-sebino', '2025-2027', 'piano_di_zona')),
    ('dalmine-presentazione-2021.pdf', ('dalmine', '2021-2023', 'presentazione')),
    ('treviglio-matrice-monitoraggio-2025.pdf', ('treviglio', '2025-2027', 'matrice_monitoraggio')),
    ('treviglio-pdz-2025-2027-obiettivi.pdf', ('treviglio', '2025-2027', 'piano_di_zona')),
])
def test_corpus_metadata(name, expected):
    # the file name is hidden: content alone must decide
    m = read_metadata(layout_of(name), 'documento.pdf')
    assert (m.ambito_id, m.triennio, m.tipo) == expected
    assert m.fonte == 'contenuto'


def test_the_plan_after_2021_2023_is_2025_2027():
    from extract.metadata import _following
    assert _following('2015-2017') == '2018-2020'
    assert _following('2021-2023') == '2025-2027'     # 2024 was an extension year in Lombardy
