"""Ruled tables with filled cells, generated with reportlab, for the table families' tests."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

Cell = str | tuple[str, tuple[float, float, float] | None]


def table_pages(pages: list[dict], size=landscape(A4)) -> bytes:
    """One page per dict: {'title': str | None, 'lines': [text above the table], 'widths': [..],
    'rows': [[cell, ...]], 'swatches': [(rgb, words)]} where a cell is text or (text, fill RGB). Cells are stroked rectangles
    (a ruled grid pdfplumber finds), text lines split on '\\n'."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=size)
    w, h = size
    for spec in pages:
        y = h - 50
        if spec.get('title'):
            c.setFont('Helvetica-Bold', 20)
            c.drawString(40, y, spec['title'])
            y -= 34
        c.setFont('Helvetica', 10)
        for ln in spec.get('lines', []):
            c.drawString(40, y, ln)
            y -= 14
        y -= 10
        widths = spec.get('widths') or [200] * max(len(r) for r in spec.get('rows', [[]]))
        for row in spec.get('rows', []):
            n_lines = max(len((cell if isinstance(cell, str) else cell[0]).split('\n')) for cell in row)
            row_h = 8 + 12 * n_lines
            x = 40
            for cell, cw in zip(row, widths):
                text, fill = (cell, None) if isinstance(cell, str) else cell
                if fill is not None:
                    c.setFillColorRGB(*fill)
                c.setStrokeColorRGB(0, 0, 0)
                c.rect(x, y - row_h, cw, row_h, stroke=1, fill=1 if fill is not None else 0)
                c.setFillColorRGB(0, 0, 0)
                for k, part in enumerate(text.split('\n')):
                    c.drawString(x + 4, y - 14 - 12 * k, part)
                x += cw
            y -= row_h
        # a legend drawn as small coloured squares, each followed by its words, on one line
        x = 40
        for rgb, words in spec.get('swatches', []):
            c.setFillColorRGB(*rgb)
            c.rect(x, y - 30, 12, 12, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
            c.drawString(x + 16, y - 28, words)
            x += 170
        c.showPage()
    c.save()
    return buf.getvalue()
