"""One document, start to end: bytes -> layout -> raw records -> canonical rows -> models.

`process_bytes` is a pure function of (file bytes, file name, extractor version): it is what a
worker process runs, and what a cluster would map over a national corpus."""
from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from pydantic import ValidationError

from corpus.discover import read_regular, sha256_of, shown
from extract import avvisi
from extract.errors import UnreadableDocument
from extract.layout import is_image_only, read_layout
from extract.metadata import read_metadata
from extract.registry import extract_all
from models import TABLES, Anomalia, Documento
from models.schema import Row
from normalize.records import normalize

from .risultato import MEMORY_ERROR, Result, anomalia, failed
from .version import extractor_version

_MODEL = {m.__table__: m for m in TABLES}


def _page_anomalies(layout, did, file) -> list[Anomalia]:
    out = []
    for p in layout.pages:
        err = getattr(p, 'error', None)
        if err:
            out.append(anomalia(did, file, f'pagina non leggibile: {err}', p.number, 'layout', 'errore'))
        elif is_image_only(p):
            how = ' (testo letto con OCR: da verificare)' if getattr(p, 'ocr', False) else ''
            out.append(anomalia(did, file, 'pagina senza testo: immagine' + how, p.number, 'layout', 'avviso'))
    return out


def _validated(table: str, dicts: list[dict], anomalies: list[Anomalia], did: str, file: str) -> list[Row]:
    model, out = _MODEL[table], []
    for d in dicts:
        try:
            out.append(model(**d))
        except ValidationError as e:
            first = e.errors()[0]
            anomalies.append(anomalia(did, file, f'{table}: riga scartata, {first["loc"]}: {first["msg"]}',
                                       d.get('pagina') or d.get('pagina_inizio'), 'models', 'errore'))
    return out


def process_bytes(data: bytes, file: str, percorso: str | None = None, version: str | None = None) -> Result:
    t0 = time.perf_counter()
    version = version or extractor_version()
    sha = sha256_of(data)
    did = sha[:16]
    res = Result(file, percorso or file, sha, ok=False)
    try:
        layout = read_layout(data)
    except UnreadableDocument as e:
        res.error = e.message
        res.rows = {'anomalie': [anomalia(did, file, f'{file}: {e.message}', None, 'lettura', 'errore')]}
        res.seconds = time.perf_counter() - t0
        return res
    t_layout = time.perf_counter()
    meta = read_metadata(layout, file)
    extraction, families = extract_all(layout)
    doc = {'documento_id': did, 'ambito_id': meta.ambito_id, 'triennio': meta.triennio}
    dicts = normalize(extraction, doc)
    anomalies = _page_anomalies(layout, did, file)
    if meta.fonte != 'contenuto':
        anomalies.append(anomalia(did, file, f'metadati non trovati nel testo ({meta.fonte})', None, 'metadati'))
    rows: dict[str, list[Row]] = {'documenti': [Documento(
        documento_id=did, file=file, sha256=sha, ambito_id=meta.ambito_id, triennio=meta.triennio, tipo=meta.tipo,
        titolo=meta.titolo, pagine=len(layout.pages), estratto_il=dt.datetime.now(), versione_estrattore=version,
        percorso=percorso or file, byte=len(data), fonte_metadati=meta.fonte, famiglie=families)]}
    for table in ('obiettivi', 'azioni', 'indicatori', 'rilevazioni', 'esiti'):
        rows[table] = _validated(table, dicts[table], anomalies, did, file)
    for a in dicts['anomalie']:
        anomalies.append(Anomalia(**{**a, 'file': file}))
    rows['anomalie'] = anomalies
    res.rows, res.ok = rows, True
    res.seconds = time.perf_counter() - t0
    res.tempi = {'layout': t_layout - t0, 'estrazione': res.seconds - (t_layout - t0)}
    return res


PARSER_MESSAGES = 20       # distinct parser messages kept per document


def _with_parser_log(data: bytes, file: str, percorso: str, version: str | None) -> Result:
    """process_bytes, with what the parser logged (errors, recoveries) as `avviso` anomalies on
    the page it was reading."""
    with avvisi.registro() as log:
        res = process_bytes(data, file, percorso, version)
    if res.ok and log.messages:
        did = res.documento_id
        items = list(log.messages.items())
        for (pagina, msg), n in items[:PARSER_MESSAGES]:
            res.rows['anomalie'].append(anomalia(did, file, f'lettura PDF: {msg}' + (f' ({n} volte)' if n > 1 else ''),
                                                  pagina, 'lettura', 'avviso'))
        if len(items) > PARSER_MESSAGES:
            res.rows['anomalie'].append(anomalia(did, file, f'lettura PDF: altri {len(items) - PARSER_MESSAGES} '
                                                  'messaggi diversi non riportati', None, 'lettura', 'avviso'))
    return res


def process_file(path: str | Path, version: str | None = None) -> Result:
    """Worker entry point: read the file, process it; an OS error, a memory error or a bug
    becomes a failed Result of this file alone."""
    path = Path(path)
    file, percorso = shown(path.name), shown(path.resolve())
    try:
        data = read_regular(path)
    except OSError as e:
        return failed(file, percorso, f'file non leggibile: {e.strerror or e}')
    except MemoryError:
        return failed(file, percorso, MEMORY_ERROR)
    try:
        return _with_parser_log(data, file, percorso, version)
    except MemoryError:
        data = None
        return failed(file, percorso, MEMORY_ERROR, fase='pipeline')
    except Exception as e:   # a bug met on one document must not stop the run
        return failed(file, percorso, f'errore interno: {type(e).__name__}: {e}', sha256_of(data), 'pipeline')


