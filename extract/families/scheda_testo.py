"""Regional 'scheda obiettivo' written as paragraphs instead of a table: each label a bold or
upper-case paragraph ('TITOLO OBIETTIVO:', 'AZIONI PROGRAMMATE') with its content on the lines
below, up to the next label; a yes/no answer on the label's own line ('...PROGRAMMAZIONE?: NO',
'...ASST? SI').

Labels are read with the same vocabulary as the tables (extract/labels.py). A run of labels is a
scheda when it holds five or more different scheda labels, two of them questions only the
regional form asks (ASST, co-programmazione, digitalizzazione...): narrative objectives
('OBIETTIVO PRINCIPALE:' / 'AZIONI' / 'TARGET', read by obiettivi_narrativi) and esiti do not.
Only text outside tables is read; the record is built like a table scheda (scheda_regionale)."""
from __future__ import annotations

import re
from collections import Counter

from ..cards import Riga, Scheda, card_heading, cut_cards, heading_fields, kind_of, one
from ..labels import DISTRETTO_ONLY, ESITO_ONLY, SCHEDA_ONLY, THRESHOLD, field_of
from ..layout import Layout, Line
from ..records import Extraction, RawAnomalia
from ..text import clean, fold, goes_on, is_bullet_line, join_wrapped
from . import scheda_distretto, scheda_regionale

NAME = 'scheda_testo'

# questions only the regional form asks: two of them tell a scheda from a narrative objective
FORM_QUESTIONS = SCHEDA_ONLY - {'risorse_economiche', 'risorse_personale', 'risultati_attesi', 'impatto',
                                'modalita_organizzative', 'punti_chiave'}
MIN_LABELS = 5
# 'LABEL?: NO', 'LABEL? SI, in parte', 'LABEL:' -> label, answer
_ANSWER = re.compile(r'^(?P<label>[^?:]*?)\s*(?:\?+\s*:?|:)\s*(?P<answer>.*)$', re.S)


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def _body_size(lines: list[Line]) -> float:
    sizes = Counter(round(ln.size, 1) for ln in lines)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def text_lines(layout: Layout) -> list[Line]:
    """Lines outside tables in reading order. A line taken for a running header is kept when it is
    a scheda label or a card heading: one scheda per page repeats its first label at one height."""
    out = []
    for p in layout.pages:
        for ln in p.lines:          # in reading order (columns read one after the other)
            if ln.in_table:
                continue
            if ln.furniture and not (_label_field(_split(ln.text)[0]) or card_heading(ln.text)[0]):
                continue
            out.append(ln)
    return out


def _split(text: str) -> tuple[str, str | None]:
    """(label, answer written after it) or (text, None) when no ':' or '?' closes a label."""
    m = _ANSWER.match(one(text))
    return (m.group('label'), m.group('answer').strip()) if m else (one(text), None)


def _label_field(label: str, distretto: bool = False) -> tuple[str, float] | None:
    """The scheda field a label names (esito labels are never a scheda's; distretto labels are
    read only when looking for distretto cards)."""
    if not fold(label) or len(label) > 250:
        return None
    field, score = field_of(one(label))
    if field is None or score < THRESHOLD or field in ESITO_ONLY or (field in DISTRETTO_ONLY and not distretto):
        return None
    return field, score


def _same_style(a: Line, b: Line) -> bool:
    return a.page == b.page and a.bold == b.bold and abs(a.size - b.size) < 0.6 and \
        b.top - a.bottom < max(a.bottom - a.top, 6) * 1.2


def label_at(lines: list[Line], i: int, distretto: bool = False) -> tuple[Riga, int] | None:
    """The label paragraph starting at line i, as (row, index of its last line): bold or
    upper-case lines, joined until ':' or '?' closes the label, naming a scheda field. Upper-case
    text without ':'/'?' is content (a title in capitals), not a label."""
    first = lines[i]
    if not (first.bold or _upper(first.text)) or is_bullet_line(first.text):
        return None
    text, j = first.text, i
    while _split(text)[1] is None and j + 1 < len(lines) and j - i < 4 and _same_style(lines[j], lines[j + 1]) \
            and (lines[j + 1].bold or _upper(lines[j + 1].text)) and _continues_label(text, lines[j + 1].text, distretto):
        text, j = join_wrapped(text, lines[j + 1].text), j + 1
    label, answer = _split(text)
    if answer is None and not first.bold:
        return None
    got = _label_field(label, distretto)
    if got is None or (answer is None and got[1] < 0.9):
        return None     # a bold line that merely mentions a keyword ('Progetti ... trasversali') is no label
    if distretto and answer is None and got[1] < 0.95 and len(label.split()) > 4:
        return None     # a heading that opens with a label word ('Obiettivi di integrazione sociosanitaria del...')
    return Riga(label, answer or '', first.page, got[0], got[1], top=first.top, last_page=lines[j].page,
                bottom=lines[j].bottom), j


def _continues_label(text: str, nxt: str, distretto: bool = False) -> bool:
    """The next line carries on the label ('...E NELLA' / 'PROGRAMMAZIONE?: NO') rather than being
    a label of its own."""
    here, there = _label_field(text, distretto), _label_field(_split(nxt)[0], distretto)
    return here is None or there is None or here[0] == there[0] or nxt.strip()[:1].islower()


def read_rows(lines: list[Line], distretto: bool = False) -> list[Riga]:
    """Label rows with their content: every line up to the next label, a card heading ('Scheda
    obiettivo 2', 'OBIETTIVO 3 – ...') or a heading in a larger font."""
    body = _body_size(lines)
    out: list[Riga] = []
    open_ = False
    i = 0
    while i < len(lines):
        got = label_at(lines, i, distretto)
        if got is not None:
            out.append(got[0])
            open_, i = True, got[1] + 1
            continue
        ln = lines[i]
        styled = ln.bold or ln.size > body + 0.9
        if styled and card_heading(ln.text)[0]:
            # a heading wrapped ('OBIETTIVO 1: Rete di supporto per la' / 'non autosufficienza'):
            # the next lines in its style that carry it on, up to a label or another heading
            text, j = ln.text, i
            while j + 1 < len(lines) and _same_style(lines[j], lines[j + 1]) and goes_on(text, lines[j + 1].text) \
                    and label_at(lines, j + 1, distretto) is None and not card_heading(lines[j + 1].text)[0]:
                text, j = join_wrapped(text, lines[j + 1].text), j + 1
            out.append(Riga(one(text), '', ln.page, 'intestazione', 1.0, top=ln.top, last_page=ln.page,
                            bottom=lines[j].bottom))
            open_, i = False, j
        elif ln.size > body + 0.9:
            open_ = False          # a heading of the document: the scheda's last row has ended
        elif open_:
            r = out[-1]
            r.content = f'{r.content}\n{ln.text}' if r.content else ln.text
            r.last_page, r.bottom = ln.page, ln.bottom
        i += 1
    return out


def _in_sequence(righe: list[Riga]) -> bool:
    """Labels one after the other, not scattered over the document (no page without a label)."""
    return all(b.page - max(a.page, a.last_page) <= 1 for a, b in zip(righe, righe[1:]))


def _is_scheda(fields: set[str]) -> bool:
    return len(fields) >= MIN_LABELS and len(fields & FORM_QUESTIONS) >= 2 and kind_of(fields) == 'scheda'


# ---------------------------------------------------------------- distretto cards written as text
def distretto_cards(layout: Layout) -> list[Scheda]:
    """Distretto cards written as headed paragraphs ('1. Riduzione dei rischi...' then 'Finalità',
    'Destinatari', 'Azioni', 'Tempistica', 'Governance', each a bold line with its text below): a run
    of labels, one after the other, that only a distretto card has (extract/cards.kind_of).
    Computed once per layout: obiettivi_narrativi leaves these lines alone (see `covers`)."""
    cached = getattr(layout, '_pdz_distretto_testo', None)
    if cached is not None:
        return cached
    out = []
    for righe in (heading_fields(c) for c in cut_cards(read_rows(text_lines(layout), distretto=True))):
        fields = {r.field for r in righe if r.field} - {'numero'}
        if kind_of(fields) != 'distretto' or not _in_sequence(righe):
            continue
        for r in righe:
            r.content = clean(r.content)
        end = max(max(r.page, r.last_page) for r in righe)
        out.append(Scheda(righe, righe[0].page, end, righe[0].top, 'distretto'))
    layout._pdz_distretto_testo = out   # type: ignore[attr-defined]
    return out


def covers(layout: Layout, page: int, top: float) -> bool:
    """Whether the text line at (page, top) belongs to a distretto card read here: from the card's
    first label to the end of its last label's text (the numbered title above it is not in it)."""
    for card in distretto_cards(layout):
        last = card.righe[-1]
        if (card.page_start, card.top - 1) <= (page, top) <= (max(last.page, last.last_page), last.bottom):
            return True
    return False


def extract(layout: Layout) -> Extraction:
    out = Extraction()
    for card in distretto_cards(layout):
        rec = scheda_distretto.obiettivo(layout, card, out.anomalie)
        rec.famiglia = NAME
        out.obiettivi.append(rec)
    lines = text_lines(layout)
    for righe in (heading_fields(c) for c in cut_cards(read_rows(lines))):
        fields = {r.field for r in righe if r.field} - {'numero'}
        if not _is_scheda(fields) or not _in_sequence(righe):
            if len(fields) >= 3 and len(fields & FORM_QUESTIONS) >= 2 and _in_sequence(righe):
                labels = '; '.join(one(r.label)[:40] for r in righe[:6])
                out.anomalie.append(RawAnomalia(righe[0].page, f'{NAME}: etichette di una scheda scritte come testo, '
                                                               f'troppo poche per leggerla (etichette: {labels})',
                                                famiglia=NAME))
            continue
        for r in righe:
            r.content = clean(r.content)
        end = max(max(r.page, r.last_page) for r in righe)
        card = Scheda(righe, righe[0].page, end, righe[0].top, 'scheda')
        rec = scheda_regionale.obiettivo(layout, card, out.anomalie)
        rec.famiglia = NAME
        out.obiettivi.append(rec)
    return out
