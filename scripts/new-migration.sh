#!/usr/bin/env bash
# Writes a migration from the schemas as last committed to the schemas as edited, for SQLite and for
# PostgreSQL under the same name, then applies the SQLite one. Edit both schema files the same way
# (prisma/schema-lockstep.test.ts checks). `prisma migrate dev` cannot run here (its shadow database
# needs a native engine), so we diff datamodel to datamodel. The PostgreSQL diff needs a server to
# connect to (its config has the pg adapter): MIGRATION_POSTGRES_URL, or the tests' local one.
# Triggers are not in the schema: port any SQLite trigger change to PL/pgSQL by hand.
# Usage: npm run db:migration -- add_due_dates
set -euo pipefail
name="${1:?usage: npm run db:migration -- <snake_case_name>}"
[[ "$name" =~ ^[a-z0-9_]+$ ]] || { echo "migration name must be snake_case: $name" >&2; exit 2; }
stamp="$(date -u +%Y%m%d%H%M%S)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# diff KIND CONFIG SCHEMA URL → the SQL from the committed schema to the edited one
diff_schema() {
  git show "HEAD:$3" > "$tmp/$1.prisma"
  DATABASE_URL="$4" npx prisma migrate diff --config "$2" --from-schema-datamodel "$tmp/$1.prisma" \
    --to-schema-datamodel "$3" --script
}
has_changes() { grep -qv '^--\|^$' <<<"$1"; }

sqlite=$(diff_schema sqlite prisma.config.ts prisma/schema.prisma "${DATABASE_URL:-file:./data/pledgewatch.db}")
postgres_url="${MIGRATION_POSTGRES_URL:-$(bash scripts/local-postgres.sh)}"
postgresql=$(diff_schema postgresql prisma/postgresql/prisma.config.ts prisma/postgresql/schema.prisma "$postgres_url")
if ! has_changes "$sqlite" && ! has_changes "$postgresql"; then
  echo "neither schema has changes against HEAD: no migration written"
  exit 0
fi
if ! has_changes "$sqlite" || ! has_changes "$postgresql"; then
  echo "only one of prisma/schema.prisma and prisma/postgresql/schema.prisma changed: edit both the same way" >&2
  exit 1
fi
for kind in sqlite postgresql; do
  dir="prisma/migrations/${stamp}_${name}"
  [ "$kind" = postgresql ] && dir="prisma/postgresql/migrations/${stamp}_${name}"
  mkdir -p "$dir"
  if [ "$kind" = sqlite ]; then printf '%s\n' "$sqlite" > "$dir/migration.sql"; else printf '%s\n' "$postgresql" > "$dir/migration.sql"; fi
  echo "wrote $dir/migration.sql"
done
npm run db:deploy
