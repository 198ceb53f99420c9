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
