"""OCR of image-only pages (scans, pasted pictures of tables) when `tesseract` with Italian data
is installed; without it these pages stay reported as 'pagina senza testo: immagine'."""
from __future__ import annotations

import io
import shutil
import subprocess
from functools import lru_cache


@lru_cache(maxsize=1)
def available() -> bool:
    """tesseract on PATH with the Italian language data."""
    exe = shutil.which('tesseract')
    if not exe:
        return False
    try:
        langs = subprocess.run([exe, '--list-langs'], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return 'ita' in langs.split()


def page_text(data: bytes, number: int, resolution: int = 300) -> str:
    """Text of page `number` (1-based) read by tesseract (Italian); '' when OCR is unavailable."""
    if not available():
        return ''
    import pdfplumber
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        img = pdf.pages[number - 1].to_image(resolution=resolution).original
    buf = io.BytesIO()
    img.save(buf, format='PNG')
    out = subprocess.run(['tesseract', 'stdin', 'stdout', '-l', 'ita', '--psm', '6'], input=buf.getvalue(),
                         capture_output=True, timeout=120)
    return out.stdout.decode('utf-8', 'replace')
