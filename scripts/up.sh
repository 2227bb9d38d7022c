#!/usr/bin/env bash
# One command from a fresh clone to a running Pledgewatch on its embedded SQLite database:
# install, migrate, seed, build, start. Safe to run again: the seed never overwrites existing data.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .env ] || cp .env.example .env
# A session secret of this installation's own, made once.
grep -q '^BETTER_AUTH_SECRET=.' .env || echo "BETTER_AUTH_SECRET=$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64url"))')" >> .env
npm ci
npm run db:deploy
npm run db:seed
npm run build
echo "Pledgewatch: http://localhost:${PORT:-3000} (on first start, the admin's password appears below)"
exec node server.mjs --port "${PORT:-3000}"
