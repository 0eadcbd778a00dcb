#!/usr/bin/env bash
# The one command that runs every check: install, lint, typecheck, unit + integration +
# conformance tests, package builds with publint/attw, and the benchmark/size report.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step lint;       pnpm run lint
step typecheck;  pnpm run typecheck
step build;      pnpm run build
step "package checks (publint, attw)"; pnpm run check:packages
step tests;      pnpm run test
step "benchmarks and size budgets"; pnpm run bench
