#!/bin/sh
# Fuzzes the workbook reader (DisarmWorkbook) with libFuzzer for SECONDS (default 60), then replays every saved
# regression input. As scripts/fuzz.sh does for pages: builds Fuzz/ with -sanitize=fuzzer,address, seeds from the
# master spreadsheets in ../shared/corpus/masters (whole files, and their worksheet, shared-strings, styles and
# workbook parts), keeps crashing inputs in Tests/Fixtures/WorkbookFuzzRegressions/ and exits 1 when one is found.
#
#   scripts/fuzz-workbook.sh [SECONDS]
#
# Leak detection is off: opening an archive by path goes through Foundation's file-system representation of the path,
# which leaks a few bytes per call on Linux (not this project's code; found on the first run).
#
# Prints `fuzz-workbook: <seconds> s, <runs> runs, <exec/s> exec/s, <n> crashes, <m> slow inputs (over 10 s)` as its
# last line.
set -eu
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
cd "$(dirname "$0")/.."
seconds="${1:-60}"
root="$PWD"
work="$root/Fuzz/.build/fuzz-workbook"
regressions="$root/Tests/Fixtures/WorkbookFuzzRegressions"
artifacts="$root/fuzz-artifacts-workbook"
swift build --package-path Fuzz -c release --product DisarmWorkbookFuzzer -Xswiftc -sanitize=fuzzer,address >&2
fuzzer="$(swift build --package-path Fuzz -c release --show-bin-path)/DisarmWorkbookFuzzer"
rm -rf "$work/seeds"
mkdir -p "$work/seeds" "$work/corpus" "$artifacts" "$regressions"
count=0
for book in ../shared/corpus/masters/*/DISARM_FRAMEWORKS_MASTER.xlsx; do
  [ -f "$book" ] || continue
  count=$((count + 1))
  { printf '\000'; cat "$book"; } >"$work/seeds/book-$count"
  python3 - "$book" "$work/seeds" "$count" <<'PY'
import sys, zipfile
book, seeds, n = sys.argv[1], sys.argv[2], sys.argv[3]
z = zipfile.ZipFile(book)
for selector, name in [(1, "xl/worksheets/sheet2.xml"), (2, "xl/sharedStrings.xml"), (3, "xl/styles.xml"),
                       (4, "xl/workbook.xml")]:
    try:
        data = z.read(name)[:65536]
    except KeyError:
        continue
    open(f"{seeds}/part-{n}-{selector}", "wb").write(bytes([selector]) + data)
PY
done
echo "fuzz-workbook: $count workbooks as seeds; fuzzing for $seconds s" >&2
log="$work/fuzz.log"
before_failures="$(ls "$artifacts" | grep -v '^slow-unit-' | wc -l)"
before_slow="$(ls "$artifacts" | grep -c '^slow-unit-' || true)"
status=0
"$fuzzer" "$work/corpus" "$work/seeds" "$regressions" -max_total_time="$seconds" -max_len=1500000 -timeout=20 \
  -rss_limit_mb=4096 -artifact_prefix="$artifacts/" -print_final_stats=1 -close_fd_mask=3 \
  -detect_leaks=0 >"$log" 2>&1 || status=$?
tail -n 15 "$log" >&2
for artifact in "$artifacts"/*; do
  [ -f "$artifact" ] || continue
  name="$(basename "$artifact")"
  [ -e "$regressions/$name" ] || { cp "$artifact" "$regressions/$name"; echo "fuzz-workbook: saved $name" >&2; }
done
# libFuzzer also saves inputs slower than 10 s (slow-unit-*): kept and replayed like the others (a hang would fail the
# replay's -timeout), reported, but not failures: on two shared cores a run of a big workbook under AddressSanitizer
# can pass 10 s while a build is running beside it.
crashes=$(( $(ls "$artifacts" | grep -v '^slow-unit-' | wc -l) - before_failures ))
slow=$(( $(ls "$artifacts" | grep -c '^slow-unit-' || true) - before_slow ))
inputs="$(find "$regressions" -type f | sort)"
replay_status=0
if [ -n "$inputs" ]; then
  # shellcheck disable=SC2086
  "$fuzzer" -timeout=20 -rss_limit_mb=4096 -detect_leaks=0 $inputs >"$work/replay.log" 2>&1 || replay_status=$?
fi
runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)"
echo "fuzz-workbook: $seconds s, ${runs:-?} runs, ${rate:-?} exec/s, $crashes crashes, $slow slow inputs (over 10 s)"
if [ "$status" != 0 ] || [ "$crashes" != 0 ] || [ "$replay_status" != 0 ]; then exit 1; fi
