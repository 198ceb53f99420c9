"""Properties of the text and value normalisers that must hold for any input, not just the
sentences of the corpus (hypothesis generates the inputs)."""
import re

from hypothesis import given, settings, strategies as st

from extract.text import clean, fold, split_items
from normalize import promesse, values

italian = st.text(alphabet=st.sampled_from(list('abcdefghilmnopqrstuvzàèéìòùABCDEÈ ,.;:-–•\n0123456789%≥')),
                  max_size=80)


@given(italian)
def test_fold_is_idempotent_and_ignores_case_and_accents(s):
    assert fold(fold(s)) == fold(s)
    # a hyphen at a line end joins the word only before a lower-case letter ('inte-\ngrazione'),
    # so for case-insensitivity compare texts without one
    s = re.sub(r'([-–])\s*\n\s*', r'\1 ', s)
    assert fold(s.upper()) == fold(s.lower())
    assert fold('Città ' + s) == fold('CITTA ' + s)


@given(italian)
def test_clean_loses_no_letter_or_digit(s):
    """Whitespace clean-up and hyphenation repair move spaces and hyphens, never letters."""
    assert re.sub(r'[\W_]', '', clean(s)) == re.sub(r'[\W_]', '', s)


@given(st.lists(st.sampled_from(list('abcioAÈé \t\u00a0\r\x0c\u2028-.ﬁﬂ\u00ad•') + ['(cid:3)', 'e\u0301', '\n']),
                max_size=30).map(''.join))
def test_clean_reads_a_text_the_same_whichever_steps_it_skips(s):
    """clean skips Unicode normalization and the ligature table for plain ASCII, and line
    splitting for one line: forcing each step (a trailing line break, a soft hyphen, which
    clean drops) changes nothing."""
    assert clean(s + '\n') == clean(s)
    assert clean(s + '\u00ad') == clean(s)
    assert clean(s + '\u00ad\n') == clean(s)


@given(italian)
@settings(max_examples=60, deadline=None)   # the first call builds the spaCy pipeline
def test_promise_parser_never_fails_and_stays_in_its_vocabulary(s):
    p = promesse.parse(s)
    assert p.comparatore in (None, '>=', '>', '=', '<=', '<')
    assert p.scadenza is None or 2000 <= p.scadenza <= 2100
    assert (p.valore is None) or isinstance(p.valore, float)


@given(italian)
def test_si_no_answers_only_with_its_vocabulary(s):
    assert values.si_no(s) in (None, 'si', 'no', 'parziale')
    assert values.stato(s) in (None, 'raggiunto', 'parziale', 'non_raggiunto')


@given(st.lists(st.text(alphabet=st.sampled_from(list('abcdefghilmnoprstuvz ')), min_size=3, max_size=30)
                .map(str.strip).filter(lambda t: len(t) >= 3 and t[0].isalpha()), min_size=1, max_size=6))
def test_bullet_lists_give_back_their_items(items):
    text = '\n'.join('• ' + i for i in items)
    assert split_items(text) == [' '.join(i.split()) for i in items]
