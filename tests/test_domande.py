"""The README's «Domande tipiche» are the ones pdz.domande generates, and each one runs."""
from pathlib import Path

import duckdb

from pdz import domande
from warehouse import fts

README = Path(__file__).resolve().parent.parent / 'README.md'


def test_readme_holds_every_question_with_its_command_and_an_answer():
    text = README.read_text(encoding='utf-8')
    block = text[text.index(domande.START):text.index(domande.END)]
    assert len(domande.DOMANDE) >= 8
    for question, kind, sql in domande.DOMANDE:
        assert question in block and domande.command(kind, sql) in block, question
    assert block.count('```text') == len(domande.DOMANDE) and 'nessun risultato' not in block


def test_every_question_answers_on_the_samples(warehouse_campioni):
    con = duckdb.connect(str(warehouse_campioni), read_only=True)
    fts.load(con)
    for question, kind, text in domande.DOMANDE:
        out = domande.answer(con, kind, text)
        lines = out.splitlines()
        assert max(len(line) for line in lines) <= domande.WIDTH, question
        assert '(0 righe)' not in out or question.startswith('Che cosa non'), (question, out)
