#!/usr/bin/env bash
# Installs every Debian 12 package Vigil needs to build, test and run. Idempotent: installs only what is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libgtest-dev libgmock-dev libbenchmark-dev
  libsimdjson-dev libicu-dev libopencc-dev opencc libigraph-dev libarpack2-dev libglpk-dev libplfit-dev libxml2-dev
  libsqlite3-dev sqlite3 libyaml-cpp-dev libcli11-dev libfmt-dev
  libxxhash-dev fasttext libfasttext-dev libgumbo-dev libcld2-dev libcsv-dev libhyperscan-dev ccache
  nlohmann-json3-dev libboost-dev libcpp-httplib-dev libpqxx-dev libpq-dev libssl-dev zlib1g-dev
  postgresql-15
  python3 python3-jsonschema python3-networkx python3-igraph libxml2-utils cmark-gfm
  clang-format
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
