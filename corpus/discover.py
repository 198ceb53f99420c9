"""Local files to ingest: PDFs under the given paths, with their sha256."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).with_name('samples')


@dataclass(frozen=True)
class SourceFile:
    path: Path
    sha256: str
    size: int

    @property
    def documento_id(self) -> str:
        return self.sha256[:16]


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_pdfs(paths: list[Path]) -> list[Path]:
    """Files named on the command line are taken whatever their extension (a bad file must be
    reported, not skipped); folders contribute their *.pdf files, recursively, sorted."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out += sorted(q for q in p.rglob('*') if q.is_file() and q.suffix.lower() == '.pdf')
        else:
            out.append(p)
    seen, unique = set(), []
    for p in out:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique
