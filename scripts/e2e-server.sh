#!/usr/bin/env bash
# Started by Playwright: a fresh database (SQLite or PostgreSQL), migrated and seeded, behind
# the production server, server.mjs (build first). E2E_KEEP_DATABASE=1 starts on the database as it is: a second
# instance of the same deployment (playwright.instances.config.ts).
set -euo pipefail
port="${1:?port}"
: "${DATABASE_URL:?DATABASE_URL must name the end-to-end database}"
[ -f .next/BUILD_ID ] || { echo "no production build: run 'npm run build' before the end-to-end tests" >&2; exit 1; }
if [ -z "${E2E_KEEP_DATABASE:-}" ]; then
  # Empties the database (SQLite: deletes the file; PostgreSQL: drops the schema), migrates, seeds.
  npm run --silent db:reset
  # One account per role for the end-to-end tests (tests/e2e/support/users.ts).
  ACCOUNT_PASSWORD=e2e-admin-password npm run --silent account -- create --role admin --email admin@e2e.test --name "Erin Admin"
  ACCOUNT_PASSWORD=e2e-analyst-password npm run --silent account -- create --role analyst --email analyst@e2e.test --name "Ada Analyst"
  ACCOUNT_PASSWORD=e2e-viewer-password npm run --silent account -- create --role viewer --email viewer@e2e.test --name "Vic Viewer"
fi
exec node server.mjs --hostname 127.0.0.1 --port "$port"
