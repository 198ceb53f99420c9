"""The nightly no-op: when every file is already in the warehouse at this extractor version,
`pdz ingest` and `pdz aggiorna` check and end without importing the extractors (spaCy,
pdfplumber, the readers…) and without swapping in a staging copy of the warehouse. What is
imported is read from sys.modules of a real `pdz` process, not timed."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb

from lettura import q
from pdfgen import plan_pdf

# what a run that extracts nothing must not load: the extraction stack and the report's
HEAVY = ('spacy', 'thinc', 'pdfplumber', 'pdfminer', 'pypdfium2', 'extract.layout', 'extract.registry',
         'extract.tables', 'normalize', 'pdz.pipeline', 'pdz.worker', 'matplotlib', 'pandas', 'httpx')

# runs the installed command's entry point, then prints which heavy modules it had imported
_PROBE = """
import json, sys
heavy = {heavy!r}
from pdz.cli import main
sys.argv = ['pdz'] + {args!r}
try:
    main()
except SystemExit as e:
    code = e.code
print(json.dumps({{'code': code, 'heavy': sorted(m for m in sys.modules
                                                  if m.split('.')[0] in heavy or m in heavy
                                                  or any(m.startswith(h + '.') for h in heavy))}}))
"""


def _pdz(*args: str, heavy=HEAVY) -> tuple[int, list[str], str]:
    proc = subprocess.run([sys.executable, '-c', _PROBE.format(heavy=heavy, args=list(args))],
                          capture_output=True, text=True, timeout=300, cwd=Path(__file__).parent.parent)
    last = json.loads(proc.stdout.strip().splitlines()[-1])
    return last['code'], last['heavy'], proc.stderr


def _identity(db: Path) -> tuple[int, int]:
    st = os.stat(db)
    return st.st_ino, st.st_mtime_ns


def _folder(tmp_path: Path) -> Path:
    docs = tmp_path / 'docs'
    docs.mkdir()
    (docs / 'treviglio.pdf').write_bytes(plan_pdf('Treviglio'))
    (docs / 'dalmine.pdf').write_bytes(plan_pdf('Dalmine'))
    return docs


def test_an_unchanged_folder_is_checked_without_importing_the_extractors(tmp_path):
    docs, db = _folder(tmp_path), tmp_path / 'w.duckdb'
    code, heavy, err = _pdz('ingest', str(docs), '--db', str(db), '-j', '1')
    assert code == 0, err
    assert 'pdz.worker' in heavy                    # the probe does see a real run
    # whose extraction stack is the workers' (preloaded by their fork server): the process that
    # loads the warehouse imports none of it
    assert 'pdz.pipeline' not in heavy and 'spacy' not in heavy and 'extract.layout' not in heavy, heavy
    before = _identity(db)
    code, heavy, err = _pdz('ingest', str(docs), '--db', str(db))
    assert code == 0 and '2 invariati' in err and 'aggiornato' in err, err
    assert heavy == []
    assert _identity(db) == before                  # no staging copy swapped in: the same file, unwritten
    assert not db.with_name(db.name + '.ingest').exists()
    # the programmatic run takes the same path
    from pdz.ingest import run
    s = run([docs], db)
    assert s.unchanged == ['dalmine.pdf', 'treviglio.pdf'] and not s.new and not s.replaced
    assert _identity(db) == before


def test_anything_to_do_makes_the_full_run(tmp_path):
    docs, db = _folder(tmp_path), tmp_path / 'w.duckdb'
    from pdz.ingest import run
    assert run([docs], db, jobs=1).ok
    # a new file
    (docs / 'seriate.pdf').write_bytes(plan_pdf('Seriate'))
    code, heavy, err = _pdz('ingest', str(docs), '--db', str(db), '-j', '1')
    assert code == 0 and '1 nuovi' in err and 'pdz.worker' in heavy, err
    # a renamed file: no extraction, but its recorded name follows
    os.rename(docs / 'seriate.pdf', docs / 'seriate-2025.pdf')
    before = _identity(db)
    s = run([docs], db)
    assert _identity(db) != before and sorted(s.unchanged) == ['dalmine.pdf', 'seriate-2025.pdf', 'treviglio.pdf']
    assert ('seriate-2025.pdf',) in q(db, 'SELECT file FROM documenti')
    # warehouse code that changed since the last run (its stamp differs): the schema is rewritten
    con = duckdb.connect(str(db))
    con.execute("UPDATE pdz_stato SET valore = 'older' WHERE chiave = 'ingest_completo'")
    con.close()
    before = _identity(db)
    run([docs], db)
    assert _identity(db) != before
    from pdz.version import schema_version
    assert q(db, "SELECT valore FROM pdz_stato WHERE chiave = 'ingest_completo'") == [(schema_version(),)]
    # and then it is a no-op again
    before = _identity(db)
    run([docs], db)
    assert _identity(db) == before


def test_the_nightly_run_over_unchanged_local_files_imports_no_extractor(tmp_path):
    pdf = tmp_path / 'treviglio.pdf'
    pdf.write_bytes(plan_pdf('Treviglio'))
    manifest, db = tmp_path / 'piani.csv', tmp_path / 'w.duckdb'
    manifest.write_text('ambito_id,triennio,tipo,fonte,sha256,nota\n'
                        f'treviglio,2025-2027,piano_di_zona,locale:{pdf.name},,prova\n', encoding='utf-8')
    args = ('aggiorna', '--db', str(db), '--manifesto', str(manifest), '-j', '1')
    code, heavy, err = _pdz(*args, heavy=HEAVY[:-1])      # the nightly run downloads: httpx is its own
    assert code == 0, err
    inode = os.stat(db).st_ino
    code, heavy, err = _pdz(*args, heavy=HEAVY[:-1])
    assert code == 0 and heavy == [], err
    assert os.stat(db).st_ino == inode              # the change log is written in place, no staging swap
    assert q(db, 'SELECT invariati FROM esecuzioni ORDER BY esecuzione_id DESC LIMIT 1') == [(['treviglio.pdf'],)]
