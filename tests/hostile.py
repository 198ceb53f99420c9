"""Hostile PDFs written byte by byte: the shapes that made pdfminer hang or eat memory
(content-stream bomb, reference loops, a self-referring /Length, a page of 100,000
rectangles, a page tree that contains itself). Each returns the bytes of a whole file."""
from __future__ import annotations

import zlib


def pdf(objects: dict[int, bytes], root: int = 1) -> bytes:
    """A PDF from numbered object bodies, with a correct xref table."""
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b'%d 0 obj\n' % num + objects[num] + b'\nendobj\n'
    size = max(objects) + 1
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % size
    for num in range(1, size):
        out += (b'%010d 00000 n \n' % offsets[num]) if num in offsets else b'0000000000 65535 f \n'
    out += b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (size, root, xref)
    return bytes(out)


def _page(content: bytes, extra: bytes = b'') -> dict[int, bytes]:
    return {
        1: b'<< /Type /Catalog /Pages 2 0 R >>',
        2: b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        3: b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R '
           b'/Resources << /Font << /F1 5 0 R >> >> >>',
        4: b'<< /Length %d %s>>\nstream\n' % (len(content), extra) + content + b'\nendstream',
        5: b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    }


def text_page(text: str = 'Piano di Zona') -> bytes:
    return pdf(_page(b'BT /F1 12 Tf 72 770 Td (%s) Tj ET' % text.encode('latin-1')))


def many_rectangles(n: int = 100_000) -> bytes:
    body = b''.join(b'%d %d 2 2 re f\n' % (i % 590, (i // 590) % 840) for i in range(n))
    return pdf(_page(body))


def stream_bomb(megabytes: int = 2048) -> bytes:
    """A content stream of 2 MB that inflates to `megabytes` of spaces. Built from one
    compressed MiB repeated (a full flush makes each block independent), so it costs no time."""
    chunk = b' ' * (1 << 20)
    z = zlib.compressobj(9)
    first = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    block = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    for _ in range(megabytes):
        adler = zlib.adler32(chunk, adler)
    data = first + block * (megabytes - 1) + zlib.compressobj(9, zlib.DEFLATED, -15).flush() + adler.to_bytes(4, 'big')
    objs = _page(b'')
    objs[4] = b'<< /Length %d /Filter /FlateDecode >>\nstream\n' % len(data) + data + b'\nendstream'
    return pdf(objs)


def self_reference() -> bytes:
    objs = _page(b'BT /F1 12 Tf 72 770 Td (x) Tj ET')
    objs[6] = b'6 0 R'
    objs[3] = objs[3].replace(b'/Contents 4 0 R', b'/Contents 4 0 R /Annots 6 0 R')
    return pdf(objs)


def reference_cycle() -> bytes:
    objs = _page(b'BT /F1 12 Tf 72 770 Td (x) Tj ET')
    objs[6], objs[7] = b'7 0 R', b'6 0 R'
    objs[3] = objs[3].replace(b'/Contents 4 0 R', b'/Contents 6 0 R')
    return pdf(objs)


def self_length() -> bytes:
    content = b'BT /F1 12 Tf 72 770 Td (x) Tj ET'
    objs = _page(content)
    objs[4] = b'<< /Length 4 0 R >>\nstream\n' + content + b'\nendstream'
    return pdf(objs)


def page_tree_loop() -> bytes:
    objs = _page(b'BT /F1 12 Tf 72 770 Td (x) Tj ET')
    objs[2] = b'<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>'
    return pdf(objs)


def blank_pages(n: int = 3) -> bytes:
    """A valid PDF whose pages hold nothing: a 'new version' that would wipe a document."""
    objs = {1: b'<< /Type /Catalog /Pages 2 0 R >>',
            2: b'<< /Type /Pages /Kids [%s] /Count %d >>' % (b' '.join(b'%d 0 R' % (3 + i) for i in range(n)), n)}
    for i in range(n):
        objs[3 + i] = b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'
    return pdf(objs)


HOSTILE = {
    'rettangoli.pdf': many_rectangles,
    'bomba.pdf': stream_bomb,
    'auto-riferimento.pdf': self_reference,
    'ciclo.pdf': reference_cycle,
    'length-se-stessa.pdf': self_length,
    'albero-ciclico.pdf': page_tree_loop,
}


def _nested_forms(depth: int) -> dict[int, bytes]:
    objs = _page(b'/X6 Do')
    objs[3] = objs[3].replace(b'/Resources << /Font << /F1 5 0 R >> >>',
                              b'/Resources << /Font << /F1 5 0 R >> /XObject << /X6 6 0 R >> >>')
    for k in range(depth):
        num = 6 + k
        body = b'/X%d Do /X%d Do' % (num + 1, num + 1) if k < depth - 1 else b''
        res = b'/Resources << /XObject << /X%d %d 0 R >> >> ' % (num + 1, num + 1) if k < depth - 1 else b''
        objs[num] = (b'<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] %s/Length %d >>\nstream\n'
                     % (res, len(body)) + body + b'\nendstream')
    return objs


def nested_forms(depth: int = 40) -> bytes:
    """Form XObjects each drawing the next one twice: 2**depth draws from a file of a few KB
    (pdfminer computes for ever, with no loop to detect; PDFium runs out of memory)."""
    return pdf(_nested_forms(depth))


def endless_forms(depth: int = 40) -> bytes:
    """nested_forms plus an unused stream cut short, so the file goes to the guarded pdfminer
    reader, which draws the 2**depth forms one by one in bounded memory: a document still being
    read, on any machine, until the time limit stops it."""
    objs = _nested_forms(depth)
    cut = zlib.compress(b'BT ET ' * 200)[:-8]
    objs[max(objs) + 1] = b'<< /Length %d /Filter /FlateDecode >>\nstream\n' % len(cut) + cut + b'\nendstream'
    return pdf(objs)
