"""Generated layout variants (PDF + truth.json) that measure how the extractors generalise."""
