#!/usr/bin/env bash
# `prisma generate` opens no database, but with DATABASE_URL unset Prisma 6 falls back to looking for
# a native engine it cannot download here. A fresh clone has no .env yet, so give it a placeholder.
set -euo pipefail
DATABASE_URL="${DATABASE_URL:-file:./data/pledgewatch.db}" exec prisma generate "$@"
