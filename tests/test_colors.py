"""Status colours by hue, with tolerance, and the document's legend."""
import pytest

from extract.colors import colour_word, legend, status_text
from normalize.values import stato


@pytest.mark.parametrize('rgb, word', [
    ((0.0, 0.69, 0.31), 'verde'), ((0.57, 0.82, 0.31), 'verde'), ((0.2, 0.6, 0.2), 'verde'),
    ((0.55, 0.9, 0.55), 'verde'),                       # pale but still green
    ((1.0, 1.0, 0.0), 'giallo'), ((1.0, 0.9, 0.0), 'giallo'), ((0.95, 0.85, 0.35), 'giallo'),
    ((1.0, 0.6, 0.1), 'arancione'),
    ((0.88, 0.13, 0.13), 'rosso'), ((0.75, 0.05, 0.2), 'rosso'), ((1.0, 0.35, 0.35), 'rosso'),
])
def test_hues_classify_with_tolerance(rgb, word):
    assert colour_word(rgb) == word


@pytest.mark.parametrize('rgb', [(1, 1, 1), (0.95, 0.95, 0.95), (0.5, 0.5, 0.5), (0.05, 0.05, 0.05),
                                 (0.12, 0.12, 0.2), (0.93, 0.95, 0.98), None])
def test_neutral_fills_mean_nothing(rgb):
    assert colour_word(rgb) is None
    assert status_text(rgb) is None


def test_default_meaning_of_status_colours():
    assert [stato(status_text(c)) for c in ((0.1, 0.7, 0.3), (0.98, 0.8, 0.1), (0.9, 0.2, 0.1))] == \
        ['raggiunto', 'parziale', 'non_raggiunto']
    assert status_text((0.12, 0.23, 0.7)) is None      # a blue header is not a status


def test_legend_forms():
    assert legend('Legenda colonna Esito: verde = attuato o in corso regolare di attuazione; '
                  'giallo = attuato parzialmente; rosso = non attuato') == {
        'verde': 'attuato o in corso regolare di attuazione', 'giallo': 'attuato parzialmente',
        'rosso': 'non attuato'}
    leg = legend('Si propone una caratterizzazione per colore: in verde gli obiettivi pienamente '
                 'raggiunti, in giallo quelli raggiunti solo parzialmente.')
    assert stato(leg['verde']) == 'raggiunto' and stato(leg['giallo']) == 'parziale'
    assert legend('Il logo verde e la copertina gialla del documento.') == {}


def test_legend_overrides_default_meaning():
    leg = legend('Legenda: giallo = non avviato; verde = realizzato')
    assert stato(status_text((1.0, 0.85, 0.1), leg)) == 'non_raggiunto'
    # a legend meaning the vocabulary does not know falls back to the hue
    assert stato(status_text((0.9, 0.1, 0.1), {'rosso': 'da rivedere'})) == 'non_raggiunto'


def test_amber_read_through_a_legend_naming_yellow_or_orange():
    amber = (0.98, 0.66, 0.15)                       # hue ~37°: the orange band
    assert colour_word(amber) == 'arancione'
    assert stato(status_text(amber, {'giallo': 'non avviato', 'verde': 'concluso'})) == 'non_raggiunto'
    assert stato(status_text((1.0, 0.85, 0.1), {'arancione': 'non avviato', 'verde': 'concluso'})) == 'non_raggiunto'
    # a legend naming both keeps each its own meaning
    both = {'giallo': 'in corso', 'arancione': 'sospeso', 'verde': 'concluso'}
    assert stato(status_text(amber, both)) == 'non_raggiunto' and stato(status_text((1.0, 0.85, 0.1), both)) == 'parziale'


def _legend_page(box_w, box_h):
    """A slide with one coloured shape of box_w x box_h beside its (centred, far) words."""
    from extract.layout import Fill, Line, Page
    page = Page(2, 960, 540)
    page.fills = [Fill(108, 144, 108 + box_w, 144 + box_h, (0.96, 0.69, 0.52))]
    page.lines = [Line(2, 'Obiettivo non raggiunto / non avviato', 287, 663, 158, 178, 20.0, False)]
    return page


def test_legend_slide_shapes_are_swatches():
    from extract.colors import nearest_swatch, swatch_legend
    swatches = swatch_legend(_legend_page(58, 43))          # an Impress shape, about 0.8 x 0.6 inch
    assert nearest_swatch((0.95, 0.69, 0.52), swatches) == 'Obiettivo non raggiunto / non avviato'
    assert stato(status_text((0.96, 0.69, 0.52))) == 'parziale'     # what the hue alone would say


def test_a_banner_is_not_a_swatch():
    from extract.colors import swatch_legend
    assert swatch_legend(_legend_page(160, 43)) == []
