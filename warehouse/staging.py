"""Readers never wait for an ingest: the writer works on a copy beside the warehouse
(`<db>.ingest`) and swaps it in with one rename when the run is complete, links and search
index included. Readers keep the file they opened (the old inode) or see the new one whole.

A run that is killed leaves its copy behind; the next run resumes it (every document in it
was committed whole), so no work is lost and nothing half-done is ever shown to readers."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

from .lock import WarehouseInUso, duckdb_holder


def staging_path(db: Path) -> Path:
    return db.with_name(db.name + '.ingest')


def _wal(path: Path) -> Path:
    return path.with_name(path.name + '.wal')


def ensure_free(db: Path) -> None:
    """WarehouseInUso when another process (a notebook, an older pdz) holds DuckDB's own lock."""
    if not db.exists():
        return
    try:
        duckdb.connect(str(db), read_only=True).close()
    except duckdb.IOException as e:
        pid = duckdb_holder(e)
        if pid is None:
            raise
        raise WarehouseInUso(pid) from None


def begin(db: Path) -> tuple[Path, bool]:
    """The copy to write into, and whether it resumes a run that did not finish.
    Call with the writer lock held."""
    stage = staging_path(db)
    if stage.exists():
        return stage, True
    ensure_free(db)
    tmp = stage.with_name(stage.name + '.tmp')
    _wal(stage).unlink(missing_ok=True)
    if db.exists():
        shutil.copyfile(db, tmp)
        if _wal(db).exists():
            shutil.copyfile(_wal(db), _wal(stage))
        os.replace(tmp, stage)      # a copy cut short is never taken for a staging database
    return stage, False


def commit(db: Path, stage: Path) -> None:
    """Swap the finished copy in (its connection must be closed: DuckDB checkpoints on close)."""
    if not stage.exists():        # a run that wrote nothing on a new warehouse
        return
    _wal(db).unlink(missing_ok=True)     # it belonged to the old file, now folded into the copy
    os.replace(stage, db)
    if _wal(stage).exists():
        os.replace(_wal(stage), _wal(db))
