# disarm: the two set-up commands are `make demo` and `make test`; both install what is missing first.
SWIFT ?= swift
CONFIG ?= debug
BIN = .build/$(CONFIG)/disarm
# The version is VERSION's alone (scripts/embed-version.sh compiles it in).
VERSION := $(shell tr -d ' \n' < VERSION)
ARCH := $(shell uname -m)
STAGE = dist/disarm-$(VERSION)-linux-$(ARCH)
PREFIX ?= /usr/local
DESTDIR ?=
# What `make install` installs, relative to PREFIX; `make uninstall` removes exactly these files.
INSTALLED = bin/disarm share/man/man1/disarm.1 share/bash-completion/completions/disarm \
	share/zsh/site-functions/_disarm share/fish/vendor_completions.d/disarm.fish

.PHONY: all deps build demo test bench bench-smoke fuzz check-format clean fuzz-workbook release release-check install uninstall

all: build

## Install libcmark-dev and libsqlite3-dev (apt) and the Python test tools (pip) when they are missing.
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

## The release: dist/disarm-VERSION-linux-ARCH.tar.gz (static binaries, manual page, completions, README, licence)
## and dist/SHA256SUMS; see docs/RELEASING.md.
release: deps
	scripts/release.sh

## Runs the release's binary in a clean Debian root (debootstrap) against the development build; see docs/RELEASING.md.
release-check: release
	scripts/release-check.sh

## Installs the release's files under PREFIX (default /usr/local; DESTDIR for packagers).
install: $(STAGE)/bin/disarm
	@for file in $(INSTALLED); do \
	  mode=644; case $$file in bin/*) mode=755;; esac; \
	  install -D -m $$mode "$(STAGE)/$$file" "$(DESTDIR)$(PREFIX)/$$file" && echo "installed $(DESTDIR)$(PREFIX)/$$file"; \
	done

## Removes exactly the files `make install` installed.
uninstall:
	@for file in $(INSTALLED); do \
	  if [ -e "$(DESTDIR)$(PREFIX)/$$file" ]; then rm -f "$(DESTDIR)$(PREFIX)/$$file" && echo "removed $(DESTDIR)$(PREFIX)/$$file"; fi; \
	done

$(STAGE)/bin/disarm:
	scripts/release.sh

check-format:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

clean:
	rm -rf .build build
