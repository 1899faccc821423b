#!/usr/bin/env bash
# with-postgres.sh CMD ARGS... - run CMD against a throwaway PostgreSQL 15 cluster.
#
# Starts a fresh cluster in a temporary directory on a free loopback port, runs CMD with
# CASELOAD_TEST_PG set to a superuser URL (postgresql://postgres@127.0.0.1:PORT/postgres),
# then stops the cluster and removes the directory, also when CMD or the set-up fails. Exits
# with CMD's status. Safe to run repeatedly and concurrently: every run has its own directory,
# port and socket directory. The server runs as the postgres user (runuser) because
# PostgreSQL refuses to run as root, which is how CI runs.
#
# Tests create what they need inside it, e.g. psql "$CASELOAD_TEST_PG" -c 'CREATE DATABASE x'.
set -euo pipefail

PGBIN=/usr/lib/postgresql/15/bin

if [ $# -lt 1 ]; then
	echo "usage: $0 CMD [ARGS...]" >&2
	exit 2
fi

if [ ! -x "$PGBIN/initdb" ]; then
	echo "with-postgres: installing PostgreSQL 15 (Debian package postgresql)" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get -o DPkg::Lock::Timeout=300 install -y postgresql >&2 ||
		{ apt-get update >&2 && apt-get -o DPkg::Lock::Timeout=300 install -y postgresql >&2; }
fi

# under /tmp, not $TMPDIR: the postgres user must be able to reach the directory
dir=$(mktemp -d /tmp/caseload-pg.XXXXXX)
data="$dir/data"
log="$dir/server.log"
port=

as_pg() {
	# run a PostgreSQL program as the postgres user, from a directory it can read
	(cd "$dir" && runuser -u postgres -- "$@")
}

# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
	local status=$?
	if [ -f "$data/postmaster.pid" ]; then
		as_pg "$PGBIN/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

chown postgres:postgres "$dir"
chmod 700 "$dir"

if ! as_pg "$PGBIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
	>"$dir/initdb.log" 2>&1; then
	echo "with-postgres: initdb failed:" >&2
	cat "$dir/initdb.log" >&2
	exit 1
fi

# Settings for a throwaway test cluster. fsync, full_page_writes and synchronous_commit are OFF
# here only because this cluster's data is deleted when the tests end; defaults.md requires
# them ON for any real database. Trust authentication is acceptable for the same reason, and
# because the server listens on 127.0.0.1 only, with its socket in our private 0700 directory.
cat >>"$data/postgresql.conf" <<EOF

# --- caseload tests/pg/with-postgres.sh: throwaway cluster, never for real data ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
full_page_writes = off
synchronous_commit = off
shared_buffers = 64MB
max_connections = 200
EOF

free_port() {
	python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# A port picked free may be taken by a concurrent run before the server binds it: try again.
started=
for _ in 1 2 3 4 5 6 7 8; do
	port=$(free_port)
	if as_pg "$PGBIN/pg_ctl" -D "$data" -l "$log" -w -t 60 -o "-p $port" start >/dev/null 2>&1; then
		started=1
		break
	fi
	as_pg "$PGBIN/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
done
if [ -z "$started" ]; then
	echo "with-postgres: the server did not start; its log:" >&2
	cat "$log" >&2 || true
	exit 1
fi

for _ in $(seq 1 100); do
	if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; then
		break
	fi
	sleep 0.1
done
if ! "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; then
	echo "with-postgres: the server is not accepting connections; its log:" >&2
	cat "$log" >&2 || true
	exit 1
fi

export CASELOAD_TEST_PG="postgresql://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL 15 at $CASELOAD_TEST_PG (data in $dir)" >&2

# CMD runs in the background (stdin passed on explicitly) so that a TERM or INT sent to this
# script is handled at once: it is passed to CMD and the cluster is still removed.
"$@" <&0 &
child=$!
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 143' TERM
trap 'kill -INT "$child" 2>/dev/null; wait "$child"; exit 130' INT
set +e
wait "$child"
status=$?
set -e
exit "$status"
