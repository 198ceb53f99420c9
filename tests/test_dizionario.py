"""The data dictionary: every table, column, view and vocabulary value explained, in the shipped
document, in `pdz schema` and in the warehouse's own comments."""
import typing

import duckdb
from typer.testing import CliRunner

from models import TABLES
from models.dizionario import COLONNE, TABELLE, VOCABOLARI
from models.schema import AREE_REGIONALI
from pdz.cli import app
from warehouse import dictionary
from warehouse.views import VIEWS

runner = CliRunner()


def test_every_model_field_and_table_has_an_italian_description():
    for m in TABLES:
        assert TABELLE.get(m.__table__), m.__table__
        missing = [f for f in m.model_fields if not COLONNE.get(m.__table__, {}).get(f)]
        assert not missing, (m.__table__, missing)


def test_every_view_column_has_a_description():
    for name in VIEWS:
        for col, typ, text in dictionary.columns(name):      # raises MissingDescription otherwise
            assert len(text) > 10, (name, col)


def _literals(annotation):
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Literal:
        return set(args)
    return set().union(*(_literals(a) for a in args)) if args else set()


def test_every_vocabulary_value_is_explained():
    explained = {v for _, values in VOCABOLARI.values() for v in values}
    for m in TABLES:
        for name, field in m.model_fields.items():
            if name == 'comparatore':           # '>=' and the like: explained in the column itself
                continue
            missing = _literals(field.annotation) - explained
            assert not missing, (m.__table__, name, missing)
    assert set(AREE_REGIONALI) <= set(VOCABOLARI['area_regionale'][1])
    for _, values in VOCABOLARI.values():
        assert all(values.values())


def test_shipped_document_is_up_to_date():
    assert dictionary.main(['--check']) == 0, 'docs/dizionario-dati.md non aggiornato: eseguire `make docs`'
    text = dictionary.DOC.read_text(encoding='utf-8')
    for name, _, _ in dictionary.relations():
        assert f'## {name}' in text
    assert 'esito_sintetico' in text and 'Interventi per la famiglia' in text


def test_warehouse_comments_every_table_view_and_column(warehouse_campioni):
    con = duckdb.connect(str(warehouse_campioni), read_only=True)
    rels = {r[0]: r[1] for r in con.execute(
        "SELECT table_name, comment FROM duckdb_tables() UNION ALL SELECT view_name, comment FROM duckdb_views() "
        "WHERE NOT internal").fetchall()}
    for name, _, _ in dictionary.relations():
        assert rels.get(name), name
    cols = con.execute("SELECT table_name, column_name, comment FROM duckdb_columns() WHERE table_name IN "
                       f"({', '.join(repr(n) for n, _, _ in dictionary.relations())})").fetchall()
    assert len(cols) > 150 and all(c for _, _, c in cols), [(t, c) for t, c, x in cols if not x]


def test_pdz_schema_lists_and_describes():
    r = runner.invoke(app, ['schema', '-f', 'csv'])
    assert r.exit_code == 0 and 'v_promesse' in r.stdout and 'ambiti' in r.stdout
    r = runner.invoke(app, ['schema', 'obiettivi', '-f', 'json'])
    import json
    rows = json.loads(r.stdout)
    assert {x['colonna'] for x in rows} == set(COLONNE['obiettivi'])
    assert 'Terzo Settore' in next(x['descrizione'] for x in rows if x['colonna'] == 'coprogettato_ts')
    r = runner.invoke(app, ['schema', 'nessuna'])
    assert r.exit_code == 2 and 'non è una tabella' in r.output
