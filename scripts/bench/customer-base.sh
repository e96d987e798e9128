#!/usr/bin/env bash
# Customer-base benchmark (issue 13): a customer's timeline with 10,000 entries paged by its owner
# (p50/p95/p99 per page), and the public pool's return preview over every seeded customer
# (1,000,000, governed by one pool), on the database crm_bench (seeded by COPY when it lacks the
# rows, as scripts/bench/customers.sh does). Prints the figures and keeps them in
# target/bench/customer-base.txt. Everything it adds to crm_bench is removed afterwards.
#
#   scripts/bench/customer-base.sh
#   BENCH_ROWS=200000 scripts/bench/customer-base.sh -Dbench.timeline.items=10000 -Dbench.requests=200
#
# Run it on a quiet machine: the figures are timings.
set -euo pipefail
LOG_TAG=bench
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

BENCH_DB=crm_bench

"$ROOT/scripts/postgres.sh" up
"$ROOT/scripts/keycloak.sh" up

# crm_bench is the benchmark's own database (postgres.sh makes only crm and crm_test): creating it
# needs the superuser; pg_trgm is a trusted extension its owner creates (migration V5).
DB_PORT="${CRM_DB_PORT:-5432}"
DB_USER="${CRM_DB_USER:-crm}"
bench_db_exists() {
  PGPASSWORD="${CRM_DB_PASSWORD:-crm}" psql -X -q -At -h "${CRM_DB_HOST:-127.0.0.1}" -p "$DB_PORT" \
    -U "$DB_USER" -d "$BENCH_DB" -c 'SELECT 1' >/dev/null 2>&1
}
if ! bench_db_exists; then
  log "creating database $BENCH_DB (owner $DB_USER)"
  if is_root; then
    (cd / && runuser -u postgres -- createdb -p "$DB_PORT" -O "$DB_USER" -E UTF8 -T template0 "$BENCH_DB")
  elif [ "$(id -un)" = postgres ]; then
    createdb -p "$DB_PORT" -O "$DB_USER" -E UTF8 -T template0 "$BENCH_DB"
  else
    die "database $BENCH_DB is missing; create it as the PostgreSQL superuser: createdb -O $DB_USER -E UTF8 -T template0 $BENCH_DB"
  fi
fi

cd "$ROOT"
rm -f target/bench/customer-base.txt
rc=0
./mvnw -B verify -Pbench -Dtest=CustomerBaseBenchmark -Dbench.rows="${BENCH_ROWS:-1000000}" "$@" || rc=$?
if [ -f target/bench/customer-base.txt ]; then
  echo
  cat target/bench/customer-base.txt
fi
exit "$rc"
