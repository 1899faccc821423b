#!/usr/bin/env bash
# bench/run.sh BIN - load figures: GET /api/v1/health (no login, no database) and GET
# /api/v1/me with a session cookie (session lookup + user + rights from SQLite), each with wrk
# for a fixed time on loopback; then durable writes (create a case, change a status, add a
# note; one client, sequential, each answered after its commit) beside bare SQLite commits with
# the same settings on the same disk (bench/bare_commit.py). Prints requests per second and
# latency percentiles. It measures; it asserts nothing. Bounded: five runs of DURATION seconds.
set -euo pipefail
BIN=${1:-build/caseload}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
command -v wrk >/dev/null || { echo "bench: wrk is missing (scripts/deps.sh installs it)"; exit 1; }
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

dir=$(mktemp -d)
pid=
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
"$BIN" init --db "$dir/bench.db" >/dev/null
"$BIN" demo --db "$dir/bench.db" >/dev/null
bench_serve "$BIN" "$dir/bench.db" "$dir/log"
pid=$bench_pid
url=$bench_url

cookie=$(bench_login "$url" admin caseload-admin-1)
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

# ---- durable writes -------------------------------------------------------------------------
token=$(bench_token "$url" "$cookie")
[ -n "$token" ] || { echo "bench: could not make an API token"; exit 1; }
get() { curl -s -H "Authorization: Bearer $token" "$url$1"; }
first_id() { grep -o '"id":[0-9]*' | head -1 | cut -d: -f2; }
id_named() { python3 -c 'import json,sys; print(next(i["id"] for i in json.load(sys.stdin)["items"] if i["name"]==sys.argv[1]))' "$1"; }
export TOKEN=$token
export TYPE=$(get /api/v1/setup/case-types | id_named "Auto Accident")
export NOTE_TYPE=$(get /api/v1/setup/note-types | id_named "General")
export STAGE_TYPE=$(get /api/v1/setup/status-types | id_named "Stage")
export STAGE_A=$(get "/api/v1/setup/statuses?status_type_id=$STAGE_TYPE" | id_named "Pre-Litigation")
export STAGE_B=$(get "/api/v1/setup/statuses?status_type_id=$STAGE_TYPE" | id_named "Litigation")
export CASE=$(curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Bench target\",\"case_type_id\":$TYPE}" "$url/api/v1/cases" | first_id)
[ -n "$CASE" ] || { echo "bench: could not create the target case"; exit 1; }

bare=$(python3 "$(dirname "$0")/bare_commit.py" "$dir" 2000)
printf '%-28s %10s commits/s (WAL, synchronous=FULL, one row per transaction)\n' "bare SQLite commits" "$bare"
for kind in case status note; do
  out=$(WRITE=$kind wrk -t1 -c1 -d"${DURATION}s" --latency -s "$(dirname "$0")/writes.lua" "$url")
  summary "POST write: $kind" "$out"
  rps=$(grep 'Requests/sec' <<<"$out" | awk '{print $2}')
  python3 -c 'import sys; print("  %.0f%% of bare commits (target: at least 50%%)" % (100*float(sys.argv[1])/float(sys.argv[2])))' "$rps" "$bare"
done
rss=$(ps -o rss= -p "$pid" | tr -d ' ')
printf 'server resident memory after writes: %s MiB\n' "$((rss / 1024))"
