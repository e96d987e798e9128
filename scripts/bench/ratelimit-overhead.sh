#!/usr/bin/env bash
# What counting rate limits costs on the hottest path: GET by id as rep.zhang, with wrk (2 threads,
# 32 connections, 10 s after a 5 s warm-up), the packaged service started alternately with limits
# counted (set so high that none refuses) and with crm.rate-limits.enabled=false, RATELIMIT_ROUNDS
# times (2). Uses the hot-path harness' database crm_hotpath (run scripts/bench/hotpath.sh once
# first) and the jar it builds in target/ (./mvnw package -DskipTests
# -Dquarkus.flyway.locations=db/migration,db/local: the locations are fixed at build time). Not
# part of the test run.
set -euo pipefail
LOG_TAG=ratelimit
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$ROOT"
PORT="${RATELIMIT_PORT:-8090}"
BASE="http://127.0.0.1:$PORT"
[ -f target/quarkus-app/quarkus-run.jar ] || die "no jar: ./mvnw package -DskipTests -Dquarkus.flyway.locations=db/migration,db/local first"
TOKEN="$(curl -sS --fail "http://127.0.0.1:${CRM_KEYCLOAK_PORT:-8180}/realms/crm/protocol/openid-connect/token" \
  -d grant_type=password -d client_id=crm-web -d username=rep.zhang -d password=local-pass | jq -r .access_token)"
LUA="$(mktemp)"
printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$TOKEN" >"$LUA"
PID=
stop() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; PID=; }
trap 'stop; rm -f "$LUA"' EXIT
for round in $(seq 1 "${RATELIMIT_ROUNDS:-2}"); do
  for enabled in true false; do
    QUARKUS_HTTP_PORT="$PORT" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/crm_hotpath" \
      QUARKUS_DATASOURCE_USERNAME=crm QUARKUS_DATASOURCE_PASSWORD=crm \
      QUARKUS_OIDC_AUTH_SERVER_URL="http://127.0.0.1:${CRM_KEYCLOAK_PORT:-8180}/realms/crm" \
      QUARKUS_FLYWAY_LOCATIONS=db/migration,db/local \
      CRM_RATE_LIMITS_ENABLED="$enabled" CRM_RATE_LIMITS_DEFAULT_LIMIT=1000000000 \
      CRM_RATE_LIMITS_CLIENT_LIMIT=1000000000 \
      java -XX:MaxRAM=512m -jar target/quarkus-app/quarkus-run.jar >"$ROOT/target/ratelimit-service.log" 2>&1 &
    PID=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready" || true)" = 200 ]; do
      kill -0 "$PID" 2>/dev/null || die "the service exited; see target/ratelimit-service.log"
      sleep 0.2
    done
    id="$(curl -sS -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/customers?limit=1&fields=id" | jq -r '.data[0].id')"
    wrk -t2 -c32 -d5s -s "$LUA" "$BASE/api/v1/customers/$id" >/dev/null
    printf 'round %s, limits counted: %-5s ' "$round" "$enabled"
    wrk -t2 -c32 -d10s --latency -s "$LUA" "$BASE/api/v1/customers/$id" |
      awk '/Requests\/sec/ { r = $2 } / 50%/ { p50 = $2 } / 99%/ { p99 = $2 } END { printf "%s req/s, p50 %s, p99 %s\n", r, p50, p99 }'
    stop
  done
done
