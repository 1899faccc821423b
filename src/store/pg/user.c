/* user.c - PostgreSQL rows of app_user (people who log in, each possibly linked to their own
 * contact) and their right overrides.
 *
 * Mirrors ../sqlite/user.c. Validation and role defaults are not here; see domain/user.c and
 * domain/rights.c. */
#include "store/pg/pg.h"

#include <string.h>

static void pg_read_user(const PGresult *r, int row, void *out)
{
	struct store_user *u = out;
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
	u->contact_id = pg_i64(r, row, 11);
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
	pg_p_i64(&p, u->contact_id);
	/* STORE_CONFLICT: ON CONFLICT DO NOTHING gave no row, the login is taken */
	int rc = pg_insert_id(c, PG_USER_INSERT, &p, &u->id);
	if (rc == STORE_OK) {
		u->version = 1;
		u->updated_at = u->created_at;
	}
	return rc;
}

int pg_user_get(struct store_conn *base, int64_t id, struct store_user *u)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	return pg_one(pg_conn(base), PG_USER_GET, &p, pg_read_user, u);
}

int pg_user_get_by_login(struct store_conn *base, const char *login, struct store_user *u)
{
	struct pg_params p = {0};
	pg_p_text(&p, login);
	return pg_one(pg_conn(base), PG_USER_GET_BY_LOGIN, &p, pg_read_user, u);
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
	pg_p_i64(&p, u->contact_id);
	int rc = pg_update_versioned(c, PG_USER_UPDATE, &p, &u->version, NULL, NULL);
	if (rc == STORE_OK)
		u->updated_at = now;
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

struct pg_user_walk {
	store_user_each_fn each;
	void *ctx;
};

static int pg_visit_user(const PGresult *r, int row, void *ctx)
{
	struct pg_user_walk *w = ctx;
	struct store_user u;
	memset(&u, 0, sizeof u);
	pg_read_user(r, row, &u);
	return w->each(&u, w->ctx);
}

int pg_user_list(struct store_conn *base, int64_t after_id, int limit, store_user_each_fn each,
		 void *ctx)
{
	struct pg_params p = {0};
	pg_p_i64(&p, after_id);
	pg_p_i64(&p, limit);
	struct pg_user_walk w = {each, ctx};
	return pg_each(pg_conn(base), PG_USER_LIST, &p, pg_visit_user, &w);
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
