"""Records set in a narrow text column (one column of a two-column page): headings wrap over
several lines, values wrap mid-sentence, a section's small table sits under a bold run-in line.
Each page is drawn here with reportlab, its lines placed by hand, and read by the whole pipeline."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.layout import read_layout
from extract.registry import extract_all
from extract.text import fold

X = 48          # the left column's edge; no line is wider than a column of a two-column page


def _page(lines: list[tuple[str, str, float] | tuple], tables: list[tuple[float, list[tuple[str, str]]]] = ()) -> bytes:
    """`lines`: (text, font, size), or (label, value, size) pairs drawn bold + plain on one
    baseline when the font is 'run-in'; a None text leaves a gap. `tables`: (after line k, rows)
    drawn as a ruled label | value grid below line k."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 790
    after = dict(tables)
    for k, (text, font, size) in enumerate(lines):
        if text is None:
            y -= size
            continue
        if font == 'run-in':
            label, value = text
            c.setFont('Helvetica-Bold', size)
            c.drawString(X, y, label + ':')
            c.setFont('Helvetica', size)
            c.drawString(X + c.stringWidth(label + ': ', 'Helvetica-Bold', size), y, value)
        else:
            c.setFont(font, size)
            c.drawString(X, y, text)
        y -= size * 1.25
        if k in after:
            rows = after[k]
            top = y + size
            c.setFont('Helvetica', 8.5)
            for label, value in rows:
                c.drawString(X + 3, top - 10, label)
                c.drawString(X + 203, top - 10, value)
                c.line(X, top, X + 250, top)
                top -= 14
            c.line(X, top, X + 250, top)
            for x in (X, X + 200, X + 250):
                c.line(x, y + size, x, top)
            y = top - 14
    c.showPage()
    c.save()
    return buf.getvalue()


B, R = 'Helvetica-Bold', 'Helvetica'


def test_a_heading_wrapped_in_a_narrow_column_keeps_all_its_lines():
    """A bold heading barely larger than the text, wrapped over lines that read like a field's
    name ('monitoraggio annuale ...') or like a numbered heading ('0-6 anni'), is one title; a
    bullet's line going on in lower case ('attori, nello specifico:') is no 'Label:' line."""
    pdf = _page([
        ('Ambito territoriale di Valle', B, 15), ('Obiettivi e azioni 2025-2027', B, 12.5), (None, '', 6),
        ('Obiettivo 1 – Il sistema integrato', B, 9.5), ('0-6 anni', B, 9.5),
        ('Piano delle attività', B, 8.5),
        ("• L'intervento è rivolto a creare sinergia fra i diversi", R, 8.5), ('attori, nello specifico:', R, 8.5),
        ('• Costituzione di tavoli di raccordo', R, 8.5), (None, '', 6),
        ('Obiettivo 2 – La relazione di', B, 9.5), ('monitoraggio annuale dei servizi', B, 9.5),
        ('Piano delle attività', B, 8.5), ('• Mantenere il tavolo di coordinamento', R, 8.5),
        ('• Mantenere il coordinamento pedagogico', R, 8.5)])
    ex, _ = extract_all(read_layout(pdf))
    got = [(o.fields.get('titolo'), o.fields.get('numero'), [a.testo for a in o.azioni]) for o in ex.obiettivi]
    assert got == [
        ('Il sistema integrato 0-6 anni', '1',
         ["L'intervento è rivolto a creare sinergia fra i diversi attori, nello specifico:",
          'Costituzione di tavoli di raccordo']),
        ('La relazione di monitoraggio annuale dei servizi', '2',
         ['Mantenere il tavolo di coordinamento', 'Mantenere il coordinamento pedagogico'])]


def test_a_sections_small_table_under_a_bold_run_in_line_is_the_sections():
    """'Natura dell'intervento: Preventivo' in bold right over the section's yes/no table gives a
    field's value: it does not name the table as an objective of its own."""
    pdf = _page([
        ('Ambito territoriale di Seriate', B, 15), ('Gli obiettivi della programmazione', B, 12.5), (None, '', 6),
        ('OBIETTIVO 1: Intreccio tra progettualità', B, 11.5),
        (('Beneficiari', 'enti pubblici e del privato sociale'), 'run-in', 8.5),
        (('Area tematica di intervento', 'Politiche per i minori'), 'run-in', 8.5),
        (("Natura dell'intervento", 'PREVENTIVO'), 'run-in', 8.5)],
        tables=[(6, [("Coinvolgimento di ASST nell'analisi del bisogno", 'No'),
                      ('Intervento coprogettato con il Terzo Settore', 'Sì')])])
    ex, _ = extract_all(read_layout(pdf))
    assert [o.fields.get('titolo') for o in ex.obiettivi] == ['Intreccio tra progettualità']
    o, = ex.obiettivi
    assert (fold(o.fields.get('tipo_obiettivo', '')), o.fields.get('asst_analisi'), o.fields.get('coprogettato_ts')) \
        == ('preventivo', 'No', 'Sì')


def test_two_evaluated_sections_alike_but_for_their_titles_are_two_esiti():
    """The second section says only what the first said ('No', 'Raggiunto'): under its own
    title it is an esito of its own, not a repetition."""
    pdf = _page([
        ('Piano di Zona 2025-2027', R, 13), ('Esiti del Piano di Zona 2021-2023', B, 12.5), (None, '', 6),
        ('1. Cartella sociale informatizzata', B, 11.5),
        ('2. Ufficio di Piano e programmazione', B, 11.5),
        (('Confermato per il prossimo triennio', 'No'), 'run-in', 8.5), (('Realizzazione', 'Raggiunto'), 'run-in', 8.5)],
        tables=[(3, [('Confermato per il prossimo triennio', 'No'), ('Realizzazione', 'Raggiunto')])])
    ex, _ = extract_all(read_layout(pdf))
    assert [(e.fields.get('titolo'), e.fields.get('riproposto'), e.fields.get('stato')) for e in ex.esiti] == [
        ('Cartella sociale informatizzata', 'No', 'Raggiunto'), ('Ufficio di Piano e programmazione', 'No', 'Raggiunto')]


def test_a_plain_run_in_label_wrapped_over_two_lines():
    """'L'obiettivo prosegue quanto avviato nel triennio' / '2021-2023?: No', set in plain type like
    the other 'Label: value' lines: one label, its answer after the colon."""
    pdf = _page([
        ('Gli obiettivi della programmazione 2025-2027', B, 12.5), (None, '', 6),
        ('Obiettivo n. 1 - Verso una presa in carico', B, 10.5),
        ('Destinatari: beneficiari delle misure di inclusione', R, 8.5),
        ('Macroarea di policy: CONTRASTO ALLA POVERTÀ', R, 8.5),
        ("L'obiettivo prosegue quanto avviato nel triennio", R, 8.5), ('2021-2023?: No', R, 8.5),
        ("Tipologia dell'obiettivo: PROMOZIONALE", R, 8.5)])
    ex, _ = extract_all(read_layout(pdf))
    o, = ex.obiettivi
    assert (o.fields.get('macroarea'), o.fields.get('continuita_precedente'), o.fields.get('tipo_obiettivo')) == \
        ('CONTRASTO ALLA POVERTÀ', 'No', 'PROMOZIONALE')
