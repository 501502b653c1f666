#!/usr/bin/env bash
# Runs every test: C++ (CTest: unit, store conformance and API tests) on SQLite and on a
# throw-away PostgreSQL 15, then the browser tests. Expects `make build` to have run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${LIANYIN_TEST_PG:-}" ]]; then
  scripts/pg.sh start >/dev/null
  trap 'scripts/pg.sh stop >/dev/null' EXIT
  LIANYIN_TEST_PG=$(scripts/pg.sh url)
  export LIANYIN_TEST_PG
fi
echo "test: PostgreSQL at $LIANYIN_TEST_PG"

ctest --preset release --timeout 300
(cd web && npm test --silent)
