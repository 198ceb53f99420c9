"""The round-3 office variants (tests/variants/office_altri.py) draw what their truth says: each
generator's truth records are found in the LibreOffice-made PDF, on the pages the truth gives,
with the layout feature the variant is about (landscape section, repeated header rows, status
fills, coloured words). Skipped without soffice / python-docx / python-pptx (CI)."""
from __future__ import annotations

import io

import pytest

from variants import office_altri as oa
from variants.render import available as dev_available

pytestmark = pytest.mark.skipif(not (oa.available() and dev_available()),
                                reason='needs LibreOffice (soffice: make setup-office), python-docx, python-pptx and the dev truth')


def _pdf(data: bytes):
    import pdfplumber
    return pdfplumber.open(io.BytesIO(data))


@pytest.fixture(scope='module')
def narrativo():
    return oa.narrativo_stili(n=3)


@pytest.fixture(scope='module')
def matrice():
    return oa.matrice_orizzontale_unita(n=12)


@pytest.fixture(scope='module')
def deck():
    return oa.slide_stato_parole(n=10)


def test_squeeze_ignores_wrapping_and_punctuation():
    assert oa._squeeze('Garantire un ade-\nguato  sistema,') == 'garantireunadeguatosistema'


def test_narrative_titles_are_on_their_truth_pages(narrativo):
    testi = oa.testi_pagine(narrativo.pdf)
    obs = narrativo.truth['obiettivi']
    assert len(obs) == 3 and all(o['pagina_inizio'] for o in obs)
    for o in obs:
        assert oa._squeeze(o['titolo'])[:40] in testi[o['pagina_inizio'] - 1]
        assert o['azioni'] and o['indicatori']


def test_narrative_footer_field_gives_each_page_its_number(narrativo):
    with _pdf(narrativo.pdf) as doc:
        ultimi = [(p.extract_text() or '').splitlines()[-1] for p in doc.pages]
    n = len(ultimi)
    assert n >= 2
    assert all(f'Pag. {k} di {n}' in riga for k, riga in enumerate(ultimi, start=1))


def test_matrix_is_a_landscape_section_with_its_header_on_every_page(matrice):
    with _pdf(matrice.pdf) as doc:
        pagine = doc.pages
        assert pagine[0].width < pagine[0].height           # the portrait cover
        tabella = pagine[1:]
        assert len(tabella) >= 2
        for p in tabella:
            assert p.width > p.height
            assert 'Descrizione indicatore' in (p.extract_text() or '')   # repeated header rows
        celle = {oa._squeeze(c) for p in tabella for t in p.extract_tables() for r in t for c in r if c}
    for i in matrice.truth['indicatori']:       # each indicator's text starts a cell of the table
        assert any(c.startswith(oa._squeeze(i['testo'])[:30]) for c in celle), i['testo']
        assert all(r['data'] == '2025-11-30' for r in i['rilevazioni'])


def test_deck_status_words_are_coloured_and_on_the_truth_slide(deck):
    colori = {t: c for t, c in oa._PAROLE_STATO.values()}
    with _pdf(deck.pdf) as doc:
        for e in deck.truth['esiti']:
            p = doc.pages[e['pagina'] - 1]
            assert oa._squeeze(e['titolo'])[:25] in oa._squeeze(p.extract_text())
            parola = oa._PAROLE_STATO[e['stato']][0]
            chars = [c for w in p.extract_words(extra_attrs=['non_stroking_color'])
                     if w['text'] == parola.split()[0] for c in [w]]
            assert chars, parola
            atteso = tuple(int(colori[parola][k:k + 2], 16) / 255 for k in (0, 2, 4))
            assert any(tuple(round(x, 2) for x in w['non_stroking_color']) ==
                       tuple(round(x, 2) for x in atteso) for w in chars)
