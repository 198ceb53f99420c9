"""Esiti blocks of older plans: labelled parts, status box (words or colour), page breaks."""

import pytest

from extract.families import esiti_blocchi
from extract.layout import read_layout
from normalize.values import stato
from pdf_tabelle import table_pages
from fixtures.corpus_layouts import layout_of



@pytest.fixture(scope='module')
def plan():
    return layout_of('treviglio-pdz-2018-2020.pdf')


@pytest.fixture(scope='module')
def esiti(plan):
    return esiti_blocchi.extract(plan)


def test_every_block_has_its_parts(plan, esiti):
    titled = sum(ln.text.startswith('OBIETTIVO:') for p in plan.pages for ln in p.lines)
    assert len(esiti.esiti) == titled > 10
    for e in esiti.esiti:
        assert e.fields['titolo'] and not e.fields['titolo'].startswith('OBIETTIVO')
        assert e.azioni_realizzate and e.fields['risorse_impiegate'] and e.fields['commento']
        assert stato(e.fields['stato']) in ('raggiunto', 'parziale')
        assert e.fields['triennio_valutato'] == '2015-2017'
    assert not esiti.anomalie


def test_status_box_words_agree_with_its_colour(esiti):
    from extract.colors import colour_word
    for e in esiti.esiti:
        assert {'verde': 'raggiunto', 'giallo': 'parziale'}[colour_word(e.colore)] == stato(e.fields['stato'])


def test_blocks_broken_across_pages_keep_every_part(plan, esiti):
    # a bullet item or comment never starts a block, and no comment runs into the next section
    for e in esiti.esiti:
        assert 'OBIETTIVI E AZIONI' not in e.fields['commento']
        assert all(not a.startswith(('OBIETTIVO', 'COMMENTO')) for a in e.azioni_realizzate)
    broken = [e for e in esiti.esiti if e.fields['commento'].rstrip()[-1:] not in '.)»']
    assert not broken, [e.fields['titolo'] for e in broken]


def _block_pdf(status_cell, labels=('Obiettivo', 'Attività realizzate nel periodo 2019-2021', 'Risorse utilizzate', 'Valutazione')):
    t, a, r, c = labels
    rows = [[f'{t}: SOSTEGNO AI CAREGIVER\n{a}:\n- Sportello badanti\n- Voucher sollievo',
             f'{r}:\nFondi FNA', status_cell],
            [f'{c}: buon avvio del servizio.', '', '']]
    return read_layout(table_pages([{'title': 'Verifica del triennio 2019-2021', 'widths': [330, 180, 120], 'rows': rows}]))


def test_generated_block_with_paraphrased_labels_and_colour_only_status():
    ex = esiti_blocchi.extract(_block_pdf(('', (0.35, 0.78, 0.3))))
    assert len(ex.esiti) == 1
    e = ex.esiti[0]
    assert e.fields['titolo'] == 'SOSTEGNO AI CAREGIVER'
    assert e.azioni_realizzate == ['Sportello badanti', 'Voucher sollievo']
    assert e.fields['risorse_impiegate'] == 'Fondi FNA'
    assert e.fields['commento'] == 'buon avvio del servizio.'
    assert stato(e.fields['stato']) == 'raggiunto'
    assert e.fields['triennio_valutato'] == '2019-2021'


def test_generated_block_status_in_words_wins_over_colour():
    ex = esiti_blocchi.extract(_block_pdf(('NON RAGGIUNTO', (0.35, 0.78, 0.3))))
    assert stato(ex.esiti[0].fields['stato']) == 'non_raggiunto'


def test_block_without_status_is_reported():
    ex = esiti_blocchi.extract(_block_pdf(''))
    assert len(ex.esiti) == 1 and any('senza stato' in a.messaggio for a in ex.anomalie)


def test_blocks_written_as_paragraphs_with_a_status_line():
    import io
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 800
    def line(text, font='Helvetica', size=10):
        nonlocal y
        c.setFont(font, size)
        c.drawString(50, y, text)
        y -= size + 5
    line('Verifica del Piano di Zona 2015-2017', 'Helvetica-Bold', 15)
    for titolo, esito in (('CASA E ABITARE', 'Obiettivo raggiunto in parte'), ('LAVORO', 'STATO: non raggiunto')):
        line(f'Obiettivo: {titolo}', 'Helvetica-Bold')
        line('Azioni realizzate:', 'Helvetica-Bold')
        line('- Sportello casa')
        line('Commento:', 'Helvetica-Bold')
        line('Il servizio ha funzionato ma gli obiettivi sono stati raggiunti')   # not a status box
        line('solo in alcuni comuni.')
        line(esito, 'Helvetica-Bold')
    line('3. ANALISI DEL CONTESTO', 'Helvetica-Bold', 15)
    line('Testo della sezione successiva.')
    c.showPage()
    c.save()
    ex = esiti_blocchi.extract(read_layout(buf.getvalue()))
    assert [e.fields['titolo'] for e in ex.esiti] == ['CASA E ABITARE', 'LAVORO']
    assert [stato(e.fields['stato']) for e in ex.esiti] == ['parziale', 'non_raggiunto']
    assert ex.esiti[0].fields['commento'].endswith('solo in alcuni comuni.')
    assert 'sezione successiva' not in ' '.join(str(v) for v in ex.esiti[1].fields.values())
    assert ex.esiti[1].azioni_realizzate == ['Sportello casa']
    assert ex.esiti[0].fields['triennio_valutato'] == '2015-2017'


# ---------------------------------------------------------------- two text columns per page (harness round 2, item 3)
BLOCCHI = [('CASA E ABITARE', ['Sportello casa aperto in tutti i comuni dell\'Ambito con due aperture settimanali.',
                               'Fondo affitti per le famiglie in difficoltà economica temporanea.'],
            'Il servizio ha raggiunto gran parte dei comuni, con una buona risposta delle famiglie e dei proprietari.',
            'OBIETTIVO RAGGIUNTO'),
           ('LAVORO E INCLUSIONE', ['Tirocini di inclusione sociale attivati con le aziende del territorio.',
                                    'Tavolo di raccordo tra servizi sociali e centri per l\'impiego della provincia.'],
            'I tirocini sono stati meno di quelli previsti a causa della riduzione delle aziende disponibili.',
            'OBIETTIVO PARZIALMENTE RAGGIUNTO'),
           ('DOMICILIARITÀ', ['Servizio di assistenza domiciliare esteso alle ore serali e ai giorni festivi.'],
            'Il servizio è stato esteso come previsto in tutti i comuni, con una buona soddisfazione degli utenti.',
            'OBIETTIVO RAGGIUNTO')]


def _blocco(titolo, azioni, commento, stato_):
    from fixtures.colonne import p
    return [p(f'<b>OBIETTIVO:</b> {titolo}'), p('AZIONI REALIZZATE NEL TRIENNIO 2018-2020:', True),
            *[p('- ' + a) for a in azioni], p(f'<b>COMMENTO:</b> {commento}'), p(stato_, True)]


def test_blocks_in_two_text_columns_are_read_column_by_column():
    """The second block starts at the foot of the left column and carries on at the top of the right one,
    beside the first block's lines: read by `top`, the two would be shuffled together."""
    from reportlab.platypus import Spacer
    from fixtures.colonne import NEXT, due_colonne, p
    intro = p('Nel triennio il Piano di Zona ha sviluppato le azioni previste nelle diverse aree di intervento, '
              'in collaborazione con i comuni, la ASST e gli enti del terzo settore del territorio dell\'Ambito.')
    b2 = _blocco(*BLOCCHI[1])
    story = [intro, Spacer(1, 6), *_blocco(*BLOCCHI[0]), Spacer(1, 6), *b2[:3], NEXT(), *b2[3:], Spacer(1, 6),
             *_blocco(*BLOCCHI[2])]
    layout = read_layout(due_colonne(story))
    right = [ln for ln in layout.page(1).lines if ln.column == 1]
    assert right and right[0].text.startswith('- ' + BLOCCHI[1][1][1][:20])       # the layout the test is about
    ex = esiti_blocchi.extract(layout)
    assert [e.fields['titolo'] for e in ex.esiti] == [b[0] for b in BLOCCHI]
    assert [e.azioni_realizzate for e in ex.esiti] == [b[1] for b in BLOCCHI]
    assert [e.fields['commento'].replace('\n', ' ') for e in ex.esiti] == [b[2] for b in BLOCCHI]
    assert [stato(e.fields['stato']) for e in ex.esiti] == ['raggiunto', 'parziale', 'raggiunto']
    assert all(e.fields['triennio_valutato'] == '2018-2020' for e in ex.esiti)


# ---------------------------------------------------------------- narrow columns: labels and status boxes wrap (harness 3a, item 2)
def _blocco_a_capo(titolo, azioni, commento, stato_, etichetta):
    """A block as a narrow column sets it: the title, the actions' label and the status box each
    broken over lines ('\\n' is where the column wrapped them)."""
    from fixtures.colonne import p
    return [p(f'OBIETTIVO: {titolo}'), p(etichetta, True), *[p('- ' + a) for a in azioni],
            p('RISORSE IMPIEGATE:', True), p('Risorse professionali (Ambito, Comuni)'),
            p(stato_, True), p(f'COMMENTO: {commento}')]


LUNGO = ('Il lavoro con i comuni e con gli enti del terzo settore ha permesso di consolidare le pratiche '
         'comuni, anche se resta da estendere la raccolta sistematica dei dati a tutti i servizi associati. ') * 6
WRAPPED = [('PIANO TRIENNALE\nDELLA RACCOLTA DATI', ['Reportistica ai Comuni', 'Strumenti di rilevazione on line'],
            'Il sistema deve investire ancora sulla raccolta dei dati. Fra gli\ninterventi realizzati nel triennio: '
            'la cartella sociale unica. ' + LUNGO, 'OBIETTIVO PARZIALMENTE\nRAGGIUNTO', 'AZIONI REALIZZATE NEL\nTRIENNIO 2015-2017:'),
           ('PRESA IN CARICO\nPROFESSIONALE', ['Coordinamento professionale (27 incontri)'],
            'Il coordinamento ha ridotto gli effetti del turn over. ' + LUNGO, 'OBIETTIVO\nRAGGIUNTO',
            'AZIONI\nREALIZZATE NEL\nTRIENNIO 2015-2017:'),
           ('EMERGENZA ABITATIVA', ['Fideiussioni sociali'], 'Costituita l\'Agenzia per l\'abitare.',
            'OBIETTIVO\nPARZIALMENTE\nRAGGIUNTO', 'AZIONI REALIZZATE NEL TRIENNIO\n2015-2017:')]


@pytest.fixture(scope='module')
def a_capo():
    from reportlab.platypus import Spacer
    from fixtures.colonne import NEXT, due_colonne, p
    story = [p('Esiti della programmazione 2015-2017', True), Spacer(1, 11.5)]
    for n, b in enumerate(WRAPPED):     # whole lines of space: the two columns' lines stay on one grid
        story += [*_blocco_a_capo(*b), Spacer(1, 11.5)] + ([NEXT()] if n == 0 else [])
    layout = read_layout(due_colonne(story))
    return layout, esiti_blocchi.extract(layout)


def test_wrapped_labels_are_the_layout_under_test(a_capo):
    layout, _ = a_capo
    texts = [ln.text for ln in layout.page(1).lines]
    assert 'TRIENNIO 2015-2017:' in texts and 'AZIONI' in texts and 'RAGGIUNTO' in texts
    assert {ln.column for ln in layout.page(1).lines if not ln.furniture} == {0, 1}


def test_label_wrapped_over_lines_is_recognised(a_capo):
    _, ex = a_capo
    assert [e.fields['titolo'] for e in ex.esiti] == [' '.join(b[0].split()) for b in WRAPPED]
    assert [e.azioni_realizzate for e in ex.esiti] == [b[1] for b in WRAPPED]
    assert all(e.fields['triennio_valutato'] == '2015-2017' for e in ex.esiti)
    assert all(e.fields['risorse_impiegate'] == 'Risorse professionali (Ambito, Comuni)' for e in ex.esiti)


def test_status_box_wrapped_over_lines_is_one_status(a_capo):
    _, ex = a_capo
    assert [' '.join(e.fields['stato'].split()) for e in ex.esiti] == [' '.join(b[3].split()) for b in WRAPPED]
    assert [stato(e.fields['stato']) for e in ex.esiti] == ['parziale', 'raggiunto', 'parziale']
    assert not any(a.startswith('OBIETTIVO') for e in ex.esiti for a in e.azioni_realizzate)


def test_a_sentence_with_a_colon_in_a_comment_is_no_label(a_capo):
    # '... Fra gli / interventi realizzati nel triennio: la ...' carries on the comment
    _, ex = a_capo
    commento = ' '.join(ex.esiti[0].fields['commento'].split())
    assert commento == ' '.join(WRAPPED[0][2].split())
    assert not any('cartella sociale' in a for a in ex.esiti[0].azioni_realizzate)


def test_wrapped_lines_join_only_when_set_alike():
    # a bold heading followed by a plain line ending in a colon is not one label
    from fixtures.colonne import due_colonne, p
    layout = read_layout(due_colonne([p('AZIONI REALIZZATE NEL TRIENNIO', True), p('2015-2017:'), p('testo')]))
    items = esiti_blocchi._wrapped_joined(layout.page(1).content_lines())
    assert [ln.text for ln in items][:2] == ['AZIONI REALIZZATE NEL TRIENNIO', '2015-2017:']
