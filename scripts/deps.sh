#!/usr/bin/env bash
# Installs what Lianyin needs to build, test and run on Debian 12, and only what is missing.
# Idempotent: a second run on a ready machine does nothing but check.
#   scripts/deps.sh          build + test + run dependencies (C++ and web)
#   scripts/deps.sh bench    also the benchmark tools (wrk, nginx, networkx for bench/match.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build ccache pkg-config make git
  # Boost 1.81 by its versioned names: the unversioned libboost-*-dev pull 1.74, which conflicts.
  libboost1.81-dev libboost-system1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libpq-dev postgresql-15 liblemon-dev libargon2-dev libssl-dev
  libfmt-dev libspdlog-dev libcli11-dev libxlsxwriter-dev zlib1g-dev libexpat1-dev
  # The booklet PDF (src/booklet): Pango over Cairo, and poppler-utils for its tests.
  libpango1.0-dev libcairo2-dev poppler-utils
  # The check-in QR code (src/qr).
  libqrencode-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  chromium fonts-noto-cjk
)
if [[ "${1:-}" == bench ]]; then packages+=(wrk nginx-light curl python3-networkx); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  # 1.74 development headers conflict with 1.81; remove them if a previous set-up pulled them in.
  conflicting=$(dpkg-query -W -f='${Package} ${Status}\n' 'libboost*1.74-dev' 2>/dev/null \
                  | awk '/install ok installed/ {print $1}' || true)
  if [[ -n "$conflicting" ]]; then
    "${sudo[@]}" apt-get remove -y $conflicting libboost-dev 2>/dev/null || true
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "deps: system packages present"
fi

# Node.js: the machine's Node 20 (Debian's nodejs 18 is too old for Vite 8).
if ! command -v node >/dev/null || [[ $(node -p 'process.versions.node.split(".")[0]') -lt 20 ]]; then
  echo "deps: Node.js >= 20 is required (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi
if [[ -f web/package-lock.json ]]; then
  stamp=web/node_modules/.lianyin-lock
  if [[ ! -f $stamp ]] || ! cmp -s web/package-lock.json "$stamp"; then
    echo "deps: npm ci in web/"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
    cp web/package-lock.json "$stamp"
  else
    echo "deps: web/node_modules up to date"
  fi
fi
