"""The ingest run: find files, skip what is unchanged, extract the rest in worker processes,
write each document from this one process, rebuild the search index, report."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from corpus.ambiti import ambiti
from corpus.discover import find_pdfs, sha256_of
from warehouse import fts
from warehouse.links import link_indicators
from warehouse.store import connect, known_version, load_ambiti, write_document, write_failure

from .pipeline import Result, process_file
from .version import extractor_version

COUNTED = ('obiettivi', 'azioni', 'indicatori', 'esiti', 'anomalie')


@dataclass
class Summary:
    new: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTED, 0))
    seconds: dict[str, float] = field(default_factory=dict)
    links: int = 0     # matrix indicators tied to a card of another document

    @property
    def ok(self) -> bool:
        return not self.failed


def _plan(con, files: list[Path], version: str, force: bool):
    """(path, status) where status is 'new', 'replaced' or 'unchanged'."""
    plan = []
    for f in files:
        try:
            sha = sha256_of(f.read_bytes())
        except OSError:
            plan.append((f, 'new'))
            continue
        seen = known_version(con, sha)
        if seen == version and not force:
            plan.append((f, 'unchanged'))
            continue
        prior = con.execute('SELECT 1 FROM documenti WHERE percorso = ? OR sha256 = ? LIMIT 1',
                            [str(f.resolve()), sha]).fetchone()
        plan.append((f, 'replaced' if prior else 'new'))
    return plan


def run(paths: list[Path], db: Path, jobs: int | None = None, force: bool = False, on_start=None, on_done=None) -> Summary:
    """on_start(n_to_extract), on_done(result) are progress hooks (the CLI draws bars with them)."""
    version = extractor_version()
    con = connect(db)
    load_ambiti(con, ambiti())
    summary = Summary()
    plan = _plan(con, find_pdfs(paths), version, force)
    todo = [(f, s) for f, s in plan if s != 'unchanged']
    summary.unchanged = [f.name for f, s in plan if s == 'unchanged']
    if on_start:
        on_start(len(todo))
    status = {str(f.resolve()): s for f, s in todo}

    def record(res: Result):
        if res.ok:
            write_document(con, res.rows)
            (summary.new if status.get(res.percorso) == 'new' else summary.replaced).append(res.file)
            for t in COUNTED:
                summary.counts[t] += res.count(t)
        else:
            write_failure(con, res.rows.get('anomalie', []), res.documento_id, res.file)
            summary.failed.append((res.file, res.error or 'errore'))
            summary.counts['anomalie'] += res.count('anomalie')
        summary.seconds[res.file] = res.seconds
        if on_done:
            on_done(res)

    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    if jobs == 1:
        for f, _ in todo:
            record(process_file(f, version))
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(process_file, f, version) for f, _ in todo]
            for fut in as_completed(futures):
                record(fut.result())
    if todo:
        summary.links = link_indicators(con)
    if todo or not fts.ready(con):      # a warehouse from before the current search index gets one
        fts.rebuild(con)
    con.close()
    return summary

