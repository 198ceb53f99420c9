"""Esiti of the previous triennio in the DGR 2167/2024 schema (corpus plan)."""
from __future__ import annotations

import pytest

from extract.families import esiti_dgr
from extract.families.esiti_dgr import titolo_e_descrizione
from extract.layout import read_layout
from normalize.records import normalize

from fixtures.corpus_layouts import layout_of


@pytest.fixture(scope='module')
def esiti():
    layout = layout_of('alto-sebino-pdz-2025-2027.pdf')
    ex = esiti_dgr.extract(layout)
    return ex, normalize(ex, {'documento_id': 'x'})['esiti']


def test_every_esito_found_with_its_page(esiti):
    ex, rows = esiti
    assert len(rows) == 23
    assert all(17 <= r['pagina'] <= 32 for r in rows)


def test_first_esito_fields(esiti):
    _, rows = esiti
    e = rows[0]
    assert e['titolo'] == "LA PERSONA AL CENTRO QUALE PARTE DI UNA COMUNITA' PROSSIMA"
    assert e['descrizione'].startswith('Percorso di presa in carico multidimensionale')
    assert (e['grado_raggiungimento'], e['giudizio']) == (72, 'sufficiente')
    assert e['coincidenza_risorse'] == 100
    assert (e['continuita_precedente'], e['riproposto']) == ('si', 'parziale')
    assert e['triennio_valutato'] == '2021-2023'
    assert e['macroarea'].startswith('Domiciliarità – Anziani')


def test_macroarea_follows_the_headings(esiti):
    _, rows = esiti
    assert rows[-1]['macroarea'] == 'Digitalizzazione dei servizi'
    assert len({r['macroarea'] for r in rows}) == 4


def test_title_and_description_split():
    assert titolo_e_descrizione("VIVERE LA DISABILITA'\nImplementare la filiera") == \
        ("VIVERE LA DISABILITA'", 'Implementare la filiera')
    assert titolo_e_descrizione('Un titolo in minuscolo') == ('Un titolo in minuscolo', '')


# ---------------------------------------------------------------- layouts of other Ambiti (generated)
def _pdf(story, size=None) -> bytes:
    import io
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=size or landscape(A4), topMargin=40, bottomMargin=40).build(story)
    return buf.getvalue()


def _p(text, size=8, bold=False):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph
    st = ParagraphStyle(f'p{size}{bold}', fontName='Helvetica-Bold' if bold else 'Helvetica', fontSize=size,
                        leading=size * 1.25)
    return Paragraph(text, st)


def _grid(data, widths, repeat=0):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle
    t = Table([[_p(x) for x in r] for r in data], colWidths=widths, repeatRows=repeat, splitInRow=1)
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP')]))
    return t


ESITI = [("VIVERE LA DISABILITA'", 'Domiciliarità e disabilità', 'OUTPUT', '80%', 'buono', 'Turn over', 'Sì'),
         ('WELFARE DI ACCESSO', 'Domiciliarità e disabilità', 'OUTCOME', '22%', 'insufficiente', 'Sportelli', 'In parte'),
         ('ABITARE', 'Politiche abitative', 'OUTPUT', '90%', '', '//', 'No')]


def _one_per_row(rows=ESITI, repeat_pages=1):
    head = ('Obiettivo', 'Area di policy', 'Dimensione', 'Grado di raggiungimento', 'Giudizio', 'Criticità rilevate',
            'Riproposto nel nuovo Piano')
    data = [head] + list(rows) * repeat_pages
    story = [_p('Esiti della programmazione 2021-2023', 14, bold=True), _grid(data, [150, 120, 60, 70, 60, 170, 70], 1)]
    return normalize(esiti_dgr.extract(read_layout(_pdf(story))), {'documento_id': 'x'})['esiti']


def test_one_esito_per_row():
    rows = _one_per_row()
    got = [(r['titolo'], r['macroarea'], r['dimensione'], r['grado_raggiungimento'], r.get('giudizio'), r['riproposto'])
           for r in rows]
    assert got == [("VIVERE LA DISABILITA'", 'Domiciliarità e disabilità', 'OUTPUT', 80, 'buono', 'si'),
                   ('WELFARE DI ACCESSO', 'Domiciliarità e disabilità', 'OUTCOME', 22, 'insufficiente', 'parziale'),
                   ('ABITARE', 'Politiche abitative', 'OUTPUT', 90, None, 'no')]
    assert all(r['triennio_valutato'] == '2021-2023' and r['pagina'] == 1 for r in rows)
    assert rows[0]['criticita'] == 'Turn over'


def test_one_esito_per_row_across_pages():
    """The header repeated on every page is no esito; every row keeps its page."""
    rows = _one_per_row(repeat_pages=12)
    assert len(rows) == 36
    assert all(r['titolo'] for r in rows)
    assert max(r['pagina'] for r in rows) >= 2


def test_header_read_with_the_card_vocabulary():
    from extract.families.esiti_dgr import esiti_header
    from extract.layout import Cell
    cells = lambda *ts: [Cell(t, 0, 0, 0, 0) for t in ts]   # noqa: E731
    assert set(esiti_header(cells('Obiettivo', 'Area', 'Grado di raggiungimento', 'Giudizio', 'Riproposto')).values()) == \
        {'titolo', 'macroarea', 'grado_raggiungimento', 'giudizio', 'riproposto'}
    assert esiti_header(cells('Descrizione attività/progetto', 'Esito', 'Categoria criticità')) is None
    assert esiti_header(cells('Obiettivi', 'Azioni', 'Soggetti', 'Risultati attesi', 'Tempistiche')) is None


def test_card_under_area_heading_and_evaluation_heading():
    """Unnumbered 'Area: ...' headings give the macroarea; 'Valutazione degli obiettivi del triennio
    2021-2023' (no word 'esiti') gives triennio_valutato; 'Obiettivo' is the esito's title."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Spacer
    card = lambda t, g: _grid([('Obiettivo', t), ('Dimensione valutata', 'OUTPUT'),   # noqa: E731
                               ("Grado di raggiungimento dell'obiettivo", g), ('Criticità emerse', 'Nessuna'),
                               ('Sarà riproposto nella prossima programmazione?', 'Sì')], [190, 320])
    story = [_p('Valutazione degli obiettivi del triennio 2021-2023', 15, bold=True), Spacer(1, 8),
             _p('Area: Domiciliarità e anziani', 12, bold=True), card('RETE ANZIANI', '72 % (sufficiente)'),
             Spacer(1, 10), _p('Area: Politiche abitative', 12, bold=True), card('CASA COMUNE', '100 %')]
    rows = normalize(esiti_dgr.extract(read_layout(_pdf(story, A4))), {'documento_id': 'x'})['esiti']
    assert [(r['titolo'], r['macroarea'], r['triennio_valutato'], r['grado_raggiungimento']) for r in rows] == \
        [('RETE ANZIANI', 'Domiciliarità e anziani', '2021-2023', 72),
         ('CASA COMUNE', 'Politiche abitative', '2021-2023', 100)]


# ---------------------------------------------------------------- esiti side by side, one per column
def _side_by_side(columns, label_rows, area_headings=True):
    """Tables with the labels down the first column and one esito per further column."""
    from reportlab.platypus import Spacer
    story = [_p('Valutazione degli obiettivi del Piano di Zona 2021-2023', 14, bold=True), Spacer(1, 8)]
    for area, group in columns:
        if area_headings:
            story += [_p(area, 11, bold=True), Spacer(1, 4)]
        data = [[label] + [e[k] for e in group] for k, label in label_rows]
        story += [_grid(data, [170] + [180] * len(group)), Spacer(1, 10)]
    return normalize(esiti_dgr.extract(read_layout(_pdf(story))), {'documento_id': 'x'})['esiti']


_LABELS_SHORT = [('titolo', 'TITOLO OBIETTIVO'), ('dimensione', 'DIMENSIONE'), ('grado', 'GRADO DI RAGGIUNGIMENTO'),
                 ('criticita', 'CRITICITÀ'), ('bisogno', 'HA RISPOSTO AL BISOGNO?'),
                 ('continuita', 'Continuità'), ('riproposto', 'Riproposto nel 2025-2027?')]


def _esito(t, grado, bisogno, continuita, riproposto):
    return {'titolo': t, 'dimensione': 'OUTPUT', 'grado': grado, 'criticita': f'Criticità di {t.lower()}',
            'bisogno': bisogno, 'continuita': continuita, 'riproposto': riproposto}


def test_esiti_side_by_side_one_per_column():
    """Answers 'SI | NO' side by side are no yes/no option header; each column is its own esito,
    with the area heading above the table and the page of its table."""
    a = [_esito('RETE ANZIANI', '72% - sufficiente', 'Sì, in parte', 'SI', 'NO'),
         _esito('CASA COMUNE', '100%', 'Ha risposto pienamente', 'NO', 'SI'),
         _esito('LAVORO', '40% - insufficiente', 'No', 'SI', 'SI')]
    b = [_esito('GIOVANI', '80% - buono', 'Sì', 'NO', 'NO'), _esito('SCUOLA', '60%', 'In parte', 'SI', 'SI')]
    rows = _side_by_side([('Domiciliarità e anziani', a), ('Politiche giovanili', b)], _LABELS_SHORT)
    got = [(r['titolo'], r['macroarea'], r['grado_raggiungimento'], r['continuita_precedente'], r['riproposto'])
           for r in rows]
    assert got == [('RETE ANZIANI', 'Domiciliarità e anziani', 72, 'si', 'no'),
                   ('CASA COMUNE', 'Domiciliarità e anziani', 100, 'no', 'si'),
                   ('LAVORO', 'Domiciliarità e anziani', 40, 'si', 'si'),
                   ('GIOVANI', 'Politiche giovanili', 80, 'no', 'no'),
                   ('SCUOLA', 'Politiche giovanili', 60, 'si', 'si')]
    assert [r['risposta_bisogno'] for r in rows[:2]] == ['Sì, in parte', 'Ha risposto pienamente']
    assert rows[1]['criticita'] == 'Criticità di casa comune'
    assert all(r['pagina'] == 1 and r['triennio_valutato'] == '2021-2023' for r in rows)


def test_esiti_side_by_side_labels_all_known():
    """The short paraphrases of the form's labels leave no label unrecognised."""
    ex = esiti_dgr.extract(read_layout(_pdf([_grid(
        [[label] + [_esito(t, '50%', 'Sì', 'SI', 'SI')[k] for t in ('UNO', 'DUE')] for k, label in _LABELS_SHORT],
        [170, 180, 180])])))
    assert len(ex.esiti) == 2
    assert not [a.messaggio for a in ex.anomalie if 'etichetta' in a.messaggio]


def test_short_label_paraphrases():
    from extract.labels import field_of
    said = {'HA RISPOSTO AL BISOGNO?': 'risposta_bisogno', 'Continuità': 'continuita_precedente',
            'In continuità?': 'continuita_precedente', 'Riproposto nel 2025-2027?': 'riproposto',
            'Riproposizione': 'riproposto', 'Coinvolgimento ASST': 'asst_analisi',
            'Soddisfazione degli utenti': 'valutazione_utenti', 'Difficoltà incontrate': 'criticita',
            'Risorse stanziate/impegnate': 'coincidenza_risorse', 'Percentuale di raggiungimento': 'grado_raggiungimento',
            'Co-progettazione con ETS': 'coprogettato_ts', 'Intervento sovrambito': 'cooperazione_ambiti'}
    assert {k: field_of(k)[0] for k in said} == said
    # the scheda's question stays the scheda's, a premiale label stays premiale
    assert field_of('Questo intervento a quale/i bisogno/i risponde?')[0] == 'bisogno'
    assert field_of('È in continuità e/o rappresenta il potenziamento di un progetto premiale?')[0] == 'premiale'
    assert field_of("Coinvolgimento di ASST nella realizzazione dell'intervento")[0] == 'asst_realizzazione'


def test_esiti_side_by_side_under_numbered_column_heads():
    """A first row '| Obiettivo 1 | Obiettivo 2' over the columns: each esito's number, not a lost row."""
    data = [['', 'Obiettivo 1', 'Obiettivo 2']] + \
        [[label] + [_esito(t, '50%', 'Sì', 'SI', 'NO')[k] for t in ('UNO', 'DUE')] for k, label in _LABELS_SHORT]
    ex = esiti_dgr.extract(read_layout(_pdf([_grid(data, [170, 180, 180])])))
    assert [e.fields['titolo'] for e in ex.esiti] == ['UNO', 'DUE']
    assert not ex.anomalie


def test_group_row_across_the_table_is_the_macroarea():
    """A row drawn as one cell across a one-esito-per-row table ('Domiciliarità – Anziani') heads the
    esiti below it: their macroarea, never an esito of its own."""
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle
    head = ('Obiettivo', 'Dimensione', 'Grado di raggiungimento', 'Criticità rilevate', 'Riproposto')
    data = [head, ('Domiciliarità – Anziani', '', '', '', ''), ("VIVERE LA DISABILITA'", 'OUTPUT', '80%', 'Turn over', 'Sì'),
            ('WELFARE DI ACCESSO', 'OUTCOME', '22%', 'Sportelli', 'No'),
            ('Politiche abitative', '', '', '', ''), ('ABITARE', 'OUTPUT', '90%', '//', 'No')]
    t = _grid(data, [200, 80, 90, 200, 80])
    t.setStyle(TableStyle([('SPAN', (0, r), (-1, r)) for r in (1, 4)] +
                          [('BACKGROUND', (0, r), (-1, r), colors.HexColor('#fce4d6')) for r in (1, 4)]))
    rows = normalize(esiti_dgr.extract(read_layout(_pdf([_p('Esiti della programmazione 2021-2023', 14, bold=True), t]))),
                     {'documento_id': 'x'})['esiti']
    assert [(r['titolo'], r['macroarea']) for r in rows] == \
        [("VIVERE LA DISABILITA'", 'Domiciliarità – Anziani'), ('WELFARE DI ACCESSO', 'Domiciliarità – Anziani'),
         ('ABITARE', 'Politiche abitative')]
