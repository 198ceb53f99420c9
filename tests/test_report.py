"""pdz report: one self-contained page with a chart of each kind and the coverage table."""
import re
import shutil
import subprocess

import duckdb
import pytest
from typer.testing import CliRunner

from pdz.cli import app

runner = CliRunner()


@pytest.fixture(scope='module')
def pagina(warehouse_campioni, tmp_path_factory):
    out = tmp_path_factory.mktemp('rapporto') / 'rapporto.html'
    r = runner.invoke(app, ['report', '--out', str(out), '--db', str(warehouse_campioni)])
    assert r.exit_code == 0, r.output
    return out


def test_one_chart_of_each_kind_and_no_network(pagina):
    text = pagina.read_text(encoding='utf-8')
    figures = re.findall(r'<figure class="grafico">(.*?)</figure>', text, re.S)
    assert len(figures) == 3 and all(f.lstrip().startswith('<svg') for f in figures)
    for title in ('Obiettivi per Ambito e area regionale', 'Indicatori che promettono un numero',
                  'Esiti dei trienni precedenti'):
        assert title in text
    assert '<script' not in text and not re.search(r'(src|href)="https?:', text)
    assert 'Treviglio 2025-2027' in figures[0]            # the heat map's rows are the Ambiti


def test_coverage_table_counts_what_the_warehouse_holds(pagina, warehouse_campioni):
    text = pagina.read_text(encoding='utf-8')
    table = text[text.index('<table>'):text.index('</table>')]
    con = duckdb.connect(str(warehouse_campioni), read_only=True)
    for file, ob, az, ind, es in con.execute('SELECT file, obiettivi, azioni, indicatori, esiti FROM v_documenti').fetchall():
        row = re.search(rf'<tr><td>{re.escape(file)}</td>(.*?)</tr>', table).group(1)
        cells = re.findall(r'<td>(.*?)</td>', row)
        assert cells[3:7] == [str(ob), str(az), str(ind), str(es)], file


@pytest.mark.skipif(not (shutil.which('chromium') or shutil.which('chromium-browser')),
                    reason='Chromium non installato (apt-get install chromium)')
def test_the_page_renders_in_a_browser(pagina, tmp_path):
    from PIL import Image
    browser = shutil.which('chromium') or shutil.which('chromium-browser')
    png = tmp_path / 'rapporto.png'
    subprocess.run([browser, '--headless', '--no-sandbox', '--disable-gpu', f'--screenshot={png}',
                    '--window-size=1200,2400', pagina.as_uri()], check=True, capture_output=True, timeout=120)
    img = Image.open(png).convert('L')
    dark = sum(img.histogram()[:200])
    assert dark > 0.02 * img.width * img.height          # drawn charts and text, not a blank page
