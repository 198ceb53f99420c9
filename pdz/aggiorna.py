"""The nightly run: fetch what the manifest lists (only what changed), ingest the cache
incrementally with pdz.ingest.run, and write what happened to the change log (esecuzioni)."""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

from corpus.manifest import MANIFEST, load
from models import Anomalia, Esecuzione
from warehouse import esecuzioni
from warehouse.store import connect

from . import download
from .blocco import blocco
from .ingest import Summary, run as ingest
from .registro import descrivi


@dataclass
class Aggiornamento:
    esecuzione: Esecuzione
    scaricamenti: list[download.Scaricamento]
    summary: Summary
    righe: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.esecuzione.codice_uscita == 0


def default_cache(db: Path) -> Path:
    """Beside the warehouse: warehouse/pdz.duckdb -> warehouse/pdz-download/."""
    return db.with_name(db.stem + '-download')


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + '.aggiorna.lock')


def _anomalia(s: download.Scaricamento) -> Anomalia:
    return Anomalia(documento_id=s.sha256[:16] if s.file and s.sha256 else None, fase=esecuzioni.DOWNLOAD,
                    gravita='errore', messaggio=f'{s.piano.fonte}: {s.messaggio}', file=s.piano.nome_cache)


def aggiorna(db: Path, manifest: Path = MANIFEST, cache: Path | None = None,
             regole: download.Regole = download.Regole(), jobs: int | None = None,
             on_download=None, on_done=None) -> Aggiornamento:
    """ManifestError for a bad manifest, Occupato when another run holds the lock; otherwise
    every problem with a document is reported in the result, never raised."""
    start, t0 = dt.datetime.now(), time.monotonic()
    piani = load(manifest)
    cache = cache or default_cache(db)
    with blocco(lock_path(db)):
        cache.mkdir(parents=True, exist_ok=True)
        state = download.load_state(cache)
        fetched = []
        try:
            with download.client(regole) as client:
                for p in piani:
                    s = download.local(p) if p.locale else download.fetch(client, p, cache, state, regole)
                    fetched.append(s)
                    if on_download:
                        on_download(s)
        finally:
            download.save_state(cache, state)
        con = connect(db)
        try:
            before = esecuzioni.snapshot(con)
        finally:
            con.close()
        summary = ingest([s.file for s in fetched if s.file], db, jobs=jobs, on_done=on_done)
        failed = [s for s in fetched if s.esito == 'fallito']
        run = Esecuzione(
            esecuzione_id=0, iniziata_il=start, finita_il=dt.datetime.now(), secondi=0.0,
            manifesto=str(manifest), cache=str(cache), piani=len(piani),
            scaricati=[s.piano.nome_cache for s in fetched if s.esito == 'scaricato'],
            non_modificati=[s.piano.nome_cache for s in fetched if s.esito == 'non_modificato'],
            download_falliti=[f'{s.piano.nome_cache}: {s.messaggio}' for s in failed],
            byte_scaricati=sum(s.byte for s in fetched if s.esito == 'scaricato'),
            nuovi=summary.new, ri_estratti=summary.replaced, invariati=summary.unchanged,
            falliti=[f'{f}: {e}' for f, e in summary.failed],
            codice_uscita=0 if summary.ok and not failed else 1)
        con = connect(db)
        try:
            run.secondi = round(time.monotonic() - t0, 3)
            run.finita_il = dt.datetime.now()
            righe = esecuzioni.record(con, before, run, [_anomalia(s) for s in failed])
        finally:
            con.close()
    return Aggiornamento(run, fetched, summary, righe)


def run_cli(console, db: Path, manifest: Path | None, cache: Path | None, timeout: float, tentativi: int,
            pausa: float, max_mb: float, jobs: int | None, report: Path | None = None) -> int:
    """`pdz aggiorna`: 0 all fetched and read, 1 some document failed, 2 the run could not start."""
    import duckdb

    from corpus.manifest import ManifestError
    from .blocco import Occupato

    if timeout <= 0 or tentativi < 1 or pausa < 0 or max_mb <= 0:
        console.print('opzioni non valide: --timeout e --max-mb positivi, --tentativi almeno 1, --pausa non negativa',
                      markup=False)
        return 2
    regole = download.Regole(timeout=timeout, tentativi=tentativi, pausa=pausa, max_byte=int(max_mb * 1024 * 1024))

    def on_download(s: download.Scaricamento):
        what = {'scaricato': f'scaricato ({s.byte // 1024} kB)', 'non_modificato': 'non modificato',
                'locale': 'locale', 'fallito': f'fallito: {s.messaggio}'}[s.esito]
        console.print(f'  {s.piano.nome_cache}: {what}', markup=False, highlight=False)

    def on_done(res):
        console.print(f'  estratto {res.file} ({res.seconds:.1f}s)' + ('' if res.ok else f': {res.error}'),
                      markup=False, highlight=False)

    try:
        result = aggiorna(db, manifest or MANIFEST, cache, regole, jobs, on_download, on_done)
    except (ManifestError, Occupato) as e:
        console.print(str(e), markup=False, highlight=False)
        return 2
    except OSError as e:          # the cache folder or the lock cannot be written
        console.print(f'non è possibile scrivere in {getattr(e, "filename", None) or db} ({e.strerror or e})',
                      markup=False, highlight=False)
        return 2
    except duckdb.Error as e:
        console.print(f'warehouse {db} non utilizzabile: {str(e).splitlines()[0]}', markup=False, highlight=False)
        return 2
    for line in descrivi(result.esecuzione, result.righe):
        console.print(line, markup=False, highlight=False)
    if report is not None:
        from warehouse.store import connect

        from .report import render
        con = connect(db, read_only=True)
        try:
            report.write_text(render(con), encoding='utf-8')
        except OSError as e:
            console.print(f'rapporto non scritto in {report}: {e.strerror or e}', markup=False, highlight=False)
            return 2
        finally:
            con.close()
        console.print(f'rapporto: {report}', markup=False, highlight=False)
    return result.esecuzione.codice_uscita
