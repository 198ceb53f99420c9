"""The manifest of known documents (corpus/piani.csv): which plans exist and where they are
published. Checked whole on load, so a typo is reported with its line before anything is fetched."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .ambiti import ambiti

MANIFEST = Path(__file__).with_name('piani.csv')
COLUMNS = ('ambito_id', 'triennio', 'tipo', 'fonte', 'sha256', 'nota')
LOCAL = 'locale:'
# the document kinds of models.TipoDocumento (corpus comes before models: a test keeps them equal)
TIPI = ('piano_di_zona', 'matrice_monitoraggio', 'presentazione', 'altro')


class ManifestError(ValueError):
    """A manifest that cannot be used; the message names the file and line, in Italian."""


@dataclass(frozen=True)
class Piano:
    riga: int               # line in the manifest file, for messages
    ambito_id: str
    triennio: str
    tipo: str
    fonte: str              # http(s) URL, or locale:PATH
    sha256: str | None
    nota: str
    base: Path              # the manifest's folder: local paths are relative to it

    @property
    def locale(self) -> bool:
        return self.fonte.startswith(LOCAL)

    @property
    def percorso(self) -> Path:
        """The file on disk of a local row."""
        p = Path(self.fonte[len(LOCAL):])
        return p if p.is_absolute() else self.base / p

    @property
    def nome_cache(self) -> str:
        """File name of a downloaded row in the cache: Ambito, triennio and tipo first (they are
        the file-name fallback of the metadata reader), then the published name."""
        if self.locale:
            return self.percorso.name
        stem = Path(unquote(urlsplit(self.fonte).path)).stem
        stem = re.sub(r'[^A-Za-z0-9._-]+', '-', stem).strip('-.') or 'documento'
        return f'{self.ambito_id}-{self.triennio}-{self.tipo}-{stem}.pdf'


def _check_fonte(fonte: str, base: Path) -> str | None:
    """What is wrong with a fonte, or None."""
    if fonte.startswith(LOCAL):
        p = Path(fonte[len(LOCAL):])
        p = p if p.is_absolute() else base / p
        return None if p.is_file() else f'file locale inesistente: {p}'
    try:
        u = urlsplit(fonte)
        ok = u.scheme in ('http', 'https') and bool(u.hostname) and ' ' not in fonte and (u.port or 1) > 0
    except ValueError:           # 'http://[x', a port that is not a number
        ok = False
    if not ok:
        return f'fonte non valida: "{fonte}" (serve un indirizzo http:// o https://, oppure locale:PERCORSO)'
    return None


def parse(text: str, name: str = 'manifesto', base: Path = Path('.')) -> list[Piano]:
    """Rows of a manifest text; ManifestError at the first bad line."""
    ids = {a['ambito_id'] for a in ambiti()}
    piani: list[Piano] = []
    seen: dict[object, int] = {}
    header = None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        cells = [c.strip() for c in next(csv.reader([line]))]

        def fail(msg: str):
            raise ManifestError(f'{name}, riga {n}: {msg}')

        if header is None:
            if tuple(cells) != COLUMNS:
                fail(f'intestazione attesa "{",".join(COLUMNS)}", trovata "{",".join(cells)}"')
            header = cells
            continue
        if len(cells) != len(COLUMNS):
            fail(f'{len(cells)} colonne invece di {len(COLUMNS)}')
        row = dict(zip(COLUMNS, cells))
        if row['ambito_id'] not in ids:
            fail(f'ambito sconosciuto "{row["ambito_id"]}" (quelli noti sono in corpus/ambiti.json)')
        m = re.fullmatch(r'(\d{4})-(\d{4})', row['triennio'])
        if not m or int(m[2]) != int(m[1]) + 2:
            fail(f'triennio non valido "{row["triennio"]}" (atteso come 2025-2027)')
        if row['tipo'] not in TIPI:
            fail(f'tipo sconosciuto "{row["tipo"]}" (ammessi: {", ".join(TIPI)})')
        problem = _check_fonte(row['fonte'], base)
        if problem:
            fail(problem)
        sha = row['sha256'].lower() or None
        if sha and not re.fullmatch(r'[0-9a-f]{64}', sha):
            fail(f'sha256 non valido "{row["sha256"]}" (64 cifre esadecimali, oppure vuoto)')
        p = Piano(n, row['ambito_id'], row['triennio'], row['tipo'], row['fonte'], sha, row['nota'], base)
        for key, what in ((('fonte', p.fonte), 'la stessa fonte'), (('file', p.nome_cache), 'lo stesso nome di file')):
            if key in seen:
                fail(f'{what} della riga {seen[key]}')
            seen[key] = n
        piani.append(p)
    if header is None:
        raise ManifestError(f'{name}: vuoto (manca l\'intestazione "{",".join(COLUMNS)}")')
    return piani


def load(path: Path = MANIFEST) -> list[Piano]:
    try:
        text = Path(path).read_text(encoding='utf-8')
    except (OSError, UnicodeDecodeError) as e:
        raise ManifestError(f'manifesto {path} non leggibile: {getattr(e, "strerror", None) or e}') from None
    return parse(text, str(path), Path(path).resolve().parent)
