"""The `pdz` command: ingest PDFs, query the warehouse, search it, see what is in it."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

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
           force: bool = typer.Option(False, '--force', help='re-extract even unchanged documents')):
    """Extract PDFs into the warehouse; unchanged files (same sha256 and extractor version) are skipped."""
    from corpus.discover import SAMPLES
    from .ingest import run

    paths = paths or [SAMPLES]
    missing = [p for p in paths if not p.exists()]
    if missing:
        console.print(f'[red]non trovato:[/] {", ".join(map(str, missing))}')
        raise typer.Exit(2)
    with Progress(TextColumn('{task.description}'), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=False, disable=not console.is_terminal) as progress:
        task = progress.add_task('estrazione', total=0)

        def on_done(res):
            mark = '[green]ok[/]' if res.ok else '[red]errore[/]'
            console.print(f'  {mark} {res.file} ({res.seconds:.1f}s)' + ('' if res.ok else f': {res.error}'))
            progress.advance(task)

        summary = run(paths, db, jobs=jobs, force=force,
                      on_start=lambda n: progress.update(task, total=n), on_done=on_done)
    c = summary.counts
    console.print(f'documenti: {len(summary.new)} nuovi, {len(summary.unchanged)} invariati, '
                  f'{len(summary.replaced)} ri-estratti, {len(summary.failed)} falliti')
    if not summary.new and not summary.replaced and not summary.failed:
        console.print('nulla da ri-estrarre: il warehouse è aggiornato')
    console.print(f'estratti: {c["obiettivi"]} obiettivi, {c["azioni"]} azioni, {c["indicatori"]} indicatori, '
                  f'{c["esiti"]} esiti, {c["anomalie"]} anomalie  -> {db}')
    if summary.links:
        console.print(f'{summary.links} indicatori di matrice collegati alle schede del loro Ambito e triennio')
    for name, err in summary.failed:
        console.print(f'[red]fallito[/] {name}: {err}')
    raise typer.Exit(0 if summary.ok else 1)


@app.command()
def aggiorna(db: Path = DB_OPT,
             manifesto: Optional[Path] = typer.Option(None, '--manifesto', help='elenco dei documenti (predefinito: corpus/piani.csv)'),
             cache: Optional[Path] = typer.Option(None, '--cache', help='cartella dei download (predefinita: accanto al warehouse)'),
             timeout: float = typer.Option(30.0, '--timeout', help='secondi di attesa senza risposta, per tentativo'),
             tentativi: int = typer.Option(3, '--tentativi', help='tentativi per documento (pausa doppia ogni volta)'),
             pausa: float = typer.Option(1.0, '--pausa', help='secondi prima del secondo tentativo'),
             max_mb: float = typer.Option(100.0, '--max-mb', help='dimensione massima di un documento, in MB'),
             jobs: Optional[int] = typer.Option(None, '--jobs', '-j', help='processi di estrazione (predefinito: tutti i core)')):
    """Esecuzione notturna: scarica i documenti del manifesto cambiati, li estrae, registra le modifiche."""
    from .aggiorna import run_cli
    raise typer.Exit(run_cli(console, db, manifesto, cache, timeout, tentativi, pausa, max_mb, jobs))


def _print_rows(cols: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == 'json':
        out.print_json(json.dumps([dict(zip(cols, r)) for r in rows], ensure_ascii=False, default=str))
    elif fmt == 'csv':
        import csv
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    else:
        t = Table(*cols, show_lines=False)
        for r in rows:
            t.add_row(*('' if x is None else str(x) for x in r))
        out.print(t)


def _open(db: Path):
    from warehouse.store import connect
    if not db.exists():
        console.print(f'[red]nessun warehouse in {db}[/]: eseguire prima `pdz ingest`')
        raise typer.Exit(2)
    return connect(db, read_only=True)


@app.command()
def query(sql: str = typer.Argument(..., help='SQL over the warehouse tables and views'), db: Path = DB_OPT,
          format: str = typer.Option('table', '--format', '-f', help='table | csv | json')):
    """Run SQL and print the result."""
    import duckdb
    con = _open(db)
    try:
        cur = con.execute(sql)
    except duckdb.Error as e:
        console.print(f'[red]errore SQL:[/] {e}')
        raise typer.Exit(2)
    if cur.description is None:
        return
    _print_rows([d[0] for d in cur.description], cur.fetchall(), format)


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
        console.print(f'[red]ricerca non disponibile:[/] {e}')
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
    failed = con.execute("SELECT file, messaggio FROM anomalie WHERE fase = 'lettura'").fetchall()
    for f, m in failed:
        console.print(f'[red]non letto[/] {m}')
    from .registro import last_run_lines
    for line in last_run_lines(con):
        console.print(line, markup=False, highlight=False)


@app.command()
def export(dest: Path = typer.Argument(..., help='folder to write one file per table'), db: Path = DB_OPT,
           format: str = typer.Option('parquet', '--format', '-f', help='parquet | csv')):
    """Write every table to Parquet or CSV files."""
    from models import TABLES
    con = _open(db)
    dest.mkdir(parents=True, exist_ok=True)
    opt = "(FORMAT parquet)" if format == 'parquet' else "(FORMAT csv, HEADER)"
    for m in TABLES:
        path = dest / f'{m.__table__}.{format}'
        con.execute(f"COPY {m.__table__} TO '{path}' {opt}")
        console.print(f'{path}')


if __name__ == '__main__':
    app()
