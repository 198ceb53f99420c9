"""Read-only connections for the commands that only read: `query`, `cerca`, `status`, `export`.

`pdz query` runs whatever SQL it is given, so its connection is a sandbox: the search
extension is loaded first (cerca's functions keep working), then memory is capped, access to
files and the network is switched off (COPY, EXPORT, ATTACH, INSTALL, read_text, glob, …) and
the configuration is locked so that no statement can switch it back on."""
from __future__ import annotations

from pathlib import Path

import duckdb

from . import fts
from .lock import WarehouseInUso, duckdb_holder
from .staging import staging_path

MEMORY_LIMIT = '1GB'
MAX_ROWS = 10_000        # rows a terminal is shown; the rest is counted, not fetched


class WarehouseError(Exception):
    """A warehouse that cannot be opened; the message is the sentence to show."""


def _refused(db: Path, e: Exception) -> WarehouseError:
    pid = duckdb_holder(e) if isinstance(e, duckdb.IOException) else None
    if pid is not None:
        return WarehouseError(str(WarehouseInUso(pid)))
    return WarehouseError(f'warehouse non leggibile ({db}): {e}')


def _check(db: Path) -> None:
    if not db.exists():
        if staging_path(db).exists():
            raise WarehouseError(f'il primo `pdz ingest` di {db} non è ancora finito: riprovare al termine')
        raise WarehouseError(f'nessun warehouse in {db}: eseguire prima `pdz ingest`')


def open_read_only(db: Path):
    db = Path(db)
    _check(db)
    try:
        return duckdb.connect(str(db), read_only=True)
    except duckdb.Error as e:
        raise _refused(db, e) from None


def open_sandboxed(db: Path, memory_limit: str = MEMORY_LIMIT):
    """A connection of its own (DuckDB shares settings between connections to one file in a
    process, and a locked configuration must not leak into them): an in-memory database with
    the warehouse attached read-only as the default catalog."""
    db = Path(db)
    _check(db)
    con = duckdb.connect(':memory:')
    fts.load(con)
    literal = "'" + str(db.resolve()).replace("'", "''") + "'"      # ATTACH takes no parameters
    try:
        con.execute(f'ATTACH {literal} AS warehouse (READ_ONLY)')
    except duckdb.Error as e:
        con.close()
        raise _refused(db, e) from None
    con.execute('USE warehouse')
    con.execute('SET autoinstall_known_extensions = false')
    con.execute('SET autoload_known_extensions = false')
    con.execute('SET memory_limit = ?', [memory_limit])
    con.execute('SET enable_external_access = false')
    con.execute('SET lock_configuration = true')
    return con


def fetch(con, sql: str, max_rows: int = MAX_ROWS) -> tuple[list[str], list[tuple], int]:
    """(columns, at most max_rows rows, how many rows there were in all); ([], [], 0) for a
    statement without a result. duckdb.Error for SQL that is wrong or refused."""
    cur = con.execute(sql)
    if cur.description is None:
        return [], [], 0
    cols = [d[0] for d in cur.description]
    rows = cur.fetchmany(max_rows)
    total = len(rows)
    if total == max_rows:
        while more := cur.fetchmany(max_rows):
            total += len(more)
    return cols, rows, total


def export_table(con, table: str, path: Path, fmt: str) -> None:
    """One table to a Parquet or CSV file; the path goes to DuckDB as a value, never as SQL."""
    rel = con.table(table)
    if fmt == 'parquet':
        rel.write_parquet(str(path))
    else:
        rel.write_csv(str(path), header=True)
