"""Which reader gives layout.py its page geometry: PDFium (`pdfium_page.py`, C++, the default)
or pdfplumber/pdfminer (pure Python, the reference and the fallback). Chosen per call or by the
PDZ_GEOMETRIA environment variable; light to import (the extractor version names the choice)."""
from __future__ import annotations

import os

PDFIUM, PDFPLUMBER = 'pdfium', 'pdfplumber'
LETTORI = (PDFIUM, PDFPLUMBER)
PREDEFINITO = PDFIUM
VARIABILE = 'PDZ_GEOMETRIA'


def scelta(geometria: str | None = None) -> str:
    """The reader to use: the one asked for, else the environment's, else the default."""
    g = (geometria or os.environ.get(VARIABILE) or PREDEFINITO).strip().lower()
    if g not in LETTORI:
        raise ValueError(f'{VARIABILE}={g!r}: lettori di geometria possibili {", ".join(LETTORI)}')
    return g
