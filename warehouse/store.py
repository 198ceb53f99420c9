"""Writing documents: one transaction each — the document's old rows go and its new rows come
in together, so a crash leaves every document either fully old or fully new."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import numpy

from models import TABLES, Ambito
from models.schema import Row

from .ddl import columns, ensure_schema
from .derivati import ensure_table, mark_stale
from .dictionary import comment_on
from .views import create_views

PATHS = 'percorsi'        # where a document's file is (bookkeeping, not data read from it)
# tables holding rows read from a document, by documento_id (children carry it too)
DOC_TABLES = [m for m in TABLES if 'documento_id' in m.model_fields and m.__table__ not in ('documenti', PATHS)]
_MODEL = {m.__table__: m for m in TABLES}


def connect(path: str | Path, read_only: bool = False):
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    if not read_only:
        ensure_schema(con)
        ensure_table(con)
        create_views(con)
        comment_on(con)
    return con


def load_ambiti(con, ambiti: list[dict]) -> None:
    rows = [Ambito(**{k: a.get(k) for k in Ambito.model_fields}) for a in ambiti]
    con.execute('BEGIN')
    con.execute('DELETE FROM ambiti')
    _insert(con, 'ambiti', [r.model_dump() for r in rows])
    con.execute('COMMIT')


def _insert(con, table: str, rows: list[dict]) -> None:
    """One INSERT ... SELECT over the rows as columns: DuckDB binds each Python parameter in a
    fraction of a millisecond, so `executemany` (or one VALUES list) costs seconds a document,
    while a scan of object arrays costs next to nothing."""
    if not rows:
        return
    cols = [c for c, _ in columns(_MODEL[table])]
    frame = {}
    for c in cols:
        column = frame[c] = numpy.empty(len(rows), dtype=object)   # object: lists and None kept as they are
        for i, r in enumerate(rows):      # one by one: a slice would spread equal-length lists into a 2-D array
            column[i] = r.get(c)
    name = f'_righe_{table}'
    con.register(name, frame)
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM {name}")
    finally:
        con.unregister(name)


def known_version(con, sha256: str) -> str | None:
    r = con.execute('SELECT versione_estrattore FROM documenti WHERE sha256 = ? ORDER BY estratto_il DESC LIMIT 1',
                    [sha256]).fetchone()
    return r[0] if r else None


def previous_ids(con, percorso: str, documento_id: str) -> list[str]:
    ids = {r[0] for r in con.execute('SELECT documento_id FROM documenti WHERE percorso = ? OR documento_id = ?',
                                     [percorso, documento_id]).fetchall()}
    return sorted(ids | {documento_id})


def write_document(con, rows: dict[str, list[Row]], fail_after: str | None = None) -> None:
    """Replace the document's rows. `rows` maps table -> validated models, 'documenti' holding
    exactly one. `fail_after` (tests only) raises after inserting that table, to prove atomicity."""
    doc = rows['documenti'][0]
    ids = previous_ids(con, doc.percorso or doc.file, doc.documento_id)
    con.execute('BEGIN')
    try:
        # the copies of this same file stay where they are; the paths of versions it replaces go
        copies = con.execute(f'SELECT file, percorso FROM {PATHS} WHERE documento_id = ?', [doc.documento_id]).fetchall()
        mark_stale(con, ids)              # the groups the old versions were in
        _delete(con, ids)
        for model in TABLES[1:]:
            table = model.__table__
            _insert(con, table, [r.model_dump() for r in rows.get(table, [])])
            if fail_after == table:
                raise RuntimeError(f'simulated failure after {table}')
        for file, percorso in {*copies, (doc.file, doc.percorso or doc.file)}:
            _insert_path(con, doc.documento_id, file, percorso)
        # the file reads now: what its earlier failed attempts reported no longer holds
        con.execute('DELETE FROM anomalie WHERE file = ? AND documento_id IS DISTINCT FROM ? AND '
                    '(documento_id IS NULL OR documento_id NOT IN (SELECT documento_id FROM documenti))',
                    [doc.file, doc.documento_id])
        mark_stale(con, [doc.documento_id])
        con.execute('COMMIT')
    except BaseException:
        con.execute('ROLLBACK')
        raise


def _delete(con, ids: list[str]) -> None:
    """The documents' rows, children first; inside the caller's transaction."""
    marks = ', '.join('?' for _ in ids)
    for table in [m.__table__ for m in DOC_TABLES] + [PATHS]:
        con.execute(f'DELETE FROM {table} WHERE documento_id IN ({marks})', ids)
    con.execute(f'DELETE FROM documenti WHERE documento_id IN ({marks})', ids)


def row_count(con, documento_id: str) -> int:
    """Records of a document (obiettivi, azioni, indicatori, esiti)."""
    return con.execute('SELECT (SELECT count(*) FROM obiettivi WHERE documento_id = $d) + '
                       '(SELECT count(*) FROM azioni WHERE documento_id = $d) + '
                       '(SELECT count(*) FROM indicatori WHERE documento_id = $d) + '
                       '(SELECT count(*) FROM esiti WHERE documento_id = $d)', {'d': documento_id}).fetchone()[0]


def _insert_path(con, documento_id: str, file: str, percorso: str) -> None:
    con.execute(f'DELETE FROM {PATHS} WHERE documento_id = ? AND percorso = ?', [documento_id, percorso])
    con.execute(f'INSERT INTO {PATHS} (documento_id, percorso, file, visto_il) VALUES (?, ?, ?, ?)',
                [documento_id, percorso, file, dt.datetime.now()])


def follow_paths(con, documento_id: str, found: list[tuple[str, str]], exists) -> None:
    """The document's file was found at `found` [(file, percorso)]: those paths are recorded, the
    recorded ones `exists` denies are dropped (the file was renamed or moved), and the document's
    own file and percorso name a path that exists. One transaction."""
    con.execute('BEGIN')
    try:
        for file, percorso in found:
            _insert_path(con, documento_id, file, percorso)
        for (percorso,) in con.execute(f'SELECT percorso FROM {PATHS} WHERE documento_id = ?', [documento_id]).fetchall():
            if not exists(percorso):
                con.execute(f'DELETE FROM {PATHS} WHERE documento_id = ? AND percorso = ?', [documento_id, percorso])
        row = con.execute('SELECT percorso FROM documenti WHERE documento_id = ?', [documento_id]).fetchone()
        if row and not (row[0] and exists(row[0])) and found:
            file, percorso = found[0]
            con.execute('UPDATE documenti SET file = ?, percorso = ? WHERE documento_id = ?', [file, percorso, documento_id])
            con.execute('UPDATE anomalie SET file = ? WHERE documento_id = ?', [file, documento_id])
        con.execute('COMMIT')
    except BaseException:
        con.execute('ROLLBACK')
        raise


def copies(con) -> list[tuple[str, list[str]]]:
    """(file, [percorsi]) of documents found at more than one path."""
    rows = con.execute(f'SELECT d.file, list(p.percorso ORDER BY p.percorso) FROM documenti d JOIN {PATHS} p '
                       'USING (documento_id) GROUP BY d.documento_id, d.file HAVING count(*) > 1 ORDER BY d.file').fetchall()
    return [(f, list(ps)) for f, ps in rows]


def gone(con, exists) -> list[tuple[str, str, str]]:
    """(documento_id, file, percorso) of documents none of whose paths `exists(percorso)` admits."""
    rows = con.execute(f'SELECT d.documento_id, d.file, d.percorso, list(p.percorso) FROM documenti d '
                       f'LEFT JOIN {PATHS} p USING (documento_id) GROUP BY ALL ORDER BY d.file').fetchall()
    return [(did, f, perc) for did, f, perc, others in rows
            if perc and not exists(perc) and not any(o and exists(o) for o in others)]


def remove_documents(con, ids: list[str]) -> None:
    """Delete documents and all their rows, in one transaction."""
    if not ids:
        return
    con.execute('BEGIN')
    try:
        mark_stale(con, ids)
        _delete(con, ids)
        con.execute('COMMIT')
    except BaseException:
        con.execute('ROLLBACK')
        raise


def write_failure(con, anomalie: list[Row], documento_id: str | None, file: str) -> None:
    """A file that could not be read: its anomalies replace the ones of its earlier failures;
    rows of an earlier good version of it, if any, are kept (nothing is lost)."""
    con.execute('BEGIN')
    try:
        con.execute('DELETE FROM anomalie WHERE file = ? AND (documento_id IS NULL OR documento_id = ? '
                    'OR documento_id NOT IN (SELECT documento_id FROM documenti))', [file, documento_id])
        _insert(con, 'anomalie', [a.model_dump() for a in anomalie])
        con.execute('COMMIT')
    except BaseException:
        con.execute('ROLLBACK')
        raise


def insert_rows(con, table: str, rows: list[Row]) -> None:
    """Append validated rows to a table, inside the caller's transaction."""
    _insert(con, table, [r.model_dump() for r in rows])
