"""Views for the questions researchers ask most (see README). What each view and column means
is in VIEW_DOCS below (shipped as docs/dizionario-dati.md and as COMMENT ON in the warehouse)."""
from models import AREE_REGIONALI

# the rule of v_esiti.esito_sintetico, said once: here for SQL, in VIEW_DOCS for people
SOGLIA_RAGGIUNTO, SOGLIA_PARZIALE = 80, 40
_AREE = ', '.join("('{}', '{}')".format(k, v.replace("'", "''")) for k, v in AREE_REGIONALI.items())

VIEWS = {
    # every objective with its Ambito's name and the document it comes from
    'v_obiettivi': """
        SELECT o.*, a.nome AS ambito, d.file, d.tipo AS tipo_documento,
               CASE WHEN coalesce(o.asst_analisi, o.asst_realizzazione, o.cooperazione_ambiti, o.continuita_precedente,
                                  o.premiale, o.coprogrammato_ts, o.coprogettato_ts, o.altri_attori,
                                  o.coprogettato_altri, o.digitalizzazione) IS NOT NULL
                    THEN 'griglia SI/NO' ELSE 'non previste' END AS domande_si_no
        FROM obiettivi o LEFT JOIN ambiti a USING (ambito_id) JOIN documenti d USING (documento_id)""",
    # what each indicator promises, once: a matrix row tied to a card indicator is not repeated,
    # its numbers complete the card's (the card's own text and values win)
    'v_promesse': """
        SELECT a.nome AS ambito, d.ambito_id, d.triennio, coalesce(o.titolo, oc.titolo) AS obiettivo,
               coalesce(i.tipo, m.tipo) AS tipo, i.testo,
               coalesce(i.comparatore, m.comparatore) AS comparatore, coalesce(i.valore, m.valore) AS valore,
               coalesce(i.unita, m.unita) AS unita, coalesce(i.scadenza, m.scadenza) AS scadenza,
               m.baseline AS baseline, coalesce(i.atteso_anno1, m.atteso_anno1) AS atteso_anno1,
               coalesce(i.atteso_anno2, m.atteso_anno2) AS atteso_anno2,
               CASE WHEN m.indicatore_id IS NOT NULL THEN 'scheda e matrice'
                    WHEN d.tipo = 'matrice_monitoraggio' THEN 'matrice' ELSE 'scheda' END AS fonte,
               d.file, i.pagina, md.file AS file_matrice, m.pagina AS pagina_matrice, i.indicatore_id
        FROM indicatori i JOIN documenti d USING (documento_id)
        LEFT JOIN obiettivi o ON o.obiettivo_id = i.obiettivo_id
        LEFT JOIN obiettivi oc ON oc.obiettivo_id = i.obiettivo_collegato
        LEFT JOIN (SELECT * FROM indicatori WHERE indicatore_collegato IS NOT NULL
                   QUALIFY row_number() OVER (PARTITION BY indicatore_collegato ORDER BY indicatore_id) = 1) m
               ON m.indicatore_collegato = i.indicatore_id
        LEFT JOIN documenti md ON md.documento_id = m.documento_id
        LEFT JOIN ambiti a ON a.ambito_id = d.ambito_id
        WHERE i.indicatore_collegato IS NULL""",
    # the outcomes of past triennia, whatever format they came in, on one three-step scale
    'v_esiti': f"""
        SELECT a.nome AS ambito, e.ambito_id, e.triennio_valutato, e.macroarea, e.titolo, e.stato,
               e.grado_raggiungimento, e.giudizio,
               CASE WHEN e.stato IS NOT NULL THEN e.stato
                    WHEN e.grado_raggiungimento >= {SOGLIA_RAGGIUNTO} THEN 'raggiunto'
                    WHEN e.grado_raggiungimento >= {SOGLIA_PARZIALE} THEN 'parziale'
                    WHEN e.grado_raggiungimento IS NOT NULL THEN 'non_raggiunto'
                    WHEN e.giudizio IN ('ottimo', 'buono') THEN 'raggiunto'
                    WHEN e.giudizio = 'sufficiente' THEN 'parziale'
                    WHEN e.giudizio = 'insufficiente' THEN 'non_raggiunto' END AS esito_sintetico,
               CASE WHEN e.stato IS NOT NULL THEN 'stato' WHEN e.grado_raggiungimento IS NOT NULL THEN 'grado'
                    WHEN e.giudizio IN ('ottimo', 'buono', 'sufficiente', 'insufficiente') THEN 'giudizio'
                    END AS fonte_esito,
               e.riproposto, d.file, e.pagina, e.esito_id
        FROM esiti e JOIN documenti d USING (documento_id) LEFT JOIN ambiti a ON a.ambito_id = e.ambito_id""",
    # one row per objective and regional area (A-K) it belongs to, with the area's name
    'v_aree': f"""
        SELECT am.nome AS ambito, o.ambito_id, o.triennio, o.livello, o.area, ar.nome_area, o.titolo,
               d.file, o.pagina_inizio, o.obiettivo_id
        FROM (SELECT *, unnest(aree_regionali) AS area FROM obiettivi) AS o
        JOIN documenti d ON d.documento_id = o.documento_id
        LEFT JOIN (VALUES {_AREE}) AS ar(codice, nome_area) ON ar.codice = o.area
        LEFT JOIN ambiti am ON am.ambito_id = o.ambito_id""",
    # card indicators with what the monitoring matrix of the same Ambito/triennio measured
    'v_misure': """
        SELECT a.nome AS ambito, d.triennio, o.titolo AS obiettivo, c.testo AS indicatore, c.tipo,
               m.numero, m.atteso_anno1, m.atteso_anno2, r.data, r.valore_testo, r.valore,
               md.file AS file_matrice, d.file AS file_scheda
        FROM indicatori m JOIN indicatori c ON c.indicatore_id = m.indicatore_collegato
        JOIN obiettivi o ON o.obiettivo_id = c.obiettivo_id JOIN documenti d ON d.documento_id = c.documento_id
        JOIN documenti md ON md.documento_id = m.documento_id
        LEFT JOIN rilevazioni r ON r.indicatore_id = m.indicatore_id
        LEFT JOIN ambiti a ON a.ambito_id = d.ambito_id""",
    # per document: what was read and what could not be
    'v_documenti': """
        SELECT d.documento_id, d.file, d.ambito_id, d.triennio, d.tipo, d.pagine, d.versione_estrattore,
          (SELECT count(*) FROM obiettivi o WHERE o.documento_id = d.documento_id) AS obiettivi,
          (SELECT count(*) FROM azioni z WHERE z.documento_id = d.documento_id) AS azioni,
          (SELECT count(*) FROM indicatori i WHERE i.documento_id = d.documento_id) AS indicatori,
          (SELECT count(*) FROM esiti e WHERE e.documento_id = d.documento_id) AS esiti,
          (SELECT count(*) FROM anomalie n WHERE n.documento_id = d.documento_id) AS anomalie
        FROM documenti d ORDER BY d.file""",
}


# view -> (what it answers, the table its other columns mean what they mean in, columns of its own)
VIEW_DOCS: dict[str, tuple[str, str, dict[str, str]]] = {
    'v_obiettivi': ("Ogni obiettivo con il nome del suo Ambito e il file da cui viene.", 'obiettivi', {
        'tipo_documento': 'Il tipo del documento (vocabolario tipo_documento).',
        'domande_si_no': ("Se la scheda ha le domande SI/NO (asst_analisi … digitalizzazione, coprogettato_ts): "
                          "'griglia SI/NO' — allora un NULL è una casella lasciata vuota — oppure 'non previste' — "
                          "il formato non le pone e NULL non vuol dire «no».")}),
    'v_promesse': ("Che cosa promette ogni indicatore, una riga per promessa: la riga di matrice collegata a un "
                   "indicatore di scheda non è ripetuta, completa la riga della scheda (i valori della scheda "
                   "prevalgono, quelli mancanti vengono dalla matrice).", 'indicatori', {
        'obiettivo': "Titolo dell'obiettivo misurato (della scheda stessa, o quello collegato per una riga di matrice).",
        'fonte': "Da dove viene la promessa: 'scheda', 'matrice' (riga di matrice senza scheda collegata) o "
                 "'scheda e matrice' (la stessa promessa in entrambi i documenti, mostrata una volta).",
        'file': 'Il file della scheda (o della matrice, se fonte = matrice).',
        'pagina': 'La pagina nel file.',
        'file_matrice': "Il file della matrice che misura la stessa promessa; NULL se fonte non è 'scheda e matrice'.",
        'pagina_matrice': 'La pagina nella matrice.',
        'triennio': 'Il triennio del documento.'}),
    'v_esiti': ("Gli esiti del triennio precedente su una scala comune (esito_sintetico), qualunque sia il formato.",
                'esiti', {
        'esito_sintetico': (f"raggiunto / parziale / non_raggiunto. Regola: lo stato, se il documento lo dice; "
                            f"altrimenti dal grado di raggiungimento: {SOGLIA_RAGGIUNTO} o più raggiunto, da "
                            f"{SOGLIA_PARZIALE} a {SOGLIA_RAGGIUNTO - 1},9 parziale, meno di {SOGLIA_PARZIALE} "
                            f"non_raggiunto; altrimenti dal giudizio: ottimo o buono raggiunto, sufficiente parziale, "
                            f"insufficiente non_raggiunto. NULL se il documento non dice nulla di questo."),
        'fonte_esito': "Da che cosa è dedotto esito_sintetico: 'stato', 'grado' o 'giudizio'; NULL se da nulla."}),
    'v_misure': ("Per ogni indicatore di scheda, che cosa ha misurato la matrice di monitoraggio dello stesso Ambito "
                 "e triennio (una riga per rilevazione).", 'indicatori', {
        'obiettivo': "Titolo dell'obiettivo della scheda.",
        'indicatore': "Testo dell'indicatore della scheda.",
        'tipo': "Tipo dell'indicatore della scheda (vocabolario tipo_indicatore).",
        'numero': 'Numero della riga nella matrice, come stampato.',
        'data': 'Data della rilevazione; NULL se la matrice non ha rilevazioni per la riga.',
        'valore_testo': 'Il valore rilevato, come scritto.',
        'valore': 'Il valore rilevato come numero; NULL se non numerico.',
        'file_matrice': 'Il file della matrice.',
        'file_scheda': 'Il file della scheda obiettivo.',
        'triennio': 'Il triennio della scheda.'}),
    'v_documenti': ("Per documento: che cosa è stato letto (conteggi) e che cosa no (anomalie). È ciò che mostra "
                    "`pdz status`.", 'documenti', {
        'obiettivi': 'Quanti obiettivi sono stati letti dal documento.',
        'azioni': 'Quante azioni.',
        'indicatori': 'Quanti indicatori.',
        'esiti': 'Quanti esiti.',
        'anomalie': 'Quante anomalie (righe di anomalie) ha il documento.'}),
    'v_aree': ("Una riga per obiettivo e area regionale A–K a cui appartiene, con il nome dell'area: per contare "
               "gli obiettivi per Ambito e area. Gli obiettivi senza area non compaiono.", 'obiettivi', {
        'area': "Codice dell'area regionale (vocabolario area_regionale).",
        'nome_area': "Nome dell'area regionale."}),
}
# columns that mean the same in every view
VIEW_COMMON = {
    'ambito': "Nome dell'Ambito (da ambiti.nome); NULL se l'Ambito non è stato riconosciuto.",
    'ambito_id': "Identificativo dell'Ambito (→ ambiti.ambito_id).",
    'file': 'Il file PDF da cui viene la riga.',
}


def create_views(con) -> None:
    for name, sql in VIEWS.items():
        con.execute(f'CREATE OR REPLACE VIEW {name} AS {sql}')
