"""Text helpers every extractor shares: folding for comparison, fuzzy label matching, bullets.

Labels are recognised by what they say, so every comparison goes through `fold` (case, accents,
line-end hyphenation, punctuation and spacing do not matter) and `similarity`.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache, wraps

from cydifflib import SequenceMatcher   # difflib's algorithm compiled: the same ratios, ~15x faster
from rapidfuzz.distance.Indel import normalized_similarity as _indel

# a checkbox mark: a cross, a tick, a filled box or dot, '[x]'
MARK = r'(?:[xX✗✘✓✔☒☑■●▪◼⊠]|\[\s*[xX]\s*\])'
_LONE_MARK = re.compile(rf'^\s*{MARK}\s*$')


def is_mark(text: str) -> bool:
    """The text is one checkbox mark and nothing else."""
    return bool(_LONE_MARK.match(text))


BULLETS = '•▪➤✓✔►▶◦●■▫‣⁃∙○➢◆◇★·\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8-–—*'
# '(cid:127)': a bullet glyph of a Symbol/Wingdings/Times font that has no Unicode mapping
_CID = re.compile(r'\(cid:\d+\)')
_BULLET_RE = re.compile(r'^\s*(?:[' + re.escape(BULLETS) + r']|\(cid:\d+\)|\d{1,2}[.)](?!\d)|[a-z][.)](?=\s))\s*')
_HYPHEN_BREAK = re.compile(r'(\w)[-\u2010\u2011\u00ad]\s*\n\s*(?=[a-zà-ÿ])')
_WS = re.compile(r'[ \t\u00a0]+')


def strip_accents(s: str) -> str:
    return ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Comparable form: no accents, casefolded, hyphenation joined, only letters/digits/spaces."""
    s = _HYPHEN_BREAK.sub(r'\1', s or '')
    s = strip_accents(s).casefold().replace('’', "'")
    s = re.sub(r"[^0-9a-z%]+", ' ', s)
    return ' '.join(s.split())


# typographic ligatures that Word/InDesign PDFs keep as one glyph ('ﬁnanziamento')
_LIGATURES = str.maketrans({'\ufb00': 'ff', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb03': 'ffi', '\ufb04': 'ffl',
                            '\ufb05': 'st', '\ufb06': 'st'})
_SOFT_OR_LIGATURE = re.compile('[\u00ad\ufb00-\ufb06]')
_LINE_BREAK = re.compile('[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]')     # where str.splitlines cuts


def clean(s: str | None) -> str:
    """Whitespace clean-up that keeps the document's wording: joins line-end hyphenation,
    folds runs of blanks, drops blank lines and trailing spaces; keeps line breaks."""
    if not s:
        return ''
    # it runs on every line and cell of a document: the steps a text does not need are skipped
    if not s.isascii():
        s = unicodedata.normalize('NFC', s)
        if _SOFT_OR_LIGATURE.search(s):
            s = s.replace('\u00ad', '').translate(_LIGATURES)
    if not _LINE_BREAK.search(s):
        return _WS.sub(' ', _glyphs(s)).strip()
    s = _HYPHEN_BREAK.sub(r'\1', s)
    lines = [_WS.sub(' ', _glyphs(ln)).strip() for ln in s.splitlines()]
    return '\n'.join(ln for ln in lines if ln)


def _glyphs(line: str) -> str:
    """Unmapped glyphs '(cid:N)': at the start of a line they are its bullet, elsewhere noise."""
    if '(cid:' not in line:
        return line
    m = re.match(r'\s*\(cid:\d+\)\s*', line)
    head = '• ' if m else ''
    return head + _CID.sub('', line[m.end():] if m else line)


def one_line(s: str | None) -> str:
    """`clean`, then line breaks become spaces (titles, short fields)."""
    return ' '.join(clean(s).split())


def similarity(a: str, b: str, floor: float = 0.5) -> float:
    """Similarity of two already-folded strings in [0, 1]. Below `floor` the value is only an
    upper bound (cheap length and letter-count bounds spare the full comparison of a long cell
    with a short label, which can never be alike)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    bound = 2.0 * min(len(a), len(b)) / (len(a) + len(b))    # real_quick_ratio, before building the matcher
    if bound < floor:
        return bound
    sm = SequenceMatcher(None, a, b, autojunk=False)
    bound = sm.quick_ratio()
    return bound if bound < floor else sm.ratio()


@lru_cache(maxsize=262144)
def label_score(text: str, variant: str) -> float:
    """How well a label cell says `variant` (both raw). Whole-label similarity, or a prefix match
    when the cell carries extra words after the label ("TARGET (destinatari)")."""
    t, v = fold(text), fold(variant)
    if not t or not v:
        return 0.0
    if t == v:
        return 1.0
    best = similarity(t, v)
    if t.startswith(v) and len(v) >= 6:
        best = max(best, 0.93)
    elif len(t) > len(v) and len(v) >= 8:
        best = max(best, similarity(t[:len(v)], v) - 0.05)
    return best


class Vocabolario(dict):
    """field -> its wordings, for best_label and labels.best_field: a dict made once, at import,
    and never changed, hashed as itself so that what a label matched in it is remembered. A
    document asks the same cells again and again (every reader that looks at a table reads its
    header rows, on every page the header repeats), and a vocabulary holds a hundred wordings."""
    __hash__ = object.__hash__


def per_vocabolario(match):
    """`match(text, vocabulary, ...)` remembered where the vocabulary is a Vocabolario; computed
    each time for a plain dict (which cannot be a key)."""
    remembered = lru_cache(maxsize=65536)(match)

    @wraps(match)
    def call(text, vocabulary, *args, **kwargs):
        return (remembered if isinstance(vocabulary, Vocabolario) else match)(text, vocabulary, *args, **kwargs)
    return call


def can_reach(t: str, v: str, score: float) -> bool:
    """label_score of the folded `t` and `v` may reach `score` (at least 0.5, where similarity
    is exact): a bound from their indel similarity, which counts the longest common subsequence
    and so is never below SequenceMatcher's ratio (whose matching blocks are one common
    subsequence). rapidfuzz computes it in C and gives up early below the score: a label is
    compared with every wording of a vocabulary, and most are nothing like it."""
    if t == v:
        return bool(t)
    lt, lv = len(t), len(v)
    if not lt or not lv:
        return False
    if lv >= 6 and t.startswith(v):
        return 0.93 >= score or _alike(t, v, score)
    if lt > lv and lv >= 8 and _alike(t[:lv], v, score + 0.05):
        return True
    return _alike(t, v, score)


def _alike(a: str, b: str, score: float) -> bool:
    # rapidfuzz turns a normalized cut-off into a distance with some rounding, and the same
    # ratio reached by other float steps may differ in its last bit: both are given a margin
    return _indel(a, b, score_cutoff=max(0.0, min(1.0, score) - 0.01)) >= score - 1e-9


@per_vocabolario
def best_label(text: str, vocabulary: dict[str, list[str]], threshold: float = 0.82) -> tuple[str | None, float]:
    """The vocabulary key whose variants best match `text`, or (None, score) below threshold
    (the score then only the best of the wordings compared: those that cannot reach the
    threshold are not)."""
    best_key, best = None, 0.0
    t = fold(text)
    for key, variants in vocabulary.items():
        for v in variants:
            if not can_reach(t, fold(v), max(best, threshold, 0.5)):
                continue
            s = label_score(text, v)
            if s > best:
                best_key, best = key, s
    return (best_key, best) if best >= threshold else (None, best)


def is_bullet_line(line: str) -> bool:
    return bool(_BULLET_RE.match(line))


def strip_bullet(line: str) -> str:
    return _BULLET_RE.sub('', line, count=1).strip()


def split_items(text: str) -> list[str]:
    """A cell's bullet or numbered list as items; a continuation line joins the item above.
    Text with no bullets gives one item per non-empty line."""
    lines = [ln for ln in clean(text).splitlines() if ln.strip()]
    if not lines:
        return []
    if not any(is_bullet_line(ln) for ln in lines):
        return lines
    items: list[str] = []
    for ln in lines:
        if is_bullet_line(ln) or not items:
            items.append(strip_bullet(ln))
        else:
            items[-1] = join_wrapped(items[-1], ln)
    return [i for i in items if i]


def join_wrapped(a: str, b: str) -> str:
    """Join two wrapped lines, mending a hyphen broken at the line end."""
    a, b = a.rstrip(), b.strip()
    if a.endswith('-') and b[:1].islower() and len(a) > 1 and a[-2].isalpha():
        return a[:-1] + b
    return f'{a} {b}' if a else b


# words a line cut mid-phrase ends on: an article, a preposition, a conjunction
OPEN_END = frozenset('di del della dei degli delle e ed o in nel nella con per a al alla da che il la lo le gli i un una'.split())


def goes_on(above: str, text: str) -> bool:
    """`text` carries on the line above it: that line is cut mid-phrase (a comma, a word that
    cannot end one) or `text` does not open as a sentence does (lower case, a figure)."""
    words = fold(above).split()
    return (not text[:1].isupper() and not text.startswith(('•', '-', '–'))) or above.rstrip().endswith(',') \
        or (bool(words) and words[-1] in OPEN_END)
