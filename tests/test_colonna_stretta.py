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


def _page(lines: list[tuple], tables: list[tuple[int, list[tuple[str, str]]]] = (),
          more: list[tuple[float, float, list[tuple], list]] = ()) -> bytes:
    """`lines`: (text, font, size), or ((label, value), 'run-in', size) drawn bold + plain on one
    baseline; a None text leaves a gap. `tables`: (after line k -- -1: before the first -- rows)
    drawn as a ruled label | value grid. All in the left column, from the top; `more`: other
    (x, y, lines, tables) drawn the same way (the right column)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for x, y, col_lines, col_tables in [(X, 790, lines, tables), *more]:
        _column(c, x, y, col_lines, dict(col_tables))
    c.showPage()
    c.save()
    return buf.getvalue()


def _column(c, x0: float, y: float, lines: list[tuple], after: dict) -> None:
    def grid(y: float, rows) -> float:
        top = y + 8.5
        c.setFont('Helvetica', 8.5)
        for label, value in rows:
            c.drawString(x0 + 3, top - 10, label)
            c.drawString(x0 + 203, top - 10, value)
            c.line(x0, top, x0 + 250, top)
            top -= 14
        c.line(x0, top, x0 + 250, top)
        for x in (x0, x0 + 200, x0 + 250):
            c.line(x, y + 8.5, x, top)
        return top - 14
    if -1 in after:
        y = grid(y, after[-1])
    for k, (text, font, size) in enumerate(lines):
        if text is None:
            y -= size
            continue
        if font == 'run-in':
            label, value = text
            c.setFont('Helvetica-Bold', size)
            c.drawString(x0, y, label + ':')
            c.setFont('Helvetica', size)
            c.drawString(x0 + c.stringWidth(label + ': ', 'Helvetica-Bold', size), y, value)
        else:
            c.setFont(font, size)
            c.drawString(x0, y, text)
        y -= size * 1.25
        if k in after:
            y = grid(y, after[k])


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


def test_a_sections_table_carried_to_the_next_column_stays_the_sections():
    """Two columns: a section ends at the left column's foot and its yes/no table opens the right
    column; the next section, in the right column, has its own table. Each table is read where
    its column reaches it."""
    section = [(('Beneficiari', 'famiglie con minori'), 'run-in', 8.5),
               (('Area di policy', 'Politiche per la famiglia'), 'run-in', 8.5),
               (("Natura dell'intervento", 'Preventivo'), 'run-in', 8.5)]
    rows = [("Coinvolgimento di ASST nell'analisi del bisogno", 'No'), ('Intervento coprogettato con il Terzo Settore', 'Sì')]
    rows2 = [("Coinvolgimento di ASST nell'analisi del bisogno", 'Sì'), ('Intervento coprogettato con il Terzo Settore', 'No')]
    def prose(n: int, k: int) -> list[tuple]:
        return [(('Descrizione', f'il {n}° obiettivo del piano, che si descrive qui'), 'run-in', 8.5)] + \
            [(f'riga {j} della descrizione del {n}° obiettivo, che continua', R, 8.5) for j in range(k)]
    pdf = _page([('Gli obiettivi della programmazione', B, 12.5), ('Obiettivo 1 – Sostegno alla genitorialità', B, 11.5),
                 *prose(1, 58), *section],
                more=[(X + 265, 790, [('Obiettivo 2 – Rete per gli anziani', B, 11.5), *prose(2, 30), *section],
                       [(-1, rows), (34, rows2)])])
    ex, _ = extract_all(read_layout(pdf))
    assert [(o.fields.get('titolo'), o.fields.get('asst_analisi'), o.fields.get('coprogettato_ts')) for o in ex.obiettivi] \
        == [('Sostegno alla genitorialità', 'No', 'Sì'), ('Rete per gli anziani', 'Sì', 'No')]


def test_a_bold_label_wrapped_over_two_lines_and_a_large_numbered_heading():
    """'Prosecuzione di un obiettivo del triennio' / 'precedente' in bold over its answer is one
    label; '4. Entro il 2027 ...' set as a heading is the indicator's number and text, though
    'Entro il' opens a field's wording."""
    pdf = _page([
        ('Matrice di monitoraggio degli indicatori', B, 12.5),
        ('4. Entro il 2027 almeno cinque procedure sono', B, 11.5), ('inserite nella cartella sociale', B, 11.5),
        (('Categoria', 'Processo'), 'run-in', 8.5), (('Situazione iniziale', '1'), 'run-in', 8.5),
        (('Frequenza di rilevazione', 'annuale'), 'run-in', 8.5),
        (None, '', 8),
        ('Esiti del Piano di Zona 2021-2023', B, 12.5),
        ('Obiettivo valutato', B, 8.5), ('Misura pacchetto famiglia', R, 8.5),
        ('Prosecuzione di un obiettivo del triennio', B, 8.5), ('precedente', B, 8.5), ('Parzialmente', R, 8.5),
        ('Realizzazione', B, 8.5), ('Raggiunto', R, 8.5)])
    ex, _ = extract_all(read_layout(pdf))
    assert [(i.fields.get('numero'), i.testo) for i in ex.indicatori] == [
        ('4', 'Entro il 2027 almeno cinque procedure sono inserite nella cartella sociale')]
    assert [(e.fields.get('titolo'), e.fields.get('continuita_precedente'), e.fields.get('stato')) for e in ex.esiti] \
        == [('Misura pacchetto famiglia', 'Parzialmente', 'Raggiunto')]
