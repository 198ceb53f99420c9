"""Narrative objectives: prose pages, no tables, where each objective is a run of headed
sections -- an area heading ("Area di intervento" + the area's name), "OBIETTIVO PRINCIPALE:"
and its sentence, prose, "AZIONI" (a bullet list, sub-bullets belonging to their parent),
"TARGET", "Indicatore di processo/output/outcome: ...".

Headings are recognised by what they say (fuzzy vocabularies below), never by position or
style; style only helps to tell the objective's own sentence (bold) from the prose after it.
An objective without an area heading of its own belongs to the area heading above it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from extract.layout import Cell, Layout, Line, Table
from extract.parole import mend_broken_words
from extract.records import Extraction, RawAnomalia, RawAzione, RawIndicatore, RawObiettivo
from extract.schema import SCHEMA, vocabolario
from extract.text import clean, fold, is_bullet_line, join_wrapped, label_score, one_line, strip_bullet

from . import scheda_testo
from ..contesto import first_table, header_map, line_position, tables_in_reading_order

NAME = 'obiettivi_narrativi'

# section -> the objective fields whose labels open it (wordings from the schema); an objective
# opens at a label that names it -- its title, or the objective itself ('Obiettivo 2')
_SEZIONI = {
    'aree_regionali': ('aree_regionali',),
    'area': ('macroarea',),
    'obiettivo': ('titolo', 'obiettivi_specifici'),
    # what the objective is for ('Finalità', 'Obiettivo principale'): under its heading, its description
    'descrizione': ('descrizione',),
    'azioni': ('azioni',),
    'target': ('target',),
    'indicatori': ('indicatori',),
}
LABELS: dict[str, list[str]] = {k: [v for f in fields for v in vocabolario('obiettivo', fields).get(f, [])]
                                for k, fields in _SEZIONI.items()}
# every other field's label is a section we do not store here, which ends the one before it
LABELS['altro'] = [v for f, vs in vocabolario('obiettivo').items()
                   if not any(f in fields for fields in _SEZIONI.values()) for v in vs]
# "Indicatore di processo: ..." -- the type is part of the label
_INDICATORE = re.compile(r'^(?:indicatore|indicatori)?\s*(?:di\s+)?(processo|output|outcome|risultato|esito|'
                         r'impatto|realizzazione|prodotto)\b')
_TYPE_WORDS = ('processo', 'output', 'outcome', 'risultato', 'esito', 'impatto', 'realizzazione', 'prodotto')
_MAX_LABEL_WORDS = 5


@dataclass
class Heading:
    kind: str            # key of LABELS, or 'indicatore'
    rest: str            # text after the label on the same line ('' when the label stands alone)
    tipo: str | None = None
    numero: str | None = None    # 'Obiettivo n. 3 – ...' -> '3'


@dataclass
class Section:
    kind: str
    lines: list[Line] = field(default_factory=list)
    first: str = ''      # text on the heading line after the label
    tipo: str | None = None
    page: int = 0
    head: Line | None = None
    numero: str | None = None


def _split_label(text: str) -> tuple[str, str, bool]:
    """('OBIETTIVO PRINCIPALE', 'Garantire ...', True) for 'OBIETTIVO PRINCIPALE: Garantire ...';
    the flag says the label was closed by a colon (or dash)."""
    m = re.match(r'^\s*([^:–—]{1,60}?)\s*[:–—]\s*(.*)$', text)
    if m:
        return m.group(1), m.group(2).strip(), True
    return text.strip(), '', False


# numbering around a label: '1.', '2.3', 'A)', 'IV.' before it; 'n. 2', '3', 'II' after it
_NUM_BEFORE = re.compile(r'^\s*(?:\d+(?:\.\d+)*[.)]?|[A-Za-z][.)]|[IVX]+[.)])\s+')
_NUM_AFTER = re.compile(r'\s+(?:n|nr|num|numero)?\s*(?:\d+|[ivx]+)$')
# a styled heading standing alone, by its head word: 'Azioni principali', 'Tempistiche'
_HEAD_WORDS: list[tuple[str, str]] = [
    ('azioni', r'^(?:azion[ei]|attivita|interventi|linee di (?:azione|intervento))\b'),
    ('target', r'^(?:target|destinatari|beneficiari)\b'),
    ('indicatori', r'^indicator[ei]\b'),
    ('altro', r'^(?:risors[ae]|tempi|tempistic|cronoprogramma|governance|soggetti|attori|partner|stakeholder|'
              r'modalita|strumenti|monitoraggio|risultati attesi|budget|cost[io]|finanziament|valutazione)'),
]


def _core(label: str) -> str:
    """The label's words without its numbering or a note in brackets: 'Obiettivo n. 2' ->
    'obiettivo', '1. Obiettivo generale' -> 'obiettivo generale'."""
    label = re.sub(r'\([^)]*\)', ' ', _NUM_BEFORE.sub('', label))
    return _NUM_AFTER.sub('', fold(label)).strip()


def _styled_alone(line: Line) -> bool:
    """A line set as a heading: bold or capitals, starting with a capital, no sentence end."""
    t = line.text.strip()
    letters = [c for c in t if c.isalpha()]
    return bool(letters) and (line.bold or all(c.isupper() for c in letters)) \
        and (t[0].isupper() or t[0].isdigit()) and not re.search(r'[.,;]$', t)


_TRAILING_LINK = re.compile(r'\b(?:e|ed|o|di|a|da|per|con|su|tra|fra|in|il|lo|la|le|gli|i|del|della|dei|delle|'
                            r'degli|al|alla|ai|alle|nel|nella|nei|nelle)$')


def _head_word_kind(core: str) -> str | None:
    """The section a short heading opens by its first word -- not a wrapped line of a bold
    sentence ('Interventi domiciliari e')."""
    if len(core.split()) > _MAX_LABEL_WORDS or _TRAILING_LINK.search(core):
        return None
    return next((kind for kind, pat in _HEAD_WORDS if re.match(pat, core)), None)


# 'Obiettivo 1. Garantire ...', 'Area n. 2) Politiche abitative': a label, its number, the title
_NUMBERED_TITLE = re.compile(r'^\s*([^\W\d_][^\d:–—]{0,40}?)\s+(?:(?:n|nr|num|numero)\.?\s*)?'
                             r'(?:\d{1,2}|[IVX]{1,4})\s*[.)]\s*([^\W\d_].*)$')


def _numbered_title(text: str) -> Heading | None:
    """An objective or area heading written as its label and number before the title, with no
    colon: 'Obiettivo 1. Garantire un adeguato sistema ...'."""
    m = _NUMBERED_TITLE.match(text)
    if not m:
        return None
    f = fold(m.group(1))
    kind = next((k for k in ('obiettivo', 'area') if any(f == fold(v) for v in LABELS[k])), None)
    return Heading(kind, m.group(2).strip(), numero=_number_in(text[:m.start(2)])) if kind else None


def _number_in(label: str) -> str | None:
    m = re.search(r'(?<![\w.])(\d{1,2}(?:\.\d{1,2})?|[IVX]{1,4})\s*[.)]?\s*[:–—-]?\s*$', label.strip())
    return m.group(1) if m else None


def heading(line: Line, after_indicatori: bool = False) -> Heading | None:
    """What section a line opens, if it opens one: a known label standing alone, or followed
    by a colon and its content. A bare indicator type ('Processo: ...') counts only inside
    an indicators section. Numbering ('Obiettivo 2', '1. Azioni') does not matter; a styled
    line standing alone is also known by its head word ('Azioni principali')."""
    if not line.text.strip() or (is_bullet_line(line.text) and not _NUM_BEFORE.match(line.text)):
        return None
    numbered = is_bullet_line(line.text)     # '1. Obiettivo generale' -- or an item of a list
    titled = _numbered_title(line.text)
    if titled is not None:
        return titled
    label, rest, colon = _split_label(line.text)
    f = _core(label)
    if not f or len(f.split()) > _MAX_LABEL_WORDS:
        return None
    m = _INDICATORE.match(f)
    if m and (colon or f == m.group(0)) and (f.startswith('indicator') or after_indicatori) \
            and len(f.split()) <= len(m.group(0).split()) + 1:
        return Heading('indicatore', rest, m.group(1))
    best, best_score, best_variant = None, 0.0, ''
    for kind, variants in LABELS.items():
        for v in variants:
            s = label_score(f, v) if colon else (1.0 if f == fold(v) else 0.0)
            if s > best_score:
                best, best_score, best_variant = kind, s, v
    # "Obiettivo secondario e quello di..." is prose, not a label: a few words past the variant at most
    if best is not None and best_score >= (0.86 if colon else 1.0) and len(f.split()) <= len(best_variant.split()) + 1:
        return Heading(best, rest, numero=_number_in(label) if best in ('obiettivo', 'descrizione', 'area') else None)
    kind = None if numbered or rest else _head_word_kind(f)
    return Heading(kind, '') if kind and (colon or _styled_alone(line)) else None


def _carries_on(prev: Line | None, ln: Line) -> bool:
    """`ln` is the wrapped rest of a styled line that stops on a link ('... PER I MINORI /' then
    'INTERVENTI PER LA FAMIGLIA' in a narrow column): same style, right below it."""
    if prev is None or prev.page != ln.page or prev.column != ln.column or prev.bold != ln.bold \
            or abs(prev.size - ln.size) > 0.6 or ln.top - prev.bottom > max(prev.bottom - prev.top, 6):
        return False
    end = prev.text.rstrip()
    return end.endswith(('/', '-', '–', ',', '&', '+')) or bool(_TRAILING_LINK.search(fold(end)))


def _mid_sentence(prev: Line | None, ln: Line) -> bool:
    """`ln` goes on with the sentence above in lower case ('... e alle seguenti' / 'azioni
    prioritarie: ...'): a label's words inside an item, not a heading."""
    t = ln.text.strip()
    return prev is not None and bool(t) and t[0].islower() and not _SENTENCE_END.search(prev.text)


def sections(lines: list[Line]) -> list[Section]:
    """The content lines cut at every heading; text before the first heading is dropped. A styled
    line that only carries on the line above is no heading of its own."""
    out: list[Section] = []
    prev: Line | None = None
    for ln in _label_runs(lines):
        h = heading(ln, bool(out) and out[-1].kind in ('indicatori', 'indicatore'))
        if h and h.rest == '' and _carries_on(prev, ln) and not _split_label(ln.text)[2]:
            h = None
        if h and _mid_sentence(prev, ln):
            h = None
        prev = ln
        if h is None and _above_objectives(ln, out):
            h = Heading('capitolo', '')
        if h:
            out.append(Section(h.kind, [], h.rest, h.tipo, ln.page, ln, h.numero))
        elif out:
            out[-1].lines.append(ln)
    return out


def _above_objectives(ln: Line, secs: list[Section]) -> bool:
    """A heading set larger than the objectives' own ('4. Esiti della programmazione 2021-2023'
    after the last objective): a new part of the document, where no objective's section goes on."""
    if secs and secs[-1].kind in ('area', 'capitolo'):
        return False      # an area's name set large under its label ('Area di intervento' / 'POLITICHE ...')
    if not _styled_alone(ln):
        return False
    head = next((s.head for s in reversed(secs) if s.kind in ('obiettivo', 'descrizione') and s.head is not None), None)
    return head is not None and ln.size > head.size + 1.0


def _label_runs(lines: list[Line]) -> list[Line]:
    """Lines with several 'Label: value' pairs run together ('Area di intervento: Macroarea 1 |
    Aree regionali: D, E') as one line each, so that every pair opens its own section."""
    out = []
    for ln in lines:
        parts = [p.strip() for p in re.split(r'\s+[|¦•·]\s+', ln.text)] if ' | ' in ln.text or ' • ' in ln.text else []
        if len(parts) > 1 and all(_split_label(p)[2] and heading(replace(ln, text=p)) for p in parts):
            out += [replace(ln, text=p) for p in parts]
        else:
            out.append(ln)
    return out


def _text_lines(sec: Section) -> list[Line]:
    """Section lines with the heading's own rest of line first (as a pseudo-line)."""
    if not sec.first:
        return sec.lines
    at = sec.lines[0] if sec.lines else None      # placed where the section's own lines start
    x0 = at.x0 if at else 0.0
    first = Line(sec.page, sec.first, x0, x0, 0, 0, 0, False,
                 column=at.column if at else 0, column_offset=at.column_offset if at else 0.0)
    return [first, *sec.lines]


_ENUMERATOR = re.compile(r'^\s*\(?(?:(\d{1,2})|([a-z]))[.)](?!\d)\s*')
_SENTENCE_END = re.compile(r'[.;:!?]\W*$')


def _enumerator(text: str) -> tuple[str, int, str] | None:
    """('n', 4, rest) for '4. rest', ('a', 2, rest) for 'b) rest' / '(b) rest'."""
    m = _ENUMERATOR.match(text)
    if not m:
        return None
    kind, k = ('n', int(m.group(1))) if m.group(1) else ('a', ord(m.group(2)) - ord('a') + 1)
    return kind, k, text[m.end():]


def item_starts(lines: list[Line]) -> list[bool]:
    """Which lines open a list item. A glyph bullet always does. A number or letter ('3.',
    'b)', '10.Messa' with no space) does only when it looks like a list: words follow it, and it
    carries on the sequence of its siblings (the next number at the same indent) or starts one
    where a sentence has ended or the text steps in -- from 1 / a, or from any number when the
    list goes on with the next one (Word's 'List Number' carries its count across objectives:
    5., 6., 7.) or the number opens the section. Otherwise it is a wrapped line that happens to
    begin with 'a).' or '4.a)' and continues the item above. Indents are within the line's text
    column."""
    out: list[bool] = []
    last: dict[str, tuple[int, float]] = {}       # kind -> (ordinal, x0) of the last accepted
    for i, ln in enumerate(lines):
        e = _enumerator(ln.text)
        if e is None:
            out.append(is_bullet_line(ln.text))
            continue
        kind, k, rest = e
        prev = lines[i - 1] if i else None
        follows = kind in last and last[kind][0] == k - 1 and abs(last[kind][1] - ln.indent) <= 4
        opens = prev is None or bool(_SENTENCE_END.search(prev.text)) or ln.indent > prev.indent + 4
        if not re.search(r'\w', rest):
            ok = False
        elif follows:
            ok = True
        else:
            ok = opens and (k == 1 or prev is None or _next_follows(lines, i, kind, k))
        if ok:
            last[kind] = (k, ln.indent)
        out.append(ok)
    return out


def _next_follows(lines: list[Line], i: int, kind: str, k: int) -> bool:
    """A later line at the same indent carries the count on from lines[i] (k -> k + 1)."""
    for ln in lines[i + 1:]:
        e = _enumerator(ln.text)
        if e is not None and e[0] == kind and abs(ln.indent - lines[i].indent) <= 4:
            return e[1] == k + 1
    return False


def _strip_marker(text: str) -> str:
    e = _enumerator(text)
    return e[2].strip() if e else strip_bullet(text)


def bullet_items(lines: list[Line]) -> list[str]:
    """Bullet list -> items. A bullet indented deeper than the list's own bullets is a
    sub-item and joins its parent on a new line; any other line continues the item above.
    Indents are within the line's text column (a list carrying on in the next column is not
    indented)."""
    if not lines:
        return []
    starts = item_starts(lines)
    if not any(starts):
        return [_paragraph(lines)]
    top = min(ln.indent for ln, s in zip(lines, starts) if s)
    items: list[str] = []
    for ln, start in zip(lines, starts):
        if start:
            text = _strip_marker(ln.text)
            if ln.indent <= top + 4 or not items:
                items.append(text)
            else:
                items[-1] = f'{items[-1]}\n{text}'
        elif items:
            items[-1] = join_wrapped(items[-1], ln.text)
        else:
            items.append(ln.text.strip())
    return [i for i in items if i.strip()]


def _paragraph(lines: list[Line]) -> str:
    text = ''
    for ln in lines:
        text = join_wrapped(text, ln.text)
    return text.strip()


def _titolo(sec: Section) -> str:
    """The objective's own sentence: when it is set bold (like its label), the bold lines;
    otherwise -- also when only the label was bold -- the first sentence after the label."""
    lines = _text_lines(sec)
    if not lines:
        return ''
    bold_from = sec.head.bold if sec.first and sec.head else (sec.lines[0].bold if sec.lines else False)
    if bold_from:
        styled = [lines[0]] if sec.first else []
        for ln in sec.lines:
            if not ln.bold:
                break
            styled.append(ln)
        if styled and not _bold_label_only(sec, styled):
            return _paragraph(styled)
    text = _paragraph(lines)
    m = re.match(r'(.+?[.;!?])(\s|$)', text, re.S)
    return (m.group(1) if m else text).strip()


def _bold_label_only(sec: Section, styled: list[Line]) -> bool:
    """'OBIETTIVO PRINCIPALE: Garantire un adeguato' / 'sistema di protezione ...': the heading line
    counts as bold because in a narrow column the bold label is most of its letters, while the
    sentence after the label is plain -- the bold run is that one line, it stops mid-sentence and
    the plain line below carries the sentence on."""
    if not sec.first or len(styled) != 1 or not sec.lines:
        return False
    rest, below = sec.first.strip(), sec.lines[0].text.strip()
    if _SENTENCE_END.search(rest) or not below:
        return False
    return below[0].islower() or bool(_TRAILING_LINK.search(fold(rest)))


@dataclass
class Objective:
    macroarea: str
    obiettivo: Section
    parts: list[Section] = field(default_factory=list)
    descrizione: Section | None = None       # 'Finalità: ...' under a heading that gave the title
    contesto: list[Section] = field(default_factory=list)   # area / regional areas stated under its heading

    @property
    def started(self) -> bool:
        """Its actions, target or indicators have begun: a heading now belongs to what follows."""
        return bool(self.parts)


def group(secs: list[Section]) -> list[Objective]:
    """Objectives: each 'obiettivo' section and what follows up to the next one or the next
    area heading. The last area heading names the area of every objective below it. An
    objective heading with its title ('Obiettivo 1. Garantire ...') right before another
    objective label ('Finalità: ...') is one objective: the second is its description."""
    macroarea, out = '', []
    current: Objective | None = None
    for s in secs:
        if s.kind in ('area', 'aree_regionali') and current is not None and not current.started and s.first:
            current.contesto.append(s)       # 'Area di intervento: ...' under the objective's own heading
        elif s.kind == 'aree_regionali':
            continue
        elif s.kind == 'capitolo':
            macroarea, current = '', None
        elif s.kind == 'area':
            macroarea = _paragraph(_text_lines(s))
            current = None
        elif s.kind in ('obiettivo', 'descrizione') and current is not None and not current.started \
                and current.descrizione is None and _text_lines(current.obiettivo):
            current.descrizione = s          # the heading said the title; this label says what it is for
        elif s.kind == 'obiettivo' or (s.kind == 'descrizione' and s.first):
            # no objective awaits a description: what it is for, said on the label's line
            # ('Obiettivo principale: Rafforzare ...'), stands for its title -- a form's question
            # over a paragraph ('Quali obiettivi vuole raggiungere?') does not
            current = Objective(macroarea, replace(s, kind='obiettivo'))
            out.append(current)
        elif current is not None:
            current.parts.append(s)
    return out


def _indicatori(parts: list[Section]) -> list[RawIndicatore]:
    out = []
    for s in parts:
        if s.kind == 'indicatore':
            for item in bullet_items(_text_lines(s)):
                out.append(RawIndicatore(item, s.tipo, s.page))
        elif s.kind == 'indicatori':     # a list of indicators without their type
            for item in bullet_items(_text_lines(s)):
                m = _INDICATORE.match(fold(item))
                tipo = m.group(1) if m else None
                text = _split_label(item)[1] if m and ':' in item[:40] else item
                out.append(RawIndicatore(text, tipo, s.page))
    return out


def _pages(o: Objective) -> tuple[int, int]:
    lines = [ln for s in (o.obiettivo, *o.parts, *o.contesto, *filter(None, [o.descrizione])) for ln in s.lines]
    start = o.obiettivo.page      # an area heading left at the foot of the page before is not the objective
    end = max([o.obiettivo.page, *(s.page for s in o.parts), *(ln.page for ln in lines)])
    return start, end


def _first_paragraph(lines: list[Line]) -> str:
    """The lines up to the first blank gap (more than about half a line's height of extra space):
    a 'Finalità' is its first paragraph, the prose after it is context."""
    taken: list[Line] = []
    for ln in lines:
        if taken and ln.page == taken[-1].page and ln.top - taken[-1].bottom > 0.6 * max(ln.bottom - ln.top, 1) \
                and taken[-1].bottom > 0:
            break
        taken.append(ln)
    return _paragraph(taken)


def obiettivo(o: Objective) -> RawObiettivo:
    titolo = _titolo(o.obiettivo)
    start, end = _pages(o)
    descrizione = _first_paragraph(_text_lines(o.descrizione)) if o.descrizione is not None else ''
    fields = {'titolo': titolo, 'descrizione': descrizione or titolo}
    if o.obiettivo.numero:
        fields['numero'] = o.obiettivo.numero
    said = {s.kind: _paragraph(_text_lines(s)) for s in o.contesto}
    macroarea = said.get('area') or o.macroarea
    if macroarea:
        fields['macroarea'] = macroarea
    if said.get('aree_regionali') or macroarea:
        fields['aree_regionali'] = said.get('aree_regionali') or macroarea
    azioni: list[RawAzione] = []
    for s in o.parts:
        if s.kind == 'target':
            fields['target'] = '\n'.join(bullet_items(_text_lines(s)))
        elif s.kind == 'azioni':
            azioni += [RawAzione(t, s.page) for t in bullet_items(_text_lines(s))]
    return RawObiettivo('ambito', fields, start, end, azioni, _indicatori(o.parts))


# ---------------------------------------------------------------- indicators in a small ruled table
# 'Tipologia | Indicatore | Target atteso' under an objective: columns by what the header says
COLONNE_INDICATORI = vocabolario('indicatore', ('tipo', 'testo', 'promessa', 'baseline', 'scadenza'))
_TIPI = re.compile(r'^(?:indicatore\s+)?(?:di\s+)?(processo|output|outcome|risultato|esito|impatto|realizzazione|prodotto)\b')


@dataclass
class IndicatorTable:
    cols: dict[int, str]          # column index -> key of COLONNE_INDICATORI
    headers: dict[int, str]       # column index -> header as printed (every column)
    keys: frozenset[str]          # folded header rows, to skip where a page repeats them


def indicator_header(t: Table) -> tuple[int, IndicatorTable] | None:
    """(row index, mapping) when one of the table's first two rows is an indicator table header:
    an indicator column and at least one of type / target / baseline."""
    for i, row in enumerate(t.rows[:2]):
        cols = header_map(row, COLONNE_INDICATORI, 0.85)
        if 'testo' in cols.values() and len(cols) >= 2:
            headers = {j: one_line(c.text) for j, c in enumerate(row) if c is not None and c.text.strip()}
            return i, IndicatorTable(cols, headers, frozenset({_row_key(row)}))
    return None


def _row_key(row: list[Cell | None]) -> str:
    return ' | '.join(fold(c.text) for c in row if c is not None and c.text.strip())


# where things stand: (page, position in the page's reading order) -- not `top`, so on a page set
# in text columns the right column comes after the left one
Where = tuple[int, float]


def _where(layout: Layout, sec: Section) -> Where:
    if sec.head is None:
        return (sec.page, -1.0)
    return (sec.page, line_position(layout.page(sec.page), sec.head))


def _table_span(layout: Layout, o: Objective, end: Where | None) -> tuple[Where, Where]:
    return _where(layout, o.obiettivo), end or (10 ** 9, 0.0)


def _tables_in(layout: Layout, start: Where, end: Where) -> list[Table]:
    return [t for where, t in tables_in_reading_order(layout) if start <= where < end]


def table_indicatori(layout: Layout, o: Objective, end: Where | None,
                     anomalie: list[RawAnomalia]) -> list[RawIndicatore]:
    """The indicators of the tables between the objective's heading and the next objective or area
    heading. A table without a header right after one that was read (the next page) continues it;
    a row broken by the page break (no type, first on the page) joins the indicator above; a type
    cell merged over several rows gives its type to each."""
    out: list[RawIndicatore] = []
    current: IndicatorTable | None = None
    last: Table | None = None
    for t in _tables_in(layout, *_table_span(layout, o, end)):
        head = indicator_header(t)
        carried = current is not None and last is not None and t.page == last.page + 1 \
            and t is first_table(layout.page(t.page)) and t.ncols == last.ncols
        if head is not None:
            first, current = head[0] + 1, head[1]
        elif carried:
            first = 0
        else:
            if current is None and _looks_like_indicator_header(t.rows[0]):
                anomalie.append(RawAnomalia(t.page, 'tabella di indicatori di un obiettivo narrativo non letta: '
                                                    f'{_row_key(t.rows[0])[:100]!r}'))
            current = None
            continue
        for row in t.rows[first:]:
            if not any(c is not None and c.text.strip() for c in row) or _row_key(row) in current.keys:
                continue
            _table_row(row, current, t, out, continues=carried)
            carried = False     # only the first row of a page can carry on the one the break cut
        last = t
    return out


def _looks_like_indicator_header(row: list[Cell | None]) -> bool:
    """Short column titles, one of them about indicators: a table meant as this objective's
    indicators whose other columns we could not name."""
    texts = [one_line(c.text) for c in row if c is not None and c.text.strip()]
    return len(texts) >= 2 and all(len(t.split()) <= 6 for t in texts) and any('indicator' in fold(t) for t in texts)


def _cell_text(row: list[Cell | None], c: int) -> str | None:
    """The cell's text, words a narrow cell broke mid-word joined ('process\\no'); None when the
    cell is merged from the row above."""
    if c >= len(row) or row[c] is None:
        return None
    return clean(mend_broken_words(row[c].text))


def _table_row(row, m: IndicatorTable, t: Table, out: list[RawIndicatore], continues: bool) -> None:
    by_key = {key: _cell_text(row, c) for c, key in m.cols.items()}
    testo, tipo = by_key.get('testo') or '', by_key.get('tipo')
    if out and continues and not tipo and _cut(out[-1].testo, testo):   # the tail the page break cut
        prev = out[-1]
        prev.testo = join_wrapped(prev.testo, one_line(testo)) if testo else prev.testo
        for key, val in _extra(row, m).items():
            prev.fields[key] = f'{prev.fields[key]}\n{val}' if prev.fields.get(key) else val
        return
    if not testo:
        return
    if tipo is None and 'tipo' in m.cols.values() and out:
        tipo = out[-1].tipo                     # type cell merged over this row
    if not tipo:
        said = _TIPI.match(fold(testo))
        tipo = said.group(1) if said else None
    out.append(RawIndicatore(one_line(testo), tipo or None, t.page, _extra(row, m), blocco=(t.page, t.bbox)))


def _cut(before: str, after: str) -> bool:
    """`after` carries on `before`: the text above stops mid-sentence, or this starts lower-case
    (or nothing of the indicator column is here, only its other cells)."""
    after = after.strip()
    return not after or after[0].islower() or not re.search(r'[.;!?)»"]\s*$', before.strip())


def _extra(row, m: IndicatorTable) -> dict[str, str]:
    """Baseline as a field; the target and any other column kept as a note 'Header: value'."""
    fields: dict[str, str] = {}
    notes = []
    for c, header in m.headers.items():
        key = m.cols.get(c)
        val = _cell_text(row, c)
        if key in ('testo', 'tipo') or not val:
            continue
        if key == 'baseline':
            fields['baseline'] = val
        else:
            notes.append(f'{header}: {one_line(val)}')
            if key in ('promessa', 'scadenza'):      # the promise stated in its own cells (normalize reads them)
                fields[key] = one_line(val)
    if notes:
        fields['note'] = '\n'.join(notes)
    return fields


def _is_narrative(o: Objective) -> bool:
    """A narrative objective has indicators, or actions and a target: a lone 'Obiettivo:' line
    in other prose is not one."""
    kinds = {s.kind for s in o.parts}
    return 'indicatore' in kinds or 'indicatori' in kinds or {'azioni', 'target'} <= kinds


def _boundaries(layout: Layout, secs: list[Section], objectives: list[Objective]) -> list[Where]:
    """Where each objective or area heading stands: an objective's tables lie before the next. An
    area stated under an objective's heading, or its 'Finalità', is inside it."""
    inside = {id(s) for o in objectives for s in (*o.contesto, o.descrizione) if s is not None}
    return sorted(_where(layout, s) for s in secs
                  if s.kind in ('obiettivo', 'descrizione', 'area') and s.head is not None and id(s) not in inside)


def extract(layout: Layout) -> Extraction:
    lines = [ln for p in layout.pages for ln in p.content_lines()]
    out = Extraction()
    secs = sections(lines)
    objectives = group(secs)
    bounds = _boundaries(layout, secs, objectives)
    for o in objectives:
        head = o.obiettivo.head
        if head is not None and scheda_testo.covers(layout, head.page, head.top):
            continue          # a distretto card written as paragraphs: scheda_testo reads it
        start = _where(layout, o.obiettivo)
        end = next((b for b in bounds if b > start), None)
        unread: list[RawAnomalia] = []
        tabled = table_indicatori(layout, o, end, unread)
        if not _is_narrative(o) and not tabled:
            continue
        out.anomalie += unread
        rec = obiettivo(o)
        rec.indicatori += tabled
        if not rec.fields['titolo']:
            out.anomalie.append(RawAnomalia(o.obiettivo.page, 'obiettivo narrativo senza titolo leggibile'))
            continue
        if not rec.indicatori:
            out.anomalie.append(RawAnomalia(o.obiettivo.page, f'obiettivo narrativo senza indicatori: '
                                                              f'{rec.fields["titolo"][:80]!r}'))
        out.obiettivi.append(rec)
    return out
