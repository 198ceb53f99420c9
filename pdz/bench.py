"""`make bench`: how fast and how big an ingest is, on a folder of PDFs (default: the samples).

Prints pages per second for a cold ingest (all workers), the same on one worker, the time of a
no-op re-run, and the peak memory of a worker. Figures, not assertions."""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from corpus.discover import SAMPLES, find_pdfs

from .ingest import run


def _pages(db: Path) -> int:
    import duckdb
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute('SELECT coalesce(sum(pagine), 0) FROM documenti').fetchone()[0]
    finally:
        con.close()


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv else SAMPLES
    files = find_pdfs([folder])
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / 'bench.duckdb'
        t = time.perf_counter()
        s = run([folder], db)
        cold = time.perf_counter() - t
        pages = _pages(db)
        t = time.perf_counter()
        run([folder], db)
        noop = time.perf_counter() - t
        db1 = Path(tmp) / 'one.duckdb'
        t = time.perf_counter()
        run([folder], db1, jobs=1)
        single = time.perf_counter() - t
    peak = s.peak_mib        # workers are children of the fork server, not of this process
    print(f'documents           {len(files)} ({pages} pages; {len(s.failed)} failed)')
    print(f'cold ingest         {cold:6.2f} s   {pages / cold:6.1f} pages/s (all cores)')
    print(f'cold ingest, 1 job  {single:6.2f} s   {pages / single:6.1f} pages/s  (speed-up x{single / cold:.2f})')
    print(f'no-op re-run        {noop:6.2f} s   ({noop / cold:.3f} of a cold run)')
    print(f'peak worker memory  {peak:6.0f} MiB')
    for name, sec in sorted(s.seconds.items(), key=lambda x: -x[1]):
        print(f'  {name:<45} {sec:6.2f} s')


if __name__ == '__main__':
    main(sys.argv[1:])
