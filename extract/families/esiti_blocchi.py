"""Esiti of the previous triennio in older plans: one block per objective, with labelled parts
("OBIETTIVO: …", "AZIONI REALIZZATE NEL TRIENNIO …:" bullets, "RISORSE IMPIEGATE:", "COMMENTO:")
and a status box ("OBIETTIVO RAGGIUNTO" / "OBIETTIVO PARZIALMENTE RAGGIUNTO"), often coloured.

Blocks are usually boxed tables whose columns each carry their own labelled parts and may break
across pages, so the reading keeps, per column, which part it is in: a continuation cell on the
next page carries on the part its column was in. The status is the box's words, else its hue."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..colors import colour_word, legend, status_text
from ..layout import RGB, Layout, Line, Table, cell_fill
from ..records import Extraction, RawAnomalia, RawEsito
from ..schema import vocabolario
from ..text import best_label, clean, fold, is_bullet_line, one_line, split_items
from ..contesto import (first_table, in_reading_order, last_table, lines_after, lines_before, table_column, table_position,
                      triennio_valutato)

NAME = 'esiti_blocchi'

# the parts of an evaluation block, in the schema's wordings; a degree of achievement written in
# words is the block's status
CAMPI = ('titolo', 'azioni_realizzate', 'risorse_impiegate', 'commento', 'criticita', 'stato', 'grado_raggiungimento')
ETICHETTE = vocabolario('esito', CAMPI, come={'grado_raggiungimento': 'stato'})
_LABEL_LINE = re.compile(r'^\s*([^:]{2,70}?)\s*:\s*(.*)$')
_STATUS = re.compile(r'^(?:l )?(?:obiettivo |progetto |intervento |azione |stato |esito )?(?:e |e stato )?'
                     r'(?:(?:non|solo|pienamente|completamente|totalmente|parzialmente|in parte|ancora) )*'
                     r'(?:raggiunt|realizzat|attuat|conseguit|avviat|conclus)\w*'
                     r'(?: (?:in parte|parzialmente|solo in parte|pienamente|completamente|totalmente))?$')


@dataclass
class Blocco:
    page: int
    parts: dict[str, list[str]] = field(default_factory=dict)
    stato: str | None = None
    colore: RGB | None = None

    body_page: int | None = None       # where the block's body (first part after the title) starts

    def add(self, key: str, text: str, page: int) -> None:
        if text.strip():
            self.parts.setdefault(key, []).append(text)
            if key != 'titolo' and self.body_page is None:
                self.body_page = page


_FILLER = {'nel', 'del', 'della', 'dei', 'di', 'il', 'la', 'i', 'le', 'per', 'e', 'anno', 'anni', 'triennio',
           'periodo', 'triennalita', 'programmazione', 'n'}


def _label(line: str) -> tuple[str | None, str, str]:
    """(part key, text after the label, label as written) for a 'LABEL: text' line. A bullet item
    is never a label, and a label says little beyond its variant ('AZIONI REALIZZATE NEL
    TRIENNIO 2015-2017'), so 'Progetto Donne Relais: attività …' is text, not a new block."""
    m = _LABEL_LINE.match(line)
    if not m or is_bullet_line(line):
        return None, line, ''
    raw = m.group(1)
    if raw[:1].islower():       # '… Fra gli / interventi realizzati nel triennio: la …' runs on a sentence
        return None, line, ''
    key, _ = best_label(raw, ETICHETTE, 0.84)
    if key is None or _extra_words(raw, key) > (1 if raw.isupper() else 0):
        return None, line, raw
    return key, m.group(2), raw


def _extra_words(raw: str, key: str) -> int:
    """Content words of the label that none of the key's variants has."""
    words = {w for v in ETICHETTE[key] for w in fold(v).split()}
    return sum(1 for w in fold(raw).split() if w not in words and w not in _FILLER and not w.isdigit() and len(w) > 1)


def is_status(text: str) -> bool:
    """A short status box: 'OBIETTIVO RAGGIUNTO', 'Parzialmente raggiunto', 'NON REALIZZATO'."""
    f = fold(text)
    return bool(f) and ':' not in text and bool(_STATUS.match(f))


class _Lettura:
    """The blocks of one table run (or text stream), read cell by cell."""

    def __init__(self, legenda: dict[str, str]):
        self.blocks: list[Blocco] = []
        self.state: dict[int, str] = {}     # column -> part it is in
        self.legenda = legenda
        self.orphans: list[tuple[int, str]] = []
        self.unknown: list[tuple[int, str]] = []
        self.pending: dict[int, str] = {}   # column -> a fragment waiting for its continuation
        self.open = False                   # the last block may still receive parts
        self.source = None                  # 'table' (boxed blocks) or 'text' (labelled paragraphs)
        self.label_size = 0.0

    def interrupt(self) -> None:
        """A table that does not continue the previous one: the open block is closed."""
        self.state, self.pending, self.open, self.source = {}, {}, False, None

    def cell(self, page: int, col: int, text: str, fill: RGB | None, source: str = 'table', size: float = 0.0) -> None:
        text = clean(text)
        if col in self.pending and text:
            text = self.pending.pop(col) + '\n' + text     # 'OBIETTIVO' | page break | 'PARZIALMENTE RAGGIUNTO'
        if _fragment(text) and not is_status(text) and col not in self.state and self.open:
            self.pending[col] = text
            self._colour(fill)
            return
        if is_status(text):
            if self.open:
                self.blocks[-1].stato = one_line(text)
                self.blocks[-1].colore = fill if colour_word(fill) else self.blocks[-1].colore
            return
        if not text:
            self._colour(fill)
            return
        for line in text.splitlines():
            key, rest, raw = _label(line)
            if key == 'titolo':
                self.blocks.append(Blocco(page))
                self.state, self.open, self.source, self.label_size = {}, True, source, size
            if not self.open:
                continue
            if key:
                self.state[col] = key
                if key == 'stato':
                    self.blocks[-1].stato = rest
                    self.blocks[-1].colore = fill if colour_word(fill) else None
                    continue
                self.blocks[-1].add(key, rest, page)
                continue
            if raw and raw.isupper() and raw == line.split(':')[0].strip():
                self.unknown.append((page, raw))
            part = self.state.get(col)
            if part:
                self.blocks[-1].add(part, line, page)
            else:
                self.orphans.append((page, line))

    def _colour(self, fill: RGB | None) -> None:
        """A coloured box with no words says the status by its hue."""
        if self.open and colour_word(fill):
            b = self.blocks[-1]
            b.colore = b.colore or fill
            b.stato = b.stato or status_text(fill, self.legenda)


def _fragment(text: str) -> bool:
    """A short capitalised piece without a colon: the start of a box broken by the page end."""
    return bool(text) and len(text.split()) <= 3 and ':' not in text and text.isupper()


def _is_esito(b: Blocco) -> bool:
    """A titled block with at least one labelled part of an evaluation (a title and a colour
    alone could be any list)."""
    return 'titolo' in b.parts and bool({'azioni_realizzate', 'commento', 'risorse_impiegate', 'criticita'} & set(b.parts))


def _record(b: Blocco, layout: Layout) -> RawEsito:
    fields = {'titolo': one_line(' '.join(b.parts['titolo']))}
    for key in ('risorse_impiegate', 'commento', 'criticita'):
        if key in b.parts:
            fields[key] = '\n'.join(b.parts[key])
    if b.stato:
        fields['stato'] = b.stato
    # the span is often in the label itself ('AZIONI REALIZZATE NEL TRIENNIO 2015-2017')
    local = ' '.join(b.parts.get('_etichette', []))
    tv = triennio_valutato(layout, b.page, local)
    if tv:
        fields['triennio_valutato'] = tv
    azioni = [one_line(a) for a in split_items('\n'.join(b.parts.get('azioni_realizzate', [])))]
    return RawEsito(fields, b.page, azioni_realizzate=[a for a in azioni if a], colore=b.colore)


def extract(layout: Layout) -> Extraction:
    out = Extraction()
    legenda = {}
    for p in layout.pages:
        for k, v in legend(p.text).items():
            legenda.setdefault(k, v)
    lettura = _Lettura(legenda)
    prev = None
    for page in layout.pages:
        done = set()
        if prev is not None and lettura.open and lettura.source == 'table':
            for col, lines in _spilled(prev, page, layout):
                lettura.cell(page.number, col, '\n'.join(ln.text for ln in lines), None, 'table')
                done.update(id(ln) for ln in lines)
        lines = [ln for ln in page.content_lines() if id(ln) not in done]
        for item in _wrapped_joined(in_reading_order(page, lines, page.tables)):    # a page in text columns: column by column
            if isinstance(item, Table):
                _read_table(lettura, item, prev, layout)
                prev = item
            else:
                _read_line(lettura, item, page)
    for b in lettura.blocks:
        if not _is_esito(b):
            continue
        out.esiti.append(_record(b, layout))
        if not b.stato:
            out.anomalie.append(RawAnomalia(b.page, f'esito senza stato leggibile: {one_line(" ".join(b.parts["titolo"]))[:80]!r}'))
    if out.esiti:
        for page, raw in sorted(set(lettura.unknown)):
            out.anomalie.append(RawAnomalia(page, f'etichetta non riconosciuta in un blocco di esiti: {raw[:60]!r}'))
        for page, line in lettura.orphans[:5]:
            out.anomalie.append(RawAnomalia(page, f'testo fuori da ogni parte di un blocco di esiti: {line[:80]!r}'))
    return out


_WRAP = 3      # lines a label or a status box may wrap over in a narrow column


def _wrapped_joined(items: list) -> list:
    """The page's items with a label or status box that wrapped in a narrow column made one line
    again: 'AZIONI REALIZZATE NEL TRIENNIO' + '2015-2017:' -> one label, 'OBIETTIVO PARZIALMENTE'
    + 'RAGGIUNTO' -> one status. Only consecutive lines set alike (same column, size and weight,
    bold or upper-case) whose join reads as a label up to its colon, or as a status, are joined."""
    out, i = [], 0
    while i < len(items):
        joined, n = _join_at(items, i)
        out.append(joined)
        i += n
    return out


def _join_at(items: list, i: int) -> tuple:
    first = items[i]
    if not isinstance(first, Line) or ':' in first.text or not _styled(first) or is_status(first.text):
        return first, 1
    run = [first]
    for nxt in items[i + 1:i + _WRAP]:
        if not (isinstance(nxt, Line) and _same_setting(run[-1], nxt)):
            break
        run.append(nxt)
    for n in range(len(run), 1, -1):        # the longest reading wins: 'OBIETTIVO' + 'PARZIALMENTE' + 'RAGGIUNTO'
        text = ' '.join(ln.text.strip() for ln in run[:n])
        if _wrapped_label(run[:n], text) or (':' not in text and is_status(text)):
            last = run[n - 1]
            return replace(first, text=text, x1=max(ln.x1 for ln in run[:n]), bottom=last.bottom), n
    return first, 1


def _styled(ln: Line) -> bool:
    t = ln.text.strip()
    return bool(t) and not is_bullet_line(t) and (ln.bold or t.isupper() or t.rstrip(':').isupper())


def _same_setting(a: Line, b: Line) -> bool:
    """b carries on a's wrapped line: same column and type, right below it."""
    return (a.page == b.page and a.column == b.column and abs(a.size - b.size) < 0.6 and a.bold == b.bold
            and 0 < b.top - a.top <= 1.8 * max(a.size, 1) and _styled(b))


def _wrapped_label(run: list, text: str) -> bool:
    """The joined lines are a known label whose colon is on the last of them (a colon on an
    earlier line means the label was whole there)."""
    if ':' in ' '.join(ln.text for ln in run[:-1]) or ':' not in run[-1].text:
        return False
    key, _, _ = _label(text)
    return key is not None


def _read_table(lettura: '_Lettura', t: Table, prev: Table | None, layout: Layout) -> None:
    """A boxed block's table; a block written as paragraphs keeps a small status box that follows it."""
    small_box = len(t.rows) <= 2 and t.ncols <= 2
    if lettura.source == 'table' and not (prev is not None and _follows(prev, t, layout)):
        lettura.interrupt()
    elif lettura.source == 'text' and not small_box:
        lettura.interrupt()
    for cells in t.rows:
        for j, c in enumerate(cells):
            if c is not None:
                lettura.cell(t.page, j, c.text, c.fill, 'table' if not (small_box and lettura.source == 'text') else 'text')
                _remember_labels(lettura, c.text)


def _read_line(lettura: '_Lettura', ln, page) -> None:
    """A paragraph line: part of a block written as labelled paragraphs ('Obiettivo: …',
    'Azioni realizzate:', …); text between boxed blocks or a heading closes the open block."""
    if lettura.open and (lettura.source == 'table' or ln.size > lettura.label_size + 1):
        lettura.interrupt()
    lettura.cell(page.number, 0, ln.text, cell_fill(page.fills, ln.x0, ln.top, ln.x1, ln.bottom), 'text', ln.size)
    _remember_labels(lettura, ln.text)


def _spilled(prev: Table, page, layout: Layout) -> list[tuple[int, list]]:
    """Text at the top of the page after a box broke off at the previous page's end, when the
    rest of the box was drawn without a readable grid: (column of the box, text) by position."""
    if page.number != prev.page + 1 or last_table(layout.page(prev.page)) is not prev:
        return []
    if lines_after(layout.page(prev.page), prev):
        return []
    nxt = first_table(page)
    limit = nxt.bbox[1] if nxt else page.height
    nxt_at = table_position(page, nxt) if nxt else len(page.lines)
    nxt_col = table_column(page, nxt) if nxt else 0
    position = {id(ln): i for i, ln in enumerate(page.lines)}
    box_sizes = sorted(ln.size for ln in layout.page(prev.page).lines if ln.in_table and prev.bbox[1] <= ln.top <= prev.bbox[3])
    body = box_sizes[len(box_sizes) // 2] if box_sizes else 0
    lines = []
    for ln in page.content_lines():
        if position[id(ln)] > nxt_at or (ln.column == nxt_col and ln.bottom >= limit - 2) or ln.size > body + 1:
            break     # the next table, or a heading: the box has ended
        lines.append(ln)
    if not lines or not (prev.bbox[0] - 5 <= min(ln.x0 for ln in lines) <= prev.bbox[2]):
        return []
    last = [c for c in prev.rows[-1]]
    by_col: dict[int, list] = {}
    for ln in lines:
        col = next((j for j, c in enumerate(last) if c is not None and c.x0 - 3 <= ln.x0 <= c.x1), 0)
        by_col.setdefault(col, []).append(ln)
    return sorted(by_col.items(), key=lambda kv: kv[0])


def _follows(prev: Table, nxt: Table, layout: Layout) -> bool:
    """`nxt` carries on the box `prev` broke off at a page end: first table of the next page, with
    no content between them (the grid may differ: a continuation is often one merged cell)."""
    if nxt.page != prev.page + 1:
        return False
    p_prev, p_next = layout.page(prev.page), layout.page(nxt.page)
    if last_table(p_prev) is not prev or first_table(p_next) is not nxt:
        return False
    return not lines_after(p_prev, prev) and not lines_before(p_next, nxt)


def _remember_labels(lettura: _Lettura, text: str) -> None:
    """Keep the labels' own words on the block (a triennio named in a label belongs to it)."""
    if not lettura.open:
        return
    for line in clean(text).splitlines():
        key, _, raw = _label(line)
        if key:
            lettura.blocks[-1].parts.setdefault('_etichette', []).append(raw)
