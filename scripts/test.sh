#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (the README's test command; CI runs it too).
#   scripts/test.sh             release build, text model training, and the whole suite
#   scripts/test.sh sanitize    the same suite under ASan+UBSan (reuses the release build's trained models)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-release}"
scripts/build.sh "$mode"
dir=build; [ "$mode" = sanitize ] && dir=build-sanitize
export VIGIL_SHARED_DATA="${VIGIL_SHARED_DATA:-$(cd .. && pwd)/shared/data}"

# The text models are a reproducible build step from the shared labelled data (a few minutes on 2 cores).
if [ "$mode" = release ]; then
  if [ -d "$VIGIL_SHARED_DATA" ]; then
    cmake --build build --target vigil_models
  else
    echo "test.sh: $VIGIL_SHARED_DATA not found: text models not trained, their tests will skip"
  fi
elif [ -f build/models/zh_sentiment.bin ]; then
  export VIGIL_MODEL_DIR="$PWD/build/models"
fi

ctest --test-dir "$dir" --output-on-failure -j "$(nproc)"
