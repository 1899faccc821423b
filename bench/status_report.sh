#!/usr/bin/env bash
# bench/status_report.sh [ADVISORS] [CASES] - the status report benchmark (design.md
# "Performance targets": 10,000 advisors over 100,000 pending cases, e-mail bodies and PDF
# letters rendered and queued in under 30 s, memory flat). It makes a fresh SQLite database
# (bench/reports-dataset-sqlite.sql: one advisor in five prefers letters), then runs
# `caseload report status --send --queue-only` over every advisor and every pending case, each
# advisor by their preferred method: e-mails rendered and queued in the outbox, letters rendered
# into one PDF (the target's "rendered and queued"); then `--resume` delivers the e-mails to the
# dir sink (.eml files, on /dev/shm when there is one), timed apart. It prints the times, the
# reports a second, the peak resident memory of the CLI and of the PDF child, and the PDF's size
# and pages. For memory flatness it runs a quarter-size dataset first and prints both peaks side
# by side. It measures; it asserts nothing.
#
#   BIN=build/caseload  KEEP=1 (keep the databases; paths printed)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
BIN=${BIN:-$root/build/caseload}
ADVISORS=${1:-10000}
CASES=${2:-100000}
for n in "$ADVISORS" "$CASES"; do
	[[ $n =~ ^[1-9][0-9]{0,7}$ ]] || { echo "usage: bench/status_report.sh [ADVISORS] [CASES]" >&2; exit 2; }
done
command -v sqlite3 >/dev/null || { echo "bench: sqlite3 is missing" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (Debian package time)" >&2; exit 1; }
command -v pdfinfo >/dev/null || { echo "bench: pdfinfo is missing (poppler-utils)" >&2; exit 1; }
dir=$(mktemp -d)
# the e-mails go to the dir sink (one .eml file each, fsynced), on tmpfs where there is one
maildir=$(mktemp -d -p "$([ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")")
cleanup() { [ -n "${KEEP:-}" ] && echo "kept: $dir $maildir" || rm -rf "$dir" "$maildir"; }
trap cleanup EXIT

# run_one A N LABEL: dataset, then the send; prints one block of figures
run_one() {
	local a=$1 n=$2 label=$3
	local db="$dir/$label.db"
	"$BIN" init --db "$db" >/dev/null
	local t0 t1
	t0=$(date +%s.%N)
	{ echo "CREATE TEMP TABLE bench_n (n INTEGER, a INTEGER); INSERT INTO bench_n VALUES ($n, $a);"
	  cat "$here/reports-dataset-sqlite.sql"; } | sqlite3 -bail "$db" >/dev/null
	t1=$(date +%s.%N)
	printf '%s: dataset of %s advisors over %s pending cases made in %.1f s\n' "$label" "$a" "$n" \
		"$(echo "$t1 - $t0" | bc)"
	# 1: preview, apply every report (notes, logs, follow-ups, e-mails rendered and queued in
	# the outbox) and render the letters: the figure the target is about
	t0=$(date +%s.%N)
	/usr/bin/time -f '%M %e' -o "$dir/$label.time" "$BIN" report status --db "$db" \
		--advisors all --cases all --method preferred --send --queue-only \
		--mail-sink dir --mail-dir "$maildir/$label" --mail-from cases@bench.test \
		--letters "$dir/$label.pdf" >"$dir/$label.out" 2>"$dir/$label.err" || {
		echo "bench: the send failed:"; tail -20 "$dir/$label.err"; tail -5 "$dir/$label.out"; return 1; }
	t1=$(date +%s.%N)
	local secs rss pages bytes queued letters send
	secs=$(echo "$t1 - $t0" | bc)
	rss=$(cut -d' ' -f1 "$dir/$label.time")
	pages=$(pdfinfo "$dir/$label.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
	bytes=$(stat -c %s "$dir/$label.pdf")
	queued=$(sqlite3 "$db" "SELECT count(*) FROM mail_outbox WHERE state = 'pending'")
	letters=$(sqlite3 "$db" "SELECT count(*) FROM report_item WHERE outcome = 'printed'")
	send=$(sqlite3 "$db" "SELECT max(id) FROM report_send")
	printf '%s: %s e-mails rendered and queued, %s letters rendered (%s pages, %.1f MiB PDF)\n' \
		"$label" "$queued" "$letters" "$pages" "$(echo "$bytes / 1048576" | bc -l)"
	printf '%s: preview + send + letters in %.1f s: %.0f reports/s, %.0f cases/s (target: < 30 s)\n' \
		"$label" "$secs" "$(echo "($queued + $letters) / $secs" | bc -l)" "$(echo "$n / $secs" | bc -l)"
	printf '%s: peak RSS %.1f MiB (the CLI, or the PDF child if larger)\n' "$label" "$(echo "$rss / 1024" | bc -l)"
	# 2: deliver the queued e-mails (the dir sink: one fsynced .eml file each)
	t0=$(date +%s.%N)
	/usr/bin/time -f '%M %e' -o "$dir/$label.time2" "$BIN" report status --db "$db" \
		--resume "$send" --mail-sink dir --mail-dir "$maildir/$label" \
		--mail-from cases@bench.test >"$dir/$label.out2" 2>"$dir/$label.err2" || {
		echo "bench: the delivery failed:"; tail -20 "$dir/$label.err2"; return 1; }
	t1=$(date +%s.%N)
	local sent
	sent=$(sqlite3 "$db" "SELECT count(*) FROM mail_outbox WHERE state = 'sent'")
	printf '%s: %s e-mails delivered in %.1f s (%.0f/s), peak RSS %.1f MiB\n' "$label" "$sent" \
		"$(echo "$t1 - $t0" | bc)" "$(echo "$sent / ($t1 - $t0)" | bc -l)" \
		"$(echo "$(cut -d' ' -f1 "$dir/$label.time2") / 1024" | bc -l)"
	grep -h 'peak\|rss' "$dir/$label.err" 2>/dev/null | tail -3 || true
}

run_one $((ADVISORS / 4)) $((CASES / 4)) quarter
run_one "$ADVISORS" "$CASES" full
