"""Derived data — cross-document links and the search index — rebuilt whenever missing or
stale. Writing or removing a document marks them stale and notes the document (and its group)
in the same transaction; they are marked fresh only after a rebuild, so a run killed in between
is finished by the next plain run. Links are brought up to date for the noted documents only
(warehouse/links.py); a warehouse whose notes cannot be trusted is linked from scratch."""
from __future__ import annotations

from . import fts
from .links import link_changed, link_indicators

TABLE = 'pdz_stato'
PENDING = 'pdz_da_collegare'      # documents written or removed since the links were computed


def ensure_table(con) -> None:
    con.execute(f'CREATE TABLE IF NOT EXISTS {TABLE} (chiave VARCHAR PRIMARY KEY, valore VARCHAR)')
    con.execute(f'CREATE TABLE IF NOT EXISTS {PENDING} (documento_id VARCHAR, ambito_id VARCHAR, triennio VARCHAR)')


def mark_stale(con, ids: list[str] = ()) -> None:
    """Inside the caller's transaction, before the documents `ids` are deleted or after they
    are written (call it for both: their old and new groups are noted)."""
    con.execute(f"INSERT OR REPLACE INTO {TABLE} VALUES ('derivati', 'da rifare')")
    if ids:
        marks = ', '.join('?' for _ in ids)
        con.execute(f'INSERT INTO {PENDING} SELECT documento_id, ambito_id, triennio FROM documenti '
                    f'WHERE documento_id IN ({marks})', list(ids))
        known = {r[0] for r in con.execute(f'SELECT documento_id FROM documenti WHERE documento_id IN ({marks})',
                                           list(ids)).fetchall()}
        unknown = [[i] for i in ids if i not in known]
        if unknown:
            con.executemany(f'INSERT INTO {PENDING} VALUES (?, NULL, NULL)', unknown)


def links_done(con) -> None:
    """Inside the linking transaction: the noted documents are linked."""
    con.execute(f'DELETE FROM {PENDING}')
    con.execute(f"INSERT OR REPLACE INTO {TABLE} VALUES ('collegamenti', 'incrementali')")


def stale(con) -> bool:
    row = con.execute(f"SELECT valore FROM {TABLE} WHERE chiave = 'derivati'").fetchone()
    if not row or row[0] != 'aggiornati':
        return True
    return not fts.ready(con)


def rebuild(con) -> int:
    """Links, then the search index, then the marker; returns the links made (in the groups
    the changed documents touch, when linking incrementally)."""
    tracked = con.execute(f"SELECT 1 FROM {TABLE} WHERE chiave = 'collegamenti'").fetchone()
    if tracked:
        pending = con.execute(f'SELECT documento_id, ambito_id, triennio FROM {PENDING}').fetchall()
        groups = {(a, t) for _, a, t in pending if a and t}
        links = link_changed(con, {d for d, _, _ in pending}, groups) if pending else 0
    else:
        links = link_indicators(con)
    if fts.rebuild(con):
        con.execute(f"INSERT OR REPLACE INTO {TABLE} VALUES ('derivati', 'aggiornati')")
    return links
