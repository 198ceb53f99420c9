"""Il dizionario dei dati: che cosa vuol dire ogni tabella, colonna e valore dei vocabolari, in
italiano, per chi usa il warehouse. Accanto ai modelli (schema.py) perché ne descrive i campi;
un test fallisce se un campo dei modelli non ha qui la sua descrizione. Da qui si generano
docs/dizionario-dati.md, `pdz schema` e i COMMENT ON del warehouse.

NULL vuol dire sempre «non indicato nel documento» (o non leggibile: vedi `anomalie`), mai «no»:
un «no» scritto nel documento è il valore 'no'."""
from __future__ import annotations

from .schema import AREE_REGIONALI

# which layouts state the SI/NO fields of a card: the regional scheda obiettivo only
_SOLO_SCHEDA = (" Indicato solo dalle schede obiettivo regionali (griglie SI | NO); NULL negli altri formati "
                "(schede di distretto, obiettivi narrativi, tabelle a sei colonne) vuol dire «non previsto da "
                "questo formato», non «no».")
_SINO = "Vocabolario esito_si_no: 'si', 'no', 'parziale'."

VOCABOLARI: dict[str, tuple[str, dict[str, str]]] = {
    'esito_si_no': ('Risposta a una domanda SI/NO della scheda.', {
        'si': 'il documento risponde SI',
        'no': 'il documento risponde NO (scritto o barrato)',
        'parziale': '«SI, in parte», «Solo parzialmente», «SI - parzialmente», «Parzialmente»',
        'NULL': 'casella vuota, o domanda che il formato del documento non pone',
    }),
    'livello': ('A chi appartiene un obiettivo.', {
        'ambito': "obiettivo dell'Ambito stesso",
        'distretto': "obiettivo di integrazione sociosanitaria condiviso dagli Ambiti di un Distretto/ASST",
        'provinciale': 'obiettivo del Prologo provinciale, comune agli Ambiti della provincia',
    }),
    'tipo_indicatore': ('Che cosa misura un indicatore.', {
        'processo': "che un'attività sia svolta (incontri, protocolli, tavoli)",
        'output': 'quanto è stato prodotto (persone prese in carico, posti, progetti)',
        'outcome': 'il cambiamento ottenuto per le persone o il territorio',
        'NULL': 'il documento non classifica l’indicatore',
    }),
    'tipo_documento': ('Che genere di file è.', {
        'piano_di_zona': 'il Piano di Zona triennale (o la sua parte con le schede obiettivo)',
        'matrice_monitoraggio': 'la matrice di monitoraggio degli indicatori, con le rilevazioni',
        'presentazione': 'una presentazione (slide), di solito sugli esiti del triennio precedente',
        'altro': 'un documento di altro tipo',
    }),
    'stato_esito': ('Esito di un obiettivo del triennio precedente, come lo dicono i piani più vecchi e le slide '
                    '(a parole o con il colore della cella).', {
        'raggiunto': 'obiettivo raggiunto (verde)',
        'parziale': 'raggiunto in parte (giallo)',
        'non_raggiunto': 'non raggiunto (rosso)',
        'NULL': 'il formato esprime l’esito con un grado percentuale o un giudizio (vedi v_esiti.esito_sintetico)',
    }),
    'tipo_obiettivo': ('Natura dell’obiettivo secondo la scheda regionale.', {
        'promozionale': 'promuove benessere e partecipazione',
        'preventivo': 'previene un bisogno prima che si manifesti',
        'riparativo': 'risponde a un bisogno già presente',
        'NULL': 'non indicato, o formato che non lo chiede',
    }),
    'gravita': ('Quanto pesa un’anomalia.', {
        'avviso': 'qualcosa è stato letto con incertezza o lasciato fuori: i dati del documento ci sono',
        'errore': 'il file o una sua parte non è stato letto',
    }),
    'area_regionale': ('Aree di programmazione di Regione Lombardia (lettere A–K).', dict(AREE_REGIONALI)),
}

TABELLE: dict[str, str] = {
    'ambiti': 'I 14 Ambiti territoriali della provincia di Bergamo: tabella di riferimento distribuita con pdz, '
              'non estratta dai PDF.',
    'documenti': 'Un file PDF letto: da qui ogni riga delle altre tabelle risale al suo file.',
    'obiettivi': 'Un obiettivo del Piano (una scheda obiettivo, una scheda di distretto, un obiettivo narrativo '
                 'o una riga di una tabella di obiettivi). I campi che il formato del documento non prevede '
                 'restano NULL.',
    'azioni': 'Un’azione programmata per un obiettivo, nell’ordine del documento.',
    'indicatori': 'Un indicatore, di una scheda obiettivo o di una matrice di monitoraggio, con la promessa '
                  'che contiene (comparatore, valore, unità, scadenza) letta dal testo.',
    'rilevazioni': 'Un valore misurato di un indicatore di matrice, a una data.',
    'esiti': 'La valutazione di un obiettivo del triennio precedente (schema DGR 2167/2024, blocchi dei piani '
             'più vecchi, slide colorate).',
    'anomalie': 'Ciò che non è stato letto in modo pulito: niente viene scartato in silenzio.',
    'percorsi': "Dove si trova il file di un documento: più righe per un documento quando lo stesso file "
                "(stesso sha256) è in più cartelle o con più nomi.",
    'esecuzioni': "Il registro delle esecuzioni notturne (`pdz aggiorna`): una riga per esecuzione.",
    'esecuzioni_righe': "Quante righe ogni esecuzione notturna ha aggiunto e tolto, per tabella.",
    'fts_testi': 'Tabella di servizio della ricerca (`pdz cerca`): i testi di obiettivi, azioni, indicatori ed '
                 'esiti ridotti a radici. Si ricostruisce a ogni ingest; non va interrogata direttamente.',
}

_PAGINA = 'Pagina del PDF (da 1) in cui si trova la riga; NULL se non determinabile.'
_DOC = 'Il documento da cui viene la riga (→ documenti.documento_id).'
_AMBITO = "L'Ambito (→ ambiti.ambito_id), dal contenuto del documento o dal nome del file; NULL se non riconosciuto."
_TRIENNIO = "Il triennio di programmazione, es. '2025-2027'; NULL se il documento non lo dice."

COLONNE: dict[str, dict[str, str]] = {
    'ambiti': {
        'ambito_id': "Identificativo dell'Ambito in minuscolo senza spazi, es. 'alto-sebino'.",
        'nome': "Nome dell'Ambito, es. 'Alto Sebino'.",
        'distretto': "Distretto sociosanitario, es. 'Bergamo Est'.",
        'asst': "ASST di riferimento, es. 'ASST Bergamo Est'.",
        'comuni': "Elenco dei Comuni dell'Ambito (lista; nei fogli di calcolo separati da '; ').",
    },
    'documenti': {
        'documento_id': 'Identificativo del documento: le prime 16 cifre esadecimali dello sha256 del file.',
        'file': 'Nome del file PDF (senza cartella).',
        'sha256': 'Impronta sha256 del file: lo stesso contenuto ha sempre la stessa impronta.',
        'ambito_id': _AMBITO,
        'triennio': _TRIENNIO,
        'tipo': 'Tipo di documento (vocabolario tipo_documento).',
        'titolo': 'Titolo del documento, se stampato nelle prime pagine; NULL altrimenti.',
        'pagine': 'Numero di pagine del PDF.',
        'estratto_il': 'Data e ora in cui pdz ha letto il file.',
        'versione_estrattore': "Versione di pdz e del suo estrattore: se cambia, l'ingest successivo rilegge il file.",
        'percorso': 'Percorso da cui il file è stato letto.',
        'byte': 'Dimensione del file in byte.',
        'fonte_metadati': "Da dove vengono ambito e triennio: 'contenuto' (il testo del documento), altrimenti "
                          "per ciascuno 'nome file', 'sconosciuto' o 'dedotto dal triennio valutato', es. "
                          "'ambito: nome file; triennio: sconosciuto'.",
        'famiglie': 'Quali estrattori (formati riconosciuti) hanno letto il documento (lista).',
    },
    'obiettivi': {
        'obiettivo_id': "Identificativo dell'obiettivo: documento_id, '-o' e un numero progressivo.",
        'documento_id': _DOC,
        'ambito_id': _AMBITO,
        'triennio': _TRIENNIO,
        'livello': "A chi appartiene l'obiettivo (vocabolario livello).",
        'numero': "Numero dell'obiettivo come stampato (es. '3', '2.1'); NULL se non numerato.",
        'titolo': "Titolo dell'obiettivo, come scritto.",
        'macroarea': "Area o macroarea propria dell'Ambito sotto cui sta l'obiettivo, come scritta; NULL se assente.",
        'aree_regionali': 'Aree regionali A–K (vocabolario area_regionale) a cui la scheda assegna l’obiettivo; '
                          'lista vuota se non indicate.',
        'descrizione': "Che cosa vuole raggiungere («QUALI OBIETTIVI VUOLE RAGGIUNGERE», «OBIETTIVO PRINCIPALE», "
                       "«Descrizione»).",
        'target': 'Destinatari (target) come scritti nella scheda.',
        'risorse_economiche': 'Risorse economiche, una voce per punto elenco (lista).',
        'risorse_personale': 'Risorse di personale, una voce per punto elenco (lista).',
        'trasversale': "Vero se la scheda dichiara l'obiettivo trasversale ad altre aree; NULL se non detto.",
        'aree_trasversali': "Le altre aree toccate da un obiettivo trasversale (lista).",
        'punti_chiave': 'Punti chiave elencati dalla scheda (lista).',
        'asst_analisi': "L'ASST ha partecipato all'analisi del bisogno? " + _SINO + _SOLO_SCHEDA,
        'asst_realizzazione': "L'ASST partecipa alla realizzazione? " + _SINO + _SOLO_SCHEDA,
        'cooperazione_ambiti': "L'obiettivo è realizzato in cooperazione con altri Ambiti? " + _SINO + _SOLO_SCHEDA,
        'continuita_precedente': "È in continuità con la programmazione precedente? " + _SINO + _SOLO_SCHEDA,
        'nuovo_servizio': "Se l'obiettivo introduce un nuovo servizio, come scritto; NULL se non detto.",
        'premiale': "È un obiettivo premiale (finanziato con la quota premiale regionale)? " + _SINO + _SOLO_SCHEDA,
        'coprogrammato_ts': 'Co-programmato con il Terzo Settore? ' + _SINO + _SOLO_SCHEDA,
        'coprogettato_ts': 'Co-progettato con il Terzo Settore? ' + _SINO + _SOLO_SCHEDA,
        'altri_attori': 'Coinvolge altri attori del territorio? ' + _SINO + _SOLO_SCHEDA,
        'coprogettato_altri': 'Co-progettato con altri attori? ' + _SINO + _SOLO_SCHEDA,
        'modalita_ts': 'Come è coinvolto il Terzo Settore, come scritto.',
        'bisogno': 'Il bisogno a cui risponde, come scritto.',
        'bisogno_consolidato': 'Vero per «BISOGNO CONSOLIDATO», falso per un bisogno nuovo; NULL se non detto.',
        'tipo_obiettivo': "Natura dell'obiettivo (vocabolario tipo_obiettivo).",
        'innovativo': "Che cosa ha di innovativo, come scritto; NULL se non detto.",
        'digitalizzazione': 'Prevede digitalizzazione? ' + _SINO + _SOLO_SCHEDA,
        'tempi': 'Tempi di realizzazione, come scritti.',
        'governance': 'Organismi e soggetti di governance (lista).',
        'pagina_inizio': "Pagina in cui comincia l'obiettivo.",
        'pagina_fine': "Pagina in cui finisce l'obiettivo (uguale a pagina_inizio se sta in una pagina).",
        'modalita_organizzative': 'Modalità organizzative, come scritte (schede che le riportano).',
        'risultati_attesi': 'Risultati attesi, come scritti.',
        'impatto': 'Impatto atteso, come scritto.',
        'strumenti': 'Strumenti (schede di distretto).',
        'monitoraggio': 'Come sarà monitorato (schede di distretto).',
        'verifica': 'Verifica e valutazione (schede di distretto).',
        'destinatari': 'Destinatari, dove la scheda li distingue dal target.',
        'soggetti': "Chi realizza l'obiettivo (tabelle di obiettivi a sei colonne).",
        'obiettivi_specifici': 'La riga OBIETTIVO di una scheda di distretto.',
        'ambito_riferimento': "L'ambito di intervento indicato dalla scheda, come scritto.",
        'famiglia': "L'estrattore (formato) che ha letto l'obiettivo.",
    },
    'azioni': {
        'obiettivo_id': "L'obiettivo a cui appartiene l'azione (→ obiettivi.obiettivo_id).",
        'ordine': "Posizione dell'azione nell'elenco dell'obiettivo, da 1.",
        'testo': "Testo dell'azione, come scritto.",
        'leps': "Il LEPS (livello essenziale delle prestazioni sociali) nominato dall'azione, es. 'LEPS EVM'; "
                "NULL se non ne nomina.",
        'documento_id': _DOC,
        'pagina': _PAGINA,
    },
    'indicatori': {
        'indicatore_id': "Identificativo dell'indicatore: documento_id, '-i' e un numero progressivo.",
        'documento_id': _DOC,
        'obiettivo_id': "L'obiettivo della stessa scheda (→ obiettivi); NULL quando il documento non lega "
                        "l'indicatore a una scheda (righe di matrice: vedi obiettivo_collegato).",
        'numero': "Numero come stampato nella matrice ('25', '1.2', 'A3'); per ordinarlo TRY_CAST(numero AS INTEGER).",
        'tipo': "Che cosa misura (vocabolario tipo_indicatore).",
        'testo': "Testo dell'indicatore, su una riga.",
        'policy': 'Area di policy della matrice, come scritta.',
        'comparatore': "Il confronto promesso: '>=', '>', '=', '<=', '<'; NULL se il testo non promette una soglia.",
        'valore': 'Il numero promesso (es. 30 in «almeno 30 persone»); NULL se il testo non ne promette.',
        'unita': "Unità del valore promesso ('%', 'persone', 'posti letto', 'incontri', …); NULL se assente.",
        'scadenza': "Anno entro cui la promessa va mantenuta (es. 2027); NULL se non detto.",
        'baseline': 'Valore di partenza dichiarato dalla matrice, come scritto.',
        'atteso_anno1': 'Valore atteso al primo anno (matrice), come scritto.',
        'atteso_anno2': 'Valore atteso al secondo anno (matrice), come scritto.',
        'ridefinizione': "Eventuale ridefinizione dell'indicatore (matrice).",
        'responsabile': 'Chi rileva l’indicatore (matrice).',
        'frequenza': 'Ogni quanto è rilevato (matrice).',
        'note': 'Note della matrice.',
        'pagina': _PAGINA,
        'obiettivo_collegato': "Per una riga di matrice: l'obiettivo della scheda (altro documento, stesso Ambito "
                               "e triennio) che misura; NULL se nessuna scheda dice la stessa cosa.",
        'indicatore_collegato': "Per una riga di matrice: l'indicatore della scheda che dice la stessa cosa "
                                "(testo simile all'85% o più); NULL se nessuno.",
    },
    'rilevazioni': {
        'indicatore_id': "L'indicatore misurato (→ indicatori).",
        'data': 'Data della misura (es. 2025-11-30); NULL se la colonna della matrice non ha data.',
        'valore_testo': 'Il valore come scritto nella cella.',
        'valore': 'Il valore come numero, quando la cella ne contiene uno; NULL altrimenti.',
        'documento_id': _DOC,
    },
    'esiti': {
        'esito_id': "Identificativo dell'esito: documento_id, '-e' e un numero progressivo.",
        'documento_id': _DOC,
        'ambito_id': _AMBITO,
        'triennio_valutato': "Il triennio di cui si valuta l'obiettivo, es. '2021-2023'.",
        'macroarea': "Area o macroarea dell'obiettivo valutato, come scritta.",
        'titolo': "Titolo dell'obiettivo valutato.",
        'descrizione': "Descrizione dell'obiettivo valutato.",
        'dimensione': 'Dimensione di valutazione indicata dallo schema regionale, come scritta.',
        'grado_raggiungimento': 'Grado di raggiungimento in percentuale, da 0 a 100 (schema DGR 2167/2024); '
                                'NULL nei formati che usano uno stato o un colore (vedi stato).',
        'giudizio': "Giudizio come scritto, in minuscolo ('insufficiente', 'sufficiente', 'buono', 'ottimo').",
        'valutazione_utenti': 'Valutazione da parte degli utenti, come scritta.',
        'adeguatezza_risorse': 'Adeguatezza delle risorse, come scritta.',
        'coincidenza_risorse': 'Quanto le risorse impiegate coincidono con le previste, in percentuale (0–100).',
        'criticita': 'Criticità incontrate, come scritte.',
        'risposta_bisogno': "Quanto l'obiettivo ha risposto al bisogno, come scritto.",
        'continuita_precedente': 'In continuità con il triennio ancora precedente? ' + _SINO,
        'riproposto': "L'obiettivo è riproposto nel nuovo triennio? " + _SINO + ' NULL se non detto.',
        'stato': 'Esito a parole o a colori nei formati più vecchi (vocabolario stato_esito); NULL dove c’è '
                 'il grado percentuale.',
        'azioni_realizzate': 'Azioni realizzate (lista; formati più vecchi).',
        'risorse_impiegate': 'Risorse impiegate, come scritte (formati più vecchi).',
        'commento': 'Commento libero del documento sull’esito.',
        'pagina': _PAGINA,
        'colore': "Il colore della cella di stato come #rrggbb, quando l'esito è dato da un colore; NULL altrimenti.",
    },
    'anomalie': {
        'documento_id': _DOC + ' NULL per un file che non si è potuto leggere affatto (vedi file).',
        'pagina': _PAGINA,
        'fase': "La fase in cui è nata: 'lettura' (il file non si apre), 'metadati' (ambito o triennio non nel testo), "
                "'layout' (pagina senza testo, solo immagine), 'extract' (tabelle e schede non ricondotte a un "
                "record), 'normalize' (valori non interpretabili).",
        'gravita': 'Quanto pesa (vocabolario gravita).',
        'messaggio': 'Che cosa non è stato letto e perché, in italiano.',
        'file': 'Il file a cui si riferisce (utile quando documento_id è NULL).',
        'famiglia': "L'estrattore che l'ha segnalata, se uno.",
    },
    'percorsi': {
        'documento_id': _DOC,
        'percorso': 'Percorso completo di una copia del file.',
        'file': 'Nome del file in quel percorso (senza cartella).',
        'visto_il': "Data e ora dell'ultimo ingest che ha trovato il file in quel percorso.",
    },
    'esecuzioni': {
        'esecuzione_id': 'Numero progressivo dell’esecuzione (1, 2, …).',
        'iniziata_il': 'Quando è cominciata.',
        'finita_il': 'Quando è finita.',
        'secondi': 'Quanto è durata, in secondi.',
        'manifesto': 'Il manifesto dei documenti seguiti (percorso del file CSV).',
        'cache': 'La cartella in cui sono tenute le copie scaricate.',
        'piani': 'Quante righe ha il manifesto.',
        'scaricati': 'I file scaricati perché cambiati (lista).',
        'non_modificati': 'I file non cambiati dall’ultima volta: risposta 304 o stessi byte (lista).',
        'download_falliti': "I download non riusciti, come 'file: motivo' (lista); la copia precedente resta.",
        'byte_scaricati': 'Quanti byte sono stati scaricati.',
        'nuovi': 'I documenti entrati per la prima volta nel warehouse (lista).',
        'ri_estratti': 'I documenti ri-estratti perché cambiati, o per una nuova versione dell’estrattore (lista).',
        'invariati': 'I documenti già presenti e non cambiati (lista).',
        'falliti': "I documenti che non si sono potuti leggere, come 'file: motivo' (lista).",
        'codice_uscita': "Il codice di uscita: 0 tutto a posto, 1 qualche documento non scaricato o non letto, 2 l'esecuzione non è partita.",
    },
    'esecuzioni_righe': {
        'esecuzione_id': "L'esecuzione (→ esecuzioni.esecuzione_id).",
        'tabella': 'La tabella del warehouse.',
        'aggiunte': 'Righe aggiunte (un documento ri-estratto conta tutte le sue righe nuove).',
        'tolte': 'Righe tolte (un documento ri-estratto conta tutte le sue righe vecchie).',
    },
}
