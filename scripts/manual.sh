#!/bin/sh
# Writes disarm's manual page (one page, every subcommand) to FILE, generated from the argument parser's own
# definitions by swift-argument-parser's generate-manual plugin; the date is fixed so the page is reproducible.
#
#   scripts/manual.sh FILE
set -eu
cd "$(dirname "$0")/.."
out="$1"
swift package --allow-writing-to-package-directory generate-manual --date 2026-01-01 --authors "the disarm authors" \
  >&2
cp .build/plugins/GenerateManual/outputs/disarm/disarm.1 "$out"
