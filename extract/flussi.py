"""Guards on pdfminer's reading of streams and references, for files built to hurt:

- a compressed stream may inflate to at most MAX_STREAM bytes: a decompression bomb fails at
  once, with its cause, instead of filling the memory limit or the time limit;
- a damaged compressed stream gives what precedes the damage and says so (pdfminer alone
  returns nothing, silently, when the damage is not in the last bytes);
- a chain of references longer than MAX_HOPS (a loop: 6 0 R -> 7 0 R -> 6 0 R) is an error,
  not an endless loop;
- a page whose content is not a stream (its object overwritten, missing) says so;
- damage to the file's structure (lengths, object offsets) is read the robust way and said
  (struttura.py; layout.read_layout lets PDFium try such a file first).

`proteggi()` installs them; it is idempotent and changes nothing for well-formed files."""
from __future__ import annotations

import logging
import re
import zlib

from pdfminer import pdftypes
from pdfminer.pdfexceptions import PDFException

from . import struttura

MAX_STREAM = 64 << 20         # bytes one stream may inflate to (a page's text is a few MiB at most)
MAX_HOPS = 64                 # references followed to reach one object
MAX_PAINTS = 100_000          # drawing operators on one page (the dense pages of the samples have a few hundred)
_CHUNK = 1 << 14

log = logging.getLogger('extract.flussi')


class FlussoTroppoGrande(PDFException):
    """A stream that inflates beyond MAX_STREAM: a decompression bomb."""


class RiferimentoCircolare(PDFException):
    """References that lead back to themselves."""


class PaginaAbnorme(PDFException):
    """A page with more than MAX_PAINTS drawing operators: reading its geometry would take minutes."""


# operators that draw: rectangles, path painting, text shows, images, shadings
_PAINT = re.compile(rb'(?<![^\s\])>])(?:re|S|s|f\*?|F|B\*?|b\*?|Tj|TJ|\'|"|Do|sh|BI)(?=[\s\[(/<%]|$)')


def check_page(page) -> None:
    """PaginaAbnorme for a page with an absurd number of objects, counted in its content
    streams before pdfminer interprets them (the count costs a regex, the reading minutes). A
    page PDFium read has no pdfminer object: PDFium parsed it already, in C++."""
    if getattr(page, 'page_obj', None) is None:
        return
    named = page.page_obj.attrs.get('Contents')
    contents = pdftypes.resolve1(named)
    streams = contents if isinstance(contents, list) else [named]
    n = 0
    for ref in streams:
        stream = pdftypes.resolve1(ref)
        if isinstance(stream, pdftypes.PDFStream) and stream.objid is not None:
            n += len(_PAINT.findall(stream.get_data()))
        elif ref is not None:
            # the object the page names as its content is not there (overwritten, or the
            # cross-reference points elsewhere): what it drew is lost, and nothing else says so
            what = f'oggetto {ref.objid}' if isinstance(ref, pdftypes.PDFObjRef) else 'contenuto diretto'
            log.warning('contenuto della pagina non leggibile (%s): il testo e i disegni di quel flusso sono persi', what)
    if n > MAX_PAINTS:
        raise PaginaAbnorme(f'pagina con {n} operatori di disegno (oltre {MAX_PAINTS}): non letta')


_STREAM_START = struttura.STREAM_START


_FIRST_FILTER = re.compile(rb'/Filter\s*\[?\s*/(\w+)')
_FLATE = (b'FlateDecode', b'Fl')


def _declares_flate(data: bytes, start: int) -> bool:
    """Whether the dictionary before the stream that starts at `start` names FlateDecode as its
    first filter (the bytes after the object's `obj`: a stream's dictionary is all there is)."""
    head = data.rfind(b'obj', max(0, start - 4096), start)
    m = _FIRST_FILTER.search(data, head if head >= 0 else max(0, start - 4096), start)
    return bool(m) and m.group(1) in _FLATE


def needs_guarded_reading(data: bytes, limit: int | None = None) -> bool:
    """Whether a compressed stream of the file inflates beyond `limit`, is damaged or is cut
    short, found in its bytes without parsing it. PDFium would inflate a bomb whole, and read a
    damaged stream in part without a word; such a file is read by pdfminer with these guards,
    which fail only the page that holds a bomb and say on its page what a damaged stream lost.
    A stream declared FlateDecode whose bytes are not zlib at all (overwritten) counts as
    damaged: PDFium draws its page empty, silently. (In an encrypted file every stream's bytes
    are ciphertext, so there only what looks like zlib is tried.)"""
    limit = MAX_STREAM if limit is None else limit
    encrypted = b'/Encrypt' in data
    for m in _STREAM_START.finditer(data):
        if data[max(0, m.start() - 3):m.start()] == b'end':
            continue                     # the `endstream` of the previous stream
        end = data.find(b'endstream', m.end())
        chunk = data[m.end():end if end >= 0 else len(data)]
        if len(chunk) < 2 or chunk[0] & 0x0F != 8 or (chunk[0] << 8 | chunk[1]) % 31:
            if not encrypted and len(chunk.strip()) > 0 and _declares_flate(data, m.start()):
                return True              # declared compressed, but not zlib: overwritten
            continue                     # not a zlib stream
        d = zlib.decompressobj()
        try:
            out = d.decompress(chunk, limit + 1)
        except zlib.error:
            return True
        if len(out) > limit or not d.eof:
            return True
    return False


def inflate(data: bytes, limit: int | None = None) -> bytes:
    """zlib-inflate `data` to at most `limit` bytes (FlussoTroppoGrande beyond); damage or a cut
    keeps the bytes before it, with a warning."""
    limit = MAX_STREAM if limit is None else limit
    d = zlib.decompressobj()
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error:
        return _before_damage(data, limit)
    _check_size(out, d, limit)
    if not d.eof:
        log.warning('flusso compresso troncato: letti %d byte, il resto è perso', len(out))
    return out


def _check_size(out, d, limit: int) -> None:
    if len(out) > limit or d.unconsumed_tail:
        raise FlussoTroppoGrande(f'flusso compresso oltre {limit >> 20} MiB una volta espanso '
                                 '(bomba di decompressione): non letto')


def _before_damage(data: bytes, limit: int) -> bytes:
    """What inflates before the damage. zlib returns nothing from a call that fails, so the data
    goes in chunks, and the chunk that fails again byte by byte from the state before it."""
    d = zlib.decompressobj()
    out = bytearray()
    try:
        for i in range(0, len(data), _CHUNK):
            saved = d.copy()
            try:
                out += d.decompress(data[i:i + _CHUNK], limit - len(out) + 1)
            except zlib.error:
                d = saved
                for k in range(i, min(i + _CHUNK, len(data))):
                    out += d.decompress(data[k:k + 1], limit - len(out) + 1)
            _check_size(out, d, limit)
            if d.eof:
                break
    except zlib.error as e:
        if 'incorrect data check' in str(e):
            log.warning('flusso compresso con somma di controllo errata: contenuto forse alterato')
        else:
            log.warning('flusso compresso danneggiato (%s): letti %d byte, il resto è perso', e, len(out))
    return bytes(out)


class _Zlib:
    """What pdftypes uses of zlib, with `decompress` bounded and forgiving."""
    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)

    @staticmethod
    def decompress(data, *args, **kwargs):
        return inflate(data)


_original_resolve1 = pdftypes.resolve1


def resolve1(x: object, default: object = None):
    """pdftypes.resolve1 with a bound on the chain of references."""
    for _ in range(MAX_HOPS):
        if not isinstance(x, pdftypes.PDFObjRef):
            return x
        x = x.resolve(default=default)
    if isinstance(x, pdftypes.PDFObjRef):
        raise RiferimentoCircolare(f'riferimenti circolari (oggetto {x.objid}): oggetto non letto')
    return x


def proteggi() -> None:
    import importlib
    pdftypes.zlib = _Zlib
    struttura.proteggi()
    # the modules that imported resolve1 by name hold the original: replace it there too
    for name in ('pdfminer.pdftypes', 'pdfminer.pdfpage', 'pdfminer.pdfinterp', 'pdfminer.pdffont',
                 'pdfminer.pdfdocument', 'pdfplumber.structure'):
        module = importlib.import_module(name)
        if getattr(module, 'resolve1', None) is _original_resolve1:
            module.resolve1 = resolve1
