"""What a person sees: tables that fit the terminal, whole file names, formats, plain errors."""
import csv
import io
import json

import duckdb
from rich.console import Console
from typer.testing import CliRunner

from pdz.cli import app
from pdz.output import print_rows

runner = CliRunner()


def _terminal(cols, rows, width=100, wide=False) -> str:
    buf = io.StringIO()
    print_rows(cols, rows, 'tabella', wide=wide, console=Console(file=buf, width=width, force_terminal=True,
                                                                   color_system=None))
    return buf.getvalue()


def _select(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    cur = con.execute(sql)
    return [d[0] for d in cur.description], cur.fetchall()


def test_select_star_fits_100_columns_names_what_it_left_out_and_keeps_file_whole(warehouse_campioni):
    cols, rows = _select(warehouse_campioni, 'SELECT o.*, d.file FROM obiettivi o JOIN documenti d USING (documento_id) LIMIT 3')
    text = _terminal(cols, rows)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 100
    assert lines[0].split()[0] == 'obiettivo_id' and rows[0][0] in lines[2]        # headers and data
    assert all(r[-1] in text for r in rows)                                        # the file, uncut
    assert '3 righe' in text and 'colonne non mostrate' in text and 'descrizione' in text.split('non mostrate')[1]
    assert len(_terminal(cols, rows, wide=True).splitlines()[0]) > 100             # --wide: everything


def test_long_text_is_shortened_but_file_names_never(warehouse_campioni):
    cols, rows = _select(warehouse_campioni, 'SELECT o.descrizione, d.file FROM obiettivi o JOIN documenti d USING (documento_id)')
    text = _terminal(cols, rows, width=80)
    assert '…' in text and all(r[1] in text for r in rows)


def test_formats_on_a_pipe(warehouse_campioni):
    db = str(warehouse_campioni)
    r = runner.invoke(app, ['query', 'SELECT * FROM obiettivi LIMIT 3', '--db', db])
    lines = r.stdout.splitlines()
    assert r.exit_code == 0 and lines[0].startswith('obiettivo_id') and len(lines) == 5 and lines[-1] == '(3 righe)'
    assert len(lines[1]) > 200                                  # plain text on a pipe: not drawn at 80 columns
    r = runner.invoke(app, ['query', 'SELECT titolo, aree_regionali FROM obiettivi', '--db', db, '-f', 'righe'])
    assert r.stdout.count('── riga') == len(_select(warehouse_campioni, 'SELECT 1 FROM obiettivi')[1])
    assert ' titolo: ' in r.stdout
    r = runner.invoke(app, ['query', 'SELECT titolo FROM obiettivi', '--db', db, '-f', 'csv'])
    titles = [row['titolo'] for row in csv.DictReader(io.StringIO(r.stdout))]
    assert max(map(len, titles)) > 100                          # csv is whole
    r = runner.invoke(app, ['query', 'SELECT data FROM rilevazioni WHERE data IS NOT NULL LIMIT 1', '--db', db, '-f', 'json'])
    assert json.loads(r.stdout)[0]['data'][:2] == '20'


def test_unknown_format_empty_query_sql_error_not_duckdb_are_one_line_and_exit_2(warehouse_campioni, tmp_path):
    db = str(warehouse_campioni)
    cases = [(['query', 'SELECT 1', '--db', db, '-f', 'xml'], 'formato sconosciuto'),
             (['status', '--db', db, '-f', 'tabellone'], 'formato sconosciuto'),
             (['query', '  ', '--db', db], 'query vuota'),
             (['query', 'SELECT * FROM nessuna_tabella', '--db', db], 'tabella, vista o funzione inesistente'),
             (['query', 'SELEC 1', '--db', db], 'sintassi SQL non valida'),
             (['query', 'SELECT 1', '--db', 'README.md'], 'non è un file DuckDB')]
    for args, message in cases:
        r = runner.invoke(app, args)
        assert r.exit_code == 2 and message in r.output and len(r.output.strip().splitlines()) == 1, (args, r.output)
        assert 'Traceback' not in r.output


def test_a_warehouse_locked_by_another_program_is_one_line(tmp_path, warehouse_campioni):
    import subprocess
    import sys
    import shutil
    db = tmp_path / 'w.duckdb'
    shutil.copy(warehouse_campioni, db)
    holder = subprocess.Popen([sys.executable, '-c', 'import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); '
                               'print("ok", flush=True); time.sleep(60)', str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == 'ok'
        r = subprocess.run([sys.executable, '-m', 'pdz.cli', 'status', '--db', str(db)], capture_output=True, text=True)
        # the sentence the reliability issue asks for, with the holder's pid, on one line
        assert r.returncode == 2 and 'in uso da un altro processo (pid' in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
        assert len(r.stderr.strip().splitlines()) == 1 and 'Traceback' not in r.stderr
        r = subprocess.run([sys.executable, '-m', 'pdz.cli', 'ingest', str(tmp_path / 'nessuno'), '--db', str(db)],
                           capture_output=True, text=True)
        assert r.returncode == 2 and 'Traceback' not in r.stderr
        (tmp_path / 'in').mkdir()
        r = subprocess.run([sys.executable, '-m', 'pdz.cli', 'ingest', str(tmp_path / 'in'), '--db', str(db)],
                           capture_output=True, text=True)
        # the sentence the reliability issue asks for, with the holder's pid, on one line
        assert r.returncode == 2 and 'in uso da un altro processo (pid' in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1, r.stderr
        assert 'Traceback' not in r.stderr
    finally:
        holder.kill()


def test_version_pdz_db_and_help_in_italian(warehouse_campioni):
    r = runner.invoke(app, ['--version'])
    assert r.exit_code == 0 and r.output.startswith('pdz 0.')
    r = runner.invoke(app, ['--help'])
    assert 'Opzioni' in r.output and 'Comandi' in r.output and 'Cerca parole e frasi' in r.output
    r = runner.invoke(app, ['query', '--help'])
    assert 'Argomenti' in r.output and 'obbligatorio' in r.output and 'PDZ_DB' in r.output
    assert r.output.startswith('Uso: ') and ' query ' in r.output.splitlines()[0] and 'Mostra questo aiuto ed esce.' in r.output
    r = runner.invoke(app, ['query'])
    assert r.exit_code == 2 and "Errore: manca l'argomento sql" in r.output and 'Missing' not in r.output
    r = runner.invoke(app, ['cerca', 'x', '-n', 'tre'])
    assert r.exit_code == 2 and 'serve un numero intero' in r.output
    r = runner.invoke(app, ['query', 'SELECT count(*) AS n FROM documenti', '-f', 'csv'],
                      env={'PDZ_DB': str(warehouse_campioni)})
    assert r.exit_code == 0 and r.stdout.split() == ['n', '3']


def test_status_fits_a_100_column_terminal(warehouse_campioni):
    import os
    import re
    import subprocess
    import sys
    env = {**os.environ, 'TTY_COMPATIBLE': '1', 'COLUMNS': '100'}     # rich draws as on a terminal
    r = subprocess.run([sys.executable, '-m', 'pdz.cli', 'status', '--db', str(warehouse_campioni)],
                       capture_output=True, text=True, env=env)
    lines = re.sub(r'\x1b\[[0-9;]*m', '', r.stdout).splitlines()
    assert r.returncode == 0 and max(map(len, lines)) <= 100
    assert lines[0].split()[:3] == ['file', 'ambito', 'triennio'] and 'esiti' in lines[0]
    assert any(line.startswith('treviglio-matrice-monitoraggio-2025.pdf ') for line in lines)
    r = runner.invoke(app, ['status', '--db', str(warehouse_campioni), '-f', 'json'])
    assert {d['file'] for d in json.loads(r.stdout)} >= {'treviglio-pdz-2018-2020.pdf'}
