"""The `pdz` command: ingest PDFs, query the warehouse, search it, see what is in it.
What a person sees is Italian; the logic lives in the modules it calls (output, errors, export)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

from .italiano import installa as _italiano

_italiano()     # click's and typer's own words (Usage, Options, errors) in Italian too

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  context_settings={'help_option_names': ['-h', '--help']},
                  help='Piani di Zona (PDF) -> warehouse DuckDB: ingest, query, cerca, status, schema, export, report.')
console = Console(stderr=True, soft_wrap=True)   # messages are never wrapped at 80 on a pipe
out = Console()
DEFAULT_DB = Path('warehouse/pdz.duckdb')
DB_OPT = typer.Option(DEFAULT_DB, '--db', envvar='PDZ_DB', show_envvar=True,
                      help='il warehouse DuckDB (predefinito: $PDZ_DB, altrimenti warehouse/pdz.duckdb)')
FMT_HELP = 'tabella (adattata al terminale) | righe (un campo per riga) | csv | json'
FMT_OPT = typer.Option('tabella', '--format', '-f', help=FMT_HELP)
WIDE_OPT = typer.Option(False, '--wide', '-w', help='tutte le colonne, per intero (il terminale va a capo)')


def _version(value: bool):
    if value:
        from .version import extractor_version
        out.print(f'pdz {extractor_version()}', highlight=False)
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, '--version', '-V', callback=_version, is_eager=True,
                                      help='la versione di pdz (e del suo estrattore)')):
    """Piani di Zona (PDF) -> warehouse DuckDB: ingest, query, cerca, status, schema, export, report."""


@app.command()
def ingest(paths: list[Path] = typer.Argument(None, help='file PDF o cartelle (predefinito: i campioni inclusi)'),
           db: Path = DB_OPT,
           jobs: Optional[int] = typer.Option(None, '--jobs', '-j', help='processi in parallelo (predefinito: tutti i core)'),
           force: bool = typer.Option(False, '--force', help='ri-estrarre anche i documenti invariati'),
           timeout: float = typer.Option(120, '--timeout', help='secondi massimi di calcolo per documento'),
           memoria: str = typer.Option('1G', '--memoria', help='memoria massima per processo di estrazione (es. 1G, 800M; 0: nessun limite)'),
           prune: bool = typer.Option(False, '--prune', help='rimuove i documenti il cui file non esiste più'),
           executor: str = typer.Option('locale', '--executor', help='locale (processi di questa macchina) | dask (un cluster Dask)'),
           scheduler: Optional[str] = typer.Option(None, '--scheduler', help='con --executor dask: indirizzo del cluster (predefinito: un cluster locale)'),
           parquet: Optional[Path] = typer.Option(None, '--parquet', help='con --executor dask: scrive anche le righe in Parquet, per Ambito e triennio')):
    """Legge i PDF nel warehouse.

    I file invariati (stesso sha256 e stessa versione dell'estrattore) sono saltati."""
    from corpus.discover import SAMPLES, shown

    paths = paths or [SAMPLES]
    missing = [p for p in paths if not p.exists()]
    if missing:
        console.print(f'[red]non trovato:[/] {escape(", ".join(shown(p) for p in missing))}')
        raise typer.Exit(2)
    if not force and not prune:
        _nulla_da_fare(paths, db)
    import duckdb
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from warehouse.lock import WarehouseInUso
    from .errors import open_error
    from .ingest import Interrotto, run
    from .worker import Limits, parse_size
    try:
        limits = Limits(timeout=timeout, memoria=parse_size(memoria))
    except ValueError as e:
        console.print(f'[red]opzione non valida:[/] {escape(str(e))}')
        raise typer.Exit(2)
    runner = _executor(executor, scheduler, parquet)
    with Progress(TextColumn('{task.description}'), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=False, disable=not console.is_terminal) as progress:
        task = progress.add_task('estrazione', total=0)

        def on_done(res):
            mark = '[green]ok[/]' if res.ok else '[red]errore[/]'
            console.print(f'  {mark} {escape(res.file)} ({res.seconds:.1f}s)' + ('' if res.ok else f': {escape(res.error or "")}'))
            progress.advance(task)

        try:
            summary = run(paths, db, jobs=jobs, force=force, limits=limits, prune=prune, executor=runner,
                          on_start=lambda n: progress.update(task, total=n), on_done=on_done)
        except WarehouseInUso as e:
            progress.stop()
            _fail(str(e))
        except Interrotto:
            progress.stop()
            _fail('interrotto (SIGTERM): i documenti già scritti restano, il prossimo `pdz ingest` riprende da lì')
        except duckdb.IOException as e:      # not a warehouse, or one another program is writing
            progress.stop()
            _fail(open_error(db, e))
    c = summary.counts
    console.print(f'documenti: {len(summary.new)} nuovi, {len(summary.unchanged)} invariati, '
                  f'{len(summary.replaced)} ri-estratti, {len(summary.failed)} falliti'
                  + (f', {len(summary.copies)} copie di altri file (un documento, più percorsi)' if summary.copies else ''))
    if not summary.new and not summary.replaced and not summary.failed:
        console.print('nulla da ri-estrarre: il warehouse è aggiornato')
    console.print(f'estratti: {c["obiettivi"]} obiettivi, {c["azioni"]} azioni, {c["indicatori"]} indicatori, '
                  f'{c["esiti"]} esiti, {c["anomalie"]} anomalie  -> {db}')
    if summary.links:
        console.print(f'{summary.links} indicatori di matrice collegati alle schede del loro Ambito e triennio')
    for name in summary.pruned:
        console.print(f'rimosso (file non più presente): {escape(name)}')
    for name, err in summary.failed:
        console.print(f'[red]fallito[/] {escape(name)}: {escape(err)}')
    raise typer.Exit(0 if summary.ok else 1)


def _executor(name: str, scheduler: Optional[str], parquet: Optional[Path]):
    """None for the local workers; the Dask one otherwise (pdz/cluster.py)."""
    if name not in ('locale', 'dask'):
        _fail(f"--executor {name!r} sconosciuto: locale o dask")
    if name == 'locale':
        if scheduler or parquet:
            _fail('--scheduler e --parquet valgono solo con --executor dask')
        return None
    from .cluster import DaskMancante, dask_executor
    try:
        return dask_executor(scheduler, parquet)
    except DaskMancante as e:
        _fail(str(e))


def _nulla_da_fare(paths: list[Path], db: Path) -> None:
    """The nightly case, answered before the extractors are imported: every file already read
    at this extractor version (pdz/invariato.py). Exits when so; returns otherwise."""
    from warehouse.lock import WarehouseInUso
    from .invariato import aggiornato
    try:
        same = aggiornato(paths, db)
    except WarehouseInUso as e:
        _fail(str(e))
    if same is not None:
        console.print(f'documenti: 0 nuovi, {len(same)} invariati, 0 ri-estratti, 0 falliti')
        console.print(f'nulla da ri-estrarre: il warehouse è aggiornato  -> {db}')
        raise typer.Exit(0)


@app.command()
def aggiorna(db: Path = DB_OPT,
             manifesto: Optional[Path] = typer.Option(None, '--manifesto', help='elenco dei documenti (predefinito: corpus/piani.csv)'),
             cache: Optional[Path] = typer.Option(None, '--cache', help='cartella dei download (predefinita: accanto al warehouse)'),
             timeout: float = typer.Option(30.0, '--timeout', help='secondi di attesa senza risposta, per tentativo'),
             tentativi: int = typer.Option(3, '--tentativi', help='tentativi per documento (pausa doppia ogni volta)'),
             pausa: float = typer.Option(1.0, '--pausa', help='secondi prima del secondo tentativo'),
             max_mb: float = typer.Option(100.0, '--max-mb', help='dimensione massima di un documento, in MB'),
             jobs: Optional[int] = typer.Option(None, '--jobs', '-j', help='processi di estrazione (predefinito: tutti i core)'),
             rapporto: Optional[Path] = typer.Option(None, '--report', help='scrive anche il rapporto HTML (come pdz report)')):
    """Esecuzione notturna: scarica i documenti del manifesto cambiati, li estrae, registra le modifiche."""
    from .aggiorna import run_cli
    raise typer.Exit(run_cli(console, db, manifesto, cache, timeout, tentativi, pausa, max_mb, jobs, rapporto))


def _fail(message: str, code: int = 2):
    console.print(message, markup=False, highlight=False)
    raise typer.Exit(code)


def _format(fmt: str, allowed=None) -> str:
    from .output import FORMATS, FormatoSconosciuto, check_format
    try:
        return check_format(fmt, allowed or FORMATS)
    except FormatoSconosciuto as e:
        _fail(str(e))


def _print_rows(cols, rows, fmt: str, wide: bool = False, wrap=()) -> None:
    from .output import print_rows
    print_rows(cols, rows, fmt, wide=wide, console=out, wrap=wrap)


def _open(db: Path, sandboxed: bool = False):
    """A read-only connection; `pdz query`'s is a sandbox (no files, no network, locked settings)."""
    import duckdb
    from warehouse.lock import duckdb_holder
    from warehouse.sandbox import WarehouseError, open_read_only, open_sandboxed
    from .errors import open_error
    if db.is_dir():
        _fail(f'{db} è una cartella, non un file DuckDB')
    try:
        return (open_sandboxed if sandboxed else open_read_only)(db)
    except WarehouseError as e:
        cause = e.__context__
        if isinstance(cause, duckdb.Error) and duckdb_holder(cause) is None:
            _fail(open_error(db, cause))      # not a DuckDB file, or another program's lock
        _fail(str(e))


@app.command()
def query(sql: str = typer.Argument(..., help='SQL sulle tabelle e viste del warehouse (elenco: pdz schema)'),
          db: Path = DB_OPT, format: str = FMT_OPT, wide: bool = WIDE_OPT):
    """Esegue una query SQL e ne mostra il risultato.

    La ricerca testuale è disponibile: fts_main_fts_testi.match_bm25(chiave, pdz_radici('parole'))."""
    import sys

    import duckdb
    from warehouse.sandbox import MAX_ROWS, fetch
    from .errors import sql_error
    fmt = _format(format)
    if not sql.strip().strip(';').strip():
        _fail('query vuota: scrivere una SELECT, per esempio pdz query "SELECT * FROM v_documenti"')
    con = _open(db, sandboxed=True)
    try:
        cols, rows, total = fetch(con, sql, MAX_ROWS if fmt in ('tabella', 'righe') else sys.maxsize)
    except duckdb.Error as e:
        _fail(sql_error(e))
    if cols:
        _print_rows(cols, rows, fmt, wide)
    if total > len(rows):
        console.print(f'mostrate {len(rows)} righe di {total}: per averle tutte usare -f csv o -f json',
                      markup=False, highlight=False)


@app.command()
def cerca(testo: str = typer.Argument(..., help='parole da cercare (tutte, per default); "frasi tra virgolette"'),
          db: Path = DB_OPT, limit: int = typer.Option(20, '--limit', '-n', help='quanti risultati al massimo'),
          any_word: bool = typer.Option(False, '--o', '--or', help='basta una delle parole (OR)'),
          format: str = FMT_OPT, wide: bool = WIDE_OPT):
    """Cerca parole e frasi in obiettivi, azioni, indicatori ed esiti.

    Singolare e plurale, accenti e trattini non contano («anziano» = «anziani»,
    «co-progettazione» = «coprogettazione»)."""
    from warehouse import fts
    fmt = _format(format)
    con = _open(db)
    try:
        hits = fts.search(con, testo, limit, any_word=any_word)
    except fts.SearchUnavailable as e:
        _fail(str(e))
    if not hits:
        console.print(f'nessun risultato per {testo!r}', markup=False, highlight=False)
        if fmt in ('csv', 'json'):       # a program still gets a well-formed, empty result
            _print_rows(list(fts.HIT_COLUMNS), [], fmt)
        return
    _print_rows(list(fts.HIT_COLUMNS), hits, fmt, wide, wrap=('estratto',))


# the status table's headers, short so that it fits 100 columns; csv/json keep the column names
_STATUS = [('file', 'file'), ('ambito_id', 'ambito'), ('triennio', 'triennio'), ('obiettivi', 'ob.'),
           ('azioni', 'az.'), ('indicatori', 'ind.'), ('esiti', 'esiti'), ('anomalie', 'anom.'),
           ('pagine', 'pag.'), ('tipo', 'tipo')]


@app.command()
def status(db: Path = DB_OPT, format: str = FMT_OPT, wide: bool = WIDE_OPT):
    """Che cosa contiene il warehouse, per documento.

    ob. obiettivi, az. azioni, ind. indicatori, anom. anomalie, pag. pagine."""
    fmt = _format(format)
    con = _open(db)
    rows = con.execute(f'SELECT {", ".join(c for c, _ in _STATUS)} FROM v_documenti').fetchall()
    names = [c for c, _ in _STATUS] if fmt in ('csv', 'json', 'righe') else [h for _, h in _STATUS]
    _print_rows(names, rows, fmt, wide)
    for (m,) in con.execute("SELECT messaggio FROM anomalie WHERE fase = 'lettura' AND gravita = 'errore'").fetchall():
        console.print(f'non letto: {m}', markup=False, highlight=False)
    from corpus.discover import on_disk
    from warehouse.store import copies, gone
    for f, percorsi in copies(con):
        console.print(f'{f}: lo stesso file in {len(percorsi)} percorsi: ' + ', '.join(percorsi), markup=False, highlight=False)
    for _, f, percorso in gone(con, on_disk):
        console.print(f'file mancante {f} ({percorso}): `pdz ingest --prune` lo rimuove', markup=False, highlight=False)
    from .registro import last_run_lines
    for line in last_run_lines(con):
        console.print(line, markup=False, highlight=False)


@app.command()
def schema(tabella: Optional[str] = typer.Argument(None, help='una tabella o vista (predefinito: l\'elenco)'),
           format: str = FMT_OPT, wide: bool = WIDE_OPT):
    """Il dizionario dei dati: tabelle, viste e colonne."""
    from warehouse import dictionary
    fmt = _format(format)
    if tabella is None:
        _print_rows(['tabella', 'tipo', 'descrizione'], dictionary.relations(), fmt, wide, wrap=('descrizione',))
        return
    try:
        cols = dictionary.columns(tabella)
    except KeyError:
        _fail(f"'{tabella}' non è una tabella né una vista del warehouse (elenco: pdz schema)")
    console.print(dictionary.describe(tabella), markup=False, highlight=False)
    _print_rows(['colonna', 'tipo', 'descrizione'], cols, fmt, wide, wrap=('descrizione',))


@app.command()
def export(dest: Path = typer.Argument(..., help='cartella (parquet, csv, csv-it) o file (.xlsx, .sqlite)'),
           db: Path = DB_OPT,
           format: str = typer.Option('parquet', '--format', '-f',
                                      help='parquet | csv | csv-it (Excel italiano: ;, BOM, virgola decimale) | xlsx | sqlite')):
    """Esporta tabelle e viste (parquet, csv, csv-it, xlsx, sqlite).

    parquet, csv e csv-it scrivono un file per tabella e vista; xlsx e sqlite un solo file."""
    import duckdb
    from warehouse import export as exp
    from .errors import first_line
    fmt = _format(format, exp.FORMATS)
    con = _open(db)
    try:
        written = exp.export(con, dest, fmt)
    except (duckdb.Error, OSError) as e:
        _fail(f'esportazione non riuscita in {dest}: {first_line(e)}')
    for path in written:
        console.print(str(path), markup=False, highlight=False)


@app.command()
def report(out_file: Path = typer.Option(..., '--out', '-o', help='il file HTML da scrivere'), db: Path = DB_OPT):
    """Un rapporto HTML autonomo: grafici per area, promesse, esiti e copertura."""
    from .report import render
    con = _open(db)
    try:
        out_file.write_text(render(con), encoding='utf-8')
    except OSError as e:
        _fail(f'impossibile scrivere {out_file}: {e.strerror or e}')
    console.print(str(out_file), markup=False, highlight=False)


def main() -> None:
    """The installed `pdz`: whatever happens, one sentence and an exit code, never a traceback."""
    from .guard import guarded
    guarded(app)


if __name__ == '__main__':
    main()
