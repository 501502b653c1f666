#!/usr/bin/env bash
# GET /api/health from `lianyin serve` against nginx answering the same bytes, side by side in
# one run on this machine. Each server is pinned to CPU 0 (one I/O thread / one worker process),
# wrk to CPU 1, loopback only, bounded duration. Prints both rates and the ratio.
#   bench/http.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-64}
work=$(mktemp -d /tmp/lianyin-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

build/lianyin init --db "$work/bench.db" --admin-password 'Bench-Passw0rd!' >/dev/null
taskset -c 0 build/lianyin serve --db "$work/bench.db" --port 18080 --threads 1 \
  >"$work/lianyin.log" 2>&1 &
pids+=($!)

body=$(curl -s --retry 20 --retry-connrefused --retry-delay 0 http://127.0.0.1:18080/api/health)
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
worker_cpu_affinity 01;
error_log $work/nginx/logs/error.log;
pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:18081;
    location = /api/health { default_type application/json; return 200 '$body'; }
  }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
curl -s --retry 20 --retry-connrefused --retry-delay 0 -o /dev/null http://127.0.0.1:18081/api/health

rate() {
  taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" "http://127.0.0.1:$1/api/health" |
    awk '/Requests\/sec/ {print $2}'
}
lianyin=$(rate 18080)
nginx=$(rate 18081)
echo "GET /api/health, ${seconds}s, ${connections} connections, server on CPU 0, wrk on CPU 1"
printf 'lianyin  %12.0f req/s\n' "$lianyin"
printf 'nginx    %12.0f req/s\n' "$nginx"
awk -v a="$lianyin" -v b="$nginx" 'BEGIN { printf "ratio lianyin/nginx = %.2f\n", a / b }'
