"""`pdz report`: one self-contained HTML page (charts as inline SVG drawn by matplotlib, no
script, no network when viewed) of what the warehouse says and how well it was read."""
from __future__ import annotations

import datetime as dt
import html
import io

from models import AREE_REGIONALI

ESITI = [('raggiunto', '#2e7d32'), ('parziale', '#f9a825'), ('non_raggiunto', '#c62828'), (None, '#9e9e9e')]
ESITO_LABEL = {'raggiunto': 'raggiunto', 'parziale': 'parziale', 'non_raggiunto': 'non raggiunto', None: 'non detto'}


def _svg(fig) -> str:
    import matplotlib.pyplot as plt
    buf = io.StringIO()
    fig.savefig(buf, format='svg', bbox_inches='tight',
                metadata={'Creator': None, 'Date': None, 'Format': None, 'Type': None})
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index('<svg'):]            # inline: no XML prolog, no DOCTYPE


def _pyplot():
    import matplotlib
    matplotlib.use('Agg')
    matplotlib.rcParams.update({'svg.fonttype': 'none', 'font.size': 9, 'font.family': 'sans-serif'})
    import matplotlib.pyplot as plt
    return plt


def heatmap_aree(con) -> str:
    """Objectives per Ambito × regional area A–K."""
    plt = _pyplot()
    rows = con.execute("SELECT coalesce(ambito, ambito_id, '?') || ' ' || coalesce(triennio, ''), area, count(*) "
                       "FROM v_aree GROUP BY ALL ORDER BY 1").fetchall()
    ambiti = sorted({r[0] for r in rows}) or ['(nessun obiettivo con area)']
    aree = list(AREE_REGIONALI)
    grid = [[0] * len(aree) for _ in ambiti]
    for amb, area, n in rows:
        if area in aree:
            grid[ambiti.index(amb)][aree.index(area)] = n
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(ambiti) + 1.4))
    im = ax.imshow(grid, cmap='Blues', aspect='auto', vmin=0)
    ax.set_xticks(range(len(aree)), aree)
    ax.set_yticks(range(len(ambiti)), ambiti)
    top = max((max(r) for r in grid), default=0)
    for i, r in enumerate(grid):
        for j, n in enumerate(r):
            ax.text(j, i, str(n), ha='center', va='center', color='white' if n > top / 2 else 'black')
    ax.set_xlabel('area regionale')
    ax.set_title('Obiettivi per Ambito e area regionale')
    fig.colorbar(im, ax=ax, label='obiettivi', shrink=0.8)
    return _svg(fig)


def promesse_numeriche(con) -> str:
    """Share of indicators with a numeric promise, per Ambito."""
    plt = _pyplot()
    rows = con.execute("SELECT coalesce(ambito, ambito_id, '?'), count(*), count(valore) FROM v_promesse "
                       "GROUP BY 1 ORDER BY 1").fetchall()
    fig, ax = plt.subplots(figsize=(8, 0.5 * max(len(rows), 1) + 1.2))
    names = [r[0] for r in rows]
    share = [100 * r[2] / r[1] if r[1] else 0 for r in rows]
    ax.barh(names, share, color='#1565c0')
    for i, (s, r) in enumerate(zip(share, rows)):
        ax.text(s + 1, i, f'{s:.0f}% ({r[2]} su {r[1]})', va='center')
    ax.set_xlim(0, 100)
    ax.invert_yaxis()
    ax.set_xlabel('% di indicatori con un valore promesso')
    ax.set_title('Indicatori che promettono un numero, per Ambito')
    return _svg(fig)


def esiti(con) -> str:
    """How the objectives of past triennia were rated (esito_sintetico), per Ambito and triennio."""
    plt = _pyplot()
    rows = con.execute("SELECT coalesce(ambito, ambito_id, '?') || ' ' || coalesce(triennio_valutato, ''), "
                       "esito_sintetico, count(*) FROM v_esiti GROUP BY ALL ORDER BY 1").fetchall()
    groups = sorted({r[0] for r in rows})
    fig, ax = plt.subplots(figsize=(8, 0.5 * max(len(groups), 1) + 1.4))
    left = [0] * len(groups)
    for esito, colour in ESITI:
        counts = [sum(n for g, e, n in rows if g == grp and e == esito) for grp in groups]
        if any(counts):
            ax.barh(groups, counts, left=left, color=colour, label=ESITO_LABEL[esito])
            left = [a + b for a, b in zip(left, counts)]
    ax.invert_yaxis()
    ax.set_xlabel('obiettivi valutati')
    ax.set_title('Esiti dei trienni precedenti (esito_sintetico)')
    if groups:
        ax.legend(loc='lower right')
    return _svg(fig)


def coverage(con) -> tuple[list[str], list[tuple]]:
    cols = ['file', 'ambito', 'triennio', 'pagine', 'obiettivi', 'azioni', 'indicatori', 'esiti', 'anomalie',
            'pagine non lette']
    rows = con.execute("""
        SELECT d.file, d.ambito_id, d.triennio, d.pagine, d.obiettivi, d.azioni, d.indicatori, d.esiti, d.anomalie,
               (SELECT count(DISTINCT n.pagina) FROM anomalie n WHERE n.documento_id = d.documento_id
                AND n.fase = 'layout') AS non_lette
        FROM v_documenti d ORDER BY d.file""").fetchall()
    return cols, rows


def _table(cols, rows) -> str:
    head = ''.join(f'<th>{html.escape(c)}</th>' for c in cols)
    body = ''.join('<tr>' + ''.join(f'<td>{html.escape("" if x is None else str(x))}</td>' for x in r) + '</tr>'
                   for r in rows)
    return f'<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


STYLE = """body{font-family:system-ui,sans-serif;margin:2em auto;max-width:62em;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}figure{margin:0}svg{max-width:100%;height:auto}
table{border-collapse:collapse;font-size:.85em}th,td{border:1px solid #ccc;padding:.25em .5em}
td:nth-child(n+4){text-align:right}td:nth-child(-n+3){white-space:nowrap}th{background:#eef}p.nota{color:#555;font-size:.85em}"""


def render(con) -> str:
    """The whole page."""
    cols, rows = coverage(con)
    n_doc = len(rows)
    sections = [
        ('Obiettivi per area regionale', heatmap_aree(con),
         'Quanti obiettivi ogni Ambito assegna a ciascuna area di Regione Lombardia (A–K, da v_aree).'),
        ('Promesse numeriche', promesse_numeriche(con),
         'Quota di indicatori (v_promesse, una riga per promessa) con un valore numerico promesso.'),
        ('Esiti', esiti(con),
         'Obiettivi dei trienni precedenti per esito_sintetico (da stato, grado o giudizio: vedi il dizionario).'),
    ]
    parts = [f'<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>pdz — rapporto</title>'
             f'<style>{STYLE}</style></head><body>',
             '<h1>Piani di Zona — rapporto del warehouse</h1>',
             f'<p class="nota">{n_doc} documenti; generato da pdz il {dt.date.today().strftime("%d/%m/%Y")}.</p>']
    for title, svg, note in sections:
        parts += [f'<h2>{html.escape(title)}</h2>', f'<figure class="grafico">{svg}</figure>',
                  f'<p class="nota">{html.escape(note)}</p>']
    parts += ['<h2>Copertura per documento</h2>', _table(cols, rows),
              '<p class="nota">Pagine non lette: pagine senza testo (solo immagine) elencate in anomalie.</p>',
              '</body></html>']
    return '\n'.join(parts)
