#!/usr/bin/env bash
# Every check CI runs, in the order that fails fastest: lint, format, types, unit and database
# tests, the production build, the end-to-end suite in Debian's Chromium; then the database tests,
# the end-to-end suite and the two-instance tests again on PostgreSQL (scripts/local-postgres.sh
# installs and starts Debian's server when TEST_POSTGRES_URL names none).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

[ -d node_modules ] || npm ci

# The end-to-end tests need Chromium (browser and PDF printer), and read exports back with
# pdftotext, LibreOffice, unzip, xmllint and feedparser (the feeds' readers): install Debian's packages when they are missing and we may.
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v soffice >/dev/null || missing+=(libreoffice-calc-nogui)
command -v unzip >/dev/null || missing+=(unzip)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
/usr/bin/python3 -c "import feedparser" 2>/dev/null || missing+=(python3-feedparser)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing what the end-to-end tests need: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The end-to-end tests need: ${missing[*]} (sudo apt-get install ${missing[*]}; or set CHROMIUM_PATH)" >&2
    exit 1
  fi
fi

step() { printf '\n== %s\n' "$1"; }
step "lint";        npm run --silent lint
step "dead exports"; npm run --silent lint:exports
step "format";      npm run --silent format:check
step "typecheck";   npm run --silent typecheck
step "unit and database tests"; npm run --silent test
step "build";       npm run --silent build
step "end-to-end tests"; npm run --silent test:e2e

postgres_url="$(bash scripts/local-postgres.sh)"
export TEST_POSTGRES_URL="$postgres_url"
database_on() { node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.href)' "$postgres_url" "$1"; }
step "database tests on PostgreSQL"; npm run --silent test:postgresql
step "end-to-end tests on PostgreSQL"; E2E_DATABASE_URL="$(database_on pledgewatch_e2e)" npm run --silent test:e2e
step "two instances on one PostgreSQL"; E2E_DATABASE_URL="$(database_on pledgewatch_instances)" npm run --silent test:instances
