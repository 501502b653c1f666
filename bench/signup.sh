#!/usr/bin/env bash
# Sign-ups and check-ins at one hot event through the API (issue #11): SQLite (a fresh file) and
# PostgreSQL (a fresh database on scripts/pg.sh's cluster) one after the other, each against a
# bare conditional UPDATE / INSERT loop on the same engine (bench/signup_bench.cpp says what is
# measured). The server's access log is left out of the output.
#   bench/signup.sh [workers=1000] [clients=50] [bench binary=build/bench/signup_bench]
# Needs the bench built: cmake --preset release -DLIANYIN_BENCH=ON &&
#   cmake --build build -j2 --target signup_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
workers=${1:-1000}
clients=${2:-50}
bench=${3:-build/bench/signup_bench}
work=$(mktemp -d /tmp/lianyin-signup.XXXXXX)
trap 'rm -rf "$work"' EXIT

scripts/pg.sh start >/dev/null
pg_server=$(scripts/pg.sh url)
pg_server=${pg_server%/*}
psql -q "$pg_server/postgres" -c "DROP DATABASE IF EXISTS lianyin_signup_bench" \
  -c "CREATE DATABASE lianyin_signup_bench" 2>/dev/null

echo "nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)"
results() { grep -v '\] \[access\] \['; }  # the access log (on stdout, as with serve) aside
"$bench" "$work/bench.db" "$workers" "$clients" 2>"$work/sqlite.log" | results
"$bench" "$pg_server/lianyin_signup_bench" "$workers" "$clients" 2>"$work/pg.log" | results |
  tail -n +2
grep -h "^setup" "$work/sqlite.log" "$work/pg.log"
psql -q "$pg_server/postgres" -c "DROP DATABASE lianyin_signup_bench"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
