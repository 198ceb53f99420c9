"""Ruled tables across page breaks: stitching a table that continues on the next page, and
reading label | content tables as (label, content, page) rows with continuation rows joined."""
from __future__ import annotations

from dataclasses import dataclass, field

from .labels import column_titles_row
from .layout import Cell, Layout, Table
from .text import join_wrapped


@dataclass
class TableRun:
    """One logical table: the physical tables it spans, in order."""
    parts: list[Table] = field(default_factory=list)

    @property
    def page_start(self) -> int:
        return self.parts[0].page

    @property
    def page_end(self) -> int:
        return self.parts[-1].page

    @property
    def rows(self) -> list[tuple[int, list[Cell | None]]]:
        """(page, cells) for every row of every part."""
        return [(t.page, r) for t in self.parts for r in t.rows]


def _col_edges(t: Table) -> list[float]:
    row = max(t.rows, key=lambda r: sum(c is not None for c in r))
    return [round(c.x0) for c in row if c is not None]


def _continues(prev: Table, nxt: Table, layout: Layout, tol: float = 6.0) -> bool:
    """`nxt` carries on `prev`: next page, prev ends low on its page, nxt starts high, and the
    column edges line up (the same grid)."""
    if nxt.page != prev.page + 1:
        return False
    p_prev, p_next = layout.page(prev.page), layout.page(nxt.page)
    # nothing but furniture below prev / above nxt
    below = [ln for ln in p_prev.content_lines() if ln.top > prev.bbox[3] + 2]
    above = [ln for ln in p_next.content_lines() if ln.bottom < nxt.bbox[1] - 2]
    if below or above:
        return False
    a, b = _col_edges(prev), _col_edges(nxt)
    if len(a) != len(b):
        # a card whose next rows split the content column (a yes/no grid under the text) goes on
        # in the same label column
        return _label_column(prev, tol) is not None and _label_column(prev, tol) == _label_column(nxt, tol)
    return all(abs(x - y) <= tol for x, y in zip(a, b))


def _label_column(t: Table, tol: float) -> tuple[int, int] | None:
    """The x extent of a card's label column: every row's first cell, the same in all rows."""
    firsts = {(round(r[0].x0 / tol), round(r[0].x1 / tol)) for r in t.rows if r and r[0] is not None}
    return next(iter(firsts)) if len(firsts) == 1 and min(len(r) for r in t.rows) >= 2 else None


def table_runs(layout: Layout) -> list[TableRun]:
    """All tables of the document, with those that break across pages joined into one run."""
    runs: list[TableRun] = []
    for page in layout.pages:
        for i, t in enumerate(page.tables):
            last = runs[-1].parts[-1] if runs else None
            if i == 0 and last is not None and last is layout.page(last.page).tables[-1] and _continues(last, t, layout):
                runs[-1].parts.append(t)
            else:
                runs.append(TableRun([t]))
    return runs


@dataclass
class LabelRow:
    label: str
    content: str
    page: int
    cells: list[Cell | None] = field(default_factory=list)


def label_rows(run: TableRun, label_col: int = 0) -> list[LabelRow]:
    """Rows of a label | content table. A row whose label cell is empty continues the row above
    (its content broke across a page or a row); a row whose content is empty while its label is
    the tail of the previous label (the label broke across a page) joins that label."""
    out: list[LabelRow] = []
    for page, cells in run.rows:
        present = [c for c in cells if c is not None]
        if not present:
            continue
        label_cell = cells[label_col] if label_col < len(cells) else None
        label = label_cell.text if label_cell else ''
        rest = [c for j, c in enumerate(cells) if j > label_col and c is not None]
        content = '\n'.join(c.text for c in rest if c.text)
        if column_titles_row(' '.join(label.split()), [' '.join(c.text.split()) for c in rest]):
            continue        # 'Voce | Contenuto' column titles, wherever they are repeated
        if out and not label.strip():
            prev = out[-1]
            prev.content = f'{prev.content}\n{content}' if prev.content and content else prev.content or content
            continue
        if out and not content.strip() and page != out[-1].page and _looks_like_tail(label):
            out[-1].label = join_wrapped(out[-1].label, label)
            continue
        out.append(LabelRow(label, content, page, list(cells)))
    return out


def _looks_like_tail(label: str) -> bool:
    """A label fragment that finishes the label above: starts lower-case or with a digit or
    closing punctuation ('2021-2023?', 'dell'intervento')."""
    s = label.strip()
    return bool(s) and (s[0].islower() or s[0].isdigit() or s[0] in ')?.,;:')
