#!/usr/bin/env bash
# npm test: lint, unit tests, integration tests (real PostgreSQL and Redis, through the real
# migrations; each suite creates and drops its own databases), the resilience suite's short profile
# (tools/resilience: its own PostgreSQL cluster and Redis) and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
check_services || exit 1
ensure_dependencies

echo "› lint and unit tests"
npx nx run-many -t lint test --parallel=2 --output-style=static
echo "› integration tests (PostgreSQL + Redis)"
npx nx run-many -t int --parallel=1 --output-style=static
echo "› resilience, short profile (own PostgreSQL cluster and Redis; faults and abuse checks)"
npm run test:resilience -- --profile short
echo "› browser tests (headless Chromium)"
npx nx run-many -t e2e --parallel=1 --output-style=static
echo "all tests passed"
