"""Views that answer the common questions: one row per promise, one scale for outcomes, areas."""
import datetime as dt

import duckdb

from models import Documento, Esito
from models.schema import AREE_REGIONALI
from warehouse.store import connect, write_document


def test_v_promesse_shows_a_promise_once_with_both_sources(warehouse_campioni):
    con = duckdb.connect(str(warehouse_campioni), read_only=True)
    n_ind, n_linked = con.execute('SELECT count(*), count(indicatore_collegato) FROM indicatori').fetchone()
    assert n_linked > 0
    rows = con.execute('SELECT indicatore_id, fonte, file, file_matrice FROM v_promesse').fetchall()
    assert len(rows) == n_ind - n_linked
    assert len({r[0] for r in rows}) == len(rows)                       # one row per promise
    both = [r for r in rows if r[1] == 'scheda e matrice']
    assert len(both) == n_linked
    assert all(r[2] != r[3] and 'matrice' in r[3] for r in both)        # the card's file and the matrix's


def test_v_esiti_puts_grado_stato_and_giudizio_on_one_scale(tmp_path):
    con = connect(tmp_path / 'w.duckdb')
    doc = Documento(documento_id='d' * 16, file='x.pdf', sha256='d' * 64, pagine=1,
                    estratto_il=dt.datetime.now(), versione_estrattore='t')
    cases = [(dict(grado_raggiungimento=100.0), 'raggiunto', 'grado'),
             (dict(grado_raggiungimento=80.0), 'raggiunto', 'grado'),
             (dict(grado_raggiungimento=79.5), 'parziale', 'grado'),
             (dict(grado_raggiungimento=40.0), 'parziale', 'grado'),
             (dict(grado_raggiungimento=22.0, giudizio='buono'), 'non_raggiunto', 'grado'),
             (dict(stato='parziale', grado_raggiungimento=100.0), 'parziale', 'stato'),
             (dict(giudizio='sufficiente'), 'parziale', 'giudizio'),
             (dict(giudizio='ottimo'), 'raggiunto', 'giudizio'),
             (dict(), None, None)]
    esiti = [Esito(esito_id=f'e{i}', documento_id=doc.documento_id, **kw) for i, (kw, _, _) in enumerate(cases)]
    write_document(con, {'documenti': [doc], 'esiti': esiti})
    got = dict((r[0], r[1:]) for r in con.execute('SELECT esito_id, esito_sintetico, fonte_esito FROM v_esiti').fetchall())
    assert [got[f'e{i}'] for i in range(len(cases))] == [(want, fonte) for _, want, fonte in cases]


def test_v_aree_names_each_area_of_each_objective(warehouse_campioni):
    con = duckdb.connect(str(warehouse_campioni), read_only=True)
    expected = con.execute('SELECT sum(len(aree_regionali)) FROM obiettivi').fetchone()[0]
    rows = con.execute('SELECT area, nome_area, ambito, file FROM v_aree').fetchall()
    assert expected and len(rows) == expected
    assert all(nome == AREE_REGIONALI[area] and ambito == 'Treviglio' and f for area, nome, ambito, f in rows)


def test_v_obiettivi_tells_an_empty_answer_from_a_question_the_layout_does_not_ask(tmp_path):
    from models import Obiettivo
    con = connect(tmp_path / 'w.duckdb')
    doc = Documento(documento_id='d' * 16, file='x.pdf', sha256='d' * 64, pagine=1,
                    estratto_il=dt.datetime.now(), versione_estrattore='t')
    obs = [Obiettivo(obiettivo_id='griglia', documento_id=doc.documento_id, coprogettato_ts='no'),
           Obiettivo(obiettivo_id='vuota', documento_id=doc.documento_id, premiale='si'),
           Obiettivo(obiettivo_id='narrativo', documento_id=doc.documento_id, descrizione='testo')]
    write_document(con, {'documenti': [doc], 'obiettivi': obs})
    got = dict(con.execute('SELECT obiettivo_id, domande_si_no FROM v_obiettivi').fetchall())
    assert got == {'griglia': 'griglia SI/NO', 'vuota': 'griglia SI/NO', 'narrativo': 'non previste'}
