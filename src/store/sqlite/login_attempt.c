/* login_attempt.c - SQLite rows of login_attempt, the evidence behind login throttling.
 *
 * The limits themselves (5 failures, 100 an hour, 30 a minute per address) are domain/login.c. */
#include "store/sqlite/sqlite.h"

int sqlite_login_attempt_add(struct store_conn *base, const char *login, const char *ip, bool ok,
			     int64_t at)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_LOGIN_ATTEMPT_ADD);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ip, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, ok);
	sqlite3_bind_int64(st, 4, at);
	return sq_exec_write(c, st, 0);
}

int sqlite_login_failures(struct store_conn *base, const char *login, int64_t since,
			  int64_t *count, int64_t *last_at)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_LOGIN_FAILURES);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, since);
	int rc = sqlite3_step(st), out = STORE_OK;
	if (rc == SQLITE_ROW) {
		*count = sqlite3_column_int64(st, 0);
		*last_at = sqlite3_column_int64(st, 1);
	} else {
		out = sq_rc(c, sqlite3_extended_errcode(c->db));
	}
	sq_done(st);
	return out;
}

/* sq_attempts_since counts rows for one key (login or address) since a time. */
static int sq_attempts_since(struct store_conn *base, enum sq_id id, const char *key,
			     int64_t since, int64_t *count)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, id);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, since);
	return sq_count(c, st, count);
}

int sqlite_login_attempts_by_login(struct store_conn *c, const char *login, int64_t since,
				   int64_t *count)
{
	return sq_attempts_since(c, SQ_LOGIN_ATTEMPTS_BY_LOGIN, login, since, count);
}

int sqlite_login_attempts_by_ip(struct store_conn *c, const char *ip, int64_t since,
				int64_t *count)
{
	return sq_attempts_since(c, SQ_LOGIN_ATTEMPTS_BY_IP, ip, since, count);
}

int sqlite_login_attempt_purge(struct store_conn *base, int64_t before)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_LOGIN_ATTEMPT_PURGE);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, before);
	return sq_exec_write(c, st, 0);
}
