/* task.c - PostgreSQL rows of task: the to-do items of a case (subject, priority, due date,
 * assignee) and whether and when they were completed, in the order the case summary lists
 * them.
 *
 * Mirrors ../sqlite/task.c. Completing and reopening, the default priority and who may be
 * assigned are domain/task.c. */
#include "store/pg/pg.h"

#include <string.h>

static void pg_read_task(const PGresult *r, int row, void *out)
{
	struct store_task *t = out;
	t->id = pg_i64(r, row, 0);
	t->case_id = pg_i64(r, row, 1);
	pg_text(r, row, 2, t->subject, sizeof t->subject);
	pg_text(r, row, 3, t->description, sizeof t->description);
	pg_text(r, row, 4, t->priority, sizeof t->priority);
	pg_text(r, row, 5, t->due_date, sizeof t->due_date);
	t->assignee_id = pg_i64(r, row, 6);
	t->completed = pg_bool(r, row, 7);
	t->completed_at = pg_i64(r, row, 8);
	t->completed_by = pg_i64(r, row, 9);
	t->created_by = pg_i64(r, row, 10);
	t->version = pg_i64(r, row, 11);
	t->created_at = pg_i64(r, row, 12);
	t->updated_at = pg_i64(r, row, 13);
	pg_text(r, row, 14, t->assignee_name, sizeof t->assignee_name);
}

/* pg_bind_task_fields binds $3 subject .. $10 completed_by (TASK_FIELDS in
 * catalogue_summary.c), then now as $11. */
static void pg_bind_task_fields(struct pg_params *p, const struct store_task *t, int64_t now)
{
	pg_p_text(p, t->subject);
	pg_p_text(p, t->description);
	pg_p_text(p, t->priority);
	pg_p_text(p, t->due_date);
	pg_p_i64(p, t->assignee_id);
	pg_p_bool(p, t->completed);
	pg_p_i64(p, t->completed_at);
	pg_p_i64(p, t->completed_by);
	pg_p_i64(p, now);
}

int pg_task_insert(struct store_conn *base, struct store_task *t, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, t->case_id);
	pg_p_i64(&p, t->created_by);
	pg_bind_task_fields(&p, t, now);
	int rc = pg_insert_id(pg_conn(base), PG_TASK_INSERT, &p, &t->id);
	if (rc == STORE_OK) {
		t->version = 1;
		t->created_at = now;
		t->updated_at = now;
	}
	return rc;
}

int pg_task_get(struct store_conn *base, int64_t case_id, int64_t id, struct store_task *t)
{
	return pg_one_ids(pg_conn(base), PG_TASK_GET, case_id, id, pg_read_task, t);
}

int pg_task_update(struct store_conn *base, struct store_task *t, int64_t now)
{
	struct pg_params p = {0};
	pg_p_i64(&p, t->id);
	pg_p_i64(&p, t->case_id);
	pg_bind_task_fields(&p, t, now);
	pg_p_i64(&p, t->version);
	int rc = pg_update_versioned(pg_conn(base), PG_TASK_UPDATE, &p, &t->version, NULL, NULL);
	if (rc == STORE_OK)
		t->updated_at = now;
	return rc;
}

int pg_task_delete(struct store_conn *base, int64_t id)
{
	return pg_write_of(pg_conn(base), PG_TASK_DELETE, id);
}

struct pg_task_walk {
	store_task_each_fn each;
	void *ctx;
};

static int pg_visit_task(const PGresult *r, int row, void *ctx)
{
	struct pg_task_walk *w = ctx;
	struct store_task t;
	memset(&t, 0, sizeof t);
	pg_read_task(r, row, &t);
	return w->each(&t, w->ctx);
}

int pg_task_list(struct store_conn *base, int64_t case_id, bool open_only,
		 store_task_each_fn each, void *ctx)
{
	struct pg_params p = {0};
	pg_p_i64(&p, case_id);
	pg_p_bool(&p, open_only);
	struct pg_task_walk w = {each, ctx};
	return pg_each(pg_conn(base), PG_TASK_LIST, &p, pg_visit_task, &w);
}
