"""The Office-made variants are printed with the project's fonts only (tests/variants/soffice.py,
tests/variants/fonts): whatever fonts the machine has, LibreOffice sees the shipped ones, and the
fonts a document names are mapped to them -- so the suite reads the same PDFs everywhere."""
from __future__ import annotations

import importlib.util
import io
import re
import shutil
import subprocess

import pytest

from variants import soffice


def _spediti() -> set[str]:
    """PostScript-style names of the shipped faces ('Carlito-Bold', 'LiberationSans')."""
    return {re.sub(r'-Regular$', '', f.stem) for f in soffice.FONTS.rglob('*.ttf')}


@pytest.mark.skipif(shutil.which('fc-match') is None, reason='needs fontconfig\'s fc-match')
@pytest.mark.parametrize('chiesto, atteso', [('Calibri', 'Carlito-Regular.ttf'), ('Arial:bold', 'LiberationSans-Bold.ttf'),
                                             ('Open Sans', 'DejaVuSans.ttf'), ('Comic Sans MS', 'DejaVuSans.ttf'),
                                             ('Georgia', 'DejaVuSerif.ttf')])
def test_private_fontconfig_sees_only_the_shipped_fonts(chiesto, atteso):
    """A family the machine may well have (Open Sans) or not (Comic Sans) resolves to a shipped
    file, never to one of the machine's."""
    out = subprocess.run(['fc-match', '-f', '%{file}', chiesto], capture_output=True, text=True,
                         env=soffice.ambiente(), check=True).stdout
    assert out.startswith(str(soffice.FONTS)) and out.endswith(atteso)


@pytest.mark.skipif(not soffice.available() or importlib.util.find_spec('docx') is None,
                    reason='needs LibreOffice (soffice) and python-docx')
def test_a_document_naming_other_fonts_is_printed_in_the_shipped_ones():
    import pdfplumber
    from docx import Document
    doc = Document()
    doc.add_heading('Schede obiettivo', level=1)              # the template's theme font (Calibri Light)
    for font in ('Calibri', 'Verdana', 'Open Sans', 'Times New Roman'):
        doc.add_paragraph().add_run(f'Testo in {font} ☐ ☒').font.name = font
    buf = io.BytesIO()
    doc.save(buf)
    pdf = soffice.converti(buf.getvalue(), '.docx')
    with pdfplumber.open(io.BytesIO(pdf)) as d:
        usati = {re.sub(r'^[A-Z]{6}\+', '', c['fontname']) for p in d.pages for c in p.chars}
        testo = d.pages[0].extract_text()
    assert usati and usati <= _spediti()
    assert {'Carlito', 'DejaVuSans', 'LiberationSerif'} <= usati
    assert 'Testo in Open Sans ☐ ☒' in testo
