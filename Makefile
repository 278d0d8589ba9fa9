# Conveniences over the README commands; every target uses the same constraints file.
PYTHON ?= python3
VENV ?= .venv
SIZES ?= 100 1000 10000
WORKERS ?= 0
SEEDS ?= ../shared/corpora/seeds
BENCH_JSON ?= bench-results.jsonl

.PHONY: install test bench profile

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

# A call-tree profile of one single-process run on PROFILE_SIZE synthetic articles
# (worker processes would hide their time from the profiler).
PROFILE_SIZE ?= 100
profile: install
	$(VENV)/bin/pip install -q -c constraints.txt -e '.[test,bench]'
	mkdir -p out && $(VENV)/bin/python bench/synthetic.py $(PROFILE_SIZE) out/profile-corpus.jsonl
	$(VENV)/bin/pyinstrument -r text -o out/profile.txt -m collation.cli run \
		out/profile-corpus.jsonl --out out/profile --workers 1 --quiet
	@echo "profile written to out/profile.txt"
