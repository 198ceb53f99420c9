"""The change log as a person reads it: printed after `pdz aggiorna` and by `pdz status`
(kept apart from the run so that `status` does not load the download and extraction code)."""
from __future__ import annotations

from models import Esecuzione
from warehouse import esecuzioni


def descrivi(run: Esecuzione, righe: dict[str, tuple[int, int]]) -> list[str]:
    """Lines in Italian: the run, its downloads, its documents, its rows per table."""
    locali = run.piani - len(run.scaricati) - len(run.non_modificati) - len(run.download_falliti)
    lines = [f'esecuzione {run.esecuzione_id} del {run.iniziata_il:%Y-%m-%d %H:%M} ({run.secondi:.1f} s, '
             f'{run.piani} documenti nel manifesto): {"ok" if run.codice_uscita == 0 else "con errori"}',
             f'  download: {len(run.scaricati)} scaricati ({run.byte_scaricati // 1024} kB), '
             f'{len(run.non_modificati)} non modificati, {len(run.download_falliti)} falliti, {locali} locali',
             f'  documenti: {len(run.nuovi)} nuovi, {len(run.ri_estratti)} ri-estratti, '
             f'{len(run.invariati)} invariati, {len(run.falliti)} falliti']
    changed = [f'{t} +{a} -{r}' for t, (a, r) in righe.items() if a or r]
    lines.append('  righe: ' + (', '.join(changed) if changed else 'nessuna riga aggiunta o tolta'))
    lines += [f'  scaricato {f}' for f in run.scaricati]
    lines += [f'  nuovo {f}' for f in run.nuovi] + [f'  ri-estratto {f}' for f in run.ri_estratti]
    lines += [f'  download fallito {f}' for f in run.download_falliti]
    lines += [f'  estrazione fallita {f}' for f in run.falliti]
    return lines


def last_run_lines(con) -> list[str]:
    last = esecuzioni.last(con)
    return ['ultima esecuzione notturna:'] + descrivi(*last) if last else []
