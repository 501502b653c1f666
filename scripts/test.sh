#!/usr/bin/env bash
# Runs every test: C++ (CTest: unit, store conformance and API tests) on SQLite and on a
# throw-away PostgreSQL 15, then the browser tests.
#   scripts/test.sh [release|asan]   the CMake preset, built beforehand (asan: C++ tests only)
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${LIANYIN_TEST_PG:-}" ]]; then
  scripts/pg.sh start >/dev/null
  trap 'scripts/pg.sh stop >/dev/null' EXIT
  LIANYIN_TEST_PG=$(scripts/pg.sh url)
  export LIANYIN_TEST_PG
fi
echo "test: PostgreSQL at $LIANYIN_TEST_PG"

preset=${1:-release}
ctest --preset "$preset" --timeout 300
if [[ "$preset" == release ]]; then
  (cd web && npm test --silent)
fi
