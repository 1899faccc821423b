/* value_history.c - SQLite rows of case_value_history: each estimated value range a case has
 * had, from when to when, set by whom, with the value comments of that moment.
 *
 * When a row is written (case created with a range, range changed) is domain/case.c. */
#include "store/sqlite/sqlite.h"

static void sq_read_value_change(sqlite3_stmt *st, void *row)
{
	struct store_value_change *v = row;
	v->id = sqlite3_column_int64(st, 0);
	v->case_id = sqlite3_column_int64(st, 1);
	v->value_range_id = sqlite3_column_int64(st, 2);
	sq_text(st, 3, v->value_name, sizeof v->value_name);
	sq_text(st, 4, v->from_date, sizeof v->from_date);
	sq_text(st, 5, v->to_date, sizeof v->to_date);
	v->user_id = sqlite3_column_int64(st, 6);
	sq_text(st, 7, v->user_name, sizeof v->user_name);
	sq_text(st, 8, v->comments, sizeof v->comments);
}

/* sqlite_value_change_add ends the case's current row (to_date = v->from_date), then inserts v
 * as given (its to_date is normally ""); call inside a transaction. */
int sqlite_value_change_add(struct store_conn *base, struct store_value_change *v)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *end = sq_stmt(c, SQ_VALUE_CHANGE_END);
	if (!end)
		return STORE_ERROR;
	sqlite3_bind_int64(end, 1, v->case_id);
	sqlite3_bind_text(end, 2, v->from_date, -1, SQLITE_STATIC);
	int rc = sq_exec_write(c, end, 0);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *st = sq_stmt(c, SQ_VALUE_CHANGE_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, v->case_id);
	sqlite3_bind_int64(st, 2, v->value_range_id);
	sqlite3_bind_text(st, 3, v->from_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, v->to_date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, v->user_id);
	sqlite3_bind_text(st, 6, v->comments, -1, SQLITE_STATIC);
	return sq_insert_id(c, st, &v->id);
}

struct sq_value_change_walk {
	store_value_change_each_fn each;
	void *ctx;
};

static int sq_visit_value_change(sqlite3_stmt *st, void *ctx)
{
	struct sq_value_change_walk *w = ctx;
	struct store_value_change v;
	sq_read_value_change(st, &v);
	return w->each(&v, w->ctx);
}

int sqlite_value_change_list(struct store_conn *base, int64_t case_id,
			     store_value_change_each_fn each, void *ctx)
{
	struct sq_value_change_walk w = {each, ctx};
	return sq_each_of(sq_conn(base), SQ_VALUE_CHANGE_LIST, case_id, sq_visit_value_change, &w);
}
