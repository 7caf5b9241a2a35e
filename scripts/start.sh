#!/usr/bin/env bash
# npm start: install, build, migrate, load the demo data when the database is empty, then serve
# the API (with the dashboard at /) and the worker on http://localhost:${PORT:-3000}.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then echo "OneWindow needs Node.js 20 or newer (found $(node -v))." >&2; exit 1; fi
check_services || exit 1
ensure_dependencies

echo "› building api, worker, cli, dashboard and the hall floor…"
npx nx run-many -t build -p api worker cli dashboard floor --parallel=2 --output-style=static

export DASHBOARD_DIR=${DASHBOARD_DIR:-$PWD/dist/apps/dashboard/browser}
export FLOOR_DIR=${FLOOR_DIR:-$PWD/dist/apps/floor/browser}
echo "› preparing the database (migrations; demo data when empty)…"
node dist/apps/cli/main.js setup --profile "${DEMO_PROFILE:-full}"

node dist/apps/worker/main.js &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo "› OneWindow on http://localhost:${PORT:-3000}  (dashboard /, hall floor /kiosk /board /counter /rate, API /api/v1, OpenAPI /api/docs)"
node dist/apps/api/main.js
