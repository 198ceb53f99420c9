"""Narrative objectives: the Treviglio 2025-2027 objectives, and generated pages that phrase the
headings another way ("Area tematica:", "Obiettivo generale", "Azioni previste", "Destinatari")."""
import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.families import obiettivi_narrativi as on
from extract.layout import read_layout
from normalize.aree import codes_in
from fixtures.corpus_layouts import layout_of


@pytest.fixture(scope='module')
def treviglio():
    return on.extract(layout_of('treviglio-pdz-2025-2027-obiettivi.pdf'))


def test_corpus_objectives(treviglio):
    obs = treviglio.obiettivi
    assert len(obs) == 8
    assert all(o.indicatori and o.azioni and o.fields.get('target') for o in obs)
    assert all(o.fields['macroarea'] and codes_in(o.fields['macroarea']) for o in obs)
    # each area heading is used once; the title is the bold sentence after the label, not the prose
    assert len({o.fields['macroarea'] for o in obs}) == 8
    assert all(o.fields['titolo'].endswith('.') and len(o.fields['titolo']) < 320 for o in obs)
    assert [o.pagina_inizio for o in obs] == sorted(o.pagina_inizio for o in obs)


def test_corpus_sections(treviglio):
    povert = next(o for o in treviglio.obiettivi if 'POVERTÀ' in o.fields['macroarea'])
    assert povert.fields['macroarea'].startswith('CONTRASTO') and povert.fields['macroarea'].endswith('ATTIVA')
    assert sorted(codes_in(povert.fields['macroarea'])) == ['A', 'C']
    assert [i.tipo for i in povert.indicatori] == ['processo', 'output', 'outcome']
    assert povert.azioni[0].testo.startswith('LEPS EVM')
    assert povert.fields['titolo'].startswith('Garantire un adeguato sistema')


def test_sub_bullets_join_their_action(treviglio):
    casa = next(o for o in treviglio.obiettivi if o.fields['macroarea'] == 'POLITICHE ABITATIVE')
    assert len(casa.azioni) == 3
    first = casa.azioni[0].testo.split('\n')
    assert first[0].endswith('Treviglio:') and len(first) == 4
    assert first[2].startswith('estensione') and first[2].endswith('3.a);')


def test_target_bullets_and_page_furniture(treviglio):
    anziani = next(o for o in treviglio.obiettivi if 'ANZIANI' in o.fields['macroarea'])
    assert len(anziani.fields['target'].split('\n')) == 4
    # the page break inside the indicators does not bring the page number or running header in
    for o in treviglio.obiettivi:
        for i in o.indicatori:
            assert 'Piano di Zona 2025-2027 – Ambito' not in i.testo
            assert not i.testo.rstrip().endswith(tuple(str(n) for n in range(54, 62)))


# ---------------------------------------------------------------- generated variants
def _pdf(pages):
    """Pages of (text, bold, size, indent) lines."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for lines in pages:
        y = 800
        c.setFont('Helvetica', 8)
        c.drawString(300, 820, 'Piano di Zona - Ambito di Prova')
        for text, bold, size, indent in lines:
            c.setFont('Helvetica-Bold' if bold else 'Helvetica', size)
            c.drawString(60 + indent, y, text)
            y -= size + 5
        c.setFont('Helvetica', 9)
        c.drawString(500, 30, str(len(lines)))
        c.showPage()
    c.save()
    return buf.getvalue()


def L(text, bold=False, size=11, indent=0):
    return (text, bold, size, indent)


PAGE_1 = [
    L('Area tematica: Anziani e domiciliarità', True, 13),
    L('OBIETTIVO GENERALE', True),
    L('Sostenere le famiglie che assistono un anziano a casa.'),
    L('Il contesto mostra un bisogno crescente. Obiettivo secondario è quello di ridurre i ricoveri.'),
    L('Azioni previste', True),
    L('- Sportello per i caregiver familiari', indent=0),
    L('con apertura settimanale.', indent=12),
    L('- Gruppi di auto mutuo aiuto', indent=0),
    L('Destinatari', True),
    L('Caregiver familiari di anziani non autosufficienti.'),
    L('Indicatore di output: almeno 20 caregiver seguiti entro il 2026.'),
    L('Indicatore di outcome: Almeno il 70% dei caregiver soddisfatti.'),
]
PAGE_2 = [
    L('Obiettivo: Rafforzare la rete dei servizi domiciliari.', True),
    L('Azioni:', True),
    L('- Coordinamento tra SAD e ADI'),
    L('Target: Anziani fragili.'),
    L('Indicatori', True),
    L('Processo: un incontro mensile di coordinamento.'),
    L('Outcome: riduzione degli accessi impropri al pronto soccorso.'),
    L('Obiettivo: una riga di prosa che non apre una scheda.'),
    L('Altro testo senza sezioni.'),
]


@pytest.fixture(scope='module')
def variant():
    return on.extract(read_layout(_pdf([PAGE_1, PAGE_2, [L('Pagina di chiusura.')]])))


def test_paraphrased_headings(variant):
    first = variant.obiettivi[0]
    assert first.fields['titolo'] == 'Sostenere le famiglie che assistono un anziano a casa.'
    assert first.fields['macroarea'] == 'Anziani e domiciliarità'
    assert [a.testo for a in first.azioni] == ['Sportello per i caregiver familiari con apertura settimanale.',
                                               'Gruppi di auto mutuo aiuto']
    assert first.fields['target'] == 'Caregiver familiari di anziani non autosufficienti.'
    assert [(i.tipo, i.testo) for i in first.indicatori] == [
        ('output', 'almeno 20 caregiver seguiti entro il 2026.'),
        ('outcome', 'Almeno il 70% dei caregiver soddisfatti.')]
    assert first.pagina_inizio == 1


def test_objective_without_area_heading_keeps_the_area_above(variant):
    assert len(variant.obiettivi) == 2        # the trailing prose 'Obiettivo:' line has no sections
    second = variant.obiettivi[1]
    assert second.fields['macroarea'] == 'Anziani e domiciliarità'
    assert second.fields['titolo'] == 'Rafforzare la rete dei servizi domiciliari.'
    assert second.pagina_inizio == 2
    assert [i.tipo for i in second.indicatori] == ['processo', 'outcome']


def test_document_without_narrative_objectives():
    pdf = _pdf([[L('Premessa'), L('Obiettivo: descrivere il territorio.'), L('Testo.')]] * 3)
    assert len(on.extract(read_layout(pdf))) == 0


@pytest.mark.parametrize('text,kind', [
    # what the objective is for: in a plan's prose it opens the objective when none awaits it
    ('OBIETTIVO PRINCIPALE: Garantire un adeguato sistema', 'descrizione'),
    ('Obiettivo generale', 'obiettivo'), ('AZIONI', 'azioni'), ('Azioni previste:', 'azioni'),
    ('TARGET: Persone in condizioni', 'target'), ('Destinatari', 'target'),
    ('Area di intervento', 'area'), ('Indicatore di processo: Presenza di', 'indicatore'),
    ('Obiettivo secondario è quello di rendere omogenee le prassi di lavoro', None),
    ('Per realizzare ciò, occorre sviluppare:', None),
    ('• Sviluppo progettualità: rete.', None),
])
def test_heading(text, kind):
    from extract.layout import Line
    h = on.heading(Line(1, text, 60, 400, 0, 10, 11, False))
    assert (h.kind if h else None) == kind


# ---------------------------------------------------------------- enumerators vs wrapped lines (harness item 9)
ENUMERATED = [
    L('Area tematica: Inclusione', True, 13),
    L('Obiettivo principale: Rafforzare la presa in carico integrata.', True),
    L('Azioni previste', True),
    L('– Attivazione delle equipe integrate con la ASST (Obiettivo di Distretto – vd. Punto'),
    L('4.a).'),
    L('– Tavoli di coordinamento territoriali, secondo quanto previsto dalla lettera'),
    L('b) del regolamento di Ambito'),
    L('– Percorsi di accompagnamento articolati in:'),
    L('a) colloqui individuali;', indent=14),
    L('b) laboratori di gruppo;', indent=14),
    L('c) tutoraggio.', indent=14),
    L('Destinatari', True),
    L('Nuclei in carico al servizio sociale.'),
    L('Indicatore di processo: numero di equipe attivate.'),
    L('Indicatori', True),
    L('1. Numero di tavoli svolti nell’anno'),
    L('2. Numero di colloqui individuali'),
    L('4. anno di riferimento per la baseline'),
]


def test_enumerator_at_line_start_is_an_item_only_in_a_list():
    ob = on.extract(read_layout(_pdf([ENUMERATED]))).obiettivi[0]
    azioni = [a.testo for a in ob.azioni]
    assert len(azioni) == 3
    assert azioni[0].endswith('vd. Punto 4.a).')
    assert azioni[1].endswith('dalla lettera b) del regolamento di Ambito')
    # a real sub-list: consecutive letters, stepped in after a line ending with ':'
    assert azioni[2].split('\n') == ['Percorsi di accompagnamento articolati in:', 'colloqui individuali;',
                                     'laboratori di gruppo;', 'tutoraggio.']
    # 1., 2. are a list; '4.' after '2.' is not its next item
    testi = [i.testo for i in ob.indicatori if i.tipo is None]
    assert testi == ['Numero di tavoli svolti nell’anno', 'Numero di colloqui individuali 4. anno di riferimento '
                                                           'per la baseline']


# ---------------------------------------------------------------- numbered headings, head-word headings
NUMBERED = [
    L('AREA 2 – DOMICILIARITÀ E ANZIANI', True, 13),
    L('Obiettivo n. 1 – Sostenere i caregiver familiari.', True),
    L('Il contesto mostra un bisogno crescente di sostegno alle famiglie.'),
    L('Azioni principali', True),
    L('• Sportello per i caregiver'),
    L('• Gruppi di auto mutuo aiuto'),
    L('Tempistiche', True),
    L('Le azioni partono nel 2025 e proseguono per tutto il triennio.'),
    L('Beneficiari', True),
    L('Caregiver di anziani non autosufficienti.'),
    L('Indicatori di monitoraggio e valutazione', True),
    L('• Processo: numero di incontri dello sportello'),
    L('• Outcome: caregiver che dichiarano minor carico'),
    L('2. Obiettivo generale', True),
    L('Rafforzare la rete dei servizi domiciliari.', True),
    L('La rete conta oggi molti servizi.'),
    L('Interventi domiciliari e', True),
    L('sportelli di prossimità sono già attivi in tutti i Comuni.', True),
    L('Attività:', True),
    L('• Coordinamento tra SAD e ADI'),
    L('Destinatari:', True),
    L('Anziani fragili.'),
    L('Indicatore di output: un incontro mensile di coordinamento.'),
]


def test_numbered_and_head_word_headings():
    obs = on.extract(read_layout(_pdf([NUMBERED]))).obiettivi
    assert [o.fields['titolo'] for o in obs] == ['Sostenere i caregiver familiari.',
                                                 'Rafforzare la rete dei servizi domiciliari.']
    first, second = obs
    assert first.fields['macroarea'] == 'DOMICILIARITÀ E ANZIANI' == second.fields['macroarea']
    # 'Tempistiche' closes the actions: its prose is no action
    assert [a.testo for a in first.azioni] == ['Sportello per i caregiver', 'Gruppi di auto mutuo aiuto']
    assert first.fields['target'] == 'Caregiver di anziani non autosufficienti.'
    assert [(i.tipo, i.testo) for i in first.indicatori] == [
        ('processo', 'numero di incontri dello sportello'), ('outcome', 'caregiver che dichiarano minor carico')]
    # a bold sentence wrapped after 'e' is not an 'Interventi' heading
    assert [a.testo for a in second.azioni] == ['Coordinamento tra SAD e ADI']
    assert [(i.tipo, i.testo) for i in second.indicatori] == [('output', 'un incontro mensile di coordinamento.')]


@pytest.mark.parametrize('text,bold,kind', [
    ('Obiettivo 3', False, 'obiettivo'), ('OBIETTIVO N. 2 – Rafforzare la rete', False, 'obiettivo'),
    ('1. Obiettivo generale', False, 'obiettivo'), ('Obiettivo strategico n.1', False, 'obiettivo'),
    # a wording of the field's own is a heading as it stands; one only its head word says, when styled
    ('Azioni principali', False, 'azioni'),
    ('Azioni di rete previste', True, 'azioni'), ('Azioni di rete previste', False, None),
    ('Indicatori (processo, output, outcome)', False, 'indicatori'),
    ('Indicatori di monitoraggio e valutazione:', False, 'indicatori'),
    ('Risultati attesi', False, 'altro'), ('Tempistiche', True, 'altro'),
    ('1. Azioni di sensibilizzazione nelle scuole', True, None), ('Interventi domiciliari e', True, None),
    ('Interventi rivolti a:', False, None),
])
def test_heading_variants(text, bold, kind):
    from extract.layout import Line
    h = on.heading(Line(1, text, 60, 400, 0, 10, 11, bold))
    assert (h.kind if h else None) == kind


# ---------------------------------------------------------------- indicators in a small ruled table
def _tabella_pdf(obiettivi, dopo=None):
    """Numbered objectives ('Obiettivo 1.') with prose sections and their indicators in a ruled
    table; `dopo` is a table printed after the last objective (not its indicators)."""
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    ss = getSampleStyleSheet()
    st, stb = ss['BodyText'], ss['Heading4']
    story = []
    for k, (titolo, header, rows, spans) in enumerate(obiettivi, 1):
        story += [Paragraph(f'Obiettivo {k}.', stb), Paragraph(titolo, st),
                  Paragraph('<b>Destinatari:</b> famiglie residenti.', st), Paragraph('Azioni', stb),
                  Paragraph('• Attivazione di uno sportello dedicato.', st), Spacer(1, 6)]
        # 'BREAK' in the rows: the table goes on on the next page under its header repeated
        parts = [[]]
        for r in rows:
            parts.append([]) if r == 'BREAK' else parts[-1].append(r)
        for n, part in enumerate(parts):
            t = Table([[Paragraph(f'<b>{h}</b>', st) for h in header]] + [[Paragraph(c, st) for c in r] for r in part],
                      colWidths=[80, 290, 110] if len(header) == 3 else None)
            t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                                   *[('SPAN', a, b) for a, b, *part in spans if (part or [0])[0] == n]]))
            story += [t] if n == len(parts) - 1 else [t, PageBreak()]
        story.append(Spacer(1, 12))
    if dopo:
        t = Table(dopo)
        t.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black)]))
        story += [Paragraph('Quadro economico', stb), t]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


LUNGO = ' '.join(['Numero di famiglie prese in carico con un progetto condiviso tra servizi sociali e '
                  'consultorio, rilevato ogni anno dal gestionale di Ambito'] * 6) + '.'


@pytest.fixture(scope='module')
def tabellato():
    obiettivi = [
        ('Rafforzare la rete dei servizi per le famiglie fragili.', ['Tipologia', 'Indicatore', 'Target atteso'],
         [['Processo', 'Incontri di rete tra servizi sociali e terzo settore.', 'almeno 4 l\'anno'],
          ['Output', 'Sportelli attivati nei Comuni.', '3 entro il 2026'],
          ['Outcome', 'Famiglie che migliorano la propria condizione.', '50%']], []),
        ('Sostenere i caregiver familiari.', ['Tipo', 'Descrizione indicatore', 'Valore atteso'],
         [['Processo', LUNGO, '100'], ['', 'Percorsi formativi per caregiver attivati.', '2'],
          ['Outcome', LUNGO, '80%'], ['Output', 'Ore di sollievo erogate alle famiglie', '500 ore'], 'BREAK',
          ['', 'che assistono un anziano non autosufficiente.', ''],
          ['Outcome', 'Caregiver soddisfatti del supporto ricevuto.', '75%'],
          ['Processo', LUNGO.replace('Numero', 'Quota'), '90%'], ['', 'Giornate di formazione svolte.', '6']],
         [((0, 1), (0, 2)), ((0, 3), (0, 4), 1)]),    # a 'Processo' cell merged over two indicators
    ]
    layout = read_layout(_tabella_pdf(obiettivi, dopo=[['Voce', 'Importo'], ['FNPS', '10.000']]))
    return obiettivi, on.extract(layout), layout


def test_table_indicators_belong_to_their_objective(tabellato):
    obiettivi, ex, _ = tabellato
    assert len(ex.obiettivi) == 2
    for (titolo, _, rows, _), o in zip(obiettivi, ex.obiettivi):
        assert o.fields['titolo'] == titolo
        want = []
        for r in rows:      # a row the page break cut ('BREAK', then a row with no type) is one indicator
            if r != 'BREAK' and (r[0] or not want or want[-1].endswith('.')):
                want.append(' '.join(r[1].split()))
            elif r != 'BREAK':
                want[-1] += ' ' + r[1]
        assert [' '.join(i.testo.split()) for i in o.indicatori] == want


def test_table_indicator_type_target_and_merged_type_cell(tabellato):
    obiettivi, ex, _ = tabellato
    primo, secondo = ex.obiettivi
    assert [i.tipo for i in primo.indicatori] == ['Processo', 'Output', 'Outcome']
    assert primo.indicatori[1].fields['note'] == 'Target atteso: 3 entro il 2026'
    # the merged 'Processo' cell types both rows it covers
    assert [i.tipo for i in secondo.indicatori] == ['Processo', 'Processo', 'Outcome', 'Output', 'Outcome',
                                                    'Processo', 'Processo']
    assert secondo.indicatori[2].fields['note'] == 'Valore atteso: 80%'


def test_table_broken_across_pages_and_repeated_header(tabellato):
    _, ex, layout = tabellato
    secondo = ex.obiettivi[1]
    assert len({i.pagina for i in secondo.indicatori}) >= 2
    ore = next(i for i in secondo.indicatori if i.testo.startswith('Ore di sollievo'))
    assert ore.testo.endswith('anziano non autosufficiente.') and ore.fields['note'] == 'Valore atteso: 500 ore'
    assert not any('indicatore' == i.testo.casefold() for i in secondo.indicatori)
    assert not any('senza indicatori' in a.messaggio for a in ex.anomalie)


def test_table_without_type_column_takes_the_type_from_the_text():
    obiettivi = [('Promuovere la partecipazione dei giovani.', ['Indicatore', 'Target'],
                  [['Indicatore di processo: tavoli con le scuole.', '2'], ['Indicatore di outcome: giovani coinvolti.', '200']],
                  [])]
    ex = on.extract(read_layout(_tabella_pdf(obiettivi)))
    assert [i.tipo for i in ex.obiettivi[0].indicatori] == ['processo', 'outcome']


def test_indicator_table_that_cannot_be_mapped_is_an_anomaly():
    obiettivi = [('Promuovere la partecipazione dei giovani.', ['Indicatori', 'Colonna libera', 'Altro'],
                  [['Tavoli con le scuole.', 'x', 'y']], [])]
    ex = on.extract(read_layout(_tabella_pdf(obiettivi)))
    assert ex.obiettivi and not ex.obiettivi[0].indicatori
    assert any('tabella di indicatori' in a.messaggio for a in ex.anomalie)


# ---------------------------------------------------------------- two text columns per page (harness round 2, item 3)
# Each FrameBreak (NEXT) moves the story to the next column, so the test knows what lands where:
# an action list running on into the right column and on the next page, an area heading wrapped
# after '/', a bold label followed by its plain sentence, an indicator table at the top of the
# right column belonging to the objective lower in the left one.
AZIONI_A = ['Attivazione di un servizio di pronto intervento sociale attivo nelle ore di chiusura degli uffici '
            "comunali, con una reperibilità telefonica condivisa tra i comuni dell'Ambito e la centrale operativa.",
            'Prosecuzione del progetto di accoglienza temporanea per le persone senza dimora, in collaborazione con il '
            'privato sociale e le parrocchie del territorio, con posti letto dedicati nei mesi invernali.',
            'Costruzione di una rete di sportelli di prossimità nei comuni più piccoli, con operatori che ricevono su '
            'appuntamento e orientano le persone verso i servizi sociali e sanitari del territorio.']
AZIONI_B = ['Sviluppo del Centro per la Famiglia come punto di raccordo delle iniziative territoriali dedicate ai '
            'genitori e ai figli adolescenti, con particolare attenzione alla fascia 0-6 anni.',
            'Accompagnamento delle famiglie in situazione di fragilità attraverso un servizio di consulenza educativa '
            "a domicilio, senza mandato dell'Autorità Giudiziaria, in raccordo con le scuole."]
AZIONI_C = ['Realizzazione di un sistema integrato di presa in carico tra servizi per il lavoro e servizi sociali, '
            'per dare risposte integrate alla domanda di inclusione delle persone vulnerabili.',
            'Attivazione di tirocini di inclusione sociale in collaborazione con le aziende del territorio e gli enti '
            'del terzo settore, con tutor dedicati per ciascun percorso.']
TITOLI = ["Garantire a tutti un'organizzazione sovracomunale adeguata alla protezione delle persone in condizioni di "
          'grave emarginazione e povertà economica.',
          "Dotare i Comuni di Regolamentazioni d'Ambito condivise per l'accesso ai servizi e alle prestazioni sociali.",
          "Favorire l'inclusione sociale e lavorativa delle persone in condizioni di fragilità e vulnerabilità."]
AREE = ["CONTRASTO ALLA POVERTÀ E ALL'EMARGINAZIONE SOCIALE", 'POLITICHE GIOVANILI E PER I MINORI /\nINTERVENTI PER LA FAMIGLIA',
        'INTERVENTI CONNESSI ALLE POLITICHE PER IL LAVORO']


def _colonne_story():
    from reportlab.platypus import Spacer
    from fixtures.colonne import NEXT, grid, p

    def testa(k):
        return [Spacer(1, 10), p('Area di intervento', True), p(AREE[k], True), Spacer(1, 4),
                p(f'<b>OBIETTIVO PRINCIPALE:</b> {TITOLI[k]}'), Spacer(1, 3), p('AZIONI:', True)]
    s = testa(0) + [p('- ' + a) for a in AZIONI_A[:2]] + [NEXT()]
    s += [p('- ' + AZIONI_A[2]), Spacer(1, 3),
          p("<b>TARGET:</b> Persone in condizioni di grave emarginazione e povertà residenti nei comuni dell'Ambito."),
          p("<b>Indicatore di processo:</b> L'equipe grave emarginazione si riunisce almeno una volta ogni tre mesi "
            'per tutta la durata del Piano.'),
          p("<b>Indicatore di output:</b> Almeno trenta posti letto per accoglienze temporanee a disposizione dei "
            "cittadini dell'Ambito.")]
    s += testa(1) + [p('- ' + AZIONI_B[0]), NEXT(), p('- ' + AZIONI_B[1]), Spacer(1, 3),
                     p("<b>TARGET:</b> Nuclei familiari con figli minori, adolescenti e giovani adulti dell'Ambito."),
                     p('<b>Indicatore di processo:</b> Presenza del Centro per la Famiglia di Ambito lungo tutta la '
                       'durata del Piano di Zona, a fronte dei finanziamenti regionali.')]
    s += testa(2) + [p('- ' + a) for a in AZIONI_C]
    s += [Spacer(1, 3), p('<b>TARGET:</b> Cittadini in situazione di fragilità lavorativa, operatori sociali pubblici '
                          'e del privato sociale.'), NEXT()]
    s += [grid([['Tipologia', 'Indicatore', 'Target atteso'],
                ['Processo', 'Incontri annuali di raccordo con gli enti del territorio', 'almeno 2'],
                ['Output', 'Progetti individuali concertati in equipe', 'almeno 20']]), Spacer(1, 8),
          p('RISORSE', True),
          p('Le risorse economiche per la realizzazione delle azioni provengono dal Fondo nazionale per le politiche '
            "sociali, dal Fondo povertà e dal bilancio dei comuni dell'Ambito, secondo il riparto approvato "
            "dall'Assemblea dei Sindaci.")]
    return s


@pytest.fixture(scope='module')
def colonne():
    from fixtures.colonne import due_colonne
    layout = read_layout(due_colonne(_colonne_story()))
    return layout, on.extract(layout)


def test_columns_layout_is_what_the_tests_assume(colonne):
    layout, _ = colonne
    heads = [ln for p in layout.pages for ln in p.lines if ln.text.startswith('OBIETTIVO PRINCIPALE')]
    # the bold label is most of the heading line's letters in a narrow column, the sentence is plain
    assert [(ln.page, ln.column, ln.bold) for ln in heads] == [(1, 0, True), (1, 1, True), (2, 0, False)]
    [table] = layout.page(2).tables       # at the top of the right column, above the third heading (left)
    assert table.bbox[0] > layout.page(2).width / 2 and table.bbox[3] < heads[2].top


def test_columns_titles_areas_and_pages(colonne):
    _, ex = colonne
    assert [o.fields['titolo'] for o in ex.obiettivi] == TITOLI
    assert [o.fields['macroarea'] for o in ex.obiettivi] == [a.replace('\n', ' ') for a in AREE]
    assert [o.pagina_inizio for o in ex.obiettivi] == [1, 1, 2]


def test_columns_action_list_runs_on_into_the_next_column_and_page(colonne):
    _, ex = colonne
    assert [[a.testo for a in o.azioni] for o in ex.obiettivi] == [AZIONI_A, AZIONI_B, AZIONI_C]


def test_columns_indicators_and_the_table_of_the_objective_below(colonne):
    _, ex = colonne
    got = [[(i.tipo, i.testo[:30]) for i in o.indicatori] for o in ex.obiettivi]
    assert got == [[('processo', "L'equipe grave emarginazione s"), ('output', 'Almeno trenta posti letto per ')],
                   [('processo', 'Presenza del Centro per la Fam')],
                   [('Processo', 'Incontri annuali di raccordo c'), ('Output', 'Progetti individuali concertat')]]
    assert not ex.anomalie


def test_columns_action_list_across_pages_under_a_running_header():
    from fixtures.colonne import due_colonne
    ex = on.extract(read_layout(due_colonne(_colonne_story(), header='Piano di Zona 2025-2027 – Ambito di Prova')))
    assert [[a.testo for a in o.azioni] for o in ex.obiettivi] == [AZIONI_A, AZIONI_B, AZIONI_C]


def test_columns_table_rows_beside_prose_are_not_prose(colonne):
    _, ex = colonne
    assert 'Tipologia' not in ex.obiettivi[2].fields['target']


def test_reading_order_helpers_place_the_table_in_its_column(colonne):
    from extract.contesto import in_reading_order, lines_after, lines_before, page_title, table_column
    layout, _ = colonne
    page = layout.page(2)
    [table] = page.tables
    order = in_reading_order(page, page.content_lines(), page.tables)
    at = order.index(table)
    assert table_column(page, table) == 1
    # after the whole left column (although higher on the page), before the right column's text below it
    assert all(ln.column == 0 for ln in order[:at]) and order[at - 1].text.startswith('operatori sociali')
    assert order[at + 1:] and all(ln.column == 1 and ln.top > table.bbox[3] for ln in order[at + 1:]
                                  if not ln.text.startswith(('Tipologia', 'Incontri', 'Processo', 'Progetti', 'Output')))
    assert any(ln.text == 'RISORSE' for ln in lines_after(page, table))
    assert any(ln.text.startswith('TARGET') for ln in lines_before(page, table))
    # what stands above a point of the right column is that column's text, not the left column's beside it
    head = next(ln for ln in layout.page(1).lines if ln.column == 1 and ln.text.startswith('OBIETTIVO'))
    above = page_title(layout.page(1), head.top - 1, column=1)
    assert above.startswith('- Costruzione di una rete') and above.endswith('INTERVENTI PER LA FAMIGLIA')
    assert 'Prosecuzione del progetto' not in above


# ---------------------------------------------------------------- Word headings and list numbering (round 3b)
# Heading 1 'Area: ...', Heading 2 'Obiettivo n. Title' with no colon, then 'Finalità:' repeating
# it; Word's 'List Number' goes on counting across objectives and LibreOffice sets no space
# after a two-digit number ('10.Messa').
WORD_STYLES = [
    L('Area: Contrasto alla povertà e all’emarginazione', True, 14),
    L('sociale e promozione dell’inclusione attiva', True, 14),
    L('Obiettivo 1. Garantire un adeguato sistema di protezione', True, 13),
    L('sociale per le persone in condizioni di grave emarginazione.', True, 13),
    L('Finalità: Garantire un adeguato sistema di protezione sociale per le persone in'),
    L('condizioni di grave emarginazione.'),
    L('Azioni programmate', True),
    L('1. Attivazione dell’Equipe di Valutazione Multidimensionale'),
    L('per i nuclei con bisogni complessi.', indent=18),
    L('2. Pronto intervento sociale nei giorni di chiusura.'),
    L('Destinatari: Persone in condizioni di grave emarginazione.'),
    L('Indicatori di monitoraggio', True),
    L('• Processo: l’equipe si riunisce ogni trimestre.'),
    L('Area: Politiche abitative', True, 14),
    L('Obiettivo 2. Creare un sistema di Ambito di politiche abitative.', True, 13),
    L('Azioni programmate', True),
    L('8. Supporto ai proprietari per l’uso del patrimonio esistente'),
    L('(SAP), anche in accordo con il Piano Triennale:', indent=18),
    L('valutazione delle possibilità di ripristino dello sfitto;', indent=18),
    L('9. Continuità degli interventi dell’Agenzia dell’Abitare.'),
    L('10.Messa a disposizione di alloggi temporanei.'),
    L('Destinatari: Cittadini in locazione.'),
    L('Indicatori di monitoraggio', True),
    L('• Output: almeno 10 alloggi messi a disposizione.'),
]


@pytest.fixture(scope='module')
def word_styles():
    return on.extract(read_layout(_pdf([WORD_STYLES]))).obiettivi


def test_area_heading_then_numbered_objective_heading_are_two_headings(word_styles):
    assert [o.fields['macroarea'] for o in word_styles] == [
        'Contrasto alla povertà e all’emarginazione sociale e promozione dell’inclusione attiva',
        'Politiche abitative']
    assert [o.fields['titolo'] for o in word_styles] == [
        'Garantire un adeguato sistema di protezione sociale per le persone in condizioni di grave emarginazione.',
        'Creare un sistema di Ambito di politiche abitative.']
    assert [o.fields['target'] for o in word_styles] == ['Persone in condizioni di grave emarginazione.',
                                                         'Cittadini in locazione.']


def test_numbered_list_that_does_not_restart_at_one(word_styles):
    first, second = word_styles
    assert [a.testo for a in first.azioni] == [
        'Attivazione dell’Equipe di Valutazione Multidimensionale per i nuclei con bisogni complessi.',
        'Pronto intervento sociale nei giorni di chiusura.']
    azioni = [a.testo for a in second.azioni]
    assert len(azioni) == 3
    assert azioni[0].startswith('Supporto ai proprietari') and azioni[0].endswith('ripristino dello sfitto;')
    assert azioni[1:] == ['Continuità degli interventi dell’Agenzia dell’Abitare.',
                          'Messa a disposizione di alloggi temporanei.']


@pytest.mark.parametrize('texts,want', [
    (['5. Uno.', '6. Due.', '7.Tre.'], [True, True, True]),            # a list opening the section at 5
    (['Testo che finisce.', '14.Prosieguo del lavoro', 'che continua.', '15. Altro'], [False, True, False, True]),
    (['Testo che finisce.', '4. Anno di riferimento'], [False, False]),   # a lone number after prose
    (['Vedi il punto', '4.a) del regolamento.', '5. Altro'], [False, False, False]),
])
def test_item_starts_whatever_the_first_number(texts, want):
    from extract.layout import Line
    lines = [Line(1, t, 60, 400, 10 * i, 10 * i + 9, 11, False) for i, t in enumerate(texts)]
    assert on.item_starts(lines) == want


@pytest.mark.parametrize('text,kind,rest', [
    ('Obiettivo 1. Garantire un adeguato sistema', 'obiettivo', 'Garantire un adeguato sistema'),
    ('Obiettivo n. 2) Creare un sistema di Ambito', 'obiettivo', 'Creare un sistema di Ambito'),
    ('Area 3. Politiche abitative', 'area', 'Politiche abitative'),
    ('Obiettivo 2025. Garantire', None, None), ('Progetto 1. Casa', None, None),
])
def test_numbered_title_heading(text, kind, rest):
    from extract.layout import Line
    h = on.heading(Line(1, text, 60, 400, 0, 10, 11, True))
    assert (h.kind, h.rest) == (kind, rest) if kind else h is None or h.kind != 'obiettivo'


def test_indicator_table_cell_broken_mid_word_keeps_its_type():
    from extract.layout import Cell, Table
    row = [Cell('process\no', 0, 0, 40, 10), Cell('Numero di incontri', 40, 0, 200, 10)]
    m = on.IndicatorTable({0: 'tipo', 1: 'testo'}, {0: 'Tipologia', 1: 'Indicatore'}, frozenset())
    out = []
    on._table_row(row, m, Table(3, (0, 0, 200, 10), [row]), out, continues=False)
    assert [(i.tipo, i.testo, i.pagina) for i in out] == [('processo', 'Numero di incontri', 3)]


def test_label_words_carrying_on_an_item_open_no_section():
    """'... e alle seguenti' / 'azioni prioritarie: portale unico ...': the wrapped line reads like
    an 'Azioni:' label, but it goes on with the item's sentence in lower case."""
    page = [
        L('Obiettivo: Sostenere le famiglie con figli piccoli.', True),
        L('Azioni', True),
        L('- Sviluppo del Centro per la Famiglia con attenzione alle seguenti'),
        L('azioni prioritarie: portale unico; formazione dei genitori.', indent=12),
        L('- Sportello di ascolto'),
        L('Destinatari: Famiglie con figli 0-6 anni.'),
        L('Indicatore di output: almeno 100 famiglie raggiunte.'),
    ]
    ob = on.extract(read_layout(_pdf([page]))).obiettivi[0]
    assert [a.testo for a in ob.azioni] == [
        'Sviluppo del Centro per la Famiglia con attenzione alle seguenti azioni prioritarie: portale unico; '
        'formazione dei genitori.', 'Sportello di ascolto']
    assert ob.fields['target'] == 'Famiglie con figli 0-6 anni.'
