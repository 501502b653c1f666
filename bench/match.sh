#!/usr/bin/env bash
# The optimal matching (issue #10): Match() end to end against LEMON alone on 100 k demands ×
# 10 k resources (~1 M arcs), then against networkx.network_simplex on a ~200 k-arc instance,
# checking that the optima agree. Each side runs pinned to one CPU (taskset), one after the other.
#   bench/match.sh [runs=5] [cpu=1] [bench binary=build/bench/match_bench]
# Needs the bench built: cmake --preset release -DLIANYIN_BENCH=ON &&
#   cmake --build build -j2 --target match_bench; and python3-networkx (scripts/deps.sh bench).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cpu=${2:-1}
bench=${3:-build/bench/match_bench}
work=$(mktemp -d /tmp/lianyin-match.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg), pinned to CPU $cpu"
taskset -c "$cpu" "$bench" 100000 10000 "$runs" "$work/networkx.txt" | tee "$work/bench.out"
taskset -c "$cpu" python3 bench/match_networkx.py "$work/networkx.txt" | tee "$work/networkx.out"

ours=$(sed -n 's/^networkx instance, match::Match() \([0-9.]*\) s: matched \([0-9]*\) cost \([0-9]*\)$/\1 \2 \3/p' "$work/bench.out")
theirs=$(sed -n 's/^networkx: seconds \([0-9.]*\) matched \([0-9]*\) cost \([0-9]*\)$/\1 \2 \3/p' "$work/networkx.out")
read -r our_s our_m our_c <<<"$ours"
read -r nx_s nx_m nx_c <<<"$theirs"
if [[ "$our_m $our_c" != "$nx_m $nx_c" ]]; then
  echo "MISMATCH: Match() $our_m persons / $our_c fen, networkx $nx_m / $nx_c" >&2
  exit 1
fi
echo "optima agree ($our_m persons, $our_c fen); networkx / Match() = $(python3 -c "print(f'{$nx_s / $our_s:.0f}')")x"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
