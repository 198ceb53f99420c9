"""Layout reading: rows a page break leaves open, running headers, colours."""
import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.layout import read_layout, to_rgb
from extract.tables import label_rows, table_runs


def _open_row_pdf() -> bytes:
    """A label | content table whose last row runs off page 1 with no closing rule (the vertical
    rules go down to the page foot) and carries on at the top of page 2 with no opening rule."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    w, h = A4
    x0, split, x1 = 50, 200, 545
    # page 1: two closed rows, then an open one
    for y in (780, 740, 700):
        c.line(x0, y, x1, y)
    for x in (x0, split, x1):
        c.line(x, 780, x, 60)
    c.setFont('Helvetica', 10)
    c.drawString(55, 765, 'TITOLO OBIETTIVO'); c.drawString(205, 765, 'Sostegno ai caregiver')
    c.drawString(55, 725, 'TARGET'); c.drawString(205, 725, 'Famiglie con anziani fragili')
    c.drawString(55, 685, 'AZIONI PROGRAMMATE'); c.drawString(205, 685, '- sportello di ascolto')
    c.drawString(205, 100, '- gruppi di auto mutuo aiuto')
    c.showPage()
    # page 2: the row carries on from the top edge, then a closing rule
    for x in (x0, split, x1):
        c.line(x, 800, x, 700)
    c.line(x0, 700, x1, 700)
    c.setFont('Helvetica', 10)
    c.drawString(205, 780, '- formazione dei volontari')
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_row_left_open_by_a_page_break_is_read_and_joined():
    layout = read_layout(_open_row_pdf())
    assert [len(p.tables) for p in layout.pages] == [1, 1]
    runs = table_runs(layout)
    assert len(runs) == 1
    rows = {r.label: r.content for r in label_rows(runs[0])}
    assert rows['AZIONI PROGRAMMATE'].split('\n') == [
        '- sportello di ascolto', '- gruppi di auto mutuo aiuto', '- formazione dei volontari']


def test_running_header_and_page_numbers_are_furniture():
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for n in range(1, 5):
        c.setFont('Helvetica', 8)
        c.drawString(50, 815, 'Ambito di Seriate - Piano di Zona 2025-2027')
        c.drawString(290, 20, str(n))
        c.setFont('Helvetica', 11)
        c.drawString(50, 700, f'Contenuto della pagina {n}')
        c.showPage()
    c.save()
    layout = read_layout(buf.getvalue())
    for p in layout.pages:
        assert [ln.text for ln in p.lines if not ln.furniture] == [f'Contenuto della pagina {p.number}']


def test_colours_of_any_pdf_colour_space_become_rgb():
    assert to_rgb((0.5,)) == (0.5, 0.5, 0.5)
    assert to_rgb((0, 0.5, 1)) == (0, 0.5, 1)
    assert to_rgb((0, 0, 0, 1)) == (0, 0, 0)          # CMYK black
    assert to_rgb((1, 0, 1, 0)) == (0, 1, 0)          # CMYK cyan + yellow = green
    assert to_rgb('P1') is None                       # a pattern has no single colour


def _rules_only_split_pdf() -> bytes:
    """A label | content table drawn with horizontal rules only; the AZIONI cell runs off the
    foot of page 1 with no rule under it and ends above the first rule of page 2."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    x0, split, x1 = 50, 200, 545
    c.setFont('Helvetica', 10)
    rows = [('TITOLO OBIETTIVO', 'Sostegno ai caregiver'), ('TARGET', 'Famiglie con anziani fragili'),
            ('RISORSE ECONOMICHE', 'Fondo nazionale politiche sociali')]
    y = 780
    for label, content in rows:
        c.line(x0, y, x1, y)
        c.drawString(55, y - 15, label); c.drawString(split + 5, y - 15, content)
        y -= 40
    c.line(x0, y, x1, y)
    c.drawString(55, y - 15, 'AZIONI PROGRAMMATE')
    yy = y - 15
    for i in range(1, 36):              # a long list that runs to the page foot
        c.drawString(split + 5, yy, f'- azione numero {i}')
        yy -= 15
        if yy < 60:
            break
    last = i
    c.showPage()
    c.setFont('Helvetica', 10)
    c.drawString(split + 5, 790, f'- azione numero {last + 1}')
    c.drawString(split + 5, 775, f'- azione numero {last + 2}')
    c.line(x0, 760, x1, 760)
    c.drawString(55, 745, 'TEMPI'); c.drawString(split + 5, 745, '2025-2027')
    c.line(x0, 725, x1, 725)
    c.showPage()
    c.save()
    return buf.getvalue(), last + 2


def test_rules_only_table_keeps_a_cell_cut_by_the_page_foot():
    data, n = _rules_only_split_pdf()
    layout = read_layout(data)
    runs = table_runs(layout)
    rows = {r.label: r.content for run in runs for r in label_rows(run)}
    azioni = rows['AZIONI PROGRAMMATE'].split('\n')
    assert azioni == [f'- azione numero {i}' for i in range(1, n + 1)]
    assert rows['TEMPI'] == '2025-2027'


def test_a_heading_between_rules_only_tables_is_no_row_where_a_word_space_meets_the_split():
    """A bold heading between two label | content tables drawn with horizontal rules only, the
    rule under one and the rule over the next enclosing it as if it were a row: the table is
    cut there even when the heading's break between two words falls on the column split."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    x0, split, x1 = 50, 200, 545
    y = 780
    for label, content in [('Area tematica', 'Politiche per il lavoro'), ('Raggiungimento %', '90 %'),
                           (None, None), ('Area tematica', 'Interventi trasversali'), ('Raggiungimento %', '80 %')]:
        c.line(x0, y, x1, y)
        if label is None:
            c.setFont('Helvetica-Bold', 10.5)
            c.drawRightString(split - 1, y - 16, 'Accordo quadro con le')      # a space's width either side
            c.drawString(split + 2, y - 16, 'scuole del territorio')
        else:
            c.setFont('Helvetica', 9)
            c.drawString(55, y - 15, label)
            c.drawString(split + 5, y - 15, content)
        y -= 30
    c.line(x0, y, x1, y)
    c.showPage()
    c.save()
    layout = read_layout(buf.getvalue())
    rows = [(r.label, r.content) for run in table_runs(layout) for r in label_rows(run)]
    assert ('Area tematica', 'Interventi trasversali') in rows
    assert not any('Accordo' in (label or '') + (content or '') for label, content in rows), rows
    heading = [ln for ln in layout.pages[0].lines if ln.text.startswith('Accordo')]
    assert [ln.text for ln in heading] == ['Accordo quadro con le scuole del territorio'] and not heading[0].in_table


def test_a_larger_bold_heading_under_a_rules_only_table_opens_the_text_below_it():
    """Booktabs answer tables (a thick rule over and under, a thin one between), each followed
    by the next section's heading, bold and larger, and its prose: the heading is no last row
    of the table above it, though nothing drawn parts them."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    x0, split, x1 = 50, 330, 545
    y = 780
    for n in (1, 2, 3):
        for k, (label, answer) in enumerate([('Il bisogno è stato analizzato insieme ad ASST?', 'Si'),
                                             ("L'obiettivo prosegue quanto avviato nel triennio?", 'No')]):
            c.setLineWidth(1.2 if k == 0 else 0.3)
            c.line(x0, y, x1, y)
            c.setFont('Helvetica', 8.5)
            c.drawString(53, y - 12, label)
            c.drawString(split + 3, y - 12, answer)
            y -= 16.6
        c.setLineWidth(1.2)
        c.line(x0, y, x1, y)
        if n == 3:
            break
        c.setFont('Helvetica-Bold', 11.5)
        c.drawString(53, y - 26, f'{n + 1}. Sezione numero {n + 1}')
        c.setFont('Helvetica', 8.5)
        for i in range(3):
            c.drawString(53, y - 44 - 11 * i, f'Finalità della sezione {n + 1}, riga {i + 1}: un testo che corre per tutta la '
                                               'larghezza della pagina.')
        y -= 90
    c.showPage()
    c.save()
    layout = read_layout(buf.getvalue())
    page = layout.pages[0]
    headings = [ln for ln in page.lines if ln.text.startswith(('2. Sezione', '3. Sezione'))]
    assert [ln.text for ln in headings] == ['2. Sezione numero 2', '3. Sezione numero 3']
    assert not any(ln.in_table for ln in headings)
    cells = [cell.text for t in page.tables for row in t.rows for cell in row if cell is not None and cell.text]
    assert not any('Sezione' in text for text in cells), cells
    assert cells.count('Si') == 3 and cells.count('No') == 3


# ---------------------------------------------------------------- status drawn as a shape, status as a coloured word
GREEN, RED = (0.18, 0.49, 0.2), (0.78, 0.16, 0.16)


def _status_table_pdf() -> bytes:
    """A ruled 'Obiettivo | Esito' table with a grey header band: the Esito cells hold a filled
    circle (Bézier curves), a rounded box, a square drawn as a path, a green / red WORD, black text."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFillColorRGB(0.97, 0.97, 0.9)
    c.rect(0, 0, *A4, stroke=0, fill=1)                     # a page background
    x0, split, x1, top, h = 50, 400, 500, 780, 30
    c.setFillColorRGB(*GREEN); c.setFont('Helvetica-Bold', 14)
    c.drawString(x0, 800, 'Verifica degli obiettivi')     # a coloured heading line
    c.setFillColorRGB(0.8, 0.85, 0.86)
    c.rect(x0, top - h, x1 - x0, h, stroke=0, fill=1)       # header band across the row
    n = 7
    for k in range(n + 2):
        c.line(x0, top - k * h, x1, top - k * h)
    for x in (x0, split, x1):
        c.line(x, top, x, top - (n + 1) * h)
    c.setFillColorRGB(0, 0, 0)
    c.setFont('Helvetica-Bold', 10)
    c.drawString(x0 + 5, top - 18, 'Obiettivo'); c.drawString(split + 5, top - 18, 'Esito')
    c.setFont('Helvetica', 10)
    cx = (split + x1) / 2
    for k in range(n):
        y = top - (k + 1) * h - h / 2                         # row centre
        c.setFillColorRGB(0, 0, 0)
        c.drawString(x0 + 5, y - 3, f'Obiettivo numero {k + 1}')
        if k == 0:
            c.setFillColorRGB(*GREEN); c.circle(cx, y, 8, stroke=0, fill=1)
        elif k == 1:
            c.setFillColorRGB(*RED); c.roundRect(cx - 12, y - 6, 24, 12, 4, stroke=0, fill=1)
        elif k == 2:
            c.setFillColorRGB(*GREEN)
            p = c.beginPath(); p.moveTo(cx - 6, y - 6); p.lineTo(cx + 6, y - 6); p.lineTo(cx + 6, y + 6)
            p.lineTo(cx - 6, y + 6); p.close(); c.drawPath(p, stroke=0, fill=1)
        elif k == 3:
            c.setFillColorRGB(*GREEN); c.drawString(split + 5, y - 3, 'REALIZZATO')
        elif k == 4:
            c.setFillColorRGB(*RED); c.drawString(split + 5, y - 3, 'NON AVVIATO')
        elif k == 5:
            c.setFillColorRGB(0.3, 0.3, 0.3); c.drawString(split + 5, y - 3, 'in corso')
        else:   # one red word in black text is no coloured status
            c.drawString(split + 5, y - 3, 'nel 2024 sospeso')
            c.setFillColorRGB(*RED); c.drawString(split + 85, y - 3, '!')
    c.showPage()
    c.save()
    return buf.getvalue()


def _close(a, b) -> bool:
    return a is not None and all(abs(x - y) < 0.02 for x, y in zip(a, b))


def test_status_shapes_inside_a_cell_colour_it():
    page = read_layout(_status_table_pdf()).pages[0]
    (table,) = page.tables
    esito = [row[1] for row in table.rows]
    assert _close(esito[1].fill, GREEN)          # circle, far smaller than its cell
    assert _close(esito[2].fill, RED)            # rounded box
    assert _close(esito[3].fill, GREEN)          # square drawn as a path
    assert all(c.fill is None for c in esito[4:])
    # the header band is a row's colour, not the colour of the narrow Esito header cell;
    # the page background colours nothing
    assert esito[0].fill is None
    assert all(row[0].fill is None for row in table.rows[1:])


def test_status_written_as_a_coloured_word_is_the_cell_ink():
    page = read_layout(_status_table_pdf()).pages[0]
    (table,) = page.tables
    esito = [row[1] for row in table.rows]
    assert _close(esito[4].ink, GREEN) and _close(esito[5].ink, RED)
    assert esito[6].ink is None                  # grey text
    assert esito[7].ink is None                  # one red mark among black words
    assert all(row[0].ink is None for row in table.rows)
    inks = {ln.text: ln.ink for ln in page.lines}
    assert _close(inks['Verifica degli obiettivi'], GREEN) and inks['Obiettivo numero 1'] is None


# ---------------------------------------------------------------- text set in two columns
def _columns_pdf(gap: float = 18) -> tuple[bytes, list[str], list[str]]:
    """A full-width title, then two justified-ish text columns whose lines stand at the same
    heights (pdfplumber reads them as one line across the page), then a full-width ruled table."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    w, h = A4
    m = 50
    cw = (w - 2 * m - gap) / 2
    c.setFont('Helvetica-Bold', 14)
    c.drawString(m, 790, 'Piano di Zona: gli obiettivi del triennio in due colonne')
    c.setFont('Helvetica', 10)
    words = ('servizi sociali famiglie minori anziani disabilità comuni ambito rete territorio progetto '
             'sostegno inclusione lavoro casa povertà fragilità domiciliarità').split()
    left, right = [], []
    for k in range(30):
        for col, out in ((0, left), (1, right)):
            text, j = f'{"L" if col == 0 else "R"}{k:02d}', k * 3 + col
            while c.stringWidth(text + ' ' + words[j % len(words)], 'Helvetica', 10) < cw - 4:
                text += ' ' + words[j % len(words)]
                j += 1
            out.append(text)
            c.drawString(m + col * (cw + gap), 760 - 14 * k, text)
    y = 760 - 14 * 30 - 10
    for k in range(3):
        c.line(m, y - 20 * k, w - m, y - 20 * k)
    for x in (m, w / 2, w - m):
        c.line(x, y, x, y - 40)
    c.drawString(m + 5, y - 14, 'Indicatore di processo'); c.drawString(w / 2 + 5, y - 14, 'entro il 2026')
    c.drawString(m + 5, y - 34, 'Indicatore di esito'); c.drawString(w / 2 + 5, y - 34, 'entro il 2027')
    c.showPage()
    c.save()
    return buf.getvalue(), left, right


def test_two_text_columns_are_read_one_after_the_other():
    data, left, right = _columns_pdf()
    page = read_layout(data).pages[0]
    texts = [ln.text for ln in page.content_lines()]
    assert texts == ['Piano di Zona: gli obiettivi del triennio in due colonne', *left, *right]
    cols = {ln.text: ln for ln in page.lines}
    assert {cols[t].column for t in left} == {0} and {cols[t].column for t in right} == {1}
    # indents compare within a column: the right column's lines are not 'indented'
    assert {round(cols[t].indent) for t in right} == {round(cols[left[0]].indent)}
    # the table below keeps its rows whole and stays after the columns
    table_lines = [ln for ln in page.lines if ln.in_table]
    assert [ln.text for ln in table_lines] == ['Indicatore di processo entro il 2026', 'Indicatore di esito entro il 2027']
    assert page.lines.index(table_lines[0]) > page.lines.index(cols[right[-1]])


def test_a_narrow_gutter_still_separates_columns():
    data, left, right = _columns_pdf(gap=9)
    texts = [ln.text for ln in read_layout(data).pages[0].content_lines()]
    assert texts[1:1 + len(left) + len(right)] == [*left, *right]


def _table_in_left_column_pdf() -> tuple[bytes, list[str], list[str], list[str]]:
    """Two prose columns; half-way down the left one a table drawn with row rules only (a Word
    'Light List' set in one column) whose cell text runs a little past its rules into the gutter,
    while the right column's prose goes on beside its rows at the same heights."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    w, _ = A4
    m, gap = 50, 14
    cw = (w - 2 * m - gap) / 2
    c.setFont('Helvetica', 10)
    words = ('servizi sociali famiglie minori anziani disabilità comuni ambito rete territorio progetto '
             'sostegno inclusione lavoro casa povertà fragilità domiciliarità').split()

    def filled(tag: str, j: int, width: float) -> str:
        text = tag
        while c.stringWidth(text + ' ' + words[j % len(words)], 'Helvetica', 10) < width:
            text += ' ' + words[j % len(words)]
            j += 1
        return text
    left, right, cells = [], [], []
    for k in range(30):
        y = 780 - 14 * k
        r = filled(f'R{k:02d}', k * 3 + 1, cw - 4)
        right.append(r)
        c.drawString(m + cw + gap, y, r)
        if 10 <= k < 16:      # the table's rows: text ending past the middle of the gutter
            end = m + cw + gap / 2 + 3
            cell = filled(f'T{k:02d}', k * 3, end - m - 64)
            cells.append(cell)
            c.drawRightString(end, y, cell)
            continue
        t = filled(f'L{k:02d}', k * 3, cw - 4)
        left.append(t)
        c.drawString(m, y, t)
    top, bottom = 780 - 14 * 10 + 11, 780 - 14 * 16 + 11
    for k in (10, 13, 16):
        c.line(m, 780 - 14 * k + 11, m + cw - 10, 780 - 14 * k + 11)
    for x in (m, m + 55, m + cw - 10):
        c.line(x, top, x, bottom)
    c.showPage()
    c.save()
    return buf.getvalue(), left, right, cells


def test_table_text_running_into_the_gutter_does_not_take_the_prose_beside_it():
    data, left, right, cells = _table_in_left_column_pdf()
    page = read_layout(data).pages[0]
    texts = [ln.text for ln in page.content_lines(include_tables=True)]
    assert [t for t in texts if t[0] in 'LT'] == [*left[:10], *cells, *left[10:]]
    assert [t for t in texts if t[0] == 'R'] == right
    assert texts.index(right[0]) > texts.index(left[-1])      # the right column after the left one
    assert {ln.column for ln in page.lines if ln.text in cells} == {0}


def test_label_value_list_and_ruled_table_are_no_columns():
    """A page of 'label    value' lines (labels of many lengths, a tab stop) and a ruled two-column
    table: one column, lines whole and in top-to-bottom order."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont('Helvetica', 10)
    labels = ['Titolo', 'Target', 'Azioni programmate', 'Risorse', 'Tempi', 'Referente', 'Destinatari',
              'Indicatori di esito', 'Area', 'Budget']
    y = 780
    for k in range(24):
        c.drawString(50, y, labels[k % len(labels)])
        c.drawString(200, y, f'contenuto della voce {k} per le famiglie e i servizi del territorio')
        y -= 14
    for k in range(12):
        c.line(50, y - 20 * k, 545, y - 20 * k)
        if k < 11:
            c.drawString(55, y - 20 * k - 14, f'Voce {k}'); c.drawString(300, y - 20 * k - 14, f'valore della riga {k}')
    for x in (50, 295, 545):
        c.line(x, y, x, y - 220)
    c.showPage()
    c.save()
    _read_as_one_column(buf.getvalue(), 'Azioni programmate contenuto della voce')


def _sparse_columns_pdf() -> tuple[bytes, list[str], list[str]]:
    """Two text columns of short lines, landscape: the left one holds a title block at the top,
    white space, then bold labels over their values at the foot; the right one holds labels and
    values from the top, so its first lines stand beside the title's (pdfplumber reads each pair
    as one line). No line fills its column's measure."""
    from reportlab.lib.pagesizes import landscape
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=landscape(A4))
    w, h = landscape(A4)
    xs = (48, w / 2 + 15)
    fields = [('Obiettivo valutato', 'Consulenza ai servizi del territorio'),
              ('Area di policy', 'Progetti area interventi generali e trasversali'),
              ('Livello di raggiungimento', 'quarantacinque per cento'),
              ('Difficoltà incontrate', 'Valutazione necessaria in vista di una decisione futura'),
              ('Continuità', 'Prosecuzione parziale del progetto')]
    left, right = [], []

    def draw(col: int, out: list[str], y: float, text: str, font: str, size: float) -> None:
        c.setFont(font, size)
        c.drawString(xs[col], y, text)
        out.append(text)
    for text, size in (('Ambito territoriale di Seriate', 14), ('Piano di Zona 2025-2027', 12),
                       ('Valutazione degli obiettivi del triennio 2021-2023', 12)):
        draw(0, left, h - 60 - 24 * len(left), text, 'Helvetica-Bold' if size == 14 else 'Helvetica', size)
    y = 180
    for label, value in fields:
        draw(0, left, y, label, 'Helvetica-Bold', 8); draw(0, left, y - 10, value, 'Helvetica', 8)
        y -= 26
    y = h - 56
    for k in range(2):
        for label, value in fields:
            draw(1, right, y, label, 'Helvetica-Bold', 8); draw(1, right, y - 10, f'{value} ({k + 2})', 'Helvetica', 8)
            y -= 26
    c.showPage()
    c.save()
    return buf.getvalue(), left, right


def test_columns_of_short_lines_and_white_space_are_read_one_after_the_other():
    """A column mostly white space, a title block in one column only, lines few and short: the
    gutter is still where no line puts ink, and each column's lines come out apart, in order."""
    data, left, right = _sparse_columns_pdf()
    page = read_layout(data).pages[0]
    lines = page.content_lines()
    assert [ln.text for ln in lines] == [*left, *right]
    assert [ln.column for ln in lines] == [0] * len(left) + [1] * len(right)


def test_a_column_beside_the_other_columns_title_is_still_a_column():
    """Portrait, two columns: the left one holds the title block (large type), white space, and a
    record at its foot; the right one opens at the top with a record -- its bold heading and
    'Label: value' lines stand beside the title, and no left line fills its measure. A heading
    beside a title in another size is no label beside its value: the columns are read apart."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    w, h = A4
    xs = (48, w / 2 + 15)
    left, right = [], []

    def draw(col: int, y: float, text: str, font: str, size: float) -> None:
        c.setFont(font, size)
        c.drawString(xs[col], y, text)
        (left if col == 0 else right).append(text)
    y = h - 60
    for text, size in (('Ambito territoriale di Isola', 15), ('Bergamasca e Bassa Val', 15), ('San Martino', 15),
                       ('Piano di Zona 2025-2027', 13), ('Matrice di monitoraggio', 12.5), ('2025-2027', 12.5)):
        draw(0, y, text, 'Helvetica' if size == 13 else 'Helvetica-Bold', size)
        y -= size * 1.3
    record = [('Obiettivo 25 – Almeno trenta posti letto', 'Helvetica-Bold', 10.5),
              ('per accoglienze temporanee', 'Helvetica-Bold', 10.5),
              ('Tipologia: OUTPUT', 'Helvetica', 8.5), ('Valore base: Non rilevato', 'Helvetica', 8.5),
              ('Valore atteso 2026: 30 posti', 'Helvetica', 8.5),
              ('Esito rilevazione 30/11/2025: Non rilevato', 'Helvetica', 8.5),
              ('Esito rilevazione 30/06/2026: 12', 'Helvetica', 8.5)]
    for col, y in ((1, h - 58), (0, 160)):
        for text, font, size in record:
            draw(col, y, text.replace('25', '24') if col == 0 else text, font, size)
            y -= size * 1.25
    c.showPage()
    c.save()
    page = read_layout(buf.getvalue()).pages[0]
    assert [ln.text for ln in page.content_lines()] == [*left, *right]


def test_columns_of_labels_over_short_values_are_read_apart():
    """Two columns of a card drawn as bold labels over short answers ('N.' / '2', 'Continuità' /
    'Sì'): no line is prose-long, but no line of either column has anything beside it -- nothing
    there is a label beside its value -- so the columns are read one after the other (the card
    left at the left column's foot goes on at the top of the right one)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    w, h = A4
    xs = (48, w / 2 + 15)
    left, right = [], []
    card = [('N.', 'Helvetica-Bold'), ('{n}', 'Helvetica'), ('Obiettivo', 'Helvetica-Bold'),
            ('Accordo quadro {n} con le scuole', 'Helvetica'), ('Criticità rilevate', 'Helvetica-Bold'),
            ('Nessuna', 'Helvetica'), ('Continuità', 'Helvetica-Bold'), ('Sì', 'Helvetica'),
            ('Realizzazione', 'Helvetica-Bold'), ('Raggiunto', 'Helvetica')]

    def draw(col: int, y: float, text: str, font: str, size: float) -> float:
        c.setFont(font, size)
        c.drawString(xs[col], y, text)
        (left if col == 0 else right).append(text)
        return y - size * 1.4
    y = draw(0, h - 60, 'Ambito territoriale di Valle', 'Helvetica-Bold', 15)
    y = draw(0, y, 'Verifica della programmazione', 'Helvetica-Bold', 12.5)
    y = 150
    for text, font in card[:9]:                   # the first card, cut at the foot after its last label
        y = draw(0, y, text.format(n=1), font, 8.5)
    y = h - 58
    for text, font in card[9:] + card * 2:
        y = draw(1, y, text.format(n=2), font, 8.5)
    c.showPage()
    c.save()
    page = read_layout(buf.getvalue()).pages[0]
    assert [ln.text for ln in page.content_lines()] == [*left, *right]


def test_a_figure_over_the_page_number_is_content():
    """A value that ends a landscape page's last record ('0') right above the page number is the
    record's, not a second page number."""
    from reportlab.lib.pagesizes import landscape
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=landscape(A4))
    w, h = landscape(A4)
    c.setFont('Helvetica', 8.5)
    y = 312
    for text in ['Tipo di indicatore', 'di outcome', 'Atteso al secondo anno', 'N. nuclei anno 2026 > N. anno 2025',
                 'Rilevazione al 30/11/2025', '0']:
        c.drawString(48, y, text)
        y -= 60 if text != 'Rilevazione al 30/11/2025' else 10.6      # '0' in the foot band
    c.setFont('Helvetica', 7.5)
    c.drawString(w - 60, 18, 'Pag. 1')
    c.showPage()
    c.save()
    page = read_layout(buf.getvalue()).pages[0]
    assert [ln.text for ln in page.lines if ln.furniture] == ['Pag. 1']
    assert page.content_lines()[-1].text == '0'


def _read_as_one_column(pdf: bytes, label_and_value: str) -> None:
    """The page is one column, top to bottom, with a label and its value on one line."""
    page = read_layout(pdf).pages[0]
    assert {ln.column for ln in page.lines} == {0}
    assert [ln.top for ln in page.lines] == sorted(ln.top for ln in page.lines)
    assert any(ln.text.startswith(label_and_value) for ln in page.lines)


def test_labels_beside_wrapped_values_are_no_columns():
    """An unruled 'label | value' list whose labels and values both wrap over several lines: a
    label stands beside its value, so however short the lines this is one column, read whole."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 780
    for k in range(10):
        label = ['Titolo', 'Azioni programmate', 'Risorse impiegate'][k % 3]
        c.setFont('Helvetica-Bold', 9)
        c.drawString(50, y, label)
        if k % 3 == 2:
            c.drawString(50, y - 11, 'e strumenti')           # a label wrapped over two lines
        c.setFont('Helvetica', 9)
        for j in range(1 + k % 3):                           # a value over one to three lines
            c.drawString(300, y - 11 * j, f'valore {k} riga {j} per le famiglie del territorio')
        y -= 11 * (1 + k % 3) + 12
    c.showPage()
    c.save()
    _read_as_one_column(buf.getvalue(), 'Azioni programmate valore')


def test_corpus_pages_in_one_column_stay_as_they_were():
    from pathlib import Path
    data = (Path(__file__).resolve().parent.parent / 'corpus' / 'samples' / 'treviglio-pdz-2025-2027-obiettivi.pdf').read_bytes()
    for p in read_layout(data).pages:
        assert {ln.column for ln in p.lines} == {0}
        assert [ln.top for ln in p.lines] == sorted(ln.top for ln in p.lines)


def test_ligatures_and_soft_hyphens_are_plain_text():
    from extract.text import clean, fold
    assert clean('Fonti di \ufb01nanziamento e \ufb02ussi') == 'Fonti di finanziamento e flussi'
    assert clean('inte\u00adgrazione socio-\nsanitaria') == 'integrazione sociosanitaria'
    assert fold('CRITICITÀ  RILEVATE') == fold('criticita rilevate')


# ---------------------------------------------------------------- columns no rule draws
LABELS = [('Obiettivo', 'Sostegno ai caregiver familiari'), ('Dimensione', 'OUTPUT'),
          ('Grado di raggiungimento', '72% - sufficiente'), ('Riproposto', 'Sì, parzialmente'),
          ('Criticità rilevate', 'Scarsa adesione delle famiglie')]


def _unruled_table_pdf(shaded: set[int] = frozenset(), frame: bool = True, title: str | None = None,
                       label_fill_only: bool = False) -> bytes:
    """A label | answer table as Word styles print it: rules between the rows, an outer frame,
    no inner vertical rule -- except where a shaded cell draws its own box (`shaded` rows get
    a filled label cell and a filled answer cell; `label_fill_only`: every label cell filled, the
    answers unruled). `title`: a merged first row across both columns."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    x0, split, x1, h = 60, 230, 540, 24
    rows = ([(title, None)] if title else []) + LABELS
    top = 780
    ys = [top - h * k for k in range(len(rows) + 1)]
    for k, (label, answer) in enumerate(rows):
        y_top, y_bot = ys[k], ys[k + 1]
        c.setFillColorRGB(0.85, 0.9, 0.95)
        if answer is not None and (k in shaded or label_fill_only):
            c.rect(x0, y_bot, split - x0, h, stroke=0, fill=1)
            if not label_fill_only:
                c.rect(split, y_bot, x1 - split, h, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont('Helvetica-Bold' if answer is None else 'Helvetica', 10)
        c.drawString(x0 + 5, y_top - 15, label)
        if answer is not None:
            c.drawString(split + 5, y_top - 15, answer)
    if not label_fill_only:
        for y in ys:
            c.line(x0, y, x1, y)
    if frame and not label_fill_only:
        c.line(x0, ys[0], x0, ys[-1])
        c.line(x1, ys[0], x1, ys[-1])
    c.showPage()
    c.save()
    return buf.getvalue()


def _only_table(data: bytes):
    tables = [t for p in read_layout(data).pages for t in p.tables]
    assert len(tables) == 1
    return tables[0]


def test_answer_glued_to_its_label_is_cut_where_the_other_rows_draw_the_column():
    """'Light List' / 'Medium Shading': only the shaded rows draw the inner rule; the plain rows
    come out as one cell 'Dimensione OUTPUT' unless the gap at the column is seen."""
    table = _only_table(_unruled_table_pdf(shaded={0, 2, 4}))
    assert table.texts() == [[label, answer] for label, answer in LABELS]


def test_a_merged_title_row_stays_whole():
    title = 'TITOLO OBIETTIVO: un titolo lungo che attraversa la colonna delle risposte'
    table = _only_table(_unruled_table_pdf(shaded={1, 3, 5}, title=title))
    assert table.texts()[0] == [title, '']
    assert table.texts()[1:] == [[label, answer] for label, answer in LABELS]


def test_rules_between_rows_only_give_the_columns_the_text_shows():
    """No inner rule anywhere: pdfplumber finds one column; the answers all start at the same x
    after a wide gap, so that is where the second column starts."""
    table = _only_table(_unruled_table_pdf())
    assert table.texts() == [[label, answer] for label, answer in LABELS]


def test_shaded_label_column_with_unruled_answers_gets_its_second_column():
    """A borderless table whose label cells are shaded: the fills make a one-column table of
    labels; the answers beside them are the second column."""
    table = _only_table(_unruled_table_pdf(label_fill_only=True))
    assert table.texts() == [[label, answer] for label, answer in LABELS]


def test_a_framed_paragraph_is_no_two_column_table():
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    prose = ['Il Piano di Zona individua nella domiciliarità una priorità trasversale alle aree,',
             'con interventi che sostengono le famiglie e i caregiver nella cura quotidiana dei',
             'propri congiunti fragili, in raccordo con i servizi sanitari e sociosanitari.',
             'Le azioni sono condivise con il Terzo Settore e con le associazioni del territorio.']
    c.setFont('Helvetica', 10)
    for k, riga in enumerate(prose):
        c.drawString(65, 760 - 14 * k, riga)
    c.rect(60, 700, 480, 80, stroke=1, fill=0)
    c.line(60, 740, 540, 740)
    c.showPage()
    c.save()
    table = _only_table(buf.getvalue())
    assert table.ncols == 1


def test_six_columns_drawn_with_row_rules_only():
    """An objectives table in a row-rules-only style: every column inferred from the steady
    starts after wide gaps, the header included."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=landscape_a4())
    xs = [40, 190, 330, 430, 560, 650, 800]
    righe = [['Obiettivo', 'Interventi', 'Attori', 'Esiti attesi', 'Tempi', 'Risorse'],
             ['Sostegno ai caregiver', 'Sportello di ascolto', 'Comuni', '50 famiglie', '2025', 'FNPS'],
             ['Inclusione lavorativa', 'Tirocini', 'Terzo Settore', '20 tirocini', '2026', 'FSE'],
             ['Housing sociale', 'Alloggi temporanei', 'ALER', '10 nuclei', '2027', 'Fondo casa']]
    y = 520
    for riga in righe:
        c.line(xs[0], y, xs[-1], y)
        c.setFont('Helvetica', 10)
        for x, testo in zip(xs, riga):
            c.drawString(x + 5, y - 15, testo)
        y -= 24
    c.line(xs[0], y, xs[-1], y)
    c.line(xs[0], 520, xs[0], y)
    c.line(xs[-1], 520, xs[-1], y)
    c.showPage()
    c.save()
    table = _only_table(buf.getvalue())
    assert table.texts() == righe


def landscape_a4():
    from reportlab.lib.pagesizes import landscape
    return landscape(A4)


def _card_without_rules() -> bytes:
    """Two cards drawn with no rule: bold labels at the left, values at x=226 wrapped
    over several lines, a label wrapped where its value is short -- one text column."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 780
    card = [(['Codice'], ['1']),
            (["Denominazione dell'obiettivo"], ["Osservatorio d'Ambito per l'abitare e la casa"]),
            (['Quali obiettivi vuole raggiungere'],
             ['La complessità dei temi trattati dalle politiche abitative ha generato la necessità',
              'di costituire un luogo di incontro tra tutti i soggetti portatori di interesse,',
              'che abbia come finalità quella di monitorare lo sviluppo delle politiche',
              'e promuovere strategie volte al superamento dei problemi']),
            (['A chi si rivolge'], ["Cittadini e famiglie residenti sul territorio dell'Ambito che vivono",
                                    'condizioni di vulnerabilità sociale, economica ed abitativa']),
            (['In continuità con la', 'programmazione precedente'], ['SÌ']),
            (['Co-progettazione con il Terzo', 'Settore'], ['NO'])]
    for _ in range(2):
        for labels, values in card:
            for k in range(max(len(labels), len(values))):
                if k < len(labels):
                    c.setFont('Helvetica-Bold', 8.5)
                    c.drawString(48, y, labels[k])
                if k < len(values):
                    c.setFont('Helvetica', 8.5)
                    c.drawString(226, y, values[k])
                y -= 10.5
            y -= 6
        y -= 14
    c.showPage()
    c.save()
    return buf.getvalue()


def test_bold_labels_beside_plain_values_are_no_text_columns():
    """Labels set bold at the left, their values plain at the right, on the same baselines: a
    card without rules, read label by value -- not a page of two text columns (all labels, then
    all values)."""
    lay = read_layout(_card_without_rules())
    assert not any(ln.column for ln in lay.pages[0].lines)
    from extract.registry import extract_all
    from extract.text import fold
    ex, _ = extract_all(lay)
    assert [o.fields.get('numero') for o in ex.obiettivi] == ['1', '1']
    assert all(fold(o.fields.get('titolo', '')).startswith('osservatorio') for o in ex.obiettivi)
