"""extract.text.similarity runs on cydifflib, difflib's SequenceMatcher compiled: on the folded
lines of a corpus plan, paired with each other and with the labels the readers look for, it
gives what the standard library's difflib gives, to the last bit. The bound that spares most
label comparisons (can_reach) spares only those that could not have matched."""
import difflib
import random
from pathlib import Path

import pytest

from extract.layout import read_layout
from extract.labels import VARIANTS, best_field
from extract.text import Vocabolario, best_label, can_reach, fold, label_score, similarity

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT.parent / 'shared' / 'corpus' / 'dev2' / 'isola-bergamasca_pdz_2025-2027.pdf'
LABELS = ['obiettivo', 'indicatore di risultato', 'target (destinatari)', 'azioni', 'tempi di realizzazione',
          'risorse', 'valutazione', 'esito', 'criticità', 'modalità di rilevazione']


def _difflib_similarity(a: str, b: str, floor: float = 0.5) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    bound = sm.real_quick_ratio()
    if bound < floor:
        return bound
    bound = sm.quick_ratio()
    return bound if bound < floor else sm.ratio()


@pytest.mark.skipif(not PLAN.exists(), reason='../shared/corpus not beside this checkout')
def test_similarity_is_difflibs_on_a_plans_lines():
    lines = sorted({fold(ln.text) for p in read_layout(PLAN.read_bytes()).pages for ln in p.lines})
    rng = random.Random(11)
    pairs = [(fold(a), b) for a in LABELS for b in lines] + [tuple(rng.sample(lines, 2)) for _ in range(3000)]
    pairs += [(a, a[: len(a) // 2] + b[len(b) // 2:]) for a, b in pairs[-500:]]    # half alike
    assert sum(0.5 <= _difflib_similarity(a, b) < 1 for a, b in pairs) > 100       # full ratios compared
    for a, b in pairs:
        assert similarity(a, b) == _difflib_similarity(a, b), (a, b)


def _exhaustive_best_label(text: str, vocabulary: dict[str, list[str]], threshold: float):
    best_key, best = None, 0.0
    for key, variants in vocabulary.items():
        for v in variants:
            s = label_score(text, v)
            if s > best:
                best_key, best = key, s
    return best_key if best >= threshold else None


@pytest.mark.skipif(not PLAN.exists(), reason='../shared/corpus not beside this checkout')
def test_can_reach_rules_out_only_wordings_that_cannot_reach():
    """The bound never rules out a wording whose label_score reaches the score asked, it does
    rule out most of a vocabulary for most lines, and best_label therefore names the field an
    exhaustive comparison names."""
    texts = sorted({ln.text for p in read_layout(PLAN.read_bytes()).pages for ln in p.lines})
    texts = texts[::3] + LABELS + [t.upper() + ' (destinatari)' for t in LABELS]
    wordings = sorted({v for vs in VARIANTS.values() for v in vs})
    ruled_out = compared = 0
    for text in texts:
        t = fold(text)
        for v in wordings:
            s = label_score(text, v)
            for score in (0.5, 0.75, 0.82, 0.9, max(0.5, s)):
                compared += 1
                if s >= score:
                    assert can_reach(t, fold(v), score), (text, v, s, score)
                else:
                    ruled_out += not can_reach(t, fold(v), score)
    assert ruled_out > 0.5 * compared
    for text in texts:
        assert best_label(text, VARIANTS, 0.82)[0] == _exhaustive_best_label(text, VARIANTS, 0.82), text


@pytest.mark.skipif(not PLAN.exists(), reason='../shared/corpus not beside this checkout')
def test_a_vocabolario_remembers_what_a_plain_dict_computes_afresh():
    texts = sorted({ln.text for p in read_layout(PLAN.read_bytes()).pages for ln in p.lines})[::4]
    assert isinstance(VARIANTS, Vocabolario)
    plain = dict(VARIANTS)
    for text in texts + texts:
        assert best_label(text, VARIANTS, 0.82) == best_label(text, plain, 0.82), text
        assert best_field(text, VARIANTS, 0.0) == best_field(text, plain, 0.0), text
