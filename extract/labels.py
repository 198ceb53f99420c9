"""The one vocabulary of card labels: how Ambiti phrase each row of a scheda obiettivo, a distretto
card or an esito (DGR 2167/2024), mapped to schema fields.

A label is matched two ways, so paraphrases and truncated labels still land:
- fuzzy, against written variants (`VARIANTS`, via text.best_label);
- by keywords (`KEYWORDS`): folded stems that must all occur in the label, tried most specific
  first ('premiale' before 'continuità').
Every field belongs to one or more card kinds (`KINDS`), which is how a table is recognised as a
scheda, a distretto card or an esito: by the labels it contains, never by position.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .text import best_label, fold, label_score, similarity

# field -> label variants as Ambiti write them (any case/accents; fuzzy-matched)
VARIANTS: dict[str, list[str]] = {
    'titolo': ['titolo obiettivo', "titolo dell'obiettivo", 'titolo', 'obiettivo titolo', 'denominazione obiettivo',
               'nome obiettivo', 'titolo del progetto', 'titolo intervento'],
    'descrizione': ['quali obiettivi vuole raggiungere', 'descrizione', "descrizione dell'obiettivo",
                    'obiettivo principale', 'obiettivi da raggiungere', 'descrizione obiettivo', 'finalita',
                    'breve descrizione', "breve descrizione dell'obiettivo", 'descrizione sintetica',
                    "sintesi dell'obiettivo"],
    'azioni': ['azioni programmate', 'azioni principali da realizzare', 'azioni principali', 'azioni',
               'azioni previste', 'attivita previste', 'azioni da realizzare', 'attivita', 'interventi previsti',
               'azioni e attivita', 'linee di azione'],
    'target': ['target', 'destinatari', 'beneficiari', 'target destinatari', 'popolazione target', 'utenza',
               'target di riferimento', 'a chi si rivolge'],
    'risorse_economiche': ['risorse economiche preventivate', 'risorse economiche', 'fonti di finanziamento',
                           'risorse finanziarie', 'budget', 'fonti finanziarie'],
    'risorse_personale': ['risorse di personale dedicate', 'risorse di personale', 'risorse umane',
                          'personale dedicato', 'risorse professionali', 'figure professionali', 'operatori coinvolti'],
    'trasversale': ["l'obiettivo e trasversale ed integrato con altre aree di policy",
                    'obiettivo trasversale', 'trasversalita', 'integrazione con altre aree di policy'],
    'punti_chiave': ["punti chiave dell'intervento", 'punti chiave', 'parole chiave'],
    'asst_analisi': ["prevede il coinvolgimento di asst nell'analisi del bisogno e nella programmazione",
                     'coinvolgimento asst analisi del bisogno'],
    'asst_realizzazione': ["prevede il coinvolgimento di asst nella realizzazione dell'intervento e azioni congiunte ambito-asst",
                           'coinvolgimento asst realizzazione'],
    'cooperazione_ambiti': ["l'intervento e realizzato in cooperazione con altri ambiti", 'cooperazione con altri ambiti',
                            'in cooperazione con altri ambiti', 'intervento sovrambito'],
    'continuita_precedente': ['e in continuita con la programmazione precedente', 'continuita con la programmazione precedente',
                              "l'obiettivo era in continuita con la programmazione precedente",
                              'continuita con il precedente piano'],
    'nuovo_servizio': ["l'obiettivo prevede la definizione di un nuovo servizio", 'nuovo servizio'],
    'premiale': ["l'obiettivo e in continuita e/o rappresenta il potenziamento di un progetto premiale della programmazione",
                 'progetto premiale'],
    'coprogrammato_ts': ["l'intervento e formalmente co-programmato con il terzo settore", 'co-programmato con il terzo settore'],
    'coprogettato_ts': ["l'intervento e formalmente co-progettato con il terzo settore", 'co-progettato con il terzo settore'],
    'modalita_ts': ["nel caso in cui l'intervento non preveda processi di co-progettazione e/o co-programmazione formalizzati, specificare le modalita di coinvolgimento del terzo settore",
                    'modalita di coinvolgimento del terzo settore'],
    'altri_attori': ["l'intervento prevede il coinvolgimento di altri attori della rete territoriale",
                     'coinvolgimento di altri attori della rete'],
    'coprogettato_altri': ["l'intervento e co-progettato con altri attori della rete", 'co-progettato con altri attori'],
    'bisogno': ['questo intervento a quale/i bisogno/i risponde', 'bisogno a cui risponde', 'bisogni a cui risponde',
                'bisogno rilevato', 'analisi del bisogno'],
    'bisogno_consolidato': ["il bisogno rilevato era gia stato affrontato nella precedente programmazione o puo essere definito come un nuovo bisogno emerso",
                            'bisogno consolidato o nuovo bisogno'],
    'tipo_obiettivo': ["l'obiettivo e di tipo promozionale/preventivo o riparativo", 'tipo di obiettivo', 'tipologia obiettivo'],
    'innovativo': ["l'obiettivo presenta modelli innovativi di presa in carico, di risposta al bisogno e cooperazione con gli altri attori della rete",
                   'modelli innovativi', 'innovativita'],
    'digitalizzazione': ["l'obiettivo presenta degli aspetti inerenti alla digitalizzazione", 'digitalizzazione'],
    'modalita_organizzative': ['quali modalita organizzative, operative di erogazione sono adattate',
                               'modalita organizzative', 'indicatori di processo'],
    'risultati_attesi': ['quali risultati vuole raggiungere', 'risultati attesi', 'indicatori di output'],
    'impatto': ["quale impatto dovrebbe avere l'intervento", 'impatto atteso', 'indicatori di outcome', 'impatto'],
    'indicatori': ['indicatori', 'indicatori di monitoraggio', 'indicatori di risultato'],
    'macroarea': ['macroarea', 'area di policy', 'macroarea di policy', 'area di intervento', 'area tematica', 'area'],
    'aree_regionali': ['area di programmazione regione lombardia', 'macroarea regionale', 'area regionale',
                       'aree di programmazione regionale', 'area di programmazione regionale',
                       'aree di programmazione di regione lombardia'],
    'tempi': ['tempi', 'tempistica', 'cronoprogramma', 'tempi di realizzazione', 'durata'],
    # distretto cards
    'ambito_riferimento': ['ambito di riferimento', 'ambiti coinvolti', 'territorio di riferimento'],
    'obiettivi_specifici': ['obiettivo', 'obiettivi', 'obiettivi specifici'],
    'strumenti': ['strumenti', 'risorse e strumenti'],
    'monitoraggio': ['monitoraggio'],
    'verifica': ['verifica e valutazione', 'valutazione', 'verifica'],
    'governance': ['governance', 'soggetti coinvolti', 'governance e soggetti coinvolti'],
    # esiti (DGR 2167/2024)
    'dimensione': ['dimensione', "dimensione dell'obiettivo"],
    'grado_raggiungimento': ["grado di raggiungimento dell'obiettivo rispetto a cio che e stato definito nella programmazione",
                             'grado di raggiungimento', 'percentuale di raggiungimento', '% di raggiungimento'],
    'valutazione_utenti': ['valutazione da parte degli utenti (ove pertinente)', 'valutazione da parte degli utenti',
                           'valutazione degli utenti', 'soddisfazione degli utenti', 'gradimento degli utenti',
                           'customer satisfaction'],
    'adeguatezza_risorse': ['livello di adeguatezza delle risorse umane e strumentali impiegate rispetto al raggiungimento degli obiettivi prefissati',
                            'adeguatezza delle risorse'],
    'coincidenza_risorse': ['livello di coincidenza tra risorse stanziate e risorse impegnate / liquidate',
                            'coincidenza tra risorse stanziate e impegnate', 'risorse stanziate e impegnate'],
    'criticita': ["criticita rilevate nel raggiungimento dell'obiettivo", 'criticita rilevate', 'criticita',
                  'difficolta incontrate', 'difficolta riscontrate'],
    'risposta_bisogno': ["questo obiettivo ha adeguatamente risposto ad un bisogno producendo un cambiamento positivo nell'area individuata come problematica",
                         'risposta al bisogno', 'ha risposto al bisogno', "l'obiettivo ha risposto al bisogno",
                         'risposta ai bisogni', 'ha prodotto un cambiamento positivo'],
    'riproposto': ["l'obiettivo verra riproposto nella prossima programmazione", 'verra riproposto', 'riproposto',
                   'riproposizione', 'riproposto nella prossima programmazione'],
    'giudizio': ['giudizio', 'giudizio sintetico', 'giudizio complessivo', 'valutazione sintetica',
                 'livello di raggiungimento (giudizio)'],
}

# field -> alternatives, each a tuple of regexes over the folded label that must all match.
# Ordered: the first field whose rule matches wins, so specific rules come first.
KEYWORDS: list[tuple[str, tuple[str, ...]]] = [
    ('premiale', (r'premial',)),
    ('modalita_ts', (r'modalita', r'terzo settore')),
    ('coprogrammato_ts', (r'co ?programma(t|zion)', r'terzo settore|\bets?\b|\bts\b')),
    ('coprogettato_ts', (r'co ?progetta(t|zion)', r'terzo settore|\bets?\b|\bts\b')),
    ('coprogettato_altri', (r'co ?progettat', r'attori')),
    ('altri_attori', (r'altri attori',)),
    ('asst_realizzazione', (r'\basst\b', r'realizzazion')),
    ('asst_analisi', (r'\basst\b', r'analisi|programmazion')),
    ('asst_realizzazione', (r'\basst\b', r'congiunt')),
    # a lone 'Coinvolgimento ASST': the form's first ASST question (analysis and programming)
    ('asst_analisi', (r'^(prevede (il )?)?coinvolgiment\w* (di |dell )?asst$',)),
    ('cooperazione_ambiti', (r'cooperazion|collaborazion', r'altri ambiti')),
    ('cooperazione_ambiti', (r'sovr\w*ambit|inter ?ambit',)),
    ('riproposto', (r'ripropo(st|sizion|rre)',)),
    ('continuita_precedente', (r'continuita', r'programmazione precedente|precedente programmazione')),
    # the short forms: 'Continuità', 'In continuità?', 'È in continuità con il precedente piano?'
    ('continuita_precedente', (r'^(e |era )?(in )?continuita( con (il|la|le|i) (precedent|programmazion|piano|triennio)\w*.*)?$',)),
    # 'Continuità 2018-2020': continuity with the span it names
    ('continuita_precedente', (r'^(e |era )?(in )?continuita( con)?( (il|la|le|i))? ((19|20)\d\d|triennio|pdz|piano)',)),
    ('bisogno_consolidato', (r'bisogno', r'gia|consolidat|nuovo bisogno')),
    ('grado_raggiungimento', (r'grado', r'raggiungiment')),
    ('grado_raggiungimento', (r'percentual|%', r'raggiungiment|realizzazion')),
    ('valutazione_utenti', (r'valutazion|soddisfazion|gradimento|customer', r'utent|customer|beneficiari')),
    ('adeguatezza_risorse', (r'adeguatezz',)),
    ('coincidenza_risorse', (r'coincidenz',)),
    ('coincidenza_risorse', (r'stanziat', r'impegnat|liquidat|spes[eao]')),
    ('criticita', (r'criticita',)),
    ('criticita', (r'^difficolta\b',)),
    ('risposta_bisogno', (r'rispost\w*', r'bisogno', r'cambiamento|obiettivo ha')),
    # past tense: the objective HAS answered ('Ha risposto al bisogno?'); 'a quale bisogno risponde' is the scheda's
    ('risposta_bisogno', (r'\b(ha|hanno|abbia) (\w+ )?rispost\w* (\w+ )?(a|al|ai|alle|ad|un) (\w+ )?bisogn',)),
    ('risposta_bisogno', (r'cambiamento positivo',)),
    ('bisogno', (r'bisogn', r'rispond')),
    ('tipo_obiettivo', (r'promozional|preventiv|riparativ',)),
    ('tipo_obiettivo', (r'\btip(o|ologia)\b', r'obiettiv')),
    ('innovativo', (r'innovativ',)),
    ('digitalizzazione', (r'digitalizzazion',)),
    ('nuovo_servizio', (r'nuovo servizio',)),
    ('trasversale', (r'trasversal',)),
    ('punti_chiave', (r'punti chiave|parole chiave',)),
    ('risorse_economiche', (r'risorse economic|risorse finanziari|finanziament|budget|costo',)),
    ('risorse_personale', (r'personale|risorse umane|risorse professionali',)),
    ('modalita_organizzative', (r'modalita organizzativ',)),
    ('risultati_attesi', (r'risultat', r'raggiung|attes')),
    ('impatto', (r'impatto',)),
    ('descrizione', (r'obiettiv\w*', r'raggiungere|principale')),
    ('titolo', (r'\btitolo\b',)),
    ('azioni', (r'^azioni\b|\battivita previste\b',)),
    ('target', (r'^target\b|^destinatari\b|^beneficiari\b',)),
    ('verifica', (r'^verifica\b',)),
    ('ambito_riferimento', (r'^ambit\w* (di riferimento|coinvolti)',)),
]

# which card kinds a field marks (a field in several kinds says nothing on its own)
SCHEDA_ONLY = {'risorse_economiche', 'risorse_personale', 'trasversale', 'punti_chiave', 'asst_analisi',
               'asst_realizzazione', 'cooperazione_ambiti', 'nuovo_servizio', 'premiale', 'coprogrammato_ts',
               'coprogettato_ts', 'modalita_ts', 'altri_attori', 'coprogettato_altri', 'bisogno',
               'bisogno_consolidato', 'tipo_obiettivo', 'innovativo', 'digitalizzazione',
               'modalita_organizzative', 'risultati_attesi', 'impatto'}
DISTRETTO_ONLY = {'ambito_riferimento', 'obiettivi_specifici', 'strumenti', 'monitoraggio', 'verifica', 'governance'}
ESITO_ONLY = {'dimensione', 'grado_raggiungimento', 'valutazione_utenti', 'adeguatezza_risorse',
              'coincidenza_risorse', 'criticita', 'risposta_bisogno', 'riproposto', 'giudizio'}

# labels whose meaning depends on the card they are in: in an esito 'Obiettivo' names the objective
# evaluated (its title), in a distretto card it lists specific objectives
IN_CARD: dict[str, dict[str, str]] = {'esito': {'obiettivi_specifici': 'titolo'}}

# context lines written above a group of cards ("Macroaree di co-programmazione (livello di Ambito): ...")
CONTEXT_VARIANTS: dict[str, list[str]] = {
    'aree_regionali': ['macroaree di programmazione (livello di regione lombardia)', 'macroarea di programmazione regionale',
                       'aree di programmazione regionale', 'area di programmazione di regione lombardia',
                       'macroaree regionali', 'aree regionali'],
    'macroarea': ['macroaree di co-programmazione (livello di ambito)', 'macroarea di co-programmazione',
                  "macroarea di ambito", 'macroarea', 'area di policy', 'macroarea di policy'],
}

THRESHOLD = 0.82

# the titles a label | content table may carry over its two columns ('Voce | Contenuto', 'Campo |
# Descrizione'), repeated on every page it runs onto: column titles, never a card's row
LABEL_COLUMN_TITLES = {'voce', 'voci', 'campo', 'campi', 'elemento', 'elementi', 'etichetta', 'sezione', 'domanda',
                       'domande', 'item', 'parametro', 'aspetto'}
CONTENT_COLUMN_TITLES = {'contenuto', 'contenuti', 'descrizione', 'valore', 'valori', 'risposta', 'risposte',
                         'dettaglio', 'dettagli', 'testo', 'compilazione', 'informazioni', 'note', 'specifiche',
                         'contenuto descrizione', 'descrizione contenuto'}


def column_titles_row(label: str, contents: list[str]) -> bool:
    """'Voce | Contenuto': the label cell names the label column and every other cell names the
    content column (nothing else: 'Voce | SI | NO' is a checkbox heading, read elsewhere)."""
    texts = [fold(c) for c in contents if fold(c)]
    return fold(label) in LABEL_COLUMN_TITLES and bool(texts) and all(t in CONTENT_COLUMN_TITLES for t in texts)

# words that carry no meaning at the head of a label ("L'obiettivo...", "È in continuità...")
_FILLERS = frozenset('l il lo la i gli le un una uno e ed o di d del dell della dello dei degli delle in nel nell '
                     'nella a al all alla ai agli alle per con su tra fra da dal dalla che se'.split())
# a field whose name is a word: the label must say one of these words
_NEEDS_WORD = {'titolo': r'\b(titol\w*|denominazion\w*|nome)\b'}


def head_word(folded: str) -> str:
    """First meaningful word of a folded label ('l obiettivo e trasversale' -> 'obiettivo')."""
    for w in folded.split():
        if w not in _FILLERS:
            return w
    return ''


def same_head(a: str, b: str) -> bool:
    """Two folded labels open with the same word, up to its ending ('indicatore'/'indicatori')."""
    x, y = head_word(a), head_word(b)
    n = min(len(x), len(y), 5)
    return bool(x) and bool(y) and x[:n] == y[:n] and (n == 5 or x == y)


def _fuzzy(label: str) -> tuple[str | None, float]:
    """Best variant by similarity; a variant that is not the label's own start must open with the
    same word: "Tipologia dell'obiettivo" is not "Titolo dell'obiettivo", however alike they look."""
    f = fold(label)
    best_key, best = None, 0.0
    for key, variants in VARIANTS.items():
        for v in variants:
            fv = fold(v)
            if f != fv and not f.startswith(fv) and not same_head(f, fv):
                continue
            s = label_score(label, v)
            if s > best:
                best_key, best = key, s
    return (best_key, best) if best >= THRESHOLD else (None, best)


def variant_field(label: str) -> tuple[str | None, float]:
    """The field a label names by its written variants alone (no keyword rule)."""
    key, score = _fuzzy(label)
    return (key, score) if key is not None and _says(key, fold(label)) else (None, score)


def whole_variant(label: str, field: str, min_similarity: float = 0.95) -> bool:
    """The label says one of the field's variants whole (not merely opens with one)."""
    f = fold(label)
    return any(f == fold(v) or similarity(f, fold(v)) >= min_similarity for v in VARIANTS.get(field, ()))


def _says(field: str | None, folded: str) -> bool:
    return field not in _NEEDS_WORD or bool(re.search(_NEEDS_WORD[field], folded))


@lru_cache(maxsize=8192)
def field_of(label: str) -> tuple[str | None, float]:
    """Schema field a card label names, with a confidence; (None, score) when nothing fits."""
    f = fold(label)
    if not f:
        return None, 0.0
    key, score = _fuzzy(label)
    if not _says(key, f):
        key = None
    if key is not None and score >= 0.9:
        # a near variant of a shorter label ('Valutazione') loses to a rule that finds both of a
        # longer label's concepts ('valutazione' + 'utenti'): the extra words say which field it is
        both = next((fld for fld, pats in KEYWORDS if len(pats) > 1 and all(re.search(p, f) for p in pats)), None)
        return (both, max(score, 0.9)) if both and both != key and score < 1.0 else (key, score)
    for field, patterns in KEYWORDS:
        if all(re.search(p, f) for p in patterns):
            return field, max(score, 0.85)
    return key, score


def context_field(text: str) -> tuple[str | None, str]:
    """A context line 'Macroaree di ... : VALUE' -> (field, value), else (None, '')."""
    if ':' not in text:
        return None, ''
    head, value = text.split(':', 1)
    f = fold(head)
    if not f.startswith(('macroare', 'area', 'aree')) or len(f) > 90:
        return None, ''
    if re.search(r'regione|regional', f):
        return 'aree_regionali', value.strip()
    key, _ = best_label(head, CONTEXT_VARIANTS, 0.75)
    return (key or 'macroarea'), value.strip()
