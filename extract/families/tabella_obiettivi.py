"""Objective tables of older plans: one row per objective, columns such as
OBIETTIVI | Azioni | Soggetti | Risultati attesi | Tempistiche | Risorse.

Columns are mapped by what the header says (any order, any subset beyond objective + actions).
One objective may span several rows and pages: a row whose objective cell is empty (merged)
continues the objective above; the header is usually repeated on every page. Expected results
become output indicators of the objective."""
from __future__ import annotations

from ..layout import Layout, Table
from ..records import Extraction, RawAnomalia, RawAzione, RawIndicatore, RawObiettivo
from ..text import clean, fold, is_bullet_line, join_wrapped, one_line, split_items
from ..schema import campi, identita, vocabolario
from ..contesto import header_map

NAME = 'tabella_obiettivi'

# the objective fields a row of such a table holds; their wordings are the schema's
CAMPI = ('titolo', 'obiettivi_specifici', 'descrizione', 'azioni', 'soggetti', 'governance', 'risultati_attesi',
         'indicatori', 'tempi', 'risorse_economiche')
COLONNE = vocabolario('obiettivo', CAMPI)
_CAMPI = campi('obiettivo')
# a monitoring matrix or an evaluation table is another family's
_NOT_OURS = ('baseline', 'esito', 'rilevazione', 'dato al', 'valore atteso', 'indicatore di processo')


def header(t: Table) -> tuple[int, dict[int, str]] | None:
    """(row index, column map) when the table is an objective table: an objective column, an
    actions column and at least one more of ours."""
    for i, row in enumerate(t.rows[:2]):
        if any(c is not None and any(w in fold(c.text) for w in _NOT_OURS) for c in row):
            return None
        cols = header_map(row, COLONNE, 0.84)
        title = identita('obiettivo', set(cols.values()))
        if title is None or 'azioni' not in cols.values() or len(cols) < 3:
            continue
        # the column that names the objective is its title, whatever the header calls it
        return i, {j: 'titolo' if k == title else k for j, k in cols.items()}
    return None


def _cell(cells, j: int) -> str:
    c = cells[j] if j < len(cells) else None
    return clean(c.text) if c is not None else ''


def _new(titolo: str, page: int) -> RawObiettivo:
    return RawObiettivo('ambito', {'titolo': titolo}, page, page)


def _add_row(o: RawObiettivo, row: dict[str, str], page: int, texts: dict[str, list[str]], cont: bool) -> None:
    """A row's content onto its objective; on a continuation row an item that does not start
    with a bullet finishes the item the page break cut."""
    o.pagina_fine = page
    for key, text in row.items():
        campo = _CAMPI[key]
        if key == 'titolo' or not text:
            continue
        if campo.contiene is None:
            texts.setdefault(key, []).append(text)
            continue
        items = o.azioni if campo.contiene == 'azione' else o.indicatori
        lines = text.splitlines()
        if cont and items:
            while lines and not is_bullet_line(lines[0]):
                items[-1].testo = join_wrapped(items[-1].testo, lines.pop(0))
        for part in split_items('\n'.join(lines)):
            items.append(RawAzione(one_line(part), page) if campo.contiene == 'azione'
                         else RawIndicatore(one_line(part), campo.tipo_elementi or 'output', page))


def _finish(o: RawObiettivo, texts: dict[str, list[str]]) -> None:
    for key, parts in texts.items():
        o.fields[key] = '\n'.join(parts)


def _row_tail(row: dict[str, str]) -> bool:
    """The row the page break cut, carried on at the top of the next page: its other cells go on
    mid-sentence ('in essere', 'attivati'), at least two of them and half of those filled, so its
    title is the rest of the title above, whatever its case ('REI e di integrarlo...')."""
    others = [v.strip() for k, v in row.items() if k != 'titolo' and v.strip()]
    tails = sum(v[:1].isalpha() and v[:1].islower() for v in others)
    return tails >= 2 and tails >= 0.5 * len(others)


def _group_row(cells) -> str | None:
    """The text of a row drawn as one cell across the whole table ('AREA DISABILITÀ')."""
    present = [c for c in cells if c is not None]
    if len(cells) < 3 or len(present) != 1 or not present[0].text.strip():
        return None
    return one_line(present[0].text)


def _is_title_tail(text: str) -> bool:
    """The objective's title broken by the page end: the continuation starts lower-case."""
    s = text.strip()
    return bool(s) and (s[0].islower() or s[0] in ',;)')


def extract(layout: Layout) -> Extraction:
    out = Extraction()
    current: RawObiettivo | None = None
    texts: dict[str, list[str]] = {}
    macroarea = None
    for page in layout.pages:
        for t in page.tables:
            head = header(t)
            if head is None:
                continue
            i, cols = head
            first_row = True
            for cells in t.rows[i + 1:]:
                row = {key: _cell(cells, j) for j, key in cols.items()}
                if not any(row.values()):
                    continue
                if header_map(cells, COLONNE, 0.84) == cols:      # header repeated inside the table
                    continue
                area = _group_row(cells)
                if area is not None:
                    macroarea, first_row = area, False
                    continue                # an area heading drawn across the table: the objectives below are in it
                titolo = one_line(row.get('titolo', ''))
                continues_title = (first_row and current is not None and page.tables[0] is t
                                   and (_is_title_tail(titolo) or _row_tail(row)))
                first_row = False
                if titolo and not continues_title:
                    if current is not None:
                        _finish(current, texts)
                    current, texts = _new(titolo, t.page), {}
                    if macroarea:
                        current.fields['macroarea'] = macroarea
                    out.obiettivi.append(current)
                elif titolo:
                    current.fields['titolo'] = join_wrapped(current.fields['titolo'], titolo)
                if current is None:
                    out.anomalie.append(RawAnomalia(t.page, 'riga di una tabella degli obiettivi senza obiettivo: '
                                                            f'{one_line(" ".join(row.values()))[:80]!r}'))
                    continue
                _add_row(current, row, t.page, texts, cont=not titolo or continues_title)
    if current is not None:
        _finish(current, texts)
    return out
