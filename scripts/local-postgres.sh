#!/usr/bin/env bash
# Prints the URL of a PostgreSQL server the tests may create databases on. Uses TEST_POSTGRES_URL
# when set; otherwise this machine's Debian cluster, installed (apt) and started when missing, with
# a role of the tests' own. Messages go to stderr, the URL alone to stdout.
set -euo pipefail
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "$TEST_POSTGRES_URL"
  exit 0
fi
if ! command -v pg_ctlcluster >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing PostgreSQL (Debian's postgresql package)" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "The PostgreSQL tests need a server: sudo apt-get install postgresql, or set TEST_POSTGRES_URL" >&2
    exit 1
  fi
fi
cluster=$(pg_lsclusters --no-header | awk 'NR == 1 { print $1 " " $2 }')
[ -n "$cluster" ] || { echo "No PostgreSQL cluster: pg_createcluster 15 main" >&2; exit 1; }
# shellcheck disable=SC2086 # "version name"
if ! pg_lsclusters --no-header | awk 'NR == 1 { exit $4 == "online" ? 0 : 1 }'; then
  pg_ctlcluster $cluster start >&2
fi
port=$(pg_lsclusters --no-header | awk 'NR == 1 { print $3 }')
run_psql() { if [ "$(id -u)" = 0 ]; then su postgres -c "psql -p $port -qtAc \"$1\""; else psql -p "$port" -qtAc "$1"; fi; }
if [ "$(run_psql "SELECT 1 FROM pg_roles WHERE rolname = 'pledgewatch_test'")" != 1 ]; then
  run_psql "CREATE ROLE pledgewatch_test LOGIN CREATEDB PASSWORD 'pledgewatch_test'" >&2
fi
# Lets the tests drop their databases even while autovacuum works in them.
run_psql "GRANT pg_signal_backend TO pledgewatch_test" >&2
echo "postgresql://pledgewatch_test:pledgewatch_test@127.0.0.1:$port/postgres"
