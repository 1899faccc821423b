/* user.c - PostgreSQL rows of app_user (people who log in) and their right overrides.
 *
 * Mirrors ../sqlite/user.c. Validation and role defaults are not here; see domain/user.c and
 * domain/rights.c. */
#include "store/pg/pg.h"

#include <string.h>

static void pg_read_user(const PGresult *r, int row, struct store_user *u)
{
	u->id = pg_i64(r, row, 0);
	pg_text(r, row, 1, u->login, sizeof u->login);
	pg_text(r, row, 2, u->name, sizeof u->name);
	pg_text(r, row, 3, u->email, sizeof u->email);
	pg_text(r, row, 4, u->role, sizeof u->role);
	u->office_id = pg_i64(r, row, 5);
	u->active = pg_bool(r, row, 6);
	pg_text(r, row, 7, u->password_hash, sizeof u->password_hash);
	u->version = pg_i64(r, row, 8);
	u->created_at = pg_i64(r, row, 9);
	u->updated_at = pg_i64(r, row, 10);
}

/* pg_one_user runs a user SELECT that yields at most one row. */
static int pg_one_user(struct pg_conn *c, enum pg_id id, const struct pg_params *p,
		       struct store_user *u)
{
	int rc;
	PGresult *r = pg_exec(c, id, p, 0, &rc);
	if (r) {
		if (PQntuples(r) > 0)
			pg_read_user(r, 0, u);
		else
			rc = STORE_NOT_FOUND;
	}
	PQclear(r);
	return rc;
}

int pg_user_insert(struct store_conn *base, struct store_user *u)
{
	struct pg_conn *c = pg_conn(base);
	struct pg_params p = {0};
	pg_p_text(&p, u->login);
	pg_p_text(&p, u->name);
	pg_p_text(&p, u->email);
	pg_p_text(&p, u->role);
	pg_p_i64(&p, u->office_id);
	pg_p_bool(&p, u->active);
	pg_p_text(&p, u->password_hash);
	pg_p_i64(&p, u->created_at);
	int rc;
	PGresult *r = pg_exec(c, PG_USER_INSERT, &p, 0, &rc);
	if (r) {
		if (PQntuples(r) > 0) {  /* no row: ON CONFLICT DO NOTHING, the login is taken */
			u->id = pg_i64(r, 0, 0);
			u->version = 1;
			u->updated_at = u->created_at;
		} else {
			rc = STORE_CONFLICT;
		}
	}
	PQclear(r);
	return rc;
}

int pg_user_get(struct store_conn *base, int64_t id, struct store_user *u)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	return pg_one_user(pg_conn(base), PG_USER_GET, &p, u);
}

int pg_user_get_by_login(struct store_conn *base, const char *login, struct store_user *u)
{
	struct pg_params p = {0};
	pg_p_text(&p, login);
	return pg_one_user(pg_conn(base), PG_USER_GET_BY_LOGIN, &p, u);
}

int pg_user_update(struct store_conn *base, struct store_user *u, int64_t now)
{
	struct pg_conn *c = pg_conn(base);
	struct pg_params p = {0};
	pg_p_i64(&p, u->id);
	pg_p_text(&p, u->name);
	pg_p_text(&p, u->email);
	pg_p_text(&p, u->role);
	pg_p_i64(&p, u->office_id);
	pg_p_bool(&p, u->active);
	pg_p_i64(&p, u->version);
	pg_p_i64(&p, now);
	int rc;
	PGresult *r = pg_exec(c, PG_USER_UPDATE, &p, 0, &rc);
	if (r) {
		if (PQntuples(r) != 1) {
			rc = STORE_ERROR;
		} else if (!PQgetisnull(r, 0, 0)) {
			u->version = pg_i64(r, 0, 0);
			u->updated_at = now;
		} else {
			rc = pg_bool(r, 0, 1) ? STORE_CONFLICT : STORE_NOT_FOUND;
		}
	}
	PQclear(r);
	return rc;
}

int pg_user_set_password(struct store_conn *base, int64_t id, const char *hash, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_text(&p, hash);
	pg_p_i64(&p, now);
	return pg_exec_write(pg_conn(base), PG_USER_SET_PASSWORD, &p, 1);
}

int pg_user_list(struct store_conn *base, int64_t after_id, int limit, store_user_each_fn each,
		 void *ctx)
{
	struct pg_params p = {0};
	pg_p_i64(&p, after_id);
	pg_p_i64(&p, limit);
	int rc;
	PGresult *r = pg_exec(pg_conn(base), PG_USER_LIST, &p, 0, &rc);
	struct store_user u;
	for (int i = 0; r && i < PQntuples(r); i++) {
		memset(&u, 0, sizeof u);
		pg_read_user(r, i, &u);
		if (each(&u, ctx) != 0)
			break;
	}
	PQclear(r);
	return rc;
}

int pg_user_count(struct store_conn *base, int64_t *count)
{
	return pg_exec_count(pg_conn(base), PG_USER_COUNT, NULL, count);
}

/* ---- right overrides -------------------------------------------------------------------- */

int pg_right_set(struct store_conn *base, int64_t user_id, const char *right, bool granted)
{
	struct pg_params p = {0};
	pg_p_i64(&p, user_id);
	pg_p_text(&p, right);
	pg_p_bool(&p, granted);
	return pg_exec_write(pg_conn(base), PG_RIGHT_SET, &p, 0);
}

int pg_right_clear(struct store_conn *base, int64_t user_id, const char *right)
{
	struct pg_params p = {0};
	pg_p_i64(&p, user_id);
	pg_p_text(&p, right);
	return pg_exec_write(pg_conn(base), PG_RIGHT_CLEAR, &p, 1);
}

int pg_right_list(struct store_conn *base, int64_t user_id, struct store_right_override *out,
		  int max, int *n)
{
	struct pg_params p = {0};
	pg_p_i64(&p, user_id);
	*n = 0;
	int rc;
	PGresult *r = pg_exec(pg_conn(base), PG_RIGHT_LIST, &p, 0, &rc);
	for (int i = 0; r && i < PQntuples(r) && *n < max; i++) {
		pg_text(r, i, 0, out[*n].right, sizeof out[*n].right);
		out[*n].granted = pg_bool(r, i, 1);
		(*n)++;
	}
	PQclear(r);
	return rc;
}
