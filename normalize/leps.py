"""LEPS (livelli essenziali delle prestazioni sociali) named in an action's text."""
from __future__ import annotations

import re


def find_leps(text: str | None) -> str | None:
    """'LEPS EVM – Attivazione…' -> 'LEPS EVM'."""
    if not text:
        return None
    m = re.search(r'\bLEPS\b[\s:]*([A-ZÀ-Ü][\wÀ-ÿ\']*(?:\s+[\wÀ-ÿ\']+){0,3}?)\s*(?:[–—:-]|\(|$)', text)
    if m:
        return ('LEPS ' + m.group(1)).strip()
    return None
