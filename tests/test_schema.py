"""The field schema: one vocabulary per record type, with no wording that names two fields of
one type, and every field a column of the warehouse (or read into other records)."""
from __future__ import annotations

import pytest

from extract import schema
from extract.families import esiti_blocchi, esiti_slide, tabella_obiettivi
from extract.text import best_label
from models import schema as models

MODELS = {'obiettivo': models.Obiettivo, 'indicatore': models.Indicatore, 'esito': models.Esito,
          'azione': models.Azione, 'rilevazione': models.Rilevazione}


def test_no_wording_names_two_fields_of_one_record_type():
    assert schema.contraddizioni() == []


def test_a_contradiction_is_found(monkeypatch):
    clash = (*schema.SCHEMA['esito'], schema.Campo('commento_bis', ('Criticità',)))
    monkeypatch.setitem(schema.SCHEMA, 'esito', clash)
    assert ('esito', 'criticita', ['commento_bis', 'criticita']) in schema.contraddizioni()


@pytest.mark.parametrize('tipo', schema.TIPI)
def test_every_stored_field_is_a_column_of_its_model(tipo):
    columns = set(MODELS[tipo].model_fields)
    stored = {c.nome for c in schema.SCHEMA[tipo] if c.colonna and c.contiene is None}
    # an expected-value or deadline cell is parsed into comparatore / valore / unita / scadenza
    assert stored - columns <= {'promessa'}


def test_fields_holding_records_say_what_they_hold():
    for tipo, fields in schema.SCHEMA.items():
        for c in fields:
            assert c.contiene in (None, *schema.TIPI), (tipo, c.nome)
            assert c.tipo_elementi is None or c.contiene == 'indicatore'


def test_identity_falls_back_to_a_field_that_stands_for_it():
    assert schema.identita('obiettivo', {'titolo', 'descrizione'}) == 'titolo'
    assert schema.identita('obiettivo', {'descrizione', 'azioni'}) == 'descrizione'
    assert schema.identita('esito', {'azioni_realizzate', 'stato'}) == 'azioni_realizzate'
    assert schema.identita('esito', {'stato', 'commento'}) is None


def test_a_wording_added_once_is_read_by_every_reader_of_the_type(monkeypatch):
    """Readers take their words from the schema: the same column title means the same field in a
    deck's outcome table and in an evaluation block."""
    for reader_vocabulary in (esiti_slide.COLONNE, esiti_blocchi.ETICHETTE):
        assert best_label('Criticità emerse', reader_vocabulary, 0.85)[0] == 'criticita'
    assert best_label('Soggetti attuatori', tabella_obiettivi.COLONNE, 0.84)[0] == 'soggetti'
    assert best_label('Finalità', tabella_obiettivi.COLONNE, 0.84)[0] == 'descrizione'


def test_a_title_wording_said_whole_names_the_title_in_a_card():
    """'Titolo' is said only by a label with the word in it, or by one of the title's own
    wordings whole: a card whose title row reads 'Obiettivo strategico' names its title there,
    while a bare 'Obiettivo' stays the specific objectives."""
    from extract.labels import field_of
    for label in ('Obiettivo strategico', 'OBIETTIVO GENERALE', 'Obiettivi di piano', "Titolo dell'obiettivo"):
        assert field_of(label)[0] == 'titolo', label
    assert field_of('Obiettivo')[0] == 'obiettivi_specifici'
    assert field_of('Obiettivo strategico regionale di riferimento')[0] != 'titolo'
