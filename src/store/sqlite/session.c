/* session.c - SQLite rows of session (cookie logins) and api_token (bearer tokens).
 *
 * Only SHA-256 hashes of the secrets are stored; making and checking them is domain/session.c
 * and domain/token.c. */
#include "store/sqlite/sqlite.h"

#include <string.h>

int sqlite_session_insert(struct store_conn *base, const struct store_session *s)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_SESSION_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_blob(st, 1, s->id_hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, s->user_id);
	sqlite3_bind_text(st, 3, s->csrf_token, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, s->created_at);
	sqlite3_bind_int64(st, 5, s->last_seen_at);
	sqlite3_bind_int64(st, 6, s->expires_at);
	return sq_exec_write(c, st, 0);
}

static void sq_read_session(sqlite3_stmt *st, void *row)
{
	struct store_session *s = row;
	sq_blob32(st, 0, s->id_hash);
	s->user_id = sqlite3_column_int64(st, 1);
	sq_text(st, 2, s->csrf_token, sizeof s->csrf_token);
	s->created_at = sqlite3_column_int64(st, 3);
	s->last_seen_at = sqlite3_column_int64(st, 4);
	s->expires_at = sqlite3_column_int64(st, 5);
}

int sqlite_session_get(struct store_conn *base, const unsigned char id_hash[32],
		       struct store_session *s)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_SESSION_GET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_blob(st, 1, id_hash, 32, SQLITE_STATIC);
	return sq_one(c, st, sq_read_session, s);
}

int sqlite_session_touch(struct store_conn *base, const unsigned char id_hash[32], int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_SESSION_TOUCH);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_blob(st, 1, id_hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	return sq_exec_write(c, st, 1);
}

int sqlite_session_delete(struct store_conn *base, const unsigned char id_hash[32])
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_SESSION_DELETE);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_blob(st, 1, id_hash, 32, SQLITE_STATIC);
	return sq_exec_write(c, st, 1);
}

int sqlite_session_delete_user(struct store_conn *base, int64_t user_id)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_SESSION_DELETE_USER);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, user_id);
	return sq_exec_write(c, st, 0);
}

int sqlite_session_purge(struct store_conn *base, int64_t idle_before, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_SESSION_PURGE);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, idle_before);
	sqlite3_bind_int64(st, 2, now);
	return sq_exec_write(c, st, 0);
}

/* ---- API tokens ------------------------------------------------------------------------- */

static void sq_read_token(sqlite3_stmt *st, void *row)
{
	struct store_token *t = row;
	t->id = sqlite3_column_int64(st, 0);
	t->user_id = sqlite3_column_int64(st, 1);
	sq_text(st, 2, t->name, sizeof t->name);
	sq_blob32(st, 3, t->hash);
	t->created_at = sqlite3_column_int64(st, 4);
	t->last_used_at = sqlite3_column_int64(st, 5);
}

int sqlite_token_insert(struct store_conn *base, struct store_token *t)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_TOKEN_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, t->user_id);
	sqlite3_bind_text(st, 2, t->name, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 3, t->hash, 32, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, t->created_at);
	return sq_insert_id(c, st, &t->id);
}

int sqlite_token_get_by_hash(struct store_conn *base, const unsigned char hash[32],
			     struct store_token *t)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_TOKEN_GET_BY_HASH);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_STATIC);
	return sq_one(c, st, sq_read_token, t);
}

struct sq_token_walk {
	store_token_each_fn each;
	void *ctx;
};

static int sq_visit_token(sqlite3_stmt *st, void *ctx)
{
	struct sq_token_walk *w = ctx;
	struct store_token t;
	sq_read_token(st, &t);
	return w->each(&t, w->ctx);
}

int sqlite_token_list(struct store_conn *base, int64_t user_id, store_token_each_fn each, void *ctx)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_TOKEN_LIST);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, user_id);
	struct sq_token_walk w = {each, ctx};
	return sq_each(c, st, sq_visit_token, &w);
}

int sqlite_token_delete(struct store_conn *base, int64_t user_id, int64_t id)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_TOKEN_DELETE);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int64(st, 2, id);
	return sq_exec_write(c, st, 1);
}

int sqlite_token_touch(struct store_conn *base, int64_t id, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_TOKEN_TOUCH);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now);
	return sq_exec_write(c, st, 0);
}
