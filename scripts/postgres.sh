#!/usr/bin/env bash
# Local PostgreSQL for development and tests.
#
#   scripts/postgres.sh up       start (or reuse) a server, create role/databases, verify login
#   scripts/postgres.sh down     stop the local Debian cluster that `up` manages
#   scripts/postgres.sh status   exit 0 when the server answers, 3 when it does not
#
# Env overrides: CRM_DB_HOST (127.0.0.1), CRM_DB_PORT (5432), CRM_DB_USER (crm),
# CRM_DB_PASSWORD (crm). The credentials are for this machine only.
set -euo pipefail

LOG_TAG=postgres
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB_HOST="${CRM_DB_HOST:-127.0.0.1}"
DB_PORT="${CRM_DB_PORT:-5432}"
DB_USER="${CRM_DB_USER:-crm}"
DB_PASSWORD="${CRM_DB_PASSWORD:-crm}"
DATABASES=(crm crm_test)
LOG_FILE="$LOG_DIR/postgres.log"
READY_TIMEOUT=30

answering() { pg_isready -q -h "$DB_HOST" -p "$DB_PORT" -t 2 >/dev/null 2>&1; }

is_local_host() {
  case "$DB_HOST" in 127.0.0.1 | localhost | ::1) return 0 ;; *) return 1 ;; esac
}

have_cluster_tools() { command -v pg_lsclusters >/dev/null 2>&1; }

# "<version> <name> <status> <logfile>" of the Debian cluster on our port, if any.
# Only a local cluster counts as "ours": a server on another host, in a container,
# or started by hand is used but never stopped or reconfigured.
our_cluster() {
  is_local_host && have_cluster_tools || return 0
  pg_lsclusters -h 2>/dev/null | awk -v p="$DB_PORT" '$3 == p { print $1, $2, $4, $7; exit }'
}

cluster_field() { our_cluster | awk -v i="$1" '{ print $i }'; }

# Run psql as the database superuser over the Unix socket (peer auth).
# `cd /` because the postgres user usually cannot read the caller's cwd.
superuser_psql() {
  if is_root; then
    (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$DB_PORT" "$@")
  elif [ "$(id -un)" = postgres ]; then
    psql -X -q -v ON_ERROR_STOP=1 -p "$DB_PORT" "$@"
  else
    return 1
  fi
}

can_be_superuser() { [ -n "$(our_cluster)" ] && { is_root || [ "$(id -un)" = postgres ]; }; }

app_psql() {
  local db="$1"
  shift
  PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=5 \
    psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$db" "$@"
}

app_login_works() {
  local db
  for db in "${DATABASES[@]}"; do
    app_psql "$db" -tAc 'select 1' >/dev/null 2>&1 || return 1
  done
}

install_postgres() {
  is_root || die "PostgreSQL is not installed. Install it (as root: apt-get install -y postgresql postgresql-contrib), or point CRM_DB_HOST/CRM_DB_PORT at a running server."
  need_cmd apt-get
  log "installing postgresql + postgresql-contrib with apt-get (output: $LOG_FILE)"
  {
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql postgresql-contrib
  } >>"$LOG_FILE" 2>&1 || die "apt-get failed; see $LOG_FILE"
}

start_cluster() {
  local ver name
  read -r ver name _ _ <<<"$(our_cluster)"
  is_root || [ "$(id -un)" = postgres ] || die "cluster $ver/$name is down and only root or postgres can start it: sudo pg_ctlcluster $ver $name start"
  log "starting cluster $ver/$name (cluster log: $(cluster_field 4))"
  pg_ctlcluster "$ver" "$name" start >>"$LOG_FILE" 2>&1 || {
    tail -n 20 "$LOG_FILE" >&2
    die "pg_ctlcluster $ver $name start failed; see $LOG_FILE and $(cluster_field 4)"
  }
}

wait_ready() {
  local deadline=$((SECONDS + READY_TIMEOUT))
  until answering; do
    [ "$SECONDS" -lt "$deadline" ] || die "server did not answer on $DB_HOST:$DB_PORT within ${READY_TIMEOUT}s"
    sleep 0.5
  done
}

# Idempotent: creates what is missing, resets the role's password and database
# owners to the documented values so a drifted local setup heals itself.
provision() {
  log "ensuring role '$DB_USER' and databases ${DATABASES[*]} (owner $DB_USER), extension pg_trgm"
  superuser_psql -d postgres -v role="$DB_USER" -v pw="$DB_PASSWORD" -v dbs="${DATABASES[*]}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'role', :'pw') \gexec
-- template0 + UTF8 so the databases never inherit a template1 in another encoding.
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', d, :'role', 'UTF8')
  FROM unnest(string_to_array(:'dbs', ' ')) AS d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', datname, :'role')
  FROM pg_database
 WHERE datname = ANY (string_to_array(:'dbs', ' ')) AND pg_get_userbyid(datdba) <> :'role' \gexec
SQL
  local db
  for db in "${DATABASES[@]}"; do
    # pg_trgm is a trusted extension (PG 13+), so the owner could create it too;
    # creating it here means migrations' CREATE EXTENSION IF NOT EXISTS is a no-op.
    superuser_psql -d "$db" -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm' 2>&1 | grep -v 'already exists, skipping' || true
    superuser_psql -d "$db" -tAc "select 1 from pg_extension where extname = 'pg_trgm'" | grep -q 1 \
      || die "pg_trgm missing in $db (is postgresql-contrib installed?)"
  done
}

# Debian's default pg_hba.conf already allows scram-sha-256 on 127.0.0.1; add a
# rule only if login still fails (e.g. a cluster configured with trust/ident only).
ensure_tcp_password_auth() {
  app_login_works && return 0
  can_be_superuser || return 1
  local hba rule
  hba="$(superuser_psql -d postgres -tAc 'show hba_file')"
  rule="host    all    $DB_USER    127.0.0.1/32    scram-sha-256"
  if ! grep -qF "$rule" "$hba"; then
    log "adding '$rule' to $hba"
    # First matching rule wins, so it goes before every other rule. Rewrite in
    # place (cat >) to keep the file's owner and mode.
    local tmp
    tmp="$(mktemp)"
    awk -v rule="$rule" '!done && /^[[:space:]]*[^#[:space:]]/ { print rule; done = 1 } { print }' "$hba" >"$tmp"
    cat "$tmp" >"$hba" && rm -f "$tmp"
  fi
  superuser_psql -d postgres -tAc 'select pg_reload_conf()' >/dev/null
  sleep 0.5
  app_login_works
}

cmd_up() {
  need_cmd pg_isready psql
  ensure_log_dir
  if answering; then
    if [ -n "$(our_cluster)" ]; then
      log "already running on $DB_HOST:$DB_PORT (cluster $(cluster_field 1)/$(cluster_field 2))"
    else
      log "a server already answers on $DB_HOST:$DB_PORT (not a local cluster); using it"
    fi
  else
    is_local_host || die "nothing answers on $DB_HOST:$DB_PORT and it is not a local address; start that server yourself"
    if [ -z "$(our_cluster)" ]; then
      if have_cluster_tools && [ -n "$(pg_lsclusters -h 2>/dev/null)" ]; then
        die "no local cluster uses port $DB_PORT (pg_lsclusters: $(pg_lsclusters -h | awk '{ printf "%s/%s:%s ", $1, $2, $3 }')); set CRM_DB_PORT"
      fi
      install_postgres
      [ -n "$(our_cluster)" ] || die "installed PostgreSQL but found no cluster on port $DB_PORT; see pg_lsclusters"
    fi
    start_cluster
    wait_ready
    log "started on $DB_HOST:$DB_PORT"
  fi

  if can_be_superuser; then
    provision
  elif app_login_works; then
    log "cannot act as superuser here; role '$DB_USER' can already log in, skipping provisioning"
  else
    die "cannot provision: need root or the postgres user for a local cluster, or create role '$DB_USER' and databases ${DATABASES[*]} yourself"
  fi

  ensure_tcp_password_auth || die "password login as '$DB_USER' over TCP to $DB_HOST:$DB_PORT fails; check pg_hba.conf"
  local cluster_log
  cluster_log="$(cluster_field 4)"
  log "ready: postgresql://$DB_USER@$DB_HOST:$DB_PORT/{$(IFS=,; echo "${DATABASES[*]}")} (password login verified)"
  log "logs: $LOG_FILE${cluster_log:+ and $cluster_log}"
}

cmd_down() {
  need_cmd pg_isready
  ensure_log_dir
  local cluster
  cluster="$(our_cluster)"
  if [ -z "$cluster" ]; then
    if answering; then
      log "the server on $DB_HOST:$DB_PORT is not a local cluster this script manages; leaving it running"
    else
      log "already down (nothing answers on $DB_HOST:$DB_PORT)"
    fi
    return 0
  fi
  local ver name status
  read -r ver name status _ <<<"$cluster"
  if [ "$status" != online ] && ! answering; then
    log "already down (cluster $ver/$name)"
    return 0
  fi
  is_root || [ "$(id -un)" = postgres ] || die "only root or postgres can stop cluster $ver/$name: sudo pg_ctlcluster $ver $name stop"
  pg_ctlcluster "$ver" "$name" stop >>"$LOG_FILE" 2>&1 || die "pg_ctlcluster $ver $name stop failed; see $LOG_FILE"
  log "stopped cluster $ver/$name"
}

cmd_status() {
  need_cmd pg_isready
  local where=""
  [ -n "$(our_cluster)" ] && where=" (cluster $(cluster_field 1)/$(cluster_field 2), log: $(cluster_field 4))"
  if answering; then
    log "up on $DB_HOST:$DB_PORT$where"
    return 0
  fi
  log "down on $DB_HOST:$DB_PORT$where"
  return 3
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) usage_and_exit "up|down|status" ;;
esac
