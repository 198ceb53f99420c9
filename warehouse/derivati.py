"""Derived data — cross-document links and the search index — rebuilt whenever missing or
stale. Writing a document marks them stale in the same transaction; they are marked fresh
only after a rebuild, so a run killed in between is finished by the next plain run."""
from __future__ import annotations

from . import fts
from .links import link_indicators

TABLE = 'pdz_stato'


def ensure_table(con) -> None:
    con.execute(f'CREATE TABLE IF NOT EXISTS {TABLE} (chiave VARCHAR PRIMARY KEY, valore VARCHAR)')


def mark_stale(con) -> None:
    """Inside the caller's transaction."""
    con.execute(f"INSERT OR REPLACE INTO {TABLE} VALUES ('derivati', 'da rifare')")


def stale(con) -> bool:
    row = con.execute(f"SELECT valore FROM {TABLE} WHERE chiave = 'derivati'").fetchone()
    if not row or row[0] != 'aggiornati':
        return True
    return not fts.ready(con)


def rebuild(con) -> int:
    """Links, then the search index, then the marker; returns the links made."""
    links = link_indicators(con)
    if fts.rebuild(con):
        con.execute(f"INSERT OR REPLACE INTO {TABLE} VALUES ('derivati', 'aggiornati')")
    return links
