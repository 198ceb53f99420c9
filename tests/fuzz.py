"""Damaged variants of the sample PDFs, from a seed, and one trial: the variants and the good
files ingested as one folder, then counted — crashes, hangs, good files complete, silent
losses, hostile statements refused. `make test` runs a few (tests/test_fuzz.py); `make stress`
runs hundreds (python -m tests.fuzz --count 200)."""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / 'corpus' / 'samples'
sys.path.insert(0, str(ROOT / 'tests'))

import hostile  # noqa: E402
from pdfgen import text_pdf  # noqa: E402

RECORDS = ('obiettivi', 'azioni', 'indicatori', 'esiti')
READING = ('lettura', 'layout')      # the anomalies that say a document was not read as it is


def _streams(data: bytes) -> list[tuple[int, int]]:
    return [(m.end(), m.end() + max(0, data.find(b'endstream', m.end()) - m.end()))
            for m in re.finditer(rb'stream\r?\n', data)]


def truncated(data, rnd):
    return data[:rnd.randrange(1, len(data))]


def flipped(data, rnd):
    b = bytearray(data)
    for _ in range(rnd.choice((1, 5, 30, 200))):
        b[rnd.randrange(len(b))] = rnd.randrange(256)
    return bytes(b)


def broken_xref(data, rnd):
    i = data.rfind(b'startxref')
    if i < 0:
        return flipped(data, rnd)
    how = rnd.randrange(3)
    if how == 0:
        return data[:i] + b'startxref\n%d\n%%%%EOF\n' % rnd.randrange(len(data))
    if how == 1:
        return re.sub(rb'\d{10} \d{5} n', lambda m: b'%010d 00000 n' % rnd.randrange(len(data)), data)
    return data[:i]                     # no startxref, no trailer


def garbage_stream(data, rnd):
    spans = [s for s in _streams(data) if s[1] > s[0]]
    if not spans:
        return flipped(data, rnd)
    b = bytearray(data)
    for a, z in rnd.sample(spans, min(len(spans), rnd.choice((1, 3, 10)))):
        b[a:z] = rnd.randbytes(z - a)
    return bytes(b)


def doubled_lengths(data, rnd):
    return re.sub(rb'/Length (\d+)', lambda m: b'/Length %d' % (int(m.group(1)) * rnd.choice((0, 2, 10))), data)


DAMAGE = [truncated, flipped, broken_xref, garbage_stream, doubled_lengths]
FIXED = {                      # shapes that do not depend on a source file
    'vuoto.pdf': lambda: b'',
    'non-pdf.pdf': lambda: b'<html><body>Piano di Zona</body></html>',
    'cifrato.pdf': lambda: text_pdf([['Piano di Zona 2025-2027']], encrypt='segreto'),
    'duemila-pagine.pdf': lambda: hostile.blank_pages(2000),
    'bomba.pdf': lambda: hostile.stream_bomb(2048),
    'ciclo.pdf': hostile.reference_cycle,
    'auto-riferimento.pdf': hostile.self_reference,
    'length-se-stessa.pdf': hostile.self_length,
    'albero-ciclico.pdf': hostile.page_tree_loop,
    'rettangoli.pdf': lambda: hostile.many_rectangles(100_000),
}


def variants(sources: list[Path], count: int, seed: int, fixed: bool = True):
    """[(name, bytes, source name or None)]: the fixed hostile shapes, then seeded damage."""
    rnd = random.Random(seed)
    out = [(n, make(), None) for n, make in FIXED.items()] if fixed else []
    datas = {p.name: p.read_bytes() for p in sources}
    i = 0
    while len(out) < count:
        src = rnd.choice(sorted(datas))
        damage = DAMAGE[i % len(DAMAGE)]
        out.append((f'v{i:03d}-{damage.__name__}-{src}', damage(datas[src], rnd), src))
        i += 1
    return out[:count]


def _progress(total_hint: int, every: int):
    """An on_done hook printing a line every `every` documents: a long run shows it is moving."""
    t, n = time.monotonic(), [0]

    def on_done(res):
        n[0] += 1
        if every and n[0] % every == 0:
            print(f'  ... {n[0]}/{total_hint} documenti in {time.monotonic() - t:.0f} s', file=sys.stderr, flush=True)
    return on_done


def references(sources: list[Path], jobs: int) -> dict:
    """Each good file read alone, in the bounded workers (in parallel, like the run)."""
    from pdz.version import extractor_version
    from pdz.worker import extract, start_server
    start_server()
    return {Path(r.percorso).name: r for r in extract(list(sources), extractor_version(), jobs)}


def trial(work: Path, sources: list[Path], count: int, seed: int, jobs: int = 2, timeout: float = 120,
          fixed: bool = True, every: int = 0, cli: bool = False) -> dict:
    """Ingest variants + good files as one folder; the figures of the run. With `cli`, `pdz ingest`
    is run once more on the folder (failed files are retried): it must exit 1, without a traceback."""
    import duckdb
    from pdz.ingest import run
    from pdz.worker import Limits
    folder = work / 'cartella'
    folder.mkdir(parents=True)
    made = variants(sources, count, seed, fixed)
    for name, data, _ in made:
        (folder / name).write_bytes(data)
    for p in sources:
        shutil.copy(p, folder / p.name)
    db = work / 'fuzz.duckdb'
    t = time.monotonic()
    crashes = 0
    try:
        s = run([folder], db, jobs=jobs, limits=Limits(timeout=timeout),
                on_done=_progress(len(made) + len(sources), every))
    except Exception as e:           # a crash of the run itself
        print(f'CRASH: {type(e).__name__}: {e}')
        crashes, s = 1, None
    seconds = time.monotonic() - t
    report = {'variants': len(made), 'seconds': seconds, 'crashes': crashes}
    if s is None:
        return report
    seen = set(s.new) | set(s.replaced) | set(s.unchanged) | set(s.copies) | {f for f, _ in s.failed}
    report['unaccounted'] = len({n for n, _, _ in made} - seen)
    # a hang is a document that would not end by itself: the time limit had to stop it (the run
    # goes on, but the document is lost all the same)
    report['timeouts'] = sum('tempo massimo' in e for _, e in s.failed)
    report['hangs'] = report['timeouts']
    report['worker_seconds'] = sum(s.seconds.values())
    con = duckdb.connect(str(db), read_only=True)
    rows = {f: r for f, *r in con.execute(        # by sha256: identical variants are one document
        'SELECT d.sha256, ' + ', '.join(f'(SELECT count(*) FROM {t} x WHERE x.documento_id = d.documento_id)'
                                      for t in RECORDS) + ', (SELECT count(*) FROM anomalie n '
        'WHERE n.documento_id = d.documento_id) FROM documenti d').fetchall()}
    alone = references(sources, jobs)
    refs = {n: [r.count(t) for t in RECORDS] for n, r in alone.items()}
    sha = {n: hashlib.sha256(d).hexdigest() for n, d, _ in made}
    sha.update({p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sources})
    report['good'] = sum(rows.get(sha[p.name], [None])[:4] == refs[p.name] for p in sources)
    report['good_of'] = len(sources)
    # a silent loss: fewer records than the good file, and no anomaly saying that what was read
    # is not what the file holds: a reading anomaly ('lettura': the parser's errors and
    # recoveries, on their page; 'layout': a page not read) the good file lacks. An extraction
    # remark ("tabella non ricondotta", "metadati non trovati") says nothing of a loss.
    own = {n: Counter((a.pagina, a.messaggio.replace(n, '')) for a in r.rows['anomalie'] if a.fase in READING)
           for n, r in alone.items()}
    notes = {}
    for sha256, pagina, messaggio in con.execute(
            'SELECT d.sha256, n.pagina, n.messaggio FROM anomalie n JOIN documenti d USING (documento_id) '
            'WHERE n.fase IN (' + ', '.join('?' * len(READING)) + ')', list(READING)).fetchall():
        notes.setdefault(sha256, []).append((pagina, messaggio))
    names = {}
    for n, _, _ in made:
        names.setdefault(sha[n], n)
    losses = [n for n, _, src in made if src and sha[n] in rows and sum(rows[sha[n]][:4]) < sum(refs[src])
              and not (Counter((pg, m.replace(names[sha[n]], '')) for pg, m in notes.get(sha[n], [])) - own[src])]
    report['silent_losses'] = len(losses)
    report['silent_names'] = losses
    kinds = {}
    for n, _, src in made:
        kind = n.split('-')[1] if src else 'forme fisse'
        kinds[kind] = kinds.get(kind, 0.0) + s.seconds.get(n, 0.0)
    report['seconds_by_kind'] = kinds
    report['slowest'] = sorted(((v, f) for f, v in s.seconds.items()), reverse=True)[:6]
    ingested = set(s.new) | set(s.replaced) | set(s.unchanged) | set(s.copies)
    report['ingested'] = sum(1 for n, _, _ in made if n in ingested)
    report['rejected'] = sum(1 for n, _, _ in made if n in dict(s.failed) and dict(s.failed)[n])
    con.close()
    report['refused'], report['statements'] = hostile_statements(db, work)
    if cli:
        report['cli'] = cli_checks(folder, db, jobs, timeout, {f for f, _ in s.failed})
    return report


def _pdz(*args: str, timeout: float | None = None) -> tuple[int, str]:
    """`pdz` as a user runs it: (exit code, stdout + stderr)."""
    import subprocess
    p = subprocess.run([sys.executable, '-m', 'pdz.cli', *args], cwd=ROOT, capture_output=True, text=True,
                       errors='replace', timeout=timeout, env={**__import__('os').environ, 'COLUMNS': '400'})
    return p.returncode, p.stdout + p.stderr


def cli_checks(folder: Path, db: Path, jobs: int, timeout: float, failed: set[str]) -> dict:
    """The folder again through the command: the failed files are tried again (each printed with
    its reason) and the run exits 1; a path that does not exist is a usage error, exit 2."""
    code, out = _pdz('ingest', str(folder), '--db', str(db), '-j', str(jobs), '--timeout', f'{timeout:g}')
    missing, out2 = _pdz('ingest', str(folder / 'non-esiste'), '--db', str(db))
    return {'exit': code, 'expected': 1 if failed else 0, 'missing_exit': missing,
            'tracebacks': sum('Traceback' in o for o in (out, out2)),
            'unnamed': sorted(f for f in failed if f'fallito {f}:' not in out)}


HOSTILE_SQL = [
    "COPY documenti TO '{out}/copia.csv'", "EXPORT DATABASE '{out}/db'", "ATTACH '{out}/altro.duckdb'",
    'INSTALL httpfs', "LOAD '{out}/x.duckdb_extension'", "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM glob('/etc/*')", 'SET enable_external_access = true',
    'SET lock_configuration = false', "SET memory_limit = '100GB'", 'DELETE FROM documenti',
]


def hostile_statements(db: Path, work: Path) -> tuple[int, int]:
    import duckdb
    from warehouse.sandbox import open_sandboxed
    out = work / 'fuori'
    out.mkdir()
    refused = 0
    for sql in HOSTILE_SQL:
        con = open_sandboxed(db)
        try:
            con.execute(sql.format(out=out)).fetchall()
        except duckdb.Error:
            refused += 1
        finally:
            con.close()
    if any(out.iterdir()):
        refused = 0
    return refused, len(HOSTILE_SQL)


def state(db: Path) -> dict:
    """What a reader can see: every document's rows, the links and what search finds."""
    import duckdb
    from warehouse import fts
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {t: con.execute(f'SELECT count(*) FROM {t}').fetchone()[0]
               for t in ('documenti', 'obiettivi', 'azioni', 'indicatori', 'rilevazioni', 'esiti', 'anomalie')}
        out['files'] = con.execute('SELECT file, sha256 FROM documenti ORDER BY file').fetchall()
        out['links'] = con.execute('SELECT i.testo, c.testo FROM indicatori i JOIN indicatori c '
                                   'ON c.indicatore_id = i.indicatore_collegato ORDER BY 1, 2').fetchall()
        out['cerca'] = sorted((h[1], h[2], h[3], h[7]) for h in fts.search(con, 'monitoraggio valutazione', 50, any_word=True))
    finally:
        con.close()
    return out


STRESS_TIMEOUT = 60.0           # CPU seconds per document in make stress (see main)
KILL_PAIR = ['treviglio-matrice-monitoraggio-2025.pdf', 'treviglio-pdz-2025-2027-obiettivi.pdf']


def kill_loop(work: Path, kills: int, seed: int) -> dict:
    """SIGKILL `pdz ingest` of the linked pair at `kills` seeded moments (each on a fresh
    warehouse), run a plain ingest after each, and compare with a clean `pdz ingest` (which must
    exit 0, without a traceback): links and search included. The moments span the whole command,
    start to swap; the repairs run in this process (its fork server is warm: a command's start
    costs seconds of CPU each time, minutes on a loaded machine)."""
    import signal
    import subprocess
    from pdz.ingest import run
    rnd = random.Random(seed)
    folder = work / 'coppia'
    folder.mkdir(parents=True)
    for n in KILL_PAIR:
        shutil.copy(SAMPLES / n, folder / n)
    t = time.monotonic()
    code, out = _pdz('ingest', str(folder), '--db', str(work / 'pulito.duckdb'), '-j', '2')
    span = time.monotonic() - t           # the whole command: start, extraction, writing, swap
    expected = state(work / 'pulito.duckdb')
    bad, failed_repairs = 0, 0
    for i in range(kills):
        db = work / f'k{i}.duckdb'
        proc = subprocess.Popen([sys.executable, '-m', 'pdz.cli', 'ingest', str(folder), '--db', str(db), '-j', '2'],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(0.2, span * 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        time.sleep(0.6)                  # the workers' watchdog notices
        failed_repairs += not run([folder], db, jobs=2).ok
        if state(db) != expected:
            bad += 1
    return {'kills': kills, 'inconsistent': bad, 'failed_repairs': failed_repairs, 'clean_exit': code,
            'tracebacks': int('Traceback' in out), 'seconds': time.monotonic() - t}


def concurrent(folder: Path, db: Path, out: Path) -> dict:
    """While `pdz ingest --force` rewrites `db`: a second ingest (must be refused, exit 2, with
    the Italian message) and the readers (status, query, cerca, export: must answer, exit 0),
    all started at once; what each printed is searched for a traceback."""
    import subprocess
    cmd = [sys.executable, '-m', 'pdz.cli']
    writer = subprocess.Popen([*cmd, 'ingest', str(folder), '--db', str(db), '-j', '2', '--force'], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors='replace')
    from warehouse.staging import staging_path
    t = time.monotonic()
    while not staging_path(db).exists() and writer.poll() is None and time.monotonic() - t < 120:
        time.sleep(0.1)              # the writer holds the lock and is writing its staging copy
    others = {'ingest': (['ingest', str(folder), '--db', str(db)], 2), 'status': (['status', '--db', str(db)], 0),
              'query': (['query', 'SELECT count(*) FROM documenti', '--db', str(db)], 0),
              'cerca': (['cerca', 'monitoraggio', '--db', str(db)], 0), 'export': (['export', str(out), '--db', str(db)], 0)}
    running = {n: subprocess.Popen([*cmd, *a], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   errors='replace', env={**__import__('os').environ, 'COLUMNS': '400'})
               for n, (a, _) in others.items()}
    outputs = {n: p.communicate(timeout=600)[0] for n, p in running.items()}
    during = writer.poll() is None
    writer_out = writer.communicate(timeout=600)[0]
    wrong = sorted(n for n, p in running.items() if p.returncode != others[n][1]
                   or (n == 'ingest' and 'in uso da un altro processo' not in outputs[n]))
    return {'commands': len(running), 'tracebacks': sum('Traceback' in o for o in [*outputs.values(), writer_out]),
            'wrong': wrong, 'during': during, 'writer_exit': writer.returncode}


def main(argv=None) -> int:
    import os
    ap = argparse.ArgumentParser(description='fuzz: varianti danneggiate dei PDF di esempio')
    ap.add_argument('--count', type=int, default=200)
    ap.add_argument('--seed', type=int, default=9)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--timeout', type=float, default=STRESS_TIMEOUT,
                    help=f'CPU seconds per document (default {STRESS_TIMEOUT:g}: no variant of the samples needs '
                         'a third of it; the product default is 120)')
    ap.add_argument('--kills', type=int, default=20, help='SIGKILLs of the kill loop (0: none)')
    a = ap.parse_args(argv)
    t0 = time.monotonic()
    print(f'machine: {os.cpu_count()} cores, load average at start {os.getloadavg()[0]:.1f}', flush=True)
    ok = True
    if a.kills:
        with tempfile.TemporaryDirectory() as tmp:
            k = kill_loop(Path(tmp), a.kills, a.seed)
        print(f"kill-loop runs            {k['kills']}, inconsistent or unrepaired warehouses {k['inconsistent']}, "
              f"repairs with a failed file {k['failed_repairs']}; the clean `pdz ingest` "
              f"exit {k['clean_exit']} (expected 0), tracebacks {k['tracebacks']} ({k['seconds']:.0f} s)", flush=True)
        ok = not (k['inconsistent'] or k['failed_repairs'] or k['clean_exit'] or k['tracebacks'])
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / 'coppia'
            folder.mkdir()
            for n in KILL_PAIR:
                shutil.copy(SAMPLES / n, folder / n)
            _pdz('ingest', str(folder), '--db', str(Path(tmp) / 'c.duckdb'), '-j', '2')
            c = concurrent(folder, Path(tmp) / 'c.duckdb', Path(tmp) / 'export')
        print(f"concurrent commands       {c['commands']} during an ingest ({'all' if c['during'] else 'not all'} "
              f"started while it ran), tracebacks {c['tracebacks']}, wrong exit or message {len(c['wrong'])}"
              + (f" ({', '.join(c['wrong'])})" if c['wrong'] else '') + f"; the ingest exit {c['writer_exit']}", flush=True)
        ok = ok and not (c['tracebacks'] or c['wrong'] or c['writer_exit'])
    if not a.count:
        return 0 if ok else 1
    sources = sorted(SAMPLES.glob('*.pdf'))
    print(f'folder: {a.count} damaged variants + {len(sources)} good files, {a.jobs} workers, '
          f'each document at most {a.timeout:g} s of CPU (--timeout)', flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        r = trial(Path(tmp), sources, a.count, a.seed, a.jobs, a.timeout, every=25, cli=True)
    print(f"variants tried            {r['variants']} (+{len(sources)} good files) in {r['seconds']:.0f} s"
          + (f" ({r['worker_seconds']:.0f} s of documents in {a.jobs} workers)" if 'worker_seconds' in r else ''))
    print(f"crashes                   {r['crashes']}")
    if 'hangs' in r:
        c = r['cli']
        print(f"hangs                     {r['hangs']}   (documents stopped at the {a.timeout:g} s limit)")
        print(f"good files complete       {r['good']}/{r['good_of']}")
        print(f"variants ingested         {r['ingested']} with their anomalies, {r['rejected']} rejected with a message, "
              f"{r['unaccounted']} unaccounted")
        print(f"silent losses             {r['silent_losses']}" + (f"  {', '.join(r['silent_names'])}" if r['silent_names'] else ''))
        print('extraction seconds by kind ' + ', '.join(f'{k} {v:.0f}' for k, v in sorted(r['seconds_by_kind'].items())))
        print('slowest                   ' + ', '.join(f'{f} {v:.0f} s' for v, f in r['slowest']))
        print(f"hostile statements refused {r['refused']}/{r['statements']}")
        print(f"pdz ingest again          exit {c['exit']} (expected {c['expected']}), missing path exit "
              f"{c['missing_exit']} (expected 2), tracebacks {c['tracebacks']}, failed files not named {len(c['unnamed'])}")
        ok = ok and r['hangs'] == 0 and r['good'] == r['good_of'] and not r['unaccounted'] and not r['silent_losses'] \
            and c['exit'] == c['expected'] and c['missing_exit'] == 2 and not c['tracebacks'] and not c['unnamed']
    print(f'total                     {time.monotonic() - t0:.0f} s, load average at the end {os.getloadavg()[0]:.1f}')
    return 0 if ok and r['crashes'] == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
