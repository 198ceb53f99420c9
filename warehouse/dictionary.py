"""The data dictionary out of models/dizionario.py and the views' own descriptions: as rows for
`pdz schema`, as COMMENT ON in the warehouse (duckdb_columns() and duckdb_tables() show it), and as
docs/dizionario-dati.md. Regenerate the document with `make docs`; a test checks it is current.

    python -m warehouse.dictionary [--check] docs/dizionario-dati.md
"""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import duckdb

from models import TABLES
from models.dizionario import COLONNE, TABELLE, VOCABOLARI

from .ddl import ensure_schema
from .views import VIEW_COMMON, VIEW_DOCS, create_views

DOC = Path(__file__).resolve().parent.parent / 'docs' / 'dizionario-dati.md'
TABLE_NAMES = [m.__table__ for m in TABLES]


class MissingDescription(KeyError):
    pass


@lru_cache(maxsize=1)
def _types() -> dict[str, list[tuple[str, str]]]:
    """Each table's and view's columns with their DuckDB types, from a scratch in-memory warehouse."""
    con = duckdb.connect()
    ensure_schema(con)
    create_views(con)
    out: dict[str, list[tuple[str, str]]] = {}
    for rel, col, typ in con.execute("SELECT table_name, column_name, data_type FROM duckdb_columns() "
                                     "WHERE schema_name = 'main' ORDER BY table_name, column_index").fetchall():
        out.setdefault(rel, []).append((col, typ))
    con.close()
    return out


def description(relation: str, column: str) -> str:
    """What a column means; MissingDescription when the dictionary does not say."""
    if relation in COLONNE:
        text = COLONNE[relation].get(column)
    else:
        _, base, own = VIEW_DOCS[relation]
        text = own.get(column) or VIEW_COMMON.get(column) or COLONNE[base].get(column)
    if not text:
        raise MissingDescription(f'{relation}.{column}')
    return text


def relations() -> list[tuple[str, str, str]]:
    """(name, 'tabella' | 'vista', what it holds) for every table and view."""
    return ([(t, 'tabella', TABELLE[t]) for t in TABLE_NAMES]
            + [(v, 'vista', doc) for v, (doc, _, _) in VIEW_DOCS.items()])


def describe(relation: str) -> str:
    if relation in TABELLE:
        return f'{relation} (tabella): {TABELLE[relation]}'
    return f'{relation} (vista): {VIEW_DOCS[relation][0]}'


def columns(relation: str) -> list[tuple[str, str, str]]:
    """(column, type, meaning) of a table or view; KeyError for an unknown name."""
    if relation not in TABLE_NAMES and relation not in VIEW_DOCS:
        raise KeyError(relation)
    return [(c, t, description(relation, c)) for c, t in _types()[relation]]


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"    # our own constants: COMMENT ON takes no parameters


def comment_on(con) -> None:
    """COMMENT ON every table, view and column, so DuckDB's own catalog tells what they mean.
    Only the comments that differ are written: reopening a warehouse costs a query, not 200 writes."""
    have = {(r, None): c for r, c in con.execute(
        "SELECT table_name, comment FROM duckdb_tables() UNION ALL SELECT view_name, comment FROM duckdb_views()"
    ).fetchall()}
    have.update({(r, col): c for r, col, c in con.execute(
        'SELECT table_name, column_name, comment FROM duckdb_columns()').fetchall()})
    for name, kind, doc in relations():
        if have.get((name, None)) != doc:
            con.execute(f'COMMENT ON {"TABLE" if kind == "tabella" else "VIEW"} {name} IS {_quote(doc)}')
        for col, _, text in columns(name):
            if have.get((name, col)) != text:
                con.execute(f'COMMENT ON COLUMN {name}.{col} IS {_quote(text)}')


def _cell(text: str) -> str:
    return text.replace('|', '\\|').replace('\n', ' ')


def markdown() -> str:
    lines = ['# Dizionario dei dati', '',
             '<!-- generato da `make docs` (python -m warehouse.dictionary): non modificare a mano -->', '',
             'Il warehouse di pdz (DuckDB) contiene le tabelle e le viste qui sotto. Le stesse descrizioni sono '
             'nel warehouse (`SELECT column_name, comment FROM duckdb_columns() WHERE table_name = \'obiettivi\'`) e nel comando '
             '`pdz schema [TABELLA]`.', '',
             '**NULL** vuol dire «non indicato nel documento» (o non leggibile: vedi la tabella `anomalie`), '
             "mai «no»: un «no» scritto nel documento è il valore `'no'`. Le liste (`VARCHAR[]`) nei fogli di "
             "calcolo diventano testo separato da `; `. Ogni riga risale al suo file (`documento_id` → "
             '`documenti.file`) e alla sua pagina.', '', '## Indice', '']
    for name, kind, doc in relations():
        lines.append(f'- [`{name}`](#{name}) ({kind})')
    lines += ['- [Vocabolari](#vocabolari)', '']
    for name, kind, doc in relations():
        lines += [f'## {name}', '', f'*{kind}* — {doc}', '', '| colonna | tipo | significato |', '|---|---|---|']
        lines += [f'| `{c}` | {t} | {_cell(d)} |' for c, t, d in columns(name)]
        lines.append('')
    lines += ['## Tabelle di servizio', '', f'`fts_testi` — {TABELLE["fts_testi"]} Gli schemi `fts_main_*` sono '
              "l'indice della ricerca testuale di DuckDB.", '']
    lines += ['## Vocabolari', '', 'I valori ammessi delle colonne a vocabolario controllato (codici minuscoli ASCII).', '']
    for voc, (doc, values) in VOCABOLARI.items():
        lines += [f'### {voc}', '', doc, '', '| valore | significato |', '|---|---|']
        lines += [f'| `{v}` | {_cell(m)} |' for v, m in values.items()]
        lines.append('')
    return '\n'.join(lines)


def main(argv: list[str]) -> int:
    check = '--check' in argv
    paths = [a for a in argv if not a.startswith('--')]
    path = Path(paths[0]) if paths else DOC
    text = markdown()
    if check:
        if not path.exists() or path.read_text(encoding='utf-8') != text:
            print(f'{path} non è aggiornato: eseguire `make docs`')
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding='utf-8')
    print(path)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
