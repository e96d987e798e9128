#!/usr/bin/env bash
# Regenerates the committed contracts, openapi/openapi.yaml and graphql-schema/schema.graphql,
# from the running code (the drift test in write mode). Review and commit the diff: contract
# changes are deliberate.
set -euo pipefail
LOG_TAG=contracts
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$ROOT/scripts/postgres.sh" up
"$ROOT/scripts/keycloak.sh" up
cd "$ROOT"
./mvnw -B -q test -Dtest=ContractDriftTest -Dsurefire.failIfNoSpecifiedTests=false -Dcrm.contracts.write=true
git --no-pager diff --stat -- openapi graphql-schema || true
log "contracts written to openapi/openapi.yaml and graphql-schema/schema.graphql"
