/* task.c - SQLite rows of task: the to-do items of a case (subject, priority, due date,
 * assignee) and whether and when they were completed, in the order the case summary lists
 * them.
 *
 * Completing and reopening, the default priority and who may be assigned are domain/task.c. */
#include "store/sqlite/sqlite.h"

static void sq_read_task(sqlite3_stmt *st, void *row)
{
	struct store_task *t = row;
	t->id = sqlite3_column_int64(st, 0);
	t->case_id = sqlite3_column_int64(st, 1);
	sq_text(st, 2, t->subject, sizeof t->subject);
	sq_text(st, 3, t->description, sizeof t->description);
	sq_text(st, 4, t->priority, sizeof t->priority);
	sq_text(st, 5, t->due_date, sizeof t->due_date);
	t->assignee_id = sqlite3_column_int64(st, 6);
	t->completed = sqlite3_column_int(st, 7) != 0;
	t->completed_at = sqlite3_column_int64(st, 8);
	t->completed_by = sqlite3_column_int64(st, 9);
	t->created_by = sqlite3_column_int64(st, 10);
	t->version = sqlite3_column_int64(st, 11);
	t->created_at = sqlite3_column_int64(st, 12);
	t->updated_at = sqlite3_column_int64(st, 13);
	sq_text(st, 14, t->assignee_name, sizeof t->assignee_name);
}

/* sq_bind_task_fields binds ?3 subject .. ?10 completed_by (TASK_FIELDS in catalogue.c) and
 * ?12 now. */
static void sq_bind_task_fields(sqlite3_stmt *st, const struct store_task *t, int64_t now)
{
	sqlite3_bind_text(st, 3, t->subject, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, t->description, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, t->priority, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, t->due_date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, t->assignee_id);
	sqlite3_bind_int(st, 8, t->completed);
	sqlite3_bind_int64(st, 9, t->completed_at);
	sqlite3_bind_int64(st, 10, t->completed_by);
	sqlite3_bind_int64(st, 12, now);
}

int sqlite_task_insert(struct store_conn *base, struct store_task *t, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt(c, SQ_TASK_INSERT);
	if (!st)
		return STORE_ERROR;
	sqlite3_bind_int64(st, 1, t->case_id);
	sq_bind_task_fields(st, t, now);
	sqlite3_bind_int64(st, 11, t->created_by);
	int rc = sq_insert_id(c, st, &t->id);
	if (rc == STORE_OK) {
		t->version = 1;
		t->created_at = now;
		t->updated_at = now;
	}
	return rc;
}

int sqlite_task_get(struct store_conn *base, int64_t case_id, int64_t id, struct store_task *t)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st = sq_stmt_ids(c, SQ_TASK_GET, case_id, id);
	return st ? sq_one(c, st, sq_read_task, t) : STORE_ERROR;
}

int sqlite_task_update(struct store_conn *base, struct store_task *t, int64_t now)
{
	struct sqlite_conn *c = sq_conn(base);
	sqlite3_stmt *st, *exists;
	if (sq_update_stmts(c, SQ_TASK_UPDATE, SQ_TASK_GET, t->case_id, t->id, &st,
			    &exists) != STORE_OK)
		return STORE_ERROR;
	sq_bind_task_fields(st, t, now);
	sqlite3_bind_int64(st, 11, t->version);
	int rc = sq_update_versioned(c, st, exists);
	if (rc == STORE_OK) {
		t->version++;
		t->updated_at = now;
	}
	return rc;
}

int sqlite_task_delete(struct store_conn *base, int64_t id)
{
	return sq_write_of(sq_conn(base), SQ_TASK_DELETE, id);
}

struct sq_task_walk {
	store_task_each_fn each;
	void *ctx;
};

static int sq_visit_task(sqlite3_stmt *st, void *ctx)
{
	struct sq_task_walk *w = ctx;
	struct store_task t;
	sq_read_task(st, &t);
	return w->each(&t, w->ctx);
}

int sqlite_task_list(struct store_conn *base, int64_t case_id, bool open_only,
		     store_task_each_fn each, void *ctx)
{
	struct sq_task_walk w = {each, ctx};
	return sq_each_ids(sq_conn(base), SQ_TASK_LIST, case_id, open_only ? 1 : 0,
			   sq_visit_task, &w);
}
