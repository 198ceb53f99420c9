"""Views for the questions researchers ask most (see README)."""

VIEWS = {
    # every objective with its Ambito's name and the document it comes from
    'v_obiettivi': """
        SELECT o.*, a.nome AS ambito, d.file, d.tipo AS tipo_documento
        FROM obiettivi o LEFT JOIN ambiti a USING (ambito_id) JOIN documenti d USING (documento_id)""",
    # what each indicator promises, with the objective it measures
    'v_promesse': """
        SELECT a.nome AS ambito, d.triennio, o.titolo AS obiettivo, i.tipo, i.testo,
               i.comparatore, i.valore, i.unita, i.scadenza, d.file, i.pagina
        FROM indicatori i JOIN documenti d USING (documento_id)
        LEFT JOIN obiettivi o USING (obiettivo_id) LEFT JOIN ambiti a ON a.ambito_id = d.ambito_id""",
    # the outcomes of past triennia, whatever format they came in
    'v_esiti': """
        SELECT a.nome AS ambito, e.triennio_valutato, e.macroarea, e.titolo, e.stato,
               e.grado_raggiungimento, e.giudizio, e.riproposto, d.file, e.pagina
        FROM esiti e JOIN documenti d USING (documento_id) LEFT JOIN ambiti a ON a.ambito_id = e.ambito_id""",
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


def create_views(con) -> None:
    for name, sql in VIEWS.items():
        con.execute(f'CREATE OR REPLACE VIEW {name} AS {sql}')
