# pdz — Piani di Zona -> DuckDB.  `make setup ingest`, `make test`.
PY      ?= python3.11
VENV    ?= .venv
BIN     := $(VENV)/bin
CORPUS  ?= corpus/samples
DB      ?= warehouse/pdz.duckdb
SHARED  ?= ../shared
JOBS    ?= auto

.PHONY: setup ingest nightly test stress eval variants bench tables status clean docs readme

$(BIN)/pdz: pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "need $(PY) (set PY=...)"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(BIN)/pdz

setup: $(BIN)/pdz

ingest: setup
	$(BIN)/pdz ingest $(CORPUS) --db $(DB)

# the nightly run: fetch what corpus/piani.csv lists (only what changed), ingest it, log it
nightly: setup
	$(BIN)/pdz aggiorna --db $(DB) $(if $(MANIFEST),--manifesto $(MANIFEST)) $(if $(CACHE),--cache $(CACHE)) $(if $(REPORT),--report $(REPORT))

status: setup
	$(BIN)/pdz status --db $(DB)

test: setup
	$(BIN)/python -m pytest -n 2 tests

# scores a scratch warehouse built from the development corpus
eval: setup
	@if [ -f $(SHARED)/eval/score.py ]; then \
	  rm -f /tmp/pdz-eval.duckdb; \
	  $(BIN)/pdz ingest $(SHARED)/corpus/dev --db /tmp/pdz-eval.duckdb; \
	  $(BIN)/python $(SHARED)/eval/score.py --db /tmp/pdz-eval.duckdb --truth $(SHARED)/corpus/dev; \
	else echo "no $(SHARED)/eval/score.py here: nothing to score against (set SHARED=...)"; fi

# the same records drawn in layouts the development PDFs do not use (with LibreOffice, also
# documents made the way Ambiti make theirs: python-docx/pptx -> soffice), scored like `eval`
variants: setup
	@if [ -f $(SHARED)/eval/score.py ]; then \
	  rm -rf /tmp/pdz-variants /tmp/pdz-variants.duckdb; \
	  $(BIN)/python -m tests.variants.build /tmp/pdz-variants $$(command -v soffice >/dev/null && echo --office); \
	  $(BIN)/pdz ingest /tmp/pdz-variants --db /tmp/pdz-variants.duckdb > /dev/null; \
	  $(BIN)/python $(SHARED)/eval/score.py --db /tmp/pdz-variants.duckdb --truth /tmp/pdz-variants | tail -9; \
	else echo "no $(SHARED)/eval/score.py here: nothing to score against (set SHARED=...)"; fi

# the data dictionary, generated from models/dizionario.py and warehouse/views.py
docs: setup
	$(BIN)/python -m warehouse.dictionary docs/dizionario-dati.md

# the README's «Domande tipiche», answered on a warehouse of the bundled samples
readme: setup
	$(BIN)/pdz ingest corpus/samples --db $(DB) > /dev/null
	$(BIN)/python -m pdz.domande README.md --db $(DB)

# hundreds of damaged variants of the samples (and the hostile shapes of tests/hostile.py) in one
# folder with the good files: crashes, hangs, good files complete, silent losses, hostile SQL;
# first a kill loop: 20 SIGKILLs of an ingest at seeded moments, each repaired by the next run
STRESS_COUNT ?= 200
stress: setup
	$(BIN)/python tests/fuzz.py --count $(STRESS_COUNT)

bench: setup
	$(BIN)/python -m pdz.bench $(CORPUS)

# the table layer on the ICDAR 2013 Table Competition set (67 EU/US government PDFs, 156 tables,
# cell-structure ground truth), adjacency-relation F1. The data is not committed: it lives in
# camelot's repository (tests/files/tabula/icdar2013-dataset) and is fetched into $(ICDAR),
# which git ignores; where GitHub cannot be reached the target says how to get it and skips.
ICDAR     ?= tests/data/icdar2013
ICDAR_GIT ?= https://github.com/camelot-dev/camelot.git
ICDAR_DIR := tests/files/tabula/icdar2013-dataset
tables: setup
	@if [ ! -d $(ICDAR)/competition-dataset-eu ]; then \
	  echo "ICDAR 2013 set not in $(ICDAR): fetching it from $(ICDAR_GIT) ($(ICDAR_DIR))"; \
	  rm -rf $(ICDAR).git-tmp; \
	  if timeout 120 git clone -q --depth 1 --filter=blob:none --sparse $(ICDAR_GIT) $(ICDAR).git-tmp 2>/dev/null && \
	     git -C $(ICDAR).git-tmp sparse-checkout set $(ICDAR_DIR) 2>/dev/null; then \
	    mkdir -p $(ICDAR) && cp -r $(ICDAR).git-tmp/$(ICDAR_DIR)/. $(ICDAR)/; \
	  fi; \
	  rm -rf $(ICDAR).git-tmp; \
	fi
	@if [ -d $(ICDAR)/competition-dataset-eu ]; then \
	  $(BIN)/python -m tests.icdar2013 $(ICDAR) $(if $(PER_DOC),--per-doc); \
	else \
	  echo "skipped: no ICDAR 2013 set. Copy $(ICDAR_DIR) of $(ICDAR_GIT) into $(ICDAR) (git ignores it) and run again."; \
	fi

clean:
	rm -rf $(VENV) *.egg-info warehouse/*.duckdb warehouse/*.wal warehouse/*-download warehouse/*.lock warehouse/*.ingest warehouse/*.tmp
