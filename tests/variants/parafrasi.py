"""Label wordings for the combinatorial generator (tests/variants/combinatorio.py), one list per
(record type, field), written from the plans' own text (../shared/seeds), from the regional forms
of DGR 2167/2024 (scheda obiettivo, scheda di valutazione) and from plain Italian synonyms -- on
purpose NOT from extract/: the matrix measures whether the extractor reads wordings it was not
written against. Add a wording here, never a field the schema does not have.

Also how values are printed (yes/no words, marks, types, judgements, dates), each with the truth
value the corpus conventions (../shared/corpus/README.md, SCHEMA.md) give for it."""
from __future__ import annotations

ETICHETTE: dict[str, dict[str, list[str]]] = {
    'obiettivo': {
        'numero': ['N.', 'Nr.', 'Numero', 'Codice'],
        'titolo': ['Titolo obiettivo', "Titolo dell'obiettivo", "Denominazione dell'obiettivo",
                   'Nome del progetto', 'Obiettivo strategico'],
        'macroarea': ['Macroarea di policy', 'Area di policy', 'Macroarea di programmazione',
                      'Area tematica di intervento', 'Ambito di policy'],
        'descrizione': ['Obiettivo principale', 'Quali obiettivi vuole raggiungere',
                        "Descrizione dell'obiettivo", "Finalità dell'intervento", 'Risultati che si intendono perseguire'],
        'target': ['Target', 'Destinatari', 'Target di popolazione', 'Beneficiari', 'A chi si rivolge'],
        'asst_analisi': ["Coinvolgimento di ASST nell'analisi del bisogno",
                         'Il bisogno è stato analizzato insieme ad ASST?',
                         "Analisi del bisogno condivisa con l'ASST"],
        'continuita_precedente': ['In continuità con la programmazione precedente',
                                  "L'obiettivo prosegue quanto avviato nel triennio 2021-2023?",
                                  'Continuità con il precedente Piano di Zona'],
        'coprogettato_ts': ['Co-progettazione con il Terzo Settore',
                            'È prevista la coprogettazione con enti del Terzo Settore?',
                            'Intervento coprogettato con il Terzo Settore'],
        'tipo_obiettivo': ["Tipologia dell'obiettivo", "Natura dell'intervento", 'Tipo di obiettivo',
                           "L'obiettivo è promozionale, preventivo o riparativo?"],
    },
    'azione': {
        'azioni': ['Azioni programmate', 'Azioni previste', 'Attività da realizzare', 'Interventi programmati',
                   'Cosa si farà', 'Piano delle attività'],
        'testo': ['Azione', 'Descrizione azione', 'Attività', 'Intervento'],
        'tempi': ['Tempi di realizzazione', 'Cronoprogramma', 'Tempistica'],
    },
    'indicatore': {
        'numero': ['N.', 'Nr.', 'ID', 'Codice'],
        'testo': ['Indicatore', 'Descrizione indicatore', 'Indicatore di monitoraggio', 'Che cosa si misura'],
        'tipo': ['Tipologia', 'Tipo di indicatore', "Natura dell'indicatore", 'Categoria'],
        'policy': ['Area di policy', 'Policy', 'Ambito di intervento', 'Area tematica'],
        'baseline': ['Baseline', 'Valore di partenza', 'Situazione iniziale', 'Valore base'],
        'atteso_anno1': ['Risultato atteso I anno', 'Atteso al primo anno', 'Target anno 2025', 'Valore atteso 2025'],
        'atteso_anno2': ['Risultato atteso II anno', 'Atteso al secondo anno', 'Target anno 2026', 'Valore atteso 2026'],
        'responsabile': ['Responsabile', 'Referente della rilevazione', 'Chi rileva il dato', 'Soggetto responsabile'],
        'frequenza': ['Frequenza di rilevazione', 'Periodicità', 'Cadenza della misurazione', 'Frequenza'],
    },
    'rilevazione': {
        # '{d}' is the date as printed
        'data': ['Rilevazione al {d}', 'Dato al {d}', 'Valore rilevato al {d}', 'Monitoraggio {d}',
                 'Misurazione del {d}', 'Esito rilevazione {d}'],
        'gruppo': ['Rilevazioni', 'Valori rilevati', 'Monitoraggio in itinere', 'Dati raccolti'],
    },
    'esito': {
        'titolo': ['Obiettivo', 'Titolo obiettivo', 'Obiettivo valutato', 'Obiettivo del triennio 2021-2023',
                   'Denominazione obiettivo'],
        'macroarea': ['Macroarea', 'Area di policy', 'Area tematica'],
        'descrizione': ['Descrizione', "Contenuto dell'obiettivo", 'In cosa consisteva'],
        'grado_raggiungimento': ["Grado di raggiungimento dell'obiettivo", 'Percentuale di realizzazione',
                                 'Livello di raggiungimento (%)', "Quanto è stato raggiunto l'obiettivo",
                                 'Raggiungimento %'],
        'giudizio': ['Giudizio sintetico', 'Valutazione complessiva', 'Giudizio', 'Esito della valutazione'],
        'criticita': ['Criticità rilevate', 'Difficoltà incontrate', 'Punti di debolezza', 'Criticità emerse'],
        'continuita_precedente': ['In continuità con la programmazione precedente',
                                  'Prosecuzione di un obiettivo del triennio precedente', 'Continuità'],
        'riproposto': ['Riproposto nella nuova programmazione',
                       "L'obiettivo viene riproposto nel triennio 2025-2027?", 'Riproposto',
                       'Confermato per il prossimo triennio'],
        'stato': ['Stato', 'Stato di avanzamento', 'Esito', 'Realizzazione'],
    },
}

# the group titles a two-level header puts over some columns: record type -> [(titles, fields)]
GRUPPI: dict[str, list[tuple[list[str], list[str]]]] = {
    'obiettivo': [(['Coinvolgimento', 'Governance e partenariato', 'Modalità di realizzazione'],
                   ['asst_analisi', 'continuita_precedente', 'coprogettato_ts'])],
    'indicatore': [(['Risultati attesi', 'Valori attesi', 'Target programmati'], ['atteso_anno1', 'atteso_anno2'])],
    'esito': [(['Valutazione', 'Esito della verifica', 'Valutazione finale'], ['grado_raggiungimento', 'giudizio']),
              (['Prospettive', 'Programmazione 2025-2027'], ['continuita_precedente', 'riproposto'])],
}

# printed answer -> esito_si_no code (SCHEMA.md: 'SI, in parte', 'Solo parzialmente', 'Parzialmente' -> parziale)
SI_NO: dict[str, list[str]] = {
    'si': ['SI', 'Sì', 'Si', 'SÌ'],
    'no': ['NO', 'No'],
    'parziale': ['In parte', 'Parzialmente', 'SI, in parte', 'Solo parzialmente'],
}
# the options of a mark grid: code -> column titles
OPZIONI_SI_NO: dict[str, list[str]] = {'si': ['SI', 'Sì'], 'no': ['NO', 'No'], 'parziale': ['IN PARTE', 'Parzialmente']}
SEGNI = ['X', '✓', '☒', '■', 'x']

TIPO_OBIETTIVO: dict[str, list[str]] = {'promozionale': ['Promozionale', 'PROMOZIONALE'],
                                        'preventivo': ['Preventivo', 'PREVENTIVO'],
                                        'riparativo': ['Riparativo', 'RIPARATIVO']}
TIPO_INDICATORE: dict[str, list[str]] = {'processo': ['Processo', 'di processo', 'PROCESSO'],
                                         'output': ['Output', 'di output', 'OUTPUT'],
                                         'outcome': ['Outcome', 'di outcome', 'OUTCOME']}
GIUDIZIO: dict[str, list[str]] = {g: [g.capitalize(), g.upper()] for g in
                                  ('insufficiente', 'sufficiente', 'buono', 'ottimo')}
STATO_PAROLE: dict[str, list[str]] = {'raggiunto': ['Raggiunto', 'Obiettivo raggiunto'],
                                      'parziale': ['Parzialmente raggiunto', 'Raggiunto in parte'],
                                      'non_raggiunto': ['Non raggiunto', 'Non realizzato']}
# colour legends: (legend wording, fill) per stato; several palettes
PALETTE: list[dict[str, tuple[str, str]]] = [
    {'raggiunto': ('Raggiunto', '#2e9e44'), 'parziale': ('Parzialmente raggiunto', '#f2c300'),
     'non_raggiunto': ('Non raggiunto', '#d62b2b')},
    {'raggiunto': ('Obiettivo realizzato', '#7cc576'), 'parziale': ('In corso / parziale', '#ffb347'),
     'non_raggiunto': ('Non avviato', '#e05555')},
    {'raggiunto': ('Completato', '#00a651'), 'parziale': ('Avviato', '#ffd700'),
     'non_raggiunto': ('Non realizzato', '#c00000')},
]

# how a section heading carries a number and a title
TITOLI_SEZIONE = {
    'obiettivo': ['Obiettivo {n} – {t}', 'OBIETTIVO {n}: {t}', '{n}. {t}', 'Obiettivo n. {n} - {t}'],
    'indicatore': ['Indicatore {n} – {t}', 'Indicatore n. {n}: {t}', '{n}. {t}'],
    'esito': ['Obiettivo {n} – {t}', 'Obiettivo valutato n. {n}: {t}', '{n}. {t}'],
}
# the heading of the part of the plan where each record type lives (context a reader may use)
CAPITOLI = {
    'obiettivo': ['Gli obiettivi della programmazione 2025-2027', 'Obiettivi del Piano di Zona 2025-2027',
                  'Schede obiettivo'],
    'azione': ['Obiettivi e azioni 2025-2027', 'Le azioni programmate per obiettivo'],
    'indicatore': ['Matrice di monitoraggio degli indicatori', 'Il sistema di monitoraggio: indicatori',
                   'Indicatori per il monitoraggio del Piano'],
    'rilevazione': ['Monitoraggio degli indicatori: valori rilevati', 'Matrice di monitoraggio 2025-2027'],
    'esito': ['Valutazione degli obiettivi del triennio {tv}', 'Verifica della programmazione {tv}',
              'Esiti del Piano di Zona {tv}'],
}

# The regional form's own wording, verbatim as the plans print it (../shared/seeds: the DGR
# 2167/2024 scheda obiettivo and scheda di valutazione, the monitoring matrix's header). Not the
# measure -- the corpus the extractor was written on uses these -- but a diagnostic: a cell that
# reads with these and not with ETICHETTE lacks wordings; one that fails with both lacks a reader.
MODULO: dict[str, dict[str, list[str]]] = {
    'obiettivo': {
        'titolo': ['TITOLO OBIETTIVO'],
        'descrizione': ['QUALI OBIETTIVI VUOLE RAGGIUNGERE', 'OBIETTIVO PRINCIPALE'],
        'target': ['TARGET'],
        'asst_analisi': ["PREVEDE IL COINVOLGIMENTO DI ASST NELL'ANALISI DEL BISOGNO E NELLA PROGRAMMAZIONE?"],
        'continuita_precedente': ['È IN CONTINUITÀ CON LA PROGRAMMAZIONE PRECEDENTE 2021-2023?'],
        'coprogettato_ts': ["L'INTERVENTO E' FORMALMENTE CO-PROGETTATO CON IL TERZO SETTORE?"],
        'tipo_obiettivo': ["L'OBIETTIVO E' DI TIPO PROMOZIONALE/PREVENTIVO O RIPARATIVO?"],
    },
    'azione': {'azioni': ['AZIONI PROGRAMMATE']},
    'indicatore': {'responsabile': ['responsabile rilevazione'], 'frequenza': ['frequenza rilevazione']},
    'rilevazione': {'data': ['I rilevazione: dato al {d}']},
    'esito': {
        'titolo': ['TITOLO OBIETTIVO'],
        'grado_raggiungimento': ["GRADO DI RAGGIUNGIMENTO DELL'OBIETTIVO RISPETTO A CIÒ CHE È STATO DEFINITO "
                                 "NELLA PROGRAMMAZIONE"],
        'criticita': ["CRITICITÀ RILEVATE NEL RAGGIUNGIMENTO DELL'OBIETTIVO"],
        'continuita_precedente': ["L'OBIETTIVO ERA IN CONTINUITÀ CON LA PROGRAMMAZIONE PRECEDENTE 2018 - 2020?"],
        'riproposto': ['RIPROPOSTO'],
    },
}


def etichette(parole: str = 'parafrasi') -> dict[str, dict[str, list[str]]]:
    """The wording lists: 'parafrasi' (the measure) or 'modulo' (the form's own, where it has one)."""
    if parole == 'parafrasi':
        return ETICHETTE
    return {t: {f: MODULO.get(t, {}).get(f, v) for f, v in campi.items()} for t, campi in ETICHETTE.items()}
