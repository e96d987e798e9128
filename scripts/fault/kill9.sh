#!/usr/bin/env bash
# Fault test (issue 12): the service killed with kill -9 twice while a client streams acknowledged
# creates, retried with their Idempotency-Keys. Afterwards every acknowledged create is present
# exactly once and nothing was created twice; prints how long retries of keys that were in flight
# when the process died had to wait (they are released when the dead process's presence lapses,
# crm.presence.lease, not after the five-minute in-flight timeout). One command, not part of the
# test run:
#
#   scripts/fault/kill9.sh                      # 2,000 creates, 8 client threads, 2 kills
#   FAULT_COUNT=500 FAULT_KILLS=1 scripts/fault/kill9.sh
#
# Settings: FAULT_COUNT (2000), FAULT_THREADS (8), FAULT_KILLS (2), FAULT_KILL_AFTER (8: seconds
# of streaming before each kill), FAULT_PORT (8091), FAULT_SKIP_BUILD=1 (reuse target/).
# Uses its own database crm_fault (dropped and created again each run).
set -euo pipefail
LOG_TAG=kill9
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

COUNT="${FAULT_COUNT:-2000}"
THREADS="${FAULT_THREADS:-8}"
KILLS="${FAULT_KILLS:-2}"
KILL_AFTER="${FAULT_KILL_AFTER:-8}"
PORT="${FAULT_PORT:-8091}"
DB=crm_fault
DB_HOST="${CRM_DB_HOST:-127.0.0.1}"
DB_PORT="${CRM_DB_PORT:-5432}"
BASE="http://127.0.0.1:$PORT"
TOKEN_URL="http://127.0.0.1:${CRM_KEYCLOAK_PORT:-8180}/realms/crm/protocol/openid-connect/token"
WORK="$ROOT/target/fault/kill9"
RUN="kill9-$(date +%s)"

need_cmd curl jq psql java
"$ROOT/scripts/postgres.sh" up
"$ROOT/scripts/keycloak.sh" up
mkdir -p "$WORK"
cd "$ROOT"

if [ "${FAULT_SKIP_BUILD:-0}" != 1 ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  log "building the service jar and the test classes"
  ./mvnw -B -q package -DskipTests -Dquarkus.flyway.locations=db/migration,db/local
fi
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
TOOL_CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/classpath.txt")"

superuser() { (cd / && runuser -u postgres -- "$@"); }
app_sql() { PGPASSWORD="${CRM_DB_PASSWORD:-crm}" psql -X -q -At -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U crm -d "$DB" "$@"; }
if is_root; then
  superuser dropdb --if-exists "$DB"
  superuser createdb -O crm "$DB"
  superuser psql -q -d "$DB" -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm'
else
  die "needs to run as root (creates the database $DB as the postgres superuser)"
fi

SVC_PID=
TOKEN_PID=
STREAM_PID=
cleanup() {
  [ -n "$STREAM_PID" ] && kill "$STREAM_PID" 2>/dev/null || true
  [ -n "$TOKEN_PID" ] && kill "$TOKEN_PID" 2>/dev/null || true
  if [ -n "$SVC_PID" ] && kill -0 "$SVC_PID" 2>/dev/null; then kill "$SVC_PID"; wait "$SVC_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

start_service() {
  local started
  started="$(now)"
  QUARKUS_HTTP_PORT="$PORT" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB" \
    QUARKUS_DATASOURCE_USERNAME=crm QUARKUS_DATASOURCE_PASSWORD=crm \
    QUARKUS_OIDC_AUTH_SERVER_URL="http://127.0.0.1:${CRM_KEYCLOAK_PORT:-8180}/realms/crm" \
    QUARKUS_FLYWAY_LOCATIONS=db/migration,db/local \
    java -jar target/quarkus-app/quarkus-run.jar >>"$WORK/service.log" 2>&1 &
  SVC_PID=$!
  local deadline=$((SECONDS + 120))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/q/health/ready" || true)" = 200 ]; do
    kill -0 "$SVC_PID" 2>/dev/null || die "the service exited; see $WORK/service.log"
    [ "$SECONDS" -lt "$deadline" ] || die "not ready within 120 s; see $WORK/service.log"
    sleep 0.05
  done
  READY_SECONDS="$(elapsed_since "$started")"
}

token() {
  curl -sS --fail "$TOKEN_URL" -d grant_type=password -d client_id=crm-web \
    -d username=rep.zhang -d password=local-pass | jq -r .access_token
}

: >"$WORK/service.log"
start_service
log "service ready in ${READY_SECONDS} s (pid $SVC_PID)"
token >"$WORK/token"
(while sleep 60; do token >"$WORK/token.new" && mv "$WORK/token.new" "$WORK/token"; done) &
TOKEN_PID=$!

log "streaming $COUNT creates with Idempotency-Keys from $THREADS threads (run $RUN)"
FAULT_TOKEN="$(cat "$WORK/token")" FAULT_TOKEN_FILE="$WORK/token" \
  java -cp "$TOOL_CP" dev.headlesscrm.fault.WriteStream "$BASE" "$RUN" "$COUNT" "$THREADS" \
  "$WORK/acknowledged.txt" >"$WORK/stream.log" 2>"$WORK/stream.err" &
STREAM_PID=$!

RESTARTS=()
for k in $(seq 1 "$KILLS"); do
  sleep "$KILL_AFTER"
  kill -0 "$STREAM_PID" 2>/dev/null || { warn "the stream ended before kill $k"; break; }
  before="$(app_sql -c "SELECT count(*) FROM customers WHERE name LIKE '$RUN-%'")"
  log "kill -9 $SVC_PID with $before of $COUNT created"
  kill -9 "$SVC_PID"
  wait "$SVC_PID" 2>/dev/null || true
  in_flight="$(app_sql -c "SELECT count(*) FROM idempotency_keys WHERE idempotency_key LIKE '$RUN-%' AND state = 'IN_FLIGHT'")"
  start_service
  log "restarted, ready in ${READY_SECONDS} s; $in_flight keys were in flight when it died"
  RESTARTS+=("kill $k: $before created before it, $in_flight keys in flight, ready again in ${READY_SECONDS} s")
done

wait "$STREAM_PID" || true
STREAM_PID=
field() { sed -n "s/^$1=//p" "$WORK/stream.log" | tail -n 1; }
ACKED="$(field ACKNOWLEDGED)"
rows="$(app_sql -c "SELECT count(*) FROM customers WHERE name LIKE '$RUN-%'")"
dupes="$(app_sql -c "SELECT count(*) FROM (SELECT name FROM customers WHERE name LIKE '$RUN-%' GROUP BY name HAVING count(*) > 1) d")"
# Acknowledged creates whose record is not there under its name (one statement for all).
missing="$(app_sql -c "CREATE TEMP TABLE acked (name text, id uuid)" \
  -c "\\copy acked FROM '$WORK/acknowledged.txt' WITH (DELIMITER ' ')" \
  -c "SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = a.id AND c.name = a.name)")"

echo
echo "# kill -9 fault test $(date -u +%Y-%m-%dT%H:%MZ): $COUNT creates, $THREADS threads, $KILLS kills"
for r in "${RESTARTS[@]}"; do echo "  $r"; done
echo "  acknowledged: $ACKED of $COUNT; rows: $rows; duplicated names: $dupes; acknowledged but missing: $missing"
echo "  retried answers: $(field RETRIED)"
echo "  longest wait of one create (first attempt to acknowledgement): $(field LONGEST_WAIT_MS) ms"
echo "  longest wait behind a key in flight (first 409 to acknowledgement): $(field LONGEST_IN_FLIGHT_MS) ms"
if [ "$ACKED" = "$COUNT" ] && [ "$rows" = "$COUNT" ] && [ "$dupes" = 0 ] && [ "$missing" = 0 ]; then
  echo "  PASS: every acknowledged create present exactly once"
else
  echo "  FAIL (logs: $WORK)"
  exit 1
fi
