"""The PDFium geometry layer (extract/pdfium_page.py) against pdfplumber/pdfminer, the reference:
on the development corpus (../shared) and on generated pages with a /Rotate and a MediaBox not
at the origin, the two readers give the same lines, the same tables and cells, the same fills."""
import io
import os
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

import hostile
from extract import pdfium_page
from extract.errors import UnreadableDocument
from extract.geometria import scelta
from extract.layout import read_layout
from pdfgen import text_pdf

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / 'shared' / 'corpus'
CORPUS = sorted(p for sub in ('dev', 'dev2') for p in (SHARED / sub).glob('*.pdf')) if SHARED.is_dir() else []
POS = 0.5          # pt: the readers compute a box from the same numbers, in float32 or in float64
COLOUR = 0.02      # a grey of 0.5 is 127/255 for PDFium


def _close(a, b, tol):
    return all(abs(x - y) <= tol for x, y in zip(a, b))


def _line_key(ln, turned: bool = False):
    # pdfminer gives a turned char the size of its advance, PDFium's loose box a near one
    return (ln.text, ln.bold, None if turned else round(ln.size, 1), ln.furniture, ln.in_table, ln.column,
            ln.ink is None)


def _cells(table):
    """Non-empty cells by text and box: where pdfplumber's float noise splits one column in two
    (x0 = -0.0093333333333333 and ...36), the same cell stands in another column index."""
    return sorted((c.text, (c.x0, c.top, c.x1, c.bottom)) for r in table.rows for c in r if c and c.text)


def _same_cells(a, b) -> bool:
    """The same cells, their boxes within a point (a table read from its text has its edges
    where the words are, which the two readers place a fraction of a point apart)."""
    return [x[0] for x in a] == [y[0] for y in b] and all(_close(x[1], y[1], 1.0) for x, y in zip(a, b))


def _assert_same(ref, got, name: str, turned: bool = False) -> None:
    assert len(ref.pages) == len(got.pages)
    assert {k: ref.metadata.get(k) for k in ('Title', 'Creator', 'Producer')} == \
        {k: got.metadata.get(k) for k in ('Title', 'Creator', 'Producer')}
    for pa, pb in zip(ref.pages, got.pages):
        where = f'{name} p.{pa.number}'
        assert (pa.width, pa.height, pa.n_images) == pytest.approx((pb.width, pb.height, pb.n_images), abs=POS), where
        assert pa.image_area == pytest.approx(pb.image_area, abs=0.01), where
        assert [_line_key(ln, turned) for ln in pa.lines] == [_line_key(ln, turned) for ln in pb.lines], where
        for la, lb in zip(pa.lines, pb.lines):
            assert _close((la.x0, la.x1, la.top, la.bottom), (lb.x0, lb.x1, lb.top, lb.bottom), 1.0), (where, la.text)
        assert len(pa.tables) == len(pb.tables), where
        assert all(_same_cells(_cells(ta), _cells(tb)) for ta, tb in zip(pa.tables, pb.tables)), where
        for ta, tb in zip(pa.tables, pb.tables):
            assert _close(ta.bbox, tb.bbox, POS), where
            fa = sorted((c.text, c.fill or (), c.ink or ()) for r in ta.rows for c in r if c and c.text)
            fb = sorted((c.text, c.fill or (), c.ink or ()) for r in tb.rows for c in r if c and c.text)
            assert all(x[0] == y[0] and len(x[1]) == len(y[1]) and _close(x[1], y[1], COLOUR)
                       and len(x[2]) == len(y[2]) and _close(x[2], y[2], COLOUR) for x, y in zip(fa, fb)), where
        key = lambda f: (round(f.top), round(f.x0), round(f.bottom), round(f.x1))   # noqa: E731
        fills_a, fills_b = sorted(pa.fills, key=key), sorted(pb.fills, key=key)
        assert len(fills_a) == len(fills_b), where
        for fa, fb in zip(fills_a, fills_b):
            assert _close((fa.x0, fa.top, fa.x1, fa.bottom), (fb.x0, fb.top, fb.x1, fb.bottom), POS), where
            assert _close(fa.rgb, fb.rgb, COLOUR), where


@pytest.mark.skipif(not CORPUS, reason='../shared/corpus not beside this checkout')
@pytest.mark.parametrize('path', CORPUS, ids=[p.name for p in CORPUS])
def test_pdfium_reads_the_corpus_as_pdfplumber_does(path):
    data = path.read_bytes()
    _assert_same(read_layout(data, 'pdfplumber'), read_layout(data, 'pdfium'), path.name)


def _drawn(rotate: int = 0, origin: tuple[int, int] = (0, 0)) -> bytes:
    """A page with a title, body text in two fonts, a shaded ruled table and a coloured dot."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    if rotate:
        c.setPageRotation(rotate)
    c.setFont('Helvetica-Bold', 15)
    c.drawString(60, 780, 'Obiettivo 1 - Domiciliarità')
    c.setFont('Times-Roman', 10)
    c.drawString(60, 760, 'Testo in Times, ')
    c.setFont('Helvetica-Oblique', 10)
    c.drawString(132, 760, 'poi in corsivo sulla stessa riga.')
    c.setFillColorRGB(0.85, 0.9, 1.0)
    c.rect(60, 680, 240, 20, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    for y in (700, 680, 660, 640):
        c.line(60, y, 420, y)
    for x in (60, 300, 420):
        c.line(x, 640, x, 700)
    for y, (a, b) in zip((686, 666, 646), [('Indicatore', 'Valore'), ('Utenti', '120'), ('Ore', '3.400')]):
        c.drawString(64, y, a)
        c.drawString(304, y, b)
    c.setFillColorRGB(0.1, 0.7, 0.2)
    c.circle(440, 650, 5, stroke=0, fill=1)
    c.showPage()
    c.save()
    data = buf.getvalue()
    if origin != (0, 0):       # the same drawing, its MediaBox moved off the origin (same length)
        old = b'/MediaBox [ 0 0 595.2756 841.8898 ]'
        assert old in data
        data = data.replace(old, b'/MediaBox [ %d %d 595.2756 841.8898 ]' % origin)
    return data


@pytest.mark.parametrize('rotate,origin', [(0, (0, 0)), (90, (0, 0)), (180, (0, 0)), (270, (0, 0)), (0, (9, 7))])
def test_rotated_and_offset_pages_read_alike(rotate, origin):
    data = _drawn(rotate, origin)
    ref, got = read_layout(data, 'pdfplumber'), read_layout(data, 'pdfium')
    _assert_same(ref, got, f'rotate {rotate} origin {origin}', turned=rotate in (90, 270))
    if rotate == 0:
        page = got.pages[0]
        assert page.lines[1].text == 'Testo in Times, poi in corsivo sulla stessa riga.'   # one line, two fonts
        assert page.lines[0].bold and not page.lines[1].bold
        assert [c.text for c in page.tables[0].rows[1]] == ['Utenti', '120']
        assert page.tables[0].rows[0][0].fill == pytest.approx((0.85, 0.9, 1.0), abs=COLOUR)


def test_pdfium_chars_carry_what_pdfplumber_gives():
    """The char dicts themselves: same text and boxes, PDFium's generated spaces left out."""
    import pdfplumber
    data = _drawn()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        ref = pdf.pages[0].chars
    doc = pdfium_page.Document(data)
    try:
        got = next(iter(doc.pages)).chars
    finally:
        doc.close()
    assert ''.join(c['text'] for c in ref) == ''.join(c['text'] for c in got)
    for a, b in zip(ref, got):
        assert _close([a[k] for k in ('x0', 'top', 'bottom', 'size')], [b[k] for k in ('x0', 'top', 'bottom', 'size')], POS)
        assert a['x1'] == pytest.approx(b['x1'], abs=1.5)      # PDFium's loose box holds an italic's overhang
        assert (a['fontname'], a['upright']) == (b['fontname'], b['upright'])
        assert set(b) == pdfium_page.CHAR_KEYS and pdfium_page.CHAR_KEYS <= set(a)


def test_a_stream_longer_than_its_declared_length_is_read_whole_by_either_reader():
    # pdfminer alone kept the declared bytes and lost the page (extract/struttura.py reads on to endstream)
    data = hostile.text_page('Piano di Zona').replace(b'/Length ', b'/Length 9')
    assert read_layout(data, 'pdfplumber').text == 'Piano di Zona'
    assert read_layout(data, 'pdfium').text == 'Piano di Zona'


def test_unreadable_files_say_why_with_either_reader():
    secret = text_pdf([['riservato']], encrypt='segreta')
    for g in ('pdfium', 'pdfplumber'):
        with pytest.raises(UnreadableDocument) as e:
            read_layout(secret, g)
        assert e.value.kind == 'cifrato'
        with pytest.raises(UnreadableDocument) as e:
            read_layout(b'%PDF-1.4\n' + b'\x00' * 200, g)
        assert e.value.kind in ('danneggiato', 'troncato')


def test_the_reader_is_chosen_by_argument_or_environment(monkeypatch):
    monkeypatch.delenv('PDZ_GEOMETRIA', raising=False)
    assert scelta() == 'pdfium' and scelta('pdfplumber') == 'pdfplumber'
    monkeypatch.setenv('PDZ_GEOMETRIA', 'pdfplumber')
    assert scelta() == 'pdfplumber'
    monkeypatch.setenv('PDZ_GEOMETRIA', 'ghostscript')
    with pytest.raises(ValueError):
        scelta()


def test_a_long_lived_process_holds_no_pdfium_document():
    """Every document read is closed, also when reading fails half way: the count of open
    PDFium documents (pypdfium2 keeps them alive until closed) goes back to where it was."""
    import gc
    import pypdfium2 as pdfium
    gc.collect()
    before = sum(isinstance(o, pdfium.PdfDocument) for o in gc.get_objects())
    data = _drawn()
    for _ in range(5):
        read_layout(data, 'pdfium')
    with pytest.raises(UnreadableDocument):
        read_layout(text_pdf([['x']], encrypt='segreta'), 'pdfium')
    gc.collect()
    assert sum(isinstance(o, pdfium.PdfDocument) for o in gc.get_objects()) == before
    assert os.environ.get('PDZ_GEOMETRIA', 'pdfium') in ('pdfium', 'pdfplumber')
