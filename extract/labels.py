"""Card labels -> schema fields: how a row label of a scheda obiettivo, a distretto card or an
esito (DGR 2167/2024) is matched to the field it names. The wordings are the schema's
(`schema.py`); this module holds the matching.

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

from .schema import SCHEMA, marcano, vocabolario
from .text import Vocabolario, best_label, can_reach, fold, label_score, per_vocabolario, similarity

# field -> label variants: the schema's wordings of the fields a card can hold -- an objective's,
# and the evaluation form's own (DGR 2167/2024)
VARIANTS: dict[str, list[str]] = Vocabolario({
    **vocabolario('obiettivo'),
    **vocabolario('esito', marcano('esito', 'esito')),
})

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
SCHEDA_ONLY = marcano('obiettivo', 'scheda')
DISTRETTO_ONLY = marcano('obiettivo', 'distretto')
ESITO_ONLY = marcano('esito', 'esito')

# labels whose meaning depends on the card they are in: in an esito 'Obiettivo' names the objective
# evaluated (its title), in a distretto card it lists specific objectives
IN_CARD: dict[str, dict[str, str]] = {'esito': {'obiettivi_specifici': 'titolo'}}

# context lines written above a group of cards ("Macroaree di co-programmazione (livello di Ambito): ...")
CONTEXT_VARIANTS = vocabolario('obiettivo', [c.nome for c in SCHEMA['obiettivo'] if c.ruolo == 'contesto'])

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
_SAID_WHOLE = {f: frozenset(fold(w) for w in VARIANTS.get(f, ())) for f in _NEEDS_WORD}


@lru_cache(maxsize=65536)     # every label is compared with each of a few hundred wordings
def head_word(folded: str) -> str:
    """First meaningful word of a folded label ('l obiettivo e trasversale' -> 'obiettivo')."""
    for w in folded.split():
        if w not in _FILLERS:
            return w
    return ''


def same_head(a: str, b: str) -> bool:
    """Two folded labels open with the same word, up to its ending ('indicatore'/'indicatori')."""
    return _same_word(head_word(a), head_word(b))


def _same_word(x: str, y: str) -> bool:
    """The same word, or two words of five letters or more that open with the same five."""
    return bool(x) and (x == y or (len(x) >= 5 and len(y) >= 5 and x[:5] == y[:5]))


@per_vocabolario
def best_field(label: str, variants: dict[str, list[str]], threshold: float = THRESHOLD) -> tuple[str | None, float]:
    """The key of `variants` (field -> wordings) a label says best, by similarity; a wording that
    is not the label's own start must open with the same word: "Tipologia dell'obiettivo" is not
    "Titolo dell'obiettivo", however alike they look. (None, score) below `threshold`."""
    f = fold(label)
    head = head_word(f)
    best_key, best, said = None, 0.0, 0
    for key, wordings in variants.items():
        for v in wordings:
            fv = fold(v)
            if f != fv and not f.startswith(fv) and not _same_word(head, head_word(fv)):
                continue
            if best >= 0.5 and not can_reach(f, fv, best):
                continue        # it cannot beat, nor tie, the best so far
            s = label_score(label, v)
            # of two variants that fit as well, the one that says more of the label wins:
            # 'Obiettivo trasversale ad altre aree' is 'obiettivo trasversale', not 'obiettivo'
            if s > best or (s == best and len(fv) > said):
                best_key, best, said = key, s, len(fv)
    if best_key is not None and not says(best_key, f):
        return None, best
    return (best_key, best) if best >= threshold else (None, best)


def _fuzzy(label: str) -> tuple[str | None, float]:
    key, score = best_field(label, VARIANTS, 0.0)
    return (key, score) if score >= THRESHOLD else (None, score)


def variant_field(label: str) -> tuple[str | None, float]:
    """The field a label names by its written variants alone (no keyword rule)."""
    key, score = _fuzzy(label)
    return (key, score) if key is not None and says(key, fold(label)) else (None, score)


def whole_variant(label: str, field: str, min_similarity: float = 0.95) -> bool:
    """The label says one of the field's variants whole (not merely opens with one)."""
    f = fold(label)
    return any(f == fold(v) or similarity(f, fold(v)) >= min_similarity for v in VARIANTS.get(field, ()))


def says(field: str | None, folded: str) -> bool:
    """A field whose name is a word ('titolo') is said only by a label with that word in it, or
    by one of the field's own wordings said whole ('Obiettivo strategico')."""
    return field not in _NEEDS_WORD or bool(re.search(_NEEDS_WORD[field], folded)) \
        or folded in _SAID_WHOLE.get(field, ())


# a record's number: a label no wording list can hold ('N.', 'Nr.', 'Cod.', '#')
_NUMBER_LABEL = re.compile(r'^(n|nr|num|numero|n o|id|cod|codice|progressivo|rif|#)?$')


def is_number_label(label: str) -> bool:
    return bool(label.strip()) and bool(_NUMBER_LABEL.fullmatch(fold(label)))


@lru_cache(maxsize=8192)
def field_of(label: str) -> tuple[str | None, float]:
    """Schema field a card label names, with a confidence; (None, score) when nothing fits."""
    f = fold(label)
    if not f:
        return None, 0.0
    if is_number_label(label):           # 'Numero', 'N.', 'Cod.': the card's number
        return 'numero', 1.0
    key, score = _fuzzy(label)
    if not says(key, f):
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
