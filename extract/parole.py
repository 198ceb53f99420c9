"""Words a narrow table cell broke in the middle ('process\\no', 'Annotazion\\ni', 'procedur\\na'):
LibreOffice and Word wrap a long word at the cell edge without a hyphen, so the cell's text has a
line break inside the word. `mend_broken_words` joins such a break again, and only when the two
pieces are not words of their own ('o', 'e', 'a', 'i', 'di' are Italian words and stay apart).

The vocabulary is the Italian word list of spacy-lookups-data (inflected forms and their lemmas),
plus the domain's own words a caller passes (header variants, indicator types)."""
from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache

from .text import strip_accents

# Italian words of one or two letters: never a fragment, even when the list misses them
_SHORT_WORDS = {'a', 'e', 'i', 'o', 'è', 'ed', 'od', 'ad', 'di', 'da', 'in', 'su', 'la', 'le', 'lo', 'il',
                'gli', 'un', 'ci', 'vi', 'si', 'ne', 'mi', 'ti', 'se', 'ma', 'no', 'al', 'ai', 'dal', 'del',
                'nel', 'col', 'tra', 'fra', 'per', 'con', 'n', 'nr', 'es', 'ex', 'pa', 're', 'tu', 'l', 'd'}
# words of the domain the general list lacks
_DOMAIN = {'processo', 'output', 'outcome', 'impatto', 'esito', 'risultato', 'realizzazione', 'prodotto',
           'indicatore', 'indicatori', 'annotazione', 'annotazioni', 'rilevazione', 'rilevazioni',
           'periodicita', 'frequenza', 'ridefinizione', 'responsabile', 'tipologia', 'baseline',
           'procedura', 'procedure', 'aggiornamento', 'multidimensionale', 'allontanamento',
           'condivisione', 'monitoraggio', 'descrizione', 'valutazione', 'osservazioni', 'eventuale'}


def _key(word: str) -> str:
    # ASCII has no accents to strip: 97% of the word list, folded at the cost of a casefold
    return word.casefold() if word.isascii() else strip_accents(word).casefold()


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Italian word forms (folded: no accents, lower case); the domain words when the list is missing."""
    words = set(_DOMAIN) | {_key(w) for w in _SHORT_WORDS}
    try:
        from importlib.resources import files
        data = files('spacy_lookups_data').joinpath('data/it_lemma_lookup.json.gz').read_bytes()
        table = json.loads(gzip.decompress(data))
        words |= {_key(w) for pair in table.items() for w in pair if ' ' not in w}
    except Exception:       # the list is an optional help: domain words still mend the usual breaks
        pass
    return frozenset(words)


def is_word(word: str, extra: frozenset[str] = frozenset()) -> bool:
    k = _key(word)
    return k in vocabulary() or k in extra


_HEAD = re.compile(r'([^\W\d_]+)[ \t]*$')
_TAIL = re.compile(r'^[ \t]*([^\W\d_]+)(?=$|[^\w])')


def _broken(head: str, tail: str, extra: frozenset[str]) -> bool:
    """'procedur' + 'a' is one word broken by the cell edge: the joined form is a word while the
    pieces are not both words -- two long words may be the halves of one ('allontana' + 'mento'),
    a short word never is ('e' + 'state' is 'e state'); or the tail is a one/two-letter piece
    that is no word."""
    if tail[:1].isupper():
        return False
    head_word, tail_word = is_word(head, extra), is_word(tail, extra)
    if is_word(head + tail, extra) and not (head_word and tail_word and min(len(head), len(tail)) <= 3):
        return True
    return len(tail) <= 2 and not tail_word and len(head) >= 3


def mend_broken_words(text: str, extra: frozenset[str] = frozenset()) -> str:
    """`text` with each line break inside a word removed (see `_broken`); other breaks kept.
    `extra`: domain words (folded) that count as words too."""
    if not text or '\n' not in text:
        return text
    lines = text.split('\n')
    out = [lines[0]]
    for ln in lines[1:]:
        h, t = _HEAD.search(out[-1]), _TAIL.match(ln)
        if h and t and _broken(h.group(1), t.group(1), extra):
            out[-1] = out[-1].rstrip() + ln.lstrip()
        else:
            out.append(ln)
    return '\n'.join(out)
