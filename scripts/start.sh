#!/usr/bin/env bash
# npm start: install, build, migrate, load the demo data when the database is empty, then serve
# the API (with the dashboard at /), the worker and the living demo (DEMO_LIVE=realtime by default:
# the facts halls open their doors in their own hours; fast: a compressed day; off) on
# http://localhost:${PORT:-3000}.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then echo "OneWindow needs Node.js 20 or newer (found $(node -v))." >&2; exit 1; fi
check_services || exit 1
ensure_dependencies

echo "› building api, worker, cli, dashboard, the hall floor and the demo simulator…"
npx nx run-many -t build -p api worker cli dashboard floor demo-live --parallel=2 --output-style=static

export DASHBOARD_DIR=${DASHBOARD_DIR:-$PWD/dist/apps/dashboard/browser}
export FLOOR_DIR=${FLOOR_DIR:-$PWD/dist/apps/floor/browser}
echo "› preparing the database (migrations; demo data when empty)…"
node dist/apps/cli/main.js setup --profile "${DEMO_PROFILE:-full}"

node dist/apps/worker/main.js &
worker=$!
# the simulator waits for the API, then drives it through the contract (it stops cleanly on TERM:
# windows closed, its devices revoked)
DEMO_LIVE=${DEMO_LIVE:-realtime} node dist/apps/demo-live/main.js &
live=$!
trap 'kill $live $worker 2>/dev/null || true' EXIT INT TERM
echo "› OneWindow on http://localhost:${PORT:-3000}  (dashboard /, hall floor /kiosk /board /counter /rate, API /api/v1, OpenAPI /api/docs)"
node dist/apps/api/main.js
