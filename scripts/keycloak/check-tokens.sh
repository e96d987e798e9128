#!/usr/bin/env bash
# Smoke check of the local realm: fetches a user token (password grant, crm-web)
# and a machine token (client credentials, crm-integration), prints the decoded
# payloads and fails unless they carry the claims the CRM service relies on.
#   scripts/keycloak/check-tokens.sh [username]      (default rep.zhang)
set -euo pipefail

LOG_TAG=keycloak-check
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
need_cmd curl jq

BASE_URL="http://127.0.0.1:${CRM_KEYCLOAK_PORT:-8180}"
ISSUER="$BASE_URL/realms/crm"
TOKEN_URL="$ISSUER/protocol/openid-connect/token"
USERNAME="${1:-rep.zhang}"
SECRET="${CRM_INTEGRATION_CLIENT_SECRET:-local-integration-secret}"

# JWT payload = second dot-separated part, base64url without padding.
jwt_payload() {
  local p
  p="$(printf '%s' "$1" | cut -d. -f2 | tr '_-' '/+')"
  while [ $((${#p} % 4)) -ne 0 ]; do p="$p="; done
  printf '%s' "$p" | base64 -d
}

access_token() {
  local body
  body="$(curl -sS "$TOKEN_URL" "$@")" || die "token endpoint $TOKEN_URL unreachable (is Keycloak up?)"
  jq -er .access_token <<<"$body" >/dev/null 2>&1 || die "no token: $body"
  jq -r .access_token <<<"$body"
}

# check <label> <payload json> <jq boolean expression>
check() {
  if jq -e "$3" >/dev/null <<<"$2"; then
    log "ok   $1: $3"
  else
    log "FAIL $1: $3"
    FAILED=1
  fi
}

FAILED=0
expected_sub="$(jq -r --arg u "$USERNAME" '.[] | select(.username == $u) | .id' \
  "$ROOT/scripts/keycloak/local-users.json")"
[ -n "$expected_sub" ] || die "unknown local user '$USERNAME'"
expected_role="$(jq -r --arg u "$USERNAME" '.[] | select(.username == $u) | .realmRoles[] | select(. != "default-roles-crm")' \
  "$ROOT/scripts/keycloak/local-users.json" | head -n1)"

user="$(jwt_payload "$(access_token -d grant_type=password -d client_id=crm-web \
  --data-urlencode "username=$USERNAME" -d password=local-pass)")"
log "user token ($USERNAME via crm-web, password grant):"
jq . <<<"$user"
check user "$user" ".iss == \"$ISSUER\""
check user "$user" '.aud | (if type == "array" then . else [.] end) | index("crm-api") != null'
check user "$user" ".sub == \"$expected_sub\""
check user "$user" '.azp == "crm-web"'
check user "$user" ".realm_access.roles | index(\"$expected_role\") != null"
check user "$user" ".preferred_username == \"$USERNAME\""
check user "$user" '(.email | length) > 0 and (.name | length) > 0'

machine="$(jwt_payload "$(access_token -d grant_type=client_credentials -d client_id=crm-integration \
  --data-urlencode "client_secret=$SECRET")")"
log "machine token (crm-integration, client credentials):"
jq . <<<"$machine"
check machine "$machine" ".iss == \"$ISSUER\""
check machine "$machine" '.aud | (if type == "array" then . else [.] end) | index("crm-api") != null'
check machine "$machine" '.azp == "crm-integration"'
check machine "$machine" '(.sub | length) > 0'
check machine "$machine" '.realm_access.roles | index("integration") != null'
check machine "$machine" '.preferred_username == "service-account-crm-integration"'

[ "$FAILED" -eq 0 ] || die "token claims do not match the realm contract"
log "all token checks passed"
