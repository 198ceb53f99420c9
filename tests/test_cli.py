"""The pdz command end to end on a bundled sample."""
import json

from typer.testing import CliRunner

from pdz.cli import app

runner = CliRunner()


def test_ingest_query_status_cerca_export(tmp_path, sample):
    pdf = sample('treviglio-matrice-monitoraggio-2025.pdf', tmp_path / 'in')
    db = tmp_path / 'w.duckdb'
    r = runner.invoke(app, ['ingest', str(pdf.parent), '--db', str(db), '-j', '1'])
    assert r.exit_code == 0, r.output
    assert '1 nuovi' in r.output
    r = runner.invoke(app, ['ingest', str(pdf.parent), '--db', str(db)])
    assert r.exit_code == 0 and '1 invariati' in r.output and 'aggiornato' in r.output

    r = runner.invoke(app, ['query', 'SELECT ambito_id, triennio, tipo FROM documenti', '--db', str(db), '-f', 'json'])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output) == [{'ambito_id': 'treviglio', 'triennio': '2025-2027', 'tipo': 'matrice_monitoraggio'}]
    r = runner.invoke(app, ['query', 'SELECT count(*) AS n FROM ambiti', '--db', str(db), '-f', 'csv'])
    assert r.output.split() == ['n', '14']
    r = runner.invoke(app, ['query', 'SELECT * FROM nessuna_tabella', '--db', str(db)])
    assert r.exit_code == 2

    r = runner.invoke(app, ['status', '--db', str(db), '-f', 'csv'])
    assert r.exit_code == 0 and 'treviglio-matrice-monitoraggio-2025.pdf' in r.output

    r = runner.invoke(app, ['cerca', 'valutazione multidimensionale', '--db', str(db), '-f', 'json'])
    assert r.exit_code == 0, r.output
    hits = json.loads(r.output)
    assert all(h['file'] == pdf.name for h in hits)

    r = runner.invoke(app, ['export', str(tmp_path / 'out'), '--db', str(db), '-f', 'csv'])
    assert r.exit_code == 0
    assert (tmp_path / 'out' / 'documenti.csv').read_text().count('\n') == 2


def test_ingest_reports_failures_in_its_exit_code(tmp_path):
    bad = tmp_path / 'in' / 'x.pdf'
    bad.parent.mkdir()
    bad.write_bytes(b'not a pdf')
    r = runner.invoke(app, ['ingest', str(bad.parent), '--db', str(tmp_path / 'w.duckdb')])
    assert r.exit_code == 1
    assert 'x.pdf' in r.output and 'non è un PDF' in r.output


def test_missing_warehouse_is_a_clear_error(tmp_path):
    r = runner.invoke(app, ['status', '--db', str(tmp_path / 'none.duckdb')])
    assert r.exit_code == 2 and 'pdz ingest' in r.output
