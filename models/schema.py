"""Tables of the shared schema (../shared/SCHEMA.md). Column names are the contract: add, never
rename. The warehouse DDL is generated from these classes (warehouse/ddl.py)."""
from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

EsitoSiNo = Literal['si', 'no', 'parziale']
Livello = Literal['ambito', 'distretto', 'provinciale']
TipoIndicatore = Literal['processo', 'output', 'outcome']
TipoDocumento = Literal['piano_di_zona', 'matrice_monitoraggio', 'presentazione', 'altro']
StatoEsito = Literal['raggiunto', 'parziale', 'non_raggiunto']
TipoObiettivo = Literal['promozionale', 'preventivo', 'riparativo']
Gravita = Literal['avviso', 'errore']

AREE_REGIONALI = {
    'A': "Contrasto alla povertà e all'emarginazione sociale",
    'B': 'Politiche abitative',
    'C': 'Promozione inclusione attiva',
    'D': 'Domiciliarità',
    'E': 'Anziani',
    'F': 'Digitalizzazione dei servizi',
    'G': 'Politiche giovanili e per i minori',
    'H': 'Interventi connessi alle politiche per il lavoro',
    'I': 'Interventi per la famiglia',
    'J': 'Interventi a favore di persone con disabilità',
    'K': "Interventi di sistema per il potenziamento dell'Ufficio di Piano e il rafforzamento della gestione associata",
}


class Row(BaseModel):
    model_config = ConfigDict(extra='forbid', validate_assignment=True)
    __table__: str = ''
    __key__: tuple[str, ...] = ()


class Ambito(Row):
    __table__ = 'ambiti'
    __key__ = ('ambito_id',)
    ambito_id: str
    nome: str
    distretto: Optional[str] = None
    asst: Optional[str] = None
    comuni: list[str] = Field(default_factory=list)


class Documento(Row):
    __table__ = 'documenti'
    __key__ = ('documento_id',)
    documento_id: str
    file: str
    sha256: str
    ambito_id: Optional[str] = None
    triennio: Optional[str] = None
    tipo: TipoDocumento = 'altro'
    titolo: Optional[str] = None
    pagine: int
    estratto_il: dt.datetime
    versione_estrattore: str
    # beyond the schema: where the file was read from, how its metadata was decided
    percorso: Optional[str] = None
    byte: Optional[int] = None
    fonte_metadati: Optional[str] = None
    famiglie: list[str] = Field(default_factory=list)


class Obiettivo(Row):
    __table__ = 'obiettivi'
    __key__ = ('obiettivo_id',)
    obiettivo_id: str
    documento_id: str
    ambito_id: Optional[str] = None
    triennio: Optional[str] = None
    livello: Livello = 'ambito'
    numero: Optional[str] = None
    titolo: Optional[str] = None
    macroarea: Optional[str] = None
    aree_regionali: list[str] = Field(default_factory=list)
    descrizione: Optional[str] = None
    target: Optional[str] = None
    risorse_economiche: list[str] = Field(default_factory=list)
    risorse_personale: list[str] = Field(default_factory=list)
    trasversale: Optional[bool] = None
    aree_trasversali: list[str] = Field(default_factory=list)
    punti_chiave: list[str] = Field(default_factory=list)
    asst_analisi: Optional[EsitoSiNo] = None
    asst_realizzazione: Optional[EsitoSiNo] = None
    cooperazione_ambiti: Optional[EsitoSiNo] = None
    continuita_precedente: Optional[EsitoSiNo] = None
    nuovo_servizio: Optional[str] = None
    premiale: Optional[EsitoSiNo] = None
    coprogrammato_ts: Optional[EsitoSiNo] = None
    coprogettato_ts: Optional[EsitoSiNo] = None
    altri_attori: Optional[EsitoSiNo] = None
    coprogettato_altri: Optional[EsitoSiNo] = None
    modalita_ts: Optional[str] = None
    bisogno: Optional[str] = None
    bisogno_consolidato: Optional[bool] = None
    tipo_obiettivo: Optional[TipoObiettivo] = None
    innovativo: Optional[str] = None
    digitalizzazione: Optional[EsitoSiNo] = None
    tempi: Optional[str] = None
    governance: list[str] = Field(default_factory=list)
    pagina_inizio: Optional[int] = None
    pagina_fine: Optional[int] = None
    # beyond the schema: the card's remaining free-text fields, and which extractor read it
    modalita_organizzative: Optional[str] = None
    risultati_attesi: Optional[str] = None
    impatto: Optional[str] = None
    strumenti: Optional[str] = None
    monitoraggio: Optional[str] = None
    verifica: Optional[str] = None
    destinatari: Optional[str] = None
    soggetti: Optional[str] = None      # who carries the objective out (six-column objective tables)
    obiettivi_specifici: Optional[str] = None   # a distretto card's OBIETTIVO row
    ambito_riferimento: Optional[str] = None
    famiglia: Optional[str] = None


class Azione(Row):
    __table__ = 'azioni'
    __key__ = ('obiettivo_id', 'ordine')
    obiettivo_id: str
    ordine: int
    testo: str
    leps: Optional[str] = None
    documento_id: Optional[str] = None
    pagina: Optional[int] = None


class Indicatore(Row):
    __table__ = 'indicatori'
    __key__ = ('indicatore_id',)
    indicatore_id: str
    documento_id: str
    obiettivo_id: Optional[str] = None
    numero: Optional[str] = None     # as printed ('25', '1.2', 'A3'): compare numerically with TRY_CAST
    tipo: Optional[TipoIndicatore] = None
    testo: str
    policy: Optional[str] = None
    comparatore: Optional[Literal['>=', '>', '=', '<=', '<']] = None
    valore: Optional[float] = None
    unita: Optional[str] = None
    scadenza: Optional[int] = None
    baseline: Optional[str] = None
    atteso_anno1: Optional[str] = None
    atteso_anno2: Optional[str] = None
    ridefinizione: Optional[str] = None
    responsabile: Optional[str] = None
    frequenza: Optional[str] = None
    note: Optional[str] = None
    pagina: Optional[int] = None
    # a monitoring-matrix row measures a card of another document of the same Ambito and
    # triennio: the link is kept here, obiettivo_id stays NULL (the row is not the card's own)
    obiettivo_collegato: Optional[str] = None
    indicatore_collegato: Optional[str] = None


class Rilevazione(Row):
    __table__ = 'rilevazioni'
    __key__ = ('indicatore_id', 'data')
    indicatore_id: str
    data: Optional[dt.date] = None
    valore_testo: Optional[str] = None
    valore: Optional[float] = None
    documento_id: Optional[str] = None


class Esito(Row):
    __table__ = 'esiti'
    __key__ = ('esito_id',)
    esito_id: str
    documento_id: str
    ambito_id: Optional[str] = None
    triennio_valutato: Optional[str] = None
    macroarea: Optional[str] = None
    titolo: Optional[str] = None
    descrizione: Optional[str] = None
    dimensione: Optional[str] = None
    grado_raggiungimento: Optional[float] = None
    giudizio: Optional[str] = None
    valutazione_utenti: Optional[str] = None
    adeguatezza_risorse: Optional[str] = None
    coincidenza_risorse: Optional[float] = None
    criticita: Optional[str] = None
    risposta_bisogno: Optional[str] = None
    continuita_precedente: Optional[EsitoSiNo] = None
    riproposto: Optional[EsitoSiNo] = None
    stato: Optional[StatoEsito] = None
    azioni_realizzate: list[str] = Field(default_factory=list)
    risorse_impiegate: Optional[str] = None
    commento: Optional[str] = None
    pagina: Optional[int] = None
    colore: Optional[str] = None   # the status cell's fill as #rrggbb, when the status is a colour


class Anomalia(Row):
    __table__ = 'anomalie'
    __key__ = ()
    documento_id: Optional[str] = None
    pagina: Optional[int] = None
    fase: str
    gravita: Gravita = 'avviso'
    messaggio: str
    file: Optional[str] = None
    famiglia: Optional[str] = None


class Percorso(Row):
    """A path a document's file was found at: copies of one file are one document with several
    paths (beyond the shared schema)."""
    __table__ = 'percorsi'
    __key__ = ('documento_id', 'percorso')
    documento_id: str
    percorso: str
    file: str
    visto_il: dt.datetime


class Esecuzione(Row):
    """One `pdz aggiorna` run: the change log of the warehouse (beyond the shared schema)."""
    __table__ = 'esecuzioni'
    __key__ = ('esecuzione_id',)
    esecuzione_id: int
    iniziata_il: dt.datetime
    finita_il: dt.datetime
    secondi: float
    manifesto: str
    cache: str
    piani: int                          # rows in the manifest
    scaricati: list[str] = Field(default_factory=list)          # files whose bytes changed
    non_modificati: list[str] = Field(default_factory=list)     # 304, or the same bytes again
    download_falliti: list[str] = Field(default_factory=list)   # 'file: why'
    byte_scaricati: int = 0
    nuovi: list[str] = Field(default_factory=list)              # documents, as pdz ingest counts them
    ri_estratti: list[str] = Field(default_factory=list)
    invariati: list[str] = Field(default_factory=list)
    falliti: list[str] = Field(default_factory=list)            # 'file: why'
    codice_uscita: int = 0


class EsecuzioneRighe(Row):
    """Rows a run added to and removed from one table."""
    __table__ = 'esecuzioni_righe'
    __key__ = ('esecuzione_id', 'tabella')
    esecuzione_id: int
    tabella: str
    aggiunte: int = 0
    tolte: int = 0


# write order: parents before children
TABLES: list[type[Row]] = [Ambito, Documento, Obiettivo, Azione, Indicatore, Rilevazione, Esito, Anomalia,
                           Percorso, Esecuzione, EsecuzioneRighe]
