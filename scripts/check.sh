#!/usr/bin/env bash
# Every check CI runs, in the order that fails fastest: lint, format, types, unit and database
# tests, the production build, then the end-to-end suite in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

[ -d node_modules ] || npm ci

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Chromium is missing: installing Debian's chromium for the end-to-end tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The end-to-end tests need Chromium at $chromium: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH)" >&2
    exit 1
  fi
fi

step() { printf '\n== %s\n' "$1"; }
step "lint";        npm run --silent lint
step "format";      npm run --silent format:check
step "typecheck";   npm run --silent typecheck
step "unit and database tests"; npm run --silent test
step "build";       npm run --silent build
step "end-to-end tests"; npm run --silent test:e2e
