/* test_store.c - the store interface (store.h), run the same way over both backends.
 *
 * One cmocka group per backend: SQLite on a file in a temporary directory, and PostgreSQL in a
 * freshly created database when CASELOAD_TEST_PG names a server (a libpq URL of a role that may
 * create databases; tests/pg/with-postgres.sh provides one). Without it the PostgreSQL group is
 * skipped with a note. Every check goes through store.h; libpq is used directly only to create
 * and drop the scratch databases. Each test uses its own logins and names, so the tests of a
 * group share one database without depending on each other's rows. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <libpq-fe.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"

struct fixture {
	const char *backend;  /* "sqlite" or "postgresql" */
	char url[1024];
	char dir[256];        /* SQLite: the temporary directory */
	char pg_db[64];       /* PostgreSQL: the scratch database */
	struct store *s;
	struct store_conn *c;
	int from, to;         /* versions reported by the first migration */
	struct world {        /* the setup lists the case tests share (world_make) */
		bool made;
		int64_t owner;                 /* a staff user who owns and creates cases */
		int64_t auto_type, life_type, rear_end;
		int64_t stage_type, medical_type;
		int64_t closed, intake, litigation, app_received;   /* statuses of the stage */
		int64_t rec_requested, rec_received;                /* statuses of Medical */
		int64_t settled;                                    /* a close reason */
		int64_t attorney, paralegal, manager, adviser;      /* roles */
		int64_t general, client_update;                     /* note types */
		int64_t low_range, mid_range;
	} w;
};

/* RC checks a store call's result and shows the backend's message when it is not expected. */
#define RC(expected, expr)                                                                      \
	do {                                                                                    \
		int rc_ = (expr);                                                               \
		if (rc_ != (expected))                                                          \
			fail_msg("%s gave %d, expected %d (last error: %s)", #expr, rc_,         \
				 (int)(expected), store_last_error(f->c));                       \
	} while (0)

#define FIXTURE(state)                                         \
	struct fixture *f = *(state);                          \
	if (!f)                                                \
		skip()

/* ---- PostgreSQL scratch databases ------------------------------------------------------- */

static int pg_admin(const char *sql)
{
	PGconn *db = PQconnectdb(getenv("CASELOAD_TEST_PG"));
	int ok = 0;
	if (PQstatus(db) != CONNECTION_OK) {
		fprintf(stderr, "test_store: cannot connect to CASELOAD_TEST_PG: %s", PQerrorMessage(db));
	} else {
		PGresult *r = PQexec(db, sql);
		ok = PQresultStatus(r) == PGRES_COMMAND_OK;
		if (!ok)
			fprintf(stderr, "test_store: %s: %s", sql, PQresultErrorMessage(r));
		PQclear(r);
	}
	PQfinish(db);
	return ok ? 0 : -1;
}

/* pg_scratch_db creates a uniquely named database and writes its URL (the CASELOAD_TEST_PG URL
 * with the database name replaced) into url. */
static int pg_scratch_db(char *name, size_t name_size, char *url, size_t url_size)
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

static void pg_drop_db(const char *name)
{
	char sql[160];
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
	pg_admin(sql);
}

/* ---- group set-up ----------------------------------------------------------------------- */

static int open_and_migrate(struct fixture *f)
{
	struct err e = {0};
	if (store_open(f->url, 2, &f->s, &e) != 0) {
		fprintf(stderr, "test_store: store_open(%s): %s\n", f->backend, e.message);
		return -1;
	}
	if (store_migrate(f->s, &f->from, &f->to, &e) != 0) {
		fprintf(stderr, "test_store: store_migrate(%s): %s\n", f->backend, e.message);
		return -1;
	}
	f->c = store_acquire(f->s, 1000);
	return f->c ? 0 : -1;
}

static void close_store(struct fixture *f)
{
	if (f->c)
		store_release(f->s, f->c);
	store_close(f->s);
	f->c = NULL;
	f->s = NULL;
}

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

/* ---- helpers ---------------------------------------------------------------------------- */

static void user_init(struct store_user *u, const char *login, int64_t office_id)
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

static int64_t add_user(struct fixture *f, const char *login)
{
	struct store_user u;
	user_init(&u, login, 0);
	RC(STORE_OK, store_user_insert(f->c, &u));
	return u.id;
}

static void hash_fill(unsigned char h[32], unsigned char seed)
{
	/* includes 0x00 and 0xff bytes so that binary handling is exercised */
	for (int i = 0; i < 32; i++)
		h[i] = (unsigned char)(seed * 31 + i * 17);
	h[0] = seed;
	h[5] = 0x00;
	h[6] = 0xff;
}

/* ---- schema ----------------------------------------------------------------------------- */

static void test_migrate(void **state)
{
	FIXTURE(state);
	struct err e = {0};
	assert_int_equal(f->from, 0);
	assert_true(f->to >= 1);

	int from = -1, to = -1;
	assert_int_equal(store_migrate(f->s, &from, &to, &e), 0);
	assert_int_equal(from, f->to);
	assert_int_equal(to, f->to);

	int current = -1, latest = -1;
	assert_int_equal(store_schema_version(f->s, &current, &latest, &e), 0);
	assert_int_equal(current, f->to);
	assert_int_equal(latest, f->to);
	assert_int_equal(store_check(f->s, &e), 0);
	assert_string_equal(store_backend_name(f->s), f->backend);
}

/* ---- users ------------------------------------------------------------------------------ */

static void test_user(void **state)
{
	FIXTURE(state);
	int64_t before = -1, after = -1;
	RC(STORE_OK, store_user_count(f->c, &before));

	struct store_user u, got;
	user_init(&u, "Alice", 0);
	RC(STORE_OK, store_user_insert(f->c, &u));
	assert_true(u.id > 0);
	assert_int_equal(u.version, 1);
	assert_int_equal(u.updated_at, 1000);
	RC(STORE_OK, store_user_count(f->c, &after));
	assert_int_equal(after, before + 1);

	RC(STORE_OK, store_user_get(f->c, u.id, &got));
	assert_int_equal(got.id, u.id);
	assert_string_equal(got.login, "Alice");
	assert_string_equal(got.name, "Name of Alice");
	assert_string_equal(got.email, "Alice@example.test");
	assert_string_equal(got.role, "staff");
	assert_string_equal(got.password_hash, u.password_hash);
	assert_int_equal(got.office_id, 0);
	assert_true(got.active);
	assert_int_equal(got.version, 1);
	assert_int_equal(got.created_at, 1000);
	assert_int_equal(got.updated_at, 1000);
	RC(STORE_NOT_FOUND, store_user_get(f->c, u.id + 100000, &got));

	/* logins are case-insensitive, for lookups and for uniqueness */
	memset(&got, 0, sizeof got);
	RC(STORE_OK, store_user_get_by_login(f->c, "alice", &got));
	assert_int_equal(got.id, u.id);
	RC(STORE_OK, store_user_get_by_login(f->c, "ALICE", &got));
	assert_int_equal(got.id, u.id);
	RC(STORE_NOT_FOUND, store_user_get_by_login(f->c, "alice2", &got));
	struct store_user dup;
	user_init(&dup, "aLiCe", 0);
	RC(STORE_CONFLICT, store_user_insert(f->c, &dup));
	RC(STORE_OK, store_user_get(f->c, u.id, &got));  /* still usable after the conflict */

	/* versioned update */
	struct store_user first = got, stale = got;
	snprintf(first.name, sizeof first.name, "Alice First");
	first.active = false;
	RC(STORE_OK, store_user_update(f->c, &first, 2000));
	assert_int_equal(first.version, 2);
	assert_int_equal(first.updated_at, 2000);
	snprintf(stale.name, sizeof stale.name, "Alice Stale");
	RC(STORE_CONFLICT, store_user_update(f->c, &stale, 2100));
	assert_int_equal(stale.version, 1);
	RC(STORE_OK, store_user_get(f->c, u.id, &got));
	assert_string_equal(got.name, "Alice First");
	assert_false(got.active);
	assert_int_equal(got.version, 2);
	assert_int_equal(got.updated_at, 2000);
	struct store_user gone = got;
	gone.id = u.id + 100000;
	RC(STORE_NOT_FOUND, store_user_update(f->c, &gone, 2200));

	/* password */
	RC(STORE_OK, store_user_set_password(f->c, u.id, "$argon2id$new", 3000));
	RC(STORE_OK, store_user_get(f->c, u.id, &got));
	assert_string_equal(got.password_hash, "$argon2id$new");
	assert_int_equal(got.version, 3);
	assert_int_equal(got.updated_at, 3000);
	RC(STORE_NOT_FOUND, store_user_set_password(f->c, u.id + 100000, "x", 3000));
}

struct collect {
	int64_t ids[64];
	int n;
	int stop_after;  /* 0 = never */
};

static int collect_user(const struct store_user *u, void *ctx)
{
	struct collect *k = ctx;
	if (k->n < 64)
		k->ids[k->n] = u->id;
	k->n++;
	return k->stop_after && k->n >= k->stop_after;
}

static void test_user_list(void **state)
{
	FIXTURE(state);
	int64_t mine[5];
	for (int i = 0; i < 5; i++) {
		char login[32];
		snprintf(login, sizeof login, "page%d", i);
		mine[i] = add_user(f, login);
	}
	int64_t total = 0;
	RC(STORE_OK, store_user_count(f->c, &total));
	assert_true(total >= 5);

	/* pages of 2 in id order cover every user once */
	int64_t after = 0, last = 0;
	int seen = 0, mine_seen = 0, pages = 0;
	for (;;) {
		struct collect k = {0};
		RC(STORE_OK, store_user_list(f->c, after, 2, collect_user, &k));
		if (k.n == 0)
			break;
		assert_true(k.n <= 2);
		for (int i = 0; i < k.n; i++) {
			assert_true(k.ids[i] > last);
			last = k.ids[i];
			for (int j = 0; j < 5; j++)
				mine_seen += k.ids[i] == mine[j];
		}
		seen += k.n;
		after = last;
		assert_true(++pages <= 64);
	}
	assert_int_equal(seen, total);
	assert_int_equal(mine_seen, 5);

	/* a callback may stop early */
	struct collect k = {.stop_after = 1};
	RC(STORE_OK, store_user_list(f->c, 0, 10, collect_user, &k));
	assert_int_equal(k.n, 1);

	/* after the last id: nothing */
	struct collect none = {0};
	RC(STORE_OK, store_user_list(f->c, last, 10, collect_user, &none));
	assert_int_equal(none.n, 0);
}

/* ---- rights ----------------------------------------------------------------------------- */

static void test_rights(void **state)
{
	FIXTURE(state);
	int64_t id = add_user(f, "righty");
	struct store_right_override out[8];
	int n = -1;
	RC(STORE_OK, store_right_list(f->c, id, out, 8, &n));
	assert_int_equal(n, 0);

	RC(STORE_OK, store_right_set(f->c, id, "report.send_mass", true));
	RC(STORE_OK, store_right_set(f->c, id, "case.delete", false));
	RC(STORE_OK, store_right_set(f->c, id, "case.delete", true));  /* replaces */
	RC(STORE_OK, store_right_set(f->c, id, "Case.view", false));
	RC(STORE_OK, store_right_list(f->c, id, out, 8, &n));
	assert_int_equal(n, 3);
	/* byte order on both backends: upper case first */
	assert_string_equal(out[0].right, "Case.view");
	assert_false(out[0].granted);
	assert_string_equal(out[1].right, "case.delete");
	assert_true(out[1].granted);
	assert_string_equal(out[2].right, "report.send_mass");
	assert_true(out[2].granted);

	RC(STORE_OK, store_right_list(f->c, id, out, 1, &n));
	assert_int_equal(n, 1);

	RC(STORE_OK, store_right_clear(f->c, id, "case.delete"));
	RC(STORE_NOT_FOUND, store_right_clear(f->c, id, "case.delete"));
	RC(STORE_OK, store_right_list(f->c, id, out, 8, &n));
	assert_int_equal(n, 2);

	/* overrides belong to one user */
	int64_t other = add_user(f, "lefty");
	RC(STORE_OK, store_right_list(f->c, other, out, 8, &n));
	assert_int_equal(n, 0);
	RC(STORE_NOT_FOUND, store_right_clear(f->c, other, "Case.view"));
}

/* ---- sessions --------------------------------------------------------------------------- */

static void session_init(struct store_session *s, unsigned char seed, int64_t user_id,
			 int64_t last_seen, int64_t expires)
{
	memset(s, 0, sizeof *s);
	hash_fill(s->id_hash, seed);
	s->user_id = user_id;
	snprintf(s->csrf_token, sizeof s->csrf_token, "csrf-%u", seed);
	s->created_at = last_seen;
	s->last_seen_at = last_seen;
	s->expires_at = expires;
}

static void test_sessions(void **state)
{
	FIXTURE(state);
	int64_t u1 = add_user(f, "sess1"), u2 = add_user(f, "sess2");
	struct store_session a, b, c, got;
	session_init(&a, 1, u1, 100, 10000);
	session_init(&b, 2, u1, 100, 10000);
	session_init(&c, 3, u2, 1000, 10000);
	RC(STORE_OK, store_session_insert(f->c, &a));
	RC(STORE_OK, store_session_insert(f->c, &b));
	RC(STORE_OK, store_session_insert(f->c, &c));
	RC(STORE_CONFLICT, store_session_insert(f->c, &a));

	memset(&got, 0, sizeof got);
	RC(STORE_OK, store_session_get(f->c, a.id_hash, &got));
	assert_memory_equal(got.id_hash, a.id_hash, 32);
	assert_int_equal(got.user_id, u1);
	assert_string_equal(got.csrf_token, "csrf-1");
	assert_int_equal(got.created_at, 100);
	assert_int_equal(got.last_seen_at, 100);
	assert_int_equal(got.expires_at, 10000);
	unsigned char unknown[32];
	hash_fill(unknown, 99);
	RC(STORE_NOT_FOUND, store_session_get(f->c, unknown, &got));

	RC(STORE_OK, store_session_touch(f->c, a.id_hash, 200));
	RC(STORE_OK, store_session_get(f->c, a.id_hash, &got));
	assert_int_equal(got.last_seen_at, 200);
	RC(STORE_NOT_FOUND, store_session_touch(f->c, unknown, 200));

	RC(STORE_OK, store_session_delete(f->c, a.id_hash));
	RC(STORE_NOT_FOUND, store_session_get(f->c, a.id_hash, &got));
	RC(STORE_NOT_FOUND, store_session_delete(f->c, a.id_hash));

	/* ending every session of one user leaves the others' */
	RC(STORE_OK, store_session_insert(f->c, &a));
	RC(STORE_OK, store_session_delete_user(f->c, u1));
	RC(STORE_NOT_FOUND, store_session_get(f->c, a.id_hash, &got));
	RC(STORE_NOT_FOUND, store_session_get(f->c, b.id_hash, &got));
	RC(STORE_OK, store_session_get(f->c, c.id_hash, &got));

	/* purge: idle (last seen before 300) or past the absolute end (before 700) */
	struct store_session idle, expired, live;
	session_init(&idle, 4, u2, 100, 10000);
	session_init(&expired, 5, u2, 500, 600);
	session_init(&live, 6, u2, 500, 10000);
	RC(STORE_OK, store_session_insert(f->c, &idle));
	RC(STORE_OK, store_session_insert(f->c, &expired));
	RC(STORE_OK, store_session_insert(f->c, &live));
	RC(STORE_OK, store_session_purge(f->c, 300, 700));
	RC(STORE_NOT_FOUND, store_session_get(f->c, idle.id_hash, &got));
	RC(STORE_NOT_FOUND, store_session_get(f->c, expired.id_hash, &got));
	RC(STORE_OK, store_session_get(f->c, live.id_hash, &got));
	RC(STORE_OK, store_session_get(f->c, c.id_hash, &got));
}

/* ---- API tokens ------------------------------------------------------------------------- */

static int collect_token(const struct store_token *t, void *ctx)
{
	struct collect *k = ctx;
	if (k->n < 64)
		k->ids[k->n] = t->id;
	k->n++;
	return 0;
}

static void test_tokens(void **state)
{
	FIXTURE(state);
	int64_t u1 = add_user(f, "tok1"), u2 = add_user(f, "tok2");
	struct store_token t1 = {.user_id = u1, .created_at = 100, .name = "ci"};
	struct store_token t2 = {.user_id = u1, .created_at = 110, .name = "backup"};
	struct store_token t3 = {.user_id = u2, .created_at = 120, .name = "other"};
	hash_fill(t1.hash, 11);
	hash_fill(t2.hash, 12);
	hash_fill(t3.hash, 13);
	RC(STORE_OK, store_token_insert(f->c, &t1));
	RC(STORE_OK, store_token_insert(f->c, &t2));
	RC(STORE_OK, store_token_insert(f->c, &t3));
	assert_true(t1.id > 0 && t2.id > t1.id && t3.id > t2.id);
	struct store_token dup = t1;
	RC(STORE_CONFLICT, store_token_insert(f->c, &dup));

	struct store_token got;
	memset(&got, 0, sizeof got);
	RC(STORE_OK, store_token_get_by_hash(f->c, t1.hash, &got));
	assert_int_equal(got.id, t1.id);
	assert_int_equal(got.user_id, u1);
	assert_string_equal(got.name, "ci");
	assert_memory_equal(got.hash, t1.hash, 32);
	assert_int_equal(got.created_at, 100);
	assert_int_equal(got.last_used_at, 0);
	unsigned char unknown[32];
	hash_fill(unknown, 98);
	RC(STORE_NOT_FOUND, store_token_get_by_hash(f->c, unknown, &got));

	struct collect k = {0};
	RC(STORE_OK, store_token_list(f->c, u1, collect_token, &k));
	assert_int_equal(k.n, 2);
	assert_int_equal(k.ids[0], t1.id);
	assert_int_equal(k.ids[1], t2.id);

	RC(STORE_OK, store_token_touch(f->c, t1.id, 500));
	RC(STORE_OK, store_token_get_by_hash(f->c, t1.hash, &got));
	assert_int_equal(got.last_used_at, 500);

	/* someone else's token is not found, and stays */
	RC(STORE_NOT_FOUND, store_token_delete(f->c, u2, t1.id));
	RC(STORE_OK, store_token_get_by_hash(f->c, t1.hash, &got));
	RC(STORE_OK, store_token_delete(f->c, u1, t1.id));
	RC(STORE_NOT_FOUND, store_token_get_by_hash(f->c, t1.hash, &got));
	RC(STORE_NOT_FOUND, store_token_delete(f->c, u1, t1.id));
	struct collect k2 = {0};
	RC(STORE_OK, store_token_list(f->c, u1, collect_token, &k2));
	assert_int_equal(k2.n, 1);
	assert_int_equal(k2.ids[0], t2.id);
}

/* ---- login attempts --------------------------------------------------------------------- */

static void test_login_attempts(void **state)
{
	FIXTURE(state);
	RC(STORE_OK, store_login_attempt_add(f->c, "Throttle", "10.0.0.1", false, 100));
	RC(STORE_OK, store_login_attempt_add(f->c, "throttle", "10.0.0.1", false, 110));
	RC(STORE_OK, store_login_attempt_add(f->c, "throttle", "10.0.0.2", true, 120));
	RC(STORE_OK, store_login_attempt_add(f->c, "THROTTLE", "10.0.0.1", false, 130));
	RC(STORE_OK, store_login_attempt_add(f->c, "throttle", "10.0.0.1", false, 140));
	RC(STORE_OK, store_login_attempt_add(f->c, "someone", "10.0.0.1", false, 150));

	int64_t count = -1, last = -1;
	/* failures since the last success only, whatever the case of the login */
	RC(STORE_OK, store_login_failures(f->c, "Throttle", 0, &count, &last));
	assert_int_equal(count, 2);
	assert_int_equal(last, 140);
	RC(STORE_OK, store_login_failures(f->c, "throttle", 135, &count, &last));
	assert_int_equal(count, 1);
	assert_int_equal(last, 140);
	RC(STORE_OK, store_login_failures(f->c, "nobody", 0, &count, &last));
	assert_int_equal(count, 0);
	assert_int_equal(last, 0);

	RC(STORE_OK, store_login_attempts_by_login(f->c, "THROTTLE", 0, &count));
	assert_int_equal(count, 5);
	RC(STORE_OK, store_login_attempts_by_login(f->c, "throttle", 125, &count));
	assert_int_equal(count, 2);
	RC(STORE_OK, store_login_attempts_by_ip(f->c, "10.0.0.1", 0, &count));
	assert_int_equal(count, 5);
	RC(STORE_OK, store_login_attempts_by_ip(f->c, "10.0.0.1", 145, &count));
	assert_int_equal(count, 1);

	RC(STORE_OK, store_login_attempt_purge(f->c, 125));
	RC(STORE_OK, store_login_attempts_by_login(f->c, "throttle", 0, &count));
	assert_int_equal(count, 2);
	RC(STORE_OK, store_login_failures(f->c, "throttle", 0, &count, &last));
	assert_int_equal(count, 2);
}

/* ---- offices ---------------------------------------------------------------------------- */

struct office_names {
	char names[16][STORE_NAME_MAX + 1];
	int n;
};

static int collect_office(const struct store_office *o, void *ctx)
{
	struct office_names *k = ctx;
	if (strncmp(o->name, "Office ", 7) != 0)
		return 0;  /* another test's */
	if (k->n < 16)
		snprintf(k->names[k->n], sizeof k->names[k->n], "%s", o->name);
	k->n++;
	return 0;
}

static void test_offices(void **state)
{
	FIXTURE(state);
	struct store_office north = {.created_at = 100}, south = {.created_at = 110};
	snprintf(north.name, sizeof north.name, "Office North");
	snprintf(north.address, sizeof north.address, "1 High Street\nNorthtown");
	snprintf(north.phone, sizeof north.phone, "+44 1234 567890");
	snprintf(north.email, sizeof north.email, "north@example.test");
	snprintf(south.name, sizeof south.name, "Office South");
	RC(STORE_OK, store_office_insert(f->c, &north));
	RC(STORE_OK, store_office_insert(f->c, &south));
	assert_true(north.id > 0 && south.id != north.id);
	assert_int_equal(north.version, 1);
	struct store_office dup = {.created_at = 120};
	snprintf(dup.name, sizeof dup.name, "Office North");
	RC(STORE_CONFLICT, store_office_insert(f->c, &dup));

	struct store_office got;
	memset(&got, 0, sizeof got);
	RC(STORE_OK, store_office_get(f->c, north.id, &got));
	assert_string_equal(got.name, "Office North");
	assert_string_equal(got.address, "1 High Street\nNorthtown");
	assert_string_equal(got.phone, "+44 1234 567890");
	assert_string_equal(got.email, "north@example.test");
	assert_false(got.has_logo);
	assert_int_equal(got.version, 1);
	assert_int_equal(got.created_at, 100);
	RC(STORE_NOT_FOUND, store_office_get(f->c, south.id + north.id + 1000, &got));

	struct office_names k = {0};
	RC(STORE_OK, store_office_list(f->c, collect_office, &k));
	assert_int_equal(k.n, 2);
	assert_string_equal(k.names[0], "Office North");
	assert_string_equal(k.names[1], "Office South");

	/* versioned update; a name already taken is a conflict */
	struct store_office upd = got, stale = got;
	snprintf(upd.phone, sizeof upd.phone, "+44 0000");
	RC(STORE_OK, store_office_update(f->c, &upd, 200));
	assert_int_equal(upd.version, 2);
	RC(STORE_CONFLICT, store_office_update(f->c, &stale, 210));
	struct store_office clash = upd;
	snprintf(clash.name, sizeof clash.name, "Office South");
	RC(STORE_CONFLICT, store_office_update(f->c, &clash, 220));
	struct store_office gone = upd;
	gone.id = south.id + north.id + 1000;
	RC(STORE_NOT_FOUND, store_office_update(f->c, &gone, 230));
	RC(STORE_OK, store_office_get(f->c, north.id, &got));
	assert_string_equal(got.name, "Office North");
	assert_string_equal(got.phone, "+44 0000");
	assert_int_equal(got.version, 2);

	/* users in an office */
	int64_t count = -1;
	char where[64];
	RC(STORE_OK, store_office_usage(f->c, north.id, where, &count));
	assert_int_equal(count, 0);
	assert_string_equal(where, "");
	struct store_user u;
	user_init(&u, "officer", north.id);
	RC(STORE_OK, store_user_insert(f->c, &u));
	RC(STORE_OK, store_office_usage(f->c, north.id, where, &count));
	assert_int_equal(count, 1);
	assert_string_equal(where, "users");
	struct store_user ug;
	RC(STORE_OK, store_user_get(f->c, u.id, &ug));
	assert_int_equal(ug.office_id, north.id);
	ug.office_id = 0;
	RC(STORE_OK, store_user_update(f->c, &ug, 300));
	RC(STORE_OK, store_office_usage(f->c, north.id, where, &count));
	assert_int_equal(count, 0);

	/* logo: binary bytes round-trip, as a malloc'd copy */
	unsigned char logo[300];
	for (size_t i = 0; i < sizeof logo; i++)
		logo[i] = (unsigned char)(i * 7);
	memcpy(logo, "\x89PNG\r\n\x1a\n\0\xff", 10);
	RC(STORE_OK, store_office_logo_set(f->c, north.id, "image/png", logo, sizeof logo));
	char mime[64] = "";
	void *data = NULL;
	size_t len = 0;
	RC(STORE_OK, store_office_logo_get(f->c, north.id, mime, &data, &len));
	assert_string_equal(mime, "image/png");
	assert_int_equal(len, sizeof logo);
	assert_memory_equal(data, logo, sizeof logo);
	free(data);
	RC(STORE_OK, store_office_get(f->c, north.id, &got));
	assert_true(got.has_logo);
	assert_int_equal(got.version, 3);
	RC(STORE_NOT_FOUND, store_office_logo_get(f->c, south.id, mime, &data, &len));
	assert_null(data);

	RC(STORE_OK, store_office_logo_set(f->c, north.id, NULL, NULL, 0));
	RC(STORE_NOT_FOUND, store_office_logo_get(f->c, north.id, mime, &data, &len));
	RC(STORE_OK, store_office_get(f->c, north.id, &got));
	assert_false(got.has_logo);
	RC(STORE_NOT_FOUND, store_office_logo_set(f->c, gone.id, "image/png", logo, 1));

	RC(STORE_OK, store_office_delete(f->c, south.id));
	RC(STORE_NOT_FOUND, store_office_get(f->c, south.id, &got));
	RC(STORE_NOT_FOUND, store_office_delete(f->c, south.id));
	struct office_names k2 = {0};
	RC(STORE_OK, store_office_list(f->c, collect_office, &k2));
	assert_int_equal(k2.n, 1);
}

/* ---- transactions ----------------------------------------------------------------------- */

struct tx_ctx {
	struct fixture *f;
	const char *login;
	int fail_with;   /* returned after the insert; 0 = commit */
	int busy_first;  /* return ERR_BUSY on the first run */
	int runs;
};

static int tx_insert(struct store_conn *c, void *ctx, struct err *e)
{
	struct tx_ctx *t = ctx;
	t->runs++;
	struct store_user u;
	user_init(&u, t->login, 0);
	int rc = store_user_insert(c, &u);
	if (rc == STORE_RETRY)
		return err_set(e, ERR_BUSY, NULL, "retry");
	if (rc != STORE_OK)
		return err_set(e, ERR_INTERNAL, NULL, "insert gave %d: %s", rc, store_last_error(c));
	if (t->busy_first && t->runs == 1)
		return err_set(e, ERR_BUSY, NULL, "pretend the database was busy");
	if (t->fail_with)
		return err_set(e, t->fail_with, NULL, "rolled back on purpose");
	return 0;
}

/* tx_after_conflicts meets a unique key twice inside one transaction, then carries on. */
static int tx_after_conflicts(struct store_conn *c, void *ctx, struct err *e)
{
	struct tx_ctx *t = ctx;
	t->runs++;
	struct store_user u;
	user_init(&u, "TxCommit", 0);
	if (store_user_insert(c, &u) != STORE_CONFLICT)
		return err_set(e, ERR_INTERNAL, NULL, "expected a login conflict");
	struct store_office a = {.created_at = 1}, b = {.created_at = 1};
	snprintf(a.name, sizeof a.name, "Tx Office A");
	snprintf(b.name, sizeof b.name, "Tx Office B");
	if (store_office_insert(c, &a) != STORE_OK || store_office_insert(c, &b) != STORE_OK)
		return err_set(e, ERR_INTERNAL, NULL, "office insert: %s", store_last_error(c));
	snprintf(b.name, sizeof b.name, "Tx Office A");
	if (store_office_update(c, &b, 2) != STORE_CONFLICT)
		return err_set(e, ERR_INTERNAL, NULL, "expected a name conflict");
	user_init(&u, t->login, 0);
	int rc = store_user_insert(c, &u);
	if (rc != STORE_OK)
		return err_set(e, ERR_INTERNAL, NULL, "insert after conflicts gave %d: %s", rc,
			       store_last_error(c));
	return 0;
}

static int tx_bad_row(struct store_conn *c, void *ctx, struct err *e)
{
	struct tx_ctx *t = ctx;
	t->runs++;
	struct store_user u;
	user_init(&u, t->login, 0);
	if (store_user_insert(c, &u) != STORE_OK)
		return err_set(e, ERR_INTERNAL, NULL, "first insert failed");
	user_init(&u, "txbadrole", 0);
	snprintf(u.role, sizeof u.role, "wizard");  /* breaks the CHECK constraint */
	int rc = store_user_insert(c, &u);
	return err_set(e, rc == STORE_ERROR ? ERR_INTERNAL : ERR_INVALID, NULL, "insert gave %d", rc);
}

static void test_tx(void **state)
{
	FIXTURE(state);
	struct err e = {0};
	struct store_user got;

	struct tx_ctx ok = {.f = f, .login = "TxCommit"};
	assert_int_equal(store_tx_run(f->c, tx_insert, &ok, &e), 0);
	assert_int_equal(ok.runs, 1);
	RC(STORE_OK, store_user_get_by_login(f->c, "txcommit", &got));

	struct tx_ctx bad = {.f = f, .login = "TxRollback", .fail_with = ERR_CONFLICT};
	assert_int_equal(store_tx_run(f->c, tx_insert, &bad, &e), ERR_CONFLICT);
	assert_int_equal(e.code, ERR_CONFLICT);
	RC(STORE_NOT_FOUND, store_user_get_by_login(f->c, "TxRollback", &got));

	/* ERR_BUSY runs the function again, after rolling back the first run */
	struct tx_ctx busy = {.f = f, .login = "TxRetry", .busy_first = 1};
	assert_int_equal(store_tx_run(f->c, tx_insert, &busy, &e), 0);
	assert_int_equal(busy.runs, 2);
	RC(STORE_OK, store_user_get_by_login(f->c, "TxRetry", &got));

	/* a unique-key conflict does not spoil the rest of the transaction */
	struct tx_ctx after = {.f = f, .login = "TxAfterConflict"};
	int rc = store_tx_run(f->c, tx_after_conflicts, &after, &e);
	if (rc != 0)
		fail_msg("tx_after_conflicts: %d %s", rc, e.message);
	RC(STORE_OK, store_user_get_by_login(f->c, "TxAfterConflict", &got));

	/* a failed statement rolls back everything, and the connection stays usable */
	struct tx_ctx broken = {.f = f, .login = "TxBroken"};
	assert_int_equal(store_tx_run(f->c, tx_bad_row, &broken, &e), ERR_INTERNAL);
	RC(STORE_NOT_FOUND, store_user_get_by_login(f->c, "TxBroken", &got));
	RC(STORE_NOT_FOUND, store_user_get_by_login(f->c, "txbadrole", &got));
	assert_int_equal(store_tx_run(f->c, tx_insert, &(struct tx_ctx){.f = f, .login = "TxLater"}, &e),
			 0);
	RC(STORE_OK, store_user_get_by_login(f->c, "TxLater", &got));
}

/* ---- settings and counters -------------------------------------------------------------- */

static void test_settings(void **state)
{
	FIXTURE(state);
	char value[STORE_SETTING_MAX + 1];
	RC(STORE_NOT_FOUND, store_setting_get(f->c, "case_number_pattern", value, sizeof value));
	RC(STORE_OK, store_setting_set(f->c, "case_number_pattern", "{YYYY}-{SEQ:5}"));
	RC(STORE_OK, store_setting_get(f->c, "case_number_pattern", value, sizeof value));
	assert_string_equal(value, "{YYYY}-{SEQ:5}");
	RC(STORE_OK, store_setting_set(f->c, "case_number_pattern", "C{SEQ}"));
	RC(STORE_OK, store_setting_get(f->c, "case_number_pattern", value, sizeof value));
	assert_string_equal(value, "C{SEQ}");

	int64_t v = 0;
	RC(STORE_OK, store_counter_next(f->c, "test.cases", &v));
	assert_int_equal(v, 1);
	RC(STORE_OK, store_counter_next(f->c, "test.cases", &v));
	assert_int_equal(v, 2);
	RC(STORE_OK, store_counter_next(f->c, "test.other", &v));
	assert_int_equal(v, 1);
	RC(STORE_OK, store_counter_next(f->c, "test.cases", &v));
	assert_int_equal(v, 3);
}

/* ---- the shared setup lists and cases --------------------------------------------------- */

static int64_t setup_add(struct fixture *f, struct store_setup_item it)
{
	RC(STORE_OK, store_setup_insert(f->c, &it));
	assert_true(it.id > 0);
	assert_int_equal(it.version, 1);
	return it.id;
}

static int64_t role_add(struct fixture *f, const char *name, const char *category, int64_t pos)
{
	struct store_setup_item it = {.kind = SETUP_ROLE, .position = pos};
	snprintf(it.name, sizeof it.name, "%s", name);
	snprintf(it.category, sizeof it.category, "%s", category);
	return setup_add(f, it);
}

/* world_make creates, once per database, the setup lists the case tests use. There is only
 * one stage type in a database, so every stage status lives here. */
static struct world *world_make(struct fixture *f)
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

static void case_init(struct store_case *k, const struct world *w, const char *number,
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

static int64_t add_case(struct fixture *f, const char *number, const char *name)
{
	struct world *w = world_make(f);
	struct store_case k;
	case_init(&k, w, number, name, w->auto_type);
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	return k.id;
}

static int64_t add_contact(struct fixture *f, const char *kind, const char *first,
			   const char *last, const char *org)
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
static int64_t add_staff(struct fixture *f, int64_t case_id, int64_t user_id, int64_t contact_id,
			 int64_t role_id, const char *from)
{
	struct store_case_staff s = {.case_id = case_id, .user_id = user_id,
				     .contact_id = contact_id, .role_id = role_id};
	snprintf(s.from_date, sizeof s.from_date, "%s", from);
	RC(STORE_OK, store_case_staff_insert(f->c, &s));
	assert_true(s.current);
	return s.id;
}

static int64_t add_party(struct fixture *f, int64_t case_id, int64_t contact_id, const char *kind)
{
	struct store_party p = {.case_id = case_id, .contact_id = contact_id};
	snprintf(p.kind, sizeof p.kind, "%s", kind);
	RC(STORE_OK, store_party_insert(f->c, &p));
	return p.id;
}

static int64_t add_status(struct fixture *f, int64_t case_id, int64_t type_id, int64_t status_id,
			  const char *from)
{
	struct store_case_status s = {.case_id = case_id, .status_type_id = type_id,
				      .status_id = status_id, .user_id = f->w.owner};
	snprintf(s.from_date, sizeof s.from_date, "%s", from);
	RC(STORE_OK, store_case_status_insert(f->c, &s, 6000));
	return s.id;
}

/* collect_id records one id of a walk (see struct collect). */
static int collect_id(struct collect *k, int64_t id)
{
	if (k->n < 64)
		k->ids[k->n] = id;
	k->n++;
	return k->stop_after && k->n >= k->stop_after;
}

static int collect_setup(const struct store_setup_item *it, void *ctx) { return collect_id(ctx, it->id); }
static int collect_case(const struct store_case *k, void *ctx) { return collect_id(ctx, k->id); }
static int collect_brief(const struct store_case_brief *b, void *ctx) { return collect_id(ctx, b->id); }
static int collect_status(const struct store_case_status *s, void *ctx) { return collect_id(ctx, s->id); }
static int collect_staff(const struct store_case_staff *s, void *ctx) { return collect_id(ctx, s->id); }
static int collect_note(const struct store_note *n, void *ctx) { return collect_id(ctx, n->id); }
static int collect_event(const struct store_event *ev, void *ctx) { return collect_id(ctx, ev->id); }
static int collect_party(const struct store_party *p, void *ctx) { return collect_id(ctx, p->id); }
static int collect_contact(const struct store_contact *ct, void *ctx) { return collect_id(ctx, ct->id); }

/* ids_are checks that a walk gave exactly the n ids that follow, in that order. */
static void ids_are(const struct collect *k, int n, ...)
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

static bool ids_have(const struct collect *k, int64_t id)
{
	for (int i = 0; i < k->n && i < 64; i++)
		if (k->ids[i] == id)
			return true;
	return false;
}

/* ---- setup lists ------------------------------------------------------------------------ */

static void test_setup(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	struct store_setup_item it;

	RC(STORE_OK, store_setup_get(f->c, SETUP_STATUS, w->app_received, &it));
	assert_int_equal(it.kind, SETUP_STATUS);
	assert_int_equal(it.id, w->app_received);
	assert_string_equal(it.name, "App Received");
	assert_int_equal(it.parent_id, w->stage_type);
	assert_string_equal(it.group, "insurance");
	assert_int_equal(it.days, 3);
	assert_false(it.closing);
	assert_int_equal(it.version, 1);
	RC(STORE_OK, store_setup_get(f->c, SETUP_STATUS, w->closed, &it));
	assert_true(it.closing);
	assert_string_equal(it.group, "");
	RC(STORE_OK, store_setup_get(f->c, SETUP_STATUS_TYPE, w->stage_type, &it));
	assert_true(it.stage);
	RC(STORE_OK, store_setup_get(f->c, SETUP_CASE_TYPE, w->life_type, &it));
	assert_string_equal(it.group, "insurance");
	RC(STORE_OK, store_setup_get(f->c, SETUP_CASE_SUBTYPE, w->rear_end, &it));
	assert_int_equal(it.parent_id, w->auto_type);
	RC(STORE_OK, store_setup_get(f->c, SETUP_ROLE, w->manager, &it));
	assert_string_equal(it.category, "case_manager");
	RC(STORE_OK, store_setup_get(f->c, SETUP_NOTE_TYPE, w->client_update, &it));
	assert_true(it.client_facing);
	RC(STORE_OK, store_setup_get(f->c, SETUP_VALUE_RANGE, w->mid_range, &it));
	assert_int_equal(it.low_cents, 10000000);
	assert_int_equal(it.high_cents, 25000000);
	assert_int_equal(it.limit_cents, 1000000);
	RC(STORE_NOT_FOUND, store_setup_get(f->c, SETUP_ROLE, w->manager + 100000, &it));
	/* ids are per list */
	RC(STORE_NOT_FOUND, store_setup_get(f->c, SETUP_CLOSE_REASON, w->manager + 100000, &it));

	/* lists in (position, name, id) order; parent_id keeps the children of one parent */
	struct collect k = {0};
	RC(STORE_OK, store_setup_list(f->c, SETUP_STATUS, w->stage_type, collect_setup, &k));
	ids_are(&k, 4, w->app_received, w->closed, w->intake, w->litigation);
	k = (struct collect){0};
	RC(STORE_OK, store_setup_list(f->c, SETUP_STATUS, w->medical_type, collect_setup, &k));
	ids_are(&k, 2, w->rec_requested, w->rec_received);
	k = (struct collect){0};
	RC(STORE_OK, store_setup_list(f->c, SETUP_STATUS, 0, collect_setup, &k));
	assert_int_equal(k.n, 6);
	k = (struct collect){0};
	RC(STORE_OK, store_setup_list(f->c, SETUP_STATUS_TYPE, 0, collect_setup, &k));
	ids_are(&k, 2, w->medical_type, w->stage_type);
	k = (struct collect){0};
	RC(STORE_OK, store_setup_list(f->c, SETUP_CASE_SUBTYPE, w->life_type, collect_setup, &k));
	assert_int_equal(k.n, 0);
	k = (struct collect){0};
	RC(STORE_OK, store_setup_list(f->c, SETUP_CASE_SUBTYPE, w->auto_type, collect_setup, &k));
	ids_are(&k, 1, w->rear_end);

	/* names are unique within a list (subtypes and statuses: within their parent) */
	it = (struct store_setup_item){.kind = SETUP_CLOSE_REASON, .name = "Settled"};
	RC(STORE_CONFLICT, store_setup_insert(f->c, &it));
	it = (struct store_setup_item){.kind = SETUP_NOTE_TYPE, .name = "Settled"};
	RC(STORE_OK, store_setup_insert(f->c, &it));
	int64_t note_type = it.id;
	it = (struct store_setup_item){.kind = SETUP_CASE_SUBTYPE, .name = "Rear-end",
				       .parent_id = w->auto_type};
	RC(STORE_CONFLICT, store_setup_insert(f->c, &it));
	it.parent_id = w->life_type;
	RC(STORE_OK, store_setup_insert(f->c, &it));
	int64_t life_sub = it.id;
	/* one stage type only */
	it = (struct store_setup_item){.kind = SETUP_STATUS_TYPE, .name = "Second Stage", .stage = true};
	RC(STORE_CONFLICT, store_setup_insert(f->c, &it));
	it.stage = false;
	RC(STORE_OK, store_setup_insert(f->c, &it));
	int64_t second_type = it.id;

	/* versioned update: every field; stale, taken name, gone */
	struct store_setup_item cur, stale;
	RC(STORE_OK, store_setup_get(f->c, SETUP_VALUE_RANGE, w->low_range, &cur));
	stale = cur;
	snprintf(cur.name, sizeof cur.name, "Up to $100k");
	cur.limit_cents = 600000;
	cur.position = 5;
	RC(STORE_OK, store_setup_update(f->c, &cur));
	assert_int_equal(cur.version, 2);
	RC(STORE_CONFLICT, store_setup_update(f->c, &stale));
	RC(STORE_OK, store_setup_get(f->c, SETUP_VALUE_RANGE, w->low_range, &it));
	assert_string_equal(it.name, "Up to $100k");
	assert_int_equal(it.limit_cents, 600000);
	assert_int_equal(it.position, 5);
	assert_int_equal(it.version, 2);
	snprintf(cur.name, sizeof cur.name, "$100k-$250k");
	RC(STORE_CONFLICT, store_setup_update(f->c, &cur));
	RC(STORE_OK, store_setup_get(f->c, SETUP_STATUS_TYPE, second_type, &cur));
	cur.stage = true;
	RC(STORE_CONFLICT, store_setup_update(f->c, &cur));
	RC(STORE_OK, store_setup_get(f->c, SETUP_CASE_SUBTYPE, life_sub, &cur));
	snprintf(cur.name, sizeof cur.name, "Whole of life");
	RC(STORE_OK, store_setup_update(f->c, &cur));
	cur.id += 100000;
	RC(STORE_NOT_FOUND, store_setup_update(f->c, &cur));

	/* delete */
	RC(STORE_OK, store_setup_delete(f->c, SETUP_NOTE_TYPE, note_type));
	RC(STORE_NOT_FOUND, store_setup_get(f->c, SETUP_NOTE_TYPE, note_type, &it));
	RC(STORE_NOT_FOUND, store_setup_delete(f->c, SETUP_NOTE_TYPE, note_type));
	RC(STORE_OK, store_setup_delete(f->c, SETUP_STATUS_TYPE, second_type));
	RC(STORE_OK, store_setup_delete(f->c, SETUP_CASE_SUBTYPE, life_sub));

	/* the first stage of a group: not closing, lowest position, group or every group */
	struct store_setup_item first;
	RC(STORE_OK, store_stage_first(f->c, "legal", &first));
	assert_int_equal(first.id, w->intake);
	assert_int_equal(first.kind, SETUP_STATUS);
	assert_string_equal(first.name, "Intake");
	assert_int_equal(first.days, 14);
	RC(STORE_OK, store_stage_first(f->c, "insurance", &first));
	assert_int_equal(first.id, w->app_received);
	RC(STORE_OK, store_stage_first(f->c, "support", &first));
	assert_int_equal(first.id, w->intake);
}

static void usage_is(struct fixture *f, enum store_setup_kind kind, int64_t id,
		     const char *where, int64_t count)
{
	char got[64] = "x";
	int64_t n = -1;
	RC(STORE_OK, store_setup_usage(f->c, kind, id, got, &n));
	assert_string_equal(got, where);
	assert_int_equal(n, count);
}

static void test_setup_usage(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t type = setup_add(f, (struct store_setup_item){.kind = SETUP_CASE_TYPE,
		.name = "Usage Type", .group = "support"});
	int64_t sub = setup_add(f, (struct store_setup_item){.kind = SETUP_CASE_SUBTYPE,
		.name = "Usage Sub", .parent_id = type});
	int64_t stype = setup_add(f, (struct store_setup_item){.kind = SETUP_STATUS_TYPE,
		.name = "Usage Status Type"});
	int64_t reason = setup_add(f, (struct store_setup_item){.kind = SETUP_CLOSE_REASON,
		.name = "Usage Reason"});
	int64_t role = role_add(f, "Usage Role", "", 9);
	int64_t ntype = setup_add(f, (struct store_setup_item){.kind = SETUP_NOTE_TYPE,
		.name = "Usage Note Type"});
	int64_t range = setup_add(f, (struct store_setup_item){.kind = SETUP_VALUE_RANGE,
		.name = "Usage Range"});
	usage_is(f, SETUP_CLOSE_REASON, reason, "", 0);
	usage_is(f, SETUP_STATUS_TYPE, stype, "", 0);
	usage_is(f, SETUP_CASE_TYPE, type, "subtypes", 1);
	usage_is(f, SETUP_CASE_SUBTYPE, sub, "", 0);
	usage_is(f, SETUP_STATUS, w->rec_received, "", 0);

	int64_t st1 = setup_add(f, (struct store_setup_item){.kind = SETUP_STATUS,
		.name = "Usage One", .parent_id = stype});
	setup_add(f, (struct store_setup_item){.kind = SETUP_STATUS, .name = "Usage Two",
		.parent_id = stype});
	usage_is(f, SETUP_STATUS_TYPE, stype, "statuses", 2);

	struct store_case k;
	case_init(&k, w, "USE-1", "Usage case", type);
	k.case_subtype_id = sub;
	k.value_range_id = range;
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	usage_is(f, SETUP_CASE_TYPE, type, "cases", 1);
	usage_is(f, SETUP_CASE_SUBTYPE, sub, "cases", 1);
	usage_is(f, SETUP_VALUE_RANGE, range, "cases", 1);

	/* a status used as a case's stage; then in a status row */
	usage_is(f, SETUP_STATUS, st1, "", 0);
	RC(STORE_OK, store_case_set_stage(f->c, k.id, st1, "", 5100));
	usage_is(f, SETUP_STATUS, st1, "cases", 1);
	struct store_case_status row = {.case_id = k.id, .status_type_id = stype, .status_id = st1,
					.user_id = w->owner, .close_reason_id = reason};
	snprintf(row.from_date, sizeof row.from_date, "2026-01-10");
	RC(STORE_OK, store_case_status_insert(f->c, &row, 5100));
	usage_is(f, SETUP_STATUS, st1, "case statuses", 1);
	usage_is(f, SETUP_STATUS_TYPE, stype, "statuses", 2);
	usage_is(f, SETUP_CLOSE_REASON, reason, "case statuses", 1);

	add_staff(f, k.id, w->owner, 0, role, "2026-01-10");
	usage_is(f, SETUP_ROLE, role, "case staff", 1);
	struct store_note n = {.case_id = k.id, .note_type_id = ntype, .body = "x", .at = 1,
			       .created_by = w->owner};
	RC(STORE_OK, store_note_insert(f->c, &n, 5200));
	usage_is(f, SETUP_NOTE_TYPE, ntype, "notes", 1);

	/* the value history holds on to a range the case no longer has */
	int64_t old_range = setup_add(f, (struct store_setup_item){.kind = SETUP_VALUE_RANGE,
		.name = "Usage Old Range"});
	struct store_value_change v = {.case_id = k.id, .value_range_id = old_range,
				       .user_id = w->owner, .from_date = "2026-01-10"};
	RC(STORE_OK, store_value_change_add(f->c, &v));
	usage_is(f, SETUP_VALUE_RANGE, old_range, "value history", 1);
}
/* ---- cases ------------------------------------------------------------------------------ */

static const struct store_scope scope_all = {.all = true};

static void test_case(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	struct store_office office = {.created_at = 100};
	snprintf(office.name, sizeof office.name, "Case Office");
	RC(STORE_OK, store_office_insert(f->c, &office));

	struct store_case k;
	case_init(&k, w, "T-0001", "Smith v. Jones", w->auto_type);
	k.case_subtype_id = w->rear_end;
	snprintf(k.state, sizeof k.state, "NY");
	k.office_id = office.id;
	snprintf(k.incident_date, sizeof k.incident_date, "2026-01-02");
	snprintf(k.wanted_date, sizeof k.wanted_date, "2026-01-03");
	snprintf(k.expected_resolution_date, sizeof k.expected_resolution_date, "2027-01-01");
	k.value_range_id = w->mid_range;
	k.has_min_settlement = true;
	k.min_settlement_cents = 0;
	snprintf(k.value_comments, sizeof k.value_comments, "soft tissue");
	k.serious_injury = true;
	snprintf(k.description, sizeof k.description, "Rear-ended at a light.");
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	assert_true(k.id > 0);
	assert_int_equal(k.version, 1);
	assert_int_equal(k.created_at, 5000);
	assert_int_equal(k.updated_at, 5000);

	struct store_case got;
	RC(STORE_OK, store_case_get(f->c, &scope_all, k.id, &got));
	assert_string_equal(got.number, "T-0001");
	assert_string_equal(got.name, "Smith v. Jones");
	assert_int_equal(got.case_type_id, w->auto_type);
	assert_int_equal(got.case_subtype_id, w->rear_end);
	assert_string_equal(got.state, "NY");
	assert_int_equal(got.office_id, office.id);
	assert_string_equal(got.incident_date, "2026-01-02");
	assert_string_equal(got.opened_date, "2026-01-10");
	assert_string_equal(got.wanted_date, "2026-01-03");
	assert_string_equal(got.expected_resolution_date, "2027-01-01");
	assert_string_equal(got.closed_date, "");
	assert_int_equal(got.value_range_id, w->mid_range);
	assert_true(got.has_min_settlement);
	assert_int_equal(got.min_settlement_cents, 0);
	assert_string_equal(got.value_comments, "soft tissue");
	assert_true(got.serious_injury);
	assert_false(got.mdl_master);
	assert_string_equal(got.description, "Rear-ended at a light.");
	assert_int_equal(got.owner_id, w->owner);
	assert_int_equal(got.stage_status_id, 0);
	assert_int_equal(got.created_by, w->owner);
	assert_int_equal(got.version, 1);
	assert_int_equal(got.created_at, 5000);
	assert_string_equal(got.case_type_name, "Auto Accident");
	assert_string_equal(got.case_group, "legal");
	assert_string_equal(got.case_subtype_name, "Rear-end");
	assert_string_equal(got.office_name, "Case Office");
	assert_string_equal(got.owner_name, "Name of world.owner");
	assert_string_equal(got.stage_name, "");
	assert_string_equal(got.value_range_name, "$100k-$250k");
	RC(STORE_NOT_FOUND, store_case_get(f->c, &scope_all, k.id + 100000, &got));

	/* optional references and no number read back as 0 / "" */
	struct store_case bare;
	case_init(&bare, w, "", "No number one", w->life_type);
	RC(STORE_OK, store_case_insert(f->c, &bare, 5000));
	case_init(&bare, w, "", "No number two", w->life_type);
	RC(STORE_OK, store_case_insert(f->c, &bare, 5000));
	RC(STORE_OK, store_case_get(f->c, &scope_all, bare.id, &got));
	assert_string_equal(got.number, "");
	assert_int_equal(got.case_subtype_id, 0);
	assert_int_equal(got.office_id, 0);
	assert_int_equal(got.value_range_id, 0);
	assert_false(got.has_min_settlement);
	assert_string_equal(got.case_subtype_name, "");
	assert_string_equal(got.office_name, "");
	assert_string_equal(got.value_range_name, "");
	assert_string_equal(got.case_group, "insurance");

	/* numbers are unique */
	struct store_case dup;
	case_init(&dup, w, "T-0001", "Duplicate", w->auto_type);
	RC(STORE_CONFLICT, store_case_insert(f->c, &dup, 5000));
	RC(STORE_OK, store_case_get_by_number(f->c, "T-0001", &got));
	assert_int_equal(got.id, k.id);
	assert_string_equal(got.owner_name, "Name of world.owner");
	RC(STORE_NOT_FOUND, store_case_get_by_number(f->c, "T-9999", &got));

	/* versioned update */
	RC(STORE_OK, store_case_get(f->c, &scope_all, k.id, &got));
	struct store_case stale = got;
	snprintf(got.name, sizeof got.name, "Smith v. Jones Ltd");
	snprintf(got.number, sizeof got.number, "T-0002");
	got.has_min_settlement = false;
	got.office_id = 0;
	got.mdl_master = true;
	RC(STORE_OK, store_case_update(f->c, &got, 6000));
	assert_int_equal(got.version, 2);
	assert_int_equal(got.updated_at, 6000);
	RC(STORE_CONFLICT, store_case_update(f->c, &stale, 6100));
	RC(STORE_OK, store_case_get(f->c, &scope_all, k.id, &got));
	assert_string_equal(got.name, "Smith v. Jones Ltd");
	assert_string_equal(got.number, "T-0002");
	assert_false(got.has_min_settlement);
	assert_int_equal(got.office_id, 0);
	assert_true(got.mdl_master);
	assert_int_equal(got.version, 2);
	assert_int_equal(got.updated_at, 6000);
	RC(STORE_OK, store_case_get_by_number(f->c, "T-0002", &got));
	RC(STORE_NOT_FOUND, store_case_get_by_number(f->c, "T-0001", &got));
	struct store_case other;
	case_init(&other, w, "T-0003", "Other", w->auto_type);
	RC(STORE_OK, store_case_insert(f->c, &other, 5000));
	snprintf(other.number, sizeof other.number, "T-0002");
	RC(STORE_CONFLICT, store_case_update(f->c, &other, 6200));
	other.id += 100000;
	RC(STORE_NOT_FOUND, store_case_update(f->c, &other, 6200));

	/* the stage and closed date: not the version */
	RC(STORE_OK, store_case_set_stage(f->c, k.id, w->intake, "", 7000));
	RC(STORE_OK, store_case_get(f->c, &scope_all, k.id, &got));
	assert_int_equal(got.stage_status_id, w->intake);
	assert_string_equal(got.stage_name, "Intake");
	assert_string_equal(got.closed_date, "");
	assert_int_equal(got.version, 2);
	RC(STORE_OK, store_case_set_stage(f->c, k.id, w->closed, "2026-05-01", 7100));
	RC(STORE_OK, store_case_get(f->c, &scope_all, k.id, &got));
	assert_string_equal(got.stage_name, "Closed Case");
	assert_string_equal(got.closed_date, "2026-05-01");
	assert_int_equal(got.version, 2);
	/* an edit does not touch them */
	snprintf(got.closed_date, sizeof got.closed_date, "2026-06-01");
	RC(STORE_OK, store_case_update(f->c, &got, 7200));
	RC(STORE_OK, store_case_get(f->c, &scope_all, k.id, &got));
	assert_string_equal(got.closed_date, "2026-05-01");
	assert_int_equal(got.stage_status_id, w->closed);
	RC(STORE_NOT_FOUND, store_case_set_stage(f->c, k.id + 100000, w->intake, "", 7000));

	/* deleted: gone for every read */
	RC(STORE_OK, store_case_delete(f->c, k.id, 8000));
	RC(STORE_NOT_FOUND, store_case_get(f->c, &scope_all, k.id, &got));
	RC(STORE_NOT_FOUND, store_case_get_by_number(f->c, "T-0002", &got));
	RC(STORE_NOT_FOUND, store_case_update(f->c, &stale, 8100));
	RC(STORE_NOT_FOUND, store_case_delete(f->c, k.id, 8100));
}

static void test_case_scope(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t id = add_case(f, "SC-1", "Scoped case");
	int64_t other_id = add_case(f, "SC-2", "Someone else's case");
	int64_t user = add_user(f, "scope.user");
	int64_t client = add_contact(f, "person", "Cleo", "Client", "");
	int64_t advisor = add_contact(f, "organisation", "", "", "Advice Ltd");
	struct store_scope as_user = {.user_id = user};
	struct store_scope as_client = {.user_id = add_user(f, "scope.client"), .contact_id = client};
	struct store_scope as_advisor = {.contact_id = advisor};
	struct store_case got;
	struct store_case_filter filter = {.closed = -1, .limit = 64};

	RC(STORE_OK, store_case_get(f->c, &scope_all, id, &got));
	RC(STORE_NOT_FOUND, store_case_get(f->c, &as_user, id, &got));
	RC(STORE_NOT_FOUND, store_case_get(f->c, &as_client, id, &got));
	RC(STORE_NOT_FOUND, store_case_get(f->c, &as_advisor, id, &got));
	filter.scope = as_user;
	struct collect k = {0};
	RC(STORE_OK, store_case_list(f->c, &filter, collect_case, &k));
	assert_int_equal(k.n, 0);

	/* current staff see the case; once their row ends, they no longer do */
	int64_t row = add_staff(f, id, user, 0, w->paralegal, "2026-01-10");
	RC(STORE_OK, store_case_get(f->c, &as_user, id, &got));
	assert_string_equal(got.name, "Scoped case");
	RC(STORE_NOT_FOUND, store_case_get(f->c, &as_user, other_id, &got));
	k = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &filter, collect_case, &k));
	ids_are(&k, 1, id);
	RC(STORE_OK, store_case_staff_end(f->c, row, "2026-02-01"));
	RC(STORE_NOT_FOUND, store_case_get(f->c, &as_user, id, &got));
	k = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &filter, collect_case, &k));
	assert_int_equal(k.n, 0);

	/* a contact sees the cases where it is a party or current staff */
	add_party(f, id, client, "plaintiff");
	RC(STORE_OK, store_case_get(f->c, &as_client, id, &got));
	filter.scope = as_client;
	k = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &filter, collect_case, &k));
	ids_are(&k, 1, id);
	add_staff(f, other_id, 0, advisor, w->adviser, "2026-01-10");
	RC(STORE_OK, store_case_get(f->c, &as_advisor, other_id, &got));
	RC(STORE_NOT_FOUND, store_case_get(f->c, &as_advisor, id, &got));
	filter.scope = as_advisor;
	k = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &filter, collect_case, &k));
	ids_are(&k, 1, other_id);

	/* deleted cases are not found even by those who could see them */
	RC(STORE_OK, store_case_delete(f->c, id, 9000));
	RC(STORE_NOT_FOUND, store_case_get(f->c, &as_client, id, &got));
	RC(STORE_NOT_FOUND, store_case_get(f->c, &scope_all, id, &got));
	filter.scope = as_client;
	k = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &filter, collect_case, &k));
	assert_int_equal(k.n, 0);
}

static void test_case_list(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t type = setup_add(f, (struct store_setup_item){.kind = SETUP_CASE_TYPE,
		.name = "List Type", .group = "legal"});
	struct store_office office = {.created_at = 100};
	snprintf(office.name, sizeof office.name, "List Office");
	RC(STORE_OK, store_office_insert(f->c, &office));
	int64_t owner2 = add_user(f, "list.owner2");
	int64_t staffer = add_user(f, "list.staffer");

	struct store_case k;
	case_init(&k, w, "LST-1", "Alpha zebrafish claim", type);
	snprintf(k.opened_date, sizeof k.opened_date, "2026-01-01");
	k.office_id = office.id;
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	int64_t a = k.id;
	case_init(&k, w, "LST-2", "Beta", type);
	snprintf(k.opened_date, sizeof k.opened_date, "2026-02-01");
	k.owner_id = owner2;
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	int64_t b = k.id;
	case_init(&k, w, "LST-3", "Gamma", type);
	snprintf(k.opened_date, sizeof k.opened_date, "2026-03-01");
	snprintf(k.description, sizeof k.description, "Mentions the zebrafishery twice.");
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	int64_t c = k.id;
	case_init(&k, w, "LST-4", "Delta", type);
	snprintf(k.opened_date, sizeof k.opened_date, "2026-04-01");
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	int64_t d = k.id;
	case_init(&k, w, "LST-5", "Deleted zebrafish", type);
	RC(STORE_OK, store_case_insert(f->c, &k, 5000));
	RC(STORE_OK, store_case_delete(f->c, k.id, 5001));

	/* everyone's cases newest first: these are the newest */
	struct store_case_filter all = {.scope = {.all = true}, .closed = -1, .limit = 4};
	struct collect got = {0};
	RC(STORE_OK, store_case_list(f->c, &all, collect_case, &got));
	ids_are(&got, 4, d, c, b, a);

	/* one case type, paged */
	struct store_case_filter fl = all;
	fl.case_type_id = type;
	fl.limit = 64;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &fl, collect_case, &got));
	ids_are(&got, 4, d, c, b, a);
	fl.limit = 2;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &fl, collect_case, &got));
	ids_are(&got, 2, d, c);
	fl.before_id = c;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &fl, collect_case, &got));
	ids_are(&got, 2, b, a);
	fl.before_id = a;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &fl, collect_case, &got));
	assert_int_equal(got.n, 0);
	fl.before_id = 0;
	fl.limit = 64;

	/* stage, any current status, office, owner, staff member */
	RC(STORE_OK, store_case_set_stage(f->c, b, w->litigation, "", 5100));
	add_status(f, b, w->stage_type, w->litigation, "2026-02-01");
	add_status(f, a, w->medical_type, w->rec_requested, "2026-01-05");
	RC(STORE_OK, store_case_set_stage(f->c, c, w->closed, "2026-03-15", 5100));
	struct store_case_filter x = fl;
	x.stage_status_id = w->litigation;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, b);
	x = fl;
	x.status_id = w->rec_requested;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, a);
	x.status_id = w->litigation;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, b);
	x = fl;
	x.office_id = office.id;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, a);
	x = fl;
	x.owner_id = owner2;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, b);
	x = fl;
	x.staff_user_id = staffer;
	add_staff(f, c, staffer, 0, w->attorney, "2026-03-01");
	int64_t ended = add_staff(f, d, staffer, 0, w->attorney, "2026-03-01");
	RC(STORE_OK, store_case_staff_end(f->c, ended, "2026-03-02"));
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, c);

	/* opened between (inclusive), open or closed */
	x = fl;
	snprintf(x.opened_from, sizeof x.opened_from, "2026-02-01");
	snprintf(x.opened_to, sizeof x.opened_to, "2026-03-01");
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 2, c, b);
	x.opened_to[0] = '\0';
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 3, d, c, b);
	x = fl;
	x.closed = 1;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, c);
	x.closed = 0;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 3, d, b, a);

	/* text search over number, name and description: words as prefixes, any case */
	static const struct {
		const char *q;
		int n;
	} searches[] = {
		{"zebra", 2},          /* a (name) and c (description); not the deleted one */
		{"ZEBRAFISH", 2},
		{"zebra alpha", 1},
		{"\"zebra\" (al*", 1}, /* FTS5 syntax is just words */
		{"zebra \u2014 ALPHA", 1}, /* so is Unicode punctuation: no word */
		{"\u201czebra\u201d", 2},
		{"lst-4", 1},
		{"gam", 1},
		{"zebra nothing", 0},
	};
	const int64_t expect[][2] = {{c, a}, {c, a}, {a, 0}, {a, 0}, {a, 0}, {c, a}, {d, 0}, {c, 0},
				     {0, 0}};
	for (size_t i = 0; i < sizeof searches / sizeof searches[0]; i++) {
		x = all;
		x.limit = 64;
		snprintf(x.q, sizeof x.q, "%s", searches[i].q);
		got = (struct collect){0};
		RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
		if (got.n != searches[i].n)
			fail_msg("q \"%s\" found %d cases, expected %d", searches[i].q, got.n,
				 searches[i].n);
		for (int j = 0; j < got.n; j++)
			assert_int_equal(got.ids[j], expect[i][j]);
	}
	/* with paging and another filter */
	x = all;
	snprintf(x.q, sizeof x.q, "zebra");
	x.limit = 1;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, c);
	x.before_id = c;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, a);
	x.before_id = 0;
	x.limit = 64;
	x.office_id = office.id;
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, a);
	/* words of nothing but punctuation: no search */
	x = fl;
	snprintf(x.q, sizeof x.q, " -- !! ");
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 4, d, c, b, a);
	/* a restricted caller's search sees only their cases */
	x = fl;
	x.scope = (struct store_scope){.user_id = staffer};
	snprintf(x.q, sizeof x.q, "zebra");
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, c);

	/* a search follows a renamed case */
	RC(STORE_OK, store_case_get(f->c, &scope_all, b, &k));
	snprintf(k.name, sizeof k.name, "Beta quokka");
	RC(STORE_OK, store_case_update(f->c, &k, 5200));
	x = all;
	snprintf(x.q, sizeof x.q, "quok");
	got = (struct collect){0};
	RC(STORE_OK, store_case_list(f->c, &x, collect_case, &got));
	ids_are(&got, 1, b);
}
/* ---- value history ---------------------------------------------------------------------- */

struct value_rows {
	struct store_value_change v[8];
	int n;
};

static int collect_value(const struct store_value_change *v, void *ctx)
{
	struct value_rows *r = ctx;
	if (r->n < 8)
		r->v[r->n] = *v;
	r->n++;
	return 0;
}

static void test_value_history(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t id = add_case(f, "VH-1", "Valued case");
	int64_t other = add_case(f, "VH-2", "Other valued case");
	struct store_value_change v1 = {.case_id = id, .value_range_id = w->low_range,
					.from_date = "2026-01-01", .user_id = w->owner,
					.comments = "first guess"};
	RC(STORE_OK, store_value_change_add(f->c, &v1));
	assert_true(v1.id > 0);
	struct store_value_change elsewhere = {.case_id = other, .value_range_id = w->low_range,
					       .from_date = "2026-01-15", .user_id = w->owner};
	RC(STORE_OK, store_value_change_add(f->c, &elsewhere));
	struct store_value_change v2 = {.case_id = id, .value_range_id = w->mid_range,
					.from_date = "2026-02-01", .user_id = w->owner};
	RC(STORE_OK, store_value_change_add(f->c, &v2));
	struct store_value_change v3 = {.case_id = id, .value_range_id = 0,
					.from_date = "2026-03-01", .user_id = w->owner,
					.comments = "cleared"};
	RC(STORE_OK, store_value_change_add(f->c, &v3));

	struct value_rows r = {0};
	RC(STORE_OK, store_value_change_list(f->c, id, collect_value, &r));
	assert_int_equal(r.n, 3);
	assert_int_equal(r.v[0].id, v3.id);
	assert_int_equal(r.v[0].value_range_id, 0);
	assert_string_equal(r.v[0].value_name, "");
	assert_string_equal(r.v[0].from_date, "2026-03-01");
	assert_string_equal(r.v[0].to_date, "");
	assert_string_equal(r.v[0].comments, "cleared");
	assert_int_equal(r.v[1].id, v2.id);
	assert_string_equal(r.v[1].value_name, "$100k-$250k");
	assert_string_equal(r.v[1].from_date, "2026-02-01");
	assert_string_equal(r.v[1].to_date, "2026-03-01");
	assert_int_equal(r.v[2].id, v1.id);
	assert_int_equal(r.v[2].case_id, id);
	assert_int_equal(r.v[2].value_range_id, w->low_range);
	assert_string_equal(r.v[2].to_date, "2026-02-01");
	assert_int_equal(r.v[2].user_id, w->owner);
	assert_string_equal(r.v[2].user_name, "Name of world.owner");
	assert_string_equal(r.v[2].comments, "first guess");

	/* another case's history is its own */
	r = (struct value_rows){0};
	RC(STORE_OK, store_value_change_list(f->c, other, collect_value, &r));
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].to_date, "");
}

/* ---- case statuses ---------------------------------------------------------------------- */

static void test_case_status(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t id = add_case(f, "ST-1", "Status case");
	int64_t other = add_case(f, "ST-2", "Other status case");

	struct store_case_status s = {.case_id = id, .status_type_id = w->stage_type,
				      .status_id = w->intake, .expected_days = 10,
				      .from_date = "2026-01-01", .user_id = w->owner,
				      .comments = "opened"};
	RC(STORE_OK, store_case_status_insert(f->c, &s, 6000));
	assert_true(s.id > 0);
	assert_true(s.current);
	assert_int_equal(s.version, 1);
	int64_t intake_row = s.id;

	/* one current row per status type */
	struct store_case_status again = s;
	again.status_id = w->litigation;
	RC(STORE_CONFLICT, store_case_status_insert(f->c, &again, 6000));
	add_status(f, other, w->stage_type, w->intake, "2026-01-01");  /* other cases are apart */

	struct store_case_status got;
	RC(STORE_OK, store_case_status_current(f->c, id, w->stage_type, &got));
	assert_int_equal(got.id, intake_row);
	assert_int_equal(got.case_id, id);
	assert_int_equal(got.status_type_id, w->stage_type);
	assert_int_equal(got.status_id, w->intake);
	assert_int_equal(got.expected_days, 10);
	assert_string_equal(got.from_date, "2026-01-01");
	assert_string_equal(got.to_date, "");
	assert_true(got.current);
	assert_int_equal(got.user_id, w->owner);
	assert_string_equal(got.comments, "opened");
	assert_int_equal(got.close_reason_id, 0);
	assert_int_equal(got.version, 1);
	assert_int_equal(got.created_at, 6000);
	assert_string_equal(got.status_type_name, "Stage");
	assert_true(got.stage);
	assert_string_equal(got.status_name, "Intake");
	assert_false(got.closing);
	assert_string_equal(got.close_reason_name, "");
	assert_string_equal(got.user_name, "Name of world.owner");
	RC(STORE_NOT_FOUND, store_case_status_current(f->c, id, w->medical_type, &got));

	/* ending the current row frees its type */
	RC(STORE_OK, store_case_status_end(f->c, intake_row, "2026-02-01"));
	RC(STORE_NOT_FOUND, store_case_status_current(f->c, id, w->stage_type, &got));
	RC(STORE_NOT_FOUND, store_case_status_end(f->c, intake_row, "2026-02-02"));
	RC(STORE_OK, store_case_status_get(f->c, id, intake_row, &got));
	assert_false(got.current);
	assert_string_equal(got.to_date, "2026-02-01");
	RC(STORE_NOT_FOUND, store_case_status_get(f->c, other, intake_row, &got));
	int64_t lit_row = add_status(f, id, w->stage_type, w->litigation, "2026-02-01");
	int64_t med_row = add_status(f, id, w->medical_type, w->rec_requested, "2026-02-01");

	/* current rows: the stage first, whatever the positions of the types */
	struct collect k = {0};
	RC(STORE_OK, store_case_status_list(f->c, id, collect_status, &k));
	ids_are(&k, 2, lit_row, med_row);

	/* versioned edit of a row */
	RC(STORE_OK, store_case_status_get(f->c, id, med_row, &got));
	struct store_case_status stale = got;
	got.status_id = w->rec_received;
	got.expected_days = 5;
	snprintf(got.from_date, sizeof got.from_date, "2026-02-03");
	snprintf(got.comments, sizeof got.comments, "records in");
	RC(STORE_OK, store_case_status_update(f->c, &got));
	assert_int_equal(got.version, 2);
	RC(STORE_CONFLICT, store_case_status_update(f->c, &stale));
	RC(STORE_OK, store_case_status_get(f->c, id, med_row, &got));
	assert_int_equal(got.status_id, w->rec_received);
	assert_string_equal(got.status_name, "Records Received");
	assert_int_equal(got.expected_days, 5);
	assert_string_equal(got.from_date, "2026-02-03");
	assert_string_equal(got.comments, "records in");
	stale.id += 100000;
	RC(STORE_NOT_FOUND, store_case_status_update(f->c, &stale));

	/* closing: the closing status with a reason */
	RC(STORE_OK, store_case_status_end(f->c, lit_row, "2026-03-01"));
	s = (struct store_case_status){.case_id = id, .status_type_id = w->stage_type,
				       .status_id = w->closed, .from_date = "2026-03-01",
				       .user_id = w->owner, .close_reason_id = w->settled,
				       .comments = "Closed: Settled"};
	RC(STORE_OK, store_case_status_insert(f->c, &s, 6100));
	RC(STORE_OK, store_case_status_current(f->c, id, w->stage_type, &got));
	assert_int_equal(got.id, s.id);
	assert_true(got.closing);
	assert_int_equal(got.close_reason_id, w->settled);
	assert_string_equal(got.close_reason_name, "Settled");

	/* history: every row, newest from_date first, then newest row first */
	k = (struct collect){0};
	RC(STORE_OK, store_case_status_history(f->c, id, collect_status, &k));
	ids_are(&k, 4, s.id, med_row, lit_row, intake_row);
	k = (struct collect){0};
	RC(STORE_OK, store_case_status_list(f->c, id, collect_status, &k));
	ids_are(&k, 2, s.id, med_row);
}

/* ---- case staff ------------------------------------------------------------------------- */

static int collect_staff_rows(const struct store_case_staff *s, void *ctx)
{
	struct store_case_staff *rows = ctx;
	for (int i = 0; i < 8; i++) {
		if (rows[i].id == 0) {
			rows[i] = *s;
			break;
		}
	}
	return 0;
}

static void test_case_staff(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t id = add_case(f, "CS-1", "Staffed case");
	int64_t lawyer = add_user(f, "staff.lawyer");
	int64_t helper = add_user(f, "staff.helper");
	int64_t outsider = add_contact(f, "person", "Pat", "Para", "");

	/* inserted out of role order */
	int64_t manager_row = add_staff(f, id, helper, 0, w->manager, "2026-01-01");
	int64_t para_row = add_staff(f, id, 0, outsider, w->paralegal, "2026-01-01");
	int64_t lawyer_row = add_staff(f, id, lawyer, 0, w->attorney, "2026-01-01");

	struct store_case_staff got;
	RC(STORE_OK, store_case_staff_get(f->c, id, para_row, &got));
	assert_int_equal(got.case_id, id);
	assert_int_equal(got.user_id, 0);
	assert_int_equal(got.contact_id, outsider);
	assert_int_equal(got.role_id, w->paralegal);
	assert_string_equal(got.person_name, "Pat Para");
	assert_string_equal(got.role_name, "Paralegal");
	assert_string_equal(got.role_category, "paralegal");
	assert_string_equal(got.from_date, "2026-01-01");
	assert_string_equal(got.to_date, "");
	assert_true(got.current);
	assert_int_equal(got.version, 1);
	RC(STORE_OK, store_case_staff_get(f->c, id, lawyer_row, &got));
	assert_string_equal(got.person_name, "Name of staff.lawyer");
	assert_int_equal(got.contact_id, 0);
	RC(STORE_NOT_FOUND, store_case_staff_get(f->c, id + 1, lawyer_row, &got));

	struct collect k = {0};
	RC(STORE_OK, store_case_staff_list(f->c, id, false, collect_staff, &k));
	ids_are(&k, 3, lawyer_row, para_row, manager_row);

	/* comments are versioned */
	struct store_case_staff stale = got;
	snprintf(got.comments, sizeof got.comments, "lead on the claim");
	RC(STORE_OK, store_case_staff_update(f->c, &got));
	assert_int_equal(got.version, 2);
	snprintf(stale.comments, sizeof stale.comments, "stale");
	RC(STORE_CONFLICT, store_case_staff_update(f->c, &stale));
	RC(STORE_OK, store_case_staff_get(f->c, id, lawyer_row, &got));
	assert_string_equal(got.comments, "lead on the claim");

	/* ending a row keeps it in the history only */
	RC(STORE_OK, store_case_staff_end(f->c, para_row, "2026-02-01"));
	RC(STORE_NOT_FOUND, store_case_staff_end(f->c, para_row, "2026-02-02"));
	int64_t adviser_row = add_staff(f, id, 0, outsider, w->adviser, "2026-03-01");
	k = (struct collect){0};
	RC(STORE_OK, store_case_staff_list(f->c, id, false, collect_staff, &k));
	ids_are(&k, 3, lawyer_row, manager_row, adviser_row);
	k = (struct collect){0};
	RC(STORE_OK, store_case_staff_list(f->c, id, true, collect_staff, &k));
	ids_are(&k, 4, adviser_row, lawyer_row, para_row, manager_row);
	struct store_case_staff rows[8] = {0};
	RC(STORE_OK, store_case_staff_list(f->c, id, true, collect_staff_rows, rows));
	assert_int_equal(rows[2].id, para_row);
	assert_false(rows[2].current);
	assert_string_equal(rows[2].to_date, "2026-02-01");
	assert_string_equal(rows[2].person_name, "Pat Para");
}

/* ---- notes ------------------------------------------------------------------------------ */

static int64_t add_note(struct fixture *f, int64_t case_id, int64_t at, const char *body)
{
	struct store_note n = {.case_id = case_id, .note_type_id = f->w.general, .at = at,
			       .created_by = f->w.owner};
	snprintf(n.body, sizeof n.body, "%s", body);
	RC(STORE_OK, store_note_insert(f->c, &n, 9000));
	assert_int_equal(n.version, 1);
	return n.id;
}

static void notes_are(struct fixture *f, int64_t case_id, const char *q, int64_t before_at,
		      int64_t before_id, int limit, struct collect *k)
{
	*k = (struct collect){0};
	RC(STORE_OK, store_note_list(f->c, case_id, q, before_at, before_id, limit, collect_note, k));
}

static void test_notes(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t id = add_case(f, "NT-1", "Noted case");
	int64_t other = add_case(f, "NT-2", "Other noted case");
	int64_t n1 = add_note(f, id, 1000, "Called the insurer about the claim.");
	int64_t n2 = add_note(f, id, 3000, "Medical records requested from St. Mary's.");
	int64_t n3 = add_note(f, id, 2000, "Insurer replied: offer pending");
	int64_t n4 = add_note(f, id, 3000, "Another note at the same time");
	add_note(f, other, 2500, "The insurer of the other case");

	struct store_note got;
	RC(STORE_OK, store_note_get(f->c, id, n3, &got));
	assert_int_equal(got.case_id, id);
	assert_int_equal(got.note_type_id, f->w.general);
	assert_string_equal(got.body, "Insurer replied: offer pending");
	assert_int_equal(got.at, 2000);
	assert_int_equal(got.created_by, f->w.owner);
	assert_int_equal(got.created_at, 9000);
	assert_int_equal(got.updated_at, 9000);
	assert_string_equal(got.note_type_name, "General");
	assert_string_equal(got.creator_name, "Name of world.owner");
	RC(STORE_NOT_FOUND, store_note_get(f->c, other, n3, &got));

	/* newest first, then by id; paged by (at, id) */
	struct collect k;
	notes_are(f, id, "", 0, 0, 10, &k);
	ids_are(&k, 4, n4, n2, n3, n1);
	notes_are(f, id, "", 0, 0, 2, &k);
	ids_are(&k, 2, n4, n2);
	notes_are(f, id, "", 3000, n4, 2, &k);
	ids_are(&k, 2, n2, n3);
	notes_are(f, id, "", 3000, n2, 10, &k);
	ids_are(&k, 2, n3, n1);

	/* search: words as prefixes, in any case, only this case's notes */
	notes_are(f, id, "insur", 0, 0, 10, &k);
	ids_are(&k, 2, n3, n1);
	notes_are(f, id, "INSURER replied", 0, 0, 10, &k);
	ids_are(&k, 1, n3);
	notes_are(f, id, "medic rec mary", 0, 0, 10, &k);
	ids_are(&k, 1, n2);
	notes_are(f, id, "insur", 2000, n3, 10, &k);
	ids_are(&k, 1, n1);
	notes_are(f, id, "\"", 0, 0, 10, &k);
	assert_int_equal(k.n, 4);
	notes_are(f, id, "insur \u20ac", 0, 0, 10, &k);
	ids_are(&k, 2, n3, n1);
	notes_are(f, id, "mary\u2019s", 0, 0, 10, &k);
	ids_are(&k, 1, n2);

	/* edits are versioned and searched as they now are */
	RC(STORE_OK, store_note_get(f->c, id, n1, &got));
	struct store_note stale = got;
	snprintf(got.body, sizeof got.body, "Left a message");
	got.note_type_id = f->w.client_update;
	got.at = 500;
	RC(STORE_OK, store_note_update(f->c, &got, 9100));
	assert_int_equal(got.version, 2);
	assert_int_equal(got.updated_at, 9100);
	RC(STORE_CONFLICT, store_note_update(f->c, &stale, 9200));
	RC(STORE_OK, store_note_get(f->c, id, n1, &got));
	assert_string_equal(got.note_type_name, "Client Update");
	assert_int_equal(got.at, 500);
	notes_are(f, id, "insur", 0, 0, 10, &k);
	ids_are(&k, 1, n3);
	notes_are(f, id, "messa", 0, 0, 10, &k);
	ids_are(&k, 1, n1);

	RC(STORE_OK, store_note_delete(f->c, n3));
	RC(STORE_NOT_FOUND, store_note_get(f->c, id, n3, &got));
	RC(STORE_NOT_FOUND, store_note_delete(f->c, n3));
	notes_are(f, id, "insur", 0, 0, 10, &k);
	assert_int_equal(k.n, 0);
	stale = got;
	stale.id = n3;
	RC(STORE_NOT_FOUND, store_note_update(f->c, &stale, 9300));
}

/* ---- timeline --------------------------------------------------------------------------- */

struct event_walk {
	int64_t case_id, last_case, last_seq;
	int seen, out_of_order;
	int64_t seqs[8];
};

static int walk_event(const struct store_event *ev, void *ctx)
{
	struct event_walk *wk = ctx;
	if (ev->case_id < wk->last_case ||
	    (ev->case_id == wk->last_case && ev->seq <= wk->last_seq))
		wk->out_of_order++;
	wk->last_case = ev->case_id;
	wk->last_seq = ev->seq;
	if (ev->case_id == wk->case_id && wk->seen < 8)
		wk->seqs[wk->seen++] = ev->seq;
	return 0;
}

static void event_init(struct store_event *ev, int64_t case_id, int64_t seq, int64_t user_id,
		       const unsigned char prev[32], unsigned char seed)
{
	memset(ev, 0, sizeof *ev);
	ev->case_id = case_id;
	ev->seq = seq;
	ev->at = 10000 + seq;
	snprintf(ev->type, sizeof ev->type, "case.changed");
	ev->user_id = user_id;
	snprintf(ev->description, sizeof ev->description, "change %lld", (long long)seq);
	memcpy(ev->prev_hash, prev, 32);
	hash_fill(ev->hash, seed);
}

static void test_events(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t id = add_case(f, "EV-1", "Eventful case");
	int64_t other = add_case(f, "EV-2", "Other eventful case");
	struct store_event got;
	RC(STORE_NOT_FOUND, store_event_last(f->c, id, &got));

	static const unsigned char zeros[32];
	struct store_event e1, e2, e3, o1;
	event_init(&e1, id, 1, w->owner, zeros, 21);
	snprintf(e1.type, sizeof e1.type, "case.created");
	RC(STORE_OK, store_event_insert(f->c, &e1));
	assert_true(e1.id > 0);
	event_init(&o1, other, 1, w->owner, zeros, 31);
	RC(STORE_OK, store_event_insert(f->c, &o1));
	event_init(&e2, id, 2, 0, e1.hash, 22);
	RC(STORE_OK, store_event_insert(f->c, &e2));
	event_init(&e3, id, 3, w->owner, e2.hash, 23);
	RC(STORE_OK, store_event_insert(f->c, &e3));
	struct store_event dup;
	event_init(&dup, id, 3, w->owner, e2.hash, 24);
	RC(STORE_CONFLICT, store_event_insert(f->c, &dup));

	RC(STORE_OK, store_event_last(f->c, id, &got));
	assert_int_equal(got.id, e3.id);
	assert_int_equal(got.seq, 3);
	assert_memory_equal(got.hash, e3.hash, 32);
	assert_memory_equal(got.prev_hash, e2.hash, 32);
	assert_string_equal(got.user_name, "Name of world.owner");
	assert_string_equal(got.description, "change 3");
	assert_int_equal(got.at, 10003);

	struct collect k = {0};
	RC(STORE_OK, store_event_list(f->c, id, 0, 10, collect_event, &k));
	ids_are(&k, 3, e3.id, e2.id, e1.id);
	k = (struct collect){0};
	RC(STORE_OK, store_event_list(f->c, id, 3, 1, collect_event, &k));
	ids_are(&k, 1, e2.id);
	k = (struct collect){0};
	RC(STORE_OK, store_event_list(f->c, id, 1, 10, collect_event, &k));
	assert_int_equal(k.n, 0);

	/* the system's event: no user; a first event: zero previous hash */
	RC(STORE_OK, store_event_last(f->c, other, &got));
	assert_memory_equal(got.prev_hash, zeros, 32);
	assert_string_equal(got.type, "case.changed");

	/* every event of every case, deleted cases too, in (case, seq) order */
	RC(STORE_OK, store_case_delete(f->c, id, 11000));
	struct event_walk wk = {.case_id = id};
	RC(STORE_OK, store_event_walk_all(f->c, walk_event, &wk));
	assert_int_equal(wk.out_of_order, 0);
	assert_int_equal(wk.seen, 3);
	assert_int_equal(wk.seqs[0], 1);
	assert_int_equal(wk.seqs[2], 3);
}

static int find_system_event(const struct store_event *ev, void *ctx)
{
	struct store_event *out = ctx;
	if (ev->user_id == 0 && ev->case_id == out->case_id) {
		*out = *ev;
		return 1;
	}
	return 0;
}

static void test_event_system_user(void **state)
{
	FIXTURE(state);
	int64_t id = add_case(f, "EV-3", "System event case");
	static const unsigned char zeros[32];
	struct store_event ev;
	event_init(&ev, id, 1, 0, zeros, 41);
	RC(STORE_OK, store_event_insert(f->c, &ev));
	struct store_event got = {.case_id = id};
	RC(STORE_OK, store_event_list(f->c, id, 0, 10, find_system_event, &got));
	assert_int_equal(got.id, ev.id);
	assert_string_equal(got.user_name, "");
	assert_memory_equal(got.hash, ev.hash, 32);
}

/* ---- related cases, parties, other cases ------------------------------------------------ */

struct briefs {
	struct store_case_brief b[8];
	int n;
};

static int collect_briefs(const struct store_case_brief *b, void *ctx)
{
	struct briefs *r = ctx;
	if (r->n < 8)
		r->b[r->n] = *b;
	r->n++;
	return 0;
}

static void test_related(void **state)
{
	FIXTURE(state);
	struct world *w = world_make(f);
	int64_t a = add_case(f, "RL-2", "Related A");
	int64_t b = add_case(f, "RL-1", "Related B");
	int64_t e = add_case(f, "RL-0", "Related E");
	int64_t d = add_case(f, "RL-9", "Related D, deleted");
	RC(STORE_OK, store_related_add(f->c, a, b, 100));
	RC(STORE_CONFLICT, store_related_add(f->c, b, a, 100));
	RC(STORE_OK, store_related_add(f->c, e, a, 100));
	RC(STORE_OK, store_related_add(f->c, a, d, 100));
	RC(STORE_OK, store_case_delete(f->c, d, 200));

	struct collect k = {0};
	RC(STORE_OK, store_related_list(f->c, a, collect_brief, &k));
	ids_are(&k, 2, e, b);
	k = (struct collect){0};
	RC(STORE_OK, store_related_list(f->c, b, collect_brief, &k));
	ids_are(&k, 1, a);

	/* the brief: stage and the first current staff member of each role category */
	int64_t first = add_user(f, "rel.first");
	int64_t second = add_user(f, "rel.second");
	int64_t para = add_contact(f, "person", "Rita", "Related", "");
	int64_t old = add_staff(f, b, second, 0, w->manager, "2026-01-01");
	RC(STORE_OK, store_case_staff_end(f->c, old, "2026-01-02"));
	add_staff(f, b, first, 0, w->attorney, "2026-01-01");
	add_staff(f, b, second, 0, w->attorney, "2026-01-01");
	add_staff(f, b, 0, para, w->paralegal, "2026-01-01");
	RC(STORE_OK, store_case_set_stage(f->c, b, w->litigation, "", 300));
	struct briefs r = {0};
	RC(STORE_OK, store_related_list(f->c, a, collect_briefs, &r));
	assert_int_equal(r.n, 2);
	assert_int_equal(r.b[1].id, b);
	assert_string_equal(r.b[1].number, "RL-1");
	assert_string_equal(r.b[1].name, "Related B");
	assert_string_equal(r.b[1].stage_name, "Litigation");
	assert_string_equal(r.b[1].attorney, "Name of rel.first");
	assert_string_equal(r.b[1].paralegal, "Rita Related");
	assert_string_equal(r.b[1].case_manager, "");
	assert_string_equal(r.b[0].stage_name, "");
	assert_string_equal(r.b[0].attorney, "");

	/* unlinking removes both directions */
	RC(STORE_OK, store_related_remove(f->c, b, a));
	RC(STORE_NOT_FOUND, store_related_remove(f->c, a, b));
	k = (struct collect){0};
	RC(STORE_OK, store_related_list(f->c, a, collect_brief, &k));
	ids_are(&k, 1, e);
	k = (struct collect){0};
	RC(STORE_OK, store_related_list(f->c, b, collect_brief, &k));
	assert_int_equal(k.n, 0);
	RC(STORE_OK, store_related_add(f->c, a, b, 400));
}

static void test_parties_and_other_cases(void **state)
{
	FIXTURE(state);
	world_make(f);
	int64_t plaintiff = add_contact(f, "person", "Paula", "Plaintiff", "");
	int64_t second = add_contact(f, "organisation", "", "", "Second Plaintiff Inc");
	int64_t x = add_case(f, "OC-1", "Other X");
	int64_t y = add_case(f, "OC-3", "Other Y");
	int64_t z = add_case(f, "", "Other Z, no number");
	int64_t wcase = add_case(f, "OC-2", "Other W, defendant only");
	int64_t v = add_case(f, "OC-0", "Other V, second plaintiff");
	int64_t u = add_case(f, "OC-5", "Other U, deleted");

	int64_t px = add_party(f, x, plaintiff, "plaintiff");
	add_party(f, x, second, "plaintiff");
	add_party(f, y, plaintiff, "plaintiff");
	add_party(f, z, plaintiff, "plaintiff");
	add_party(f, wcase, plaintiff, "defendant");
	add_party(f, v, second, "plaintiff");
	add_party(f, u, plaintiff, "plaintiff");
	RC(STORE_OK, store_case_delete(f->c, u, 100));

	struct store_party p = {.case_id = x, .contact_id = plaintiff, .kind = "plaintiff"};
	RC(STORE_CONFLICT, store_party_insert(f->c, &p));
	snprintf(p.kind, sizeof p.kind, "defendant");
	RC(STORE_OK, store_party_insert(f->c, &p));
	int64_t as_defendant = p.id;

	struct store_party got;
	RC(STORE_OK, store_party_get(f->c, x, px, &got));
	assert_int_equal(got.case_id, x);
	assert_int_equal(got.contact_id, plaintiff);
	assert_string_equal(got.kind, "plaintiff");
	assert_string_equal(got.contact_name, "Paula Plaintiff");
	RC(STORE_NOT_FOUND, store_party_get(f->c, y, px, &got));
	struct collect k = {0};
	RC(STORE_OK, store_party_list(f->c, x, collect_party, &k));
	assert_int_equal(k.n, 3);
	assert_true(ids_have(&k, px) && ids_have(&k, as_defendant));

	/* cases sharing a plaintiff, by number: no case without a number, no defendant-only
	 * case, no deleted case, not the case itself */
	k = (struct collect){0};
	RC(STORE_OK, store_other_cases(f->c, x, collect_brief, &k));
	ids_are(&k, 2, v, y);
	k = (struct collect){0};
	RC(STORE_OK, store_other_cases(f->c, z, collect_brief, &k));
	ids_are(&k, 2, x, y);
	k = (struct collect){0};
	RC(STORE_OK, store_other_cases(f->c, wcase, collect_brief, &k));
	assert_int_equal(k.n, 0);

	RC(STORE_OK, store_party_delete(f->c, as_defendant));
	RC(STORE_NOT_FOUND, store_party_delete(f->c, as_defendant));
	RC(STORE_NOT_FOUND, store_party_get(f->c, x, as_defendant, &got));
}

/* ---- contacts --------------------------------------------------------------------------- */

static void contacts_are(struct fixture *f, const char *q, int64_t after, int limit,
			 struct collect *k)
{
	*k = (struct collect){0};
	RC(STORE_OK, store_contact_list(f->c, q, after, limit, collect_contact, k));
}

static void test_contacts(void **state)
{
	FIXTURE(state);
	struct store_contact ct = {.kind = "person", .first_name = "Kwcarla", .last_name = "Kwsmith",
				   .email = "carla@kw.test", .phone = "555-0100"};
	RC(STORE_OK, store_contact_insert(f->c, &ct, 700));
	assert_string_equal(ct.display_name, "Kwcarla Kwsmith");
	assert_int_equal(ct.version, 1);
	int64_t carla = ct.id;
	int64_t org = add_contact(f, "organisation", "", "", "Kwsmithers & Co");
	int64_t bob = add_contact(f, "person", "Bob", "Kwcarlton", "");
	int64_t zed = add_contact(f, "person", "", "Kwzed", "");
	int64_t pct = add_contact(f, "person", "Kw100%", "Kwpercent", "");

	struct store_contact got;
	RC(STORE_OK, store_contact_get(f->c, carla, &got));
	assert_string_equal(got.kind, "person");
	assert_string_equal(got.first_name, "Kwcarla");
	assert_string_equal(got.last_name, "Kwsmith");
	assert_string_equal(got.org_name, "");
	assert_string_equal(got.email, "carla@kw.test");
	assert_string_equal(got.phone, "555-0100");
	assert_string_equal(got.display_name, "Kwcarla Kwsmith");
	assert_int_equal(got.created_at, 700);
	RC(STORE_OK, store_contact_get(f->c, zed, &got));
	assert_string_equal(got.display_name, "Kwzed");
	RC(STORE_OK, store_contact_get(f->c, org, &got));
	assert_string_equal(got.display_name, "Kwsmithers & Co");
	RC(STORE_NOT_FOUND, store_contact_get(f->c, pct + 100000, &got));

	/* q: the start of a first, last or organisation name or the e-mail, any case */
	struct collect k;
	contacts_are(f, "kwsmi", 0, 50, &k);
	ids_are(&k, 2, carla, org);
	contacts_are(f, "KWCARL", 0, 50, &k);
	ids_are(&k, 2, carla, bob);
	contacts_are(f, "carla@", 0, 50, &k);
	ids_are(&k, 1, carla);
	contacts_are(f, "smith", 0, 50, &k);
	assert_false(ids_have(&k, carla));
	contacts_are(f, "kw100%", 0, 50, &k);
	ids_are(&k, 1, pct);
	contacts_are(f, "kw1_0", 0, 50, &k);
	assert_int_equal(k.n, 0);
	contacts_are(f, "kw", 0, 2, &k);
	ids_are(&k, 2, carla, org);
	contacts_are(f, "kw", org, 50, &k);
	ids_are(&k, 3, bob, zed, pct);
	contacts_are(f, "", carla, 2, &k);
	ids_are(&k, 2, org, bob);

	/* versioned update; the display name follows */
	RC(STORE_OK, store_contact_get(f->c, bob, &got));
	struct store_contact stale = got;
	snprintf(got.first_name, sizeof got.first_name, "Robert");
	RC(STORE_OK, store_contact_update(f->c, &got, 800));
	assert_int_equal(got.version, 2);
	assert_string_equal(got.display_name, "Robert Kwcarlton");
	RC(STORE_CONFLICT, store_contact_update(f->c, &stale, 800));
	RC(STORE_OK, store_contact_get(f->c, bob, &got));
	assert_string_equal(got.display_name, "Robert Kwcarlton");
	stale.id += 100000;
	RC(STORE_NOT_FOUND, store_contact_update(f->c, &stale, 800));

	/* where a contact is used */
	char where[64] = "x";
	int64_t n = -1;
	RC(STORE_OK, store_contact_usage(f->c, zed, where, &n));
	assert_string_equal(where, "");
	assert_int_equal(n, 0);
	struct store_user u;
	user_init(&u, "kw.zed", 0);
	u.contact_id = zed;
	RC(STORE_OK, store_user_insert(f->c, &u));
	RC(STORE_OK, store_contact_usage(f->c, zed, where, &n));
	assert_string_equal(where, "users");
	assert_int_equal(n, 1);
	int64_t id = add_case(f, "KW-1", "Contact usage case");
	add_staff(f, id, 0, zed, f->w.adviser, "2026-01-01");
	RC(STORE_OK, store_contact_usage(f->c, zed, where, &n));
	assert_string_equal(where, "case staff");
	add_party(f, id, zed, "plaintiff");
	add_party(f, id, zed, "defendant");
	RC(STORE_OK, store_contact_usage(f->c, zed, where, &n));
	assert_string_equal(where, "case parties");
	assert_int_equal(n, 2);

	RC(STORE_OK, store_contact_delete(f->c, pct));
	RC(STORE_NOT_FOUND, store_contact_get(f->c, pct, &got));
	RC(STORE_NOT_FOUND, store_contact_delete(f->c, pct));
}

/* ---- a user's own contact --------------------------------------------------------------- */

static void test_user_contact(void **state)
{
	FIXTURE(state);
	int64_t mine = add_contact(f, "person", "Una", "User", "");
	struct store_user u, got;
	user_init(&u, "with.contact", 0);
	u.contact_id = mine;
	RC(STORE_OK, store_user_insert(f->c, &u));
	RC(STORE_OK, store_user_get(f->c, u.id, &got));
	assert_int_equal(got.contact_id, mine);
	RC(STORE_OK, store_user_get_by_login(f->c, "with.contact", &got));
	assert_int_equal(got.contact_id, mine);
	got.contact_id = 0;
	RC(STORE_OK, store_user_update(f->c, &got, 2000));
	RC(STORE_OK, store_user_get(f->c, u.id, &got));
	assert_int_equal(got.contact_id, 0);
	got.contact_id = mine;
	RC(STORE_OK, store_user_update(f->c, &got, 2100));
	RC(STORE_OK, store_user_get(f->c, u.id, &got));
	assert_int_equal(got.contact_id, mine);
	user_init(&u, "without.contact", 0);
	RC(STORE_OK, store_user_insert(f->c, &u));
	RC(STORE_OK, store_user_get(f->c, u.id, &got));
	assert_int_equal(got.contact_id, 0);
}

/* ---- PostgreSQL: serialization failures are retried ------------------------------------- */

struct race {
	struct fixture *f;
	struct store_conn *other;
	int64_t id;
	int runs;
};

static int race_bump(struct store_conn *c, void *ctx, struct err *e)
{
	struct race *r = ctx;
	struct store_user u;
	if (store_user_get(c, r->id, &u) != STORE_OK)
		return err_set(e, ERR_INTERNAL, NULL, "get failed");
	snprintf(u.name, sizeof u.name, "bumped by the other connection");
	int rc = store_user_update(c, &u, 5000);
	return rc == STORE_OK ? 0 : err_set(e, ERR_INTERNAL, NULL, "update gave %d", rc);
}

static int race_main(struct store_conn *c, void *ctx, struct err *e)
{
	struct race *r = ctx;
	r->runs++;
	struct store_user u;
	int rc = store_user_get(c, r->id, &u);  /* takes this transaction's snapshot */
	if (rc != STORE_OK)
		return err_set(e, ERR_INTERNAL, NULL, "get gave %d", rc);
	if (r->runs == 1) {
		/* another connection changes the row and commits meanwhile */
		struct err e2 = {0};
		if (store_tx_run(r->other, race_bump, r, &e2) != 0)
			return err_set(e, ERR_INTERNAL, NULL, "other: %s", e2.message);
	}
	snprintf(u.name, sizeof u.name, "set by the main connection");
	rc = store_user_update(c, &u, 6000);
	if (rc == STORE_RETRY)
		return err_set(e, ERR_BUSY, NULL, "serialization failure");
	return rc == STORE_OK ? 0 : err_set(e, ERR_INTERNAL, NULL, "update gave %d: %s", rc,
					    store_last_error(c));
}

static void test_pg_serialization_retry(void **state)
{
	FIXTURE(state);
	if (strcmp(f->backend, "postgresql") != 0)
		skip();  /* SQLite has one writer at a time: there is no such race to lose */
	struct race r = {.f = f, .id = add_user(f, "racer")};
	r.other = store_acquire(f->s, 1000);
	assert_non_null(r.other);
	struct err e = {0};
	int rc = store_tx_run(f->c, race_main, &r, &e);
	store_release(f->s, r.other);
	if (rc != 0)
		fail_msg("store_tx_run: %d %s", rc, e.message);
	assert_int_equal(r.runs, 2);
	struct store_user got;
	RC(STORE_OK, store_user_get(f->c, r.id, &got));
	assert_string_equal(got.name, "set by the main connection");
	assert_int_equal(got.version, 3);
}

/* ---- PostgreSQL: processes migrating at once take turns --------------------------------- */

struct migrator {
	const char *url;
	int rc, from, to;
	char message[256];
};

static void *migrate_thread(void *arg)
{
	struct migrator *m = arg;
	struct store *s = NULL;
	struct err e = {0};
	m->rc = store_open(m->url, 1, &s, &e);
	if (m->rc == 0)
		m->rc = store_migrate(s, &m->from, &m->to, &e);
	snprintf(m->message, sizeof m->message, "%s", e.message);
	store_close(s);
	return NULL;
}

static void test_pg_concurrent_migrate(void **state)
{
	FIXTURE(state);
	if (strcmp(f->backend, "postgresql") != 0)
		skip();
	char name[64], url[1024];
	assert_int_equal(pg_scratch_db(name, sizeof name, url, sizeof url), 0);
	enum { N = 4 };
	struct migrator m[N];
	pthread_t th[N];
	for (int i = 0; i < N; i++) {
		m[i] = (struct migrator){.url = url, .from = -1, .to = -1};
		assert_int_equal(pthread_create(&th[i], NULL, migrate_thread, &m[i]), 0);
	}
	int fresh = 0;
	for (int i = 0; i < N; i++) {
		pthread_join(th[i], NULL);
		if (m[i].rc != 0)
			fail_msg("migrator %d: %d %s", i, m[i].rc, m[i].message);
		assert_int_equal(m[i].to, f->to);
		fresh += m[i].from == 0;
	}
	assert_true(fresh >= 1);
	pg_drop_db(name);
}

/* ---- PostgreSQL: a connection the server dropped is reset ------------------------------- */

static void test_pg_reconnect(void **state)
{
	FIXTURE(state);
	if (strcmp(f->backend, "postgresql") != 0)
		skip();
	char sql[256];
	snprintf(sql, sizeof sql,
		 "DO $$BEGIN PERFORM pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
		 "WHERE datname = '%s' AND pid <> pg_backend_pid(); END$$", f->pg_db);

	/* a transaction notices at BEGIN, reconnects once and runs normally */
	assert_int_equal(pg_admin(sql), 0);
	struct err e = {0};
	struct tx_ctx t = {.f = f, .login = "AfterRestart"};
	int rc = store_tx_run(f->c, tx_insert, &t, &e);
	if (rc != 0)
		fail_msg("store_tx_run after the connection was dropped: %d %s", rc, e.message);
	assert_int_equal(t.runs, 1);

	/* a plain read fails once (it cannot know whether to repeat), then works again */
	assert_int_equal(pg_admin(sql), 0);
	struct store_user got;
	assert_int_equal(store_user_get_by_login(f->c, "AfterRestart", &got), STORE_ERROR);
	RC(STORE_OK, store_user_get_by_login(f->c, "AfterRestart", &got));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_migrate),
		cmocka_unit_test(test_user),
		cmocka_unit_test(test_user_list),
		cmocka_unit_test(test_rights),
		cmocka_unit_test(test_sessions),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_login_attempts),
		cmocka_unit_test(test_offices),
		cmocka_unit_test(test_tx),
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_setup),
		cmocka_unit_test(test_setup_usage),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_case_scope),
		cmocka_unit_test(test_case_list),
		cmocka_unit_test(test_value_history),
		cmocka_unit_test(test_case_status),
		cmocka_unit_test(test_case_staff),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_event_system_user),
		cmocka_unit_test(test_related),
		cmocka_unit_test(test_parties_and_other_cases),
		cmocka_unit_test(test_contacts),
		cmocka_unit_test(test_user_contact),
		cmocka_unit_test(test_pg_serialization_retry),
		cmocka_unit_test(test_pg_concurrent_migrate),
		cmocka_unit_test(test_pg_reconnect),
	};
	int failed = cmocka_run_group_tests_name("store (sqlite)", tests, setup_sqlite,
						 teardown_sqlite);
	failed += cmocka_run_group_tests_name("store (postgresql)", tests, setup_pg, teardown_pg);
	return failed ? 1 : 0;
}
