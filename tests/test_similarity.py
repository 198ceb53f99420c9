"""extract.text.similarity runs on cydifflib, difflib's SequenceMatcher compiled: on the folded
lines of a corpus plan, paired with each other and with the labels the readers look for, it
gives what the standard library's difflib gives, to the last bit."""
import difflib
import random
from pathlib import Path

import pytest

from extract.layout import read_layout
from extract.text import fold, similarity

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
