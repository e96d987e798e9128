#!/usr/bin/env bash
# Customer benchmark (issue "API platform on customers"): seeds BENCH_ROWS customers (default
# 1,000,000) into the database crm_bench with COPY, times the batch API on a sample, list pages
# (filtered, 1,000 pages deep, Chinese free text), count=true and CSV/XLSX exports, and prints the
# figures (also kept in target/bench/customers.txt).
#
#   scripts/bench/customers.sh                        # reuses crm_bench when it holds enough rows
#   BENCH_ROWS=50000 scripts/bench/customers.sh       # a quick run
#   scripts/bench/customers.sh -Dbench.reseed=true    # seed again (and so measure seeding)
#
# Other settings: -Dbench.requests=200 -Dbench.warmup=20 -Dbench.api.requests=20
# -Dbench.chunk=50000 (see CustomerBenchmark). Run it on a quiet machine: the figures are timings.
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
rm -f target/bench/customers.txt
rc=0
./mvnw -B verify -Pbench -Dtest=CustomerBenchmark -Dbench.rows="${BENCH_ROWS:-1000000}" "$@" || rc=$?
if [ -f target/bench/customers.txt ]; then
  echo
  cat target/bench/customers.txt
fi
exit "$rc"
