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
BASE="http://127.0.0.1:$PORT"
WORK="$ROOT/target/fault/kill9"
RUN="kill9-$(date +%s)"
source "$ROOT/scripts/fault/common.sh"
fault_setup

SVC_PID=
TOKEN_PID=
STREAM_PID=
cleanup() {
  [ -n "$STREAM_PID" ] && kill "$STREAM_PID" 2>/dev/null || true
  [ -n "$TOKEN_PID" ] && kill "$TOKEN_PID" 2>/dev/null || true
  if [ -n "$SVC_PID" ] && kill -0 "$SVC_PID" 2>/dev/null; then kill "$SVC_PID"; wait "$SVC_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

start_service "jdbc:postgresql://$DB_HOST:$DB_PORT/$DB"
log "service ready in ${READY_SECONDS} s (pid $SVC_PID)"
start_stream "$RUN" "$COUNT" "$THREADS"

RESTARTS=()
for k in $(seq 1 "$KILLS"); do
  sleep "$KILL_AFTER"
  kill -0 "$STREAM_PID" 2>/dev/null || { warn "the stream ended before kill $k"; break; }
  before="$(app_sql -c "SELECT count(*) FROM customers WHERE name LIKE '$RUN-%'")"
  log "kill -9 $SVC_PID with $before of $COUNT created"
  kill -9 "$SVC_PID"
  wait "$SVC_PID" 2>/dev/null || true
  in_flight="$(app_sql -c "SELECT count(*) FROM idempotency_keys WHERE idempotency_key LIKE '$RUN-%' AND state = 'IN_FLIGHT'")"
  start_service "jdbc:postgresql://$DB_HOST:$DB_PORT/$DB"
  log "restarted, ready in ${READY_SECONDS} s; $in_flight keys were in flight when it died"
  RESTARTS+=("kill $k: $before created before it, $in_flight keys in flight, ready again in ${READY_SECONDS} s")
done

echo
echo "# kill -9 fault test $(date -u +%Y-%m-%dT%H:%MZ): $COUNT creates, $THREADS threads, $KILLS kills"
for r in "${RESTARTS[@]}"; do echo "  $r"; done
check_stream "$RUN" "$COUNT"
