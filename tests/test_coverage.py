"""Tables no extractor reads are listed in anomalie, not dropped."""
import io

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from pdz.pipeline import process_bytes


def _pdf_with_table(rows) -> bytes:
    buf = io.BytesIO()
    t = Table(rows)
    t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, (0, 0, 0))]))
    SimpleDocTemplate(buf, pagesize=A4).build([t])
    return buf.getvalue()


def test_a_table_no_family_reads_is_an_anomaly_with_its_page():
    rows = [['Fascia di età', 'Maschi', 'Femmine'], ['0-14', '1.204', '1.150'], ['15-64', '6.880', '6.702'],
            ['65 e oltre', '2.301', '2.977']]
    res = process_bytes(_pdf_with_table(rows), 'popolazione.pdf')
    found = [a for a in res.rows['anomalie'] if a.famiglia == 'copertura']
    assert len(found) == 1 and found[0].pagina == 1
    assert 'Fascia di età' in found[0].messaggio


def test_tables_read_into_records_are_not_reported():
    from fixtures.corpus_layouts import layout_of
    from extract.registry import extract_all
    ex, _ = extract_all(layout_of('treviglio-matrice-monitoraggio-2025.pdf'))
    assert ex.indicatori and not [a for a in ex.anomalie if a.famiglia == 'copertura']
