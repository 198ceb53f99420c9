"""Ingest runs: incremental skip/replace, bad inputs never stop a run, metadata from content."""
from pathlib import Path

import pytest

from lettura import q as _q
from pdfgen import ZERO_PAGES, plan_pdf, text_pdf
from pdz.ingest import run
from pdz.pipeline import process_bytes


def _write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_bytes(data)
    return p


def test_second_run_skips_unchanged_and_a_touched_file_alone_is_re_extracted(tmp_path):
    docs = tmp_path / 'pdf'
    a = _write(docs, 'a.pdf', plan_pdf('Treviglio'))
    _write(docs, 'b.pdf', plan_pdf('Dalmine', '2021-2023'))
    db = tmp_path / 'w.duckdb'
    first = run([docs], db, jobs=1)
    assert sorted(first.new) == ['a.pdf', 'b.pdf'] and first.ok
    second = run([docs], db, jobs=1)
    assert sorted(second.unchanged) == ['a.pdf', 'b.pdf']
    assert not second.new and not second.replaced
    old_id = _q(db, "SELECT documento_id FROM documenti WHERE file = 'a.pdf'")[0][0]
    a.write_bytes(a.read_bytes() + b'\n% revised\n')          # same content, new bytes
    third = run([docs], db, jobs=1)
    assert third.replaced == ['a.pdf'] and third.unchanged == ['b.pdf']
    rows = _q(db, "SELECT documento_id FROM documenti WHERE file = 'a.pdf'")
    assert len(rows) == 1 and rows[0][0] != old_id
    assert _q(db, 'SELECT count(*) FROM documenti')[0][0] == 2


def test_new_extractor_version_re_extracts(tmp_path, monkeypatch):
    docs = tmp_path / 'pdf'
    _write(docs, 'a.pdf', plan_pdf())
    db = tmp_path / 'w.duckdb'
    run([docs], db, jobs=1)
    import pdz.ingest
    monkeypatch.setattr(pdz.ingest, 'extractor_version', lambda: 'next')
    again = run([docs], db, jobs=1)
    assert again.replaced == ['a.pdf']
    assert _q(db, 'SELECT versione_estrattore FROM documenti') == [('next',)]


BAD = {
    'not-a-pdf.pdf': (b'<html>questo non \xc3\xa8 un PDF</html>', 'non è un PDF'),
    'empty.pdf': (b'', 'vuoto'),
    'zero-pages.pdf': (ZERO_PAGES, 'non ha pagine'),
    'encrypted.pdf': (text_pdf([['segreto']], encrypt='password'), 'cifrato'),
}


def test_bad_files_get_an_anomaly_and_no_document_and_the_run_goes_on(tmp_path):
    docs = tmp_path / 'pdf'
    good = plan_pdf('Dalmine')
    for name, (data, _) in BAD.items():
        _write(docs, name, data)
    _write(docs, 'truncated.pdf', good[: len(good) // 2])
    _write(docs, 'good.pdf', good)
    db = tmp_path / 'w.duckdb'
    summary = run([docs], db, jobs=2)
    assert summary.new == ['good.pdf']
    failed = dict(summary.failed)
    assert set(failed) == set(BAD) | {'truncated.pdf'}
    for name, (_, words) in BAD.items():
        assert words in failed[name], (name, failed[name])
    assert 'troncato' in failed['truncated.pdf'] or 'danneggiato' in failed['truncated.pdf']
    assert _q(db, 'SELECT file FROM documenti') == [('good.pdf',)]
    errors = dict(_q(db, "SELECT file, messaggio FROM anomalie WHERE gravita = 'errore' AND fase = 'lettura'"))
    assert set(errors) == set(failed)
    # a second run reports them again, without piling up duplicate anomalies
    run([docs], db, jobs=1)
    assert _q(db, "SELECT count(*) FROM anomalie WHERE fase = 'lettura'")[0][0] == len(failed)


def test_a_revised_file_that_is_now_broken_keeps_the_good_version(tmp_path):
    docs = tmp_path / 'pdf'
    p = _write(docs, 'a.pdf', plan_pdf())
    db = tmp_path / 'w.duckdb'
    run([docs], db, jobs=1)
    p.write_bytes(b'garbage')
    summary = run([docs], db, jobs=1)
    assert [f for f, _ in summary.failed] == ['a.pdf']
    assert _q(db, 'SELECT file FROM documenti') == [('a.pdf',)]


@pytest.mark.parametrize('ambito,triennio,expected', [
    ('Treviglio', '2025-2027', 'treviglio'),
    ('Valle Seriana Superiore e Valle di Scalve', '2021-2023', 'valle-seriana-superiore-valle-di-scalve'),
    ("Valle Imagna e Villa d'Almè", '2025/27', 'valle-imagna-villa-d-alme'),
])
def test_metadata_comes_from_the_content_not_the_file_name(ambito, triennio, expected):
    res = process_bytes(plan_pdf(ambito, triennio), 'scan_0042.pdf')
    doc = res.rows['documenti'][0]
    assert (doc.ambito_id, doc.triennio, doc.tipo) == (expected, triennio.replace('/27', '-2027'), 'piano_di_zona')
    assert doc.fonte_metadati == 'contenuto'


def test_metadata_falls_back_to_the_file_name_and_says_so():
    res = process_bytes(text_pdf([['Relazione senza intestazioni']]), 'romano-di-lombardia-2018-2020.pdf')
    doc = res.rows['documenti'][0]
    assert (doc.ambito_id, doc.triennio) == ('romano-di-lombardia', '2018-2020')
    assert 'nome file' in doc.fonte_metadati
    assert any('metadati' in a.messaggio for a in res.rows['anomalie'])


def test_image_only_page_is_an_anomaly():
    from pdfgen import image_only_pdf
    res = process_bytes(image_only_pdf(), 'scan.pdf')
    assert res.ok
    assert [(a.pagina, a.messaggio) for a in res.rows['anomalie'] if 'immagine' in a.messaggio] == \
        [(1, 'pagina senza testo: immagine')]


def test_an_extractor_bug_on_one_document_fails_only_that_document(tmp_path, monkeypatch):
    """In the worker's own code path (process_file, run in-process here so the bug can be
    planted): the bug becomes that document's failed Result with a `pipeline` anomaly."""
    import pdz.pipeline
    from pdz.pipeline import process_file
    real = pdz.pipeline.read_metadata

    def flaky(layout, file):
        if file == 'b.pdf':
            raise KeyError('boom')
        return real(layout, file)

    monkeypatch.setattr(pdz.pipeline, 'read_metadata', flaky)
    docs = tmp_path / 'pdf'
    a = process_file(_write(docs, 'a.pdf', plan_pdf()))
    b = process_file(_write(docs, 'b.pdf', plan_pdf('Dalmine')))
    assert a.ok and not b.ok
    assert b.error == "errore interno: KeyError: 'boom'"
    assert [(n.fase, n.gravita, n.file) for n in b.rows['anomalie']] == [('pipeline', 'errore', 'b.pdf')]


def test_ocr_text_of_an_image_only_page_reaches_the_extractors(monkeypatch):
    """Without tesseract here, OCR is simulated: what it returns must become page lines that the
    narrative extractor reads, and the anomaly must say the text came from OCR."""
    from pdfgen import image_only_pdf
    from extract import ocr
    monkeypatch.setattr(ocr, 'available', lambda: True)
    monkeypatch.setattr(ocr, 'page_text', lambda data, n: 'Area di intervento\nANZIANI\n'
                        'OBIETTIVO PRINCIPALE: Sostenere i caregiver familiari.\n'
                        'Indicatore di output: almeno 20 caregiver formati entro il 2026.\n')
    res = process_bytes(image_only_pdf(), 'scan.pdf')
    assert [o.titolo for o in res.rows['obiettivi']] == ['Sostenere i caregiver familiari.']
    ind = res.rows['indicatori'][0]
    assert (ind.tipo, ind.comparatore, ind.valore, ind.scadenza) == ('output', '>=', 20, 2026)
    assert any('OCR' in a.messaggio and a.pagina == 1 for a in res.rows['anomalie'])


def test_the_largest_files_are_handed_out_first(tmp_path):
    """So that a run does not end on one long plan while the other workers wait."""
    from pdz.worker import extract
    docs = tmp_path / 'pdf'
    pages = {'a.pdf': 1, 'b.pdf': 12, 'c.pdf': 4}
    for name, n in pages.items():
        _write(docs, name, text_pdf([['Ambito territoriale di Treviglio', f'Pagina {i}.'] for i in range(n)],
                                    title='PIANO DI ZONA 2025-2027'))
    handed = []

    def recording(paths, version, jobs, limits):
        handed.extend(p.name for p in paths)
        return extract(paths, version, jobs, limits)

    s = run([docs], tmp_path / 'w.duckdb', jobs=1, executor=recording)
    assert s.ok and handed == ['b.pdf', 'c.pdf', 'a.pdf']
