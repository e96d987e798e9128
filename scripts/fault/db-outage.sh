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
BASE="http://127.0.0.1:$PORT"
WORK="$ROOT/target/fault/db-outage"
RUN="outage-$(date +%s)"
source "$ROOT/scripts/fault/common.sh"
fault_setup

trap stop_background EXIT
ms() { date +%s%3N; }

echo up >"$WORK/proxy.control"
java -cp "$TOOL_CP" dev.headlesscrm.fault.TcpProxy "$PROXY_PORT" "$DB_HOST" "$DB_PORT" \
  "$WORK/proxy.control" >"$WORK/proxy.log" 2>&1 &
PIDS+=($!)
sleep 1
start_service "jdbc:postgresql://127.0.0.1:$PROXY_PORT/$DB"
PIDS+=("$SVC_PID")
log "service ready through the proxy"

start_stream "$RUN" "$COUNT" "$THREADS"
PIDS+=("$STREAM_PID" "$TOKEN_PID")
TOKEN="$(cat "$WORK/token")"

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

echo
echo "# database outage fault test $(date -u +%Y-%m-%dT%H:%MZ): PostgreSQL cut for $OUTAGE s through a proxy"
echo "  $summary" | sed 's/^/  /'
check_stream "$RUN" "$COUNT"
