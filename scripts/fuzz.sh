#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) into build-fuzz/ and runs each for a while on a copy
# of its seed corpus (docs/fuzzing.md). Exits non-zero when any target crashes, hangs or trips a sanitizer;
# the reproducer is left in build-fuzz/findings/<target>/.
#   scripts/fuzz.sh [seconds-per-target] [target...]        default 60 seconds, every target
#   scripts/fuzz.sh nightly [minutes-per-target] [target...] default 15 minutes, larger inputs, a figures table
# The corpus seeds named size-* stand for inputs of megabytes (tests/fuzz/fuzz_util.h, ExpandSizeDriven),
# so both modes reach the size limits; nightly also lets the fuzzer grow inputs itself, up to a MiB.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=quick
if [[ "${1:-}" == nightly ]]; then
  mode=nightly
  shift
  seconds=$(( ${1:-15} * 60 ))
else
  seconds="${1:-60}"
fi
shift || true
all_targets=(jsonl_reader csv_reader telegram_json crowdtangle csv_adapters wechat_html watch_config timestamp text)
targets=("${@:-${all_targets[@]}}")
dir=build-fuzz

# Largest input the fuzzer builds by mutation. Quick runs stay small so the fuzzer explores structure;
# nightly runs go large enough for long lines, dense rows and deep nesting to arise by mutation too.
max_len() {
  if [[ "$mode" == nightly ]]; then
    case "$1" in
      text|timestamp) echo 65536 ;;
      *) echo 1048576 ;;
    esac
    return
  fi
  case "$1" in
    wechat_html) echo 16384 ;;
    text|timestamp) echo 1024 ;;
    *) echo 8192 ;;
  esac
}

cmake --preset fuzz >/dev/null  # CMakePresets.json: clang, libFuzzer, ASan+UBSan, into build-fuzz
ninja -C "$dir" -j "$(nproc)" "${targets[@]/%/_fuzz}"

summary="$dir/findings/summary.md"
mkdir -p "$dir/findings"
{
  echo "| target | seconds | executions | execs/s | coverage (edges) | features | peak RSS MB | result |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
} >"$summary"

failed=()
for name in "${targets[@]}"; do
  work="$dir/fuzz-corpus/$name"
  findings="$dir/findings/$name"
  log="$dir/findings/$name.log"
  rm -rf "$work"
  mkdir -p "$work" "$findings"
  cp tests/fuzz/corpus/"$name"/* "$work"/
  echo "fuzz.sh: $name for ${seconds}s ($mode)"
  result=ok
  # The fuzzer adds what reaches new coverage to the working copy; tests/fuzz/corpus stays as committed.
  if ! "$dir/tests/fuzz/${name}_fuzz" "$work" \
      -max_total_time="$seconds" -max_len="$(max_len "$name")" -timeout=30 -rss_limit_mb=2048 \
      -artifact_prefix="$findings/" -print_final_stats=1 2>"$log"; then
    failed+=("$name")
    result=FAILED
    echo "fuzz.sh: $name FAILED, see $log and $findings/" >&2
  fi
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  coverage=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  features=$(grep -oE 'ft: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  echo "| \`$name\` | $seconds | ${executions:-?} | ${rate:-?} | ${coverage:-?} | ${features:-?} | ${rss:-?} | $result |" \
    >>"$summary"
done
cat "$summary"

if ((${#failed[@]})); then
  echo "fuzz.sh: failures in: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: all targets ran ${seconds}s without a finding"
