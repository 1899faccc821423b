/* test_store.c - the store interface (store.h), platform part: schema, users, rights, sessions,
 * API tokens, login attempts, offices, transactions, settings and counters, and what only
 * PostgreSQL can show (serialization retries, concurrent migrations, dropped connections).
 *
 * Run the same way over both backends: one cmocka group on SQLite and one on PostgreSQL when
 * CASELOAD_TEST_PG is set (see tests/unit/support/store_fixture.h, which also holds the shared
 * helpers). The setup lists and cases are tested in test_store_cases.c, what hangs off a case
 * and contacts in test_store_case_data.c. */
#include "support/store_fixture.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
		cmocka_unit_test(test_pg_serialization_retry),
		cmocka_unit_test(test_pg_concurrent_migrate),
		cmocka_unit_test(test_pg_reconnect),
	};
	return store_tests_run("store", tests, sizeof tests / sizeof tests[0]);
}
