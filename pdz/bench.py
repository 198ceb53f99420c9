"""`make bench`: how fast and how big an ingest is, against the physical floor, on a benchmark
corpus this module builds itself. Figures, never assertions (speed is not a test's business).

The corpus: FILES distinct PDFs of about PAGES pages in all, in build/bench/corpus (ignored by
git), made by concatenating whole sample plans (corpus/samples, and ../shared/corpus/dev* when
present) with pypdfium2, each file starting from a different plan and taking the others in a
different order, so every file's bytes — and sha256 — differ. Built once, reused after.

One run prints:
- the floor: pypdfium2, the text of every page, in one process;
- pdfplumber's word pass (`extract_words` on every page), in one process: what any reader built
  on pdfminer pays before doing anything of its own;
- `pdz ingest` with JOBS workers on an empty warehouse, its wall time and its ratio to both;
- pages per second of each stage: layout and extraction (per worker core: seconds summed over
  documents in the workers), load (writing, links and search index, in the main process);
- the no-op: `pdz ingest` again on the unchanged corpus, as a separate process, interpreter
  start included (median of 5);
- peak resident memory of a worker."""
from __future__ import annotations

import argparse
import hashlib
import statistics
import subprocess
import sys
import time
from pathlib import Path

from corpus.discover import SAMPLES, find_pdfs

from .version import ROOT

BUILD = ROOT / 'build' / 'bench'
FILES, PAGES = 14, 1300


def _sources(shared: Path) -> list[Path]:
    shared = shared / 'corpus'
    found = find_pdfs([SAMPLES] + sorted(p for p in shared.glob('dev*') if p.is_dir()))
    by_bytes: dict[str, Path] = {}
    for p in found:                   # corpus/dev holds the samples again: each plan once
        by_bytes.setdefault(hashlib.sha256(p.read_bytes()).hexdigest(), p)
    return sorted(by_bytes.values(), key=lambda p: p.name)


def build_corpus(dest: Path, files: int = FILES, pages: int = PAGES, shared: Path = ROOT.parent / 'shared') -> list[Path]:
    """`files` distinct PDFs of at least `pages` pages in all (made once; kept if already there)."""
    import pypdfium2 as pdfium
    sources = _sources(shared)
    dest.mkdir(parents=True, exist_ok=True)
    per_file = -(-pages // files)
    made, seen = [], set()
    for i in range(files):
        out = dest / f'bench-{i + 1:02d}.pdf'
        made.append(out)
        if out.exists():
            continue
        step = 1 if (i // len(sources)) % 2 == 0 else -1     # the second round takes them backwards
        order = [sources[(i + step * k) % len(sources)] for k in range(len(sources))]
        doc, k = pdfium.PdfDocument.new(), 0
        while len(doc) < per_file:       # whole plans, the last one cut to the size wanted
            src = pdfium.PdfDocument(str(order[k % len(order)]))
            doc.import_pages(src, list(range(min(len(src), per_file - len(doc)))))
            src.close()
            k += 1
        doc.save(str(out))
        doc.close()
    for out in made:
        sha = hashlib.sha256(out.read_bytes()).hexdigest()
        if sha in seen:
            raise SystemExit(f'{out}: same bytes as another benchmark file (delete {dest} and rebuild)')
        seen.add(sha)
    return made


def floor_pass(files: list[Path]) -> tuple[float, int]:
    """Seconds for the text of every page with pypdfium2, and the pages read."""
    import pypdfium2 as pdfium
    t, n = time.perf_counter(), 0
    for f in files:
        doc = pdfium.PdfDocument(str(f))
        for page in doc:
            page.get_textpage().get_text_range()
            n += 1
        doc.close()
    return time.perf_counter() - t, n


def plumber_pass(files: list[Path]) -> float:
    """Seconds for pdfplumber's words of every page."""
    import pdfplumber
    t = time.perf_counter()
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_words()
                page.close()
    return time.perf_counter() - t


def noop_seconds(folder: Path, db: Path, runs: int = 5) -> float:
    """Median wall time of `pdz ingest` as its own process when nothing changed."""
    pdz = Path(sys.executable).with_name('pdz')
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([str(pdz), 'ingest', str(folder), '--db', str(db)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(prog='make bench', description=__doc__.split('\n')[0])
    ap.add_argument('--cartella', type=Path, help='PDF già pronti invece del corpus costruito qui')
    ap.add_argument('--file', type=int, default=FILES, help='quanti file costruire')
    ap.add_argument('--pagine', type=int, default=PAGES, help='quante pagine in tutto')
    ap.add_argument('--shared', type=Path, default=ROOT.parent / 'shared', help='materiale condiviso (corpus/dev*)')
    ap.add_argument('-j', '--jobs', type=int, default=2, help='processi di estrazione')
    a = ap.parse_args(argv)
    from .ingest import run

    folder = a.cartella or BUILD / f'corpus-{a.file}x{a.pagine}'
    files = find_pdfs([folder]) if a.cartella else build_corpus(folder, a.file, a.pagine, a.shared)
    size = sum(f.stat().st_size for f in files)
    floor, pages = floor_pass(files)
    print(f'corpus              {len(files)} files, {pages} pages, {size / 1e6:.1f} MB  ({folder})', flush=True)
    print(f'pypdfium2 text      {floor:7.2f} s   {pages / floor:8.0f} pages/s  (one process: the floor)', flush=True)
    plumber = plumber_pass(files)
    print(f'pdfplumber words    {plumber:7.2f} s   {pages / plumber:8.1f} pages/s  (one process)', flush=True)
    db = BUILD / 'bench.duckdb'
    for old in BUILD.glob('bench.duckdb*'):
        old.unlink()
    t = time.perf_counter()
    s = run([folder], db, jobs=a.jobs)
    wall = time.perf_counter() - t
    print(f'pdz ingest, {a.jobs} jobs  {wall:7.2f} s   {pages / wall:8.1f} pages/s  '
          f'(x{wall / plumber:.2f} the pdfplumber pass, x{wall / floor:.0f} the floor; {len(s.failed)} failed)')
    tempi = s.tempi
    load = tempi['carico'] + tempi.get('derivati', 0.0)
    print(f'  layout            {tempi["layout"]:7.2f} s   {pages / tempi["layout"]:8.1f} pages/s per core')
    print(f'  extraction        {tempi["estrazione"]:7.2f} s   {pages / tempi["estrazione"]:8.1f} pages/s per core')
    print(f'  load              {load:7.2f} s   {pages / load:8.1f} pages/s  '
          f'(writing {tempi["carico"]:.2f} s, links and search index {tempi.get("derivati", 0.0):.2f} s)')
    cpu = tempi['layout'] + tempi['estrazione']
    print(f'  worker s per page {1000 * cpu / pages:7.1f} ms (layout + extraction, summed over documents)')
    noop = noop_seconds(folder, db)
    print(f'no-op re-run        {noop:7.2f} s   (pdz ingest as its own process, nothing changed; median of 5)')
    print(f'peak worker RSS     {s.peak_mib:7.0f} MiB')
    slowest = sorted(s.seconds.items(), key=lambda x: -x[1])[:3]
    print('slowest documents   ' + ', '.join(f'{n} {sec:.1f} s' for n, sec in slowest))


if __name__ == '__main__':
    main(sys.argv[1:])
