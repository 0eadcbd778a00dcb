#!/usr/bin/env bash
# The one command that runs every check: install, lint, typecheck, build, API reports, package
# checks, the consumer test (the packed packages installed with npm into a fresh app outside the
# workspace),
# unit + integration + conformance + story tests, Storybook build, end-to-end tests in Debian's
# Chromium (installed when missing), and the benchmark / size report.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step lint;       pnpm run lint
step typecheck;  pnpm run typecheck
step build;      pnpm run build
# On the packages' dist/; the e2e step reuses this build (apps/e2e/lib/build.mjs checks it is current).
step "Next.js demo build (apps/next-demo, next build)"; NEXT_TELEMETRY_DISABLED=1 pnpm --filter @cognito-kit/next-demo build
step "API reports (packages/*/etc; pnpm api:update after a meant change)"; pnpm run api:check
step "package checks (publint, attw)"; pnpm run check:packages
step "consumer test (packed tarballs in a fresh Vite app; reaches the npm registry)"; pnpm run test:consumer
step "tests (core, emulator, react; stories run as tests)"; pnpm run test
step "storybook build"; pnpm run storybook:build
step "end-to-end (apps/demo and apps/next-demo in Chromium)"; pnpm run e2e
step "benchmarks and size budgets"; pnpm run bench
