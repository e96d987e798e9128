# Shared by the fault scripts (sourced after scripts/lib.sh, with DB, WORK and BASE set): the
# build, a fresh database, the write stream of acknowledged creates and its check.

DB_HOST="${CRM_DB_HOST:-127.0.0.1}"
DB_PORT="${CRM_DB_PORT:-5432}"
TOKEN_URL="http://127.0.0.1:${CRM_KEYCLOAK_PORT:-8180}/realms/crm/protocol/openid-connect/token"

# Starts PostgreSQL and Keycloak, builds the jar and the test classes (unless FAULT_SKIP_BUILD=1)
# and sets TOOL_CP, the classpath of the tools in src/test/java/dev/headlesscrm/fault.
fault_setup() {
  need_cmd curl jq psql java
  is_root || die "needs to run as root (creates the database $DB as the postgres superuser)"
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
  (cd / && runuser -u postgres -- dropdb --if-exists "$DB")
  (cd / && runuser -u postgres -- createdb -O crm "$DB")
  (cd / && runuser -u postgres -- psql -q -d "$DB" -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm')
  : >"$WORK/service.log"
}

# Background processes a script starts (PIDS+=(…)) are stopped when it exits.
PIDS=()
stop_background() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }

app_sql() { PGPASSWORD="${CRM_DB_PASSWORD:-crm}" psql -X -q -At -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U crm -d "$DB" "$@"; }

token() {
  curl -sS --fail "$TOKEN_URL" -d grant_type=password -d client_id=crm-web \
    -d username=rep.zhang -d password=local-pass | jq -r .access_token
}

# start_stream RUN COUNT THREADS: the creates in the background (STREAM_PID), as rep.zhang, with a
# token refreshed every minute (TOKEN_PID).
start_stream() {
  token >"$WORK/token"
  (while sleep 60; do token >"$WORK/token.new" && mv "$WORK/token.new" "$WORK/token"; done) &
  TOKEN_PID=$!
  log "streaming $2 creates with Idempotency-Keys from $3 threads (run $1)"
  FAULT_TOKEN="$(cat "$WORK/token")" FAULT_TOKEN_FILE="$WORK/token" \
    java -cp "$TOOL_CP" dev.headlesscrm.fault.WriteStream "$BASE" "$1" "$2" "$3" \
    "$WORK/acknowledged.txt" >"$WORK/stream.log" 2>"$WORK/stream.err" &
  STREAM_PID=$!
}

stream_field() { sed -n "s/^$1=//p" "$WORK/stream.log" | tail -n 1; }

# check_stream RUN COUNT: waits for the stream, prints what was written and PASS or FAIL (status 1).
check_stream() {
  wait "$STREAM_PID" || true
  STREAM_PID=
  local acked rows dupes missing
  acked="$(stream_field ACKNOWLEDGED)"
  rows="$(app_sql -c "SELECT count(*) FROM customers WHERE name LIKE '$1-%'")"
  dupes="$(app_sql -c "SELECT count(*) FROM (SELECT name FROM customers WHERE name LIKE '$1-%' GROUP BY name HAVING count(*) > 1) d")"
  # Acknowledged creates whose record is not there under its name (one statement for all).
  missing="$(app_sql -c "CREATE TEMP TABLE acked (name text, id uuid)" \
    -c "\\copy acked FROM '$WORK/acknowledged.txt' WITH (DELIMITER ' ')" \
    -c "SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = a.id AND c.name = a.name)")"
  echo "  writes: acknowledged $acked of $2; rows $rows; duplicated names $dupes; acknowledged but missing $missing"
  echo "  retried answers: $(stream_field RETRIED)"
  echo "  longest wait of one create (first attempt to acknowledgement): $(stream_field LONGEST_WAIT_MS) ms"
  echo "  longest wait behind a key in flight (first 409 to acknowledgement): $(stream_field LONGEST_IN_FLIGHT_MS) ms"
  if [ "$acked" = "$2" ] && [ "$rows" = "$2" ] && [ "$dupes" = 0 ] && [ "$missing" = 0 ]; then
    echo "  PASS: every acknowledged create present exactly once"
  else
    echo "  FAIL (logs: $WORK)"
    return 1
  fi
}

# start_service JDBC_URL: the jar on PORT in the background (SVC_PID), waiting for readiness;
# READY_SECONDS = process start to the first ready answer. OIDC_URL, when set, replaces the realm's
# URL (keycloak-outage.sh points it at a proxy); SERVICE_JAVA_OPTS are added to the JVM's options.
start_service() {
  local started
  started="$(now)"
  QUARKUS_HTTP_PORT="$PORT" \
    QUARKUS_DATASOURCE_JDBC_URL="$1" \
    QUARKUS_DATASOURCE_USERNAME=crm QUARKUS_DATASOURCE_PASSWORD=crm \
    QUARKUS_OIDC_AUTH_SERVER_URL="${OIDC_URL:-http://127.0.0.1:${CRM_KEYCLOAK_PORT:-8180}/realms/crm}" \
    QUARKUS_FLYWAY_LOCATIONS=db/migration,db/local \
    java ${SERVICE_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >>"$WORK/service.log" 2>&1 &
  SVC_PID=$!
  local deadline=$((SECONDS + 120))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/q/health/ready" || true)" = 200 ]; do
    kill -0 "$SVC_PID" 2>/dev/null || die "the service exited; see $WORK/service.log"
    [ "$SECONDS" -lt "$deadline" ] || die "not ready within 120 s; see $WORK/service.log"
    sleep 0.05
  done
  READY_SECONDS="$(elapsed_since "$started")"
}
