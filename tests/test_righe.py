"""extract/righe.py reads words, text and text lines from chars exactly as pdfplumber does: on
every page of the development corpus (PDFium's chars; pdfminer's for the smaller files), on
chars picked apart as a table cell picks them, and on a generated page with turned text,
ligatures and words closer than the tolerance."""
import io
from pathlib import Path

import pdfplumber
import pytest
from pdfplumber import utils
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract import pdfium_page, righe

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / 'shared' / 'corpus'
CORPUS = sorted(p for sub in ('dev', 'dev2') for p in (SHARED / sub).glob('*.pdf')) if SHARED.is_dir() else []


def _lines(lines):
    return [(ln['text'], ln['x0'], ln['top'], ln['x1'], ln['bottom'], [id(c) for c in ln['chars']]) for ln in lines]


def _assert_as_pdfplumber(page, where: str) -> None:
    chars = page.chars
    assert _lines(righe.text_lines(chars)) == \
        _lines(page.extract_text_lines(return_chars=True, keep_blank_chars=False, x_tolerance=2)), where
    assert righe.word_dicts(chars) == page.extract_words(x_tolerance=2), where
    assert righe.text(chars) == utils.extract_text(chars, x_tolerance=2), where
    for k in (2, 3, 7):          # chars a cell keeps: gaps inside words, lines cut short
        part = chars[::k]
        assert righe.text(part) == utils.extract_text(part, x_tolerance=2), where
        assert _lines(righe.text_lines(part)) == \
            _lines(utils.chars_to_textmap(part, x_tolerance=2).extract_text_lines(return_chars=True)), where


def _pages(data: bytes, reader: str):
    if reader == 'pdfium':
        doc = pdfium_page.Document(data)
        try:
            yield from doc.pages
        finally:
            doc.close()
    else:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            yield from pdf.pages


@pytest.mark.skipif(not CORPUS, reason='../shared/corpus not beside this checkout')
@pytest.mark.parametrize('path', CORPUS, ids=[p.name for p in CORPUS])
def test_corpus_pages_read_as_pdfplumber_reads_them(path):
    data = path.read_bytes()
    readers = ('pdfium', 'pdfplumber') if len(data) < 80_000 else ('pdfium',)
    for reader in readers:
        for page in _pages(data, reader):
            _assert_as_pdfplumber(page, f'{path.name} p.{page.page_number} ({reader})')


def _turned_page() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont('Helvetica', 10)
    c.drawString(60, 780, 'Prima riga con la ﬁne e l\'uﬃcio')
    c.drawString(60, 778.5, 'quasi sulla stessa')          # tops within the tolerance: one cluster
    c.drawString(300, 760, 'a')
    c.drawString(301.5, 760, 'b')                            # closer than x_tolerance: one word
    c.saveState()
    c.translate(500, 400)
    c.rotate(90)
    c.drawString(0, 0, 'Testo girato di novanta gradi')
    c.restoreState()
    c.saveState()
    c.translate(80, 300)
    c.rotate(-90)
    c.drawString(0, 0, 'e verso il basso')
    c.restoreState()
    c.drawString(60, 200, 'ultima riga')
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize('reader', ['pdfium', 'pdfplumber'])
def test_turned_text_and_ligatures_read_as_pdfplumber_reads_them(reader):
    pages = list(_pages(_turned_page(), reader))
    assert any(not c['upright'] for c in pages[0].chars)
    _assert_as_pdfplumber(pages[0], reader)
    assert any(w['direction'] == 'ttb' for w in righe.word_dicts(pages[0].chars))    # the turned words


@pytest.mark.skipif(not CORPUS, reason='../shared/corpus not beside this checkout')
def test_lines_with_empty_chars_and_spaced_texts_read_as_pdfplumber_reads_them():
    """Most pages' lines are their words joined (righe._plain_lines); a char with no text, or
    whose text holds a space, sends the page through the letter-by-letter reading: the same
    lines as pdfplumber's either way."""
    doc = pdfium_page.Document(CORPUS[0].read_bytes())
    try:
        page = next(p for p in doc.pages if len(p.chars) > 200)
        chars = [dict(c) for c in page.chars]
    finally:
        doc.close()
    for c in chars[::37]:
        c['text'] = ''
    for c in chars[5::41]:
        c['text'] = f' {c["text"]}' if c['text'] else 'a b'
    got = righe.text_lines(chars)
    want = utils.chars_to_textmap(chars, x_tolerance=2).extract_text_lines(return_chars=True)
    assert _lines(got) == _lines(want)
    assert any(' ' in ln['text'].strip() for ln in got)
