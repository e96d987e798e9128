#!/usr/bin/env bash
# Runs the CRM service locally with everything it needs: PostgreSQL on 5432 and Keycloak on
# 8180 (started or installed by the scripts beside this one), then the service in Quarkus dev
# mode on http://127.0.0.1:8080 (live reload; the local realm's users are seeded as employees).
set -euo pipefail
LOG_TAG=run
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$ROOT/scripts/postgres.sh" up
"$ROOT/scripts/keycloak.sh" up
log "starting the service on http://127.0.0.1:8080 (Ctrl+C stops it; PostgreSQL and Keycloak keep running:"
log "  scripts/postgres.sh down; scripts/keycloak.sh down)"
cd "$ROOT"
exec ./mvnw -B quarkus:dev -Dquarkus.console.enabled=false "$@"
