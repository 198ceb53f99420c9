"""Regional scheda obiettivo / distretto cards: the corpus plan, and one card drawn in the layouts
other Ambiti use (generated here), which must all read the same."""
from __future__ import annotations

import pytest

from extract.cards import list_items, schede
from extract.families import scheda_distretto, scheda_regionale
from extract.labels import field_of
from extract.layout import read_layout
from fixtures.schede_pdf import CARD, scheda_pdf
from normalize.records import normalize
from normalize.values import si_no

from fixtures.corpus_layouts import layout_of


@pytest.fixture(scope='module')
def alto_sebino():
    return layout_of('alto-sebino-pdz-2025-2027.pdf')


def _rows(layout_bytes: bytes) -> dict:
    ex = scheda_regionale.extract(read_layout(layout_bytes))
    return normalize(ex, {'documento_id': 'x', 'ambito_id': 'a', 'triennio': '2025-2027'}), ex


LAYOUTS = [('ruled', None), ('checkbox', None), ('boxes', None), ('hrules', 2)]


@pytest.mark.parametrize('layout,split', LAYOUTS)
def test_same_card_from_every_layout(layout, split):
    rows, ex = _rows(scheda_pdf(layout, split_row=split))
    assert len(rows['obiettivi']) == 1, ex.anomalie
    o = rows['obiettivi'][0]
    assert o['titolo'] == 'Rete territoriale per la domiciliarità'
    assert o['descrizione'].startswith('Costruire una rete stabile') and o['descrizione'].endswith('fragili.')
    assert o['target'] == 'Persone anziane fragili e i loro caregiver familiari'
    assert o['risorse_economiche'] == ['FNPS', 'Fondo non autosufficienza']
    assert (o['asst_analisi'], o['cooperazione_ambiti'], o['digitalizzazione']) == ('si', 'no', 'no')
    assert o['macroarea'] == 'Domiciliarità e anziani'
    assert o['aree_regionali'] == ['D', 'E']
    assert [a['testo'] for a in rows['azioni']] == ['Mappatura dei servizi domiciliari attivi',
                                                     'Tavolo mensile con le associazioni',
                                                     'Sportello unico per le famiglie']
    assert [(i['tipo'], i['testo']) for i in rows['indicatori']] == [
        ('output', 'Numero di piani assistenziali condivisi'), ('output', 'Numero di incontri del tavolo')]


def test_row_split_across_pages_keeps_pages():
    rows, _ = _rows(scheda_pdf('hrules', split_row=2))
    o = rows['obiettivi'][0]
    assert (o['pagina_inizio'], o['pagina_fine']) == (1, 2)
    assert len(rows['azioni']) == 3


def test_unknown_label_goes_to_anomalie_with_page():
    card = CARD + [('Codice CUP del progetto regionale', 'E12F3456', None)]
    _, ex = _rows(scheda_pdf('ruled', card=card))
    assert any('Codice CUP' in a.messaggio and a.pagina == 1 for a in ex.anomalie)


def test_card_like_table_not_a_scheda_is_an_anomaly():
    card = [("Titolo dell'obiettivo", 'Qualcosa', None), ('Destinatari', 'Famiglie', None), ('Tempi', '2025', None),
            ('Colore preferito', 'blu', None), ('Numero di scarpe', '42', None)]
    rows, ex = _rows(scheda_pdf('ruled', card=card))
    assert rows['obiettivi'] == []
    assert any('non riconosciuta' in a.messaggio and a.pagina == 1 for a in ex.anomalie)


@pytest.mark.parametrize('label,field', [
    ("Titolo dell'obiettivo", 'titolo'), ('DESTINATARI', 'target'), ('Fonti di finanziamento', 'risorse_economiche'),
    ("L'OBIETTIVO E' IN CONTINUITA' E/O RAPPRESENTA IL POTENZIAMENTO DI UN PROGETTO PREMIALE", 'premiale'),
    ('È IN CONTINUITÀ CON LA PROGRAMMAZIONE PRECEDENTE 2021-2023?', 'continuita_precedente'),
    ("Coinvolgimento di ASST nella realizzazione dell'intervento", 'asst_realizzazione'),
    ('Risorse umane impiegate', 'risorse_personale'), ('Colore preferito', None)])
def test_label_vocabulary(label, field):
    assert field_of(label)[0] == field


@pytest.mark.parametrize('raw,value', [('☒ SI ☐ NO', 'si'), ('☐ SI ☒ NO', 'no'), ('SI, in parte', 'parziale'),
                                       ('Solo parzialmente', 'parziale'), ('NO', 'no')])
def test_si_no_checkboxes(raw, value):
    assert si_no(raw) == value


def test_list_items_drop_grouping_lines():
    text = 'SCUOLA\nArea PPT: 5. Prevenzione\n• Raccordi con le scuole per i\nprogrammi regionali\nEntro il 2026:\n• Primo report'
    assert list_items(text) == ['Raccordi con le scuole per i programmi regionali', 'Primo report']


def test_list_item_wrapped_at_a_colon_is_no_grouping_line():
    """'... da parte' / 'di: Cure Primarie, ...': a lower-case line carrying on an unfinished item
    reads like 'Key: value' but continues it; after a finished item the same line groups."""
    text = '• Sensibilizzazione della popolazione da parte\ndi: Cure Primarie, medici specialistici\n• Gruppi di cammino'
    assert list_items(text) == ['Sensibilizzazione della popolazione da parte di: Cure Primarie, medici specialistici',
                                'Gruppi di cammino']
    assert list_items('• Primo report.\nEntro il 2026:\n• Secondo report') == ['Primo report.', 'Secondo report']


def test_alto_sebino_schede(alto_sebino):
    ex = scheda_regionale.extract(alto_sebino)
    assert len(ex.obiettivi) == 12
    first = ex.obiettivi[0]
    assert first.fields['titolo'] == 'Una rete di supporto per gli anziani e la non autosufficienza'
    assert first.fields['macroarea'].startswith('DOMICILIARITÀ – ANZIANI')
    assert first.pagina_inizio == 56 and first.pagina_fine >= 57
    rows = normalize(ex, {'documento_id': 'x'})
    o = rows['obiettivi'][0]
    assert o['aree_regionali'] == ['C', 'D', 'E', 'J']
    assert o['continuita_precedente'] == 'parziale'      # the label broke across pages 56/57
    assert {i['tipo'] for i in rows['indicatori']} == {'processo', 'output', 'outcome'}


def test_alto_sebino_distretto(alto_sebino):
    ex = scheda_distretto.extract(alto_sebino)
    assert [o.fields.get('numero') for o in ex.obiettivi] == ['1', '2', '3', '4', '5', '6']
    assert all(o.livello == 'distretto' for o in ex.obiettivi)
    third = ex.obiettivi[2]
    assert third.fields['titolo'] == 'La promozione della salute territoriale'
    assert len(third.azioni) == 14            # bullets only, not 'SCUOLA' / 'Area PPT: ...'
    assert len({c.kind for c in schede(alto_sebino)} - {None}) == 3


# ---------------------------------------------------------------- labels that look alike, layouts that mislead
@pytest.mark.parametrize('label,field', [
    ("Tipologia dell'obiettivo", 'tipo_obiettivo'), ('Tipo di obiettivo', 'tipo_obiettivo'),
    ('Titolo intervento', 'titolo'), ('Denominazione obiettivo', 'titolo'),
    ('Sarà riproposto nella prossima programmazione?', 'riproposto'), ('Indicatore', 'indicatori')])
def test_label_head_word_decides(label, field):
    """A long label with another head word must not fuzzy-match a short variant ('Tipologia...' is
    not 'Titolo...'); a label that says its head word still lands."""
    assert field_of(label)[0] == field


def test_same_head_word():
    from extract.labels import same_head
    assert not same_head('tipologia dell obiettivo', 'titolo dell obiettivo')
    assert same_head('l obiettivo e trasversale', 'obiettivo trasversale')


def _platypus(story) -> bytes:
    import io
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, topMargin=50, bottomMargin=50).build(story)
    return buf.getvalue()


def _table(data, header_rows=0, widths=(170, 330), spans=()):
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle
    from fixtures.schede_pdf import _FONT    # a font with the ballot-box glyphs when one exists
    st = ParagraphStyle('c', fontName=_FONT, fontSize=9, leading=11)
    rows = [[Paragraph(str(x).replace('\n', '<br/>'), st) for x in r] for r in data]
    t = Table(rows, colWidths=list(widths), repeatRows=header_rows, splitInRow=1)
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP')]
                          + [('SPAN', (1, r), (-1, r)) for r in spans]))
    return t


def _heading(text, size=12):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph
    return Paragraph(text, ParagraphStyle('h', fontName='Helvetica-Bold', fontSize=size, leading=size * 1.3))


def test_reordered_card_keeps_its_title_and_type():
    """Rows in another order: 'Tipologia dell'obiettivo' mid-card neither starts a card nor
    becomes the title; the checked box is the type."""
    data = [("Titolo dell'obiettivo", 'Rete territoriale per la domiciliarità'),
            ("Tipologia dell'obiettivo", '☐ Promozionale ☒ Preventivo ☐ Riparativo'),
            ('Destinatari', 'Anziani fragili'), ('Fonti di finanziamento', '• FNPS'),
            ('Aspetti legati alla digitalizzazione', '☐ SI ☒ NO'),
            ('Indicatori di monitoraggio', 'Indicatori di output:\n• Numero di piani condivisi')]
    rows, ex = _rows(_platypus([_table(data)]))
    assert [o['titolo'] for o in rows['obiettivi']] == ['Rete territoriale per la domiciliarità'], ex.anomalie
    o = rows['obiettivi'][0]
    assert (o['tipo_obiettivo'], o['digitalizzazione']) == ('preventivo', 'no')
    assert [i['testo'] for i in rows['indicatori']] == ['Numero di piani condivisi']
    assert not [a for a in ex.anomalie if 'non riconosciuta' in a.messaggio]


def test_repeated_option_header_is_not_a_row():
    """'Voce | SI | NO | IN PARTE' repeated at the top of the next page: skipped, so the cell broken
    across the page still belongs to its row (the indicators' tail is kept) and no card starts there."""
    from extract.cards import read_rows
    from extract.layout import Cell, Table
    from extract.tables import TableRun

    def row(*texts):
        return [Cell(t, 50 + 120 * j, 0, 170 + 120 * j, 10) if t is not None else None for j, t in enumerate(texts)]
    head = row('Voce della scheda', 'SI', 'NO', 'IN PARTE')
    page1 = Table(1, (50, 500, 530, 800), [head, row("Titolo dell'obiettivo", 'Sportello unico', None, None),
                                           row("Coinvolgimento di ASST nell'analisi del bisogno", 'X', '', ''),
                                           row('Indicatori di monitoraggio', 'Indicatori di output:\n• Primo', None, None)])
    page2 = Table(2, (50, 40, 530, 200), [head, row('', '• Secondo\n• Terzo', None, None),
                                          row('Destinatari', 'Famiglie', None, None)])
    righe = read_rows(TableRun([page1, page2]))
    assert [r.field for r in righe] == ['titolo', 'asst_analisi', 'indicatori', 'target']
    assert righe[1].content == 'SI'
    assert righe[2].content.endswith('• Primo\n• Secondo\n• Terzo')


def test_table_of_column_titles_is_not_a_card():
    """A table whose first row is a row of column titles holds one record per row (another
    family's): no 'card-like' anomaly, however many of its cells look like labels."""
    from extract.cards import column_titles
    from extract.layout import Cell
    cells = lambda *ts: [Cell(t, 0, 0, 0, 0) for t in ts]   # noqa: E731
    assert column_titles(cells('Descrizione attività/progetto', 'Esito', 'Categoria criticità e ridefinizione'))
    assert not column_titles(cells('Voce della scheda', 'SI', 'NO', 'IN PARTE'))
    assert not column_titles(cells("A quale bisogno risponde l'intervento?",
                                   "L'intervento risponde al bisogno di promuovere ..."))
    from extract.cards import has_column_titles
    card = [cells("Titolo dell'obiettivo", 'Digitalizzazione dei servizi'), cells('Destinatari', 'Famiglie'),
            cells('Fonti di finanziamento', 'FNPS'), cells('Tempi', '2025')]
    assert not has_column_titles(card)     # a card's title row, however it reads: labels below it
    data = [('Descrizione attività/progetto', 'Esito', 'Categoria criticità'),
            ('Forma di gestione', 'Raggiunto', 'Nessuna'), ('Risorse finanziarie', 'Raggiunto', 'Nessuna'),
            ('Sistema di governance', 'Non raggiunto', 'Turn over'), ('Gruppi di lavoro', 'Raggiunto', '-'),
            ('Ufficio di Piano', 'Raggiunto', '-')]
    rows, ex = _rows(_platypus([_table(data, widths=(200, 100, 200))]))
    assert rows['obiettivi'] == [] and ex.anomalie == []


def test_heading_at_the_foot_of_the_previous_page():
    """The numbered title is the last line of a page, the card's table opens the next one: the
    card begins on the title's page."""
    from reportlab.platypus import PageBreak, Spacer
    data = [('Destinatari', 'Famiglie'), ('Fonti di finanziamento', '• FNPS'),
            ('Risorse di personale dedicate', '• Assistenti sociali'), ('Quali risultati vuole raggiungere?', 'Meno attese')]
    story = [Spacer(1, 640), _heading('3. Sportello unico per le famiglie'), PageBreak(), _table(data)]
    rows, ex = _rows(_platypus(story))
    assert [(o['numero'], o['titolo'], o['pagina_inizio']) for o in rows['obiettivi']] == \
        [('3', 'Sportello unico per le famiglie', 1)], ex.anomalie


def test_distretto_card_titled_at_the_foot_of_the_previous_page():
    """'Scheda 2 – <title>' (the card's own heading words, not a bare number) left at the foot of a
    page, the Distretto card's table on the next: numero and titolo from it, the card begins there."""
    from reportlab.platypus import PageBreak, Spacer
    data = [('Descrizione del progetto', 'Una cabina di regia.'), ('Popolazione target', 'Adolescenti'),
            ('Azioni principali', '• Mappatura\n• Formazione'), ('Tempi di realizzazione', '2025-2027'),
            ('Soggetti coinvolti nella governance', '• ASST\n• Ambiti')]
    story = [Spacer(1, 640), _heading('Scheda 2 – Dai PrInS alle équipes integrate'), PageBreak(), _table(data)]
    ex = scheda_distretto.extract(read_layout(_platypus(story)))
    assert [(o.fields.get('numero'), o.fields['titolo'], o.pagina_inizio, o.pagina_fine) for o in ex.obiettivi] == \
        [('2', 'Dai PrInS alle équipes integrate', 1, 2)], ex.anomalie


def test_unmapped_glyph_bullets():
    """'(cid:127)': a bullet from a font without Unicode mapping (Times, Symbol, Wingdings)."""
    from extract.text import clean, is_bullet_line, split_items
    assert is_bullet_line('(cid:127) QSFP 2022:')
    assert split_items('(cid:127) QSFP 2022:\n(cid:127) FNPS\n(cid:127)Fondi di\nAmbito') == \
        ['QSFP 2022:', 'FNPS', 'Fondi di Ambito']
    assert clean('Fondo (cid:3)sociale') == 'Fondo sociale'
    assert list_items('(cid:127) Mappatura dei servizi\n(cid:127) Tavolo mensile') == ['Mappatura dei servizi', 'Tavolo mensile']


# ---------------------------------------------------------------- a card headed by a row drawn across the table
def _spanning_table(data, spans):
    """Two ruled columns; the rows in `spans` are one cell drawn across the table."""
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle
    t = _table([r if len(r) == 2 else (r[0], '') for r in data])
    t.setStyle(TableStyle([('SPAN', (0, r), (-1, r)) for r in spans] +
                          [('BACKGROUND', (0, r), (-1, r), colors.HexColor('#c6d9f1')) for r in spans]))
    return t


_BODY = [('Quali obiettivi vuole raggiungere', 'Una rete stabile tra servizi.'), ('Destinatari', 'Famiglie'),
         ('Fonti di finanziamento', '• FNPS'), ('Risorse di personale dedicate', '• Assistenti sociali'),
         ("Prevede il coinvolgimento di ASST nell'analisi del bisogno?", 'SI')]


def test_title_row_across_the_table():
    """'OBIETTIVO 2 – ...' drawn across the table, no 'Titolo' label: numero and titolo; two cards in
    one table are cut at their heading rows."""
    data = [('OBIETTIVO 2 – Sportello unico per le famiglie',)] + _BODY + \
        [('OBIETTIVO 3 – Casa comune',)] + _BODY
    rows, ex = _rows(_platypus([_spanning_table(data, [0, len(_BODY) + 1])]))
    assert [(o['numero'], o['titolo'], o['target']) for o in rows['obiettivi']] == \
        [('2', 'Sportello unico per le famiglie', 'Famiglie'), ('3', 'Casa comune', 'Famiglie')], ex.anomalie
    assert not [a for a in ex.anomalie if 'non riconosciuta' in a.messaggio or 'non previsto' in a.messaggio]


def test_unnumbered_first_row_across_the_table_is_the_title():
    rows, ex = _rows(_platypus([_spanning_table([('Sportello unico per le famiglie',)] + _BODY, [0])]))
    assert [(o.get('numero'), o['titolo']) for o in rows['obiettivi']] == [(None, 'Sportello unico per le famiglie')]


def test_title_row_with_its_own_title_label_gives_the_number():
    data = [('Scheda n. 4',), ("Titolo dell'obiettivo", 'Casa comune')] + _BODY
    rows, ex = _rows(_platypus([_spanning_table(data, [0])]))
    assert [(o['numero'], o['titolo']) for o in rows['obiettivi']] == [('4', 'Casa comune')], ex.anomalie


def test_rows_across_the_table_inside_a_card_are_never_dropped():
    """Inside a card, a row drawn across the table is read when it can be ('Macroarea: X' -> the
    label's row; a label row with its content in the row below), else it is an anomaly with its page."""
    data = [("Titolo dell'obiettivo", 'Casa comune'), ('Macroarea di policy: Politiche abitative',)] + _BODY[:3] + \
        [('Sezione B – dati di contesto raccolti nel 2024',), ('Risorse di personale dedicate',),
         ('Assistenti sociali e educatori',)] + _BODY[4:]
    spans = [1, 5, 6, 7]
    rows, ex = _rows(_platypus([_spanning_table(data, spans)]))
    o = rows['obiettivi'][0]
    assert o['macroarea'] == 'Politiche abitative'
    assert o['risorse_personale'] == ['Assistenti sociali e educatori']
    assert any('Sezione B' in a.messaggio and a.pagina == 1 for a in ex.anomalie)


# ---------------------------------------------------------------- Writer-made cards (harness round 3a)
def _cells(*texts):
    from extract.layout import Cell
    return [Cell(t, 50 + 200 * j, 0, 250 + 200 * j, 10) if t is not None else None for j, t in enumerate(texts)]


def _run(*pages):
    from extract.layout import Table
    from extract.tables import TableRun
    return TableRun([Table(i + 1, (50, 40, 450, 800), [_cells(*r) for r in rows]) for i, rows in enumerate(pages)])


def test_label_cell_split_by_the_page_joins_the_label_above():
    """LibreOffice splits the label cell too: 'RISORSE ECONOMICHE' | 'PREVENTIVATE' on the next page is
    one row (the tail alone only keyword-matches another field); a whole label on the next page is not."""
    from extract.cards import read_rows
    righe = read_rows(_run([("Titolo dell'obiettivo", 'Casa comune'), ('Destinatari', 'Famiglie'),
                            ('RISORSE ECONOMICHE', '• FNPS')],
                           [('PREVENTIVATE', '• Fondi di Ambito'), ('RISORSE DI PERSONALE DEDICATE', '• Educatori')]))
    assert [r.field for r in righe] == ['titolo', 'target', 'risorse_economiche', 'risorse_personale']
    assert righe[2].content == '• FNPS\n• Fondi di Ambito'
    righe = read_rows(_run([("Titolo dell'obiettivo", 'Casa comune'), ('Risorse economiche', '• FNPS')],
                           [('Destinatari', 'Famiglie')]))
    assert [r.field for r in righe] == ['titolo', 'risorse_economiche', 'target']


def test_label_cell_split_into_two_halves_of_the_same_field_is_one_row():
    """'QUALE IMPATTO DOVREBBE AVERE L'INTERVENTO?' at a page's foot, '(INDICATORI DI OUTCOME)' on the
    next: each half names the impact on its own, so the page cut one row, not a new card."""
    from extract.cards import cut_cards, read_rows
    righe = read_rows(_run([("Titolo dell'obiettivo", 'Casa comune'), ('Destinatari', 'Famiglie'),
                            ("QUALE IMPATTO DOVREBBE AVERE L'INTERVENTO?", '• N. di progetti attivati;')],
                           [('(INDICATORI DI OUTCOME)', '• Frequenza dei momenti di monitoraggio')]))
    assert [r.field for r in righe] == ['titolo', 'target', 'impatto']
    assert righe[2].content == '• N. di progetti attivati;\n• Frequenza dei momenti di monitoraggio'
    assert len(cut_cards(righe)) == 1


def test_column_titles_row_skipped_wherever_repeated():
    """'Voce | Contenuto' over the card and again on the next page: never a row; the content the page
    break cut still joins the row above the repeated titles."""
    from extract.cards import read_rows
    righe = read_rows(_run([('Voce', 'Contenuto'), ("Titolo dell'obiettivo", 'Casa comune'),
                            ("A quale bisogno risponde l'intervento?", 'Il bisogno di una regia')],
                           [('Voce', 'Contenuto'), ('', 'comune tra i servizi.'), ('Destinatari', 'Famiglie')]))
    assert [r.field for r in righe] == ['titolo', 'bisogno', 'target']
    assert righe[1].content == 'Il bisogno di una regia\ncomune tra i servizi.'
    from extract.labels import column_titles_row
    assert column_titles_row('Voce', ['Descrizione']) and column_titles_row('Campo', ['Valore'])
    assert not column_titles_row('Descrizione', ['Contenuto del progetto'])
    assert not column_titles_row('Voce', ['SI', 'NO'])


def test_indicators_typed_by_their_row_label():
    """Rows whose own label says 'INDICATORI DI OUTPUT' hold plain bullets: each an indicator of that type."""
    data = [("Titolo dell'obiettivo", 'Casa comune'), ('Destinatari', 'Famiglie'), ('Fonti di finanziamento', '• FNPS'),
            ("Prevede il coinvolgimento di ASST nell'analisi del bisogno?", 'SI'),
            ('QUALI MODALITÀ ORGANIZZATIVE, OPERATIVE DI EROGAZIONE SONO ADOTTATE? (INDICATORI DI PROCESSO)',
             '• Numero di incontri\n• Enti rappresentati'),
            ('QUALI RISULTATI VUOLE RAGGIUNGERE? (INDICATORI DI OUTPUT)', '• Stipula protocollo'),
            ("QUALE IMPATTO DOVREBBE AVERE L'INTERVENTO? (INDICATORI DI OUTCOME)", '• % di bisogni intercettati')]
    rows, ex = _rows(_platypus([_table(data)]))
    assert sorted((i['tipo'], i['testo']) for i in rows['indicatori']) == \
        [('outcome', '% di bisogni intercettati'), ('output', 'Stipula protocollo'),
         ('processo', 'Enti rappresentati'), ('processo', 'Numero di incontri')], ex.anomalie


def test_distretto_card_by_the_labels_it_has():
    """Descrizione / Destinatari / Azioni / Tempi / Governance: one distretto label and no label of
    another kind is a distretto card; 'Obiettivo' alone says nothing; a scheda label makes it no distretto."""
    from extract.cards import kind_of
    assert kind_of({'descrizione', 'target', 'azioni', 'tempi', 'governance'}) == 'distretto'
    assert kind_of({'titolo', 'obiettivi_specifici', 'azioni', 'target', 'tempi'}) is None
    assert kind_of({'descrizione', 'target', 'azioni', 'governance', 'risorse_economiche', 'bisogno'}) == 'scheda'
    data = [('Scheda 2 – Salute territoriale',), ('Descrizione del progetto', 'Una cabina di regia.'),
            ('Popolazione target', 'Adolescenti'), ('Azioni principali', '• Mappatura\n• Formazione'),
            ('Tempi di realizzazione', '2025-2027'), ('Soggetti coinvolti nella governance', '• ASST\n• Ambiti')]
    layout = read_layout(_platypus([_spanning_table(data, [0])]))
    ex = scheda_distretto.extract(layout)
    rows = normalize(ex, {'documento_id': 'x', 'ambito_id': 'a', 'triennio': '2025-2027'})
    assert [(o['livello'], o['numero'], o['titolo'], o['tempi']) for o in rows['obiettivi']] == \
        [('distretto', '2', 'Salute territoriale', '2025-2027')]
    assert [a['testo'] for a in rows['azioni']] == ['Mappatura', 'Formazione']
    assert not scheda_regionale.extract(layout).obiettivi


def test_table_of_labels_only_is_an_anomaly():
    """A one-column table of card labels (the contents beside it were no cells): reported with its page."""
    from reportlab.platypus import PageBreak
    labels = [('Descrizione del progetto',), ('Popolazione target',), ('Azioni principali',), ('Governance',)]
    ex = scheda_regionale.extract(read_layout(_platypus([PageBreak(), _table(labels, widths=(170,))])))
    assert [(a.pagina, 'contenuto' in a.messaggio) for a in ex.anomalie] == [(2, True)]
