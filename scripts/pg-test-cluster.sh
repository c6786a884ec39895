#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, postgres on its own loopback port
# (its unix socket in the same folder), one UTF-8 database, a random password. No system-wide server is used.
#   scripts/pg-test-cluster.sh start       starts a cluster and prints its folder
#   scripts/pg-test-cluster.sh env DIR     prints `export VIGIL_TEST_PG='<libpq connection string>'`
#   scripts/pg-test-cluster.sh stop DIR    stops the server and deletes the folder
# As root, initdb and postgres run as the `postgres` user (or `nobody`), which owns the folder.
set -euo pipefail

readonly MARKER=vigil-pg-test-cluster   # only folders holding this file are ever deleted
readonly DATABASE=vigil_test
readonly ROLE=vigil
readonly START_TIMEOUT_S=60
readonly PORT_TRIES=5

usage() { echo "usage: scripts/pg-test-cluster.sh start | env DIR | stop DIR" >&2; exit 2; }

# Debian keeps the server binaries out of PATH, one folder per major version: take the newest.
pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  dir=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
  [ -x "$dir/initdb" ] || { echo "pg-test-cluster: initdb not found (scripts/install-deps.sh installs postgresql-15)" >&2; exit 1; }
  echo "$dir"
}

# The server refuses to run as root: use an unprivileged account then.
cluster_owner() {
  if [ "$(id -u)" -ne 0 ]; then id -un; elif id postgres >/dev/null 2>&1; then echo postgres; else echo nobody; fi
}

as_owner() {
  local owner=$1; shift
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

conninfo() {
  local dir=$1
  echo "host=127.0.0.1 port=$(cat "$dir/port") dbname=$DATABASE user=$ROLE password=$(cat "$dir/password")"
}

# Leaves nothing behind: the half-started server stopped, the folder deleted.
fail_start() {
  local dir=$1; shift
  echo "pg-test-cluster: $*" >&2
  stop "$dir" >/dev/null 2>&1 || true
  exit 1
}

start() {
  local bindir owner dir port
  bindir=$(pg_bindir)
  owner=$(cluster_owner)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/vigil-pg.XXXXXX")
  touch "$dir/$MARKER"
  trap 'fail_start "$dir" "a step failed"' ERR
  od -An -N16 -tx1 /dev/urandom | tr -d ' \n' > "$dir/password"
  chmod 600 "$dir/password"
  if [ "$(id -u)" -eq 0 ]; then chown -R "$owner" "$dir"; fi
  cd "$dir"  # the owner may not be allowed into the caller's folder
  as_owner "$owner" "$bindir/initdb" -D "$dir/data" -U "$ROLE" --pwfile="$dir/password" --auth=scram-sha-256 \
    --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || fail_start "$dir" "initdb failed: $(cat "$dir/initdb.log")"
  for _ in $(seq "$PORT_TRIES"); do
    port=$(free_port)
    if as_owner "$owner" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t "$START_TIMEOUT_S" \
         -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir" start >/dev/null; then
      echo "$port" > "$dir/port"
      break
    fi
  done
  [ -f "$dir/port" ] || fail_start "$dir" "postgres did not start: $(cat "$dir/server.log")"
  PGPASSWORD=$(cat "$dir/password") "$bindir/psql" -q -h 127.0.0.1 -p "$port" -U "$ROLE" -d postgres \
    -c "CREATE DATABASE $DATABASE ENCODING 'UTF8' TEMPLATE template0" >/dev/null
  # amcheck lets the store's integrity check verify its indexes (PostgresStore::CheckIntegrity).
  PGPASSWORD=$(cat "$dir/password") "$bindir/psql" -q -h 127.0.0.1 -p "$port" -U "$ROLE" -d "$DATABASE" \
    -c "CREATE EXTENSION amcheck" >/dev/null
  trap - ERR
  echo "$dir"
}

stop() {
  local dir=$1 bindir owner
  [ -f "$dir/$MARKER" ] || { echo "pg-test-cluster: $dir is not a test cluster folder" >&2; exit 1; }
  bindir=$(pg_bindir)
  owner=$(stat -c %U "$dir/data" 2>/dev/null || cluster_owner)
  if [ -f "$dir/data/postmaster.pid" ]; then
    (cd "$dir" && as_owner "$owner" "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null) || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) [ $# -eq 1 ] || usage; start ;;
  env)   [ $# -eq 2 ] || usage; echo "export VIGIL_TEST_PG='$(conninfo "$2")'" ;;
  stop)  [ $# -eq 2 ] || usage; stop "$2" ;;
  *) usage ;;
esac
