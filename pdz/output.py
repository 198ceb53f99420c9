"""How results reach a person: a table that fits the terminal, one field per line, or csv/json
for programs. What identifies a row (its file) is never cut; what does not fit is named."""
from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from typing import IO, Sequence

from rich.console import Console
from rich import box
from rich.table import Column, Table

FORMATS = ('tabella', 'righe', 'csv', 'json')
ALIASES = {'table': 'tabella', 'rows': 'righe'}
MAX_CELL = 40          # a text column's width in table mode, unless --wide
MIN_CELL = 4
MIN_WRAP = 20
MIN_NARROW = 12     # a column narrower than this says too little to be worth showing
GAP = 2                # between columns: a header rule, no vertical lines (more room for data)


class FormatoSconosciuto(ValueError):
    pass


def check_format(fmt: str, allowed: Sequence[str] = FORMATS) -> str:
    fmt = ALIASES.get(fmt, fmt)
    if fmt not in allowed:
        raise FormatoSconosciuto(f"formato sconosciuto '{fmt}': usare {', '.join(allowed[:-1])} o {allowed[-1]}")
    return fmt


def is_key(col: str) -> bool:
    """Columns that tell where a row comes from: shown whole and never dropped."""
    return col == 'file' or col.startswith('file_')


def cell(x) -> str:
    """A value as a person reads it: lists joined with '; ', no line breaks, NULL as empty."""
    if x is None:
        return ''
    if isinstance(x, (list, tuple)):
        return '; '.join(cell(v) for v in x)
    if isinstance(x, float):
        return f'{x:g}' if abs(x) < 1e15 else str(x)
    if isinstance(x, (dt.date, dt.datetime)):
        return x.isoformat(sep=' ') if isinstance(x, dt.datetime) else x.isoformat()
    return ' '.join(str(x).split())


def fit_columns(cols: Sequence[str], rows: Sequence[Sequence], width: int, wide: bool = False,
                wrap: Sequence[str] = ()) -> tuple[list[int], list[int]]:
    """(indexes of the columns shown, width of each). Key columns first, then the others left to
    right while they fit; like DuckDB's CLI, the rest is left out and named. A `wrap` column
    (a description, a snippet) is read whole on several lines: it gets what the others leave."""
    natural = [max([len(c)] + [len(cell(r[i])) for r in rows]) for i, c in enumerate(cols)]
    widths = [n if (wide or is_key(c) or c in wrap) else min(n, MAX_CELL) for c, n in zip(cols, natural)]
    if wide:
        return list(range(len(cols))), widths
    wrapped = [i for i, c in enumerate(cols) if c in wrap]
    budget = width - sum(min(natural[i], MIN_WRAP) + GAP for i in wrapped)
    used, shown = -GAP, []
    for i in _order(cols, wrap):
        if i in wrapped:
            break
        need = widths[i] + GAP
        if used + need <= budget or not shown:
            shown.append(i)
            used += need
            continue
        if not wrapped and not is_key(cols[i]) and budget - used - GAP >= min(widths[i], MIN_NARROW):
            widths[i] = budget - used - GAP      # the next column, narrowed to what is left
            shown.append(i)
            used = budget
        break
    for n, i in enumerate(wrapped):              # the wrapped columns share what is left
        share = (width - used) // (len(wrapped) - n) - GAP
        if share < min(natural[i], MIN_WRAP // 2):
            continue
        widths[i] = min(natural[i], share)
        shown.append(i)
        used += widths[i] + GAP
    return sorted(shown), widths


def _order(cols: Sequence[str], wrap: Sequence[str]) -> list[int]:
    """Priority of the columns: keys, then the others as given, wrapped text last."""
    return sorted(range(len(cols)), key=lambda i: (not is_key(cols[i]), cols[i] in wrap))


def _table(cols, rows, console: Console, wide: bool, wrap: Sequence[str]) -> list[str]:
    shown, widths = fit_columns(cols, rows, console.width, wide, wrap)
    t = Table(*(Column(cols[i], no_wrap=cols[i] not in wrap,
                       overflow='fold' if (is_key(cols[i]) or cols[i] in wrap) else 'ellipsis',
                       min_width=widths[i] if is_key(cols[i]) else None, max_width=widths[i],
                       justify='right' if _numeric(rows, i) else 'left')
                for i in shown),
              box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 1, 0, 0), pad_edge=False, header_style='bold')
    for r in rows:
        t.add_row(*(cell(r[i]) for i in shown))
    console.print(t, crop=False)
    return [cols[i] for i in range(len(cols)) if i not in shown]


def _numeric(rows, i) -> bool:
    vals = [r[i] for r in rows if r[i] is not None]
    return bool(vals) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals)


def _plain(cols, rows, stream: IO[str]) -> None:
    """Aligned text for a pipe: every value whole, no frame, no terminal width."""
    text = [[cell(x) for x in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in text]) for i, c in enumerate(cols)]
    for line in [list(cols), *text]:
        stream.write('  '.join(v.ljust(w) for v, w in zip(line, widths)).rstrip() + '\n')


def _righe(cols, rows, stream: IO[str]) -> None:
    pad = max((len(c) for c in cols), default=0)
    for n, r in enumerate(rows, 1):
        stream.write(f'── riga {n} ──\n')
        for c, x in zip(cols, r):
            stream.write(f'{c.rjust(pad)}: {cell(x)}\n')


def _json_value(x):
    if isinstance(x, (dt.date, dt.datetime)):
        return x.isoformat()
    return x


def count_line(n: int) -> str:
    return '1 riga' if n == 1 else f'{n} righe'


def print_rows(cols: Sequence[str], rows: Sequence[Sequence], fmt: str = 'tabella', *, wide: bool = False,
               stream: IO[str] | None = None, console: Console | None = None, wrap: Sequence[str] = ()) -> None:
    """Print a result. `fmt` must have passed check_format. Table mode draws a fitted table on a
    terminal and aligned plain text on a pipe; csv and json are always whole."""
    stream = stream or sys.stdout
    cols = list(cols)
    if fmt == 'json':
        json.dump([{c: _json_value(x) for c, x in zip(cols, r)} for r in rows], stream,
                  ensure_ascii=False, default=str, indent=2)
        stream.write('\n')
        return
    if fmt == 'csv':
        w = csv.writer(stream, lineterminator='\n')
        w.writerow(cols)
        w.writerows([[('; '.join(map(str, x)) if isinstance(x, list) else x) for x in r] for r in rows])
        return
    if fmt == 'righe':
        _righe(cols, rows, stream)
        stream.write(f'({count_line(len(rows))})\n')
        return
    console = console or Console(file=stream)
    if console.is_terminal:
        dropped = _table(cols, rows, console, wide, wrap)
        note = count_line(len(rows))
        if dropped:
            what = '1 colonna non mostrata' if len(dropped) == 1 else f'{len(dropped)} colonne non mostrate'
            note += f'; {what}: {", ".join(dropped)} (tutte con --wide o -f righe)'
        console.print(f'({note})', highlight=False, markup=False)
    else:
        _plain(cols, rows, stream)
        stream.write(f'({count_line(len(rows))})\n')
