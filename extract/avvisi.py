"""What the PDF parser says while it reads (its errors and recoveries), kept by page: a file
read only in part must say so in `anomalie`, on the page it concerns, not on a terminal
nobody watches. `read_layout` tells the open registers which page it is reading."""
from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Iterator

LOGGERS = ('pdfminer', 'pdfplumber', 'extract')


class Registro(logging.Handler):
    """Messages (warning and above) with the page being read when they came, and how often."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.pagina: int | None = None
        self.messages: dict[tuple[int | None, str], int] = {}

    def emit(self, record):
        try:
            msg = record.getMessage()
        except Exception:
            msg = str(record.msg)
        key = (self.pagina, ' '.join(msg.split())[:300])
        self.messages[key] = self.messages.get(key, 0) + 1


_open: list[Registro] = []


@contextmanager
def registro() -> Iterator[Registro]:
    """Collect the parser's messages while the block runs (said once, here, not also on stderr)."""
    log = Registro()
    saved = []
    for name in LOGGERS:
        logger = logging.getLogger(name)
        saved.append((logger, logger.level, logger.propagate))
        logger.addHandler(log)
        logger.setLevel(logging.WARNING)
        logger.propagate = False
    _open.append(log)
    try:
        yield log
    finally:
        _open.remove(log)
        for logger, level, propagate in saved:
            logger.removeHandler(log)
            logger.setLevel(level)
            logger.propagate = propagate


def pagina(numero: int | None) -> None:
    """The page now being read (None: the document as a whole)."""
    for log in _open:
        log.pagina = numero
