"""Copies of one file (the same sha256 at several paths) are one document with several paths,
read once and shown in `pdz status`; a copy that goes leaves the others, a rename is followed."""
from typer.testing import CliRunner

from lettura import q as _q
from pdfgen import plan_pdf
from pdz.cli import app
from pdz.ingest import run


def _status(db) -> str:
    r = CliRunner().invoke(app, ['status', '--db', str(db)])
    assert r.exit_code == 0, r.output
    return ' '.join(r.output.split())


def test_copies_are_one_document_with_several_paths_shown_in_status(tmp_path):
    data = plan_pdf('Dalmine')
    a, b = tmp_path / 'pdf' / '1-uno', tmp_path / 'pdf' / '2-due'
    a.mkdir(parents=True)
    b.mkdir()
    (a / 'piano.pdf').write_bytes(data)
    (b / 'piano-copia.pdf').write_bytes(data)
    (b / 'altro.pdf').write_bytes(plan_pdf('Treviglio'))
    db = tmp_path / 'w.duckdb'
    s = run([tmp_path / 'pdf'], db, jobs=1)
    assert sorted(s.new) == ['altro.pdf', 'piano.pdf'] and s.copies == ['piano-copia.pdf'] and s.ok
    assert _q(db, 'SELECT count(*) FROM documenti') == [(2,)]
    did = _q(db, "SELECT documento_id FROM documenti WHERE file = 'piano.pdf'")[0][0]
    assert sorted(_q(db, 'SELECT file, percorso FROM percorsi WHERE documento_id = ?', [did])) == \
        sorted([('piano-copia.pdf', str((b / 'piano-copia.pdf').resolve())), ('piano.pdf', str((a / 'piano.pdf').resolve()))])
    out = _status(db)
    assert 'piano.pdf: lo stesso file in 2 percorsi' in out and 'file mancante' not in out

    # the next run reads nothing again and records nothing twice
    s = run([tmp_path / 'pdf'], db, jobs=1)
    assert not s.new and not s.replaced and sorted(s.unchanged) == ['altro.pdf', 'piano.pdf']
    assert _q(db, 'SELECT count(*) FROM percorsi WHERE documento_id = ?', [did]) == [(2,)]

    # the copy the document was read from goes: the document follows the other, nothing is missing
    (a / 'piano.pdf').unlink()
    s = run([tmp_path / 'pdf'], db, jobs=1, prune=True)
    assert s.pruned == [] and s.unchanged == ['altro.pdf', 'piano-copia.pdf']
    assert _q(db, 'SELECT file, percorso FROM percorsi WHERE documento_id = ?', [did]) == \
        [('piano-copia.pdf', str((b / 'piano-copia.pdf').resolve()))]
    assert _q(db, 'SELECT file FROM documenti WHERE documento_id = ?', [did]) == [('piano-copia.pdf',)]
    out = _status(db)
    assert 'lo stesso file in' not in out and 'file mancante' not in out

    # the last copy goes: missing in status, removed by --prune with its paths
    (b / 'piano-copia.pdf').unlink()
    assert 'file mancante piano-copia.pdf' in _status(db)
    s = run([tmp_path / 'pdf'], db, jobs=1, prune=True)
    assert s.pruned == ['piano-copia.pdf']
    assert _q(db, 'SELECT count(*) FROM percorsi WHERE documento_id = ?', [did]) == [(0,)]
