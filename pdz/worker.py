"""Extraction in bounded worker processes: one document at a time per worker, with a time
limit (the worker is killed past it: CPU seconds, or as long waiting without computing, with a
wall-clock ceiling) and an address-space limit (RLIMIT_AS, set inside the worker). A worker that dies, hangs or runs out of memory is replaced; its document fails alone
with an `errore` anomaly naming the cause, and the run goes on.

Workers come from a fork server started before any warehouse is open, with the pipeline
modules and their language data preloaded (pdz.preload): a new worker costs a fork, not an
import of spaCy nor a build of its pipeline, and inherits neither the DuckDB threads nor the
writer's lock. A worker ends itself within half a second of the main process's death, and the
fork server then ends too, so killing pdz leaves no process behind."""
from __future__ import annotations

import gc
import multiprocessing as mp
import os
import resource
import signal
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing.connection import wait
from pathlib import Path
from typing import Iterator

from corpus.discover import shown

from .risultato import MEMORY_ERROR, Result, failed

GiB = 1 << 30
WALL_FACTOR = 10           # wall-clock ceiling, in multiples of the limit (see _overdue)
_POLL = 0.5                # seconds between looks at a busy worker's CPU time
_TICKS = os.sysconf('SC_CLK_TCK')


@dataclass(frozen=True)
class Limits:
    timeout: float = 120.0      # seconds per document (see _overdue)
    memoria: int = GiB          # bytes of address space per worker (0: no limit)


def parse_size(text: str) -> int:
    """'1G', '800M', '1.5GiB', '0' (no limit) -> bytes; ValueError otherwise."""
    t = text.strip().upper().removesuffix('IB').removesuffix('B')
    scale = {'K': 1 << 10, 'M': 1 << 20, 'G': 1 << 30}.get(t[-1:], None)
    try:
        n = float(t[:-1] if scale else t) * (scale or 1)
    except ValueError:
        raise ValueError(f'dimensione non valida: {text!r} (es. 1G, 800M, 0)') from None
    if n != 0 and n < 64 << 20:
        raise ValueError(f'memoria troppo piccola: {text!r} (almeno 64M, o 0 per nessun limite)')
    return int(n)


@lru_cache(maxsize=1)
def _context():
    ctx = mp.get_context('forkserver')
    ctx.set_forkserver_preload(['pdz.preload'])
    return ctx


def start_server() -> None:
    """Start the fork server now (call before opening DuckDB: it must not inherit its threads)."""
    from multiprocessing import forkserver
    _context()
    forkserver.ensure_running()


def _die_with(owner: int) -> None:
    """End this worker as soon as the process that owns it is gone. (Its parent is the fork
    server, not the owner, and the fork server lives as long as any worker holds its pipe, so
    PR_SET_PDEATHSIG would never fire: a watchdog thread asks the kernel instead.)"""
    def watch():
        while True:
            try:
                os.kill(owner, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass
            time.sleep(0.5)
    threading.Thread(target=watch, daemon=True, name='pdz-watchdog').start()


GC_THRESHOLD = 10_000     # allocations between young collections (Python's default: 700)


def _collect_less() -> None:
    """A worker allocates millions of short-lived objects a document (a dict per char, a tuple
    per word), freed by their reference counts; at the default threshold the cycle collector
    walked them ~2,700 times a document and every object the fork server preloaded (spaCy,
    pydantic) at each full pass: about an eighth of a worker's time. What was preloaded lives as
    long as the worker (frozen: no pass walks it), and the young generation is collected every
    GC_THRESHOLD allocations instead."""
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def _serve(conn, version: str, memoria: int, owner: int) -> None:
    """Worker main loop: a path in, a Result out, until the pipe closes."""
    _die_with(owner)
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # the parent decides when to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if memoria:
        resource.setrlimit(resource.RLIMIT_AS, (memoria, memoria))
    _collect_less()
    from .pipeline import process_file      # preloaded by the fork server: already imported
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        res = process_file(path, version)
        res.peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        conn.send(res)
        if res.error == MEMORY_ERROR:      # the heap of a process that ran out is not trusted
            return


class _Worker:
    """A worker process, its pipe, and the document it is on (state a pool must track)."""

    def __init__(self, version: str, limits: Limits):
        self.conn, child = _context().Pipe()
        self.proc = _context().Process(target=_serve, args=(child, version, limits.memoria, os.getpid()), daemon=True)
        self.proc.start()
        child.close()
        self.path: Path | None = None
        self.started = self.cpu_at_start = 0.0
        self.seen_at = self.seen_cpu = self.waited = 0.0    # last look at the worker; time spent waiting

    def cpu(self) -> float:
        """Seconds of CPU the worker has used (user + system), from /proc."""
        try:
            fields = Path(f'/proc/{self.proc.pid}/stat').read_text().rsplit(')', 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / _TICKS
        except (OSError, IndexError, ValueError):
            return 0.0

    def waiting(self) -> bool:
        """Neither running nor ready to run (sleeping, blocked on a read): from /proc."""
        try:
            return Path(f'/proc/{self.proc.pid}/stat').read_text().rsplit(')', 1)[1].split()[0] != 'R'
        except (OSError, IndexError):
            return False

    def give(self, path: Path, timeout: float) -> None:
        self.path, self.started, self.cpu_at_start = path, time.monotonic(), self.cpu()
        self.seen_at, self.seen_cpu, self.waited = self.started, self.cpu_at_start, 0.0
        try:
            self.conn.send(str(path))
        except OSError:
            pass                  # died meanwhile: its sentinel reports it

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


def _overdue(w: _Worker, timeout: float) -> bool:
    """The limit counts the CPU the document has taken, so that a machine busy with other work
    does not fail good documents (at load 20 on 2 cores a worker gets a tenth of a core: a
    document of 40 s takes 400 s on the clock); a worker that waits without computing (blocked,
    sleeping) is stopped once it has waited as long as the limit; and whatever happens, at
    WALL_FACTOR times the limit on the clock."""
    now, cpu = time.monotonic(), w.cpu()
    if cpu - w.seen_cpu < 0.005 and w.waiting():
        w.waited += now - w.seen_at
    w.seen_at, w.seen_cpu = now, cpu
    wall = now - w.started
    return wall >= WALL_FACTOR * timeout or w.waited >= timeout or (wall >= timeout and cpu - w.cpu_at_start >= timeout)


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        hint = ': forse memoria esaurita' if name in ('SIGKILL', 'SIGSEGV', 'SIGABRT', 'SIGBUS') else ''
        return f'il processo di estrazione è terminato ({name}{hint})'
    return f'il processo di estrazione è terminato (codice {exitcode})'


def _failure(w: _Worker, error: str) -> Result:
    res = failed(shown(w.path.name), shown(w.path.resolve()), error, fase='pipeline')
    res.seconds = time.monotonic() - w.started
    return res


def extract(paths: list[Path], version: str, jobs: int, limits: Limits = Limits()) -> Iterator[Result]:
    """Results of `paths`, in the order they finish; always one per path."""
    pending = list(reversed(paths))
    workers: list[_Worker] = []
    try:
        while pending or any(w.path for w in workers):
            for w in [w for w in workers if not w.path and not w.proc.is_alive()]:
                w.stop()
                workers.remove(w)
            for w in workers:
                if not w.path and pending:
                    w.give(pending.pop(), limits.timeout)
            while pending and len(workers) < jobs:
                w = _Worker(version, limits)
                w.give(pending.pop(), limits.timeout)
                workers.append(w)
            busy = [w for w in workers if w.path]
            left = min(_POLL, max(0.0, min(w.started + WALL_FACTOR * limits.timeout for w in busy) - time.monotonic()))
            ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], left))
            for w in busy:
                res = _collect(w, ready, limits)
                if res is not None:
                    w.path = None
                    if res.error == MEMORY_ERROR:
                        w.stop()          # it exits anyway: give it nothing more
                    yield res
    finally:
        for w in workers:
            w.stop()


def _collect(w: _Worker, ready: set, limits: Limits) -> Result | None:
    if w.conn in ready or w.proc.sentinel in ready:
        try:
            if w.conn.poll():
                return w.conn.recv()
        except (EOFError, OSError):
            pass
        except Exception as e:        # a result that cannot be unpickled
            w.stop()
            return _failure(w, f'risultato non leggibile dal processo di estrazione: {type(e).__name__}')
        w.proc.join(5)
        code = w.proc.exitcode
        w.stop()
        return _failure(w, _death(code))
    if _overdue(w, limits.timeout):
        w.stop()
        return _failure(w, f'tempo massimo superato ({limits.timeout:g} s): estrazione fermata')
    return None
