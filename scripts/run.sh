#!/usr/bin/env bash
# make run: create the demo deployment on first use, then serve it on http://127.0.0.1:PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-data/lianyin.db}
port=${2:-8080}
password_file="$(dirname "$db")/initial-admin-password"

if [[ ! -f "$db" ]]; then
  mkdir -p "$(dirname "$db")"
  umask 077
  out=$(build/lianyin init --db "$db" --demo)
  echo "$out"
  sed -n 's/^generated admin password (shown once): //p' <<<"$out" > "$password_file"
fi
echo
echo "Lianyin: open http://127.0.0.1:$port and log in as admin"
if [[ -s "$password_file" ]]; then
  echo "         with the password in $password_file (change it after the first login)"
fi
echo
exec build/lianyin serve --db "$db" --port "$port"
