#!/usr/bin/env bash
# Rebuilds the example case's posts (examples/carney-2025/posts.jsonl and posts-other.csv) from the seeded
# generator, so anyone can regenerate them and diff. watch.yaml and README.md are written by hand and kept.
#   scripts/generate-example.sh            regenerate in place
#   scripts/generate-example.sh --check    regenerate into a temporary folder and diff against the committed files
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja >/dev/null
ninja -C build vigil >/dev/null

out=examples/carney-2025
if [[ "${1:-}" == "--check" ]]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  build/apps/cli/vigil generate --seed 2025 --format both --out "$tmp"
  diff -q "$tmp/posts.jsonl" "$out/posts.jsonl"
  diff -q "$tmp/posts-other.csv" "$out/posts-other.csv"
  echo "generate-example.sh: $out matches the generator"
else
  build/apps/cli/vigil generate --seed 2025 --format both --out "$out"
fi
