"""The indicator promise parser over real indicator sentences from the seeds: the narrative
objectives (seed 000), the regional schede (seed 001, no numeric promise) and the monitoring
matrix (seed 002, indicators and expected-result cells)."""
import pytest

from normalize import nlp
from normalize.leps import find_leps, organizzazioni
from normalize.promesse import parse, plurale

# (sentence, comparatore, valore, unita, scadenza)
NARRATIVI = [
    ("L'equipe «grave emarginazione» si riunisce con cadenza almeno trimestrale lungo tutto lo sviluppo del Piano di Zona.",
     None, None, None, None),
    ("Almeno n. 30 posti letto per accoglienze temporanee rivolte a persone senza fissa dimora e/o in condizioni di grave marginalità a disposizione dei cittadini residenti nell'Ambito di Treviglio lungo tutto lo sviluppo del Piano di Zona.",
     '>=', 30.0, 'posti letto', None),
    ("Alla fine del 2027 almeno 10 persone tra quelle prese in carico dal Centro servizi per il contrasto alla povertà risultano avere migliorato la propria condizione di benessere ed autodeterminazione (fonte: analisi case study all'interno dell'Equipe «grave emarginazione»).",
     '>=', 10.0, 'persone', 2027),
    ("Presenza di una persona esperta in materia di politiche abitative in supporto alle attività dell'Agenzia per l'Abitare dell'Ambito di Treviglio lungo tutto lo sviluppo del Piano di Zona.",
     None, None, None, None),
    ("Approvazione di un modello di gestione dei nuclei familiari in carico ai servizi sociali che vengono assegnati in un comune diverso da quello di origine a seguito di una assegnazione di SAP da parte dell'Assemblea dei Sindaci entro la fine del 2025.",
     None, None, None, 2025),
    ("Incremento del numero di alloggi nelle disponibilità dell'Ambito (housing sociale, SAP, proprietari privati) del 10% entro il 2027.",
     '>=', 10.0, '%', 2027),
    ("Per tutta la durata del Piano di Zona 2025/27 un assistente sociale dell'Ambito integra ordinariamente il lavoro del PUA della Casa delle Comunità di Treviglio.",
     None, None, None, None),
    ("Entro l'inizio del 2027 viene sottoscritto un protocollo distrettuale tra Ambiti e ASST per la gestione delle dimissioni protette.",
     None, None, None, 2027),
    ("Almeno il 75% dei caregiver che ricevono supporto da parte dell'Ambito valutano positivamente l'esito dell'intervento ricevuto (customer satisfaction).",
     '>=', 75.0, '%', None),
    ('Entro la fine del 2027 almeno n. 5 procedure prevedono una procedura di inserimento obbligata sulla CSI "Health Portal".',
     '>=', 5.0, 'procedure', 2027),
    ('Il report di conoscenza costruito a partire dai dati estratti dalla CSI "Health Portal" relativa alle procedure rese obbligatorie nel corso del triennio 2025/27 viene inserito nell\'analisi del contesto della prossima programmazione sociale triennale.',
     None, None, None, None),
    ("La relazione di monitoraggio annuale di fine 2027 sull'effettivo utilizzo della CSI nell'Ambito riporta un esito di efficacia positivo.",
     None, None, None, 2027),
    ('Presenza del Centro Famiglia "Familyper" di Ambito lungo tutta la durata del Piano di Zona (a fronte della continuità dei relativi finanziamenti regionali).',
     None, None, None, None),
    ("Organizzazione di almeno un incontro annuale di formazione/sensibilizzazione rivolto ai genitori dell'Ambito di Treviglio lungo tutta la durata del Piano di Zona.",
     '>=', 1.0, 'incontri', None),
    ('Alla fine del 2027 aumento delle richieste di consulenza da parte di enti diversi dai servizi sociali comunali.',
     None, None, None, 2027),
    ("I referenti dell'Area Inclusione dell'ente capofila d'Ambito partecipano ad almeno 2 incontri annuali di raccordo con gli enti territoriali attivi nel territorio di Treviglio nel settore.",
     '>=', 2.0, 'incontri', None),
    ("Definizione e formalizzazione dell'Accordo tra il Settore Politiche del Lavoro della Provincia di Bergamo e gli Ambiti Territoriali Sociali.",
     None, None, None, None),
    ('Almeno 20 progetti individuali concertati in equipe interistituzionali e multiprofessionali annualmente.',
     '>=', 20.0, 'progetti', None),
    ("La modalità di affidamento di Ambito del servizio ASE prevede l'attivazione dell'educatore di plesso.",
     None, None, None, None),
    ("Attivazione dell'effettiva sperimentazione dell'educatore di plesso nell'Ambito di Treviglio entro l'avvio dell'anno scolastico 2025/26.",
     None, None, None, 2025),
    ('Entro il 2027 vengono implementati almeno n. 18 progetti in continuità dopo il termine del percorso scolastico.',
     '>=', 18.0, 'progetti', 2027),
    ("Entro la fine del 2025 l'Assemblea dei Sindaci dell'Ambito di Treviglio approva lo schema di delega tra singolo comune e ente capofila dell'Ambito per la gestione associata delle CPE a livello di Ambito.",
     None, None, None, 2025),
    ("Entro la fine del 2026 l'Ufficio di Piano dell'Ambito di Treviglio è composto da 5 diversi professionisti, con funzioni differenziate.",
     '=', 5.0, 'professionisti', 2026),
    ("Nel 2027 l'Ambito di Treviglio è in grado di presentare almeno due proposte progettuali in qualità di ente capofila in risposta ad avvisi pubblici emanati da ATS Bergamo e/o Regione Lombardia.",
     '>=', 2.0, 'proposte progettuali', 2027),]

# indicators that count or describe but promise no number: everything stays NULL
SENZA_PROMESSA = [
    'Numero di incontri finalizzati alla costituzione del tavolo permanente;',
    'N. di persone over 65 coinvolte',          # an age names who is counted (dalmine, dev2)
    '% dei bisogni emersi',
    'N. di progetti attivati;',
    '% di bisogni intercettati Valutazione T0, T1, Tx',
    'Frequenza dei Tavoli;',
    'Stipula Protocollo;',
    'n° equipe integrate costituite operanti con strumenti e metodi condivisi',
    "Monitoraggio e Valutazione dei progetti stilati per verificare l'evoluzione delle situazioni a partire "
    'da un T0 e per un numero variabile di Tn (T1, T2, T3, ecc...)',
    'Numero di operatori coinvolti e relativa figura professionale ed ente rappresentato.',
    'Incremento numero EEMM attivate',
    'Numero incontri formativi svolti/Numero incontri formativi previsti',
    'Riduzione tempo medio di attesa della dimissione per il ritorno a domicilio',
    # a comparison of two measurements is not a number promised
    'N. EEMM attivate anno 2026 > N. EEMM attivate anno 2025',
    'Tempo medio di attesa anno 2026 < Tempo medio di attesa anno 2025',
    # numbers that label, not count
    'Sviluppo della governance condivisa del sistema 0-6 anni',
    'prosieguo della gestione degli immobili incrementati con i fondi del PNRR 1.3.2 "Housing First" (vd. Punto 4.a)',
]

ALTRI = [
    ('Almeno 30 giovani under 34 coinvolti', '>=', 30.0, 'giovani', None),
    ('Almeno una progettualità di prevenzione del rischio per Istituto Scolastico', '>=', 1.0, 'progettualità', None),
    ('≥ 50%', '>=', 50.0, '%', None),
    ('≥75%', '>=', 75.0, '%', None),
    ('N. EEMM attivate ≥ 1', '>=', 1.0, None, None),
    ('100% attraverso il servizio di Ambito SAD URGENZA', '=', 100.0, '%', None),
    ('Si sono svolti n. 2 percorsi formativi su n. 2 percorsi previsti.', '=', 2.0, 'percorsi', None),
    ('Riduzione del 15% dei tempi di attesa entro il 31/12/2026', '>=', 15.0, '%', 2026),
    ('non meno di tre incontri annuali', '>=', 3.0, 'incontri', None),
    ('Più di 40 famiglie coinvolte nel 2026', '>', 40.0, 'famiglie', 2026),
    ('Al massimo 2 settimane di attesa', '<=', 2.0, 'settimane', None),
    ('oltre il 60 per cento degli utenti', '>', 60.0, '%', None),
    ('almeno 1.000 accessi allo sportello', '>=', 1000.0, 'accessi', None),
    ('ALMENO N°4 nuclei familiari accolti', '>=', 4.0, 'nuclei familiari', None),
    # a year compared with is a baseline, not a deadline
    ('Incremento del 10% delle prese in carico rispetto al 2024', '>=', 10.0, '%', None),
    ('Riduzione del 20% degli accessi in confronto al 2023, entro il 2027', '>=', 20.0, '%', 2027),
]


def _got(text):
    p = parse(text)
    return p.comparatore, p.valore, p.unita, p.scadenza


@pytest.mark.parametrize('text,cmp,val,unit,year', NARRATIVI + ALTRI)
def test_promessa(text, cmp, val, unit, year):
    got = _got(text)
    assert got[0] == cmp and got[1] == val and got[3] == year, got
    if cmp is not None:
        assert got[2] == unit


@pytest.mark.parametrize('text', SENZA_PROMESSA)
def test_senza_promessa(text):
    assert _got(text)[:3] == (None, None, None)


def test_numero_di_frasi():
    assert len(NARRATIVI) + len(ALTRI) + len(SENZA_PROMESSA) >= 40


def test_vuoto():
    assert _got(None) == (None, None, None, None)
    assert _got('   ') == (None, None, None, None)


@pytest.mark.parametrize('word,plural', [('incontro', 'incontri'), ('proposta', 'proposte'),
                                         ('progettualità', 'progettualità'), ('caregiver', 'caregiver'),
                                         ('percorso', 'percorsi'), ('servizio', 'servizi'), ('parco', 'parchi')])
def test_plurale(word, plural):
    assert plurale(word) == plural


def test_pipeline_costruita_una_volta():
    assert nlp.pipeline() is nlp.pipeline()
    parse('almeno 3 incontri')
    info = nlp.pipeline.cache_info()
    parse('almeno 4 incontri')
    assert nlp.pipeline.cache_info().misses == info.misses


@pytest.mark.parametrize('text,leps', [
    ("LEPS EVM – Attivazione dell'Equipe di Valutazione Multidimensionale (EVM) per la presa in carico", 'LEPS EVM'),
    ('LEPS Pronto intervento sociale – Attivazione di una risposta tempestiva', 'LEPS Pronto intervento sociale'),
    ('LEPS Centro servizi per il contrasto alla povertà - Prosieguo del progetto PNRR «Stazioni posta»',
     'LEPS Centro servizi per il contrasto alla povertà'),
    ('LEPS Servizi per la non autosufficienza - Proseguo del progetto PNRR «Anziani»',
     'LEPS Servizi per la non autosufficienza'),
    ('LEPS Dimissioni protette – costruzione di un modello di intervento distrettuale', 'LEPS Dimissioni protette'),
    ('LEPS Reg. Lomb. - Valutazione multidimensionale e progetto personalizzato',
     'LEPS Valutazione multidimensionale e progetto personalizzato'),
    ('nel rispetto del LEPS Pronto intervento sociale attivo tutti i giorni', 'LEPS Pronto intervento sociale'),
    ('Prosecuzione del sistema di opportunità di accoglienza temporanea per persone senza fissa dimora', None),
])
def test_find_leps(text, leps):
    assert find_leps(text) == leps


def test_organizzazioni():
    text = ("costruzione di un modello condiviso tra Ambiti e ASST BG Ovest; a beneficio di tutti gli enti "
            "coinvolti (ATS Bergamo, Comuni e UdOS), con gli Enti del Terzo Settore e l'Assemblea dei Sindaci")
    got = organizzazioni(text)
    for name in ('ASST BG Ovest', 'ATS Bergamo', 'Comuni', 'UdOS', 'Enti del Terzo Settore', 'Assemblea dei Sindaci'):
        assert name in got
    assert len(got) == len({g.casefold() for g in got})
    assert organizzazioni('Numero di incontri svolti') == []
