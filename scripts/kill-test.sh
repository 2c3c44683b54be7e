#!/bin/sh
# Kills `disarm build --write` with SIGKILL ITERATIONS times (default 200) at random moments, most of them while
# pages are being written, and checks that every page is always byte for byte its old or its new content and every
# note is intact (Tests/DisarmCLITests/KillTests.swift, which `swift test` runs with 16 iterations).
#
#   scripts/kill-test.sh [ITERATIONS]
set -eu
cd "$(dirname "$0")/.."
iterations="${1:-200}"
swift build -c release --product disarm >&2
swift build -c release --product disarm-bench >&2
swift build --build-tests >&2
log="$(mktemp)"
status=0
DISARM_BINARY="$PWD/.build/release/disarm" DISARM_KILL_ITERATIONS="$iterations" \
  swift test --skip-build --filter 'KillTests' >"$log" 2>&1 || status=$?
grep -E 'KillTests:|✘|✔ Test|↳ iteration' "$log" || true
rm -f "$log"
exit "$status"
