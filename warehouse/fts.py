"""Italian full-text search over objectives, indicators and outcomes (DuckDB fts, offline:
the extension ships in the PyPI package duckdb-ext-fts, pinned with duckdb)."""
from __future__ import annotations

import glob
import os
import site
import sysconfig

import duckdb

# table -> (id column, text columns)
INDEXED = {
    'obiettivi': ('obiettivo_id', ['titolo', 'descrizione', 'target', 'bisogno', 'macroarea']),
    'indicatori': ('indicatore_id', ['testo', 'policy', 'note']),
    'esiti': ('esito_id', ['titolo', 'descrizione', 'criticita', 'commento', 'risposta_bisogno']),
}


def extension_path() -> str | None:
    roots = [sysconfig.get_paths()['purelib'], *site.getsitepackages()]
    for root in roots:
        hits = glob.glob(os.path.join(root, 'duckdb_ext', 'extensions', f'v{duckdb.__version__}', '*', 'fts.duckdb_extension'))
        if hits:
            return hits[0]
    return None


def load(con) -> bool:
    path = extension_path()
    try:
        con.execute(f"LOAD '{path}'" if path else 'LOAD fts')
        return True
    except duckdb.Error:
        return False


def rebuild(con) -> bool:
    """(Re)create the indexes; False when the extension cannot be loaded here."""
    if not load(con):
        return False
    for table, (key, cols) in INDEXED.items():
        col_list = ', '.join(f"'{c}'" for c in cols)
        con.execute(f"PRAGMA create_fts_index('{table}', '{key}', {col_list}, stemmer='italian', "
                    f"stopwords='none', strip_accents=1, lower=1, overwrite=1)")
    return True


def search(con, text: str, limit: int = 20) -> list[tuple]:
    """(tabella, id, titolo, score, file, pagina) best first."""
    if not load(con):
        raise RuntimeError('estensione fts non disponibile: reinstallare con `make setup`')
    parts = []
    for table, (key, _) in INDEXED.items():
        label = 'testo' if table == 'indicatori' else 'titolo'
        page = {'obiettivi': 'pagina_inizio', 'indicatori': 'pagina', 'esiti': 'pagina'}[table]
        parts.append(f"""SELECT '{table}' AS tabella, t.{key} AS id, t.{label} AS titolo,
            fts_main_{table}.match_bm25(t.{key}, $q) AS score, d.file, t.{page} AS pagina
            FROM {table} t JOIN documenti d USING (documento_id)""")
    sql = f"SELECT * FROM ({' UNION ALL '.join(parts)}) WHERE score IS NOT NULL ORDER BY score DESC LIMIT {int(limit)}"
    return con.execute(sql, {'q': text}).fetchall()
