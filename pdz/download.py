"""Fetching the manifest's documents into a local cache, only when they changed: a conditional
GET (the ETag / Last-Modified of the last good copy), then the sha256. A reply that is not a PDF
(an error or login page), too large, or too slow is a failure that leaves the cached copy alone."""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from corpus.manifest import Piano

STATE = 'stato.json'                         # per URL: etag, last_modified, sha256 of the cached copy
RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}
CHUNK = 64 * 1024


@dataclass
class Scaricamento:
    piano: Piano
    esito: str                  # 'scaricato' | 'non_modificato' | 'locale' | 'fallito'
    file: Path | None           # what to ingest: the cached (or local) copy, None when there is none
    messaggio: str = ''
    byte: int = 0               # bytes received
    sha256: str | None = None   # of `file`


@dataclass(frozen=True)
class Regole:
    timeout: float = 30.0       # seconds without a byte before an attempt is given up
    tentativi: int = 3
    pausa: float = 1.0          # seconds before the 2nd attempt, doubled for each further one
    max_byte: int = 100 * 1024 * 1024


class _Fallito(Exception):
    """A reply that will not get better by asking again (404, HTML, too large)."""


def load_state(cache: Path) -> dict:
    try:
        return json.loads((cache / STATE).read_text(encoding='utf-8'))
    except (OSError, ValueError):
        return {}


def save_state(cache: Path, state: dict) -> None:
    tmp = cache / (STATE + '.tmp')
    tmp.write_text(json.dumps(state, indent=1, sort_keys=True), encoding='utf-8')
    os.replace(tmp, cache / STATE)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(CHUNK), b''):
            h.update(block)
    return h.hexdigest()


def not_a_pdf(head: bytes, content_type: str) -> str | None:
    """Why these first bytes are not a PDF, or None (readers accept the header within 1 KiB)."""
    if b'%PDF-' in head[:1024]:
        return None
    low = head[:4096].lower()
    if b'<html' in low or b'<!doctype' in low or 'html' in content_type:
        if any(w in low for w in (b'password', b'login', b'accedi', b'accesso')):
            return 'è arrivata una pagina di accesso (login) invece del PDF'
        return 'è arrivata una pagina HTML (pagina di errore?) invece del PDF'
    return f'quello che è arrivato non è un PDF ({content_type or "tipo sconosciuto"})'


def local(piano: Piano) -> Scaricamento:
    """A bundled or on-disk document: read in place, checked against its expected sha256."""
    sha = sha256_file(piano.percorso)
    if piano.sha256 and sha != piano.sha256:
        return Scaricamento(piano, 'fallito', None, 'sha256 diverso da quello atteso nel manifesto', 0, sha)
    return Scaricamento(piano, 'locale', piano.percorso, sha256=sha)


def _receive(r: httpx.Response, part: Path, regole: Regole) -> tuple[int, str]:
    """Stream a 200 reply into `part`: (bytes, sha256); _Fallito when it is not an acceptable PDF."""
    declared = r.headers.get('content-length', '')
    if declared.isdigit() and int(declared) > regole.max_byte:
        raise _Fallito(f'file troppo grande ({int(declared) // 1024} kB, limite {regole.max_byte // 1024} kB)')
    h, size, head, checked = hashlib.sha256(), 0, b'', False
    ctype = r.headers.get('content-type', '')
    with open(part, 'wb') as f:
        for block in r.iter_bytes(CHUNK):
            if not checked:
                head += block[:4096 - len(head)]
                if len(head) >= 1024:       # decided early: an HTML page is not downloaded in full
                    checked = True
                    if why := not_a_pdf(head, ctype):
                        raise _Fallito(why)
            size += len(block)
            if size > regole.max_byte:
                raise _Fallito(f'file troppo grande (oltre il limite di {regole.max_byte // 1024} kB)')
            h.update(block)
            f.write(block)
    if not checked and (why := not_a_pdf(head, ctype) if size else 'risposta vuota'):
        raise _Fallito(why)
    return size, h.hexdigest()


def fetch(client: httpx.Client, piano: Piano, cache: Path, state: dict, regole: Regole) -> Scaricamento:
    """Bring one URL row's document into the cache if it changed; `state` is updated in place."""
    dest = cache / piano.nome_cache
    part = cache / ('.' + piano.nome_cache + '.part')
    held = dest if dest.exists() else None
    entry = state.get(piano.fonte, {}) if held else {}
    headers = {}
    if entry.get('etag'):
        headers['If-None-Match'] = entry['etag']
    if entry.get('last_modified'):
        headers['If-Modified-Since'] = entry['last_modified']
    held_sha = entry.get('sha256') if held else None

    def failed(msg: str) -> Scaricamento:
        part.unlink(missing_ok=True)
        return Scaricamento(piano, 'fallito', held, msg, 0, held_sha)

    problem = 'nessun tentativo'
    for attempt in range(max(1, regole.tentativi)):
        if attempt:
            time.sleep(regole.pausa * 2 ** (attempt - 1))
        try:
            with client.stream('GET', piano.fonte, headers=headers) as r:
                if r.status_code == 304 and held:
                    return Scaricamento(piano, 'non_modificato', held, sha256=held_sha or sha256_file(held))
                if r.status_code in RETRY_STATUS:
                    problem = f'il server risponde HTTP {r.status_code}'
                    continue
                if r.status_code != 200:
                    return failed(f'il server risponde HTTP {r.status_code}'
                                  + (' (non trovato)' if r.status_code == 404 else ''))
                size, sha = _receive(r, part, regole)
                meta = {'etag': r.headers.get('etag'), 'last_modified': r.headers.get('last-modified')}
        except _Fallito as e:
            return failed(str(e))
        except httpx.TimeoutException:
            problem = f'nessuna risposta entro {regole.timeout:g} s'
            continue
        except httpx.HTTPError as e:
            problem = f'connessione non riuscita ({type(e).__name__})'
            continue
        except (httpx.InvalidURL, httpx.StreamError) as e:
            return failed(f'indirizzo o risposta non utilizzabile ({type(e).__name__})')
        except OSError as e:
            return failed(f'cache non scrivibile: {e.strerror or e}')
        if piano.sha256 and sha != piano.sha256:
            return failed('sha256 diverso da quello atteso nel manifesto')
        state[piano.fonte] = {**meta, 'sha256': sha}
        if held and sha == (held_sha or sha256_file(held)):
            part.unlink(missing_ok=True)        # the same bytes again (the server ignored the validators)
            return Scaricamento(piano, 'non_modificato', held, '', size, sha)
        os.replace(part, dest)
        return Scaricamento(piano, 'scaricato', dest, '', size, sha)
    tries = max(1, regole.tentativi)
    return failed(f'{problem} ({tries} tentativ{"o" if tries == 1 else "i"})')


def client(regole: Regole) -> httpx.Client:
    return httpx.Client(timeout=httpx.Timeout(regole.timeout), follow_redirects=True,
                        headers={'User-Agent': 'pdz-aggiorna (Piani di Zona)'})
