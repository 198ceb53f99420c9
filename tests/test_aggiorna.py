"""The nightly run end to end against a web server on 127.0.0.1 started here: conditional
downloads, every way a download goes wrong, incremental ingest, and the change log."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from conftest import SAMPLES
from corpus.manifest import parse
from fixtures.schede_pdf import scheda_pdf
from lettura import q as _q
from pdfgen import plan_pdf
from pdz import download
from pdz.cli import app

runner = CliRunner()
FAST = ['--timeout', '0.5', '--tentativi', '2', '--pausa', '0.05', '--max-mb', '0.25', '-j', '1']


class Sito:
    """What the test web server answers, per path; `log` holds (path, status) of every request."""

    def __init__(self):
        self.routes: dict[str, tuple] = {}
        self.log: list[tuple[str, int]] = []

    def pdf(self, path: str, data: bytes, etag: bool = True):
        tag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"' if etag else None
        self.routes[path] = ('pdf', data, tag, formatdate(time.time() - 3600, usegmt=True))


def _handler(sito: Sito):
    class H(BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def answer(self, status: int, body: bytes = b'', ctype='application/pdf', length=True, log=True, **headers):
            if log:
                sito.log.append((self.path, status))
            self.send_response(status)
            self.send_header('Content-Type', ctype)
            if length:
                self.send_header('Content-Length', str(len(body)))
            for k, v in headers.items():
                self.send_header(k.replace('_', '-'), v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            route = sito.routes.get(self.path)
            try:
                if route is None:
                    self.answer(404, b'<html><body>Not found</body></html>', 'text/html')
                elif route[0] == 'pdf':
                    _, data, etag, modified = route
                    if etag and self.headers.get('If-None-Match') == etag:
                        self.answer(304, length=False, ETag=etag)
                    elif not etag and self.headers.get('If-Modified-Since') == modified:
                        self.answer(304, length=False)
                    else:
                        self.answer(200, data, Last_Modified=modified, **({'ETag': etag} if etag else {}))
                elif route[0] == 'lento':       # logged on arrival: the answer comes after the client left
                    sito.log.append((self.path, 'lento'))
                    time.sleep(route[1])
                    self.answer(200, route[2], log=False)
                elif route[0] == 'html':
                    self.answer(200, route[1], 'text/html; charset=utf-8')
                elif route[0] == 'senza_lunghezza':      # the size is known only by reading it all
                    self.answer(200, route[1], length=False)
            except OSError:
                pass                                     # the client gave up first (the timeout case)
    return H


@pytest.fixture
def sito():
    s = Sito()
    server = ThreadingHTTPServer(('127.0.0.1', 0), _handler(s))
    server.daemon_threads = True
    server.handle_error = lambda *a: None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    s.base = f'http://127.0.0.1:{server.server_address[1]}'
    yield s
    server.shutdown()
    server.server_close()


HEADER = 'ambito_id,triennio,tipo,fonte,sha256,nota\n'
ROWS = [  # (ambito, triennio, tipo, path)
    ('treviglio', '2025-2027', 'matrice_monitoraggio', '/matrice.pdf'),
    ('valle-seriana', '2025-2027', 'piano_di_zona', '/obiettivi.pdf'),
    ('dalmine', '2021-2023', 'piano_di_zona', '/dalmine.pdf'),
    ('seriate', '2025-2027', 'piano_di_zona', '/seriate.pdf'),
    ('bergamo', '2025-2027', 'piano_di_zona', '/bergamo.pdf'),
    ('grumello', '2025-2027', 'piano_di_zona', '/grumello.pdf'),
    ('isola-bergamasca', '2025-2027', 'piano_di_zona', '/isola.pdf'),
]


def _manifest(path: Path, base: str, rows) -> Path:
    path.write_text(HEADER + ''.join(f'{a},{t},{k},{base}{p},,\n' for a, t, k, p in rows), encoding='utf-8')
    return path


def _name(row) -> str:
    a, t, k, p = row
    return f'{a}-{t}-{k}-{Path(p).stem}.pdf'


def _last(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute('SELECT * FROM esecuzioni ORDER BY esecuzione_id DESC LIMIT 1')
        run = dict(zip([d[0] for d in cur.description], cur.fetchone()))
        righe = {t: (a, r) for t, a, r in con.execute(
            'SELECT tabella, aggiunte, tolte FROM esecuzioni_righe WHERE esecuzione_id = ?', [run['esecuzione_id']]).fetchall()}
        return run, righe
    finally:
        con.close()


TABLES = ['documenti', 'obiettivi', 'azioni', 'indicatori', 'rilevazioni', 'esiti', 'anomalie']


def _rows_of(db, ids) -> dict[str, int]:
    """Rows per table belonging to these documents."""
    marks = ','.join('?' * len(ids))
    return {t: _q(db, f'SELECT count(*) FROM {t} WHERE documento_id IN ({marks})', ids)[0][0] for t in TABLES}


def test_nightly_flow_downloads_only_changes_and_logs_exactly_what_happened(tmp_path, sito):
    v1 = {'/matrice.pdf': (SAMPLES / 'treviglio-matrice-monitoraggio-2025.pdf').read_bytes(),
          '/obiettivi.pdf': scheda_pdf('checkbox'),
          '/dalmine.pdf': plan_pdf('Dalmine', '2021-2023'), '/seriate.pdf': plan_pdf('Seriate'),
          '/bergamo.pdf': plan_pdf('Bergamo'), '/grumello.pdf': plan_pdf('Grumello'),
          '/isola.pdf': plan_pdf('Isola Bergamasca')}
    for path, data in v1.items():
        sito.pdf(path, data)
    manifest = _manifest(tmp_path / 'piani.csv', sito.base, ROWS)
    db, cache = tmp_path / 'w.duckdb', tmp_path / 'w-download'
    names = [_name(r) for r in ROWS]
    args = ['aggiorna', '--db', str(db), '--manifesto', str(manifest)] + FAST

    # 1. first night: everything is new (and the HTML report written after it)
    r = runner.invoke(app, args + ['--report', str(tmp_path / 'rapporto.html')])
    assert r.exit_code == 0, r.output
    assert '<svg' in (tmp_path / 'rapporto.html').read_text(encoding='utf-8')
    run, righe = _last(db)
    assert sorted(run['scaricati']) == sorted(names) and sorted(run['nuovi']) == sorted(names)
    assert run['codice_uscita'] == 0 and run['esecuzione_id'] == 1 and run['piani'] == 7
    assert {f.name for f in cache.glob('*.pdf')} == set(names)
    totals = {t: _q(db, f'SELECT count(*) FROM {t}')[0][0] for t in TABLES}
    assert righe == {t: (totals[t], 0) for t in TABLES}
    assert totals['documenti'] == 7 and totals['indicatori'] > 0
    assert 'esecuzione 1' in r.output and '7 scaricati' in r.output

    # 2. nothing changed: only conditional requests, answered 304; nothing read again
    sito.log.clear()
    mtimes = {f.name: f.stat().st_mtime_ns for f in cache.glob('*.pdf')}
    t0 = time.monotonic()
    r = runner.invoke(app, args)
    seconds = time.monotonic() - t0
    assert r.exit_code == 0, r.output
    assert sorted(sito.log) == sorted((p, 304) for *_, p in ROWS)
    run, righe = _last(db)
    assert run['scaricati'] == [] and sorted(run['non_modificati']) == sorted(names)
    assert run['nuovi'] == [] and run['ri_estratti'] == [] and sorted(run['invariati']) == sorted(names)
    assert all(v == (0, 0) for v in righe.values())
    assert {f.name: f.stat().st_mtime_ns for f in cache.glob('*.pdf')} == mtimes
    print(f'second run, nothing changed: {seconds:.2f} s')   # the figure; make bench is where speed is judged

    # 3. one revised file, one 404, one too slow, one HTML error page, one over the size cap,
    #    plus two new manifest rows: a new plan, and a URL that answers with a login page
    before_ids = dict(_q(db, 'SELECT file, documento_id FROM documenti'))
    old_isola = before_ids[_name(ROWS[6])]
    old_rows = _rows_of(db, [old_isola])
    totals_before = {t: _q(db, f'SELECT count(*) FROM {t}')[0][0] for t in TABLES}
    isola_v2 = scheda_pdf('ruled')
    sito.pdf('/isola.pdf', isola_v2)
    del sito.routes['/dalmine.pdf']
    sito.routes['/seriate.pdf'] = ('lento', 1.5, v1['/seriate.pdf'])
    sito.routes['/bergamo.pdf'] = ('html', b'<!DOCTYPE html><html><body><h1>Errore 500</h1></body></html>')
    sito.routes['/grumello.pdf'] = ('senza_lunghezza', v1['/grumello.pdf'] + b'%' + b'x' * 300_000 + b'\n')
    nuovo = ('romano-di-lombardia', '2025-2027', 'piano_di_zona', '/romano.pdf')
    accesso = ('valle-brembana', '2025-2027', 'piano_di_zona', '/riservato.pdf')
    sito.pdf('/romano.pdf', plan_pdf('Romano di Lombardia'))
    sito.routes['/riservato.pdf'] = ('html', b'<html><form>Utente <input name=login> Password '
                                             b'<input type=password></form></html>')
    _manifest(manifest, sito.base, ROWS + [nuovo, accesso])
    sito.log.clear()
    r = runner.invoke(app, args)
    assert r.exit_code == 1, r.output
    run, righe = _last(db)
    assert sorted(run['scaricati']) == sorted([_name(ROWS[6]), _name(nuovo)])
    failed = dict(f.split(': ', 1) for f in run['download_falliti'])
    assert set(failed) == {_name(ROWS[i]) for i in (2, 3, 4, 5)} | {_name(accesso)}
    assert '404' in failed[_name(ROWS[2])]
    assert 'entro 0.5 s' in failed[_name(ROWS[3])] and '2 tentativi' in failed[_name(ROWS[3])]
    assert 'HTML' in failed[_name(ROWS[4])]
    assert 'troppo grande' in failed[_name(ROWS[5])]
    assert 'accesso' in failed[_name(accesso)]
    assert sito.log.count(('/seriate.pdf', 'lento')) == 2        # retried once, then given up
    assert run['ri_estratti'] == [_name(ROWS[6])] and run['nuovi'] == [_name(nuovo)]
    assert sorted(run['invariati']) == sorted(_name(ROWS[i]) for i in range(6))
    assert run['codice_uscita'] == 1
    # nothing good is lost: the failed ones keep their cached copy and their rows
    after_ids = dict(_q(db, 'SELECT file, documento_id FROM documenti'))
    for i in (2, 3, 4, 5):
        assert after_ids[_name(ROWS[i])] == before_ids[_name(ROWS[i])]
        assert (cache / _name(ROWS[i])).read_bytes() == v1[ROWS[i][3]]
    assert _name(accesso) not in after_ids and not (cache / _name(accesso)).exists()
    assert (cache / _name(ROWS[6])).read_bytes() == isola_v2
    assert not list(cache.glob('.*.part'))
    # the change log: rows added are the revised and new documents', removed the old revision's
    new_ids = [after_ids[_name(ROWS[6])], after_ids[_name(nuovo)]]
    assert old_isola not in after_ids.values()
    added = _rows_of(db, new_ids)
    added['anomalie'] += 5                                       # the five failed downloads
    assert righe == {t: (added[t], old_rows[t]) for t in TABLES}
    assert righe['obiettivi'][0] >= 1 and righe['azioni'][0] >= 1   # the revision is a real objective card
    for t in TABLES:
        assert _q(db, f'SELECT count(*) FROM {t}')[0][0] == totals_before[t] + righe[t][0] - righe[t][1]
    download = _q(db, "SELECT file, gravita, documento_id FROM anomalie WHERE fase = 'download'")
    assert {f for f, *_ in download} == set(failed) and {g for _, g, _ in download} == {'errore'}
    # a failed download of a document still held points at it; one never fetched points nowhere
    assert {f: d for f, _, d in download}[_name(ROWS[2])] == before_ids[_name(ROWS[2])]
    assert {f: d for f, _, d in download}[_name(accesso)] is None
    r = runner.invoke(app, ['status', '--db', str(db)])
    assert r.exit_code == 0 and 'ultima esecuzione notturna' in r.output
    assert 'esecuzione 3' in r.output and 'download fallito' in r.output and '404' in r.output

    # 4. the sites are fixed: 304 again, and the download anomalies of last night are gone
    for path in ('/dalmine.pdf', '/seriate.pdf', '/bergamo.pdf', '/grumello.pdf'):
        sito.pdf(path, v1[path])
    sito.pdf('/riservato.pdf', plan_pdf('Valle Brembana'))
    sito.log.clear()
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    assert {s for p, s in sito.log if p != '/riservato.pdf'} == {304}
    run, _ = _last(db)
    assert run['scaricati'] == [_name(accesso)] and run['nuovi'] == [_name(accesso)]
    assert _q(db, "SELECT count(*) FROM anomalie WHERE fase = 'download'") == [(0,)]


def _local_manifest(tmp_path) -> Path:
    pdf = tmp_path / 'treviglio.pdf'
    pdf.write_bytes(plan_pdf('Treviglio'))
    m = tmp_path / 'piani.csv'
    m.write_text(HEADER + f'treviglio,2025-2027,piano_di_zona,locale:{pdf.name},,prova\n', encoding='utf-8')
    return m


def test_a_second_run_while_one_is_going_is_refused(tmp_path):
    manifest, db = _local_manifest(tmp_path), tmp_path / 'w.duckdb'
    lock = tmp_path / 'w.duckdb.aggiorna.lock'
    lock.write_text(f'{os.getpid()}\n')                    # a live process holds it
    r = runner.invoke(app, ['aggiorna', '--db', str(db), '--manifesto', str(manifest)])
    assert r.exit_code == 2 and 'in corso' in r.output and str(os.getpid()) in r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert not db.exists() and lock.exists()
    # a lock left by a run that died is taken over, and released at the end
    dead = subprocess.run([sys.executable, '-c', 'import os; print(os.getpid())'], capture_output=True, text=True)
    lock.write_text(dead.stdout)
    r = runner.invoke(app, ['aggiorna', '--db', str(db), '--manifesto', str(manifest), '-j', '1'])
    assert r.exit_code == 0, r.output
    assert not lock.exists()
    assert _q(db, 'SELECT file FROM documenti') == [('treviglio.pdf',)]


def test_a_local_file_that_is_not_the_expected_one_is_not_ingested(tmp_path):
    manifest, db = _local_manifest(tmp_path), tmp_path / 'w.duckdb'
    text = manifest.read_text().replace(',,prova', ',' + '0' * 64 + ',prova')
    manifest.write_text(text)
    r = runner.invoke(app, ['aggiorna', '--db', str(db), '--manifesto', str(manifest), '-j', '1'])
    assert r.exit_code == 1 and 'sha256 diverso' in r.output
    assert _q(db, 'SELECT count(*) FROM documenti') == [(0,)]
    assert _q(db, "SELECT file FROM anomalie WHERE fase = 'download'") == [('treviglio.pdf',)]


def test_bad_manifest_stops_the_run_with_its_line(tmp_path):
    m = tmp_path / 'piani.csv'
    m.write_text(HEADER + 'atlantide,2025-2027,piano_di_zona,http://127.0.0.1:9/a.pdf,,\n')
    r = runner.invoke(app, ['aggiorna', '--db', str(tmp_path / 'w.duckdb'), '--manifesto', str(m)])
    assert r.exit_code == 2 and 'riga 2' in r.output and 'atlantide' in r.output
    assert 'Traceback' not in r.output and not (tmp_path / 'w.duckdb').exists()


def test_options_out_of_range_are_a_usage_error(tmp_path):
    manifest = _local_manifest(tmp_path)
    for opt in (['--timeout', '0'], ['--tentativi', '0'], ['--max-mb', '-1']):
        r = runner.invoke(app, ['aggiorna', '--db', str(tmp_path / 'w.duckdb'), '--manifesto', str(manifest), *opt])
        assert r.exit_code == 2 and 'opzioni non valide' in r.output, opt
    assert not (tmp_path / 'w.duckdb').exists()


def test_a_server_without_etag_is_asked_by_date_and_a_same_bytes_answer_is_not_a_change(tmp_path, sito):
    data = plan_pdf('Seriate')
    sito.pdf('/solo-data.pdf', data, etag=False)
    [piano] = parse(HEADER + f'seriate,2025-2027,piano_di_zona,{sito.base}/solo-data.pdf,,\n')
    regole, state = download.Regole(timeout=0.5, tentativi=1), {}
    with download.client(regole) as c:
        first = download.fetch(c, piano, tmp_path, state, regole)
        second = download.fetch(c, piano, tmp_path, state, regole)
        sito.routes['/solo-data.pdf'] = ('pdf', data, None, 'Mon, 01 Jan 2024 00:00:00 GMT')   # new date, same bytes
        third = download.fetch(c, piano, tmp_path, state, regole)
    assert (first.esito, second.esito, third.esito) == ('scaricato', 'non_modificato', 'non_modificato')
    assert [s for _, s in sito.log] == [200, 304, 200]
    assert third.byte == len(data) and (tmp_path / piano.nome_cache).read_bytes() == data
    assert state[piano.fonte]['last_modified'] == 'Mon, 01 Jan 2024 00:00:00 GMT' and state[piano.fonte]['etag'] is None


def test_a_cache_that_cannot_be_a_folder_is_one_sentence(tmp_path):
    manifest, cache = _local_manifest(tmp_path), tmp_path / 'occupato'
    cache.write_text('un file, non una cartella')
    r = runner.invoke(app, ['aggiorna', '--db', str(tmp_path / 'w.duckdb'), '--manifesto', str(manifest),
                            '--cache', str(cache)])
    assert r.exit_code == 2 and str(cache) in r.output and isinstance(r.exception, SystemExit)
    assert not (tmp_path / 'w.duckdb.aggiorna.lock').exists()
