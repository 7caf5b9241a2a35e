# Shared helpers of scripts/start.sh and scripts/test.sh (sourced, not run).

# host and port of a postgres:// or redis:// URL (defaults 5432 / 6379)
url_host() { local rest=${1#*://}; rest=${rest#*@}; rest=${rest%%/*}; echo "${rest%%:*}"; }
url_port() {
  local rest=${1#*://}; rest=${rest#*@}; rest=${rest%%/*}
  if [[ $rest == *:* ]]; then echo "${rest##*:}"; else echo "$2"; fi
}

# true when something accepts TCP connections at host:port
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# says which service is missing and how to start it; returns 1 when one is
check_services() {
  local db=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/onewindow}
  local redis=${REDIS_URL:-redis://127.0.0.1:6379}
  local ok=0
  if ! port_open "$(url_host "$db")" "$(url_port "$db" 5432)"; then
    echo "PostgreSQL is not reachable at $(url_host "$db"):$(url_port "$db" 5432) (DATABASE_URL)." >&2
    echo "  Start it, e.g.: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start" >&2
    echo "  or run everything in containers: docker compose up" >&2
    ok=1
  fi
  if ! port_open "$(url_host "$redis")" "$(url_port "$redis" 6379)"; then
    echo "Redis is not reachable at $(url_host "$redis"):$(url_port "$redis" 6379) (REDIS_URL)." >&2
    echo "  Start it, e.g.: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save \"\" --appendonly no" >&2
    echo "  or run everything in containers: docker compose up" >&2
    ok=1
  fi
  return $ok
}

# npm ci when node_modules is missing or older than the lock file
ensure_dependencies() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "› installing dependencies (npm ci)…"
    npm ci --no-audit --no-fund
  fi
}

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE=${NX_SKIP_NX_CACHE:-}
