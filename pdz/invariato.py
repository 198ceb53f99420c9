"""Whether an ingest has anything to do, answered before anything heavy is imported: a nightly
run over an unchanged corpus hashes the files, asks the warehouse two queries and ends — no
copy of the warehouse to staging, no extraction workers, no spaCy, pdfplumber or pydantic.

Nothing to do means: no interrupted run waiting to be resumed, the last complete run written by
this schema version with links and search index fresh (its stamp, below), and every file's bytes
already read by this extractor version, at a recorded path that still holds them (a renamed file
is a small write: the full run does it). Any doubt — a query that fails, a file that cannot be
read — answers "something to do", and the full run says what is wrong."""
from __future__ import annotations

from pathlib import Path

import duckdb

from corpus.discover import find_pdfs, on_disk, sha256_file, shown
from warehouse.lock import WarehouseInUso, duckdb_holder, writer_lock
from warehouse.staging import staging_path

from .version import extractor_version, schema_version

STATO = 'pdz_stato'          # the key-value table of warehouse/derivati.py
CHIAVE = 'ingest_completo'   # its value: the schema version of the last run that ended fresh


def invariati(files: list[Path], db: Path, version: str) -> list[str] | None:
    """The names of `files` when a run over them has nothing to do, otherwise None. Call with
    the writer lock held; WarehouseInUso when another program holds DuckDB's own lock."""
    db = Path(db)
    if not db.exists() or staging_path(db).exists():
        return None
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.IOException as e:
        if duckdb_holder(e) is not None:
            raise WarehouseInUso(duckdb_holder(e)) from None
        return None
    except duckdb.Error:
        return None
    try:
        stamp = con.execute(f'SELECT valore FROM {STATO} WHERE chiave = ?', [CHIAVE]).fetchone()
        if not stamp or stamp[0] != schema_version():
            return None
        # the latest extraction of each content, as store.known_version reads it one at a time
        read = {sha: (v, p) for sha, v, p in con.execute(
            'SELECT sha256, versione_estrattore, percorso FROM documenti ORDER BY estratto_il').fetchall()}
        # every path a document is recorded at: a copy or a move not yet recorded is work to do
        recorded = {p for (p,) in con.execute('SELECT percorso FROM documenti').fetchall()}
        if con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'percorsi'").fetchone()[0]:
            recorded |= {p for (p,) in con.execute('SELECT percorso FROM percorsi').fetchall()}
    except duckdb.Error:
        return None
    finally:
        con.close()
    names: dict[str, str] = {}
    for f in files:
        try:
            sha = sha256_file(f)
        except OSError:
            return None
        seen, percorso = read.get(sha, (None, None))
        if seen != version or shown(f.resolve()) not in recorded:
            return None
        if sha not in names or shown(f.resolve()) == percorso:
            names[sha] = shown(f.name)       # a copy is its document's, named by the path it was read from
    return list(names.values())


def aggiornato(paths: list[Path], db: Path) -> list[str] | None:
    """`invariati` for the command line: finds the files and takes the writer lock itself."""
    if not Path(db).exists():
        return None
    with writer_lock(db):
        return invariati(find_pdfs(paths), db, extractor_version())


def segna(con, fresh: bool) -> None:
    """At the end of a full run (on its staging copy): stamp it, or clear the stamp when links or
    search index could not be brought up to date, so that the next run tries again."""
    if fresh:
        con.execute(f'INSERT OR REPLACE INTO {STATO} VALUES (?, ?)', [CHIAVE, schema_version()])
    else:
        con.execute(f'DELETE FROM {STATO} WHERE chiave = ?', [CHIAVE])
