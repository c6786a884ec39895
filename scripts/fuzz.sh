#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) into build-fuzz/ and runs each for a while on a copy
# of its seed corpus (docs/fuzzing.md). Exits non-zero when any target crashes, hangs or trips a sanitizer;
# the reproducer is left in build-fuzz/findings/<target>/.
#   scripts/fuzz.sh [seconds-per-target] [target...]     default 60 seconds, every target
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
all_targets=(jsonl_reader csv_reader telegram_json crowdtangle csv_adapters wechat_html watch_config timestamp text)
targets=("${@:-${all_targets[@]}}")
dir=build-fuzz

# Largest input each target is fed: big enough for several records or a small page, small enough that
# the fuzzer explores structure rather than size.
max_len() {
  case "$1" in
    wechat_html) echo 16384 ;;
    text|timestamp) echo 1024 ;;
    *) echo 8192 ;;
  esac
}

CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVIGIL_FUZZ=ON \
  -DVIGIL_BUILD_TESTS=OFF -DVIGIL_BUILD_BENCH=OFF >/dev/null
ninja -C "$dir" -j "$(nproc)" "${targets[@]/%/_fuzz}"

failed=()
for name in "${targets[@]}"; do
  work="$dir/fuzz-corpus/$name"
  findings="$dir/findings/$name"
  rm -rf "$work"
  mkdir -p "$work" "$findings"
  cp tests/fuzz/corpus/"$name"/* "$work"/
  echo "fuzz.sh: $name for ${seconds}s"
  # The fuzzer adds what reaches new coverage to the working copy; tests/fuzz/corpus stays as committed.
  if ! "$dir/tests/fuzz/${name}_fuzz" "$work" \
      -max_total_time="$seconds" -max_len="$(max_len "$name")" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$findings/" -print_final_stats=1 2>"$dir/findings/$name.log"; then
    failed+=("$name")
    echo "fuzz.sh: $name FAILED, see $dir/findings/$name.log and $findings/" >&2
  fi
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$dir/findings/$name.log" || true
done

if ((${#failed[@]})); then
  echo "fuzz.sh: failures in: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: all targets ran ${seconds}s without a finding"
