#!/usr/bin/env bash
# Installs what the workspace needs on a fresh machine: pnpm (pinned by package.json's
# packageManager, run through npx because corepack's signature check fails here) and the
# dependencies from the lockfile. Run directly (`bash scripts/setup.sh`) it then builds the
# packages, leaving a ready workspace; sourced by scripts/test.sh and scripts/start.sh it only
# installs, because those build in a step of their own. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
pnpm() { npx --yes "pnpm@${PNPM_VERSION}" "$@"; }
export -f pnpm 2>/dev/null || true
if [ "${CI:-}" = "true" ]; then
  pnpm install --frozen-lockfile --reporter=append-only
else
  pnpm install --reporter=append-only
fi
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  pnpm run build
fi
