"""Local files to ingest: PDFs under the given paths, with their sha256.

A folder can hold anything: links to devices, FIFOs, names that are not UTF-8. Only regular
files are read, and every name is shown (and stored) in a form that is valid text."""
from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).with_name('samples')
_CHUNK = 1 << 20


@dataclass(frozen=True)
class SourceFile:
    path: Path
    sha256: str
    size: int

    @property
    def documento_id(self) -> str:
        return self.sha256[:16]


class NotRegularFile(OSError):
    """A device, FIFO or socket (or a link to one): reading it could block or never end."""

    def __init__(self, path):
        super().__init__(0, 'non è un file regolare (dispositivo, FIFO o socket)', shown(path))


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def shown(path: str | Path) -> str:
    """The name as valid UTF-8 text: bytes that are not UTF-8 (zip archives made on Windows)
    become \\xNN, so the name can be printed and stored; `on_disk` maps it back."""
    return os.fsencode(str(path)).decode('utf-8', 'backslashreplace')


def on_disk(percorso: str) -> bool:
    """Whether a stored path (see `shown`) still names a file."""
    if os.path.exists(percorso):
        return True
    raw = re.sub(rb'\\x([0-9a-f]{2})', lambda m: bytes([int(m.group(1), 16)]), percorso.encode())
    return raw != percorso.encode() and os.path.exists(raw)


def _open_regular(path) -> int:
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise NotRegularFile(path)
    # O_NONBLOCK: if the file was swapped for a FIFO since the stat, opening it cannot block
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotRegularFile(path)
    return fd


def read_regular(path) -> bytes:
    """The bytes of a regular file; NotRegularFile (an OSError) for anything else."""
    with open(_open_regular(path), 'rb', closefd=True) as f:
        return f.read()


def sha256_file(path) -> str:
    """sha256 of a regular file, read in chunks (a huge file is not held in memory)."""
    h = hashlib.sha256()
    with open(_open_regular(path), 'rb', closefd=True) as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def find_pdfs(paths: list[Path]) -> list[Path]:
    """Files named on the command line are taken whatever their extension (a bad file must be
    reported, not skipped); folders contribute their *.pdf regular files, recursively, sorted,
    without following links to folders (a link loop cannot make the walk endless)."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = []
            for root, _, names in os.walk(p):
                found += [Path(root) / n for n in names if n.lower().endswith('.pdf')]
            out += sorted(q for q in found if q.is_file())
        else:
            out.append(p)
    seen, unique = set(), []
    for p in out:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique
