# disarm: the two set-up commands are `make demo` and `make test`; both install what is missing first.
SWIFT ?= swift
CONFIG ?= debug
BIN = .build/$(CONFIG)/disarm

.PHONY: all deps build demo test check-format clean

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

check-format:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

clean:
	rm -rf .build build
