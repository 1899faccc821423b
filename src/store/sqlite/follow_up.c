/* follow_up.c - SQLite rows of each office's follow-up setup: the method (office's
 * follow_up_method: none or stage) and, for stage-based follow-ups, an interval and a report
 * text per stage status (office_follow_up).
 *
 * When a case's next follow-up falls is domain/follow_up.c; the dates themselves are kept on
 * the case's policy row (policy.c). */
#include "store/sqlite/sqlite.h"


static void sq_read_stage(sqlite3_stmt *st, void *row)
{
	struct store_follow_up_stage *s = row;
	s->status_id = sqlite3_column_int64(st, 0);
	sq_text(st, 1, s->status_name, sizeof s->status_name);
	s->interval_days = sqlite3_column_int64(st, 2);
	sq_text(st, 3, s->report_text, sizeof s->report_text);
}

/* sq_read_method reads the office's method into a char[8]. */
static void sq_read_method(sqlite3_stmt *st, void *row)
{
	sq_text(st, 0, row, 8);
}

struct sq_stage_walk {
	store_follow_up_stage_each_fn each;
	void *ctx;
};

static int sq_visit_stage(sqlite3_stmt *st, void *ctx)
{
	struct sq_stage_walk *w = ctx;
	struct store_follow_up_stage s;
	sq_read_stage(st, &s);
	return w->each(&s, w->ctx);
}

/* sqlite_follow_up_get reads the method (STORE_NOT_FOUND when the office is absent), then
 * walks the stage rows by the status's position and name; each may be NULL to read the
 * method only. */
int sqlite_follow_up_get(struct store_conn *base, int64_t office_id, char method[8],
			 store_follow_up_stage_each_fn each, void *ctx)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_FOLLOW_UP_METHOD);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, office_id);
	int rc = sq_one(c, st, sq_read_method, method);
	if (rc != STORE_OK || !each)
		return rc;
	struct sq_stage_walk w = {each, ctx};
	return sq_each_of(c, SQ_FOLLOW_UP_STAGES, office_id, sq_visit_stage, &w);
}

/* sq_bind_stage binds ?3 status, ?4 interval, ?5 report text of rows[i]. */
static void sq_bind_stage(sqlite3_stmt *st, const void *rows, int i)
{
	const struct store_follow_up_stage *s = (const struct store_follow_up_stage *)rows + i;
	sqlite3_bind_int64(st, 3, s->status_id);
	sqlite3_bind_int64(st, 4, s->interval_days);
	sqlite3_bind_text(st, 5, s->report_text, -1, SQLITE_STATIC);
}

/* sqlite_follow_up_set writes the method (STORE_NOT_FOUND when the office is absent) and
 * replaces the stage rows. A repeated stage is STORE_CONFLICT. Call inside a transaction. */
int sqlite_follow_up_set(struct store_conn *base, int64_t office_id, const char *method,
			 const struct store_follow_up_stage *rows, int n)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_FOLLOW_UP_METHOD_SET);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, office_id);
	sqlite3_bind_text(st, 2, method, -1, SQLITE_STATIC);
	int rc = sq_exec_write(c, st, 1);
	if (rc != STORE_OK)
		return rc;
	return sq_replace_rows(c, SQ_FOLLOW_UP_CLEAR, SQ_FOLLOW_UP_INSERT, office_id, 0,
			       sq_bind_stage, rows, n);
}

int sqlite_follow_up_stage_get(struct store_conn *base, int64_t office_id, int64_t status_id,
			       struct store_follow_up_stage *s)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_FOLLOW_UP_STAGE_GET, office_id, status_id);
	return st ? sq_one(c, st, sq_read_stage, s) : STORE_ERROR;
}
