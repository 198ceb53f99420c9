"""Regional schede, Distretto cards and esiti written as Word documents and printed by LibreOffice
(tests/variants/office_schede.py) -- the production toolchain with other templates. What does not
work yet is a strict xfail with the diagnosis, so a fix turns the suite red until the mark goes.
Skips without LibreOffice (CI) or without the dev truth."""
from __future__ import annotations

import io
import re

import pytest

from variants import render

office = pytest.importorskip('variants.office_schede')

pytestmark = pytest.mark.skipif(not (render.available() and office.available()),
                                reason='needs soffice (make setup-office), python-docx and the dev truth (shared/corpus/dev)')

gap = lambda reason: pytest.mark.xfail(strict=True, reason=reason)   # noqa: E731

BUILD = {   # small versions: one LibreOffice conversion each
    'schede_griglia': lambda: office.schede_griglia(2),
    'distretto_senza_bordi': lambda: office.distretto_senza_bordi(2),
    'esiti_light_list': lambda: office.esiti_light_list(4),
    'esiti_blocchi_due_colonne': lambda: office.esiti_blocchi_due_colonne(3),
    'sei_colonne_orizzontale': lambda: office.sei_colonne_orizzontale(8),
}


@pytest.fixture(scope='module')
def run():
    """name -> (variant, rows by table), each built, converted and processed once."""
    from pdz.pipeline import process_bytes
    cache = {}

    def get(name):
        if name not in cache:
            v = BUILD[name]()
            res = process_bytes(v.pdf, v.file)
            assert res.ok, res.error
            cache[name] = (v, {t: [r.model_dump() for r in rows] for t, rows in res.rows.items()})
        return cache[name]
    return get


def norm(s) -> str:
    return ' '.join(str(s or '').replace('’', "'").casefold().split()).strip(' .;:')


def by_title(rows) -> dict:
    return {norm(r['titolo']): r for r in rows}


def children(rows, table, parent) -> list[dict]:
    return [r for r in rows[table] if r['obiettivo_id'] == parent['obiettivo_id']]


# ---------------------------------------------------------------- the harness itself
def test_truth_pages_are_where_libreoffice_printed_the_titles(run):
    import pdfplumber
    v, _ = run('esiti_light_list')
    pagine = [e['pagina'] for e in v.truth['esiti']]
    assert all(isinstance(p, int) for p in pagine) and pagine == sorted(pagine)
    with pdfplumber.open(io.BytesIO(v.pdf)) as doc:
        assert doc.metadata.get('Producer', '').startswith('LibreOffice')
        for e in v.truth['esiti']:
            testo = office._piega(office._testo_pagina(doc.pages[e['pagina'] - 1]))
            assert office._piega(e['titolo'])[:16] in testo


# ---------------------------------------------------------------- regional schede
def test_scheda_griglia_cards_found_by_their_titles(run):
    v, rows = run('schede_griglia')
    got = by_title(rows['obiettivi'])
    for o in v.truth['obiettivi']:
        assert norm(o['titolo']) in got
        assert got[norm(o['titolo'])]['livello'] == 'ambito'


def test_scheda_griglia_row_split_across_pages_keeps_its_items(run):
    v, rows = run('schede_griglia')
    got = by_title(rows['obiettivi'])
    o = v.truth['obiettivi'][0]
    assert got[norm(o['titolo'])]['risorse_economiche'] == o['risorse_economiche']
    assert len(rows['obiettivi']) == len(v.truth['obiettivi'])


def test_scheda_griglia_indicators_typed_by_their_row_label(run):
    v, rows = run('schede_griglia')
    got = by_title(rows['obiettivi'])
    o = v.truth['obiettivi'][1]
    ind = children(rows, 'indicatori', got[norm(o['titolo'])])
    assert sorted((i['tipo'], norm(i['testo'])) for i in ind) == \
        sorted((i['tipo'], norm(i['testo'])) for i in o['indicatori'])


# ---------------------------------------------------------------- Distretto cards
def test_distretto_card_without_strumenti_is_read(run):
    v, rows = run('distretto_senza_bordi')
    got = by_title(rows['obiettivi'])
    for o in v.truth['obiettivi']:
        assert got.get(norm(o['titolo']), {}).get('livello') == 'distretto'


# ---------------------------------------------------------------- esiti DGR 2167
def test_esiti_light_list_titles_and_grades(run):
    v, rows = run('esiti_light_list')
    got = by_title(rows['esiti'])
    for e in v.truth['esiti']:
        r = got[norm(e['titolo'])]
        assert r['grado_raggiungimento'] == e.get('grado_raggiungimento')
        assert r['pagina'] == e['pagina']


def test_esiti_light_list_area_from_the_word_heading(run):
    v, rows = run('esiti_light_list')
    got = by_title(rows['esiti'])
    for e in v.truth['esiti']:
        assert norm(got[norm(e['titolo'])]['macroarea']) == norm(e['macroarea'])


def test_esiti_light_list_short_answers_beside_their_labels(run):
    """'Light List' has no inner vertical rule: a label and its short answer sharing a line
    ('Dimensione OUTPUT') are still two cells; 'Breve descrizione' is the descrizione."""
    v, rows = run('esiti_light_list')
    got = by_title(rows['esiti'])
    for e in v.truth['esiti']:
        r = got[norm(e['titolo'])]
        assert (r['dimensione'], r['riproposto']) == (e['dimensione'], e['riproposto'])
        assert undashed(r['descrizione']) == undashed(e['descrizione'])


def undashed(s) -> str:
    """A line broken right after a dash ('multidimensionale -' / 'sanitaria') cannot tell
    '-sanitaria' from '- sanitaria': compare without the spaces beside dashes."""
    return re.sub(r'\s*([-–])\s*', r'\1', norm(s))


# ---------------------------------------------------------------- older plans
def test_esiti_blocchi_in_two_columns(run):
    v, rows = run('esiti_blocchi_due_colonne')
    got = by_title(rows['esiti'])
    for e in v.truth['esiti']:
        assert got[norm(e['titolo'])]['stato'] == e['stato']


def test_sei_colonne_objectives_found(run):
    v, rows = run('sei_colonne_orizzontale')
    got = by_title(rows['obiettivi'])
    trovati = [o for o in v.truth['obiettivi'] if norm(o['titolo']) in got]
    assert len(trovati) >= len(v.truth['obiettivi']) - 1


def test_sei_colonne_area_rows_are_no_objectives(run):
    v, rows = run('sei_colonne_orizzontale')
    titoli = {norm(o['titolo']) for o in v.truth['obiettivi']}
    assert all(norm(r['titolo']) in titoli for r in rows['obiettivi'])
    assert rows['documenti'][0]['tipo'] == 'piano_di_zona'
