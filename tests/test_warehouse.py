"""The warehouse: schema from models/, one transaction per document."""
import datetime as dt

import duckdb
import pytest

from models import TABLES, Documento, Obiettivo, Anomalia
from warehouse.store import connect, write_document

# the contract of ../shared/SCHEMA.md: these names must exist (more may)
SCHEMA_MD = {
    'ambiti': 'ambito_id nome distretto asst comuni',
    'documenti': 'documento_id file sha256 ambito_id triennio tipo titolo pagine estratto_il versione_estrattore',
    'obiettivi': 'obiettivo_id documento_id ambito_id triennio livello numero titolo macroarea aree_regionali '
                 'descrizione target risorse_economiche risorse_personale trasversale aree_trasversali punti_chiave '
                 'asst_analisi asst_realizzazione cooperazione_ambiti continuita_precedente nuovo_servizio premiale '
                 'coprogrammato_ts coprogettato_ts altri_attori coprogettato_altri modalita_ts bisogno '
                 'bisogno_consolidato tipo_obiettivo innovativo digitalizzazione tempi governance pagina_inizio pagina_fine',
    'azioni': 'obiettivo_id ordine testo leps',
    'indicatori': 'indicatore_id documento_id obiettivo_id numero tipo testo policy comparatore valore unita scadenza '
                  'baseline atteso_anno1 atteso_anno2 ridefinizione responsabile frequenza note',
    'rilevazioni': 'indicatore_id data valore_testo valore',
    'esiti': 'esito_id documento_id ambito_id triennio_valutato macroarea titolo descrizione dimensione '
             'grado_raggiungimento giudizio valutazione_utenti adeguatezza_risorse coincidenza_risorse criticita '
             'risposta_bisogno continuita_precedente riproposto stato azioni_realizzate risorse_impiegate commento pagina',
    'anomalie': 'documento_id pagina fase gravita messaggio',
}


def test_schema_created_from_models_has_every_schema_md_column(tmp_path):
    con = connect(tmp_path / 'w.duckdb')
    cols = {}
    for t, c, typ in con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns").fetchall():
        cols.setdefault(t, {})[c] = typ
    for table, names in SCHEMA_MD.items():
        assert table in cols, table
        missing = set(names.split()) - set(cols[table])
        assert not missing, (table, missing)
    # the DDL is the models': every model field is a column, lists are arrays
    for m in TABLES:
        assert set(m.model_fields) == set(cols[m.__table__])
    assert cols['obiettivi']['aree_regionali'] == 'VARCHAR[]'
    assert cols['indicatori']['valore'] == 'DOUBLE'
    assert cols['rilevazioni']['data'] == 'DATE'


def test_existing_warehouse_gains_new_model_columns(tmp_path):
    db = tmp_path / 'old.duckdb'
    con = duckdb.connect(str(db))
    con.execute('CREATE TABLE esiti (esito_id VARCHAR, documento_id VARCHAR)')
    con.close()
    con = connect(db)
    have = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name='esiti'").fetchall()}
    assert {'stato', 'grado_raggiungimento', 'azioni_realizzate'} <= have


def test_existing_warehouse_follows_a_column_type_the_models_changed(tmp_path):
    db = tmp_path / 'old.duckdb'
    con = duckdb.connect(str(db))
    con.execute('CREATE TABLE indicatori (indicatore_id VARCHAR, documento_id VARCHAR, numero INTEGER)')
    con.execute("INSERT INTO indicatori VALUES ('i', 'd', 25)")
    con.close()
    con = connect(db)
    assert con.execute("SELECT data_type FROM information_schema.columns WHERE table_name='indicatori' "
                       "AND column_name='numero'").fetchone() == ('VARCHAR',)
    assert con.execute('SELECT numero FROM indicatori').fetchall() == [('25',)]


def _doc_rows(did: str, titles: list[str], percorso='/x/a.pdf'):
    doc = Documento(documento_id=did, file='a.pdf', sha256=did * 4, pagine=3, estratto_il=dt.datetime.now(),
                    versione_estrattore='t', percorso=percorso)
    obs = [Obiettivo(obiettivo_id=f'{did}-o{i}', documento_id=did, titolo=t) for i, t in enumerate(titles)]
    return {'documenti': [doc], 'obiettivi': obs,
            'anomalie': [Anomalia(documento_id=did, fase='extract', messaggio='m')]}


def test_failure_mid_document_leaves_the_old_version_whole(tmp_path):
    con = connect(tmp_path / 'w.duckdb')
    write_document(con, _doc_rows('a' * 16, ['vecchio 1', 'vecchio 2']))
    # new version of the same file (other sha): crash after its obiettivi were inserted
    with pytest.raises(RuntimeError, match='simulated'):
        write_document(con, _doc_rows('b' * 16, ['nuovo']), fail_after='obiettivi')
    assert con.execute('SELECT documento_id FROM documenti').fetchall() == [('a' * 16,)]
    assert sorted(r[0] for r in con.execute('SELECT titolo FROM obiettivi').fetchall()) == ['vecchio 1', 'vecchio 2']
    assert con.execute('SELECT count(*) FROM anomalie').fetchone()[0] == 1
    # and when it succeeds the new version replaces the old entirely
    write_document(con, _doc_rows('b' * 16, ['nuovo']))
    assert con.execute('SELECT documento_id FROM documenti').fetchall() == [('b' * 16,)]
    assert [r[0] for r in con.execute('SELECT titolo FROM obiettivi').fetchall()] == ['nuovo']
