"""Damage to a PDF's structure that pdfminer passes over in silence, read the robust way and said:

- a stream whose declared /Length (a wrong number, a reference to an object that is no number
  or to none) does not end at its `endstream` is read up to `endstream` (pdfminer keeps the
  declared bytes: nothing, or the next objects' bytes, losing this one);
- an object that is not where the cross-reference table puts it (bytes before it added or
  removed) is looked for by its `N G obj` header (pdfminer reads on to the next `obj`);
- a cross-reference table pdfminer could not read at all (it scans the file instead).

`lengths_disagree` and `objects_misplaced` find the first two in the bytes, without parsing:
PDFium reads such files as declared and draws garbled or empty pages without a word, so
extract/flussi.py sends them to the guarded pdfminer reader. `proteggi()` installs the
recoveries; it changes nothing for well-formed files."""
from __future__ import annotations

import logging
import re

from pdfminer import pdfdocument, pdfparser, pdftypes
from pdfminer.psparser import KWD

MAX_RAW = 64 << 20            # bytes of one stream read up to its endstream
_CHUNK = 1 << 14

log = logging.getLogger('extract.struttura')

STREAM_START = re.compile(rb'stream\r?\n')

_LENGTH = re.compile(rb'/Length(?![A-Za-z0-9])\s*(\d+)(?:\s+(\d+)\s+R)?')
_INT_OBJECT = re.compile(rb'(?<![0-9])(\d+)\s+\d+\s+obj\s*(\d+)\s*endobj')
_OBJECT = re.compile(rb'(?<![0-9])(\d+)\s+\d+\s+obj(?![A-Za-z])')
_WHITE = b' \t\r\n\f\x00'


def _ends_at_endstream(data: bytes, at: int) -> bool:
    """Whether only white space lies between `at` and an `endstream`."""
    end = data.find(b'endstream', at, at + 64)
    return end >= 0 and not data[at:end].strip(_WHITE)


def lengths_disagree(data: bytes) -> bool:
    """Whether some stream's declared /Length, direct or by reference, does not end at its
    `endstream` (found in the bytes, without parsing). A length held in an object stream cannot
    be seen here: such a stream is taken as right."""
    ints = objects = None
    for m in STREAM_START.finditer(data):
        if data[max(0, m.start() - 3):m.start()] == b'end':
            continue
        head = data.rfind(b'obj', max(0, m.start() - 4096), m.start())
        length = _LENGTH.search(data, head if head >= 0 else max(0, m.start() - 4096), m.start())
        if not length:
            continue
        if length.group(2) is None:
            declared = int(length.group(1))
        else:
            if ints is None:
                ints = {int(o.group(1)): int(o.group(2)) for o in _INT_OBJECT.finditer(data)}
            declared = ints.get(int(length.group(1)))
            if declared is None:
                if objects is None:
                    objects = {int(o.group(1)) for o in _OBJECT.finditer(data)}
                if int(length.group(1)) in objects or b'/ObjStm' not in data:
                    return True          # refers to an object that is no number, or to none
                continue
        if not _ends_at_endstream(data, m.end() + declared):
            return True
    return False


_XREF_SUBSECTION = re.compile(rb'\s*(\d+)\s+(\d+)[ \t]*\r?\n')
_XREF_ENTRY = re.compile(rb'(\d{10}) (\d{5}) ([nf])[ \t\r\n]{1,3}')


def objects_misplaced(data: bytes) -> bool:
    """Whether an object of a classic cross-reference table is not at the offset it gives (its
    `N G obj` header is elsewhere or gone). Cross-reference streams are not looked into."""
    for m in re.finditer(rb'(?<![A-Za-z])xref[ \t]*\r?\n', data):
        at = m.end()
        while sub := _XREF_SUBSECTION.match(data, at):
            first, count = int(sub.group(1)), int(sub.group(2))
            at = sub.end()
            for k in range(count):
                entry = _XREF_ENTRY.match(data, at)
                if not entry:
                    break
                at = entry.end()
                if entry.group(3) == b'n':
                    head = _OBJECT_AT.match(data, int(entry.group(1)))
                    if not head or int(head.group(1)) != first + k:
                        return True
    return False


_OBJECT_AT = re.compile(rb'[ \t\r\n\f\x00]*(\d+)\s+\d+\s+obj(?![A-Za-z])')



def check_document(doc) -> None:
    """Says so when pdfminer could not read the cross-reference table and found the objects by
    scanning the file (it does so without a word): what it found may not be what the table held."""
    if any(isinstance(x, pdfdocument.PDFXRefFallback) for x in doc.xrefs):
        log.warning('tabella dei riferimenti non leggibile: oggetti ritrovati scorrendo il file, contenuto da verificare')



_original_do_keyword = pdfparser.PDFParser.do_keyword


def do_keyword(self, pos, token):
    """PDFParser.do_keyword; a stream whose declared length does not end at `endstream` is read
    up to `endstream` instead (in bounded chunks), with a warning. Such a length is not handed
    to pdfminer: past `endstream` it reads on into the next objects and loses this one, and a
    length that refers to an object that is no number would be resolved by the very parser
    reading this stream (a stream resolved inside it garbles both)."""
    if token is self.KEYWORD_STREAM and not self.fallback and self.curstack:
        dic = self.curstack[-1][1]
        if isinstance(dic, dict) and not _length_ends_stream(self, pos, dic.get('Length')):
            dic['Length'] = 0            # read up to endstream below
    _original_do_keyword(self, pos, token)
    if token is self.KEYWORD_STREAM and not self.fallback and self.curstack:
        start, stream = self.curstack[-1]       # where the stream's bytes start (past 'stream' and its EOL)
        if pos < start <= pos + 8 and isinstance(stream, pdftypes.PDFStream):
            _to_endstream(self.fp, start, stream)


class _FlussoRiletto(pdftypes.PDFStream):
    """A stream read up to `endstream` against its declared length. The warning waits for the
    stream's first decoding: a page's content streams are parsed when the document opens, and
    decoded when their page is read."""

    def decode(self):
        log.warning('flusso con lunghezza dichiarata errata (non finisce a endstream): letto fino a endstream, '
                    'contenuto da verificare')
        self.__class__ = pdftypes.PDFStream
        return self.decode()


def _length_ends_stream(parser, pos: int, length) -> bool:
    """Whether the declared `length` of the stream whose keyword is at `pos` ends at its
    `endstream` (an indirect length read token by token with a parser of its own; one in an
    object stream is taken as right: pdfminer reads those apart)."""
    fp, here = parser.fp, parser.fp.tell()
    try:
        if isinstance(length, pdftypes.PDFObjRef):
            length = _number_at(parser, length)
        if length is True:
            return True
        if type(length) is not int:
            return False
        fp.seek(pos)
        line = fp.readline(64)
        start = pos + (7 if line[6:7] == b'\r' and line[7:8] != b'\n' else len(line))
        fp.seek(start + length)
        return _ends_at_endstream(fp.read(64), 0)
    finally:
        fp.seek(here)


def _number_at(parser, ref):
    """The number object `ref` names; None when it is something else or nowhere; True when it
    lies in an object stream."""
    doc = parser.doc
    if doc is None:
        return True
    for xref in doc.xrefs:
        try:
            strmid, at, _ = xref.get_pos(ref.objid)
        except (KeyError, TypeError):
            continue
        if strmid is not None:
            return True
        try:
            side = pdfparser.PDFParser(parser.fp)
            side.seek(_header_near(parser.fp, at, ref.objid) or at)
            tokens = [side.nexttoken()[1] for _ in range(5)]
        except Exception:                 # PSEOF, a damaged token: not a number
            return None
        if tokens[0] == ref.objid and tokens[2] is KWD(b'obj') and type(tokens[3]) is int \
                and tokens[4] is KWD(b'endobj'):
            return tokens[3]
        return None
    return None


def _to_endstream(fp, start: int, stream) -> None:
    here = fp.tell()
    try:
        fp.seek(start + len(stream.rawdata))
        if _ends_at_endstream(fp.read(64), 0):
            return
        fp.seek(start)
        body = bytearray()
        while len(body) <= MAX_RAW:
            chunk = fp.read(_CHUNK)
            if not chunk:
                break
            body += chunk
            end = body.find(b'endstream', max(0, len(body) - len(chunk) - 9))
            if end >= 0:
                del body[end:]
                break
        if body.endswith(b'\r\n'):
            del body[-2:]
        elif body.endswith((b'\n', b'\r')):
            del body[-1:]
        stream.rawdata, stream.data = bytes(body), None
        stream.__class__ = _FlussoRiletto       # says so when read: on the page that reads it

    finally:
        fp.seek(here)


_original_getobj_parse = pdfdocument.PDFDocument._getobj_parse


def _getobj_parse(self, pos: int, objid: int):
    """PDFDocument._getobj_parse; an object not at its offset is looked for by its header, the
    nearest to where the table puts it (pdfminer's own recovery reads on from the offset to the
    next `obj`, silently, and takes what it finds there)."""
    fp = self._parser.fp
    here = fp.tell()
    fp.seek(pos)
    head = _OBJECT_AT.match(fp.read(64))
    fp.seek(here)
    if not head or int(head.group(1)) != objid:
        found = _header_near(fp, pos, objid)
        if found is not None:
            log.warning("oggetti non all'indirizzo indicato dalla tabella dei riferimenti: ritrovati per "
                        'intestazione, contenuto da verificare')
            pos = found
    return _original_getobj_parse(self, pos, objid)


def _header_near(fp, pos: int, objid: int) -> int | None:
    """Offset of the `objid G obj` header nearest to `pos`: looked for in widening windows (an
    object moves by the few bytes an earlier edit added), the whole file last."""
    head = re.compile(rb'(?<![0-9])%d\s+\d+\s+obj(?![A-Za-z])' % objid)
    here = fp.tell()
    try:
        for reach in (1 << 12, 1 << 16, None):
            lo = 0 if reach is None else max(0, pos - reach)
            fp.seek(lo)
            window = fp.read() if reach is None else fp.read(pos - lo + reach)
            heads = [lo + m.start() for m in head.finditer(window)]
            if heads:
                return min(heads, key=lambda h: abs(h - pos))
        return None
    finally:
        fp.seek(here)


def proteggi() -> None:
    pdfparser.PDFParser.do_keyword = do_keyword
    pdfdocument.PDFDocument._getobj_parse = _getobj_parse
