"""Six-column objective tables of older plans."""

import pytest

from extract.families import tabella_obiettivi
from extract.layout import read_layout
from pdf_tabelle import table_pages
from fixtures.corpus_layouts import layout_of



@pytest.fixture(scope='module')
def plan():
    return layout_of('treviglio-pdz-2018-2020.pdf')


@pytest.fixture(scope='module')
def obiettivi(plan):
    return tabella_obiettivi.extract(plan).obiettivi


def test_one_objective_per_filled_objective_cell(plan, obiettivi):
    assert len(obiettivi) > 20
    for o in obiettivi:
        assert o.livello == 'ambito' and o.azioni
        assert o.fields['titolo'][0].isupper()           # a title broken by a page end is rejoined
        assert o.pagina_inizio <= o.pagina_fine <= o.pagina_inizio + 1
    assert all(i.tipo == 'output' for o in obiettivi for i in o.indicatori)
    assert sum(len(o.indicatori) for o in obiettivi) > 20


def test_every_action_and_result_is_an_item(obiettivi):
    for o in obiettivi:
        for a in o.azioni + o.indicatori:
            assert a.testo and '\uf0b7' not in a.testo and '\n' not in a.testo


def test_plans_without_such_tables_give_nothing():
    deck = layout_of('dalmine-presentazione-2021.pdf')
    assert not tabella_obiettivi.extract(deck).obiettivi


def test_generated_table_columns_by_meaning_and_objective_across_pages():
    header = ['Tempi', 'Obiettivo specifico', 'Azioni previste', 'Risultati attesi', 'Attori coinvolti']
    widths = [90, 170, 200, 170, 120]
    p1 = [header,
          ['2024', 'Ridurre la solitudine\ndegli anziani', '- Centri diurni aperti\n- Telefonate amiche', '- 100 anziani raggiunti', 'Comuni'],
          ['2025', 'Sostenere i caregiver', '- Sportello', '', 'ASST']]
    p2 = [header,
          ['2026', '', 'per famiglie\n- Gruppi di auto aiuto', '- 3 gruppi attivi', 'Terzo settore']]
    ex = tabella_obiettivi.extract(read_layout(table_pages([{'title': 'Obiettivi 2024-2026', 'widths': widths, 'rows': p1},
                                                            {'widths': widths, 'rows': p2}])))
    assert [o.fields['titolo'] for o in ex.obiettivi] == ['Ridurre la solitudine degli anziani', 'Sostenere i caregiver']
    first, second = ex.obiettivi
    assert [a.testo for a in first.azioni] == ['Centri diurni aperti', 'Telefonate amiche']
    assert [i.testo for i in first.indicatori] == ['100 anziani raggiunti']
    assert [a.testo for a in second.azioni] == ['Sportello per famiglie', 'Gruppi di auto aiuto']   # item cut by the page end
    assert (second.pagina_inizio, second.pagina_fine) == (1, 2)
    assert second.fields['tempi'] == '2025\n2026' and 'Terzo settore' in second.fields['soggetti']


def test_table_without_actions_column_is_not_ours():
    rows = [['Obiettivo', 'Indicatore', 'Baseline'], ['Ridurre la solitudine', 'n. anziani', '10']]
    assert not tabella_obiettivi.extract(read_layout(table_pages([{'widths': [200, 200, 100], 'rows': rows}]))).obiettivi


def test_area_rows_across_the_table_are_no_objectives():
    """'AREA DISABILITÀ' drawn across all six columns heads the objectives below it."""
    import io
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle
    head = ['Obiettivo', 'Interventi', 'Attori', 'Esiti attesi', 'Tempi', 'Risorse']
    row = lambda t: [t, '- Consolidamento', '- Comuni', '- 3 interventi', '2018-2020', '- FNPS']   # noqa: E731
    data = [head, ['AREA MINORI E FAMIGLIA'] + [''] * 5, row('Garantire equità'), row('Favorire la partecipazione'),
            ['AREA DISABILITÀ'] + [''] * 5, row('Programmare il Dopo di Noi')]
    t = Table(data, colWidths=[170, 120, 90, 110, 70, 80])
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black)] +
                          [('SPAN', (0, r), (-1, r)) for r in (1, 4)]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4)).build([t])
    ex = tabella_obiettivi.extract(read_layout(buf.getvalue()))
    assert [(o.fields['titolo'], o.fields.get('macroarea')) for o in ex.obiettivi] == \
        [('Garantire equità', 'AREA MINORI E FAMIGLIA'), ('Favorire la partecipazione', 'AREA MINORI E FAMIGLIA'),
         ('Programmare il Dopo di Noi', 'AREA DISABILITÀ')]


def test_row_cut_by_the_page_carries_on_whatever_the_case_of_its_title():
    """The page break cut a row: on the next page its title goes on in capitals ('REI e ...') while its
    other cells go on mid-sentence -- one objective, not two."""
    header = ['Obiettivo', 'Interventi', 'Attori', 'Esiti attesi', 'Tempi']
    widths = [170, 170, 120, 120, 90]
    p1 = [header, ['Affinare il modello\ndi presa in carico', '- Consolidamento degli interventi', '- Comuni',
                   '- Almeno 13 interventi', 'Triennio']]
    p2 = [header, ['REI e di integrarlo\ncon il NIL', 'in essere\n- Nuove azioni di rete', '- Terzo Settore',
                   'attivati', '2018-2020'],
          ['Sostenere le famiglie', '- Gruppi', '- Consultorio', '- 3 gruppi', '2019']]
    ex = tabella_obiettivi.extract(read_layout(table_pages([{'widths': widths, 'rows': p1}, {'widths': widths, 'rows': p2}])))
    assert [o.fields['titolo'] for o in ex.obiettivi] == \
        ['Affinare il modello di presa in carico REI e di integrarlo con il NIL', 'Sostenere le famiglie']
    assert [a.testo for a in ex.obiettivi[0].azioni] == ['Consolidamento degli interventi in essere', 'Nuove azioni di rete']
