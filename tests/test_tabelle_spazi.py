"""Tables only white space draws (extract/tabelle_spazi.py): a booktabs table under prose, two
tables side by side -- each read into the cells a reader would see in a ruled one; prose set in
two columns is no table."""
import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.intestazioni import header_paths
from extract.layout import read_layout

PROSE = ['Il piano di zona descrive i servizi del territorio e le risorse che i comuni',
         "dell'ambito destinano alle persone fragili nel triennio di programmazione."]
HEADER = ['Servizio', 'Utenti 2022', 'Utenti 2023', 'Spesa (euro)']
BODY = [['Assistenza domiciliare', '120', '134', '250.000'],
        ['Centro diurno', '45', '51', '310.500'],
        ['Trasporto sociale', '88', '90', '42.000'],
        ['Sportello unico', '300', '315', '18.750']]
X = (60, 240, 330, 420)


def _draw_table(c, xs, y, rows, rules: str, width: float) -> float:
    """Rows of text at the column x's from y down; rules 'booktabs' (top, under the header,
    bottom), 'header' (a grid round the header row only, the body between horizontal rules)."""
    top = y + 12
    for k, row in enumerate(rows):
        for x, text in zip(xs, row):
            c.drawString(x, y, text)
        if k == 0 and rules == 'booktabs':
            c.line(xs[0] - 4, y - 5, xs[0] - 4 + width, y - 5)
        if rules == 'header':
            c.line(xs[0] - 4, y - 5, xs[0] - 4 + width, y - 5)
            if k == 0:
                for x in list(xs) + [xs[0] - 4 + width + 4]:
                    c.line(x - 4, top, x - 4, y - 5)
        y -= 16
    if rules:
        c.line(xs[0] - 4, top, xs[0] - 4 + width, top)
        c.line(xs[0] - 4, y + 11, xs[0] - 4 + width, y + 11)
    if rules == 'header':
        c.line(xs[0] - 4, top, xs[0] - 4, y + 11)
        c.line(xs[0] - 4 + width, top, xs[0] - 4 + width, y + 11)
    return y


def _pdf(kind: str) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    w, h = A4
    c.setFont('Helvetica', 10)
    y = h - 80
    for ln in PROSE:
        c.drawString(60, y, ln)
        y -= 14
    y -= 20
    if kind == 'side':
        _draw_table(c, (60, 160), y, [['Comune', 'Abitanti'], ['Bergamo', '120.000'], ['Dalmine', '23.000'],
                                      ['Treviglio', '30.000']], '', 0)
        _draw_table(c, (340, 460), y, [['Ente', 'Sportelli'], ['ATS', '4'], ['ASST', '7'], ['Comuni', '18']], '', 0)
        y -= 80
    else:
        y = _draw_table(c, X, y, [HEADER] + BODY, 'booktabs' if kind == 'booktabs' else 'header', 440)
    y -= 20
    c.drawString(60, y, 'La tabella riporta i dati forniti dagli uffici di piano dei comuni associati.')
    c.showPage()
    c.save()
    return buf.getvalue()


def _layer(kind: str):
    page = read_layout(_pdf(kind)).pages[0]
    return page, page.tables


def test_booktabs_table_is_read_into_its_cells():
    page, tables = _layer('booktabs')
    assert len(tables) == 1
    assert tables[0].texts() == [HEADER] + BODY
    # the prose around it stays prose
    inside = [ln.text for ln in page.lines if tables[0].bbox[1] <= ln.top <= tables[0].bbox[3]]
    assert not any(PROSE[0][:20] in t for t in inside)


def test_side_by_side_tables_stay_two():
    _, tables = _layer('side')
    assert [t.texts() for t in sorted(tables, key=lambda t: t.bbox[0])] == [
        [['Comune', 'Abitanti'], ['Bergamo', '120.000'], ['Dalmine', '23.000'], ['Treviglio', '30.000']],
        [['Ente', 'Sportelli'], ['ATS', '4'], ['ASST', '7'], ['Comuni', '18']]]


def test_prose_in_two_columns_is_no_table():
    words = ('il piano di zona promuove la rete dei servizi sociali dei comuni associati con le '
             'famiglie il terzo settore e le scuole del territorio').split()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    w, h = A4
    c.setFont('Helvetica', 10)
    for col, x in enumerate((50, 310)):
        for k in range(30):
            line = ' '.join(words[(k * 3 + col) % 9:][:7])
            c.drawString(x, h - 80 - 14 * k, line)
    c.showPage()
    c.save()
    page = read_layout(buf.getvalue()).pages[0]
    assert page.tables == []


def _one_page(draw) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont('Helvetica', 10)
    draw(c, A4[1] - 100)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_column_title_left_of_indented_labels_keeps_the_label_column():
    # the white band between the title's left edge and the indented labels parts no columns:
    # taken for a river, the wide gap before the figures split the labels off as a table apart
    rows = [['Servizio', 'Donne', 'Uomini', 'Totale'], ['Anziani', '', '', ''],
            ['Assistenza domiciliare', '120', '134', '254'], ['Centro diurno', '45', '51', '96'],
            ['Minori', '', '', ''], ['Asilo nido', '88', '90', '178'], ['Ludoteca', '30', '35', '65']]

    def draw(c, y):
        for k, r in enumerate(rows):
            c.drawString(60 if k == 0 or not r[1] else 70, y, r[0])
            for x, t in zip((330, 380, 430), r[1:]):
                c.drawRightString(x, y, t)
            y -= 14
    tables = read_layout(_one_page(draw)).pages[0].tables
    assert [t.texts() for t in tables] == [rows]


def test_titles_over_two_columns_leave_them_apart():
    # each place's title crosses the river between its two columns; a small table's few rows
    # must still let it through, and the slivers beside the titles make no extra columns
    def draw(c, y):
        c.drawString(60, y, 'Anno')
        c.drawCentredString(200, y, 'Bergamo')
        c.drawCentredString(320, y, 'Dalmine')
        y -= 14
        for x, t in zip((170, 230, 290, 350), ('Donne', 'Uomini', 'Donne', 'Uomini')):
            c.drawCentredString(x, y, t)
        for yr, vals in (('2021', ('15,1', '15,7', '12,0', '8,7')), ('2022', ('10,6', '9,1', '9,3', '6,4')),
                         ('2023', ('8,6', '8,2', '8,9', '7,0'))):
            y -= 14
            c.drawString(60, y, yr)
            for x, t in zip((170, 230, 290, 350), vals):
                c.drawCentredString(x, y, t)
    tables = read_layout(_one_page(draw)).pages[0].tables
    assert [t.texts() for t in tables] == [[
        ['Anno', 'Bergamo', '', 'Dalmine', ''], ['', 'Donne', 'Uomini', 'Donne', 'Uomini'],
        ['2021', '15,1', '15,7', '12,0', '8,7'], ['2022', '10,6', '9,1', '9,3', '6,4'],
        ['2023', '8,6', '8,2', '8,9', '7,0']]]
    assert tables[0].rows[0][2] is None and tables[0].rows[0][4] is None   # the titles span


def test_justified_text_in_a_ruled_cell_fuses_no_columns():
    # a label set justified spreads its words wide; that is no column gap the rules missed
    def justified(c, words, x0, x1, y):
        widths = [c.stringWidth(w, 'Helvetica', 10) for w in words]
        gap = (x1 - x0 - sum(widths)) / (len(words) - 1)
        for w, wd in zip(words, widths):
            c.drawString(x0, y, w)
            x0 += wd + gap

    def draw(c, top):
        xs, y = (60, 230, 330, 430), top
        c.line(xs[0], y, xs[-1], y)
        for x, t in zip(xs, ('Indicatore', 'Comuni', 'Utenti')):
            c.drawString(x + 4, y - 12, t)
        y -= 18
        c.line(xs[0], y, xs[-1], y)
        for first, rest, a, b in (('Numero dei comuni che hanno', 'aderito al piano', '21', '8'),
                                  ('Numero dei servizi attivati nel', 'corso del triennio', '11', '3')):
            justified(c, first.split(), xs[0] + 4, xs[1] - 4, y - 12)
            c.drawString(xs[0] + 4, y - 24, rest)
            c.drawString(xs[1] + 4, y - 12, a)
            c.drawString(xs[2] + 4, y - 12, b)
            y -= 30
            c.line(xs[0], y, xs[-1], y)
        for x in xs:
            c.line(x, top, x, y)
    tables = read_layout(_one_page(draw)).pages[0].tables
    assert [t.texts() for t in tables] == [[
        ['Indicatore', 'Comuni', 'Utenti'],
        ['Numero dei comuni che hanno\naderito al piano', '21', '8'],
        ['Numero dei servizi attivati nel\ncorso del triennio', '11', '3']]]


def test_narrow_column_under_a_wider_title_stays_a_column():
    # the title overhangs the one-digit figures on both sides, so the rivers either side of the
    # column are each crossed by it and stand less than an em apart: the figures keep them apart
    rows = [['Variabile', 'Media', 'Min', 'Max'], ['Età', '50,8', '2', '90'], ['Figli', '1,7', '0', '8'],
            ['Reddito', '2.127', '1', '22.500'], ['Componenti', '2,4', '1', '9']]

    def draw(c, y):
        for r in rows:
            c.drawString(60, y, r[0])
            c.drawRightString(300, y, r[1])
            c.drawCentredString(390, y, r[2])
            c.drawRightString(480, y, r[3])
            y -= 14
    tables = read_layout(_one_page(draw)).pages[0].tables
    assert [t.texts() for t in tables] == [rows]


def test_header_led_table_cut_into_text_columns_is_read_whole():
    # the body's white gutters look like a page's text columns, so the header-led reader takes
    # only the first column's pieces of each row: the table is read again from all the text in
    # its box, and that text makes no second table of its own
    names = ['Albino', 'Alzano Lombardo', 'Bergamo', 'Dalmine', 'Gorle', 'Nembro']
    head = [(60, 'Comune di residenza'), (205, 'Utenti totali'), (265, 'Quota'), (310, 'Indice'),
            (350, 'Intervallo')]
    body = [[names[k % 6], f'{1000 + 37 * k:,}', f'({k % 9 + 1}.{k % 7})', f'{k % 3 + 1}.{k % 10}',
             f'({k % 4}.{k % 9}–{k % 5 + 2}.{k % 8})'] for k in range(30)]

    def draw(c, y):
        c.setFont('Helvetica-Bold', 8)
        for x, t in head:
            c.drawString(x, y, t)
        c.setFont('Helvetica', 8)
        for row in body:
            y -= 12
            for x, t in zip((60, 210, 266, 310, 350), row):
                c.drawString(x, y, t)
    page = read_layout(_one_page(draw)).pages[0]
    assert [t.texts() for t in page.tables] == [[[t for _, t in head]] + body]


def test_table_in_one_text_column_leaves_the_prose_beside_it():
    # a table set small in the left column, prose in the right one at its own line spacing, the
    # caption on the same baseline as the prose's first line: the prose joins none of its rows
    words = ('il piano di zona promuove la rete dei servizi sociali dei comuni associati con le '
             'famiglie il terzo settore e le scuole del territorio').split()
    names = ['Albino', 'Alzano Lombardo', 'Bergamo', 'Dalmine', 'Gorle', 'Nembro', 'Ranica', 'Scanzo',
             'Seriate', 'Torre Boldone']
    head = ['Comune', 'Utenti', 'Tasso', '(IC 95%)']
    body = [[names[k % 10], f'{1000 + 37 * k:,}', f'{150 - 2.3 * k:.1f}',
             f'({140 - 2.3 * k:.1f}–{160 - 2.3 * k:.1f})'] for k in range(36)]

    def draw(c, top):
        y = top
        for k in range(27):
            line = ''
            for w in words[k % 7:] + words[:k % 7]:
                if c.stringWidth(f'{line} {w}', 'Helvetica', 10) > 230:
                    break
                line = f'{line} {w}'.strip()
            c.drawString(320, y, line)
            y -= 12.5
        c.setFont('Helvetica-Bold', 10)
        c.drawString(50, top, 'Tabella 1. Utenti e tassi per comune')
        c.setFont('Helvetica', 7.5)
        y = top - 16
        for row in [head] + body:
            for x, t in zip((50, 160, 200, 250), row):
                c.drawString(x, y, t)
            y -= 9
    page = read_layout(_one_page(draw)).pages[0]
    assert [t.texts() for t in page.tables] == [[head] + body]


def test_ruled_table_whose_rule_cuts_through_words_is_read_from_its_text():
    # the rule meant between rate and interval stands inside the interval's words: the grid's
    # cells cut them in two ('85,5 (69,9-1' | '01,0)'), the text's own columns do not
    rows = [['Età', 'Casi', 'Tasso', '(IC 95%)', 'Note'], ['45-54', '116', '85,5', '(69,9-101,0)', 'stabile'],
            ['55-64', '164', '234,9', '(199,0-270,9)', 'in calo'],
            ['65-74', '242', '654,1', '(571,7-736,5)', 'stabile']]

    def draw(c, top):
        y, rules = top, (60, 140, 190, 270, 320, 400)
        c.line(rules[0], y + 12, rules[-1], y + 12)
        for r in rows:
            for x, t in zip((64, 150, 200, 240, 330), r):
                c.drawString(x, y, t)
            c.line(rules[0], y - 5, rules[-1], y - 5)
            y -= 17
        for x in rules:
            c.line(x, top + 12, x, y + 12)
    page = read_layout(_one_page(draw)).pages[0]
    assert [t.texts() for t in page.tables] == [rows]


def _two_level_table(c, top, rules: bool):
    """Nr. | Descrizione | 'Risultati attesi' over I anno | II anno | Responsabile, titles bold,
    cells wrapped over lines at a leading of 10pt, rows 8pt apart; booktabs rules or none."""
    xs = (60, 90, 250, 340, 430)
    c.setFont('Helvetica-Bold', 8)
    for x, t in zip(xs, ('Nr.', 'Descrizione', 'Risultati attesi', '', 'Responsabile')):
        c.drawString(x, top, t)
    for x, t in zip(xs[2:4], ('I anno', 'II anno')):
        c.drawString(x, top - 18, t)
    c.setFont('Helvetica', 8)
    y = top - 40
    if rules:
        c.line(56, top + 10, 540, top + 10)
        c.line(56, top - 26, 540, top - 26)
    for k, (desc, a, b, who) in enumerate(BODY_2L):
        lines = max(len(desc), len(who))
        c.drawString(xs[0], y, str(k + 1))
        for j, t in enumerate(desc):
            c.drawString(xs[1], y - 10 * j, t)
        c.drawString(xs[2], y, a)
        c.drawString(xs[3], y, b)
        for j, t in enumerate(who):
            c.drawString(xs[4], y - 10 * j, t)
        y -= 10 * lines + 8
    if rules:
        c.line(56, y + 4, 540, y + 4)


BODY_2L = [(['Attivazione dello sportello', 'unico per le famiglie', 'in ogni comune'], 'n. 1 sportello', 'n. 3 sportelli',
            ['Ufficio di Piano']),
           (['Formazione degli operatori', 'dei servizi sociali'], '2 corsi', '4 corsi', ['Referente area', 'minori e famiglia']),
           (['Protocollo con la ASST'], 'firmato', 'rinnovato', ['Ufficio di Piano'])]


def _expected_two_level():
    return [['Nr.', 'Descrizione', 'Risultati attesi', None, 'Responsabile'],
            [None, None, 'I anno', 'II anno', None]] + \
        [[str(k + 1), '\n'.join(d), a, b, '\n'.join(w)] for k, (d, a, b, w) in enumerate(BODY_2L)]


def test_booktabs_table_with_two_level_titles_is_read_into_rows():
    # rules over and under the titles and at the foot only: the page's table has the columns the
    # text shows, a row per record (wrapped lines joined), the group title spanning its two columns
    page = read_layout(_one_page(lambda c, y: _two_level_table(c, y, rules=True))).pages[0]
    assert len(page.tables) == 1
    t = page.tables[0]
    assert [[c.text if c else None for c in r] for r in t.rows] == _expected_two_level()
    group = t.rows[0][2]
    assert group.x1 >= t.rows[1][3].x0 + 1          # its box covers 'II anno' too
    assert header_paths(t, 2)[3] == ['Risultati attesi', 'II anno']


def test_unruled_table_with_bold_two_level_titles_is_read_into_rows():
    page = read_layout(_one_page(lambda c, y: _two_level_table(c, y, rules=False))).pages[0]
    assert [[[c.text if c else None for c in r] for r in t.rows] for t in page.tables] == [_expected_two_level()]


def _wrapped_rows(c, top, titles, rows, xs, leading=9, gap=8):
    """An unruled table whose cells wrap over lines `leading` apart, rows `gap` apart."""
    c.setFont('Helvetica-Bold', 8)
    for x, t in zip(xs, titles):
        c.drawString(x, top, t)
    c.setFont('Helvetica', 8)
    y = top - 18
    for row in rows:
        depth = max(len(cell) for cell in row)
        for x, cell in zip(xs, row):
            for k, line in enumerate(cell):
                c.drawString(x, y - k * leading, line)
        y -= depth * leading + gap
    return y


def test_unruled_rows_of_wrapped_cells_are_one_row_each():
    # every column wraps, the first too, over lines set close; rows stand a few points apart:
    # the white between rows parts them, not each line (a line per row is for tables set tight)
    titles = ['Obiettivo', 'Descrizione', 'Destinatari']
    rows = [[['Sostegno alla', 'genitorialità'], ['Rafforzare la rete dei', 'servizi per le famiglie', 'con figli minori'],
             ['famiglie con', 'minori']],
            [['Abitare', 'sociale'], ['Un sistema di ambito per', "l'emergenza abitativa"], ['nuclei in', 'emergenza', 'abitativa']],
            [['Lavoro e', 'inclusione'], ['Percorsi di inserimento', 'lavorativo per adulti'], ['adulti fragili']]]
    page = read_layout(_one_page(lambda c, top: _wrapped_rows(c, top, titles, rows, (60, 200, 380)))).pages[0]
    assert [t.texts() for t in page.tables] == [
        [titles] + [['\n'.join(cell) for cell in row] for row in rows]]


def test_a_heading_between_two_unruled_cards_ends_the_first():
    # label | value cards without rules, each under its own larger bold heading: two tables, the
    # heading in neither (it names the card below it), a value's wrapped last line in its card
    cards = [('Indicatore n. 1: Accessi allo sportello', [('Tipologia', 'output'), ('Baseline', '120 accessi'),
                                                          ('Risultato atteso', 'almeno 150 accessi nel')]),
             ('Indicatore n. 2: Tempo medio di attesa', [('Tipologia', 'outcome'), ('Baseline', '30 giorni'),
                                                         ('Risultato atteso', '20 giorni')])]

    def draw(c, y):
        for heading, pairs in cards:
            c.setFont('Helvetica-Bold', 10.5)
            c.drawString(60, y, heading)
            y -= 16
            c.setFont('Helvetica', 8.5)
            for label, value in pairs:
                c.drawString(60, y, label)
                c.drawString(200, y, value)
                y -= 11
            if heading.endswith('sportello'):
                c.drawString(200, y, 'secondo anno')
                y -= 11
            y -= 12
    page = read_layout(_one_page(draw)).pages[0]
    assert [t.texts() for t in page.tables] == [
        [['Tipologia', 'output'], ['Baseline', '120 accessi'], ['Risultato atteso', 'almeno 150 accessi nel\nsecondo anno']],
        [['Tipologia', 'outcome'], ['Baseline', '30 giorni'], ['Risultato atteso', '20 giorni']]]
    assert not any(ln.in_table for ln in page.lines if ln.text.startswith('Indicatore'))


def test_justified_prose_in_a_narrow_column_is_no_table():
    # justified lines of a narrow column (short sentences, each opening with a capital) leave
    # wide, equal word spaces; where words of like lengths stand under each other those spaces
    # line up like columns: still prose
    lines = [['Servizi', 'territoriali', 'per', 'famiglie.'], ['Sostegno', 'domiciliare', 'con', 'anziani.'],
             ['Percorsi', 'lavorativi', 'dei', 'giovani.'], ['Progetti', 'educativi', 'per', 'i minori.']]

    def draw(c, y):
        c.setFont('Courier', 9)
        for ws in lines:               # set justified to 260 points: spaces of two ems and more
            gap = (260 - sum(c.stringWidth(w, 'Courier', 9) for w in ws)) / (len(ws) - 1)
            x = 60
            for w in ws:
                c.drawString(x, y, w)
                x += c.stringWidth(w, 'Courier', 9) + gap
            y -= 11
    page = read_layout(_one_page(draw)).pages[0]
    assert page.tables == []


def test_booktabs_table_broken_over_a_page_keeps_its_body():
    # a generated transposed table of esiti, booktabs, broken over a page: its rules stop under
    # the wrapped column titles, its body's rows (labels wrapped over three lines) are text --
    # one under the header on the first page, two at the head of the next: one table, whole
    from extract.tables import table_runs
    from variants import combinatorio as C
    _, pdf, truth, cella = C.documento(156, seed=0)
    assert (cella['tipo'], cella['rappresentazione']) == ('esito', 'trasposta') and 'booktabs' in cella['stile']
    runs = table_runs(read_layout(pdf))
    assert [(r.page_start, r.page_end) for r in runs] == [(1, 2)]
    rows = [r for t in runs[0].parts for r in t.texts()]
    assert [' '.join(r[1].split()) for r in rows[:1]] == [truth['esiti'][0]['titolo']]
    assert len(rows) == 5 and all(len(r) == 1 + len(truth['esiti']) for r in rows)


def test_card_going_on_over_a_page_with_a_yes_no_grid_is_one_table():
    # page 1 ends with the card's label | content rows; page 2 opens with its questions, the
    # content column split into mark | option: the same label column, so the same card
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table as RLTable, TableStyle
    from extract.tables import table_runs
    grid = TableStyle([('GRID', (0, 0), (-1, -1), 0.5, (0, 0, 0)), ('FONTSIZE', (0, 0), (-1, -1), 8.5)])
    first = RLTable([['Obiettivo principale', 'Ridurre i tempi di attesa'], ['Target', 'Anziani soli']],
                    colWidths=[200, 300], style=grid)
    second = RLTable([['Analisi condivisa con ASST?', 'X', 'SI'], ['', '', 'NO'],
                      ['Co-progettazione con il Terzo Settore', '', 'SI'], ['', 'X', 'NO']],
                     colWidths=[200, 40, 260], style=grid)
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build([first, PageBreak(), second])
    runs = table_runs(read_layout(buf.getvalue()))
    assert [(r.page_start, r.page_end) for r in runs] == [(1, 2)]


def test_unruled_table_of_titles_in_capitals_keeps_its_rows_and_last_column():
    # titles in capitals wrap alone in the first column (no lower case to say so); the last
    # column is narrow and stands far right, like a text column of its own: still one table
    titles = ['Obiettivo', 'Raggiungimento', 'Riproposto', 'Realizzazione']
    rows = [[['PROMUOVERE LA SALUTE / PROMOZIONE E', 'SOSTEGNO ALLA LOTTA CONTRO LE', 'DIPENDENZE'], ['100 %'], ['Si'],
             ['Obiettivo raggiunto']],
            [['EQUIPE DI AMBITO PER', "L'INSERIMENTO LAVORATIVO"], ['75 %'], ['No'], ['Parzialmente']],
            [['VULNERABILITÀ SOCIALE: UNA RETE', "DI CONTRASTO ALL'EMARGINAZIONE"], ['90 %'], ['Si'],
             ['Obiettivo raggiunto']]]

    def draw(c, top):
        c.setFont('Helvetica-Bold', 8.5)
        for x, t in zip((50, 240, 330, 452), titles):
            c.drawString(x, top, t)
        c.setFont('Helvetica', 8.5)
        y = top - 14
        for row in rows:
            for x, cell in zip((50, 240, 330, 452), row):
                for k, line in enumerate(cell):
                    c.drawString(x, y - 10.5 * k, line)
            y -= 10.5 * len(row[0])
    page = read_layout(_one_page(draw)).pages[0]
    assert [t.texts() for t in page.tables] == [[titles] + [['\n'.join(cell) for cell in row] for row in rows]]


def test_numbered_items_in_a_ruled_cell_fuse_no_columns():
    # '3.' and its item a tab apart inside one cell: a list, not two columns the rules missed
    def draw(c, top):
        xs, y = (60, 230, 530), top
        rows = [('Titolo', ['Una rete di supporto']),
                ('Azioni previste', ['1.', 'Costituzione di un tavolo di lavoro', '2.', 'Mappatura dei servizi attivi',
                                     '3.', 'Monitoraggio e verifica degli esiti'])]
        c.line(xs[0], y, xs[-1], y)
        for label, content in rows:
            c.drawString(xs[0] + 4, y - 12, label)
            if len(content) == 1:
                c.drawString(xs[1] + 4, y - 12, content[0])
                y -= 18
            else:
                for k in range(0, len(content), 2):
                    c.drawString(xs[1] + 4, y - 12, content[k])
                    c.drawString(xs[1] + 22, y - 12, content[k + 1])
                    y -= 12
                y -= 6
            c.line(xs[0], y, xs[-1], y)
        for x in xs:
            c.line(x, top, x, y)
    tables = read_layout(_one_page(draw)).pages[0].tables
    assert [t.texts() for t in tables] == [[
        ['Titolo', 'Una rete di supporto'],
        ['Azioni previste', '1. Costituzione di un tavolo di lavoro\n2. Mappatura dei servizi attivi\n'
                            '3. Monitoraggio e verifica degli esiti']]]
