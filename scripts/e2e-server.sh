#!/usr/bin/env bash
# Started by Playwright: a fresh database, migrated and seeded, behind `next start` (build first).
set -euo pipefail
port="${1:?port}"
: "${DATABASE_URL:?DATABASE_URL must name the end-to-end database}"
file="${DATABASE_URL#file:}"
rm -f "$file" "$file-wal" "$file-shm" "$file-journal"
npm run --silent db:deploy
npm run --silent db:seed
[ -f .next/BUILD_ID ] || { echo "no production build: run 'npm run build' before the end-to-end tests" >&2; exit 1; }
exec npx next start --hostname 127.0.0.1 --port "$port"
