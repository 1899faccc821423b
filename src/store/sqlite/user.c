/* user.c - SQLite rows of app_user (people who log in) and their right overrides.
 *
 * Validation and role defaults are not here; see domain/user.c and domain/rights.c. */
#include "store/sqlite/sqlite.h"

#include <string.h>

static void sq_read_user(sqlite3_stmt *st, void *row)
{
	struct store_user *u = row;
	u->id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, u->login, sizeof u->login);
	sq_text(st, 2, u->name, sizeof u->name);
	sq_text(st, 3, u->email, sizeof u->email);
	sq_text(st, 4, u->role, sizeof u->role);
	u->office_id = sqlite3_column_int64(st, 5);
	u->active = sqlite3_column_int(st, 6) != 0;
	sq_text(st, 7, u->password_hash, sizeof u->password_hash);
	u->version = sqlite3_column_int64(st, 8);
	u->created_at = sqlite3_column_int64(st, 9);
	u->updated_at = sqlite3_column_int64(st, 10);
	u->contact_id = sqlite3_column_int64(st, 11);
}

int sqlite_user_insert(struct store_conn *base, struct store_user *u)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_USER_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_text(st, 1, u->login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, u->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, u->email, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, u->role, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, u->office_id);
	sqlite3_bind_int(st, 6, u->active);
	sqlite3_bind_text(st, 7, u->password_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, u->created_at);
	sqlite3_bind_int64(st, 9, u->contact_id);
	int rc = sq_insert_id(c, st, &u->id);
	if (rc == STORE_OK) {
		u->version = 1;
		u->updated_at = u->created_at;
	}
	return rc;
}

int sqlite_user_get(struct store_conn *base, int64_t id, struct store_user *u)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_USER_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return sq_one(c, st, sq_read_user, u);
}

int sqlite_user_get_by_login(struct store_conn *base, const char *login, struct store_user *u)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_USER_GET_BY_LOGIN);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	return sq_one(c, st, sq_read_user, u);
}

int sqlite_user_update(struct store_conn *base, struct store_user *u, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_USER_UPDATE);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, u->id);
	sqlite3_bind_text(st, 2, u->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, u->email, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, u->role, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, u->office_id);
	sqlite3_bind_int(st, 6, u->active);
	sqlite3_bind_int64(st, 7, u->version);
	sqlite3_bind_int64(st, 8, now);
	sqlite3_bind_int64(st, 9, u->contact_id);
	int rc = sq_exec_write(c, st, 1);
	if (rc == STORE_NOT_FOUND) {
		struct store_user cur;
		rc = sqlite_user_get(base, u->id, &cur);
		return rc == STORE_OK ? STORE_CONFLICT : rc;
	}
	if (rc == STORE_OK) {
		u->version++;
		u->updated_at = now;
	}
	return rc;
}

int sqlite_user_set_password(struct store_conn *base, int64_t id, const char *hash, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_USER_SET_PASSWORD);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, now);
	return sq_exec_write(c, st, 1);
}

struct sq_user_walk {
	store_user_each_fn each;
	void *ctx;
};

static int sq_visit_user(sqlite3_stmt *st, void *ctx)
{
	struct sq_user_walk *w = ctx;
	struct store_user u;
	memset(&u, 0, sizeof u);
	sq_read_user(st, &u);
	return w->each(&u, w->ctx);
}

int sqlite_user_list(struct store_conn *base, int64_t after_id, int limit,
		     store_user_each_fn each, void *ctx)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_USER_LIST);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, after_id);
	sqlite3_bind_int(st, 2, limit);
	struct sq_user_walk w = {each, ctx};
	return sq_each(c, st, sq_visit_user, &w);
}

int sqlite_user_count(struct store_conn *base, int64_t *count)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_USER_COUNT);
	return st ? sq_count(c, st, count) : STORE_ERROR;
}

int sqlite_right_set(struct store_conn *base, int64_t user_id, const char *right, bool granted)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_RIGHT_SET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_text(st, 2, right, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, granted);
	return sq_exec_write(c, st, 0);
}

int sqlite_right_clear(struct store_conn *base, int64_t user_id, const char *right)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_RIGHT_CLEAR);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_text(st, 2, right, -1, SQLITE_STATIC);
	return sq_exec_write(c, st, 1);
}

struct sq_right_fill {
	struct store_right_override *out;
	int max;
	int *n;
};

static int sq_visit_right(sqlite3_stmt *st, void *ctx)
{
	struct sq_right_fill *f = ctx;
	if (*f->n >= f->max)
		return 1;
	struct store_right_override *o = &f->out[(*f->n)++];
	sq_text(st, 0, o->right, sizeof o->right);
	o->granted = sqlite3_column_int(st, 1) != 0;
	return 0;
}

int sqlite_right_list(struct store_conn *base, int64_t user_id, struct store_right_override *out,
		      int max, int *n)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_RIGHT_LIST);
	*n = 0;
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, user_id);
	struct sq_right_fill f = {out, max, n};
	return sq_each(c, st, sq_visit_right, &f);
}
