#!/bin/sh
# Fuzzes the page parser with libFuzzer for SECONDS (default 60), then replays every saved regression input.
#
#   scripts/fuzz.sh [SECONDS]
#
# Builds the separate package in Fuzz/ (so that the main package's `swift build` and `swift test` never see
# `-sanitize=fuzzer`) with `-sanitize=fuzzer,address`, seeds a corpus from every page of ../shared/corpus/*/
# generated_pages (when present), data/ and Tests/Fixtures/FuzzRegressions/, fuzzes on one core, and replays
# Tests/Fixtures/FuzzRegressions/. A crashing, hanging or leaking input is copied into that folder (named by its
# hash) so that it is replayed from then on; the script then exits 1.
#
# Environment: FUZZ_MAX_LEN (default 65536 bytes), FUZZ_TIMEOUT (per input, default 20 s), FUZZ_RSS_MB (4096).
# Prints `fuzz: <seconds> s, <runs> runs, <exec/s> exec/s, <n> crashes` as its last line.
set -eu
cd "$(dirname "$0")/.."
seconds="${1:-60}"
root="$PWD"
work="$root/Fuzz/.build/fuzz"
regressions="$root/Tests/Fixtures/FuzzRegressions"
artifacts="$root/fuzz-artifacts"

# libFuzzer's runtime ships with the swift.org toolchain (clang's compiler-rt); Xcode's toolchain lacks it.
resources="$(swift -print-target-info | sed -n 's/.*"runtimeResourcePath": "\(.*\)".*/\1/p' | head -n 1)"
runtime="$(find -L "$resources/clang" -name 'libclang_rt.fuzzer*' 2>/dev/null | head -n 1 || true)"
if [ -z "$runtime" ]; then
  echo "fuzz.sh: no libFuzzer runtime (libclang_rt.fuzzer) under $resources/clang; use a swift.org toolchain" >&2
  exit 2
fi
echo "fuzz.sh: libFuzzer runtime $runtime" >&2
pkg-config --exists libcmark 2>/dev/null || scripts/install-deps.sh

echo "fuzz.sh: building Fuzz/ with -sanitize=fuzzer,address" >&2
swift build --package-path Fuzz -c release --product DisarmFuzzer -Xswiftc -sanitize=fuzzer,address >&2
fuzzer="$(swift build --package-path Fuzz -c release --show-bin-path)/DisarmFuzzer"

# Seeds: each page prefixed with the byte that selects its kind or role (the order of `roles` in
# Fuzz/Sources/DisarmFuzzer/Fuzzing.swift).
rm -rf "$work/seeds"
mkdir -p "$work/seeds" "$work/corpus" "$artifacts" "$regressions"
selector() {
  folder="$(basename "$(dirname "$1")")"
  name="$(basename "$1")"
  case "$folder" in
    phases) echo 0 ;; tactics) echo 1 ;; techniques) echo 2 ;; tasks) echo 3 ;; incidents) echo 4 ;;
    counters) echo 5 ;; actortypes) echo 6 ;; metatechniques) echo 7 ;;
    *)
      case "$name" in
        disarm_red_framework.md) echo 8 ;; disarm_blue_framework.md) echo 9 ;;
        responsetype_index.md) echo 10 ;; detections_index.md) echo 11 ;;
        phases_index.md) echo 12 ;; tactics_index.md) echo 13 ;; techniques_index.md) echo 14 ;;
        tasks_index.md) echo 15 ;; incidents_index.md) echo 16 ;; counters_index.md) echo 17 ;;
        actortypes_index.md) echo 18 ;; metatechniques_index.md) echo 19 ;;
        tactics_by_responsetype_table.md) echo 20 ;; metatechniques_by_responsetype_table.md) echo 21 ;;
        *) echo "" ;;
      esac ;;
  esac
}
count=0
for page in ../shared/corpus/*/generated_pages/*.md ../shared/corpus/*/generated_pages/*/*.md data/*.md data/*/*.md; do
  [ -f "$page" ] || continue
  byte="$(selector "$page")"
  [ -n "$byte" ] || continue
  count=$((count + 1))
  { printf "\\$(printf '%03o' "$byte")"; cat "$page"; } >"$work/seeds/$count"
done
echo "fuzz.sh: $count seed pages; fuzzing for $seconds s" >&2

log="$work/fuzz.log"
before="$(ls "$artifacts" | wc -l)"
status=0
"$fuzzer" "$work/corpus" "$work/seeds" "$regressions" \
  -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-65536}" -timeout="${FUZZ_TIMEOUT:-20}" \
  -rss_limit_mb="${FUZZ_RSS_MB:-4096}" -artifact_prefix="$artifacts/" -print_final_stats=1 \
  -close_fd_mask=3 -dict=Fuzz/disarm.dict >"$log" 2>&1 || status=$?
tail -n 25 "$log" >&2

crashes=0
for artifact in "$artifacts"/*; do
  [ -f "$artifact" ] || continue
  name="$(basename "$artifact")"
  if [ ! -e "$regressions/$name" ]; then
    cp "$artifact" "$regressions/$name"
    echo "fuzz.sh: new failing input saved as Tests/Fixtures/FuzzRegressions/$name" >&2
  fi
done
after="$(ls "$artifacts" | wc -l)"
crashes=$((after - before))

echo "fuzz.sh: replaying Tests/Fixtures/FuzzRegressions/" >&2
replay_status=0
inputs="$(find "$regressions" -type f ! -name '*.md' | sort)"
if [ -n "$inputs" ]; then
  # shellcheck disable=SC2086
  "$fuzzer" -timeout="${FUZZ_TIMEOUT:-20}" -rss_limit_mb="${FUZZ_RSS_MB:-4096}" $inputs >"$work/replay.log" 2>&1 ||
    replay_status=$?
  if [ "$replay_status" != 0 ]; then tail -n 40 "$work/replay.log" >&2; fi
  echo "fuzz.sh: replayed $(echo "$inputs" | wc -l) inputs: $([ "$replay_status" = 0 ] && echo ok || echo FAILED)" >&2
fi

runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)"
echo "fuzz: $seconds s, ${runs:-?} runs, ${rate:-?} exec/s, $crashes crashes"
if [ "$status" != 0 ] || [ "$crashes" != 0 ] || [ "$replay_status" != 0 ]; then exit 1; fi
