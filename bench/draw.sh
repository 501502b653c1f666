#!/usr/bin/env bash
# The double-random draw against SQLite's ORDER BY random() LIMIT on the same rows (issue #12;
# bench/draw_bench.cpp says what is measured), one run, figures for docs/BENCHMARKS.md.
#   bench/draw.sh [orgs=10000000] [k=1000] [bench binary=build/bench/draw_bench]
# Needs the bench built: cmake --preset release -DLIANYIN_BENCH=ON &&
#   cmake --build build -j2 --target draw_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
orgs=${1:-10000000}
k=${2:-1000}
bench=${3:-build/bench/draw_bench}
work=$(mktemp -d /tmp/lianyin-draw.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$bench" "$orgs" "$k" "$work/draw.db"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
