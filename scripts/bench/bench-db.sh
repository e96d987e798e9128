#!/usr/bin/env bash
# Runs one benchmark class of the bench profile on the database crm_bench (created here when
# missing; postgres.sh makes only crm and crm_test), with PostgreSQL and Keycloak started, and
# prints its figures file. Sourced by customers.sh and customer-base.sh:
#
#   run_bench <BenchmarkClass> <figures file under target/bench> [maven arguments...]
set -euo pipefail
LOG_TAG=bench
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

BENCH_DB=crm_bench

run_bench() {
  local test="$1" figures="$2"
  shift 2
  "$ROOT/scripts/postgres.sh" up
  "$ROOT/scripts/keycloak.sh" up
  # Creating the database needs the superuser; pg_trgm is a trusted extension its owner creates
  # (migration V5).
  local port="${CRM_DB_PORT:-5432}" user="${CRM_DB_USER:-crm}"
  if ! PGPASSWORD="${CRM_DB_PASSWORD:-crm}" psql -X -q -At -h "${CRM_DB_HOST:-127.0.0.1}" \
    -p "$port" -U "$user" -d "$BENCH_DB" -c 'SELECT 1' >/dev/null 2>&1; then
    log "creating database $BENCH_DB (owner $user)"
    if is_root; then
      (cd / && runuser -u postgres -- createdb -p "$port" -O "$user" -E UTF8 -T template0 "$BENCH_DB")
    elif [ "$(id -un)" = postgres ]; then
      createdb -p "$port" -O "$user" -E UTF8 -T template0 "$BENCH_DB"
    else
      die "database $BENCH_DB is missing; create it as the PostgreSQL superuser: createdb -O $user -E UTF8 -T template0 $BENCH_DB"
    fi
  fi
  cd "$ROOT"
  rm -f "target/bench/$figures"
  local rc=0
  ./mvnw -B verify -Pbench -Dtest="$test" -Dbench.rows="${BENCH_ROWS:-1000000}" "$@" || rc=$?
  if [ -f "target/bench/$figures" ]; then
    echo
    cat "target/bench/$figures"
  fi
  return "$rc"
}
