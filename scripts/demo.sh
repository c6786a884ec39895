#!/usr/bin/env bash
# Installs what is missing, builds, and runs Vigil end to end on the built-in example case
# (SQLite store, examples/carney-2025). Prints where the report is.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh release
build/apps/cli/vigil demo --out "${1:-vigil-out}"
