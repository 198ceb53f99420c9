"""What the fork server holds before it forks a worker: the pipeline's modules, and the
language data every document needs built once (the spaCy pipeline with its entity patterns, the
Italian word list that mends broken words), so a worker inherits them with the fork instead of
building its own. Importing this module is the loading: the fork server preloads modules by
name."""
from __future__ import annotations

from extract import parole
from normalize import nlp

from . import pipeline  # noqa: F401  (the modules a worker runs)

nlp.pipeline()
parole.vocabulary()
