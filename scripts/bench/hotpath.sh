#!/usr/bin/env bash
# Hot-path benchmark (issue 11): the packaged service (prod profile, port 8090, database
# crm_hotpath) side by side with `pgbench -S` on the same PostgreSQL with the same client count.
# Seeds the big table with COPY (HOTPATH_ROWS customers, owners alternating rep.zhang / rep.chen)
# and a realistic set through the API (2,000 customers of rep.zhang with contacts), measures the
# hot paths as rep.zhang (data scope SELF, field masks) closed-loop with wrk and open-loop with
# OpenLoad (latency from the intended send time; highest rate with p99 <= 20 ms), batch upserts
# against COPY, CSV export, start-to-ready and RSS, and prints one table (also written to
# target/bench/hotpath.txt). Not part of the test run.
#
#   scripts/bench/hotpath.sh                                        # 1,000,000 rows, 20 s phases
#   HOTPATH_ROWS=200000 HOTPATH_DURATION=10s scripts/bench/hotpath.sh   # a quicker run
#
# Settings: HOTPATH_ROWS (1000000), HOTPATH_DURATION (20s: each measured wrk run),
# HOTPATH_STEP (10: seconds per open-loop step), HOTPATH_WARMUP (10: seconds of uncounted wrk load
# before each measured path), HOTPATH_WARMUP_ROUND (15: seconds per path per warm-up round),
# HOTPATH_WARMUP_ROUNDS (8: at most), HOTPATH_PGBENCH_SECONDS (10: each pgbench run), HOTPATH_SLO_MS (20), HOTPATH_CLIENTS (32),
# HOTPATH_THREADS (2), HOTPATH_PORT (8090), HOTPATH_BATCH_REQUESTS (5 requests of 1,000 upserts),
# HOTPATH_RESEED=1 (drop crm_hotpath and seed again; otherwise it is reused when it holds exactly
# HOTPATH_ROWS COPYed rows), HOTPATH_SKIP_BUILD=1 (reuse target/), HOTPATH_STARTS (3: restarts timed), HOTPATH_JAVA (the java that
# runs the service; default: java on PATH), HOTPATH_RATE_LIMIT (points per minute per caller and
# client: so high by default that the rate limits count every request but refuse none). Needs wrk (installed with apt when root), pgbench,
# curl, jq. Run it on a quiet machine: the figures are timings, and the load generators share the
# machine with the service and PostgreSQL.
set -euo pipefail
LOG_TAG=hotpath
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

ROWS="${HOTPATH_ROWS:-1000000}"
DURATION="${HOTPATH_DURATION:-20s}"
STEP="${HOTPATH_STEP:-10}"
SLO_MS="${HOTPATH_SLO_MS:-20}"
CLIENTS="${HOTPATH_CLIENTS:-32}"
THREADS="${HOTPATH_THREADS:-2}"
PORT="${HOTPATH_PORT:-8090}"
BATCH_REQUESTS="${HOTPATH_BATCH_REQUESTS:-5}"
WARMUP="${HOTPATH_WARMUP:-10}"
WARMUP_ROUND="${HOTPATH_WARMUP_ROUND:-15}"
WARMUP_ROUNDS="${HOTPATH_WARMUP_ROUNDS:-8}"
PGB_SECONDS="${HOTPATH_PGBENCH_SECONDS:-10}"
REAL=2000
# The service runs on the newest JDK the machine has (a Temurin 25 under /usr/lib/jvm on most
# machines of this kind), else on `java`; HOTPATH_JAVA picks one.
newest_java() {
  local best=java best_major=0 j major
  for j in java /usr/lib/jvm/*/bin/java; do
    command -v "$j" >/dev/null 2>&1 || continue
    major="$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)"
    if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then best="$j"; best_major="$major"; fi
  done
  echo "$best"
}
SERVICE_JAVA="${HOTPATH_JAVA:-$(newest_java)}"
DB=crm_hotpath
PGB_DB=crm_pgbench
DB_HOST="${CRM_DB_HOST:-127.0.0.1}"
DB_PORT="${CRM_DB_PORT:-5432}"
BASE="http://127.0.0.1:$PORT"
TOKEN_URL="http://127.0.0.1:${CRM_KEYCLOAK_PORT:-8180}/realms/crm/protocol/openid-connect/token"
ZHANG_EMPLOYEE=0193a000-0000-7000-8000-0000000000e3
HERE="$ROOT/scripts/bench/hotpath"
WORK="$ROOT/target/bench/hotpath"
OUT="$ROOT/target/bench/hotpath.txt"
SECONDS_PER_RUN="${DURATION%s}"

# --- tools -----------------------------------------------------------------------------------
need_cmd curl jq psql "$SERVICE_JAVA"
if ! command -v wrk >/dev/null 2>&1; then
  is_root || die "wrk is missing: apt-get install -y wrk"
  log "installing wrk with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
fi
PGBENCH="$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -n 1 || true)"
[ -x "$PGBENCH" ] || die "pgbench is missing (apt-get install -y postgresql-contrib)"

"$ROOT/scripts/postgres.sh" up
"$ROOT/scripts/keycloak.sh" up

mkdir -p "$WORK"
cd "$ROOT"

# --- build: the service jar, the test classes (HotpathTool, OpenLoad) and their classpath -----
# quarkus.flyway.locations is fixed at build time (setting it at run time only logs a warning), so
# the benchmark's jar is built with db/local, which seeds the local realm's users as employees in
# their departments; the jar still runs in the prod profile.
if [ "${HOTPATH_SKIP_BUILD:-0}" != 1 ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  log "building the service jar (./mvnw package -DskipTests -Dquarkus.flyway.locations=db/migration,db/local)"
  ./mvnw -B -q package -DskipTests -Dquarkus.flyway.locations=db/migration,db/local
fi
if [ ! -s "$WORK/classpath.txt" ] || [ pom.xml -nt "$WORK/classpath.txt" ]; then
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
fi
TOOL_CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/classpath.txt")"
tool() { java -cp "$TOOL_CP" dev.headlesscrm.bench.HotpathTool "$@"; }

# --- databases -------------------------------------------------------------------------------
superuser() { (cd / && runuser -u postgres -- "$@"); }
app_sql() { PGPASSWORD="${CRM_DB_PASSWORD:-crm}" psql -X -q -At -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U crm "$@"; }
is_root || die "run as root: the benchmark creates its databases as the postgres superuser"

if [ "$(app_sql -d "$PGB_DB" -c 'SELECT count(*) FROM pgbench_accounts' 2>/dev/null)" != 1000000 ]; then
  log "initialising $PGB_DB (pgbench -i -s 10)"
  superuser dropdb -p "$DB_PORT" --if-exists "$PGB_DB"
  superuser createdb -p "$DB_PORT" -O crm -E UTF8 -T template0 "$PGB_DB"
  PGPASSWORD=crm "$PGBENCH" -i -q -s 10 -h "$DB_HOST" -p "$DB_PORT" -U crm "$PGB_DB" >"$WORK/pgbench-init.log" 2>&1
fi

SEED=0
copied="$(app_sql -d "$DB" -c "SELECT count(*) FROM customers WHERE number LIKE 'BK%'" 2>/dev/null || echo none)"
if [ "${HOTPATH_RESEED:-0}" = 1 ] || [ "$copied" != "$ROWS" ]; then
  log "creating database $DB afresh (found: $copied COPYed rows, want $ROWS)"
  superuser dropdb -p "$DB_PORT" --if-exists "$DB"
  superuser createdb -p "$DB_PORT" -O crm -E UTF8 -T template0 "$DB"
  superuser psql -X -q -p "$DB_PORT" -d "$DB" -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm'
  SEED=1
fi

# --- the service -----------------------------------------------------------------------------
# The JVM of a pod: the options of k8s/base/service/configmap.yaml in a JVM that believes it has
# the container's memory limit (-XX:MaxRAM), so heap size and collector are the pod's. The first
# start (migrations, seeding, a warm-up) is a training run that leaves a class cache for the others:
# on JDK 25+ an AOT cache (JEP 483/515: classes loaded and linked, method profiles), on older JDKs
# a dynamic CDS archive. Either holds the application's classes as well, because the jar is an
# aot-jar (application.properties) that the JVM's own class loader reads. HOTPATH_AOT=0 starts
# without one.
LIMIT_MIB="$(awk '/limits:/ { f = 1 } f && /memory:/ { gsub(/[^0-9]/, "", $2); print $2; exit }' k8s/base/service/deployment.yaml)"
JVM_OPTS=(-XX:MaxRAM="${LIMIT_MIB}m" $(sed -n 's/^ *JAVA_OPTS_APPEND: "\(.*\)"$/\1/p' k8s/base/service/configmap.yaml))
JAVA_MAJOR="$("$SERVICE_JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)"
CACHE_OPTS=()
TRAIN_OPTS=()
if [ "${HOTPATH_AOT:-1}" = 1 ]; then
  rm -f "$WORK/app.aot" "$WORK/app.jsa"
  if [ "$JAVA_MAJOR" -ge 25 ]; then
    # The cache's class regions are sized within the metaspace cap, which the training run lifts
    # (with the pod's cap the cache cannot be written); the runs that use it keep the cap.
    TRAIN_OPTS=(-XX:AOTCacheOutput="$WORK/app.aot" -XX:MaxMetaspaceSize=1g)
    CACHE_OPTS=(-XX:AOTCache="$WORK/app.aot")
  else
    TRAIN_OPTS=(-XX:ArchiveClassesAtExit="$WORK/app.jsa")
    CACHE_OPTS=(-XX:SharedArchiveFile="$WORK/app.jsa")
  fi
fi
SVC_OPTS=("${TRAIN_OPTS[@]}")

SVC_PID=
stop_service() {
  if [ -n "$SVC_PID" ] && kill -0 "$SVC_PID" 2>/dev/null; then
    kill "$SVC_PID" 2>/dev/null || true
    # A training run writes its cache at exit (an AOT cache is assembled by a second JVM).
    for _ in $(seq 1 240); do kill -0 "$SVC_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SVC_PID" 2>/dev/null || true
    wait "$SVC_PID" 2>/dev/null || true
  fi
  SVC_PID=
}
trap stop_service EXIT
trap 'exit 130' INT TERM

if curl -s -o /dev/null --max-time 2 "$BASE/q/health/ready"; then
  die "something already answers on port $PORT; stop it or set HOTPATH_PORT"
fi

# Starts the jar and waits for /q/health/ready; START_SECONDS = process start to first 200.
start_service() {
  local started
  started="$(now)"
  QUARKUS_HTTP_PORT="$PORT" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB" \
    QUARKUS_DATASOURCE_USERNAME=crm QUARKUS_DATASOURCE_PASSWORD=crm \
    QUARKUS_OIDC_AUTH_SERVER_URL="http://127.0.0.1:${CRM_KEYCLOAK_PORT:-8180}/realms/crm" \
    QUARKUS_FLYWAY_LOCATIONS=db/migration,db/local \
    CRM_RATE_LIMITS_DEFAULT_LIMIT="${HOTPATH_RATE_LIMIT:-1000000000}" \
    CRM_RATE_LIMITS_CLIENT_LIMIT="${HOTPATH_RATE_LIMIT:-1000000000}" \
    "$SERVICE_JAVA" "${JVM_OPTS[@]}" "${SVC_OPTS[@]}" -jar target/quarkus-app/quarkus-run.jar >>"$WORK/service.log" 2>&1 &
  SVC_PID=$!
  local deadline=$((SECONDS + 180))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/q/health/ready" || true)" = 200 ]; do
    kill -0 "$SVC_PID" 2>/dev/null || die "the service exited; see $WORK/service.log"
    [ "$SECONDS" -lt "$deadline" ] || die "the service was not ready within 180 s; see $WORK/service.log"
    sleep 0.05
  done
  START_SECONDS="$(elapsed_since "$started")"
}
rss_mb() { awk -v k="$1:" '$1 == k { printf "%.0f", $2 / 1024 }' "/proc/$SVC_PID/status"; }

token() {
  curl -sS --fail "$TOKEN_URL" -d grant_type=password -d client_id=crm-web \
    -d username="$1" -d password=local-pass | jq -r .access_token
}

: >"$WORK/service.log"
log "starting the service on port $PORT (first start: migrations)"
start_service
export HOTPATH_JDBC_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB"
if [ "$SEED" = 1 ]; then
  log "seeding $ROWS customers with COPY"
  tool copy "$ROWS" | tee "$WORK/seed.log"
  COPY_SECONDS="$(sed -n 's/^COPY_SECONDS=//p' "$WORK/seed.log")"
fi
log "seeding the realistic set through the API ($REAL customers of rep.zhang with contacts)"
HOTPATH_TOKEN="$(token rep.zhang)" tool realistic "$BASE" "$REAL" >"$WORK/realistic.log"
cat "$WORK/realistic.log"
app_sql -d "$DB" -c 'VACUUM ANALYZE customers' -c 'VACUUM ANALYZE contacts'

log "restarting the service to measure start-to-ready and idle RSS"
stop_service
SVC_OPTS=("${CACHE_OPTS[@]}")
if [ "${#CACHE_OPTS[@]}" -gt 0 ] && [ ! -s "$WORK/app.aot" ] && [ ! -s "$WORK/app.jsa" ]; then
  log "the training run left no class cache; starting without one (see $WORK/service.log)"
  SVC_OPTS=()
fi
# Start-to-ready varies by a second or more from one start to the next on 2 shared cores (the
# first start after the training run also meets PostgreSQL still writing out the seed): the figure
# is the median of HOTPATH_STARTS (3) starts, each listed; the idle RSS is the last one's.
STARTS=()
for _ in $(seq 1 "${HOTPATH_STARTS:-3}"); do
  stop_service
  start_service
  STARTS+=("$START_SECONDS")
done
START_SECONDS="$(printf '%s\n' "${STARTS[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
START_ALL="$(IFS=/; echo "${STARTS[*]}")"
sleep 5
RSS_IDLE="$(rss_mb VmRSS)"
case "${SVC_OPTS[*]}" in
  *AOTCache*) CLASS_CACHE="AOT cache" ;;
  *SharedArchiveFile*) CLASS_CACHE="CDS archive" ;;
  *) CLASS_CACHE="no class cache" ;;
esac
SERVICE_JAVA_VERSION="$("$SERVICE_JAVA" -version 2>&1 | head -n 1), $CLASS_CACHE, ${JVM_OPTS[*]}"
log "ready in ${START_SECONDS}s (median of ${START_ALL} s), RSS ${RSS_IDLE} MB ($SERVICE_JAVA_VERSION)"

# --- what the requests use -------------------------------------------------------------------
app_sql -d "$DB" -c "SELECT id FROM customers WHERE owner_id = '$ZHANG_EMPLOYEE' AND deleted_at IS NULL ORDER BY random() LIMIT 10000" >"$WORK/ids.txt"
app_sql -d "$DB" -c "SELECT id FROM customers WHERE external_id LIKE 'HOT-REAL-%' AND deleted_at IS NULL ORDER BY external_id LIMIT 64" >"$WORK/patch-ids.txt"
TOTAL_ROWS="$(app_sql -d "$DB" -c 'SELECT count(*) FROM customers WHERE deleted_at IS NULL')"
ZHANG_ROWS="$(app_sql -d "$DB" -c "SELECT count(*) FROM customers WHERE owner_id = '$ZHANG_EMPLOYEE' AND deleted_at IS NULL")"
FILTER_ROWS="$(app_sql -d "$DB" -c "SELECT count(*) FROM customers WHERE owner_id = '$ZHANG_EMPLOYEE' AND deleted_at IS NULL AND level = 'A' AND city = '上海'")"
Q_ROWS="$(app_sql -d "$DB" -c "SELECT count(*) FROM customers WHERE owner_id = '$ZHANG_EMPLOYEE' AND deleted_at IS NULL AND name LIKE '%华东%'")"
CONTACTS="$(app_sql -d "$DB" -c 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL')"
[ "$ZHANG_ROWS" -ge 50000 ] || warn "rep.zhang sees $ZHANG_ROWS rows, fewer than the 50,000 the deep page asks for (raise HOTPATH_ROWS)"

FILTER_PATH="/api/v1/customers?filter=$(jq -rn --arg f 'level==A;city==上海' '$f|@uri')&sort=name&limit=50"
Q_PATH="/api/v1/customers?q=$(jq -rn --arg q '华东' '$q|@uri')"

# --- pgbench -S, run beside every path ------------------------------------------------------
# The machine's speed drifts: on this 2-core VM pgbench -S alone went from 7,463 to 11,510 tps
# within a quarter of an hour. So pgbench runs before each measured path and once after the last,
# and a path's "x pgb" divides by the mean of the runs just before and just after it.
PGB_RUNS=()
run_pgbench() {
  local tps
  rm -rf "$WORK/pgbench" && mkdir -p "$WORK/pgbench"
  (cd "$WORK/pgbench" && PGPASSWORD=crm "$PGBENCH" -S -n -c "$CLIENTS" -j "$THREADS" -T "$PGB_SECONDS" -l \
    -h "$DB_HOST" -p "$DB_PORT" -U crm "$PGB_DB" >pgbench.out 2>&1)
  tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench/pgbench.out" | tail -n 1)"
  PGB_RUNS+=("$tps")
  cat "$WORK/pgbench"/pgbench_log.* | awk '{ print $3 }' | sort -n >"$WORK/pgbench/latencies"
  rm -f "$WORK/pgbench"/pgbench_log.*
  log "pgbench -S ($CLIENTS clients, $PGB_SECONDS s): $tps tps"
}
# The first run's latencies are the table's pgbench p50 and p99.
PGB_P50=
PGB_P99=
pgbench_latencies() {
  local n
  n="$(wc -l <"$WORK/pgbench/latencies")"
  pct() { awk -v n="$n" -v p="$1" 'NR == int(n * p / 100 + 0.999) { printf "%.2f", $1 / 1000; exit }' "$WORK/pgbench/latencies"; }
  PGB_P50="$(pct 50)"
  PGB_P99="$(pct 99)"
}

# --- closed loop (wrk) and open loop (OpenLoad) per endpoint ---------------------------------
declare -A CLOSED OPEN
# field KEY=value of a line
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2" | tail -n 1; }

# The service's CPU time (user + system, all its threads) in clock ticks.
CLK_TCK="$(getconf CLK_TCK)"
svc_ticks() { awk '{ print $14 + $15 }' "/proc/$SVC_PID/stat"; }

# wrk_cpu SECONDS WRK_SCRIPT WRK_URL WRK_ARGS: one closed-loop wrk run as rep.zhang; prints its WRK
# line with svc_cpu_ms= appended, the service's CPU time per request. That figure depends far less
# on what else the machine runs than req/s does, so it is what the warm-up watches.
wrk_cpu() {
  local secs="$1" script="$2" url="$3" wargs="$4" t c0 c1 line req
  t="$(token rep.zhang)"
  c0="$(svc_ticks)"
  # shellcheck disable=SC2086
  line="$(wrk -t"$THREADS" -c"$CLIENTS" -d"${secs}s" --timeout 10s -H "Authorization: Bearer $t" \
    -s "$HERE/$script" "$url" -- $wargs | grep '^WRK ' || true)"
  c1="$(svc_ticks)"
  req="$(field requests "$line")"
  echo "$line svc_cpu_ms=$(awk -v a="$c0" -v b="$c1" -v r="${req:-0}" -v hz="$CLK_TCK" \
    'BEGIN { if (r > 0) printf "%.3f", (b - a) * 1000 / hz / r; else print "-" }')"
}

# --- warm-up ---------------------------------------------------------------------------------
# A JVM serves its first minutes from the interpreter and from code compiled with profiling: on
# this machine GET by id alone took 3.4 ms of service CPU a request in its first 10 s of load and
# settled at 0.3-0.4 ms after about 100 s; with every path in the mix it takes longer. A figure
# taken before that measures the compiler, not the service. So every path runs in rounds of
# HOTPATH_WARMUP_ROUND (15) s each until no path's CPU time per request moved by more than 15 %
# from the round before (at least 3 rounds, at most HOTPATH_WARMUP_ROUNDS, 8); the curve is printed
# under the table.
PATCH_ARGS="$WORK/patch-ids.txt $(((CLIENTS + THREADS - 1) / THREADS + 8)) $HERE/patch.json"
WARM_PATHS=(
  "get-id|get_id.lua|$BASE|$WORK/ids.txt"
  "filter|get.lua|$BASE$FILTER_PATH|"
  "q|get.lua|$BASE$Q_PATH|"
  "graphql|post.lua|$BASE/graphql|$HERE/graphql.json"
  "create|create.lua|$BASE|$HERE/create.json"
  "patch|patch.lua|$BASE|$PATCH_ARGS"
)
declare -A WARM_PREV WARM_CURVE
warm_started="$(now)"
WARM_ROUNDS_RUN=0
WARM_SETTLED=no
while [ "$WARM_ROUNDS_RUN" -lt "$WARMUP_ROUNDS" ]; do
  WARM_ROUNDS_RUN=$((WARM_ROUNDS_RUN + 1))
  settled=1
  for entry in "${WARM_PATHS[@]}"; do
    IFS='|' read -r wname wscript wurl wargs <<<"$entry"
    line="$(wrk_cpu "$WARMUP_ROUND" "$wscript" "$wurl" "$wargs")"
    ms="$(field svc_cpu_ms "$line")"
    prev="${WARM_PREV[$wname]:-}"
    if [ -z "$prev" ] || ! awk -v a="$ms" -v b="$prev" 'BEGIN { exit !(a + 0 > 0 && a <= b * 1.15 && a >= b * 0.85) }'; then
      settled=0
    fi
    WARM_PREV[$wname]="$ms"
    WARM_CURVE[$wname]="${WARM_CURVE[$wname]:+${WARM_CURVE[$wname]} }$ms"
    log "warm-up round $WARM_ROUNDS_RUN, $wname: $(field rps "$line") req/s, service CPU $ms ms a request"
  done
  if [ "$WARM_ROUNDS_RUN" -ge 3 ] && [ "$settled" = 1 ]; then
    WARM_SETTLED=yes
    break
  fi
done
WARM_SECONDS="$(elapsed_since "$warm_started")"

# measure NAME WRK_SCRIPT WRK_URL WRK_ARGS OPENLOAD_KIND OPENLOAD_URL OPENLOAD_SETTINGS...
# pgbench first (its run is the one before this path and the one after the path before it).
declare -A PATH_PGB
measure() {
  local name="$1" script="$2" url="$3" wargs="$4" kind="$5" ourl="$6"
  shift 6
  local t line rps start
  run_pgbench
  [ -n "$PGB_P50" ] || pgbench_latencies
  PATH_PGB[$name]=$((${#PGB_RUNS[@]} - 1))
  t="$(token rep.zhang)"
  # A short run first, not counted: pgbench just had the machine.
  log "$name: warm-up (wrk -d${WARMUP}s, not counted)"
  # shellcheck disable=SC2086
  wrk -t"$THREADS" -c"$CLIENTS" -d"${WARMUP}s" --timeout 10s -H "Authorization: Bearer $t" \
    -s "$HERE/$script" "$url" -- $wargs >/dev/null 2>&1 || true
  log "$name: closed loop (wrk -t$THREADS -c$CLIENTS -d$DURATION)"
  line="$(wrk_cpu "$SECONDS_PER_RUN" "$script" "$url" "$wargs")"
  echo "$name $line" >>"$WORK/wrk.log"
  CLOSED[$name]="$line"
  log "  $line"
  rps="$(field rps "$line")"
  start="$(awk -v r="${rps:-0}" 'BEGIN { s = int(r / 4); print (s < 10 ? 10 : s) }')"
  log "$name: open loop from $start req/s, ${STEP} s steps, target p99 <= $SLO_MS ms"
  t="$(token rep.zhang)"
  HOTPATH_TOKEN="$t" java -cp "$TOOL_CP" dev.headlesscrm.bench.OpenLoad "$kind" "$ourl" \
    connections="$CLIENTS" step-seconds="$STEP" slo-ms="$SLO_MS" start="$start" "$@" \
    | tee "$WORK/openload-$name.log" | sed 's/^/  /' >&2 || true
  OPEN[$name]="$(grep '^OPEN ' "$WORK/openload-$name.log" | tail -n 1 || true)"
}

: >"$WORK/wrk.log"
measure get-id get_id.lua "$BASE" "$WORK/ids.txt" get-id "$BASE/api/v1/customers/{id}" ids="$WORK/ids.txt"
measure filter get.lua "$BASE$FILTER_PATH" "" get "$BASE$FILTER_PATH"

log "deep page: walking nextCursor to page 1,000 (limit 50, sort=-createdAt) as rep.zhang"
HOTPATH_TOKEN="$(token rep.zhang)" tool walk "$BASE" "sort=-createdAt&limit=50" 1000 >"$WORK/walk.log"
DEEP_URL="$(sed -n 's/^DEEP_URL=//p' "$WORK/walk.log")"
WALK_PAGES="$(sed -n 's/^WALK_PAGES=//p' "$WORK/walk.log")"
WALK_SECONDS="$(sed -n 's/^WALK_SECONDS=//p' "$WORK/walk.log")"
WALK_MEAN_MS="$(sed -n 's/^WALK_MEAN_MS=//p' "$WORK/walk.log")"
DEEP_ROWS="$(sed -n 's/^DEEP_ROWS=//p' "$WORK/walk.log")"
log "page $WALK_PAGES reached in ${WALK_SECONDS}s (mean ${WALK_MEAN_MS} ms a page), it holds $DEEP_ROWS rows"
measure deep get.lua "$DEEP_URL" "" get "$DEEP_URL"

measure q get.lua "$BASE$Q_PATH" "" get "$BASE$Q_PATH"
measure graphql post.lua "$BASE/graphql" "$HERE/graphql.json" post "$BASE/graphql" body="$HERE/graphql.json"
measure create create.lua "$BASE" "$HERE/create.json" create "$BASE/api/v1/customers" body="$HERE/create.json"
measure patch patch.lua "$BASE" "$PATCH_ARGS" \
  patch "$BASE/api/v1/customers/{id}" ids="$WORK/patch-ids.txt" body="$HERE/patch.json"

run_pgbench

# --- batch upsert against COPY ---------------------------------------------------------------
log "batch upsert: $BATCH_REQUESTS requests of 1,000 upserts, then COPY of the same rows"
HOTPATH_TOKEN="$(token rep.zhang)" tool batch "$BASE" "$BATCH_REQUESTS" >"$WORK/batch.log"
cat "$WORK/batch.log"
kv() { sed -n "s/^$1=//p" "$2"; }
BATCH_API="$(kv BATCH_API_ROWS_PER_S "$WORK/batch.log")"
BATCH_STEADY="$(kv BATCH_API_STEADY_ROWS_PER_S "$WORK/batch.log")"
BATCH_MS="$(kv BATCH_API_MS_PER_REQUEST "$WORK/batch.log")"
BATCH_COPY="$(kv BATCH_COPY_ROWS_PER_S "$WORK/batch.log")"
BATCH_COPY_SAME="$(kv BATCH_COPY_SAME_TABLE_ROWS_PER_S "$WORK/batch.log")"

# --- CSV export ------------------------------------------------------------------------------
log "CSV export of every customer as admin.li"
t="$(token admin.li)"
export_started="$(now)"
EXPORT_LINES="$(curl -sS --fail -N -H "Authorization: Bearer $t" "$BASE/api/v1/customers/export?format=csv" | wc -l)"
EXPORT_SECONDS="$(elapsed_since "$export_started")"
EXPORT_ROWS=$((EXPORT_LINES - 1))
EXPORT_RATE="$(awk -v r="$EXPORT_ROWS" -v s="$EXPORT_SECONDS" 'BEGIN { printf "%.0f", r / s }')"

RSS_AFTER="$(rss_mb VmRSS)"
RSS_PEAK="$(rss_mb VmHWM)"
ROWS_AFTER="$(app_sql -d "$DB" -c 'SELECT count(*) FROM customers WHERE deleted_at IS NULL')"
stop_service

# --- the table -------------------------------------------------------------------------------
PGB_TPS="$(printf '%s\n' "${PGB_RUNS[@]}" | awk '{ s += $1 } END { printf "%.0f", s / NR }')"
PGB_MIN="$(printf '%s\n' "${PGB_RUNS[@]}" | sort -n | head -n 1)"
PGB_MAX="$(printf '%s\n' "${PGB_RUNS[@]}" | sort -n | tail -n 1)"
# The pgbench a path is compared with: the mean of the runs just before and just after it.
pgb_for() {
  local i="${PATH_PGB[$1]:-}"
  if [ -z "$i" ]; then echo "$PGB_TPS"; return; fi
  awk -v a="${PGB_RUNS[$i]}" -v b="${PGB_RUNS[$((i + 1))]:-${PGB_RUNS[$i]}}" 'BEGIN { printf "%.0f", (a + b) / 2 }'
}
ratio_to() { awk -v v="${1:-0}" -v p="${2:-0}" 'BEGIN { if (v == "" || p == 0) print "-"; else printf "%.3f", v / p }'; }
ratio() { ratio_to "$1" "$PGB_TPS"; }
num() { awk -v v="${1:-0}" 'BEGIN { printf "%.0f", v }'; }
fmt_row() { printf '%-3s %-58s %10s %8s %8s %8s %7s %7s %7s | %10s %8s %8s\n' "$@"; }
endpoint_row() {
  local n="$1" label="$2" c="${CLOSED[$3]:-}" o="${OPEN[$3]:-}"
  local rps errs non2xx sock pgb
  pgb="$(pgb_for "$3")"
  rps="$(field rps "$c")"
  non2xx="$(field non2xx "$c")"
  sock="$(field socket_errors "$c")"
  errs=$((${non2xx:-0} + ${sock:-0}))
  local there
  there="$(field p99_ms "$o")"
  # No rate held: the p99 of the lowest rate tried, and that rate.
  [ "$(field held "$o")" != none ] || there="$there@$(field at_rate "$o")/s"
  fmt_row "$n" "$label" "$(num "$rps")" "$(ratio_to "$rps" "$pgb")" "$(field p50_ms "$c")" "$(field p99_ms "$c")" "$errs" \
    "$(field svc_cpu_ms "$c")" "$pgb" "$(field max_rate "$o")" "$(ratio_to "$(field max_rate "$o")" "$pgb")" "$there"
}

{
  echo "# Hot-path benchmark $(date -u +%Y-%m-%dT%H:%MZ) | cpus=$(nproc) | PostgreSQL $(app_sql -d "$DB" -c 'SHOW server_version') | service: $SERVICE_JAVA_VERSION | wrk $(wrk -v 2>&1 | head -n 1 | awk '{ print $2 }')"
  echo "# customers: $ROWS COPYed + $REAL through the API = $TOTAL_ROWS live at the start ($ROWS_AFTER after the writes); rep.zhang (sales-rep, scope SELF) owns $ZHANG_ROWS; $CONTACTS contacts"
  echo "# warm-up: $WARM_ROUNDS_RUN rounds of every path (${WARMUP_ROUND} s each) in ${WARM_SECONDS} s; settled (no path's CPU per request moved over 15 %): $WARM_SETTLED"
  echo "# closed loop: wrk -t$THREADS -c$CLIENTS -d$DURATION; open loop: $CLIENTS workers, steps of ${STEP} s, latency from the intended send time"
  echo "# x pgb = figure / pgbench tps, pgbench run just before and just after the path (its mean: 'pgb'); pgbench ran ${#PGB_RUNS[@]} times, ${PGB_MIN}-${PGB_MAX} tps"
  echo "# cpu ms = the service's CPU time (user + system) per request in the closed loop"
  echo "# 'max req/s' = the highest open-loop rate held with p99 <= $SLO_MS ms; 0 = none held, and then 'p99 ms there' is the p99 at the lowest rate tried (p99@rate)"
  echo
  fmt_row "#" "what" "req/s" "x pgb" "p50 ms" "p99 ms" "errors" "cpu ms" "pgb" "max req/s" "x pgb" "p99 ms"
  fmt_row "" "" "closed" "" "closed" "closed" "closed" "closed" "" "p99<=${SLO_MS}ms" "" "there"
  fmt_row 1 "pgbench -S ($CLIENTS clients over TCP, ${PGB_SECONDS} s, mean of ${#PGB_RUNS[@]})" "$(num "$PGB_TPS")" "1.000" "$PGB_P50" "$PGB_P99" 0 "-" "-" "-" "-" "-"
  endpoint_row 2 "GET /customers/{id} (random of rep.zhang's)" get-id
  endpoint_row 3 "GET /customers?filter=level==A;city==上海&sort=name (${FILTER_ROWS} match)" filter
  endpoint_row 4 "GET page $WALK_PAGES of sort=-createdAt limit 50 (cursor)" deep
  endpoint_row 5 "GET /customers?q=华东 (${Q_ROWS} names match)" q
  endpoint_row 6 "GraphQL customers(first: 50) + contacts + owner" graphql
  endpoint_row 7 "POST /customers with Idempotency-Key" create
  endpoint_row 8 "PATCH /customers/{id} with If-Match (merge patch)" patch
  fmt_row 9a "batch upsert, $BATCH_REQUESTS x 1,000 rows (rows/s; ${BATCH_MS} ms/request)" "$BATCH_API" "$(ratio "$BATCH_API")" "-" "-" "-" "-" "-" "-" "-" "-"
  fmt_row "" "  the same without the first request (rows/s)" "$BATCH_STEADY" "$(ratio "$BATCH_STEADY")" "-" "-" "-" "-" "-" "-" "-" "-"
  fmt_row 9b "COPY of the same rows into customers itself, rolled back (rows/s)" "$BATCH_COPY_SAME" "$(ratio "$BATCH_COPY_SAME")" "-" "-" "-" "-" "-" "-" "-" "-"
  fmt_row 9c "COPY of the same rows into bench_customers_copy, nearly empty (rows/s)" "$BATCH_COPY" "$(ratio "$BATCH_COPY")" "-" "-" "-" "-" "-" "-" "-" "-"
  batch_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }
  echo "      batch upsert / COPY into customers: $(batch_ratio "$BATCH_API" "$BATCH_COPY_SAME") (without the first request: $(batch_ratio "$BATCH_STEADY" "$BATCH_COPY_SAME")); issue 11's target: 0.25"
  echo "      batch upsert / COPY into the nearly empty copy: $(batch_ratio "$BATCH_API" "$BATCH_COPY") (without the first request: $(batch_ratio "$BATCH_STEADY" "$BATCH_COPY"))"
  fmt_row 10 "CSV export, admin.li, $EXPORT_ROWS rows in ${EXPORT_SECONDS} s (rows/s)" "$EXPORT_RATE" "$(ratio "$EXPORT_RATE")" "-" "-" "-" "-" "-" "-" "-" "-"
  echo "11  start-to-ready ${START_SECONDS} s (median of ${START_ALL}) | RSS idle ${RSS_IDLE} MB | RSS after the load ${RSS_AFTER} MB (peak ${RSS_PEAK} MB)"
  echo
  for entry in "${WARM_PATHS[@]}"; do
    IFS='|' read -r wname _ <<<"$entry"
    echo "# warm-up, service CPU ms a request by round, $wname: ${WARM_CURVE[$wname]}"
  done
  echo "# deep page: $WALK_PAGES pages walked in ${WALK_SECONDS} s (${WALK_MEAN_MS} ms a page, one client); page $WALK_PAGES holds $DEEP_ROWS rows"
  [ -z "${COPY_SECONDS:-}" ] || echo "# seeding: $ROWS rows COPYed in ${COPY_SECONDS} s"
  echo "# logs: $WORK (wrk.log, openload-*.log with every open-loop step, service.log)"
} | tee "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
