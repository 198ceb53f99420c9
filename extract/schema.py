"""The field schema: for each record type, its fields -- how documents label them, what kind of
value they hold, what part they play in a record. One vocabulary for every reader: a card row
label, a column title, a run-in label and a section heading are looked up in the same place, so a
wording added here is understood by every representation of that record type.

Within one record type a wording names one field (`contraddizioni()` lists any that name two; a
test keeps it empty). Across record types a wording may differ: 'Obiettivo' over an esito names
the objective evaluated (its title), in an objective's card it lists the specific objectives.

The matching machinery (fuzzy similarity, keyword rules, thresholds) lives in `labels.py` and
`text.py`; value parsers in `normalize/` (`Campo.valore` names the kind, normalize owns the code).
"""
from __future__ import annotations

from dataclasses import dataclass

from .text import Vocabolario, fold

TIPI = ('obiettivo', 'azione', 'indicatore', 'rilevazione', 'esito')


@dataclass(frozen=True)
class Campo:
    nome: str                                   # the field's name in records and in the warehouse
    etichette: tuple[str, ...] = ()             # how documents label it (any case, accents; fuzzy-matched)
    valore: str = 'testo'                       # its value kind: testo, titolo, lista, si_no, percento, stato...
    # 'identita' names the record (its title, its number); 'contesto' is often said once above a
    # group of records (area, triennio); 'contenuto' is the rest
    ruolo: str = 'contenuto'
    # a field that names the record when nothing else does: a table of objectives whose first
    # column is headed 'Obiettivi' or 'Finalità' gives each row its title from it
    vale_come: str | None = None
    # a field whose content is a list of records of another type ('Risultati attesi' lists output
    # indicators), with the type the items have unless their own heading says otherwise
    contiene: str | None = None
    tipo_elementi: str | None = None
    colore: bool = False                        # a colour can say its value (a status cell's fill)
    colonna: bool = True                        # stored as a column of its record (else read into others)
    # the card kind the field marks: a card is recognised by which of these its labels name
    scheda: str | None = None


def _c(nome: str, *etichette: str, **kw) -> Campo:
    return Campo(nome, tuple(etichette), **kw)


SCHEMA: dict[str, tuple[Campo, ...]] = {
    'obiettivo': (
        _c('numero', ruolo='identita', valore='titolo'),
        _c('titolo', 'titolo obiettivo', "titolo dell'obiettivo", 'titolo', 'obiettivo titolo',
           'denominazione obiettivo', 'nome obiettivo', 'titolo del progetto', 'titolo intervento',
           'nome del progetto',
           'obiettivo generale', 'obiettivo strategico', 'obiettivi strategici', 'obiettivo di piano',
           'obiettivi di piano', ruolo='identita', valore='titolo'),
        _c('obiettivi_specifici', 'obiettivo', 'obiettivi', 'obiettivi specifici', 'obiettivo specifico',
           vale_come='titolo', scheda='distretto'),
        _c('descrizione', 'quali obiettivi vuole raggiungere', 'descrizione', "descrizione dell'obiettivo",
           'obiettivo principale', 'obiettivi da raggiungere', 'descrizione obiettivo', 'finalita',
           'finalita principale', 'breve descrizione', "breve descrizione dell'obiettivo",
           'descrizione sintetica', "sintesi dell'obiettivo", "finalita dell'intervento",
           'risultati che si intendono perseguire', vale_come='titolo'),
        _c('macroarea', 'macroarea', 'macro area', 'area di policy', 'macroarea di policy', 'area di intervento',
           'aree di intervento', 'area tematica', 'area di programmazione', 'ambito di intervento', 'area',
           'macroaree di co-programmazione (livello di ambito)', 'macroarea di co-programmazione',
           'macroarea di ambito', 'macroarea di programmazione', 'area tematica di intervento', 'ambito di policy',
           ruolo='contesto', valore='titolo'),
        _c('aree_regionali', 'area di programmazione regione lombardia', 'macroarea regionale', 'area regionale',
           'aree di programmazione regionale', 'area di programmazione regionale',
           'aree di programmazione di regione lombardia', 'aree regionali', 'aree regionali di riferimento',
           'aree di policy regionali', 'area di policy regionale', 'aree della programmazione regionale',
           'codici area regionale', 'macroaree di programmazione (livello di regione lombardia)',
           'macroarea di programmazione regionale', 'macroaree regionali', ruolo='contesto', valore='aree'),
        _c('azioni', 'azioni programmate', 'azioni principali da realizzare', 'azioni principali', 'azioni',
           'azione', 'azioni previste', 'attivita previste', 'azioni da realizzare', 'attivita',
           'interventi previsti', 'interventi', 'azioni e attivita', 'linee di azione', 'azioni e interventi',
           'azioni/interventi', 'interventi programmati', 'attivita da realizzare', 'piano delle attivita',
           'cosa si fara', 'modalita di attuazione', contiene='azione', colonna=False),
        _c('target', 'target', 'destinatari', 'beneficiari', 'target destinatari', 'popolazione target', 'utenza',
           'target di riferimento', 'a chi si rivolge', 'soggetti destinatari', 'utenti destinatari'),
        _c('risorse_economiche', 'risorse economiche preventivate', 'risorse economiche', 'fonti di finanziamento',
           'risorse finanziarie', 'budget', 'fonti finanziarie', 'risorse', 'risorse impiegate',
           'risorse dedicate', 'risorse necessarie', 'costi', valore='lista', scheda='scheda'),
        _c('risorse_personale', 'risorse di personale dedicate', 'risorse di personale', 'risorse umane',
           'personale dedicato', 'risorse professionali', 'figure professionali', 'operatori coinvolti',
           valore='lista', scheda='scheda'),
        _c('trasversale', "l'obiettivo e trasversale ed integrato con altre aree di policy",
           'obiettivo trasversale', 'trasversalita', 'integrazione con altre aree di policy',
           valore='booleano', scheda='scheda'),
        _c('punti_chiave', "punti chiave dell'intervento", 'punti chiave', 'parole chiave', valore='lista',
           scheda='scheda'),
        _c('asst_analisi', "prevede il coinvolgimento di asst nell'analisi del bisogno e nella programmazione",
           'coinvolgimento asst analisi del bisogno', "coinvolgimento di asst nell'analisi del bisogno",
           'il bisogno e stato analizzato insieme ad asst', "analisi del bisogno condivisa con l'asst",
           valore='si_no', scheda='scheda'),
        _c('asst_realizzazione', "prevede il coinvolgimento di asst nella realizzazione dell'intervento e azioni "
           'congiunte ambito-asst', 'coinvolgimento asst realizzazione', valore='si_no', scheda='scheda'),
        _c('cooperazione_ambiti', "l'intervento e realizzato in cooperazione con altri ambiti",
           'cooperazione con altri ambiti', 'in cooperazione con altri ambiti', 'intervento sovrambito',
           valore='si_no', scheda='scheda'),
        _c('continuita_precedente', 'e in continuita con la programmazione precedente',
           'continuita con la programmazione precedente',
           "l'obiettivo era in continuita con la programmazione precedente", 'continuita con il precedente piano',
           "l'obiettivo prosegue quanto avviato nel triennio precedente",
           "l'obiettivo prosegue quanto avviato",
           valore='si_no'),
        _c('nuovo_servizio', "l'obiettivo prevede la definizione di un nuovo servizio", 'nuovo servizio',
           scheda='scheda'),
        _c('premiale', "l'obiettivo e in continuita e/o rappresenta il potenziamento di un progetto premiale "
           'della programmazione', 'progetto premiale', valore='si_no', scheda='scheda'),
        _c('coprogrammato_ts', "l'intervento e formalmente co-programmato con il terzo settore",
           'co-programmato con il terzo settore', valore='si_no', scheda='scheda'),
        _c('coprogettato_ts', "l'intervento e formalmente co-progettato con il terzo settore",
           'co-progettato con il terzo settore', 'co-progettazione con il terzo settore',
           'intervento coprogettato con il terzo settore',
           'e prevista la coprogettazione con enti del terzo settore', valore='si_no', scheda='scheda'),
        _c('modalita_ts', "nel caso in cui l'intervento non preveda processi di co-progettazione e/o "
           "co-programmazione formalizzati, specificare le modalita di coinvolgimento del terzo settore",
           'modalita di coinvolgimento del terzo settore', scheda='scheda'),
        _c('altri_attori', "l'intervento prevede il coinvolgimento di altri attori della rete territoriale",
           'coinvolgimento di altri attori della rete', valore='si_no', scheda='scheda'),
        _c('coprogettato_altri', "l'intervento e co-progettato con altri attori della rete",
           'co-progettato con altri attori', valore='si_no', scheda='scheda'),
        _c('bisogno', 'questo intervento a quale/i bisogno/i risponde', 'bisogno a cui risponde',
           'bisogni a cui risponde', 'bisogno rilevato', 'analisi del bisogno', scheda='scheda'),
        _c('bisogno_consolidato', "il bisogno rilevato era gia stato affrontato nella precedente programmazione o "
           'puo essere definito come un nuovo bisogno emerso', 'bisogno consolidato o nuovo bisogno',
           valore='bisogno_consolidato', scheda='scheda'),
        _c('tipo_obiettivo', "l'obiettivo e di tipo promozionale/preventivo o riparativo", 'tipo di obiettivo',
           'tipologia obiettivo', "natura dell'intervento", "l'obiettivo e promozionale, preventivo o riparativo",
           valore='tipo_obiettivo', scheda='scheda'),
        _c('innovativo', "l'obiettivo presenta modelli innovativi di presa in carico, di risposta al bisogno e "
           "cooperazione con gli altri attori della rete", 'modelli innovativi', 'innovativita', scheda='scheda'),
        _c('digitalizzazione', "l'obiettivo presenta degli aspetti inerenti alla digitalizzazione",
           'digitalizzazione', valore='si_no', scheda='scheda'),
        # the form's three questions whose answers are indicators of process, output and outcome
        _c('modalita_organizzative', 'quali modalita organizzative, operative di erogazione sono adattate',
           'modalita organizzative', 'indicatori di processo', contiene='indicatore', tipo_elementi='processo',
           scheda='scheda'),
        _c('risultati_attesi', 'quali risultati vuole raggiungere', 'risultati attesi', 'indicatori di output',
           'risultato atteso', 'risultati previsti', 'risultati', 'esiti attesi', 'output attesi',
           'prodotti attesi', 'indicatori di risultato', contiene='indicatore', tipo_elementi='output',
           scheda='scheda'),
        _c('impatto', "quale impatto dovrebbe avere l'intervento", 'impatto atteso', 'indicatori di outcome',
           'impatto', contiene='indicatore', tipo_elementi='outcome', scheda='scheda'),
        _c('indicatori', 'indicatori', 'indicatori di monitoraggio', 'indicatori di valutazione',
           'sistema di monitoraggio', contiene='indicatore', colonna=False),
        _c('tempi', 'tempi', 'tempistica', 'tempistiche', 'cronoprogramma', 'tempi di realizzazione', 'durata',
           'scadenze', 'quando', 'tempi di attuazione', valore='titolo'),
        # distretto cards (integrazione sociosanitaria)
        _c('ambito_riferimento', 'ambito di riferimento', 'ambiti coinvolti', 'territorio di riferimento',
           scheda='distretto'),
        _c('strumenti', 'strumenti', 'risorse e strumenti', scheda='distretto'),
        _c('monitoraggio', 'monitoraggio', 'monitoraggio e valutazione', contiene='indicatore', scheda='distretto'),
        _c('verifica', 'verifica e valutazione', 'valutazione', 'verifica', 'modalita di verifica',
           contiene='indicatore', scheda='distretto'),
        _c('governance', 'governance', 'soggetti coinvolti', 'governance e soggetti coinvolti', valore='lista',
           scheda='distretto'),
        # who carries the objective out (a column of objective tables)
        _c('soggetti', 'soggetti', 'attori', 'attori coinvolti', 'soggetti responsabili', 'responsabili', 'chi',
           'partner', 'soggetti attuatori', 'stakeholder'),
    ),
    'azione': (
        _c('testo', 'azione', 'azioni', 'attivita', 'descrizione azione', 'descrizione attivita', 'intervento',
           ruolo='identita'),
        _c('leps', 'leps', 'livello essenziale'),
        # when an action is done: a table of actions often has a timeline ('Tempi › 2025 2026 2027')
        _c('tempi', 'tempi', 'tempistica', 'tempistiche', 'cronoprogramma', 'tempi di realizzazione',
           'tempi di attuazione', 'calendario', colonna=False),
    ),
    'indicatore': (
        _c('numero', ruolo='identita', valore='titolo'),
        _c('tipo', 'tipologia', 'tipo', 'tipo indicatore', 'tipologia indicatore', 'tipologia di indicatore',
           'tipo di indicatore', 'natura indicatore', 'categoria indicatore', 'categoria',
           valore='tipo_indicatore'),
        _c('testo', 'indicatore', 'indicatori', 'descrizione indicatore', 'indicatore di risultato',
           'nome indicatore', 'indicatori di monitoraggio', 'indicatori di risultato', 'indicatore di monitoraggio',
           'che cosa si misura', 'cosa si misura', 'misura',
           ruolo='identita'),
        # an expected-value cell: normalize reads comparatore / valore / unita out of it
        _c('promessa', 'target atteso', 'valore atteso', 'target', 'risultato atteso', 'risultati attesi',
           'valore obiettivo', 'valore target', 'obiettivo atteso', 'soglia attesa', 'standard atteso',
           'esito atteso', valore='promessa'),
        _c('baseline', 'baseline', 'valore di partenza', 'dato di partenza', 'valore iniziale',
           'situazione di partenza', 'valore base', 'situazione iniziale'),
        _c('scadenza', 'scadenza', 'entro', 'entro il', 'termine', 'tempistica', 'anno target',
           'anno di riferimento', 'data target', 'tempi di raggiungimento', valore='anno'),
        _c('policy', 'policy', 'area di policy', 'macroarea', 'linea di intervento', 'obiettivo di riferimento',
           'area tematica', 'ambito di intervento',
           ruolo='contesto', valore='titolo'),
        _c('responsabile', 'responsabile', 'referente', 'chi rileva', 'soggetto responsabile',
           'referente della rilevazione',
           'chi rileva il dato', valore='titolo'),
        _c('frequenza', 'frequenza', 'periodicita', 'cadenza', 'tempi di rilevazione', 'frequenza di rilevazione',
           'cadenza della misurazione', valore='titolo'),
        _c('ridefinizione', 'ridefinizione', 'rimodulazione', 'revisione'),
        _c('note', 'note', 'annotazioni', 'osservazioni', 'commenti'),
    ),
    'rilevazione': (
        _c('data', 'data di rilevazione', 'dato al', 'valore al', 'monitoraggio al', ruolo='identita',
           valore='data'),
        _c('valore_testo', 'valore rilevato', 'rilevazione', 'misurazione', 'dato rilevato'),
    ),
    'esito': (
        _c('titolo', 'obiettivo', 'obiettivi', 'obiettivo specifico', 'obiettivo generale', 'titolo obiettivo',
           'obiettivo del piano', 'titolo', 'progetto', 'progetti', 'titolo progetto', 'area obiettivo',
           'intervento', 'interventi', 'descrizione attivita/progetto', 'descrizione attivita',
           'descrizione progetto', 'descrizione intervento', 'attivita/progetto', 'progetto/attivita', 'servizio',
           'denominazione', 'obiettivo valutato', 'obiettivo del triennio', ruolo='identita', valore='titolo'),
        _c('descrizione', 'descrizione', "descrizione dell'obiettivo", 'descrizione obiettivo',
           "contenuto dell'obiettivo",
           'in cosa consisteva', vale_come='titolo'),
        _c('macroarea', 'area', 'macroarea', 'area di intervento', 'area tematica', 'area di policy',
           'ambito di intervento', 'policy', ruolo='contesto', valore='titolo'),
        _c('triennio_valutato', 'triennio valutato', 'triennio di riferimento', ruolo='contesto',
           valore='triennio'),
        _c('dimensione', 'dimensione', "dimensione dell'obiettivo", scheda='esito', valore='titolo'),
        # the outcome in words or as a colour; in an evaluation form a percentage
        _c('grado_raggiungimento', "grado di raggiungimento dell'obiettivo rispetto a cio che e stato definito "
           'nella programmazione', 'grado di raggiungimento', 'percentuale di raggiungimento',
           '% di raggiungimento', 'livello di raggiungimento', 'stato di raggiungimento', 'raggiungimento',
           'percentuale di realizzazione',
           "quanto e stato raggiunto l'obiettivo", 'raggiungimento %',
           valore='percento', scheda='esito'),
        _c('stato', 'esito', 'esiti', 'stato', 'stato di attuazione', 'stato di avanzamento', 'avanzamento',
           'grado di attuazione', 'attuazione', 'livello di attuazione', 'realizzazione', 'semaforo',
           'valutazione esito', 'esito finale', 'risultato raggiunto', 'risultati raggiunti', 'esito raggiunto',
           'stato finale', 'grado di realizzazione', 'esito della verifica', 'esito verifica', 'stato attuazione',
           'stato del progetto', valore='stato', colore=True),
        _c('giudizio', 'giudizio', 'giudizio sintetico', 'giudizio complessivo', 'giudizio finale',
           'valutazione sintetica', 'livello di raggiungimento (giudizio)', 'esito della valutazione',
           valore='giudizio', scheda='esito'),
        _c('valutazione_utenti', 'valutazione da parte degli utenti (ove pertinente)',
           'valutazione da parte degli utenti', 'valutazione degli utenti', 'soddisfazione degli utenti',
           'gradimento degli utenti', 'customer satisfaction', scheda='esito', valore='titolo'),
        _c('adeguatezza_risorse', 'livello di adeguatezza delle risorse umane e strumentali impiegate rispetto '
           'al raggiungimento degli obiettivi prefissati', 'adeguatezza delle risorse', scheda='esito',
           valore='titolo'),
        _c('coincidenza_risorse', 'livello di coincidenza tra risorse stanziate e risorse impegnate / liquidate',
           'coincidenza tra risorse stanziate e impegnate', 'risorse stanziate e impegnate', valore='percento',
           scheda='esito'),
        _c('criticita', "criticita rilevate nel raggiungimento dell'obiettivo", 'criticita rilevate', 'criticita',
           'difficolta incontrate', 'difficolta riscontrate', 'categoria criticita e ridefinizione',
           'categoria criticita', 'criticita e ridefinizione', 'ridefinizione', 'categoria', 'punti critici',
           'note critiche', 'criticita emerse', 'elementi di criticita', 'elementi critici',
           'nodi critici', 'problematiche', 'problemi riscontrati', 'difficolta', 'punti di debolezza',
           'note e criticita', 'criticita/ridefinizione', scheda='esito'),
        _c('risposta_bisogno', "questo obiettivo ha adeguatamente risposto ad un bisogno producendo un "
           "cambiamento positivo nell'area individuata come problematica", 'risposta al bisogno',
           'ha risposto al bisogno', "l'obiettivo ha risposto al bisogno", 'risposta ai bisogni',
           'ha prodotto un cambiamento positivo', scheda='esito'),
        _c('continuita_precedente', 'e in continuita con la programmazione precedente',
           'continuita con la programmazione precedente', 'prosecuzione di un obiettivo del triennio precedente',
           'continuita',
           valore='si_no'),
        _c('riproposto', "l'obiettivo verra riproposto nella prossima programmazione", 'verra riproposto',
           'riproposto', 'riproposizione', 'riproposto nella prossima programmazione',
           'riproposto nella nuova programmazione', 'confermato per il prossimo triennio',
           "l'obiettivo viene riproposto nel triennio", 'viene riproposto', 'riproposto nel prossimo triennio',
           valore='si_no',
           scheda='esito'),
        _c('azioni_realizzate', 'azioni realizzate', 'azioni realizzate nel triennio', 'attivita realizzate',
           'interventi realizzati', 'azioni svolte', 'attivita svolte', 'azioni attuate', 'azioni intraprese',
           'cosa e stato realizzato', 'cosa e stato fatto', 'realizzazioni', 'attivita', 'azione', 'azioni',
           # a deck's 'Azioni | Esito' table: the actions are what its rows evaluate
           valore='lista', vale_come='titolo'),
        _c('risorse_impiegate', 'risorse impiegate', 'risorse utilizzate', 'risorse investite',
           'risorse economiche impiegate', 'risorse dedicate', 'risorse', 'fonti di finanziamento'),
        _c('commento', 'commento', 'commenti', 'valutazione', 'valutazione complessiva', 'valutazione finale',
           'osservazioni', 'note', 'considerazioni', 'considerazioni conclusive', 'annotazioni',
           'note e osservazioni'),
    ),
}


def campi(tipo: str) -> dict[str, Campo]:
    """The fields of a record type by name."""
    return {c.nome: c for c in SCHEMA[tipo]}


def vocabolario(tipo: str, nomi=None, *, come: dict[str, str] | None = None) -> dict[str, list[str]]:
    """field -> label variants of a record type, for the label matchers (`text.best_label`,
    `header_map`); `nomi` keeps only those fields, `come` reads a field under another key (a
    reader that gives several fields one role: {'grado_raggiungimento': 'stato'})."""
    out: dict[str, list[str]] = {}
    for c in SCHEMA[tipo]:
        if nomi is not None and c.nome not in nomi:
            continue
        out.setdefault((come or {}).get(c.nome, c.nome), []).extend(c.etichette)
    return Vocabolario({k: v for k, v in out.items() if v})


def identita(tipo: str, nomi) -> str | None:
    """Of the fields a record has, the one that names it: its identity field, else the first
    field (in schema order) that stands in for it."""
    fields = [c for c in SCHEMA[tipo] if c.nome in nomi]
    own = next((c.nome for c in fields if c.ruolo == 'identita' and c.etichette), None)
    return own or next((c.nome for c in fields if c.vale_come), None)


def marcano(tipo: str, scheda: str) -> frozenset[str]:
    """The fields that mark a card kind ('scheda', 'distretto', 'esito')."""
    return frozenset(c.nome for c in SCHEMA[tipo] if c.scheda == scheda)


def contraddizioni() -> list[tuple[str, str, list[str]]]:
    """(record type, folded wording, fields) for every wording that names two fields of one type."""
    out = []
    for tipo, fields in SCHEMA.items():
        said: dict[str, set[str]] = {}
        for c in fields:
            for e in c.etichette:
                said.setdefault(fold(e), set()).add(c.nome)
        out += [(tipo, w, sorted(f)) for w, f in said.items() if len(f) > 1]
    return out


# the words of an overall judgement ('Valutazione complessiva: Buono'): under a column or label
# that says comment or outcome, such a word is the esito's giudizio
GIUDIZI = frozenset({'insufficiente', 'sufficiente', 'discreto', 'buono', 'ottimo', 'molto buono', 'eccellente'})


def is_giudizio(text: str) -> bool:
    return fold(text) in GIUDIZI
