#!/usr/bin/env bash
# Generates both Prisma clients: SQLite (prisma/schema.prisma, the embedded default) and PostgreSQL
# (prisma/postgresql/schema.prisma, for several instances); the app picks one from DATABASE_URL.
# `prisma generate` opens no database, but without a DATABASE_URL of the schema's own kind Prisma 6
# falls back to looking for a native engine it cannot download here: give each a placeholder.
set -euo pipefail
sqlite_url="file:./data/pledgewatch.db"
postgresql_url="postgresql://placeholder@localhost:5432/placeholder"
case "${DATABASE_URL:-}" in
  file:*) sqlite_url="$DATABASE_URL" ;;
  postgres*) postgresql_url="$DATABASE_URL" ;;
esac
DATABASE_URL="$sqlite_url" prisma generate "$@"
DATABASE_URL="$postgresql_url" prisma generate --config prisma/postgresql/prisma.config.ts "$@"
