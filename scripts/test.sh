#!/usr/bin/env bash
# Runs the whole test suite: unit, service (@QuarkusTest), security tests with real Keycloak
# tokens, contract drift, manifest checks and the packaged-jar smoke test, against the real
# PostgreSQL (database crm_test) and Keycloak that the scripts beside this one start.
set -euo pipefail
LOG_TAG=test
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$ROOT/scripts/postgres.sh" up
"$ROOT/scripts/keycloak.sh" up
cd "$ROOT"
exec ./mvnw -B verify "$@"
