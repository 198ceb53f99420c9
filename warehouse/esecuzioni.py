"""The change log: one `esecuzioni` row per nightly run and, in `esecuzioni_righe`, the rows it
added to and removed from each table. Rows are counted per document before and after the run,
so a re-extracted document counts all its old rows as removed and all its new ones as added."""
from __future__ import annotations

from models import Anomalia, Esecuzione, EsecuzioneRighe

from .store import DOC_TABLES, insert_rows

DOWNLOAD = 'download'          # anomalie.fase of a document that could not be fetched
COUNTED = ['documenti'] + [m.__table__ for m in DOC_TABLES]


def snapshot(con) -> dict:
    """{table: {document key: rows}} plus '_estratti': {documento_id: estratto_il}."""
    snap = {'_estratti': dict(con.execute('SELECT documento_id, estratto_il FROM documenti').fetchall())}
    for t in COUNTED:
        # anomalies of a file that has no document yet are keyed by the file
        key = "coalesce(documento_id, 'file:' || coalesce(file, ''))" if t == 'anomalie' else 'documento_id'
        snap[t] = dict(con.execute(f'SELECT {key}, count(*) FROM {t} GROUP BY 1').fetchall())
    return snap


def diff(before: dict, after: dict) -> dict[str, tuple[int, int]]:
    """{table: (added, removed)} between two snapshots."""
    redone = {d for d, when in after['_estratti'].items() if d in before['_estratti'] and before['_estratti'][d] != when}
    out = {}
    for t in COUNTED:
        added = removed = 0
        b, a = before.get(t, {}), after.get(t, {})
        for k in b.keys() | a.keys():
            nb, na = b.get(k, 0), a.get(k, 0)
            if k in redone:
                added, removed = added + na, removed + nb
            else:
                added, removed = added + max(0, na - nb), removed + max(0, nb - na)
        out[t] = (added, removed)
    return out


def record(con, before: dict, run: Esecuzione, anomalie: list[Anomalia]) -> dict[str, tuple[int, int]]:
    """In one transaction: the download anomalies of this run replace the previous run's, the run
    gets the next number, and its row changes are stored. Returns {table: (added, removed)}."""
    con.execute('BEGIN')
    try:
        con.execute('DELETE FROM anomalie WHERE fase = ?', [DOWNLOAD])
        insert_rows(con, 'anomalie', anomalie)
        righe = diff(before, snapshot(con))
        run.esecuzione_id = con.execute('SELECT coalesce(max(esecuzione_id), 0) + 1 FROM esecuzioni').fetchone()[0]
        insert_rows(con, 'esecuzioni', [run])
        insert_rows(con, 'esecuzioni_righe', [EsecuzioneRighe(esecuzione_id=run.esecuzione_id, tabella=t,
                                                              aggiunte=a, tolte=r) for t, (a, r) in righe.items()])
        con.execute('COMMIT')
    except BaseException:
        con.execute('ROLLBACK')
        raise
    return righe


def last(con) -> tuple[Esecuzione, dict[str, tuple[int, int]]] | None:
    """The latest run and its row changes; None when there was none (or the warehouse predates the log)."""
    have = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                       "('esecuzioni', 'esecuzioni_righe') AND table_schema = 'main'").fetchone()[0]
    if have < 2:
        return None
    cur = con.execute('SELECT * FROM esecuzioni ORDER BY esecuzione_id DESC LIMIT 1')
    row = cur.fetchone()
    if row is None:
        return None
    run = Esecuzione(**dict(zip([d[0] for d in cur.description], row)))
    righe = {t: (a, r) for t, a, r in con.execute(
        'SELECT tabella, aggiunte, tolte FROM esecuzioni_righe WHERE esecuzione_id = ?', [run.esecuzione_id]).fetchall()}
    return run, righe
