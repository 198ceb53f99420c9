"""One group → one record, for every record type: the group's fields (from `campi.leggi_etichette`)
become the raw record of its type, values still text as printed (normalize/ parses them).

What every type shares is done once: the record's name from its identity field, else from the
field standing in for it, else from the heading above its block; a mark beside one option ('☒
SI') as the value; a field that lists records of another type ('Azioni', 'Risultati attesi')
read into those records."""
from __future__ import annotations

import re

from ..colors import status_text
from ..layout import RGB
from ..records import RawAzione, RawEsito, RawIndicatore, RawObiettivo
from ..schema import campi, is_giudizio
from ..text import MARK, clean, is_bullet_line, one_line, split_items
from .gruppi import Gruppo, Voce

_MARKED = re.compile(rf'^\s*{MARK}\s+(\S.*)$')
_UNMARKED = re.compile(r'^\s*[☐□○◯]\s*')
_SCELTA = ('si_no', 'tipo_obiettivo', 'booleano', 'giudizio', 'stato', 'tipo_indicatore')


def scelta(valore: str) -> str:
    """Of options listed one per line, the marked one ('☒ SI' among 'No', 'Parzialmente');
    the text itself when nothing is marked."""
    lines = [ln for ln in clean(valore).splitlines() if ln.strip()]
    marked = [m.group(1) for ln in lines if (m := _MARKED.match(ln))]
    if len(marked) == 1 and len(lines) > 1:
        return marked[0].strip()
    return '\n'.join(_UNMARKED.sub('', ln) for ln in lines) if marked == [] else clean(valore)


def _testo(v: Voce, kind: str) -> str:
    raw = scelta(v.valore) if kind in _SCELTA else clean(v.valore)
    return one_line(raw) if kind in ('titolo', 'si_no', 'tipo_obiettivo', 'booleano', 'giudizio', 'stato',
                                     'tipo_indicatore', 'percento', 'anno', 'promessa') else raw


def campi_di(g: Gruppo, legenda: dict[str, str] | None = None) -> dict[str, str]:
    """field -> text, a field said twice joined; a judgement word ('Buono') under a column the
    header calls a comment or an outcome is the giudizio; a field a colour can say (a state), left
    blank but filled, says what its fill means (the document's legend, else the hue's usual sense)."""
    schema = campi(g.lettura.tipo)
    out: dict[str, str] = {}
    for name, voci in g.campi().items():
        if name == 'rilevazione':
            continue
        kind = schema[name].valore if name in schema else 'testo'
        text = '\n'.join(t for t in (_testo(v, kind) for v in voci) if t)
        if not text and name in schema and schema[name].colore:
            fill = next((c.fill for v in voci for c in v.celle if c.fill), None)
            text = status_text(fill, legenda) or ''
        if g.lettura.tipo == 'esito' and name in ('commento', 'stato') and is_giudizio(text) \
                and 'giudizio' not in out:
            name = 'giudizio'
        if text:
            out[name] = text
    return out


def _elementi(text: str) -> list[str]:
    return [one_line(x) for x in split_items(text) if one_line(x)]


def nome(g: Gruppo, fields: dict[str, str], sopra: tuple[str | None, str]) -> tuple[str | None, str | None]:
    """(numero, titolo) of the record: its own title, else the field that stands in for it, else
    the heading over its block."""
    tipo = g.lettura.tipo
    own = 'titolo' if 'titolo' in campi(tipo) else 'testo'
    numero = fields.get('numero')
    if fields.get(own):
        return numero, one_line(fields[own])
    stand_in = next((c.nome for c in campi(tipo).values() if c.vale_come and fields.get(c.nome)), None)
    if stand_in is not None and g.forma == 'riga':
        items = _elementi(fields[stand_in]) if campi(tipo)[stand_in].contiene else [fields[stand_in]]
        return numero, one_line(items[0]) if items else None
    heading_no, heading = sopra
    if heading:
        return numero or heading_no, heading
    if stand_in is not None:
        return numero, one_line(fields[stand_in])
    return numero, None


def obiettivo(g: Gruppo, sopra: tuple[str | None, str]) -> RawObiettivo | None:
    fields = campi_di(g)
    numero, titolo = nome(g, fields, sopra)
    if not titolo:
        return None
    schema = campi('obiettivo')
    o = RawObiettivo('ambito', {}, g.pagina, g.pagina_fine, famiglia='lettori')
    for name, text in fields.items():
        c = schema.get(name)
        if c is not None and c.contiene == 'azione':
            o.azioni += [RawAzione(x, g.pagina) for x in _elementi(text)]
        elif c is not None and c.contiene == 'indicatore':
            o.indicatori += [RawIndicatore(x, c.tipo_elementi or 'output', g.pagina) for x in _elementi(text)]
        elif c is None or c.colonna:
            o.fields[name] = text
    o.fields['titolo'] = titolo
    if numero:
        o.fields['numero'] = numero
    if g.contesto.get('area') and 'macroarea' not in o.fields:
        o.fields['macroarea'] = g.contesto['area']
    return o


def azioni(g: Gruppo) -> list[RawAzione]:
    """An action's text; a bulleted list there is several actions (lines merely wrapped are one)."""
    text = campi_di(g).get('testo', '')
    listed = any(is_bullet_line(ln) for ln in text.splitlines())
    items = _elementi(text) if listed else [one_line(text)] if one_line(text) else []
    return [RawAzione(x, g.pagina) for x in items]


def indicatore(g: Gruppo, sopra: tuple[str | None, str]) -> RawIndicatore | None:
    fields = campi_di(g)
    numero, testo = nome(g, fields, sopra)
    if not testo:
        return None
    fields.pop('testo', None)
    tipo = fields.pop('tipo', None)
    if numero:
        fields['numero'] = numero
    if g.contesto.get('area') and 'policy' not in fields:
        fields['policy'] = g.contesto['area']
    ril = [(' '.join(v.percorso), one_line(v.valore)) for i, v in enumerate(g.voci)
           if g.lettura.campi.get(i) == 'rilevazione' and v.valore.strip()]
    return RawIndicatore(testo, tipo, g.pagina, fields, ril, g.blocco)


def esito(g: Gruppo, sopra: tuple[str | None, str], triennio: str | None,
          legenda: dict[str, str] | None = None, segno: RGB | None = None) -> RawEsito | None:
    """`segno`: the colour of a marker drawn before the group's first line, its state when no
    field says one."""
    fields = campi_di(g, legenda)
    _, titolo = nome(g, fields, sopra)
    if not titolo:
        return None
    fields.pop('numero', None)
    azioni = _elementi(fields.pop('azioni_realizzate')) if 'azioni_realizzate' in fields else []
    fields['titolo'] = titolo
    if triennio and 'triennio_valutato' not in fields:
        fields['triennio_valutato'] = triennio
    if g.contesto.get('area') and 'macroarea' not in fields:
        fields['macroarea'] = g.contesto['area']
    stato = [c.fill for i, v in enumerate(g.voci) if g.lettura.campi.get(i) == 'stato' for c in v.celle if c.fill]
    if not stato and segno is not None and status_text(segno, legenda):
        fields.setdefault('stato', status_text(segno, legenda))
        stato = [segno]
    return RawEsito(fields, g.pagina, azioni, stato[0] if stato else None, 'lettori', g.blocco)
