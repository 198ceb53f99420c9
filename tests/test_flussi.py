"""Streams and references built to hurt fail fast and say why; a damaged stream gives what
precedes the damage and says so on its page (pdfminer alone returns nothing, silently)."""
import random
import time
import zlib
from pathlib import Path

import hostile
import pytest
from fuzz import doubled_lengths
from pdz.pipeline import process_bytes

SAMPLES = Path(__file__).resolve().parent.parent / 'corpus' / 'samples'


def _two_pages(second: bytes, filters: bytes = b'/Filter /FlateDecode ', length: bytes | None = None) -> bytes:
    """Page 1 plain text, page 2 the given (compressed) content stream, its /Length `length`
    (default: the right one) in a correct cross-reference table."""
    first = b'BT /F1 12 Tf 72 770 Td (Prima pagina intatta) Tj ET'
    return hostile.pdf({
        1: b'<< /Type /Catalog /Pages 2 0 R >>',
        2: b'<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>',
        3: b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
        4: b'<< /Length %d >>\nstream\n' % len(first) + first + b'\nendstream',
        5: b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
        6: b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
        7: b'<< /Length %s %s>>\nstream\n' % (length or b'%d' % len(second), filters) + second + b'\nendstream',
    })


def _text(lines: int) -> bytes:
    return b''.join(b'BT /F1 10 Tf 72 %d Td (Riga numero %d del testo) Tj ET\n' % (800 - 12 * i, i) for i in range(lines))


def _anomalies(res):
    return [(a.gravita, a.pagina, a.messaggio) for a in res.rows['anomalie']]


def test_a_decompression_bomb_fails_its_page_at_once_naming_the_cause():
    t = time.monotonic()
    res = process_bytes(hostile.stream_bomb(2048), 'bomba.pdf')     # 2 MB inflating to 2 GiB
    assert time.monotonic() - t < 60
    assert any(g == 'errore' and p == 1 and 'bomba di decompressione' in m for g, p, m in _anomalies(res))


def test_a_reference_loop_is_an_error_not_an_endless_loop():
    t = time.monotonic()
    res = process_bytes(hostile.reference_cycle(), 'ciclo.pdf')
    assert time.monotonic() - t < 30
    # pdfminer (the guarded reader) refuses it naming the loop; PDFium guards its own references
    # and reads the page the loop does not reach
    assert (not res.ok and 'riferimenti circolari' in res.error) or res.ok
    from extract.layout import read_layout
    t = time.monotonic()
    with pytest.raises(Exception, match='riferimenti circolari'):
        read_layout(hostile.reference_cycle(), 'pdfplumber')
    assert time.monotonic() - t < 30


def test_a_damaged_stream_keeps_what_precedes_the_damage_and_says_so_on_its_page():
    from pdz.pipeline import _with_parser_log
    z = zlib.compress(_text(60))
    damaged = z[:len(z) // 2] + bytes(b ^ 0x5A for b in z[len(z) // 2:])
    res = _with_parser_log(_two_pages(damaged), 'rotto.pdf', 'rotto.pdf', None)
    assert res.ok
    from extract.layout import read_layout
    kept = read_layout(_two_pages(damaged)).page(2).text
    assert 'Riga numero 0' in kept and 'Riga numero 59' not in kept
    notes = [(g, p, m) for g, p, m in _anomalies(res) if 'flusso compresso' in m]
    assert notes and all(g == 'avviso' and p == 2 for g, p, _ in notes), _anomalies(res)
    intact = _with_parser_log(_two_pages(z), 'intatto.pdf', 'intatto.pdf', None)
    assert not [m for _, _, m in _anomalies(intact) if 'lettura PDF' in m]


def test_a_stream_cut_short_is_reported_on_its_page():
    from pdz.pipeline import _with_parser_log
    z = zlib.compress(_text(60))
    res = _with_parser_log(_two_pages(z[:len(z) * 2 // 3]), 'corto.pdf', 'corto.pdf', None)
    assert any(g == 'avviso' and p == 2 and 'troncato' in m for g, p, m in _anomalies(res)), _anomalies(res)


def test_a_page_of_100000_rectangles_is_refused_at_once_and_the_others_are_read():
    import time as _t
    rects = b''.join(b'%d %d 2 2 re f\n' % (i % 590, (i // 590) % 840) for i in range(100_000))
    t = _t.monotonic()
    res = process_bytes(_two_pages(rects, b''), 'rettangoli.pdf')
    assert _t.monotonic() - t < 30
    notes = _anomalies(res)
    assert any(g == 'errore' and p == 2 and 'operatori di disegno' in m for g, p, m in notes), notes
    from extract.layout import read_layout
    assert 'Prima pagina intatta' in read_layout(_two_pages(rects, b'')).page(1).text


def test_a_compressed_stream_overwritten_with_other_bytes_is_reported_on_its_page():
    # not zlib at all (no header): PDFium draws the page empty without a word, so the file goes
    # to the guarded reader, which says what page 2 lost
    from pdz.pipeline import _with_parser_log
    import random
    junk = bytes(b & 0xF0 for b in random.Random(3).randbytes(900))      # low nibble 0: never a zlib header
    res = _with_parser_log(_two_pages(junk), 'sovrascritto.pdf', 'sovrascritto.pdf', None)
    assert res.ok
    notes = [(g, p, m) for g, p, m in _anomalies(res) if 'flusso compresso' in m]
    assert notes and all(g == 'avviso' and p == 2 for g, p, _ in notes), _anomalies(res)
    plain = _with_parser_log(_two_pages(_text(5), b''), 'piano.pdf', 'piano.pdf', None)
    assert not [m for _, _, m in _anomalies(plain) if 'lettura PDF' in m]


def _read(data: bytes, name: str):
    from pdz.pipeline import _with_parser_log
    res = _with_parser_log(data, name, name, None)
    assert res.ok, res.error
    return res


def _second_page_text(data: bytes, geometria: str | None = None) -> str:
    from extract.layout import read_layout
    return read_layout(data, geometria).page(2).text


DAMAGED = 'struttura del PDF danneggiata'


@pytest.mark.parametrize('wrong', [b'0', b'%d', b'99 0 R', b'5 0 R'])
def test_a_declared_length_that_does_not_end_at_endstream_is_read_to_endstream_and_said(wrong, monkeypatch):
    """Too short, ten times too long, a reference to no object, a reference to a font: the page
    is read whole all the same by either reader, and the file says its structure was wrong (the
    guarded pdfminer reader on the very page: the stream's length)."""
    text = _text(60)
    bad = _two_pages(text, b'', wrong % (10 * len(text)) if b'%d' in wrong else wrong)
    assert 'Riga numero 59' in _second_page_text(bad)                  # PDFium repairs it
    assert any(DAMAGED in m for _, _, m in _anomalies(_read(bad, 'lunghezza.pdf')))
    assert 'Riga numero 59' in _second_page_text(bad, 'pdfplumber')    # pdfminer kept the declared bytes
    monkeypatch.setenv('PDZ_GEOMETRIA', 'pdfplumber')
    res = _read(bad, 'lunghezza.pdf')
    notes = [(g, p) for g, p, m in _anomalies(res) if 'lunghezza dichiarata' in m]
    assert notes and all(n == ('avviso', 2) for n in notes), _anomalies(res)
    assert not [m for _, _, m in _anomalies(_read(_two_pages(text, b''), 'buono.pdf')) if 'lettura PDF' in m]


def test_objects_moved_from_where_the_cross_reference_table_puts_them_are_found_and_it_is_said(monkeypatch):
    """Bytes inserted before an object (a careless edit) move it and every later one: each is
    found by its header, the pages read whole, and the file says the table was wrong."""
    good = _two_pages(_text(60), b'')
    bad = good.replace(b'\n5 0 obj', b'\n% una riga inserita dopo\n5 0 obj', 1)
    for geometria in ('pdfium', 'pdfplumber'):
        assert 'Riga numero 59' in _second_page_text(bad, geometria)
    assert any(DAMAGED in m for _, _, m in _anomalies(_read(bad, 'spostati.pdf')))
    monkeypatch.setenv('PDZ_GEOMETRIA', 'pdfplumber')
    assert any('tabella dei riferimenti' in m for _, _, m in _anomalies(_read(bad, 'spostati.pdf')))


def test_a_damaged_file_pdfium_reads_wrong_is_read_again_by_the_guarded_reader():
    """Lengths that point at other objects, in a file whose objects moved: PDFium draws pages as
    control characters or empty; the guarded reader reads them as the good file's, and says why."""
    from extract.layout import read_layout
    data = (SAMPLES / 'treviglio-matrice-monitoraggio-2025.pdf').read_bytes()
    # make stress's damage: each /Length number times 0, 2 or 10 (3 0 R -> 30 0 R points at another
    # object; the longer numbers move every later object)
    bad = doubled_lengths(data, random.Random(0))
    good_pages = [p.text for p in read_layout(data).pages]
    assert [p.text for p in read_layout(bad).pages] == [p.text for p in read_layout(data, 'pdfplumber').pages]
    assert good_pages[0][:40] in read_layout(bad).page(1).text
    notes = [m for _, _, m in _anomalies(_read(bad, 'matrice.pdf'))]
    assert any('lunghezza dichiarata' in m for m in notes), notes


def test_a_page_whose_content_object_is_overwritten_says_its_text_is_lost():
    """Garbage over a page's content object, header and all: the page is empty, and says so;
    the other page is read."""
    good = _two_pages(_text(60), b'')
    at = good.index(b'7 0 obj')
    end = good.index(b'endobj', at)
    bad = good[:at] + bytes((i * 37 + 11) % 256 for i in range(end - at)) + good[end:]
    res = _read(bad, 'sovrascritto.pdf')
    notes = [(g, p, m) for g, p, m in _anomalies(res) if 'contenuto della pagina non leggibile' in m]
    assert notes and all(g == 'avviso' and p == 2 for g, p, _ in notes), _anomalies(res)
    from extract.layout import read_layout
    assert 'Prima pagina intatta' in read_layout(bad).page(1).text
