"""Reference data: the 14 Ambiti territoriali of the province of Bergamo (ambiti.json)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_FILE = Path(__file__).with_name('ambiti.json')


@lru_cache(maxsize=1)
def ambiti() -> list[dict]:
    """[{ambito_id, nome, distretto, asst, comuni: [...], alias: [...]}, ...]"""
    return json.loads(_FILE.read_text(encoding='utf-8'))


def by_id(ambito_id: str) -> dict | None:
    return next((a for a in ambiti() if a['ambito_id'] == ambito_id), None)
