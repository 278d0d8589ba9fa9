# Conveniences over the README commands; every target uses the same constraints file.
PYTHON ?= python3
VENV ?= .venv
SIZES ?= 100 1000 10000
WORKERS ?= 0
SEEDS ?= ../shared/corpora/seeds
BENCH_JSON ?= bench-results.jsonl

.PHONY: install test bench

$(VENV)/bin/collate: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV) && $(VENV)/bin/pip install -q -c constraints.txt -e '.[test]'
	touch $@

install: $(VENV)/bin/collate

test: install
	$(VENV)/bin/python -m pytest -q -p no:cacheprovider

# End-to-end throughput against the floor (docs/benchmarks.md). The seed corpus is
# measured when $(SEEDS) exists; e.g. `make bench SIZES="100 1000"` for a shorter run.
bench: install
	$(VENV)/bin/python bench/bench_pipeline.py --sizes $(SIZES) --workers $(WORKERS) \
		$(if $(wildcard $(SEEDS)),--seeds $(SEEDS)) --json $(BENCH_JSON)
