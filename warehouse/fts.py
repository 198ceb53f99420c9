"""Italian full-text search over objectives, actions, indicators and outcomes (DuckDB fts, offline:
the extension ships in the PyPI package duckdb-ext-fts, pinned with duckdb).

The texts are indexed as *radici*: lower case, no accents, hyphens between letters dropped
("co-progettazione" = "coprogettazione"), the final vowel taken off before Snowball's Italian
stemmer (Snowball alone gives "anziano" -> "anzi" but "anziani" -> "anzian"; singular and plural
differ in that vowel, so removing it first makes them one word). The query goes through the same
SQL macros, so both sides always agree."""
from __future__ import annotations

import re

from models.dizionario import TABELLE

from . import extensions

# table -> (id expression, title expression, page expression, text columns)
SOURCES = {
    'obiettivi': ('t.obiettivo_id', 't.titolo', 't.pagina_inizio',
                  ['titolo', 'descrizione', 'target', 'bisogno', 'macroarea', 'risultati_attesi',
                   'obiettivi_specifici', 'destinatari', 'modalita_ts']),
    'azioni': ("t.obiettivo_id || '#' || t.ordine", 'o.titolo', 'coalesce(t.pagina, o.pagina_inizio)', ['testo']),
    'indicatori': ('t.indicatore_id', 't.testo', 't.pagina', ['testo', 'policy', 'note']),
    'esiti': ('t.esito_id', 't.titolo', 't.pagina', ['titolo', 'descrizione', 'criticita', 'commento', 'risposta_bisogno']),
}
INDEX_TABLE = 'fts_testi'
HIT_COLUMNS = ('ambito', 'tabella', 'file', 'pagina', 'estratto', 'titolo', 'punteggio', 'id')

MACROS = [
    # folded text: lower case, no accents, letter-hyphen-letter joined (twice: a-b-c overlaps)
    r"""CREATE OR REPLACE TEMP MACRO pdz_piega(s) AS regexp_replace(regexp_replace(
          lower(strip_accents(coalesce(s, ''))), '([a-z])[-‐‑­]([a-z])', '\1\2', 'g'),
          '([a-z])[-‐‑­]([a-z])', '\1\2', 'g')""",
    # one word's root: final vowel (and an 'i' of -io/-ii, an 'h' of -che/-ghi) off, then Snowball
    r"""CREATE OR REPLACE TEMP MACRO pdz_radice(w) AS CASE WHEN length(w) <= 3 THEN w ELSE
          stem(regexp_replace(regexp_replace(regexp_replace(w, '[aeiou]$', ''), 'i$', ''),
          '([cg])h$', '\1'), 'italian') END""",
    r"""CREATE OR REPLACE TEMP MACRO pdz_radici(s) AS array_to_string(list_transform(
          list_filter(string_split_regex(pdz_piega(s), '[^a-z0-9]+'), w -> w <> ''), w -> pdz_radice(w)), ' ')""",
]


class SearchUnavailable(RuntimeError):
    pass


def load(con) -> bool:
    if not extensions.load(con, 'fts'):
        return False
    for m in MACROS:
        con.execute(m)
    return True


def ready(con) -> bool:
    return con.execute("SELECT count(*) FROM duckdb_schemas() WHERE schema_name = ?",
                       [f'fts_main_{INDEX_TABLE}']).fetchone()[0] > 0


def rebuild(con) -> bool:
    """(Re)create the search table and its index; False when the extension cannot be loaded here."""
    if not load(con):
        return False
    for old in ('obiettivi', 'indicatori', 'esiti'):     # the per-table indexes of earlier versions
        if con.execute('SELECT count(*) FROM duckdb_schemas() WHERE schema_name = ?', [f'fts_main_{old}']).fetchone()[0]:
            con.execute(f"PRAGMA drop_fts_index('{old}')")
    parts = []
    for table, (key, title, page, cols) in SOURCES.items():
        text = " || ' · ' || ".join(f"coalesce(t.{c}, '')" for c in cols)
        join = 'LEFT JOIN obiettivi o ON o.obiettivo_id = t.obiettivo_id' if table == 'azioni' else ''
        parts.append(f"""SELECT '{table}' || ':' || {key} AS chiave, '{table}' AS tabella, {key} AS id,
            t.documento_id, {title} AS titolo, {page} AS pagina,
            regexp_replace(regexp_replace({text}, '( · )+', ' · ', 'g'), '^ · | · $', '', 'g') AS testo
            FROM {table} t {join}""")
    con.execute(f"""CREATE OR REPLACE TABLE {INDEX_TABLE} AS
        SELECT *, pdz_piega(testo) AS piega, pdz_radici(testo) AS radici FROM ({' UNION ALL '.join(parts)})""")
    con.execute(f'COMMENT ON TABLE {INDEX_TABLE} IS ' + "'" + TABELLE[INDEX_TABLE].replace("'", "''") + "'")
    con.execute(f"PRAGMA create_fts_index('{INDEX_TABLE}', 'chiave', 'radici', stemmer='none', stopwords='none', "
                f"ignore='[^a-z0-9]+', strip_accents=0, lower=0, overwrite=1)")
    return True


def parse(text: str) -> tuple[list[str], list[str]]:
    """("free words", "phrases in quotes") of a query as typed."""
    phrases = [p.strip() for p in re.findall(r'["“”«»]([^"“”«»]+)["“”«»]', text) if p.strip()]
    free = re.sub(r'["“”«»][^"“”«»]+["“”«»]', ' ', text).replace('"', ' ').split()
    return free, phrases


def _fold_words(con, text: str) -> list[str]:
    return con.execute("SELECT list_filter(string_split_regex(pdz_piega(?), '[^a-z0-9]+'), w -> w <> '')",
                       [text]).fetchone()[0]


def _roots(con, words: list[str]) -> list[str]:
    return con.execute('SELECT list_transform(?::VARCHAR[], w -> pdz_radice(w))', [words]).fetchone()[0] if words else []


def search(con, text: str, limit: int = 20, any_word: bool = False) -> list[tuple]:
    """Hits as HIT_COLUMNS, best first. All words must occur (any_word: at least one); a phrase
    in quotes must occur as written (up to case, accents, hyphens and punctuation)."""
    if not load(con):
        raise SearchUnavailable('estensione fts non disponibile: reinstallare con `make setup`')
    if not ready(con):
        raise SearchUnavailable('il warehouse non ha ancora l\'indice di ricerca: eseguire `pdz ingest --force`')
    free, phrases = parse(text)
    free_words = _fold_words(con, ' '.join(free))
    phrase_words = [_fold_words(con, p) for p in phrases]
    phrase_words = [p for p in phrase_words if p]
    roots = _roots(con, free_words + [w for p in phrase_words for w in p])
    if not roots:
        return []
    patterns = [r'\b' + '[^a-z0-9]+'.join(re.escape(w) for w in p) + r'\b' for p in phrase_words]
    free_roots = ' '.join(_roots(con, free_words))
    if any_word:      # one word or one phrase is enough
        keep = ' OR '.join([f'regexp_matches(t.piega, $p{i})' for i in range(len(patterns))]
                           + (['fts_main_fts_testi.match_bm25(t.chiave, $free) IS NOT NULL'] if free_roots else []))
    else:
        keep = ' AND '.join([f'regexp_matches(t.piega, $p{i})' for i in range(len(patterns))]) or 'true'
    params = {'q': ' '.join(roots), 'c': 0 if any_word else 1, 'n': int(limit),
              **{f'p{i}': p for i, p in enumerate(patterns)}}
    if any_word and free_roots:
        params['free'] = free_roots
    rows = con.execute(f"""
        SELECT coalesce(a.nome, d.ambito_id) AS ambito, t.tabella, d.file, t.pagina, t.testo, t.titolo,
               round(t.score, 3) AS punteggio, t.id
        FROM (SELECT *, fts_main_fts_testi.match_bm25(chiave, $q, conjunctive := $c) AS score FROM {INDEX_TABLE}) t
        JOIN documenti d USING (documento_id) LEFT JOIN ambiti a ON a.ambito_id = d.ambito_id
        WHERE t.score IS NOT NULL AND ({keep})
        ORDER BY t.score DESC, d.file, t.pagina LIMIT $n""", params).fetchall()
    marks = set(roots)
    return [(amb, tab, f, pag, snippet(con, testo, marks, patterns), tit, sc, i)
            for amb, tab, f, pag, testo, tit, sc, i in rows]


WORD = re.compile(r'[^\W_]+(?:[-‐‑­][^\W_]+)*')


def snippet(con, text: str, roots: set[str], patterns: list[str], before: int = 30, after: int = 90) -> str:
    """The passage around the first match, the matching words between «»."""
    text = ' '.join((text or '').split())
    spans = [m.span() for m in WORD.finditer(text)]
    if not spans:
        return text[:before + after]
    words = [text[a:b] for a, b in spans]
    word_roots = con.execute('SELECT list_transform(?::VARCHAR[], w -> pdz_radice(pdz_piega(w)))', [words]).fetchone()[0]
    hit = [i for i, r in enumerate(word_roots) if r in roots]
    if not hit:
        return text[:before + after] + ('…' if len(text) > before + after else '')
    first = spans[hit[0]][0]
    start = max(0, first - before)
    if start:
        start = next((a for a, _ in spans if a >= start), first)
    end = min(len(text), first + after)
    end = max((b for _, b in spans if b <= end), default=end) if end < len(text) else end
    out, pos = [], start
    for i in hit:
        a, b = spans[i]
        if a < start or b > end:
            continue
        out += [text[pos:a], '«', text[a:b], '»']
        pos = b
    out.append(text[pos:end])
    return ('…' if start else '') + ''.join(out) + ('…' if end < len(text) else '')
