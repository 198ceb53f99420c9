"""LibreOffice conversion for the Office-made variants (.docx / .pptx -> PDF) with the project's
own fonts only, so the same document breaks its lines and pages the same way on every machine.

soffice runs with a private fontconfig (FONTCONFIG_FILE -> a fonts.conf listing only
tests/variants/fonts, see its README) and a private user profile: the fonts installed on the
machine are never seen. The fonts a document may name without shipping them -- the Word/PowerPoint
templates' theme fonts, a builder's 'Arial' -- are mapped to the shipped face with the same metrics
(or the one LibreOffice itself falls back to), written out below, not left to the machine."""
from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path

FONTS = Path(__file__).resolve().with_name('fonts')

# the shipped families, as the builders name them
CARLITO, LIBERATION_SANS, LIBERATION_SERIF = 'Carlito', 'Liberation Sans', 'Liberation Serif'
LIBERATION_NARROW, DEJAVU_SANS, DEJAVU_SERIF = 'Liberation Sans Narrow', 'DejaVu Sans', 'DejaVu Serif'

# a family a document names -> the shipped one that stands in for it
SOSTITUTI = {
    'Calibri': CARLITO, 'Calibri Light': CARLITO,
    'Arial': LIBERATION_SANS, 'Helvetica': LIBERATION_SANS,
    'Times New Roman': LIBERATION_SERIF, 'Times': LIBERATION_SERIF,
    'Arial Narrow': LIBERATION_NARROW,
    'Verdana': DEJAVU_SANS, 'Cambria': DEJAVU_SERIF, 'Georgia': DEJAVU_SERIF,
    'Symbol': 'OpenSymbol', 'Wingdings': 'OpenSymbol',
    'sans-serif': DEJAVU_SANS, 'serif': DEJAVU_SERIF, 'monospace': DEJAVU_SANS,
}

_STATO: dict[str, Path] = {}


def available() -> bool:
    return shutil.which('soffice') is not None


def fonts_conf(folder: Path) -> str:
    """A fontconfig configuration that knows the shipped fonts and nothing else."""
    alias = '\n'.join(f'  <alias binding="same"><family>{escape(a)}</family><prefer><family>{escape(b)}</family>'
                      f'</prefer></alias>' for a, b in SOSTITUTI.items())
    return (f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            f'  <dir>{escape(str(FONTS))}</dir>\n  <cachedir>{escape(str(folder / "cache"))}</cachedir>\n'
            f'{alias}\n</fontconfig>\n')


def _privato() -> Path:
    """This process's fonts.conf and LibreOffice profile (parallel test workers convert too)."""
    if 'dir' not in _STATO:
        folder = Path(tempfile.mkdtemp(prefix='pdz-soffice-'))
        (folder / 'fonts.conf').write_text(fonts_conf(folder), encoding='utf-8')
        atexit.register(shutil.rmtree, folder, True)
        _STATO['dir'] = folder
    return _STATO['dir']


def ambiente() -> dict[str, str]:
    """soffice's environment: the private fontconfig in place of the machine's."""
    folder = _privato()
    env = {k: v for k, v in os.environ.items() if k not in ('FONTCONFIG_PATH', 'FONTCONFIG_SYSROOT')}
    env['FONTCONFIG_FILE'] = str(folder / 'fonts.conf')
    return env


def converti(data: bytes, suffisso: str) -> bytes:
    """PDF bytes of a .docx / .pptx as `soffice --headless --convert-to pdf` prints it."""
    folder = _privato()
    with tempfile.TemporaryDirectory(prefix='pdz-office-') as tmp:
        src = Path(tmp) / f'doc{suffisso}'
        src.write_bytes(data)
        subprocess.run(['soffice', f'-env:UserInstallation=file://{folder / "profilo"}', '--headless',
                        '--convert-to', 'pdf', '--outdir', tmp, str(src)],
                       check=True, capture_output=True, timeout=180, env=ambiente())
        return (Path(tmp) / 'doc.pdf').read_bytes()
