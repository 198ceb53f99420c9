"""A document's rows as Parquet, partitioned by Ambito and triennio — the output of a run on a
cluster (pdz/cluster.py): each worker writes the documents it extracted, nobody gathers them, and
DuckDB (or Spark, or pandas) queries the folder as it is, or `carica` loads it into a warehouse.

Layout: FOLDER/<table>/ambito_id=<id>/triennio=<AAAA-AAAA>/<documento_id>.parquet, one file per
document and table (a document read again overwrites its own files). The folder names are Hive
partitions: `read_parquet('FOLDER/obiettivi/**/*.parquet', hive_partitioning = true)` gives every
table the ambito_id and triennio of its document, and a query on one Ambito reads only its files."""
from __future__ import annotations

from pathlib import Path

import duckdb

from models import TABLES
from models.schema import Row

from .ddl import ensure_schema
from .derivati import mark_stale
from .store import insert_rows, previous_ids, remove_documents

UNKNOWN = 'sconosciuto'     # the partition of a document whose Ambito or triennio was not found
# the tables of a document's rows, parents first (the order they are loaded in)
DOC_TABLES = [m.__table__ for m in TABLES if 'documento_id' in m.model_fields]


def _partition(value: str | None) -> str:
    return (value or UNKNOWN).replace('/', '_')


def scrivi(rows: dict[str, list[Row]], folder: Path) -> list[Path]:
    """Write one extracted document (a Result's rows, 'documenti' holding it) under `folder`."""
    doc = rows['documenti'][0]
    part = Path(f'ambito_id={_partition(doc.ambito_id)}') / f'triennio={_partition(doc.triennio)}'
    con = duckdb.connect()
    written = []
    try:
        ensure_schema(con)
        for table in [t for t in DOC_TABLES if t in rows]:
            insert_rows(con, table, rows.get(table, []))
            dest = Path(folder) / table / part / f'{doc.documento_id}.parquet'
            dest.parent.mkdir(parents=True, exist_ok=True)
            tmp = dest.with_name(dest.name + '.tmp')
            con.execute(f'COPY {table} TO $p (FORMAT parquet)', {'p': str(tmp)})
            tmp.replace(dest)          # a reader never meets half a file
            written.append(dest)
    finally:
        con.close()
    return written


def _files(folder: Path, table: str) -> str:
    return str(Path(folder) / table / '**' / '*.parquet')


def carica(con, folder: Path) -> list[str]:
    """Load a Parquet folder into a warehouse connection: each document in it replaces the
    warehouse's rows of the same content or the same path, as an ingest would; one transaction
    per table set. Returns the documento_id loaded. Links and search index are then stale."""
    if not any((Path(folder) / 'documenti').rglob('*.parquet')):
        return []
    docs = con.execute('SELECT documento_id, coalesce(percorso, file) FROM read_parquet($p, hive_partitioning = false)',
                       {'p': _files(folder, 'documenti')}).fetchall()
    old = sorted({i for d, p in docs for i in previous_ids(con, p, d)})
    remove_documents(con, old)
    con.execute('BEGIN')
    try:
        for table in DOC_TABLES:
            if any((Path(folder) / table).rglob('*.parquet')):
                con.execute(f'INSERT INTO {table} BY NAME SELECT * FROM read_parquet($p, hive_partitioning = false, '
                            'union_by_name = true)', {'p': _files(folder, table)})
        mark_stale(con)
        con.execute('COMMIT')
    except BaseException:
        con.execute('ROLLBACK')
        raise
    return [d for d, _ in docs]
