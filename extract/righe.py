"""Words and text lines from a page's chars, exactly as pdfplumber reads them (`extract_words`,
`extract_text`, `extract_text_lines` with x_tolerance=2 and its other defaults), for less than
half its time: the same grouping steps, without pdfplumber's settings machinery and
intermediate dicts. layout.py reads every page's lines and every table cell's text through here.

pdfplumber's steps, followed one by one (its order decides which chars join):
1. consecutive runs of chars with the same `upright`;
2. in each run, lines: chars clustered on `top` (upright) or `x0` (turned), a cluster being a
   chain of values each within the tolerance of the previous, then sorted along the line;
3. words: a blank char ends one, an empty one stands alone, a char starting before the previous
   one or past its end + x_tolerance (or off its line by more than y_tolerance) starts one;
4. text lines (`extract_text_lines`): the words, in that order, cut where their `top` cluster
   (over the whole page) changes, joined by one space, stripped;
   text (`extract_text`): the words grouped by `top` cluster, clusters in order, one per line."""
from __future__ import annotations

import re
from itertools import groupby
from operator import itemgetter

X_TOLERANCE, Y_TOLERANCE = 2, 3
# pdfplumber expands these glyphs into their letters, in words and in text
LIGATURES = {'ﬀ': 'ff', 'ﬃ': 'ffi', 'ﬄ': 'ffl', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬆ': 'st', 'ﬅ': 'st'}
_LIGATURE_GLYPHS = frozenset(LIGATURES)
_LINE = re.compile(r' *([^\n]+?) *(\n|$)')

_TOP, _X0 = itemgetter('top'), itemgetter('x0')
_X1, _BOTTOM, _TEXT = itemgetter('x1'), itemgetter('bottom'), itemgetter('text')
_UPRIGHT = itemgetter('upright')

# a word: (text, x0, top, x1, bottom, chars, upright, direction)
Word = tuple


def _clusters(values: list[float], tolerance: float) -> dict[float, int]:
    """value -> index of its cluster: sorted distinct values, chained while each is within
    `tolerance` of the one before (pdfplumber's cluster_list)."""
    out: dict[float, int] = {}
    k, last = -1, None
    for v in sorted(set(values)):
        if last is None or tolerance == 0 or v > last + tolerance:
            k += 1
        out[v] = k
        last = v
    return out


def _line_groups(run: list[dict]):
    """(chars of one line, sorted along it, direction) for a run of chars of one `upright`.
    One stable sort on (cluster, position along the line) orders them as pdfplumber's stable
    sort on the cluster and then on the position within each cluster does."""
    if run[0]['upright']:
        tops = list(map(_TOP, run))
        cluster = _clusters(tops, Y_TOLERANCE)
        # the stable sort on (cluster, x0): positions sorted on x0, then (stably) on the cluster,
        # each key looked up in C
        line_of, x0s = list(map(cluster.__getitem__, tops)), list(map(_X0, run))
        order = sorted(range(len(run)), key=x0s.__getitem__)
        order.sort(key=line_of.__getitem__)
        for _, line in groupby(order, key=line_of.__getitem__):
            yield list(map(run.__getitem__, line)), 'ltr'
        return
    cluster = _clusters([c['x0'] for c in run], X_TOLERANCE)
    keyed = sorted(run, key=lambda c: (cluster[c['x0']], c['top'], c['bottom']))
    for _, line in groupby(keyed, key=lambda c: cluster[c['x0']]):
        yield list(line), 'ttb'


def _word(chars: list[dict], direction: str) -> Word:
    first = chars[0]
    if len(chars) == 1:
        return (LIGATURES.get(first['text'], first['text'] or ''), first['x0'], first['top'], first['x1'],
                first['bottom'], chars, first['upright'], direction)
    # min and max keep the first of equals, as pdfplumber's do
    try:
        text = ''.join(map(_TEXT, chars))
    except TypeError:       # a char without text
        text = None
    if text is None or not _LIGATURE_GLYPHS.isdisjoint(text):     # a glyph to expand, or no text
        text = ''.join([LIGATURES.get(t, t or '') for t in map(_TEXT, chars)])
    return (text, min(map(_X0, chars)), min(map(_TOP, chars)), max(map(_X1, chars)), max(map(_BOTTOM, chars)),
            chars, first['upright'], direction)


def _starts_word(prev: dict, c: dict, ltr: bool) -> bool:
    """`c` starts a new word after `prev`: before it or past its end + the tolerance along the
    line, or off its line by more than the tolerance across it."""
    if ltr:
        return c['x0'] < prev['x0'] or c['x0'] > prev['x1'] + X_TOLERANCE or abs(c['top'] - prev['top']) > Y_TOLERANCE
    return c['top'] < prev['top'] or c['top'] > prev['bottom'] + Y_TOLERANCE or abs(c['x0'] - prev['x0']) > X_TOLERANCE


def words(chars: list[dict]) -> list[Word]:
    """The chars' words, in pdfplumber's order."""
    out: list[Word] = []
    for _, run in groupby(chars, key=_UPRIGHT):
        for line, direction in _line_groups(list(run)):
            if direction == 'ltr':
                _ltr_words(line, out)
                continue
            current: list[dict] = []
            for c in line:
                text = c['text']
                if text.isspace():
                    if current:
                        out.append(_word(current, direction))
                    current = []
                elif text == '':       # pdfplumber's split_at_punctuation='' holds the empty text
                    if current:
                        out.append(_word(current, direction))
                    out.append(_word([c], direction))
                    current = []
                elif current and _starts_word(current[-1], c, False):
                    out.append(_word(current, direction))
                    current = [c]
                else:
                    current.append(c)
            if current:
                out.append(_word(current, direction))
    return out


def _ltr_words(line: list[dict], out: list[Word]) -> None:
    """`words` on one upright line, _starts_word inlined (the loop runs once a char): the last
    char's x0, x1 and top are kept at hand."""
    current: list[dict] = []
    x0 = x1 = top = 0.0
    for c in line:
        text = c['text']
        if text.isspace():
            if current:
                out.append(_word(current, 'ltr'))
            current = []
        elif text == '':
            if current:
                out.append(_word(current, 'ltr'))
            out.append(_word([c], 'ltr'))
            current = []
        else:
            cx0, ctop = c['x0'], c['top']
            if current and (cx0 < x0 or cx0 > x1 + X_TOLERANCE or abs(ctop - top) > Y_TOLERANCE):
                out.append(_word(current, 'ltr'))
                current = [c]
            else:
                current.append(c)
            x0, x1, top = cx0, c['x1'], ctop
    if current:
        out.append(_word(current, 'ltr'))


def word_dicts(chars: list[dict], ws: list[Word] | None = None) -> list[dict]:
    """pdfplumber's `extract_words(x_tolerance=2)`: one dict per word. `ws`: the chars' `words`,
    when the caller has them already (a page's words serve its lines and its tables)."""
    out = []
    for text, x0, top, x1, bottom, cs, upright, direction in (words(chars) if ws is None else ws):
        out.append({'text': text, 'x0': x0, 'x1': x1, 'top': top, 'doctop': top + (cs[0]['doctop'] - cs[0]['top']),
                    'bottom': bottom, 'upright': upright, 'height': bottom - top, 'width': x1 - x0,
                    'direction': direction})
    return out


def text(chars: list[dict]) -> str:
    """pdfplumber's `extract_text(chars, x_tolerance=2)` (no layout)."""
    if not chars:
        return ''
    ws = words(chars)
    cluster = _clusters([w[2] for w in ws], Y_TOLERANCE)
    ordered = sorted(ws, key=lambda w: cluster[w[2]])
    return '\n'.join(' '.join(w[0] for w in group) for _, group in groupby(ordered, key=lambda w: cluster[w[2]]))


def text_lines(chars: list[dict], ws: list[Word] | None = None) -> list[dict]:
    """pdfplumber's `extract_text_lines(x_tolerance=2)`: {'text', 'x0', 'top', 'x1', 'bottom',
    'chars'} per line, top to bottom as pdfplumber lists them. `ws`: as for word_dicts."""
    ws = words(chars) if ws is None else ws
    if not ws:
        return []
    cluster = _clusters([w[2] for w in ws], Y_TOLERANCE)
    if all(w[0] and ' ' not in w[0] and '\n' not in w[0] for w in ws):
        return _plain_lines(ws, cluster)
    letters: list[str] = []
    owners: list[dict | None] = []
    for i, (_, group) in enumerate(groupby(ws, key=lambda w: cluster[w[2]])):
        if i:
            letters.append('\n')
            owners.append(None)
        for j, w in enumerate(group):
            if j:
                letters.append(' ')
                owners.append(None)
            for c in w[5]:
                for letter in LIGATURES.get(c['text'], c['text']):
                    letters.append(letter)
                    owners.append(c)
    out = []
    for m in _LINE.finditer(''.join(letters)):
        if not m.group(1).strip():
            continue
        cs = [c for c in owners[m.start(1):m.end(1)] if c is not None]
        _, x0, top, x1, bottom, _, _, _ = _word(cs, '')
        out.append({'text': m.group(1), 'x0': x0, 'top': top, 'x1': x1, 'bottom': bottom, 'chars': cs})
    return out


def _letters(text: str) -> str:
    return LIGATURES.get(text, text)


def _plain_lines(ws: list[Word], cluster: dict[float, int]) -> list[dict]:
    """text_lines where no word is empty or holds a space or a line break, as nearly all pages
    are: a line is then its words joined by spaces, with no text to cut apart; its chars are
    theirs, each once a letter it gives (a ligature twice, as the letters' owners list it), and
    its box is theirs (first of equals kept, as _word keeps it)."""
    out = []
    for _, group in groupby(ws, key=lambda w: cluster[w[2]]):
        group = list(group)
        _, x0, top, x1, bottom, _, _, _ = group[0]
        for w in group:
            if w[1] < x0:
                x0 = w[1]
            if w[2] < top:
                top = w[2]
            if w[3] > x1:
                x1 = w[3]
            if w[4] > bottom:
                bottom = w[4]
        cs: list[dict] = []
        for w in group:      # a word of one-letter chars (as long as its text) is its chars as they are
            cs += w[5] if len(w[0]) == len(w[5]) else [c for c in w[5] for _ in _letters(c['text'])]
        out.append({'text': ' '.join([w[0] for w in group]), 'x0': x0, 'top': top, 'x1': x1, 'bottom': bottom,
                    'chars': cs})
    return out
