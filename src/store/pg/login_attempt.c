/* login_attempt.c - PostgreSQL rows of login_attempt, the evidence behind login throttling.
 *
 * Mirrors ../sqlite/login_attempt.c; logins compare case-insensitively (lower(login)). The
 * limits themselves (5 failures, 100 an hour, 30 a minute per address) are domain/login.c. */
#include "store/pg/pg.h"

int pg_login_attempt_add(struct store_conn *base, const char *login, const char *ip, bool ok,
			 int64_t at)
{
	struct pg_params p = {0};
	pg_p_text(&p, login);
	pg_p_text(&p, ip);
	pg_p_bool(&p, ok);
	pg_p_i64(&p, at);
	return pg_exec_write(pg_conn(base), PG_LOGIN_ATTEMPT_ADD, &p, 0);
}

int pg_login_failures(struct store_conn *base, const char *login, int64_t since, int64_t *count,
		      int64_t *last_at)
{
	struct pg_params p = {0};
	pg_p_text(&p, login);
	pg_p_i64(&p, since);
	int rc;
	PGresult *r = pg_exec(pg_conn(base), PG_LOGIN_FAILURES, &p, 0, &rc);
	if (r) {
		if (PQntuples(r) > 0) {
			*count = pg_i64(r, 0, 0);
			*last_at = pg_i64(r, 0, 1);
		} else {
			rc = STORE_ERROR;  /* an aggregate always yields a row */
		}
	}
	PQclear(r);
	return rc;
}

/* pg_attempts_since counts rows for one key (login or address) since a time. */
static int pg_attempts_since(struct store_conn *base, enum pg_id id, const char *key,
			     int64_t since, int64_t *count)
{
	struct pg_params p = {0};
	pg_p_text(&p, key);
	pg_p_i64(&p, since);
	return pg_exec_count(pg_conn(base), id, &p, count);
}

int pg_login_attempts_by_login(struct store_conn *c, const char *login, int64_t since,
			       int64_t *count)
{
	return pg_attempts_since(c, PG_LOGIN_ATTEMPTS_BY_LOGIN, login, since, count);
}

int pg_login_attempts_by_ip(struct store_conn *c, const char *ip, int64_t since, int64_t *count)
{
	return pg_attempts_since(c, PG_LOGIN_ATTEMPTS_BY_IP, ip, since, count);
}

int pg_login_attempt_purge(struct store_conn *base, int64_t before)
{
	struct pg_params p = {0};
	pg_p_i64(&p, before);
	return pg_exec_write(pg_conn(base), PG_LOGIN_ATTEMPT_PURGE, &p, 0);
}
