"""pdz export: every table and view, row counts kept through Parquet, CSV, CSV for Excel, XLSX, SQLite."""
import csv
import sqlite3

import duckdb
from typer.testing import CliRunner

from pdz.cli import app
from warehouse import extensions
from warehouse.export import relations

runner = CliRunner()


def _counts(db):
    con = duckdb.connect(str(db), read_only=True)
    return {name: con.execute(f'SELECT count(*) FROM {name}').fetchone()[0] for name in relations()}


def test_export_includes_views_and_ambiti():
    names = relations()
    assert {'ambiti', 'obiettivi', 'v_promesse', 'v_esiti', 'v_documenti'} <= set(names)


def test_csv_it_round_trips_row_counts_and_reads_as_excel_in_italy(warehouse_campioni, tmp_path):
    r = runner.invoke(app, ['export', str(tmp_path / 'it'), '--db', str(warehouse_campioni), '-f', 'csv-it'])
    assert r.exit_code == 0, r.output
    counts = _counts(warehouse_campioni)
    for name, n in counts.items():
        raw = (tmp_path / 'it' / f'{name}.csv').read_bytes()
        assert raw.startswith(b'\xef\xbb\xbf')
        rows = list(csv.reader(raw.decode('utf-8-sig').splitlines(), delimiter=';'))
        assert len(rows) - 1 == n, name
    # decimal comma: a promised percentage as Excel in Italy writes it
    rows = list(csv.DictReader((tmp_path / 'it' / 'indicatori.csv').read_text('utf-8-sig').splitlines(), delimiter=';'))
    values = [x['valore'] for x in rows if x['valore']]
    assert values and not any('.' in v for v in values)
    rilevazioni = list(csv.DictReader((tmp_path / 'it' / 'rilevazioni.csv').read_text('utf-8-sig').splitlines(), delimiter=';'))
    assert any(x['data'].count('/') == 2 for x in rilevazioni)


def test_xlsx_has_one_sheet_per_table_and_view_with_headers_and_all_rows(warehouse_campioni, tmp_path):
    out = tmp_path / 'pdz.xlsx'
    r = runner.invoke(app, ['export', str(out), '--db', str(warehouse_campioni), '-f', 'xlsx'])
    assert r.exit_code == 0, r.output
    assert out.read_bytes()[:2] == b'PK'                     # a real workbook, not text
    con = duckdb.connect()
    assert extensions.load(con, 'excel')
    for name, n in _counts(warehouse_campioni).items():
        if n == 0:
            continue
        cur = con.execute('SELECT * FROM read_xlsx($p, sheet = $s, all_varchar = true)', {'p': str(out), 's': name})
        assert len(cur.fetchall()) == n, name
        if name == 'obiettivi':
            assert 'titolo' in [d[0] for d in cur.description]
    # dates are dates, lists are joined with '; '
    types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_xlsx($p, sheet = 'rilevazioni'))",
                             {'p': str(out)}).fetchall())
    assert types['data'] == 'DATE'
    comuni = con.execute("SELECT comuni FROM read_xlsx($p, sheet = 'ambiti') WHERE nome = 'Treviglio'", {'p': str(out)}).fetchone()[0]
    assert 'Treviglio; ' in comuni or '; Treviglio' in comuni


def test_sqlite_for_datasette_and_parquet_and_csv(warehouse_campioni, tmp_path):
    counts = _counts(warehouse_campioni)
    r = runner.invoke(app, ['export', str(tmp_path / 'pdz.sqlite'), '--db', str(warehouse_campioni), '-f', 'sqlite'])
    assert r.exit_code == 0, r.output
    lite = sqlite3.connect(tmp_path / 'pdz.sqlite')
    for name, n in counts.items():
        assert lite.execute(f'SELECT count(*) FROM {name}').fetchone()[0] == n, name
    for fmt in ('parquet', 'csv'):
        r = runner.invoke(app, ['export', str(tmp_path / fmt), '--db', str(warehouse_campioni), '-f', fmt])
        assert r.exit_code == 0, r.output
        con = duckdb.connect()
        for name, n in counts.items():
            path = str(tmp_path / fmt / f'{name}.{fmt}')
            reader = 'read_parquet' if fmt == 'parquet' else 'read_csv_auto'
            assert con.execute(f'SELECT count(*) FROM {reader}($p)', {'p': path}).fetchone()[0] == n, (fmt, name)


def test_unknown_export_format_is_an_error(warehouse_campioni, tmp_path):
    r = runner.invoke(app, ['export', str(tmp_path / 'x'), '--db', str(warehouse_campioni), '-f', 'docx'])
    assert r.exit_code == 2 and 'formato sconosciuto' in r.output and not (tmp_path / 'x').exists()
