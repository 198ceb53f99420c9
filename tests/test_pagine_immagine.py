"""Pages that are only a picture (a scan, a pasted table) are reported, never silently empty."""
import io
import shutil
import struct
import zlib

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from pdz.pipeline import process_bytes


def _png(w=60, h=30) -> bytes:
    raw = b''.join(b'\x00' + bytes([90]) * w for _ in range(h))

    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


def _plan_with_scanned_page() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont('Helvetica', 11)
    c.drawString(50, 780, 'PIANO DI ZONA 2021-2023 - Ambito territoriale di Dalmine')
    c.drawString(50, 760, 'Premessa: il testo di questa pagina si legge.')
    c.showPage()
    c.drawImage(ImageReader(io.BytesIO(_png())), 40, 200, width=500, height=400)   # a scanned table
    c.showPage()
    c.save()
    return buf.getvalue()


def test_image_only_page_gives_its_anomaly():
    res = process_bytes(_plan_with_scanned_page(), 'scansione.pdf')
    assert res.ok
    pages = [a.pagina for a in res.rows['anomalie'] if 'immagine' in a.messaggio]
    assert pages == [2]


@pytest.mark.skipif(shutil.which('tesseract') is None, reason='tesseract (ita) non installato')
def test_ocr_reads_an_image_page():
    from extract import ocr
    assert ocr.available()
