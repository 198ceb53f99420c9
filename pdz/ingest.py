"""The ingest run: find files, skip what is unchanged, extract the rest in bounded worker
processes, write each document from this one process, rebuild links and search index, report.

The run holds the writer lock, writes into a staging copy of the warehouse and swaps it in at
the end (warehouse/staging.py), so readers are never blocked and never see half a run."""
from __future__ import annotations

import os
import signal
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from corpus.ambiti import ambiti
from corpus.discover import find_pdfs, on_disk, sha256_file, shown
from warehouse import derivati, staging
from warehouse.lock import writer_lock
from warehouse.store import (connect, follow_paths, gone, known_version, load_ambiti, previous_ids,
                             remove_documents, row_count, write_document, write_failure)

from .invariato import invariati, segna
from .version import extractor_version

# .pipeline and .worker (spaCy, pdfplumber, the extractors) are imported only when there is
# something to extract: a run with nothing to do must not pay for them (pdz/invariato.py)

COUNTED = ('obiettivi', 'azioni', 'indicatori', 'esiti', 'anomalie')
RECORDS = ('obiettivi', 'azioni', 'indicatori', 'esiti')
# a new version of a document with fewer records than this share of the old one's is held back
MIN_SHARE = 0.5


class Interrotto(Exception):
    """SIGTERM: stop between documents; what is written stays for the next run to resume."""


@dataclass
class Summary:
    new: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)      # same bytes as another file of the run
    replaced: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    held_back: list[tuple[str, int, int]] = field(default_factory=list)   # (file, new rows, old rows)
    pruned: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTED, 0))
    seconds: dict[str, float] = field(default_factory=dict)
    links: int = 0     # matrix indicators tied to a card of another document
    peak_mib: float = 0.0   # largest worker's peak resident memory
    # seconds summed over documents: layout and estrazione in the workers, carico (writing) here
    tempi: dict[str, float] = field(default_factory=lambda: dict.fromkeys(('layout', 'estrazione', 'carico'), 0.0))
    resumed: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed


def _plan(con, files: list[Path], version: str, force: bool):
    """[(path, status, sha256)], status 'new', 'replaced', 'unchanged', or 'copy' (the same bytes
    as a file before it in this run: one document, read once, with one more path)."""
    plan, first = [], set()
    for f in files:
        try:
            sha = sha256_file(f)
        except OSError:
            plan.append((f, 'new', None))      # the worker reports why it cannot be read
            continue
        if sha in first:
            plan.append((f, 'copy', sha))
            continue
        first.add(sha)
        seen = known_version(con, sha)
        if seen == version and not force:
            plan.append((f, 'unchanged', sha))
            continue
        prior = con.execute('SELECT 1 FROM documenti WHERE percorso = ? OR sha256 = ? LIMIT 1',
                            [shown(f.resolve()), sha]).fetchone()
        plan.append((f, 'replaced' if prior else 'new', sha))
    return plan


def _size(f: Path) -> int:
    try:
        return f.stat().st_size
    except OSError:
        return 0          # unreadable: its worker says why, whenever it comes


def _record_paths(con, plan) -> None:
    """Every path this run found a document's bytes at is recorded (copies, renames, moves); the
    recorded paths that no longer exist are dropped."""
    found: dict[str, list[tuple[str, str]]] = {}
    for f, _, sha in plan:
        if sha:
            found.setdefault(sha[:16], []).append((shown(f.name), shown(f.resolve())))
    have = {r[0] for r in con.execute('SELECT documento_id FROM documenti').fetchall()}
    for did, paths in found.items():
        if did in have:
            follow_paths(con, did, paths, on_disk)


def _shrunk(con, res) -> tuple[int, int] | None:
    """(new, old) record counts when the new version keeps less than MIN_SHARE of the old."""
    doc = res.rows['documenti'][0]
    old = sum(row_count(con, i) for i in previous_ids(con, doc.percorso or doc.file, doc.documento_id)
              if i != doc.documento_id)
    new = sum(res.count(t) for t in RECORDS)
    return (new, old) if old and new < MIN_SHARE * old else None


def _on_sigterm(signum, frame):
    raise Interrotto()


def run(paths: list[Path], db: Path, jobs: int | None = None, force: bool = False, on_start=None, on_done=None,
        limits=None, prune: bool = False, executor=None) -> Summary:
    """on_start(n_to_extract), on_done(result) are progress hooks (the CLI draws bars with them).
    `limits` is a pdz.worker.Limits (default: its defaults); `executor` replaces the local
    workers (pdz.worker.extract) with a callable of the same shape (pdz.cluster.dask_executor).
    Raises WarehouseInUso when another process writes the warehouse, Interrotto on SIGTERM."""
    db = Path(db)
    version = extractor_version()
    files = find_pdfs(paths)
    old_handler = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        with writer_lock(db):
            same = None if force or prune else invariati(files, db, version)
            if same is not None:
                return Summary(unchanged=same)
            from .worker import Limits, extract, start_server
            limits = limits or Limits()
            if executor is None:
                start_server()     # a fresh interpreter (fork+exec): DuckDB's threads here do not reach it
            stage, resumed = staging.begin(db)
            summary = _run(stage, files, version, jobs, force, on_start, on_done, limits, prune, executor or extract)
            summary.resumed = resumed
            staging.commit(db, stage)
    finally:
        signal.signal(signal.SIGTERM, old_handler)
    return summary


def _run(stage, files, version, jobs, force, on_start, on_done, limits, prune, extract) -> Summary:
    from .risultato import anomalia
    con = connect(stage)
    try:
        load_ambiti(con, ambiti())
        summary = Summary()
        plan = _plan(con, files, version, force)
        todo = [f for f, s, _ in plan if s not in ('unchanged', 'copy')]
        # largest first: the document that finishes last is then a short one, and no core waits
        # idle while one long plan ends a run on its own
        todo.sort(key=_size, reverse=True)
        summary.unchanged = [shown(f.name) for f, s, _ in plan if s == 'unchanged']
        summary.copies = [shown(f.name) for f, s, _ in plan if s == 'copy']
        if on_start:
            on_start(len(todo))
        status = {shown(f.resolve()): s for f, s, _ in plan}

        def record(res):
            shrunk = res.ok and status.get(res.percorso) == 'replaced' and not force and _shrunk(con, res)
            if shrunk:
                new, old = shrunk
                msg = (f'nuova versione con {new} righe contro le {old} della precedente: tenute le righe '
                       'precedenti (`pdz ingest --force` per accettarla)')
                write_failure(con, [anomalia(None, res.file, msg, None, 'ingest', 'errore')], None, res.file)
                summary.held_back.append((res.file, new, old))
                summary.failed.append((res.file, msg))
                res.ok, res.error = False, msg
            elif res.ok:
                t = time.perf_counter()
                write_document(con, res.rows)
                summary.tempi['carico'] += time.perf_counter() - t
                for stage, sec in res.tempi.items():
                    summary.tempi[stage] = summary.tempi.get(stage, 0.0) + sec
                (summary.new if status.get(res.percorso) == 'new' else summary.replaced).append(res.file)
                for t in COUNTED:
                    summary.counts[t] += res.count(t)
            else:
                write_failure(con, res.rows.get('anomalie', []), res.documento_id or None, res.file)
                summary.failed.append((res.file, res.error or 'errore'))
                summary.counts['anomalie'] += res.count('anomalie')
            summary.seconds[res.file] = res.seconds
            summary.peak_mib = max(summary.peak_mib, res.peak_mib)
            if on_done:
                on_done(res)

        jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
        with closing(extract(todo, version, jobs, limits)) as results:     # closing: workers end here
            for res in results:
                record(res)
        _record_paths(con, plan)
        if prune:
            lost = gone(con, on_disk)
            remove_documents(con, [d for d, _, _ in lost])
            summary.pruned = [f for _, f, _ in lost]
        if derivati.stale(con):
            t = time.perf_counter()
            summary.links = derivati.rebuild(con)
            summary.tempi['derivati'] = time.perf_counter() - t
        segna(con, fresh=not derivati.stale(con))
        return summary
    finally:
        con.close()
