/* deadline.c - SQLite rows of deadline: a case's critical deadlines (of a type from setup) and
 * statutes of limitation (of a plaintiff or a defendant), due dates and whether they are done.
 *
 * Which deadline is the next one and whether it is overdue is domain/deadline.c; the types
 * are a setup list (setup.c, SETUP_DEADLINE_TYPE). */
#include "store/sqlite/sqlite.h"

static void sq_read_deadline(sqlite3_stmt *st, void *row)
{
	struct store_deadline *d = row;
	d->id = sqlite3_column_int64(st, 0);
	d->case_id = sqlite3_column_int64(st, 1);
	d->party_id = sqlite3_column_int64(st, 2);
	sq_text(st, 3, d->kind, sizeof d->kind);
	d->deadline_type_id = sqlite3_column_int64(st, 4);
	sq_text(st, 5, d->due_date, sizeof d->due_date);
	sq_text(st, 6, d->comments, sizeof d->comments);
	d->done = sqlite3_column_int(st, 7) != 0;
	sq_text(st, 8, d->done_date, sizeof d->done_date);
	d->created_by = sqlite3_column_int64(st, 9);
	d->version = sqlite3_column_int64(st, 10);
	sq_text(st, 11, d->party_name, sizeof d->party_name);
	sq_text(st, 12, d->type_name, sizeof d->type_name);
}

/* sq_bind_deadline_fields binds ?3 party .. ?9 done_date (DEADLINE_FIELDS in catalogue.c). */
static void sq_bind_deadline_fields(sqlite3_stmt *st, const struct store_deadline *d)
{
	sqlite3_bind_int64(st, 3, d->party_id);
	sqlite3_bind_text(st, 4, d->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, d->deadline_type_id);
	sqlite3_bind_text(st, 6, d->due_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, d->comments, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 8, d->done);
	sqlite3_bind_text(st, 9, d->done_date, -1, SQLITE_STATIC);
}

int sqlite_deadline_insert(struct store_conn *base, struct store_deadline *d)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_DEADLINE_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, d->case_id);
	sq_bind_deadline_fields(st, d);
	sqlite3_bind_int64(st, 10, d->created_by);
	int rc = sq_insert_id(c, st, &d->id);
	if (rc == STORE_OK)
		d->version = 1;
	return rc;
}

int sqlite_deadline_get(struct store_conn *base, int64_t case_id, int64_t id,
			struct store_deadline *d)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_DEADLINE_GET, case_id, id);
	return st ? sq_one(c, st, sq_read_deadline, d) : STORE_ERROR;
}

int sqlite_deadline_update(struct store_conn *base, struct store_deadline *d)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st, *exists;
	if (sq_update_stmts(c, SQ_DEADLINE_UPDATE, SQ_DEADLINE_GET, d->case_id, d->id, &st,
			    &exists) != STORE_OK)
		return STORE_ERROR;
	sq_bind_deadline_fields(st, d);
	sqlite3_bind_int64(st, 10, d->version);
	int rc = sq_update_versioned(c, st, exists);
	if (rc == STORE_OK)
		d->version++;
	return rc;
}

int sqlite_deadline_delete(struct store_conn *base, int64_t id)
{
	return sq_write_of(sq_conn(base), SQ_DEADLINE_DELETE, id);
}

struct sq_deadline_walk {
	store_deadline_each_fn each;
	void *ctx;
};

static int sq_visit_deadline(sqlite3_stmt *st, void *ctx)
{
	struct sq_deadline_walk *w = ctx;
	struct store_deadline d;
	sq_read_deadline(st, &d);
	return w->each(&d, w->ctx);
}

int sqlite_deadline_list(struct store_conn *base, int64_t case_id, bool outstanding_only,
			 store_deadline_each_fn each, void *ctx)
{
	struct sq_deadline_walk w = {each, ctx};
	return sq_each_ids(sq_conn(base), SQ_DEADLINE_LIST, case_id, outstanding_only ? 1 : 0,
			   sq_visit_deadline, &w);
}
