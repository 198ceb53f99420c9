"""Slide tables whose Esito is only a cell colour."""

import pytest

from extract.families import esiti_slide
from extract.layout import read_layout
from normalize.values import stato
from pdf_tabelle import table_pages
from fixtures.corpus_layouts import layout_of



@pytest.fixture(scope='module')
def deck():
    return layout_of('dalmine-presentazione-2021.pdf')


@pytest.fixture(scope='module')
def deck_esiti(deck):
    return esiti_slide.extract(deck)


def test_every_project_row_becomes_an_esito(deck, deck_esiti):
    rows = sum(len(t.rows) - 1 for p in deck.pages for t in p.tables if esiti_slide._header(t))
    assert rows > 30 and len(deck_esiti.esiti) == rows
    assert not deck_esiti.anomalie


def test_stato_follows_the_hue_of_the_esito_cell(deck_esiti):
    from extract.colors import colour_word
    expected = {'verde': 'raggiunto', 'giallo': 'parziale', 'rosso': 'non_raggiunto'}
    for e in deck_esiti.esiti:
        assert stato(e.fields['stato']) == expected[colour_word(e.colore)]
    assert {stato(e.fields['stato']) for e in deck_esiti.esiti} == set(expected.values())


def test_macroarea_is_the_slide_title_and_triennio_the_one_evaluated(deck, deck_esiti):
    for e in deck_esiti.esiti:
        assert '(1/2)' not in e.fields['macroarea'] and '(2/2)' not in e.fields['macroarea']
        assert e.fields['macroarea'].split()[0] in deck.page(e.pagina).text
        assert e.fields['triennio_valutato'] == '2018-2020'     # 'attuazione del PdZ 2018-2020', not the 2021-2023 being planned


def _deck(colours, legend_line=None, header=('Progetto', 'Stato di attuazione', 'Criticità')):
    rows = [list(header)] + [[f'Progetto numero {i}', ('', rgb), f'Nota {i}'] for i, rgb in enumerate(colours, 1)]
    pages = [{'title': 'Verifica del Piano di Zona 2018-2020', 'lines': ['Esiti della programmazione 2018-2020']}]
    if legend_line:
        pages.append({'title': 'Legenda', 'lines': [legend_line]})
    pages.append({'title': 'Area anziani (1/2)', 'widths': [260, 110, 200], 'rows': rows})
    return read_layout(table_pages(pages))


def test_generated_deck_other_shades_classify_by_hue():
    # none of these is the corpus's RGB
    ex = esiti_slide.extract(_deck([(0.3, 0.75, 0.2), (0.98, 0.78, 0.15), (0.78, 0.08, 0.18)]))
    assert [stato(e.fields['stato']) for e in ex.esiti] == ['raggiunto', 'parziale', 'non_raggiunto']
    assert ex.esiti[0].fields['macroarea'] == 'Area anziani'
    assert ex.esiti[1].fields['criticita'] == 'Nota 2'
    assert ex.esiti[0].fields['triennio_valutato'] == '2018-2020'


def test_generated_deck_legend_overrides_default():
    ex = esiti_slide.extract(_deck([(0.3, 0.75, 0.2), (0.98, 0.85, 0.1)],
                                   'Legenda: verde = concluso; giallo = non avviato'))
    assert [stato(e.fields['stato']) for e in ex.esiti] == ['raggiunto', 'non_raggiunto']


def test_uncoloured_esito_is_an_anomaly_not_a_guess():
    ex = esiti_slide.extract(_deck([(0.3, 0.75, 0.2), (0.9, 0.9, 0.9)]))
    assert len(ex.esiti) == 1 and len(ex.anomalie) == 1 and 'Progetto numero 2' in ex.anomalie[0].messaggio


def test_tables_without_an_esito_column_are_not_read():
    ex = esiti_slide.extract(_deck([(0.3, 0.75, 0.2)], header=('Progetto', 'Responsabile', 'Note')))
    assert not ex.esiti


def test_legend_drawn_as_swatches_gives_any_hue_its_meaning():
    blue, orange, grey = (0.08, 0.4, 0.75), (0.94, 0.42, 0.0), (0.62, 0.62, 0.62)
    rows = [['Progetto', 'Esito', 'Note']] + [[f'Progetto {i}', ('', c), ''] for i, c in enumerate((blue, orange, grey))]
    layout = read_layout(table_pages([{'title': 'Area minori', 'widths': [260, 110, 200], 'rows': rows,
                                       'swatches': [(blue, 'Obiettivo raggiunto'), (orange, 'Parzialmente raggiunto'),
                                                    (grey, 'Non raggiunto')]}]))
    ex = esiti_slide.extract(layout)
    assert [stato(e.fields['stato']) for e in ex.esiti] == ['raggiunto', 'parziale', 'non_raggiunto']


# ---------------------------------------------------------------- the status as a (coloured) word
@pytest.mark.parametrize('word,code', [
    ('AVVIATO', 'parziale'), ('In corso', 'parziale'), ('in fase di realizzazione', 'parziale'),
    ('Parzialmente', 'parziale'), ('NON AVVIATO', 'non_raggiunto'), ('Non ancora avviato', 'non_raggiunto'),
    ('Sospeso', 'non_raggiunto'), ('annullato', 'non_raggiunto'), ('REALIZZATO', 'raggiunto'),
    ('Concluso', 'raggiunto'), ('completato', 'raggiunto'), ('avviato e concluso', 'raggiunto')])
def test_status_words(word, code):
    assert stato(word) == code


@pytest.mark.parametrize('raw,code', [
    ('AVVIATO (giallo)', 'parziale'), ('IN VALUTAZIONE (giallo)', 'parziale'),
    ('REALIZZATO (parzialmente raggiunto (giallo))', 'raggiunto'),      # the word before its colour
    ('IN VALUTAZIONE (non raggiunto (rosso))', 'non_raggiunto'),
    ('Obiettivo raggiunto (parzialmente)', 'parziale')])                 # a bracket that is no colour: all words
def test_word_then_its_colour(raw, code):
    assert stato(raw) == code


def _ink_row(word, ink, fill=None):
    from extract.layout import Cell
    cells = [Cell('Progetto di prova', 0, 0, 100, 20), Cell(word, 100, 0, 200, 20, fill), Cell('', 200, 0, 300, 20)]
    cells[1].ink = ink          # the dominant non-black colour of the cell's text (layout.Cell.ink)
    return cells


AMBER, RED, GREEN, NAVY = (0.98, 0.66, 0.15), (0.78, 0.16, 0.16), (0.18, 0.49, 0.2), (0.1, 0.1, 0.3)


@pytest.mark.parametrize('word,ink,code', [
    ('AVVIATO', AMBER, 'parziale'), ('IN VALUTAZIONE', AMBER, 'parziale'), ('IN VALUTAZIONE', RED, 'non_raggiunto'),
    ('REALIZZATO', AMBER, 'raggiunto'), ('IN VALUTAZIONE', NAVY, None)])
def test_coloured_word_decides_then_its_ink(word, ink, code):
    rec = esiti_slide._esito(_ink_row(word, ink), {0: 'titolo', 1: 'esito', 2: 'commento'}, 3, None, None, {}, [])
    assert stato(rec.fields['stato']) == code
    assert (rec.colore is not None) == (ink is not NAVY)


def test_ink_read_through_the_legend():
    rec = esiti_slide._esito(_ink_row('IN VALUTAZIONE', AMBER), {0: 'titolo', 1: 'esito'}, 3, None, None,
                             {'giallo': 'non avviato', 'verde': 'concluso'}, [])
    assert stato(rec.fields['stato']) == 'non_raggiunto'


def test_fill_still_rules_when_the_cell_is_filled():
    rec = esiti_slide._esito(_ink_row('IN VALUTAZIONE', AMBER, fill=GREEN), {0: 'titolo', 1: 'esito'}, 3, None, None, {}, [])
    assert rec.fields['stato'] == 'IN VALUTAZIONE'      # words as written; the text colour is not read over a fill


def _word_deck(cells):
    """A deck slide whose Esito column holds coloured capital words (reportlab <font color>)."""
    import io
    from reportlab.lib.pagesizes import landscape, A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    st = getSampleStyleSheet()['BodyText']
    rows = [[Paragraph('<b>Obiettivo</b>', st), Paragraph('<b>Esito</b>', st)]]
    rows += [[Paragraph(f'Progetto numero {i}', st), Paragraph(f'<font color="{hue}"><b>{w}</b></font>', st)]
             for i, (w, hue) in enumerate(cells, 1)]
    t = Table(rows, colWidths=[400, 150])
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.6, (0, 0, 0))]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4)).build([Paragraph('Area anziani', getSampleStyleSheet()['Title']), t])
    return read_layout(buf.getvalue())


def test_generated_deck_status_words():
    ex = esiti_slide.extract(_word_deck([('REALIZZATO', '#2e7d32'), ('AVVIATO', '#f9a825'), ('NON AVVIATO', '#c62828')]))
    assert [stato(e.fields['stato']) for e in ex.esiti] == ['raggiunto', 'parziale', 'non_raggiunto']


@pytest.mark.skipif(not hasattr(__import__('extract.layout', fromlist=['Cell']).Cell('', 0, 0, 0, 0), 'ink'),
                    reason='extract.layout.Cell.ink (text colour of a cell) not available yet')
def test_generated_deck_unknown_word_read_by_its_ink():
    ex = esiti_slide.extract(_word_deck([('IN VALUTAZIONE', '#2e7d32'), ('IN VALUTAZIONE', '#f9a825'),
                                         ('IN VALUTAZIONE', '#c62828')]))
    assert [stato(e.fields['stato']) for e in ex.esiti] == ['raggiunto', 'parziale', 'non_raggiunto']


# ---------------------------------------------------------------- other decks' wording and layouts
def test_paraphrased_columns_valutazione_and_note_critiche():
    ex = esiti_slide.extract(_deck([(0.3, 0.75, 0.2), (0.78, 0.08, 0.18)],
                                   header=('Intervento', 'Valutazione', 'Note critiche')))
    assert [stato(e.fields['stato']) for e in ex.esiti] == ['raggiunto', 'non_raggiunto']
    assert ex.esiti[1].fields['criticita'] == 'Nota 2' and 'commento' not in ex.esiti[1].fields


@pytest.mark.parametrize('header', [('Progetto', 'Giudizio', 'Note'), ('Progetto', 'Esito finale', 'Note'),
                                    ('Attività', 'Semaforo', 'Criticità riscontrate')])
def test_other_outcome_headers(header):
    assert len(esiti_slide.extract(_deck([(0.3, 0.75, 0.2)], header=header)).esiti) == 1


def test_expected_results_column_is_not_an_outcome():
    ex = esiti_slide.extract(_deck([(0.3, 0.75, 0.2)], header=('Obiettivo', 'Risultati attesi', 'Note')))
    assert not ex.esiti


def _canvas_deck(draw) -> bytes:
    import io
    from reportlab.lib.pagesizes import landscape, A4
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=landscape(A4))
    draw(c, *landscape(A4))
    c.save()
    return buf.getvalue()


def _grid(c, x, y, widths, rows, size=9):
    """A ruled table at (x, y) top-left; a cell is text or (text, fill)."""
    for row in rows:
        cx = x
        for cell, w in zip(row, widths):
            text, fill = (cell, None) if isinstance(cell, str) else cell
            if fill is not None:
                c.setFillColorRGB(*fill)
            c.rect(cx, y - 24, w, 24, stroke=1, fill=1 if fill is not None else 0)
            c.setFillColorRGB(0, 0, 0)
            c.setFont('Helvetica-Bold' if row is rows[0] else 'Helvetica', size)
            c.drawString(cx + 4, y - 15, text)
            cx += w
        y -= 24


PASTEL = {'verde': (0.66, 0.82, 0.56), 'sabbia': (1.0, 0.9, 0.6), 'salmone': (0.96, 0.69, 0.52)}


def test_legend_slide_of_shapes_applies_to_the_whole_deck():
    """Salmon is an orange hue ('parziale' by default): the deck's legend slide, big coloured shapes
    each beside its centred words, says it means 'non raggiunto'."""
    def draw(c, w, h):
        c.setFont('Helvetica-Bold', 26)
        c.drawString(110, h - 70, 'Legenda della colonna Esito')
        for k, (rgb, words) in enumerate([(PASTEL['verde'], 'Obiettivo raggiunto'),
                                          (PASTEL['sabbia'], 'Obiettivo parzialmente raggiunto'),
                                          (PASTEL['salmone'], 'Obiettivo non raggiunto / non avviato')]):
            y = h - 190 - 72 * k
            c.setFillColorRGB(*rgb)
            c.rect(108, y, 58, 43, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
            c.setFont('Helvetica', 20)
            c.drawCentredString(480, y + 15, words)
        c.showPage()
        c.setFont('Helvetica-Bold', 24)
        c.drawString(50, h - 70, 'Progetti area anziani')
        _grid(c, 30, h - 110, [420, 120, 250], [['Intervento', 'Valutazione', 'Note critiche']] +
              [[f'Progetto {k}', ('', PASTEL[t]), ''] for k, t in enumerate(('verde', 'sabbia', 'salmone'))])
        c.showPage()
    ex = esiti_slide.extract(read_layout(_canvas_deck(draw)))
    assert [stato(e.fields['stato']) for e in ex.esiti] == ['raggiunto', 'parziale', 'non_raggiunto']
    assert all(e.pagina == 2 for e in ex.esiti)


def _side_by_side(captions, title='Stato di attuazione dei progetti 2018-2020'):
    green, red = (0.44, 0.68, 0.28), (0.75, 0.0, 0.0)

    def draw(c, w, h):
        c.setFont('Helvetica-Bold', 24)
        c.drawString(70, h - 70, title)
        c.setFont('Helvetica-Bold', 16)
        for x, caption in zip((43, 498), captions):
            if caption:
                c.drawString(x, h - 115, caption)
        head = ['Progetto', 'Esito', 'Criticità', '', 'Progetto', 'Esito', 'Criticità']
        body = [['Sportello lavoro', ('', green), 'Nessuna', '', 'Centro diurno', ('', red), 'Costi'],
                ['Voucher famiglie', ('', red), '', '', 'Trasporto sociale', ('', green), '']]
        _grid(c, 29, h - 140, [228, 60, 152, 22, 228, 60, 152], [head] + body)
        c.showPage()
    return read_layout(_canvas_deck(draw))


def test_tables_side_by_side_are_split_where_the_header_repeats():
    layout = _side_by_side(['Area lavoro e inclusione', 'Area anziani e disabili'])
    ex = esiti_slide.extract(layout)
    got = {e.fields['titolo']: (stato(e.fields['stato']), e.fields['macroarea']) for e in ex.esiti}
    assert got == {'Sportello lavoro': ('raggiunto', 'Area lavoro e inclusione'),
                   'Voucher famiglie': ('non_raggiunto', 'Area lavoro e inclusione'),
                   'Centro diurno': ('non_raggiunto', 'Area anziani e disabili'),
                   'Trasporto sociale': ('raggiunto', 'Area anziani e disabili')}
    assert next(e for e in ex.esiti if e.fields['titolo'] == 'Centro diurno').fields['criticita'] == 'Costi'


def test_side_by_side_without_captions_take_the_slide_title():
    ex = esiti_slide.extract(_side_by_side([None, None], title='Area minori e famiglia'))
    assert len(ex.esiti) == 4 and {e.fields['macroarea'] for e in ex.esiti} == {'Area minori e famiglia'}


def test_wrapped_cover_subtitle_gives_the_triennio():
    def draw(c, w, h):
        c.setFont('Helvetica', 44)
        c.drawCentredString(w / 2, h - 200, 'Ambito di Bergamo')
        c.setFont('Helvetica', 32)
        for k, text in enumerate(('Piano di Zona 2021-2023', 'Verifica dei progetti della', 'triennalità 2018-2020')):
            c.drawCentredString(w / 2, h - 330 - 40 * k, text)
        c.showPage()
        c.setFont('Helvetica-Bold', 24)
        c.drawString(50, h - 70, 'Progetti area anziani')
        _grid(c, 30, h - 110, [420, 120, 250], [['Progetto', 'Esito', 'Criticità'], ['Centro diurno', ('', (0.4, 0.7, 0.3)), '']])
        c.showPage()
    ex = esiti_slide.extract(read_layout(_canvas_deck(draw)))
    assert [e.fields['triennio_valutato'] for e in ex.esiti] == ['2018-2020']
