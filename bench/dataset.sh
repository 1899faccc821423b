#!/usr/bin/env bash
# bench/dataset.sh N DB [BIN] - makes DB a fresh benchmark database of N cases: `caseload init`
# (BIN, default build/caseload), then the generator SQL of its backend, bench/dataset-sqlite.sql
# for a file or bench/dataset-pg.sql for a postgresql:// URL (see the top of either file for the
# shape of the cases). DB must be new (an empty file name or an empty PostgreSQL database). The
# SQL runs inside the database (recursive CTEs / generate_series), so it takes seconds, not
# minutes: the only thing passed in is N, as a row of a temporary table.
set -euo pipefail
if [ $# -lt 2 ] || ! [[ $1 =~ ^[1-9][0-9]{0,7}$ ]]; then
	echo "usage: bench/dataset.sh N DB [BIN]   (N: 1..99999999 cases; DB: a new file or postgresql:// URL)" >&2
	exit 2
fi
N=$1
DB=$2
BIN=${3:-build/caseload}
here=$(cd "$(dirname "$0")" && pwd)

"$BIN" init --db "$DB" >/dev/null
start=$(date +%s.%N)
case "$DB" in
postgres://* | postgresql://*)
	command -v psql >/dev/null || { echo "bench: psql is missing" >&2; exit 1; }
	{ echo "CREATE TEMP TABLE bench_n (n bigint); INSERT INTO bench_n VALUES ($N);"
	  cat "$here/dataset-pg.sql"; } | psql -q -X -v ON_ERROR_STOP=1 "$DB" >/dev/null
	;;
*)
	command -v sqlite3 >/dev/null || { echo "bench: sqlite3 is missing" >&2; exit 1; }
	{ echo "CREATE TEMP TABLE bench_n (n INTEGER); INSERT INTO bench_n VALUES ($N);"
	  cat "$here/dataset-sqlite.sql"; } | sqlite3 -bail "$DB" >/dev/null
	;;
esac
end=$(date +%s.%N)
printf 'dataset: %s cases in %s (%.1f s)\n' "$N" "$DB" "$(echo "$end - $start" | bc)"
