#!/usr/bin/env bash
# lianyin serve against nginx answering the same bytes, side by side in one run on this machine:
# GET /api/health, and, logged in as the demo administrator, GET /api/v1/orgs?page_size=20 (a
# list page) and GET /api/v1/orgs/ID (one record). Each server is pinned to CPU 0 (lianyin:
# `--threads 1`, one thread that reads each request, runs its handler and writes an access-log
# line; nginx: one worker process, access_log off), wrk (1 thread) to
# CPU 1 under /usr/bin/time, whose CPU share shows whether wrk itself was the bottleneck.
# Loopback only, bounded durations. Prints the rates and the ratio per endpoint.
#   bench/http.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-64}
work=$(mktemp -d /tmp/lianyin-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
password='Bench-Passw0rd!'

build/lianyin init --db "$work/bench.db" --demo --admin-password "$password" >/dev/null
taskset -c 0 build/lianyin serve --db "$work/bench.db" --port 18080 --threads 1 \
  >"$work/lianyin.log" 2>&1 &
pids+=($!)
curl -s --retry 20 --retry-connrefused --retry-delay 0 -o /dev/null http://127.0.0.1:18080/api/health
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" http://127.0.0.1:18080/api/v1/auth/login |
  sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p')
one_id=$(curl -s -H "Cookie: $cookie" 'http://127.0.0.1:18080/api/v1/orgs?page_size=1' |
  sed -n 's/^{"items":\[{"id":\([0-9]*\).*/\1/p')

# nginx serves the very bytes lianyin answered, as static files.
mkdir -p "$work/nginx/logs" "$work/nginx/root/api/v1/orgs"
curl -s http://127.0.0.1:18080/api/health >"$work/nginx/root/health.json"
curl -s -H "Cookie: $cookie" 'http://127.0.0.1:18080/api/v1/orgs?page_size=20' >"$work/nginx/root/list.json"
curl -s -H "Cookie: $cookie" "http://127.0.0.1:18080/api/v1/orgs/$one_id" >"$work/nginx/root/one.json"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
worker_cpu_affinity 01;
error_log $work/nginx/logs/error.log;
pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  server {
    listen 127.0.0.1:18081;
    root $work/nginx/root;
    location = /api/health { try_files /health.json =404; }
    location = /api/v1/orgs { try_files /list.json =404; }
    location ~ ^/api/v1/orgs/[0-9]+$ { try_files /one.json =404; }
  }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
curl -s --retry 20 --retry-connrefused --retry-delay 0 -o /dev/null http://127.0.0.1:18081/api/health

# Prints "<requests/s> <wrk CPU %>".
rate() {
  local url=$1
  local out
  out=$( { /usr/bin/time -f 'cpu %P' taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" \
           -H "Cookie: $cookie" "$url"; } 2>&1 )
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '/^cpu/ {print $2}' <<<"$out")"
}

echo "${seconds}s, ${connections} connections, server on CPU 0, wrk on CPU 1"
printf '%-32s %10s %6s %10s %6s %6s %8s\n' endpoint lianyin wrk nginx wrk ratio bytes
for path in /api/health "/api/v1/orgs?page_size=20" "/api/v1/orgs/$one_id"; do
  read -r a a_cpu < <(rate "http://127.0.0.1:18080$path")
  read -r b b_cpu < <(rate "http://127.0.0.1:18081${path%%\?*}")
  bytes=$(curl -s -H "Cookie: $cookie" "http://127.0.0.1:18080$path" | wc -c)
  printf '%-32s %10.0f %6s %10.0f %6s %6.2f %8s\n' "$path" "$a" "$a_cpu" "$b" "$b_cpu" \
    "$(awk -v a="$a" -v b="$b" 'BEGIN { print a / b }')" "$bytes"
done
