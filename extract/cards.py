"""Label | content cards, whatever their layout: read every table of the document as rows of
(label, content, page), resolve yes/no checkbox columns, join rows that broke across a page,
map labels to schema fields through extract/labels.py, and cut the rows into cards.

A card is recognised by the labels it contains (see `kind_of`), never by position or row count.
The scheda, distretto and esiti families all read the cards from here (computed once per layout).
Also: the headings and context lines written above a card, in document order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .labels import (DISTRETTO_ONLY, ESITO_ONLY, IN_CARD, SCHEDA_ONLY, THRESHOLD, column_titles_row, context_field,
                     field_of, variant_field, whole_variant)
from .layout import Cell, Layout, Line, Table
from .tables import TableRun, table_runs
from .text import clean, fold, is_bullet_line, is_mark, join_wrapped, strip_bullet

_OPTION = {'si': 'SI', 'sì': 'SI', 'no': 'NO', 'in parte': 'SI, in parte', 'parzialmente': 'Parzialmente',
           'si in parte': 'SI, in parte'}


@dataclass
class Riga:
    label: str
    content: str
    page: int
    field: str | None = None
    score: float = 0.0
    part: int = 0                 # index of the physical table in its run (page breaks)
    top: float = 0.0              # where the row starts on its page, when read from text lines
    last_page: int = 0            # page of its last content line, when read from text lines
    bottom: float = 0.0           # bottom of its last line on last_page, when read from text lines
    box: tuple[float, float, float, float] | None = None   # the answer's cells, when read from a table


@dataclass
class Scheda:
    righe: list[Riga]
    page_start: int
    page_end: int
    top: float                    # top of the card's first table on page_start
    kind: str | None = None       # 'scheda' | 'distretto' | 'esito' | None (card-like, not recognised)
    nota: str = ''                # why a card-like table could not be read, for its anomalia

    def fields(self) -> dict[str, str]:
        """field -> content; a field written in several rows is joined."""
        out: dict[str, str] = {}
        for r in self.righe:
            if r.field:
                out[r.field] = f'{out[r.field]}\n{r.content}' if out.get(r.field) and r.content else (out.get(r.field) or r.content)
        return out

    def rows_of(self, name: str) -> list[Riga]:
        return [r for r in self.righe if r.field == name]

    @property
    def unknown(self) -> list[Riga]:
        return [r for r in self.righe if r.field is None and fold(r.label)]


# ---------------------------------------------------------------- reading rows
def _option_columns(rows: list[list[Cell | None]]) -> dict[int, str]:
    """Columns headed by a yes/no option ('SI', 'NO', 'IN PARTE'): column index -> option text.
    A heading names different options and the cells under it hold marks or nothing; 'SI | SI | SI'
    over long texts is a row of answers of cards set side by side."""
    for i, cells in enumerate(rows):
        opts = {j: _OPTION[fold(c.text)] for j, c in enumerate(cells) if j > 0 and c and fold(c.text) in _OPTION}
        if len(opts) >= 2 and len(set(opts.values())) >= 2 and _marks_below(rows[i + 1:], opts):
            return opts
    return {}


def _marks_below(rows: list[list[Cell | None]], opts: dict[int, str]) -> bool:
    """Under the options, rows that keep their option cells apart hold marks. Rows whose content
    is drawn across the option columns say nothing, nor do rows of option words only (the header
    repeated on a new page -- or answers 'SI | NO' of cards side by side, which are no marks)."""
    apart = [r for r in rows if all(j < len(r) and r[j] is not None for j in opts)]
    apart = [r for r in apart if not all(fold(r[j].text) in _OPTION for j in opts if r[j].text.strip())]
    below = [r[j].text for r in apart for j in opts if r[j].text.strip()]
    marks = sum(is_mark(t) for t in below)
    return bool(below) and marks >= 0.5 * len(below)


def _number_column(rows: list[list[Cell | None]]) -> bool:
    """The first column only numbers the rows ('1', '2.', 'a)'): the label is in the second."""
    firsts = [fold(r[0].text) for r in rows if r and r[0] is not None and len(r) > 2]
    filled = [f for f in firsts if f]
    return len(filled) >= 3 and sum(bool(re.fullmatch(r'\d{1,2}( \d{1,2})?|[a-z]', f)) for f in filled) >= 0.7 * len(filled)


def _row_text(cells: list[Cell | None], label_col: int, options: dict[int, str]) -> tuple[str, str] | None:
    """(label, content) of one row; a mark under an option column becomes that option's text.
    None for the options' own heading row."""
    label_cell = cells[label_col] if label_col < len(cells) else None
    label = label_cell.text if label_cell else ''
    rest = [(j, c) for j, c in enumerate(cells) if j > label_col and c is not None and c.text.strip()]
    if options and rest and all(j in options and fold(c.text) in _OPTION for j, c in rest):
        return None     # the options' heading row, with or without a title over the labels ('Voce | SI | NO')
    parts = []
    for j, c in rest:
        if j in options and is_mark(c.text):
            parts.append(options[j])
        elif not (j in options and fold(c.text) in _OPTION and len(rest) > 1 and not is_mark(c.text)):
            parts.append(c.text)
    return label, '\n'.join(parts)


def column_titles(cells: list[Cell | None]) -> bool:
    """A row of column titles ('Obiettivo | Azioni | Tempi', 'Descrizione | Esito | Criticità'): two or
    more of its cells are labels of the vocabulary. A card's row has one label and its content; the
    yes/no options over checkbox columns are not titles."""
    texts = [one(c.text) for c in cells if c is not None and fold(c.text) and fold(c.text) not in _OPTION]
    if any(len(t) > 80 or is_bullet_line(t) for t in texts):
        return False        # a sentence or a list: content, not a title
    return sum(len(t) <= 50 and len(t.split()) <= 6 and field_of(t)[0] is not None for t in texts) >= 2


def has_column_titles(rows: list[list[Cell | None]]) -> bool:
    """The table opens with a row of column titles and its first column below holds data, not
    labels: one record per row, not a label | content card (whose title row may well say words of
    the vocabulary: 'Titolo | Digitalizzazione dei servizi')."""
    filled = [r for r in rows if any(c is not None and c.text.strip() for c in r)]
    for i, head in enumerate(filled[:2]):
        if column_titles(head):
            firsts = [one(r[0].text) for r in filled[i + 1:] if r and r[0] is not None and fold(r[0].text)]
            labels = sum(field_of(t)[0] is not None for t in firsts)
            return not firsts or labels < 0.5 * len(firsts)
    return False


# a card's own heading: 'OBIETTIVO 1 – Titolo', 'Scheda n. 2: Titolo', 'Progetto 3', 'Obiettivo A)'
# 'Obiettivo 3 –', 'Scheda obiettivo n. 2:', and a word or two before a number mark ('Obiettivo
# valutato n. 1:', 'Progetto strategico nr. 4 -')
_N = r'(?:numero|num\.?|nr\.?|n°|n\.?)'
_HEADING = re.compile(r'^\s*(?:scheda|obiettivo|progetto|intervento|esito|indicatore|azione)(?:\s+(?:obiettivo|progetto))?'
                      r'(?:(?:\s+[^\W\d]+){1,2}?\s+' + _N + r'|(?:\s*' + _N + r')?)\s*(\d{1,2}(?:\.\d{1,2})*|[A-Z])\b\s*'
                      r'(?:[-–—:.)]+\s*(.*))?$', re.S | re.I)


def card_heading(text: str) -> tuple[str | None, str]:
    """(numero, titolo) of a card's heading row: 'OBIETTIVO 1 – Il durante noi' -> ('1', 'Il durante
    noi'); a heading without a number is all title."""
    t = one(text)
    m = _HEADING.match(t)
    return (m.group(1), (m.group(2) or '').strip()) if m else (None, t)


def _spanning(cells: list[Cell | None]) -> Cell | None:
    """The one cell of a row drawn across the whole table (the others merged into it)."""
    present = [c for c in cells if c is not None]
    return present[0] if len(cells) >= 2 and len(present) == 1 and present[0].text.strip() else None


def _heading_row(cells: list[Cell | None], label_col: int, first: bool) -> str | None:
    """The text of a row that heads a card rather than being one of its label | content rows: a
    row saying 'OBIETTIVO n – ...' / 'Scheda n: ...' with nothing beside it, or the table's first
    row drawn across the table that is no label of the vocabulary."""
    span = _spanning(cells)
    texts = [c.text for c in cells if c is not None and c.text.strip()]
    if len(texts) != 1:
        return None
    text = one(texts[0])
    if len(text) > 300:
        return None
    if _HEADING.match(text):
        return text     # 'OBIETTIVO 2 – ...' alone on its row, wherever it stands ('| Esito 2' over a column)
    if span is not None and first and field_of(_label_part(text))[0] is None:
        return text
    return None


def _label_part(text: str) -> str:
    return text.split(':', 1)[0] if ':' in text[:120] else text


def _classify(r: Riga) -> Riga:
    r.field, r.score = field_of(one(r.label)) if fold(r.label) else (None, 0.0)
    return r


def one(s: str) -> str:
    return ' '.join(clean(s).split())


def read_rows(run: TableRun) -> list[Riga]:
    """Rows of a label | content table run, continuation rows joined (see tables.label_rows), plus:
    checkbox columns resolved, a numbering column skipped, and a label that broke across a page
    ('QUALI RISULTATI VUOLE' / 'RAGGIUNGERE?') joined when the joined label reads better."""
    all_rows = [cells for t in run.parts for cells in t.rows]
    options = _option_columns(all_rows)
    label_col = 1 if _number_column(all_rows) else 0
    out: list[Riga] = []
    for part_i, t in enumerate(run.parts):
        first_on_page = True            # no row read yet from this part (its repeated column titles aside)
        for cells in t.rows:
            if not any(c is not None and c.text.strip() for c in cells):
                continue
            if _column_titles(cells, label_col):
                continue                # 'Voce | Contenuto', at the top of the table or repeated on each page
            first, first_on_page = first_on_page, False
            head = _heading_row(cells, label_col, first=not out)
            if head is not None:
                out.append(Riga(head, '', t.page, 'intestazione', 1.0, part_i))
                continue
            span = _spanning(cells)
            if span is not None and _spanned_row(out, span, t.page, part_i):
                continue
            got = _row_text(cells, label_col, options)
            if got is None:
                continue
            label, content = got
            if out and not fold(label):
                prev = out[-1]
                prev.content = f'{prev.content}\n{content}' if prev.content and content else prev.content or content
                continue
            answer = [c for j, c in enumerate(cells) if c is not None and j != label_col]
            box = (min(c.x0 for c in answer), min(c.top for c in answer), max(c.x1 for c in answer),
                   max(c.bottom for c in answer)) if answer else None
            r = _classify(Riga(label, content, t.page, part=part_i, box=box))
            if out and first and part_i > 0 and _joins_previous(out[-1], r):
                prev = out[-1]
                prev.label = join_wrapped(prev.label, label)
                prev.content = f'{prev.content}\n{content}' if prev.content and content else prev.content or content
                _classify(prev)
                continue
            out.append(r)
    return out


def _column_titles(cells: list[Cell | None], label_col: int) -> bool:
    label = cells[label_col].text if label_col < len(cells) and cells[label_col] is not None else ''
    rest = [c.text for j, c in enumerate(cells) if j > label_col and c is not None]
    return column_titles_row(one(label), [one(t) for t in rest])


def _spanned_row(out: list[Riga], span: Cell, page: int, part: int) -> bool:
    """A row drawn across the table inside a card: 'LABEL: content' on one line is that label's
    row; text under a label row that has no content yet is that label's content (labels and
    contents stacked). Anything else is left to be read as a row (reported if no label)."""
    text = clean(span.text)
    head = _label_part(one(text))
    if head != one(text):
        field, score = field_of(one(head))
        if field is not None and score >= THRESHOLD:
            out.append(Riga(head, text.split(':', 1)[1].strip(), page, field, score, part))
            return True
    if out and out[-1].field and not out[-1].content and field_of(one(text))[0] is None:
        out[-1].content = text
        return True
    return False


def _joins_previous(prev: Riga, r: Riga) -> bool:
    """First row on a new page: is its label the tail of the label above? It is when it reads as
    one ('dell'intervento', '2021-2023?'), when the joined label reads better than either part, or
    when the joined label is a whole variant of the label above while the fragment alone is no
    variant of anything ('RISORSE ECONOMICHE' + 'PREVENTIVATE', which only a keyword ties to another
    field), or when both halves name the same field ('QUALE IMPATTO ...?' / '(INDICATORI DI
    OUTCOME)': no card asks the same thing twice in a row): the page broke the label cell too."""
    if r.field is not None and r.field == prev.field:
        return True
    joined_label = one(join_wrapped(prev.label, r.label))
    joined, joined_score = field_of(joined_label)
    if joined is None:
        return r.field is None and (r.label.strip()[:1].islower() or r.label.strip()[:1] in ')?.,;:' or
                                    r.label.strip()[:1].isdigit())
    if joined_score > max(prev.score, r.score) + 0.02 or (r.field is None and joined == prev.field):
        return True
    return joined == prev.field and joined_score >= prev.score and whole_variant(joined_label, joined) \
        and variant_field(one(r.label))[0] is None


# ---------------------------------------------------------------- cutting rows into cards
def kind_of(fields: set[str]) -> str | None:
    """What a set of labels says the card is. Esiti and schede have labels of their own; a
    distretto card has its own too (strumenti, monitoraggio, governance...). A card whose labels
    are all a distretto card's (Descrizione / Destinatari / Azioni / Tempi / Governance) is one as
    soon as one of them is a distretto card's own -- 'Obiettivo' alone says nothing, every kind of
    card may have it."""
    esito, scheda, distretto = len(fields & ESITO_ONLY), len(fields & SCHEDA_ONLY), len(fields & DISTRETTO_ONLY)
    if esito >= 3 and esito >= scheda:
        return 'esito'
    if len(fields) >= 4 and scheda >= 2 and scheda >= distretto:
        return 'scheda'
    if len(fields) >= 4 and distretto >= 2:
        return 'distretto'
    if len(fields) >= 4 and fields & DISTRETTO_OWN and not fields & (SCHEDA_ONLY | ESITO_ONLY):
        return 'distretto'
    return None


# the labels only a distretto card has, that no other card could say in other words
DISTRETTO_OWN = DISTRETTO_ONLY - {'obiettivi_specifici'}


_STARTS = ('titolo', 'intestazione')


def cut_cards(rows: list[Riga]) -> list[list[Riga]]:
    """A new card starts at a heading or title row, or where a label already seen in the current
    card comes again (cards without a title row, one after another in one table). A title row
    right under the card's heading row or its number row belongs to it."""
    cards: list[list[Riga]] = []
    seen: set[str] = set()
    for r in rows:
        starts = r.field in _STARTS or (r.field is not None and r.field in seen)
        if r.field == 'titolo' and seen and seen <= {'intestazione', 'numero'}:
            starts = False
        if not cards or (starts and seen):
            cards.append([])
            seen = set()
        cards[-1].append(r)
        if r.field:
            seen.add(r.field)
    return cards


def heading_fields(righe: list[Riga]) -> list[Riga]:
    """A card's heading row gives its numero and, when no row names the title, its titolo; a
    heading row that gives neither stays a row without a field (reported, never dropped)."""
    out: list[Riga] = []
    has_title = any(r.field == 'titolo' for r in righe)
    for r in righe:
        if r.field != 'intestazione':
            out.append(r)
            continue
        numero, titolo = card_heading(r.label)
        got = []
        if numero:
            got.append(Riga(r.label, numero, r.page, 'numero', 1.0, r.part))
        if titolo and not has_title:
            got.append(Riga(r.label, titolo, r.page, 'titolo', 1.0, r.part))
            has_title = True
        if not got:
            r.field, r.score = None, 0.0
            got.append(r)
        out += got
    return out


# ---------------------------------------------------------------- cards side by side
def side_by_side(run: TableRun) -> list[int]:
    """Content columns of a table that sets cards side by side (labels down the first column, one
    esito or scheda per further column): two or more columns filled in most labelled rows, none a
    yes/no checkbox column. [] for an ordinary label | content table."""
    rows = [cells for t in run.parts for cells in t.rows]
    if _option_columns(rows):
        return []
    label_col = 1 if _number_column(rows) else 0
    labelled = [r for r in rows if label_col < len(r) and r[label_col] is not None and fold(r[label_col].text)]
    if len(labelled) < 3:
        return []
    said = [field_of(one(r[label_col].text)) for r in labelled]
    known = {f for f, s in said if f and s >= THRESHOLD}
    if kind_of(known) is None or sum(f is not None for f, _ in said) < 0.6 * len(labelled):
        return []
    cols = []
    for j in range(label_col + 1, max(len(r) for r in rows)):
        texts = [r[j].text for r in labelled if j < len(r) and r[j] is not None and r[j].text.strip()]
        yes_no = sum(is_mark(t) or fold(t) in _OPTION or not fold(t) for t in texts)
        if len(texts) >= 0.5 * len(labelled) and yes_no < 0.5 * len(texts):
            cols.append(j)
    return cols if len(cols) >= 2 else []


def _column_run(run: TableRun, j: int) -> TableRun:
    """The label column and column j of a side-by-side table, as a label | content table; a cell
    merged across several cards' columns belongs to each of them."""
    rows = [cells for t in run.parts for cells in t.rows]
    label_col = 1 if _number_column(rows) else 0
    starts = [r[j].x0 for r in rows if j < len(r) and r[j] is not None]
    x0 = min(starts) if starts else 0.0
    parts = []
    for t in run.parts:
        projected = []
        for cells in t.rows:
            cell = cells[j] if j < len(cells) else None
            if cell is None:
                left = [cells[k] for k in range(min(j, len(cells)) - 1, label_col, -1) if cells[k] is not None]
                cell = left[0] if left and left[0].x1 > x0 + 2 else None
            projected.append([cells[label_col] if label_col < len(cells) else None, cell])
        parts.append(Table(t.page, t.bbox, projected))
    return TableRun(parts)


def card_rows(run: TableRun) -> list[list[Riga]]:
    """The label | content rows of a table run: one list, or one per card when cards stand side
    by side."""
    cols = side_by_side(run)
    if cols:
        return [read_rows(_column_run(run, j)) for j in cols]
    return [read_rows(run)]


def schede(layout: Layout) -> list[Scheda]:
    """All label | content cards of the document (recognised or merely card-like), in order.
    Computed once per layout: three families read them."""
    cached = getattr(layout, '_pdz_schede', None)
    if cached is not None:
        return cached
    out: list[Scheda] = []
    for run in table_runs(layout):
        if run.parts[0].ncols < 2:
            out += _labels_only(run)
            continue
        if has_column_titles(run.parts[0].rows):
            continue
        for righe in (heading_fields(c) for rows in card_rows(run) for c in cut_cards(rows)):
            known = {r.field for r in righe if r.field and r.score >= THRESHOLD} - {'numero'}
            if not known:
                continue
            top = run.parts[0].bbox[1] if righe[0].page == run.page_start else 0.0
            s = Scheda(righe, righe[0].page, righe[-1].page, top, kind_of(known))
            if s.kind is None and len(known) < 3:    # two stray labels do not make a card
                continue
            _read_in_card(s)
            out.append(s)
    _merge_split_cards(out)
    layout._pdz_schede = out   # type: ignore[attr-defined]
    return out


def _labels_only(run: TableRun) -> list[Scheda]:
    """A one-column table whose rows are card labels: the labels were drawn as cells and their
    contents were not (a borderless table whose only shaded column made the grid). Nothing of it
    can be read, but it must not vanish: a card with no kind, reported by the scheda family."""
    righe = [_classify(Riga(c.text, '', t.page, part=i)) for i, t in enumerate(run.parts)
             for cells in t.rows for c in cells if c is not None and fold(c.text)]
    known = {r.field for r in righe if r.field and r.score >= THRESHOLD} - {'numero', 'titolo'}
    if len(known) < 3:
        return []
    return [Scheda(righe, run.page_start, run.page_end, run.parts[0].bbox[1], None,
                   'solo la colonna delle etichette è una tabella: il contenuto accanto non è stato letto')]


def _read_in_card(card: Scheda) -> None:
    """Labels whose meaning depends on the card's kind (labels.IN_CARD): 'Obiettivo' in an esito is
    its title, unless the card has a title row of its own."""
    aliases = IN_CARD.get(card.kind or '', {})
    have = {r.field for r in card.righe}
    for r in card.righe:
        if r.field in aliases and aliases[r.field] not in have:
            r.field = aliases[r.field]
            have.add(r.field)


def _merge_split_cards(cards: list[Scheda]) -> None:
    """A card drawn as two tables (a heading line between them, or a different grid after a page
    break): the second part has no title and only labels the first lacks; join them (a first
    part too short to say its kind is one when the two parts say it together)."""
    i = 1
    while i < len(cards):
        a, b = cards[i - 1], cards[i]
        fa = {r.field for r in a.righe if r.field}
        fb = {r.field for r in b.righe if r.field}
        if (a.kind or kind_of(fa | fb)) and fb and not (fb & fa) and 'titolo' not in fb \
                and b.page_start - a.page_end <= 1 and (b.kind in (None, a.kind)):
            a.righe += b.righe
            a.page_end = b.page_end
            a.kind = kind_of(fa | fb) or a.kind
            del cards[i]
            continue
        i += 1


# ---------------------------------------------------------------- what is written above a card
def content_lines(layout: Layout) -> list[Line]:
    """Every content line outside tables, in reading order."""
    cached = getattr(layout, '_pdz_lines', None)
    if cached is None:
        cached = [ln for p in layout.pages for ln in p.content_lines()]   # Page.lines are in reading order
        layout._pdz_lines = cached   # type: ignore[attr-defined]
    return cached


def lines_before(layout: Layout, page: int, top: float) -> list[Line]:
    return [ln for ln in content_lines(layout) if ln.page < page or (ln.page == page and ln.bottom <= top + 1)]


def paragraph(lines: list[Line], i: int) -> tuple[str, int]:
    """Line i joined with the lines below that continue it (same style, close below, not a new
    heading or context label). Returns (text, index of the last line used)."""
    text, j = lines[i].text, i
    while j + 1 < len(lines):
        a, b = lines[j], lines[j + 1]
        gap = b.top - a.bottom
        if b.page != a.page or b.bold != a.bold or abs(b.size - a.size) > 0.6 or gap > max(a.bottom - a.top, 6) * 1.2:
            break
        if _NUMBERED.match(b.text) or context_field(b.text)[0] or (is_bullet_line(b.text) and b.text.lstrip()[:1] not in '-–—'):
            break
        text, j = join_wrapped(text, b.text), j + 1
    return text, j


_NUMBERED = re.compile(r'^\s*(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+(\S.*)$')


def heading_above(layout: Layout, card: Scheda, max_gap: float = 60) -> tuple[str | None, str]:
    """The bold line(s) right above a card's table ('1. Riduzione dei rischi...', 'Scheda 2 –
    Dai PrInS ...') as (numero, titolo); numero None when unnumbered. ('', '') when nothing stands
    right above."""
    return heading_at(layout, card.page_start, card.top, max_gap)


def heading_at(layout: Layout, page: int, top: float, max_gap: float = 60) -> tuple[str | None, str]:
    """`heading_above` for any block: the bold heading right above `top` on `page`."""
    block = heading_lines(layout, page, top, max_gap)
    if not block:
        return None, ''
    text = ''
    for ln in block:
        text = join_wrapped(text, ln.text)
    m = _NUMBERED.match(text)
    if m:
        return m.group(1), m.group(2).strip()
    numero, titolo = card_heading(text)
    return (numero, titolo) if numero and titolo else (None, text.strip())


def heading_page(layout: Layout, card: Scheda, max_gap: float = 60) -> int:
    """Where the card begins when its title stands above its table: the title's page -- the page
    before the table's when the title was left at that page's foot."""
    block = heading_lines(layout, card.page_start, card.top, max_gap)
    return block[0].page if block else card.page_start


def heading_lines(layout: Layout, page_no: int, top: float, max_gap: float = 60) -> list[Line]:
    """The lines of the bold heading right above `top` (a card's table, any block) on its page,
    or at the foot of the page before when the block opens its page; [] when nothing
    heading-like stands there."""
    page = layout.page(page_no)
    above = [ln for ln in page.content_lines() if ln.bottom <= top + 1]   # in reading order
    if not above:
        above = _foot_of_previous_page(layout, page_no)
    elif top - above[-1].bottom > max_gap:
        return []
    if not above:
        return []
    block = [above[-1]]
    for ln in reversed(above[:-1]):
        if block[0].top - ln.bottom > max(ln.bottom - ln.top, 6) * 1.2 or ln.bold != block[0].bold or abs(ln.size - block[0].size) > 0.6:
            break
        block.insert(0, ln)
    if not block[0].bold and block[0].size <= _body_size(layout):
        return []
    return block


def _foot_of_previous_page(layout: Layout, page: int) -> list[Line]:
    """A table that opens its page may have its heading left at the foot of the page before: that
    page's text lines, when text (not a table) is the last thing on it."""
    if page <= 1:
        return []
    lines = layout.page(page - 1).content_lines(include_tables=True)
    if not lines or lines[-1].in_table:
        return []
    return [ln for ln in lines if not ln.in_table]


def _body_size(layout: Layout) -> float:
    cached = getattr(layout, '_pdz_body', None)
    if cached is None:
        from collections import Counter
        sizes = Counter(ln.size for ln in content_lines(layout))
        cached = sizes.most_common(1)[0][0] if sizes else 10.0
        layout._pdz_body = cached   # type: ignore[attr-defined]
    return cached


def context_above(layout: Layout, card: Scheda) -> dict[str, tuple[str, int]]:
    """The latest context lines before the card ('Macroaree di co-programmazione (livello di
    Ambito): X' -> macroarea; '... (livello di Regione Lombardia): Y' -> aree_regionali), each
    with its page. A numbered section heading between the context and the card ends it."""
    lines = lines_before(layout, card.page_start, card.top)
    out: dict[str, tuple[str, int]] = {}
    i = len(lines) - 1
    while i >= 0:
        ln = lines[i]
        key, _ = context_field(ln.text)
        if key and key not in out:
            start = i
            text, _ = paragraph(lines, start)
            out[key] = (context_field(text)[1].rstrip(' .;'), ln.page)
        elif _is_heading(layout, ln) and _NUMBERED.match(ln.text) and out:
            break
        elif _is_heading(layout, ln) and _NUMBERED.match(ln.text) and fold(ln.text).count(' ') >= 0 and \
                _NUMBERED.match(ln.text).group(1).count('.') == 0:
            break   # a top-level section above: older context belongs to other cards
        i -= 1
    return out


def _is_heading(layout: Layout, ln: Line) -> bool:
    return ln.bold or ln.size > _body_size(layout) + 0.9


is_heading = _is_heading
NUMBERED = _NUMBERED


def section_heading(layout: Layout, card: Scheda, depth_min: int = 1) -> tuple[str, str, int] | None:
    """Nearest numbered heading above the card with at least `depth_min` dots in its number
    ('5.1. Domiciliarità – ...'): (numero, text joined over its lines, page)."""
    lines = lines_before(layout, card.page_start, card.top)
    for i in range(len(lines) - 1, -1, -1):
        ln = lines[i]
        m = _NUMBERED.match(ln.text)
        if m and _is_heading(layout, ln) and m.group(1).strip('.').count('.') >= depth_min:
            text, _ = paragraph(lines, i)
            m2 = _NUMBERED.match(text)
            return m2.group(1), m2.group(2).strip(), ln.page
        if m and _is_heading(layout, ln) and m.group(1).strip('.').count('.') < depth_min:
            return None
    return None


def find_line_before(layout: Layout, card: Scheda, pattern: str) -> tuple[str, int] | None:
    """Latest heading-like line (joined over its lines) before the card whose folded text matches."""
    lines = lines_before(layout, card.page_start, card.top)
    for i in range(len(lines) - 1, -1, -1):
        if _is_heading(layout, lines[i]) and re.search(pattern, fold(lines[i].text)):
            text, _ = paragraph(lines, i)
            return text, lines[i].page
    return None


# ---------------------------------------------------------------- lists inside cells
_CAPS_HEAD = re.compile(r"^[A-ZÀ-Ý'’]{3,}(?:[\s\-–]+[A-ZÀ-Ý'’]{2,})+\b|^[A-ZÀ-Ý'’]{4,}$")
_KEY_VALUE = re.compile(r'^[A-Za-zÀ-ÿ .]{2,40}:\s')


def _is_subheading(line: str) -> bool:
    """'SCUOLA', 'LUOGHI DI LAVORO', 'Area PPT: 5. ...', 'Entro la fine del 2025:' — a line that
    groups the items below it, not an item."""
    s = line.strip()
    return bool(_CAPS_HEAD.match(s)) or s.endswith(':') or bool(_KEY_VALUE.match(s))


def list_items(text: str, headings: bool = True) -> list[str]:
    """A cell's list as items: one per bullet or numbered item. A line that only groups the items
    ('SCUOLA', 'Area PPT: ...', 'Entro la fine del 2025:') is dropped with its continuation lines;
    a plain line after an item that ends a sentence ('.', ';') and starts upper-case starts a new
    item, otherwise it continues the item. Without bullets: one item per sentence-ending group."""
    lines = [ln for ln in clean(text).splitlines() if ln.strip()]
    glyphs = {ln.lstrip()[:1] for ln in lines if is_bullet_line(ln)}
    items: list[str] = []
    state, prev = None, ''          # state: 'item' | 'head' | None
    for ln in lines:
        bullet = is_bullet_line(ln)
        if bullet and ln.lstrip()[:1] in '-–' and glyphs - {'-', '–'} and state == 'item' \
                and not re.search(r'[.;:]\s*$', items[-1]):
            bullet = False           # '- Osservatorio;' finishes the item above, it is not an item
        body = strip_bullet(ln) if bullet else ln.strip()
        # 'Sensibilizzazione ... da parte' / 'di: Cure Primarie, ...': a lower-case line carrying on
        # an unfinished item is no grouping line, whatever colon it has
        goes_on = not bullet and state == 'item' and body[:1].islower() and not re.search(r'[.;:]\s*$', items[-1])
        if headings and not goes_on and ((bullet and body.endswith(':')) or (not bullet and _is_subheading(body))):
            state = 'head'
        elif bullet:
            items.append(body)
            state = 'item'
        elif state == 'head' and not re.search(r'[.;:]\s*$', prev):
            pass                     # the heading goes on
        elif state == 'item' and not (re.search(r'[.;]\s*$', items[-1]) and body[:1].isupper()):
            items[-1] = join_wrapped(items[-1], body)
        else:
            items.append(body)
            state = 'item'
        prev = body
    return [i for i in items if i]


_IND_HEAD = re.compile(r'^\s*indicator[ei]\s+(?:di\s+|del\s+|d\W)?\s*(process\w*|output|outcome|risultat\w*|impatt\w*|esit\w*|realizzazion\w*)?\s*[:.]?\s*(.*)$', re.I)


def indicator_blocks(text: str) -> tuple[str, list[tuple[str | None, str]]]:
    """Split a cell at 'Indicatori di processo/output/outcome:' headings: (text before the first
    heading, [(tipo as written, item text)])."""
    lines = clean(text).splitlines()
    before, blocks, tipo, cur = [], [], None, None
    for ln in lines:
        m = _IND_HEAD.match(strip_bullet(ln) if is_bullet_line(ln) else ln)
        if m and (m.group(1) or ln.rstrip().endswith(':')):
            if cur is not None:
                blocks.append((tipo, '\n'.join(cur)))
            tipo, cur = m.group(1), ([m.group(2)] if m.group(2) else [])
            continue
        (cur if cur is not None else before).append(ln)
    if cur is not None:
        blocks.append((tipo, '\n'.join(cur)))
    out = [(t, item) for t, block in blocks for item in list_items(block)]
    return '\n'.join(before), out
