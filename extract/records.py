"""What an extractor returns: raw records, values as read (text, before normalize/), each with
its pages. Field names are the schema's (models/) so normalize/ knows what each value means."""
from __future__ import annotations

from dataclasses import dataclass, field

from .layout import RGB

# where a record was read: (page, box of the table or block) -- resolution keeps one reading per block
Blocco = tuple[int, tuple[float, float, float, float]]


@dataclass
class RawIndicatore:
    testo: str
    tipo: str | None = None                 # as read: 'processo', 'Output', 'di outcome'...
    pagina: int | None = None
    # numero, policy, baseline, atteso_anno1...; also 'promessa' (an expected-value cell) and
    # 'scadenza' (a deadline cell), which normalize reads into comparatore/valore/unita/scadenza
    fields: dict[str, str] = field(default_factory=dict)
    # dated measurements: (column header as printed, cell text)
    rilevazioni: list[tuple[str, str]] = field(default_factory=list)
    blocco: 'Blocco | None' = None          # the table it was read from, so one table is read once


@dataclass
class RawAzione:
    testo: str
    pagina: int | None = None


@dataclass
class RawObiettivo:
    livello: str                            # 'ambito' | 'distretto' | 'provinciale'
    fields: dict[str, str]                  # schema field -> raw text (titolo, descrizione, asst_analisi...)
    pagina_inizio: int
    pagina_fine: int
    azioni: list[RawAzione] = field(default_factory=list)
    indicatori: list[RawIndicatore] = field(default_factory=list)
    famiglia: str = ''


@dataclass
class RawEsito:
    fields: dict[str, str]                  # titolo, descrizione, grado_raggiungimento ('72% - sufficiente')...
    pagina: int
    azioni_realizzate: list[str] = field(default_factory=list)
    colore: RGB | None = None               # fill of the status cell/box, when the status is a colour
    famiglia: str = ''
    blocco: Blocco | None = None


@dataclass
class RawAnomalia:
    pagina: int | None
    messaggio: str
    gravita: str = 'avviso'
    famiglia: str = ''


@dataclass
class Extraction:
    obiettivi: list[RawObiettivo] = field(default_factory=list)
    indicatori: list[RawIndicatore] = field(default_factory=list)     # not tied to a card
    esiti: list[RawEsito] = field(default_factory=list)
    anomalie: list[RawAnomalia] = field(default_factory=list)

    def extend(self, other: 'Extraction') -> None:
        self.obiettivi += other.obiettivi
        self.indicatori += other.indicatori
        self.esiti += other.esiti
        self.anomalie += other.anomalie

    def __len__(self) -> int:
        return len(self.obiettivi) + len(self.indicatori) + len(self.esiti)
