"""Bounded, isolated workers: a document that hangs, eats memory or whose worker dies fails
alone; killing pdz leaves no worker behind; SIGTERM stops cleanly and the next run resumes."""
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import hostile
from lettura import q as _q
from pdfgen import plan_pdf, text_pdf
from pdz.ingest import run
from pdz.pipeline import process_file
from pdz.version import extractor_version
from pdz.worker import Limits, extract, parse_size

ROOT = Path(__file__).resolve().parent.parent


def _write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_bytes(data)
    return p


def descendants(pid: int) -> set[int]:
    """Every live process below `pid` (read from /proc)."""
    parents = {}
    for d in os.listdir('/proc'):
        if d.isdigit():
            try:
                stat = Path(f'/proc/{d}/stat').read_text()
            except OSError:
                continue
            parents[int(d)] = int(stat.rsplit(')', 1)[1].split()[1])
    out, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, pp in parents.items() if pp in frontier} - out
        out |= frontier
    return out


def grandchildren(pid: int) -> set[int]:
    """The workers: children of the fork server, itself a child of `pid`."""
    return descendants(pid) - _children(pid)


def _children(pid: int) -> set[int]:
    try:
        return {int(c) for t in os.listdir(f'/proc/{pid}/task')
                for c in Path(f'/proc/{pid}/task/{t}/children').read_text().split()}
    except OSError:
        return set()


def alive(pids: set[int]) -> set[int]:
    out = set()
    for p in pids:
        try:
            state = Path(f'/proc/{p}/stat').read_text().rsplit(')', 1)[1].split()[0]
        except OSError:
            continue
        if state != 'Z':
            out.add(p)
    return out


def _wait_for(cond, seconds: float):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        got = cond()
        if got:
            return got
        time.sleep(0.2)
    return cond()


def test_a_document_that_hangs_is_stopped_at_the_time_limit_and_fails_alone(tmp_path):
    docs = tmp_path / 'pdf'
    _write(docs, 'ciclo.pdf', hostile.endless_forms())      # read for ever, in bounded memory
    _write(docs, 'annidati.pdf', hostile.nested_forms())    # PDFium's recursion runs out of memory
    _write(docs, 'a.pdf', plan_pdf('Treviglio'))
    _write(docs, 'b.pdf', plan_pdf('Dalmine', '2021-2023'))
    db = tmp_path / 'w.duckdb'
    s = run([docs], db, jobs=2, limits=Limits(timeout=6))
    assert sorted(s.new) == ['a.pdf', 'b.pdf']
    failed = dict(s.failed)
    assert sorted(failed) == ['annidati.pdf', 'ciclo.pdf']
    assert failed['ciclo.pdf'] == 'tempo massimo superato (6 s): estrazione fermata'
    # the memory limit or, on a slower machine, the time limit: either way it fails alone
    assert failed['annidati.pdf'].startswith(('il processo di estrazione è terminato', 'tempo massimo superato'))
    for name, why in failed.items():
        said = _q(db, f"SELECT fase, gravita, messaggio FROM anomalie WHERE file = '{name}'")
        assert [(fase, g) for fase, g, _ in said] == [('pipeline', 'errore')] and why in said[0][2]


def test_a_stream_bomb_stays_under_the_memory_limit_and_the_good_file_is_complete(tmp_path, sample):
    docs = tmp_path / 'pdf'
    good = sample('treviglio-pdz-2025-2027-obiettivi.pdf', docs)
    _write(docs, 'bomba.pdf', hostile.stream_bomb(2048))      # 2 MB inflating to 2 GiB
    db = tmp_path / 'w.duckdb'
    s = run([docs], db, jobs=2, limits=Limits(memoria=parse_size('1G')))
    assert good.name in s.new
    # the bomb never reaches 2 GiB: refused by the memory limit, as a document or as its page
    assert _q(db, "SELECT count(*) FROM anomalie WHERE file = 'bomba.pdf' AND gravita = 'errore'")[0][0] >= 1
    alone = process_file(good)
    assert _q(db, f"SELECT count(*) FROM obiettivi JOIN documenti USING (documento_id) WHERE file = '{good.name}'") \
        == [(alone.count('obiettivi'),)] and alone.count('obiettivi') > 0


def _signal_the_workers(sig: int, after: float) -> list[int]:
    """Send `sig` to this process's workers once they exist and have been busy `after` seconds
    (the fork server is our child, its children are the workers); returns the pids, filled then."""
    done: list[int] = []

    def send():
        workers = _wait_for(lambda: grandchildren(os.getpid()), 30)
        time.sleep(after)
        for p in workers:
            os.kill(p, sig)
            done.append(p)

    threading.Thread(target=send, daemon=True).start()
    return done


def test_a_worker_that_dies_is_replaced_and_only_its_document_fails(tmp_path):
    docs = tmp_path / 'pdf'
    paths = [_write(docs, 'ciclo.pdf', hostile.endless_forms()),
             _write(docs, 'a.pdf', plan_pdf('Treviglio')), _write(docs, 'b.pdf', plan_pdf('Dalmine'))]
    killed = _signal_the_workers(signal.SIGKILL, after=1.0)
    results = {r.file: r for r in extract(paths, extractor_version(), jobs=1, limits=Limits(timeout=60))}
    assert killed
    assert results['ciclo.pdf'].error.startswith('il processo di estrazione è terminato (SIGKILL')
    assert results['a.pdf'].ok and results['b.pdf'].ok


def test_a_worker_that_waits_without_computing_is_stopped_once_it_has_waited_the_limit(tmp_path):
    # the limit counts CPU seconds, so a loaded machine does not fail slow good documents; a worker
    # that does not compute at all (here: stopped, as one blocked on a read would sleep) must still
    # be stopped after waiting as long as the limit, not at the wall-clock ceiling (10 times it)
    docs = tmp_path / 'pdf'
    paths = [_write(docs, 'fermo.pdf', hostile.endless_forms()), _write(docs, 'a.pdf', plan_pdf('Treviglio'))]
    stopped = _signal_the_workers(signal.SIGSTOP, after=0.5)
    results = {r.file: r for r in extract(paths, extractor_version(), jobs=1, limits=Limits(timeout=5))}
    assert stopped
    assert results['fermo.pdf'].error == 'tempo massimo superato (5 s): estrazione fermata'
    assert results['fermo.pdf'].seconds < 12      # stopped ~5 s after it stopped computing, not at 50 s
    assert results['a.pdf'].ok


def _ingest(*args, **kw):
    return subprocess.Popen([sys.executable, '-m', 'pdz.cli', 'ingest', *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _pdz(*args):
    return subprocess.run([sys.executable, '-m', 'pdz.cli', *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_sigterm_stops_cleanly_leaves_no_worker_and_the_next_run_resumes(tmp_path):
    docs = tmp_path / 'pdf'
    # ingest reads the largest file first: the plan has pages enough to come before the hostile file
    plan = text_pdf([['Ambito territoriale di Treviglio', 'Documento di programmazione'],
                     *[['Premessa', f'Testo della premessa, parte {i}.'] for i in range(40)]], title='PIANO DI ZONA 2025-2027')
    _write(docs, 'a-buono.pdf', plan)
    _write(docs, 'z-ciclo.pdf', hostile.endless_forms())
    assert len(plan) > (docs / 'z-ciclo.pdf').stat().st_size
    db = tmp_path / 'w.duckdb'
    proc = _ingest(docs, '--db', db, '-j', '1', '--timeout', '300')
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)
    reader.start()
    assert _wait_for(lambda: any('a-buono.pdf' in l for l in lines), 90), lines
    time.sleep(1.0)                               # z-ciclo.pdf is now being read, for ever
    workers = descendants(proc.pid)
    assert workers
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(30) == 2
    reader.join(5)
    assert any('interrotto' in l for l in lines) and not any('Traceback' in l for l in lines)
    _wait_for(lambda: not alive(workers), 10)
    assert not alive(workers)
    # the next plain run picks up the written document and settles the rest
    s = run([docs], db, jobs=1, limits=Limits(timeout=3))
    assert s.resumed and s.unchanged == ['a-buono.pdf'] and [f for f, _ in s.failed] == ['z-ciclo.pdf']
    assert _q(db, 'SELECT file FROM documenti') == [('a-buono.pdf',)]


def test_sigkill_leaves_no_worker_readers_work_during_an_ingest_and_a_second_writer_is_refused(tmp_path):
    docs = tmp_path / 'pdf'
    _write(docs, 'a.pdf', plan_pdf('Treviglio'))
    db = tmp_path / 'w.duckdb'
    run([docs], db, jobs=1)
    _write(docs, 'z-ciclo.pdf', hostile.endless_forms())
    proc = _ingest(docs, '--db', db, '-j', '1', '--timeout', '300')
    assert _wait_for(lambda: grandchildren(proc.pid), 60), 'no worker started'
    workers = descendants(proc.pid)
    try:
        for args in (['status', '--db', db], ['query', 'SELECT count(*) FROM documenti', '--db', db, '-f', 'csv'],
                     ['cerca', 'caregiver', '--db', db], ['export', tmp_path / 'out', '--db', db]):
            r = _pdz(*args)
            assert r.returncode == 0 and 'Traceback' not in r.stderr, (args, r.stderr)
        r = _pdz('ingest', docs, '--db', db)
        assert r.returncode == 2
        assert f'warehouse in uso da un altro processo (pid {proc.pid})' in r.stderr and 'Traceback' not in r.stderr
    finally:
        proc.kill()
        proc.wait(10)
    _wait_for(lambda: not alive(workers), 10)
    assert not alive(workers)
