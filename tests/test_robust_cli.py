"""The CLI never dies on data: markup-like error texts, names that are not UTF-8, devices and
FIFOs, a busy warehouse, hostile SQL, quote-laden export paths — one sentence, a fixed exit code."""
import os
import random
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from pdfgen import plan_pdf
from pdz.cli import app
from pdz.guard import guarded
from pdz.ingest import run
from warehouse.lock import writer_lock

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / 'corpus' / 'samples'
runner = CliRunner()


def _pdz(*args):
    return subprocess.run([sys.executable, '-m', 'pdz.cli', *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope='module')
def warehouse(tmp_path_factory):
    folder = tmp_path_factory.mktemp('w')
    docs = folder / 'pdf'
    docs.mkdir()
    (docs / 'treviglio-matrice-monitoraggio-2025.pdf').write_bytes(
        (SAMPLES / 'treviglio-matrice-monitoraggio-2025.pdf').read_bytes())
    db = folder / 'w.duckdb'
    assert run([docs], db, jobs=1).ok
    return db


def test_an_error_text_that_looks_like_markup_is_printed_as_it_is(tmp_path):
    data = bytearray((SAMPLES / 'treviglio-matrice-monitoraggio-2025.pdf').read_bytes())
    rnd = random.Random(1)
    for _ in range(30):                      # these flips make pdfminer quote a broken '[/…]' dictionary
        data[rnd.randrange(len(data))] = rnd.randrange(256)
    docs = tmp_path / 'in'
    docs.mkdir()
    (docs / 'x[red].pdf').write_bytes(bytes(data))
    r = runner.invoke(app, ['ingest', str(docs), '--db', str(tmp_path / 'w.duckdb')])
    assert r.exit_code == 1, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert 'x[red].pdf' in r.output and 'Traceback' not in r.output


def test_names_of_any_bytes_devices_and_fifos_fail_alone(tmp_path):
    docs = tmp_path / 'in'
    docs.mkdir()
    odd = os.fsdecode(b'caf\xe9 \xff.pdf')             # Latin-1 names from a zip made on Windows
    (docs / odd).write_bytes(plan_pdf('Treviglio'))
    os.mkfifo(docs / 'fifo.pdf')
    (docs / 'zero.pdf').symlink_to('/dev/zero')
    db = tmp_path / 'w.duckdb'
    r = runner.invoke(app, ['ingest', str(docs), str(docs / 'fifo.pdf'), str(docs / 'zero.pdf'), '--db', str(db)])
    assert r.exit_code == 1, r.output
    assert 'caf\\xe9 \\xff.pdf' in r.output
    assert r.output.count('non è un file regolare') == 2 * 2        # each file: as it ends, and in the summary
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute('SELECT file FROM documenti').fetchall() == [('caf\\xe9 \\xff.pdf',)]
    assert sorted(f for f, in con.execute("SELECT file FROM anomalie WHERE gravita = 'errore'").fetchall()) == \
        ['fifo.pdf', 'zero.pdf']
    con.close()
    # status does not take the stored (escaped) name for a missing file
    r = runner.invoke(app, ['status', '--db', str(db)])
    assert r.exit_code == 0 and 'file mancante' not in r.output


def test_a_second_writer_gets_a_clear_message_and_exit_2(tmp_path):
    db = tmp_path / 'w.duckdb'
    (tmp_path / 'in').mkdir()
    (tmp_path / 'in' / 'a.pdf').write_bytes(plan_pdf())
    with writer_lock(db):
        r = runner.invoke(app, ['ingest', str(tmp_path / 'in'), '--db', str(db)])
    assert r.exit_code == 2
    assert f'warehouse in uso da un altro processo (pid {os.getpid()})' in r.output


def test_a_notebook_holding_the_warehouse_gives_a_clear_message_to_writers_and_readers(tmp_path, warehouse):
    db = tmp_path / 'w.duckdb'
    db.write_bytes(warehouse.read_bytes())
    notebook = duckdb.connect(str(db))          # a read-write connection in another process (this one)
    try:
        for args in (['ingest', str(SAMPLES / 'treviglio-matrice-monitoraggio-2025.pdf'), '--db', db],
                     ['status', '--db', db], ['query', 'SELECT 1', '--db', db], ['cerca', 'x', '--db', db]):
            r = _pdz(*args)
            assert r.returncode == 2, (args, r.stderr)
            assert f'warehouse in uso da un altro processo (pid {os.getpid()})' in r.stderr
            assert 'Traceback' not in r.stderr
    finally:
        notebook.close()


HOSTILE_SQL = {
    'copy': "COPY documenti TO '{out}/copia.csv'",
    'export': "EXPORT DATABASE '{out}/db'",
    'attach': "ATTACH '{out}/altro.duckdb'",
    'install': 'INSTALL httpfs',
    'load': "LOAD '{out}/x.duckdb_extension'",
    'read_text': "SELECT * FROM read_text('/etc/passwd')",
    'read_csv': "SELECT * FROM read_csv('/etc/passwd')",
    'glob': "SELECT * FROM glob('/etc/*')",
    'set_external': 'SET enable_external_access = true',
    'set_lock': 'SET lock_configuration = false',
    'reset_memory': "SET memory_limit = '100GB'",
    'write': 'DELETE FROM documenti',
}


@pytest.mark.parametrize('name', sorted(HOSTILE_SQL))
def test_query_refuses_each_hostile_statement(tmp_path, warehouse, name):
    sql = HOSTILE_SQL[name].format(out=tmp_path)
    r = runner.invoke(app, ['query', sql, '--db', str(warehouse)])
    assert r.exit_code == 2 and 'errore SQL' in r.output, r.output
    assert list(tmp_path.iterdir()) == []
    assert 'root:' not in r.output


def test_query_still_answers_and_search_functions_work_in_the_sandbox(warehouse):
    r = runner.invoke(app, ['query', 'SELECT count(*) AS n FROM documenti', '--db', str(warehouse), '-f', 'csv'])
    assert r.exit_code == 0 and r.output.split() == ['n', '1']
    r = runner.invoke(app, ['query', "SELECT count(*) AS n FROM fts_testi WHERE "
                            "fts_main_fts_testi.match_bm25(chiave, pdz_radici('valutazione')) IS NOT NULL",
                            '--db', str(warehouse), '-f', 'csv'])
    assert r.exit_code == 0, r.output
    assert int(r.output.split()[1]) > 0


def test_query_shows_a_terminal_at_most_the_row_cap(warehouse, monkeypatch):
    from warehouse import sandbox
    monkeypatch.setattr(sandbox, 'MAX_ROWS', 5)
    r = runner.invoke(app, ['query', 'SELECT * FROM range(12)', '--db', str(warehouse)])
    assert r.exit_code == 0
    assert 'mostrate 5 righe di 12' in r.output


def test_export_to_a_path_with_quotes_writes_there_and_nowhere_else(tmp_path, warehouse):
    dest = tmp_path / "fuori'); COPY documenti TO '/tmp/pwn.csv" / "a'b"
    r = runner.invoke(app, ['export', str(dest), '--db', str(warehouse), '-f', 'csv'])
    assert r.exit_code == 0, r.output
    assert (dest / 'documenti.csv').read_text().count('\n') == 2
    assert (dest / 'anomalie.csv').exists()
    r = runner.invoke(app, ['export', str(tmp_path / 'p'), '--db', str(warehouse), '-f', 'parquet'])
    assert r.exit_code == 0
    con = duckdb.connect()
    assert con.execute('SELECT count(*) FROM read_parquet(?)', [str(tmp_path / 'p' / 'documenti.parquet')]).fetchone() == (1,)


def test_a_crash_of_pdz_itself_is_one_sentence_and_exit_3(capsys):
    broken = typer.Typer()

    @broken.command()
    def boom():
        raise ZeroDivisionError('division by zero')

    with pytest.raises(SystemExit) as e:
        guarded(broken)
    err = capsys.readouterr().err
    assert e.value.code == 3
    assert err.strip() == 'errore interno di pdz (ZeroDivisionError: division by zero): da segnalare agli sviluppatori'


def test_data_that_looks_like_markup_is_printed_as_data_in_tables(warehouse):
    r = runner.invoke(app, ['query', "SELECT '[/bold] [red]x' AS \"[/]\"", '--db', str(warehouse)])
    assert r.exit_code == 0, r.output
    assert '[/bold] [red]x' in r.output and '[/]' in r.output
