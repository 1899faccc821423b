/* case_status.c - SQLite rows of case_status: the status table of a case. One current row per
 * status type (the partial unique index case_status_one_current), the stage type's row being
 * the primary status; ended rows stay as the history.
 *
 * The rules (the status belongs to the type, close reasons, ending the current row, closing
 * and reopening the case) are domain/case_status.c. */
#include "store/sqlite/sqlite.h"

static void sq_read_case_status(sqlite3_stmt *st, void *row)
{
	struct store_case_status *s = row;
	s->id = sqlite3_column_int64(st, 0);
	s->case_id = sqlite3_column_int64(st, 1);
	s->status_type_id = sqlite3_column_int64(st, 2);
	s->status_id = sqlite3_column_int64(st, 3);
	s->expected_days = sqlite3_column_int64(st, 4);
	sq_text(st, 5, s->from_date, sizeof s->from_date);
	sq_text(st, 6, s->to_date, sizeof s->to_date);
	s->current = sqlite3_column_int(st, 7) != 0;
	s->user_id = sqlite3_column_int64(st, 8);
	sq_text(st, 9, s->comments, sizeof s->comments);
	s->close_reason_id = sqlite3_column_int64(st, 10);
	s->version = sqlite3_column_int64(st, 11);
	s->created_at = sqlite3_column_int64(st, 12);
	sq_text(st, 13, s->status_type_name, sizeof s->status_type_name);
	s->stage = sqlite3_column_int(st, 14) != 0;
	sq_text(st, 15, s->status_name, sizeof s->status_name);
	s->closing = sqlite3_column_int(st, 16) != 0;
	sq_text(st, 17, s->close_reason_name, sizeof s->close_reason_name);
	sq_text(st, 18, s->user_name, sizeof s->user_name);
}

int sqlite_case_status_insert(struct store_conn *base, struct store_case_status *s, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CASE_STATUS_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, s->case_id);
	sqlite3_bind_int64(st, 2, s->status_type_id);
	sqlite3_bind_int64(st, 3, s->status_id);
	sqlite3_bind_int64(st, 4, s->expected_days);
	sqlite3_bind_text(st, 5, s->from_date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, s->user_id);
	sqlite3_bind_text(st, 7, s->comments, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, s->close_reason_id);
	sqlite3_bind_int64(st, 9, now);
	int rc = sq_insert_id(c, st, &s->id);
	if (rc == STORE_OK) {
		s->to_date[0] = '\0';
		s->current = true;
		s->version = 1;
		s->created_at = now;
	}
	return rc;
}

int sqlite_case_status_get(struct store_conn *base, int64_t case_id, int64_t id,
			   struct store_case_status *s)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_CASE_STATUS_GET, case_id, id);
	return st ? sq_one(c, st, sq_read_case_status, s) : STORE_ERROR;
}

int sqlite_case_status_current(struct store_conn *base, int64_t case_id, int64_t status_type_id,
			       struct store_case_status *s)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_CASE_STATUS_CURRENT, case_id, status_type_id);
	return st ? sq_one(c, st, sq_read_case_status, s) : STORE_ERROR;
}

/* sqlite_case_status_end: STORE_NOT_FOUND when the row is gone or no longer current. The
 * version is bumped, so an edit made from the row as it was is stale. */
int sqlite_case_status_end(struct store_conn *base, int64_t id, const char *to_date)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CASE_STATUS_END);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, to_date, -1, SQLITE_STATIC);
	return sq_exec_write(c, st, 1);
}

int sqlite_case_status_update(struct store_conn *base, struct store_case_status *s)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_CASE_STATUS_UPDATE);
	sqlite3_stmt *exists = sq_stmt_ids(c, SQ_CASE_STATUS_GET, s->case_id, s->id);
	if (!st || !exists) {
		sq_done(exists);
		return STORE_ERROR;
	}
	sqlite3_bind_int64(st, 1, s->case_id);
	sqlite3_bind_int64(st, 2, s->id);
	sqlite3_bind_int64(st, 3, s->expected_days);
	sqlite3_bind_text(st, 4, s->from_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, s->comments, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, s->close_reason_id);
	sqlite3_bind_int64(st, 7, s->status_id);
	sqlite3_bind_int64(st, 8, s->version);
	int rc = sq_update_versioned(c, st, exists);
	if (rc == STORE_OK)
		s->version++;
	return rc;
}

struct sq_case_status_walk {
	store_case_status_each_fn each;
	void *ctx;
};

static int sq_visit_case_status(sqlite3_stmt *st, void *ctx)
{
	struct sq_case_status_walk *w = ctx;
	struct store_case_status s;
	sq_read_case_status(st, &s);
	return w->each(&s, w->ctx);
}

int sqlite_case_status_list(struct store_conn *base, int64_t case_id,
			    store_case_status_each_fn each, void *ctx)
{
	struct sq_case_status_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_CASE_STATUS_LIST, case_id, sq_visit_case_status, &w);
}

int sqlite_case_status_history(struct store_conn *base, int64_t case_id,
			       store_case_status_each_fn each, void *ctx)
{
	struct sq_case_status_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_CASE_STATUS_HISTORY, case_id, sq_visit_case_status, &w);
}
