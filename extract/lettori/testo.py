"""Label/value groups from text outside tables: run-in 'Label: value' lines, a label and its value
on one line across a gap (a card drawn without rules), a label line over its paragraph (bold or
not), and headings that name the record below them ('Obiettivo 2 – ...', '3. ...').

The lines become items -- a heading, or a label with its value -- and the items are cut into
groups: a heading opens one, and so does a label the open group has already said."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from ..contesto import tipo_sopra, valutati
from ..layout import Layout, Line, Page, Table, opens_next_column
from ..text import OPEN_END, fold, goes_on, is_bullet_line, join_wrapped
from .campi import TIPI_GRUPPO, campo, is_identity as schema_identity, leggi_etichette, lists_records
from .gruppi import Gruppo, Voce, righe_etichettate

MAX_LABEL_WORDS = 14
WHOLE_LINE_LABEL_WORDS = 10     # a label alone on its line, over its value: a heading is longer
_RUN_IN = re.compile(r'^\s*([^:]{2,100}?)\s*[:：]\s*(.*)$')
# 'Obiettivo 2 – Titolo', 'OBIETTIVO 1: Titolo', 'Indicatore n. 18: ...', '3. Titolo' -- not a
# range ('0-6 anni', the second line of a heading wrapped before it): a dash between two digits
_NUMBERED = re.compile(r'^\s*((?:obiettiv[oi]|indicator[ei]|azion[ei]|scheda|progetto|intervento)\w*\s+'
                       r'(?:valutat[oi]\s+)?)?(?:n\.?\s*°?\s*)?(\d{1,3}(?:\.\d{1,2})*)(?![–—-]\d)\s*[.:)–—-]\s*(\S.*)$',
                       re.I)


@dataclass
class _Item:
    label: str | None            # None: a heading
    valore: str
    pagina: int
    top: float
    numero: str | None = None
    lines: list[Line] = field(default_factory=list)
    forte: bool = False          # set apart beyond doubt: 'Label:' or a bold label line


def _field_anywhere(label: str, primo_anno: int | None) -> bool:
    return any(campo(t, label, primo_anno)[0] is not None for t in TIPI_GRUPPO)


def _label_fit(label: str, primo_anno: int | None) -> float:
    """How closely the label says some field's wording (1.0: one of them word for word)."""
    return max((sim for t in TIPI_GRUPPO for name, sim in [campo(t, label, primo_anno)] if name is not None),
               default=0.0)


def _is_label(text: str, primo_anno: int | None, max_words: int = MAX_LABEL_WORDS) -> bool:
    """A field's name: short, no list item, no sentence going on."""
    words = text.split()
    return (0 < len(words) <= max_words and not is_bullet_line(text) and not text.rstrip().endswith((',', ';'))
            and _field_anywhere(' '.join(words), primo_anno))


def _gap_split(ln: Line) -> tuple[str, str, float] | None:
    """'Tipologia      di processo': the words before the first wide gap, the rest, and where
    the rest starts."""
    words = ln.words
    for k in range(1, min(len(words), MAX_LABEL_WORDS + 1)):
        if words[k][0] - words[k - 1][1] > max(12.0, 1.6 * ln.size):
            return ' '.join(w[2] for w in words[:k]), ' '.join(w[2] for w in words[k:]), words[k][0]
    return None


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _set_as_label(ln: Line, after: Line | None, widths: dict[int, float]) -> bool:
    """A line alone that reads as a label, not as a line of prose that opens with a field's word:
    set apart (bold, capitals, a question) or well short of the text width; not cut mid-phrase,
    not a sentence's end, not carried on by the next line in lower case."""
    words = fold(ln.text).split()
    if not words or words[-1] in OPEN_END or (ln.text.rstrip().endswith('.') and len(words[-1]) > 3):
        return False                 # cut mid-phrase, or a sentence's end ('Nr.' is neither)
    letters = [c for c in ln.text if c.isalpha()]
    if ln.bold or ln.text.rstrip().endswith('?') or (letters and all(c.isupper() for c in letters)):
        return True
    if ln.text.strip()[:1].islower():
        return False                 # a plain line going on in lower case carries on a value
    carried_on = after is not None and not after.bold and after.text.strip()[:1].islower()
    return not carried_on and (ln.x1 - ln.x0) <= 0.6 * widths.get(ln.page, 0.0)


_CLOSED = ('.', ';', ':', '!', '?')
_SAID_WHOLE = 0.97           # a label's fit to a field's wording when it says the wording itself


def _heading(ln: Line, body: float) -> bool:
    return ln.bold or ln.size > body + 1.0


def _same_style(a: Line, b: Line) -> bool:
    """b goes on the heading a: same weight and size, the next line down (or the first of the
    next column, the heading having reached the foot of its own)."""
    return (a.page == b.page and a.bold == b.bold and abs(a.size - b.size) < 0.6
            and (0 <= b.top - a.bottom <= max(a.bottom - a.top, 6) * 1.2 or opens_next_column(a, b)))


def _reading_order(layout: Layout, taken: set[int]) -> list[Line | Table]:
    """The page's text lines, with each label | value table among them where it stands (before
    the first line below it): a section's yes/no questions set as a small table are its items."""
    out: list[Line | Table] = []
    for p in layout.pages:
        lines = p.content_lines()
        tables = sorted((t for t in p.tables if t.ncols in (2, 3) and id(t) not in taken), key=lambda t: t.bbox[1])
        if any(ln.column for ln in p.lines):
            out += _in_columns(p, lines, tables)
            continue
        for ln in lines:
            while tables and tables[0].bbox[3] <= ln.top + 1:
                out.append(tables.pop(0))
            out.append(ln)
        out += tables
    return out


def _in_columns(p: Page, lines: list[Line], tables: list[Table]) -> list[Line | Table]:
    """A page set in text columns: each table where its own column reaches it -- after the last
    line of that column above it, or before the first below it; alone in its column, after the
    column before (a section's table carried to the top of the next column)."""
    after: dict[int, list[Table]] = {}
    for t in tables:
        inside = Counter(ln.column for ln in p.lines if ln.in_table and t.bbox[0] - 1 <= ln.x0 <= t.bbox[2]
                         and t.bbox[1] - 1 <= (ln.top + ln.bottom) / 2 <= t.bbox[3] + 1)
        column = inside.most_common(1)[0][0] if inside else 0
        own = [k for k, ln in enumerate(lines) if ln.column == column]
        above = [k for k in own if lines[k].bottom <= t.bbox[1] + 1]
        before = [k for k, ln in enumerate(lines) if ln.column < column]
        k = above[-1] if above else own[0] - 1 if own else before[-1] if before else len(lines) - 1
        after.setdefault(k, []).append(t)
    out: list[Line | Table] = list(after.get(-1, []))
    for k, ln in enumerate(lines):
        out += [ln, *after.get(k, [])]
    return out


def _table_items(t: Table, primo_anno: int | None) -> list[_Item]:
    """A small label | value table's rows as items, when its labels name fields."""
    rows = righe_etichettate(t)
    if not rows or not all(_is_label(label, primo_anno) for label, _, _ in rows if label):
        return []
    return [_Item(' '.join(label.split()), value, t.page, top, forte=True) for label, value, top in rows]


def _items(layout: Layout, primo_anno: int | None, taken: set[int] = frozenset()) -> list[_Item]:
    order = _reading_order(layout, taken)
    lines = [x for x in order if isinstance(x, Line)]
    if not lines:
        return []
    # the body text's size, tables' text included (a page of tables has few plain lines)
    body = median(ln.size for p in layout.pages for ln in p.lines if not ln.furniture)
    widths = {p.number: max((ln.x1 - ln.x0 for ln in p.content_lines()), default=0.0) for p in layout.pages}
    items: list[_Item] = []
    skip: set[int] = set()
    for k, ln in enumerate(order):
        if k in skip:
            continue
        if isinstance(ln, Table):
            items += _table_items(ln, primo_anno)
            continue
        text = ln.text.strip()
        after = next((x for x in order[k + 1:k + 2] if isinstance(x, Line)), None)
        cur = items[-1] if items else None
        # a run-in label wrapped over two lines ('L'obiettivo viene riproposto nel triennio' /
        # '2025-2027?: Sì'): the first line set like a label (bold, or opening as one), the colon
        # on the next
        wrapped = _RUN_IN.match(after.text.strip()) if after is not None and ':' not in text \
            and (ln.bold or not text[:1].islower()) and after.page == ln.page \
            and abs(after.size - ln.size) < 0.5 else None
        # (the part before the colon a label's tail -- it ends a question, or holds only years, or
        # the two bold lines say a wording better than the first alone -- not a value's first words)
        tail = wrapped.group(1) if wrapped else ''
        if wrapped and not _is_label(tail, primo_anno) and _is_label(f'{text} {tail}', primo_anno) and (
                tail.rstrip().endswith('?') or not re.search(r'[^\W\d_]{4,}', tail)
                or (ln.bold and _label_fit(f'{text} {tail}', primo_anno) > _label_fit(text, primo_anno) + 0.02)):
            items.append(_Item(' '.join(f'{text} {tail}'.split()), wrapped.group(2).strip(), ln.page,
                               ln.top, lines=[ln, after], forte=True))
            skip.add(k + 1)
            continue
        m = _NUMBERED.match(text)
        # 'Obiettivo 2: Progetto X' names a record; '2. Destinatari' without such a word is a label
        # -- but set larger than the text, only a field's wording said whole is ('4. Entro il 2027
        # almeno ...' is a heading, however its first words sound like 'Entro il')
        if m and _heading(ln, body) and (m.group(1) or not _is_label(m.group(3), primo_anno) or (
                ln.size > body + 1.0 and _label_fit(m.group(3), primo_anno) < _SAID_WHOLE)):
            items.append(_Item(None, m.group(3).strip(), ln.page, ln.top, m.group(2), [ln]))
            continue
        if cur is not None and cur.label is None and cur.lines and _heading(ln, body) \
                and _same_style(cur.lines[-1], ln) and goes_on(cur.lines[-1].text, text):
            cur.valore = join_wrapped(cur.valore, text)   # a heading wrapped, whatever its words say
            cur.lines.append(ln)
            continue
        if cur is not None and cur.label is not None and not cur.valore and cur.lines \
                and cur.lines[-1].bold and not ln.bold:
            cur.valore = text                      # a bold label's first plain line is its value
            cur.lines.append(ln)
            continue
        if cur is not None and cur.label is not None and cur.valore and not ln.bold and text[:1].islower() \
                and not cur.valore.rstrip().endswith(_CLOSED) and cur.lines and cur.lines[-1].page == ln.page:
            cur.valore = f'{cur.valore}\n{text}'   # a value's line wrapped mid-sentence, not a label
            cur.lines.append(ln)
            continue
        titled = ln.size > body + 1.0              # a title's words are no label ('Monitoraggio: indicatori')
        run_in = _RUN_IN.match(text)
        if run_in and not titled and _is_label(run_in.group(1), primo_anno):
            items.append(_Item(' '.join(run_in.group(1).split()), run_in.group(2).strip(), ln.page, ln.top, lines=[ln],
                               forte=True))
            continue
        gap = None if titled else _gap_split(ln)
        if gap and _is_label(gap[0], primo_anno):
            # a card drawn without rules: its value goes on below, aligned where it started
            aligned = after is not None and after.page == ln.page and abs(after.x0 - gap[2]) < 3
            items.append(_Item(gap[0], gap[1], ln.page, ln.top, lines=[ln], forte=aligned))
            continue
        # a line in capitals under a value in capitals goes on with it (a title wrapped)
        carries_on = (cur is not None and cur.label is not None and cur.lines and not ln.bold
                      and cur.lines[-1].page == ln.page and _capitals(cur.valore.splitlines()[-1] if cur.valore else '')
                      and _capitals(text))
        if not carries_on and ln.size <= body + 1.0 and _set_as_label(ln, after, widths) and \
                _is_label(text, primo_anno, WHOLE_LINE_LABEL_WORDS):
            items.append(_Item(' '.join(text.split()), '', ln.page, ln.top, lines=[ln], forte=ln.bold))
            continue
        if _heading(ln, body) and not (cur is not None and cur.label is not None and not cur.valore):
            if cur is not None and cur.label is None and _same_style(cur.lines[-1], ln):
                cur.valore = join_wrapped(cur.valore, text)          # a heading wrapped over lines
                cur.lines.append(ln)
            else:
                items.append(_Item(None, text, ln.page, ln.top, lines=[ln]))
            continue
        if cur is not None and cur.label is not None and not cur.valore and cur.lines and cur.lines[-1].bold \
                and ln.bold and _same_style(cur.lines[-1], ln):
            cur.label = f'{cur.label} {text}'      # a bold label wrapped: its value is the plain line below
            cur.lines.append(ln)
            continue
        if cur is not None and cur.label is not None:
            cur.valore = f'{cur.valore}\n{text}' if cur.valore else text
            cur.lines.append(ln)
    return items


def riga_di_campo(text: str, primo_anno: int | None) -> bool:
    """'Natura dell'intervento: Preventivo': a run-in label of a field that names no record, with
    its value -- a line of a record's content, not a heading over what follows."""
    m = _RUN_IN.match(text)
    if not m or not _is_label(m.group(1), primo_anno):
        return False
    named = [(tipo, campo(tipo, ' '.join(m.group(1).split()), primo_anno)[0]) for tipo in TIPI_GRUPPO]
    return not any(name is not None and schema_identity(tipo, name) for tipo, name in named)


def _says(label: str, primo_anno: int | None) -> set[tuple[str, str]]:
    """What a label says that a record says once: the label itself, and the identity field it
    names in each record type ('Titolo obiettivo' after 'Obiettivo strategico' is the next one)."""
    out = {('', fold(label))}
    for tipo in TIPI_GRUPPO:
        name = campo(tipo, label, primo_anno)[0]
        if name is not None and schema_identity(tipo, name):
            out.add((tipo, '*'))
    return out


def gruppi_testo(layout: Layout, primo_anno: int | None = None, taken: set[int] = frozenset(),
                 sopra: list[str | None] | None = None) -> list[Gruppo]:
    """The labelled groups of the text (and of the small label | value tables among it that no
    table reading took: `taken` holds their ids); `sopra`: contesto.valutati of the layout."""
    sopra = sopra if sopra is not None else valutati(layout)
    out: list[Gruppo] = []
    heading: _Item | None = None
    current: list[_Item] = []
    said: set[str] = set()

    def close():
        if current:
            # the next numbered section after one read as a record is one of its kind
            sibling = out[-1].lettura.tipo if out and heading is not None and heading.numero \
                and out[-1].contesto.get('numero') else None
            g = _gruppo(current, heading, primo_anno, sibling, tipo_sopra(sopra[current[0].pagina], primo_anno))
            if g is not None:
                out.append(g)

    for it in _items(layout, primo_anno, taken):
        if it.label is None:
            close()
            heading, current, said = it, [], set()
            continue
        key = _says(it.label, primo_anno)
        if key & said:
            close()
            heading, current, said = None, [], set()
        said |= key
        current.append(it)
    close()
    return out


def _gruppo(items: list[_Item], heading: _Item | None, primo_anno: int | None,
            sibling: str | None = None, preferito: str | None = None) -> Gruppo | None:
    """The items under one heading (or one run of labels) as a group: at least two fields, or --
    under a heading that names the record -- one that lists its actions or indicators, or the
    actions themselves (the heading is their objective), or one field of a numbered section
    following one of its kind (`sibling`: that record type)."""
    labels = [(it.label,) for it in items]
    lettura = leggi_etichette(labels, primo_anno, senza_nome=heading is not None, preferito=preferito)
    if sibling and (lettura is None or lettura.tipo != sibling):
        lettura = leggi_etichette(labels, primo_anno, (sibling,), senza_nome=True, bastano=1) or lettura
    if preferito and heading is not None and (lettura is None or lettura.tipo != preferito):
        # under its heading, one field of the kind the context says is as good as another kind's
        said = leggi_etichette(labels, primo_anno, (preferito,), senza_nome=True, bastano=1, preferito=preferito)
        lettura = said if said is not None and (lettura is None or said.punti >= lettura.punti) else lettura
    if lettura is None:
        return None
    nomi = set(lettura.campi.values()) - {'numero'}
    alone = heading is not None and all(it.forte for it in items) and \
        (lists_records(lettura.tipo, nomi) or lettura.tipo in ('azione', sibling, preferito))
    if len(nomi) < 2 and not alone:
        return None
    voci = [Voce((it.label,), it.valore, it.pagina) for it in items]
    first = heading or items[0]
    g = Gruppo(voci, lettura, first.pagina, items[-1].pagina, first.top, (first.pagina, (0, first.top, 0, items[-1].top)),
               'testo')
    if heading is not None:
        g.contesto['titolo'] = heading.valore
        if heading.numero:
            g.contesto['numero'] = heading.numero
    return g
