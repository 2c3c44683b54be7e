#!/bin/sh
# Builds disarm with a sanitizer and runs it on every knowledge base at hand: the parallel loader (pages parsed on
# all cores) under ThreadSanitizer, everything under AddressSanitizer.
#
#   scripts/sanitize.sh thread|address
#
# Scratch folders: .build-tsan/ and .build-asan/. For each of data/, a synthetic knowledge base and every release
# in ../shared/corpus (when present) it runs `disarm build`, `disarm lint --format json` and `disarm build --check`,
# then the corpus tests (`swift test --sanitize=… --filter CorpusTests`). Any sanitizer report fails the script.
set -eu
cd "$(dirname "$0")/.."
kind="${1:-thread}"
case "$kind" in
  thread) scratch=.build-tsan ;;
  address) scratch=.build-asan ;;
  *) echo "usage: scripts/sanitize.sh thread|address" >&2; exit 64 ;;
esac
pkg-config --exists libcmark 2>/dev/null || scripts/install-deps.sh
swift build --sanitize="$kind" --scratch-path "$scratch" --product disarm >&2
swift build --sanitize="$kind" --scratch-path "$scratch" --product disarm-bench >&2
disarm="$scratch/debug/disarm"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
export ASAN_OPTIONS="halt_on_error=1 detect_leaks=0 ${ASAN_OPTIONS:-}"

"$scratch/debug/disarm-bench" synthesize --scale 1 --output "$work/synthetic" >/dev/null 2>&1
failed=0
for kb in data "$work/synthetic" ../shared/corpus/*/generated_pages; do
  [ -d "$kb" ] || continue
  for command in "build $kb --output $work/out" "lint $kb --format json" "build $kb --check"; do
    # shellcheck disable=SC2086
    "$disarm" $command >"$work/stdout" 2>"$work/stderr" || true
    if grep -q "Sanitizer" "$work/stderr"; then
      echo "sanitize.sh: $kind sanitizer report for: disarm $command" >&2
      grep -A 30 "WARNING: ThreadSanitizer\|ERROR: AddressSanitizer" "$work/stderr" | head -n 60 >&2
      failed=1
    else
      echo "sanitize.sh: clean ($kind): disarm $command" >&2
    fi
  done
done
swift test --sanitize="$kind" --scratch-path "$scratch" --filter CorpusTests >"$work/test.log" 2>&1 || failed=1
grep -E "Sanitizer|✘|Test run with" "$work/test.log" | head -n 40 >&2
exit "$failed"
