"""Page geometry read by PDFium (pypdfium2), handed to layout.py as pdfplumber-shaped pages.

pdfminer's Python object layer costs most of a page's reading time; PDFium gives the same facts
from C++: characters with their boxes, font and colour, path objects (rules, filled boxes,
curves) with their colours, images. Each page becomes a `GeometryPage`: a pdfplumber `Page`
whose objects come from PDFium, in pdfplumber's conventions (top-left origin, `top`/`bottom`,
one dict per char -- with the keys pdz reads, CHAR_KEYS --, rect, line, curve, image), so
pdfplumber's own text-line and table finders run on it unchanged and layout.py reads it as it
reads a pdfplumber page.

Where PDFium and pdfminer differ, pdfminer is followed: a char's box spans the font's
descriptor descent to one em above it (pdfminer's reading, not PDFium's own metrics); the
characters PDFium generates (spaces between words, line breaks) are dropped, pdfplumber has
none; a path is cut into its subpaths and each is a rect, a line or a curve by pdfminer's rule.
"""
from __future__ import annotations

import ctypes
import io
import logging
from functools import lru_cache

import cffi
import pypdfium2 as pdfium
import pypdfium2.raw as R
from pdfplumber.page import Page

from .flussi import MAX_PAINTS, PaginaAbnorme

CHAR_KEYS = frozenset({'x0', 'x1', 'top', 'bottom', 'doctop', 'text', 'fontname', 'size', 'upright',
                       'non_stroking_color'})
_SEG_MOVE, _SEG_LINE, _SEG_BEZIER = R.FPDF_SEGMENT_MOVETO, R.FPDF_SEGMENT_LINETO, R.FPDF_SEGMENT_BEZIERTO
_TEXT, _PATH, _IMAGE, _FORM = R.FPDF_PAGEOBJ_TEXT, R.FPDF_PAGEOBJ_PATH, R.FPDF_PAGEOBJ_IMAGE, R.FPDF_PAGEOBJ_FORM

Matrix = tuple[float, float, float, float, float, float]


def _mult(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF's row-vector convention: p' = p·m·n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


class _Frame:
    """User space -> pdfplumber's page space: pdfminer's device matrix for /Rotate and the
    MediaBox origin, then pdfplumber's flip to a top-left origin."""

    def __init__(self, mediabox: tuple[float, float, float, float], rotation: int, doctop: float):
        x0, y0, x1, y1 = min(mediabox[0], mediabox[2]), min(mediabox[1], mediabox[3]), \
            max(mediabox[0], mediabox[2]), max(mediabox[1], mediabox[3])
        self.rotation = rotation
        self.ctm: Matrix = {90: (0, -1, 1, 0, -y0, x1), 180: (-1, 0, 0, -1, x1, y1),
                            270: (0, 1, -1, 0, y1, -x0)}.get(rotation, (1, 0, 0, 1, -x0, -y0))
        if rotation in (90, 270):
            bx0, by0, bx1, by1 = y0, x0, y1, x1
        else:
            bx0, by0, bx1, by1 = x0, y0, x1, y1
        self.height = by1 - by0
        self.mb_x0, self.mb_top = bx0, self.height - by1          # pdfplumber's inverted MediaBox
        self.bbox = (bx0, self.mb_top, bx1, self.height - by0)
        self.doctop = doctop

    def point(self, x: float, y: float) -> tuple[float, float, float]:
        """(x, top, pdfminer's y) of a user-space point."""
        a, b, c, d, e, f = self.ctm
        X, Y = a * x + c * y + e, b * x + d * y + f
        return X + self.mb_x0, self.height - Y + self.mb_top, Y

    def box(self, pts) -> dict:
        xs, tops, ys = zip(*(self.point(x, y) for x, y in pts))
        x0, x1, top, bottom = min(xs), max(xs), min(tops), max(tops)
        return {'x0': x0, 'x1': x1, 'top': top, 'bottom': bottom, 'y0': min(ys), 'y1': max(ys),
                'width': x1 - x0, 'height': bottom - top, 'doctop': self.doctop + top}


class GeometryPage(Page):
    """A pdfplumber Page whose objects PDFium read. Built whole when the page is opened (the
    PDFium page is closed at once); a page PDFium cannot read raises its error when its
    objects are asked for, as a pdfplumber page raises while parsing."""

    def __init__(self, page_number: int, bbox, rotation: int, doctop: float, objects: dict | None,
                 error: Exception | None = None):
        self.pdf = None
        self.root_page = self
        self.page_obj = None
        self.page_number = page_number
        self.initial_doctop = doctop
        self.rotation = rotation
        self.mediabox = self.cropbox = self.bbox = bbox
        self._geometry, self._error = objects, error
        self.get_textmap = lru_cache()(self._get_textmap)

    @property
    def objects(self) -> dict:
        if self._geometry is None:
            raise self._error or RuntimeError('pagina non letta')
        return self._geometry

    def close(self) -> None:
        """Drop the page's objects now: the page refers to itself (root_page, the bound cached
        get_textmap), so without this its thousands of char dicts wait for a full collection."""
        self.flush_cache()
        self.get_textmap.cache_clear()
        self.__dict__.pop('get_textmap', None)
        self.root_page = None
        self._geometry = None


# ---------------------------------------------------------------- fonts, as pdfminer reads them
def font_metrics(data: bytes) -> dict[str, tuple[float, str]]:
    """Font name -> (descent per unit of font size, pdfminer's font name), for every font the
    pages use. pdfminer takes the descent from the font descriptor (0 when it says 0); PDFium
    substitutes the font's bounding box then, which would move a line's chars by a third of
    their size. Only the object dictionaries are read (no content stream), which costs little."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import dict_value, resolve1
    from pdfminer.psparser import literal_name

    out: dict[str, tuple[float, str]] = {}
    manager = PDFResourceManager(caching=True)
    seen: set[int] = set()

    def name(v) -> str:
        v = resolve1(v)
        return literal_name(v) if not isinstance(v, (str, bytes)) else (v.decode('latin-1') if isinstance(v, bytes) else v)

    def visit(resources, depth: int = 0) -> None:
        resources = dict_value(resources) if resources else {}
        for objid, spec in dict_value(resources.get('Font', {})).items():
            ref = resources['Font'][objid] if isinstance(resources.get('Font'), dict) else None
            key = getattr(ref, 'objid', None) or id(spec)
            spec = dict_value(spec)
            if key in seen:
                continue
            seen.add(key)
            try:
                font = manager.get_font(None, spec)
            except Exception:
                continue
            entry = (font.get_descent(), str(font.fontname))
            names = [spec.get('BaseFont')]
            if name(spec.get('Subtype', '')) == 'Type0':
                for df in resolve1(spec.get('DescendantFonts', [])) or []:
                    names.append(dict_value(df).get('BaseFont'))
            for n in names:
                if n is not None:      # PDFium names a subset font without its 'ABCDEF+' tag
                    out.setdefault(name(n), entry)
                    out.setdefault(name(n).split('+', 1)[-1], entry)
        if depth < 8:
            for xobj in dict_value(resources.get('XObject', {})).values():
                xobj = resolve1(xobj)
                attrs = getattr(xobj, 'attrs', None)
                if attrs and name(attrs.get('Subtype', '')) == 'Form' and id(xobj) not in seen:
                    seen.add(id(xobj))
                    visit(attrs.get('Resources'), depth + 1)

    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)))
        for page in PDFPage.create_pages(doc):
            visit(page.resources)
    except Exception:          # damaged structure: PDFium's own metrics for what is not found
        logging.getLogger(__name__).debug('font metrics not read', exc_info=True)
    return out


# ---------------------------------------------------------------- reading one page
def _rgb(getter, handle) -> tuple[float, float, float] | None:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not getter(handle, r, g, b, a):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


def _matrix(obj) -> Matrix:
    m = R.FS_MATRIX()
    if not R.FPDFPageObj_GetMatrix(obj, m):
        return (1, 0, 0, 1, 0, 0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _font_name(font) -> str:
    n = R.FPDFFont_GetBaseFontName(font, None, 0)
    if n <= 0:
        return ''
    buf = ctypes.create_string_buffer(n)
    R.FPDFFont_GetBaseFontName(font, buf, n)
    return buf.value.decode('utf-8', 'replace')


_ffi = cffi.FFI()


def _fn(name: str, signature: str):
    """A PDFium function called through cffi with plain ints for handles: the per-char calls
    run a few hundred thousand times a document, and ctypes' argument conversion costs more
    than the call itself (cffi's about half as much). The function is pypdfium2's own, by its
    address, so the library is the one pypdfium2 loaded."""
    return _ffi.cast(signature, ctypes.cast(getattr(R, name), ctypes.c_void_p).value)


_is_generated = _fn('FPDFText_IsGenerated', 'int(*)(uintptr_t, int)')
_text_object = _fn('FPDFText_GetTextObject', 'uintptr_t(*)(uintptr_t, int)')
_origin = _fn('FPDFText_GetCharOrigin', 'int(*)(uintptr_t, int, double*, double*)')
_loose_box = _fn('FPDFText_GetLooseCharBox', 'int(*)(uintptr_t, int, float*)')     # FS_RECTF: l, t, r, b
_char_box = _fn('FPDFText_GetCharBox', 'int(*)(uintptr_t, int, double*, double*, double*, double*)')
_unicode = _fn('FPDFText_GetUnicode', 'unsigned int(*)(uintptr_t, int)')
_get_text = _fn('FPDFText_GetText', 'int(*)(uintptr_t, int, int, uint16_t*)')


def _codes(tp: int, n: int) -> list[int]:
    """The unicode of each of the page's n chars (FPDFText_GetUnicode's), in one call
    (FPDFText_GetText); one call per char where the page text does not line up with the chars
    (a char beyond the BMP is two UTF-16 units, a char without text none)."""
    buf = _ffi.new('uint16_t[]', n + 1)
    written = _get_text(tp, 0, n, buf)           # units, the terminating NUL included
    units = list(_ffi.unpack(buf, n))
    if written != n + 1 or any(0xD800 <= u < 0xE000 for u in units):
        return [_unicode(tp, i) for i in range(n)]
    # the page text writes U+FFFE where a char's own unicode is PDFium's line-end hyphen mark (2)
    return [_unicode(tp, i) if u == 0xFFFE else u for i, u in enumerate(units)]


def _style(textpage, i: int, obj, metrics: dict, fonts: dict) -> tuple:
    """(font name, descent, font size, matrix, fill) shared by a text object's chars."""
    obj = ctypes.cast(obj, R.FPDF_PAGEOBJECT)
    font = R.FPDFTextObj_GetFont(obj)
    address = ctypes.cast(font, ctypes.c_void_p).value
    if address not in fonts:           # a page has a few fonts and thousands of text objects
        pdfium_name = _font_name(font) if font else ''
        descent, fontname = metrics.get(pdfium_name) or (None, pdfium_name)
        if descent is None:
            d = ctypes.c_float()
            descent = d.value if font and R.FPDFFont_GetDescent(font, ctypes.c_float(1.0), d) else 0.0
        fonts[address] = (descent, fontname)
    descent, fontname = fonts[address]
    fs = ctypes.c_float()
    size = fs.value if R.FPDFTextObj_GetFontSize(obj, fs) else R.FPDFText_GetFontSize(textpage, i)
    m = R.FS_MATRIX()
    R.FPDFText_GetMatrix(textpage, i, m)
    fill = _rgb(R.FPDFPageObj_GetFillColor, obj) or (0.0, 0.0, 0.0)
    return fontname, descent, size, (m.a, m.b, m.c, m.d), fill


def _chars(textpage, frame: _Frame, metrics: dict) -> list[dict]:
    """The page's chars as pdfplumber's dicts, in PDFium's order (the content stream's), with
    the keys pdz and pdfplumber's word and text functions read (CHAR_KEYS): a page holds
    thousands of chars, and pdfminer's other keys (y0, y1, width, height, matrix, stroking
    colour...) cost more than half the time spent building a char's dict."""
    tp = ctypes.cast(textpage, ctypes.c_void_p).value
    n = R.FPDFText_CountChars(textpage)
    codes = _codes(tp, n) if n > 0 else []
    origin, loose = _ffi.new('double[2]'), _ffi.new('float[4]')
    p_ox, p_oy = origin, origin + 1
    glyph = _ffi.new('double[4]')                # left, right, bottom, top
    g_left, g_right, g_bottom, g_top = glyph, glyph + 1, glyph + 2, glyph + 3
    # the last upright char (its dict, index, text object, baseline, loose right): its glyph may
    # overhang its advance ('/', an italic 'f'), and then the next char's origin ends it
    o_char, o_i, o_obj, o_y, o_right, o_x0, o_x1 = None, 0, 0, 0.0, 0.0, 0.0, 0.0
    simple = frame.rotation == 0
    kx, ky = frame.point(0.0, 0.0)[0], frame.point(0.0, 0.0)[1]      # x' = x + kx, top = ky - y
    doctop = frame.doctop
    styles: dict[int, tuple] = {}
    fonts: dict[int, tuple] = {}
    out: list[dict] = []
    append = out.append
    p_obj, p_left, p_right, p_top = None, None, None, None      # the last char's object and loose box
    s_obj = None          # the text object whose style is at hand (an object's chars come in a run)
    for i, u in enumerate(codes):
        if u in (32, 10, 13) and _is_generated(tp, i):    # PDFium generates only spaces and breaks
            continue
        obj = _text_object(tp, i)
        if obj != s_obj:
            style = styles.get(obj)
            if style is None:
                if not obj:
                    continue
                fontname, descent, fs, (a, b, c, d), fill = _style(textpage, i, obj, metrics, fonts)
                # what every char of the object shares, worked out once: upright, its em's extent
                # above the baseline (descent + one em, descent)
                style = styles[obj] = (fontname, descent, fs, a, b, c, d, fill,
                                       simple and b == 0 and c == 0 and a > 0 and d > 0,
                                       (descent + 1) * fs * d, descent * fs * d)
            fontname, descent, fs, a, b, c, d, fill, upright, em_top, em_bottom = style
            s_obj = obj
        _origin(tp, i, p_ox, p_oy)
        _loose_box(tp, i, loose)
        x, y = origin[0], origin[1]
        l_left, l_top, l_right = loose[0], loose[1], loose[2]
        # PDFium marks the hyphen ending a line as U+0002; the page has a plain '-' there
        text = '-' if u == 2 else chr(u) if u < 0x110000 and not 0xD800 <= u < 0xE000 else '\ufffd'
        # one glyph PDFium lists once per letter ('fi'): pdfminer's one char with both letters
        if obj == p_obj and l_left == p_left and l_right == p_right and l_top == p_top and text.strip():
            out[-1]['text'] += text
            continue
        p_obj, p_left, p_right, p_top = obj, l_left, l_right, l_top
        if o_char is not None:
            # the glyph box is asked for only where the next origin falls inside the char
            if o_obj == obj and o_y == y and o_x0 <= x + kx < o_x1:
                _char_box(tp, o_i, g_left, g_right, g_bottom, g_top)
                if glyph[1] >= o_right - 1e-3:
                    o_char['x1'] = x + kx
            o_char = None
        if upright:
            # pdfminer's box: from the origin, one advance wide, descent to descent + one em.
            # PDFium's loose box is the advance, or the glyph where it overhangs
            o_x0, o_x1 = x + kx, (l_right if l_right >= x else x) + kx
            top, bottom = ky - (y + em_top), ky - (y + em_bottom)
            o_char = {'x0': o_x0, 'x1': o_x1, 'top': top, 'bottom': bottom, 'doctop': doctop + top,
                      'text': text, 'fontname': fontname, 'size': bottom - top, 'upright': True,
                      'non_stroking_color': fill}
            append(o_char)
            o_i, o_obj, o_y, o_right = i, obj, y, l_right
            continue
        l_bottom = loose[3]
        # turned text or a turned page: the same box, its corners through the char's matrix
        # (advance along the baseline from PDFium's loose box) and the page's rotation
        na, nb = (a * a + b * b) ** 0.5 or 1.0, (c * c + d * d) ** 0.5 or 1.0
        ux, uy, vx, vy = a / na, b / na, c / nb, d / nb          # baseline and em directions
        adv = max((l_right - l_left) if b == 0 else (l_top - l_bottom) if a == 0
                  else ((l_right - l_left) ** 2 + (l_top - l_bottom) ** 2) ** 0.5 / 2 ** 0.5, 0.0)
        lo, hi = descent * fs * nb, (descent + 1) * fs * nb
        box = frame.box([(x + ux * s + vx * t, y + uy * s + vy * t) for s in (0.0, adv) for t in (lo, hi)])
        A, B, C, D = (a * frame.ctm[0] + b * frame.ctm[2], a * frame.ctm[1] + b * frame.ctm[3],
                      c * frame.ctm[0] + d * frame.ctm[2], c * frame.ctm[1] + d * frame.ctm[3])
        append({'x0': box['x0'], 'x1': box['x1'], 'top': box['top'], 'bottom': box['bottom'],
                'doctop': box['doctop'], 'text': text, 'fontname': fontname, 'size': box['height'],
                'upright': A * D > 0 and B * C <= 0, 'non_stroking_color': fill})
    return out


def _subpaths(obj, m: Matrix):
    """(operators, user-space points) of each subpath of a path object, as pdfminer cuts them:
    'm', 'l', 'c' (its end point only), 'h' for a close."""
    n = R.FPDFPath_CountSegments(obj)
    a, b, c, d, e, f = m
    x, y = ctypes.c_float(), ctypes.c_float()
    cur: tuple[list, list] | None = None
    bez = 0
    for j in range(max(n, 0)):
        seg = R.FPDFPath_GetPathSegment(obj, j)
        kind = R.FPDFPathSegment_GetType(seg)
        R.FPDFPathSegment_GetPoint(seg, x, y)
        pt = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == _SEG_MOVE or cur is None:
            if cur and cur[0]:
                yield cur
            cur, bez = (['m'], [pt]), 0
        elif kind == _SEG_LINE:
            cur[0].append('l')
            cur[1].append(pt)
        elif kind == _SEG_BEZIER:
            bez += 1
            if bez % 3 == 0:          # PDFium lists the two control points, then the end point
                cur[0].append('c')
                cur[1].append(pt)
        if R.FPDFPathSegment_GetClose(seg):
            cur[0].append('h')
            cur[1].append(cur[1][0])
    if cur and cur[0]:
        yield cur


def _path_objects(obj, m: Matrix, frame: _Frame, page_number: int) -> list[dict]:
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()
    if not R.FPDFPath_GetDrawMode(obj, fillmode, stroke):
        return []
    fill, stroke = fillmode.value != 0, bool(stroke.value)
    if not fill and not stroke:
        return []
    ncolor = _rgb(R.FPDFPageObj_GetFillColor, obj) or (0.0, 0.0, 0.0)
    scolor = _rgb(R.FPDFPageObj_GetStrokeColor, obj) or (0.0, 0.0, 0.0)
    w = ctypes.c_float()
    linewidth = w.value if R.FPDFPageObj_GetStrokeWidth(obj, w) else 1.0
    out = []
    for ops, pts in _subpaths(obj, m):
        shape = ''.join(ops)
        if len(shape) > 3 and shape[-2:] == 'lh' and pts[-2] == pts[0]:
            shape, pts = shape[:-2] + 'h', pts[:-1]          # pdfminer drops the redundant 'l'
        if shape in ('mlh', 'ml'):
            kind = 'line'
        elif shape in ('mlllh', 'mllll'):
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or \
                (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
            kind = 'rect' if pts[0] == pts[4] and square else 'curve'
        else:
            kind = 'curve'
        if kind == 'line':
            pts = pts[:2]
        elif kind == 'rect':
            pts = pts[:4]
        box = frame.box(pts)
        box.update(object_type=kind, page_number=page_number, fill=fill, stroke=stroke, evenodd=fillmode.value == 1,
                   linewidth=linewidth, non_stroking_color=ncolor, stroking_color=scolor, dash=None,
                   pts=[frame.point(px, py)[:2] for px, py in pts])
        out.append(box)
    return out


def _objects(page, m: Matrix, frame: _Frame, page_number: int, out: dict, depth: int = 0) -> None:
    """Paths and images of the page (into form XObjects, as pdfminer descends into them)."""
    count = R.FPDFFormObj_CountObjects(page) if depth else R.FPDFPage_CountObjects(page)
    if 2 * count > MAX_PAINTS:        # every object is drawn by two operators at least (build, paint)
        raise PaginaAbnorme(f'pagina con {count} oggetti grafici (oltre {MAX_PAINTS // 2}): non letta')
    for k in range(count):
        obj = R.FPDFFormObj_GetObject(page, k) if depth else R.FPDFPage_GetObject(page, k)
        kind = R.FPDFPageObj_GetType(obj)
        if kind == _PATH:
            for o in _path_objects(obj, _mult(_matrix(obj), m), frame, page_number):
                out.setdefault(o['object_type'], []).append(o)
        elif kind == _IMAGE:
            im = _mult(_matrix(obj), m)
            box = frame.box([(im[4], im[5]), (im[0] + im[4], im[1] + im[5]), (im[2] + im[4], im[3] + im[5]),
                             (im[0] + im[2] + im[4], im[1] + im[3] + im[5])])
            box.update(object_type='image', page_number=page_number)
            out.setdefault('image', []).append(box)
        elif kind == _FORM and depth < 16:
            _objects(obj, _mult(_matrix(obj), m), frame, page_number, out, depth + 1)


def read_page(pdf: pdfium.PdfDocument, index: int, doctop: float, metrics: dict) -> GeometryPage:
    """Page `index` (0-based) as a GeometryPage; PDFium's page and text page are closed before
    this returns, so nothing of PDFium outlives the call but the document."""
    number = index + 1
    page = R.FPDF_LoadPage(pdf.raw, index)
    if not page:
        return GeometryPage(number, (0, 0, 0, 0), 0, doctop, None, RuntimeError(f'PDFium: pagina {number} non leggibile'))
    textpage = None
    try:
        l, b, r, t = (ctypes.c_float() for _ in range(4))
        if R.FPDFPage_GetMediaBox(page, l, b, r, t):
            mediabox = (l.value, b.value, r.value, t.value)
        else:
            mediabox = (0.0, 0.0, R.FPDF_GetPageWidthF(page), R.FPDF_GetPageHeightF(page))
        rotation = (R.FPDFPage_GetRotation(page) % 4) * 90
        frame = _Frame(mediabox, rotation, doctop)
        try:
            textpage = R.FPDFText_LoadPage(page)
            objects: dict[str, list] = {'char': _chars(textpage, frame, metrics) if textpage else []}
            _objects(page, (1, 0, 0, 1, 0, 0), frame, number, objects)
        except Exception as e:     # kept for the caller, raised where pdfplumber would raise it
            return GeometryPage(number, frame.bbox, rotation, doctop, None, e)
        return GeometryPage(number, frame.bbox, rotation, doctop, objects)
    finally:
        if textpage:
            R.FPDFText_ClosePage(textpage)
        R.FPDF_ClosePage(page)


class Document:
    """An open PDFium document with the part of pdfplumber.PDF that layout.read_layout uses:
    `pages` (read one at a time, as iterated), `metadata`, `close()`."""

    def __init__(self, data: bytes):
        self._pdf = pdfium.PdfDocument(data)
        self._metrics = font_metrics(data)

    def __len__(self) -> int:
        return len(self._pdf)

    @property
    def pages(self):
        doctop = 0.0
        for i in range(len(self._pdf)):
            page = read_page(self._pdf, i, doctop, self._metrics)
            doctop += page.height
            yield page

    @property
    def metadata(self) -> dict:
        try:
            return {k: v for k, v in self._pdf.get_metadata_dict(skip_empty=True).items()}
        except Exception:
            return {}

    def close(self) -> None:
        self._pdf.close()


PdfiumError = pdfium.PdfiumError


def needs_password(e: Exception) -> bool:
    return getattr(e, 'err_code', None) == R.FPDF_ERR_PASSWORD or 'password' in str(e).lower()
