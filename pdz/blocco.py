"""One nightly run at a time: a lock file holding the pid of the run that owns it. A file left by
a run that died (its pid is gone) is taken over, so a crash does not block the next night."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path


class Occupato(RuntimeError):
    """Another run holds the lock; the message says which, in Italian."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True            # someone else's live process
    return True


def _owner(path: Path) -> int | None:
    try:
        return int(path.read_text().strip() or 0) or None
    except (OSError, ValueError):
        return None


@contextmanager
def blocco(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(2):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            pid = _owner(path)
            if pid and _alive(pid):
                raise Occupato(f'un\'altra esecuzione è in corso (pid {pid}, blocco {path}): riprovare quando è finita')
            path.unlink(missing_ok=True)      # stale: its run is gone
    else:
        raise Occupato(f'blocco {path} conteso: riprovare')
    with os.fdopen(fd, 'w') as f:
        f.write(f'{os.getpid()}\n')
    try:
        yield
    finally:
        if _owner(path) == os.getpid():
            path.unlink(missing_ok=True)
