"""pdz cerca on the sample plans: Italian singular/plural, hyphens, accents, phrases, AND/OR."""
from typer.testing import CliRunner

from pdz.cli import app
from warehouse import fts
from warehouse.store import connect

runner = CliRunner()


def _hits(db, text, **kw):
    con = connect(db, read_only=True)
    try:
        return fts.search(con, text, limit=500, **kw)
    finally:
        con.close()


def _keys(hits):
    return {(h[1], h[7]) for h in hits}


def test_singular_and_plural_find_the_same_rows(warehouse_campioni):
    singolare, plurale = _hits(warehouse_campioni, 'anziano'), _hits(warehouse_campioni, 'anziani')
    assert singolare and _keys(singolare) == _keys(plurale)
    # found through other forms of the word, marked in the snippet
    assert any('«anziani»' in h[4] or '«anziane»' in h[4] or '«anziana»' in h[4] for h in singolare)


def test_hyphenated_and_joined_spellings_are_one_word(warehouse_campioni):
    joined, hyphen = _hits(warehouse_campioni, 'sociosanitario'), _hits(warehouse_campioni, 'socio-sanitario')
    assert joined and _keys(joined) == _keys(hyphen)
    marked = ' '.join(h[4].lower() for h in joined)
    assert '«socio-sanitari' in marked and '«sociosanitari' in marked    # both spellings in the plans


def test_accents_do_not_matter(warehouse_campioni):
    con_accento, senza = _hits(warehouse_campioni, 'disabilità'), _hits(warehouse_campioni, 'disabilita')
    assert con_accento and _keys(con_accento) == _keys(senza)


def test_a_phrase_in_quotes_must_occur_as_written(warehouse_campioni):
    words = _hits(warehouse_campioni, 'persone anziane')
    phrase = _hits(warehouse_campioni, '"persone anziane"')
    assert phrase and _keys(phrase) < _keys(words)
    assert all('«persone» «anziane»' in h[4].lower() or '«persone anziane»' in h[4].lower() for h in phrase)


def test_all_words_by_default_any_with_o(warehouse_campioni):
    both = _keys(_hits(warehouse_campioni, 'anziani caregiver'))
    either = _keys(_hits(warehouse_campioni, 'anziani caregiver', any_word=True))
    alone = _keys(_hits(warehouse_campioni, 'anziani')) | _keys(_hits(warehouse_campioni, 'caregiver'))
    assert both < either and either == alone


def test_actions_are_searched_and_every_hit_says_where(warehouse_campioni):
    hits = _hits(warehouse_campioni, 'domicilio')
    assert 'azioni' in {h[1] for h in hits}
    for ambito, tabella, file, pagina, estratto, titolo, punteggio, i in hits:
        assert ambito == 'Treviglio' and file.endswith('.pdf') and pagina and '«' in estratto


def test_cli_says_nessun_risultato_and_keeps_titles_whole(warehouse_campioni):
    r = runner.invoke(app, ['cerca', 'parolachenonesiste', '--db', str(warehouse_campioni)])
    assert r.exit_code == 0 and 'nessun risultato' in r.output
    r = runner.invoke(app, ['cerca', 'anziani', '--db', str(warehouse_campioni), '-f', 'csv', '-n', '100'])
    import csv, io
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    longest = max(len(x['titolo']) for x in rows)
    assert longest > 90 and set(rows[0]) == set(fts.HIT_COLUMNS)
