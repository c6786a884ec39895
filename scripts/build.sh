#!/usr/bin/env bash
# Installs what is missing, configures and builds Vigil.
#   scripts/build.sh            release build in build/
#   scripts/build.sh sanitize   ASan+UBSan debug build in build-sanitize/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

mode="${1:-release}"
case "$mode" in
  release)  dir=build;          preset=release ;;
  sanitize) dir=build-sanitize; preset=sanitize ;;
  *) echo "usage: scripts/build.sh [release|sanitize]" >&2; exit 2 ;;
esac

# The presets (CMakePresets.json) hold the flags, -Werror included: a warning fails the build here and in CI.
cmake --preset "$preset" >/dev/null
cmake --build "$dir" -j "$(nproc)"
echo "build.sh: built $mode into $dir/"
