# Caseload - the one build entry.
#   make            build build/caseload (installs missing Debian/npm packages first)
#   make run        build, create caseload.db with demo data if missing, serve on 127.0.0.1:8080
#   make test       every test: unit, API (SQLite and PostgreSQL), browser; normal and ASan builds
#   make asan       build build-asan/caseload with AddressSanitizer + UndefinedBehaviorSanitizer
#   make bench      load benchmarks (wrk); they print figures (bench-summary: the case summary;
#                   bench-reports: case status reports)
#   make fuzz       libFuzzer targets for a short run
#   make lint       cppcheck over src/
SHELL := /bin/bash
BUILD ?= build
SAN ?=
PKGS := libmicrohttpd jansson sqlite3 libpq libsodium libcurl cairo pangocairo libical
CC ?= cc

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter -Wformat=2
CFLAGS_COMMON = -std=c11 -D_GNU_SOURCE -g $(WARN) -Isrc -I$(BUILD)/gen $(PKG_CFLAGS)
ifeq ($(SAN),1)
  CFLAGS_OPT := -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
  LDFLAGS_SAN := -fsanitize=address,undefined
else
  CFLAGS_OPT := -O2
  LDFLAGS_SAN :=
endif
ALL_CFLAGS = $(CFLAGS_COMMON) $(CFLAGS_OPT) $(CFLAGS)
LIBS = $(PKG_LIBS) -lcsv -lpthread -lm

LIB_SRC := $(shell find src -name '*.c' ! -name main.c | sort)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/web_assets.o $(BUILD)/obj/gen/migrations.o
WEB_FILES := $(shell find web -type f | sort)
MIGRATIONS := $(shell find src/store/migrations -name '*.sql' | sort)
VENDOR := node_modules/htm/preact/standalone.module.js
DEPS_STAMP := .deps-stamp

.PHONY: all asan run test test-unit test-api test-api-pg test-browser test-asan bench bench-summary bench-reports fuzz lint clean deps
all: $(BUILD)/caseload

deps: $(DEPS_STAMP)
$(DEPS_STAMP): scripts/debian-packages.txt package.json package-lock.json scripts/deps.sh
	scripts/deps.sh
	touch $@

$(BUILD)/caseload: $(BUILD)/obj/src/main.o $(BUILD)/libcaseload.a
	$(CC) $(LDFLAGS_SAN) -o $@ $^ $(LIBS)

$(BUILD)/libcaseload.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/obj/%.o: %.c $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -Wall -Wextra -Isrc -o $@ $<

$(BUILD)/gen/web_assets.c: $(BUILD)/embed $(WEB_FILES) $(VENDOR)
	@mkdir -p $(BUILD)/gen/web/vendor
	cp -r web/. $(BUILD)/gen/web/
	cp $(VENDOR) $(BUILD)/gen/web/vendor/preact-htm.js
	$(BUILD)/embed web_assets $(BUILD)/gen/web $@ $$(cd $(BUILD)/gen && find web -type f | sort | sed 's|^|$(BUILD)/gen/|')

$(BUILD)/gen/migrations.c: $(BUILD)/embed $(MIGRATIONS)
	@mkdir -p $(BUILD)/gen
	$(BUILD)/embed store_migrations src/store/migrations $@ $(MIGRATIONS)

$(VENDOR): $(DEPS_STAMP)

asan:
	$(MAKE) BUILD=build-asan SAN=1 CC=clang all

# ---- running -------------------------------------------------------------------------------
run: all
	$(BUILD)/caseload init --db caseload.db
	$(BUILD)/caseload demo --db caseload.db
	@echo "Caseload: open http://127.0.0.1:8080 and log in with one of the logins above."
	$(BUILD)/caseload serve --db caseload.db --listen 127.0.0.1:8080

# ---- tests ---------------------------------------------------------------------------------
# one binary per tests/unit/*.c, compiled through $(BUILD)/obj (so header changes are tracked);
# each links the shared helpers in tests/unit/support/
UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
UNIT_SUPPORT_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard tests/unit/support/*.c))

$(UNIT_BIN): $(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(UNIT_SUPPORT_OBJ) $(BUILD)/libcaseload.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS_SAN) -o $@ $< $(UNIT_SUPPORT_OBJ) $(BUILD)/libcaseload.a $(LIBS) -lcmocka

test-unit: $(UNIT_BIN) $(BUILD)/caseload
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done

test-api: all
	CASELOAD_BIN=$(BUILD)/caseload node --test --test-concurrency=2 tests/api/

# one throwaway PostgreSQL cluster for the store unit tests (test_store*, and the outbox, policy
# and report rules, which run on both backends) and the whole API suite
test-api-pg: all $(UNIT_BIN)
	CASELOAD_BIN=$(BUILD)/caseload tests/pg/with-postgres.sh bash -c \
	  'for t in $(BUILD)/tests/test_store* $(BUILD)/tests/test_outbox $(BUILD)/tests/test_policy_rules $(BUILD)/tests/test_report_rules; do $$t || exit 1; done && \
	   node --test --test-concurrency=2 tests/api/'

test-browser: all
	CASELOAD_BIN=$(BUILD)/caseload node --test --test-concurrency=1 tests/browser/

test-asan:
	$(MAKE) BUILD=build-asan SAN=1 CC=clang test-unit test-api test-api-pg test-browser

# every suite on the normal build, then again on the ASan/UBSan build; the last line adds up
test: all
	@mkdir -p $(BUILD)
	set -o pipefail; $(MAKE) test-unit test-api test-api-pg test-browser 2>&1 | tee $(BUILD)/test-output.log
	set -o pipefail; $(MAKE) test-asan 2>&1 | tee -a $(BUILD)/test-output.log
	@tests/summary.sh $(BUILD)/test-output.log

# ---- tools ---------------------------------------------------------------------------------
bench: all
	bench/run.sh $(BUILD)/caseload

# the case summary at 10,000 cases and at BENCH_N (design.md's target is at 1,000,000);
# BACKEND=pg runs it on a throwaway PostgreSQL cluster
BENCH_N ?= 100000
bench-summary: all
	BIN=$(BUILD)/caseload bench/summary.sh 10000 $(BENCH_N)

# case status reports: 10,000 advisors over 100,000 pending cases (a quarter-size run first)
bench-reports: all
	BIN=$(BUILD)/caseload bench/status_report.sh 10000 100000

fuzz:
	tests/fuzz/run.sh

lint:
	cppcheck --quiet --enable=warning,performance,portability --error-exitcode=1 --inline-suppr \
	  -Isrc --suppress=missingIncludeSystem src

clean:
	rm -rf build build-asan

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
