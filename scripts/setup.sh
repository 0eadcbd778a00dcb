#!/usr/bin/env bash
# Installs what the workspace needs on a fresh machine: pnpm (pinned by package.json's
# packageManager, run through npx because corepack's signature check fails here) and the
# dependencies from the lockfile. Sourced by the other scripts; safe to run repeatedly.
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
