#!/usr/bin/env bash
# tests/summary.sh LOG - adds up the counts the suites printed (cmocka's "[  PASSED  ] N test(s)."
# and node's "# pass N" / "# fail N") and prints one closing line: "make test: N passed, N failed,
# N skipped". Exits non-zero when anything failed or nothing ran.
set -euo pipefail
log=$1
sum() { grep -E "$1" "$log" | grep -oE '[0-9]+' | head -n 100000 | awk '{ n += $1 } END { print n + 0 }'; }
passed=$(( $(sum '^\[  PASSED  \] [0-9]+ test') + $(sum '^# pass [0-9]+') ))
failed=$(( $(sum '^\[  FAILED  \] [0-9]+ test') + $(sum '^# fail [0-9]+') ))
skipped=$(( $(sum '^\[  SKIPPED \] [0-9]+ test') + $(sum '^# skipped [0-9]+') ))
echo "make test: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
