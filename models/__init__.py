"""Pydantic models of SCHEMA.md: the one definition of every warehouse table and vocabulary."""
from .schema import (TABLES, Ambito, Anomalia, Azione, Documento, Esecuzione, EsecuzioneRighe, Esito,
                     Indicatore, Obiettivo, Percorso, Rilevazione, EsitoSiNo, Livello, TipoIndicatore, TipoDocumento,
                     StatoEsito, AREE_REGIONALI)

__all__ = ['TABLES', 'Ambito', 'Anomalia', 'Azione', 'Documento', 'Esecuzione', 'EsecuzioneRighe', 'Esito',
           'Indicatore', 'Obiettivo', 'Percorso', 'Rilevazione', 'EsitoSiNo', 'Livello', 'TipoIndicatore', 'TipoDocumento',
           'StatoEsito', 'AREE_REGIONALI']
