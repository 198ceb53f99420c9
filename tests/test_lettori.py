"""The readers written once for every record type (extract/lettori): label -> field per type, the
readings of a table (per row under a header path, per column, label runs, stacks), text groups,
and the resolution against the family readers -- on documents drawn by the combinatorial
generator (tests/variants/combinatorio.py) and on the corpus."""
from __future__ import annotations

import pytest

from extract.layout import read_layout
from extract.lettori import leggi
from extract.lettori.campi import campo, leggi_etichette
from extract.lettori.record import scelta
from extract.registry import extract_all, modules
from extract.records import Extraction
from extract.text import fold
from variants import combinatorio as C
from variants.record import SHARED, available


def _doc(tipo: str, rappresentazione: str):
    k = C.CELLE.index((tipo, rappresentazione))
    _, pdf, truth, _ = C.documento(k, seed=0)
    ex, used = extract_all(read_layout(pdf))
    return ex, used, truth


def _titles(recs, key='titolo') -> set[str]:
    return {fold(r[key] if isinstance(r, dict) else (r.fields.get(key) if hasattr(r, 'fields') and key in r.fields
                                                    else getattr(r, key))) for r in recs}


@pytest.mark.parametrize('tipo, etichetta, atteso', [
    ('indicatore', 'Dato al 30/11/2025', 'rilevazione'),
    ('indicatore', 'Risultato atteso II anno', 'atteso_anno2'),
    ('indicatore', 'Target anno 2026', 'atteso_anno2'),          # the plan's second year
    ('indicatore', "Natura dell'indicatore", 'tipo'),
    ('obiettivo', 'N.', 'numero'),
    ('obiettivo', 'Obiettivo strategico', 'titolo'),             # a wording said whole
    ('obiettivo', "Tipologia dell'obiettivo", 'tipo_obiettivo'),  # not 'titolo', however alike
    ('esito', 'Livello di raggiungimento (%)', 'grado_raggiungimento'),
    ('esito', 'Riproposto nella nuova programmazione', 'riproposto'),
])
def test_a_label_names_one_field_of_each_record_type(tipo, etichetta, atteso):
    assert campo(tipo, etichetta, 2025)[0] == atteso


def test_the_labels_of_a_group_say_its_record_type():
    def tipo(*labels):
        got = leggi_etichette([(x,) for x in labels], 2025)
        return got.tipo if got else None
    assert tipo('N.', 'Titolo obiettivo', 'Finalità', 'Target', 'Macroarea di policy') == 'obiettivo'
    assert tipo('Codice', 'Che cosa si misura', 'Tipo di indicatore', 'Dato al 30/11/2025') == 'indicatore'
    assert tipo('N.', 'Denominazione obiettivo', 'Livello di raggiungimento (%)', 'Stato') == 'esito'
    assert tipo('N.', 'Descrizione azione') == 'azione'
    assert tipo('Budget', 'Fonte') is None                      # no type has a name among them


def test_a_mark_chooses_its_option():
    assert scelta('☒ SI\nNo\nParzialmente') == 'SI'
    assert scelta('SI\n☒ No\nParzialmente') == 'No'
    assert scelta('In parte') == 'In parte'


pytestmark = pytest.mark.skipif(not available(), reason='dev truth not available')


@pytest.mark.parametrize('tipo', ['obiettivo', 'indicatore', 'esito'])
def test_one_record_per_row_one_per_column_for_every_record_type(tipo):
    """The same reader reads a table of objectives, of indicators and of esiti, drawn with a row
    per record or transposed with a column per record."""
    for rappresentazione in ('tabella', 'trasposta'):
        ex, used, truth = _doc(tipo, rappresentazione)
        key = {'obiettivo': 'obiettivi', 'indicatore': 'indicatori', 'esito': 'esiti'}[tipo]
        want = _titles(truth[key], 'testo' if tipo == 'indicatore' else 'titolo')
        got = _titles(getattr(ex, key), 'testo' if tipo == 'indicatore' else 'titolo')
        assert want <= got, (rappresentazione, want - got)


def test_a_two_level_header_gives_each_column_its_path():
    """'Valutazione finale' over 'Raggiungimento %' | 'Esito della valutazione': the percentage
    and the judgement of each esito, not the group's title."""
    ex, _, truth = _doc('esito', 'tabella2')
    by_title = {fold(e.fields['titolo']): e for e in ex.esiti}
    for t in truth['esiti']:
        e = by_title[fold(t['titolo'])]
        if 'grado_raggiungimento' in t:
            assert str(t['grado_raggiungimento']) in e.fields['grado_raggiungimento']
        if 'giudizio' in t:
            assert fold(e.fields['giudizio']) == t['giudizio']


def test_a_measurement_column_named_by_its_date_is_a_rilevazione():
    ex, _, truth = _doc('rilevazione', 'tabella')
    got = {fold(i.testo): i.rilevazioni for i in ex.indicatori}
    for t in truth['indicatori']:
        (header, value), = got[fold(t['testo'])]
        assert '/' in header and fold(value) == fold(t['rilevazioni'][0]['valore_testo'])


def test_a_table_of_actions_belongs_to_the_objective_heading_it():
    ex, _, truth = _doc('azione', 'tabella')
    got = {fold(o.fields['titolo']): [fold(a.testo) for a in o.azioni] for o in ex.obiettivi}
    for o in truth['obiettivi']:
        assert got[fold(o['titolo'])] == [fold(a['testo']) for a in o['azioni']]


def test_marks_under_option_columns_and_beside_options_are_answers():
    ex, used, truth = _doc('esito', 'segni')
    by_title = {fold(e.fields['titolo']): e for e in ex.esiti}
    for t in truth['esiti']:
        e = by_title[fold(t['titolo'])]
        for f in ('continuita_precedente', 'riproposto'):
            if f in t:
                assert len(e.fields[f].split()) <= 2, (f, e.fields[f])


def test_a_family_reading_that_left_a_grid_unresolved_gives_the_table_up():
    """The regional-card family reads the mark-grid card but leaves '☒ SI / No / Parzialmente'
    as printed; the generic reading resolved it and takes the table (no second reading stays)."""
    k = C.CELLE.index(('obiettivo', 'segni'))
    _, pdf, truth, _ = C.documento(k, seed=0)
    layout = read_layout(pdf)
    gia = Extraction()
    for m in modules():
        gia.extend(m.extract(layout))
    assert any('\n' in o.fields.get('asst_analisi', '') for o in gia.obiettivi)     # the grid as printed
    _, superseded = leggi(layout, gia)
    assert superseded
    ex, _ = extract_all(layout)
    assert len(ex.obiettivi) == len(truth['obiettivi'])
    assert all('\n' not in o.fields.get('asst_analisi', '') for o in ex.obiettivi)


@pytest.mark.parametrize('rappresentazione', ['righe', 'grassetto', 'sezioni'])
def test_labelled_text_is_read_for_indicators(rappresentazione):
    """'Label: value' lines, bold labels over their values, numbered headings with run-in labels."""
    ex, _, truth = _doc('indicatore', rappresentazione)
    assert _titles(truth['indicatori'], 'testo') <= _titles(ex.indicatori, 'testo')


@pytest.mark.parametrize('path', [SHARED / 'corpus' / 'dev2' / 'isola-bergamasca_pdz_2025-2027.pdf',
                                  SHARED / 'corpus' / 'dev2' / 'grumello_presentazione_pdz_2021-2023.pdf'],
                         ids=lambda p: p.name)
def test_prose_whose_lines_open_with_a_field_word_is_no_record(path):
    """The plans' prose (two columns, lines that begin 'valutazione di ...', a chapter title
    'Il sistema di monitoraggio: indicatori') gives the generic readers nothing the families did
    not already read."""
    if not path.exists():
        pytest.skip('dev2 corpus not available')
    layout = read_layout(path.read_bytes())
    gia = Extraction()
    for m in modules():
        gia.extend(m.extract(layout))
    got, superseded = leggi(layout, gia)
    assert len(got) == 0 and not superseded


def test_a_value_holding_another_fields_label_is_a_misreading():
    # a reader that did not see 'Contenuto dell'obiettivo:' left it inside the title: that title
    # is misread, so a reading that parts label and value takes the block from it
    from extract import risoluzione
    from extract.records import Extraction, RawEsito
    fused = RawEsito({'titolo': "SALUTE MENTALE Contenuto dell'obiettivo: sperimentare il budget di salute",
                      'criticita': "difficoltà nell'equipe"}, 1)
    parted = RawEsito({'titolo': 'SALUTE MENTALE', 'descrizione': 'sperimentare il budget di salute',
                       'criticita': "difficoltà nell'equipe", 'numero': '1'}, 1)
    assert risoluzione.capito(fused) < risoluzione.capito(parted)
    assert risoluzione.better(Extraction(esiti=[parted]), [fused])
    # a colon after words that are no label of another field is just punctuation
    plain = RawEsito({'titolo': 'Progetto DOMANI: servizi affidi', 'criticita': 'nessuna'}, 1)
    assert risoluzione.capito(plain) == 2.0


def test_evaluated_sections_are_esiti_with_their_wrapped_labels():
    # under 'Valutazione ... del triennio 2021-2023' in a 2025-2027 plan, a numbered section with
    # a judgement and a bold run-in label wrapped over two lines ('... nel triennio' / '2025-2027?:
    # Parzialmente') is an esito -- not an objective with a 'valutazione'
    import io
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 780
    for text, font, size in (('Piano di Zona 2025-2027', 'Helvetica', 13),
                             ('Valutazione degli obiettivi del triennio 2021-2023', 'Helvetica-Bold', 12.5),
                             ('Obiettivo 1 – Attuazione del Reddito di Cittadinanza', 'Helvetica-Bold', 11.5),
                             ('Valutazione complessiva: Sufficiente', 'Helvetica-Bold', 8.5),
                             ("L'obiettivo viene riproposto nel triennio", 'Helvetica-Bold', 8.5),
                             ('2025-2027?: Parzialmente', 'Helvetica', 8.5),
                             ('Obiettivo 2 – Progetto anagrafe della fragilità', 'Helvetica-Bold', 11.5),
                             ('Valutazione complessiva: Ottimo', 'Helvetica-Bold', 8.5),
                             ('Criticità rilevate: rilancio della rete dei volontari', 'Helvetica', 8.5)):
        c.setFont(font, size)
        c.drawString(60, y, text)
        y -= size + 8
    c.showPage()
    c.save()
    got, _ = leggi(read_layout(buf.getvalue()), Extraction())
    assert not got.obiettivi
    assert [(e.fields.get('titolo'), e.fields.get('giudizio'), e.fields.get('riproposto')) for e in got.esiti] == [
        ('Attuazione del Reddito di Cittadinanza', 'Sufficiente', 'Parzialmente'),
        ('Progetto anagrafe della fragilità', 'Ottimo', None)]


def test_cards_in_one_table_take_the_heading_rows_drawn_inside_it():
    # two esito cards drawn as one label | value table; the second card's title is a row of the
    # table with nothing beside it, right before its first field again
    import io
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table as RLTable, TableStyle
    styles = getSampleStyleSheet()
    rows = [['Percentuale di realizzazione', '45 %'], ['Giudizio sintetico', 'Sufficiente'], ['Esito', 'Raggiunto'],
            ['Produzione Carte di Servizio', ''],
            ['Percentuale di realizzazione', '75 %'], ['Giudizio sintetico', 'Buono'], ['Esito', 'Non realizzato']]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build([
        Paragraph('Piano di Zona 2025-2027', styles['Normal']),
        Paragraph('Valutazione degli obiettivi del triennio 2021-2023', styles['Heading2']),
        Paragraph('Erogazione buoni e voucher', styles['Heading3']),
        RLTable(rows, colWidths=[220, 220], style=TableStyle([('GRID', (0, 0), (-1, -1), 0.5, (0, 0, 0)),
                                                             ('FONTSIZE', (0, 0), (-1, -1), 8.5)]))])
    got, _ = leggi(read_layout(buf.getvalue()), Extraction())
    assert [(e.fields.get('titolo'), e.fields.get('grado_raggiungimento')) for e in got.esiti] == [
        ('Erogazione buoni e voucher', '45 %'), ('Produzione Carte di Servizio', '75 %')]
