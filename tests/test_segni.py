"""Marks matched to their option by position, and the rows of tables no rule parts, on documents
the combinatorial generator draws (tests/variants/combinatorio.py): option titles over a column
of marks in a rules-only card ('SI   NO   IN PARTE', ✓ under one), options listed one per line
beside a column of marks, a ruled table's column titles repeated at the head of each page."""
from __future__ import annotations

import pytest

from extract.layout import read_layout
from extract.registry import extract_all
from extract.tables import table_runs
from extract.text import fold
from normalize.values import si_no, stato
from variants import combinatorio as C

_SCELTE = ('asst_analisi', 'continuita_precedente', 'coprogettato_ts')


def _first(tipo: str, rappresentazione: str, *facets: str, seed: int = 0):
    """The first document of the seed drawn in that cell with those style facets."""
    k0 = C.CELLE.index((tipo, rappresentazione))
    for k in range(k0, 41 * 12, len(C.CELLE)):
        name, pdf, truth, cell = C.documento(k, seed=seed)
        if all(f in cell['stile'].split('-') for f in facets):
            return pdf, truth
    pytest.skip(f'the generator draws no {tipo} x {rappresentazione} {facets} in its first documents')


def _choices(pdf: bytes) -> dict[str, dict[str, str | None]]:
    ex, _ = extract_all(read_layout(pdf))
    return {fold(o.fields.get('titolo', '')): {k: si_no(o.fields.get(k)) for k in _SCELTE} for o in ex.obiettivi}


@pytest.mark.parametrize('regole', ['booktabs', 'nessuna'])
def test_a_mark_gives_the_option_it_stands_under_or_beside(regole):
    pdf, truth = _first('obiettivo', 'segni', regole, 'cella')
    got = _choices(pdf)
    for o in truth['obiettivi']:
        assert fold(o['titolo']) in got, o['titolo']
        assert got[fold(o['titolo'])] == {k: o.get(k) for k in _SCELTE}, o['titolo']


def test_a_rules_only_card_has_a_row_per_label():
    """Booktabs draws a rule over the option titles and one at the card's foot: the white
    between the labels parts the rows, so each label keeps its own value (the number too)."""
    pdf, truth = _first('obiettivo', 'segni', 'booktabs', 'cella')
    ex, _ = extract_all(read_layout(pdf))
    numbers = {fold(o.fields.get('titolo', '')): o.fields.get('numero') for o in ex.obiettivi}
    assert numbers == {fold(o['titolo']): o['numero'] for o in truth['obiettivi']}


def test_option_titles_become_one_column_each():
    pdf, _ = _first('obiettivo', 'segni', 'booktabs', 'cella')
    lay = read_layout(pdf)
    options = [[c.text for c in cells if c is not None and c.text] for run in table_runs(lay) for _, cells in run.rows
               if cells and cells[0] is not None and not cells[0].text and sum(c is not None and bool(c.text) for c in cells) >= 2]
    assert options and all(len(o) >= 2 and all(len(t.split()) <= 2 for t in o) for o in options), options


def test_stacked_options_with_one_marked():
    assert si_no('Sì\n■ NO\nIN PARTE') == 'no'
    assert si_no('✓ Sì\nNo\nIN PARTE') == 'si'
    assert si_no('SI\nNO\n✓ IN PARTE') == 'parziale'
    assert si_no('✓ SI\n✓ NO') != 'no'          # two marks: no one answer


def test_repeated_column_titles_are_the_tables_own():
    """A ruled table carried over pages repeats its column titles at the head of each page: they
    are no running header, and the table keeps them (its records read under them)."""
    pdf, truth = _first('obiettivo', 'tabella2', 'griglia', 'intestazione', 'land')
    lay = read_layout(pdf)
    for p in lay.pages[1:]:
        for t in p.tables:
            inside = [ln for ln in p.lines if t.bbox[1] - 1 <= ln.top and ln.bottom <= t.bbox[3] + 1
                      and t.bbox[0] - 1 <= ln.x0 and ln.x1 <= t.bbox[2] + 1]
            assert not any(ln.furniture for ln in inside), [ln.text for ln in inside if ln.furniture]
    ex, _ = extract_all(lay)
    assert {fold(o.fields.get('titolo', '')) for o in ex.obiettivi} >= {fold(o['titolo']) for o in truth['obiettivi']}


def test_a_transposed_table_without_rules_keeps_its_column_titles_wrapped():
    """One record per column, no rule drawn: a column title wrapped over several lines (each
    standing alone in its column) leaves the table whole, its row of titles over its rows of
    descriptions."""
    pdf, truth = _first('obiettivo', 'trasposta', 'nessuna', 'intestazione')
    titles = {fold(o['titolo']) for o in truth['obiettivi']}
    texts = {fold(o['descrizione'])[:30] for o in truth['obiettivi'] if o.get('descrizione')}

    def holds(cells, said) -> int:
        return sum(c is not None and any(fold(c.text).startswith(x[:30]) for x in said) for c in cells)
    runs = [[cells for _, cells in run.rows] for run in table_runs(read_layout(pdf))]
    whole = [rows for rows in runs if any({fold(c.text) for c in r if c} >= titles for r in rows)]
    assert any(any(holds(r, texts) >= 2 for r in rows) for rows in whole), \
        [[c.text[:30] for c in r[0] if c] for r in runs]


def _esiti(pdf: bytes) -> dict[str, object]:
    ex, _ = extract_all(read_layout(pdf))
    return {fold(e.fields.get('titolo', '')): e for e in ex.esiti}


def test_an_evaluation_table_keeps_every_answer_column_and_its_triennio():
    """'Prosecuzione di un obiettivo del triennio precedente' and 'riproposto nel triennio
    2025-2027?' are answer columns of every row; the triennio evaluated is the heading's, not a
    span a column title happens to name."""
    pdf, truth = _first('esito', 'tabella', 'griglia', 'intestazione', 'port')
    got = _esiti(pdf)
    for e in truth['esiti']:
        rec = got[fold(e['titolo'])]
        assert rec.fields.get('triennio_valutato') == e['triennio_valutato']
        for k in ('continuita_precedente', 'riproposto'):
            if e.get(k):
                assert si_no(rec.fields.get(k)) == e[k], (e['titolo'], k, rec.fields.get(k))


def test_a_coloured_marker_before_a_heading_is_its_state():
    """'● 1. Forma di gestione' over 'Valutazione complessiva: Buono': the dot's colour says the
    state (the hue's usual sense where no legend in words says otherwise)."""
    pdf, truth = _first('esito', 'colore', 'nessuna', 'intestazione')
    got = _esiti(pdf)
    for e in truth['esiti']:
        rec = got[fold(e['titolo'])]
        assert stato(rec.fields.get('stato')) == e['stato'], (e['titolo'], rec.fields.get('stato'))
        assert rec.colore is not None


def test_a_reading_that_says_all_the_other_said_and_more_takes_the_block():
    """A form's own reader knows no label for 'Prosecuzione di un obiettivo del triennio
    precedente' or 'Stato di avanzamento'; the generic readers read every row: the same records,
    on the same pages, with every field the first had and these -- theirs is kept."""
    pdf, truth = _first('esito', 'trasposta', 'ombreggiato', 'intestazione', 'land')
    got = _esiti(pdf)
    for e in truth['esiti']:
        rec = got[fold(e['titolo'])]
        assert si_no(rec.fields.get('continuita_precedente')) == e['continuita_precedente']
        assert stato(rec.fields.get('stato')) == e['stato']


@pytest.mark.parametrize('heading, atteso', [
    ('Obiettivo valutato n. 1: "Centro unico" per RSA', ('1', '"Centro unico" per RSA')),
    ('Progetto strategico nr. 4 - Rete', ('4', 'Rete')),
    ('OBIETTIVO 1 – Il durante noi', ('1', 'Il durante noi')),
    ('Obiettivo strategico del piano', (None, 'Obiettivo strategico del piano')),
])
def test_a_card_heading_may_say_a_word_or_two_before_its_number(heading, atteso):
    from extract.cards import card_heading
    assert card_heading(heading) == atteso


def test_one_field_is_an_esito_under_a_heading_that_evaluates_the_past_triennio():
    """'Esiti del Piano di Zona 2021-2023' over 'Obiettivo valutato n. 1: ...' and a stacked
    table of one field ('Punti di debolezza' over its text): an esito, named by its heading."""
    for k in range(C.CELLE.index(('esito', 'impilata')), 41 * 12, len(C.CELLE)):
        _, pdf, truth, _ = C.documento(k, seed=0)
        if all(len([f for f in e if f not in ('titolo', 'triennio_valutato')]) == 1 for e in truth['esiti']):
            break
    else:
        pytest.skip('no esito of one field among the first documents')
    got = _esiti(pdf)
    for e in truth['esiti']:
        rec = got[fold(e['titolo'])]
        assert rec.fields.get('triennio_valutato') == e['triennio_valutato']


def test_dates_under_a_spanning_title_are_the_headers_second_level():
    """'Rilevazioni' drawn over two columns, '30/11/2025' and '30/06/2026' under it: the two
    header rows are one header, each measurement keeps its date."""
    pdf, truth = _first('rilevazione', 'tabella2', 'ombreggiato', 'cella', 'port', seed=1)
    ex, _ = extract_all(read_layout(pdf))
    got = {fold(i.testo): i for o in ex.obiettivi for i in o.indicatori} | {fold(i.testo): i for i in ex.indicatori}
    for ind in truth['indicatori']:
        headers = ' '.join(h for h, _ in got[fold(ind['testo'])].rilevazioni)
        for r in ind['rilevazioni']:
            y, m, d = r['data'].split('-')
            assert f'{d}/{m}/{y}' in headers, (ind['testo'], headers)


def test_a_judgement_column_beside_a_coloured_state_column():
    """'N. | Obiettivo | Giudizio | Stato di avanzamento' with the state only a cell's fill: one
    table (two outcome columns are no two tables side by side), the judgement its own field and
    the fill the state."""
    pdf, truth = _first('esito', 'colore', 'ombreggiato', 'cella', 'port', seed=1)
    got = _esiti(pdf)
    for e in truth['esiti']:
        rec = got[fold(e['titolo'])]
        assert stato(rec.fields.get('stato')) == e['stato'], (e['titolo'], rec.fields)
        if e.get('giudizio'):
            assert fold(rec.fields.get('giudizio', '')) == e['giudizio'], (e['titolo'], rec.fields)


def test_a_table_carried_over_with_its_titles_repeated_keeps_its_columns():
    """Booktabs, its column titles repeated at the head of the next page over one record: that
    record is read in the columns of the page before (its few lines leave the white between two
    columns crossed), one table over both pages."""
    pdf, truth = _first('obiettivo', 'tabella', 'booktabs', 'intestazione', 'port', seed=1)
    lay = read_layout(pdf)
    runs = [r for r in table_runs(lay) if r.page_end > r.page_start]
    assert runs and all(len({t.ncols for t in r.parts}) == 1 for r in runs)
    ex, _ = extract_all(lay)
    got = {fold(o.fields.get('titolo', '')): o for o in ex.obiettivi}
    for o in truth['obiettivi']:
        assert fold(o['titolo']) in got, o['titolo']
        assert fold(got[fold(o['titolo'])].fields.get('target', '')) == fold(o['target'])


def test_option_titles_ruled_off_from_their_card_still_head_its_marks():
    """Booktabs draws a rule under 'Sì   No   IN PARTE', so the titles come out as a table of
    their own over the card's: they head the card's content column all the same, and each mark
    ('X') gives the option it stands under."""
    pdf, truth = _first('obiettivo', 'segni', 'booktabs', 'intestazione', seed=1)
    lay = read_layout(pdf)
    headed = [t for p in lay.pages for t in p.tables
              if t.rows and sum(c is not None and fold(c.text) in {'si', 'no', 'in parte'} for c in t.rows[0]) >= 3]
    assert headed
    got = _choices(pdf)
    answered = [o for o in truth['obiettivi'] if all((got.get(fold(o['titolo'])) or {}).get(k) for k in _SCELTE)]
    assert len(answered) >= 2
    for o in answered:
        assert got[fold(o['titolo'])] == {k: o.get(k) for k in _SCELTE}, o['titolo']


@pytest.mark.parametrize('facets', [('griglia', 'intestazione', 'land'), ('griglia', 'intestazione', 'spezza')])
def test_a_transposed_evaluation_table_is_one_esito_per_column(facets):
    """Under 'Verifica della programmazione 2021-2023', a grid whose first column holds the labels
    ('Obiettivo del triennio', 'Giudizio sintetico', 'Stato') and whose first row the titles:
    one esito per column -- not a list of projects whose titles are those labels, nor objectives
    read off its first row."""
    pdf, truth = _first('esito', 'trasposta', *facets, seed=2)
    got = _esiti(pdf)
    assert set(got) == {fold(e['titolo']) for e in truth['esiti']}
    for e in truth['esiti']:
        assert stato(got[fold(e['titolo'])].fields.get('stato')) == e['stato']


def test_row_numbers_one_per_line_are_rows_not_a_wrapped_number():
    """Booktabs carried over a page: its rows 1, 2, 3, 4 no rule parts, one number a line in a
    column wide enough for any of them -- rows, each its own action (a number wraps digit by digit
    only in a column too narrow for it)."""
    pdf, truth = _first('azione', 'tabella', 'booktabs', 'spezza')
    ex, _ = extract_all(read_layout(pdf))
    got = {fold(a.testo) for o in ex.obiettivi for a in o.azioni}
    assert {fold(a['testo']) for o in truth['obiettivi'] for a in o['azioni']} <= got


def test_context_the_first_reader_added_is_no_field_it_read():
    """A deck's reader gives each esito the heading above the table as its area; the generic
    reader, reading the two-level header ('Esito della verifica' over 'Raggiungimento %' and
    'Valutazione complessiva'), says everything else the deck's reader said and more: its reading
    is kept."""
    pdf, truth = _first('esito', 'tabella2', 'nessuna', 'intestazione', 'port')
    got = _esiti(pdf)
    for e in truth['esiti']:
        rec = got[fold(e['titolo'])]
        if e.get('giudizio'):
            assert fold(rec.fields.get('giudizio', '')) == e['giudizio'], (e['titolo'], rec.fields)


def test_a_column_the_first_reader_left_is_read_by_the_one_that_says_more():
    """'Ambito di intervento' is an indicator's policy: the reader that reads it, and all else
    the table's first reader read, keeps the table."""
    pdf, truth = _first('indicatore', 'tabella', 'nessuna', 'cella', 'land')
    ex, _ = extract_all(read_layout(pdf))
    got = {fold(i.testo): i for o in ex.obiettivi for i in o.indicatori} | {fold(i.testo): i for i in ex.indicatori}
    for ind in truth['indicatori']:
        if ind.get('policy'):
            assert fold(got[fold(ind['testo'])].fields.get('policy', '')) == fold(ind['policy'])
