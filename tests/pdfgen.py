"""Small PDFs generated for tests (reportlab), so each layout variant and each kind of bad
input has a fixture that is built, not committed."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas


def text_pdf(pages: list[list[str]], size=A4, encrypt: str | None = None, title: str | None = None) -> bytes:
    """One page per list of lines, 11pt Helvetica from the top; a first line in bold 16pt
    when `title` is given on page one."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=size, encrypt=encrypt)
    w, h = size
    for i, lines in enumerate(pages):
        y = h - 60
        if title and i == 0:
            c.setFont('Helvetica-Bold', 16)
            c.drawString(50, y, title)
            y -= 30
        c.setFont('Helvetica', 11)
        for ln in lines:
            c.drawString(50, y, ln)
            y -= 15
        c.showPage()
    c.save()
    return buf.getvalue()


def plan_pdf(ambito: str = 'Treviglio', triennio: str = '2025-2027', extra: str = '') -> bytes:
    return text_pdf([[f'Ambito territoriale di {ambito}', 'Documento di programmazione', extra],
                     ['Premessa', 'Testo della premessa.']], title=f'PIANO DI ZONA {triennio}')


ZERO_PAGES = (b'%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n'
              b'2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n'
              b'trailer << /Root 1 0 R /Size 3 >>\n%%EOF\n')


def image_only_pdf() -> bytes:
    """A page that carries only a picture (a scanned table), no text."""
    from reportlab.lib.utils import ImageReader
    import struct
    import zlib
    # a 40x20 grey PNG built by hand (no PIL dependency)
    raw = b''.join(b'\x00' + bytes([128]) * 40 for _ in range(20))
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 40, 20, 8, 0, 0, 0, 0)) + \
        chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawImage(ImageReader(io.BytesIO(png)), 50, 300, width=480, height=240)
    c.showPage()
    c.save()
    return buf.getvalue()


LANDSCAPE = landscape(A4)
