#!/usr/bin/env bash
# Fault test (issue 12): connection-pool and worker exhaustion by exports. Seeds FAULT_SEED
# customers through the batch API, then FAULT_EXPORTS clients ask for a CSV export of them at the
# same moment and keep asking for FAULT_DURATION seconds (dev.headlesscrm.fault.ExportFlood),
# while a probe (dev.headlesscrm.fault.Probe) makes short requests every 200 ms: liveness,
# readiness, one customer, a list and an idempotent create. Passes when nothing answers 500 or
# hangs: liveness and readiness answer 200 within 1 s, short API calls are served or refused fast
# (503/429 problem+json with Retry-After within 1.5 s), and every export either completes (every
# row) or is refused with such a problem, the service taking at most 1.5 s to refuse (its access
# log: the load generator runs niced and is no judge of time) (crm.export.max-concurrent, 4 a
# pod: refusals are not queued behind the running exports). Prints the statuses and p50/p99/max
# latency of each probe kind before, during and after the flood, and the exports completed and
# refused. One command, not part of the test run:
#
#   scripts/fault/exports.sh
#   FAULT_EXPORTS=50 FAULT_DURATION=15 FAULT_SKIP_BUILD=1 scripts/fault/exports.sh
#
# Settings: FAULT_EXPORTS (200 clients), FAULT_DURATION (30 s of flood), FAULT_SEED (3000),
# FAULT_PORT (8093), FAULT_REFUSE_MS (1500), FAULT_EXPORT_REFUSE_MS (1500), FAULT_EXPORT_RETRY_MS
# (unset: refused clients wait the Retry-After they were given; set, e.g. 1000, they come back
# that soon, as impatient clients do), FAULT_SKIP_BUILD=1 (reuse target/). Uses database
# crm_fault_exports.
set -euo pipefail
LOG_TAG=exports
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

EXPORTS="${FAULT_EXPORTS:-200}"
DURATION="${FAULT_DURATION:-30}"
SEED="${FAULT_SEED:-3000}"
PORT="${FAULT_PORT:-8093}"
DB=crm_fault_exports
BASE="http://127.0.0.1:$PORT"
WORK="$ROOT/target/fault/exports"
RUN="exports-$(date +%s)"
source "$ROOT/scripts/fault/common.sh"
fault_setup

trap stop_background EXIT

# The service's own view of each request (access.log: method, path, status, ms from the first
# handler to the last byte): slowness there is the service's, not the loaded client's.
export QUARKUS_HTTP_ACCESS_LOG_ENABLED=true QUARKUS_HTTP_ACCESS_LOG_LOG_TO_FILE=true
export QUARKUS_HTTP_ACCESS_LOG_PATTERN='%m %U %s %D' QUARKUS_HTTP_ACCESS_LOG_LOG_DIRECTORY="$WORK"
export QUARKUS_HTTP_ACCESS_LOG_BASE_FILE_NAME=access QUARKUS_HTTP_RECORD_REQUEST_START_TIME=true
rm -f "$WORK"/access*.log
SERVICE_JAVA_OPTS="-Xlog:gc:file=$WORK/gc.log" start_service "jdbc:postgresql://$DB_HOST:$DB_PORT/$DB"
PIDS+=("$SVC_PID")
log "service ready in ${READY_SECONDS} s"

token >"$WORK/token"
TOKEN="$(cat "$WORK/token")"
api() { curl -sS --fail-with-body -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }

log "seeding $SEED customers through the batch API"
for ((i = 0; i < SEED; i += 1000)); do
  n=$((SEED - i < 1000 ? SEED - i : 1000))
  jq -n --arg run "$RUN" --argjson from "$i" --argjson n "$n" \
    '{atomic: false, operations: [range($from; $from + $n) | {op: "create",
      data: {name: "\($run)-\(.)", city: "上海"}}]}' \
    >"$WORK/batch.json"
  api -X POST "$BASE/api/v1/customers/batch" --data-binary "@$WORK/batch.json" >"$WORK/batch.out"
  bad="$(jq '[.results[] | select(.status != 201)] | length' "$WORK/batch.out")"
  [ "$bad" = 0 ] || die "$bad batch items failed; see $WORK/batch.out"
done
CUSTOMER_ID="$(jq -r '.results[0].id' "$WORK/batch.out")"
ROWS="$(api "$BASE/api/v1/customers?limit=1&count=true" | jq -r .page.total)"
log "rep.zhang sees $ROWS customers; each export must hold at least as many rows"

# Probe before, during and after the flood.
echo before >"$WORK/phase"
# The probe runs ahead of other work on the node (nice -5): it times the service, not its own turn
# on a shared CPU.
FAULT_TOKEN_FILE="$WORK/token" nice -n -5 java -Xmx128m -cp "$TOOL_CP" dev.headlesscrm.fault.Probe \
  "$BASE" "$CUSTOMER_ID" "$RUN" "$WORK/phase" "$WORK/probe.log" >"$WORK/probe.out" 2>"$WORK/probe.err" &
PROBE_PID=$!
PIDS+=("$PROBE_PID")
sleep 5
echo flood >"$WORK/phase"
log "$EXPORTS clients exporting for $DURATION s"
# The load generator shares the node with the service and the probe: it yields the CPU to them
# (nice), so that what the probe measures is the service, not the clients' own threads.
FAULT_TOKEN="$TOKEN" nice -n 10 java -Xmx256m -cp "$TOOL_CP" dev.headlesscrm.fault.ExportFlood \
  "$BASE" "$EXPORTS" "$DURATION" "$ROWS" >"$WORK/flood.out" 2>"$WORK/flood.err" || true
echo after >"$WORK/phase"
log "flood over; probing 5 s more"
sleep 5
echo stop >"$WORK/phase"
wait "$PROBE_PID" || true
curl -s --max-time 10 "$BASE/q/metrics" >"$WORK/metrics.txt" || true
SERVER_ERRORS="$(grep -c -E 'ERROR' "$WORK/service.log" || true)"

field() { sed -n "s/^$1=//p" "$WORK/flood.out" | tail -n 1; }
probe_violations="$(sed -n 's/^VIOLATIONS=//p' "$WORK/probe.out")"
export_violations="$(field EXPORT_VIOLATIONS)"

echo
echo "# export flood fault test $(date -u +%Y-%m-%dT%H:%MZ): $EXPORTS clients exporting $ROWS customers for $DURATION s"
echo "  exports: completed $(field EXPORTS_COMPLETED), refused $(field EXPORTS_REFUSED) (Retry-After $(field EXPORT_RETRY_AFTER)); statuses $(field EXPORT_STATUSES)"
echo "  as the (niced) clients saw them: completed exports took $(field EXPORT_COMPLETED_MS); refusals $(field EXPORT_REFUSED_MS)"
sed -n 's/^PROBE /  probe /p' "$WORK/probe.out"
EXPORT_REFUSE_MS="${FAULT_EXPORT_REFUSE_MS:-1500}"
slowest_refusal="$(awk '$2 ~ /\/export/ && ($3 == 503 || $3 == 429) && $4 > m { m = $4 } END { print m + 0 }' "$WORK/access.log")"
# shellcheck disable=SC2016
awk '{ k = $2; sub(/\?.*/, "", k); if (k ~ /\/customers\/[0-9a-f-]+$/) k = "get"; else if (k ~ /export$/) k = "export-" $3;
       else if ($1 == "POST" && k ~ /customers$/) k = "create"; else if (k ~ /customers$/) k = "list"; else sub(/.*\//, "", k)
       n[k]++; if ($4 > m[k]) m[k] = $4; if ($4 > 1000) s[k]++ }
     END { for (k in n) if (k != "batch" && k != "metrics") printf "%s max %d ms (%d over 1 s), ", k, m[k], s[k] }' \
  "$WORK/access.log" | sed 's/, $//; s/^/  the service'"'"'s own time (access log): /'
echo
echo "  ERROR lines in the service log: $SERVER_ERRORS; longest GC pause of the service: $(grep -o '[0-9.]*ms$' "$WORK/gc.log" | sort -n | tail -n 1)"
echo "  load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (on $(nproc) cores)"
grep -h '^VIOLATION' "$WORK/flood.out" "$WORK/probe.out" | sed 's/^/  /' || true
if [ "$slowest_refusal" -gt "$EXPORT_REFUSE_MS" ]; then
  echo "  VIOLATION export: the service took $slowest_refusal ms to refuse one (over $EXPORT_REFUSE_MS)"
  export_violations=$((export_violations + 1))
fi
if [ "${probe_violations:-x}" = 0 ] && [ "${export_violations:-x}" = 0 ] && [ "$(field EXPORTS_COMPLETED)" -gt 0 ]; then
  echo "  PASS: no 500 and no hang; health within 1 s; every refusal a 503/429 problem with Retry-After in time"
else
  echo "  FAIL: $probe_violations probe and $export_violations export violations (logs: $WORK)"
  exit 1
fi
