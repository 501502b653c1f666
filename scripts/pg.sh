#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for tests.
#
#   scripts/pg.sh start   initialise (first time) and start; idempotent; prints the URL
#   scripts/pg.sh url     prints the URL
#   scripts/pg.sh stop    stops the cluster and removes its directory
#
# Data and socket live under ${LIANYIN_PG_DIR:-/tmp/lianyin-pg}; port ${LIANYIN_PG_PORT:-55432}.
# As root the cluster runs as user `postgres` (initdb refuses root). Debian's own cluster is
# never touched.
#
#   LIANYIN_TEST_PG=$(scripts/pg.sh start) ctest --test-dir build
set -euo pipefail

PG_BIN=${LIANYIN_PG_BIN:-/usr/lib/postgresql/15/bin}
BASE=${LIANYIN_PG_DIR:-/tmp/lianyin-pg}
PORT=${LIANYIN_PG_PORT:-55432}
DATA="$BASE/data"
SOCK="$BASE/socket"
LOG="$BASE/server.log"
DBNAME=lianyin_test

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

url() {
  echo "postgresql://postgres@127.0.0.1:$PORT/$DBNAME"
}

running() {
  [[ -f "$DATA/PG_VERSION" ]] && as_owner "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

init_cluster() {
  mkdir -p "$BASE" "$SOCK"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$BASE" "$SOCK"
  fi
  as_owner "$PG_BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$BASE/initdb.log" 2>&1 || { cat "$BASE/initdb.log" >&2; exit 1; }
}

start() {
  if running; then
    url
    return
  fi
  [[ -f "$DATA/PG_VERSION" ]] || init_cluster
  as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
    -o "-p $PORT -k $SOCK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$LOG" >&2; exit 1; }
  local exists
  exists=$(as_owner "$PG_BIN/psql" -h "$SOCK" -p "$PORT" -U postgres -d postgres -Atqc \
    "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'")
  if [[ "$exists" != 1 ]]; then
    as_owner "$PG_BIN/psql" -h "$SOCK" -p "$PORT" -U postgres -d postgres -qc \
      "CREATE DATABASE $DBNAME" >/dev/null
  fi
  url
}

stop() {
  if running; then
    as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
  fi
  rm -rf "$BASE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
