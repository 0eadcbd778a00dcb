#!/usr/bin/env bash
# The README's main command: installs what is missing, builds, then runs the local Cognito
# emulator (seeded with a demo user whose credentials are printed), and the demo app with its
# protected API, all on 127.0.0.1. Ctrl-C stops everything.
#
# Against a real user pool instead of the emulator: set COGNITO_USER_POOL_ID and
# COGNITO_CLIENT_ID (and COGNITO_REGION when it differs from the pool id's prefix); see
# apps/demo/README.md. Ports: EMULATOR_PORT (default 9229), DEMO_PORT (default 5173).
#
# `--next` runs the Next.js App Router demo (apps/next-demo: server-rendered pages that read the
# session from cookies) instead of the Vite demo, on NEXT_PORT (default 3000).
set -euo pipefail
cd "$(dirname "$0")/.."
APP=vite
for arg in "$@"; do
  case "$arg" in
    --next) APP=next ;;
    *) echo "unknown option: $arg (known: --next)" >&2; exit 2 ;;
  esac
done
set --
source scripts/setup.sh

EMULATOR_PORT=${EMULATOR_PORT:-9229}
DEMO_PORT=${DEMO_PORT:-5173}
SEED=apps/demo/seed.json
pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT
# Waits until a URL answers (node instead of curl: one tool fewer on a fresh machine).
wait_for() {
  node -e '
    const until = Date.now() + 15000;
    (async function poll() {
      try { await fetch(process.argv[1]); process.exit(0); }
      catch { if (Date.now() > until) process.exit(1); setTimeout(poll, 200); }
    })();
  ' "$1" || { echo "$1 did not come up" >&2; exit 1; }
}

echo "== build"
if [ -z "${COGNITO_USER_POOL_ID:-}" ]; then
  pnpm --filter @cognito-kit/emulator build >/dev/null
fi
if [ "$APP" = next ]; then
  # next build runs on the packages' dist/ (core, react, server), built first by the filter.
  pnpm --filter "@cognito-kit/next-demo..." build >/dev/null
else
  # The demo's API (apps/demo/server) runs on the built @cognito-kit/server and core.
  pnpm --filter "@cognito-kit/server..." build >/dev/null
  pnpm --filter @cognito-kit/demo build >/dev/null
fi

if [ -z "${COGNITO_USER_POOL_ID:-}" ]; then
  # The seed file is the one source of the demo pool's ids and the demo user's credentials.
  read -r POOL_ID CLIENT_ID DEMO_USER DEMO_PASSWORD ADMIN_USER ADMIN_PASSWORD < <(node -e '
    const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const p = s.pools[0];
    const admin = p.users.find((u) => (u.groups ?? []).includes("admins"));
    console.log(p.id, p.clients[0].id, p.users[0].username, p.users[0].password,
      admin ? admin.username : "-", admin ? admin.password : "-");
  ' "$SEED")
  export COGNITO_USER_POOL_ID=$POOL_ID COGNITO_CLIENT_ID=$CLIENT_ID
  export COGNITO_ENDPOINT="http://127.0.0.1:${EMULATOR_PORT}"
  # Redirect sign-in: the emulator serves the pool domain's OAuth endpoints on its own URL, and
  # the seed registers its built-in provider as "Google" and as the OIDC provider "Acme SSO".
  export COGNITO_OAUTH_DOMAIN="$COGNITO_ENDPOINT"
  export COGNITO_IDENTITY_PROVIDERS='["Google",{"name":"Acme SSO","idp":"AcmeOIDC"}]'
  echo "== emulator on ${COGNITO_ENDPOINT}"
  node packages/emulator/dist/cli.js --host 127.0.0.1 --port "$EMULATOR_PORT" --seed "$SEED" --quiet &
  pids+=($!)
  wait_for "${COGNITO_ENDPOINT}/${POOL_ID}/.well-known/jwks.json"
fi

if [ "$APP" = next ]; then
  DEMO_PORT=${NEXT_PORT:-3000}
  # Plain HTTP on 127.0.0.1: the session cookies cannot be `Secure` here (see apps/next-demo).
  PORT=$DEMO_PORT COOKIE_SECURE=false NEXT_TELEMETRY_DISABLED=1 node apps/next-demo/server.mjs >/dev/null &
  pids+=($!)
  wait_for "http://127.0.0.1:${DEMO_PORT}/sign-in"
else
  PORT=$DEMO_PORT node apps/demo/server/serve.mjs >/dev/null &
  pids+=($!)
  wait_for "http://127.0.0.1:${DEMO_PORT}/config.json"
fi

echo
echo "  Demo app:   http://127.0.0.1:${DEMO_PORT}/"
if [ -n "${DEMO_USER:-}" ]; then
  echo "  Emulator:   ${COGNITO_ENDPOINT}  (pool ${COGNITO_USER_POOL_ID}, client ${COGNITO_CLIENT_ID})"
  echo "  Sign in as: ${DEMO_USER} / ${DEMO_PASSWORD}   (demo credentials from ${SEED})"
  [ "${ADMIN_USER:-}" = "-" ] || [ -z "${ADMIN_USER:-}" ] ||
    echo "  Admin page: ${ADMIN_USER} / ${ADMIN_PASSWORD}   (member of the admins group)"
  echo "  Codes sent by e-mail are printed by the emulator's outbox: GET ${COGNITO_ENDPOINT}/_emulator/outbox"
else
  echo "  User pool:  ${COGNITO_USER_POOL_ID} (client ${COGNITO_CLIENT_ID})"
fi
echo
echo "Press Ctrl-C to stop."
# Every process here answers bad requests instead of exiting; if one still stops, say which
# before the trap stops the others, so the cause is not lost in the silence.
status=0
wait -n "${pids[@]}" || status=$?
for pid in "${pids[@]}"; do
  kill -0 "$pid" 2>/dev/null || echo "process $pid stopped (status $status); stopping the rest" >&2
done
exit "$status"
