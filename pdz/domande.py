"""The README's «Domande tipiche»: real questions, in SQL or `pdz cerca`, with the output they
give on the bundled sample plans. Generated, so the README stays true:

    make readme        # = python -m pdz.domande README.md [--db warehouse/pdz.duckdb]
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from rich.console import Console

from .output import print_rows

START, END = '<!-- domande:inizio -->', '<!-- domande:fine -->'
WIDTH = 100

# (question, kind, text): kind 'sql' runs with `pdz query`, 'cerca' with `pdz cerca`
DOMANDE = [
    ('Quali Ambiti scrivono di caregiver familiari, e dove?', 'cerca', 'caregiver familiari'),
    ('Dove compare esattamente la frase «persone anziane»?', 'cerca', '"persone anziane"'),
    ('Quanti obiettivi ha ogni Ambito in ciascuna area regionale (A–K)?', 'sql',
     "SELECT ambito, triennio, area, nome_area, count(*) AS obiettivi\n"
     "FROM v_aree GROUP BY ALL ORDER BY ambito, triennio, area"),
    ('Quali indicatori di outcome promettono un numero entro il 2027?', 'sql',
     "SELECT ambito, scadenza, comparatore, valore, unita, testo, fonte, file\n"
     "FROM v_promesse WHERE tipo = 'outcome' AND valore IS NOT NULL AND scadenza <= 2027\n"
     "ORDER BY ambito, scadenza"),
    ('Com’è andato il triennio precedente, su una scala comune?', 'sql',
     "SELECT ambito, triennio_valutato, esito_sintetico, fonte_esito, count(*) AS obiettivi\n"
     "FROM v_esiti GROUP BY ALL ORDER BY ambito, triennio_valutato, esito_sintetico"),
    ('Quali obiettivi sono co-progettati con il Terzo Settore, e dove il formato non lo chiede?', 'sql',
     "SELECT file, domande_si_no, coalesce(coprogettato_ts, '(vuoto)') AS coprogettato_ts, count(*) AS obiettivi\n"
     "FROM v_obiettivi GROUP BY ALL ORDER BY ALL"),
    ('Quali azioni nominano un LEPS?', 'sql',
     "SELECT a.leps, count(*) AS azioni, min(d.file) AS esempio_file, min(a.pagina) AS pagina\n"
     "FROM azioni a JOIN documenti d USING (documento_id) WHERE a.leps IS NOT NULL\n"
     "GROUP BY a.leps ORDER BY azioni DESC"),
    ('Che cosa ha misurato la matrice di monitoraggio per gli indicatori delle schede?', 'sql',
     "SELECT ambito, data, valore_testo, indicatore, file_matrice\n"
     "FROM v_misure WHERE data IS NOT NULL ORDER BY ambito, indicatore LIMIT 6"),
    ('Che cosa non è stato letto?', 'sql',
     "SELECT d.file, count(*) AS anomalie, count(*) FILTER (WHERE n.gravita = 'errore') AS errori\n"
     "FROM anomalie n LEFT JOIN documenti d USING (documento_id) GROUP BY ALL ORDER BY ALL"),
]


def answer(con, kind: str, text: str, limit: int = 5) -> str:
    """The output a 100-column terminal shows for the question."""
    from warehouse import fts
    buf = io.StringIO()
    console = Console(file=buf, width=WIDTH, force_terminal=True, color_system=None, soft_wrap=False)
    if kind == 'cerca':
        hits = fts.search(con, text, limit)
        print_rows(list(fts.HIT_COLUMNS), hits, 'tabella', console=console, wrap=('estratto',))
    else:
        cur = con.execute(text)
        print_rows([d[0] for d in cur.description], cur.fetchall(), 'tabella', console=console)
    return '\n'.join(line.rstrip() for line in buf.getvalue().splitlines())


def command(kind: str, text: str, limit: int = 5) -> str:
    if kind == 'cerca':
        quoted = "'" + text + "'" if '"' in text else '"' + text + '"'
        return f'pdz cerca {quoted} -n {limit}'
    return 'pdz query "\n' + text.replace('"', '\\"') + '"'


def section(con) -> str:
    parts = [START, '', 'Domande reali sui cinque piani di esempio (`make ingest`), con la risposta che dà un '
             'terminale di 100 colonne. Generato da `make readme`: non modificare a mano.', '']
    for n, (question, kind, text) in enumerate(DOMANDE, 1):
        parts += [f'**{n}. {question}**', '', '```sh', command(kind, text), '```', '', '```text',
                  answer(con, kind, text), '```', '']
    parts.append(END)
    return '\n'.join(parts)


def main(argv: list[str]) -> int:
    from warehouse.store import connect
    args = [a for a in argv if not a.startswith('--')]
    readme = Path(args[0] if args else 'README.md')
    db = Path(argv[argv.index('--db') + 1]) if '--db' in argv else Path('warehouse/pdz.duckdb')
    if '--db' in argv:
        args = [a for a in args if a != str(db)]
    text = readme.read_text(encoding='utf-8')
    if START not in text or END not in text:
        print(f'{readme}: mancano i segnaposto {START} … {END}')
        return 1
    con = connect(db, read_only=True)
    new = text[:text.index(START)] + section(con) + text[text.index(END) + len(END):]
    readme.write_text(new, encoding='utf-8')
    print(readme)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
