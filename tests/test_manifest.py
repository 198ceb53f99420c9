"""The manifest of known documents: the shipped one is valid, a bad one is refused by line."""
import hashlib
import typing

import pytest

from corpus.manifest import COLUMNS, MANIFEST, TIPI, ManifestError, load, parse
from models import TipoDocumento

HEADER = ','.join(COLUMNS) + '\n'
GOOD = 'treviglio,2025-2027,piano_di_zona,https://127.0.0.1/piano.pdf,,\n'


def test_shipped_manifest_lists_the_samples_with_their_sha256():
    piani = load(MANIFEST)
    assert piani and all(p.locale for p in piani)
    for p in piani:
        assert p.percorso.parent.name == 'samples'
        assert hashlib.sha256(p.percorso.read_bytes()).hexdigest() == p.sha256


def test_document_kinds_are_the_models():
    assert set(TIPI) == set(typing.get_args(TipoDocumento))


def test_comments_and_blank_lines_are_skipped_and_the_cache_name_is_safe():
    text = '# commento\n\n' + HEADER + '# altro\n' + \
        'dalmine,2021-2023,altro,http://127.0.0.1:8000/doc/Piano%20di%20zona (1).pdf?x=1,,una nota\n'
    with pytest.raises(ManifestError, match='riga 5'):            # a space in a URL is refused
        parse(text)
    [p] = parse(text.replace(' (1)', '_1'))
    assert (p.riga, p.ambito_id, p.nota) == (5, 'dalmine', 'una nota')
    assert p.nome_cache == 'dalmine-2021-2023-altro-Piano-di-zona_1.pdf'


@pytest.mark.parametrize('row, words', [
    ('atlantide,2025-2027,piano_di_zona,https://127.0.0.1/a.pdf,,', 'ambito sconosciuto "atlantide"'),
    ('treviglio,2025-2026,piano_di_zona,https://127.0.0.1/a.pdf,,', 'triennio non valido'),
    ('treviglio,2025-2027,delibera,https://127.0.0.1/a.pdf,,', 'tipo sconosciuto "delibera"'),
    ('treviglio,2025-2027,piano_di_zona,ftp://127.0.0.1/a.pdf,,', 'fonte non valida'),
    ('treviglio,2025-2027,piano_di_zona,127.0.0.1/a.pdf,,', 'fonte non valida'),
    ('treviglio,2025-2027,piano_di_zona,http://[127.0.0.1/a.pdf,,', 'fonte non valida'),
    ('treviglio,2025-2027,piano_di_zona,http://127.0.0.1:porta/a.pdf,,', 'fonte non valida'),
    ('treviglio,2025-2027,piano_di_zona,locale:non/esiste.pdf,,', 'file locale inesistente'),
    ('treviglio,2025-2027,piano_di_zona,https://127.0.0.1/a.pdf,abc,', 'sha256 non valido'),
    ('treviglio,2025-2027,piano_di_zona,https://127.0.0.1/a.pdf,', '5 colonne invece di 6'),
    (GOOD.strip(), 'la stessa fonte della riga 2'),
    ('treviglio,2025-2027,piano_di_zona,https://127.0.0.1/altro/piano.pdf,,', 'lo stesso nome di file della riga 2'),
])
def test_a_bad_row_is_refused_naming_its_line(row, words):
    with pytest.raises(ManifestError) as e:
        parse(HEADER + GOOD + row + '\n', 'piani.csv')
    assert str(e.value).startswith('piani.csv, riga 3: ') and words in str(e.value)


def test_a_wrong_header_or_an_empty_file_is_refused():
    with pytest.raises(ManifestError, match='riga 1: intestazione attesa'):
        parse('ambito,triennio\n' + GOOD)
    with pytest.raises(ManifestError, match='vuoto'):
        parse('# solo commenti\n')


def test_an_unreadable_manifest_is_a_sentence(tmp_path):
    with pytest.raises(ManifestError, match='non leggibile'):
        load(tmp_path / 'nessuno.csv')
