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
# CORS for local browser apps: the origins the local realm's crm-web client redirects to
# (k8s/base/keycloak/crm-realm-import.json: http://localhost:* and http://127.0.0.1:*, any port).
# Override either variable to change it; CORS stays off everywhere else (application.properties).
export QUARKUS_HTTP_CORS_ENABLED="${QUARKUS_HTTP_CORS_ENABLED:-true}"
export QUARKUS_HTTP_CORS_ORIGINS="${QUARKUS_HTTP_CORS_ORIGINS:-/https?://(localhost|127[.]0[.]0[.]1)(:[0-9]+)?/}"
log "CORS on for $QUARKUS_HTTP_CORS_ORIGINS"
exec ./mvnw -B quarkus:dev -Dquarkus.console.enabled=false "$@"
