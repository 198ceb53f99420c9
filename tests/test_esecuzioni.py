"""Row changes counted per document: a document extracted again counts as all its rows removed
and added again, even under the same id; an untouched warehouse counts nothing."""
from fixtures.schede_pdf import scheda_pdf
from pdz.ingest import run
from warehouse import esecuzioni
from warehouse.store import connect


def _snap(db):
    con = connect(db)
    try:
        return esecuzioni.snapshot(con)
    finally:
        con.close()


def test_a_forced_re_extraction_counts_every_row_out_and_in(tmp_path):
    folder, db = tmp_path / 'in', tmp_path / 'w.duckdb'
    folder.mkdir()
    (folder / 'treviglio-2025-2027.pdf').write_bytes(scheda_pdf('ruled'))
    run([folder], db, jobs=1)
    before = _snap(db)
    assert esecuzioni.diff(before, _snap(db)) == {t: (0, 0) for t in esecuzioni.COUNTED}
    again = run([folder], db, jobs=1, force=True)
    assert again.replaced == ['treviglio-2025-2027.pdf']
    after = _snap(db)
    assert list(after['_estratti']) == list(before['_estratti'])        # the same document id
    righe = esecuzioni.diff(before, after)
    for t in esecuzioni.COUNTED:
        n = sum(after[t].values())
        assert righe[t] == (n, sum(before[t].values())), t
    assert righe['documenti'] == (1, 1) and righe['obiettivi'][0] >= 1 and righe['azioni'][0] >= 1
