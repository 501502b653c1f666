#!/usr/bin/env bash
# Other users' latency while a 100 k-row import runs, on SQLite and on PostgreSQL: a demo
# deployment served by `lianyin serve`, driven by build/bench/contention_bench (issue #7).
#   bench/contention.sh [rows=100000] [clients=8] [seconds=10] [postgresql://... to add PG]
# Needs the benchmarks built: cmake --preset release -DLIANYIN_BENCH=ON && cmake --build build
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
clients=${2:-8}
seconds=${3:-10}
pg_url=${4:-}
work=$(mktemp -d /tmp/lianyin-contention.XXXXXX)
pid=
cleanup() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
password='Bench-Passw0rd!'

run() {
  local db=$1 label=$2
  build/lianyin init --db "$db" --demo --admin-password "$password" >/dev/null
  build/lianyin serve --db "$db" --port 18090 --threads 8 >"$work/serve.log" 2>&1 &
  pid=$!
  curl -s --retry 30 --retry-connrefused --retry-delay 0 -o /dev/null http://127.0.0.1:18090/api/health
  echo "== $label"
  build/bench/contention_bench 18090 "$password" "$rows" "$clients" "$seconds"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

run "$work/bench.db" "SQLite (WAL file)"
if [[ -n "$pg_url" ]]; then
  psql "$pg_url" -q -c "SET client_min_messages = warning" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null
  run "$pg_url" "PostgreSQL 15"
fi
