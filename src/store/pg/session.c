/* session.c - PostgreSQL rows of session (cookie logins) and api_token (bearer tokens).
 *
 * Mirrors ../sqlite/session.c. Only SHA-256 hashes of the secrets are stored, as bytea bound in
 * binary format; making and checking them is domain/session.c and domain/token.c. */
#include "store/pg/pg.h"

#include <string.h>

int pg_session_insert(struct store_conn *base, const struct store_session *s)
{
	struct pg_params p = {0};
	pg_p_bytes(&p, s->id_hash, 32);
	pg_p_i64(&p, s->user_id);
	pg_p_text(&p, s->csrf_token);
	pg_p_i64(&p, s->created_at);
	pg_p_i64(&p, s->last_seen_at);
	pg_p_i64(&p, s->expires_at);
	/* ON CONFLICT DO NOTHING: no row inserted means the hash is already a session */
	int rc = pg_exec_write(pg_conn(base), PG_SESSION_INSERT, &p, 1);
	return rc == STORE_NOT_FOUND ? STORE_CONFLICT : rc;
}

int pg_session_get(struct store_conn *base, const unsigned char id_hash[32],
		   struct store_session *s)
{
	struct pg_params p = {0};
	pg_p_bytes(&p, id_hash, 32);
	int rc;
	PGresult *r = pg_exec(pg_conn(base), PG_SESSION_GET, &p, 0, &rc);
	if (r) {
		if (PQntuples(r) > 0) {
			pg_bytes32(r, 0, 0, s->id_hash);
			s->user_id = pg_i64(r, 0, 1);
			pg_text(r, 0, 2, s->csrf_token, sizeof s->csrf_token);
			s->created_at = pg_i64(r, 0, 3);
			s->last_seen_at = pg_i64(r, 0, 4);
			s->expires_at = pg_i64(r, 0, 5);
		} else {
			rc = STORE_NOT_FOUND;
		}
	}
	PQclear(r);
	return rc;
}

int pg_session_touch(struct store_conn *base, const unsigned char id_hash[32], int64_t now)
{
	struct pg_params p = {0};
	pg_p_bytes(&p, id_hash, 32);
	pg_p_i64(&p, now);
	return pg_exec_write(pg_conn(base), PG_SESSION_TOUCH, &p, 1);
}

int pg_session_delete(struct store_conn *base, const unsigned char id_hash[32])
{
	struct pg_params p = {0};
	pg_p_bytes(&p, id_hash, 32);
	return pg_exec_write(pg_conn(base), PG_SESSION_DELETE, &p, 1);
}

int pg_session_delete_user(struct store_conn *base, int64_t user_id)
{
	struct pg_params p = {0};
	pg_p_i64(&p, user_id);
	return pg_exec_write(pg_conn(base), PG_SESSION_DELETE_USER, &p, 0);
}

int pg_session_purge(struct store_conn *base, int64_t idle_before, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, idle_before);
	pg_p_i64(&p, now);
	return pg_exec_write(pg_conn(base), PG_SESSION_PURGE, &p, 0);
}

/* ---- API tokens ------------------------------------------------------------------------- */

static void pg_read_token(const PGresult *r, int row, struct store_token *t)
{
	t->id = pg_i64(r, row, 0);
	t->user_id = pg_i64(r, row, 1);
	pg_text(r, row, 2, t->name, sizeof t->name);
	pg_bytes32(r, row, 3, t->hash);
	t->created_at = pg_i64(r, row, 4);
	t->last_used_at = pg_i64(r, row, 5);
}

int pg_token_insert(struct store_conn *base, struct store_token *t)
{
	struct pg_params p = {0};
	pg_p_i64(&p, t->user_id);
	pg_p_text(&p, t->name);
	pg_p_bytes(&p, t->hash, 32);
	pg_p_i64(&p, t->created_at);
	int rc;
	PGresult *r = pg_exec(pg_conn(base), PG_TOKEN_INSERT, &p, 0, &rc);
	if (r) {
		if (PQntuples(r) > 0) {  /* no row: ON CONFLICT DO NOTHING, the hash exists */
			t->id = pg_i64(r, 0, 0);
			t->last_used_at = 0;
		} else {
			rc = STORE_CONFLICT;
		}
	}
	PQclear(r);
	return rc;
}

int pg_token_get_by_hash(struct store_conn *base, const unsigned char hash[32],
			 struct store_token *t)
{
	struct pg_params p = {0};
	pg_p_bytes(&p, hash, 32);
	int rc;
	PGresult *r = pg_exec(pg_conn(base), PG_TOKEN_GET_BY_HASH, &p, 0, &rc);
	if (r) {
		if (PQntuples(r) > 0)
			pg_read_token(r, 0, t);
		else
			rc = STORE_NOT_FOUND;
	}
	PQclear(r);
	return rc;
}

int pg_token_list(struct store_conn *base, int64_t user_id, store_token_each_fn each, void *ctx)
{
	struct pg_params p = {0};
	pg_p_i64(&p, user_id);
	int rc;
	PGresult *r = pg_exec(pg_conn(base), PG_TOKEN_LIST, &p, 0, &rc);
	struct store_token t;
	for (int i = 0; r && i < PQntuples(r); i++) {
		memset(&t, 0, sizeof t);
		pg_read_token(r, i, &t);
		if (each(&t, ctx) != 0)
			break;
	}
	PQclear(r);
	return rc;
}

int pg_token_delete(struct store_conn *base, int64_t user_id, int64_t id)
{
	struct pg_params p = {0};
	pg_p_i64(&p, user_id);
	pg_p_i64(&p, id);
	return pg_exec_write(pg_conn(base), PG_TOKEN_DELETE, &p, 1);
}

int pg_token_touch(struct store_conn *base, int64_t id, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_i64(&p, now);
	return pg_exec_write(pg_conn(base), PG_TOKEN_TOUCH, &p, 0);
}
