"""Links across documents: a monitoring-matrix indicator (no card of its own) is tied to the
card indicator of another document of the same Ambito and triennio that says the same thing.
Cross-document by nature, so it is computed over the warehouse after documents are written."""
from __future__ import annotations

from collections import defaultdict

from extract.text import fold, similarity

MIN_SIMILARITY = 0.85


def link_indicators(con) -> int:
    """Recompute indicatori.obiettivo_collegato / indicatore_collegato; returns links made."""
    rows = con.execute("""
        SELECT i.indicatore_id, i.obiettivo_id, i.testo, d.ambito_id, d.triennio, i.documento_id
        FROM indicatori i JOIN documenti d USING (documento_id)
        WHERE d.ambito_id IS NOT NULL AND d.triennio IS NOT NULL""").fetchall()
    loose, cards = defaultdict(list), defaultdict(list)
    for iid, oid, testo, ambito, triennio, did in rows:
        (cards if oid else loose)[(ambito, triennio)].append((iid, oid, fold(testo or ''), did))
    links = []
    for key, items in loose.items():
        for iid, _, text, did in items:
            best, best_s = None, MIN_SIMILARITY
            for cid, oid, ctext, cdid in cards.get(key, []):
                if cdid == did or not text or not ctext:
                    continue
                s = similarity(text, ctext)
                if s >= best_s:
                    best, best_s = (oid, cid), s
            if best:
                links.append((best[0], best[1], iid))
    con.execute('BEGIN')
    con.execute('UPDATE indicatori SET obiettivo_collegato = NULL, indicatore_collegato = NULL '
                'WHERE obiettivo_collegato IS NOT NULL OR indicatore_collegato IS NOT NULL')
    if links:
        con.executemany('UPDATE indicatori SET obiettivo_collegato = ?, indicatore_collegato = ? WHERE indicatore_id = ?', links)
    con.execute('COMMIT')
    return len(links)
