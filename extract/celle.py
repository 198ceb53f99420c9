"""The text of a pdfplumber table's cells, as `pdfplumber.table.Table.extract(x_tolerance=2)`
gives it, in time proportional to the chars near each row: pdfplumber tests every char of the
page against every row, which on a page of long tables is most of the page's reading time."""
from __future__ import annotations

from bisect import bisect_left

from . import righe


def char_index(chars: list[dict]) -> tuple:
    """The page's chars by vertical centre, for `table_texts` (built once for all a page's
    tables): the chars, their indices in order of centre (equal centres in page order), those
    centres in that order, and each char's vertical and horizontal centre."""
    v_mid = [(c['top'] + c['bottom']) / 2 for c in chars]
    order = sorted(range(len(chars)), key=v_mid.__getitem__)
    return chars, order, [v_mid[i] for i in order], v_mid, [(c['x0'] + c['x1']) / 2 for c in chars]


def table_texts(table, index: tuple | None = None) -> list[list[str | None]]:
    """Table.extract(x_tolerance=2): the same chars per cell (centre inside the cell,
    pdfplumber's half-open test), in the page's order, read as pdfplumber's extract_text reads
    them (righe.text). `index`: char_index of the table's page's chars."""
    chars, order, keys, v_mid, h_mid = index or char_index(table.page.chars)
    out = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        near = sorted(order[bisect_left(keys, top):bisect_left(keys, bottom)])
        row_chars = [i for i in near if x0 <= h_mid[i] < x1]
        texts = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            cx0, ctop, cx1, cbottom = cell
            inside = [chars[i] for i in row_chars if cx0 <= h_mid[i] < cx1 and ctop <= v_mid[i] < cbottom]
            texts.append(righe.text(inside))
        out.append(texts)
    return out
