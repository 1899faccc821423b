#!/usr/bin/env bash
# tests/fuzz/run.sh - builds the libFuzzer targets with ASan/UBSan and runs each for a bounded
# time (FUZZ_SECONDS, default 60) from a small seed corpus. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
make BUILD=build-asan SAN=1 CC=clang build-asan/libcaseload.a >/dev/null
seconds=${FUZZ_SECONDS:-60}
flags=$(pkg-config --cflags --libs libmicrohttpd jansson sqlite3 libpq libsodium libcurl cairo pangocairo libical)
for src in tests/fuzz/fuzz_*.c; do
  name=$(basename "$src" .c)
  corpus=tests/fuzz/corpus-$name
  mkdir -p "$corpus"
  printf '{"login":"ann","name":"Ann","office_id":1,"active":true}' >"$corpus/seed1"
  printf '{"login":[{"a":{"b":null}}]}' >"$corpus/seed2"
  # the files under test are compiled in with coverage; the rest comes from the library
  clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -Ibuild-asan/gen -o "build-asan/$name" "$src" \
    src/http/spec.c src/http/body.c src/core/err.c \
    build-asan/libcaseload.a $flags -lcsv -lpthread -lm
  echo "fuzz: $name for ${seconds}s"
  "build-asan/$name" -max_total_time="$seconds" -max_len=4096 "$corpus"
done
