"""The warehouse out to the tools researchers use: Parquet, CSV, CSV for Excel in Italy, one
XLSX workbook, one SQLite file (datasette). Every table of the models and every view goes out,
`ambiti` included. A destination path is never written into SQL text: COPY takes it as a
parameter, and the SQLite file is built under a name pdz chose, then moved."""
from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import tempfile
from pathlib import Path

from models import TABLES

from . import extensions
from .views import VIEWS

FORMATS = ('parquet', 'csv', 'csv-it', 'xlsx', 'sqlite')
SINGLE_FILE = {'xlsx': '.xlsx', 'sqlite': '.sqlite'}


def relations() -> list[str]:
    return [m.__table__ for m in TABLES] + list(VIEWS)


def export(con, dest: Path, fmt: str) -> list[Path]:
    """Write the warehouse to `dest` (a folder, or a file for xlsx/sqlite); the paths written."""
    dest = Path(dest)
    if fmt in SINGLE_FILE:
        if dest.is_dir() or not dest.suffix:
            dest = dest / f'pdz{SINGLE_FILE[fmt]}'
        dest.parent.mkdir(parents=True, exist_ok=True)
        (to_xlsx if fmt == 'xlsx' else to_sqlite)(con, dest)
        return [dest]
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name in relations():
        path = dest / f'{name}.{"csv" if fmt.startswith("csv") else fmt}'
        if fmt == 'parquet':
            con.execute(f'COPY {name} TO $p (FORMAT parquet)', {'p': str(path)})
        elif fmt == 'csv':
            con.execute(f'COPY {name} TO $p (FORMAT csv, HEADER)', {'p': str(path)})
        else:
            to_csv_it(con, name, path)
        written.append(path)
    return written


def _rows(con, name: str):
    cur = con.execute(f'SELECT * FROM {name}')
    return [d[0] for d in cur.description], cur.fetchall()


def _number_it(x: float) -> str:
    text = f'{x:.15g}'
    return text.replace('.', ',') if 'e' not in text else text


def _text_it(x):
    if x is None:
        return ''
    if isinstance(x, bool):
        return 'vero' if x else 'falso'
    if isinstance(x, float):
        return _number_it(x)
    if isinstance(x, list):
        return '; '.join(str(v) for v in x)
    if isinstance(x, dt.datetime):
        return x.strftime('%d/%m/%Y %H:%M:%S')
    if isinstance(x, dt.date):
        return x.strftime('%d/%m/%Y')
    return str(x)


def to_csv_it(con, name: str, path: Path) -> None:
    """CSV as Excel opens it in Italy: ';' between fields, a UTF-8 BOM, decimal comma, dates as
    dd/mm/yyyy, lists joined with '; '."""
    cols, rows = _rows(con, name)
    with open(path, 'w', encoding='utf-8-sig', newline='') as f:
        w = csv.writer(f, delimiter=';', lineterminator='\r\n')
        w.writerow(cols)
        w.writerows([[_text_it(x) for x in r] for r in rows])


def _cell(x):
    if isinstance(x, list):
        return '; '.join(str(v) for v in x)
    return x


def to_xlsx(con, path: Path) -> None:
    """One sheet per table and view: bold frozen header, filters, dates as dates."""
    import xlsxwriter
    book = xlsxwriter.Workbook(str(path), {'remove_timezone': True, 'strings_to_numbers': False,
                                           'strings_to_formulas': False, 'strings_to_urls': False})
    head = book.add_format({'bold': True, 'bg_color': '#dde4ee', 'text_wrap': True, 'valign': 'top'})
    date = book.add_format({'num_format': 'dd/mm/yyyy'})
    stamp = book.add_format({'num_format': 'dd/mm/yyyy hh:mm'})
    for name in relations():
        cols, rows = _rows(con, name)
        sheet = book.add_worksheet(name[:31])
        sheet.write_row(0, 0, cols, head)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(cols) - 1)
        for r, row in enumerate(rows, 1):
            for c, x in enumerate(row):
                if isinstance(x, dt.datetime):
                    sheet.write_datetime(r, c, x, stamp)
                elif isinstance(x, dt.date):
                    sheet.write_datetime(r, c, dt.datetime.combine(x, dt.time()), date)
                elif x is not None:
                    sheet.write(r, c, _cell(x))
        for c, col in enumerate(cols):
            longest = max([len(col)] + [len(str(_cell(row[c]) or '')) for row in rows[:200]])
            sheet.set_column(c, c, min(max(longest, 8), 60))
    book.close()


def to_sqlite(con, path: Path) -> None:
    """A SQLite copy through DuckDB's sqlite extension: tables and views as tables, lists as
    text joined with '; ' (SQLite has no arrays)."""
    if not extensions.load(con, 'sqlite_scanner'):
        raise OSError('estensione sqlite di DuckDB non installata: reinstallare con `make setup`')
    with tempfile.TemporaryDirectory(prefix='pdz-sqlite-') as tmp:
        work = Path(tmp) / 'pdz.sqlite'
        assert re.fullmatch(r'[\w/.\-]+', str(work)), work   # the only path that reaches SQL text
        con.execute(f"ATTACH '{work}' AS esportazione (TYPE sqlite, READ_WRITE)")
        try:
            for name in relations():
                types = con.execute(f'DESCRIBE {name}').fetchall()
                cols = ', '.join(f"array_to_string({c}, '; ') AS {c}" if t.endswith('[]') else c
                                 for c, t, *_ in types)
                con.execute(f'CREATE TABLE esportazione.{name} AS SELECT {cols} FROM {name}')
        finally:
            con.execute('DETACH esportazione')
        shutil.move(str(work), str(path))
