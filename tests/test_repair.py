"""A warehouse that repairs itself and loses nothing silently: a killed ingest is finished by
the next plain run (links and search index included), parser complaints become anomalies, a
new version that reads far fewer rows is held back, and the bookkeeping follows the files."""
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

import hostile
from fuzz import state
from lettura import q as _q
from pdfgen import plan_pdf
from pdz.ingest import run
from warehouse import fts

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / 'corpus' / 'samples'
PAIR = ['treviglio-matrice-monitoraggio-2025.pdf', 'treviglio-pdz-2025-2027-obiettivi.pdf']   # linked to each other


def _folder(tmp_path, names=PAIR) -> Path:
    docs = tmp_path / 'pdf'
    docs.mkdir(exist_ok=True)
    for n in names:
        shutil.copy(SAMPLES / n, docs / n)
    return docs


@pytest.fixture(scope='module')
def clean(tmp_path_factory):
    """(folder, warehouse, state) of a clean ingest of the linked pair."""
    tmp = tmp_path_factory.mktemp('clean')
    docs = _folder(tmp)
    db = tmp / 'clean.duckdb'
    run([docs], db, jobs=2)
    expected = state(db)
    assert expected['links'] and expected['cerca']
    return docs, db, expected


def test_an_ingest_killed_mid_run_is_finished_by_the_next_plain_run(tmp_path, clean):
    docs, _, expected = clean

    db = tmp_path / 'w.duckdb'
    proc = subprocess.Popen([sys.executable, '-m', 'pdz.cli', 'ingest', str(docs), '--db', str(db), '-j', '1'],
                            cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    lines = []
    threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True).start()
    end = time.monotonic() + 120
    while not any(' ok ' in f' {l}' for l in lines) and time.monotonic() < end and proc.poll() is None:
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)              # one document written, the other not, no links, no index
    proc.wait(10)
    assert any(' ok ' in f' {l}' for l in lines), lines
    assert not db.exists()                        # readers never saw the half-done run

    s = run([docs], db, jobs=2)
    assert s.resumed and len(s.unchanged) == 1 and len(s.new) == 1
    assert state(db) == expected


def test_links_and_index_lost_from_a_warehouse_are_rebuilt_by_a_plain_run(tmp_path, clean):
    docs, clean_db, expected = clean
    db = tmp_path / 'w.duckdb'
    shutil.copyfile(clean_db, db)
    con = duckdb.connect(str(db))             # what a crash of an older pdz left behind
    con.execute('UPDATE indicatori SET obiettivo_collegato = NULL, indicatore_collegato = NULL')
    con.execute(f'DROP SCHEMA fts_main_{fts.INDEX_TABLE} CASCADE')
    con.execute('DELETE FROM pdz_stato')
    con.close()
    s = run([docs], db, jobs=2)
    assert sorted(s.unchanged) == PAIR and s.links == len(expected['links'])
    assert state(db) == expected


def test_what_pdfminer_complains_about_becomes_an_avviso(tmp_path, monkeypatch):
    # a declared length that does not end at endstream: pdfminer, the fallback reader, reads on to
    # endstream and says so. Read in this process: the ingest's worker server keeps the environment it
    # started with, so PDZ_GEOMETRIA set here would not reach it
    from pdz.pipeline import process_file
    monkeypatch.setenv('PDZ_GEOMETRIA', 'pdfplumber')
    good = hostile.text_page('Piano di Zona')
    (tmp_path / 'lunghezza.pdf').write_bytes(good.replace(b'/Length ', b'/Length 9'))   # a stream cut short
    res = process_file(tmp_path / 'lunghezza.pdf')
    notes = [(a.fase, a.gravita, a.messaggio) for a in res.rows['anomalie'] if a.fase == 'lettura']
    assert notes and all(g == 'avviso' and m.startswith('lettura PDF: ') for _, g, m in notes)
    assert any('lunghezza dichiarata' in m for _, _, m in notes)


def test_a_new_version_with_far_fewer_rows_is_held_back_until_forced(tmp_path):
    name = 'treviglio-pdz-2025-2027-obiettivi.pdf'
    docs = _folder(tmp_path, [name])
    db = tmp_path / 'w.duckdb'
    run([docs], db, jobs=1)
    before = _q(db, 'SELECT count(*) FROM obiettivi')[0][0]
    assert before > 0
    (docs / name).write_bytes(hostile.blank_pages(8))         # valid, but its streams are blank
    s = run([docs], db, jobs=1)
    assert [f for f, _ in s.failed] == [name] and s.held_back and s.held_back[0][1] == 0
    assert _q(db, 'SELECT count(*) FROM obiettivi')[0][0] == before
    assert _q(db, "SELECT gravita FROM anomalie WHERE file = ? AND messaggio LIKE 'nuova versione con 0 righe%'",
              [name]) == [('errore',)]
    s = run([docs], db, jobs=1, force=True)
    assert s.replaced == [name] and s.ok
    assert _q(db, 'SELECT count(*) FROM obiettivi')[0][0] == 0
    assert _q(db, "SELECT count(*) FROM anomalie WHERE messaggio LIKE 'nuova versione%'") == [(0,)]


def test_anomalies_of_a_file_go_when_it_reads_and_vanished_files_are_shown_then_pruned(tmp_path):
    from typer.testing import CliRunner
    from pdz.cli import app
    docs = tmp_path / 'pdf'
    docs.mkdir()
    (docs / 'a.pdf').write_bytes(b'garbage')
    (docs / 'b.pdf').write_bytes(plan_pdf('Dalmine'))
    db = tmp_path / 'w.duckdb'
    run([docs], db, jobs=1)
    assert _q(db, "SELECT count(*) FROM anomalie WHERE file = 'a.pdf'") == [(1,)]
    (docs / 'a.pdf').write_bytes(plan_pdf('Treviglio'))
    s = run([docs], db, jobs=1)
    assert s.new == ['a.pdf'] and s.ok
    assert _q(db, "SELECT count(*) FROM anomalie WHERE file = 'a.pdf' AND gravita = 'errore'") == [(0,)]

    (docs / 'b.pdf').unlink()
    r = CliRunner().invoke(app, ['status', '--db', str(db)])
    assert r.exit_code == 0 and 'file mancante b.pdf' in ' '.join(r.output.split())
    s = run([docs], db, jobs=1, prune=True)
    assert s.pruned == ['b.pdf']
    assert _q(db, 'SELECT file FROM documenti') == [('a.pdf',)]
    r = CliRunner().invoke(app, ['status', '--db', str(db)])
    assert 'file mancante' not in r.output


def test_a_renamed_file_is_followed_not_re_extracted(tmp_path):
    docs = tmp_path / 'pdf'
    docs.mkdir()
    (docs / 'vecchio.pdf').write_bytes(plan_pdf('Dalmine'))
    db = tmp_path / 'w.duckdb'
    run([docs], db, jobs=1)
    (docs / 'vecchio.pdf').rename(docs / 'nuovo.pdf')
    s = run([docs], db, jobs=1)
    assert s.unchanged == ['nuovo.pdf'] and not s.new
    assert _q(db, 'SELECT file, percorso FROM documenti') == [('nuovo.pdf', str((docs / 'nuovo.pdf').resolve()))]
    s = run([docs], db, jobs=1, prune=True)
    assert s.pruned == []
