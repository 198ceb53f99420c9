"""The shared Italian spaCy pipeline: a blank tokenizer (no pretrained model can be downloaded
here), and the entity patterns the normalizers share (organisations).

Built once per process, on first use (a worker inherits it from the fork server: pdz.preload),
and a worker process normalizes hundreds of indicators with it."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher

# Organisations named in governance fields and actions. Patterns are token patterns for the
# EntityRuler; 'ORG' spans are returned as written.
_CAP = {'TEXT': {'REGEX': r'^(?:[A-ZÀ-Ý][\w\'’]*|[IVX]+|\d+)$'}, 'OP': '*'}
ORG_PATTERNS: list[dict] = [
    {'label': 'ORG', 'pattern': [{'TEXT': {'IN': ['ASST', 'ATS', 'AST', 'ASL', 'ATS/ASST']}}, _CAP]},
    {'label': 'ORG', 'pattern': [{'LOWER': {'IN': ['comuni', 'comune']}}, {'LOWER': 'di'}, {'IS_TITLE': True, 'OP': '+'}]},
    {'label': 'ORG', 'pattern': [{'TEXT': {'IN': ['Comuni', 'Comune']}}]},
    {'label': 'ORG', 'pattern': [{'LOWER': {'IN': ['enti', 'ente']}}, {'LOWER': 'del'}, {'LOWER': 'terzo'}, {'LOWER': 'settore'}]},
    {'label': 'ORG', 'pattern': [{'LOWER': 'terzo'}, {'LOWER': 'settore'}]},
    {'label': 'ORG', 'pattern': [{'TEXT': {'IN': ['ETS', 'ETS.', 'UDOS', 'UdOS', 'MMG', 'PLS', 'CPI', 'UONPIA', 'SERD', 'SerD', 'CPS']}}]},
    {'label': 'ORG', 'pattern': [{'LOWER': 'regione'}, {'LOWER': 'lombardia'}]},
    {'label': 'ORG', 'pattern': [{'LOWER': 'provincia'}, {'LOWER': 'di'}, {'IS_TITLE': True}]},
    {'label': 'ORG', 'pattern': [{'TEXT': 'Provincia'}]},
    {'label': 'ORG', 'pattern': [{'LOWER': 'ufficio'}, {'LOWER': 'di'}, {'LOWER': 'piano'}]},
    {'label': 'ORG', 'pattern': [{'LOWER': {'IN': ['assemblea', 'conferenza', 'collegio']}}, {'LOWER': 'dei'}, {'LOWER': 'sindaci'}]},
    {'label': 'ORG', 'pattern': [{'LOWER': 'cabina'}, {'LOWER': 'di'}, {'LOWER': 'regia'}]},
    {'label': 'ORG', 'pattern': [{'LOWER': {'IN': ['casa', 'case']}}, {'LOWER': {'IN': ['della', 'delle']}}, {'LOWER': {'IN': ['comunità', 'comunita']}}]},
    {'label': 'ORG', 'pattern': [{'LOWER': 'centro'}, {'LOWER': 'per'}, {'LOWER': "l'"}, {'LOWER': 'impiego'}]},
    {'label': 'ORG', 'pattern': [{'LOWER': {'IN': ['autorità', 'autorita']}}, {'LOWER': 'giudiziaria'}]},
    {'label': 'ORG', 'pattern': [{'LOWER': 'tribunale'}, {'LOWER': {'IN': ['dei', 'per', 'ordinario', 'di']}, 'OP': '?'},
                                  {'LOWER': {'IN': ['minorenni', 'i']}, 'OP': '?'}]},
    {'label': 'ORG', 'pattern': [{'LOWER': {'IN': ['ente', 'enti']}}, {'LOWER': 'capofila'}]},
    {'label': 'ORG', 'pattern': [{'LOWER': {'IN': ['istituti', 'istituto']}}, {'LOWER': {'IN': ['scolastici', 'scolastico', 'comprensivo', 'comprensivi']}}]},
    {'label': 'ORG', 'pattern': [{'LOWER': {'IN': ['cooperative', 'cooperativa']}}, {'LOWER': 'sociali', 'OP': '?'}]},
    {'label': 'ORG', 'pattern': [{'LOWER': {'IN': ['associazioni', 'associazionismo']}}]},
    {'label': 'ORG', 'pattern': [{'LOWER': {'IN': ['distretto', 'ambito', 'ambiti']}}, {'LOWER': {'IN': ['di', 'territoriale', 'territoriali']}},
                                  {'IS_TITLE': True, 'OP': '?'}, {'IS_TITLE': True, 'OP': '?'}]},
]


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """spacy.blank('it') (its Italian tokenizer and vocabulary) + the organisation EntityRuler.
    No lemmatizer: every rule here matches on the text or its lower case, none on a lemma, and
    building the lookup lemmatizer's table cost a second per process (spacy-lookups-data's word
    list is read by extract/parole.py, for mending broken words)."""
    nlp = spacy.blank('it')
    ruler = nlp.add_pipe('entity_ruler')
    ruler.add_patterns(ORG_PATTERNS)
    return nlp


def doc(text: str):
    return pipeline()(text or '')


def matcher(patterns: dict[str, list[list[dict]]]) -> Matcher:
    """A Matcher on the shared vocabulary: {key: [token pattern, ...]}."""
    m = Matcher(pipeline().vocab)
    for key, pats in patterns.items():
        m.add(key, pats)
    return m


def phrase_matcher(phrases: dict[str, list[str]], attr: str = 'LOWER') -> PhraseMatcher:
    nlp = pipeline()
    m = PhraseMatcher(nlp.vocab, attr=attr)
    for key, texts in phrases.items():
        m.add(key, [nlp.make_doc(t) for t in texts])
    return m
