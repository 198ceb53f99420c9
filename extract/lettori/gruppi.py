"""Label/value groups: what every way of drawing a record has in common. A row under a header,
a column of a transposed table, a label | value card, a stack of label rows over content rows
and run-in 'Label: value' text all become a `Gruppo` -- labels (a header path for a column) with
their values, page and box -- and one record builder (`record.py`) reads every group the same
way, for every record type.

This module reads ruled tables (`TableRun`s, stitched across pages) into groups. Each table is
tried in every reading -- one group per row, per column, per label run, per stack -- and the
reading whose labels name the most fields of one record type wins (`campi.leggi_etichette`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..intestazioni import header_paths, spans
from ..layout import Cell, Table
from ..tables import TableRun
from ..text import MARK, fold, join_wrapped
from .campi import PREFERITO, Lettura, campo, leggi_etichette

MAX_HEADER_ROWS = 3
MAX_LABEL_WORDS = 16


@dataclass
class Voce:
    percorso: tuple[str, ...]        # the label; a column's header path, top level first
    valore: str                      # the text as printed, line breaks kept
    pagina: int
    celle: list[Cell] = field(default_factory=list)     # where it was read (fill and ink say colours)


@dataclass
class Gruppo:
    voci: list[Voce]
    lettura: Lettura                 # record type and label -> field, for voci in order
    pagina: int
    pagina_fine: int
    top: float                       # of the block on its first page: what stands above names it
    blocco: tuple[int, tuple[float, float, float, float]]
    forma: str                       # 'riga', 'colonna', 'coppie', 'impilata', 'testo'
    contesto: dict[str, str] = field(default_factory=dict)    # a group row above: its area
    parole: int = 0                  # words of the whole block, for coverage

    def campi(self) -> dict[str, list[Voce]]:
        out: dict[str, list[Voce]] = {}
        for i, v in enumerate(self.voci):
            name = self.lettura.campi.get(i)
            if name is not None:
                out.setdefault(name, []).append(v)
        return out


def _text(c: Cell | None) -> str:
    return c.text.strip() if c is not None and c.text else ''


def _short_label(s: str) -> bool:
    return bool(s) and len(s.split()) <= MAX_LABEL_WORDS


# ---------------------------------------------------------------- one record per row
def _header_depth_ok(t: Table, n: int) -> bool:
    """Row n-1 is still header: its cells are short, and the row above it has a cell merged
    over several columns (a group title) or cells merged down into it."""
    if n == 1:
        return True
    row, above = t.rows[n - 1], t.rows[n - 2]
    if not all(len(fold(c.text).split()) <= MAX_LABEL_WORDS for c in row if c is not None):
        return False
    merged_down = any(c < len(row) and row[c] is None and c < len(above) and above[c] is not None
                      for c in range(t.ncols))
    return merged_down or any(spans(c, t) for c in above if c is not None)


def _row_reading(run: TableRun, primo_anno: int | None,
                 preferito: str | None = None) -> tuple[Lettura, int, list[tuple[str, ...]]] | None:
    t = run.parts[0]
    best = None
    for n in range(1, min(MAX_HEADER_ROWS, len(t.rows) - 1) + 1):
        if not _header_depth_ok(t, n):
            break
        paths = header_paths(t, n)
        percorsi = [tuple(' '.join(p.split()) for p in paths.get(c, [])) for c in range(t.ncols)]
        if not any(percorsi) or not all(_short_label(' '.join(p)) for p in percorsi if p):
            continue
        lettura = leggi_etichette(percorsi, primo_anno, preferito=preferito)
        # columns under one title (a timeline's years) name one thing
        named = {p[:1] if len(p) > 1 else p for p in percorsi if p}
        if lettura is None or len(lettura.campi) < max(2, len(named) / 2):
            continue
        if best is None or lettura.punti > best[0].punti or \
                (lettura.punti == best[0].punti and _under_titles(t, n)):
            best = (lettura, n, percorsi)
    return best


def _under_titles(t: Table, n: int) -> bool:
    """Row n-1 holds a title in every column a title of the row above spans (dates under
    'Rilevazioni', years under 'Risultati attesi') and nothing elsewhere: a level of the header,
    not a row of the body."""
    row, above = t.rows[n - 1], t.rows[n - 2]
    under: list[int] = []
    for k, c in enumerate(above):
        if c is not None and spans(c, t):
            end = next((j for j in range(k + 1, len(above)) if above[j] is not None), len(above))
            under += list(range(k, end))
    return len(under) >= 2 and all(c < len(row) and _text(row[c]) for c in under) and \
        not any(_text(x) for c, x in enumerate(row) if c not in under)


def _is_repeated_header(cells: list[Cell | None], header: list[str]) -> bool:
    texts = [fold(_text(c)) for c in cells]
    return any(texts) and sum(a == b for a, b in zip(texts, header) if a) >= max(1, len([x for x in texts if x]) - 1)


def _group_row(cells: list[Cell | None], t: Table, ident: int | None) -> str | None:
    """A row drawn as one cell across the table ('AREA DISABILITÀ'), or with text in the first
    column only when that column is not the records' own: the area of the rows below."""
    present = [(j, c) for j, c in enumerate(cells) if c is not None and _text(c)]
    if t.ncols < 3 or len(present) != 1 or re.fullmatch(r'[\d.\s]+', present[0][1].text):
        return None
    j, c = present[0]
    return _text(c) if spans(c, t) or (j == 0 and ident not in (0, None)) else None


def per_riga(run: TableRun, primo_anno: int | None = None, preferito: str | None = None) -> list[Gruppo]:
    got = _row_reading(run, primo_anno, preferito)
    if got is None:
        return []
    lettura, n, percorsi = got
    first = run.parts[0]
    header = [[fold(_text(c)) for c in first.rows[i]] for i in range(n)]    # each header row's titles
    ident = next((i for i, f in lettura.campi.items() if f == lettura.identita), None)
    numero = next((i for i, f in lettura.campi.items() if f == 'numero'), None)
    out: list[Gruppo] = []
    area: str | None = None
    for k, part in enumerate(run.parts):
        for r, cells in enumerate(part.rows):
            if k == 0 and r < n:
                continue
            if k > 0 and r < n and _is_repeated_header(cells, header[r]):
                continue
            texts = [_text(cells[c]) if c < len(cells) else '' for c in range(first.ncols)]
            if not any(texts):
                continue
            g_area = _group_row(cells, first, ident)
            if g_area is not None:
                area = g_area
                continue
            opens = (ident is not None and texts[ident]) or (numero is not None and texts[numero])
            cont = out and not opens
            # a row the page break cut: its identity cell goes on mid-sentence
            if out and k > 0 and r == (n if n and _is_repeated_header(part.rows[0], header[0]) else 0) \
                    and ident is not None and texts[ident][:1].islower():
                cont = True
            if cont:
                g = out[-1]
                for v in g.voci:
                    c = _col_of(v, percorsi)
                    if c is not None and c < len(texts) and texts[c]:
                        v.valore = f'{v.valore}\n{texts[c]}' if v.valore else texts[c]
                        if cells[c] is not None:
                            v.celle.append(cells[c])
                g.pagina_fine = part.page
                continue
            voci = [Voce(percorsi[c], texts[c], part.page, [cells[c]] if c < len(cells) and cells[c] is not None else [])
                    for c in range(first.ncols) if percorsi[c]]
            lett = Lettura(lettura.tipo, {i: lettura.campi[c] for i, c in enumerate(
                [c for c in range(first.ncols) if percorsi[c]]) if c in lettura.campi}, lettura.punti, lettura.identita)
            out.append(Gruppo(voci, lett, part.page, part.page, _row_top(cells, part), (part.page, part.bbox), 'riga',
                              {'area': area} if area else {}))
    return out


def _row_top(cells: list[Cell | None], t: Table) -> float:
    return min((c.top for c in cells if c is not None), default=t.bbox[1])


def _col_of(v: Voce, percorsi: list[tuple[str, ...]]) -> int | None:
    try:
        return percorsi.index(v.percorso)
    except ValueError:
        return None


# ---------------------------------------------------------------- label column: coppie, colonne
_OPZIONI = {'si', 'sì', 'no', 'parzialmente', 'in parte', 'si in parte', 'non so', 'n a'}


def _option_columns(cells: list[Cell | None]) -> dict[int, str]:
    """'| SI | No | Parzialmente': a row of option titles over the columns a mark is set in."""
    texts = {j: _text(c) for j, c in enumerate(cells) if _text(c)}
    if len(texts) >= 2 and all(fold(t) in {fold(o) for o in _OPZIONI} for t in texts.values()):
        return texts
    return {}


@dataclass
class _Riga:
    label: str
    cells: list[Cell | None]     # the cells after the label
    page: int
    value: str
    top: float


def _label_column(run: TableRun) -> list[_Riga]:
    """(label, the other cells, page, value) per row; a row with no label continues the label
    above (its value broke across rows or pages) and is kept as its own row of values. Under a
    row of option titles ('SI | No | Parzialmente') a row's value is the option its mark is under."""
    rows = []
    options: dict[int, str] = {}
    for page, cells in run.rows:
        if not any(_text(c) for c in cells):
            continue
        label = _text(cells[0]) if cells else ''
        if not label and (opts := _option_columns(list(cells))):
            options = opts
            continue
        rest = list(cells[1:])
        marked = [options[j] for j, c in enumerate(cells) if j in options and _MARK.fullmatch(_text(c) or ' ')]
        value = marked[0] if len(marked) == 1 else _value_lines(rest)
        rows.append(_Riga(label, rest, page, value, min((c.top for c in cells if c is not None), default=0.0)))
    return rows


def _label_reading(labels: list[str], primo_anno: int | None, preferito: str | None = None) -> Lettura | None:
    named = [x for x in labels if x]
    if len(named) < 2 or not all(_short_label(x) for x in named):
        return None
    lettura = leggi_etichette([(' '.join(x.split()),) for x in labels], primo_anno, senza_nome=True,
                              preferito=preferito)
    if lettura is None or len(lettura.campi) < max(2, 0.5 * len(set(named))):
        return None
    return lettura


_MARK = re.compile(rf'^\s*{MARK}\s*')


def _value_lines(cells: list[Cell | None]) -> str:
    """The value cells of a row as one text: a mark cell and its option make one line ('☒ SI')."""
    texts = [_text(c) for c in cells if _text(c)]
    if len(texts) > 1 and _MARK.fullmatch(texts[0]):
        return ' '.join(texts)
    return '\n'.join(texts)


def righe_etichettate(t: Table) -> list[tuple[str, str, float]]:
    """(label, value, top) per row of a label | value table (a mark and its option as one value
    line, or the option a mark is under); a row with no label carries on the value above."""
    out: list[tuple[str, str, float]] = []
    for r in _label_column(TableRun([t])):
        if not r.label and out:
            out[-1] = (out[-1][0], f'{out[-1][1]}\n{r.value}' if out[-1][1] else r.value, out[-1][2])
        elif r.label:
            out.append((r.label, r.value, r.top))
    return out


def coppie(run: TableRun, primo_anno: int | None = None, preferito: str | None = None) -> list[Gruppo]:
    """A label | value table: one group per record; a label already said in the current record
    (or a second identity) starts the next record -- several cards drawn as one table."""
    rows = _label_column(run)
    if not rows or run.parts[0].ncols < 2:
        return []
    labels = [r.label for r in rows]
    lettura = _label_reading(labels, primo_anno, preferito)
    if lettura is None or (run.parts[0].ncols > 3 and not any(_MARK.match(_text(c)) for r in rows for c in r.cells)):
        return []
    tipo = lettura.tipo
    groups: list[list[Voce]] = []
    titles: dict[int, str] = {}       # group -> the heading row drawn inside the table above it
    said: set[str] = set()
    for k, r in enumerate(rows):
        label, cells, page, value = r.label, r.cells, r.page, r.value
        if not label and groups:
            groups[-1][-1].valore = f'{groups[-1][-1].valore}\n{value}' if groups[-1][-1].valore else value
            groups[-1][-1].celle += [c for c in cells if c is not None]
            continue
        name, _ = campo(tipo, ' '.join(label.split()), primo_anno)
        # a record has one of each field -- but measurements at several dates
        key = fold(label) if name == 'rilevazione' else name
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        if name is None and not value.strip() and groups and nxt is not None and nxt.label \
                and campo(tipo, ' '.join(nxt.label.split()), primo_anno)[0] in said:
            # a row naming no field, with nothing beside it, right before the next card's first
            # field: that card's heading, drawn in the table
            groups.append([])
            titles[len(groups) - 1] = ' '.join(label.split())
            said = set()
            continue
        if not groups or (key is not None and key in said):
            groups.append([])
            said = set()
        if key is not None:
            said.add(key)
        groups[-1].append(Voce((' '.join(label.split()),), value, page, [c for c in cells if c is not None]))
    out = []
    for i, v in enumerate(groups):
        if v:
            g = _gruppo(v, tipo, primo_anno, run, 'coppie')
            if i in titles:
                g.contesto['titolo'] = titles[i]
            out.append(g)
    return out


def _gruppo(voci: list[Voce], tipo: str, primo_anno: int | None, run: TableRun, forma: str,
            bastano: int = 2) -> Gruppo:
    lettura = leggi_etichette([v.percorso for v in voci], primo_anno, (tipo,), senza_nome=True, bastano=bastano) \
        or Lettura(tipo, {}, 0.0, None)
    first = voci[0]
    part = next((t for t in run.parts if t.page == first.pagina), run.parts[0])
    top = min((c.top for c in first.celle), default=part.bbox[1])
    return Gruppo(voci, lettura, first.pagina, voci[-1].pagina, top, (part.page, part.bbox), forma)


def per_colonna(run: TableRun, primo_anno: int | None = None, preferito: str | None = None) -> list[Gruppo]:
    """A transposed table: labels down the first column, one record per other column."""
    t = run.parts[0]
    if t.ncols < 3:
        return []
    rows = _label_column(run)
    labels = [r.label for r in rows]
    if len(set(fold(x) for x in labels if x)) < len([x for x in labels if x]):
        return []               # a label said twice is several cards one under the other
    lettura = _label_reading(labels, primo_anno, preferito)
    if lettura is None:
        return []
    labelled = [r.cells for r in rows if r.label]
    for j in range(t.ncols - 1):      # every column a whole record: filled down most of its labels
        if sum(1 for cells in labelled if j < len(cells) and _text(cells[j])) < 0.6 * len(labelled):
            return []
    out = []
    for j in range(t.ncols - 1):
        voci: list[Voce] = []
        for r in rows:
            label, cells, page = r.label, r.cells, r.page
            c = cells[j] if j < len(cells) else None
            if not label and voci:
                if _text(c):
                    voci[-1].valore = join_wrapped(voci[-1].valore, _text(c)) if voci[-1].valore else _text(c)
                continue
            voci.append(Voce((' '.join(label.split()),), _text(c), page, [c] if c is not None else []))
        if any(v.valore for v in voci):
            out.append(_gruppo(voci, lettura.tipo, primo_anno, run, 'colonna'))
    return out


# ---------------------------------------------------------------- a stack of label rows over content rows
def impilata(run: TableRun, primo_anno: int | None = None, preferito: str | None = None) -> list[Gruppo]:
    """One column (or rows of one cell each): a short row that names a field, then its content;
    one such field is enough where the headings above say the record type (`preferito`)."""
    rows = [(cells, page) for page, cells in run.rows if any(_text(c) for c in cells)]
    if len(rows) < 2 or any(sum(1 for c in cells if _text(c)) > 1 for cells, _ in rows):
        return []
    texts = [(next(_text(c) for c in cells if _text(c)), page, [c for c in cells if c is not None]) for cells, page in rows]
    for tipo in _types_of(texts, primo_anno, preferito):
        voci: list[Voce] = []
        for text, page, cells in texts:
            name = campo(tipo, ' '.join(text.split()), primo_anno)[0] if _short_label(text) else None
            if name is not None and not (voci and not voci[-1].valore):     # a label's first row is its value
                voci.append(Voce((' '.join(text.split()),), '', page))
            elif voci:
                voci[-1].valore = f'{voci[-1].valore}\n{text}' if voci[-1].valore else text
                voci[-1].celle += cells
        if voci and all(v.valore for v in voci):
            g = _gruppo(voci, tipo, primo_anno, run, 'impilata', 1 if tipo == preferito else 2)
            if g.lettura.campi:
                return [g]
    return []


def _types_of(texts, primo_anno, preferito: str | None = None) -> list[str]:
    labels = [(' '.join(t.split()),) for t, _, _ in texts if _short_label(t)]
    lettura = leggi_etichette(labels, primo_anno, senza_nome=True) if labels else None
    if lettura is None and labels and preferito:
        lettura = leggi_etichette(labels, primo_anno, (preferito,), senza_nome=True, bastano=1, preferito=preferito)
    return [lettura.tipo] if lettura is not None else []


LETTURE = (per_riga, per_colonna, coppie, impilata)


def gruppi_di(run: TableRun, primo_anno: int | None = None, preferito: str | None = None) -> list[Gruppo]:
    """The reading of a table that names the most fields: its groups ([] when none fits);
    `preferito`: the record type the headings above say (contesto.tipo_sopra)."""
    best, best_score = [], 0.0
    for lettura in LETTURE:
        groups = lettura(run, primo_anno, preferito)
        if not groups:
            continue
        # the type the headings above say is worth as much to every reading
        score = max(g.lettura.punti + PREFERITO * (g.lettura.tipo == preferito) for g in groups)
        if score > best_score:
            best, best_score = groups, score
    return best
