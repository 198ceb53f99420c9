"""The `pdz` command: ingest PDFs, query the warehouse, search it, see what is in it."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help='Piani di Zona (PDF) -> DuckDB: ingest, query, cerca, status, export.')
console = Console(stderr=True)
out = Console()
DEFAULT_DB = Path('warehouse/pdz.duckdb')
DB_OPT = typer.Option(DEFAULT_DB, '--db', help='DuckDB warehouse file')


@app.command()
def ingest(paths: list[Path] = typer.Argument(None, help='PDF files or folders (default: the bundled samples)'),
           db: Path = DB_OPT,
           jobs: Optional[int] = typer.Option(None, '--jobs', '-j', help='worker processes (default: all cores)'),
           force: bool = typer.Option(False, '--force', help='re-extract even unchanged documents'),
           timeout: float = typer.Option(120, '--timeout', help='secondi massimi per documento'),
           memoria: str = typer.Option('1G', '--memoria', help='memoria massima per processo di estrazione (es. 1G, 800M; 0: nessun limite)'),
           prune: bool = typer.Option(False, '--prune', help='rimuove i documenti il cui file non esiste più')):
    """Extract PDFs into the warehouse; unchanged files (same sha256 and extractor version) are skipped."""
    from corpus.discover import SAMPLES, shown
    from warehouse.lock import WarehouseInUso
    from .ingest import Interrotto, run
    from .worker import Limits, parse_size

    paths = paths or [SAMPLES]
    missing = [p for p in paths if not p.exists()]
    if missing:
        console.print(f'[red]non trovato:[/] {escape(", ".join(shown(p) for p in missing))}')
        raise typer.Exit(2)
    try:
        limits = Limits(timeout=timeout, memoria=parse_size(memoria))
    except ValueError as e:
        console.print(f'[red]opzione non valida:[/] {escape(str(e))}')
        raise typer.Exit(2)
    with Progress(TextColumn('{task.description}'), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=False, disable=not console.is_terminal) as progress:
        task = progress.add_task('estrazione', total=0)

        def on_done(res):
            mark = '[green]ok[/]' if res.ok else '[red]errore[/]'
            console.print(f'  {mark} {escape(res.file)} ({res.seconds:.1f}s)' + ('' if res.ok else f': {escape(res.error or "")}'))
            progress.advance(task)

        try:
            summary = run(paths, db, jobs=jobs, force=force, limits=limits, prune=prune,
                          on_start=lambda n: progress.update(task, total=n), on_done=on_done)
        except WarehouseInUso as e:
            progress.stop()
            console.print(f'[red]{escape(str(e))}[/]')
            raise typer.Exit(2)
        except Interrotto:
            progress.stop()
            console.print('interrotto (SIGTERM): i documenti già scritti restano, il prossimo `pdz ingest` riprende da lì')
            raise typer.Exit(2)
    c = summary.counts
    console.print(f'documenti: {len(summary.new)} nuovi, {len(summary.unchanged)} invariati, '
                  f'{len(summary.replaced)} ri-estratti, {len(summary.failed)} falliti')
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


def _print_rows(cols: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == 'json':
        out.print_json(json.dumps([dict(zip(cols, r)) for r in rows], ensure_ascii=False, default=str))
    elif fmt == 'csv':
        import csv
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    else:
        t = Table(show_lines=False)
        for c in cols:
            t.add_column(Text(c))
        for r in rows:          # Text: cell values are data, never markup
            t.add_row(*(Text('' if x is None else str(x)) for x in r))
        out.print(t)


def _open(db: Path, sandboxed: bool = False):
    from warehouse.sandbox import WarehouseError, open_read_only, open_sandboxed
    try:
        return (open_sandboxed if sandboxed else open_read_only)(db)
    except WarehouseError as e:
        console.print(f'[red]{escape(str(e))}[/]')
        raise typer.Exit(2)


@app.command()
def query(sql: str = typer.Argument(..., help='SQL over the warehouse tables and views'), db: Path = DB_OPT,
          format: str = typer.Option('table', '--format', '-f', help='table | csv | json')):
    """Run SQL (read-only, no file or network access) and print the result."""
    import duckdb
    from warehouse.sandbox import MAX_ROWS, fetch
    con = _open(db, sandboxed=True)
    try:
        cols, rows, total = fetch(con, sql, MAX_ROWS if format == 'table' else sys.maxsize)
    except duckdb.Error as e:
        console.print(f'[red]errore SQL:[/] {escape(str(e))}')
        raise typer.Exit(2)
    if cols:
        _print_rows(cols, rows, format)
    if total > len(rows):
        console.print(f'mostrate {len(rows)} righe di {total}: per averle tutte usare -f csv o -f json')


@app.command()
def cerca(testo: str = typer.Argument(..., help='words to look for (Italian stemming: "caregiver familiari")'),
          db: Path = DB_OPT, limit: int = typer.Option(20, '--limit', '-n'),
          format: str = typer.Option('table', '--format', '-f')):
    """Full-text search over obiettivi, indicatori and esiti."""
    from warehouse import fts
    con = _open(db)
    try:
        rows = fts.search(con, testo, limit)
    except Exception as e:
        console.print(f'[red]ricerca non disponibile:[/] {escape(str(e))}')
        raise typer.Exit(2)
    _print_rows(['tabella', 'id', 'titolo', 'score', 'file', 'pagina'],
                [(t, i, (ti or '')[:90], round(s, 3), f, p) for t, i, ti, s, f, p in rows], format)


@app.command()
def status(db: Path = DB_OPT, format: str = typer.Option('table', '--format', '-f')):
    """What the warehouse holds, per document."""
    con = _open(db)
    cur = con.execute('SELECT file, ambito_id, triennio, tipo, pagine, obiettivi, azioni, indicatori, esiti, '
                      'anomalie, versione_estrattore FROM v_documenti')
    _print_rows([d[0] for d in cur.description], cur.fetchall(), format)
    failed = con.execute("SELECT file, messaggio FROM anomalie WHERE fase = 'lettura' AND gravita = 'errore'").fetchall()
    for f, m in failed:
        console.print(f'[red]non letto[/] {escape(m)}')
    from corpus.discover import on_disk
    from warehouse.store import gone
    for _, f, percorso in gone(con, on_disk):
        console.print(f'[yellow]file mancante[/] {escape(f)} ({escape(percorso)}): `pdz ingest --prune` lo rimuove')


@app.command()
def export(dest: Path = typer.Argument(..., help='folder to write one file per table'), db: Path = DB_OPT,
           format: str = typer.Option('parquet', '--format', '-f', help='parquet | csv')):
    """Write every table to Parquet or CSV files."""
    from models import TABLES
    from warehouse.sandbox import export_table
    if format not in ('parquet', 'csv'):
        console.print(f'[red]formato non previsto:[/] {escape(format)} (parquet | csv)')
        raise typer.Exit(2)
    con = _open(db)
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        console.print(f'[red]cartella non scrivibile:[/] {escape(str(dest))}: {escape(e.strerror or str(e))}')
        raise typer.Exit(2)
    for m in TABLES:
        path = dest / f'{m.__table__}.{format}'
        export_table(con, m.__table__, path, format)
        console.print(escape(str(path)))


def main() -> None:
    """The installed `pdz`: whatever happens, one sentence and an exit code, never a traceback."""
    from .guard import guarded
    guarded(app)


if __name__ == '__main__':
    main()
