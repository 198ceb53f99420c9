"""Database errors as one plain Italian sentence: a person sees what went wrong and what to do,
never a traceback nor DuckDB's English."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb

# DuckDB error class -> what it means for someone writing a query
_SQL_KIND = [
    (duckdb.CatalogException, 'tabella, vista o funzione inesistente (elenco con `pdz schema`)'),
    (duckdb.BinderException, 'colonna o espressione non riconosciuta (colonne con `pdz schema TABELLA`)'),
    (duckdb.ParserException, 'sintassi SQL non valida'),
    (duckdb.ConversionException, 'valore non convertibile nel tipo richiesto'),
    (duckdb.InvalidInputException, 'valore non valido'),
    (duckdb.PermissionException, 'operazione non permessa su questo warehouse'),
]


def first_line(e: BaseException) -> str:
    line = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return re.sub(r'^[A-Za-z ]+ Error: ', '', line)


def open_error(db: Path, e: BaseException) -> str:
    """Why a warehouse could not be opened."""
    text = str(e)
    if 'not a valid DuckDB database' in text or 'is not a DuckDB' in text:
        return f'{db} non è un file DuckDB: indicare un warehouse creato da `pdz ingest`'
    if 'lock' in text.lower():
        pid = re.search(r'PID (\d+)', text)
        who = f' (processo {pid.group(1)})' if pid else ''
        return (f'il warehouse {db} è aperto in scrittura da un altro programma{who}: '
                'chiuderlo o attendere che finisca, poi riprovare')
    if 'version' in text.lower() and 'storage' in text.lower():
        return f'{db} è stato scritto da una versione di DuckDB diversa: ricrearlo con `pdz ingest`'
    return f'impossibile aprire {db}: {first_line(e)}'


def sql_error(e: BaseException) -> str:
    """A failed query, said once: the kind of error in Italian, DuckDB's detail after it."""
    for cls, kind in _SQL_KIND:
        if isinstance(e, cls):
            return f'errore SQL, {kind}: {first_line(e)}'
    return f'errore SQL: {first_line(e)}'
