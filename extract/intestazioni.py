"""Column headers of a ruled table, the document-model way (docling-core's `column_header`
cells): a merged cell of a header row covers every column whose centre it spans, so each column
has a header *path* from the top row down -- 'Risultati attesi' › 'II anno' -- whatever the depth."""
from __future__ import annotations

from .layout import Cell, Table


def column_center(t: Table, c: int) -> float | None:
    """The x centre of column c: of its first drawn cell."""
    for row in t.rows:
        if c < len(row) and row[c] is not None:
            return (row[c].x0 + row[c].x1) / 2
    return None


def covering(row: list[Cell | None], c: int, x: float | None) -> Cell | None:
    """The cell of a header row over column c: its own, or a merged cell starting to its left."""
    if c < len(row) and row[c] is not None:
        return row[c]
    if x is None:
        return None
    for k in range(min(c, len(row)) - 1, -1, -1):
        cell = row[k]
        if cell is not None:
            return cell if cell.x0 <= x <= cell.x1 else None
    return None


def spans(cell: Cell | None, t: Table) -> bool:
    """The cell covers the centres of more than one column (a merged group header)."""
    if cell is None:
        return False
    return sum(1 for c in range(t.ncols) if (x := column_center(t, c)) is not None and cell.x0 <= x <= cell.x1) > 1


def header_paths(t: Table, n_rows: int) -> dict[int, list[str]]:
    """Column -> the texts over it in the top `n_rows` rows, top first (a merged cell counted once)."""
    out = {}
    for c in range(t.ncols):
        x = column_center(t, c)
        parts: list[str] = []
        for row in t.rows[:n_rows]:
            cell = covering(row, c, x)
            if cell is not None and cell.text and (not parts or parts[-1] != cell.text):
                parts.append(cell.text)
        out[c] = parts
    return out


def header_texts(t: Table, n_rows: int) -> dict[int, str]:
    """Column -> its header path as one text, a line per level."""
    return {c: '\n'.join(p) for c, p in header_paths(t, n_rows).items()}
