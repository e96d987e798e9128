#!/usr/bin/env bash
# Local Keycloak (start-dev) with the CRM realm, for development and tests.
#
#   scripts/keycloak.sh up        download if needed, import the realm, start, wait until ready
#   scripts/keycloak.sh down      stop the Keycloak that `up` started
#   scripts/keycloak.sh restart   down + up (re-imports the realm)
#   scripts/keycloak.sh status    exit 0 when the crm realm answers, 3 when it does not
#   scripts/keycloak.sh logs [-f] show (or follow) the server log
#
# The realm comes from k8s/base/keycloak/crm-realm-import.json (the source of
# truth, also used in Kubernetes) plus local-only test users and the password
# grant on crm-web. Keycloak runs on an in-memory database, so every start
# imports that realm afresh: no state survives a restart.
#
# Env overrides: CRM_KEYCLOAK_PORT (8180), CRM_KEYCLOAK_MANAGEMENT_PORT (9180),
# CRM_KEYCLOAK_START_TIMEOUT (120 s), CRM_CACHE_DIR (~/.cache/headless-crm),
# CRM_INTEGRATION_CLIENT_SECRET (local-integration-secret),
# CRM_KEYCLOAK_FALLBACK_JDK (/usr/lib/jvm/temurin-25-jdk-amd64).
set -euo pipefail

LOG_TAG=keycloak
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KC_VERSION=26.5.6
KC_ARTIFACT="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip"
KC_HOME="$CACHE_DIR/keycloak-$KC_VERSION"
KC_PORT="${CRM_KEYCLOAK_PORT:-8180}"
# 9000 (the default) is a popular port; keep the management interface out of its way.
KC_MANAGEMENT_PORT="${CRM_KEYCLOAK_MANAGEMENT_PORT:-9180}"
START_TIMEOUT="${CRM_KEYCLOAK_START_TIMEOUT:-120}"
FALLBACK_JDK="${CRM_KEYCLOAK_FALLBACK_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"

BASE_URL="http://127.0.0.1:$KC_PORT"
REALM=crm
WELL_KNOWN="$BASE_URL/realms/$REALM/.well-known/openid-configuration"

REALM_CR="$ROOT/k8s/base/keycloak/crm-realm-import.json"
LOCAL_USERS="$ROOT/scripts/keycloak/local-users.json"
IMPORT_DIR="$KC_HOME/data/import"
IMPORT_FILE="$IMPORT_DIR/crm-realm.json"

PID_FILE="$LOG_DIR/keycloak.pid"
LOG_FILE="$LOG_DIR/keycloak.log"
# Checksum of the realm the running server imported, to spot a stale import.
REALM_SUM_FILE="$LOG_DIR/keycloak.realm.sha256"

TMP_DIR=""
trap '[ -z "$TMP_DIR" ] || rm -rf "$TMP_DIR"' EXIT

answering() { curl -fsS -o /dev/null --max-time 2 "$WELL_KNOWN" 2>/dev/null; }

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

read_pid() { [ -f "$PID_FILE" ] && cat "$PID_FILE" || true; }

# The pid file sits in target/, which `mvn clean` deletes; fall back to whoever
# listens on our port, but only if it is a java process from our Keycloak home.
find_our_pid() {
  local pid
  pid="$(read_pid)"
  if pid_alive "$pid"; then
    echo "$pid"
    return
  fi
  command -v ss >/dev/null 2>&1 || return 0
  pid="$(ss -Hltnp "sport = :$KC_PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2 || true)"
  [ -n "$pid" ] || return 0
  if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-Dkc.home.dir=$KC_HOME/bin/.."; then
    # The listener is the java child; launch() made its parent kc.sh the group leader.
    ps -o pgid= -p "$pid" | tr -d ' '
  fi
}

java_major() {
  local java="${1:-java}"
  "$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }' | cut -d. -f1
}

# Keycloak 26 runs on Java 17+; use the default JDK when it qualifies, else the fallback.
default_java_home() {
  local major=""
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major="$(java_major "$JAVA_HOME/bin/java")"
    [ "${major:-0}" -ge 17 ] && { echo "$JAVA_HOME"; return; }
  elif command -v java >/dev/null 2>&1; then
    major="$(java_major java)"
    [ "${major:-0}" -ge 17 ] && { echo ""; return; } # "" = java from PATH
  fi
  [ -x "$FALLBACK_JDK/bin/java" ] || die "no Java 17+ found (default: ${major:-none}); install one or set CRM_KEYCLOAK_FALLBACK_JDK"
  echo "$FALLBACK_JDK"
}

# Download through the project's Maven wrapper (same repositories, proxies and
# local cache as the build). The throwaway pom keeps Maven away from the project.
ensure_distribution() {
  [ -x "$KC_HOME/bin/kc.sh" ] && return 0
  need_cmd unzip
  local tmp started
  started="$(now)"
  tmp="$(mktemp -d)"
  TMP_DIR="$tmp"
  log "downloading $KC_ARTIFACT with $ROOT/mvnw (log: $LOG_DIR/keycloak-download.log)"
  cat >"$tmp/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.headless-crm</groupId>
  <artifactId>keycloak-fetch</artifactId>
  <version>0</version>
  <packaging>pom</packaging>
</project>
POM
  (cd "$tmp" && "$ROOT/mvnw" -B -ntp -f "$tmp/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="$KC_ARTIFACT" -DoutputDirectory="$tmp/dl") >"$LOG_DIR/keycloak-download.log" 2>&1 \
    || die "download failed; see $LOG_DIR/keycloak-download.log"
  mkdir -p "$tmp/unzip" "$CACHE_DIR"
  unzip -q "$tmp/dl/keycloak-quarkus-dist-$KC_VERSION.zip" -d "$tmp/unzip"
  # Move into place in one step so an interrupted download never looks complete.
  mv "$tmp/unzip/keycloak-$KC_VERSION" "$KC_HOME"
  log "unpacked to $KC_HOME in $(elapsed_since "$started") s"
}

# Committed realm + local-only pieces -> the file Keycloak imports at start.
prepare_realm() {
  need_cmd jq
  [ -f "$REALM_CR" ] || die "realm file missing: $REALM_CR"
  [ -f "$LOCAL_USERS" ] || die "local users file missing: $LOCAL_USERS"
  mkdir -p "$IMPORT_DIR"
  # Only our realm: stale files from other realms or versions must not be imported.
  find "$IMPORT_DIR" -mindepth 1 -maxdepth 1 -name '*.json' -delete
  jq --slurpfile users "$LOCAL_USERS" '
      .spec.realm
      | .users = ((.users // []) + $users[0])
      | .clients |= map(if .clientId == "crm-web" then .directAccessGrantsEnabled = true else . end)
    ' "$REALM_CR" >"$IMPORT_FILE.tmp" || die "could not build the realm from $REALM_CR and $LOCAL_USERS"
  [ "$(jq -r .realm "$IMPORT_FILE.tmp")" = "$REALM" ] || die "$REALM_CR does not hold realm '$REALM'"
  mv "$IMPORT_FILE.tmp" "$IMPORT_FILE"
}

realm_sum() { cat "$REALM_CR" "$LOCAL_USERS" | sha256sum | cut -d' ' -f1; }

# Start kc.sh detached in its own session, so `down` can stop kc.sh and its
# java child together by process group.
launch() {
  local java_home="$1"
  : >"$LOG_FILE"
  (
    cd "$KC_HOME"
    [ -n "$java_home" ] && export JAVA_HOME="$java_home"
    # Local-only credentials; Kubernetes takes them from Secrets.
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
    export CRM_INTEGRATION_CLIENT_SECRET="${CRM_INTEGRATION_CLIENT_SECRET:-local-integration-secret}"
    exec setsid nohup bin/kc.sh start-dev \
      --http-host=127.0.0.1 --http-port="$KC_PORT" \
      --hostname="$BASE_URL" \
      --http-management-port="$KC_MANAGEMENT_PORT" --health-enabled=true \
      --db=dev-mem --import-realm \
      >>"$LOG_FILE" 2>&1 </dev/null
  ) &
  echo $! >"$PID_FILE"
}

# 0 = ready, 1 = process died, 2 = timed out.
wait_ready() {
  local pid="$1" deadline=$((SECONDS + START_TIMEOUT))
  while [ "$SECONDS" -lt "$deadline" ]; do
    answering && return 0
    pid_alive "$pid" || return 1
    sleep 0.5
  done
  return 2
}

stop_pid() {
  local pid="$1" i
  # Negative pid = the whole process group that launch() created.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 60); do
    pid_alive "$pid" || return 0
    sleep 0.5
  done
  warn "pid $pid ignored SIGTERM for 30 s; sending SIGKILL"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

cmd_up() {
  need_cmd curl
  ensure_log_dir
  if answering; then
    log "already up at $BASE_URL (realm $REALM)"
    if [ -f "$REALM_SUM_FILE" ] && [ "$(cat "$REALM_SUM_FILE")" != "$(realm_sum)" ]; then
      warn "realm or local users changed since this Keycloak started; run '$0 restart' to re-import"
    fi
    return 0
  fi

  local pid
  pid="$(find_our_pid)"
  if pid_alive "$pid"; then
    log "a previous start (pid $pid) is still running but not ready; stopping it first"
    stop_pid "$pid"
  fi
  if curl -s -o /dev/null --max-time 2 "$BASE_URL/" 2>/dev/null; then
    die "port $KC_PORT is taken by something that does not serve realm '$REALM'; free it or set CRM_KEYCLOAK_PORT"
  fi

  ensure_distribution
  prepare_realm

  local java_home started rc
  java_home="$(default_java_home)"
  started="$(now)"
  log "starting Keycloak $KC_VERSION on $BASE_URL with Java $(java_major "${java_home:+$java_home/bin/}java") (log: $LOG_FILE)"
  launch "$java_home"
  rc=0
  wait_ready "$(read_pid)" || rc=$?
  if [ "$rc" -eq 1 ] && [ "$java_home" != "$FALLBACK_JDK" ] && [ -x "$FALLBACK_JDK/bin/java" ] &&
    grep -qE 'UnsupportedClassVersionError|requires Java|Unsupported Java' "$LOG_FILE"; then
    warn "default Java cannot run Keycloak; retrying with $FALLBACK_JDK"
    cp "$LOG_FILE" "$LOG_FILE.failed"
    java_home="$FALLBACK_JDK"
    launch "$java_home"
    rc=0
    wait_ready "$(read_pid)" || rc=$?
  fi
  case "$rc" in
    0)
      realm_sum >"$REALM_SUM_FILE"
      log "up at $BASE_URL in $(elapsed_since "$started") s (pid $(read_pid); admin console $BASE_URL/admin, health http://127.0.0.1:$KC_MANAGEMENT_PORT/health/ready)"
      ;;
    1)
      tail -n 30 "$LOG_FILE" >&2
      rm -f "$PID_FILE"
      die "Keycloak exited during start; see $LOG_FILE"
      ;;
    *)
      tail -n 30 "$LOG_FILE" >&2
      stop_pid "$(read_pid)"
      rm -f "$PID_FILE"
      die "realm $REALM did not answer within ${START_TIMEOUT}s; stopped it; see $LOG_FILE"
      ;;
  esac
}

cmd_down() {
  ensure_log_dir
  local pid
  pid="$(find_our_pid)"
  if ! pid_alive "$pid"; then
    rm -f "$PID_FILE" "$REALM_SUM_FILE"
    if answering; then
      log "the Keycloak on $BASE_URL was not started by this script (no pid file, not from $KC_HOME); leaving it running"
    else
      log "already down"
    fi
    return 0
  fi
  local started
  started="$(now)"
  stop_pid "$pid"
  rm -f "$PID_FILE" "$REALM_SUM_FILE"
  log "stopped (pid $pid) in $(elapsed_since "$started") s"
}

cmd_status() {
  local pid
  pid="$(find_our_pid)"
  if answering; then
    log "up at $BASE_URL (realm $REALM${pid:+, pid $pid}; log: $LOG_FILE)"
    return 0
  fi
  if pid_alive "$pid"; then
    log "down: pid $pid is running but realm $REALM does not answer yet (log: $LOG_FILE)"
  else
    log "down"
  fi
  return 3
}

cmd_logs() {
  [ -f "$LOG_FILE" ] || die "no log yet at $LOG_FILE"
  if [ "${1:-}" = "-f" ]; then
    exec tail -n 100 -F "$LOG_FILE"
  fi
  tail -n 200 "$LOG_FILE"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  restart) cmd_down && cmd_up ;;
  status) cmd_status ;;
  logs) cmd_logs "${2:-}" ;;
  *) usage_and_exit "up|down|restart|status|logs [-f]" ;;
esac
