"""Raw records of one document -> canonical rows (dicts keyed by schema column), with ids.

Which converter a field needs is said once, in FIELD_KINDS; a value that the converter cannot
read is kept as an anomaly, not dropped."""
from __future__ import annotations

import datetime as dt
import re

from extract.records import Extraction, RawIndicatore
from extract.text import fold

from . import aree, leps, promesse, values as v

SI_NO = ('asst_analisi', 'asst_realizzazione', 'cooperazione_ambiti', 'continuita_precedente', 'premiale',
         'coprogrammato_ts', 'coprogettato_ts', 'altri_attori', 'coprogettato_altri', 'digitalizzazione',
         'riproposto')
LISTS = ('risorse_economiche', 'risorse_personale', 'aree_trasversali', 'punti_chiave', 'governance',
         'azioni_realizzate')
TITLES = ('titolo', 'numero', 'dimensione', 'macroarea', 'tempi', 'nuovo_servizio', 'policy',
          'responsabile', 'frequenza', 'adeguatezza_risorse', 'valutazione_utenti')

FIELD_KINDS = {
    **{f: v.si_no for f in SI_NO},
    **{f: v.items for f in LISTS},
    **{f: v.title for f in TITLES},
    'trasversale': v.yes_no_bool,
    'bisogno_consolidato': v.bisogno_consolidato,
    'tipo_obiettivo': v.tipo_obiettivo,
    'aree_regionali': lambda x: x if isinstance(x, list) else aree.codes_in(x),
    'grado_raggiungimento': v.percent,
    'coincidenza_risorse': v.percent,
    'giudizio': v.giudizio,
    'stato': v.stato,
    'triennio_valutato': v.triennio,
    'tipo': v.tipo_indicatore,
}


def convert(field: str, raw):
    fn = FIELD_KINDS.get(field, v.text)
    return fn(raw)


def _convert_all(fields: dict, anomalies: list, page, what: str) -> dict:
    out = {}
    for k, raw in fields.items():
        val = convert(k, raw)
        if val in (None, [], '') and raw not in (None, '', []) and k in FIELD_KINDS and fold(str(raw)) not in ('', 'n a', 'na', '-'):
            anomalies.append({'pagina': page, 'fase': 'normalize', 'gravita': 'avviso',
                              'messaggio': f'{what}: valore non interpretabile per {k}: {str(raw)[:120]!r}'})
        out[k] = val
    return out


def _date(header: str) -> dt.date | None:
    """Date of a measurement column from its header ('dato al 31/11/2025' -> 2025-11-30)."""
    m = re.search(r'(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2,4})', header or '')
    if not m:
        return None
    d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    y += 2000 if y < 100 else 0
    for day in range(d, 0, -1):      # '31/11' does not exist: last valid day of that month
        try:
            return dt.date(y, mo, day)
        except ValueError:
            continue
    return None


def _indicatore(ind: RawIndicatore, doc: dict, iid: str, oid: str | None, anomalies: list) -> tuple[dict, list[dict]]:
    raw = dict(ind.fields)
    promessa, entro = raw.pop('promessa', None), raw.pop('scadenza', None)
    fields = _convert_all(raw, anomalies, ind.pagina, 'indicatore')
    numero = (v.title(fields.pop('numero', None)) or '').rstrip('.) ') or None   # '25.' -> '25', '1.2' kept
    p = promesse.parse(ind.testo)
    if promessa and p.valore is None:        # the text says no number: the expected-value cell may
        q = promesse.parse(promessa)
        p.comparatore, p.valore, p.unita = q.comparatore, q.valore, q.unita
    if entro and (anno := re.search(r'\b(20\d\d)\b', entro)):     # a deadline cell beats the text's
        p.scadenza = int(anno.group(1))
    row = {'indicatore_id': iid, 'documento_id': doc['documento_id'], 'obiettivo_id': oid,
           'numero': numero, 'tipo': v.tipo_indicatore(ind.tipo),
           'testo': v.title(ind.testo) or '', 'comparatore': p.comparatore, 'valore': p.valore,
           'unita': p.unita, 'scadenza': p.scadenza, 'pagina': ind.pagina, **fields}
    ril = []
    for header, cell in ind.rilevazioni:
        data = _date(header)
        if data is None:
            anomalies.append({'pagina': ind.pagina, 'fase': 'normalize', 'gravita': 'avviso',
                              'messaggio': f'rilevazione senza data leggibile nell\'intestazione {header[:60]!r}'})
        testo = v.text(cell)
        if testo is None:
            continue
        num = v.number(testo) if re.fullmatch(r'\s*[\d.,]+\s*%?\s*', testo) else None
        ril.append({'indicatore_id': iid, 'data': data, 'valore_testo': testo, 'valore': num,
                    'documento_id': doc['documento_id']})
    return row, ril


def normalize(ex: Extraction, doc: dict) -> dict[str, list[dict]]:
    """doc: documento_id, ambito_id, triennio. Returns {table: [row dicts]}."""
    did = doc['documento_id']
    rows = {'obiettivi': [], 'azioni': [], 'indicatori': [], 'rilevazioni': [], 'esiti': [], 'anomalie': []}
    an = rows['anomalie']
    n_ind = 0
    for i, o in enumerate(ex.obiettivi, start=1):
        oid = f'{did}-o{i:03d}'
        fields = _convert_all(dict(o.fields), an, o.pagina_inizio, 'scheda')
        rows['obiettivi'].append({'obiettivo_id': oid, 'documento_id': did, 'ambito_id': doc.get('ambito_id'),
                                  'triennio': doc.get('triennio'), 'livello': o.livello,
                                  'pagina_inizio': o.pagina_inizio, 'pagina_fine': o.pagina_fine,
                                  'famiglia': o.famiglia, **fields})
        for k, a in enumerate(o.azioni, start=1):
            testo = v.text(a.testo)
            if testo:
                rows['azioni'].append({'obiettivo_id': oid, 'ordine': k, 'testo': testo, 'leps': leps.find_leps(testo),
                                       'documento_id': did, 'pagina': a.pagina})
        for ind in o.indicatori:
            n_ind += 1
            r, ril = _indicatore(ind, doc, f'{did}-i{n_ind:04d}', oid, an)
            rows['indicatori'].append(r)
            rows['rilevazioni'] += ril
    for ind in ex.indicatori:
        n_ind += 1
        r, ril = _indicatore(ind, doc, f'{did}-i{n_ind:04d}', None, an)
        rows['indicatori'].append(r)
        rows['rilevazioni'] += ril
    for k, e in enumerate(ex.esiti, start=1):
        fields = dict(e.fields)
        if 'giudizio' not in fields and re.search(r'[A-Za-z]{4}', str(fields.get('grado_raggiungimento') or '')):
            fields['giudizio'] = fields['grado_raggiungimento']     # '72% - sufficiente'
        if e.azioni_realizzate:
            fields['azioni_realizzate'] = e.azioni_realizzate
        conv = _convert_all(fields, an, e.pagina, 'esito')
        rows['esiti'].append({'esito_id': f'{did}-e{k:03d}', 'documento_id': did, 'ambito_id': doc.get('ambito_id'),
                              'pagina': e.pagina, 'colore': _hex(e.colore), **conv})
    for a in ex.anomalie:
        an.append({'pagina': a.pagina, 'fase': 'extract', 'gravita': a.gravita, 'messaggio': a.messaggio,
                   'famiglia': a.famiglia})
    for a in an:
        a.setdefault('documento_id', did)
    return rows


def _hex(rgb) -> str | None:
    if not rgb:
        return None
    return '#' + ''.join(f'{max(0, min(255, round(c * 255))):02x}' for c in rgb)
