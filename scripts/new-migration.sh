#!/usr/bin/env bash
# Writes a migration from the schema as last committed to the schema as edited, then applies it.
# `prisma migrate dev` cannot run here (its shadow database needs a native engine), so we diff
# datamodel to datamodel, which needs no database. Usage: npm run db:migration -- add_due_dates
set -euo pipefail
name="${1:?usage: npm run db:migration -- <snake_case_name>}"
[[ "$name" =~ ^[a-z0-9_]+$ ]] || { echo "migration name must be snake_case: $name" >&2; exit 2; }

committed=$(mktemp --suffix=.prisma)
trap 'rm -f "$committed"' EXIT
git show HEAD:prisma/schema.prisma > "$committed"

dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
sql=$(DATABASE_URL="${DATABASE_URL:-file:./data/pledgewatch.db}" npx prisma migrate diff --from-schema-datamodel "$committed" --to-schema-datamodel prisma/schema.prisma --script)
if ! grep -qv '^--\|^$' <<<"$sql"; then
  echo "schema.prisma has no changes against HEAD: no migration written"
  exit 0
fi
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
echo "wrote $dir/migration.sql"
npm run db:deploy
