"""The table layer scored on the ICDAR 2013 Table Competition set (67 EU/US government PDFs,
156 tables with cell-structure ground truth), with the competition's metric: adjacency relations.

A table's relations: for every non-empty cell, its nearest non-empty neighbour to the right (in
each row the cell spans) and below (in each column it spans), as (text, text, direction). Cell text
is compared with all whitespace removed (the ground truth and a PDF's text disagree on word
spaces and line breaks inside a cell, not on the characters). Relations are multisets; per table,
precision = shared / detected, recall = shared / truth.

Detected tables are matched to a ground-truth region (`-str.xml` regions on pages, PDF points with
the origin at the bottom left) by overlap: every table of that page lying mostly inside the
region counts for it (a table read in two pieces is scored as both pieces), else the one
overlapping it most; none is a missed table (recall 0). Only the cells of a matched table whose
centre lies in the region count: the competition scored structure given the regions, so text a
detector took in around a table is a detection error, not a structure one. Tables spanning pages
are one table.

Reported: micro F1 (relations summed over all 156 tables, the competition's way), macro F1 (the
mean of per-table F1s) and the tables missed. `--per-doc` prints each document's figures.

The data is not part of the repository: `make tables` explains where to get it.

    python -m tests.icdar2013 DATA_DIR [--per-doc] [--tables-of MODULE:FUNC]
"""
from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

Rel = tuple[str, str, str]


def _norm(text: str) -> str:
    return re.sub(r'\s+', '', text or '')


def relations(cells: list[tuple[int, int, int, int, str]]) -> Counter:
    """cells: (row0, col0, row1, col1, text) with inclusive spans. Empty cells are skipped, so the
    neighbour is the nearest cell with text."""
    full = [c for c in cells if _norm(c[4])]
    at: dict[tuple[int, int], int] = {}
    for k, (r0, c0, r1, c1, _) in enumerate(full):
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                at.setdefault((r, c), k)
    if not at:
        return Counter()
    max_r = max(r for r, _ in at)
    max_c = max(c for _, c in at)
    out: set[tuple[int, int, str]] = set()
    for k, (r0, c0, r1, c1, _) in enumerate(full):
        for r in range(r0, r1 + 1):
            for c in range(c1 + 1, max_c + 1):
                j = at.get((r, c))
                if j is not None and j != k:
                    out.add((k, j, 'h'))
                    break
        for c in range(c0, c1 + 1):
            for r in range(r1 + 1, max_r + 1):
                j = at.get((r, c))
                if j is not None and j != k:
                    out.add((k, j, 'v'))
                    break
    return Counter((_norm(full[a][4]), _norm(full[b][4]), d) for a, b, d in out)


def truth(xml: Path) -> list[list[tuple[int, tuple[float, float, float, float], list]]]:
    """Per table, its regions: (page, cells)."""
    root = ET.parse(xml).getroot()   # noqa: S314 - the competition's own files
    tables = []
    for t in root.iter('table'):
        regions = []
        for reg in t.iter('region'):
            cells = []
            for c in reg.iter('cell'):
                r0, c0 = int(c.get('start-row')), int(c.get('start-col'))
                r1, c1 = int(c.get('end-row', r0)), int(c.get('end-col', c0))
                content = c.find('content')
                cells.append((r0, c0, r1, c1, content.text if content is not None and content.text else ''))
            regions.append((int(reg.get('page')), cells))
        tables.append(regions)
    return tables


def regions(reg_xml: Path) -> dict[tuple[int, int], tuple[float, float, float, float]]:
    """(table index, page) -> the region's box from `-reg.xml` (two regions of one table on a
    page, as in us-035a, count as their union)."""
    root = ET.parse(reg_xml).getroot()   # noqa: S314
    out = {}
    for ti, t in enumerate(root.iter('table')):
        for reg in t.iter('region'):
            bb = reg.find('bounding-box')
            b = tuple(float(bb.get(k)) for k in ('x1', 'y1', 'x2', 'y2'))
            key = (ti, int(reg.get('page')))
            if key in out:
                o = out[key]
                b = (min(o[0], b[0]), min(o[1], b[1]), max(o[2], b[2]), max(o[3], b[3]))
            out[key] = b
    return out


def table_cells(table) -> list[tuple[int, int, int, int, str]]:
    """A pdz Table's grid as cells (row0, col0, row1, col1, text, box): a cell followed by None in its row spans those columns (the
    way pdfplumber leaves the places a merged cell covers)."""
    cells = []
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            end = c
            while end + 1 < len(row) and row[end + 1] is None:
                end += 1
            cells.append((r, c, r, end, cell.text, (cell.x0, cell.top, cell.x1, cell.bottom)))
    return cells


def _area(b) -> float:
    return max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])


def _overlap(a, b) -> float:
    return _area((max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])))


def _centre_in(b, box) -> bool:
    x, y = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def pdz_tables(data: bytes) -> dict[int, list]:
    """page -> [(bbox top-down, cells)] of the tables pdz's layout reads, the readers' own."""
    from extract.layout import read_layout
    layout = read_layout(data)
    return {p.number: [(t.bbox, table_cells(t)) for t in p.tables] for p in layout.pages}, \
        {p.number: p.height for p in layout.pages}


def score_doc(pdf: Path, tables_of=pdz_tables) -> list[dict]:
    gt = truth(pdf.with_name(pdf.stem + '-str.xml'))
    boxes = regions(pdf.with_name(pdf.stem + '-reg.xml'))
    found, heights = tables_of(pdf.read_bytes())
    out = []
    for ti, regs in enumerate(gt):
        want: Counter = Counter()
        got: Counter = Counter()
        hit = False
        for page in sorted({page for page, _ in regs}):
            for _, cells in (r for r in regs if r[0] == page):
                want += relations(cells)
            x0, y0, x1, y1 = boxes[ti, page]
            h = heights.get(page, 0.0)
            box = (x0 - 2, h - y1 - 2, x1 + 2, h - y0 + 2)     # to pdz's top-down coordinates
            cands = found.get(page, [])
            inside = [c for c in cands if _area(c[0]) and _overlap(c[0], box) > 0.5 * _area(c[0])]
            if not inside:
                best = max(cands, key=lambda c: _overlap(c[0], box), default=None)
                inside = [best] if best is not None and _overlap(best[0], box) > 0 else []
            for _, cs in inside:
                got += relations([c[:5] for c in cs if _centre_in(c[5], box)])
            hit = hit or bool(inside)
        shared = sum((want & got).values())
        out.append({'doc': pdf.stem, 'table': ti + 1, 'tp': shared, 'want': sum(want.values()),
                    'got': sum(got.values()), 'found': hit})
    return out


def f1(tp: int, want: int, got: int) -> float:
    p = tp / got if got else 0.0
    r = tp / want if want else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('data', type=Path)
    ap.add_argument('--per-doc', action='store_true')
    ap.add_argument('--only', help='score only documents whose name contains this')
    ap.add_argument('--tables-of', help='MODULE:FUNC returning ({page: [(bbox, cells)]}, {page: height})')
    args = ap.parse_args(argv)
    tables_of = pdz_tables
    if args.tables_of:
        import importlib
        mod, fn = args.tables_of.split(':')
        tables_of = getattr(importlib.import_module(mod), fn)
    pdfs = sorted(p for p in args.data.rglob('*.pdf') if p.with_name(p.stem + '-str.xml').exists())
    if args.only:
        pdfs = [p for p in pdfs if args.only in p.stem]
    if not pdfs:
        print(f'no ICDAR 2013 documents under {args.data}')
        return 1
    rows = []
    t0 = time.perf_counter()
    for pdf in pdfs:
        doc = score_doc(pdf, tables_of)
        rows += doc
        if args.per_doc:
            tp, w, g = (sum(r[k] for r in doc) for k in ('tp', 'want', 'got'))
            per = ' '.join(f"{f1(r['tp'], r['want'], r['got']):.2f}" for r in doc)
            print(f'{pdf.stem:10s} F1={f1(tp, w, g):.3f}  tables: {per}')
    tp, w, g = (sum(r[k] for r in rows) for k in ('tp', 'want', 'got'))
    macro = sum(f1(r['tp'], r['want'], r['got']) for r in rows) / len(rows)
    missed = sum(not r['found'] for r in rows)
    poor = sum(f1(r['tp'], r['want'], r['got']) < 0.5 for r in rows)
    print(f'ICDAR 2013: {len(pdfs)} documents, {len(rows)} tables, {missed} missed, '
          f'{time.perf_counter() - t0:.0f}s')
    print(f'adjacency relations: precision={tp / g if g else 0:.4f} recall={tp / w if w else 0:.4f}')
    print(f'tables: micro F1={f1(tp, w, g):.4f} macro F1={macro:.4f} ({poor} tables below F1 0.5)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
