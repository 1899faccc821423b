#!/usr/bin/env bash
# bench/run.sh BIN - load figures for the platform: GET /api/v1/health (no login, no database)
# and GET /api/v1/me with a session cookie (session lookup + user + rights from SQLite), each
# with wrk for a fixed time on loopback. Prints requests per second and latency percentiles.
# It measures; it asserts nothing. Bounded: two runs of DURATION seconds each.
set -euo pipefail
BIN=${1:-build/caseload}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
command -v wrk >/dev/null || { echo "bench: wrk is missing (scripts/deps.sh installs it)"; exit 1; }

dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
"$BIN" init --db "$dir/bench.db" >/dev/null
"$BIN" demo --db "$dir/bench.db" >/dev/null
"$BIN" serve --db "$dir/bench.db" --listen 127.0.0.1:0 --login-ip-limit 1000 2>"$dir/log" &
pid=$!
for _ in $(seq 100); do grep -q '"listening"' "$dir/log" 2>/dev/null && break; sleep 0.05; done
url=$(grep -o '"url":"[^"]*"' "$dir/log" | head -1 | cut -d'"' -f4)
[ -n "$url" ] || { echo "bench: server did not start"; cat "$dir/log"; exit 1; }

cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"login":"admin","password":"caseload-admin-1"}' "$url/api/v1/session" \
  | grep -i '^set-cookie:' | sed -e 's/^[Ss]et-[Cc]ookie: //' -e 's/;.*//')
[ -n "$cookie" ] || { echo "bench: login failed"; exit 1; }

summary() { # name, wrk output
  local rps p50 p90 p99
  rps=$(grep 'Requests/sec' <<<"$2" | awk '{print $2}')
  p50=$(grep -E '^\s+50%' <<<"$2" | awk '{print $2}')
  p90=$(grep -E '^\s+90%' <<<"$2" | awk '{print $2}')
  p99=$(grep -E '^\s+99%' <<<"$2" | awk '{print $2}')
  printf '%-28s %10s req/s   p50 %-8s p90 %-8s p99 %s\n' "$1" "$rps" "$p50" "$p90" "$p99"
}

echo "caseload bench: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on $(nproc) cores, $(basename "$BIN") on SQLite"
out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url/api/v1/health")
summary "GET /api/v1/health" "$out"
out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $cookie" "$url/api/v1/me")
summary "GET /api/v1/me (session)" "$out"
grep -c '"status":200' "$dir/log" | xargs printf 'requests logged with 200: %s\n'
rss=$(ps -o rss= -p "$pid" | tr -d ' ')
printf 'server resident memory after load: %s MiB\n' "$((rss / 1024))"
