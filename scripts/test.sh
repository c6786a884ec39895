#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (the README's test command; CI runs it too).
#   scripts/test.sh             release build and the whole suite
#   scripts/test.sh sanitize    the same suite under ASan+UBSan
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-release}"
scripts/build.sh "$mode"
dir=build; [ "$mode" = sanitize ] && dir=build-sanitize
export VIGIL_SHARED_DATA="${VIGIL_SHARED_DATA:-$(cd .. && pwd)/shared/data}"
ctest --test-dir "$dir" --output-on-failure -j "$(nproc)"
