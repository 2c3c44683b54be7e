# disarm: the two set-up commands are `make demo` and `make test`; both install what is missing first.
SWIFT ?= swift
CONFIG ?= debug
BIN = .build/$(CONFIG)/disarm

.PHONY: all deps build demo test bench bench-smoke fuzz check-format clean fuzz-workbook

all: build

## Install libcmark-dev (apt) and the Python test tools (pip) when they are missing.
deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c $(CONFIG) --product disarm

## Build the tool and compile the sample knowledge base in data/ to build/disarm.json.
demo: build
	$(BIN) build data --output build

## Build and run every test (unit, golden, end-to-end, and corpus tests when ../shared/corpus exists).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

## Benchmark suite (release build): corpus 2025-02-10 and synthetic 1x/10x/100x; see docs/PERFORMANCE.md.
bench: deps
	python3 scripts/bench.py

## One 1x run of the benchmark suite, as CI does (checks it completes; no timing assertions).
bench-smoke: deps
	python3 scripts/bench.py --smoke

## Fuzz the page parser for SECONDS (default 60); see docs/RELIABILITY.md.
fuzz: deps
	scripts/fuzz.sh $(or $(SECONDS),60)

## Fuzz the workbook reader (disarm import) for SECONDS (default 60); see docs/IMPORT.md.
fuzz-workbook: deps
	scripts/fuzz-workbook.sh $(or $(SECONDS),60)

check-format:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

clean:
	rm -rf .build build
