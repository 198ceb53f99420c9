"""What extracting one document gives back, and how a failure is said: the part of the pipeline
the main process needs to receive and load results, without importing the pipeline itself
(spaCy, pdfplumber, the extractors: the workers' business)."""
from __future__ import annotations

from dataclasses import dataclass, field

from models import Anomalia
from models.schema import Row

MEMORY_ERROR = 'memoria esaurita: il documento supera il limite di memoria del processo di estrazione (--memoria)'


@dataclass
class Result:
    file: str
    percorso: str
    sha256: str
    ok: bool
    rows: dict[str, list[Row]] = field(default_factory=dict)
    error: str | None = None
    seconds: float = 0.0
    peak_mib: float = 0.0      # the worker's peak resident memory so far (set by pdz.worker)
    tempi: dict[str, float] = field(default_factory=dict)   # seconds per stage: layout, estrazione

    @property
    def documento_id(self) -> str:
        return self.sha256[:16]

    def count(self, table: str) -> int:
        return len(self.rows.get(table, []))


def anomalia(did, file, messaggio, pagina=None, fase='extract', gravita='avviso', famiglia=None) -> Anomalia:
    return Anomalia(documento_id=did, pagina=pagina, fase=fase, gravita=gravita, messaggio=messaggio,
                    file=file, famiglia=famiglia)


def failed(file: str, percorso: str, error: str, sha256: str = '', fase: str = 'lettura') -> Result:
    """A document that produced no rows: one `errore` anomaly naming the cause."""
    res = Result(file, percorso, sha256, ok=False, error=error)
    res.rows = {'anomalie': [anomalia(res.documento_id or None, file, f'{file}: {error}', None, fase, 'errore')]}
    return res
