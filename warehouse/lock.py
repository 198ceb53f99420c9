"""One writer per warehouse: an exclusive lock on a file beside it (`<db>.lock`) holding the
writer's pid. flock is released by the kernel when its holder dies, so a killed run never
leaves a stale lock behind."""
from __future__ import annotations

import fcntl
import os
import re
from contextlib import contextmanager
from pathlib import Path


class WarehouseInUso(Exception):
    def __init__(self, pid: int | str | None = None):
        self.pid = pid
        super().__init__(f'warehouse in uso da un altro processo (pid {pid or "sconosciuto"})')


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + '.lock')


@contextmanager
def writer_lock(db: Path):
    """Held for a whole ingest; WarehouseInUso if another process holds it."""
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WarehouseInUso(os.pread(fd, 32, 0).decode(errors='replace').strip() or None) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f'{os.getpid()}\n'.encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)      # releases the lock (the file stays: removing it would race a newcomer)


def duckdb_holder(error: Exception) -> int | str | None:
    """The pid in DuckDB's "Could not set lock on file … (PID n)" message, or None when the
    error is not a lock conflict."""
    text = str(error)
    if 'lock' not in text.lower():
        return None
    m = re.search(r'PID (\d+)', text)
    return int(m.group(1)) if m else 'sconosciuto'
