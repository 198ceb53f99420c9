"""The regional scheda written as label paragraphs (generated here), and documents it must leave
alone (corpus: narrative objectives, older plans' esiti blocks)."""
from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from extract.families import scheda_testo
from extract.layout import read_layout
from normalize.records import normalize

from fixtures.corpus_layouts import layout_of

_BODY = ParagraphStyle('b', fontName='Helvetica', fontSize=9.5, leading=12)
_BOLD = ParagraphStyle('l', fontName='Helvetica-Bold', fontSize=9.5, leading=12)
_HEAD = ParagraphStyle('h', fontName='Helvetica-Bold', fontSize=13, leading=16)


def _scheda(n: int, titolo: str | None, colon: str = ':', heading: list[str] | None = None) -> list:
    """One scheda as paragraphs: labels in bold, content below, yes/no answers on the label's line;
    `heading`: the lines of its heading (default 'Scheda obiettivo n'); no `titolo`, no title label."""
    p = lambda t, s=_BODY: Paragraph(t, s)   # noqa: E731
    out = [p(h, _HEAD) for h in heading or [f'Scheda obiettivo {n}']] + [Spacer(1, 6)]
    for label, content in [('TITOLO OBIETTIVO', [titolo] if titolo else []),
                           ('QUALI OBIETTIVI VUOLE RAGGIUNGERE', ['Una rete stabile tra servizi sociali e sanitari',
                                                                  'per sostenere la domiciliarità.']),
                           ('AZIONI PROGRAMMATE', ['• Mappatura dei servizi', '• Tavolo mensile con le associazioni']),
                           ('TARGET', ['Anziani fragili e caregiver']),
                           ('RISORSE ECONOMICHE PREVENTIVATE', ['• FNPS', '• Fondo non autosufficienza'])]:
        if content:
            out += [p(f'{label}{colon}', _BOLD)] + [p(c) for c in content] + [Spacer(1, 5)]
    out += [p("<b>PREVEDE IL COINVOLGIMENTO DI ASST NELL'ANALISI DEL BISOGNO E NELLA PROGRAMMAZIONE?: SI</b>"),
            p("<b>L'INTERVENTO È REALIZZATO IN COOPERAZIONE CON ALTRI AMBITI? NO</b>"),
            p('<b>QUESTO INTERVENTO A QUALE/I BISOGNO/I RISPONDE?:</b>'), p('Isolamento degli anziani soli.'),
            p("<b>L'OBIETTIVO PRESENTA DEGLI ASPETTI INERENTI ALLA DIGITALIZZAZIONE?: NO</b>")]
    return out


def _pdf(story) -> bytes:
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, topMargin=50, bottomMargin=50).build(story)
    return buf.getvalue()


def _rows(data: bytes):
    ex = scheda_testo.extract(read_layout(data))
    return normalize(ex, {'documento_id': 'x', 'ambito_id': 'a', 'triennio': '2025-2027'}), ex


@pytest.fixture(scope='module')
def due_schede():
    intro = [Paragraph('Premessa', _HEAD), Paragraph('Il Piano descrive gli obiettivi del triennio.', _BODY), PageBreak()]
    return _rows(_pdf(intro + _scheda(1, 'Rete per la domiciliarità') + [PageBreak()] + _scheda(2, 'Casa comune')))


def test_paragraph_schede_found_with_their_pages(due_schede):
    rows, ex = due_schede
    assert [(o['numero'], o['titolo'], o['pagina_inizio']) for o in rows['obiettivi']] == \
        [('1', 'Rete per la domiciliarità', 2), ('2', 'Casa comune', 3)], ex.anomalie


def test_paragraph_scheda_fields(due_schede):
    rows, _ = due_schede
    o = rows['obiettivi'][0]
    assert ' '.join(o['descrizione'].split()) == 'Una rete stabile tra servizi sociali e sanitari per sostenere la domiciliarità.'
    assert o['target'] == 'Anziani fragili e caregiver'
    assert o['risorse_economiche'] == ['FNPS', 'Fondo non autosufficienza']
    assert (o['asst_analisi'], o['cooperazione_ambiti'], o['digitalizzazione']) == ('si', 'no', 'no')
    assert o['bisogno'] == 'Isolamento degli anziani soli.'
    mine = [a['testo'] for a in rows['azioni'] if a['obiettivo_id'] == o['obiettivo_id']]
    assert mine == ['Mappatura dei servizi', 'Tavolo mensile con le associazioni']


def test_a_heading_wrapped_over_two_lines_names_the_scheda_whole():
    """'OBIETTIVO 1: Rete di supporto per la' / 'non autosufficienza', the title in the heading
    alone; the label below it in the same style is no part of it."""
    rows, _ = _rows(_pdf(_scheda(1, None, heading=['OBIETTIVO 1: Rete di supporto per la', 'non autosufficienza'])
                         + [PageBreak()]
                         + _scheda(2, None, heading=['OBIETTIVO 2: CASA COMUNE PER LE PERSONE IN', 'USCITA DAL CARCERE'])))
    assert [(o['numero'], o['titolo']) for o in rows['obiettivi']] == \
        [('1', 'Rete di supporto per la non autosufficienza'), ('2', 'CASA COMUNE PER LE PERSONE IN USCITA DAL CARCERE')]


def test_labels_without_colon_in_bold():
    rows, _ = _rows(_pdf(_scheda(1, 'Rete per la domiciliarità', colon='')))
    assert [o['titolo'] for o in rows['obiettivi']] == ['Rete per la domiciliarità']
    assert rows['obiettivi'][0]['target'] == 'Anziani fragili e caregiver'


def test_a_few_labels_are_no_scheda():
    """Title, actions and target alone are a narrative objective's headings, not a regional scheda."""
    story = [Paragraph(t, s) for t, s in [('TITOLO OBIETTIVO:', _BOLD), ('Rete per la domiciliarità', _BODY),
                                          ('AZIONI:', _BOLD), ('• Mappatura dei servizi', _BODY),
                                          ('TARGET:', _BOLD), ('Anziani fragili', _BODY)]]
    rows, ex = _rows(_pdf(story))
    assert rows['obiettivi'] == [] and ex.anomalie == []


@pytest.mark.parametrize('doc', ['treviglio-pdz-2025-2027-obiettivi.pdf', 'treviglio-pdz-2018-2020.pdf',
                                 'alto-sebino-pdz-2025-2027.pdf', 'dalmine-presentazione-2021.pdf'])
def test_other_layouts_left_alone(doc):
    """Narrative objectives ('OBIETTIVO PRINCIPALE:'), esiti blocks, table schede, slides: nothing."""
    ex = scheda_testo.extract(layout_of(doc))
    assert ex.obiettivi == [] and ex.anomalie == []


# ---------------------------------------------------------------- distretto cards written as headed paragraphs
def _distretto(n: int, titolo: str) -> list:
    p = lambda t, s=_BODY: Paragraph(t, s)   # noqa: E731
    out = [p(f'{n}. {titolo}', _HEAD), Spacer(1, 6)]
    for label, content in [('Finalità', ['Attivare una cabina di regia sul tema', 'della riduzione dei rischi.']),
                           ('Destinatari', ['Adolescenti e giovani under 34']),
                           ('Azioni', ['• Mappatura dei servizi', '• Formazione congiunta']),
                           ('Tempistica', ['2025/2027']), ('Governance', ['• ASST Bergamo Est', '• 7 Ambiti'])]:
        out += [p(label, _BOLD)] + [p(c) for c in content] + [Spacer(1, 5)]
    return out


@pytest.fixture(scope='module')
def distretto_testo():
    intro = [Paragraph('Obiettivi di integrazione sociosanitaria del Distretto Bergamo Est', _HEAD),
             Paragraph('Il Distretto condivide i seguenti obiettivi.', _BODY)]
    layout = read_layout(_pdf(intro + _distretto(1, 'Riduzione dei rischi') + [PageBreak()] +
                              _distretto(2, 'Salute territoriale')))
    return layout, scheda_testo.extract(layout)


def test_distretto_cards_as_paragraphs(distretto_testo):
    _, ex = distretto_testo
    rows = normalize(ex, {'documento_id': 'x', 'ambito_id': 'a', 'triennio': '2025-2027'})
    assert [(o['livello'], o['numero'], o['titolo'], o['pagina_inizio'], o['tempi']) for o in rows['obiettivi']] == \
        [('distretto', '1', 'Riduzione dei rischi', 1, '2025/2027'), ('distretto', '2', 'Salute territoriale', 2, '2025/2027')]
    o = rows['obiettivi'][0]
    assert ' '.join(o['descrizione'].split()) == 'Attivare una cabina di regia sul tema della riduzione dei rischi.'
    assert o['target'] == 'Adolescenti e giovani under 34'
    assert [a['testo'] for a in rows['azioni'] if a['obiettivo_id'] == o['obiettivo_id']] == \
        ['Mappatura dei servizi', 'Formazione congiunta']


def test_distretto_card_lines_are_claimed(distretto_testo):
    """covers(): the card's label and text lines belong to scheda_testo (obiettivi_narrativi leaves them);
    the document's heading and introduction above do not."""
    layout, _ = distretto_testo
    lines = {ln.text: ln for ln in layout.page(1).content_lines()}
    assert scheda_testo.covers(layout, 1, lines['Finalità'].top)
    assert scheda_testo.covers(layout, 1, lines['2025/2027'].top)
    assert not scheda_testo.covers(layout, 1, lines['Il Distretto condivide i seguenti obiettivi.'].top)


def test_narrative_objective_is_no_distretto_card(due_schede):
    """Regional schede written as text (and narrative objectives) give no distretto card."""
    rows, _ = due_schede
    assert {o['livello'] for o in rows['obiettivi']} == {'ambito'}
