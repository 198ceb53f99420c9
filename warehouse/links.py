"""Links across documents: a monitoring-matrix indicator (no card of its own) is tied to the
card indicator of another document of the same Ambito and triennio that says the same thing.
Cross-document by nature, so it is computed over the warehouse after documents are written.

Incremental: after an ingest only what the changed documents can affect is compared — the
loose indicators of a changed document against every card of its group, and those of the other
documents against the changed documents' cards only (their current link, when it points to an
unchanged card, is still the best of the rest). A link whose card changed or went is computed
again over the group. Ties go to the larger indicatore_id, so any order of ingests gives the
links a scratch build gives."""
from __future__ import annotations

from collections import defaultdict

from extract.text import fold, similarity

MIN_SIMILARITY = 0.85

_ROWS = """
    SELECT i.indicatore_id, i.obiettivo_id, i.testo, d.ambito_id, d.triennio, i.documento_id, i.indicatore_collegato
    FROM indicatori i JOIN documenti d USING (documento_id)
    WHERE d.ambito_id IS NOT NULL AND d.triennio IS NOT NULL {where}
    ORDER BY i.indicatore_id"""


def _groups(rows):
    loose, cards = defaultdict(list), defaultdict(list)
    for iid, oid, testo, ambito, triennio, did, linked in rows:
        (cards if oid else loose)[(ambito, triennio)].append((iid, oid, fold(testo or ''), did, linked))
    return loose, cards


def _best(text: str, did: str, cards, best=None, seen: dict | None = None):
    """The (score, card id, objective id) to link to: the highest score >= MIN_SIMILARITY among
    `cards` of other documents, ties to the larger id, starting from `best`. `seen` holds the
    scores of pairs of texts already compared in this linking (versions and copies of one plan
    repeat the same texts: each pair is compared once)."""
    seen = {} if seen is None else seen
    for cid, oid, ctext, cdid, _ in cards:
        if cdid == did or not text or not ctext:
            continue
        s = seen.get((text, ctext))
        if s is None:     # below the floor only a bound: spares the full comparison
            s = seen[text, ctext] = similarity(text, ctext, MIN_SIMILARITY)
        if s >= MIN_SIMILARITY and (best is None or (s, cid) >= best[:2]):
            best = (s, cid, oid)
    return best


def _write(con, changes: list[tuple], reset: bool = False) -> None:
    """The link changes, with the noted documents cleared, in one transaction."""
    con.execute('BEGIN')
    if reset:
        con.execute('UPDATE indicatori SET obiettivo_collegato = NULL, indicatore_collegato = NULL '
                    'WHERE obiettivo_collegato IS NOT NULL OR indicatore_collegato IS NOT NULL')
    if changes:
        con.executemany('UPDATE indicatori SET obiettivo_collegato = ?, indicatore_collegato = ? WHERE indicatore_id = ?',
                        changes)
    from .derivati import links_done
    links_done(con)
    con.execute('COMMIT')


def link_indicators(con) -> int:
    """Recompute every indicatori.obiettivo_collegato / indicatore_collegato; returns links made."""
    loose, cards = _groups(con.execute(_ROWS.format(where='')).fetchall())
    links, seen = [], {}
    for key, items in loose.items():
        for iid, _, text, did, _ in items:
            best = _best(text, did, cards.get(key, []), seen=seen)
            if best:
                links.append((best[2], best[1], iid))
    _write(con, links, reset=True)
    return len(links)


def link_changed(con, changed: set[str], groups: set[tuple[str, str]]) -> int:
    """Update the links that documents `changed` (written since the last linking) and the groups
    (ambito, triennio) they were or are in can affect; returns the links now in those groups."""
    loose, cards = defaultdict(list), defaultdict(list)
    for ambito, triennio in groups:
        lo, ca = _groups(con.execute(_ROWS.format(where='AND d.ambito_id = ? AND d.triennio = ?'),
                                     [ambito, triennio]).fetchall())
        loose.update(lo)
        cards.update(ca)
    changes, total, seen = [], 0, {}
    for key, items in loose.items():
        group = cards.get(key, [])
        card = {c[0]: c for c in group}
        fresh = [c for c in group if c[3] in changed]
        for iid, _, text, did, linked in items:
            current = card.get(linked)
            if did in changed or (linked and (current is None or current[3] in changed)):
                best = _best(text, did, group, seen=seen)      # computed again over the whole group
            else:                                        # the rest still stands: only the new cards
                start = (similarity(text, current[2]), current[0], current[1]) if current else None
                best = _best(text, did, fresh, start, seen)
            new = (best[2], best[1]) if best else (None, None)
            old = (current[1], current[0]) if current else (None, None)
            if new != old or (linked and not current):
                changes.append((*new, iid))
            total += best is not None
    _write(con, changes)
    return total
