# shellcheck shell=bash
# bench/lib.sh - what the bench scripts share (sourced, not run): starting `caseload serve` on a
# free loopback port, logging in, and making an API token.

# bench_serve BIN DB LOG [serve options...] starts the server in the background; sets
# bench_pid and bench_url. Fails (with the server's log) when it does not start.
bench_serve() {
	local bin=$1 db=$2 log=$3
	shift 3
	"$bin" serve --db "$db" --listen 127.0.0.1:0 --login-ip-limit 1000 "$@" 2>"$log" &
	# shellcheck disable=SC2034  # read by the scripts that source this file
	bench_pid=$!
	for _ in $(seq 200); do grep -q '"listening"' "$log" 2>/dev/null && break; sleep 0.05; done
	bench_url=$(grep -o '"url":"[^"]*"' "$log" | head -1 | cut -d'"' -f4)
	[ -n "$bench_url" ] || { echo "bench: server did not start"; cat "$log"; return 1; }
}

# bench_login URL LOGIN PASSWORD prints the session cookie ("__Host-sid=...").
bench_login() {
	curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
	  -d "{\"login\":\"$2\",\"password\":\"$3\"}" "$1/api/v1/session" \
	  | grep -i '^set-cookie:' | sed -e 's/^[Ss]et-[Cc]ookie: //' -e 's/;.*//'
}

# bench_token URL COOKIE prints a new API token of the logged-in user.
bench_token() {
	local csrf
	csrf=$(curl -s -H "Cookie: $2" "$1/api/v1/me" | grep -o '"csrf_token":"[^"]*"' | cut -d'"' -f4)
	curl -s -H 'Content-Type: application/json' -H "Cookie: $2" -H "X-CSRF-Token: $csrf" \
	  -H "Origin: $1" -H 'Sec-Fetch-Site: same-origin' -d '{"name":"bench"}' "$1/api/v1/tokens" \
	  | grep -o '"token":"[^"]*"' | cut -d'"' -f4
}
