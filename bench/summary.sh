#!/usr/bin/env bash
# bench/summary.sh N [N...] - the case summary benchmark (design.md "Performance targets").
# For each N: a fresh database of N cases (bench/dataset.sh), a server on it, then with wrk for
# DURATION seconds each, in the same run: GET /api/v1/health (the trivial endpoint), the
# summary of a random case (TARGET=random; most cases are small), and the summary of a random
# typical-full case (every 50th: ~50 notes, 20 tasks, 10 parties, 30 status rows), first under
# load (CONNECTIONS clients: the rates, the summary/health ratio, target >= 0.5), then from one
# client (the time one summary takes, without queueing behind the others: p50 and p99, target
# p99 < 5 ms). At the end of each N after the first, its one-client p50 against the first N's
# (target: within 1.5x). It measures; it asserts nothing.
#
#   BIN=build/caseload  DURATION=10  CONNECTIONS=16  THREADS=2  WARMUP=3
#   BACKEND=sqlite | pg   pg runs in a throwaway cluster (tests/pg/with-postgres.sh)
#   KEEP=1                keep the databases (their paths are printed)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
BIN=${BIN:-$root/build/caseload}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-3}
BACKEND=${BACKEND:-sqlite}
if [ $# -lt 1 ]; then
	echo "usage: bench/summary.sh N [N...]   (e.g. 10000 1000000)" >&2
	exit 2
fi
for n in "$@"; do
	[[ $n =~ ^[1-9][0-9]{0,7}$ ]] || { echo "bench: N must be a number of cases, not '$n'" >&2; exit 2; }
done
command -v wrk >/dev/null || { echo "bench: wrk is missing (scripts/deps.sh installs it)" >&2; exit 1; }
if [ "$BACKEND" = pg ] && [ -z "${CASELOAD_TEST_PG:-}" ]; then
	exec "$root/tests/pg/with-postgres.sh" "$0" "$@"
fi
# shellcheck source=bench/lib.sh
. "$here/lib.sh"

PASSWORD=caseload-bench-pass-1
dir=$(mktemp -d)
bench_pid=
# shellcheck disable=SC2317  # run by the trap
cleanup() {
	[ -n "$bench_pid" ] && { kill "$bench_pid" 2>/dev/null || true; wait "$bench_pid" 2>/dev/null || true; }
	if [ -z "${KEEP:-}" ]; then rm -rf "$dir"; fi
}
trap cleanup EXIT

# run_wrk TARGET CASES TOKEN [CLIENTS] prints "rps p50_us p99_us non2xx errors" of one wrk run
# (CLIENTS connections, default CONNECTIONS).
run_wrk() {
	local out clients=${4:-$CONNECTIONS} threads=$THREADS
	[ "$clients" -lt "$threads" ] && threads=$clients
	out=$(TARGET=$1 CASES=$2 TOKEN=$3 wrk -t"$threads" -c"$clients" -d"${DURATION}s" \
	  -s "$here/summary.lua" "$bench_url")
	grep '^result ' <<<"$out" | sed -E 's/.*rps=([0-9]+) p50_us=([0-9]+) p90_us=[0-9]+ p99_us=([0-9]+) non2xx=([0-9]+) errors=([0-9]+).*/\1 \2 \3 \4 \5/'
}

ms() { awk -v us="$1" 'BEGIN { printf "%.2f ms", us / 1000 }'; }

echo "caseload summary bench: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on $(nproc) cores, $BACKEND"
first_p50=()
for n in "$@"; do
	if [ "$BACKEND" = pg ]; then
		db="${CASELOAD_TEST_PG%/*}/bench_$n"
		psql -q -X "$CASELOAD_TEST_PG" -c "DROP DATABASE IF EXISTS bench_$n" -c "CREATE DATABASE bench_$n"
	else
		db="$dir/bench_$n.db"
	fi
	"$here/dataset.sh" "$n" "$db" "$BIN"
	printf '%s\n' "$PASSWORD" | "$BIN" user add --db "$db" --login bench --name Bench --role admin \
	  --password-stdin >/dev/null
	# every wrk run opens CONNECTIONS more from one address while the last run's may still be
	# closing: more than the default --per-ip 16
	bench_serve "$BIN" "$db" "$dir/serve_$n.log" --per-ip 256
	cookie=$(bench_login "$bench_url" bench "$PASSWORD")
	token=$(bench_token "$bench_url" "$cookie")
	[ -n "$token" ] || { echo "bench: could not make an API token"; exit 1; }
	code=$(curl -s -o "$dir/one.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
	  "$bench_url/api/v1/cases/50/summary")
	[ "$code" = 200 ] || { echo "bench: the summary answered $code: $(head -c 300 "$dir/one.json")"; exit 1; }
	printf 'one typical-full summary: %s bytes of JSON\n' "$(wc -c <"$dir/one.json")"
	DURATION=$WARMUP run_wrk random "$n" "$token" >/dev/null

	read -r h_rps h_p50 h_p99 _ _ < <(run_wrk health "$n" "")
	read -r s_rps s_p50 s_p99 s_bad s_err < <(run_wrk random "$n" "$token")
	read -r f_rps f_p50 f_p99 f_bad f_err < <(run_wrk full "$n" "$token")
	read -r _ s1_p50 s1_p99 _ _ < <(run_wrk random "$n" "$token" 1)
	read -r _ f1_p50 f1_p99 _ _ < <(run_wrk full "$n" "$token" 1)
	rss=$(ps -o rss= -p "$bench_pid" | tr -d ' ')
	printf '\n%s cases (%s)\n' "$n" "$BACKEND"
	printf '  %-28s %8s req/s   p50 %-10s p99 %s\n' "GET /api/v1/health" "$h_rps" "$(ms "$h_p50")" "$(ms "$h_p99")"
	printf '  %-28s %8s req/s   p50 %-10s p99 %-10s ratio to health %s (target >= 0.50)%s\n' \
	  "summary, random case" "$s_rps" "$(ms "$s_p50")" "$(ms "$s_p99")" \
	  "$(awk -v a="$s_rps" -v b="$h_rps" 'BEGIN { printf "%.2f", a / b }')" \
	  "$([ "$s_bad$s_err" = 00 ] || echo "  non-2xx $s_bad, errors $s_err")"
	printf '  %-28s %8s req/s   p50 %-10s p99 %-10s ratio to health %s%s\n' \
	  "summary, typical-full case" "$f_rps" "$(ms "$f_p50")" "$(ms "$f_p99")" \
	  "$(awk -v a="$f_rps" -v b="$h_rps" 'BEGIN { printf "%.2f", a / b }')" \
	  "$([ "$f_bad$f_err" = 00 ] || echo "  non-2xx $f_bad, errors $f_err")"
	printf '  %-28s %8s          p50 %-10s p99 %-10s (target p99 < 5 ms)\n' \
	  "one client: random case" "" "$(ms "$s1_p50")" "$(ms "$s1_p99")"
	printf '  %-28s %8s          p50 %-10s p99 %s\n' \
	  "one client: typical-full" "" "$(ms "$f1_p50")" "$(ms "$f1_p99")"
	printf '  server resident memory after load: %s MiB\n' "$((rss / 1024))"
	if [ ${#first_p50[@]} -eq 0 ]; then
		first_p50=("$n" "$s1_p50" "$f1_p50")
	else
		printf '  one-client p50 against %s cases: random %s, typical-full %s (target <= 1.50x)\n' \
		  "${first_p50[0]}" \
		  "$(awk -v a="$s1_p50" -v b="${first_p50[1]}" 'BEGIN { printf "%.2fx", a / b }')" \
		  "$(awk -v a="$f1_p50" -v b="${first_p50[2]}" 'BEGIN { printf "%.2fx", a / b }')"
	fi
	kill "$bench_pid" 2>/dev/null || true
	wait "$bench_pid" 2>/dev/null || true
	bench_pid=
	if [ -n "${KEEP:-}" ]; then echo "  database kept: $db"; elif [ "$BACKEND" = pg ]; then
		psql -q -X "$CASELOAD_TEST_PG" -c "DROP DATABASE bench_$n"
	else rm -f "$db" "$db-wal" "$db-shm"; fi
done
