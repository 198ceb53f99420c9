"""Monitoring matrix: the Treviglio corpus matrix, and matrices generated here with reportlab
in the original layout and in another Ambito's (columns reordered and renamed, a two-row
header with merged cells) -- both must give the same indicators."""
import io
import re

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from extract.families import matrice_monitoraggio as mm
from extract.layout import read_layout
from normalize.records import _date
from fixtures.corpus_layouts import layout_of


@pytest.fixture(scope='module')
def treviglio():
    return mm.extract(layout_of('treviglio-matrice-monitoraggio-2025.pdf'))


def one_line(s):
    return ' '.join((s or '').split())


def test_corpus_rows(treviglio):
    inds = treviglio.indicatori
    numeri = [int(i.fields['numero']) for i in inds]
    assert sorted(numeri) == list(range(1, len(numeri) + 1)) and len(numeri) >= 40
    assert {i.tipo for i in inds} <= {'processo', 'output', 'outcome'}
    assert all(i.pagina for i in inds)
    assert not treviglio.anomalie


def test_corpus_row_broken_across_pages_is_joined(treviglio):
    # indicator 32 starts on page 1 and carries on, without a number, at the top of page 2
    i32 = next(i for i in treviglio.indicatori if i.fields['numero'] == '32')
    assert one_line(i32.testo).endswith('Indicatori di monitoraggio/esito')
    assert 'ridefinizione non possibile (indicatore definito da DGR)' == one_line(i32.fields['ridefinizione'])
    assert i32.pagina == 1


def test_corpus_columns_by_meaning(treviglio):
    i26 = next(i for i in treviglio.indicatori if i.fields['numero'] == '26')
    assert i26.fields['atteso_anno1'] == '≥ 50%' and i26.fields['atteso_anno2'] == '≥ 75%'
    assert i26.fields['baseline'] == 'non prevista' and i26.fields['frequenza'] == 'annuale'
    assert [c for _, c in i26.rilevazioni] == ['100%']
    # the measurement column is dated by its header ('31/11/2025' -> the last day of November)
    assert str(_date(i26.rilevazioni[0][0])) == '2025-11-30'


@pytest.mark.parametrize('header,field', [
    ('#', 'numero'), ('N.', 'numero'), ('Indicatore', 'testo'), ('Descrizione indicatore', 'testo'),
    ('Tipologia', 'tipo'), ('Tipo di indicatore', 'tipo'), ('Area di policy', 'policy'),
    ('Dato rilevato ad inizio Piano di Zona: al 31/12/2024', 'baseline'), ('Baseline', 'baseline'),
    ('I rilevazione: dato al 31/11/2025', 'rilevazione'), ('Valore rilevato al 30/06/2026', 'rilevazione'),
    ('risultati attesi II anno', 'atteso'), ('Target anno 1', 'atteso'),
    ('eventuale ridefinizione risultati attesi II anno', 'ridefinizione'),
    ('responsabile rilevazione', 'responsabile'), ('Periodicità', 'frequenza'),
    ('note esplicative al 31/11/2025', 'note'), ('Osservazioni', 'note'), ('Colore preferito', None),
    # how or where a value is measured is not a measurement
    ('Strumento di rilevazione', None), ('Modalità di rilevazione', None), ('Fonte dei dati', None),
    ('Data rilevazione', None), ('Tempi di rilevazione', 'frequenza'),
    ('Indicatore e modalità di calcolo', 'testo'), ('Baseline (fonte: ISTAT)', 'baseline'),
])
def test_column_field(header, field):
    assert mm.column_field(header) == field


# ---------------------------------------------------------------- generated matrices
ROWS = [
    {'numero': str(n), 'testo': f'Numero di progetti individualizzati attivati nell\'area {n} rispetto alle '
                                f'valutazioni multidimensionali effettuate dalle equipe integrate di Ambito e ASST',
     'policy': f'LEPS Reg. Lomb. - Politica {n}', 'tipo': ('processo', 'output', 'outcome')[n % 3],
     'baseline': 'non prevista' if n % 2 else f'{n}%', 'rilevazione': f'{10 + n}%',
     'atteso_anno1': f'>= {n}%', 'atteso_anno2': f'>= {n + 20}%', 'ridefinizione': 'ridefinizione non possibile',
     'responsabile': f'Referente Area {n} ente capofila', 'frequenza': 'annuale',
     'note': '' if n % 4 else f'Nota esplicativa numero {n} sul dato rilevato nel corso dell\'anno.'}
    for n in range(1, 15)
]
ORIGINAL = [('numero', '#'), ('testo', 'Indicatore'), ('policy', 'policy'), ('tipo', 'tipologia'),
            ('baseline', 'Dato rilevato ad inizio Piano di Zona: al 31/12/2024'),
            ('rilevazione', 'I rilevazione: dato al 31/11/2025'), ('atteso_anno1', 'risultati attesi I anno'),
            ('atteso_anno2', 'risultati attesi II anno'),
            ('ridefinizione', 'eventuale ridefinizione risultati attesi II anno'),
            ('responsabile', 'responsabile rilevazione'), ('frequenza', 'frequenza rilevazione'),
            ('note', 'note esplicative al 31/11/2025')]
# another Ambito: other order, other names, two header rows with merged group cells
OTHER_TOP = ['N.', 'Tipo di indicatore', 'Descrizione indicatore', 'Valori attesi', '', 'Monitoraggio', '',
             'Area di policy', 'Referente', 'Periodicità', 'Revisione target', 'Osservazioni']
OTHER_LOW = ['', '', '', 'anno II', 'anno I', 'Baseline 31/12/2024', 'Rilevazione al 30/11/2025',
             '', '', '', '', '']
OTHER_FIELDS = ['numero', 'tipo', 'testo', 'atteso_anno2', 'atteso_anno1', 'baseline', 'rilevazione',
                'policy', 'responsabile', 'frequenza', 'ridefinizione', 'note']


WIDTHS = {'numero': 22, 'testo': 120, 'policy': 70, 'tipo': 50, 'baseline': 60, 'rilevazione': 60,
          'atteso_anno1': 55, 'atteso_anno2': 55, 'ridefinizione': 60, 'responsabile': 60, 'frequenza': 45,
          'note': 80}


def _pdf(header_rows, fields, spans=(), rows=None):
    style = getSampleStyleSheet()['BodyText']
    style.fontSize, style.leading = 7, 8
    cell = lambda t: Paragraph(t, style) if t else ''
    data = [[cell(h) for h in row] for row in header_rows]
    data += [[cell(r[f]) for f in fields] for r in rows or ROWS]
    t = Table(data, colWidths=[WIDTHS[f] for f in fields], repeatRows=len(header_rows))
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, (0, 0, 0)), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                           *[('SPAN', a, b) for a, b in spans]]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=30, rightMargin=30).build([t])
    return buf.getvalue()


def _original_pdf():
    return _pdf([[h for _, h in ORIGINAL]], [f for f, _ in ORIGINAL])


def _other_pdf():
    spans = [((c, 0), (c, 1)) for c in (0, 1, 2, 7, 8, 9, 10, 11)] + [((3, 0), (4, 0)), ((5, 0), (6, 0))]
    return _pdf([OTHER_TOP, OTHER_LOW], OTHER_FIELDS, spans)


def _as_rows(ex):
    out = {}
    for i in ex.indicatori:
        rec = {k: one_line(v) for k, v in i.fields.items()}
        rec.update(testo=one_line(i.testo), tipo=i.tipo,
                   rilevazioni=[(_date(h), one_line(c)) for h, c in i.rilevazioni])
        out[rec['numero']] = rec
    return out


@pytest.fixture(scope='module')
def generated():
    return (_as_rows(mm.extract(read_layout(_original_pdf()))), _as_rows(mm.extract(read_layout(_other_pdf()))))


def test_generated_matrix_spans_pages_with_repeated_header():
    layout = read_layout(_original_pdf())
    assert len(layout.pages) >= 2 and all(p.landscape for p in layout.pages)


def test_generated_original_layout(generated):
    original, _ = generated
    assert sorted(original, key=int) == [r['numero'] for r in ROWS]
    for r in ROWS:
        got = original[r['numero']]
        for f in ('testo', 'policy', 'tipo', 'baseline', 'atteso_anno1', 'atteso_anno2', 'responsabile', 'note'):
            assert got[f] == r[f], f
        assert got['rilevazioni'][0][1] == r['rilevazione']


def test_reordered_two_row_header_gives_the_same_rows(generated):
    original, other = generated
    assert set(other) == set(original)
    for n, rec in original.items():
        o = other[n]
        for f in ('testo', 'policy', 'tipo', 'baseline', 'atteso_anno1', 'atteso_anno2', 'ridefinizione',
                  'responsabile', 'frequenza', 'note'):
            assert o[f] == rec[f], (n, f)
        assert [c for _, c in o['rilevazioni']] == [c for _, c in rec['rilevazioni']]
        assert str(o['rilevazioni'][0][0]) == '2025-11-30'


def test_unmapped_column_is_an_anomaly():
    fields = [f for f, _ in ORIGINAL] + ['colore']
    rows = [dict(r, colore='blu') for r in ROWS[:3]]     # a copy: ROWS serves other tests
    headers = [h for _, h in ORIGINAL] + ['Colore preferito']
    data = [headers] + [[r[f] for f in fields] for r in rows]
    t = Table(data, repeatRows=1)
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, (0, 0, 0)), ('FONTSIZE', (0, 0), (-1, -1), 5)]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=10, rightMargin=10).build([t])
    ex = mm.extract(read_layout(buf.getvalue()))
    assert len(ex.indicatori) == 3
    assert any(re.search('Colore preferito', a.messaggio) for a in ex.anomalie)


def test_table_without_matrix_header_is_ignored():
    t = Table([['Nome', 'Cognome'], ['Mario', 'Rossi']])
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, (0, 0, 0))]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf).build([t])
    assert len(mm.extract(read_layout(buf.getvalue()))) == 0


# ---------------------------------------------------------------- repeated two-row header (harness item 11)
YEAR_TOP = ['N.', 'Descrizione indicatore', 'Tipologia', 'Valori attesi', '', 'Referente']
YEAR_LOW = ['', '', '', '2025', '2026', '']
YEAR_FIELDS = ['numero', 'testo', 'tipo', 'atteso_anno1', 'atteso_anno2', 'responsabile']
YEAR_SPANS = [((c, 0), (c, 1)) for c in (0, 1, 2, 5)] + [((3, 0), (4, 0))]


def _year_rows():
    return [{**r, 'atteso_anno1': 'nullo' if int(r['numero']) % 2 else r['atteso_anno1']} for r in ROWS]


def test_lower_header_row_naming_nothing_new_is_header():
    """'2025 | 2026' under a merged 'Valori attesi' adds no field, yet it is header: repeated at
    the top of every page it must never be glued to the last indicator of the page before."""
    rows = _year_rows()
    layout = read_layout(_pdf([YEAR_TOP, YEAR_LOW], YEAR_FIELDS, YEAR_SPANS, rows))
    assert len(layout.pages) >= 2
    got = _as_rows(mm.extract(layout))
    assert sorted(got, key=int) == [r['numero'] for r in rows]
    for r in rows:
        assert got[r['numero']]['atteso_anno1'] == r['atteso_anno1']
        assert got[r['numero']]['atteso_anno2'] == r['atteso_anno2']
    assert all('2025' not in g['atteso_anno1'] and '2026' not in g['atteso_anno2'] for g in got.values())


def test_header_repeated_in_another_shape_is_skipped_by_its_text():
    """Page 2 repeats the two header rows, but unmerged and in capitals: recognised by their
    (folded) text, not by their shape, and skipped."""
    from reportlab.platypus import PageBreak
    style = getSampleStyleSheet()['BodyText']
    style.fontSize, style.leading = 7, 8
    cell = lambda t: Paragraph(t, style) if t else ''   # noqa: E731
    widths = [WIDTHS[f] for f in YEAR_FIELDS]
    grid = [('GRID', (0, 0), (-1, -1), 0.5, (0, 0, 0)), ('VALIGN', (0, 0), (-1, -1), 'TOP')]
    body = lambda rs: [[cell(r[f]) for f in YEAR_FIELDS] for r in rs]   # noqa: E731
    first = Table([[cell(h) for h in YEAR_TOP], [cell(h) for h in YEAR_LOW]] + body(ROWS[:3]), colWidths=widths)
    first.setStyle(TableStyle(grid + [('SPAN', a, b) for a, b in YEAR_SPANS]))
    second = Table([[cell(h.upper()) for h in YEAR_TOP], [cell(h) for h in YEAR_LOW]] + body(ROWS[3:6]),
                   colWidths=widths)
    second.setStyle(TableStyle(grid))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4)).build([first, PageBreak(), second])
    ex = mm.extract(read_layout(buf.getvalue()))
    got = _as_rows(ex)
    assert sorted(got, key=int) == [r['numero'] for r in ROWS[:6]]
    assert got['3']['atteso_anno1'] == ROWS[2]['atteso_anno1']
    assert not ex.anomalie


def test_measurement_tool_column_is_no_measurement():
    """A 'Strumento di rilevazione' column holds how the value is collected: no rilevazione
    comes from it; it is reported as a column not stored."""
    fields = [f for f, _ in ORIGINAL] + ['strumento']
    headers = [h for _, h in ORIGINAL] + ['Strumento di rilevazione']
    rows = [{**r, 'strumento': 'questionario'} for r in ROWS[:3]]
    t = Table([headers] + [[r[f] for f in fields] for r in rows], repeatRows=1)
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, (0, 0, 0)), ('FONTSIZE', (0, 0), (-1, -1), 5)]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=10, rightMargin=10).build([t])
    ex = mm.extract(read_layout(buf.getvalue()))
    assert len(ex.indicatori) == 3
    assert all([c for _, c in i.rilevazioni] == [r['rilevazione']] for i, r in zip(ex.indicatori, rows))
    assert any('Strumento di rilevazione' in a.messaggio for a in ex.anomalie)


# ---------------------------------------------------------------- policy as full-width section rows
SEZ_FIELDS = [f for f, _ in ORIGINAL if f != 'policy']
SEZ_HEAD = [h for f, h in ORIGINAL if f != 'policy']


def _sezioni_pdf(merged: bool, policies=('LEPS Pronto intervento sociale', 'Politiche abitative', 'Domiciliarità')):
    """A matrix without a policy column: a full-width row (merged across the table, or only its
    first cell written) names the policy of the indicators below it; spans two pages."""
    style = getSampleStyleSheet()['BodyText']
    style.fontSize, style.leading = 7, 8
    cell = lambda t: Paragraph(t, style) if t else ''   # noqa: E731
    data, spans, want = [[cell(h) for h in SEZ_HEAD]], [], {}
    for k, r in enumerate(ROWS):
        policy = policies[k * len(policies) // len(ROWS)]
        if not want or policy != list(want.values())[-1]:
            data.append([cell(policy)] + [''] * (len(SEZ_FIELDS) - 1))
            if merged:
                spans.append(((0, len(data) - 1), (-1, len(data) - 1)))
        data.append([cell(r[f]) for f in SEZ_FIELDS])
        want[r['numero']] = policy
    t = Table(data, colWidths=[WIDTHS[f] for f in SEZ_FIELDS], repeatRows=1)
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, (0, 0, 0)), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                           *[('SPAN', a, b) for a, b in spans]]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=30, rightMargin=30).build([t])
    return buf.getvalue(), want


@pytest.mark.parametrize('merged', [True, False])
def test_section_rows_are_the_policy_of_the_rows_below(merged):
    pdf, want = _sezioni_pdf(merged)
    layout = read_layout(pdf)
    assert len(layout.pages) >= 2
    ex = mm.extract(layout)
    got = _as_rows(ex)
    assert sorted(got, key=int) == sorted(want, key=int)      # no header or section row taken as data
    squeeze = lambda s: ''.join((s or '').split())    # noqa: E731 -- an unmerged first cell wraps mid-word
    assert {n: squeeze(g.get('policy')) for n, g in got.items()} == {n: squeeze(p) for n, p in want.items()}
    assert got['1']['testo'] == ROWS[0]['testo'] and got['1']['atteso_anno1'] == ROWS[0]['atteso_anno1']
    assert not any('senza indicatore' in a.messaggio for a in ex.anomalie)


def test_section_row_under_the_header_is_no_header_row():
    pdf, _ = _sezioni_pdf(True)
    layout = read_layout(pdf)
    t = layout.pages[0].tables[0]
    m = mm.header_mapping(t)
    assert m.n_header_rows == 1 and 'policy' not in m.fields.values()
    assert m.fields[0] == 'numero'


@pytest.mark.parametrize('header,field', [
    ('Freque\nnza', 'frequenza'), ('Tipolo\ngia', 'tipo'), ('Indicato\nre', 'testo'),
    ('Responsa\nbile', 'responsabile'), ('Unità di\nmisura', None)])
def test_header_wrapped_mid_word(header, field):
    assert mm.column_field(header) == field


def test_narrow_columns_wrapping_header_words():
    """Columns so narrow that 'Tipologia' and 'Frequenza' break mid-word are still mapped."""
    style = getSampleStyleSheet()['BodyText']
    style.fontSize, style.leading = 7, 8
    cell = lambda t: Paragraph(t, style) if t else ''   # noqa: E731
    heads = ['N.', 'Indicatore', 'Tipologia', 'Baseline', 'Target I anno', 'Frequenza']
    fields = ['numero', 'testo', 'tipo', 'baseline', 'atteso_anno1', 'frequenza']
    t = Table([[cell(h) for h in heads]] + [[cell(r[f]) for f in fields] for r in ROWS[:4]],
              colWidths=[20, 150, 30, 60, 60, 30])
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, (0, 0, 0)), ('VALIGN', (0, 0), (-1, -1), 'TOP')]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4)).build([t])
    layout = read_layout(buf.getvalue())
    header = [c.text for c in layout.pages[0].tables[0].rows[0]]
    assert any('\n' in h for h in header[2:3] + header[5:6])      # the words did wrap
    got = _as_rows(mm.extract(layout))
    assert sorted(got, key=int) == ['1', '2', '3', '4']
    squeeze = lambda s: ''.join((s or '').split())    # noqa: E731 -- the values wrap too
    assert [squeeze(got[r['numero']]['frequenza']) for r in ROWS[:4]] == [r['frequenza'] for r in ROWS[:4]]
    assert [squeeze(got[r['numero']]['tipo']) for r in ROWS[:4]] == [r['tipo'] for r in ROWS[:4]]


# ---------------------------------------------------------------- words broken by narrow cells (round 3b)
@pytest.mark.parametrize('text,want', [
    ('process\no', 'processo'), ('outcom\ne', 'outcome'), ('Annotazion\ni', 'Annotazioni'),
    ('protocollo/procedur\na in sede', 'protocollo/procedura in sede'),
    ("dell'allontana\nmento", "dell'allontanamento"), ('Tipo\nindicat\nore', 'Tipo\nindicatore'),
    ('aggiorname\nnto e\ncondivisione', 'aggiornamento e\ncondivisione'),
    # whole words stay apart: 'e' + 'state' is no 'estate', 'o' is a word
    ('e\nstate', 'e\nstate'), ('Definizione o\naggiornamento', 'Definizione o\naggiornamento'),
    ('ente\ncapofila', 'ente\ncapofila'), ('non\nprevista', 'non\nprevista'), ('Area\nFragilità', 'Area\nFragilità'),
])
def test_words_broken_mid_word_are_joined(text, want):
    from extract.parole import mend_broken_words
    assert mend_broken_words(text) == want


@pytest.mark.parametrize('header,field', [('Annotazion\ni', 'note'), ('Tipo\nindicat\nore', 'tipo'),
                                          ('Periodi\ncità di\nrilevazi\none', 'frequenza')])
def test_header_broken_mid_word_by_libreoffice(header, field):
    from extract.parole import mend_broken_words
    assert mm.column_field(mend_broken_words(header)) == field


# ---------------------------------------------------------------- hand-built layouts
def _table(page, rows, edges, top=40.0, height=30.0, spans=()):
    """A ruled Table: rows of texts over the column edges; `spans` = row indices written as one
    cell across the whole width (the layout could not split them)."""
    from extract.layout import Cell, Table as LTable
    out = []
    for i, texts in enumerate(rows):
        y = top + i * height
        if i in spans:
            out.append([Cell(texts[0], edges[0], y, edges[-1], y + height)] + [None] * (len(edges) - 2))
        else:
            out.append([Cell(t, edges[k], y, edges[k + 1], y + height) for k, t in enumerate(texts)])
    return LTable(page, (edges[0], top, edges[-1], top + height * len(rows)), out)


def _layout(tables, lines=()):
    from extract.layout import Layout, Page
    pages = [Page(n, 842, 595, [ln for ln in lines if ln.page == n], [t for t in tables if t.page == n])
             for n in range(1, max(t.page for t in tables) + 1)]
    return Layout(pages, {})


CLIP_EDGES = [30, 55, 100, 250, 320, 400, 470, 540]
FULL_HEADER = ['N°', 'Tipo\nindicat\nore', 'Descrizione indicatore', 'Baseline\n(al\n31/12/2024)',
               'Valore\nrilevato al\n30/11/2025', 'Periodi\ncità di\nrilevazione', 'Note']
# LibreOffice clips the vertically merged header cells of a repeated header at the page break:
# what it cuts off falls into the first body row, on top of the row carried over the break
CLIPPED_HEADER = ['N°', 'Tipo\nindicat', 'Descrizione indicatore', 'Baseline\n(al', 'Valore\nrilevato al',
                  'Periodi\ncità di', 'Note']


def _clipped_matrix():
    page1 = _table(1, [FULL_HEADER, ['1', 'process\no', 'Numero di equipe attivate', 'non\nprevista', '3',
                                     'annuale', ''],
                       ['2', 'output', 'Definizione del protocollo', 'non\nprevista', 'No', 'una', '']], CLIP_EDGES)
    page2 = _table(2, [CLIPPED_HEADER,
                       ['', 'ore', 'distrettuale', '31/12/2024)', '30/11/2025', 'rilevazione\ntantum', ''],
                       ['3', 'outcom\ne', 'Riduzione dei tempi di attesa', '10 giorni', '8 giorni', 'annuale',
                        'dato ASST']], CLIP_EDGES)
    return mm.extract(_layout([page1, page2]))


def test_clipped_continuation_header_takes_the_first_pages_columns():
    ex = _clipped_matrix()
    got = {i.fields['numero']: i for i in ex.indicatori}
    assert sorted(got) == ['1', '2', '3']
    assert not ex.anomalie
    # every measurement is dated by the first page's header, also on the clipped page
    assert all('30/11/2025' in h for i in ex.indicatori for h, _ in i.rilevazioni)
    assert [c for _, c in got['3'].rilevazioni] == ['8 giorni']
    # the clipped pieces are header, not data; the rest of that row carries indicator 2 on
    two = got['2']
    assert one_line(two.testo) == 'Definizione del protocollo distrettuale'
    assert two.fields['baseline'] == 'non\nprevista' and [c for _, c in two.rilevazioni] == ['No']
    assert two.fields['frequenza'] == 'una\ntantum'
    assert [i.tipo for i in ex.indicatori] == ['processo', 'output', 'outcome']      # mended mid-word breaks


# ---------------------------------------------------------------- a data row the layout gave as one cell
def _line(page, text, x0, top, size=8.0, spread=1.0):
    from extract.layout import Line
    return Line(page, text, x0, x0 + len(text) * size * 0.5 * spread, top, top + size, size, False, in_table=True)


def test_row_read_as_one_cell_is_an_anomaly_not_a_section_or_lost():
    edges = [30, 60, 200, 260, 330, 400]
    rows = [['N.', 'Indicatore', 'Tipologia', 'Baseline', 'Valore rilevato al 30/11/2025'],
            ['Politiche abitative'],
            ['1', 'Numero di alloggi', 'output', '0', '5'],
            ['2 Numero di sfratti evitati outcome 3 7'],
            ['3', 'Numero di famiglie', 'processo', '4', '6']]
    t = _table(1, rows, edges, spans=(1, 3))
    lines = [_line(1, texts[k], edges[k] + 2, 40 + i * 30 + 2)
             for i, texts in enumerate(rows) if len(texts) > 1 for k in range(len(texts))]
    lines.append(_line(1, rows[1][0], 32, 72))                          # a heading: one run of text
    lines.append(_line(1, rows[3][0], 32, 132, spread=2.2))             # words spread over the columns
    ex = mm.extract(_layout([t], lines))
    assert [(i.fields['numero'], i.fields.get('policy')) for i in ex.indicatori] == [
        ('1', 'Politiche abitative'), ('3', 'Politiche abitative')]
    lost = [a for a in ex.anomalie if 'una sola cella' in a.messaggio]
    assert len(lost) == 1 and lost[0].pagina == 1 and 'Numero di sfratti evitati' in lost[0].messaggio


def test_indicator_text_wrapped_in_a_cell_is_stored_on_one_line():
    from pdz.pipeline import process_bytes
    from conftest import SAMPLES
    res = process_bytes((SAMPLES / 'treviglio-matrice-monitoraggio-2025.pdf').read_bytes(), 'm.pdf')
    assert res.rows['indicatori'] and all('\n' not in i.testo for i in res.rows['indicatori'])


def test_indicator_numbers_are_kept_as_printed():
    from extract.records import Extraction, RawIndicatore
    from normalize.records import normalize
    ex = Extraction(indicatori=[RawIndicatore('Numero di incontri', 'processo', 1, {'numero': n}) for n in ('25', '1.2', 'A3.')])
    rows = normalize(ex, {'documento_id': 'd' * 16})
    assert [r['numero'] for r in rows['indicatori']] == ['25', '1.2', 'A3']
