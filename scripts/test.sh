#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (the README's test command; CI runs it too).
#   scripts/test.sh             release build, text model training, and the whole suite
#   scripts/test.sh sanitize    the same suite under ASan+UBSan (reuses the release build's trained models)
# Both start a throwaway PostgreSQL cluster for the store tests (scripts/pg-test-cluster.sh) and stop it after.
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

# A throwaway PostgreSQL cluster for the store tests (VIGIL_TEST_PG), stopped and deleted however ctest ends.
# A VIGIL_TEST_PG already set names a server of the developer's choosing instead.
if [ -n "${VIGIL_TEST_PG:-}" ]; then
  echo "test.sh: PostgreSQL store tests use the server VIGIL_TEST_PG names"
elif pg_dir=$(scripts/pg-test-cluster.sh start); then
  trap 'scripts/pg-test-cluster.sh stop "$pg_dir"' EXIT
  eval "$(scripts/pg-test-cluster.sh env "$pg_dir")"
elif [ "${CI:-}" = true ]; then
  echo "test.sh: the PostgreSQL test cluster did not start" >&2
  exit 1
else
  echo "test.sh: the PostgreSQL test cluster did not start: the PostgreSQL store tests will skip" >&2
fi

ctest --test-dir "$dir" --output-on-failure -j "$(nproc)"
