/* store_fixture.c - the fixture the store tests share: group set-up on each backend, the
 * PostgreSQL scratch databases, and the helpers that add rows and collect walks. What each is
 * for is in store_fixture.h; the tests are in tests/unit/test_store*.c. */
#include "store_fixture.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ---- PostgreSQL scratch databases ------------------------------------------------------- */

/* pg_admin runs one statement on the CASELOAD_TEST_PG server; 0 when it succeeded. */
int pg_admin(const char *sql)
{
	PGconn *db = PQconnectdb(getenv("CASELOAD_TEST_PG"));
	int ok = 0;
	if (PQstatus(db) != CONNECTION_OK) {
		fprintf(stderr, "store_fixture: cannot connect to CASELOAD_TEST_PG: %s", PQerrorMessage(db));
	} else {
		PGresult *r = PQexec(db, sql);
		ok = PQresultStatus(r) == PGRES_COMMAND_OK;
		if (!ok)
			fprintf(stderr, "store_fixture: %s: %s", sql, PQresultErrorMessage(r));
		PQclear(r);
	}
	PQfinish(db);
	return ok ? 0 : -1;
}

/* pg_scratch_db creates a uniquely named database and writes its URL (the CASELOAD_TEST_PG URL
 * with the database name replaced) into url. */
int pg_scratch_db(char *name, size_t name_size, char *url, size_t url_size)
{
	static int counter;
	snprintf(name, name_size, "caseload_test_store_%ld_%ld_%d", (long)getpid(), (long)time(NULL),
		 ++counter);
	char sql[160];
	snprintf(sql, sizeof sql, "CREATE DATABASE %s", name);
	if (pg_admin(sql) != 0)
		return -1;
	const char *base = getenv("CASELOAD_TEST_PG");
	const char *scheme = strstr(base, "://");
	const char *host = scheme ? scheme + 3 : base;
	const char *cut = strpbrk(host, "/?");
	const char *query = cut ? strchr(cut, '?') : NULL;
	int hlen = cut ? (int)(cut - base) : (int)strlen(base);
	snprintf(url, url_size, "%.*s/%s%s", hlen, base, name, query ? query : "");
	return 0;
}

/* pg_drop_db drops a scratch database, closing its connections. */
void pg_drop_db(const char *name)
{
	char sql[160];
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
	pg_admin(sql);
}

/* ---- group set-up ----------------------------------------------------------------------- */

/* open_and_migrate opens f->url, migrates it and takes the connection the tests use. */
static int open_and_migrate(struct fixture *f)
{
	struct err e = {0};
	if (store_open(f->url, 2, &f->s, &e) != 0) {
		fprintf(stderr, "store_fixture: store_open(%s): %s\n", f->backend, e.message);
		return -1;
	}
	if (store_migrate(f->s, &f->from, &f->to, &e) != 0) {
		fprintf(stderr, "store_fixture: store_migrate(%s): %s\n", f->backend, e.message);
		return -1;
	}
	f->c = store_acquire(f->s, 1000);
	return f->c ? 0 : -1;
}

/* close_store gives back the connection and closes the store. */
static void close_store(struct fixture *f)
{
	if (f->c)
		store_release(f->s, f->c);
	store_close(f->s);
	f->c = NULL;
	f->s = NULL;
}

/* setup_sqlite opens and migrates a store on a new file in a temporary directory. */
static int setup_sqlite(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->backend = "sqlite";
	snprintf(f->dir, sizeof f->dir, "%s/caseload-test-store.XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(f->dir)) {
		perror("mkdtemp");
		free(f);
		return -1;
	}
	snprintf(f->url, sizeof f->url, "%s/store.db", f->dir);
	*state = f;
	return open_and_migrate(f);
}

/* teardown_sqlite closes the store and removes its files and directory. */
static int teardown_sqlite(void **state)
{
	struct fixture *f = *state;
	if (!f)
		return 0;
	close_store(f);
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		char path[1100];
		snprintf(path, sizeof path, "%s%s", f->url, suffixes[i]);
		unlink(path);
	}
	rmdir(f->dir);
	free(f);
	return 0;
}

/* setup_pg opens and migrates a store in a new scratch database, or leaves *state NULL
 * (every test skips) when CASELOAD_TEST_PG is not set. */
static int setup_pg(void **state)
{
	*state = NULL;
	if (!getenv("CASELOAD_TEST_PG") || !*getenv("CASELOAD_TEST_PG")) {
		printf("note: CASELOAD_TEST_PG is not set: the PostgreSQL store tests are skipped "
		       "(run under tests/pg/with-postgres.sh to include them)\n");
		return 0;
	}
	struct fixture *f = calloc(1, sizeof *f);
	f->backend = "postgresql";
	if (pg_scratch_db(f->pg_db, sizeof f->pg_db, f->url, sizeof f->url) != 0) {
		free(f);
		return -1;
	}
	*state = f;
	return open_and_migrate(f);
}

/* teardown_pg closes the store and drops its scratch database. */
static int teardown_pg(void **state)
{
	struct fixture *f = *state;
	if (!f)
		return 0;
	close_store(f);
	if (f->pg_db[0])
		pg_drop_db(f->pg_db);
	free(f);
	return 0;
}

/* store_tests_run runs the tests as one group on SQLite, then as one on PostgreSQL (skipped
 * without CASELOAD_TEST_PG); the groups are called "NAME (sqlite)" and "NAME (postgresql)". */
int store_tests_run(const char *name, const struct CMUnitTest *tests, size_t n)
{
	char group[128];
	snprintf(group, sizeof group, "%s (sqlite)", name);
	int failed = _cmocka_run_group_tests(group, tests, n, setup_sqlite, teardown_sqlite);
	snprintf(group, sizeof group, "%s (postgresql)", name);
	failed += _cmocka_run_group_tests(group, tests, n, setup_pg, teardown_pg);
	return failed ? 1 : 0;
}

/* ---- helpers ---------------------------------------------------------------------------- */

/* user_init fills u with an active staff user named after login (created at 1000). */
void user_init(struct store_user *u, const char *login, int64_t office_id)
{
	memset(u, 0, sizeof *u);
	snprintf(u->login, sizeof u->login, "%s", login);
	snprintf(u->name, sizeof u->name, "Name of %s", login);
	snprintf(u->email, sizeof u->email, "%s@example.test", login);
	snprintf(u->role, sizeof u->role, "staff");
	snprintf(u->password_hash, sizeof u->password_hash, "$argon2id$v=19$m=65536,t=2,p=1$x$y");
	u->office_id = office_id;
	u->active = true;
	u->created_at = 1000;
}

/* add_user inserts a user made by user_init and returns its id. */
int64_t add_user(struct fixture *f, const char *login)
{
	struct store_user u;
	user_init(&u, login, 0);
	RC(STORE_OK, store_user_insert(f->c, &u));
	return u.id;
}

/* hash_fill fills a 32-byte hash from seed. */
void hash_fill(unsigned char h[32], unsigned char seed)
{
	/* includes 0x00 and 0xff bytes so that binary handling is exercised */
	for (int i = 0; i < 32; i++)
		h[i] = (unsigned char)(seed * 31 + i * 17);
	h[0] = seed;
	h[5] = 0x00;
	h[6] = 0xff;
}

/* ---- the shared setup lists and cases --------------------------------------------------- */

/* setup_add inserts a setup list item and returns its id. */
int64_t setup_add(struct fixture *f, struct store_setup_item it)
{
	RC(STORE_OK, store_setup_insert(f->c, &it));
	assert_true(it.id > 0);
	assert_int_equal(it.version, 1);
	return it.id;
}

/* role_add inserts a staff role with a category at a position and returns its id. */
int64_t role_add(struct fixture *f, const char *name, const char *category, int64_t pos)
{
	struct store_setup_item it = {.kind = SETUP_ROLE, .position = pos};
	snprintf(it.name, sizeof it.name, "%s", name);
	snprintf(it.category, sizeof it.category, "%s", category);
	return setup_add(f, it);
}

/* world_make creates, once per database, the setup lists the case tests use. There is only
 * one stage type in a database, so every stage status lives here. */
struct world *world_make(struct fixture *f)
{
	struct world *w = &f->w;
	if (w->made)
		return w;
	w->owner = add_user(f, "world.owner");
	w->auto_type = setup_add(f, (struct store_setup_item){.kind = SETUP_CASE_TYPE,
		.name = "Auto Accident", .group = "legal", .position = 1});
	w->life_type = setup_add(f, (struct store_setup_item){.kind = SETUP_CASE_TYPE,
		.name = "Term Life", .group = "insurance", .position = 2});
	w->rear_end = setup_add(f, (struct store_setup_item){.kind = SETUP_CASE_SUBTYPE,
		.name = "Rear-end", .parent_id = w->auto_type, .position = 1});
	/* the sub-status type comes first by position: lists still put the stage first */
	w->stage_type = setup_add(f, (struct store_setup_item){.kind = SETUP_STATUS_TYPE,
		.name = "Stage", .stage = true, .position = 2});
	w->medical_type = setup_add(f, (struct store_setup_item){.kind = SETUP_STATUS_TYPE,
		.name = "Medical", .position = 1});
	w->closed = setup_add(f, (struct store_setup_item){.kind = SETUP_STATUS,
		.name = "Closed Case", .parent_id = w->stage_type, .closing = true, .position = 0});
	w->intake = setup_add(f, (struct store_setup_item){.kind = SETUP_STATUS,
		.name = "Intake", .parent_id = w->stage_type, .days = 14, .position = 1});
	w->litigation = setup_add(f, (struct store_setup_item){.kind = SETUP_STATUS,
		.name = "Litigation", .parent_id = w->stage_type, .group = "legal", .position = 2});
	w->app_received = setup_add(f, (struct store_setup_item){.kind = SETUP_STATUS,
		.name = "App Received", .parent_id = w->stage_type, .group = "insurance",
		.days = 3, .position = 0});
	w->rec_requested = setup_add(f, (struct store_setup_item){.kind = SETUP_STATUS,
		.name = "Records Requested", .parent_id = w->medical_type, .days = 30, .position = 1});
	w->rec_received = setup_add(f, (struct store_setup_item){.kind = SETUP_STATUS,
		.name = "Records Received", .parent_id = w->medical_type, .position = 2});
	w->settled = setup_add(f, (struct store_setup_item){.kind = SETUP_CLOSE_REASON,
		.name = "Settled", .position = 1});
	w->attorney = role_add(f, "Lead Attorney", "attorney", 1);
	w->paralegal = role_add(f, "Paralegal", "paralegal", 2);
	w->manager = role_add(f, "Case Manager", "case_manager", 3);
	w->adviser = role_add(f, "Adviser", "advisor", 4);
	w->general = setup_add(f, (struct store_setup_item){.kind = SETUP_NOTE_TYPE,
		.name = "General", .position = 1});
	w->client_update = setup_add(f, (struct store_setup_item){.kind = SETUP_NOTE_TYPE,
		.name = "Client Update", .client_facing = true, .position = 2});
	w->low_range = setup_add(f, (struct store_setup_item){.kind = SETUP_VALUE_RANGE,
		.name = "Under $100k", .low_cents = 0, .high_cents = 10000000,
		.limit_cents = 500000, .position = 1});
	w->mid_range = setup_add(f, (struct store_setup_item){.kind = SETUP_VALUE_RANGE,
		.name = "$100k-$250k", .low_cents = 10000000, .high_cents = 25000000,
		.limit_cents = 1000000, .position = 2});
	w->made = true;
	return w;
}

/* case_init fills k with a case of the given type owned and created by the world's owner. */
void case_init(struct store_case *k, const struct world *w, const char *number,
	       const char *name, int64_t case_type_id)
{
	memset(k, 0, sizeof *k);
	snprintf(k->number, sizeof k->number, "%s", number);
	snprintf(k->name, sizeof k->name, "%s", name);
	k->case_type_id = case_type_id;
	snprintf(k->opened_date, sizeof k->opened_date, "2026-01-10");
	k->owner_id = w->owner;
	k->created_by = w->owner;
}

/* add_case inserts an Auto Accident case and returns its id (making the world first). */
int64_t add_case(struct fixture *f, const char *number, const char *name)
{
	struct world *w = world_make(f);
	struct store_case k;
	case_init(&k, w, number, name, w->auto_type);
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	return k.id;
}

/* add_contact inserts a contact of a kind and returns its id. */
int64_t add_contact(struct fixture *f, const char *kind, const char *first, const char *last,
		    const char *org)
{
	struct store_contact ct = {0};
	snprintf(ct.kind, sizeof ct.kind, "%s", kind);
	snprintf(ct.first_name, sizeof ct.first_name, "%s", first);
	snprintf(ct.last_name, sizeof ct.last_name, "%s", last);
	snprintf(ct.org_name, sizeof ct.org_name, "%s", org);
	RC(STORE_OK, store_contact_insert(f->c, &ct, 700));
	return ct.id;
}

/* add_staff makes user_id or contact_id current staff of a case from a date. */
int64_t add_staff(struct fixture *f, int64_t case_id, int64_t user_id, int64_t contact_id,
		  int64_t role_id, const char *from)
{
	struct store_case_staff s = {.case_id = case_id, .user_id = user_id,
				     .contact_id = contact_id, .role_id = role_id};
	snprintf(s.from_date, sizeof s.from_date, "%s", from);
	RC(STORE_OK, store_case_staff_insert(f->c, &s));
	assert_true(s.current);
	return s.id;
}

/* add_party adds a contact to a case as a party of a kind and returns the row's id. */
int64_t add_party(struct fixture *f, int64_t case_id, int64_t contact_id, const char *kind)
{
	struct store_party p = {.case_id = case_id, .contact_id = contact_id};
	snprintf(p.kind, sizeof p.kind, "%s", kind);
	RC(STORE_OK, store_party_insert(f->c, &p));
	return p.id;
}

/* add_status gives a case a status of a status type from a date, set by the world's owner. */
int64_t add_status(struct fixture *f, int64_t case_id, int64_t type_id, int64_t status_id,
		   const char *from)
{
	struct store_case_status s = {.case_id = case_id, .status_type_id = type_id,
				      .status_id = status_id, .user_id = f->w.owner};
	snprintf(s.from_date, sizeof s.from_date, "%s", from);
	RC(STORE_OK, store_case_status_insert(f->c, &s, 6000));
	return s.id;
}

/* collect_id records one id of a walk (see struct collect); non-zero once stop_after rows
 * were seen. */
int collect_id(struct collect *k, int64_t id)
{
	if (k->n < 64)
		k->ids[k->n] = id;
	k->n++;
	return k->stop_after && k->n >= k->stop_after;
}

/* The collect_* callbacks record the id of each row of a walk into a struct collect. */
int collect_user(const struct store_user *u, void *ctx) { return collect_id(ctx, u->id); }
int collect_token(const struct store_token *t, void *ctx) { return collect_id(ctx, t->id); }
int collect_setup(const struct store_setup_item *it, void *ctx) { return collect_id(ctx, it->id); }
int collect_case(const struct store_case *k, void *ctx) { return collect_id(ctx, k->id); }
int collect_brief(const struct store_case_brief *b, void *ctx) { return collect_id(ctx, b->id); }
int collect_status(const struct store_case_status *s, void *ctx) { return collect_id(ctx, s->id); }
int collect_staff(const struct store_case_staff *s, void *ctx) { return collect_id(ctx, s->id); }
int collect_note(const struct store_note *n, void *ctx) { return collect_id(ctx, n->id); }
int collect_event(const struct store_event *ev, void *ctx) { return collect_id(ctx, ev->id); }
int collect_party(const struct store_party *p, void *ctx) { return collect_id(ctx, p->id); }
int collect_contact(const struct store_contact *ct, void *ctx) { return collect_id(ctx, ct->id); }

/* ids_are checks that a walk gave exactly the n ids that follow, in that order. */
void ids_are(const struct collect *k, int n, ...)
{
	va_list ap;
	va_start(ap, n);
	if (k->n != n)
		fail_msg("the walk gave %d rows, expected %d", k->n, n);
	for (int i = 0; i < n; i++) {
		int64_t want = va_arg(ap, int64_t);
		if (k->ids[i] != want)
			fail_msg("row %d is id %lld, expected %lld", i, (long long)k->ids[i],
				 (long long)want);
	}
	va_end(ap);
}

/* ids_have tells whether a walk gave id (among its first 64 rows). */
bool ids_have(const struct collect *k, int64_t id)
{
	for (int i = 0; i < k->n && i < 64; i++)
		if (k->ids[i] == id)
			return true;
	return false;
}
