/* requirement.c - SQLite rows of requirement: what the carrier still needs (or has had) before
 * a pending case's policy is placed, in the order listed.
 *
 * Which statuses and dates make sense together is domain/requirement.c. */
#include "store/sqlite/sqlite.h"

#include <stdio.h>

static void sq_read_requirement(sqlite3_stmt *st, void *row)
{
	struct store_requirement *r = row;
	r->id = sqlite3_column_int64(st, 0);
	r->case_id = sqlite3_column_int64(st, 1);
	sq_text(st, 2, r->name, sizeof r->name);
	sq_text(st, 3, r->status, sizeof r->status);
	r->key = sqlite3_column_int(st, 4) != 0;
	r->pos = sqlite3_column_int(st, 5) != 0;
	r->position = sqlite3_column_int64(st, 6);
	sq_text(st, 7, r->requested_date, sizeof r->requested_date);
	sq_text(st, 8, r->received_date, sizeof r->received_date);
	sq_text(st, 9, r->comments, sizeof r->comments);
	r->version = sqlite3_column_int64(st, 10);
	r->created_at = sqlite3_column_int64(st, 11);
	r->updated_at = sqlite3_column_int64(st, 12);
}

/* sq_bind_requirement_fields binds ?3 name .. ?10 comments (REQUIREMENT_FIELDS in
 * catalogue.c) and ?12 now. */
static void sq_bind_requirement_fields(sqlite3_stmt *st, const struct store_requirement *r,
				       int64_t now)
{
	sqlite3_bind_text(st, 3, r->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, r->status, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, r->key);
	sqlite3_bind_int(st, 6, r->pos);
	sqlite3_bind_int64(st, 7, r->position);
	sqlite3_bind_text(st, 8, r->requested_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, r->received_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, r->comments, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 12, now);
}

/* sqlite_requirement_insert writes r (an empty status is stored as outstanding); id, version
 * and times come back in r. */
int sqlite_requirement_insert(struct store_conn *base, struct store_requirement *r, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_REQUIREMENT_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, r->case_id);
	sq_bind_requirement_fields(st, r, now);
	int rc = sq_insert_id(c, st, &r->id);
	if (rc == STORE_OK) {
		if (r->status[0] == '\0')
			snprintf(r->status, sizeof r->status, "outstanding");
		r->version = 1;
		r->created_at = now;
		r->updated_at = now;
	}
	return rc;
}

int sqlite_requirement_get(struct store_conn *base, int64_t case_id, int64_t id,
			   struct store_requirement *r)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_REQUIREMENT_GET, case_id, id);
	return st ? sq_one(c, st, sq_read_requirement, r) : STORE_ERROR;
}

int sqlite_requirement_update(struct store_conn *base, struct store_requirement *r, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st, *exists;
	if (sq_update_stmts(c, SQ_REQUIREMENT_UPDATE, SQ_REQUIREMENT_GET, r->case_id, r->id, &st,
			    &exists) != STORE_OK)
		return STORE_ERROR;
	sq_bind_requirement_fields(st, r, now);
	sqlite3_bind_int64(st, 11, r->version);
	int rc = sq_update_versioned(c, st, exists);
	if (rc == STORE_OK) {
		if (r->status[0] == '\0')
			snprintf(r->status, sizeof r->status, "outstanding");
		r->version++;
		r->updated_at = now;
	}
	return rc;
}

int sqlite_requirement_delete(struct store_conn *base, int64_t id)
{
	return sq_write_of(sq_conn(base), SQ_REQUIREMENT_DELETE, id);
}

struct sq_requirement_walk {
	store_requirement_each_fn each;
	void *ctx;
};

static int sq_visit_requirement(sqlite3_stmt *st, void *ctx)
{
	struct sq_requirement_walk *w = ctx;
	struct store_requirement r;
	sq_read_requirement(st, &r);
	return w->each(&r, w->ctx);
}

int sqlite_requirement_list(struct store_conn *base, int64_t case_id,
			    store_requirement_each_fn each, void *ctx)
{
	struct sq_requirement_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_REQUIREMENT_LIST, case_id, sq_visit_requirement, &w);
}
