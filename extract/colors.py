"""Cell and box colours -> colour words, and the deck's own legend of what a colour means.

Outcomes are often said only by a fill ("semaforo"): green / yellow / red. Every producer picks
its own shade, so colours are classified by HUE with tolerance (HSV), never by exact RGB; white,
greys and near-black carry no meaning (row banding, borders, text)."""
from __future__ import annotations

import colorsys
import re

from .layout import RGB
from .text import fold

# hue bands in degrees, [start, end); red wraps around 0
_HUES = (
    ('rosso', 0, 16), ('arancione', 16, 42), ('giallo', 42, 75), ('verde', 75, 170),
    ('azzurro', 170, 200), ('blu', 200, 260), ('viola', 260, 330), ('rosso', 330, 361),
)
MIN_SATURATION = 0.28     # below: white / grey / pastel banding
MIN_VALUE = 0.30          # below: near-black (and very dark navy headers)

# what a status colour means when the document gives no legend
DEFAULT_MEANING = {'verde': 'raggiunto', 'giallo': 'parzialmente raggiunto',
                   'arancione': 'parzialmente raggiunto', 'rosso': 'non raggiunto'}
STATUS_COLOURS = tuple(DEFAULT_MEANING)

# colour words as documents write them -> our colour word
_WORDS = {'verde': 'verde', 'verdi': 'verde', 'giallo': 'giallo', 'gialla': 'giallo', 'gialli': 'giallo',
          'arancione': 'arancione', 'arancio': 'arancione', 'arancioni': 'arancione',
          'rosso': 'rosso', 'rossa': 'rosso', 'rossi': 'rosso', 'azzurro': 'azzurro', 'blu': 'blu',
          'viola': 'viola', 'green': 'verde', 'yellow': 'giallo', 'orange': 'arancione', 'red': 'rosso'}


def hsv(rgb: RGB) -> tuple[float, float, float]:
    """Hue in degrees [0, 360), saturation and value in [0, 1]."""
    r, g, b = (min(1.0, max(0.0, float(x))) for x in rgb)
    h, s, v = colorsys.rgb_to_hsv(r, g, b)
    return h * 360.0, s, v


def colour_word(rgb: RGB | None) -> str | None:
    """'verde', 'giallo', 'rosso', ... for a chromatic fill; None for white/grey/black or no fill."""
    if rgb is None:
        return None
    h, s, v = hsv(rgb)
    if s < MIN_SATURATION or v < MIN_VALUE:
        return None
    for name, lo, hi in _HUES:
        if lo <= h < hi:
            return name
    return None


def is_status_colour(rgb: RGB | None) -> bool:
    return colour_word(rgb) in STATUS_COLOURS


_LEGEND_ITEM = re.compile(
    r'\b(?:in\s+)?(' + '|'.join(sorted(_WORDS, key=len, reverse=True)) + r')\b\s*'
    r'(?:=|:|→|->|–|—|-|\bindica\b|\bsignifica\b|\bcorrisponde a\b|\bper\b)?\s*([^;,.\n=]{3,90})', re.I)


def legend(text: str) -> dict[str, str]:
    """Colour word -> meaning as the document states it, from sentences that name at least two
    colours with a meaning each ('verde = attuato; giallo = attuato parzialmente; rosso = non
    attuato', 'in verde gli obiettivi raggiunti, in giallo quelli raggiunti solo parzialmente').
    Only meanings that speak of an outcome count, so a sentence merely naming colours is ignored."""
    out: dict[str, str] = {}
    for sentence in re.split(r'(?<=[.!?])\s+(?=[A-ZÀ-Ý•])|\n{2,}', text or ''):
        flat = ' '.join(sentence.split())
        found = {}
        for m in _LEGEND_ITEM.finditer(flat):
            colour = _WORDS[m.group(1).lower()]
            meaning = ' '.join(m.group(2).split()).strip(' :-–')
            if colour not in found and _speaks_of_outcome(meaning):
                found[colour] = meaning
        if len(found) >= 2:
            for k, val in found.items():
                out.setdefault(k, val)
    return out


def _speaks_of_outcome(meaning: str) -> bool:
    f = fold(meaning)
    return bool(re.search(r'raggiunt|realizzat|attuat|avviat|conclus|complet|in corso|parzial|'
                          r'in parte|sospes|non |critic|ritard|regolar|svolt', f))


# amber sits between the two bands: a legend naming only one of them means it for both
_NEIGHBOUR = {'arancione': 'giallo', 'giallo': 'arancione'}


def status_text(rgb: RGB | None, legend_: dict[str, str] | None = None) -> str | None:
    """What a status fill says, as text for normalize: the document's legend meaning when it has
    one for this colour (a legend overrides the usual meaning), followed by the colour word so the
    hue still decides when the legend's wording is not understood. None when not a status colour."""
    word = colour_word(rgb)
    if word is None:
        return None
    legend_ = legend_ or {}
    meaning = legend_.get(word) or legend_.get(_NEIGHBOUR.get(word, ''))
    if meaning:
        return f'{meaning} ({word})'
    return word if word in STATUS_COLOURS else None


# ---------------------------------------------------------------- legends drawn as swatches
SWATCH_MAX = 80.0      # a legend swatch is a small square or a slide's shape (up to about an inch), not a cell


def swatch_legend(page, exclude: list[tuple[float, float, float, float]] = ()) -> list[tuple[RGB, str]]:
    """(colour, meaning) for legends drawn as small coloured squares each followed by its words
    ('■ Obiettivo raggiunto  ■ Parzialmente raggiunto  ■ Non raggiunto'), or a legend slide's
    coloured shapes each beside its text box, whatever the hues (even grey). Squares inside `exclude` (the table being read) are cells, not a legend."""
    def inside(f, box):
        return box[0] - 1 <= f.x0 and f.x1 <= box[2] + 1 and box[1] - 1 <= f.top and f.bottom <= box[3] + 1
    swatches = [f for f in page.fills if f.x1 - f.x0 <= SWATCH_MAX and f.bottom - f.top <= SWATCH_MAX
                and not any(inside(f, b) for b in exclude)]
    out: list[tuple[RGB, str]] = []
    for ln in page.lines:
        if ln.furniture:
            continue
        cy = (ln.top + ln.bottom) / 2
        row = sorted((f for f in swatches if f.top - 4 <= cy <= f.bottom + 4 and f.x1 <= ln.x0 + 4
                      or (f.top - 4 <= cy <= f.bottom + 4 and ln.x0 <= f.x0 <= ln.x1)), key=lambda f: f.x0)
        if not row:
            continue
        text = re.sub(r'^\s*legenda\s*:?\s*', '', ln.text, flags=re.I)
        phrases = [text] if len(row) == 1 else _phrases(text)
        if len(phrases) != len(row):
            continue
        for f, meaning in zip(row, phrases):
            if _speaks_of_outcome(meaning):
                out.append((f.rgb, meaning.strip()))
    return out


def _phrases(text: str) -> list[str]:
    """'Obiettivo raggiunto Parzialmente raggiunto Non raggiunto' -> its three capitalised phrases."""
    out: list[str] = []
    for w in text.split():
        if w[:1].isupper() or not out:
            out.append(w)
        else:
            out[-1] += ' ' + w
    return out


def nearest_swatch(rgb: RGB | None, swatches: list[tuple[RGB, str]], tolerance: float = 0.2) -> str | None:
    """The meaning of the legend swatch closest in colour to `rgb`, within `tolerance` (RGB distance)."""
    if rgb is None or not swatches:
        return None
    dist, meaning = min((sum((a - b) ** 2 for a, b in zip(rgb, s)) ** 0.5, m) for s, m in swatches)
    return meaning if dist <= tolerance else None
