"""Stage 1: which documents exist — the 14 Ambiti (reference data), discovery of local PDFs."""
