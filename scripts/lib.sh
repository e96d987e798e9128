# shellcheck shell=bash
# Shared helpers for the local-service scripts. Source it; do not run it.
#   LOG_TAG=postgres; source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Repo root = parent of scripts/, whatever the caller's working directory.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Logs and pid files live in the build dir so they never get committed;
# downloads live outside the repo so `mvn clean` never throws them away.
LOG_DIR="$ROOT/target/local-services"
CACHE_DIR="${CRM_CACHE_DIR:-$HOME/.cache/headless-crm}"

: "${LOG_TAG:=local}"

# One-line, colour-free messages so they read well in CI logs too.
log() { printf '[%s] %s\n' "$LOG_TAG" "$*"; }
warn() { printf '[%s] WARNING: %s\n' "$LOG_TAG" "$*" >&2; }
die() {
  printf '[%s] ERROR: %s\n' "$LOG_TAG" "$*" >&2
  exit 1
}

ensure_log_dir() { mkdir -p "$LOG_DIR"; }

is_root() { [ "$(id -u)" -eq 0 ]; }

need_cmd() {
  local c
  for c in "$@"; do
    command -v "$c" >/dev/null 2>&1 || die "'$c' is required but not installed"
  done
}

# Seconds since the epoch with a fractional part, for "took N s" messages.
now() { date +%s.%N; }
elapsed_since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }

usage_and_exit() {
  printf 'usage: %s %s\n' "$(basename "$0")" "$1" >&2
  exit 2
}
