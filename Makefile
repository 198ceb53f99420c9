# pdz — Piani di Zona -> DuckDB.  `make setup ingest`, `make test`.
PY      ?= python3.11
VENV    ?= .venv
BIN     := $(VENV)/bin
CORPUS  ?= corpus/samples
DB      ?= warehouse/pdz.duckdb
SHARED  ?= ../shared
JOBS    ?= auto

.PHONY: setup setup-office ingest nightly test stress eval variants bench tables status clean docs readme

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

test: setup setup-office
	$(BIN)/python -m pytest -n 2 tests

# LibreOffice for the Office-made variants (their fonts ship in tests/variants/fonts): installed with
# apt-get when run as root where apt-get exists; otherwise, or if apt-get fails, one line says so and
# the office tests skip. Never fails the build.
OFFICE_PKGS ?= libreoffice-writer-nogui libreoffice-impress-nogui
OFFICE_LOG  ?= /tmp/pdz-setup-office.log
setup-office:
	@if command -v soffice >/dev/null 2>&1; then \
	  echo "setup-office: LibreOffice present ($$(soffice --version 2>/dev/null | head -1))"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "setup-office: installing $(OFFICE_PKGS) with apt-get (a minute or two; log: $(OFFICE_LOG))"; \
	  if { DEBIAN_FRONTEND=noninteractive timeout 600 apt-get update -q && \
	       DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -q --no-install-recommends $(OFFICE_PKGS); } \
	     > $(OFFICE_LOG) 2>&1 && command -v soffice >/dev/null 2>&1; then \
	    echo "setup-office: LibreOffice installed ($$(soffice --version 2>/dev/null | head -1))"; \
	  else echo "setup-office: apt-get could not install LibreOffice (see $(OFFICE_LOG)): the office variant tests will skip"; fi; \
	else \
	  echo "setup-office: no soffice and no root apt-get to install it: the office variant tests will skip (install LibreOffice: $(OFFICE_PKGS))"; \
	fi

# scores a scratch warehouse built from the development corpus
eval: setup
	@if [ -f $(SHARED)/eval/score.py ]; then \
	  rm -f /tmp/pdz-eval.duckdb; \
	  $(BIN)/pdz ingest $(SHARED)/corpus/dev --db /tmp/pdz-eval.duckdb; \
	  $(BIN)/python $(SHARED)/eval/score.py --db /tmp/pdz-eval.duckdb --truth $(SHARED)/corpus/dev; \
	else echo "no $(SHARED)/eval/score.py here: nothing to score against (set SHARED=...)"; fi

# the same records drawn in layouts the development PDFs do not use (with LibreOffice, also
# documents made the way Ambiti make theirs: python-docx/pptx -> soffice), scored like `eval`;
# then the combinatorial generator: N seeded documents over every meaningful (record type x
# representation) cell, its F1 printed as a matrix (tests/variants/matrice.py; VERBOSE=1: the holes),
# and with LibreOffice WORD_N more set in Word (python-docx -> soffice), their own matrix
N       ?= 205
WORD_N  ?= 72
SEED    ?= 0
variants: setup
	@if [ -f $(SHARED)/eval/score.py ]; then \
	  rm -rf /tmp/pdz-variants /tmp/pdz-variants.duckdb; \
	  $(BIN)/python -m tests.variants.build /tmp/pdz-variants $$(command -v soffice >/dev/null && echo --office); \
	  $(BIN)/pdz ingest /tmp/pdz-variants --db /tmp/pdz-variants.duckdb > /dev/null; \
	  $(BIN)/python $(SHARED)/eval/score.py --db /tmp/pdz-variants.duckdb --truth /tmp/pdz-variants | tail -9; \
	  rm -rf /tmp/pdz-variants-matrice; \
	  PDZ_SHARED=$(abspath $(SHARED)) $(BIN)/python -m tests.variants.matrice /tmp/pdz-variants-matrice --n $(N) --seed $(SEED) $(if $(VERBOSE),--verbose); \
	  if command -v soffice >/dev/null; then rm -rf /tmp/pdz-variants-word; \
	    PDZ_SHARED=$(abspath $(SHARED)) $(BIN)/python -m tests.variants.matrice /tmp/pdz-variants-word --word --n $(WORD_N) --seed $(SEED) $(if $(VERBOSE),--verbose); fi; \
	else echo "no $(SHARED)/eval/score.py here: nothing to score against (set SHARED=...)"; fi

# the data dictionary, generated from models/dizionario.py and warehouse/views.py
docs: setup
	$(BIN)/python -m warehouse.dictionary docs/dizionario-dati.md

# the README's «Domande tipiche», answered on a warehouse of the bundled samples
readme: setup
	$(BIN)/pdz ingest corpus/samples --db $(DB) > /dev/null
	$(BIN)/python -m pdz.domande README.md --db $(DB)

# hundreds of damaged variants of the samples (and the hostile shapes of tests/hostile.py) in one
# folder with the good files: crashes, hangs, good files complete, silent losses, hostile SQL, then
# the folder again through `pdz ingest` (exit codes, no traceback); first a kill loop: 20 SIGKILLs
# of an ingest at seeded moments, each repaired by the next run. Each document gets at most
# STRESS_TIMEOUT s of CPU (the slowest variant needs ~20; the product default is 120). Prints the
# load average: at load 8-10 on 2 cores the kill loop took 10 min and the folder ~20.
STRESS_COUNT   ?= 200
STRESS_TIMEOUT ?= 60
stress: setup
	$(BIN)/python tests/fuzz.py --count $(STRESS_COUNT) --timeout $(STRESS_TIMEOUT)

# builds its benchmark corpus in build/bench (14 files, 1,300+ pages from the samples and
# $(SHARED)/corpus/dev*) and prints the floor, the pdfplumber pass, ingest, no-op, memory (~5 min)
bench: setup
	$(BIN)/python -m pdz.bench --shared $(SHARED) $(BENCH_ARGS)

# the table layer on the ICDAR 2013 Table Competition set (67 EU/US government PDFs, 156 tables,
# cell-structure ground truth), adjacency-relation F1. The data is not committed and no package
# registry ships it: copy tests/files/tabula/icdar2013-dataset of camelot's source repository
# (camelot-dev/camelot) into $(ICDAR), which git ignores; without it the target says so and skips.
ICDAR     ?= tests/data/icdar2013
tables: setup
	@if [ -d $(ICDAR)/competition-dataset-eu ]; then \
	  $(BIN)/python -m tests.icdar2013 $(ICDAR) $(if $(PER_DOC),--per-doc); \
	else \
	  echo "skipped: no ICDAR 2013 set in $(ICDAR). Copy tests/files/tabula/icdar2013-dataset of camelot's source repository (camelot-dev/camelot) there (git ignores it) and run again."; \
	fi

clean:
	rm -rf $(VENV) *.egg-info warehouse/*.duckdb warehouse/*.wal warehouse/*-download warehouse/*.lock warehouse/*.ingest warehouse/*.tmp
