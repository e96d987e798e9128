#!/usr/bin/env bash
# Fault test (issue 12): PostgreSQL unreachable for 15 s, through a TCP proxy this script controls
# (dev.headlesscrm.fault.TcpProxy cuts every connection and refuses new ones), while a client
# streams creates retried with their Idempotency-Keys and a probe reads readiness and a list every
# 200 ms. Prints how fast API calls were refused during the outage (503 problems with
# Retry-After), when readiness went DOWN and UP again, when writes were back, and checks that
# every acknowledged create is present exactly once. One command, not part of the test run:
#
#   scripts/fault/db-outage.sh
#
# Settings: FAULT_COUNT (3000), FAULT_THREADS (4), FAULT_OUTAGE (15 s), FAULT_PORT (8092),
# FAULT_PROXY_PORT (15432), FAULT_SKIP_BUILD=1 (reuse target/). Uses database crm_fault_outage.
set -euo pipefail
LOG_TAG=db-outage
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

COUNT="${FAULT_COUNT:-3000}"
THREADS="${FAULT_THREADS:-4}"
OUTAGE="${FAULT_OUTAGE:-15}"
PORT="${FAULT_PORT:-8092}"
PROXY_PORT="${FAULT_PROXY_PORT:-15432}"
DB=crm_fault_outage
DB_HOST="${CRM_DB_HOST:-127.0.0.1}"
DB_PORT="${CRM_DB_PORT:-5432}"
BASE="http://127.0.0.1:$PORT"
TOKEN_URL="http://127.0.0.1:${CRM_KEYCLOAK_PORT:-8180}/realms/crm/protocol/openid-connect/token"
WORK="$ROOT/target/fault/db-outage"
RUN="outage-$(date +%s)"

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

superuser() { (cd / && runuser -u postgres -- "$@"); }
app_sql() { PGPASSWORD="${CRM_DB_PASSWORD:-crm}" psql -X -q -At -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U crm -d "$DB" "$@"; }
superuser dropdb --if-exists "$DB"
superuser createdb -O crm "$DB"
superuser psql -q -d "$DB" -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm'

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
ms() { date +%s%3N; }

echo up >"$WORK/proxy.control"
java -cp "$TOOL_CP" dev.headlesscrm.fault.TcpProxy "$PROXY_PORT" "$DB_HOST" "$DB_PORT" \
  "$WORK/proxy.control" >"$WORK/proxy.log" 2>&1 &
PIDS+=($!)
sleep 1
: >"$WORK/service.log"
QUARKUS_HTTP_PORT="$PORT" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PROXY_PORT/$DB" \
  QUARKUS_DATASOURCE_USERNAME=crm QUARKUS_DATASOURCE_PASSWORD=crm \
  QUARKUS_OIDC_AUTH_SERVER_URL="http://127.0.0.1:${CRM_KEYCLOAK_PORT:-8180}/realms/crm" \
  QUARKUS_FLYWAY_LOCATIONS=db/migration,db/local \
  java -jar target/quarkus-app/quarkus-run.jar >>"$WORK/service.log" 2>&1 &
SVC_PID=$!
PIDS+=($SVC_PID)
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/q/health/ready" || true)" = 200 ]; do
  kill -0 "$SVC_PID" 2>/dev/null || die "the service exited; see $WORK/service.log"
  sleep 0.1
done
log "service ready through the proxy"

token() {
  curl -sS --fail "$TOKEN_URL" -d grant_type=password -d client_id=crm-web \
    -d username=rep.zhang -d password=local-pass | jq -r .access_token
}
token >"$WORK/token"
TOKEN="$(cat "$WORK/token")"

FAULT_TOKEN="$TOKEN" FAULT_TOKEN_FILE="$WORK/token" \
  java -cp "$TOOL_CP" dev.headlesscrm.fault.WriteStream "$BASE" "$RUN" "$COUNT" "$THREADS" \
  "$WORK/acknowledged.txt" >"$WORK/stream.log" 2>"$WORK/stream.err" &
STREAM_PID=$!
PIDS+=($STREAM_PID)

# The probe: readiness and a list, every 200 ms: "<epoch-ms> ready <code> <ms> | list <code> <ms> <retry-after>"
: >"$WORK/probe.log"
(
  while true; do
    t="$(ms)"
    r="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 10 "$BASE/q/health/ready" || echo "000 10")"
    l="$(curl -s -D "$WORK/probe.h" -o /dev/null -w '%{http_code} %{time_total}' --max-time 10 \
      -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/customers?limit=1" || echo "000 10")"
    ra="$(tr -d '\r' <"$WORK/probe.h" | sed -n 's/^[Rr]etry-[Aa]fter: //p')"
    echo "$t ready $r list $l ${ra:--}" >>"$WORK/probe.log"
    sleep 0.2
  done
) &
PROBE_PID=$!
PIDS+=($PROBE_PID)

sleep 10
log "cutting the database off for $OUTAGE s"
echo down >"$WORK/proxy.control"
sleep "$OUTAGE"
echo up >"$WORK/proxy.control"
log "the database is reachable again"
sleep 20
kill "$PROBE_PID" 2>/dev/null || true
wait "$STREAM_PID" || true

DOWN_AT="$(sed -n 's/^DOWN //p' "$WORK/proxy.log")"
UP_AT="$(sed -n 's/^UP //p' "$WORK/proxy.log" | tail -n 1)"
# shellcheck disable=SC2016
summary="$(awk -v down="$DOWN_AT" -v up="$UP_AT" '
  {
    t = $1; rc = $3; rt = $4 * 1000; lc = $6; lt = $7 * 1000; ra = $8
    if (t >= down && t < up) {
      n++; if (lt > maxl) maxl = lt; if (rt > maxr) maxr = rt
      codes[lc]++; if (lc == 503 && ra != "-") withra++
      if (rc != 200 && !rdown) rdown = t - down
    }
    if (t >= up) {
      if (rc == 200 && !rup) rup = t - up
      if (lc == 200 && !lup) lup = t - up
    }
  }
  END {
    c = ""; for (k in codes) c = c k ":" codes[k] " "
    printf "during the outage: %d probes, list statuses %s(503 with Retry-After: %d), slowest list %.0f ms, slowest readiness %.0f ms\n", n, c, withra, maxl, maxr
    printf "readiness DOWN %.1f s after the cut; UP %.1f s after the database was back; lists answered 200 again %.1f s after\n", rdown / 1000, rup / 1000, lup / 1000
  }' "$WORK/probe.log")"

field() { sed -n "s/^$1=//p" "$WORK/stream.log" | tail -n 1; }
ACKED="$(field ACKNOWLEDGED)"
rows="$(app_sql -c "SELECT count(*) FROM customers WHERE name LIKE '$RUN-%'")"
dupes="$(app_sql -c "SELECT count(*) FROM (SELECT name FROM customers WHERE name LIKE '$RUN-%' GROUP BY name HAVING count(*) > 1) d")"
# Acknowledged creates whose record is not there under its name (one statement for all).
missing="$(app_sql -c "CREATE TEMP TABLE acked (name text, id uuid)" \
  -c "\\copy acked FROM '$WORK/acknowledged.txt' WITH (DELIMITER ' ')" \
  -c "SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = a.id AND c.name = a.name)")"

echo
echo "# database outage fault test $(date -u +%Y-%m-%dT%H:%MZ): PostgreSQL cut for $OUTAGE s through a proxy"
echo "  $summary" | sed 's/^/  /'
echo "  writes: acknowledged $ACKED of $COUNT; rows $rows; duplicated names $dupes; acknowledged but missing $missing"
echo "  retried answers: $(field RETRIED); longest wait of one create: $(field LONGEST_WAIT_MS) ms"
if [ "$ACKED" = "$COUNT" ] && [ "$rows" = "$COUNT" ] && [ "$dupes" = 0 ] && [ "$missing" = 0 ]; then
  echo "  PASS: nothing acknowledged was lost or written twice"
else
  echo "  FAIL (logs: $WORK)"
  exit 1
fi
