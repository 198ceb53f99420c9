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
