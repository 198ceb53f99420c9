"""Monitoring-matrix rows are tied to the cards they measure, across documents."""
import duckdb

from pdz.ingest import run


def test_matrix_indicators_link_to_cards_of_the_same_ambito_and_triennio(tmp_path, sample):
    folder = tmp_path / 'in'
    sample('treviglio-matrice-monitoraggio-2025.pdf', folder)
    sample('treviglio-pdz-2025-2027-obiettivi.pdf', folder)
    db = tmp_path / 'w.duckdb'
    summary = run([folder], db, jobs=2)
    assert summary.links > 0
    con = duckdb.connect(str(db), read_only=True)
    # linked rows stay top-level rows of the matrix (obiettivo_id NULL), pointing at a card
    bad = con.execute("""SELECT count(*) FROM indicatori m JOIN indicatori c ON c.indicatore_id = m.indicatore_collegato
                         WHERE m.obiettivo_id IS NOT NULL OR c.obiettivo_id <> m.obiettivo_collegato
                            OR c.documento_id = m.documento_id""").fetchone()[0]
    assert bad == 0
    # the posti-letto promise of the card is measured by the matrix row saying the same thing
    row = con.execute("""SELECT obiettivo, numero FROM v_misure WHERE indicatore ILIKE 'Almeno n. 30 posti letto%'""").fetchall()
    assert len(row) >= 1 and row[0][1] is not None
    # a matrix of another Ambito would not link: change the card document's Ambito and recompute
    con.close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE documenti SET ambito_id = 'dalmine' WHERE file LIKE 'treviglio-pdz%'")
    from warehouse.links import link_indicators
    assert link_indicators(con) == 0


def test_links_built_incrementally_equal_a_scratch_build_and_cost_what_changed(tmp_path, sample, monkeypatch):
    import shutil
    from fuzz import state
    from pdfgen import plan_pdf
    from warehouse import links
    calls = []
    counted = links.similarity
    monkeypatch.setattr(links, 'similarity', lambda a, b, *floor: calls.append(1) or counted(a, b, *floor))
    folder = tmp_path / 'in'
    card = sample('treviglio-pdz-2025-2027-obiettivi.pdf', folder)
    db = tmp_path / 'w.duckdb'
    run([folder], db, jobs=2)
    sample('treviglio-matrice-monitoraggio-2025.pdf', folder)
    assert run([folder], db, jobs=2).links > 0            # the matrix, linked to the card already there
    # a document of another Ambito changes nothing here: not one comparison
    (folder / 'dalmine.pdf').write_bytes(plan_pdf('Dalmine'))
    calls.clear()
    run([folder], db, jobs=2)
    assert calls == []
    # the card document goes: the matrix rows lose their links; it comes back: they have them again
    shutil.move(card, tmp_path / 'via.pdf')
    run([folder], db, jobs=2, prune=True)
    assert state(db)['links'] == []
    shutil.move(tmp_path / 'via.pdf', card)
    run([folder], db, jobs=2)
    scratch = tmp_path / 'scratch.duckdb'
    run([folder], scratch, jobs=2)
    assert state(db) == state(scratch) and state(db)['links']
    # everything read again (a new extractor version): still the same links
    run([folder], db, jobs=2, force=True)
    assert state(db) == state(scratch)
